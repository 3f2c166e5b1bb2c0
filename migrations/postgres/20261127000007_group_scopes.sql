-- Group scopes: a coordinator or viewer may be granted a project, network or programme, whose
-- aggregates (never another organisation's records) they then see. Revoking deletes the row;
-- the audit log keeps the history.
CREATE TABLE group_scopes (
    user_id     UUID NOT NULL REFERENCES users (id),
    group_id    UUID NOT NULL REFERENCES groups (id),
    granted_by  UUID REFERENCES users (id),
    granted_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, group_id)
);
CREATE INDEX group_scopes_group_idx ON group_scopes (group_id);
