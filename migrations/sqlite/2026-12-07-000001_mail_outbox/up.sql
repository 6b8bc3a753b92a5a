-- E-mails waiting to be delivered: queued in the transaction of the change they tell about (a
-- notification, a status change, a sign-up), rendered from the templates and sent afterwards,
-- outside any transaction. A sender claims a row by moving next_attempt_at (compare-and-set), so
-- two replicas never send the same row at once; a row left claimed by a crash is due again when
-- its claim lapses.
CREATE TABLE mail_outbox (
    id               TEXT      PRIMARY KEY,
    mail_to          TEXT      NOT NULL,
    template         TEXT      NOT NULL,
    lang_code        TEXT      NOT NULL,
    vars_json        TEXT      NOT NULL,
    notification_id  TEXT,
    status           TEXT      NOT NULL,
    attempts         INTEGER   NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMP NOT NULL,
    last_error       TEXT,
    cr_dtimes        TIMESTAMP NOT NULL,
    sent_dtimes      TIMESTAMP
);
CREATE INDEX idx_mail_outbox_due ON mail_outbox (status, next_attempt_at);
