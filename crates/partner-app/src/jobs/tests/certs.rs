//! Certificate expiry notifications and the weekly summary, at an injected time.

use persistence::repo::account::AccountRow;
use persistence::repo::certificate::{self, CaCertRow, PartnerCertRow};
use persistence::schema::mail_outbox;

use super::*;

/// An active partner `id` (user `user`), with a certificate expiring at `not_after` if given.
pub(super) fn partner_with_cert(
    conn: &mut persistence::DbConnection,
    id: &str,
    user: &str,
    not_after: Option<NaiveDateTime>,
) {
    let now = test_now();
    diesel::insert_into(partner::table)
        .values((
            partner::id.eq(id),
            partner::name.eq(id),
            partner::email_id.eq(Some(format!("{id}@example.org"))),
            partner::user_id.eq(user),
            partner::partner_type_code.eq("Auth_Partner"),
            partner::approval_status.eq("approved"),
            partner::is_active.eq(true),
            partner::lang_code.eq(Some("fra")),
            partner::certificate_alias.eq(not_after.map(|_| format!("cert-{id}"))),
            partner::cr_by.eq("t"),
            partner::cr_dtimes.eq(now),
            partner::is_deleted.eq(false),
        ))
        .execute(conn)
        .unwrap();
    if let Some(not_after) = not_after {
        let row = PartnerCertRow {
            cert_id: format!("cert-{id}"),
            partner_id: id.into(),
            cert_subject: format!("CN={id}"),
            cert_issuer: "CN=ca".into(),
            issuer_id: "ca".into(),
            cert_not_before: now - TimeDelta::days(300),
            cert_not_after: not_after,
            partner_domain: "AUTH".into(),
            cert_data: "pem".into(),
            signed_cert_data: "pem".into(),
            signed_cert_chain: "chain".into(),
            key_usage: String::new(),
            organization_name: id.into(),
            cert_thumbprint: format!("thumb-{id}"),
            cert_serial_no: "1".into(),
            cr_by: "t".into(),
            cr_dtimes: now,
            upd_by: None,
            upd_dtimes: None,
            is_deleted: false,
            del_dtimes: None,
        };
        certificate::insert_partner_certificate(conn, &row).unwrap();
    }
}

/// A local account `user` with `PARTNER_ADMIN` and its partner `id`.
pub(super) fn admin(conn: &mut persistence::DbConnection, id: &str, user: &str) {
    partner_with_cert(conn, id, user, None);
    let row = AccountRow {
        user_id: user.into(),
        login_key: user.into(),
        password_hash: "x".into(),
        roles: "POLICYMANAGER,PARTNER_ADMIN".into(),
        email_id: None,
        partner_id: Some(id.into()),
        is_active: true,
        last_login_dtimes: None,
        cr_by: "t".into(),
        cr_dtimes: test_now(),
        upd_by: None,
        upd_dtimes: None,
        is_deleted: false,
        del_dtimes: None,
    };
    persistence::repo::account::insert(conn, &row).unwrap();
}

fn root(conn: &mut persistence::DbConnection, id: &str, not_after: NaiveDateTime) {
    let row = CaCertRow {
        cert_id: id.into(),
        cert_subject: format!("CN={id}"),
        cert_issuer: format!("CN={id}"),
        issuer_id: id.into(),
        cert_not_before: test_now() - TimeDelta::days(900),
        cert_not_after: not_after,
        crl_uri: None,
        cert_data: "pem".into(),
        cert_thumbprint: format!("thumb-{id}"),
        cert_serial_no: "1".into(),
        partner_domain: "AUTH".into(),
        ca_cert_type: "ROOT".into(),
        cr_by: "t".into(),
        cr_dtimes: test_now(),
        upd_by: None,
        upd_dtimes: None,
        is_deleted: false,
        del_dtimes: None,
    };
    certificate::insert_ca_certificate(conn, &row).unwrap();
}

/// (recipient, type, expiryPeriod) of every notification, sorted.
fn told(conn: &mut persistence::DbConnection) -> Vec<(String, String, String)> {
    let rows: Vec<(String, String, String)> = notifications::table
        .select((notifications::partner_id, notifications::notification_type, notifications::notification_details_json))
        .load(conn)
        .unwrap();
    let mut out: Vec<_> = rows
        .into_iter()
        .map(|(p, t, json)| {
            let v: serde_json::Value = serde_json::from_str(&json).unwrap();
            (p, t, v["certificateDetails"][0]["expiryPeriod"].as_str().unwrap_or_default().to_owned())
        })
        .collect();
    out.sort();
    out
}

fn t(p: &str, kind: &str, step: &str) -> (String, String, String) {
    (p.into(), kind.into(), step.into())
}

