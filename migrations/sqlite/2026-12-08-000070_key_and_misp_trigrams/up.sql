-- PostgreSQL adds trigram indexes (same version); SQLite has none: its substring filters read
-- the table (see docs/benchmarks.md).
SELECT 1;
