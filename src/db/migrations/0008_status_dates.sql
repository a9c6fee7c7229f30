-- Every status change of a family keeps its date (DESIGN §3), because the report counts what
-- happened in a quarter; and each report run keeps its threshold and the audit chain's head.
ALTER TABLE family ADD COLUMN declined_on TEXT;
ALTER TABLE family ADD COLUMN paused_on TEXT;
ALTER TABLE report_run ADD COLUMN threshold INTEGER;
ALTER TABLE report_run ADD COLUMN audit_head TEXT;

-- What can be known for the rows already there: the day of the family's last status change is
-- in the audit log (action 'status'), so a family that is declined or paused now gets that day.
-- What cannot be known, and stays NULL: a family that was declined or paused before and has
-- moved on since (only its last change has a row to read), a family imported or created with
-- that status (no status change was logged), and any earlier pause of a family paused again.
UPDATE family SET declined_on = (
    SELECT substr(max(a.at), 1, 10) FROM audit a
     WHERE a.entity = 'family' AND a.entity_id = family.id AND a.action = 'status')
 WHERE status = 'declined';
UPDATE family SET paused_on = (
    SELECT substr(max(a.at), 1, 10) FROM audit a
     WHERE a.entity = 'family' AND a.entity_id = family.id AND a.action = 'status')
 WHERE status = 'paused';
-- A family that completed or left without a recorded day: the same audit row gives it.
UPDATE family SET exited_on = (
    SELECT substr(max(a.at), 1, 10) FROM audit a
     WHERE a.entity = 'family' AND a.entity_id = family.id AND a.action = 'status')
 WHERE status IN ('completed', 'exited') AND exited_on IS NULL;
-- Completing is its own reason.
UPDATE family SET exit_reason = 'completed' WHERE status = 'completed' AND exit_reason IS NULL;
