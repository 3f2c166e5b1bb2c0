-- Helpers: the people who help, members of an organisation (`user_id`) or not yet (a volunteer
-- before their account: `user_id` NULL). Their job family (the shared list), languages spoken
-- (comma-separated codes), a referent (a coordinator or worker), a start date (YYYY-MM-DD, or
-- empty), the status and its history, the five areas self-rated, and when and where they can
-- help. The organisation's headcount per job family is the denominator of "share trained".
-- Kept in step with ../postgres/20261208000016_helpers.sql.

CREATE TABLE helpers (
    id              BLOB NOT NULL PRIMARY KEY,
    organisation_id BLOB NOT NULL REFERENCES organisations (id),
    user_id         BLOB REFERENCES users (id),
    name            TEXT NOT NULL,
    email           TEXT NOT NULL,
    phone           TEXT NOT NULL,
    job_family      TEXT NOT NULL,
    languages       TEXT NOT NULL,
    referent_id     BLOB REFERENCES users (id),
    started_on      TEXT NOT NULL,
    status          TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE UNIQUE INDEX helpers_member_idx ON helpers (organisation_id, user_id);
CREATE INDEX helpers_organisation_idx ON helpers (organisation_id, status);

CREATE TABLE helper_statuses (
    id         BLOB NOT NULL PRIMARY KEY,
    helper_id  BLOB NOT NULL REFERENCES helpers (id),
    status     TEXT NOT NULL,
    reason     TEXT NOT NULL,
    changed_by BLOB REFERENCES users (id),
    changed_at TEXT NOT NULL
);
CREATE INDEX helper_statuses_helper_idx ON helper_statuses (helper_id, changed_at);

CREATE TABLE helper_skills (
    helper_id BLOB NOT NULL REFERENCES helpers (id),
    area      TEXT NOT NULL,
    level     INTEGER NOT NULL,
    PRIMARY KEY (helper_id, area)
);

CREATE TABLE helper_availability (
    helper_id BLOB NOT NULL REFERENCES helpers (id),
    weekday   INTEGER NOT NULL,
    part      TEXT NOT NULL,
    PRIMARY KEY (helper_id, weekday, part)
);

CREATE TABLE helper_places (
    helper_id BLOB NOT NULL REFERENCES helpers (id),
    place_id  BLOB NOT NULL REFERENCES places (id),
    PRIMARY KEY (helper_id, place_id)
);

CREATE TABLE headcounts (
    organisation_id BLOB NOT NULL REFERENCES organisations (id),
    job_family      TEXT NOT NULL,
    headcount       INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, job_family)
);
