DROP TABLE ftp_chip_detail;
DROP TABLE device_detail_sbi;
DROP TABLE secure_biometric_interface;
DROP TABLE device_detail;
DROP TABLE reg_device_sub_type;
DROP TABLE reg_device_type;
