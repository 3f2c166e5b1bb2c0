-- Workshops: sessions of a catalogue module at a place (one meeting or a series), registrations
-- (a person followed, or a name and a phone), the waiting list, attendance per meeting, and the
-- demand for a module at a place that forms a group on demand. `position` is the order of
-- registration within a workshop (the waiting list's order; timestamps may tie). `booked` counts the booked
-- registrations; every change of a workshop's registrations first updates the workshop's row,
-- which serialises them (no overbooking on either engine).
-- Kept in step with ../sqlite/20261128000013_workshops.sql.

CREATE TABLE workshops (
    id              UUID NOT NULL PRIMARY KEY,
    organisation_id UUID NOT NULL REFERENCES organisations (id),
    module_id       UUID NOT NULL REFERENCES modules (id),
    place_id        UUID REFERENCES places (id),
    language        TEXT NOT NULL,
    device          TEXT NOT NULL,
    capacity        BIGINT NOT NULL,
    booked          BIGINT NOT NULL,
    facilitators    TEXT NOT NULL,
    status          TEXT NOT NULL,
    starts_at       TIMESTAMPTZ NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX workshops_starts_idx ON workshops (starts_at);
CREATE INDEX workshops_organisation_idx ON workshops (organisation_id, starts_at);

CREATE TABLE workshop_meetings (
    id          UUID NOT NULL PRIMARY KEY,
    workshop_id UUID NOT NULL REFERENCES workshops (id),
    starts_at   TIMESTAMPTZ NOT NULL,
    ends_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX workshop_meetings_workshop_idx ON workshop_meetings (workshop_id, starts_at);

CREATE TABLE registrations (
    id            UUID NOT NULL PRIMARY KEY,
    workshop_id   UUID NOT NULL REFERENCES workshops (id),
    person_id     UUID REFERENCES people (id),
    name          TEXT NOT NULL,
    phone         TEXT NOT NULL,
    email         TEXT NOT NULL,
    status        TEXT NOT NULL,
    position      BIGINT NOT NULL,
    registered_by UUID REFERENCES users (id),
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX registrations_workshop_idx ON registrations (workshop_id, position);
CREATE INDEX registrations_person_idx ON registrations (person_id);

CREATE TABLE attendance (
    registration_id UUID NOT NULL REFERENCES registrations (id),
    meeting_id      UUID NOT NULL REFERENCES workshop_meetings (id),
    present         BOOLEAN NOT NULL,
    PRIMARY KEY (registration_id, meeting_id)
);

CREATE TABLE module_requests (
    id              UUID NOT NULL PRIMARY KEY,
    organisation_id UUID NOT NULL REFERENCES organisations (id),
    module_id       UUID NOT NULL REFERENCES modules (id),
    place_id        UUID REFERENCES places (id),
    person_id       UUID REFERENCES people (id),
    name            TEXT NOT NULL,
    phone           TEXT NOT NULL,
    email           TEXT NOT NULL,
    status          TEXT NOT NULL,
    workshop_id     UUID REFERENCES workshops (id),
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX module_requests_demand_idx ON module_requests (organisation_id, status, module_id);
