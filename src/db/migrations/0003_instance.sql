-- Version 3: an id of this database, random at creation, so that exports (calendar UIDs) from two
-- databases never collide in one calendar.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO meta (key, value) VALUES ('instance', lower(hex(randomblob(8))));
