//! MOSIP 1.3's notifications (`notifications`) and the user's notifications-seen time
//! (`user_details.notifications_seen_dtimes`): rows are written by the expiry jobs; the portal
//! lists them (filtered and paged in SQL, the certificate filters reading the details JSON with
//! each backend's JSON functions) and dismisses them.

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{Nullable, Text};

use super::counting::{Paging, count_up_to};
use crate::connection::{Backend, DbConnection, MultiBackend};
use crate::repo::like::lower;
use crate::schema::{notifications, user_details};

/// `notification_status` of a notification the partner has not dismissed.
pub const STATUS_ACTIVE: &str = "ACTIVE";
/// `notification_status` of a dismissed notification.
pub const STATUS_DISMISSED: &str = "DISMISSED";

/// One row of `notifications`.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = notifications)]
pub struct NotificationRow {
    pub id: String,
    pub partner_id: String,
    /// `PARTNER_CERT_EXPIRY`, `ROOT_CERT_EXPIRY`, `INTERMEDIATE_CERT_EXPIRY`, `WEEKLY_SUMMARY`, …
    pub notification_type: String,
    /// `ACTIVE` or `DISMISSED`.
    pub notification_status: String,
    /// `{certificateDetails: [...], apiKeyDetails: [...], …}`.
    pub notification_details_json: String,
    pub email_id: String,
    pub email_lang_code: String,
    pub email_sent: bool,
    pub email_sent_dtimes: Option<NaiveDateTime>,
    pub cr_by: String,
    pub cr_dtimes: NaiveDateTime,
    pub upd_by: Option<String>,
    pub upd_dtimes: Option<NaiveDateTime>,
}

/// Stores a notification (the jobs' write; tests insert through it too).
pub fn insert_notification(conn: &mut DbConnection, row: &NotificationRow) -> QueryResult<usize> {
    diesel::insert_into(notifications::table).values(row).execute(conn)
}

/// The notification `id`, if it exists.
pub fn notification(conn: &mut DbConnection, id: &str) -> QueryResult<Option<NotificationRow>> {
    notifications::table.find(id).select(NotificationRow::as_select()).first(conn).optional()
}

/// Marks the notification `id` dismissed by `by` at `now`, unless it already is; returns the
/// number of rows changed (0: dismissed meanwhile).
pub fn dismiss(conn: &mut DbConnection, id: &str, by: &str, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(notifications::table.find(id).filter(notifications::notification_status.ne(STATUS_DISMISSED)))
        .set((
            notifications::notification_status.eq(STATUS_DISMISSED),
            notifications::upd_by.eq(Some(by)),
            notifications::upd_dtimes.eq(Some(now)),
        ))
        .execute(conn)
}

/// The list's filters. `status` matches case-insensitively; `types` and `partners` are the
/// allowed values (none matches nothing); the certificate filters read the first entry of the
/// details' `certificateDetails` (ids, issuers and subjects a case-insensitive substring, the
/// domain case-insensitively, the expiry its date); `created_from`/`created_to` bound the
/// creation date, both days included.
#[derive(Debug, Clone, Default)]
pub struct NotificationFilter {
    pub status: Option<String>,
    pub types: Vec<String>,
    pub partners: Vec<String>,
    pub certificate_id: Option<String>,
    pub issued_by: Option<String>,
    pub issued_to: Option<String>,
    pub partner_domain: Option<String>,
    pub expiry_date: Option<NaiveDate>,
    pub created_from: Option<NaiveDate>,
    pub created_to: Option<NaiveDate>,
}

/// The SQL of `certificateDetails[0].<field>` of the details JSON on `backend`. `field` is
/// one of this module's constants, never input.
fn certificate_field(backend: Backend, field: &'static str) -> diesel::expression::SqlLiteral<Nullable<Text>> {
    match backend {
        Backend::Postgres => {
            sql(&format!("(CAST(notification_details_json AS JSONB) -> 'certificateDetails' -> 0 ->> '{field}')"))
        }
        Backend::Sqlite => sql(&format!("json_extract(notification_details_json, '$.certificateDetails[0].{field}')")),
    }
}

fn filtered(backend: Backend, f: &NotificationFilter) -> notifications::BoxedQuery<'static, MultiBackend> {
    use notifications as n;
    let mut q = n::table
        .filter(n::notification_type.eq_any(f.types.clone()))
        .filter(n::partner_id.eq_any(f.partners.clone()))
        .into_boxed();
    if let Some(v) = &f.status {
        q = q.filter(lower(n::notification_status.nullable()).eq(v.to_lowercase()));
    }
    contains!(q, &f.certificate_id, certificate_field(backend, "certificateId"));
    contains!(q, &f.issued_by, certificate_field(backend, "issuedBy"));
    contains!(q, &f.issued_to, certificate_field(backend, "issuedTo"));
    if let Some(v) = &f.partner_domain {
        q = q.filter(lower(certificate_field(backend, "partnerDomain")).eq(v.to_lowercase()));
    }
    if let Some(day) = f.expiry_date {
        q = q.filter(certificate_field(backend, "expiryDateTime").like(format!("{}%", day.format("%Y-%m-%d"))));
    }
    if let Some(day) = f.created_from {
        q = q.filter(n::cr_dtimes.ge(day.and_time(chrono::NaiveTime::MIN)));
    }
    if let Some(next) = f.created_to.and_then(|day| day.checked_add_signed(TimeDelta::days(1))) {
        q = q.filter(n::cr_dtimes.lt(next.and_time(chrono::NaiveTime::MIN)));
    }
    q
}

/// The page of notifications matching `filter`, newest first, at `offset`, at most `limit`,
/// and how many match in all (at most `count_limit`).
pub fn notifications_page(
    conn: &mut DbConnection,
    filter: &NotificationFilter,
    paging: Paging,
) -> QueryResult<(Vec<NotificationRow>, i64)> {
    let backend = conn.backend();
    let total = count_up_to(filtered(backend, filter), paging, conn)?;
    let rows = filtered(backend, filter)
        .order((notifications::cr_dtimes.desc(), notifications::id.asc()))
        .select(NotificationRow::as_select())
        .offset(paging.offset)
        .limit(paging.limit)
        .load(conn)?;
    Ok((rows, total))
}

/// `None` without a `user_details` row for `user_id`; otherwise when it last saw its
/// notifications (`Some(None)`: never).
pub fn seen_timestamp(conn: &mut DbConnection, user_id: &str) -> QueryResult<Option<Option<NaiveDateTime>>> {
    user_details::table
        .filter(user_details::user_id.eq(user_id))
        .select(user_details::notifications_seen_dtimes)
        .first(conn)
        .optional()
}

/// Records that `user_id` saw its notifications at `seen` (its own update at `now`); returns
/// the number of rows changed (0: no `user_details` row).
pub fn set_seen_timestamp(
    conn: &mut DbConnection,
    user_id: &str,
    seen: NaiveDateTime,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(user_details::table.filter(user_details::user_id.eq(user_id)))
        .set((
            user_details::notifications_seen_dtimes.eq(Some(seen)),
            user_details::upd_by.eq(Some(user_id)),
            user_details::upd_dtimes.eq(Some(now)),
        ))
        .execute(conn)
}

/// Deletes the notifications created before `before` (the retention job); answers how many.
pub fn purge_before(conn: &mut DbConnection, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(notifications::table.filter(notifications::cr_dtimes.lt(before))).execute(conn)
}
