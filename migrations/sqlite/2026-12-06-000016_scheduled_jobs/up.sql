-- The scheduled jobs: when each job runs next (claimed by a compare-and-set UPDATE, so one
-- replica runs a job per period), and the notices already sent (one row per notice key,
-- inserted in the sending transaction, so a notice is never sent twice).
CREATE TABLE job_run (
    job_name         TEXT      PRIMARY KEY,
    next_run_at      TIMESTAMP NOT NULL,
    last_started_at  TIMESTAMP,
    last_claimed_by  TEXT
);
CREATE TABLE job_notice (
    notice_key TEXT      PRIMARY KEY,
    cr_dtimes  TIMESTAMP NOT NULL
);
