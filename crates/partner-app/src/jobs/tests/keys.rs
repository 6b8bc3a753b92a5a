//! Expired API keys and licence keys switched off, once, with one event and one audit record.

use misp_domain::License;
use persistence::repo::misp_license;
use persistence::schema::{audit_log, event_outbox};

use super::*;

fn expired_keys_are_switched_off_once_with_one_event_and_one_audit_record((store, db): (Store, TestDb)) {
    let now = test_now();
    key(&store, "pa", Some("pa@example.org"), "k-expired", -1);
    key(&store, "pa", Some("pa@example.org"), "k-valid", 5);
    let conn = &mut store.pool().get().unwrap();
    for (k, valid_to) in [("lic-expired", now - TimeDelta::minutes(1)), ("lic-valid", now + TimeDelta::days(1))] {
        let license = License {
            misp_id: "pa".into(),
            key: k.into(),
            policy_id: None,
            valid_from: now - TimeDelta::days(30),
            valid_to,
            is_active: true,
            suspended: false,
            cr_by: "t".into(),
            cr_dtimes: now,
            upd_by: None,
            upd_dtimes: None,
        };
        misp_license::insert_new(conn, || license.clone()).unwrap().unwrap();
    }
    let other = replica(&db);
    assert_eq!(expired_keys::run(&store, now).unwrap().done, 2);
    assert_eq!(expired_keys::run(&other, now + TimeDelta::hours(1)).unwrap().done, 0, "already off");
    std::thread::scope(|s| {
        for st in [&store, &other] {
            s.spawn(move || expired_keys::run(st, now + TimeDelta::hours(2)).unwrap());
        }
    });

    let on: Vec<(String, bool)> = partner_policy::table
        .select((partner_policy::policy_api_key, partner_policy::is_active))
        .order(partner_policy::policy_api_key)
        .load(conn)
        .unwrap();
    assert_eq!(on, [("k-expired".into(), false), ("k-valid".into(), true)]);
    let licences: Vec<(String, bool)> = persistence::schema::misp_license::table
        .select((persistence::schema::misp_license::license_key, persistence::schema::misp_license::is_active))
        .order(persistence::schema::misp_license::license_key)
        .load(conn)
        .unwrap();
    assert_eq!(licences, [("lic-expired".into(), false), ("lic-valid".into(), true)]);

    let events: Vec<(String, String)> = event_outbox::table
        .select((event_outbox::topic, event_outbox::data))
        .order(event_outbox::seq)
        .load(conn)
        .unwrap();
    assert_eq!(events.len(), 2, "{events:?}");
    let data: Vec<serde_json::Value> = events.iter().map(|(_, d)| serde_json::from_str(d).unwrap()).collect();
    assert_eq!(events[0].0, "APIKEY_UPDATED");
    assert_eq!(data[0]["apiKeyData"]["apiKeyId"], "k-expired");
    assert_eq!(data[0]["apiKeyData"]["apiKeyStatus"], "DEACTIVE");
    assert_eq!(events[1].0, "MISP_LICENSE_UPDATED");
    assert_eq!(data[1]["mispLicenseData"]["licenseKey"], "lic-expired");
    assert_eq!(data[1]["mispLicenseData"]["mispStatus"], "NOT_ACTIVE");

    let audits: Vec<(String, String, String)> = audit_log::table
        .filter(audit_log::event_id.eq_any(["PMS_PRT_570", "PMS_PRT_571"]))
        .select((audit_log::event_id, audit_log::ref_id, audit_log::session_user_id))
        .order(audit_log::event_id)
        .load(conn)
        .unwrap();
    assert_eq!(
        audits,
        [("PMS_PRT_570".into(), "pa".into(), "SYSTEM".into()), ("PMS_PRT_571".into(), "pa".into(), "SYSTEM".into())]
    );
}

persistence::both_backends!(with app_core::testing::store_over;
    expired_keys_are_switched_off_once_with_one_event_and_one_audit_record,
);
