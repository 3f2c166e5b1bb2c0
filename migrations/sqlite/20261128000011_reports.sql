-- Reports: monthly roll-ups of the accompaniment log, so that dashboards read a few thousand rows
-- whatever the years of activity. One row per organisation, month ('2026-11'), dimension (theme,
-- online-service, outcome, autonomy, setting, place, helper-kind, weekday, hour, total) and value;
-- recomputed for the organisation-months that received requests since the last run.
-- `people_months` lists who was helped in which month (distinct people over any period).
-- Kept in step with ../postgres/20261128000011_reports.sql. (WITHOUT ROWID: the primary key is
-- the table, so a scope's months are read in key order without a second lookup.)

CREATE TABLE activity_rollup (
    organisation_id BLOB NOT NULL REFERENCES organisations (id),
    month           TEXT NOT NULL,
    dimension       TEXT NOT NULL,
    value           TEXT NOT NULL,
    requests        INTEGER NOT NULL,
    minutes         INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, month, dimension, value)
) WITHOUT ROWID;

CREATE TABLE people_months (
    organisation_id BLOB NOT NULL REFERENCES organisations (id),
    month           TEXT NOT NULL,
    person_id       BLOB NOT NULL,
    PRIMARY KEY (organisation_id, month, person_id)
) WITHOUT ROWID;

CREATE INDEX accompaniments_created_idx ON accompaniments (created_at);
