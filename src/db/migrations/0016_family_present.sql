-- Which of the family were at a visit that took place: one caregiver, both caregivers, or a
-- caregiver with the child's other parent (who is not a caregiver). Regions' evaluations ask
-- about the other parent's (most often the father's) part. Visits recorded before this, and
-- visits where it was not said, keep NULL.
ALTER TABLE visit ADD COLUMN family_present TEXT
    CHECK (family_present IN ('one_caregiver', 'both_caregivers', 'with_other_parent'));
