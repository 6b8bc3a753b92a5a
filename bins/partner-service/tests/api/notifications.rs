//! MOSIP 1.3's notification centre: `GET /notifications`, `PATCH /notifications/{id}`,
//! `PUT`/`GET /users/{userId}/notifications-seen-timestamp`; notifications are inserted through
//! the repository, as the expiry jobs will.

use chrono::{NaiveDate, NaiveDateTime, TimeDelta, Utc};
use diesel::prelude::*;
use persistence::repo::notification::{NotificationRow, insert_notification};
use persistence::schema::partner;
use serde_json::{Value, json};
use web_support::openapi::conformance::Conformance;
use web_support::testing::{Answer, Client, token};

use crate::api_tests;
use crate::helpers::TestApp;
use crate::partner_fixtures::{active_partner, admin, audit_ids, conn, partner_token, world};

const LIST: &str = "/v1/partnermanager/notifications";

fn codes(a: &Answer) -> Vec<&str> {
    a.body["errors"].as_array().into_iter().flatten().filter_map(|e| e["errorCode"].as_str()).collect()
}

/// A notification about a certificate (`cert` id, `issuer`, `domain`, expiring on `expiry`).
pub(crate) fn notice(
    app: &TestApp,
    id: &str,
    (partner_id, kind, status): (&str, &str, &str),
    (cert, issuer, domain, expiry): (&str, &str, &str, &str),
    created: NaiveDateTime,
) {
    let details = json!({"certificateDetails": [{
        "certificateId": cert, "issuedBy": issuer, "issuedTo": format!("CN={partner_id}"),
        "partnerId": partner_id, "partnerDomain": domain, "expiryDateTime": expiry,
        "expiryPeriod": "30", "certificateType": "partner"}]});
    let row = NotificationRow {
        id: id.into(),
        partner_id: partner_id.into(),
        notification_type: kind.into(),
        notification_status: status.into(),
        notification_details_json: details.to_string(),
        email_id: format!("{partner_id}@example.org"),
        email_lang_code: "eng".into(),
        email_sent: false,
        email_sent_dtimes: None,
        cr_by: "job".into(),
        cr_dtimes: created,
        upd_by: None,
        upd_dtimes: None,
    };
    insert_notification(&mut conn(app), &row).unwrap();
}

fn days_ago(n: i64) -> NaiveDateTime {
    Utc::now().naive_utc() - TimeDelta::days(n)
}

/// Partners `na`, `nb` (active), `nc` (deactivated), the admin's `pa-admin`, and their notices.
fn notices(app: &TestApp) {
    world(app);
    for id in ["na", "nb", "nc", "pa-admin"] {
        active_partner(app, id);
    }
    let mut db = conn(app);
    diesel::update(partner::table.find("pa-admin")).set(partner::user_id.eq("partner-admin")).execute(&mut db).unwrap();
    diesel::update(partner::table.find("nc")).set(partner::is_active.eq(false)).execute(&mut db).unwrap();
    let partner = "PARTNER_CERT_EXPIRY";
    for (id, target, certificate, days) in [
        ("n1", ("na", partner, "ACTIVE"), ("cert-A", "CN=Issuer One", "AUTH", "2027-01-15T10:00:00"), 3),
        ("n2", ("na", partner, "DISMISSED"), ("cert-B", "CN=Issuer Two", "FTM", "2027-02-01T00:00:00"), 2),
        ("n3", ("nb", partner, "ACTIVE"), ("cert-C", "CN=Issuer One", "AUTH", "2027-01-15T10:00:00"), 1),
        ("n4", ("pa-admin", "ROOT_CERT_EXPIRY", "ACTIVE"), ("root-1", "CN=Root", "AUTH", "2027-03-01T00:00:00"), 1),
    ] {
        notice(app, id, target, certificate, days_ago(days));
    }
    let weekly = NaiveDate::from_ymd_opt(2026, 1, 10).and_then(|d| d.and_hms_opt(8, 0, 0)).unwrap();
    notice(app, "n5", ("pa-admin", "WEEKLY_SUMMARY", "ACTIVE"), ("", "", "", ""), weekly);
    notice(
        app,
        "n6",
        ("nc", partner, "ACTIVE"),
        ("cert-D", "CN=Issuer One", "AUTH", "2027-01-15T10:00:00"),
        days_ago(1),
    );
}

fn ids(a: &Answer) -> Vec<&str> {
    a.response()["data"].as_array().into_iter().flatten().filter_map(|n| n["notificationId"].as_str()).collect()
}

