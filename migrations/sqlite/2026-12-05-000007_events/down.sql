DROP TABLE datashare;
DROP TABLE event_outbox;
