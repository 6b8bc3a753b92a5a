//! MOSIP 1.2.2's list of the caller's own partners (`GET /partners/v3`), each answer checked
//! against the document.

use diesel::prelude::*;
use persistence::schema::partner;
use web_support::openapi::conformance::Conformance;
use web_support::testing::{Answer, token};

use crate::api_tests;
use crate::helpers::TestApp;
use crate::partner_fixtures::{active_partner, admin, audit_ids, conn, group, register, world};

const V3: &str = "/v1/partnermanager/partners/v3";

fn ids(a: &Answer) -> Vec<&str> {
    a.response().as_array().into_iter().flatten().filter_map(|p| p["partnerId"].as_str()).collect()
}

fn a_user_lists_its_own_partners(app: TestApp) {
    world(&app);
    let doc = Conformance::new(&partner_service::openapi::document());
    let list = |user: &str, query: &str| {
        let answer = app.client.get(&format!("{V3}{query}"), Some(&token(user, &["AUTH_PARTNER"])));
        doc.check("GET", V3, &answer);
        answer
    };
    active_partner(&app, "va");
    register(&app, "vb", "SDK_Partner", None).ok();
    register(&app, "vc", "Auth_Partner", Some("group two")).ok();
    register(&app, "other", "Auth_Partner", Some("group one")).ok();
    diesel::update(partner::table.filter(partner::id.eq_any(["vb", "vc"])))
        .set(partner::user_id.eq("va"))
        .execute(&mut conn(&app))
        .unwrap();

    let approved = list("va", "?status=approved").ok();
    assert_eq!(approved.body["id"], "mosip.pms.partners.v3.get");
    assert_eq!(ids(&approved), ["va"]);
    assert_eq!(approved.response()[0]["policyGroupName"], serde_json::Value::Null, "no group unless asked");
    let waiting = list("va", "?status=InProgress").ok();
    assert_eq!(ids(&waiting), ["vb", "vc"]);
    let grouped = list("va", "?status=InProgress&policyGroupAvailable=true").ok();
    assert_eq!(ids(&grouped), ["vc"]);
    let group = &grouped.response()[0];
    assert_eq!(
        (group["partnerType"].as_str(), group["policyGroupName"].as_str(), group["policyGroupDescription"].as_str()),
        (Some("Auth_Partner"), Some("group two"), Some("test group"))
    );
    assert_eq!(group["policyGroupId"], "g2");
    assert_eq!(ids(&list("va", "?status=InProgress&policyGroupAvailable=false").ok()), ["vb"]);
    assert_eq!(ids(&list("va", "?status=InProgress&partnerType=SDK_Partner").ok()), ["vb"]);
    assert!(ids(&list("va", "?status=APPROVED").ok()).is_empty(), "the status is compared exactly");

    assert!(audit_ids(&app, "NO_ID").contains(&"PMS_PRT_249".to_owned()), "audited as a partner list");
    let stranger = list("nobody", "?status=approved");
    assert_eq!((stranger.status, stranger.error_code()), (200, Some("PMS_CERTIFICATE_ERROR_002")));
    assert!(audit_ids(&app, "NO_ID").contains(&"PMS_PRT_421:PMS_CERTIFICATE_ERROR_002".to_owned()));
    assert_eq!(stranger.body["id"], "mosip.pms.partners.v3.get");
    let no_status = app.client.get(V3, Some(&token("va", &["AUTH_PARTNER"])));
    assert_eq!((no_status.status, no_status.error_code()), (400, Some("PMS_COR_001")));
    let resident = app.client.get(&format!("{V3}?status=approved"), Some(&token("va", &["RESIDENT"])));
    assert_eq!(doc.check("GET", V3, &resident).status, 403);
    let as_admin = app.client.get(&format!("{V3}?status=approved"), Some(&admin()));
    assert_eq!(as_admin.error_code(), Some("PMS_CERTIFICATE_ERROR_002"), "an admin's own partners only");
}

fn a_nameless_policy_group_is_refused(app: TestApp) {
    world(&app);
    group(&app, "g-blank", "", true);
    register(&app, "vd", "Auth_Partner", Some("group one")).ok();
    diesel::update(partner::table.find("vd"))
        .set(partner::policy_group_id.eq("g-blank"))
        .execute(&mut conn(&app))
        .unwrap();
    let tok = token("vd", &["AUTH_PARTNER"]);
    let refused = app.client.get(&format!("{V3}?status=InProgress&policyGroupAvailable=true"), Some(&tok));
    assert_eq!((refused.status, refused.error_code()), (200, Some("PMS_POLICY_ERROR_001")));
    let plain = app.client.get(&format!("{V3}?status=InProgress"), Some(&tok)).ok();
    assert_eq!(ids(&plain), ["vd"]);
}

api_tests!(a_user_lists_its_own_partners, a_nameless_policy_group_is_refused);
