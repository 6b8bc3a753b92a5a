ALTER TABLE device_detail_sbi DROP COLUMN id;
