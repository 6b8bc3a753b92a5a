-- MOSIP 1.2.2's user_details: whether a portal user consented to the data PMS captures
-- (consent_given 'YES'), asked once after the first login. One row per user.
CREATE TABLE user_details (
    id                   VARCHAR(36)   PRIMARY KEY,
    user_id              VARCHAR(256)  NOT NULL UNIQUE,
    consent_given        VARCHAR(36)   NOT NULL,
    consent_given_dtimes TIMESTAMP     NOT NULL,
    cr_by                VARCHAR(256)  NOT NULL,
    cr_dtimes            TIMESTAMP     NOT NULL,
    upd_by               VARCHAR(256),
    upd_dtimes           TIMESTAMP
);
