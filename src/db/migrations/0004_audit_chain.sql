-- A tamper-evident audit log: each row carries the hash of the row before it and of its own
-- content (SHA-256, hex). Rows written before this version are sealed into the chain by the
-- program right after this step (see db/audit.rs `seal_chain`).
ALTER TABLE audit ADD COLUMN prev_hash TEXT;
ALTER TABLE audit ADD COLUMN hash TEXT;
-- INSERT OR REPLACE removes the old row without a DELETE: refuse any insert of an id in use.
CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit
WHEN EXISTS (SELECT 1 FROM audit WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