fn partners_and_admins_list_their_own_notifications(app: TestApp) {
    notices(&app);
    let doc = Conformance::new(&partner_service::openapi::document());
    let list = |who: &str, query: &str| {
        let answer = app.client.get(&format!("{LIST}{query}"), Some(who));
        doc.check("GET", LIST, &answer);
        answer
    };
    let na = partner_token("na");
    let all = list(&na, "").ok();
    assert_eq!(all.body["id"], "mosip.pms.notifications.get");
    assert_eq!(ids(&all), ["n2", "n1"], "newest first, the partner's own");
    let r = all.response();
    assert_eq!((r["pageNo"].as_i64(), r["pageSize"].as_i64(), r["totalResults"].as_i64()), (Some(0), Some(4), Some(2)));
    let first = &r["data"][1];
    assert_eq!(
        (
            first["notificationPartnerId"].as_str(),
            first["notificationType"].as_str(),
            first["notificationStatus"].as_str()
        ),
        (Some("na"), Some("PARTNER_CERT_EXPIRY"), Some("ACTIVE"))
    );
    assert_eq!(first["notificationDetails"]["certificateDetails"][0]["certificateId"], "cert-A");
    assert_eq!(first["notificationDetails"]["apiKeyDetails"], Value::Null);
    assert_eq!(ids(&list(&na, "?notificationStatus=Active")), ["n1"]);
    assert_eq!(ids(&list(&na, "?notificationType=partner&certificateId=CERT-a")), ["n1"]);
    assert_eq!(ids(&list(&na, "?notificationType=PARTNER&issuedBy=issuer%20two")), ["n2"]);
    assert_eq!(ids(&list(&na, "?notificationType=partner&partnerDomain=ftm")), ["n2"]);
    assert_eq!(ids(&list(&na, "?notificationType=partner&expiryDate=2027-01-15")), ["n1"]);
    assert_eq!(ids(&list(&na, "?notificationType=partner&certificateId=%25")), Vec::<&str>::new(), "% is literal");
    assert_eq!(ids(&list(&na, "?pageNo=1&pageSize=1")), ["n1"]);
    assert_eq!(
        list(&na, "?notificationType=apikey").ok().response(),
        &json!({"pageNo": 0, "pageSize": 0, "totalResults": 0, "data": []})
    );
    assert_eq!(ids(&list(&partner_token("nb"), "")), ["n3"], "another partner sees its own only");
    assert_eq!(ids(&list(&partner_token("nc"), "")), Vec::<&str>::new(), "a deactivated partner's are hidden");

    let admin = admin();
    assert_eq!(ids(&list(&admin, "")), ["n4", "n5"]);
    assert_eq!(
        ids(&list(&admin, "?notificationType=weekly&createdFromDate=2026-01-09&createdToDate=2026-01-10")),
        ["n5"]
    );
    assert_eq!(ids(&list(&admin, "?notificationType=weekly&createdToDate=2026-01-09")), Vec::<&str>::new());
    assert_eq!(ids(&list(&admin, "?notificationType=root&issuedBy=root")), ["n4"]);

    for (who, query, code) in [
        (&na, "?notificationType=root", "PMS_NOTIFICATION_ERROR_006"),
        (&na, "?notificationType=partner&createdFromDate=2026-01-01", "PMS_NOTIFICATION_ERROR_017"),
        (&na, "?certificateId=cert-A", "PMS_NOTIFICATION_ERROR_015"),
        (&na, "?notificationType=partner&expiryDate=15-01-2027", "PMS_NOTIFICATION_ERROR_016"),
        (&na, "?pageNo=-1", "PMS_PRT_360"),
        (&na, "?pageSize=many", "PMS_PRT_361"),
        (&admin, "?pageSize=0", "PMS_PRT_361"),
    ] {
        let refused = list(who, query);
        assert_eq!((refused.status, codes(&refused)), (200, vec![code]), "{query}");
    }
    assert_eq!(codes(&list(&partner_token("stranger"), "")), ["PMS_CERTIFICATE_ERROR_002"]);
    assert_eq!(app.client.get(LIST, Some(&token("m", &["MISP_PARTNER"]))).status, 403);
}

fn dismiss(c: &Client, who: &str, id: &str, request: Value) -> Answer {
    c.send(
        "PATCH",
        &format!("{LIST}/{id}"),
        Some(who),
        &Client::envelope_v2("mosip.pms.dismiss.notification.patch", request),
    )
}

