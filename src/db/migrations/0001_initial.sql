-- hembesok schema, version 1. Planning register, not a medical journal: nothing clinical here.
-- Dates are TEXT 'YYYY-MM-DD', times TEXT 'YYYY-MM-DD HH:MM' (local time), lists TEXT 'a|b|c'.

CREATE TABLE programme (
    id          TEXT NOT NULL,
    version     INTEGER NOT NULL,
    name        TEXT NOT NULL,
    definition  TEXT NOT NULL,            -- the template as TOML, so a family's version is kept
    PRIMARY KEY (id, version)
) STRICT;

CREATE TABLE family (
    id                   INTEGER PRIMARY KEY,
    family_ref           TEXT NOT NULL UNIQUE,   -- the coordinator's own reference, never a personnummer
    display_name         TEXT NOT NULL,
    address              TEXT,
    area                 TEXT,
    clinic               TEXT,
    phone                TEXT,
    languages            TEXT NOT NULL DEFAULT '',
    interpreter_language TEXT,
    protection           TEXT NOT NULL DEFAULT 'none'
        CHECK (protection IN ('none','sekretessmarkering','skyddad_folkbokforing','fingerade')),
    eligibility          TEXT CHECK (eligibility IN ('first_child','first_child_in_sweden','other')),
    programme_id         TEXT NOT NULL,
    programme_version    INTEGER NOT NULL,
    status               TEXT NOT NULL
        CHECK (status IN ('offered','declined','active','paused','completed','exited')),
    offered_on           TEXT,
    enrolled_on          TEXT,
    exited_on            TEXT,
    exit_reason          TEXT CHECK (exit_reason IN ('moved','declined_further','completed','aged_out','other')),
    note                 TEXT,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    FOREIGN KEY (programme_id, programme_version) REFERENCES programme (id, version)
) STRICT;
CREATE INDEX family_status ON family (status);
CREATE INDEX family_area ON family (area);
CREATE INDEX family_clinic ON family (clinic);

CREATE TABLE consent (
    id           INTEGER PRIMARY KEY,
    family_id    INTEGER NOT NULL REFERENCES family (id) ON DELETE CASCADE,
    given_by     TEXT NOT NULL,
    scope        TEXT NOT NULL,
    given_on     TEXT NOT NULL,
    method       TEXT CHECK (method IN ('oral','written')),   -- NULL: not recorded
    withdrawn_on TEXT
) STRICT;
CREATE INDEX consent_family ON consent (family_id);

CREATE TABLE caregiver (
    id        INTEGER PRIMARY KEY,
    family_id INTEGER NOT NULL REFERENCES family (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    name      TEXT NOT NULL,
    relation  TEXT,
    id_kind   TEXT NOT NULL DEFAULT 'none'
        CHECK (id_kind IN ('personnummer','samordningsnummer','reservnummer','none')),
    id_value  TEXT,
    CHECK ((id_kind = 'none') = (id_value IS NULL))
) STRICT;
CREATE INDEX caregiver_family ON caregiver (family_id);

CREATE TABLE child (
    id                   INTEGER PRIMARY KEY,
    family_id            INTEGER NOT NULL REFERENCES family (id) ON DELETE CASCADE,
    position             INTEGER NOT NULL,
    name                 TEXT NOT NULL,
    birth_date           TEXT NOT NULL,          -- or the expected date while expected = 1
    expected             INTEGER NOT NULL DEFAULT 0 CHECK (expected IN (0,1)),
    first_child          INTEGER NOT NULL DEFAULT 1 CHECK (first_child IN (0,1)),
    first_born_in_sweden INTEGER NOT NULL DEFAULT 0 CHECK (first_born_in_sweden IN (0,1)),
    id_kind              TEXT NOT NULL DEFAULT 'none'
        CHECK (id_kind IN ('personnummer','samordningsnummer','reservnummer','none')),
    id_value             TEXT,
    CHECK ((id_kind = 'none') = (id_value IS NULL))
) STRICT;
CREATE INDEX child_family ON child (family_id);
CREATE INDEX child_birth ON child (birth_date);

CREATE TABLE staff (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    name_key     TEXT NOT NULL UNIQUE,   -- the name in lower case: imports refer to staff by name
    role         TEXT NOT NULL
        CHECK (role IN ('nurse','parent_advisor','family_therapist','dental','interpreter','other')),
    organisation TEXT,
    languages    TEXT NOT NULL DEFAULT '',
    work_days    TEXT NOT NULL DEFAULT 'mon|tue|wed|thu|fri',
    work_start   TEXT NOT NULL DEFAULT '08:00',
    work_end     TEXT NOT NULL DEFAULT '16:30',
    active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1))
) STRICT;

