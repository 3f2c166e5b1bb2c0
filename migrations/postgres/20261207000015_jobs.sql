-- Jobs: work due later, run once across every `relais serve` process (see docs/jobs.md).
-- The table `jobs` of before held one row per recurring task (claimed in place); recurring tasks
-- are now jobs like any other. What the roll-ups kept there (when they last ran) moves to
-- `job_marks`.
CREATE TABLE job_marks (
    kind        TEXT NOT NULL PRIMARY KEY,
    last_run_at TIMESTAMPTZ NOT NULL,
    last_result TEXT
);
INSERT INTO job_marks (kind, last_run_at, last_result) SELECT kind, last_run_at, last_result FROM jobs WHERE kind = 'rollup' AND last_run_at IS NOT NULL;
DROP TABLE jobs;

-- Times are milliseconds since 1970 (UTC): exact, and compared as numbers on both engines.
CREATE TABLE jobs (
    id              UUID NOT NULL PRIMARY KEY,
    kind            TEXT NOT NULL,
    -- Enqueueing the same key twice makes one job (NULL: no key).
    unique_key      TEXT,
    payload         TEXT NOT NULL,
    -- queued | running | done | failed
    state           TEXT NOT NULL,
    due_ms          BIGINT NOT NULL,
    attempts        BIGINT NOT NULL,
    max_attempts    BIGINT NOT NULL,
    -- While running: the claim's end (then another process may take it) and who holds it.
    locked_until_ms BIGINT,
    worker          TEXT,
    last_error      TEXT,
    created_ms      BIGINT NOT NULL,
    finished_ms     BIGINT
);
CREATE UNIQUE INDEX jobs_unique_key_idx ON jobs (unique_key);
CREATE INDEX jobs_state_due_idx ON jobs (state, due_ms);

-- The runs of the probe job (`relais jobs probe`, `relais bench jobs`): who ran which job, how
-- late. No key on purpose: a job run twice shows as two rows.
CREATE TABLE job_probes (
    job_id   UUID NOT NULL,
    worker   TEXT NOT NULL,
    delay_ms BIGINT NOT NULL,
    ran_ms   BIGINT NOT NULL
);

-- Messages to people (e-mail and SMS): what was sent, to whom, in which language, from which
-- template; each try in message_attempts. Sent by the job 'message-send' (docs/messages.md).
CREATE TABLE messages (
    id              UUID NOT NULL PRIMARY KEY,
    organisation_id UUID REFERENCES organisations (id) ON DELETE CASCADE,
    -- email | sms
    channel         TEXT NOT NULL,
    -- an e-mail address or a phone number in E.164
    address         TEXT NOT NULL,
    locale          TEXT NOT NULL,
    template        TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    -- queued | sent | failed | uncertain
    status          TEXT NOT NULL,
    unique_key      TEXT,
    created_ms      BIGINT NOT NULL,
    sent_ms         BIGINT,
    provider_ref    TEXT
);
CREATE UNIQUE INDEX messages_unique_key_idx ON messages (unique_key);
CREATE INDEX messages_organisation_idx ON messages (organisation_id, created_ms);

CREATE TABLE message_attempts (
    message_id   UUID NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    number       BIGINT NOT NULL,
    at_ms        BIGINT NOT NULL,
    -- started | sent | error | refused | uncertain
    result       TEXT NOT NULL,
    provider_ref TEXT,
    sms_parts    BIGINT,
    detail       TEXT NOT NULL,
    PRIMARY KEY (message_id, number)
);
