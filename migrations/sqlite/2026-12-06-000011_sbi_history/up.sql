-- MOSIP's secure_biometric_interface_h: a copy of an SBI each time it is created, updated,
-- approved or rejected, effective from eff_dtimes (MOSIP writes no history on deactivation).
CREATE TABLE secure_biometric_interface_h (
    id               TEXT NOT NULL,
    eff_dtimes       TIMESTAMP NOT NULL,
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
    del_dtimes       TIMESTAMP,
    CONSTRAINT pk_sbih PRIMARY KEY (id, eff_dtimes)
);
