DROP TRIGGER partner_trigram_delete;
DROP TRIGGER partner_trigram_update;
DROP TRIGGER partner_trigram_insert;
DROP TABLE partner_trigram;
