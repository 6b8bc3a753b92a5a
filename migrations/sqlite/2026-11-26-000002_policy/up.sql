CREATE TABLE policy_group (
    id          TEXT  PRIMARY KEY,
    name        TEXT NOT NULL,
    descr       TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    is_active   BOOLEAN      NOT NULL,
    cr_by       TEXT NOT NULL,
    cr_dtimes   TIMESTAMP    NOT NULL,
    upd_by      TEXT,
    upd_dtimes  TIMESTAMP,
    is_deleted  BOOLEAN      NOT NULL DEFAULT FALSE,
    del_dtimes  TIMESTAMP,
    CONSTRAINT uk_polg UNIQUE (name)
);

-- A policy; policy_schema NULL means draft, set means published.
CREATE TABLE auth_policy (
    id              TEXT   PRIMARY KEY,
    policy_group_id TEXT   NOT NULL REFERENCES policy_group (id),
    name            TEXT  NOT NULL,
    descr           TEXT  NOT NULL,
    policy_file_id  TEXT          NOT NULL,
    policy_type     TEXT   NOT NULL,
    version         TEXT    NOT NULL,
    policy_schema   TEXT,
    valid_from_date TIMESTAMP     NOT NULL,
    valid_to_date   TIMESTAMP     NOT NULL,
    is_active       BOOLEAN       NOT NULL,
    cr_by           TEXT  NOT NULL,
    cr_dtimes       TIMESTAMP     NOT NULL,
    upd_by          TEXT,
    upd_dtimes      TIMESTAMP,
    is_deleted      BOOLEAN       NOT NULL DEFAULT FALSE,
    del_dtimes      TIMESTAMP,
    CONSTRAINT uk_aupol UNIQUE (policy_group_id, name)
);
CREATE INDEX idx_auth_policy_type ON auth_policy (policy_type);
