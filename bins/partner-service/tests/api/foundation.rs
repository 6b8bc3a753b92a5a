use audit_events::{AuditContext, AuditEvent, AuditRecord};
use persistence::{DbPool, PoolOptions, repo};
use serde_json::json;
use web_support::testing::token;

use crate::api_tests;
use crate::helpers::{TestApp, admin};

fn health_reports_the_database(app: TestApp) {
    let a = app.client.get("/v1/partnermanager/actuator/health", None);
    assert_eq!(a.status, 200, "{}", a.body);
    assert_eq!(a.body["status"], "UP");
    let db = a.body["components"]["db"]["details"]["database"].as_str().unwrap_or("");
    assert!(db == "SQLite" || db == "PostgreSQL", "{}", a.body);
    assert_eq!(app.client.get("/v1/policymanager/actuator/health", None).status, 200);
    assert!(a.header("x-request-id").is_some_and(|v| !v.is_empty()), "{:?}", a.headers);
}

fn unknown_paths_get_an_envelope(app: TestApp) {
    let a = app.client.get("/v1/partnermanager/no/such/thing", Some(&admin()));
    assert_eq!(a.status, 404);
    assert_eq!(a.error_code(), Some("PMS_COR_404"));
}

fn write_audit(app: &TestApp, event: AuditEvent, user: &str, ref_id: Option<&str>, secs: i64) {
    let pool = DbPool::open(&app.db.url, &PoolOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    let mut conn = pool.get().unwrap_or_else(|e| panic!("{e}"));
    let ctx = AuditContext {
        session_user_id: user.into(),
        session_user_name: user.into(),
        host_name: "h".into(),
        host_ip: "127.0.0.1".into(),
        application_id: "10002".into(),
        application_name: "Partner management portal".into(),
        request_id: None,
    };
    let at = chrono::DateTime::from_timestamp(1_700_000_000 + secs, 0).map(|d| d.naive_utc()).unwrap_or_default();
    repo::audit::insert(&mut conn, &[AuditRecord::new(event, &ctx, ref_id, at)]).unwrap_or_else(|e| panic!("{e}"));
}

fn the_audit_log_is_for_admins_newest_first(app: TestApp) {
    write_audit(&app, AuditEvent::CreatePolicyGroup, "pm1", None, 0);
    write_audit(&app, AuditEvent::UpdatePolicyGroupSuccess, "pm1", Some("g-1"), 10);
    write_audit(&app, AuditEvent::RegisterPartner, "p2", None, 20);
    let c = &app.client;
    assert_eq!(c.get("/v1/partnermanager/audits", None).status, 401);
    let partner = token("p2", &["AUTH_PARTNER"]);
    let a = c.get("/v1/partnermanager/audits", Some(&partner));
    assert_eq!((a.status, a.error_code()), (403, Some("KER-ATH-403")));

    let all = c.get("/v1/partnermanager/audits", Some(&admin())).ok();
    let page = all.response();
    assert_eq!(page["totalRecord"], 3);
    let ids: Vec<&str> = page["data"].as_array().into_iter().flatten().filter_map(|r| r["eventId"].as_str()).collect();
    assert_eq!(ids, ["PMS_PRT_101", "PMS_PRT_256", "PMS_PRT_115"]);

    let by_user = c.get("/v1/partnermanager/audits?userId=pm1&pageFetch=1", Some(&admin())).ok();
    assert_eq!(by_user.response()["totalRecord"], 2);
    assert_eq!(by_user.response()["data"].as_array().map(Vec::len), Some(1));
    assert_eq!(by_user.response()["data"][0]["eventId"], "PMS_PRT_256");
    let second = c.get("/v1/partnermanager/audits?userId=pm1&pageFetch=1&pageStart=1", Some(&admin())).ok();
    assert_eq!(second.response()["data"][0]["eventId"], "PMS_PRT_115");
    assert_eq!(second.response()["fromRecord"], 2);

    let far = c.get(&format!("/v1/partnermanager/audits?pageStart={}&pageFetch=500", i64::MAX), Some(&admin())).ok();
    assert_eq!(far.response()["data"], serde_json::Value::Null, "a page past any end is empty");

    let by_ref = c.get("/v1/partnermanager/audits?refId=g-1", Some(&admin())).ok();
    assert_eq!(by_ref.response()["data"][0]["idType"], "Policy Group ID");
    let by_event = c.get("/v1/partnermanager/audits?eventId=PMS_PRT_101", Some(&admin())).ok();
    assert_eq!(by_event.response()["totalRecord"], 1);
    let window = "/v1/partnermanager/audits?fromTime=2023-11-14T22:13:25.000Z&toTime=2023-11-14T22:13:35.000Z";
    let by_time = c.get(window, Some(&admin())).ok();
    assert_eq!(by_time.response()["totalRecord"], 1, "{}", by_time.body);
    let nothing = c.get("/v1/partnermanager/audits?eventId=PMS_PRT_999", Some(&admin())).ok();
    assert_eq!(nothing.response(), &json!({"fromRecord": 0, "toRecord": 0, "totalRecord": 0, "data": null}));

    let bad = c.get("/v1/partnermanager/audits?fromTime=yesterday", Some(&admin()));
    assert_eq!(bad.error_code(), Some("PMS_COR_001"));
    let bad = c.get("/v1/partnermanager/audits?pageFetch=0", Some(&admin()));
    assert_eq!(bad.error_code(), Some("PMS-MSD-313"));
    let bad = c.get("/v1/partnermanager/audits?pageFetch=abc", Some(&admin()));
    assert_eq!((bad.status, bad.error_code()), (400, Some("PMS_COR_001")));
}

fn metrics_are_labelled_by_route_template(app: TestApp) {
    let c = &app.client;
    c.get("/v1/partnermanager/actuator/health", None);
    c.get("/v1/partnermanager/secret-partner-id-42/whatever", None);
    let a = c.get("/v1/partnermanager/actuator/prometheus", None);
    assert_eq!(a.status, 200);
    let text = a.body.as_str().unwrap_or_default();
    assert!(
        text.lines().any(|l| l.starts_with("http_server_requests_total{")
            && l.contains(r#"route="/v1/partnermanager/actuator/health""#)
            && l.contains(r#"status="200""#)),
        "{text}"
    );
    assert!(text.contains("http_server_request_duration_seconds_bucket{"), "histograms, not summaries");
    assert!(text.contains(r#"route="unmatched""#));
    assert!(!text.contains("secret-partner-id-42"), "no ids in labels");
    assert!(text.contains("db_pool_connections "));
    assert!(text.contains("db_pool_wait_seconds_bucket"));
}

api_tests!(
    metrics_are_labelled_by_route_template,
    health_reports_the_database,
    unknown_paths_get_an_envelope,
    the_audit_log_is_for_admins_newest_first
);
