-- Certificates, as MOSIP's keymanager keeps them (keymgr.ca_cert_store, keymgr.partner_cert_store),
-- and the service's own signing keys.

-- Trusted CA and sub-CA certificates per partner domain. Self-signed rows (ca_cert_type ROOT) are
-- the domain's trust anchors.
CREATE TABLE ca_cert_store (
    cert_id          VARCHAR(36)  PRIMARY KEY,
    cert_subject     VARCHAR(500) NOT NULL,
    cert_issuer      VARCHAR(500) NOT NULL,
    issuer_id        VARCHAR(36)  NOT NULL,
    cert_not_before  TIMESTAMP    NOT NULL,
    cert_not_after   TIMESTAMP    NOT NULL,
    crl_uri          VARCHAR(120),
    cert_data        TEXT         NOT NULL,
    cert_thumbprint  VARCHAR(100) NOT NULL,
    cert_serial_no   VARCHAR(50)  NOT NULL,
    partner_domain   VARCHAR(36)  NOT NULL,
    ca_cert_type     VARCHAR(25)  NOT NULL,
    cr_by            VARCHAR(256) NOT NULL,
    cr_dtimes        TIMESTAMP    NOT NULL,
    upd_by           VARCHAR(256),
    upd_dtimes       TIMESTAMP,
    is_deleted       BOOLEAN      NOT NULL DEFAULT FALSE,
    del_dtimes       TIMESTAMP,
    CONSTRAINT uk_cacs_thumbprint_domain UNIQUE (cert_thumbprint, partner_domain)
);
CREATE INDEX idx_cacs_domain ON ca_cert_store (partner_domain);

-- Uploaded partner certificates: the original and the re-signed one. Every upload is a new row.
CREATE TABLE partner_cert_store (
    cert_id            VARCHAR(36)  PRIMARY KEY,
    partner_id         VARCHAR(36)  NOT NULL,
    cert_subject       VARCHAR(500) NOT NULL,
    cert_issuer        VARCHAR(500) NOT NULL,
    issuer_id          VARCHAR(36)  NOT NULL,
    cert_not_before    TIMESTAMP    NOT NULL,
    cert_not_after     TIMESTAMP    NOT NULL,
    partner_domain     VARCHAR(36)  NOT NULL,
    cert_data          TEXT         NOT NULL,
    signed_cert_data   TEXT         NOT NULL,
    signed_cert_chain  TEXT         NOT NULL,
    key_usage          VARCHAR(150) NOT NULL DEFAULT '',
    organization_name  VARCHAR(120) NOT NULL,
    cert_thumbprint    VARCHAR(100) NOT NULL,
    cert_serial_no     VARCHAR(50)  NOT NULL,
    cr_by              VARCHAR(256) NOT NULL,
    cr_dtimes          TIMESTAMP    NOT NULL,
    upd_by             VARCHAR(256),
    upd_dtimes         TIMESTAMP,
    is_deleted         BOOLEAN      NOT NULL DEFAULT FALSE,
    del_dtimes         TIMESTAMP
);
CREATE INDEX idx_pcs_partner ON partner_cert_store (partner_id);

-- The service's own keys (app_id ROOT and PMS), generated on first need and shared by every
-- replica. The private key is stored UNENCRYPTED (PKCS#8 PEM): protect the database accordingly.
CREATE TABLE signing_key (
    key_id       VARCHAR(36)  PRIMARY KEY,
    app_id       VARCHAR(36)  NOT NULL,
    issuer_key_id VARCHAR(36),
    private_key  TEXT         NOT NULL,
    certificate  TEXT         NOT NULL,
    not_before   TIMESTAMP    NOT NULL,
    not_after    TIMESTAMP    NOT NULL,
    cr_by        VARCHAR(256) NOT NULL,
    cr_dtimes    TIMESTAMP    NOT NULL
);
CREATE INDEX idx_signing_key_app ON signing_key (app_id, not_after);
