#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests fail loudly")]

use audit_events::{AuditContext, AuditEvent, AuditRecord};
use chrono::Utc;
use diesel::prelude::*;
use persistence::schema::{audit_log, policy_group};
use persistence::testing::TestDb;
use persistence::testing::fixtures::GroupFixture;
use persistence::{DbConnection, DbPool, DbUrl, PoolOptions, both_backends, migrate, repo};

fn open(db: &TestDb) -> DbPool {
    let opts = PoolOptions { migrate_postgres: true, ..PoolOptions::default() };
    DbPool::open(&db.url, &opts).unwrap_or_else(|e| panic!("open {}: {e}", db.url))
}

fn ctx() -> AuditContext {
    AuditContext {
        session_user_id: "tester".into(),
        session_user_name: "tester".into(),
        host_name: "localhost".into(),
        host_ip: "127.0.0.1".into(),
        application_id: "10002".into(),
        application_name: "Partner management portal".into(),
        request_id: Some("req-1".into()),
    }
}

fn insert_group(conn: &mut DbConnection, id: &str, name: &str) -> QueryResult<usize> {
    GroupFixture::new(id, name).insert(conn)
}

fn groups(conn: &mut DbConnection) -> Vec<String> {
    policy_group::table.select(policy_group::id).order(policy_group::id).load(conn).unwrap_or_default()
}

fn audit_count(conn: &mut DbConnection) -> i64 {
    audit_log::table.count().get_result(conn).unwrap_or(-1)
}

fn migrations_go_up_down_and_up_again(db: TestDb) {
    let url = DbUrl::parse(&db.url).unwrap_or_else(|e| panic!("{e}"));
    let known = migrate::known_versions().unwrap_or_default();
    assert!(known.len() >= 4, "{known:?}");
    assert_eq!(migrate::pending(&url, 5000).unwrap_or_default(), known);
    let up = migrate::run_pending(&url, 5000).unwrap_or_else(|e| panic!("up: {e}"));
    assert_eq!(up.len(), known.len());
    assert!(migrate::pending(&url, 5000).unwrap_or_default().is_empty());
    let down = migrate::revert_all(&url, 5000).unwrap_or_else(|e| panic!("down: {e}"));
    assert_eq!(down.len(), known.len());
    assert_eq!(migrate::pending(&url, 5000).unwrap_or_default(), known);
    let again = migrate::run_pending(&url, 5000).unwrap_or_else(|e| panic!("up again: {e}"));
    assert_eq!(again.len(), known.len());
    // the partner types are seeded by the migration, every time
    let pool = open(&db);
    let mut conn = pool.get().unwrap_or_else(|e| panic!("{e}"));
    let types: i64 = persistence::schema::partner_type::table.count().get_result(&mut *conn).unwrap_or(0);
    assert_eq!(types, 12);
}

fn rows_round_trip(db: TestDb) {
    let pool = open(&db);
    let mut conn = pool.get().unwrap_or_else(|e| panic!("{e}"));
    insert_group(&mut conn, "g1", "group one").unwrap_or_else(|e| panic!("{e}"));
    let (name, active): (String, bool) = policy_group::table
        .find("g1")
        .select((policy_group::name, policy_group::is_active))
        .first(&mut *conn)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((name.as_str(), active), ("group one", true));
    // the unique name constraint lives in the database
    let dup = insert_group(&mut conn, "g2", "group one").err();
    assert!(dup.as_ref().is_some_and(persistence::is_unique_violation), "{dup:?}");
    // audit records read back newest first, with filters
    let now = Utc::now().naive_utc();
    let recs = [
        AuditRecord::new(AuditEvent::CreatePolicyGroup, &ctx(), None, now),
        AuditRecord::new(AuditEvent::UpdatePolicyGroupSuccess, &ctx(), Some("g1"), now + chrono::Duration::seconds(1)),
    ];
    repo::audit::insert(&mut conn, &recs).unwrap_or_else(|e| panic!("{e}"));
    let all = repo::audit::AuditFilter::default();
    let (rows, total) =
        repo::audit::search(&mut conn, &all, repo::Paging::exact(0, 10)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(total, 2);
    assert_eq!(rows[0].event_id, "PMS_PRT_256");
    assert_eq!(rows[0].ref_id, "g1");
    assert_eq!(rows[0].ref_id_type, "Policy Group ID");
    assert_eq!(rows[1].event_id, "PMS_PRT_115");
    let by_ref = repo::audit::AuditFilter { ref_id: Some("g1".into()), ..Default::default() };
    let (rows, total) =
        repo::audit::search(&mut conn, &by_ref, repo::Paging::exact(0, 10)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((total, rows.len()), (1, 1));
    let later =
        repo::audit::AuditFilter { from: Some(now + chrono::Duration::milliseconds(500)), ..Default::default() };
    assert_eq!(repo::audit::search(&mut conn, &later, repo::Paging::exact(0, 10)).map(|r| r.1).unwrap_or(-1), 1);
}

#[derive(Debug)]
struct Forced;

impl From<diesel::result::Error> for Forced {
    fn from(e: diesel::result::Error) -> Self {
        panic!("unexpected database error: {e}")
    }
}

fn a_change_and_its_audit_record_commit_together(db: TestDb) {
    let pool = open(&db);
    let mut conn = pool.get().unwrap_or_else(|e| panic!("{e}"));
    let now = Utc::now().naive_utc();
    let rec = AuditRecord::new(AuditEvent::CreatePolicyGroupSuccess, &ctx(), None, now);
    // a failure after both inserts: neither survives
    let out: Result<(), Forced> = persistence::transaction(&mut conn, |c| {
        insert_group(c, "g1", "one")?;
        repo::audit::insert(c, std::slice::from_ref(&rec))?;
        assert_eq!(audit_count(c), 1, "visible inside the transaction");
        Err(Forced)
    });
    assert!(out.is_err());
    assert!(groups(&mut conn).is_empty());
    assert_eq!(audit_count(&mut conn), 0);
    // success: both survive
    let out: Result<(), Forced> = persistence::transaction(&mut conn, |c| {
        insert_group(c, "g1", "one")?;
        repo::audit::insert(c, std::slice::from_ref(&rec))?;
        Ok(())
    });
    assert!(out.is_ok());
    assert_eq!(groups(&mut conn), ["g1"]);
    assert_eq!(audit_count(&mut conn), 1);
}

/// A background thread waiting on one clone of the pool wakes, told to end, when another closes it.
fn closing_the_pool_ends_the_threads_waiting_on_it(db: TestDb) {
    let pool = open(&db);
    let waiting = pool.clone();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(waiting.wait_open(std::time::Duration::from_secs(3600)));
    });
    assert!(pool.wait_open(std::time::Duration::ZERO), "open before close");
    pool.close();
    // the bound only keeps a broken close from hanging the suite for an hour
    let still_open = rx.recv_timeout(std::time::Duration::from_secs(120));
    assert_eq!(still_open, Ok(false), "the waiting thread was not told the pool closed");
    assert!(!pool.wait_open(std::time::Duration::from_secs(3600)), "closed stays closed");
}

both_backends!(
    migrations_go_up_down_and_up_again,
    rows_round_trip,
    a_change_and_its_audit_record_commit_together,
    closing_the_pool_ends_the_threads_waiting_on_it
);
