-- The licence-key search (POST /misps/search) sorts by creation time, then by key: with this
-- index its first page walks that order instead of sorting every matching key.
CREATE INDEX idx_mlic_created ON misp_license (cr_dtimes, license_key);
