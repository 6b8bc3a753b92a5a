CREATE TABLE partner_type (
    code                VARCHAR(36)  PRIMARY KEY,
    partner_description VARCHAR(128) NOT NULL,
    is_policy_required  BOOLEAN      NOT NULL,
    is_active           BOOLEAN      NOT NULL,
    cr_by               VARCHAR(256) NOT NULL,
    cr_dtimes           TIMESTAMP    NOT NULL,
    upd_by              VARCHAR(256),
    upd_dtimes          TIMESTAMP,
    is_deleted          BOOLEAN      NOT NULL DEFAULT FALSE,
    del_dtimes          TIMESTAMP
);

INSERT INTO partner_type (code, partner_description, is_policy_required, is_active, cr_by, cr_dtimes) VALUES
    ('Auth_Partner',                'Auth Partner',                   TRUE,  TRUE, 'system', timezone('UTC', now())),
    ('Online_Verification_Partner', 'Online_Verification_Partner',    TRUE,  TRUE, 'system', timezone('UTC', now())),
    ('Credential_Partner',          'Credential Partner',             TRUE,  TRUE, 'system', timezone('UTC', now())),
    ('ABIS_Partner',                'ABIS Partner',                   TRUE,  TRUE, 'system', timezone('UTC', now())),
    ('Manual_Adjudication',         'Manual Adjudication',            TRUE,  TRUE, 'system', timezone('UTC', now())),
    ('Internal_Partner',            'Used internally to share certs', TRUE,  TRUE, 'system', timezone('UTC', now())),
    ('Print_Partner',               'Print Partner',                  TRUE,  TRUE, 'system', timezone('UTC', now())),
    ('Device_Provider',             'Device Provider',                FALSE, TRUE, 'system', timezone('UTC', now())),
    ('FTM_Provider',                'FTM Provider',                   FALSE, TRUE, 'system', timezone('UTC', now())),
    ('MISP_Partner',                'MISP_Partner',                   FALSE, TRUE, 'system', timezone('UTC', now())),
    ('SDK_Partner',                 'SDK Partner',                    FALSE, TRUE, 'system', timezone('UTC', now())),
    ('Partner_Admin',               'Partner Admin',                  FALSE, TRUE, 'system', timezone('UTC', now()));

CREATE TABLE partner (
    id                VARCHAR(36)   PRIMARY KEY,
    policy_group_id   VARCHAR(36)   REFERENCES policy_group (id),
    name              VARCHAR(128)  NOT NULL,
    address           VARCHAR(2000),
    contact_no        VARCHAR(16),
    email_id          VARCHAR(254),
    certificate_alias VARCHAR(128),
    user_id           VARCHAR(256)  NOT NULL,
    partner_type_code VARCHAR(36)   NOT NULL REFERENCES partner_type (code),
    approval_status   VARCHAR(36)   NOT NULL,
    is_active         BOOLEAN       NOT NULL,
    lang_code         VARCHAR(36),
    logo_url          VARCHAR(256),
    addl_info         TEXT,
    cr_by             VARCHAR(256)  NOT NULL,
    cr_dtimes         TIMESTAMP     NOT NULL,
    upd_by            VARCHAR(256),
    upd_dtimes        TIMESTAMP,
    is_deleted        BOOLEAN       NOT NULL DEFAULT FALSE,
    del_dtimes        TIMESTAMP
);
CREATE INDEX idx_partner_email ON partner (email_id);
CREATE INDEX idx_partner_type ON partner (partner_type_code);
CREATE INDEX idx_partner_user ON partner (user_id);
CREATE INDEX idx_partner_group ON partner (policy_group_id);

CREATE TABLE partner_contact (
    id          VARCHAR(36)   PRIMARY KEY,
    partner_id  VARCHAR(36)   NOT NULL REFERENCES partner (id),
    contact_no  VARCHAR(16),
    email_id    VARCHAR(254),
    address     VARCHAR(2000),
    is_active   BOOLEAN       NOT NULL,
    cr_by       VARCHAR(256)  NOT NULL,
    cr_dtimes   TIMESTAMP     NOT NULL,
    upd_by      VARCHAR(256),
    upd_dtimes  TIMESTAMP,
    is_deleted  BOOLEAN       NOT NULL DEFAULT FALSE,
    del_dtimes  TIMESTAMP,
    CONSTRAINT uk_pcontact_phone UNIQUE (partner_id, contact_no),
    CONSTRAINT uk_pcontact_email UNIQUE (partner_id, email_id)
);

