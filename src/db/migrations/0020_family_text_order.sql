-- A search word of one or two letters that many families share is tested family by family in
-- the list's order, and each family's text was a lookup of its own, all over the file. Each
-- text now carries the list's order (`sort`: the expression of `family_name_order`, and the
-- reference), and `family_text_order` holds the texts in that order, so such a walk reads one
-- index from its start and nothing else (`db::families::search`).
ALTER TABLE family_text ADD COLUMN sort TEXT NOT NULL DEFAULT '';
ALTER TABLE family_text ADD COLUMN ref TEXT NOT NULL DEFAULT '';
UPDATE family_text SET (sort, ref) = (
    SELECT replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(f.display_name), 'å', '{'), 'Å', '{'), 'ä', '|'), 'Ä', '|'), 'æ', '|'), 'Æ', '|'), 'ö', '}'), 'Ö', '}'), 'ø', '}'), 'Ø', '}'), f.family_ref
    FROM family f WHERE f.id = family_text.id);
CREATE INDEX family_text_order ON family_text (sort, ref, text);
-- A family's text is written anew whenever its name, reference, caregivers or children change
-- (the triggers of `0015_family_search`): the new row takes the family's order then.
CREATE TRIGGER family_text_order AFTER INSERT ON family_text BEGIN
    UPDATE family_text SET (sort, ref) = (
        SELECT replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(f.display_name), 'å', '{'), 'Å', '{'), 'ä', '|'), 'Ä', '|'), 'æ', '|'), 'Æ', '|'), 'ö', '}'), 'Ö', '}'), 'ø', '}'), 'Ø', '}'), f.family_ref
        FROM family f WHERE f.id = new.id)
    WHERE id = new.id;
END;
