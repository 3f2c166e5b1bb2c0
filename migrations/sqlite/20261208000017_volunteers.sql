-- The volunteer journey: applications from the public "become a volunteer helper" page (of an
-- organisation, or of a group for one of its organisations), each step recorded with its date
-- and who did it (applied → met → charter signed → onboarding training → supervised shifts →
-- autonomous; or closed: declined / withdrawn with a reason), and the organisation's charter and
-- confidentiality commitment, versioned, in four languages (the version an applicant signed and
-- when are kept on the application). `helper_id` is the helper row made once they are accepted.
-- Kept in step with ../postgres/20261208000017_volunteers.sql.

CREATE TABLE charters (
    organisation_id BLOB NOT NULL REFERENCES organisations (id),
    version         INTEGER NOT NULL,
    text_fr         TEXT NOT NULL,
    text_nl         TEXT NOT NULL,
    text_de         TEXT NOT NULL,
    text_en         TEXT NOT NULL,
    created_by      BLOB REFERENCES users (id),
    created_at      TEXT NOT NULL,
    PRIMARY KEY (organisation_id, version)
);

CREATE TABLE applications (
    id                BLOB NOT NULL PRIMARY KEY,
    organisation_id   BLOB NOT NULL REFERENCES organisations (id),
    group_id          BLOB REFERENCES groups (id),
    helper_id         BLOB REFERENCES helpers (id),
    name              TEXT NOT NULL,
    email             TEXT NOT NULL,
    phone             TEXT NOT NULL,
    locale            TEXT NOT NULL,
    languages         TEXT NOT NULL,
    message           TEXT NOT NULL,
    stage             TEXT NOT NULL,
    closed_reason     TEXT NOT NULL,
    charter_version   INTEGER,
    charter_signed_at TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX applications_organisation_idx ON applications (organisation_id, stage);

CREATE TABLE application_steps (
    id             BLOB NOT NULL PRIMARY KEY,
    application_id BLOB NOT NULL REFERENCES applications (id),
    step           TEXT NOT NULL,
    note           TEXT NOT NULL,
    done_by        BLOB REFERENCES users (id),
    done_at        TEXT NOT NULL
);
CREATE INDEX application_steps_application_idx ON application_steps (application_id, done_at);
