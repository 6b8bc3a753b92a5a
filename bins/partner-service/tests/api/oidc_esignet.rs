//! OIDC clients forwarded to eSignet (a stand-in: the recording HTTP server of websub-publisher's
//! tests, answering as eSignet does): the request shape and token, eSignet's refusal passed back,
//! eSignet down; nothing stored unless eSignet accepted.

use crate::helpers::{TestApp, spawn_with};
use crate::oidc_fixtures::*;
use crate::partner_fixtures::*;
use serde_json::json;
use websub_publisher::testing::{Mode, Received, TestHub};

const TOKEN: &str = "esignet-test-token";

/// eSignet's stand-in, accepting every request.
struct EsignetStub {
    hub: TestHub,
    url: String,
}

impl EsignetStub {
    fn start() -> EsignetStub {
        let hub = TestHub::start();
        let url = hub.url.trim_end_matches("/hub/").to_owned();
        let stub = EsignetStub { hub, url };
        stub.refuse_with(None);
        stub
    }

    /// Refuses what follows with eSignet's `code` (HTTP 200, `errors`); `None`: accepts.
    fn refuse_with(&self, code: Option<&str>) {
        let answer = match code {
            Some(code) => json!({"responseTime": "2026-12-05T00:00:00.000Z", "response": null,
                "errors": [{"errorCode": code, "errorMessage": format!("eSignet says {code}")}]}),
            None => json!({"responseTime": "2026-12-05T00:00:00.000Z", "response": {"status": "ACTIVE"}, "errors": []}),
        };
        self.hub.answer_body(&answer.to_string());
    }

    fn received(&self) -> Vec<(Received, serde_json::Value)> {
        self.hub
            .received()
            .into_iter()
            .map(|r| {
                let body = serde_json::from_str(&r.body).unwrap();
                (r, body)
            })
            .collect()
    }
}

fn forwarded_to(db: persistence::testing::TestDb, url: &str) -> TestApp {
    let url = url.to_owned();
    spawn_with(db, move |s| {
        s.service.esignet.url = Some(url);
        s.service.esignet.token = Some(TOKEN.into());
        s.service.esignet.timeout_secs = 5;
    })
}

/// Forwarded to eSignet at `url` with a token fetched from the Keycloak at `keycloak_url`.
fn forwarded_with_client_credentials(db: persistence::testing::TestDb, url: &str, keycloak_url: &str) -> TestApp {
    let (url, token_url) = (url.to_owned(), format!("{keycloak_url}token"));
    spawn_with(db, move |s| {
        s.service.esignet.url = Some(url);
        s.service.esignet.token_url = Some(token_url);
        s.service.esignet.client_id = Some("mosip-pms-client".into());
        s.service.esignet.client_secret = Some("pms-secret".to_owned().into());
    })
}

fn creates_and_updates_reach_esignet_in_mosips_shape(db: persistence::testing::TestDb) {
    let esignet = EsignetStub::start();
    let app = forwarded_to(db, &esignet.url);
    rp_world(&app);
    let me = partner_token("rp1");
    create(&app, &me, create_body("rp1", KEY_N)).ok();
    let path = format!("{OAUTH}/{KEY_CLIENT_ID}");
    put(&app.client, &path, &me, update_body("ACTIVE")).ok();
    let mut deprecated = create_body("rp1", OTHER_N);
    deprecated.as_object_mut().unwrap().remove("clientNameLangMap");
    post(&app.client, OIDC, &me, deprecated).ok();

    let got = esignet.received();
    assert_eq!(got.len(), 3);
    assert_eq!((got[0].0.method.as_str(), got[0].0.target.as_str()), ("POST", "/v1/esignet/client-mgmt/oauth-client"));
    assert_eq!(got[0].0.header("authorization"), Some(format!("Bearer {TOKEN}").as_str()));
    assert_eq!(got[0].0.header("cookie"), Some(format!("Authorization={TOKEN}").as_str()));
    let sent = &got[0].1;
    assert!(sent["requestTime"].as_str().is_some_and(|t| t.ends_with('Z') && t.len() == 24), "{sent}");
    let r = &sent["request"];
    assert_eq!((r["clientId"].as_str(), r["clientName"].as_str()), (Some(KEY_CLIENT_ID), Some("Health portal")));
    assert_eq!((r["relyingPartyId"].as_str(), r["publicKey"]["n"].as_str()), (Some("rp1"), Some(KEY_N)));
    assert_eq!(r["userClaims"], json!(["email", "name"]));
    assert_eq!(r["authContextRefs"], json!(["mosip:idp:acr:generated-code"]));
    assert_eq!(r["clientNameLangMap"], json!({"eng": "Health portal", "fra": "Portail santé"}));
    assert_eq!(r["redirectUris"], json!(["https://rp.example.org/callback"]));
    assert_eq!(
        (got[1].0.method.as_str(), got[1].0.target.clone()),
        ("PUT", format!("/v1/esignet/client-mgmt/oauth-client/{KEY_CLIENT_ID}"))
    );
    let u = &got[1].1["request"];
    assert_eq!((u["status"].as_str(), u["clientName"].as_str()), (Some("ACTIVE"), Some("Health portal 2")));
    assert_eq!(u["userClaims"], json!(["email", "name"]));
    assert_eq!(got[2].0.target, "/v1/esignet/client-mgmt/oidc-client");
    assert!(got[2].1["request"].get("clientNameLangMap").is_none());
    assert_eq!(stored_clients(&app), 2);
}

