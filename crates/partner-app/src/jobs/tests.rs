//! The jobs driven with an injected clock, on SQLite and (with `PMS_TEST_PG_URL`) PostgreSQL.

use std::sync::Mutex;

use app_core::testing::test_now;
use diesel::prelude::*;
use persistence::schema::{notifications, onboarding_signup, partner, partner_policy};
use persistence::testing::TestDb;
use persistence::testing::fixtures::{GroupFixture, PolicyFixture};

use super::*;
use crate::mail::MailTemplates;
use crate::notify::Mail;

/// Keeps what it is given to send; refuses mail to `fail@…`.
#[derive(Default)]
struct Outbox(Mutex<Vec<Mail>>);

impl Notifier for Outbox {
    fn send(&self, mail: &Mail) -> Result<(), String> {
        if mail.to.starts_with("fail@") {
            return Err("refused".into());
        }
        self.0.lock().unwrap().push(Mail {
            to: mail.to.clone(),
            subject: mail.subject.clone(),
            body: mail.body.clone(),
        });
        Ok(())
    }
    fn describe(&self) -> String {
        "test outbox".into()
    }
}

impl Outbox {
    fn sent(&self) -> Vec<String> {
        self.0.lock().unwrap().iter().map(|m| m.to.clone()).collect()
    }
}

/// A second store over `db`'s database: another replica.
fn replica(db: &TestDb) -> Store {
    let pool = persistence::DbPool::open(&db.url, &persistence::PoolOptions::default()).unwrap();
    let audit = app_core::AuditDefaults {
        host_name: "replica-2".into(),
        host_ip: "127.0.0.2".into(),
        application_id: "10002".into(),
        application_name: "PMS".into(),
    };
    Store::new(pool, audit).unwrap().with_clock(app_core::FixedClock(test_now()))
}

/// Every job each 24 hours.
fn ctx(outbox: &Arc<Outbox>, replica: &str) -> JobContext {
    let settings =
        JobsSettings { weekly_summary_every_hours: 24, expired_keys_every_hours: 24, ..JobsSettings::default() };
    JobContext {
        settings,
        notifier: outbox.clone(),
        templates: Arc::new(MailTemplates::built_in()),
        replica: replica.into(),
    }
}

/// Sends the queued e-mails due at `now` through `outbox`.
fn deliver(store: &Store, now: NaiveDateTime, outbox: &Arc<Outbox>) -> DeliveryReport {
    deliver_mail(store, now, &ctx(outbox, "r")).unwrap()
}

/// A partner `id` (e-mail `email`) with an API key `key` expiring `in_hours` after the test time.
fn key(store: &Store, id: &str, email: Option<&str>, key: &str, in_hours: i64) {
    let mut conn = store.pool().get().unwrap();
    let now = test_now();
    if partner::table.find(id).count().get_result::<i64>(&mut conn).unwrap() == 0 {
        if GroupFixture::new("g1", "group").insert(&mut conn).is_ok() {
            PolicyFixture::new("p1", "g1", "policy").insert(&mut conn).unwrap();
        }
        diesel::insert_into(partner::table)
            .values((
                partner::id.eq(id),
                partner::policy_group_id.eq(Some("g1")),
                partner::name.eq(id),
                partner::email_id.eq(email),
                partner::user_id.eq(id),
                partner::partner_type_code.eq("Auth_Partner"),
                partner::approval_status.eq("approved"),
                partner::is_active.eq(true),
                partner::lang_code.eq(Some("eng")),
                partner::cr_by.eq("t"),
                partner::cr_dtimes.eq(now),
                partner::is_deleted.eq(false),
            ))
            .execute(&mut conn)
            .unwrap();
    }
    diesel::insert_into(partner_policy::table)
        .values((
            partner_policy::policy_api_key.eq(key),
            partner_policy::part_id.eq(id),
            partner_policy::policy_id.eq("p1"),
            partner_policy::valid_from_datetime.eq(now - TimeDelta::days(100)),
            partner_policy::valid_to_datetime.eq(Some(now + TimeDelta::hours(in_hours))),
            partner_policy::is_active.eq(true),
            partner_policy::label.eq(format!("label-{key}")),
            partner_policy::cr_by.eq("t"),
            partner_policy::cr_dtimes.eq(now),
            partner_policy::is_deleted.eq(false),
        ))
        .execute(&mut conn)
        .unwrap();
}

