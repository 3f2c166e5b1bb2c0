-- The diagnostic: the item bank (seeded from crates/relais-diagnostics/items, edited by platform
-- admins; `texts` is JSON {"fr": {question, alt, options}, …}), the diagnostics taken (the person
-- alone: no organisation, no person; assisted or linked by a helper: both set), and the training
-- catalogue's modules (organisation_id NULL: the network's catalogue). JSON columns are TEXT on
-- both engines. Kept in step with ../sqlite/20261128000012_diagnostics.sql.

CREATE TABLE diagnostic_items (
    id                UUID NOT NULL PRIMARY KEY,
    code              TEXT NOT NULL UNIQUE,
    area              TEXT NOT NULL,
    level             BIGINT NOT NULL,
    kind              TEXT NOT NULL,
    digcomp           TEXT NOT NULL,
    pictogram         TEXT NOT NULL,
    option_pictograms TEXT NOT NULL,
    answer            BIGINT NOT NULL,
    difficulty        DOUBLE PRECISION NOT NULL,
    discrimination    DOUBLE PRECISION NOT NULL,
    texts             TEXT NOT NULL,
    active            BOOLEAN NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);

CREATE TABLE diagnostics (
    id              UUID NOT NULL PRIMARY KEY,
    code            TEXT NOT NULL UNIQUE,
    mode            TEXT NOT NULL,
    language        TEXT NOT NULL,
    organisation_id UUID REFERENCES organisations (id),
    person_id       UUID REFERENCES people (id),
    helper_id       UUID REFERENCES users (id),
    previous_id     UUID REFERENCES diagnostics (id),
    stage           TEXT NOT NULL,
    intake          TEXT NOT NULL,
    postcode        TEXT NOT NULL,
    seed            BIGINT NOT NULL,
    answers         TEXT NOT NULL,
    result          TEXT NOT NULL,
    modules         TEXT NOT NULL,
    started_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    finished_at     TIMESTAMPTZ
);
CREATE INDEX diagnostics_organisation_idx ON diagnostics (organisation_id, finished_at);
CREATE INDEX diagnostics_person_idx ON diagnostics (person_id);

CREATE TABLE modules (
    id              UUID NOT NULL PRIMARY KEY,
    code            TEXT NOT NULL UNIQUE,
    organisation_id UUID REFERENCES organisations (id),
    themes          TEXT NOT NULL,
    publics         TEXT NOT NULL,
    devices         TEXT NOT NULL,
    languages       TEXT NOT NULL,
    minutes         BIGINT NOT NULL,
    meetings        BIGINT NOT NULL,
    targets         TEXT NOT NULL,
    pictogram       TEXT NOT NULL,
    texts           TEXT NOT NULL,
    active          BOOLEAN NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX modules_organisation_idx ON modules (organisation_id);
