-- MOSIP's pms.oidc_client: the OIDC clients of eSignet's relying parties (authentication
-- partners). id: the client id derived from the public key (so a key is used once); name: the
-- plain name (/oidc/client) or the JSON of its languages with "@none" (/oauth/client); rp_id: the
-- partner; list columns comma-joined; public_key: the JWK text; status: ACTIVE | INACTIVE.
CREATE TABLE oidc_client (
    id            VARCHAR(100)  NOT NULL,
    name          VARCHAR(256)  NOT NULL,
    rp_id         VARCHAR(100)  NOT NULL,
    policy_id     VARCHAR(50)   NOT NULL,
    logo_uri      VARCHAR(2048) NOT NULL,
    redirect_uris TEXT          NOT NULL,
    claims        TEXT          NOT NULL,
    acr_values    TEXT          NOT NULL,
    public_key    TEXT          NOT NULL,
    grant_types   VARCHAR(256)  NOT NULL,
    auth_methods  VARCHAR(256)  NOT NULL,
    status        VARCHAR(20)   NOT NULL,
    cr_by         VARCHAR(256)  NOT NULL,
    cr_dtimes     TIMESTAMP     NOT NULL,
    upd_by        VARCHAR(256),
    upd_dtimes    TIMESTAMP,
    is_deleted    BOOLEAN       NOT NULL DEFAULT FALSE,
    del_dtimes    TIMESTAMP,
    CONSTRAINT pk_oidc_client PRIMARY KEY (id),
    CONSTRAINT uq_oidc_client_public_key UNIQUE (public_key)
);
CREATE INDEX idx_oidc_client_rp ON oidc_client (rp_id);
