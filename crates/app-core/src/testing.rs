//! Stores for tests of the operations: a fresh, migrated database (SQLite, or PostgreSQL when
//! `PMS_TEST_PG_URL` is set), a fixed clock and a seeded generator.

use chrono::NaiveDateTime;
use persistence::testing::TestDb;
use persistence::{Backend, DbPool, PoolOptions};

use crate::{Actor, AuditDefaults, FixedClock, SeededEntropy, Store};

/// The instant test stores run at: 2024-05-01T10:20:30.123456.
pub fn test_now() -> NaiveDateTime {
    chrono::DateTime::from_timestamp(1_714_558_830, 123_456_000).map(|d| d.naive_utc()).unwrap_or_default()
}

/// A store over a fresh database of `backend` (kept alive by the returned `TestDb`), or `None`
/// when PostgreSQL is not configured.
pub fn store(backend: Backend) -> Option<(Store, TestDb)> {
    TestDb::of(backend).map(store_over)
}

/// A store over `db`, returned with it to keep it alive (for
/// `both_backends!(with app_core::testing::store_over; …)`).
pub fn store_over(db: TestDb) -> (Store, TestDb) {
    let opts = PoolOptions { migrate_postgres: true, ..PoolOptions::default() };
    let pool = DbPool::open(&db.url, &opts).unwrap_or_else(|e| panic!("opening {}: {e}", db.url));
    let defaults = AuditDefaults {
        host_name: "test-host".into(),
        host_ip: "127.0.0.1".into(),
        application_id: "10002".into(),
        application_name: "PMS".into(),
    };
    let store = Store::new(pool, defaults)
        .unwrap_or_else(|e| panic!("audit writer: {e}"))
        .with_clock(FixedClock(test_now()))
        .with_entropy(SeededEntropy::new(7));
    (store, db)
}

/// A caller with `roles` (`GLOBAL_ADMIN` makes it an admin).
pub fn actor(user: &str, roles: &[&str]) -> Actor {
    Actor::new(user, roles.iter().map(|r| (*r).to_owned()), "GLOBAL_ADMIN")
}

/// The audit records written so far as `(event id, error code)`, sorted (a fixed clock gives
/// them all one time, so their order is not known).
pub fn audit_events(store: &Store) -> Vec<(String, Option<String>)> {
    let mut conn = store.pool().get().unwrap_or_else(|e| panic!("connection: {e}"));
    let filter = persistence::repo::audit::AuditFilter::default();
    let (rows, _) = persistence::repo::audit::search(&mut conn, &filter, persistence::repo::Paging::exact(0, 10_000))
        .unwrap_or_else(|e| panic!("audit rows: {e}"));
    let mut events: Vec<_> = rows.into_iter().map(|r| (r.event_id, r.error_code)).collect();
    events.sort();
    events
}
