-- MOSIP 1.3's notifications: certificate and key expiry notices and the weekly summary, shown in
-- the portal until dismissed (notification_status ACTIVE or DISMISSED); the details are JSON
-- (certificateDetails, apiKeyDetails, …). Written by the expiry jobs.
CREATE TABLE notifications (
    id                        VARCHAR(128)   PRIMARY KEY,
    partner_id                VARCHAR(128)   NOT NULL,
    notification_type         VARCHAR(36)    NOT NULL,
    notification_status       VARCHAR(36)    NOT NULL,
    notification_details_json VARCHAR(50000) NOT NULL,
    email_id                  VARCHAR(3000)  NOT NULL,
    email_lang_code           VARCHAR(36)    NOT NULL,
    email_sent                BOOLEAN        NOT NULL DEFAULT FALSE,
    email_sent_dtimes         TIMESTAMP,
    cr_by                     VARCHAR(128)   NOT NULL,
    cr_dtimes                 TIMESTAMP      NOT NULL,
    upd_by                    VARCHAR(128),
    upd_dtimes                TIMESTAMP
);
CREATE INDEX idx_notifications_partner ON notifications (partner_id, cr_dtimes);

-- When the user last looked at its notifications (MOSIP 1.3's user_details column).
ALTER TABLE user_details ADD COLUMN notifications_seen_dtimes TIMESTAMP;
