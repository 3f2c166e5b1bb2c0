-- Group scopes: a coordinator or viewer may be granted a project, network or programme, whose
-- aggregates (never another organisation's records) they then see. Revoking deletes the row;
-- the audit log keeps the history.
-- Kept in step with ../postgres/20261127000007_group_scopes.sql.
CREATE TABLE group_scopes (
    user_id     BLOB NOT NULL REFERENCES users (id),
    group_id    BLOB NOT NULL REFERENCES groups (id),
    granted_by  BLOB REFERENCES users (id),
    granted_at  TEXT NOT NULL,
    PRIMARY KEY (user_id, group_id)
);
CREATE INDEX group_scopes_group_idx ON group_scopes (group_id);
