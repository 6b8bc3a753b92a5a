-- A partner's keys (label uniqueness on generation, its key list, ownership) and the newest-first
-- first page of the keys, partners and policy requests read an index instead of the whole table.
CREATE INDEX idx_ppol_partner_label ON partner_policy (part_id, label);
CREATE INDEX idx_ppol_created ON partner_policy (cr_dtimes);
CREATE INDEX idx_partner_created ON partner (cr_dtimes);
CREATE INDEX idx_ppr_created ON partner_policy_request (cr_dtimes);
