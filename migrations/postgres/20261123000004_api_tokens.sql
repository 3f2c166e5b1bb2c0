-- Personal API tokens: shown once, stored as a fingerprint, revocable.
CREATE TABLE api_tokens (
    id            UUID NOT NULL PRIMARY KEY,
    user_id       UUID NOT NULL REFERENCES users (id),
    name          TEXT NOT NULL,
    token_hash    TEXT NOT NULL UNIQUE,
    created_at    TIMESTAMPTZ NOT NULL,
    last_used_at  TIMESTAMPTZ,
    revoked_at    TIMESTAMPTZ
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);
