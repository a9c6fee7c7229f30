-- The Groups screen lists series by where they stand (current, planned, ended lately) and
-- counts each section; the first and last session of each series, kept on the series, let it
-- find and count them from an index, reading what the screen shows instead of grouping every
-- session of the last months. The triggers keep both true whichever path writes a session.
ALTER TABLE parent_group ADD COLUMN first_at TEXT;
ALTER TABLE parent_group ADD COLUMN last_at TEXT;
CREATE INDEX parent_group_span ON parent_group (last_at, first_at) WHERE last_at IS NOT NULL;
-- A series' next planned session, and its held sessions, from the index alone: the running
-- series are ordered by their next session.
CREATE INDEX group_session_status ON group_session (group_id, status, starts_at);

UPDATE parent_group SET
    first_at = (SELECT min(starts_at) FROM group_session s WHERE s.group_id = parent_group.id),
    last_at = (SELECT max(starts_at) FROM group_session s WHERE s.group_id = parent_group.id);

CREATE TRIGGER group_session_span_insert AFTER INSERT ON group_session
BEGIN
    UPDATE parent_group SET
        first_at = (SELECT min(starts_at) FROM group_session s WHERE s.group_id = NEW.group_id),
        last_at = (SELECT max(starts_at) FROM group_session s WHERE s.group_id = NEW.group_id)
     WHERE id = NEW.group_id;
END;

CREATE TRIGGER group_session_span_update AFTER UPDATE OF group_id, starts_at ON group_session
BEGIN
    UPDATE parent_group SET
        first_at = (SELECT min(starts_at) FROM group_session s WHERE s.group_id = parent_group.id),
        last_at = (SELECT max(starts_at) FROM group_session s WHERE s.group_id = parent_group.id)
     WHERE id IN (OLD.group_id, NEW.group_id);
END;

CREATE TRIGGER group_session_span_delete AFTER DELETE ON group_session
BEGIN
    UPDATE parent_group SET
        first_at = (SELECT min(starts_at) FROM group_session s WHERE s.group_id = OLD.group_id),
        last_at = (SELECT max(starts_at) FROM group_session s WHERE s.group_id = OLD.group_id)
     WHERE id = OLD.group_id;
END;
