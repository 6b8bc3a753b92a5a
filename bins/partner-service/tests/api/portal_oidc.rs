//! The portal's OIDC client pages: an authentication partner creates a client with a pasted JWK,
//! edits its redirect URIs and deactivates it; the admin sees it.

use crate::api_tests;
use crate::helpers::TestApp;
use crate::oidc_fixtures::*;
use crate::partner_fixtures::*;
use crate::portal::Browser;

fn an_auth_partner_manages_its_clients_in_the_portal(app: TestApp) {
    rp_world(&app);
    let mut b = Browser::signed_in(&app, partner_token("rp1"));
    let list = b.get("/portal/oidc-clients");
    assert!(list.body.contains("No OIDC clients yet") && list.body.contains("oidc policy"), "{}", list.body);
    let csrf = b.csrf();
    let jwk = jwk(KEY_N).to_string();
    let weak = jwk.replace(KEY_N, WEAK_N);
    let refused = b.post(
        "/portal/oidc-clients",
        &[
            ("_csrf", &csrf),
            ("name", "Portal RP"),
            ("policyId", "p-oidc"),
            ("publicKey", &weak),
            ("logoUri", "https://rp.example.org/logo.png"),
            ("redirectUris", "https://rp.example.org/cb"),
        ],
    );
    assert!(
        refused.body.contains("PMS_ESI_007") || refused.body.contains("Failed to process the Public Key"),
        "{}",
        refused.body
    );
    assert!(refused.body.contains("Portal RP"), "the form keeps what was typed");
    assert_eq!(stored_clients(&app), 0);
    let made = b.post(
        "/portal/oidc-clients",
        &[
            ("_csrf", &csrf),
            ("name", "Portal RP"),
            ("policyId", "p-oidc"),
            ("publicKey", &jwk),
            ("logoUri", "https://rp.example.org/logo.png"),
            ("redirectUris", "https://rp.example.org/cb\napp://cb\n"),
        ],
    );
    assert_eq!(made.status, 303, "{}", made.body);
    let page_path = format!("/portal/oidc-clients/{KEY_CLIENT_ID}");
    let page = b.get(&page_path);
    assert!(page.body.contains(KEY_CLIENT_ID) && page.body.contains("app://cb"), "{}", page.body);
    let saved = b.post(
        &page_path,
        &[
            ("_csrf", &csrf),
            ("status", "ACTIVE"),
            ("clientName", "Portal RP"),
            ("logoUri", "https://rp.example.org/logo.png"),
            ("redirectUris", "https://rp.example.org/other"),
        ],
    );
    assert_eq!(saved.status, 303);
    assert!(b.get(&page_path).body.contains("https://rp.example.org/other"));
    let off = b.post(
        &page_path,
        &[
            ("_csrf", &csrf),
            ("status", "INACTIVE"),
            ("clientName", "Portal RP"),
            ("logoUri", "https://rp.example.org/logo.png"),
            ("redirectUris", "https://rp.example.org/other"),
        ],
    );
    assert_eq!(off.status, 303);
    let after = b.get(&page_path).body;
    assert!(after.contains("Saved: the client is Inactive.") && after.contains("badge off"), "{after}");
    let mut admin_browser = Browser::signed_in(&app, admin());
    assert!(admin_browser.get("/portal/oidc-clients").body.contains(KEY_CLIENT_ID));
    let mut other = Browser::signed_in(&app, partner_token("rp2"));
    assert!(!other.get("/portal/oidc-clients").body.contains(KEY_CLIENT_ID), "another partner's client is not listed");
    assert!(other.get(&page_path).body.contains("PMS_POLICY_ERROR_011") || other.get(&page_path).status >= 400);
}

api_tests!(an_auth_partner_manages_its_clients_in_the_portal);
