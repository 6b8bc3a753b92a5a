CREATE TABLE partner_type (
    code                TEXT  PRIMARY KEY,
    partner_description TEXT NOT NULL,
    is_policy_required  BOOLEAN      NOT NULL,
    is_active           BOOLEAN      NOT NULL,
    cr_by               TEXT NOT NULL,
    cr_dtimes           TIMESTAMP    NOT NULL,
    upd_by              TEXT,
    upd_dtimes          TIMESTAMP,
    is_deleted          BOOLEAN      NOT NULL DEFAULT FALSE,
    del_dtimes          TIMESTAMP
);

INSERT INTO partner_type (code, partner_description, is_policy_required, is_active, cr_by, cr_dtimes) VALUES
    ('Auth_Partner',                'Auth Partner',                   TRUE,  TRUE, 'system', CURRENT_TIMESTAMP),
    ('Online_Verification_Partner', 'Online_Verification_Partner',    TRUE,  TRUE, 'system', CURRENT_TIMESTAMP),
    ('Credential_Partner',          'Credential Partner',             TRUE,  TRUE, 'system', CURRENT_TIMESTAMP),
    ('ABIS_Partner',                'ABIS Partner',                   TRUE,  TRUE, 'system', CURRENT_TIMESTAMP),
    ('Manual_Adjudication',         'Manual Adjudication',            TRUE,  TRUE, 'system', CURRENT_TIMESTAMP),
    ('Internal_Partner',            'Used internally to share certs', TRUE,  TRUE, 'system', CURRENT_TIMESTAMP),
    ('Print_Partner',               'Print Partner',                  TRUE,  TRUE, 'system', CURRENT_TIMESTAMP),
    ('Device_Provider',             'Device Provider',                FALSE, TRUE, 'system', CURRENT_TIMESTAMP),
    ('FTM_Provider',                'FTM Provider',                   FALSE, TRUE, 'system', CURRENT_TIMESTAMP),
    ('MISP_Partner',                'MISP_Partner',                   FALSE, TRUE, 'system', CURRENT_TIMESTAMP),
    ('SDK_Partner',                 'SDK Partner',                    FALSE, TRUE, 'system', CURRENT_TIMESTAMP),
    ('Partner_Admin',               'Partner Admin',                  FALSE, TRUE, 'system', CURRENT_TIMESTAMP);

CREATE TABLE partner (
    id                TEXT   PRIMARY KEY,
    policy_group_id   TEXT   REFERENCES policy_group (id),
    name              TEXT  NOT NULL,
    address           TEXT,
    contact_no        TEXT,
    email_id          TEXT,
    certificate_alias TEXT,
    user_id           TEXT  NOT NULL,
    partner_type_code TEXT   NOT NULL REFERENCES partner_type (code),
    approval_status   TEXT   NOT NULL,
    is_active         BOOLEAN       NOT NULL,
    lang_code         TEXT,
    logo_url          TEXT,
    addl_info         TEXT,
    cr_by             TEXT  NOT NULL,
    cr_dtimes         TIMESTAMP     NOT NULL,
    upd_by            TEXT,
    upd_dtimes        TIMESTAMP,
    is_deleted        BOOLEAN       NOT NULL DEFAULT FALSE,
    del_dtimes        TIMESTAMP
);
CREATE INDEX idx_partner_email ON partner (email_id);
CREATE INDEX idx_partner_type ON partner (partner_type_code);
CREATE INDEX idx_partner_user ON partner (user_id);
CREATE INDEX idx_partner_group ON partner (policy_group_id);

