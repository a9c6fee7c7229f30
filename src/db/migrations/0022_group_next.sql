-- Groups lists the running series by their next planned session. It looked that session up for
-- every running series, one seek each into the sessions' index (1,900 series at 200,000
-- families), before it could show the first of them. Each series now keeps its first planned
-- session (`planned_first`, kept by the triggers below, as `first_at` and `last_at` are), and
-- the index the list counts from holds it: when it is still ahead, it is the next session, read
-- from the index alone. Only a series with a planned session already past (its attendance not
-- yet recorded) has its next one looked up.
ALTER TABLE parent_group ADD COLUMN planned_first TEXT;
UPDATE parent_group SET planned_first = (
    SELECT min(starts_at) FROM group_session s
     WHERE s.group_id = parent_group.id AND s.status = 'planned');
DROP INDEX parent_group_span;
CREATE INDEX parent_group_span ON parent_group (last_at, first_at, planned_first)
    WHERE last_at IS NOT NULL;

CREATE TRIGGER group_session_planned_insert AFTER INSERT ON group_session
    WHEN NEW.status = 'planned'
BEGIN
    UPDATE parent_group SET planned_first = (
        SELECT min(starts_at) FROM group_session s
         WHERE s.group_id = NEW.group_id AND s.status = 'planned')
     WHERE id = NEW.group_id;
END;

CREATE TRIGGER group_session_planned_update AFTER UPDATE OF group_id, starts_at, status
    ON group_session
BEGIN
    UPDATE parent_group SET planned_first = (
        SELECT min(starts_at) FROM group_session s
         WHERE s.group_id = parent_group.id AND s.status = 'planned')
     WHERE id IN (OLD.group_id, NEW.group_id);
END;

CREATE TRIGGER group_session_planned_delete AFTER DELETE ON group_session
    WHEN OLD.status = 'planned'
BEGIN
    UPDATE parent_group SET planned_first = (
        SELECT min(starts_at) FROM group_session s
         WHERE s.group_id = OLD.group_id AND s.status = 'planned')
     WHERE id = OLD.group_id;
END;
