-- Who works a family's area, for proposals: the staff of the area's latest visits. The walk
-- that found them went back through every visit in time, looking up each one's child and family
-- to test the area, all over the file (about 2,400 visits for a sample of 300, at every size).
-- Each visit now carries its family's area, kept by the triggers below, and `visit_area` holds
-- the visits of an area in time order, so the sample is one range of an index.
ALTER TABLE visit ADD COLUMN area TEXT;
UPDATE visit SET area = (
    SELECT f.area FROM child c JOIN family f ON f.id = c.family_id WHERE c.id = visit.child_id);
CREATE INDEX visit_area ON visit (area, starts_at) WHERE area IS NOT NULL;
CREATE TRIGGER visit_area_insert AFTER INSERT ON visit BEGIN
    UPDATE visit SET area = (
        SELECT f.area FROM child c JOIN family f ON f.id = c.family_id WHERE c.id = new.child_id)
    WHERE id = new.id;
END;
CREATE TRIGGER visit_area_child AFTER UPDATE OF child_id ON visit BEGIN
    UPDATE visit SET area = (
        SELECT f.area FROM child c JOIN family f ON f.id = c.family_id WHERE c.id = new.child_id)
    WHERE id = new.id;
END;
CREATE TRIGGER visit_area_family AFTER UPDATE OF area ON family
    WHEN old.area IS NOT new.area BEGIN
    UPDATE visit SET area = new.area
    WHERE child_id IN (SELECT c.id FROM child c WHERE c.family_id = new.id);
END;
CREATE TRIGGER visit_area_moved AFTER UPDATE OF family_id ON child
    WHEN old.family_id IS NOT new.family_id BEGIN
    UPDATE visit SET area = (SELECT f.area FROM family f WHERE f.id = new.family_id)
    WHERE child_id = new.id;
END;
