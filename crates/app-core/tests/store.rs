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

fn reads_from_many_threads_are_audited_before_they_answer((store, _db): (Store, TestDb)) {
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

/// Makes the store refuse any audit record of the user `poison` with the error `message`.
fn refuse_records_of_poison(store: &Store, message: &str) {
    use diesel::connection::SimpleConnection;
    let sql = match store.pool().backend() {
        Backend::Sqlite => format!(
            "CREATE TRIGGER refuse_poison BEFORE INSERT ON audit_log WHEN NEW.session_user_id = 'poison' \
             BEGIN SELECT RAISE(ABORT, '{message}'); END;"
        ),
        Backend::Postgres => format!(
            "CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN \
             IF NEW.session_user_id = 'poison' THEN RAISE EXCEPTION '{message}'; END IF; RETURN NEW; END $$; \
             CREATE TRIGGER refuse_poison BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_poison();"
        ),
    };
    let mut conn = store.pool().get().unwrap_or_else(|e| panic!("{e}"));
    conn.batch_execute(&sql).unwrap_or_else(|e| panic!("{e}"));
}

fn records_of(store: &Store, user: &str) -> usize {
    let mut conn = store.pool().get().unwrap_or_else(|e| panic!("{e}"));
    let filter = persistence::repo::audit::AuditFilter { user: Some(user.to_owned()), ..Default::default() };
    persistence::repo::audit::search(&mut conn, &filter, persistence::repo::Paging::exact(0, 100))
        .unwrap_or_else(|e| panic!("{e}"))
        .0
        .len()
}

/// Concurrent reads share audit transactions; the one whose record the store refuses fails, and
/// so does every read committed with it, none of whose records stay: the records present are
/// exactly those of the reads that answered.
fn a_failed_batch_fails_every_read_in_it_and_keeps_none_of_its_records((store, _db): (Store, TestDb)) {
    refuse_records_of_poison(&store, "poisoned record");
    let start = std::sync::Arc::new(std::sync::Barrier::new(30));
    let threads: Vec<_> = (0..30)
        .map(|i| {
            let (store, start) = (store.clone(), start.clone());
            let user = if i == 7 { "poison".to_owned() } else { format!("reader-{i}") };
            std::thread::spawn(move || {
                let plan = store.plan(&actor(&user, &[])).call(AuditEvent::GetPartner, None);
                start.wait();
                let out = store.audited_read(plan, |tx| {
                    tx.trail.push(AuditEvent::GetPartnerSuccess, Some(&format!("p-{i}")));
                    Ok(i)
                });
                (user, out.map_err(|e| e.kind))
            })
        })
        .collect();
    let mut answered = 0;
    for t in threads {
        let Ok((user, out)) = t.join() else { panic!("reader thread panicked") };
        match out {
            Ok(_) => {
                answered += 1;
                assert_eq!(records_of(&store, &user), 2, "{user} answered: its call and success records");
            }
            Err(kind) => {
                assert_eq!(kind, FailureKind::Internal, "{user}");
                assert_eq!(records_of(&store, &user), 0, "{user} failed: none of its records");
            }
        }
    }
    assert_eq!(records_of(&store, "poison"), 0);
    assert!(answered < 30, "the poisoned read cannot answer");
    assert_eq!(audit_events(&store).len(), 2 * answered, "no record of a failed batch");
}

/// A store that cannot take writes (here: says its file is read-only) fails the reads waiting on
/// it as unavailable (503, worth retrying), not as a fault of the service.
fn reads_the_store_cannot_audit_are_answered_unavailable((store, _db): (Store, TestDb)) {
    refuse_records_of_poison(&store, "attempt to write a readonly database");
    let plan = store.plan(&actor("poison", &[])).call(AuditEvent::GetPartner, None);
    let out = store.audited_read(plan, |_| Ok("secret"));
    assert_eq!(out.err().map(|e| e.kind), Some(FailureKind::Unavailable));
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

persistence::both_backends!(
    with app_core::testing::store_over;
    reads_from_many_threads_are_audited_before_they_answer,
    a_failed_batch_fails_every_read_in_it_and_keeps_none_of_its_records,
    reads_the_store_cannot_audit_are_answered_unavailable,
    rolled_back_changes_leave_only_failure_records,
    events_commit_with_their_change_and_a_rollback_publishes_nothing
);
