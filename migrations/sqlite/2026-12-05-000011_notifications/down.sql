ALTER TABLE user_details DROP COLUMN notifications_seen_dtimes;
DROP TABLE notifications;
