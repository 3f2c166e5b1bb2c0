-- Foundation: instance settings and the record of demo parts loaded.
-- Kept in step with ../sqlite/20261123000001_foundation.sql (a test compares the schemas).

CREATE TABLE settings (
    key         TEXT NOT NULL PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE demo_parts (
    name        TEXT NOT NULL PRIMARY KEY,
    position    BIGINT NOT NULL,
    loaded_at   TIMESTAMPTZ NOT NULL
);

CREATE INDEX demo_parts_position_idx ON demo_parts (position);
