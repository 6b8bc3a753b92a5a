//! Token checks: 401 for missing, malformed, expired, wrongly signed or unknown-key tokens;
//! 403 for a valid token without the role; bearer header and `Authorization` cookie both work.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests fail loudly")]

use std::io::{Read, Write};
use std::net::TcpListener;

use actix_web::{App, HttpResponse, test, web};
use jsonwebtoken::{Algorithm, EncodingKey, Header, encode};
use secrecy::SecretString;
use serde_json::{Value, json};
use web_support::auth::{Claims, JwtVerifier, RealmAccess, mint_hs256};
use web_support::settings::AuthSettings;
use web_support::{ApiError, Principal};

const SECRET: &str = "auth-test-secret-0123456789abcdef";

async fn guarded(p: Principal) -> Result<HttpResponse, ApiError> {
    p.require_any(&["PARTNER_ADMIN", "POLICYMANAGER"])?;
    Ok(HttpResponse::Ok().json(json!({ "user": p.user_id, "admin": p.is_admin })))
}

fn claims(user: &str, roles: &[&str], exp_offset: i64) -> Claims {
    let now = chrono::Utc::now().timestamp();
    Claims {
        sub: Some(format!("uuid-of-{user}")),
        preferred_username: Some(user.to_owned()),
        realm_access: Some(RealmAccess { roles: roles.iter().map(|r| (*r).to_owned()).collect() }),
        iat: now,
        exp: now + exp_offset,
        ..Claims::default()
    }
}

fn hs256(secret: &str, c: &Claims) -> String {
    encode(&Header::new(Algorithm::HS256), c, &EncodingKey::from_secret(secret.as_bytes())).unwrap_or_default()
}

fn rs256(kid: &str, c: &Claims) -> String {
    let pem = include_bytes!("fixtures/rsa-test-key.pem");
    let key = EncodingKey::from_rsa_pem(pem).unwrap_or_else(|e| panic!("{e}"));
    let mut header = Header::new(Algorithm::RS256);
    header.kid = Some(kid.to_owned());
    encode(&header, c, &key).unwrap_or_default()
}

/// Serves the fixture JWKS on a local port; returns its URL.
fn jwks_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("{e}"));
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(0);
    std::thread::spawn(move || {
        let body = include_str!("fixtures/jwks.json");
        for stream in listener.incoming().flatten() {
            let mut stream = stream;
            let mut buf = [0u8; 4096];
            let _ = stream.read(&mut buf);
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    format!("http://127.0.0.1:{port}/realms/mosip/protocol/openid-connect/certs")
}

async fn call(verifier: JwtVerifier, token: Option<&str>, cookie: bool) -> (u16, Value) {
    let app =
        test::init_service(App::new().app_data(web::Data::new(verifier)).route("/x", web::get().to(guarded))).await;
    let mut req = test::TestRequest::get().uri("/x");
    if let Some(t) = token {
        req = if cookie {
            req.cookie(actix_web::cookie::Cookie::new("Authorization", t.to_owned()))
        } else {
            req.insert_header(("Authorization", format!("Bearer {t}")))
        };
    }
    let res = test::call_service(&app, req.to_request()).await;
    let status = res.status().as_u16();
    let body: Value = test::read_body_json(res).await;
    (status, body)
}

fn hs_verifier() -> JwtVerifier {
    JwtVerifier::new(&AuthSettings::default(), Some(&SecretString::from(SECRET)))
}

fn code(body: &Value) -> &str {
    body["errors"][0]["errorCode"].as_str().unwrap_or("")
}

#[actix_web::test]
async fn valid_tokens_pass_in_header_and_cookie() {
    let t = hs256(SECRET, &claims("partner-1", &["PARTNER_ADMIN"], 600));
    let (status, body) = call(hs_verifier(), Some(&t), false).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["user"], "partner-1", "the user is preferred_username, not sub");
    assert_eq!(body["admin"], true);
    let (status, _) = call(hs_verifier(), Some(&t), true).await;
    assert_eq!(status, 200);
    let minted =
        mint_hs256(&SecretString::from(SECRET), "pm", &["POLICYMANAGER".to_owned()], None, 60).unwrap_or_default();
    let (status, body) = call(hs_verifier(), Some(&minted), false).await;
    assert_eq!((status, body["admin"].as_bool()), (200, Some(false)));
}

#[actix_web::test]
async fn missing_bad_expired_and_forged_tokens_are_401() {
    let expired = hs256(SECRET, &claims("p", &["PARTNER_ADMIN"], -3600));
    let forged = hs256("another-secret-0123456789abcdef", &claims("p", &["PARTNER_ADMIN"], 600));
    // the claims of a real token under an `alg: none` header, without a signature
    let payload = forged.split('.').nth(1).unwrap_or_default();
    let unsigned = format!("eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.{payload}.");
    for token in [None, Some("anyRandomString"), Some(expired.as_str()), Some(forged.as_str()), Some(unsigned.as_str())]
    {
        let (status, body) = call(hs_verifier(), token, false).await;
        assert_eq!(status, 401, "{token:?} → {body}");
        assert_eq!(code(&body), "KER-ATH-401");
        assert!(body["response"].is_null());
    }
}

#[actix_web::test]
async fn a_valid_token_without_the_role_is_403() {
    let t = hs256(SECRET, &claims("p", &["AUTH_PARTNER"], 600));
    let (status, body) = call(hs_verifier(), Some(&t), false).await;
    assert_eq!(status, 403, "{body}");
    assert_eq!(code(&body), "KER-ATH-403");
}

#[actix_web::test]
async fn rs256_tokens_verify_against_the_jwks() {
    let settings = AuthSettings { jwks_url: Some(jwks_server()), ..AuthSettings::default() };
    let good = rs256("test-key-1", &claims("kc-user", &["POLICYMANAGER"], 600));
    let (status, body) = call(JwtVerifier::new(&settings, None), Some(&good), false).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["user"], "kc-user");
    let unknown_kid = rs256("rotated-away", &claims("kc-user", &["POLICYMANAGER"], 600));
    let (status, _) = call(JwtVerifier::new(&settings, None), Some(&unknown_kid), false).await;
    assert_eq!(status, 401);
    // with only a JWKS configured, HS256 tokens are refused
    let hs = hs256(SECRET, &claims("p", &["POLICYMANAGER"], 600));
    let (status, _) = call(JwtVerifier::new(&settings, None), Some(&hs), false).await;
    assert_eq!(status, 401);
    // an issuer requirement is enforced
    let strict = AuthSettings { issuer: Some("https://keycloak/realms/mosip".into()), ..settings };
    let (status, _) = call(JwtVerifier::new(&strict, None), Some(&good), false).await;
    assert_eq!(status, 401);
}
