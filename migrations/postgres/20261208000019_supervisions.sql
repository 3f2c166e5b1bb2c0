-- Supervision and intervision meetings of helpers: held by an organisation, possibly for a
-- network (`group_id`: its organisations' helpers may attend), with a date, a facilitator, the
-- themes talked about and a short note that names no one helped. Who attended is a list of
-- helper profiles, possibly of several organisations of the network.
-- Kept in step with ../sqlite/20261208000019_supervisions.sql.

CREATE TABLE supervisions (
    id              UUID NOT NULL PRIMARY KEY,
    organisation_id UUID NOT NULL REFERENCES organisations (id),
    group_id        UUID REFERENCES groups (id),
    held_on         TEXT NOT NULL,
    facilitator     TEXT NOT NULL,
    themes          TEXT NOT NULL,
    note            TEXT NOT NULL,
    created_by      UUID REFERENCES users (id),
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX supervisions_organisation_idx ON supervisions (organisation_id, held_on);

CREATE TABLE supervision_attendees (
    supervision_id UUID NOT NULL REFERENCES supervisions (id),
    helper_id      UUID NOT NULL REFERENCES helpers (id),
    PRIMARY KEY (supervision_id, helper_id)
);
CREATE INDEX supervision_attendees_helper_idx ON supervision_attendees (helper_id);
