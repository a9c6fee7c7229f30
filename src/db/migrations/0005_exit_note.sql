-- Why a family left when the reason is "other": the coordinator's own words, kept with the family.
ALTER TABLE family ADD COLUMN exit_note TEXT;
