DROP INDEX IF EXISTS idx_misp_name_trgm;
DROP INDEX IF EXISTS idx_partner_id_trgm;
DROP INDEX IF EXISTS idx_partner_name_trgm;
DROP INDEX idx_ppr_created;
DROP INDEX idx_partner_created;
DROP INDEX idx_ppol_created;
DROP INDEX idx_ppol_partner_label;
