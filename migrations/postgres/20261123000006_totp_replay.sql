-- A TOTP code is accepted once: the last accepted time step is remembered (RFC 6238, 5.2).
ALTER TABLE users ADD COLUMN totp_last_step BIGINT;
