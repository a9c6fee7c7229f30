-- Version 2: read caregivers and children of all families in one ordered pass (the search index).
CREATE INDEX caregiver_family_position ON caregiver (family_id, position);
CREATE INDEX child_family_position ON child (family_id, position);
DROP INDEX caregiver_family;
DROP INDEX child_family;
