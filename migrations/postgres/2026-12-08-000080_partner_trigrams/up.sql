-- SQLite indexes partner names and ids by trigram in this version; PostgreSQL already does
-- (idx_partner_name_trgm and idx_partner_id_trgm, 2026-12-08-000050).
SELECT 1;
