-- Text stored by earlier versions may hold control characters (an escape sequence, a line break
-- in a one-line field) or invisible ones that turn the text's direction. They are taken out of
-- every name, place and note by the Rust step that follows this version (db::migrate); the
-- audit log is left as it is (its rows are chained) and is cleaned where it is printed.
SELECT 1;
