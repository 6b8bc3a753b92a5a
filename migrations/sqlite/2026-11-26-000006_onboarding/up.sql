-- Local accounts: users who log in here (POST /v1/partnermanager/auth/login) instead of through
-- Keycloak. Self-registered partners (user_id = partner id) and operators created with
-- `partner-service admin create`. Passwords are argon2id PHC strings; roles are realm roles,
-- comma-separated. login_key is the lower-cased user name: user names are unique regardless of case.
CREATE TABLE local_account (
    user_id           TEXT  PRIMARY KEY,
    login_key         TEXT  NOT NULL,
    password_hash     TEXT  NOT NULL,
    roles             TEXT NOT NULL,
    email_id          TEXT,
    partner_id        TEXT   REFERENCES partner (id),
    is_active         BOOLEAN       NOT NULL,
    last_login_dtimes TIMESTAMP,
    cr_by             TEXT  NOT NULL,
    cr_dtimes         TIMESTAMP     NOT NULL,
    upd_by            TEXT,
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
    email_key           TEXT  PRIMARY KEY,
    registration_id     TEXT   NOT NULL,
    partner_id          TEXT  NOT NULL,
    signup_request      TEXT          NOT NULL,
    otp_hash            TEXT  NOT NULL,
    otp_expires_dtimes  TIMESTAMP     NOT NULL,
    otp_tries           INTEGER       NOT NULL,
    status_code         TEXT   NOT NULL,
    last_sent_dtimes    TIMESTAMP     NOT NULL,
    window_start_dtimes TIMESTAMP     NOT NULL,
    window_sends        INTEGER       NOT NULL,
    cr_dtimes           TIMESTAMP     NOT NULL,
    upd_dtimes          TIMESTAMP,
    CONSTRAINT uk_onb_registration UNIQUE (registration_id)
);
