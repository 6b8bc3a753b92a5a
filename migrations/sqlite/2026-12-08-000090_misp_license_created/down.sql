DROP INDEX idx_mlic_created;
