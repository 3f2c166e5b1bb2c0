-- Sign-in throttling by sliding windows: one row per failure (and per successful sign-in from an
-- address, which makes that address known for the account). Counters decay by themselves.
DROP TABLE login_throttle;
CREATE TABLE throttle_events (
    key TEXT NOT NULL,
    at  TEXT NOT NULL
);
CREATE INDEX throttle_events_key_at_idx ON throttle_events (key, at);
