//! What a partner may do without the admin role: register itself only, and touch only its own
//! partner.

use serde_json::json;
use web_support::testing::token;

use super::PARTNERS;
use crate::api_tests;
use crate::helpers::TestApp;
use crate::partner_fixtures::*;

fn partners_register_themselves_only(app: TestApp) {
    world(&app);
    let c = &app.client;
    let req = |id: &str, email: &str| {
        json!({
            "partnerId": id, "organizationName": "o", "address": "a", "contactNumber": "1",
            "emailId": email, "partnerType": "Auth_Partner", "policyGroup": "group one"
        })
    };
    assert_eq!(
        c.send("POST", PARTNERS, None, &web_support::testing::Client::envelope(req("x", "x@gmail.com"))).status,
        401
    );
    // any authenticated user may register, but only under its own id
    let me = token("self-1", &["SOME_ROLE"]);
    let other = post(c, PARTNERS, &me, req("someone-else", "se@gmail.com"));
    assert_eq!((other.status, other.error_code()), (403, Some("KER-ATH-403")));
    post(c, PARTNERS, &me, req("self-1", "self1@gmail.com")).ok();
    // a caller whose token e-mail already belongs to a partner cannot register another one
    let secret = web_support::testing::TEST_SECRET.to_owned();
    let mailed = web_support::auth::mint_hs256(
        &secret.into(),
        "partner-admin",
        &["PARTNER_ADMIN".to_owned()],
        Some("self1@gmail.com"),
        600,
    )
    .unwrap();
    assert_eq!(post(c, PARTNERS, &mailed, req("self-2", "self2@gmail.com")).error_code(), Some("PMS_PRT_055"));
}

fn non_admins_touch_only_their_own_partner(app: TestApp) {
    world(&app);
    active_partner(&app, "mine");
    active_partner(&app, "theirs");
    let c = &app.client;
    let me = token(
        "mine",
        &["AUTH_PARTNER", "CREDENTIAL_PARTNER", "PARTNER", "PARTNERMANAGER", "ONLINE_VERIFICATION_PARTNER"],
    );
    let forbidden = |a: web_support::testing::Answer, what: &str| {
        assert_eq!((a.status, a.error_code()), (403, Some("KER-ATH-403")), "{what}: {}", a.body);
    };
    let t = "/v1/partnermanager/partners/theirs";
    forbidden(c.get(t, Some(&me)), "P4");
    forbidden(put(c, t, &me, json!({"address": "a", "contactNumber": "1"})), "P5");
    forbidden(
        put(c, "/v1/partnermanager/partners/v2/theirs", &me, json!({"address": "a", "contactNumber": "1"})),
        "P6",
    );
    forbidden(
        post(
            c,
            &format!("{t}/contact/add"),
            &me,
            json!({"address": "a", "contactNumber": "1", "emailId": "a@b.org", "is_Active": true}),
        ),
        "P7",
    );
    forbidden(c.send("PUT", &format!("{t}/policygroup/group%20two"), Some(&me), &json!({})), "P8");
    forbidden(
        post(c, &format!("{t}/policy/map"), &me, json!({"policyName": "auth policy", "useCaseDescription": "x"})),
        "P12",
    );
    forbidden(
        patch(c, &format!("{t}/generate/apikey"), &me, json!({"policyName": "auth policy", "label": "l"})),
        "P13",
    );
    forbidden(c.get(&format!("{t}/apikey/request"), Some(&me)), "P14");
    forbidden(post(c, &format!("{t}/bioextractors/p-auth"), &me, json!({"extractors": []})), "P15");
    forbidden(c.get(&format!("{t}/bioextractors/p-auth"), Some(&me)), "P16");
    forbidden(c.send("POST", &format!("{t}/credentialtype/auth/policies/auth%20policy"), Some(&me), &json!({})), "P17");
    forbidden(c.get(&format!("{t}/credentialtype/auth/policies"), Some(&me)), "P18");
    forbidden(
        patch(c, &format!("{t}/policy/p-auth/apiKey/status"), &me, json!({"label": "l", "status": "Active"})),
        "M5",
    );
    forbidden(
        put(c, &format!("{t}/apikey/k/policies"), &me, json!({"oldPolicyID": "p-auth", "newPolicyID": "p-share"})),
        "M6",
    );
    forbidden(c.get(&format!("{t}/apikey/k"), Some(&me)), "M7");
    forbidden(patch(c, t, &me, json!({"status": "De-Active"})), "M1");
    // the caller's own partner works
    assert_eq!(c.get("/v1/partnermanager/partners/mine", Some(&me)).status, 200);
}

api_tests!(partners_register_themselves_only, non_admins_touch_only_their_own_partner);
