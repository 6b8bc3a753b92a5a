-- Failed local logins in a row per subject ('account:<login key>' or 'address:<client ip>'),
-- and the end of the subject's lock, shared by every replica.
CREATE TABLE login_attempt (
    subject      VARCHAR(320) PRIMARY KEY,
    failures     INTEGER      NOT NULL,
    locked_until TIMESTAMP,
    updated_at   TIMESTAMP    NOT NULL
);
