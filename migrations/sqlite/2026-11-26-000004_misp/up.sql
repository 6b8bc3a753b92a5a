-- MOSIP 1.1 MISPs (infrastructure service providers) and their licence keys.
CREATE TABLE misp (
    id          TEXT   PRIMARY KEY,
    name        TEXT  NOT NULL,
    address     TEXT,
    contact_no  TEXT,
    email_id    TEXT,
    user_id     TEXT  NOT NULL,
    status_code TEXT   NOT NULL,
    is_active   BOOLEAN       NOT NULL,
    cr_by       TEXT  NOT NULL,
    cr_dtimes   TIMESTAMP     NOT NULL,
    upd_by      TEXT,
    upd_dtimes  TIMESTAMP,
    is_deleted  BOOLEAN       NOT NULL DEFAULT FALSE,
    del_dtimes  TIMESTAMP,
    CONSTRAINT uk_misp UNIQUE (name)
);
CREATE INDEX idx_misp_user ON misp (user_id);

-- misp_id names a misp row (MOSIP 1.1 API) or a partner of type MISP_Partner (MOSIP 1.2 API).
-- license_key is unique on its own (uk_mlic_key): validation looks keys up by key alone.
-- suspended: switched off by its MISP's deactivation, so the reactivation switches it on again.
CREATE TABLE misp_license (
    misp_id         TEXT  NOT NULL,
    license_key     TEXT NOT NULL,
    policy_id       TEXT,
    valid_from_date TIMESTAMP    NOT NULL,
    valid_to_date   TIMESTAMP    NOT NULL,
    is_active       BOOLEAN      NOT NULL,
    suspended       BOOLEAN      NOT NULL DEFAULT FALSE,
    cr_by           TEXT NOT NULL,
    cr_dtimes       TIMESTAMP    NOT NULL,
    upd_by          TEXT,
    upd_dtimes      TIMESTAMP,
    is_deleted      BOOLEAN      NOT NULL DEFAULT FALSE,
    del_dtimes      TIMESTAMP,
    CONSTRAINT pk_mlic PRIMARY KEY (misp_id, license_key),
    CONSTRAINT uk_mlic_key UNIQUE (license_key)
);

-- One row per MISP id ever issued; the primary key makes a number impossible to hand out twice.
CREATE TABLE tspid_seq (
    curr_seq_no INTEGER      PRIMARY KEY,
    cr_by       TEXT NOT NULL,
    cr_dtimes   TIMESTAMP    NOT NULL,
    upd_by      TEXT,
    upd_dtimes  TIMESTAMP
);
