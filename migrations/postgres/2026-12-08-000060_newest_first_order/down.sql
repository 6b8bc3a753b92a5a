DROP INDEX idx_ppr_created;
CREATE INDEX idx_ppr_created ON partner_policy_request (cr_dtimes);
DROP INDEX idx_partner_created;
CREATE INDEX idx_partner_created ON partner (cr_dtimes);
DROP INDEX idx_ppol_created;
CREATE INDEX idx_ppol_created ON partner_policy (cr_dtimes);
