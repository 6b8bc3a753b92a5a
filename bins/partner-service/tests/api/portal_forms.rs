//! Every form that edits something opens with what is stored and saves it back: a partner's
//! details and contacts, a policy draft (the policy group's form is in `portal_defects`).

use crate::api_tests;
use crate::helpers::TestApp;
use crate::partner_fixtures::{certify, partner_token, register, world};
use crate::portal::Browser;
use crate::portal_defects::between;

/// The value of the input `id` on `body`.
fn input_value(body: &str, id: &str) -> String {
    let tag = between(body, &format!("id=\"{id}\""), ">").unwrap_or_default();
    between(tag, "value=\"", "\"").unwrap_or_default().to_owned()
}

fn the_profile_and_a_contact_round_trip(app: TestApp) {
    world(&app);
    register(&app, "form1", "Auth_Partner", Some("group one")).ok();
    certify(&app, "form1");
    let mut b = Browser::signed_in(&app, partner_token("form1"));
    let csrf = b.csrf();
    let saved = b.post(
        "/portal/profile",
        &[("_csrf", &csrf), ("address", "12 Round Trip Road"), ("contactNumber", "9876543210")],
    );
    assert_eq!(saved.status, 303, "{}", saved.body);
    let page = b.get("/portal/profile");
    assert_eq!(input_value(&page.body, "f-address"), "12 Round Trip Road");
    assert_eq!(input_value(&page.body, "f-contactNumber"), "9876543210");

    let added = b.post(
        "/portal/profile/contact",
        &[
            ("_csrf", &csrf),
            ("emailId", "ops@form1.example.org"),
            ("contactNumber", "9000000001"),
            ("address", "Ops desk"),
            ("isActive", "on"),
        ],
    );
    assert_eq!(added.status, 303, "{}", added.body);
    let listed = b.get("/portal/profile");
    assert!(
        listed.body.contains(r#"href="/portal/profile?contact=ops%40form1.example.org#contact-form""#),
        "{}",
        listed.body
    );
    let editing = b.get("/portal/profile?contact=ops%40form1.example.org");
    assert_eq!(input_value(&editing.body, "c-emailId"), "ops@form1.example.org");
    assert_eq!(input_value(&editing.body, "c-contactNumber"), "9000000001");
    assert_eq!(input_value(&editing.body, "c-address"), "Ops desk");
    assert!(editing.body.contains(r#"id="c-isActive" type="checkbox" name="isActive" checked"#), "{}", editing.body);
    // saved back switched off (an unticked box is not posted)
    let off = b.post(
        "/portal/profile/contact",
        &[
            ("_csrf", &csrf),
            ("emailId", "ops@form1.example.org"),
            ("contactNumber", "9000000002"),
            ("address", "Ops desk 2"),
        ],
    );
    assert_eq!(off.status, 303, "{}", off.body);
    let again = b.get("/portal/profile?contact=ops%40form1.example.org");
    assert_eq!(input_value(&again.body, "c-contactNumber"), "9000000002");
    assert!(!again.body.contains(r#"name="isActive" checked"#), "{}", again.body);
    let fresh = b.get("/portal/profile?contact=nobody%40example.org");
    assert_eq!(input_value(&fresh.body, "c-emailId"), "", "an unknown contact opens an empty form");
}

fn a_policy_draft_round_trips(app: TestApp) {
    world(&app);
    let mut b = Browser::signed_in(&app, crate::partner_fixtures::admin());
    let csrf = b.csrf();
    let document = r#"{"authTokenType":"partner","allowedAuthTypes":[],"allowedKycAttributes":[]}"#;
    let made = b.post(
        "/portal/admin/policies/new",
        &[
            ("_csrf", &csrf),
            ("policyGroupName", "group one"),
            ("policyType", "Auth"),
            ("name", "round trip policy"),
            ("desc", "first words"),
            ("version", "1.0"),
            ("policies", document),
        ],
    );
    assert_eq!(made.status, 303, "{}", made.body);
    let list = b.get("/portal/admin/policies?q=round%20trip");
    let row = between(&list.body, "data-policy=\"round trip policy\"", "</tr>").unwrap_or_default();
    let id = between(row, "href=\"/portal/admin/policies/", "\"").unwrap_or_default().to_owned();
    let path = format!("/portal/admin/policies/{id}");
    let page = b.get(&path);
    assert_eq!(input_value(&page.body, "f-name"), "round trip policy");
    assert_eq!(input_value(&page.body, "f-desc"), "first words");
    assert_eq!(input_value(&page.body, "f-version"), "1.0");
    assert!(page.body.contains("&quot;authTokenType&quot;: &quot;partner&quot;"), "{}", page.body);
    assert!(page.body.contains(r#"<option value="group one" selected>"#), "{}", page.body);
    let changed = document
        .replace("[]}", r#"["name"]}"#)
        .replace(r#""allowedKycAttributes":["name"]"#, r#""allowedKycAttributes":[{"attributeName":"fullName"}]"#);
    let saved = b.post(
        &path,
        &[
            ("_csrf", &csrf),
            ("policyGroupName", "group one"),
            ("name", "round trip policy 2"),
            ("desc", "second words"),
            ("version", "1.1"),
            ("policies", &changed),
        ],
    );
    assert_eq!(saved.status, 303, "{}", saved.body);
    let again = b.get(&path);
    assert_eq!(input_value(&again.body, "f-name"), "round trip policy 2");
    assert_eq!(input_value(&again.body, "f-desc"), "second words");
    assert_eq!(input_value(&again.body, "f-version"), "1.1");
    assert!(again.body.contains("&quot;attributeName&quot;: &quot;fullName&quot;"), "{}", again.body);
}

api_tests!(the_profile_and_a_contact_round_trip, a_policy_draft_round_trips);
