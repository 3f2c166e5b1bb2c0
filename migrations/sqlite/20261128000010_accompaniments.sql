-- The accompaniment log: every request helped (anonymous by default), the people a helper chose
-- to follow (pseudonymous, with consent; `search_key` is the pseudonym folded — lower case, no
-- accents — for the same search and duplicate check on both engines), redirections, the organisation's register of referral
-- targets, political signals (never personal data), collective moments (anonymous head counts),
-- and the background jobs' table (retention). Codes lists (themes…) are space-separated text.
-- Kept in step with ../postgres/20261128000010_accompaniments.sql.

ALTER TABLE organisations ADD COLUMN retention_months INTEGER NOT NULL DEFAULT 24;

CREATE TABLE people (
    id               BLOB NOT NULL PRIMARY KEY,
    organisation_id  BLOB NOT NULL REFERENCES organisations (id),
    pseudonym        TEXT NOT NULL,
    search_key       TEXT NOT NULL,
    age_band         TEXT NOT NULL,
    gender           TEXT NOT NULL,
    postcode         TEXT NOT NULL,
    language         TEXT NOT NULL,
    situations       TEXT NOT NULL,
    consent_topics   TEXT NOT NULL,
    consent_at       TEXT NOT NULL,
    consent_by       BLOB REFERENCES users (id),
    created_at       TEXT NOT NULL,
    last_activity_at TEXT NOT NULL
);
CREATE INDEX people_organisation_idx ON people (organisation_id, search_key);
CREATE INDEX people_activity_idx ON people (last_activity_at);

CREATE TABLE referral_targets (
    id              BLOB NOT NULL PRIMARY KEY,
    organisation_id BLOB NOT NULL REFERENCES organisations (id),
    name            TEXT NOT NULL,
    kind            TEXT NOT NULL,
    contact         TEXT NOT NULL,
    languages       TEXT NOT NULL,
    active          INTEGER NOT NULL,
    created_at      TEXT NOT NULL
);
CREATE INDEX referral_targets_organisation_idx ON referral_targets (organisation_id);

CREATE TABLE accompaniments (
    id              BLOB NOT NULL PRIMARY KEY,
    organisation_id BLOB NOT NULL REFERENCES organisations (id),
    helper_id       BLOB REFERENCES users (id),
    helper_kind     TEXT NOT NULL,
    setting         TEXT NOT NULL,
    place_id        BLOB REFERENCES places (id),
    started_at      TEXT NOT NULL,
    minutes         INTEGER NOT NULL,
    themes          TEXT NOT NULL,
    online_service  TEXT NOT NULL,
    autonomy        TEXT NOT NULL,
    outcome         TEXT NOT NULL,
    steps           INTEGER NOT NULL,
    note            TEXT NOT NULL,
    follow_up_on    TEXT,
    person_id       BLOB REFERENCES people (id),
    created_at      TEXT NOT NULL
);
CREATE INDEX accompaniments_organisation_idx ON accompaniments (organisation_id, started_at);
CREATE INDEX accompaniments_person_idx ON accompaniments (person_id);

CREATE TABLE redirections (
    id                     BLOB NOT NULL PRIMARY KEY,
    organisation_id        BLOB NOT NULL REFERENCES organisations (id),
    accompaniment_id       BLOB NOT NULL REFERENCES accompaniments (id),
    target_organisation_id BLOB REFERENCES organisations (id),
    target_place_id        BLOB REFERENCES places (id),
    referral_target_id     BLOB REFERENCES referral_targets (id),
    reason                 TEXT NOT NULL,
    status                 TEXT NOT NULL,
    created_at             TEXT NOT NULL,
    updated_at             TEXT NOT NULL
);
CREATE INDEX redirections_organisation_idx ON redirections (organisation_id);
CREATE INDEX redirections_target_idx ON redirections (target_organisation_id);
CREATE INDEX redirections_accompaniment_idx ON redirections (accompaniment_id);

CREATE TABLE signals (
    id               BLOB NOT NULL PRIMARY KEY,
    organisation_id  BLOB NOT NULL REFERENCES organisations (id),
    author_id        BLOB REFERENCES users (id),
    accompaniment_id BLOB REFERENCES accompaniments (id),
    online_service   TEXT NOT NULL,
    barrier          TEXT NOT NULL,
    description      TEXT NOT NULL,
    region           TEXT NOT NULL,
    status           TEXT NOT NULL,
    merged_into      BLOB REFERENCES signals (id),
    occurrences      INTEGER NOT NULL,
    created_at       TEXT NOT NULL,
    reviewed_at      TEXT,
    reviewed_by      BLOB REFERENCES users (id)
);
CREATE INDEX signals_organisation_idx ON signals (organisation_id, created_at);
CREATE INDEX signals_status_idx ON signals (status, created_at);

CREATE TABLE collective_moments (
    id              BLOB NOT NULL PRIMARY KEY,
    organisation_id BLOB NOT NULL REFERENCES organisations (id),
    kind            TEXT NOT NULL,
    place_id        BLOB REFERENCES places (id),
    held_on         TEXT NOT NULL,
    minutes         INTEGER NOT NULL,
    themes          TEXT NOT NULL,
    facilitators    TEXT NOT NULL,
    head_count      INTEGER NOT NULL,
    age_under_25    INTEGER NOT NULL,
    age_25_44       INTEGER NOT NULL,
    age_45_64       INTEGER NOT NULL,
    age_65_plus     INTEGER NOT NULL,
    women           INTEGER NOT NULL,
    men             INTEGER NOT NULL,
    created_by      BLOB REFERENCES users (id),
    created_at      TEXT NOT NULL
);
CREATE INDEX collective_moments_organisation_idx ON collective_moments (organisation_id, held_on);

CREATE TABLE jobs (
    kind         TEXT NOT NULL PRIMARY KEY,
    run_after    TEXT NOT NULL,
    locked_until TEXT NOT NULL,
    last_run_at  TEXT,
    last_result  TEXT
);
