-- Version 5 (numbered 0005 while another branch adds 0004; whoever merges renumbers): what each
-- person's calendar was last sent, so that the next export raises SEQUENCE for a changed event
-- and sends a cancellation, once, for one that no longer concerns them. Only the calendar export
-- writes it, in the transaction of its audit row. No names or texts: ids, times and a digest.
CREATE TABLE calendar_sent (
    staff_id     INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('visit', 'session')),
    -- visit.id or group_session.id; no foreign key, as a deleted event still owes its cancellation
    event_id     INTEGER NOT NULL,
    uid          TEXT NOT NULL,
    sequence     INTEGER NOT NULL CHECK (sequence >= 0),
    digest       TEXT NOT NULL,              -- of the copy last sent (times, texts, status)
    starts_at    TEXT NOT NULL,              -- as last sent, 'YYYY-MM-DD HH:MM'
    duration_min INTEGER NOT NULL CHECK (duration_min > 0),
    cancelled    INTEGER NOT NULL CHECK (cancelled IN (0, 1)),   -- the last copy was a cancellation
    modified_at  TEXT NOT NULL,              -- its LAST-MODIFIED (local time), 'YYYY-MM-DD HH:MM:SS'
    PRIMARY KEY (staff_id, kind, event_id)
) STRICT, WITHOUT ROWID;
-- The events a calendar still shows, by when they were: the candidates for a cancellation.
CREATE INDEX calendar_sent_live ON calendar_sent (starts_at) WHERE cancelled = 0;
