DROP INDEX IF EXISTS idx_misp_id_trgm;
DROP INDEX IF EXISTS idx_ppol_label_trgm;
DROP INDEX IF EXISTS idx_ppol_part_trgm;
