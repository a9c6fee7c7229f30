-- Twins' programme visits at one time are one trip (issue 8, point 11): the visit of a child
-- whose twin (a child of the family born or expected the same day) has the same programme
-- visit at the same time, in the same status, points at that visit (`twin_of`, the trip's
-- lowest visit id). Week and the calendar then count and list trips from an index of the
-- first visits only, so a twin costs nothing per row read. The triggers keep it true on every
-- write, whichever path writes it (booking, moving, outcomes, imports, the demo, a child's
-- birth date edited, a child or a visit removed); they do nothing for a child without a twin.
ALTER TABLE visit ADD COLUMN twin_of INTEGER;
-- `twin_of` leads, so that counting a week's trips and paging a day's read the index alone, in
-- time order.
CREATE INDEX visit_trip_start ON visit (twin_of, starts_at) WHERE twin_of IS NULL;
CREATE INDEX visit_twin ON visit (twin_of) WHERE twin_of IS NOT NULL;

-- The children a child shares a trip with: itself and its twins.
CREATE VIEW twin_child (child_id, twin_id) AS
    SELECT c.id, t.id FROM child c
      JOIN child t ON t.family_id = c.family_id AND t.birth_date = c.birth_date;

UPDATE visit SET twin_of = (
    SELECT min(w.id) FROM twin_child tc JOIN visit w ON w.child_id = tc.twin_id
     WHERE tc.child_id = visit.child_id AND tc.twin_id <> visit.child_id
       AND w.visit_no = visit.visit_no AND w.starts_at = visit.starts_at
       AND w.status = visit.status AND w.id < visit.id)
 WHERE visit_no IS NOT NULL AND child_id IN (
    SELECT child_id FROM twin_child WHERE twin_id <> child_id);

CREATE TRIGGER visit_twin_insert AFTER INSERT ON visit
  WHEN NEW.visit_no IS NOT NULL
   AND EXISTS (SELECT 1 FROM twin_child WHERE child_id = NEW.child_id AND twin_id <> child_id)
BEGIN
    UPDATE visit SET twin_of = (
        SELECT min(w.id) FROM twin_child tc JOIN visit w ON w.child_id = tc.twin_id
         WHERE tc.child_id = visit.child_id AND tc.twin_id <> visit.child_id
           AND w.visit_no = visit.visit_no AND w.starts_at = visit.starts_at
           AND w.status = visit.status AND w.id < visit.id)
     WHERE visit_no = NEW.visit_no
       AND child_id IN (SELECT twin_id FROM twin_child WHERE child_id = NEW.child_id);
END;

CREATE TRIGGER visit_twin_update AFTER UPDATE OF child_id, visit_no, starts_at, status ON visit
  WHEN EXISTS (SELECT 1 FROM twin_child WHERE child_id IN (OLD.child_id, NEW.child_id)
                AND twin_id <> child_id)
BEGIN
    UPDATE visit SET twin_of = (
        SELECT min(w.id) FROM twin_child tc JOIN visit w ON w.child_id = tc.twin_id
         WHERE tc.child_id = visit.child_id AND tc.twin_id <> visit.child_id
           AND w.visit_no = visit.visit_no AND w.starts_at = visit.starts_at
           AND w.status = visit.status AND w.id < visit.id)
     WHERE visit_no IN (OLD.visit_no, NEW.visit_no)
       AND child_id IN (SELECT twin_id FROM twin_child
                         WHERE child_id IN (OLD.child_id, NEW.child_id));
END;

-- A trip's first visit removed: the others point at the next one, or ride alone.
CREATE TRIGGER visit_twin_delete AFTER DELETE ON visit
BEGIN
    UPDATE visit SET twin_of = (
        SELECT min(w.id) FROM twin_child tc JOIN visit w ON w.child_id = tc.twin_id
         WHERE tc.child_id = visit.child_id AND tc.twin_id <> visit.child_id
           AND w.visit_no = visit.visit_no AND w.starts_at = visit.starts_at
           AND w.status = visit.status AND w.id < visit.id)
     WHERE twin_of = OLD.id;
END;

-- A birth date edited (or a child moved) can make or unmake twins.
CREATE TRIGGER child_twin_update AFTER UPDATE OF birth_date, family_id ON child
  WHEN OLD.birth_date IS NOT NEW.birth_date OR OLD.family_id IS NOT NEW.family_id
BEGIN
    UPDATE visit SET twin_of = (
        SELECT min(w.id) FROM twin_child tc JOIN visit w ON w.child_id = tc.twin_id
         WHERE tc.child_id = visit.child_id AND tc.twin_id <> visit.child_id
           AND w.visit_no = visit.visit_no AND w.starts_at = visit.starts_at
           AND w.status = visit.status AND w.id < visit.id)
     WHERE child_id IN (SELECT id FROM child WHERE family_id IN (OLD.family_id, NEW.family_id));
END;
