-- The Report screen lists a quarter's earlier exports with where each was written. Exports made
-- before this keep a NULL path: where they went was never recorded.
ALTER TABLE report_run ADD COLUMN path TEXT;
