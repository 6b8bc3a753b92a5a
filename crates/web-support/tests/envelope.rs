//! Bad bodies become MOSIP errors: malformed JSON, wrong types, a missing `request` or a
//! malformed `requesttime` never give an empty 400.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests fail loudly")]

use actix_web::{App, HttpResponse, test, web};
use serde::Deserialize;
use serde_json::{Value, json};
use web_support::{ApiError, RequestEnvelope, ResponseEnvelope};

#[derive(Debug, Deserialize)]
struct Thing {
    name: Option<String>,
    count: Option<u32>,
}

async fn create(body: web::Json<RequestEnvelope<Thing>>) -> Result<HttpResponse, ApiError> {
    let thing = body.into_inner().into_request()?;
    Ok(HttpResponse::Ok().json(ResponseEnvelope::ok(json!({ "name": thing.name, "count": thing.count }))))
}

async fn post(raw: &str) -> (u16, Value) {
    let app =
        test::init_service(App::new().configure(web_support::extract::configure).route("/t", web::post().to(create)))
            .await;
    let req = test::TestRequest::post()
        .uri("/t")
        .insert_header(("Content-Type", "application/json"))
        .set_payload(raw.to_owned());
    let res = test::call_service(&app, req.to_request()).await;
    let status = res.status().as_u16();
    (status, test::read_body_json(res).await)
}

fn first(body: &Value) -> (&str, &str) {
    (body["errors"][0]["errorCode"].as_str().unwrap_or(""), body["errors"][0]["message"].as_str().unwrap_or(""))
}

#[actix_web::test]
async fn a_good_envelope_is_answered_in_an_envelope() {
    let (status, body) =
        post(r#"{"id":"x","requesttime":"2024-01-01T00:00:00.000Z","request":{"name":"n","count":2}}"#).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["response"], json!({"name": "n", "count": 2}));
    assert_eq!(body["errors"], json!([]));
    assert!(body.get("metadata").is_some_and(Value::is_null));
    assert!(body["responsetime"].as_str().is_some_and(|t| t.ends_with('Z') && t.len() == 24));
}

#[actix_web::test]
async fn malformed_json_is_pms_cor_001() {
    for raw in ["{", "", "not json", r#"{"request": {"name": 5}}"#, r#"{"request": {"count": -1}}"#] {
        let (status, body) = post(raw).await;
        assert_eq!(status, 400, "{raw:?} → {body}");
        assert_eq!(first(&body).0, "PMS_COR_001", "{raw:?} → {body}");
        assert!(body["response"].is_null());
    }
}

#[actix_web::test]
async fn a_missing_request_is_named() {
    for raw in [r#"{"id":"x"}"#, r#"{"request": null}"#] {
        let (status, body) = post(raw).await;
        assert_eq!(status, 200, "MOSIP answers validation errors with HTTP 200");
        assert_eq!(first(&body), ("PMS_COR_001", "Invalid request parameter - must not be null :request"));
    }
}

#[actix_web::test]
async fn a_malformed_requesttime_is_refused() {
    let (_, body) = post(r#"{"requesttime":"yesterday","request":{}}"#).await;
    assert_eq!(first(&body).0, "PMS_COR_001");
    assert!(first(&body).1.ends_with(":requesttime"), "{body}");
}

#[actix_web::test]
async fn an_empty_requesttime_is_no_requesttime() {
    let (status, body) = post(r#"{"requesttime":"","request":{"name":"n"}}"#).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["errors"], json!([]), "{body}");
}
