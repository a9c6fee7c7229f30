-- Version 14: the Families screen reads what it shows, a page at a time, instead of holding
-- every family. `family_text` holds each family's folded text (its name, its caregivers' and
-- children's names, its reference, and its phone number as written and as bare digits unless
-- the family is protected: search would tell whose number it is), and `family_search` indexes
-- it by trigrams (any part of three letters or more). Triggers keep both in step with family,
-- caregiver and child, whichever program writes them; the text is folded in SQL as `domain::search::fold` folds a query (lower
-- case, å/ä → a, ö → o and the other accented letters of that table). `family_name_order`
-- orders the list the Swedish way (å, ä, ö after z), as `domain::search::sort_key` does; the
-- reads use the same expression (`db::families::search::NAME_ORDER`).
CREATE INDEX family_name_order ON family (replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(display_name), 'å', '{'), 'Å', '{'), 'ä', '|'), 'Ä', '|'), 'æ', '|'), 'Æ', '|'), 'ö', '}'), 'Ö', '}'), 'ø', '}'), 'Ø', '}'), family_ref);

CREATE TABLE family_text (
    id   INTEGER PRIMARY KEY REFERENCES family (id),
    text TEXT NOT NULL
);
CREATE VIRTUAL TABLE family_search USING fts5 (
    text, content = 'family_text', content_rowid = 'id',
    tokenize = 'trigram remove_diacritics 1'
);

-- A family's text as written (names, reference, an open phone number; the order of the names
-- does not matter to search), then folded in steps: each view takes some letters of the fold's
-- table, few enough for older SQLite tools (sqlite3 3.40 on Debian 12) to parse the schema.
CREATE VIEW family_search_raw (id, raw) AS
SELECT f.id,
        f.display_name
        || ' ' || coalesce((SELECT group_concat(c.name, ' ')
                            FROM caregiver c WHERE c.family_id = f.id), '')
        || ' ' || coalesce((SELECT group_concat(k.name, ' ')
                            FROM child k WHERE k.family_id = f.id), '')
        || ' ' || f.family_ref
        || CASE WHEN f.protection = 'none' AND f.phone IS NOT NULL
                THEN ' ' || f.phone || ' ' || replace(replace(replace(replace(replace(replace(replace(f.phone, ' ', ''), '-', ''), '+', ''), '(', ''), ')', ''), '/', ''), '.', '')
                ELSE '' END
FROM family f;

CREATE VIEW family_search_fold1 (id, text) AS
SELECT id, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(raw), 'å', 'a'), 'Å', 'a'), 'ä', 'a'), 'Ä', 'a'), 'á', 'a'), 'Á', 'a'), 'à', 'a'), 'À', 'a'), 'â', 'a'), 'Â', 'a'), 'ã', 'a'), 'Ã', 'a'), 'ö', 'o'), 'Ö', 'o'), 'ø', 'o'), 'Ø', 'o'), 'ó', 'o'), 'Ó', 'o'), 'ò', 'o'), 'Ò', 'o')
FROM family_search_raw;

CREATE VIEW family_search_fold2 (id, text) AS
SELECT id, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(text, 'ô', 'o'), 'Ô', 'o'), 'õ', 'o'), 'Õ', 'o'), 'é', 'e'), 'É', 'e'), 'è', 'e'), 'È', 'e'), 'ê', 'e'), 'Ê', 'e'), 'ë', 'e'), 'Ë', 'e'), 'í', 'i'), 'Í', 'i'), 'ì', 'i'), 'Ì', 'i'), 'î', 'i'), 'Î', 'i'), 'ï', 'i'), 'Ï', 'i')
FROM family_search_fold1;

CREATE VIEW family_search_fold3 (id, text) AS
SELECT id, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(text, 'ı', 'i'), 'I', 'i'), 'ú', 'u'), 'Ú', 'u'), 'ù', 'u'), 'Ù', 'u'), 'û', 'u'), 'Û', 'u'), 'ü', 'u'), 'Ü', 'u'), 'ç', 'c'), 'Ç', 'c'), 'č', 'c'), 'Č', 'c'), 'ć', 'c'), 'Ć', 'c'), 'š', 's'), 'Š', 's'), 'ś', 's'), 'Ś', 's')
FROM family_search_fold2;

CREATE VIEW family_search_text (id, text) AS
SELECT id, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(text, 'ş', 's'), 'Ş', 's'), 'ž', 'z'), 'Ž', 'z'), 'ź', 'z'), 'Ź', 'z'), 'ż', 'z'), 'Ż', 'z'), 'ñ', 'n'), 'Ñ', 'n'), 'ń', 'n'), 'Ń', 'n'), 'ł', 'l'), 'Ł', 'l'), 'đ', 'd'), 'Đ', 'd'), 'ğ', 'g'), 'Ğ', 'g')
FROM family_search_fold3;

INSERT INTO family_text (id, text) SELECT id, text FROM family_search_text;
INSERT INTO family_search (family_search) VALUES ('rebuild');

CREATE TRIGGER family_search_insert AFTER INSERT ON family BEGIN
    INSERT INTO family_text (id, text) SELECT id, text FROM family_search_text WHERE id = new.id;
    INSERT INTO family_search (rowid, text) SELECT id, text FROM family_text WHERE id = new.id;
END;

