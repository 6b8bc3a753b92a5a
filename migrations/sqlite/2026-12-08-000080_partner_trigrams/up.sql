-- Case-insensitive substring and prefix filters on a partner's name and id (the organisation
-- name and partner id filters of the 1.2.2 lists, `name`, `id` and `partnerName` of the
-- searches) read a trigram index instead of every partner: an FTS5 table of each partner's name
-- and id, kept by triggers. The id is the key because a table without an INTEGER PRIMARY KEY
-- may have its rowids renumbered by VACUUM.
CREATE VIRTUAL TABLE partner_trigram USING fts5(name, id, tokenize = 'trigram');

INSERT INTO partner_trigram (name, id) SELECT name, id FROM partner;

CREATE TRIGGER partner_trigram_insert AFTER INSERT ON partner BEGIN
    INSERT INTO partner_trigram (name, id) VALUES (new.name, new.id);
END;

CREATE TRIGGER partner_trigram_update AFTER UPDATE OF name, id ON partner BEGIN
    DELETE FROM partner_trigram WHERE id = old.id;
    INSERT INTO partner_trigram (name, id) VALUES (new.name, new.id);
END;

CREATE TRIGGER partner_trigram_delete AFTER DELETE ON partner BEGIN
    DELETE FROM partner_trigram WHERE id = old.id;
END;