fn a_certificate_crossing_each_step_is_told_once_per_step((store, db): (Store, TestDb)) {
    let now = test_now();
    let conn = &mut store.pool().get().unwrap();
    // expiring on the day 15 days from now: step 15 now, step 10 five days on
    partner_with_cert(conn, "pa", "pa", Some(now + TimeDelta::days(15)));
    partner_with_cert(conn, "far", "far", Some(now + TimeDelta::days(40)));
    admin(conn, "padmin", "admin1");
    root(conn, "root-1", now + TimeDelta::days(10));
    let steps = certificate_expiry::DEFAULT_STEPS;
    let other = replica(&db);

    let first = certificate_expiry::run(&store, now, &steps, &[]).unwrap();
    assert_eq!(first.done, 2, "the partner's certificate at 15, the root at 10 for the admin");
    assert_eq!(told(conn), [t("pa", "PARTNER_CERT_EXPIRY", "15"), t("padmin", "ROOT_CERT_EXPIRY", "10")]);
    // the same day again, on the other replica, and both at once: nothing new
    assert_eq!(certificate_expiry::run(&other, now + TimeDelta::hours(3), &steps, &[]).unwrap().done, 0);
    std::thread::scope(|s| {
        for st in [&store, &other] {
            s.spawn(move || certificate_expiry::run(st, now + TimeDelta::hours(4), &steps, &[]).unwrap());
        }
    });
    // a day on: the root reached 9; the partner's certificate is still at step 15
    assert_eq!(certificate_expiry::run(&other, now + TimeDelta::days(1), &steps, &[]).unwrap().done, 1);
    // no run for four days: the partner's certificate is told step 10 once, not 15 again
    let later = now + TimeDelta::days(5);
    assert_eq!(certificate_expiry::run(&store, later, &steps, &[]).unwrap().done, 2, "pa at 10, root at 5");
    assert_eq!(certificate_expiry::run(&other, later, &steps, &[]).unwrap().done, 0);
    assert_eq!(
        told(conn),
        [
            t("pa", "PARTNER_CERT_EXPIRY", "10"),
            t("pa", "PARTNER_CERT_EXPIRY", "15"),
            t("padmin", "ROOT_CERT_EXPIRY", "10"),
            t("padmin", "ROOT_CERT_EXPIRY", "5"),
            t("padmin", "ROOT_CERT_EXPIRY", "9"),
        ]
    );
    // each notification has its e-mail, in the partner's language, sent once
    let outbox = Arc::new(Outbox::default());
    assert_eq!(deliver(&store, later, &outbox).sent, 5);
    assert_eq!(deliver(&other, later, &outbox).sent, 0);
    let mails = outbox.0.lock().unwrap();
    let to_pa: Vec<&Mail> = mails.iter().filter(|m| m.to == "pa@example.org").collect();
    assert_eq!(to_pa.len(), 2);
    assert!(to_pa.iter().all(|m| m.subject.starts_with("Le certificat partner cert-pa")), "{:?}", to_pa[0].subject);
    let sent: Vec<bool> = notifications::table.select(notifications::email_sent).load(conn).unwrap();
    assert!(sent.iter().all(|s| *s), "every notification's e-mail is marked sent");
    let queued: i64 = mail_outbox::table.count().get_result(conn).unwrap();
    assert_eq!(queued, 5);
}

fn the_weekly_summary_lists_a_weeks_expiries_for_each_admin_once((store, db): (Store, TestDb)) {
    let now = test_now();
    let conn = &mut store.pool().get().unwrap();
    partner_with_cert(conn, "pa", "pa", Some(now + TimeDelta::days(6)));
    partner_with_cert(conn, "pb", "pb", Some(now + TimeDelta::days(3)));
    partner_with_cert(conn, "later", "later", Some(now + TimeDelta::days(9)));
    admin(conn, "padmin", "admin1");
    partner_with_cert(conn, "idp-admin", "someone", None);
    let admins = vec!["idp-admin".to_owned()];
    let first = weekly_summary::run(&store, now, 7, &admins).unwrap();
    assert_eq!(first.done, 2, "the local admin and the one named in the settings");
    assert_eq!(weekly_summary::run(&replica(&db), now + TimeDelta::hours(1), 7, &admins).unwrap().done, 0);
    let json: String = notifications::table
        .filter(notifications::partner_id.eq("padmin"))
        .select(notifications::notification_details_json)
        .first(conn)
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mut ids: Vec<&str> =
        v["certificateDetails"].as_array().unwrap().iter().filter_map(|c| c["partnerId"].as_str()).collect();
    ids.sort_unstable();
    assert_eq!(ids, ["pa", "pb"]);
    let kinds: Vec<String> = notifications::table.select(notifications::notification_type).load(conn).unwrap();
    assert!(kinds.iter().all(|k| k == "WEEKLY_SUMMARY"));
    // a week on, a new summary
    assert_eq!(weekly_summary::run(&store, now + TimeDelta::days(7), 7, &admins).unwrap().done, 2);
}

persistence::both_backends!(with app_core::testing::store_over;
    a_certificate_crossing_each_step_is_told_once_per_step,
    the_weekly_summary_lists_a_weeks_expiries_for_each_admin_once,
);
