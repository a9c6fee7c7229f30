-- Groups: the children's birth-date span a series is for (to suggest members), its area, and
-- why a session was cancelled. A held session with no attendance rows is "not recorded".
ALTER TABLE parent_group ADD COLUMN area TEXT;
ALTER TABLE parent_group ADD COLUMN born_from TEXT;
ALTER TABLE parent_group ADD COLUMN born_to TEXT;
ALTER TABLE group_session ADD COLUMN cancel_reason TEXT;
CREATE INDEX group_leader_staff ON group_leader (staff_id);
