//! The defects a walk through the portal found (issue 19), each with the check that would have
//! caught it: forms that load and save their values, sessions, certificates, MISPs, a
//! deactivated partner, policies, confirmations, keys, ids, the audit log.

use chrono::{Duration, Utc};
use diesel::prelude::*;
use persistence::schema::partner_policy;
use persistence::testing::fixtures::PolicyFixture;
use web_support::auth::{TokenSpec, mint_hs256_with};
use web_support::testing::{TEST_SECRET, token};

use crate::api_tests;
use crate::certificates::new_root;
use crate::helpers::TestApp;
use crate::partner_fixtures::{admin, certify, conn, misp_license_row, partner_token, register, world};
use crate::portal::Browser;

/// The text between `start` and the next `end` after it.
pub(crate) fn between<'a>(body: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = body.find(start)? + start.len();
    body[from..].find(end).map(|to| &body[from..from + to])
}

/// Which of `names` `body` shows, each found as the text `cell(name)`, in the order they appear.
pub(crate) fn in_order<'a>(body: &str, names: &[&'a str], cell: impl Fn(&str) -> String) -> Vec<&'a str> {
    let mut found: Vec<(usize, &str)> = names.iter().filter_map(|n| body.find(&cell(n)).map(|at| (at, *n))).collect();
    found.sort();
    found.into_iter().map(|(_, n)| n).collect()
}

fn manager() -> String {
    token("portal-manager", &["POLICYMANAGER"])
}

/// Item 1: a group's page shows its name, description and status, and saves them back.
fn a_policy_group_form_round_trips(app: TestApp) {
    let mut b = Browser::signed_in(&app, manager());
    let csrf = b.csrf();
    b.post("/portal/admin/policy-groups", &[("_csrf", &csrf), ("name", "rt-group"), ("desc", "round trip")]);
    let list = b.get("/portal/admin/policy-groups");
    let id = between(&list.body, "href=\"/portal/admin/policy-groups/", "\"").unwrap_or_default().to_owned();
    let path = format!("/portal/admin/policy-groups/{id}");
    let page = b.get(&path);
    assert!(page.body.contains("value=\"rt-group\"") && page.body.contains("value=\"round trip\""), "{}", page.body);
    assert!(page.body.contains("name=\"isActive\" checked"), "an active group is checked: {}", page.body);
    // rename and deactivate (an unchecked box is not posted at all): asked first, nothing saved
    let asked = b.post(&path, &[("_csrf", &csrf), ("name", "rt-renamed"), ("desc", "round trip 2")]);
    assert_eq!(asked.status, 200, "{}", asked.body);
    assert!(asked.body.contains("Deactivate policy group rt-renamed?"), "{}", asked.body);
    assert!(asked.body.contains("name=\"confirmed\" value=\"1\"") && asked.body.contains("name=\"reason\""));
    assert!(b.get(&path).body.contains("value=\"rt-group\""), "nothing is saved before the confirmation");
    let saved = b.post(
        &path,
        &[("_csrf", &csrf), ("name", "rt-renamed"), ("desc", "round trip 2"), ("confirmed", "1"), ("reason", "")],
    );
    assert_eq!(saved.status, 303, "{}", saved.body);
    let again = b.get(&path);
    assert!(again.body.contains("value=\"rt-renamed\"") && again.body.contains("value=\"round trip 2\""));
    assert!(!again.body.contains("name=\"isActive\" checked"), "{}", again.body);
    let api = app.client.get(&format!("/v1/policymanager/policies/group/{id}"), Some(&admin()));
    assert_eq!(api.response()["policyGroup"]["isActive"], false, "{}", api.body);
}

