-- MOSIP 1.2.2's user_details: whether a portal user consented to the data PMS captures
-- (consent_given 'YES'), asked once after the first login. One row per user.
CREATE TABLE user_details (
    id                   TEXT   PRIMARY KEY,
    user_id              TEXT  NOT NULL UNIQUE,
    consent_given        TEXT   NOT NULL,
    consent_given_dtimes TIMESTAMP     NOT NULL,
    cr_by                TEXT  NOT NULL,
    cr_dtimes            TIMESTAMP     NOT NULL,
    upd_by               TEXT,
    upd_dtimes           TIMESTAMP
);