-- A partner's request to use a policy; status_code InProgress | approved | rejected.
CREATE TABLE partner_policy_request (
    id                VARCHAR(36)   PRIMARY KEY,
    part_id           VARCHAR(36)   NOT NULL REFERENCES partner (id),
    policy_id         VARCHAR(36)   NOT NULL,
    request_datetimes TIMESTAMP     NOT NULL,
    request_detail    VARCHAR(4000) NOT NULL,
    status_code       VARCHAR(36)   NOT NULL,
    cr_by             VARCHAR(256)  NOT NULL,
    cr_dtimes         TIMESTAMP     NOT NULL,
    upd_by            VARCHAR(256),
    upd_dtimes        TIMESTAMP,
    is_deleted        BOOLEAN       NOT NULL DEFAULT FALSE,
    del_dtimes        TIMESTAMP
);
CREATE INDEX idx_ppr_partner_policy ON partner_policy_request (part_id, policy_id);

-- API keys: one row per key of a partner for a policy.
CREATE TABLE partner_policy (
    policy_api_key      VARCHAR(128) PRIMARY KEY,
    part_id             VARCHAR(36)  NOT NULL REFERENCES partner (id),
    policy_id           VARCHAR(36)  NOT NULL REFERENCES auth_policy (id),
    valid_from_datetime TIMESTAMP    NOT NULL,
    valid_to_datetime   TIMESTAMP,
    is_active           BOOLEAN      NOT NULL,
    label               VARCHAR(36)  NOT NULL,
    cr_by               VARCHAR(256) NOT NULL,
    cr_dtimes           TIMESTAMP    NOT NULL,
    upd_by              VARCHAR(256),
    upd_dtimes          TIMESTAMP,
    is_deleted          BOOLEAN      NOT NULL DEFAULT FALSE,
    del_dtimes          TIMESTAMP,
    CONSTRAINT uk_ppol_label UNIQUE (part_id, policy_id, label)
);
CREATE INDEX idx_ppol_policy ON partner_policy (policy_id);

CREATE TABLE partner_policy_bioextract (
    id                         VARCHAR(36)  PRIMARY KEY,
    part_id                    VARCHAR(36)  NOT NULL REFERENCES partner (id),
    policy_id                  VARCHAR(36)  NOT NULL REFERENCES auth_policy (id),
    attribute_name             VARCHAR(128) NOT NULL,
    extractor_provider         VARCHAR(128) NOT NULL,
    extractor_provider_version VARCHAR(8),
    biometric_modality         VARCHAR(64)  NOT NULL,
    biometric_sub_types        VARCHAR(64),
    cr_by                      VARCHAR(256) NOT NULL,
    cr_dtimes                  TIMESTAMP    NOT NULL,
    upd_by                     VARCHAR(256),
    upd_dtimes                 TIMESTAMP,
    is_deleted                 BOOLEAN      NOT NULL DEFAULT FALSE,
    del_dtimes                 TIMESTAMP
);
CREATE INDEX idx_ppbe_partner_policy ON partner_policy_bioextract (part_id, policy_id);

CREATE TABLE partner_policy_credential_type (
    part_id         VARCHAR(36)  NOT NULL REFERENCES partner (id),
    policy_id       VARCHAR(36)  NOT NULL REFERENCES auth_policy (id),
    credential_type VARCHAR(128) NOT NULL,
    is_active       BOOLEAN      NOT NULL,
    cr_by           VARCHAR(256) NOT NULL,
    cr_dtimes       TIMESTAMP    NOT NULL,
    upd_by          VARCHAR(256),
    upd_dtimes      TIMESTAMP,
    is_deleted      BOOLEAN      NOT NULL DEFAULT FALSE,
    del_dtimes      TIMESTAMP,
    PRIMARY KEY (part_id, policy_id, credential_type)
);
