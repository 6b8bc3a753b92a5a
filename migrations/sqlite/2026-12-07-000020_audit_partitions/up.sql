-- PostgreSQL partitions its audit log by month (same version); SQLite's retention deletes rows.
SELECT 1;
