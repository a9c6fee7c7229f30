-- A protected family's place in the list followed its name: a reader of the Families list saw
-- "protected family" among the families of one surname, and so what the name begins with. A
-- protected family now stands after every name (`char(1114111)`, the last code point, sorts
-- after every text but one that begins with it, a noncharacter no name has), the protected
-- among themselves by reference. The index and each family's text take that order
-- (`db::families::search::NAME_ORDER`, `domain::search::list_key`); a text is written anew when
-- a family's protection changes (`family_search_update`), and takes the new order then.
DROP INDEX family_name_order;
CREATE INDEX family_name_order ON family (CASE WHEN protection = 'none' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(display_name), 'å', '{'), 'Å', '{'), 'ä', '|'), 'Ä', '|'), 'æ', '|'), 'Æ', '|'), 'ö', '}'), 'Ö', '}'), 'ø', '}'), 'Ø', '}') ELSE char(1114111) END, family_ref);

DROP TRIGGER family_text_order;
CREATE TRIGGER family_text_order AFTER INSERT ON family_text BEGIN
    UPDATE family_text SET (sort, ref) = (
        SELECT CASE WHEN f.protection = 'none' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(f.display_name), 'å', '{'), 'Å', '{'), 'ä', '|'), 'Ä', '|'), 'æ', '|'), 'Æ', '|'), 'ö', '}'), 'Ö', '}'), 'ø', '}'), 'Ø', '}') ELSE char(1114111) END, f.family_ref
        FROM family f WHERE f.id = new.id)
    WHERE id = new.id;
END;

UPDATE family_text SET sort = char(1114111)
WHERE id IN (SELECT id FROM family WHERE protection <> 'none');
