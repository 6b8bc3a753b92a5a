//! MOSIP 1.2.2's `user_details`: a portal user's consent to the data PMS captures.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::DbConnection;
use crate::schema::user_details;

/// MOSIP's `consent_given` value for a given consent.
pub const CONSENT_GIVEN: &str = "YES";

/// When `user_id` consented, if it did.
pub fn consent_of(conn: &mut DbConnection, user_id: &str) -> QueryResult<Option<NaiveDateTime>> {
    let row: Option<(String, NaiveDateTime)> = user_details::table
        .filter(user_details::user_id.eq(user_id))
        .select((user_details::consent_given, user_details::consent_given_dtimes))
        .first(conn)
        .optional()?;
    Ok(row.filter(|(given, _)| given == CONSENT_GIVEN).map(|(_, at)| at))
}

/// Records that `user_id` consents at `now`: a new row (`id`, created by `by`), or the user's
/// row updated by `by`.
pub fn record_consent(
    conn: &mut DbConnection,
    id: &str,
    user_id: &str,
    by: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let updated = diesel::update(user_details::table.filter(user_details::user_id.eq(user_id)))
        .set((
            user_details::consent_given.eq(CONSENT_GIVEN),
            user_details::consent_given_dtimes.eq(now),
            user_details::upd_by.eq(Some(by)),
            user_details::upd_dtimes.eq(Some(now)),
        ))
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(user_details::table)
            .values((
                user_details::id.eq(id),
                user_details::user_id.eq(user_id),
                user_details::consent_given.eq(CONSENT_GIVEN),
                user_details::consent_given_dtimes.eq(now),
                user_details::cr_by.eq(by),
                user_details::cr_dtimes.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}
