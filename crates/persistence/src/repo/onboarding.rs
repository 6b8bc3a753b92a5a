//! `onboarding_signup`: sign-ups waiting for their e-mail OTP, one row per (lower-cased) e-mail.
//! Every change of an OTP's state is a compare-and-set on the registration id and the state read.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::schema::onboarding_signup;

/// `status_code` of a sign-up that waits for its OTP.
pub const PENDING: &str = "pending";
/// `status_code` of a sign-up whose partner and account exist.
pub const COMPLETED: &str = "completed";

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = onboarding_signup, treat_none_as_null = true)]
pub struct SignupRow {
    pub email_key: String,
    pub registration_id: String,
    pub partner_id: String,
    /// The sign-up request as JSON, replayed into partner registration on verification.
    pub signup_request: String,
    /// argon2id PHC string of the OTP.
    pub otp_hash: String,
    pub otp_expires_dtimes: NaiveDateTime,
    pub otp_tries: i32,
    pub status_code: String,
    pub last_sent_dtimes: NaiveDateTime,
    pub window_start_dtimes: NaiveDateTime,
    pub window_sends: i32,
    pub cr_dtimes: NaiveDateTime,
    pub upd_dtimes: Option<NaiveDateTime>,
}

/// The sign-up of an e-mail.
pub fn find_by_email(conn: &mut DbConnection, email_key: &str) -> QueryResult<Option<SignupRow>> {
    onboarding_signup::table
        .filter(onboarding_signup::email_key.eq(email_key))
        .select(SignupRow::as_select())
        .first(conn)
        .optional()
}

/// The sign-up of a registration id (an id replaced by a newer OTP request finds nothing).
pub fn find_by_registration(conn: &mut DbConnection, registration_id: &str) -> QueryResult<Option<SignupRow>> {
    onboarding_signup::table
        .filter(onboarding_signup::registration_id.eq(registration_id))
        .select(SignupRow::as_select())
        .first(conn)
        .optional()
}

/// Stores the first sign-up of an e-mail; a concurrent first one makes this a unique violation.
pub fn insert(conn: &mut DbConnection, row: &SignupRow) -> QueryResult<usize> {
    diesel::insert_into(onboarding_signup::table).values(row).execute(conn)
}

/// Replaces the sign-up of `row.email_key`, provided it still has `previous_registration` (so of
/// two concurrent requests only one replaces it). Answers the rows changed (0 or 1).
pub fn replace(conn: &mut DbConnection, previous_registration: &str, row: &SignupRow) -> QueryResult<usize> {
    diesel::update(
        onboarding_signup::table
            .filter(onboarding_signup::email_key.eq(&row.email_key))
            .filter(onboarding_signup::registration_id.eq(previous_registration)),
    )
    .set(row)
    .execute(conn)
}

/// Counts a wrong OTP: `tries` becomes `new_tries` if it still is `seen_tries` on a pending sign-up.
pub fn record_wrong_try(
    conn: &mut DbConnection,
    registration_id: &str,
    seen_tries: i32,
    new_tries: i32,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        onboarding_signup::table
            .filter(onboarding_signup::registration_id.eq(registration_id))
            .filter(onboarding_signup::otp_tries.eq(seen_tries))
            .filter(onboarding_signup::status_code.eq(PENDING)),
    )
    .set((onboarding_signup::otp_tries.eq(new_tries), onboarding_signup::upd_dtimes.eq(Some(now))))
    .execute(conn)
}

/// Marks a pending sign-up completed; 0 rows when another request completed it first.
pub fn complete(conn: &mut DbConnection, registration_id: &str, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        onboarding_signup::table
            .filter(onboarding_signup::registration_id.eq(registration_id))
            .filter(onboarding_signup::status_code.eq(PENDING)),
    )
    .set((onboarding_signup::status_code.eq(COMPLETED), onboarding_signup::upd_dtimes.eq(Some(now))))
    .execute(conn)
}

/// An OTP that could not be delivered: dead at once, and not counted against the resend throttle.
pub fn undo_send(
    conn: &mut DbConnection,
    registration_id: &str,
    last_sent: NaiveDateTime,
    window_start: NaiveDateTime,
    window_sends: i32,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        onboarding_signup::table
            .filter(onboarding_signup::registration_id.eq(registration_id))
            .filter(onboarding_signup::status_code.eq(PENDING)),
    )
    .set((
        onboarding_signup::otp_expires_dtimes.eq(now),
        onboarding_signup::last_sent_dtimes.eq(last_sent),
        onboarding_signup::window_start_dtimes.eq(window_start),
        onboarding_signup::window_sends.eq(window_sends),
        onboarding_signup::upd_dtimes.eq(Some(now)),
    ))
    .execute(conn)
}