fn an_esignet_refusal_is_passed_back_and_nothing_is_stored(db: persistence::testing::TestDb) {
    let esignet = EsignetStub::start();
    let app = forwarded_to(db, &esignet.url);
    rp_world(&app);
    let me = partner_token("rp1");
    esignet.refuse_with(Some("invalid_redirect_uri"));
    let refused = create(&app, &me, create_body("rp1", KEY_N));
    assert_eq!(refused.error_code(), Some("invalid_redirect_uri"));
    assert_eq!(refused.body["errors"][0]["message"], "eSignet says invalid_redirect_uri");
    assert_eq!(stored_clients(&app), 0);
    assert!(events(&app, "OIDC_CLIENT_CREATED").is_empty());
    assert_eq!(audit_ids(&app, "Health portal"), ["PMS_PRT_302:invalid_redirect_uri"]);

    esignet.refuse_with(None);
    create(&app, &me, create_body("rp1", KEY_N)).ok();
    esignet.refuse_with(Some("invalid_client_id"));
    let path = format!("{OAUTH}/{KEY_CLIENT_ID}");
    assert_eq!(put(&app.client, &path, &me, update_body("INACTIVE")).error_code(), Some("invalid_client_id"));
    let read = app.client.get(&path, Some(&me)).ok();
    assert_eq!(read.response()["status"], "ACTIVE", "unchanged");
    assert!(events(&app, "OIDC_CLIENT_UPDATED").is_empty());
}

fn esignet_down_is_refused_and_nothing_is_stored(db: persistence::testing::TestDb) {
    let esignet = EsignetStub::start();
    let app = forwarded_to(db, &esignet.url);
    rp_world(&app);
    let me = partner_token("rp1");
    create(&app, &me, create_body("rp1", KEY_N)).ok();
    esignet.hub.set(Mode::Down);
    assert_eq!(create(&app, &me, create_body("rp1", OTHER_N)).error_code(), Some("PMS_KKS_001"));
    let path = format!("{OAUTH}/{KEY_CLIENT_ID}");
    assert_eq!(put(&app.client, &path, &me, update_body("INACTIVE")).error_code(), Some("PMS_PRT_500"));
    assert_eq!(stored_clients(&app), 1);
    assert_eq!(app.client.get(&path, Some(&me)).ok().response()["status"], "ACTIVE");
    assert_eq!(events(&app, "OIDC_CLIENT_CREATED").len(), 1);
    assert!(events(&app, "OIDC_CLIENT_UPDATED").is_empty());
}

fn esignet_is_called_with_a_client_credentials_token_fetched_once(db: persistence::testing::TestDb) {
    let (esignet, keycloak) = (EsignetStub::start(), TestHub::start());
    keycloak.answer_body(r#"{"access_token": "kc-esignet-1", "expires_in": 300, "token_type": "Bearer"}"#);
    let app = forwarded_with_client_credentials(db, &esignet.url, &keycloak.url);
    rp_world(&app);
    let me = partner_token("rp1");
    create(&app, &me, create_body("rp1", KEY_N)).ok();
    put(&app.client, &format!("{OAUTH}/{KEY_CLIENT_ID}"), &me, update_body("ACTIVE")).ok();
    let grants = keycloak.received();
    assert_eq!(grants.len(), 1, "the token is fetched once and kept");
    assert_eq!(grants[0].body, "grant_type=client_credentials&client_id=mosip-pms-client&client_secret=pms-secret");
    let sent = esignet.received();
    assert_eq!(sent.len(), 2);
    assert!(sent.iter().all(|(r, _)| r.header("authorization") == Some("Bearer kc-esignet-1")
        && r.header("cookie") == Some("Authorization=kc-esignet-1")));
}

fn a_token_endpoint_that_is_down_refuses_the_create_and_stores_nothing(db: persistence::testing::TestDb) {
    let (esignet, keycloak) = (EsignetStub::start(), TestHub::start());
    keycloak.set(Mode::Down);
    let app = forwarded_with_client_credentials(db, &esignet.url, &keycloak.url);
    rp_world(&app);
    assert_eq!(create(&app, &partner_token("rp1"), create_body("rp1", KEY_N)).error_code(), Some("PMS_KKS_001"));
    assert!(esignet.received().is_empty(), "nothing reaches eSignet without a token");
    assert_eq!(stored_clients(&app), 0);
}

persistence::both_backends!(
    esignet_is_called_with_a_client_credentials_token_fetched_once,
    a_token_endpoint_that_is_down_refuses_the_create_and_stores_nothing,
    creates_and_updates_reach_esignet_in_mosips_shape,
    an_esignet_refusal_is_passed_back_and_nothing_is_stored,
    esignet_down_is_refused_and_nothing_is_stored,
);
