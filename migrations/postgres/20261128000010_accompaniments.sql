-- The accompaniment log: every request helped (anonymous by default), the people a helper chose
-- to follow (pseudonymous, with consent; `search_key` is the pseudonym folded — lower case, no
-- accents — for the same search and duplicate check on both engines), redirections, the organisation's register of referral
-- targets, political signals (never personal data), collective moments (anonymous head counts),
-- and the background jobs' table (retention). Codes lists (themes…) are space-separated text.
-- 
ALTER TABLE organisations ADD COLUMN retention_months BIGINT NOT NULL DEFAULT 24;

CREATE TABLE people (
    id               UUID NOT NULL PRIMARY KEY,
    organisation_id  UUID NOT NULL REFERENCES organisations (id),
    pseudonym        TEXT NOT NULL,
    search_key       TEXT NOT NULL,
    age_band         TEXT NOT NULL,
    gender           TEXT NOT NULL,
    postcode         TEXT NOT NULL,
    language         TEXT NOT NULL,
    situations       TEXT NOT NULL,
    consent_topics   TEXT NOT NULL,
    consent_at       TIMESTAMPTZ NOT NULL,
    consent_by       UUID REFERENCES users (id),
    created_at       TIMESTAMPTZ NOT NULL,
    last_activity_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX people_organisation_idx ON people (organisation_id, search_key);
CREATE INDEX people_activity_idx ON people (last_activity_at);

CREATE TABLE referral_targets (
    id              UUID NOT NULL PRIMARY KEY,
    organisation_id UUID NOT NULL REFERENCES organisations (id),
    name            TEXT NOT NULL,
    kind            TEXT NOT NULL,
    contact         TEXT NOT NULL,
    languages       TEXT NOT NULL,
    active          BOOLEAN NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX referral_targets_organisation_idx ON referral_targets (organisation_id);

CREATE TABLE accompaniments (
    id              UUID NOT NULL PRIMARY KEY,
    organisation_id UUID NOT NULL REFERENCES organisations (id),
    helper_id       UUID REFERENCES users (id),
    helper_kind     TEXT NOT NULL,
    setting         TEXT NOT NULL,
    place_id        UUID REFERENCES places (id),
    started_at      TIMESTAMPTZ NOT NULL,
    minutes         BIGINT NOT NULL,
    themes          TEXT NOT NULL,
    online_service  TEXT NOT NULL,
    autonomy        TEXT NOT NULL,
    outcome         TEXT NOT NULL,
    steps           BIGINT NOT NULL,
    note            TEXT NOT NULL,
    follow_up_on    TEXT,
    person_id       UUID REFERENCES people (id),
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX accompaniments_organisation_idx ON accompaniments (organisation_id, started_at);
CREATE INDEX accompaniments_person_idx ON accompaniments (person_id);

CREATE TABLE redirections (
    id                     UUID NOT NULL PRIMARY KEY,
    organisation_id        UUID NOT NULL REFERENCES organisations (id),
    accompaniment_id       UUID NOT NULL REFERENCES accompaniments (id),
    target_organisation_id UUID REFERENCES organisations (id),
    target_place_id        UUID REFERENCES places (id),
    referral_target_id     UUID REFERENCES referral_targets (id),
    reason                 TEXT NOT NULL,
    status                 TEXT NOT NULL,
    created_at             TIMESTAMPTZ NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL
);
CREATE INDEX redirections_organisation_idx ON redirections (organisation_id);
CREATE INDEX redirections_target_idx ON redirections (target_organisation_id);
CREATE INDEX redirections_accompaniment_idx ON redirections (accompaniment_id);

CREATE TABLE signals (
    id               UUID NOT NULL PRIMARY KEY,
    organisation_id  UUID NOT NULL REFERENCES organisations (id),
    author_id        UUID REFERENCES users (id),
    accompaniment_id UUID REFERENCES accompaniments (id),
    online_service   TEXT NOT NULL,
    barrier          TEXT NOT NULL,
    description      TEXT NOT NULL,
    region           TEXT NOT NULL,
    status           TEXT NOT NULL,
    merged_into      UUID REFERENCES signals (id),
    occurrences      BIGINT NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    reviewed_at      TIMESTAMPTZ,
    reviewed_by      UUID REFERENCES users (id)
);
CREATE INDEX signals_organisation_idx ON signals (organisation_id, created_at);
CREATE INDEX signals_status_idx ON signals (status, created_at);

CREATE TABLE collective_moments (
    id              UUID NOT NULL PRIMARY KEY,
    organisation_id UUID NOT NULL REFERENCES organisations (id),
    kind            TEXT NOT NULL,
    place_id        UUID REFERENCES places (id),
    held_on         TEXT NOT NULL,
    minutes         BIGINT NOT NULL,
    themes          TEXT NOT NULL,
    facilitators    TEXT NOT NULL,
    head_count      BIGINT NOT NULL,
    age_under_25    BIGINT NOT NULL,
    age_25_44       BIGINT NOT NULL,
    age_45_64       BIGINT NOT NULL,
    age_65_plus     BIGINT NOT NULL,
    women           BIGINT NOT NULL,
    men             BIGINT NOT NULL,
    created_by      UUID REFERENCES users (id),
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX collective_moments_organisation_idx ON collective_moments (organisation_id, held_on);

CREATE TABLE jobs (
    kind         TEXT NOT NULL PRIMARY KEY,
    run_after    TIMESTAMPTZ NOT NULL,
    locked_until TIMESTAMPTZ NOT NULL,
    last_run_at  TIMESTAMPTZ,
    last_result  TEXT
);
