-- Shifts: how many helpers a drop-in session needs and which languages (`shift_needs`, per
-- session), who signed up for which date (`shifts`: one row per session, date and helper; a
-- withdrawal keeps the row), and per session and date how many places are taken
-- (`shift_slots.taken`): a sign-up first raises it only while it is below the need, in the same
-- transaction, which serialises parallel sign-ups (no over-assignment on either engine).
-- `session_id` names a drop-in session of the directory without a foreign key (a session
-- deleted there leaves its past shifts, counted in the hours). `minutes` is the elapsed time
-- of that date's session in Brussels (a DST night counts what the clock really ran).
-- Kept in step with ../postgres/20261208000018_shifts.sql.

CREATE TABLE shift_needs (
    session_id      BLOB NOT NULL PRIMARY KEY,
    organisation_id BLOB NOT NULL REFERENCES organisations (id),
    helpers         INTEGER NOT NULL,
    languages       TEXT NOT NULL
);

CREATE TABLE shift_slots (
    session_id BLOB NOT NULL,
    date       TEXT NOT NULL,
    taken      INTEGER NOT NULL,
    PRIMARY KEY (session_id, date)
);

CREATE TABLE shifts (
    id              BLOB NOT NULL PRIMARY KEY,
    organisation_id BLOB NOT NULL REFERENCES organisations (id),
    session_id      BLOB NOT NULL,
    place_id        BLOB NOT NULL REFERENCES places (id),
    date            TEXT NOT NULL,
    helper_id       BLOB NOT NULL REFERENCES helpers (id),
    status          TEXT NOT NULL,
    starts_at       TEXT NOT NULL,
    minutes         INTEGER NOT NULL,
    assigned_by     BLOB REFERENCES users (id),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE UNIQUE INDEX shifts_helper_date_idx ON shifts (session_id, date, helper_id);
CREATE INDEX shifts_organisation_idx ON shifts (organisation_id, date);
CREATE INDEX shifts_helper_idx ON shifts (helper_id, date);
