-- The key list's substring filters on the partner id and the label, and the MISP search by id,
-- use trigram indexes where pg_trgm exists (migration 2026-12-08-000050 creates it).
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        CREATE INDEX idx_ppol_part_trgm ON partner_policy USING gin (lower(part_id) gin_trgm_ops);
        CREATE INDEX idx_ppol_label_trgm ON partner_policy USING gin (lower(label) gin_trgm_ops);
        CREATE INDEX idx_misp_id_trgm ON misp USING gin (lower(id) gin_trgm_ops);
    END IF;
END $$;
