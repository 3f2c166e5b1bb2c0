-- Second factor (TOTP, RFC 6238) and recovery codes; sessions remember whether it was given.
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_enabled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN second_factor_pending INTEGER NOT NULL DEFAULT 0;

CREATE TABLE recovery_codes (
    user_id     BLOB NOT NULL REFERENCES users (id),
    code_hash   TEXT NOT NULL,
    used_at     TEXT,
    PRIMARY KEY (user_id, code_hash)
);
