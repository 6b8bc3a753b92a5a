//! E-mails waiting to be delivered (`mail_outbox`): queued in the transaction of the change they
//! tell about, claimed one by one by a sender (a compare-and-set on `next_attempt_at`, so two
//! replicas never send one row at once), sent outside any transaction, then marked.

use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;

use crate::DbConnection;
use crate::schema::{mail_outbox, notifications};

/// Waiting to be sent (or being sent, until its claim lapses).
pub const PENDING: &str = "PENDING";
/// Delivered to the mail server.
pub const SENT: &str = "SENT";
/// Given up after its last attempt.
pub const FAILED: &str = "FAILED";

/// One queued e-mail: which template, in which language, with which values.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = mail_outbox)]
pub struct MailRow {
    pub id: String,
    pub mail_to: String,
    pub template: String,
    pub lang_code: String,
    /// The template's placeholders and their values, a JSON object of strings.
    pub vars_json: String,
    /// The notification this e-mail tells about (its `email_sent` is set once sent).
    pub notification_id: Option<String>,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub last_error: Option<String>,
    pub cr_dtimes: NaiveDateTime,
    pub sent_dtimes: Option<NaiveDateTime>,
}

impl MailRow {
    /// A new e-mail due at `now`.
    pub fn new(id: String, to: &str, template: &str, lang: &str, vars_json: String, now: NaiveDateTime) -> Self {
        MailRow {
            id,
            mail_to: to.to_owned(),
            template: template.to_owned(),
            lang_code: lang.to_owned(),
            vars_json,
            notification_id: None,
            status: PENDING.to_owned(),
            attempts: 0,
            next_attempt_at: now,
            last_error: None,
            cr_dtimes: now,
            sent_dtimes: None,
        }
    }
}

pub fn queue(conn: &mut DbConnection, row: &MailRow) -> QueryResult<usize> {
    diesel::insert_into(mail_outbox::table).values(row).execute(conn)
}

/// Up to `limit` rows due at `now`, oldest first.
pub fn due(conn: &mut DbConnection, now: NaiveDateTime, limit: i64) -> QueryResult<Vec<MailRow>> {
    mail_outbox::table
        .filter(mail_outbox::status.eq(PENDING).and(mail_outbox::next_attempt_at.le(now)))
        .order((mail_outbox::cr_dtimes.asc(), mail_outbox::id.asc()))
        .limit(limit)
        .select(MailRow::as_select())
        .load(conn)
}

/// Claims `row` for `lease` (its next attempt moves past the send); `false` when another sender
/// claimed or sent it since it was read.
pub fn claim(conn: &mut DbConnection, row: &MailRow, now: NaiveDateTime, lease: TimeDelta) -> QueryResult<bool> {
    let changed = diesel::update(
        mail_outbox::table
            .find(&row.id)
            .filter(mail_outbox::status.eq(PENDING))
            .filter(mail_outbox::next_attempt_at.eq(row.next_attempt_at)),
    )
    .set((mail_outbox::next_attempt_at.eq(now + lease), mail_outbox::attempts.eq(row.attempts + 1)))
    .execute(conn)?;
    Ok(changed == 1)
}

/// Marks `row` sent at `now`, and its notification's e-mail sent.
pub fn mark_sent(conn: &mut DbConnection, row: &MailRow, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(mail_outbox::table.find(&row.id))
        .set((
            mail_outbox::status.eq(SENT),
            mail_outbox::sent_dtimes.eq(Some(now)),
            mail_outbox::last_error.eq(None::<String>),
        ))
        .execute(conn)?;
    if let Some(id) = &row.notification_id {
        diesel::update(notifications::table.find(id))
            .set((notifications::email_sent.eq(true), notifications::email_sent_dtimes.eq(Some(now))))
            .execute(conn)?;
    }
    Ok(())
}

/// Records a failed attempt: due again at `retry_at`, or given up (`None`).
pub fn mark_failed(
    conn: &mut DbConnection,
    id: &str,
    error: &str,
    retry_at: Option<NaiveDateTime>,
) -> QueryResult<usize> {
    let update = diesel::update(mail_outbox::table.find(id));
    match retry_at {
        Some(at) => {
            update.set((mail_outbox::next_attempt_at.eq(at), mail_outbox::last_error.eq(Some(error)))).execute(conn)
        }
        None => update.set((mail_outbox::status.eq(FAILED), mail_outbox::last_error.eq(Some(error)))).execute(conn),
    }
}

/// Deletes the rows sent or given up before `before`.
pub fn purge_before(conn: &mut DbConnection, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(mail_outbox::table.filter(mail_outbox::status.ne(PENDING)).filter(mail_outbox::cr_dtimes.lt(before)))
        .execute(conn)
}
