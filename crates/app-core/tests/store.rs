//! `Store`: a change and its audit records commit together or not at all; failures are recorded
//! after the rollback; read records are committed before the answer, and a read whose records
//! cannot be written fails instead of answering unaudited.
#![allow(clippy::panic, reason = "tests fail loudly")]

use app_core::testing::{actor, audit_events, store};
use app_core::{AppError, FailureKind, Store};
use audit_events::AuditEvent;
use persistence::Backend;
use persistence::testing::TestDb;

fn count(events: &[(String, Option<String>)], id: &str) -> usize {
    events.iter().filter(|(e, _)| e == id).count()
}

#[test]
fn reads_from_many_threads_are_audited_before_they_answer() {
    let Some((store, _db)) = store(Backend::Sqlite) else { return };
    let threads: Vec<_> = (0..40)
        .map(|i| {
            let store = store.clone();
            std::thread::spawn(move || {
                let plan = store.plan(&actor("reader", &[])).call(AuditEvent::GetPartner, None);
                store.audited_read(plan, |tx| {
                    tx.trail.push(AuditEvent::GetPartnerSuccess, Some(&format!("p-{i}")));
                    Ok(i)
                })
            })
        })
        .collect();
    for t in threads {
        assert!(t.join().is_ok_and(|r| r.is_ok()));
    }
    let events = audit_events(&store);
    assert_eq!((count(&events, "PMS_PRT_149"), count(&events, "PMS_PRT_249")), (40, 40));

    let plan = store
        .plan(&actor("reader", &[]))
        .call(AuditEvent::GetPartner, None)
        .on_failure(AuditEvent::PartnerMissing, None);
    let out: Result<(), AppError> =
        store.audited_read(plan, |_| Err(AppError::refused("PMS_PRT_005", "Partner does not exist")));
    assert_eq!(out.err().map(|e| e.code().to_owned()).as_deref(), Some("PMS_PRT_005"));
    let events = audit_events(&store);
    assert!(events.contains(&("PMS_PRT_421".to_owned(), Some("PMS_PRT_005".to_owned()))), "{events:?}");
}

#[test]
fn a_read_whose_records_cannot_be_written_fails() {
    let Some((store, _db)) = store(Backend::Sqlite) else { return };
    {
        use diesel::connection::SimpleConnection;
        let mut conn = store.pool().get().unwrap_or_else(|e| panic!("{e}"));
        conn.batch_execute("DROP TABLE audit_log").unwrap_or_else(|e| panic!("{e}"));
    }
    let plan = store.plan(&actor("reader", &[])).call(AuditEvent::GetPartner, None);
    let out = store.audited_read(plan, |tx| {
        tx.trail.push(AuditEvent::GetPartnerSuccess, None);
        Ok("secret")
    });
    assert_eq!(out.err().map(|e| e.kind), Some(FailureKind::Internal), "no answer without its audit records");
}

fn rolled_back_changes_leave_only_failure_records((store, _db): (Store, TestDb)) {
    let me = actor("admin", &["GLOBAL_ADMIN"]);
    let plan = store
        .plan(&me)
        .call(AuditEvent::CreatePolicyGroup, None)
        .on_failure(AuditEvent::CreatePolicyGroupFailure, None);
    let out: Result<(), AppError> = store.audited(plan, |tx| {
        tx.trail.push(AuditEvent::CreatePolicyGroupSuccess, Some("g-1"));
        Err(AppError::refused("PMS_POL_014", "Policy group exists with name : g"))
    });
    assert!(out.is_err());
    let events = audit_events(&store);
    assert_eq!(count(&events, "PMS_PRT_115"), 1, "the call event, after the rollback: {events:?}");
    assert_eq!(count(&events, "PMS_PRT_215"), 0, "no success record of a rolled-back change");
    let failures: Vec<_> = events.iter().filter(|(_, code)| code.is_some()).collect();
    assert_eq!(failures.len(), 1, "the failure event carries the code: {events:?}");

    let plan = store.plan(&me).call(AuditEvent::CreatePolicyGroup, None);
    let ok = store.audited(plan, |tx| {
        tx.trail.push(AuditEvent::CreatePolicyGroupSuccess, Some("g-2"));
        Ok(tx.new_id())
    });
    assert!(ok.is_ok_and(|id| id.len() == 36));
    let events = audit_events(&store);
    assert_eq!((count(&events, "PMS_PRT_115"), count(&events, "PMS_PRT_215")), (2, 1));
}

fn outbox_topics(store: &app_core::Store) -> Vec<String> {
    let mut conn = store.pool().get().unwrap_or_else(|e| panic!("{e}"));
    let rows = persistence::repo::outbox::list(&mut conn, persistence::repo::outbox::PENDING, 0, 100)
        .unwrap_or_else(|e| panic!("{e}"));
    rows.into_iter().map(|r| r.topic).collect()
}

fn events_commit_with_their_change_and_a_rollback_publishes_nothing((store, _db): (Store, TestDb)) {
    let key = websub_events::ApiKeyData {
        api_key: "k".into(),
        commence_on: store.now(),
        expires_on: store.now(),
        active: false,
    };
    let plan = store.plan(&actor("admin", &[])).call(AuditEvent::GetPartner, None);
    let failed: Result<(), AppError> = store.audited(plan, |tx| {
        tx.publish(websub_events::Event::apikey_updated(&key));
        Err(AppError::refused("PMS_PRT_005", "Partner does not exist"))
    });
    assert!(failed.is_err());
    assert!(outbox_topics(&store).is_empty(), "a rolled-back change publishes nothing");
    let plan = store.plan(&actor("admin", &[])).call(AuditEvent::GetPartner, None);
    let done = store.audited(plan, |tx| {
        tx.publish(websub_events::Event::apikey_updated(&key));
        tx.publish(websub_events::Event::misp_updated("l"));
        Ok(())
    });
    assert!(done.is_ok());
    let done = store.write(|tx| {
        tx.publish(websub_events::Event::apikey_updated(&key));
        Ok(())
    });
    assert!(done.is_ok());
    assert_eq!(outbox_topics(&store), ["APIKEY_UPDATED", "MISP_UPDATED", "APIKEY_UPDATED"]);
}

#[test]
fn an_event_published_from_a_read_is_an_error_not_a_loss() {
    let Some((store, _db)) = store(Backend::Sqlite) else { return };
    let out = store.read(|tx| {
        tx.publish(websub_events::Event::misp_updated("l"));
        Ok(())
    });
    assert_eq!(out.err().map(|e| e.kind), Some(FailureKind::Internal));
}

persistence::both_backends!(with app_core::testing::store_over; rolled_back_changes_leave_only_failure_records, events_commit_with_their_change_and_a_rollback_publishes_nothing);
