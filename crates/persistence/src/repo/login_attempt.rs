//! Failed attempts per subject (`account:<login key>`, `address:<client ip>`; OTP limits use `otp-…`
//! subjects, see partner-app `onboarding::otp_guard`) and locks.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::DbConnection;
use crate::schema::login_attempt;

/// The failures in a row and the lock end of each of `subjects` that has a row.
pub fn find(conn: &mut DbConnection, subjects: &[&str]) -> QueryResult<Vec<(String, i32, Option<NaiveDateTime>)>> {
    login_attempt::table
        .filter(login_attempt::subject.eq_any(subjects))
        .select((login_attempt::subject, login_attempt::failures, login_attempt::locked_until))
        .load(conn)
}

/// Counts one more failure of `subject` at `now`; answers the failures in a row. Concurrent
/// failures each count: the increment happens in the database, and a first failure that loses
/// the insert race to another counts on the row the other made.
pub fn count_failure(conn: &mut DbConnection, subject: &str, now: NaiveDateTime) -> QueryResult<i32> {
    if increment(conn, subject, now)? == 0 {
        let inserted = super::unless_taken(conn, |c| {
            diesel::insert_into(login_attempt::table)
                .values((
                    login_attempt::subject.eq(subject),
                    login_attempt::failures.eq(1),
                    login_attempt::updated_at.eq(now),
                ))
                .execute(c)
        })?;
        if !inserted {
            increment(conn, subject, now)?;
        }
    }
    login_attempt::table.find(subject).select(login_attempt::failures).first(conn)
}

fn increment(conn: &mut DbConnection, subject: &str, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(login_attempt::table.find(subject))
        .set((login_attempt::failures.eq(login_attempt::failures + 1), login_attempt::updated_at.eq(now)))
        .execute(conn)
}

/// Locks `subject` until `until`.
pub fn lock(conn: &mut DbConnection, subject: &str, until: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(login_attempt::table.find(subject)).set(login_attempt::locked_until.eq(Some(until))).execute(conn)
}

/// Forgets `subject`'s failures (after a successful login).
pub fn clear(conn: &mut DbConnection, subject: &str) -> QueryResult<usize> {
    diesel::delete(login_attempt::table.find(subject)).execute(conn)
}

/// Forgets `subject` when nothing touched it after `quiet_since` and it is not locked at `now`
/// (a count kept per window, such as OTPs sent per address).
pub fn forget_quiet(
    conn: &mut DbConnection,
    subject: &str,
    quiet_since: NaiveDateTime,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::delete(
        login_attempt::table
            .find(subject)
            .filter(login_attempt::updated_at.le(quiet_since))
            .filter(login_attempt::locked_until.is_null().or(login_attempt::locked_until.le(now))),
    )
    .execute(conn)
}
