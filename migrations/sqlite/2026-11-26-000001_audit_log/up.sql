-- Every audited action. Success records are written in the transaction of the change they describe.
CREATE TABLE audit_log (
    id                TEXT  PRIMARY KEY,           -- UUIDv7: sorts by creation time
    event_id          TEXT  NOT NULL,
    event_name        TEXT NOT NULL,
    event_type        TEXT  NOT NULL,
    action_time       TIMESTAMP    NOT NULL,
    host_name         TEXT NOT NULL,
    host_ip           TEXT NOT NULL,
    application_id    TEXT  NOT NULL,
    application_name  TEXT NOT NULL,
    session_user_id   TEXT NOT NULL,
    session_user_name TEXT NOT NULL,
    ref_id            TEXT NOT NULL,
    ref_id_type       TEXT  NOT NULL,
    created_by        TEXT NOT NULL,
    module_name       TEXT NOT NULL,
    module_id         TEXT  NOT NULL,
    description       TEXT         NOT NULL,
    error_code        TEXT,
    request_id        TEXT,
    forwarded_at      TIMESTAMP                            -- set once delivered to an external audit manager
);
CREATE INDEX idx_audit_log_time ON audit_log (action_time, id);
CREATE INDEX idx_audit_log_event ON audit_log (event_id, action_time);
CREATE INDEX idx_audit_log_ref ON audit_log (ref_id, action_time);
CREATE INDEX idx_audit_log_user ON audit_log (session_user_id, action_time);
CREATE INDEX idx_audit_log_outbox ON audit_log (id) WHERE forwarded_at IS NULL;
