-- The newest-first lists order by creation time and then by key, so that rows created in the
-- same instant (an import, a bulk load) keep one order. An index on the creation time alone left
-- the database sorting every row of such a run; these indexes hold the whole order.
DROP INDEX idx_ppol_created;
CREATE INDEX idx_ppol_created ON partner_policy (cr_dtimes DESC, policy_api_key);
DROP INDEX idx_partner_created;
CREATE INDEX idx_partner_created ON partner (cr_dtimes DESC, id);
DROP INDEX idx_ppr_created;
CREATE INDEX idx_ppr_created ON partner_policy_request (cr_dtimes DESC, id);
