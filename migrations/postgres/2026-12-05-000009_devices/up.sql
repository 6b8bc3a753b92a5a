-- Device providers and FTM providers (MOSIP 1.2.2 device tables): device types and sub-types,
-- device details (make and model), secure biometric interfaces (SBI), the SBI-device mapping and
-- FTM chips. Approval statuses are MOSIP's: pending_approval, approved, rejected (FTM chips also
-- pending_cert_upload).
CREATE TABLE reg_device_type (
    code        VARCHAR(256) PRIMARY KEY,
    name        VARCHAR(256) NOT NULL,
    descr       VARCHAR(2048),
    is_active   BOOLEAN NOT NULL,
    cr_by       VARCHAR(256) NOT NULL,
    cr_dtimes   TIMESTAMP NOT NULL,
    upd_by      VARCHAR(256),
    upd_dtimes  TIMESTAMP,
    is_deleted  BOOLEAN NOT NULL DEFAULT FALSE,
    del_dtimes  TIMESTAMP
);

-- Keyed by (code, dtyp_code) as in MOSIP; id is "<dtyp_code>/<code>", the one key searches page by.
CREATE TABLE reg_device_sub_type (
    id          VARCHAR(256) NOT NULL,
    code        VARCHAR(256) NOT NULL,
    dtyp_code   VARCHAR(256) NOT NULL,
    name        VARCHAR(256) NOT NULL,
    descr       VARCHAR(2048),
    is_active   BOOLEAN NOT NULL,
    cr_by       VARCHAR(256) NOT NULL,
    cr_dtimes   TIMESTAMP NOT NULL,
    upd_by      VARCHAR(256),
    upd_dtimes  TIMESTAMP,
    is_deleted  BOOLEAN NOT NULL DEFAULT FALSE,
    del_dtimes  TIMESTAMP,
    CONSTRAINT pk_rdstyp PRIMARY KEY (code, dtyp_code),
    CONSTRAINT uk_rdstyp_id UNIQUE (id)
);

CREATE TABLE device_detail (
    id               VARCHAR(256) PRIMARY KEY,
    dprovider_id     VARCHAR(256) NOT NULL,
    dtype_code       VARCHAR(256) NOT NULL,
    dstype_code      VARCHAR(256) NOT NULL,
    make             VARCHAR(256) NOT NULL,
    model            VARCHAR(256) NOT NULL,
    partner_org_name VARCHAR(256),
    approval_status  VARCHAR(256) NOT NULL,
    is_active        BOOLEAN NOT NULL,
    cr_by            VARCHAR(256) NOT NULL,
    cr_dtimes        TIMESTAMP NOT NULL,
    upd_by           VARCHAR(256),
    upd_dtimes       TIMESTAMP,
    is_deleted       BOOLEAN NOT NULL DEFAULT FALSE,
    del_dtimes       TIMESTAMP
);
CREATE INDEX idx_devdtl_provider ON device_detail (dprovider_id);

CREATE TABLE secure_biometric_interface (
    id               VARCHAR(256) PRIMARY KEY,
    sw_binary_hash   VARCHAR(2048) NOT NULL,
    sw_version       VARCHAR(256) NOT NULL,
    sw_cr_dtimes     TIMESTAMP,
    sw_expiry_dtimes TIMESTAMP,
    approval_status  VARCHAR(256) NOT NULL,
    is_active        BOOLEAN NOT NULL,
    provider_id      VARCHAR(256),
    partner_org_name VARCHAR(256),
    cr_by            VARCHAR(256) NOT NULL,
    cr_dtimes        TIMESTAMP NOT NULL,
    upd_by           VARCHAR(256),
    upd_dtimes       TIMESTAMP,
    is_deleted       BOOLEAN NOT NULL DEFAULT FALSE,
    del_dtimes       TIMESTAMP
);
CREATE INDEX idx_sbi_provider ON secure_biometric_interface (provider_id);

CREATE TABLE device_detail_sbi (
    device_detail_id VARCHAR(256) NOT NULL,
    sbi_id           VARCHAR(256) NOT NULL,
    dprovider_id     VARCHAR(256) NOT NULL,
    partner_org_name VARCHAR(256),
    is_active        BOOLEAN NOT NULL,
    cr_by            VARCHAR(256) NOT NULL,
    cr_dtimes        TIMESTAMP NOT NULL,
    upd_by           VARCHAR(256),
    upd_dtimes       TIMESTAMP,
    is_deleted       BOOLEAN NOT NULL DEFAULT FALSE,
    del_dtimes       TIMESTAMP,
    CONSTRAINT pk_ddsbi PRIMARY KEY (device_detail_id, sbi_id)
);

CREATE TABLE ftp_chip_detail (
    id                             VARCHAR(256) PRIMARY KEY,
    foundational_trust_provider_id VARCHAR(256) NOT NULL,
    make                           VARCHAR(256) NOT NULL,
    model                          VARCHAR(256) NOT NULL,
    certificate_alias              VARCHAR(256),
    partner_org_name               VARCHAR(256),
    approval_status                VARCHAR(256) NOT NULL,
    is_active                      BOOLEAN NOT NULL,
    cr_by                          VARCHAR(256) NOT NULL,
    cr_dtimes                      TIMESTAMP NOT NULL,
    upd_by                         VARCHAR(256),
    upd_dtimes                     TIMESTAMP,
    is_deleted                     BOOLEAN NOT NULL DEFAULT FALSE,
    del_dtimes                     TIMESTAMP
);
CREATE INDEX idx_ftp_provider ON ftp_chip_detail (foundational_trust_provider_id);
