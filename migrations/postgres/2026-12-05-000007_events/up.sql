-- The outbox of the events published on MOSIP's WebSub hub: each row is written in the
-- transaction of the change that causes it, and delivered by the dispatchers in seq order per
-- topic. status: PENDING (to send, possibly after failed attempts) | DELIVERED | FAILED (parked
-- after the last attempt; an admin re-queues it). A dispatcher claims rows by setting claimed_by
-- and claimed_until; a claim that runs out is taken over. source: the MOSIP service class whose
-- action it is (the envelope's publisher and type).
CREATE TABLE event_outbox (
    seq             BIGSERIAL     PRIMARY KEY,
    event_id        VARCHAR(36)   NOT NULL,
    topic           VARCHAR(64)   NOT NULL,
    source          VARCHAR(64)   NOT NULL,
    data            TEXT          NOT NULL,
    created_at      TIMESTAMP     NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP     NOT NULL,
    claimed_by      VARCHAR(64),
    claimed_until   TIMESTAMP,
    last_error      VARCHAR(1024),
    delivered_at    TIMESTAMP,
    CONSTRAINT uk_event_outbox_event UNIQUE (event_id)
);
CREATE INDEX idx_event_outbox_open ON event_outbox (topic, seq) WHERE status = 'PENDING';
CREATE INDEX idx_event_outbox_delivered ON event_outbox (delivered_at) WHERE status = 'DELIVERED';

-- What a datashare URL serves (a partner's certificate chain for CA_CERTIFICATE_UPLOADED): read
-- without a token by whoever holds the unguessable id, until it expires or its reads run out.
CREATE TABLE datashare (
    id                VARCHAR(64)   PRIMARY KEY,
    content           TEXT          NOT NULL,
    content_type      VARCHAR(64)   NOT NULL,
    created_at        TIMESTAMP     NOT NULL,
    expires_at        TIMESTAMP     NOT NULL,
    reads_left        INTEGER       NOT NULL
);
