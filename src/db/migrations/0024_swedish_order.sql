-- The list's order filed only å, ä and ö the Swedish way: other marked letters stood after ö,
-- so "Şahin" came after "Öztürk" and "Émile" after every Ö, and SQLite's `lower()` lowers
-- ASCII only, so an upper-case É or Ş was not even a lower-case one. Each family's text now
-- carries a key made through the table of `domain::search::SORT_LETTERS` (é as e, ş as s, ü as
-- y, æ and ø as ä and ö), folded in steps as the search text is (`0015_family_search`), few
-- letters a view, for older SQLite tools. The list, search, a series' members and a roll call
-- all read in that key's order from the texts' own index, `family_text_order`
-- (`db::families::search::TEXT_ORDER`); the family index of the old expression goes.

CREATE VIEW family_sort_fold1 (id, protection, family_ref, key) AS
SELECT id, protection, family_ref, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(display_name), 'å', '{'), 'Å', '{'), 'ä', '|'), 'Ä', '|'), 'æ', '|'), 'Æ', '|'), 'ö', '}'), 'Ö', '}'), 'ø', '}'), 'Ø', '}'), 'ő', '}'), 'Ő', '}'), 'ü', 'y'), 'Ü', 'y'), 'ű', 'y'), 'Ű', 'y'), 'á', 'a'), 'Á', 'a'), 'à', 'a'), 'À', 'a')
FROM family;

CREATE VIEW family_sort_fold2 (id, protection, family_ref, key) AS
SELECT id, protection, family_ref, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(key, 'â', 'a'), 'Â', 'a'), 'ã', 'a'), 'Ã', 'a'), 'ą', 'a'), 'Ą', 'a'), 'ę', 'e'), 'Ę', 'e'), 'ó', 'o'), 'Ó', 'o'), 'ò', 'o'), 'Ò', 'o'), 'ô', 'o'), 'Ô', 'o'), 'õ', 'o'), 'Õ', 'o'), 'é', 'e'), 'É', 'e'), 'è', 'e'), 'È', 'e')
FROM family_sort_fold1;

CREATE VIEW family_sort_fold3 (id, protection, family_ref, key) AS
SELECT id, protection, family_ref, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(key, 'ê', 'e'), 'Ê', 'e'), 'ë', 'e'), 'Ë', 'e'), 'í', 'i'), 'Í', 'i'), 'ì', 'i'), 'Ì', 'i'), 'î', 'i'), 'Î', 'i'), 'ï', 'i'), 'Ï', 'i'), 'ı', 'i'), 'İ', 'i'), 'ú', 'u'), 'Ú', 'u'), 'ù', 'u'), 'Ù', 'u'), 'û', 'u'), 'Û', 'u')
FROM family_sort_fold2;

CREATE VIEW family_sort_fold4 (id, protection, family_ref, key) AS
SELECT id, protection, family_ref, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(key, 'ç', 'c'), 'Ç', 'c'), 'č', 'c'), 'Č', 'c'), 'ć', 'c'), 'Ć', 'c'), 'š', 's'), 'Š', 's'), 'ś', 's'), 'Ś', 's'), 'ş', 's'), 'Ş', 's'), 'ž', 'z'), 'Ž', 'z'), 'ź', 'z'), 'Ź', 'z'), 'ż', 'z'), 'Ż', 'z'), 'ñ', 'n'), 'Ñ', 'n')
FROM family_sort_fold3;

CREATE VIEW family_sort_fold5 (id, protection, family_ref, key) AS
SELECT id, protection, family_ref, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(key, 'ń', 'n'), 'Ń', 'n'), 'ł', 'l'), 'Ł', 'l'), 'đ', 'd'), 'Đ', 'd'), 'ğ', 'g'), 'Ğ', 'g'), 'ă', 'a'), 'Ă', 'a'), 'ā', 'a'), 'Ā', 'a'), 'ě', 'e'), 'Ě', 'e'), 'ē', 'e'), 'Ē', 'e'), 'ė', 'e'), 'Ė', 'e'), 'ī', 'i'), 'Ī', 'i')
FROM family_sort_fold4;

CREATE VIEW family_sort_fold6 (id, protection, family_ref, key) AS
SELECT id, protection, family_ref, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(key, 'ū', 'u'), 'Ū', 'u'), 'ů', 'u'), 'Ů', 'u'), 'ý', 'y'), 'Ý', 'y'), 'ÿ', 'y'), 'ș', 's'), 'Ș', 's'), 'ț', 't'), 'Ț', 't'), 'ţ', 't'), 'Ţ', 't'), 'ť', 't'), 'Ť', 't'), 'ř', 'r'), 'Ř', 'r'), 'ň', 'n'), 'Ň', 'n'), 'ď', 'd')
FROM family_sort_fold5;

CREATE VIEW family_sort_fold7 (id, protection, family_ref, key) AS
SELECT id, protection, family_ref, replace(key, 'Ď', 'd')
FROM family_sort_fold6;

-- What the list files a family under: its folded name, or for a protected family the last
-- code point, after every name (`0023_protected_order`); then its reference.
CREATE VIEW family_sort (id, sort, ref) AS
SELECT id, CASE WHEN protection = 'none' THEN key ELSE char(1114111) END, family_ref
FROM family_sort_fold7;

DROP TRIGGER family_text_order;
CREATE TRIGGER family_text_order AFTER INSERT ON family_text BEGIN
    UPDATE family_text SET (sort, ref) = (SELECT sort, ref FROM family_sort WHERE id = new.id)
    WHERE id = new.id;
END;

DROP INDEX family_text_order;
UPDATE family_text SET (sort, ref) = (
    SELECT s.sort, s.ref FROM family_sort s WHERE s.id = family_text.id);
CREATE INDEX family_text_order ON family_text (sort, ref, text);

DROP INDEX family_name_order;