fn notifications_are_dismissed_by_their_partner(app: TestApp) {
    notices(&app);
    let doc = Conformance::new(&partner_service::openapi::document());
    let na = partner_token("na");
    let path = format!("{LIST}/{{notificationId}}");
    let done = dismiss(&app.client, &na, "n1", json!({"notificationStatus": "DISMISSED"})).ok();
    doc.check("PATCH", &path, &done);
    assert_eq!(done.body["id"], "mosip.pms.dismiss.notification.patch");
    assert_eq!(
        done.response(),
        &json!({"id": "n1", "partnerId": "na", "notificationType": "PARTNER_CERT_EXPIRY", "notificationStatus": "DISMISSED"})
    );
    let active = app.client.get(&format!("{LIST}?notificationStatus=active"), Some(&na)).ok();
    assert_eq!(ids(&active), Vec::<&str>::new());
    assert_eq!(audit_ids(&app, "n1"), ["PMS_PRT_193", "PMS_PRT_293"]);
    for (who, id, status, code) in [
        (&na, "n1", json!("DISMISSED"), "PMS_NOTIFICATION_ERROR_009"),
        (&na, "n3", json!("DISMISSED"), "PMS_NOTIFICATION_ERROR_011"),
        (&na, "nothing", json!("DISMISSED"), "PMS_NOTIFICATION_ERROR_008"),
        (&na, "n3", json!("ACTIVE"), "PMS_NOTIFICATION_ERROR_012"),
        (&na, "n3", Value::Null, "PMS_NOTIFICATION_ERROR_019"),
        (&na, "n4", json!("DISMISSED"), "PMS_NOTIFICATION_ERROR_018"),
    ] {
        let refused = dismiss(&app.client, who, id, json!({"notificationStatus": status}));
        doc.check("PATCH", &path, &refused);
        assert_eq!((refused.status, codes(&refused)), (200, vec![code]), "{id} {status}");
    }
    let nc = partner_token("nc");
    assert_eq!(codes(&dismiss(&app.client, &nc, "n6", json!({"notificationStatus": "DISMISSED"}))), ["PMS_PMP_016"]);
    let by_admin = dismiss(&app.client, &admin(), "n4", json!({"notificationStatus": "DISMISSED"})).ok();
    assert_eq!(by_admin.response()["notificationStatus"], "DISMISSED");
    let wrong_id = app.client.send(
        "PATCH",
        &format!("{LIST}/n3"),
        Some(&partner_token("nb")),
        &Client::envelope_v2("mosip.pms.other", json!({"notificationStatus": "DISMISSED"})),
    );
    assert_eq!(codes(&wrong_id), ["PMS_REQUEST_ERROR_002"]);
    let denied = dismiss(&app.client, &token("m", &["MISP_PARTNER"]), "n3", json!({"notificationStatus": "DISMISSED"}));
    assert_eq!(denied.status, 403);
}

fn seen(c: &Client, who: &str, user: &str, request: Option<Value>) -> Answer {
    let path = format!("/v1/partnermanager/users/{user}/notifications-seen-timestamp");
    match request {
        Some(r) => {
            c.send("PUT", &path, Some(who), &Client::envelope_v2("mosip.pms.users.notifications.seen.timestamp.put", r))
        }
        None => c.get(&path, Some(who)),
    }
}

fn the_seen_time_is_the_users_own(app: TestApp) {
    notices(&app);
    let doc = Conformance::new(&partner_service::openapi::document());
    let path = "/v1/partnermanager/users/{userId}/notifications-seen-timestamp";
    let na = partner_token("na");
    let at = json!({"notificationsSeenDtimes": "2026-12-01T10:00:00Z"});
    let before = seen(&app.client, &na, "na", None);
    doc.check("GET", path, &before);
    assert_eq!(
        (before.body["id"].as_str(), codes(&before)),
        (Some("mosip.pms.users.notifications.seen.timestamp.get"), vec!["PMS_NOTIFICATION_ERROR_003"])
    );
    let no_row = seen(&app.client, &na, "na", Some(at.clone())).ok();
    assert_eq!(no_row.body["response"], Value::Null, "no consent row: nothing stored, as in MOSIP");
    app.client.send("POST", "/v1/partnermanager/users/user-consent", Some(&na), &json!({})).ok();
    let saved = seen(&app.client, &na, "na", Some(at)).ok();
    doc.check("PUT", path, &saved);
    assert_eq!(saved.response(), &json!({"notificationsSeenDtimes": "2026-12-01T10:00:00.000"}));
    assert_eq!(
        seen(&app.client, &na, "na", None).ok().response()["notificationsSeenDtimes"],
        "2026-12-01T10:00:00.000"
    );
    assert_eq!(codes(&seen(&app.client, &na, "na", Some(json!({})))), ["PMS_NOTIFICATION_ERROR_002"]);
    assert_eq!(
        codes(&seen(&app.client, &na, "na", Some(json!({"notificationsSeenDtimes": "yesterday"})))),
        ["PMS_COR_001"]
    );
    let other = seen(&app.client, &na, "nb", None);
    assert_eq!((other.status, other.error_code()), (403, Some("KER-ATH-403")), "another user's");
    assert_eq!(
        seen(&app.client, &na, "nb", Some(json!({"notificationsSeenDtimes": "2026-12-01T10:00:00"}))).status,
        403
    );
    let stranger = partner_token("stranger");
    assert_eq!(codes(&seen(&app.client, &stranger, "stranger", None)), ["PMS_CERTIFICATE_ERROR_002"]);
    assert_eq!(seen(&app.client, &token("m", &["MISP_PARTNER"]), "m", None).status, 403);
}

api_tests!(
    partners_and_admins_list_their_own_notifications,
    notifications_are_dismissed_by_their_partner,
    the_seen_time_is_the_users_own
);