/// The console: a page below a menu section says where it is (Home, the section, the page); a
/// section's own page has Home and itself; the home page has no trail.
fn pages_say_where_they_are(app: TestApp) {
    let mut b = Browser::signed_in(&app, manager());
    let csrf = b.csrf();
    b.post("/portal/admin/policy-groups", &[("_csrf", &csrf), ("name", "crumb-group"), ("desc", "trail")]);
    let list = b.get("/portal/admin/policy-groups");
    let trail = |body: &str| between(body, "<nav class=\"crumbs\"", "</nav>").map(str::to_owned);
    let top = trail(&list.body).unwrap_or_default();
    assert!(
        top.contains("<a href=\"/portal/\">Home</a>") && top.contains("aria-current=\"page\">Policy groups<"),
        "{top}"
    );
    assert!(!top.contains("href=\"/portal/admin/policy-groups\""), "{top}");
    let id = between(&list.body, "href=\"/portal/admin/policy-groups/", "\"").unwrap_or_default().to_owned();
    let detail = b.get(&format!("/portal/admin/policy-groups/{id}"));
    let deep = trail(&detail.body).unwrap_or_default();
    assert!(deep.contains("<a href=\"/portal/admin/policy-groups\">Policy groups</a>"), "{deep}");
    assert!(deep.contains("aria-current=\"page\">Policy group<"), "{deep}");
    assert_eq!(trail(&b.get("/portal/").body), None, "the home page has no trail");
}

