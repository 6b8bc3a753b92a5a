-- One key for a device-SBI mapping, "<device_detail_id>/<sbi_id>", derived by the database:
-- the search engine pages the deprecated mapping search (POST
-- /securebiometricinterface/devicedetails/map/search) by one key column.
ALTER TABLE device_detail_sbi ADD COLUMN id VARCHAR(513) GENERATED ALWAYS AS (device_detail_id || '/' || sbi_id) STORED;