CREATE TABLE visit (
    id                   INTEGER PRIMARY KEY,
    child_id             INTEGER NOT NULL REFERENCES child (id) ON DELETE CASCADE,
    visit_no             INTEGER,                -- programme visit number; NULL for an extra visit
    starts_at            TEXT NOT NULL,
    duration_min         INTEGER NOT NULL CHECK (duration_min > 0),
    location             TEXT NOT NULL DEFAULT 'home'
        CHECK (location IN ('home','clinic','family_centre','phone_video')),
    status               TEXT NOT NULL DEFAULT 'planned'
        CHECK (status IN ('planned','done','cancelled_family','cancelled_staff','no_show')),
    interpreter_language TEXT,
    interpreter_staff_id INTEGER REFERENCES staff (id),
    interpreter_external INTEGER NOT NULL DEFAULT 0 CHECK (interpreter_external IN (0,1)),
    themes               TEXT NOT NULL DEFAULT '',
    referrals            TEXT NOT NULL DEFAULT '',
    note                 TEXT,
    override_reason      TEXT,                   -- why it was booked outside its window
    cancel_reason        TEXT,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    CHECK (NOT (interpreter_external = 1 AND interpreter_staff_id IS NOT NULL))
) STRICT;
CREATE INDEX visit_start ON visit (starts_at);
CREATE INDEX visit_child ON visit (child_id, visit_no);
CREATE INDEX visit_interpreter ON visit (interpreter_staff_id) WHERE interpreter_staff_id IS NOT NULL;

CREATE TABLE visit_staff (
    visit_id INTEGER NOT NULL REFERENCES visit (id) ON DELETE CASCADE,
    staff_id INTEGER NOT NULL REFERENCES staff (id),
    role     TEXT NOT NULL
        CHECK (role IN ('nurse','parent_advisor','family_therapist','dental','interpreter','other')),
    attended INTEGER CHECK (attended IN (0,1)),
    PRIMARY KEY (visit_id, staff_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX visit_staff_staff ON visit_staff (staff_id);

CREATE TABLE parent_group (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    method   TEXT,
    language TEXT,
    place    TEXT,
    capacity INTEGER CHECK (capacity > 0)
) STRICT;

CREATE TABLE group_leader (
    group_id INTEGER NOT NULL REFERENCES parent_group (id) ON DELETE CASCADE,
    staff_id INTEGER NOT NULL REFERENCES staff (id),
    PRIMARY KEY (group_id, staff_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE group_session (
    id           INTEGER PRIMARY KEY,
    group_id     INTEGER NOT NULL REFERENCES parent_group (id) ON DELETE CASCADE,
    starts_at    TEXT NOT NULL,
    duration_min INTEGER NOT NULL CHECK (duration_min > 0),
    theme        TEXT,
    status       TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','held','cancelled')),
    dropin_count INTEGER NOT NULL DEFAULT 0 CHECK (dropin_count >= 0)
) STRICT;
CREATE INDEX group_session_start ON group_session (starts_at);
CREATE INDEX group_session_group ON group_session (group_id, starts_at);

CREATE TABLE group_member (
    group_id  INTEGER NOT NULL REFERENCES parent_group (id) ON DELETE CASCADE,
    family_id INTEGER NOT NULL REFERENCES family (id) ON DELETE CASCADE,
    joined_on TEXT NOT NULL,
    left_on   TEXT,
    PRIMARY KEY (group_id, family_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX group_member_family ON group_member (family_id);

CREATE TABLE attendance (
    session_id     INTEGER NOT NULL REFERENCES group_session (id) ON DELETE CASCADE,
    family_id      INTEGER NOT NULL REFERENCES family (id) ON DELETE CASCADE,
    status         TEXT NOT NULL CHECK (status IN ('present','absent','excused')),
    adults_present INTEGER NOT NULL DEFAULT 0 CHECK (adults_present >= 0),
    PRIMARY KEY (session_id, family_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX attendance_family ON attendance (family_id);

-- Append-only: who saw or changed what. Ids and kinds only, never names or numbers.
CREATE TABLE audit (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER,
    detail    TEXT
) STRICT;
CREATE INDEX audit_entity ON audit (entity, entity_id);
CREATE INDEX audit_at ON audit (at);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

CREATE TABLE report_run (
    id       INTEGER PRIMARY KEY,
    quarter  TEXT NOT NULL,
    run_at   TEXT NOT NULL,
    format   TEXT NOT NULL CHECK (format IN ('csv','xlsx','json')),
    checksum TEXT NOT NULL
) STRICT;
