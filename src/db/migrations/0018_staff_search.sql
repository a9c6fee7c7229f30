-- The Staff screen reads what it shows, a page at a time, instead of the whole roster.
-- `search_text` holds each person's name and languages folded as a query is folded
-- (`domain::staff_list::search_text`; the step after this file fills it for the people already
-- stored, and every save writes it). `staff_name_order` walks the list in name order.
ALTER TABLE staff ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
CREATE INDEX staff_name_order ON staff (name, id);
-- The active people of a role, by name, with all a booking needs of them: whom a visit can be
-- booked with, read in index order (a region's roster is thousands).
CREATE INDEX staff_role_order ON staff (role, active, name, id, organisation, languages,
    work_days, work_start, work_end);