fn a_key_expiring_in_three_days_gets_one_mail_across_runs_and_replicas((store, db): (Store, TestDb)) {
    let now = test_now();
    key(&store, "pa", Some("pa@example.org"), "k-soon", 71);
    key(&store, "pa", Some("pa@example.org"), "k-later", 24 * 4);
    key(&store, "pa", Some("pa@example.org"), "k-gone", -1);
    key(&store, "pb", None, "k-no-mail", 24);
    key(&store, "pc", Some("fail@example.org"), "k-refused", 24);
    let outbox = Arc::new(Outbox::default());

    let first = api_key_expiry::run(&store, now, 3).unwrap();
    assert_eq!((first.done, first.skipped), (2, 1), "queued for pa and pc; pb has no address");
    let sent = deliver(&store, now, &outbox);
    assert_eq!((sent.sent, sent.retried), (1, 1));
    assert_eq!(outbox.sent(), ["pa@example.org"]);
    let (subject, body) = outbox.0.lock().map(|m| (m[0].subject.clone(), m[0].body.clone())).unwrap();
    assert!(subject.contains("label-k-soon") && body.contains("pa"), "{subject}");

    // a second run, a second store over the same database (another replica), a later clock
    let other = replica(&db);
    let again = api_key_expiry::run(&other, now + TimeDelta::hours(5), 3).unwrap();
    assert_eq!((again.done, again.skipped), (0, 3), "nothing queued twice");
    let retried = deliver(&other, now + TimeDelta::hours(5), &outbox);
    assert_eq!((retried.sent, retried.retried), (0, 1), "the refused one is retried, the sent one not");
    assert_eq!(outbox.sent().len(), 1);
    // two replicas racing for the same run and the same delivery
    std::thread::scope(|s| {
        let runs = [&store, &other].map(|st| {
            let outbox = outbox.clone();
            s.spawn(move || {
                api_key_expiry::run(st, now + TimeDelta::hours(6), 3).unwrap();
                deliver(st, now + TimeDelta::hours(6), &outbox)
            })
        });
        for r in runs {
            r.join().unwrap();
        }
    });
    assert_eq!(outbox.sent().len(), 1, "never twice");

    // the later key enters the window a day on: one more e-mail
    let later = api_key_expiry::run(&store, now + TimeDelta::days(1), 3).unwrap();
    assert_eq!(later.done, 1);
    deliver(&store, now + TimeDelta::days(1), &outbox);
    assert_eq!(outbox.sent(), ["pa@example.org", "pa@example.org"]);
}