CREATE TABLE partner_contact (
    id          TEXT   PRIMARY KEY,
    partner_id  TEXT   NOT NULL REFERENCES partner (id),
    contact_no  TEXT,
    email_id    TEXT,
    address     TEXT,
    is_active   BOOLEAN       NOT NULL,
    cr_by       TEXT  NOT NULL,
    cr_dtimes   TIMESTAMP     NOT NULL,
    upd_by      TEXT,
    upd_dtimes  TIMESTAMP,
    is_deleted  BOOLEAN       NOT NULL DEFAULT FALSE,
    del_dtimes  TIMESTAMP,
    CONSTRAINT uk_pcontact_phone UNIQUE (partner_id, contact_no),
    CONSTRAINT uk_pcontact_email UNIQUE (partner_id, email_id)
);

-- A partner's request to use a policy; status_code InProgress | approved | rejected.
CREATE TABLE partner_policy_request (
    id                TEXT   PRIMARY KEY,
    part_id           TEXT   NOT NULL REFERENCES partner (id),
    policy_id         TEXT   NOT NULL,
    request_datetimes TIMESTAMP     NOT NULL,
    request_detail    TEXT NOT NULL,
    status_code       TEXT   NOT NULL,
    cr_by             TEXT  NOT NULL,
    cr_dtimes         TIMESTAMP     NOT NULL,
    upd_by            TEXT,
    upd_dtimes        TIMESTAMP,
    is_deleted        BOOLEAN       NOT NULL DEFAULT FALSE,
    del_dtimes        TIMESTAMP
);
CREATE INDEX idx_ppr_partner_policy ON partner_policy_request (part_id, policy_id);

-- API keys: one row per key of a partner for a policy.
CREATE TABLE partner_policy (
    policy_api_key      TEXT PRIMARY KEY,
    part_id             TEXT  NOT NULL REFERENCES partner (id),
    policy_id           TEXT  NOT NULL REFERENCES auth_policy (id),
    valid_from_datetime TIMESTAMP    NOT NULL,
    valid_to_datetime   TIMESTAMP,
    is_active           BOOLEAN      NOT NULL,
    label               TEXT  NOT NULL,
    cr_by               TEXT NOT NULL,
    cr_dtimes           TIMESTAMP    NOT NULL,
    upd_by              TEXT,
    upd_dtimes          TIMESTAMP,
    is_deleted          BOOLEAN      NOT NULL DEFAULT FALSE,
    del_dtimes          TIMESTAMP,
    CONSTRAINT uk_ppol_label UNIQUE (part_id, policy_id, label)
);
CREATE INDEX idx_ppol_policy ON partner_policy (policy_id);

CREATE TABLE partner_policy_bioextract (
    id                         TEXT  PRIMARY KEY,
    part_id                    TEXT  NOT NULL REFERENCES partner (id),
    policy_id                  TEXT  NOT NULL REFERENCES auth_policy (id),
    attribute_name             TEXT NOT NULL,
    extractor_provider         TEXT NOT NULL,
    extractor_provider_version TEXT,
    biometric_modality         TEXT  NOT NULL,
    biometric_sub_types        TEXT,
    cr_by                      TEXT NOT NULL,
    cr_dtimes                  TIMESTAMP    NOT NULL,
    upd_by                     TEXT,
    upd_dtimes                 TIMESTAMP,
    is_deleted                 BOOLEAN      NOT NULL DEFAULT FALSE,
    del_dtimes                 TIMESTAMP
);
CREATE INDEX idx_ppbe_partner_policy ON partner_policy_bioextract (part_id, policy_id);

CREATE TABLE partner_policy_credential_type (
    part_id         TEXT  NOT NULL REFERENCES partner (id),
    policy_id       TEXT  NOT NULL REFERENCES auth_policy (id),
    credential_type TEXT NOT NULL,
    is_active       BOOLEAN      NOT NULL,
    cr_by           TEXT NOT NULL,
    cr_dtimes       TIMESTAMP    NOT NULL,
    upd_by          TEXT,
    upd_dtimes      TIMESTAMP,
    is_deleted      BOOLEAN      NOT NULL DEFAULT FALSE,
    del_dtimes      TIMESTAMP,
    PRIMARY KEY (part_id, policy_id, credential_type)
);
