-- Every audited action. Success records are written in the transaction of the change they describe.
CREATE TABLE audit_log (
    id                VARCHAR(36)  PRIMARY KEY,           -- UUIDv7: sorts by creation time
    event_id          VARCHAR(64)  NOT NULL,
    event_name        VARCHAR(128) NOT NULL,
    event_type        VARCHAR(64)  NOT NULL,
    action_time       TIMESTAMP    NOT NULL,
    host_name         VARCHAR(128) NOT NULL,
    host_ip           VARCHAR(256) NOT NULL,
    application_id    VARCHAR(64)  NOT NULL,
    application_name  VARCHAR(128) NOT NULL,
    session_user_id   VARCHAR(256) NOT NULL,
    session_user_name VARCHAR(256) NOT NULL,
    ref_id            VARCHAR(256) NOT NULL,
    ref_id_type       VARCHAR(64)  NOT NULL,
    created_by        VARCHAR(256) NOT NULL,
    module_name       VARCHAR(128) NOT NULL,
    module_id         VARCHAR(64)  NOT NULL,
    description       TEXT         NOT NULL,
    error_code        VARCHAR(64),
    request_id        VARCHAR(64),
    forwarded_at      TIMESTAMP                            -- set once delivered to an external audit manager
);
CREATE INDEX idx_audit_log_time ON audit_log (action_time, id);
CREATE INDEX idx_audit_log_event ON audit_log (event_id, action_time);
CREATE INDEX idx_audit_log_ref ON audit_log (ref_id, action_time);
CREATE INDEX idx_audit_log_user ON audit_log (session_user_id, action_time);
CREATE INDEX idx_audit_log_outbox ON audit_log (id) WHERE forwarded_at IS NULL;