/// The console: a list orders by any column, either way, and narrows to what the search box
/// finds, without JavaScript.
fn lists_sort_and_filter(app: TestApp) {
    let mut b = Browser::signed_in(&app, manager());
    let csrf = b.csrf();
    for (name, desc) in [("beta-group", "second"), ("alpha-group", "first"), ("gamma-group", "third x")] {
        b.post("/portal/admin/policy-groups", &[("_csrf", &csrf), ("name", name), ("desc", desc)]);
    }
    let order = |body: &str| in_order(body, &["alpha-group", "beta-group", "gamma-group"], |n| format!(">{n}</a>"));
    let up = b.get("/portal/admin/policy-groups?sort=name&dir=asc");
    assert_eq!(order(&up.body), ["alpha-group", "beta-group", "gamma-group"]);
    assert!(up.body.contains(r#"aria-sort="ascending""#), "{}", up.body);
    assert!(up.body.contains(r#"href="/portal/admin/policy-groups?sort=name&amp;dir=desc""#), "{}", up.body);
    let down = b.get("/portal/admin/policy-groups?sort=name&dir=desc");
    assert_eq!(order(&down.body), ["gamma-group", "beta-group", "alpha-group"]);
    let found = b.get("/portal/admin/policy-groups?q=X&sort=name&dir=asc");
    assert_eq!(order(&found.body), ["gamma-group"], "the description is searched, ignoring case");
    assert!(found.body.contains(r#"name="q" value="X""#), "{}", found.body);
    let none = b.get("/portal/admin/policy-groups?q=nothing-like-this");
    assert!(none.body.contains("Nothing in this list matches the search."), "{}", none.body);
    let policies = b.get("/portal/admin/policies?sort=group&dir=desc");
    assert_eq!(policies.status, 200, "{}", policies.body);

    // the partner search orders in the store, keeping its filters in the headers' links
    world(&app);
    for id in ["sort-b", "sort-a", "sort-c"] {
        register(&app, id, "Auth_Partner", Some("group one")).ok();
    }
    let mut a = Browser::signed_in(&app, admin());
    let ids = |body: &str| in_order(body, &["sort-a", "sort-b", "sort-c"], |id| format!(">{id}</a>"));
    let up = a.get("/portal/admin/partners?name=sort&sort=id&dir=asc");
    assert_eq!(ids(&up.body), ["sort-a", "sort-b", "sort-c"], "{}", up.body);
    assert!(
        up.body.contains(r#"href="/portal/admin/partners?name=sort&amp;type=&amp;status=&amp;sort=id&amp;dir=desc""#),
        "{}",
        up.body
    );
    assert!(up.body.contains(r#"name="sort" value="id""#), "the search form keeps the order: {}", up.body);
    let down = a.get("/portal/admin/partners?name=sort&sort=id&dir=desc");
    assert_eq!(ids(&down.body), ["sort-c", "sort-b", "sort-a"]);
    let unknown = a.get("/portal/admin/partners?name=sort&sort=secret&dir=asc");
    assert_eq!(unknown.status, 200, "an unknown column is ignored: {}", unknown.body);
}

/// Item 2: a post whose session ended keeps what was typed; a session past half its life is
/// renewed by a page view, a fresh one is not.
fn an_ended_session_keeps_the_form_and_a_used_one_extends(app: TestApp) {
    let mut stale = Browser::signed_in(&app, "not-a-jwt".into());
    let csrf = stale.csrf();
    let page =
        stale.post("/portal/admin/policy-groups", &[("_csrf", &csrf), ("name", "typed <name>"), ("desc", "kept")]);
    assert_eq!(page.status, 401);
    assert!(page.body.contains("Your session has ended"), "{}", page.body);
    assert!(page.body.contains("name=\"resume.name\" value=\"typed &lt;name&gt;\""), "{}", page.body);
    assert!(page.body.contains("name=\"next\" value=\"/portal/admin/policy-groups\""), "{}", page.body);
    assert!(!page.body.contains("resume._csrf"));

    let now = Utc::now().timestamp();
    let roles = vec!["PARTNER_ADMIN".to_owned()];
    let spec =
        TokenSpec { user: "partner-admin", roles: &roles, email: None, ttl_secs: 3600, issuer: None, audience: None };
    let secret = secrecy::SecretString::from(TEST_SECRET);
    let (old, _) = mint_hs256_with(&secret, &spec, now - 3000).unwrap_or_default();
    let mut used = Browser::signed_in(&app, old.clone());
    let home = used.get("/portal/");
    let renewed = home.set_cookies().into_iter().find(|c| c.starts_with("Authorization=")).unwrap_or("").to_owned();
    assert!(renewed.contains("HttpOnly") && !renewed.starts_with(&format!("Authorization={old}")), "{renewed}");
    let fresh = Browser::signed_in(&app, admin()).get("/portal/");
    assert!(!fresh.set_cookies().iter().any(|c| c.starts_with("Authorization=")), "a fresh session is left alone");
}

/// Item 3: the uploaded CA certificates are listed; a file that is not a certificate is told so.
fn ca_certificates_are_listed_and_a_non_certificate_explained(app: TestApp) {
    let mut b = Browser::signed_in(&app, admin());
    assert!(b.get("/portal/admin/certificates").body.contains("None uploaded yet."));
    let csrf = b.csrf();
    let refused = b.post_file(
        "/portal/admin/certificates",
        &[("_csrf", &csrf), ("partnerDomain", "AUTH")],
        ("certificateData", "this is a shopping list"),
    );
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.body.contains("This file is not a certificate"), "{}", refused.body);
    let (root, _) = new_root("portal-root");
    let done = b.post_file(
        "/portal/admin/certificates",
        &[("_csrf", &csrf), ("partnerDomain", "AUTH")],
        ("certificateData", &root.pem()),
    );
    assert_eq!(done.status, 303, "{}", done.body);
    let listed = b.get("/portal/admin/certificates");
    let table = between(&listed.body, "id=\"ca-certificates\"", "</section>").unwrap_or_default();
    assert!(table.contains("portal-root") && table.contains("Root") && table.contains("expires in"), "{table}");
}

/// Item 4: MISP partners of MOSIP 1.2's licence API are on the admin's MISP page.
fn misp_partners_of_the_12_api_are_listed(app: TestApp) {
    register(&app, "misp-12", "MISP_Partner", None).ok();
    certify(&app, "misp-12");
    let key = "Licence12Key0123456789abcdefLicence12Key0123456789";
    misp_license_row(&app, "misp-12", key);
    let page = Browser::signed_in(&app, admin()).get("/portal/admin/misps");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("data-misp-partner=\"misp-12\"") && page.body.contains(key), "{}", page.body);
    assert!(!page.body.contains("No MISPs yet."));
}

/// Item 5 and 7: a partner deactivated (after a confirmation with a reason) is told why.
fn a_deactivated_partner_is_told_why(app: TestApp) {
    world(&app);
    register(&app, "gone1", "Auth_Partner", Some("group one")).ok();
    certify(&app, "gone1");
    let mut a = Browser::signed_in(&app, admin());
    let confirm = a.get("/portal/admin/partners/gone1/status?status=De-Active");
    assert!(confirm.body.contains("Deactivate partner gone1 org (gone1)?") && confirm.body.contains("name=\"reason\""));
    let csrf = a.csrf();
    let done = a.post(
        "/portal/admin/partners/gone1/status",
        &[("_csrf", &csrf), ("status", "De-Active"), ("reason", "unpaid")],
    );
    assert_eq!(done.status, 303);
    assert!(a.get("/portal/admin/partners/gone1").body.contains("Reason: unpaid"));
    let home = Browser::signed_in(&app, partner_token("gone1")).get("/portal/");
    assert!(home.body.contains("id=\"deactivated\"") && home.body.contains("deactivated by an administrator"));
    assert!(!home.body.contains("Upload your certificate"), "{}", home.body);
}

/// Item 6 and 7: publishing asks first; the policy's page shows its facts and when it was
/// published, not when it was created.
fn a_published_policy_shows_its_facts(app: TestApp) {
    world(&app);
    let created = Utc::now().naive_utc() - Duration::days(10);
    let draft = PolicyFixture {
        descr: "drafted long ago".into(),
        document: r#"{"authTokenType":"partner","allowedAuthTypes":[],"allowedKycAttributes":[]}"#.into(),
        schema: None,
        active: false,
        created,
        valid_from: created,
        ..PolicyFixture::new("p-draft", "g1", "draft policy")
    };
    draft.insert(&mut conn(&app)).unwrap();
    let mut b = Browser::signed_in(&app, manager());
    let confirm = b.get("/portal/admin/policies/p-draft/publish?group=g1");
    assert!(confirm.body.contains("Publish policy draft policy (version 1.0) of group group one?"), "{}", confirm.body);
    let csrf = b.csrf();
    let done = b.post("/portal/admin/policies/p-draft/publish", &[("_csrf", &csrf), ("group", "g1")]);
    assert_eq!(done.status, 303);
    let page = b.get("/portal/admin/policies/p-draft");
    assert!(
        page.body.contains("id=\"policy-name\">draft policy<") && page.body.contains("id=\"policy-group\">group one<")
    );
    assert!(
        page.body.contains("id=\"policy-desc\">drafted long ago<") && page.body.contains("id=\"policy-version\">1.0<")
    );
    assert!(
        page.body.contains(r#"<pre class="json" dir="ltr"><span class="j-punct">{</span>"#)
            && page.body.contains(r#"<span class="j-key">&quot;authTokenType&quot;</span>"#),
        "the published document is coloured by the server: {}",
        page.body
    );
    let draft_page = b.get("/portal/admin/policies/new?policyType=Auth");
    assert!(draft_page.body.contains(r#"data-json-editor data-valid="The document is JSON.""#), "{}", draft_page.body);
    assert!(draft_page.body.contains(r#"dir="ltr""#));
    let loads_the_editor = |body: &str| body.contains(r#"<script src="/portal/static/json-editor.js" defer>"#);
    assert!(loads_the_editor(&draft_page.body), "{}", draft_page.body);
    assert!(!loads_the_editor(&page.body), "a page without an editor loads no editor script: {}", page.body);
    let script = b.get("/portal/static/json-editor.js");
    assert!(script.status == 200 && script.body.contains("JSON.parse"), "{}", script.body);
    let published = between(&page.body, "id=\"policy-published\">", "<").unwrap_or_default();
    // the portal's one time format, in UTC without a time-zone cookie
    let today = Utc::now().naive_utc().format("%-d %b %Y, ").to_string();
    assert!(
        published.starts_with(&today) && published.ends_with("(UTC+00:00)"),
        "published now, not {published}: {}",
        page.body
    );
}

/// An active partner `id` that asked for "auth policy" in its portal (its browser and form
/// token), and an admin's browser.
pub(crate) fn requesting_partner(app: &TestApp, id: &str) -> (Browser, String, Browser) {
    world(app);
    register(app, id, "Auth_Partner", Some("group one")).ok();
    certify(app, id);
    let mut p = Browser::signed_in(app, partner_token(id));
    let csrf = p.csrf();
    p.post("/portal/policies", &[("_csrf", &csrf), ("policyName", "auth policy"), ("useCaseDescription", "auth")]);
    (p, csrf, Browser::signed_in(app, admin()))
}

/// Items 7, 8, 11: "Approve" names the request, rejecting asks first; a key is shown once after
/// a redirect; an expired key is "Expired" with its expiry in words.
fn keys_are_shown_once_and_expire_visibly(app: TestApp) {
    let (mut p, csrf, mut a) = requesting_partner(&app, "keys1");
    let queue = a.get("/portal/admin/requests");
    assert!(
        queue.body.contains("Approve <span class=\"sr-only\">the request of keys1 org for auth policy"),
        "{}",
        queue.body
    );
    let id = between(&queue.body, "data-request=\"", "\"").unwrap_or_default().to_owned();
    let confirm = a.get(&format!("/portal/admin/requests/{id}?status=Rejected"));
    assert!(confirm.body.contains("Reject the request of keys1 org for auth policy?"), "{}", confirm.body);
    let acsrf = a.csrf();
    assert_eq!(
        a.post(&format!("/portal/admin/requests/{id}"), &[("_csrf", &acsrf), ("status", "Approved")]).status,
        303
    );

    let made = p.post("/portal/keys", &[("_csrf", &csrf), ("policyName", "auth policy"), ("label", "once")]);
    assert_eq!((made.status, made.header("location")), (303, Some("/portal/keys")), "{}", made.body);
    let shown = p.get("/portal/keys");
    assert!(shown.body.contains("id=\"api-key\""), "{}", shown.body);
    // the copy button is in the page, hidden until the script finds a clipboard it may write
    assert!(
        shown.body.contains(r#"data-copy-from="api-key" data-copied="Copied" hidden>Copy</button>"#),
        "{}",
        shown.body
    );
    let reloaded = p.get("/portal/keys");
    assert!(!reloaded.body.contains("id=\"api-key\"") && reloaded.body.contains(">once<"), "{}", reloaded.body);
    assert!(reloaded.body.contains(">Active<") && reloaded.body.contains("expires in"), "{}", reloaded.body);

    diesel::update(partner_policy::table.filter(partner_policy::label.eq("once")))
        .set(partner_policy::valid_to_datetime.eq(Some(Utc::now().naive_utc() - Duration::days(1))))
        .execute(&mut conn(&app))
        .unwrap();
    let expired = p.get("/portal/keys");
    let row = between(&expired.body, ">once<", "</tr>").unwrap_or_default();
    assert!(row.contains(">Expired<") && row.contains("(expired)") && !row.contains(">Active<"), "{row}");
}

/// Item 7: switching an API key off asks first, naming the key and its policy; the reason given
/// is in the outcome; a key that does not exist is not offered.
fn switching_a_key_off_asks_first(app: TestApp) {
    let (mut p, csrf, mut a) = requesting_partner(&app, "keys2");
    let id = between(&a.get("/portal/admin/requests").body, "data-request=\"", "\"").unwrap_or_default().to_owned();
    let acsrf = a.csrf();
    a.post(&format!("/portal/admin/requests/{id}"), &[("_csrf", &acsrf), ("status", "Approved")]);
    p.post("/portal/keys", &[("_csrf", &csrf), ("policyName", "auth policy"), ("label", "to-switch-off")]);

    let list = p.get("/portal/keys");
    let query = between(&list.body, "href=\"/portal/keys/status?", "\"").unwrap_or_default().replace("&amp;", "&");
    let asked = p.get(&format!("/portal/keys/status?{query}"));
    assert!(asked.body.contains("Switch off the API key to-switch-off of policy auth policy?"), "{}", asked.body);
    assert!(asked.body.contains("name=\"reason\""), "{}", asked.body);
    let row = |b: &mut Browser| {
        between(&b.get("/portal/keys").body, ">to-switch-off<", "</tr>").unwrap_or_default().to_owned()
    };
    assert!(row(&mut p).contains(">Active<"), "nothing is switched off before the confirmation");
    let policy_id = between(&query, "policyId=", "&").unwrap_or_default().to_owned();
    let done = p.post(
        "/portal/keys/status",
        &[
            ("_csrf", &csrf),
            ("partnerId", "keys2"),
            ("policyId", &policy_id),
            ("label", "to-switch-off"),
            ("status", "De-Active"),
            ("reason", "leaked in a log"),
        ],
    );
    assert_eq!(done.status, 303, "{}", done.body);
    let after = p.get("/portal/keys");
    assert!(after.body.contains("Reason: leaked in a log"), "{}", after.body);
    assert!(row(&mut p).contains(">Inactive<"), "{}", row(&mut p));
    let unknown = a.get(&format!("/portal/admin/keys/status?partnerId=keys2&policyId={policy_id}&label=nope"));
    assert_eq!(unknown.status, 404, "{}", unknown.body);
    assert!(!unknown.body.contains("id=\"confirm\""), "{}", unknown.body);
}

/// Item 10: every id on the profile page is unique, so each label names its own input.
fn profile_ids_are_unique(app: TestApp) {
    world(&app);
    register(&app, "prof1", "Auth_Partner", Some("group one")).ok();
    let page = Browser::signed_in(&app, partner_token("prof1")).get("/portal/profile");
    assert_eq!(page.status, 200);
    let mut ids: Vec<&str> = page.body.split(" id=\"").skip(1).filter_map(|s| s.split('"').next()).collect();
    let all = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), all, "duplicate ids: {}", page.body);
    assert!(page.body.contains("for=\"c-address\"") && page.body.contains("id=\"c-address\""));
}

/// Item 12: the audit log says what happened in words and leaves reads out unless asked.
fn the_audit_log_reads_in_words_without_reads(app: TestApp) {
    world(&app);
    app.client.get("/v1/policymanager/policies/group/all", Some(&admin()));
    let mut b = Browser::signed_in(&app, admin());
    let default = b.get("/portal/admin/audit?userId=partner-admin");
    assert!(!default.body.contains("PMS_PRT_216"), "reads are left out: {}", default.body);
    let all = b.get("/portal/admin/audit?userId=partner-admin&reads=show");
    assert!(all.body.contains("PMS_PRT_216") && all.body.contains("Get policy group success"), "{}", all.body);
}

api_tests!(
    a_policy_group_form_round_trips,
    pages_say_where_they_are,
    lists_sort_and_filter,
    an_ended_session_keeps_the_form_and_a_used_one_extends,
    ca_certificates_are_listed_and_a_non_certificate_explained,
    misp_partners_of_the_12_api_are_listed,
    a_deactivated_partner_is_told_why,
    a_published_policy_shows_its_facts,
    keys_are_shown_once_and_expire_visibly,
    switching_a_key_off_asks_first,
    profile_ids_are_unique,
    the_audit_log_reads_in_words_without_reads,
);
