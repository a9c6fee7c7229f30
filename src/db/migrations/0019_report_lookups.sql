-- The report no longer looks up each visit's and child's family for its programme: the
-- programme comes from the report's own read of the period's families, so the index that
-- served those lookups (`0017_report_cover`) only cost every write of a family.
DROP INDEX family_programme_of;
