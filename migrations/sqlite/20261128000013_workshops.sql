-- Workshops: sessions of a catalogue module at a place (one meeting or a series), registrations
-- (a person followed, or a name and a phone), the waiting list, attendance per meeting, and the
-- demand for a module at a place that forms a group on demand. `position` is the order of
-- registration within a workshop (the waiting list's order; timestamps may tie). `booked` counts the booked
-- registrations; every change of a workshop's registrations first updates the workshop's row,
-- which serialises them (no overbooking on either engine).
-- Kept in step with ../postgres/20261128000013_workshops.sql.

CREATE TABLE workshops (
    id              BLOB NOT NULL PRIMARY KEY,
    organisation_id BLOB NOT NULL REFERENCES organisations (id),
    module_id       BLOB NOT NULL REFERENCES modules (id),
    place_id        BLOB REFERENCES places (id),
    language        TEXT NOT NULL,
    device          TEXT NOT NULL,
    capacity        INTEGER NOT NULL,
    booked          INTEGER NOT NULL,
    facilitators    TEXT NOT NULL,
    status          TEXT NOT NULL,
    starts_at       TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX workshops_starts_idx ON workshops (starts_at);
CREATE INDEX workshops_organisation_idx ON workshops (organisation_id, starts_at);

CREATE TABLE workshop_meetings (
    id          BLOB NOT NULL PRIMARY KEY,
    workshop_id BLOB NOT NULL REFERENCES workshops (id),
    starts_at   TEXT NOT NULL,
    ends_at     TEXT NOT NULL
);
CREATE INDEX workshop_meetings_workshop_idx ON workshop_meetings (workshop_id, starts_at);

CREATE TABLE registrations (
    id            BLOB NOT NULL PRIMARY KEY,
    workshop_id   BLOB NOT NULL REFERENCES workshops (id),
    person_id     BLOB REFERENCES people (id),
    name          TEXT NOT NULL,
    phone         TEXT NOT NULL,
    email         TEXT NOT NULL,
    status        TEXT NOT NULL,
    position      INTEGER NOT NULL,
    registered_by BLOB REFERENCES users (id),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX registrations_workshop_idx ON registrations (workshop_id, position);
CREATE INDEX registrations_person_idx ON registrations (person_id);

CREATE TABLE attendance (
    registration_id BLOB NOT NULL REFERENCES registrations (id),
    meeting_id      BLOB NOT NULL REFERENCES workshop_meetings (id),
    present         INTEGER NOT NULL,
    PRIMARY KEY (registration_id, meeting_id)
);

CREATE TABLE module_requests (
    id              BLOB NOT NULL PRIMARY KEY,
    organisation_id BLOB NOT NULL REFERENCES organisations (id),
    module_id       BLOB NOT NULL REFERENCES modules (id),
    place_id        BLOB REFERENCES places (id),
    person_id       BLOB REFERENCES people (id),
    name            TEXT NOT NULL,
    phone           TEXT NOT NULL,
    email           TEXT NOT NULL,
    status          TEXT NOT NULL,
    workshop_id     BLOB REFERENCES workshops (id),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX module_requests_demand_idx ON module_requests (organisation_id, status, module_id);
