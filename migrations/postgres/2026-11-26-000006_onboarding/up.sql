-- Local accounts: users who log in here (POST /v1/partnermanager/auth/login) instead of through
-- Keycloak. Self-registered partners (user_id = partner id) and operators created with
-- `partner-service admin create`. Passwords are argon2id PHC strings; roles are realm roles,
-- comma-separated. login_key is the lower-cased user name: user names are unique regardless of case.
CREATE TABLE local_account (
    user_id           VARCHAR(256)  PRIMARY KEY,
    login_key         VARCHAR(256)  NOT NULL,
    password_hash     VARCHAR(256)  NOT NULL,
    roles             VARCHAR(1024) NOT NULL,
    email_id          VARCHAR(254),
    partner_id        VARCHAR(36)   REFERENCES partner (id),
    is_active         BOOLEAN       NOT NULL,
    last_login_dtimes TIMESTAMP,
    cr_by             VARCHAR(256)  NOT NULL,
    cr_dtimes         TIMESTAMP     NOT NULL,
    upd_by            VARCHAR(256),
    upd_dtimes        TIMESTAMP,
    is_deleted        BOOLEAN       NOT NULL DEFAULT FALSE,
    del_dtimes        TIMESTAMP,
    CONSTRAINT uk_lacc_login UNIQUE (login_key)
);
CREATE INDEX idx_lacc_partner ON local_account (partner_id);

-- Sign-ups waiting for their e-mail OTP: one row per e-mail (lower-cased); a new OTP request for
-- the same e-mail replaces the request and the OTP under a new registration id, and keeps the
-- send history the resend throttle needs. The OTP is stored as an argon2id PHC string only.
-- status_code: pending | completed.
CREATE TABLE onboarding_signup (
    email_key           VARCHAR(254)  PRIMARY KEY,
    registration_id     VARCHAR(36)   NOT NULL,
    partner_id          VARCHAR(256)  NOT NULL,
    signup_request      TEXT          NOT NULL,
    otp_hash            VARCHAR(256)  NOT NULL,
    otp_expires_dtimes  TIMESTAMP     NOT NULL,
    otp_tries           INTEGER       NOT NULL,
    status_code         VARCHAR(16)   NOT NULL,
    last_sent_dtimes    TIMESTAMP     NOT NULL,
    window_start_dtimes TIMESTAMP     NOT NULL,
    window_sends        INTEGER       NOT NULL,
    cr_dtimes           TIMESTAMP     NOT NULL,
    upd_dtimes          TIMESTAMP,
    CONSTRAINT uk_onb_registration UNIQUE (registration_id)
);
