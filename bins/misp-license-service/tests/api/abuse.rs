//! Abuse limits over HTTP on this service too (the middleware is web-support's): body size, JSON
//! depth, security headers, no internals in refusals.

use crate::api_tests;
use crate::helpers::{MISPS, TestApp, admin};

fn post_raw(app: &TestApp, body: String) -> (u16, serde_json::Value) {
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
    let mut res = agent
        .post(app.client.url(MISPS))
        .header("Content-Type", "application/json")
        .header("Authorization", &format!("Bearer {}", admin()))
        .send(body.as_bytes())
        .unwrap_or_else(|e| panic!("transport: {e}"));
    let text = res.body_mut().read_to_string().unwrap_or_default();
    (res.status().as_u16(), serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}")))
}

fn limits_and_headers_hold_here_too(app: TestApp) {
    let (status, body) = post_raw(&app, format!(r#"{{"request":{{"name":"{}"}}}}"#, "n".repeat(1024 * 1024)));
    assert_eq!((status, body["errors"][0]["errorCode"].as_str()), (413, Some("PMS_COR_001")), "{body}");
    let (status, body) =
        post_raw(&app, format!(r#"{{"request":{}{}}}"#, "{\"a\":".repeat(40), "1".to_owned() + &"}".repeat(40)));
    assert_eq!((status, body["errors"][0]["errorCode"].as_str()), (400, Some("PMS_COR_001")), "{body}");
    let (_, body) = post_raw(&app, r#"{"request": {"name": 7}"#.to_owned());
    let text = body.to_string().to_lowercase();
    assert!(!text.contains("diesel") && !text.contains("sql") && !text.contains("panicked"), "{text}");

    let a = app.client.get(MISPS, Some(&admin()));
    assert_eq!(a.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(a.header("cache-control"), Some("no-store"));
    assert_eq!(a.header("x-frame-options"), Some("DENY"));
    assert_eq!(a.header("referrer-policy"), Some("no-referrer"));
}

api_tests!(limits_and_headers_hold_here_too);
