//! The scheduled jobs' bookkeeping: when each job runs next (`job_run`, claimed by a
//! compare-and-set UPDATE so that one replica runs a job per period) and the notices already
//! sent (`job_notice`, so that a notice is never sent twice).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::DbConnection;
use crate::schema::{job_notice, job_run, partner, partner_policy};

/// Claims the run of `job` due at `now` for `replica`, moving its next run to `next`; `false`
/// when the job is not due or another replica claimed it first. A job without a row is due (its
/// first run). The UPDATE only matches a row still due, so of replicas racing for one run exactly
/// one changes it (PostgreSQL re-checks the condition after the winner commits; SQLite
/// serialises writers).
pub fn claim(
    conn: &mut DbConnection,
    job: &str,
    replica: &str,
    now: NaiveDateTime,
    next: NaiveDateTime,
) -> QueryResult<bool> {
    let changed = diesel::update(job_run::table.find(job).filter(job_run::next_run_at.le(now)))
        .set((
            job_run::next_run_at.eq(next),
            job_run::last_started_at.eq(Some(now)),
            job_run::last_claimed_by.eq(Some(replica)),
        ))
        .execute(conn)?;
    if changed > 0 {
        return Ok(true);
    }
    let exists = job_run::table.find(job).count().get_result::<i64>(conn)? > 0;
    if exists {
        return Ok(false);
    }
    super::unless_taken(conn, |c| {
        diesel::insert_into(job_run::table)
            .values((
                job_run::job_name.eq(job),
                job_run::next_run_at.eq(next),
                job_run::last_started_at.eq(Some(now)),
                job_run::last_claimed_by.eq(Some(replica)),
            ))
            .execute(c)
    })
}

/// When `job` runs next, if it ever ran.
pub fn next_run(conn: &mut DbConnection, job: &str) -> QueryResult<Option<NaiveDateTime>> {
    job_run::table.find(job).select(job_run::next_run_at).first(conn).optional()
}

/// Records the notice `key` as sent at `now`; `false` when it already was (by this or another
/// replica: a concurrent insert waits for the other transaction and then finds the key taken).
/// Called in the sending transaction, before sending, so a failed send rolls the row back.
pub fn record_notice(conn: &mut DbConnection, key: &str, now: NaiveDateTime) -> QueryResult<bool> {
    super::unless_taken(conn, |c| {
        diesel::insert_into(job_notice::table)
            .values((job_notice::notice_key.eq(key), job_notice::cr_dtimes.eq(now)))
            .execute(c)
    })
}

/// Forgets notices recorded before `before` (their subjects have expired long since).
pub fn purge_notices(conn: &mut DbConnection, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(job_notice::table.filter(job_notice::cr_dtimes.lt(before))).execute(conn)
}

/// An active API key expiring soon, with its partner's e-mail and language.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct ExpiringKey {
    pub api_key: String,
    pub label: String,
    pub partner_id: String,
    pub policy_id: String,
    pub expires_at: NaiveDateTime,
    pub email: Option<String>,
    pub lang_code: Option<String>,
}

/// The active, undeleted API keys of active partners expiring after `from` and no later than
/// `to`, oldest expiry first.
pub fn keys_expiring(conn: &mut DbConnection, from: NaiveDateTime, to: NaiveDateTime) -> QueryResult<Vec<ExpiringKey>> {
    use partner_policy as k;
    k::table
        .inner_join(partner::table)
        .filter(k::is_active.eq(true).and(k::is_deleted.eq(false)))
        .filter(partner::is_active.eq(true))
        .filter(k::valid_to_datetime.gt(from).and(k::valid_to_datetime.le(to)))
        .order((k::valid_to_datetime.asc(), k::policy_api_key.asc()))
        .select((
            k::policy_api_key,
            k::label,
            k::part_id,
            k::policy_id,
            k::valid_to_datetime.assume_not_null(),
            partner::email_id,
            partner::lang_code,
        ))
        .load(conn)
}
