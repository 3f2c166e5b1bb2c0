-- The diagnostic: the item bank (seeded from crates/relais-diagnostics/items, edited by platform
-- admins; `texts` is JSON {"fr": {question, alt, options}, …}), the diagnostics taken (the person
-- alone: no organisation, no person; assisted or linked by a helper: both set), and the training
-- catalogue's modules (organisation_id NULL: the network's catalogue). JSON columns are TEXT on
-- both engines. Kept in step with ../postgres/20261128000012_diagnostics.sql.

CREATE TABLE diagnostic_items (
    id                BLOB NOT NULL PRIMARY KEY,
    code              TEXT NOT NULL UNIQUE,
    area              TEXT NOT NULL,
    level             INTEGER NOT NULL,
    kind              TEXT NOT NULL,
    digcomp           TEXT NOT NULL,
    pictogram         TEXT NOT NULL,
    option_pictograms TEXT NOT NULL,
    answer            INTEGER NOT NULL,
    difficulty        REAL NOT NULL,
    discrimination    REAL NOT NULL,
    texts             TEXT NOT NULL,
    active            INTEGER NOT NULL,
    updated_at        TEXT NOT NULL
);

CREATE TABLE diagnostics (
    id              BLOB NOT NULL PRIMARY KEY,
    code            TEXT NOT NULL UNIQUE,
    mode            TEXT NOT NULL,
    language        TEXT NOT NULL,
    organisation_id BLOB REFERENCES organisations (id),
    person_id       BLOB REFERENCES people (id),
    helper_id       BLOB REFERENCES users (id),
    previous_id     BLOB REFERENCES diagnostics (id),
    stage           TEXT NOT NULL,
    intake          TEXT NOT NULL,
    postcode        TEXT NOT NULL,
    seed            INTEGER NOT NULL,
    answers         TEXT NOT NULL,
    result          TEXT NOT NULL,
    modules         TEXT NOT NULL,
    started_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    finished_at     TEXT
);
CREATE INDEX diagnostics_organisation_idx ON diagnostics (organisation_id, finished_at);
CREATE INDEX diagnostics_person_idx ON diagnostics (person_id);

CREATE TABLE modules (
    id              BLOB NOT NULL PRIMARY KEY,
    code            TEXT NOT NULL UNIQUE,
    organisation_id BLOB REFERENCES organisations (id),
    themes          TEXT NOT NULL,
    publics         TEXT NOT NULL,
    devices         TEXT NOT NULL,
    languages       TEXT NOT NULL,
    minutes         INTEGER NOT NULL,
    meetings        INTEGER NOT NULL,
    targets         TEXT NOT NULL,
    pictogram       TEXT NOT NULL,
    texts           TEXT NOT NULL,
    active          INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX modules_organisation_idx ON modules (organisation_id);
