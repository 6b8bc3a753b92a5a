DROP INDEX idx_ppr_created;
DROP INDEX idx_partner_created;
DROP INDEX idx_ppol_created;
DROP INDEX idx_ppol_partner_label;
