#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests fail loudly")]

//! The MISP repositories on both backends: id generation under concurrency, licence-key
//! uniqueness with retry, compare-and-set of the registration status.

use std::collections::BTreeSet;
use std::sync::{Arc, Barrier};

use chrono::{NaiveDateTime, Utc};
use misp_domain::{Details, License, LicenseKey, Misp, MispId, RegistrationStatus};
use persistence::connection::Backend;
use persistence::repo::{misp as misps, misp_license as keys};
use persistence::testing::TestDb;
use persistence::{DbConnection, DbPool, PoolOptions, QueryError, both_backends, transaction};

fn open(db: &TestDb) -> DbPool {
    let opts = PoolOptions { migrate_postgres: true, ..PoolOptions::default() };
    DbPool::open(&db.url, &opts).unwrap_or_else(|e| panic!("open {}: {e}", db.url))
}

fn now() -> NaiveDateTime {
    Utc::now().naive_utc()
}

fn misp(id: &str, name: &str) -> Misp {
    let details = Details { name: name.into(), contact_no: "1".into(), email_id: "a@b.co".into(), address: "x".into() };
    Misp::register(id.into(), details, "u", now())
}

fn license(misp_id: &str, key: &str) -> License {
    License {
        misp_id: misp_id.into(),
        key: key.into(),
        policy_id: None,
        valid_from: now(),
        valid_to: now() + chrono::Duration::days(1),
        is_active: true,
        suspended: false,
        cr_by: "u".into(),
        cr_dtimes: now(),
        upd_by: None,
        upd_dtimes: None,
    }
}

fn concurrent_transactions_never_share_a_misp_id(db: TestDb) {
    let pool = open(&db);
    let threads = 8;
    let barrier = Arc::new(Barrier::new(threads));
    let handles: Vec<_> = (0..threads)
        .map(|_| {
            let (pool, barrier) = (pool.clone(), barrier.clone());
            let backend = db.backend;
            std::thread::spawn(move || {
                let mut conn = pool.get().unwrap();
                if backend == Backend::Sqlite {
                    // SQLite write transactions queue on the lock: start them together instead.
                    barrier.wait();
                }
                transaction(&mut conn, |c| {
                    if backend == Backend::Postgres {
                        // every transaction is open and reads the same maximum before any inserts
                        misps::find(c, &MispId::from("none"))?;
                        barrier.wait();
                    }
                    misps::next_id(c, 100, now())
                })
                .unwrap()
                .unwrap()
            })
        })
        .collect();
    let ids: BTreeSet<i32> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    assert_eq!(ids, (100..108).collect(), "distinct, consecutive ids");
    let mut conn = pool.get().unwrap();
    let next = transaction(&mut conn, |c| misps::next_id(c, 100, now())).unwrap();
    assert_eq!(next, Some(108));
}

fn a_colliding_licence_key_is_replaced_and_the_transaction_survives(db: TestDb) {
    let pool = open(&db);
    let mut conn = pool.get().unwrap();
    transaction(&mut conn, |c| {
        misps::insert(c, &misp("100", "A"))?;
        misps::insert(c, &misp("101", "B"))?;
        keys::insert_new(c, || license("100", "taken")).map(|_| ())
    })
    .unwrap();
    let mut attempts = 0;
    let stored = transaction(&mut conn, |c| {
        let got = keys::insert_new(c, || {
            attempts += 1;
            license("101", if attempts == 1 { "taken" } else { "fresh" })
        })?;
        // the transaction is still usable after the refused insert (a savepoint on PostgreSQL)
        misps::set_active(c, &MispId::from("101"), false, "u", now())?;
        Ok::<_, QueryError>(got)
    })
    .unwrap()
    .unwrap();
    assert_eq!((attempts, stored.key.as_str()), (2, "fresh"));
    assert_eq!(keys::find_by_key(&mut conn, &LicenseKey::from("taken")).unwrap().unwrap().misp_id, "100");
    assert!(!misps::find(&mut conn, &MispId::from("101")).unwrap().unwrap().is_active);
    let (l, m) = keys::find_with_misp(&mut conn, &LicenseKey::from("fresh")).unwrap().unwrap();
    assert_eq!((l.misp_id.as_str(), m.map(|m| m.name)), ("101", Some("B".to_owned())));
    // every attempt colliding gives up with None, not an error
    let none = transaction(&mut conn, |c| keys::insert_new(c, || license("101", "taken"))).unwrap();
    assert!(none.is_none());
}

fn the_registration_status_changes_by_compare_and_set(db: TestDb) {
    let pool = open(&db);
    let mut conn = pool.get().unwrap();
    let c: &mut DbConnection = &mut conn;
    misps::insert(c, &misp("100", "A")).unwrap();
    let id = MispId::from("100");
    assert_eq!(misps::set_status(c, &id, RegistrationStatus::Approved, "admin", now()).unwrap(), 1);
    assert_eq!(misps::set_status(c, &id, RegistrationStatus::Approved, "admin", now()).unwrap(), 0);
    assert_eq!(misps::set_status(c, &id, RegistrationStatus::Rejected, "admin", now()).unwrap(), 1);
    misps::set_active(c, &id, false, "admin", now()).unwrap();
    assert_eq!(misps::set_status(c, &id, RegistrationStatus::Approved, "admin", now()).unwrap(), 0, "inactive");
    let m = misps::find(c, &id).unwrap().unwrap();
    assert_eq!((m.status, m.upd_by.as_deref()), (RegistrationStatus::Rejected, Some("admin")));
    assert_eq!(misps::set_status(c, &MispId::from("nope"), RegistrationStatus::Rejected, "admin", now()).unwrap(), 0);
}

both_backends!(
    concurrent_transactions_never_share_a_misp_id,
    a_colliding_licence_key_is_replaced_and_the_transaction_survives,
    the_registration_status_changes_by_compare_and_set,
);