CREATE TRIGGER family_search_update AFTER UPDATE OF display_name, family_ref, phone, protection
ON family BEGIN
    INSERT INTO family_search (family_search, rowid, text)
        SELECT 'delete', id, text FROM family_text WHERE id = old.id;
    DELETE FROM family_text WHERE id = old.id;
    INSERT INTO family_text (id, text) SELECT id, text FROM family_search_text WHERE id = old.id;
    INSERT INTO family_search (rowid, text) SELECT id, text FROM family_text WHERE id = old.id;
    INSERT INTO family_search (family_search, rowid, text)
        SELECT 'delete', id, text FROM family_text WHERE id = new.id;
    DELETE FROM family_text WHERE id = new.id;
    INSERT INTO family_text (id, text) SELECT id, text FROM family_search_text WHERE id = new.id;
    INSERT INTO family_search (rowid, text) SELECT id, text FROM family_text WHERE id = new.id;
END;

CREATE TRIGGER family_search_delete BEFORE DELETE ON family BEGIN
    INSERT INTO family_search (family_search, rowid, text)
        SELECT 'delete', id, text FROM family_text WHERE id = old.id;
    DELETE FROM family_text WHERE id = old.id;
END;

CREATE TRIGGER caregiver_search_insert AFTER INSERT ON caregiver BEGIN
    INSERT INTO family_search (family_search, rowid, text)
        SELECT 'delete', id, text FROM family_text WHERE id = new.family_id;
    DELETE FROM family_text WHERE id = new.family_id;
    INSERT INTO family_text (id, text) SELECT id, text FROM family_search_text WHERE id = new.family_id;
    INSERT INTO family_search (rowid, text) SELECT id, text FROM family_text WHERE id = new.family_id;
END;

CREATE TRIGGER caregiver_search_update AFTER UPDATE OF name, position, family_id ON caregiver BEGIN
    INSERT INTO family_search (family_search, rowid, text)
        SELECT 'delete', id, text FROM family_text WHERE id = old.family_id;
    DELETE FROM family_text WHERE id = old.family_id;
    INSERT INTO family_text (id, text) SELECT id, text FROM family_search_text WHERE id = old.family_id;
    INSERT INTO family_search (rowid, text) SELECT id, text FROM family_text WHERE id = old.family_id;
    INSERT INTO family_search (family_search, rowid, text)
        SELECT 'delete', id, text FROM family_text WHERE id = new.family_id;
    DELETE FROM family_text WHERE id = new.family_id;
    INSERT INTO family_text (id, text) SELECT id, text FROM family_search_text WHERE id = new.family_id;
    INSERT INTO family_search (rowid, text) SELECT id, text FROM family_text WHERE id = new.family_id;
END;

CREATE TRIGGER caregiver_search_delete AFTER DELETE ON caregiver BEGIN
    INSERT INTO family_search (family_search, rowid, text)
        SELECT 'delete', id, text FROM family_text WHERE id = old.family_id;
    DELETE FROM family_text WHERE id = old.family_id;
    INSERT INTO family_text (id, text) SELECT id, text FROM family_search_text WHERE id = old.family_id;
    INSERT INTO family_search (rowid, text) SELECT id, text FROM family_text WHERE id = old.family_id;
END;

CREATE TRIGGER child_search_insert AFTER INSERT ON child BEGIN
    INSERT INTO family_search (family_search, rowid, text)
        SELECT 'delete', id, text FROM family_text WHERE id = new.family_id;
    DELETE FROM family_text WHERE id = new.family_id;
    INSERT INTO family_text (id, text) SELECT id, text FROM family_search_text WHERE id = new.family_id;
    INSERT INTO family_search (rowid, text) SELECT id, text FROM family_text WHERE id = new.family_id;
END;

CREATE TRIGGER child_search_update AFTER UPDATE OF name, position, family_id ON child BEGIN
    INSERT INTO family_search (family_search, rowid, text)
        SELECT 'delete', id, text FROM family_text WHERE id = old.family_id;
    DELETE FROM family_text WHERE id = old.family_id;
    INSERT INTO family_text (id, text) SELECT id, text FROM family_search_text WHERE id = old.family_id;
    INSERT INTO family_search (rowid, text) SELECT id, text FROM family_text WHERE id = old.family_id;
    INSERT INTO family_search (family_search, rowid, text)
        SELECT 'delete', id, text FROM family_text WHERE id = new.family_id;
    DELETE FROM family_text WHERE id = new.family_id;
    INSERT INTO family_text (id, text) SELECT id, text FROM family_search_text WHERE id = new.family_id;
    INSERT INTO family_search (rowid, text) SELECT id, text FROM family_text WHERE id = new.family_id;
END;

CREATE TRIGGER child_search_delete AFTER DELETE ON child BEGIN
    INSERT INTO family_search (family_search, rowid, text)
        SELECT 'delete', id, text FROM family_text WHERE id = old.family_id;
    DELETE FROM family_text WHERE id = old.family_id;
    INSERT INTO family_text (id, text) SELECT id, text FROM family_search_text WHERE id = old.family_id;
    INSERT INTO family_search (rowid, text) SELECT id, text FROM family_text WHERE id = old.family_id;
END;

-- The programmes the list's filter offers, read one index step per programme.
CREATE INDEX family_programme ON family (programme_id);
