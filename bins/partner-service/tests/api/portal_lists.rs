//! The console's paged lists (keys, requests, devices) order by any column and narrow to a
//! search in the store, keeping order and search in their links.

use chrono::{Duration, Utc};
use diesel::prelude::*;
use persistence::schema::misp;

use crate::api_tests;
use crate::certificates::new_root;
use crate::device_fixtures::{device_world, provider_token};
use crate::helpers::TestApp;
use crate::oidc_fixtures::{KEY_N, OTHER_N, THIRD_N, create, create_body, rp_world};
use crate::partner_fixtures::{admin, conn, partner_token};
use crate::portal::Browser;
use crate::portal_defects::{between, in_order, requesting_partner};

/// Which of `names` appear in `body` as an element's whole text (`>name<`), in the order they appear.
fn order_of<'a>(body: &str, names: &[&'a str]) -> Vec<&'a str> {
    in_order(body, names, |n| format!(">{n}<"))
}

fn keys_and_requests_sort_and_search_in_the_store(app: TestApp) {
    let (mut p, csrf, mut a) = requesting_partner(&app, "lists1");
    let request =
        between(&a.get("/portal/admin/requests").body, "data-request=\"", "\"").unwrap_or_default().to_owned();
    let acsrf = a.csrf();
    a.post(&format!("/portal/admin/requests/{request}"), &[("_csrf", &acsrf), ("status", "Approved")]);
    for label in ["k-beta", "k-alpha", "k-gamma"] {
        let made = p.post("/portal/keys", &[("_csrf", &csrf), ("policyName", "auth policy"), ("label", label)]);
        assert_eq!(made.status, 303, "{}", made.body);
    }
    let labels = ["k-alpha", "k-beta", "k-gamma"];

    let up = p.get("/portal/keys?sort=label&dir=asc");
    assert_eq!(order_of(&up.body, &labels), ["k-alpha", "k-beta", "k-gamma"], "{}", up.body);
    assert!(up.body.contains(r#"href="/portal/keys?sort=label&amp;dir=desc""#), "{}", up.body);
    assert_eq!(order_of(&p.get("/portal/keys?sort=label&dir=desc").body, &labels), ["k-gamma", "k-beta", "k-alpha"]);
    let found = p.get("/portal/keys?q=ALP&sort=label&dir=asc");
    assert_eq!(order_of(&found.body, &labels), ["k-alpha"], "the label is searched, ignoring case");
    assert!(found.body.contains(r#"name="q" value="ALP""#) && found.body.contains(r#"name="sort" value="label""#));
    assert!(found.body.contains(r#"href="/portal/keys?sort=policy&amp;dir=asc&amp;q=ALP""#), "{}", found.body);
    let none = p.get("/portal/keys?q=nothing-like-this");
    assert!(none.body.contains("Nothing in this list matches the search."), "{}", none.body);
    let secret = p.get("/portal/keys?sort=policyApiKey&dir=asc");
    assert_eq!(secret.status, 200, "a column the list does not offer is ignored: {}", secret.body);

    let every = a.get("/portal/admin/keys?q=lists1&sort=label&dir=desc");
    assert_eq!(order_of(&every.body, &labels), ["k-gamma", "k-beta", "k-alpha"], "{}", every.body);
    assert!(every.body.contains("Partner name contains"), "{}", every.body);
    assert!(order_of(&a.get("/portal/admin/keys?q=somebody-else").body, &labels).is_empty());

    let requests = a.get("/portal/admin/requests?status=&q=LISTS1");
    assert!(requests.body.contains(&format!("data-request=\"{request}\"")), "{}", requests.body);
    assert!(
        requests.body.contains(r#"href="/portal/admin/requests?status=&amp;sort=requested&amp;dir=asc&amp;q=LISTS1""#)
    );
    let elsewhere = a.get("/portal/admin/requests?status=&q=somebody-else");
    assert!(!elsewhere.body.contains("data-request="), "{}", elsewhere.body);
    let own = p.get("/portal/policies?sort=status&dir=desc&q=auth");
    assert!(own.body.contains(r#"aria-sort="descending""#) && own.body.contains(">auth policy<"), "{}", own.body);
    assert!(!p.get("/portal/policies?q=no-such-policy").body.contains(">auth policy<"));
}

fn device_lists_sort_and_search_in_the_store(app: TestApp) {
    device_world(&app);
    let mut dp = Browser::signed_in(&app, provider_token("dp1"));
    let csrf = dp.csrf();
    let today = Utc::now().date_naive();
    let expiry = (today + Duration::days(365)).to_string();
    let versions = ["2.0.0", "1.0.0", "3.0.0"];
    for version in versions {
        let fields = [
            ("_csrf", csrf.as_str()),
            ("swVersion", version),
            ("swBinaryHash", "hash"),
            ("swCreateDateTime", &today.to_string()),
            ("swExpiryDateTime", &expiry),
        ];
        let added = dp.post("/portal/sbis", &fields);
        assert_eq!(added.status, 303, "{}", added.body);
    }
    let shown = |body: &str| in_order(body, &versions, |v| format!("<td>{v}<br>"));
    assert_eq!(shown(&dp.get("/portal/sbis?sort=version&dir=asc").body), ["1.0.0", "2.0.0", "3.0.0"]);
    assert_eq!(shown(&dp.get("/portal/sbis?sort=version&dir=desc").body), ["3.0.0", "2.0.0", "1.0.0"]);
    let found = dp.get("/portal/sbis?q=2.0");
    assert_eq!(shown(&found.body), ["2.0.0"], "{}", found.body);
    assert!(found.body.contains("Version contains"), "{}", found.body);
    let none = dp.get("/portal/sbis?q=9.9");
    assert!(none.body.contains("Nothing in this list matches the search."), "{}", none.body);
    assert!(!none.body.contains("No secure biometric interfaces yet"));
}

fn oidc_clients_sort_and_search(app: TestApp) {
    rp_world(&app);
    let tok = partner_token("rp1");
    for (name, n) in [("Beta RP", KEY_N), ("Alpha RP", OTHER_N), ("Gamma RP", THIRD_N)] {
        let mut body = create_body("rp1", n);
        body["name"] = name.into();
        body["clientNameLangMap"] = serde_json::json!({ "eng": name });
        let made = create(&app, &tok, body);
        assert_eq!(made.status, 200, "{}", made.body);
    }
    let names = ["Alpha RP", "Beta RP", "Gamma RP"];
    let mut b = Browser::signed_in(&app, tok);
    let up = b.get("/portal/oidc-clients?sort=client&dir=asc");
    assert_eq!(order_of(&up.body, &names), names, "{}", up.body);
    assert!(!up.body.contains("@none"), "the name in words, not the stored names by language: {}", up.body);
    assert_eq!(
        order_of(&b.get("/portal/oidc-clients?sort=client&dir=desc").body, &names),
        ["Gamma RP", "Beta RP", "Alpha RP"]
    );
    let found = b.get("/portal/oidc-clients?q=alpha");
    assert_eq!(order_of(&found.body, &names), ["Alpha RP"], "{}", found.body);
    let none = b.get("/portal/oidc-clients?q=nothing-like-this");
    assert!(none.body.contains("Nothing in this list matches the search."), "{}", none.body);
}

fn misps_sort_and_search(app: TestApp) {
    let now = Utc::now().naive_utc();
    for (id, name, status) in
        [("m-b", "Beta ISP", "approved"), ("m-a", "Alpha ISP", "InProgress"), ("m-c", "Gamma ISP", "rejected")]
    {
        diesel::insert_into(misp::table)
            .values((
                misp::id.eq(id),
                misp::name.eq(name),
                misp::email_id.eq(format!("{id}@example.org")),
                misp::user_id.eq("owner"),
                misp::status_code.eq(status),
                misp::is_active.eq(true),
                misp::cr_by.eq("test"),
                misp::cr_dtimes.eq(now),
                misp::is_deleted.eq(false),
            ))
            .execute(&mut conn(&app))
            .expect("a MISP row");
    }
    let mut a = Browser::signed_in(&app, admin());
    let cells = |body: &str| in_order(body, &["Alpha ISP", "Beta ISP", "Gamma ISP"], |n| format!(">{n}</a>"));
    let up = a.get("/portal/admin/misps?sort=name&dir=asc");
    assert_eq!(cells(&up.body), ["Alpha ISP", "Beta ISP", "Gamma ISP"], "{}", up.body);
    assert!(up.body.contains("href=\"#misp-m-a\"") && up.body.contains("id=\"misp-m-a\""), "{}", up.body);
    assert_eq!(
        cells(&a.get("/portal/admin/misps?sort=registration&dir=desc").body),
        ["Gamma ISP", "Alpha ISP", "Beta ISP"]
    );
    let found = a.get("/portal/admin/misps?q=m-c%40");
    assert_eq!(cells(&found.body), ["Gamma ISP"], "the e-mail is searched");
    assert!(found.body.contains("data-misp=\"m-c\"") && !found.body.contains("data-misp=\"m-a\""), "{}", found.body);
}

fn ca_certificates_sort_and_search(app: TestApp) {
    let mut b = Browser::signed_in(&app, admin());
    let csrf = b.csrf();
    let names = ["root-alpha", "root-beta", "root-gamma"];
    for name in ["root-beta", "root-alpha", "root-gamma"] {
        let (root, _) = new_root(name);
        let done = b.post_file(
            "/portal/admin/certificates",
            &[("_csrf", &csrf), ("partnerDomain", "AUTH")],
            ("certificateData", &root.pem()),
        );
        assert_eq!(done.status, 303, "{}", done.body);
    }
    let shown = |body: &str| in_order(body, &names, |n| format!("<td>CN={n},"));
    let up = b.get("/portal/admin/certificates?sort=to&dir=asc");
    assert_eq!(shown(&up.body), names, "{}", up.body);
    assert_eq!(
        shown(&b.get("/portal/admin/certificates?sort=to&dir=desc").body),
        ["root-gamma", "root-beta", "root-alpha"]
    );
    let found = b.get("/portal/admin/certificates?q=BETA");
    assert_eq!(shown(&found.body), ["root-beta"], "{}", found.body);
    let none = b.get("/portal/admin/certificates?q=nothing-like-this");
    assert!(none.body.contains("Nothing in this list matches the search."), "{}", none.body);
}

api_tests!(
    ca_certificates_sort_and_search,
    keys_and_requests_sort_and_search_in_the_store,
    device_lists_sort_and_search_in_the_store,
    oidc_clients_sort_and_search,
    misps_sort_and_search,
);
