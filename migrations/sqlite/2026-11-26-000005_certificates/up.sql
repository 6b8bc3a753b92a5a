-- Certificates, as MOSIP's keymanager keeps them (keymgr.ca_cert_store, keymgr.partner_cert_store),
-- and the service's own signing keys.

-- Trusted CA and sub-CA certificates per partner domain. Self-signed rows (ca_cert_type ROOT) are
-- the domain's trust anchors.
CREATE TABLE ca_cert_store (
    cert_id          TEXT  PRIMARY KEY,
    cert_subject     TEXT NOT NULL,
    cert_issuer      TEXT NOT NULL,
    issuer_id        TEXT  NOT NULL,
    cert_not_before  TIMESTAMP    NOT NULL,
    cert_not_after   TIMESTAMP    NOT NULL,
    crl_uri          TEXT,
    cert_data        TEXT         NOT NULL,
    cert_thumbprint  TEXT NOT NULL,
    cert_serial_no   TEXT  NOT NULL,
    partner_domain   TEXT  NOT NULL,
    ca_cert_type     TEXT  NOT NULL,
    cr_by            TEXT NOT NULL,
    cr_dtimes        TIMESTAMP    NOT NULL,
    upd_by           TEXT,
    upd_dtimes       TIMESTAMP,
    is_deleted       BOOLEAN      NOT NULL DEFAULT FALSE,
    del_dtimes       TIMESTAMP,
    CONSTRAINT uk_cacs_thumbprint_domain UNIQUE (cert_thumbprint, partner_domain)
);
CREATE INDEX idx_cacs_domain ON ca_cert_store (partner_domain);

-- Uploaded partner certificates: the original and the re-signed one. Every upload is a new row.
CREATE TABLE partner_cert_store (
    cert_id            TEXT  PRIMARY KEY,
    partner_id         TEXT  NOT NULL,
    cert_subject       TEXT NOT NULL,
    cert_issuer        TEXT NOT NULL,
    issuer_id          TEXT  NOT NULL,
    cert_not_before    TIMESTAMP    NOT NULL,
    cert_not_after     TIMESTAMP    NOT NULL,
    partner_domain     TEXT  NOT NULL,
    cert_data          TEXT         NOT NULL,
    signed_cert_data   TEXT         NOT NULL,
    signed_cert_chain  TEXT         NOT NULL,
    key_usage          TEXT NOT NULL DEFAULT '',
    organization_name  TEXT NOT NULL,
    cert_thumbprint    TEXT NOT NULL,
    cert_serial_no     TEXT  NOT NULL,
    cr_by              TEXT NOT NULL,
    cr_dtimes          TIMESTAMP    NOT NULL,
    upd_by             TEXT,
    upd_dtimes         TIMESTAMP,
    is_deleted         BOOLEAN      NOT NULL DEFAULT FALSE,
    del_dtimes         TIMESTAMP
);
CREATE INDEX idx_pcs_partner ON partner_cert_store (partner_id);

-- The service's own keys (app_id ROOT and PMS), generated on first need and shared by every
-- replica. The private key is stored UNENCRYPTED (PKCS#8 PEM): protect the database accordingly.
CREATE TABLE signing_key (
    key_id       TEXT  PRIMARY KEY,
    app_id       TEXT  NOT NULL,
    issuer_key_id TEXT,
    private_key  TEXT         NOT NULL,
    certificate  TEXT         NOT NULL,
    not_before   TIMESTAMP    NOT NULL,
    not_after    TIMESTAMP    NOT NULL,
    cr_by        TEXT NOT NULL,
    cr_dtimes    TIMESTAMP    NOT NULL
);
CREATE INDEX idx_signing_key_app ON signing_key (app_id, not_after);
