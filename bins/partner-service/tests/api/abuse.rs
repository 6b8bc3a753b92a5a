//! Abuse limits over HTTP: body size (with and without `Content-Length`), JSON depth, field
//! length, the portal's form and multipart limits, security headers, and no internals (SQL,
//! diesel, panics) in any answer, even when the store fails.

use diesel::RunQueryDsl;
use web_support::testing::{Answer, token};

use crate::api_tests;
use crate::helpers::{TestApp, admin, spawn_with};

const PARTNERS: &str = "/v1/partnermanager/partners";

/// Sends `body` with `content_type` (and a session cookie when `cookie` is given); answers the
/// status, the content type and the body as text.
pub(crate) fn raw(
    app: &TestApp,
    path: &str,
    content_type: &str,
    cookie: Option<&str>,
    body: Vec<u8>,
) -> (u16, String, String) {
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
    let mut req = agent.post(app.client.url(path)).header("Content-Type", content_type);
    if let Some(c) = cookie {
        req = req.header("Cookie", c);
    }
    let mut res = req.send(&body[..]).unwrap_or_else(|e| panic!("transport: {e}"));
    let ct = res.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    (res.status().as_u16(), ct, res.body_mut().read_to_string().unwrap_or_default())
}

fn code(body: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"));
    v["errors"][0]["errorCode"].as_str().unwrap_or("").to_owned()
}

/// Words that would betray internals in an answer.
const LEAKS: [&str; 12] = [
    "diesel",
    "sql",
    "select ",
    "insert ",
    "no such table",
    "relation",
    "panicked",
    "stack",
    "backtrace",
    "src/",
    ".rs:",
    "r2d2",
];

fn assert_no_leak(what: &str, body: &str) {
    let lower = body.to_lowercase();
    for word in LEAKS {
        assert!(!lower.contains(word), "{what} leaks {word:?}: {body}");
    }
}

