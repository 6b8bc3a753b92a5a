//! `onboarding_signup`: sign-ups waiting for their e-mail OTP, one row per (lower-cased) e-mail.
//! Every change of an OTP's state is a compare-and-set on the registration id and the state read.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::repo::first_row;
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
    first_row(conn, onboarding_signup::table.filter(onboarding_signup::email_key.eq(email_key)))
}

/// The sign-up of a registration id (an id replaced by a newer OTP request finds nothing).
pub fn find_by_registration(conn: &mut DbConnection, registration_id: &str) -> QueryResult<Option<SignupRow>> {
    first_row(conn, onboarding_signup::table.filter(onboarding_signup::registration_id.eq(registration_id)))
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

/// Claims one OTP try before the OTP is checked, so that concurrent guesses cannot share a try:
/// `tries + 1` on a pending sign-up that has fewer than `max_tries`. 0 rows: none left (or no
/// longer pending).
pub fn claim_try(
    conn: &mut DbConnection,
    registration_id: &str,
    max_tries: i32,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        onboarding_signup::table
            .filter(onboarding_signup::registration_id.eq(registration_id))
            .filter(onboarding_signup::status_code.eq(PENDING))
            .filter(onboarding_signup::otp_tries.lt(max_tries)),
    )
    .set((
        onboarding_signup::otp_tries.eq(onboarding_signup::otp_tries + 1),
        onboarding_signup::upd_dtimes.eq(Some(now)),
    ))
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

/// Whether a partner already carries this organisation name (case-insensitive, surrounding
/// blanks ignored): self-service sign-up refuses a second partner of the same organisation.
pub fn organisation_taken(conn: &mut DbConnection, name: &str) -> QueryResult<bool> {
    use crate::schema::partner;
    let wanted = name.trim().to_lowercase();
    let n: i64 = partner::table
        .filter(partner::is_deleted.eq(false))
        .filter(lower(trim(partner::name)).eq(wanted))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

diesel::define_sql_function!(fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text);
diesel::define_sql_function!(fn trim(x: diesel::sql_types::Text) -> diesel::sql_types::Text);

/// Deletes the sign-ups still waiting for an OTP that expired before `expired_before` (abandoned:
/// their e-mail can sign up afresh); completed ones stay, so their OTP cannot be replayed.
pub fn purge_abandoned(conn: &mut DbConnection, expired_before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(
        onboarding_signup::table
            .filter(onboarding_signup::status_code.eq(PENDING))
            .filter(onboarding_signup::otp_expires_dtimes.lt(expired_before)),
    )
    .execute(conn)
}
