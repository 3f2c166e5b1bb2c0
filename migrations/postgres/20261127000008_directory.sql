-- The directory: places where help is offered, their drop-in sessions and exceptions, mobile
-- units (a unit's stops are places carrying its id), and the shared taxonomies (themes, publics,
-- services, languages) in four languages. Civil dates and times (Europe/Brussels) are stored as
-- ISO text ('2026-12-01', '09:30'); codes of a session's themes, publics… as space-separated text.

CREATE TABLE taxonomy_terms (
    taxonomy   TEXT NOT NULL,
    code       TEXT NOT NULL,
    label_fr   TEXT NOT NULL,
    label_nl   TEXT NOT NULL,
    label_de   TEXT NOT NULL,
    label_en   TEXT NOT NULL,
    position   BIGINT NOT NULL,
    active     BOOLEAN NOT NULL,
    PRIMARY KEY (taxonomy, code)
);

CREATE TABLE mobile_units (
    id              UUID NOT NULL PRIMARY KEY,
    organisation_id UUID NOT NULL REFERENCES organisations (id),
    kind            TEXT NOT NULL,
    name            TEXT NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX mobile_units_organisation_idx ON mobile_units (organisation_id);

CREATE TABLE places (
    id               UUID NOT NULL PRIMARY KEY,
    organisation_id  UUID NOT NULL REFERENCES organisations (id),
    mobile_unit_id   UUID REFERENCES mobile_units (id),
    kind             TEXT NOT NULL,
    name_fr          TEXT,
    name_nl          TEXT,
    name_de          TEXT,
    name_en          TEXT,
    description_fr   TEXT,
    description_nl   TEXT,
    description_de   TEXT,
    description_en   TEXT,
    street           TEXT NOT NULL,
    postcode         TEXT NOT NULL,
    municipality_nis TEXT NOT NULL,
    latitude         DOUBLE PRECISION NOT NULL,
    longitude        DOUBLE PRECISION NOT NULL,
    phone            TEXT,
    email            TEXT,
    website          TEXT,
    equipment        TEXT NOT NULL,
    wheelchair       BOOLEAN NOT NULL,
    hearing_loop     BOOLEAN NOT NULL,
    transport_hint   TEXT,
    published        BOOLEAN NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX places_organisation_idx ON places (organisation_id);
CREATE INDEX places_municipality_idx ON places (municipality_nis);

CREATE TABLE drop_in_sessions (
    id             UUID NOT NULL PRIMARY KEY,
    place_id       UUID NOT NULL REFERENCES places (id),
    weekday        BIGINT NOT NULL,
    start_time     TEXT NOT NULL,
    end_time       TEXT NOT NULL,
    every_weeks    BIGINT NOT NULL,
    anchor_date    TEXT NOT NULL,
    valid_from     TEXT,
    valid_until    TEXT,
    by_appointment BOOLEAN NOT NULL,
    themes         TEXT NOT NULL,
    services       TEXT NOT NULL,
    publics        TEXT NOT NULL,
    languages      TEXT NOT NULL,
    helper_kind    TEXT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX drop_in_sessions_place_idx ON drop_in_sessions (place_id);

CREATE TABLE place_exceptions (
    id          UUID NOT NULL PRIMARY KEY,
    place_id    UUID NOT NULL REFERENCES places (id),
    kind        TEXT NOT NULL,
    from_date   TEXT NOT NULL,
    until_date  TEXT NOT NULL,
    start_time  TEXT,
    end_time    TEXT,
    reason      TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX place_exceptions_place_idx ON place_exceptions (place_id);
