-- Organisations, groups (projects, networks, programmes), users, memberships, sessions,
-- one-time links, login throttling and the audit log.
-- Kept in step with ../postgres/20261123000002_organisations.sql.

CREATE TABLE organisations (
    id            BLOB NOT NULL PRIMARY KEY,
    slug          TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL,
    municipality  TEXT NOT NULL,
    languages     TEXT NOT NULL,
    email         TEXT,
    phone         TEXT,
    website       TEXT,
    idle_timeout_minutes INTEGER NOT NULL,
    require_second_factor INTEGER NOT NULL,
    created_at    TEXT NOT NULL
);

CREATE TABLE groups (
    id            BLOB NOT NULL PRIMARY KEY,
    slug          TEXT NOT NULL UNIQUE,
    kind          TEXT NOT NULL,
    name          TEXT NOT NULL,
    programme_id  BLOB REFERENCES groups (id),
    created_at    TEXT NOT NULL
);

CREATE TABLE group_members (
    group_id        BLOB NOT NULL REFERENCES groups (id),
    organisation_id BLOB NOT NULL REFERENCES organisations (id),
    role            TEXT NOT NULL,
    PRIMARY KEY (group_id, organisation_id)
);
CREATE INDEX group_members_organisation_idx ON group_members (organisation_id);

CREATE TABLE users (
    id            BLOB NOT NULL PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    password_hash TEXT,
    locale        TEXT NOT NULL,
    is_admin      INTEGER NOT NULL,
    active        INTEGER NOT NULL,
    created_at    TEXT NOT NULL
);

CREATE TABLE memberships (
    user_id         BLOB NOT NULL REFERENCES users (id),
    organisation_id BLOB NOT NULL REFERENCES organisations (id),
    role            TEXT NOT NULL,
    active          INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    PRIMARY KEY (user_id, organisation_id)
);
CREATE INDEX memberships_organisation_idx ON memberships (organisation_id);

CREATE TABLE sessions (
    id_hash       TEXT NOT NULL PRIMARY KEY,
    user_id       BLOB NOT NULL REFERENCES users (id),
    created_at    TEXT NOT NULL,
    last_seen_at  TEXT NOT NULL,
    client        TEXT NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE one_time_links (
    token_hash    TEXT NOT NULL PRIMARY KEY,
    purpose       TEXT NOT NULL,
    user_id       BLOB NOT NULL REFERENCES users (id),
    expires_at    TEXT NOT NULL,
    used_at       TEXT,
    created_at    TEXT NOT NULL
);
CREATE INDEX one_time_links_user_idx ON one_time_links (user_id);

CREATE TABLE login_throttle (
    key           TEXT NOT NULL PRIMARY KEY,
    failures      INTEGER NOT NULL,
    last_failure_at TEXT NOT NULL,
    blocked_until TEXT NOT NULL
);

CREATE TABLE audit_log (
    id              BLOB NOT NULL PRIMARY KEY,
    at              TEXT NOT NULL,
    actor_user_id   BLOB,
    organisation_id BLOB,
    action          TEXT NOT NULL,
    object          TEXT,
    client          TEXT NOT NULL,
    detail          TEXT
);
CREATE INDEX audit_log_organisation_at_idx ON audit_log (organisation_id, at);
CREATE INDEX audit_log_actor_at_idx ON audit_log (actor_user_id, at);

-- The audit log is append-only: the database refuses changes and deletions.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
