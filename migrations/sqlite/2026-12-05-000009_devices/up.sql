-- Device providers and FTM providers (MOSIP 1.2.2 device tables): device types and sub-types,
-- device details (make and model), secure biometric interfaces (SBI), the SBI-device mapping and
-- FTM chips. Approval statuses are MOSIP's: pending_approval, approved, rejected (FTM chips also
-- pending_cert_upload).
CREATE TABLE reg_device_type (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    descr       TEXT,
    is_active   BOOLEAN NOT NULL,
    cr_by       TEXT NOT NULL,
    cr_dtimes   TIMESTAMP NOT NULL,
    upd_by      TEXT,
    upd_dtimes  TIMESTAMP,
    is_deleted  BOOLEAN NOT NULL DEFAULT FALSE,
    del_dtimes  TIMESTAMP
);

-- Keyed by (code, dtyp_code) as in MOSIP; id is "<dtyp_code>/<code>", the one key searches page by.
CREATE TABLE reg_device_sub_type (
    id          TEXT NOT NULL,
    code        TEXT NOT NULL,
    dtyp_code   TEXT NOT NULL,
    name        TEXT NOT NULL,
    descr       TEXT,
    is_active   BOOLEAN NOT NULL,
    cr_by       TEXT NOT NULL,
    cr_dtimes   TIMESTAMP NOT NULL,
    upd_by      TEXT,
    upd_dtimes  TIMESTAMP,
    is_deleted  BOOLEAN NOT NULL DEFAULT FALSE,
    del_dtimes  TIMESTAMP,
    CONSTRAINT pk_rdstyp PRIMARY KEY (code, dtyp_code),
    CONSTRAINT uk_rdstyp_id UNIQUE (id)
);

CREATE TABLE device_detail (
    id               TEXT PRIMARY KEY,
    dprovider_id     TEXT NOT NULL,
    dtype_code       TEXT NOT NULL,
    dstype_code      TEXT NOT NULL,
    make             TEXT NOT NULL,
    model            TEXT NOT NULL,
    partner_org_name TEXT,
    approval_status  TEXT NOT NULL,
    is_active        BOOLEAN NOT NULL,
    cr_by            TEXT NOT NULL,
    cr_dtimes        TIMESTAMP NOT NULL,
    upd_by           TEXT,
    upd_dtimes       TIMESTAMP,
    is_deleted       BOOLEAN NOT NULL DEFAULT FALSE,
    del_dtimes       TIMESTAMP
);
CREATE INDEX idx_devdtl_provider ON device_detail (dprovider_id);

CREATE TABLE secure_biometric_interface (
    id               TEXT PRIMARY KEY,
    sw_binary_hash   TEXT NOT NULL,
    sw_version       TEXT NOT NULL,
    sw_cr_dtimes     TIMESTAMP,
    sw_expiry_dtimes TIMESTAMP,
    approval_status  TEXT NOT NULL,
    is_active        BOOLEAN NOT NULL,
    provider_id      TEXT,
    partner_org_name TEXT,
    cr_by            TEXT NOT NULL,
    cr_dtimes        TIMESTAMP NOT NULL,
    upd_by           TEXT,
    upd_dtimes       TIMESTAMP,
    is_deleted       BOOLEAN NOT NULL DEFAULT FALSE,
    del_dtimes       TIMESTAMP
);
CREATE INDEX idx_sbi_provider ON secure_biometric_interface (provider_id);

CREATE TABLE device_detail_sbi (
    device_detail_id TEXT NOT NULL,
    sbi_id           TEXT NOT NULL,
    dprovider_id     TEXT NOT NULL,
    partner_org_name TEXT,
    is_active        BOOLEAN NOT NULL,
    cr_by            TEXT NOT NULL,
    cr_dtimes        TIMESTAMP NOT NULL,
    upd_by           TEXT,
    upd_dtimes       TIMESTAMP,
    is_deleted       BOOLEAN NOT NULL DEFAULT FALSE,
    del_dtimes       TIMESTAMP,
    CONSTRAINT pk_ddsbi PRIMARY KEY (device_detail_id, sbi_id)
);

CREATE TABLE ftp_chip_detail (
    id                             TEXT PRIMARY KEY,
    foundational_trust_provider_id TEXT NOT NULL,
    make                           TEXT NOT NULL,
    model                          TEXT NOT NULL,
    certificate_alias              TEXT,
    partner_org_name               TEXT,
    approval_status                TEXT NOT NULL,
    is_active                      BOOLEAN NOT NULL,
    cr_by                          TEXT NOT NULL,
    cr_dtimes                      TIMESTAMP NOT NULL,
    upd_by                         TEXT,
    upd_dtimes                     TIMESTAMP,
    is_deleted                     BOOLEAN NOT NULL DEFAULT FALSE,
    del_dtimes                     TIMESTAMP
);
CREATE INDEX idx_ftp_provider ON ftp_chip_detail (foundational_trust_provider_id);
