-- Organisations, groups (projects, networks, programmes), users, memberships, sessions,
-- one-time links, login throttling and the audit log.
-- Kept in step with ../sqlite/20261123000002_organisations.sql.

CREATE TABLE organisations (
    id            UUID NOT NULL PRIMARY KEY,
    slug          TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL,
    municipality  TEXT NOT NULL,
    languages     TEXT NOT NULL,
    email         TEXT,
    phone         TEXT,
    website       TEXT,
    idle_timeout_minutes BIGINT NOT NULL,
    require_second_factor BOOLEAN NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE groups (
    id            UUID NOT NULL PRIMARY KEY,
    slug          TEXT NOT NULL UNIQUE,
    kind          TEXT NOT NULL,
    name          TEXT NOT NULL,
    programme_id  UUID REFERENCES groups (id),
    created_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE group_members (
    group_id        UUID NOT NULL REFERENCES groups (id),
    organisation_id UUID NOT NULL REFERENCES organisations (id),
    role            TEXT NOT NULL,
    PRIMARY KEY (group_id, organisation_id)
);
CREATE INDEX group_members_organisation_idx ON group_members (organisation_id);

CREATE TABLE users (
    id            UUID NOT NULL PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    password_hash TEXT,
    locale        TEXT NOT NULL,
    is_admin      BOOLEAN NOT NULL,
    active        BOOLEAN NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE memberships (
    user_id         UUID NOT NULL REFERENCES users (id),
    organisation_id UUID NOT NULL REFERENCES organisations (id),
    role            TEXT NOT NULL,
    active          BOOLEAN NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, organisation_id)
);
CREATE INDEX memberships_organisation_idx ON memberships (organisation_id);

CREATE TABLE sessions (
    id_hash       TEXT NOT NULL PRIMARY KEY,
    user_id       UUID NOT NULL REFERENCES users (id),
    created_at    TIMESTAMPTZ NOT NULL,
    last_seen_at  TIMESTAMPTZ NOT NULL,
    client        TEXT NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE one_time_links (
    token_hash    TEXT NOT NULL PRIMARY KEY,
    purpose       TEXT NOT NULL,
    user_id       UUID NOT NULL REFERENCES users (id),
    expires_at    TIMESTAMPTZ NOT NULL,
    used_at       TIMESTAMPTZ,
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX one_time_links_user_idx ON one_time_links (user_id);

CREATE TABLE login_throttle (
    key           TEXT NOT NULL PRIMARY KEY,
    failures      BIGINT NOT NULL,
    last_failure_at TIMESTAMPTZ NOT NULL,
    blocked_until TIMESTAMPTZ NOT NULL
);

CREATE TABLE audit_log (
    id              UUID NOT NULL PRIMARY KEY,
    at              TIMESTAMPTZ NOT NULL,
    actor_user_id   UUID,
    organisation_id UUID,
    action          TEXT NOT NULL,
    object          TEXT,
    client          TEXT NOT NULL,
    detail          TEXT
);
CREATE INDEX audit_log_organisation_at_idx ON audit_log (organisation_id, at);
CREATE INDEX audit_log_actor_at_idx ON audit_log (actor_user_id, at);

-- The audit log is append-only: the database refuses changes and deletions.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
