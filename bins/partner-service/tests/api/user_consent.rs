//! MOSIP 1.2.2's portal consent (`POST`/`GET /users/user-consent`), each answer checked against
//! the document.

use web_support::openapi::conformance::Conformance;
use web_support::testing::token;

use crate::api_tests;
use crate::helpers::TestApp;
use crate::partner_fixtures::{audit_ids, register, world};

const CONSENT: &str = "/v1/partnermanager/users/user-consent";

fn a_partner_user_consents_once_and_reads_it_back(app: TestApp) {
    world(&app);
    register(&app, "cu", "Auth_Partner", Some("group one")).ok();
    let doc = Conformance::new(&partner_service::openapi::document());
    let tok = token("cu", &["AUTH_PARTNER"]);
    let ask = |method: &str, tok: &str| {
        let answer = app.client.send(method, CONSENT, Some(tok), &serde_json::json!({}));
        doc.check(method, CONSENT, &answer);
        answer
    };
    let before = ask("GET", &tok).ok();
    assert_eq!(before.body["id"], "mosip.pms.user.consent.get");
    assert_eq!(
        (before.response()["userId"].as_str(), before.response()["consentGiven"].as_bool()),
        (Some("cu"), Some(false))
    );
    assert_eq!(before.response()["consentGivenDateTime"], serde_json::Value::Null);
    let saved = ask("POST", &tok).ok();
    assert_eq!(
        (saved.body["id"].as_str(), saved.response()["consentGiven"].as_bool()),
        (Some("mosip.pms.user.consent.post"), Some(true))
    );
    let again = ask("POST", &tok).ok();
    assert_eq!(again.response()["consentGiven"], true, "a second consent updates the row");
    let after = ask("GET", &tok).ok();
    assert_eq!(after.response()["consentGiven"], true);
    assert!(after.response()["consentGivenDateTime"].as_str().is_some_and(|t| t.ends_with("+00:00")));
    assert!(audit_ids(&app, "NO_ID").contains(&"PMS_PRT_292".to_owned()), "the consent is audited");

    let stranger = token("nobody", &["AUTH_PARTNER"]);
    for method in ["POST", "GET"] {
        let refused = ask(method, &stranger);
        assert_eq!((refused.status, refused.error_code()), (200, Some("PMS_CERTIFICATE_ERROR_002")), "{method}");
    }
    assert_eq!(ask("GET", &token("cu", &["RESIDENT"])).status, 403);
}

api_tests!(a_partner_user_consents_once_and_reads_it_back);
