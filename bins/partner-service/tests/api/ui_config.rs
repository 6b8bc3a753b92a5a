//! MOSIP 1.2.2's portal configuration reads (`GET /roles`, `GET /system-config`), from `[ui]`.

use web_support::openapi::conformance::Conformance;
use web_support::testing::token;

use crate::api_tests;
use crate::helpers::{TestApp, spawn_with};

const ROLES: &str = "/v1/partnermanager/roles";
const CONFIG: &str = "/v1/partnermanager/system-config";

fn the_portal_reads_mosips_defaults(app: TestApp) {
    let doc = Conformance::new(&partner_service::openapi::document());
    let tok = token("someone", &["AUTH_PARTNER"]);
    let roles = app.client.get(ROLES, Some(&tok));
    doc.check("GET", ROLES, &roles);
    let roles = roles.ok();
    assert_eq!(roles.response()["roles"], serde_json::json!(["MISP_PARTNER"]));
    let config = app.client.get(CONFIG, Some(&tok));
    doc.check("GET", CONFIG, &config);
    let config = config.ok();
    assert_eq!(config.body["id"], "mosip.pms.configs.get");
    let r = config.response();
    assert_eq!((r["inActivityTimer"].as_str(), r["itemsPerPage"].as_str()), (Some("25"), Some("8")));
    assert_eq!(
        (r["grantTypes"].as_str(), r["isOidcClientAvailable"].as_str()),
        (Some("authorization_code"), Some("true"))
    );
    assert_eq!(app.client.get(CONFIG, None).status, 401);
    assert_eq!(app.client.get(ROLES, None).status, 401);
}

fn the_ui_section_changes_the_answers(db: persistence::testing::TestDb) {
    let app = spawn_with(db, |s| {
        s.service.ui.required_roles = vec!["PARTNER".into(), "AUTH_PARTNER".into()];
        s.service.ui.items_per_page = 20;
    });
    let tok = token("someone", &["RESIDENT"]);
    let roles = app.client.get(ROLES, Some(&tok)).ok();
    assert_eq!(roles.response()["roles"], serde_json::json!(["PARTNER", "AUTH_PARTNER"]));
    let config = app.client.get(CONFIG, Some(&tok)).ok();
    assert_eq!(config.response()["itemsPerPage"], "20");
}

api_tests!(the_portal_reads_mosips_defaults);
persistence::both_backends!(the_ui_section_changes_the_answers);
