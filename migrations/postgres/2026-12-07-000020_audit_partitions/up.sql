-- The audit log partitioned by month of action_time, so that retention drops whole months instead
-- of deleting rows. Rows of a month without a partition land in audit_log_default; partitions are
-- created ahead by pms_audit_ensure_partitions (the services' audit maintenance calls it hourly).
ALTER TABLE audit_log RENAME TO audit_log_unpartitioned;
ALTER INDEX idx_audit_log_time RENAME TO idx_audit_log_unpartitioned_time;
ALTER INDEX idx_audit_log_event RENAME TO idx_audit_log_unpartitioned_event;
ALTER INDEX idx_audit_log_ref RENAME TO idx_audit_log_unpartitioned_ref;
ALTER INDEX idx_audit_log_user RENAME TO idx_audit_log_unpartitioned_user;
ALTER INDEX idx_audit_log_outbox RENAME TO idx_audit_log_unpartitioned_outbox;
ALTER TABLE audit_log_unpartitioned RENAME CONSTRAINT audit_log_pkey TO audit_log_unpartitioned_pkey;

-- same columns (LIKE copies names, types and NOT NULL); the key gains action_time, as a
-- partitioned table's must include its partition key
CREATE TABLE audit_log (
    LIKE audit_log_unpartitioned INCLUDING DEFAULTS,
    PRIMARY KEY (id, action_time)
) PARTITION BY RANGE (action_time);
CREATE TABLE audit_log_default PARTITION OF audit_log DEFAULT;

-- Creates the monthly partitions of `months` months from the one holding `first_day` (skipping
-- those that exist, and a month whose rows already sit in the default partition); answers how
-- many it created.
CREATE FUNCTION pms_audit_ensure_partitions(first_day TIMESTAMP, months INTEGER) RETURNS INTEGER
LANGUAGE plpgsql AS $$
DECLARE
    month_start TIMESTAMP := date_trunc('month', first_day);
    part TEXT;
    created INTEGER := 0;
BEGIN
    FOR i IN 0 .. months - 1 LOOP
        part := 'audit_log_y' || to_char(month_start, 'YYYY') || 'm' || to_char(month_start, 'MM');
        IF to_regclass(part) IS NULL AND NOT EXISTS (
            SELECT 1 FROM audit_log_default
            WHERE action_time >= month_start AND action_time < month_start + INTERVAL '1 month'
        ) THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF audit_log FOR VALUES FROM (%L) TO (%L)',
                           part, month_start, month_start + INTERVAL '1 month');
            created := created + 1;
        END IF;
        month_start := month_start + INTERVAL '1 month';
    END LOOP;
    RETURN created;
END $$;

-- Drops the monthly partitions that end at or before `before` and hold no record still waiting
-- to be forwarded; answers how many rows went with them.
CREATE FUNCTION pms_audit_drop_partitions(before TIMESTAMP) RETURNS BIGINT
LANGUAGE plpgsql AS $$
DECLARE
    p RECORD;
    waiting BOOLEAN;
    n BIGINT;
    dropped BIGINT := 0;
BEGIN
    FOR p IN
        SELECT c.relname AS name
        FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'audit_log'::regclass AND c.relname ~ '^audit_log_y[0-9]{4}m[0-9]{2}$'
          AND to_timestamp(substr(c.relname, 12, 4) || substr(c.relname, 17, 2), 'YYYYMM')::timestamp
              + INTERVAL '1 month' <= before
    LOOP
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE forwarded_at IS NULL)', p.name) INTO waiting;
        IF NOT waiting THEN
            EXECUTE format('SELECT count(*) FROM %I', p.name) INTO n;
            EXECUTE format('DROP TABLE %I', p.name);
            dropped := dropped + n;
        END IF;
    END LOOP;
    RETURN dropped;
END $$;

SELECT pms_audit_ensure_partitions(
    COALESCE((SELECT date_trunc('month', min(action_time)) FROM audit_log_unpartitioned), date_trunc('month', now()::timestamp)),
    (SELECT (EXTRACT(YEAR FROM age(date_trunc('month', now()::timestamp),
                 COALESCE(date_trunc('month', min(action_time)), date_trunc('month', now()::timestamp))))::int * 12
          + EXTRACT(MONTH FROM age(date_trunc('month', now()::timestamp),
                 COALESCE(date_trunc('month', min(action_time)), date_trunc('month', now()::timestamp))))::int + 3)
     FROM audit_log_unpartitioned));

INSERT INTO audit_log SELECT * FROM audit_log_unpartitioned;
DROP TABLE audit_log_unpartitioned;

CREATE INDEX idx_audit_log_time ON audit_log (action_time, id);
CREATE INDEX idx_audit_log_event ON audit_log (event_id, action_time);
CREATE INDEX idx_audit_log_ref ON audit_log (ref_id, action_time);
CREATE INDEX idx_audit_log_user ON audit_log (session_user_id, action_time);
CREATE INDEX idx_audit_log_outbox ON audit_log (id) WHERE forwarded_at IS NULL;
