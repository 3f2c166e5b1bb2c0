-- Personal API tokens: shown once, stored as a fingerprint, revocable.
CREATE TABLE api_tokens (
    id            BLOB NOT NULL PRIMARY KEY,
    user_id       BLOB NOT NULL REFERENCES users (id),
    name          TEXT NOT NULL,
    token_hash    TEXT NOT NULL UNIQUE,
    created_at    TEXT NOT NULL,
    last_used_at  TEXT,
    revoked_at    TEXT
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);
