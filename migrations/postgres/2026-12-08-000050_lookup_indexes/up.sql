-- A partner's keys (label uniqueness on generation, its key list, ownership) and the newest-first
-- first page of the keys, partners and policy requests read an index instead of the whole table.
CREATE INDEX idx_ppol_partner_label ON partner_policy (part_id, label);
CREATE INDEX idx_ppol_created ON partner_policy (cr_dtimes);
CREATE INDEX idx_partner_created ON partner (cr_dtimes);
CREATE INDEX idx_ppr_created ON partner_policy_request (cr_dtimes);

-- Case-insensitive substring searches (`lower(column) LIKE '%…%'`) of partners and MISPs use
-- trigram indexes where the pg_trgm extension can be created (it ships with PostgreSQL and is
-- trusted: a database owner may create it); without it they scan, as before.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'pg_trgm unavailable (%): substring searches scan their table', SQLERRM;
END $$;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        CREATE INDEX idx_partner_name_trgm ON partner USING gin (lower(name) gin_trgm_ops);
        CREATE INDEX idx_partner_id_trgm ON partner USING gin (lower(id) gin_trgm_ops);
        CREATE INDEX idx_misp_name_trgm ON misp USING gin (lower(name) gin_trgm_ops);
    END IF;
END $$;
