-- Case-insensitive substring and prefix filters on a partner's name (the organisation name of
-- the 1.2.2 lists, `name` and `partnerName` of the searches) read a trigram index instead of
-- every partner: an FTS5 table of each partner's name and id, kept by triggers. The id is the
-- key because a table without an INTEGER PRIMARY KEY may have its rowids renumbered by VACUUM.
CREATE VIRTUAL TABLE partner_name_trigram USING fts5(name, id UNINDEXED, tokenize = 'trigram');

INSERT INTO partner_name_trigram (name, id) SELECT name, id FROM partner;

CREATE TRIGGER partner_name_trigram_insert AFTER INSERT ON partner BEGIN
    INSERT INTO partner_name_trigram (name, id) VALUES (new.name, new.id);
END;

CREATE TRIGGER partner_name_trigram_update AFTER UPDATE OF name, id ON partner BEGIN
    DELETE FROM partner_name_trigram WHERE id = old.id;
    INSERT INTO partner_name_trigram (name, id) VALUES (new.name, new.id);
END;

CREATE TRIGGER partner_name_trigram_delete AFTER DELETE ON partner BEGIN
    DELETE FROM partner_name_trigram WHERE id = old.id;
END;
