-- A later export of a period whose figures differ is a revision: it carries a revision number and
-- the checksums of the earlier files, and its pattern of hidden cells is chosen and audited
-- together with theirs. So every export keeps the cells it published (one line per cell:
-- indicator, breakdown, unit, category, value or nothing when hidden, top-coded flag). Exports
-- made before this keep NULL: their cells were never recorded. The `quarter` column holds the
-- period, a quarter (2026Q3) or a year (2026).
ALTER TABLE report_run ADD COLUMN revision INTEGER;
ALTER TABLE report_run ADD COLUMN cells TEXT;
