-- MOSIP's secure_biometric_interface_h: a copy of an SBI each time it is created, updated,
-- approved or rejected, effective from eff_dtimes (MOSIP writes no history on deactivation).
CREATE TABLE secure_biometric_interface_h (
    id               VARCHAR(256) NOT NULL,
    eff_dtimes       TIMESTAMP NOT NULL,
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
    del_dtimes       TIMESTAMP,
    CONSTRAINT pk_sbih PRIMARY KEY (id, eff_dtimes)
);
