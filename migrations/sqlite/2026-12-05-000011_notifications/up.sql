-- MOSIP 1.3's notifications: certificate and key expiry notices and the weekly summary, shown in
-- the portal until dismissed (notification_status ACTIVE or DISMISSED); the details are JSON
-- (certificateDetails, apiKeyDetails, …). Written by the expiry jobs.
CREATE TABLE notifications (
    id                        TEXT      PRIMARY KEY,
    partner_id                TEXT      NOT NULL,
    notification_type         TEXT      NOT NULL,
    notification_status       TEXT      NOT NULL,
    notification_details_json TEXT      NOT NULL,
    email_id                  TEXT      NOT NULL,
    email_lang_code           TEXT      NOT NULL,
    email_sent                BOOLEAN   NOT NULL DEFAULT FALSE,
    email_sent_dtimes         TIMESTAMP,
    cr_by                     TEXT      NOT NULL,
    cr_dtimes                 TIMESTAMP NOT NULL,
    upd_by                    TEXT,
    upd_dtimes                TIMESTAMP
);
CREATE INDEX idx_notifications_partner ON notifications (partner_id, cr_dtimes);

-- When the user last looked at its notifications (MOSIP 1.3's user_details column).
ALTER TABLE user_details ADD COLUMN notifications_seen_dtimes TIMESTAMP;