fn one_replica_runs_a_job_per_period_and_a_missed_run_catches_up((store, db): (Store, TestDb)) {
    let now = test_now();
    key(&store, "pa", Some("pa@example.org"), "k-soon", 24);
    let outbox = Arc::new(Outbox::default());
    let other = replica(&db);
    let ran = |st: &Store, at, replica| -> Vec<&'static str> {
        tick(st, at, &ctx(&outbox, replica))
            .into_iter()
            .map(|(j, r)| {
                assert!(r.is_ok(), "{r:?}");
                j.name()
            })
            .collect()
    };
    let every_job = Job::ALL.map(Job::name);
    assert_eq!(ran(&store, now, "r1"), every_job, "first tick: every job due");
    assert!(ran(&other, now, "r2").is_empty(), "the other replica finds them claimed");
    assert!(ran(&store, now + TimeDelta::hours(23), "r1").is_empty(), "not due before its period");
    // both replicas racing at the next period: each job runs once
    let runs: Vec<Vec<&str>> = std::thread::scope(|s| {
        let handles =
            [(&store, "r1"), (&other, "r2")].map(|(st, r)| s.spawn(move || ran(st, now + TimeDelta::hours(24), r)));
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut all: Vec<&str> = runs.concat();
    all.sort_unstable();
    let mut sorted = every_job;
    sorted.sort_unstable();
    assert_eq!(all, sorted);
    // nobody ticked for three days: the next tick runs each job once, due a period later
    assert_eq!(ran(&other, now + TimeDelta::hours(96), "r2"), every_job);
    let mut conn = store.pool().get().unwrap();
    let next = persistence::repo::job::next_run(&mut conn, "purge").unwrap();
    assert_eq!(next, Some(now + TimeDelta::hours(120)));
    deliver(&store, now + TimeDelta::hours(96), &outbox);
    assert_eq!(outbox.sent().len(), 1);
}

fn notifications_past_their_retention_are_purged((store, _db): (Store, TestDb)) {
    let now = test_now();
    let mut conn = store.pool().get().unwrap();
    for (id, age) in [("old", 61), ("edge", 59), ("new", 1)] {
        let row = persistence::repo::notification::NotificationRow {
            id: id.into(),
            partner_id: "pa".into(),
            notification_type: "PARTNER_CERT_EXPIRY".into(),
            notification_status: "ACTIVE".into(),
            notification_details_json: "{}".into(),
            email_id: "pa@example.org".into(),
            email_lang_code: "eng".into(),
            email_sent: false,
            email_sent_dtimes: None,
            cr_by: "system".into(),
            cr_dtimes: now - TimeDelta::days(age),
            upd_by: None,
            upd_dtimes: None,
        };
        persistence::repo::notification::insert_notification(&mut conn, &row).unwrap();
    }
    let signup = |email: &str, status: &str, expired_hours_ago: i64| persistence::repo::onboarding::SignupRow {
        email_key: email.into(),
        registration_id: format!("reg-{email}"),
        partner_id: format!("p-{email}"),
        signup_request: "{}".into(),
        otp_hash: "x".into(),
        otp_expires_dtimes: now - TimeDelta::hours(expired_hours_ago),
        otp_tries: 0,
        status_code: status.into(),
        last_sent_dtimes: now - TimeDelta::hours(expired_hours_ago + 1),
        window_start_dtimes: now - TimeDelta::hours(expired_hours_ago + 1),
        window_sends: 1,
        cr_dtimes: now - TimeDelta::hours(expired_hours_ago + 1),
        upd_dtimes: None,
    };
    for row in [
        signup("abandoned@x.example", persistence::repo::onboarding::PENDING, 25),
        signup("recent@x.example", persistence::repo::onboarding::PENDING, 23),
        signup("done@x.example", persistence::repo::onboarding::COMPLETED, 48),
    ] {
        persistence::repo::onboarding::insert(&mut conn, &row).unwrap();
    }
    let report = purge::run(&store, now, 60).unwrap();
    assert_eq!(report.done, 2, "one notification and one abandoned sign-up");
    let mut left: Vec<String> = notifications::table.select(notifications::id).load(&mut conn).unwrap();
    left.sort();
    assert_eq!(left, ["edge", "new"]);
    let mut kept: Vec<String> = onboarding_signup::table.select(onboarding_signup::email_key).load(&mut conn).unwrap();
    kept.sort();
    assert_eq!(kept, ["done@x.example", "recent@x.example"]);
}

mod certs;
mod keys;

persistence::both_backends!(with app_core::testing::store_over;
    a_key_expiring_in_three_days_gets_one_mail_across_runs_and_replicas,
    one_replica_runs_a_job_per_period_and_a_missed_run_catches_up,
    notifications_past_their_retention_are_purged,
);