fn bodies_over_the_limit_or_too_deep_get_the_envelope(app: TestApp) {
    let big = format!(r#"{{"request":{{"partnerId":"{}"}}}}"#, "x".repeat(1024 * 1024));
    let (status, ct, body) = raw(&app, PARTNERS, "application/json", None, big.into_bytes());
    assert_eq!((status, ct.as_str(), code(&body).as_str()), (413, "application/json", "PMS_COR_001"), "{body}");
    assert!(body.contains("larger than 1048576 bytes"), "{body}");
    let chunked = format!(r#"{{"request":{{"partnerId":"{}"}}}}"#, "y".repeat(1024 * 1024));
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
    let mut reader = std::io::Cursor::new(chunked.into_bytes());
    let mut res = agent
        .post(app.client.url(PARTNERS))
        .header("Content-Type", "application/json")
        .send(ureq::SendBody::from_reader(&mut reader))
        .unwrap_or_else(|e| panic!("transport: {e}"));
    let body = res.body_mut().read_to_string().unwrap_or_default();
    assert_eq!((res.status().as_u16(), code(&body).as_str()), (413, "PMS_COR_001"), "chunked, no length: {body}");

    let deep = format!(r#"{{"request":{}1{}}}"#, "[".repeat(40), "]".repeat(40));
    let (status, _, body) = raw(&app, PARTNERS, "application/json", None, deep.into_bytes());
    assert_eq!((status, code(&body).as_str()), (400, "PMS_COR_001"), "{body}");
    assert!(body.contains("nests deeper than 32 levels"), "{body}");

    // a field too long is a business error naming the field
    let long_id = serde_json::json!({"partnerId": "p".repeat(5000), "organizationName": "Org", "emailId": "a@b.example",
        "partnerType": "Auth_Partner", "policyGroup": "g", "contactNumber": "123", "address": "a", "langCode": "eng"});
    let a = app.client.send(
        "POST",
        "/v1/partnermanager/onboarding/otp",
        None,
        &web_support::testing::Client::envelope(long_id),
    );
    assert_eq!((a.status, a.error_code()), (200, Some("PMS_PRT_052")), "{}", a.body);

    // the portal's forms: urlencoded over actix's limit, multipart over the portal's
    let form = format!("userName=a&password={}", "p".repeat(300 * 1024));
    let (status, ct, body) = raw(&app, "/portal/login", "application/x-www-form-urlencoded", None, form.into_bytes());
    assert_eq!((status, ct.as_str(), code(&body).as_str()), (413, "application/json", "PMS_COR_001"), "{body}");
    let boundary = "XyZ";
    let upload = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"certificate\"; filename=\"c.pem\"\r\n\r\n{}\r\n--{boundary}--\r\n",
        "A".repeat(300 * 1024)
    );
    let cookie = format!("Authorization={}", token("somepartner", &["AUTH_PARTNER"]));
    let ct = format!("multipart/form-data; boundary={boundary}");
    let (status, _, body) = raw(&app, "/portal/certificates", &ct, Some(&cookie), upload.into_bytes());
    assert_eq!(status, 413, "{body}");
    assert!(body.contains("larger than 256 KiB"), "{body}");
}

fn api_answers_carry_the_security_headers(app: TestApp) {
    let a = app.client.get(PARTNERS, Some(&admin()));
    assert_eq!(a.status, 200);
    for (name, value) in [
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
        ("referrer-policy", "no-referrer"),
        ("cache-control", "no-store"),
        ("content-security-policy", "default-src 'none'; frame-ancestors 'none'"),
    ] {
        assert_eq!(a.header(name), Some(value), "{name}");
    }
    assert_eq!(a.header("strict-transport-security"), None, "HSTS only when configured");
    let refused: Answer = app.client.get(PARTNERS, None);
    assert_eq!((refused.status, refused.header("x-content-type-options")), (401, Some("nosniff")));
    let portal = app.client.get("/portal/", None);
    let csp = portal.header("content-security-policy").unwrap_or("");
    assert!(csp.contains("form-action 'self'"), "the portal keeps its own policy: {csp}");
}

fn hsts_is_sent_when_configured(db: persistence::testing::TestDb) {
    let app = spawn_with(db, |s| s.server.hsts_max_age_secs = 31_536_000);
    let a = app.client.get("/v1/partnermanager/actuator/health", None);
    assert_eq!(a.header("strict-transport-security"), Some("max-age=31536000; includeSubDomains"));
}

fn answers_never_show_sql_or_internals(app: TestApp) {
    let c = &app.client;
    let tries: Vec<(&str, Answer)> = vec![
        ("malformed JSON", c.send_raw("POST", PARTNERS, Some(&admin()), r#"{"request": {"partnerId": "#)),
        ("wrong shape", c.send_raw("POST", PARTNERS, Some(&admin()), r#"{"request": {"partnerId": 1}}"#)),
        ("quote in a path", c.get("/v1/partnermanager/partners/x'%20OR%20'1'='1", Some(&admin()))),
        ("bad paging", c.get("/v1/partnermanager/partners/v2?pageNo=-1&pageSize=abc", Some(&admin()))),
        ("bad token", c.get(PARTNERS, Some("not.a.jwt"))),
    ];
    for (what, a) in &tries {
        assert!(a.status < 500, "{what}: {} {}", a.status, a.body);
        assert_no_leak(what, &a.body.to_string());
    }

    // the store fails: the table a read needs is gone
    let mut conn = persistence::DbPool::open(&app.db.url, &Default::default()).unwrap().get().unwrap();
    diesel::sql_query("ALTER TABLE policy_group RENAME TO policy_group_gone").execute(&mut conn).unwrap();
    let a = c.get("/v1/policymanager/policies/group/all", Some(&admin()));
    assert_eq!((a.status, a.error_code()), (500, Some("PMS_COR_003")), "{}", a.body);
    assert_no_leak("a failed query", &a.body.to_string());
}

api_tests!(
    bodies_over_the_limit_or_too_deep_get_the_envelope,
    api_answers_carry_the_security_headers,
    answers_never_show_sql_or_internals
);
persistence::both_backends!(hsts_is_sent_when_configured);
