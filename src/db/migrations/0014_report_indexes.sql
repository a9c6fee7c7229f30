-- The report reads what happened in its period through indexes, not by scanning the register.
-- Families offered, declined or exited on a day, and those in the programme on a day: enrolled by
-- then and not exited before it (exited_on first, so a recent period reads the families still in
-- the programme and those who left since its start, and enrolled_on is tested in the index).
CREATE INDEX family_offered ON family (offered_on) WHERE offered_on IS NOT NULL;
CREATE INDEX family_declined ON family (declined_on) WHERE declined_on IS NOT NULL;
CREATE INDEX family_stay ON family (exited_on, enrolled_on);
-- Where the register's families are: every unit gets its rows (zeros included) and the nests are
-- found among them, from this index alone.
CREATE INDEX family_units ON family (area, clinic, programme_id, eligibility);
-- What was done for a child, ever: the distinct programme visits and the first one's day, read
-- from the index for the children the period is about.
CREATE INDEX visit_done ON visit (child_id, visit_no, starts_at)
    WHERE status = 'done' AND visit_no IS NOT NULL;
