//! The outbox endpoints for admins and the shared certificate chains.

use chrono::NaiveDateTime;
use persistence::repo::datashare::{self, SharedItem};
use persistence::repo::outbox::{self, NewEvent};
use persistence::{DbConnection, DbUrl};
use serde_json::json;
use web_support::testing::{Client, token};

use crate::api_tests;
use crate::events_process::publish_a_policy;
use crate::helpers::{TestApp, admin};

fn conn(app: &TestApp) -> DbConnection {
    let url = DbUrl::parse(&app.db.url).unwrap_or_else(|e| panic!("{e}"));
    persistence::connection::establish(&url, 5_000).unwrap_or_else(|e| panic!("{e}"))
}

fn now() -> NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

fn a_shared_chain_is_read_without_a_token_twice_at_most(app: TestApp) {
    let unknown = app.client.get("/v1/datashare/get/mpolicy-default-cert/mpartner-default-cert/nope", None);
    assert_eq!((unknown.status, unknown.error_code()), (404, Some("PMS_COR_404")));
    let item = SharedItem {
        id: "a1b2c3".into(),
        content: "MIIB-chain".into(),
        content_type: "text/plain".into(),
        created_at: now(),
        expires_at: now() + chrono::Duration::minutes(30),
        reads_left: 2,
    };
    datashare::insert(&mut conn(&app), &item).unwrap_or_else(|e| panic!("{e}"));
    let path = "/v1/datashare/get/mpolicy-default-cert/mpartner-default-cert/a1b2c3";
    for _ in 0..2 {
        let read = app.client.get(path, None);
        assert_eq!((read.status, read.body.as_str()), (200, Some("MIIB-chain")));
        assert!(read.header("content-type").is_some_and(|t| t.starts_with("text/plain")));
    }
    assert_eq!(app.client.get(path, None).status, 404, "read up");
    let expired = SharedItem { id: "old".into(), expires_at: now() - chrono::Duration::seconds(1), ..item };
    datashare::insert(&mut conn(&app), &expired).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(app.client.get("/v1/datashare/get/p/s/old", None).status, 404, "expired");
}

fn admins_list_parked_events_and_requeue_them(app: TestApp) {
    let partner = token("p1", &["AUTH_PARTNER"]);
    assert_eq!(app.client.get("/v1/partnermanager/events", Some(&partner)).status, 403);
    let bad = app.client.get("/v1/partnermanager/events?status=LOST", Some(&admin()));
    assert_eq!(bad.error_code(), Some("PMS_COR_001"));
    let mut c = conn(&app);
    let events: Vec<NewEvent> = ["e-1", "e-2"]
        .iter()
        .map(|id| {
            let data = json!({"apiKeyData": {}}).to_string();
            NewEvent::pending((*id).into(), "APIKEY_UPDATED".into(), "PartnerManagementServiceImpl".into(), data, now())
        })
        .collect();
    outbox::insert(&mut c, &events).unwrap_or_else(|e| panic!("{e}"));
    let seqs: Vec<i64> =
        outbox::list(&mut c, outbox::PENDING, 0, 10).unwrap_or_default().iter().map(|r| r.seq).collect();
    outbox::attempt_failed(&mut c, seqs[0], "hub answered 400", None).unwrap_or_else(|e| panic!("{e}"));

    let failed = app.client.get("/v1/partnermanager/events", Some(&admin())).ok();
    let rows = failed.response().as_array().cloned().unwrap_or_default();
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0]["eventId"].as_str(), rows[0]["status"].as_str()), (Some("e-1"), Some("FAILED")));
    assert_eq!(rows[0]["lastError"], "hub answered 400");
    assert!(rows[0].get("data").is_none(), "payloads (which hold keys) are not shown");
    let pending = app.client.get("/v1/partnermanager/events?status=pending&limit=10", Some(&admin())).ok();
    assert_eq!(pending.response().as_array().map(Vec::len), Some(1));

    let denied =
        app.client.send("POST", "/v1/partnermanager/events/requeue", Some(&partner), &Client::envelope(json!({})));
    assert_eq!(denied.status, 403);
    let requeued =
        app.client.send("POST", "/v1/partnermanager/events/requeue", Some(&admin()), &Client::envelope(json!({})));
    assert_eq!(requeued.ok().response()["requeued"], 1);
    let again = outbox::list(&mut c, outbox::PENDING, 0, 10).unwrap_or_default();
    assert_eq!(again.iter().map(|r| (r.event_id.as_str(), r.attempts)).collect::<Vec<_>>(), [("e-1", 0), ("e-2", 0)]);
    let audits = app.client.get("/v1/partnermanager/audits?eventId=PMS_PRT_290", Some(&admin())).ok();
    assert_eq!(audits.response()["totalRecord"], 1, "{}", audits.body);
}

api_tests!(a_shared_chain_is_read_without_a_token_twice_at_most, admins_list_parked_events_and_requeue_them);

fn republish_queues_the_current_state_and_is_audited(app: TestApp) {
    publish_a_policy(&app.client, "g-re", "p-re");
    let topics = |c: &mut DbConnection| -> Vec<String> {
        outbox::list(c, outbox::PENDING, 0, 100).unwrap_or_default().into_iter().map(|r| r.topic).collect()
    };
    assert_eq!(topics(&mut conn(&app)), ["POLICY_UPDATED"], "publishing the policy queued its event");

    let settings = web_support::testing::settings(&app.db, app.data_dir());
    let done = partner_service::republish::run(&settings, "operator-1").unwrap_or_else(|e| panic!("{e:#}"));
    assert_eq!((done.policies, done.partners, done.api_keys), (1, 0, 0));
    assert_eq!(topics(&mut conn(&app)), ["POLICY_UPDATED", "POLICY_UPDATED"]);
    let audits = app.client.get("/v1/partnermanager/audits?eventId=PMS_PRT_291", Some(&admin())).ok();
    assert_eq!(audits.response()["totalRecord"], 1, "{}", audits.body);
    assert_eq!(audits.response()["data"][0]["sessionUserId"], "operator-1");
}

api_tests!(republish_queues_the_current_state_and_is_audited);
