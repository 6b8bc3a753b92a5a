CREATE TABLE policy_group (
    id          VARCHAR(36)  PRIMARY KEY,
    name        VARCHAR(128) NOT NULL,
    descr       VARCHAR(256) NOT NULL,
    user_id     VARCHAR(256) NOT NULL,
    is_active   BOOLEAN      NOT NULL,
    cr_by       VARCHAR(256) NOT NULL,
    cr_dtimes   TIMESTAMP    NOT NULL,
    upd_by      VARCHAR(256),
    upd_dtimes  TIMESTAMP,
    is_deleted  BOOLEAN      NOT NULL DEFAULT FALSE,
    del_dtimes  TIMESTAMP,
    CONSTRAINT uk_polg UNIQUE (name)
);

-- A policy; policy_schema NULL means draft, set means published.
CREATE TABLE auth_policy (
    id              VARCHAR(36)   PRIMARY KEY,
    policy_group_id VARCHAR(36)   NOT NULL REFERENCES policy_group (id),
    name            VARCHAR(128)  NOT NULL,
    descr           VARCHAR(256)  NOT NULL,
    policy_file_id  TEXT          NOT NULL,
    policy_type     VARCHAR(36)   NOT NULL,
    version         VARCHAR(8)    NOT NULL,
    policy_schema   VARCHAR(5120),
    valid_from_date TIMESTAMP     NOT NULL,
    valid_to_date   TIMESTAMP     NOT NULL,
    is_active       BOOLEAN       NOT NULL,
    cr_by           VARCHAR(256)  NOT NULL,
    cr_dtimes       TIMESTAMP     NOT NULL,
    upd_by          VARCHAR(256),
    upd_dtimes      TIMESTAMP,
    is_deleted      BOOLEAN       NOT NULL DEFAULT FALSE,
    del_dtimes      TIMESTAMP,
    CONSTRAINT uk_aupol UNIQUE (policy_group_id, name)
);
CREATE INDEX idx_auth_policy_type ON auth_policy (policy_type);
