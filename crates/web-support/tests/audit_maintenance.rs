//! Audit retention on both backends: only records both forwarded and older than the retention go;
//! on PostgreSQL whole months go with their partition unless one of their records still waits.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests fail loudly")]

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use persistence::testing::TestDb;
use persistence::{DbConnection, DbPool, PoolOptions, both_backends};
use std::time::Duration;

use web_support::audit_maintenance::{run_claimed, run_once};

fn at(y: i32, m: u32, d: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d).and_then(|d| d.and_hms_opt(12, 0, 0)).unwrap()
}

fn record(conn: &mut DbConnection, id: &str, time: &str, forwarded: Option<&str>) {
    let forwarded = forwarded.map_or("NULL".to_owned(), |f| format!("'{f}'"));
    diesel::sql_query(format!(
        "INSERT INTO audit_log (id, event_id, event_name, event_type, action_time, host_name, host_ip, \
         application_id, application_name, session_user_id, session_user_name, ref_id, ref_id_type, \
         created_by, module_name, module_id, description, forwarded_at) VALUES ('{id}', 'PMS_PRT_101', \
         'n', 'SYSTEM', '{time}', 'h', '127.0.0.1', '10002', 'a', 'u', 'u', 'r', 'rt', 'u', 'm', 'mi', 'd', {forwarded})"
    ))
    .execute(conn)
    .unwrap();
}

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = Text)]
    id: String,
}

fn ids(conn: &mut DbConnection) -> Vec<String> {
    let rows: Vec<Id> = diesel::sql_query("SELECT id FROM audit_log ORDER BY id").load(conn).unwrap();
    rows.into_iter().map(|r| r.id).collect()
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

fn partitions(conn: &mut DbConnection) -> i64 {
    let q = "SELECT count(*) AS n FROM pg_inherits WHERE inhparent = 'audit_log'::regclass";
    diesel::sql_query(q).get_result::<Count>(conn).unwrap().n
}

fn pool(db: &TestDb) -> DbPool {
    DbPool::open(&db.url, &PoolOptions { migrate_postgres: true, ..PoolOptions::default() }).unwrap()
}

fn only_old_forwarded_records_go(db: TestDb) {
    let pool = pool(&db);
    let mut conn = pool.get().unwrap();
    let postgres = matches!(*conn, DbConnection::Postgres(_));
    if postgres {
        // partitions for the months of the old records, as a running service would have made them
        persistence::repo::audit::ensure_partitions(&mut conn, at(2026, 1, 1), 3).unwrap();
    }
    record(&mut conn, "a-old-forwarded", "2026-01-10 00:00:00", Some("2026-01-10 00:00:05"));
    record(&mut conn, "b-old-waiting", "2026-02-10 00:00:00", None);
    record(&mut conn, "c-old-forwarded-beside-waiting", "2026-02-11 00:00:00", Some("2026-02-11 00:00:05"));
    record(&mut conn, "d-new-forwarded", "2026-06-25 00:00:00", Some("2026-06-25 00:00:05"));
    drop(conn);

    let kept = run_once(&pool, at(2026, 7, 1), None).unwrap();
    assert_eq!((kept.removed_rows, kept.removed_with_partitions), (0, 0), "no retention set: nothing goes");

    let round = run_once(&pool, at(2026, 7, 1), Some(30)).unwrap();
    let mut conn = pool.get().unwrap();
    assert_eq!(ids(&mut conn), ["b-old-waiting", "d-new-forwarded"]);
    assert_eq!(round.removed_rows as i64 + round.removed_with_partitions, 2);
    if postgres {
        // January went as a whole partition; February stays for its waiting record
        assert_eq!(round.removed_with_partitions, 1, "{round:?}");
        let before = partitions(&mut conn);
        assert_eq!(run_once(&pool, at(2026, 7, 1), Some(30)).unwrap().partitions_created, 0);
        assert_eq!(partitions(&mut conn), before, "partitions ahead exist already");
    }
}

both_backends!(only_old_forwarded_records_go);

/// Of two replicas due at the same moment, one runs the round; the next round is due an interval
/// later, whoever claims it.
fn one_replica_runs_each_round(db: TestDb) {
    let pool = pool(&db);
    let hour = Duration::from_secs(3600);
    let first = run_claimed(&pool, at(2026, 7, 1), hour, "replica-a", Some(30)).unwrap();
    let second = run_claimed(&pool, at(2026, 7, 1), hour, "replica-b", Some(30)).unwrap();
    assert!(first.is_some(), "the first replica claims the round");
    assert_eq!(second, None, "the other replica finds it claimed");
    let early = at(2026, 7, 1) + chrono::Duration::minutes(59);
    assert_eq!(run_claimed(&pool, early, hour, "replica-b", Some(30)).unwrap(), None, "not due yet");
    let later = at(2026, 7, 1) + chrono::Duration::hours(1);
    assert!(run_claimed(&pool, later, hour, "replica-b", Some(30)).unwrap().is_some(), "due an hour later");
}

both_backends!(one_replica_runs_each_round);
