//! The portal over HTTP without a browser: headers, sessions, the form token, refusals, escaping,
//! and that a portal action is the API's action (same rules, same audit records). The journeys
//! in a real browser are in `tests/browser/` (run by `.ci/browser-tests`).

use std::time::Duration;

use diesel::RunQueryDsl;
use web_support::testing::token;

use crate::api_tests;
use crate::helpers::{TestApp, admin};
use crate::partner_fixtures::{certify, conn, misp_license_row, partner_token as own_token, post, register, world};

/// A client that keeps cookies and does not follow redirects, as a browser's first hop.
pub(crate) struct Browser {
    base: String,
    agent: ureq::Agent,
    cookies: Vec<(String, String)>,
}

pub(crate) struct Page {
    pub(crate) status: u16,
    pub(crate) body: String,
    headers: Vec<(String, String)>,
}

impl Page {
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    pub(crate) fn set_cookies(&self) -> Vec<&str> {
        self.headers.iter().filter(|(k, _)| k.eq_ignore_ascii_case("set-cookie")).map(|(_, v)| v.as_str()).collect()
    }
}

impl Browser {
    pub(crate) fn new(app: &TestApp) -> Self {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_global(Some(Duration::from_secs(30)))
            .build()
            .into();
        let base = app.client.url("");
        Browser { base, agent, cookies: Vec::new() }
    }

    /// Signed in with `token` as the `Authorization` cookie.
    pub(crate) fn signed_in(app: &TestApp, token: String) -> Self {
        let mut b = Browser::new(app);
        b.cookies.push(("Authorization".into(), token));
        b
    }

    /// Sets a cookie as a script of the page would.
    pub(crate) fn set_cookie(&mut self, name: &str, value: &str) {
        self.cookies.retain(|(k, _)| k != name);
        self.cookies.push((name.to_owned(), value.to_owned()));
    }

    pub(crate) fn cookie(&self, name: &str) -> Option<&str> {
        self.cookies.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    fn cookie_header(&self) -> String {
        self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ")
    }

    fn keep(&mut self, page: &Page) {
        for c in page.set_cookies() {
            let pair = c.split(';').next().unwrap_or("");
            let Some((name, value)) = pair.split_once('=') else { continue };
            self.cookies.retain(|(k, _)| k != name);
            if !value.is_empty() && !c.contains("Max-Age=0") {
                self.cookies.push((name.to_owned(), value.to_owned()));
            }
        }
    }

    pub(crate) fn get(&mut self, path: &str) -> Page {
        let res = self.agent.get(format!("{}{path}", self.base)).header("Cookie", &self.cookie_header()).call();
        let page = read(res);
        self.keep(&page);
        page
    }

    /// A page as a browser whose languages are `accept_language` asks for it.
    pub(crate) fn get_in(&mut self, path: &str, accept_language: &str) -> Page {
        let res = self
            .agent
            .get(format!("{}{path}", self.base))
            .header("Cookie", &self.cookie_header())
            .header("Accept-Language", accept_language)
            .call();
        let page = read(res);
        self.keep(&page);
        page
    }

    pub(crate) fn post(&mut self, path: &str, form: &[(&str, &str)]) -> Page {
        let res = self
            .agent
            .post(format!("{}{path}", self.base))
            .header("Cookie", &self.cookie_header())
            .send_form(form.iter().copied());
        let page = read(res);
        self.keep(&page);
        page
    }

    /// Posts a multipart form with one file field `file` (named `file_name`) besides `fields`.
    pub(crate) fn post_file(&mut self, path: &str, fields: &[(&str, &str)], file: (&str, &str)) -> Page {
        let boundary = "portal-test-boundary-7d1f";
        let mut body = String::new();
        for (k, v) in fields {
            body.push_str(&format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"));
        }
        body.push_str(&format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{}\"; filename=\"upload.pem\"\r\nContent-Type: application/octet-stream\r\n\r\n{}\r\n--{boundary}--\r\n",
            file.0, file.1
        ));
        let res = self
            .agent
            .post(format!("{}{path}", self.base))
            .header("Cookie", &self.cookie_header())
            .header("Content-Type", &format!("multipart/form-data; boundary={boundary}"))
            .send(body.as_bytes());
        let page = read(res);
        self.keep(&page);
        page
    }

    /// The form token of this browser (fetching a page first if it has none).
    pub(crate) fn csrf(&mut self) -> String {
        if self.cookie("pms_csrf").is_none() {
            self.get("/portal/");
        }
        self.cookie("pms_csrf").map(str::to_owned).unwrap_or_default()
    }
}

fn read(res: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Page {
    let mut res = res.unwrap_or_else(|e| panic!("transport error: {e}"));
    let status = res.status().as_u16();
    let headers =
        res.headers().iter().map(|(k, v)| (k.as_str().to_owned(), v.to_str().unwrap_or("").to_owned())).collect();
    let body = res.body_mut().read_to_string().unwrap_or_default();
    Page { status, body, headers }
}

fn partner_token() -> String {
    token("somepartner", &["AUTH_PARTNER"])
}

fn pages_are_html_with_security_headers(app: TestApp) {
    let mut b = Browser::new(&app);
    let home = b.get("/portal/");
    assert_eq!(home.status, 200);
    assert_eq!(home.header("content-type"), Some("text/html; charset=utf-8"));
    let csp = home.header("content-security-policy").unwrap_or("");
    assert!(csp.contains("default-src 'none'") && csp.contains("form-action 'self'"), "{csp}");
    assert_eq!(home.header("x-frame-options"), Some("DENY"));
    let token_cookie = home.set_cookies().into_iter().find(|c| c.starts_with("pms_csrf=")).unwrap_or("");
    assert!(token_cookie.contains("HttpOnly") && token_cookie.contains("SameSite=Strict"), "{token_cookie}");
    assert!(home.body.starts_with("<!DOCTYPE html>") && home.body.contains("/portal/signup"));

    let css = b.get("/portal/static/portal.css");
    assert_eq!((css.status, css.header("content-type")), (200, Some("text/css; charset=utf-8")));

    let bad_query = Browser::signed_in(&app, admin()).get("/portal/admin/requests?page=first");
    assert_eq!(bad_query.status, 400);
    assert!(bad_query.body.contains("<!DOCTYPE html>") && bad_query.body.contains("PMS_COR_001"), "{}", bad_query.body);

    let missing = b.get("/portal/no/such/page");
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("PMS_COR_404") && missing.header("content-security-policy").is_some());
    assert_eq!(b.get("/portal").header("location"), Some("/portal/"));
}

fn pages_need_a_session(app: TestApp) {
    let mut b = Browser::new(&app);
    let keys = b.get("/portal/keys");
    assert_eq!(keys.status, 303);
    assert_eq!(keys.header("location"), Some("/portal/login?next=%2Fportal%2Fkeys"));
    let admin_page = b.get("/portal/admin/partners");
    assert_eq!(admin_page.header("location"), Some("/portal/login?next=%2Fportal%2Fadmin%2Fpartners"));

    // an expired or foreign token ends the session instead of failing
    let mut stale = Browser::signed_in(&app, "not-a-jwt".into());
    let page = stale.get("/portal/");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Your session has ended"));
    assert!(page.set_cookies().iter().any(|c| c.starts_with("Authorization=") && c.contains("Max-Age=0")));
}

fn a_partner_is_refused_admin_pages(app: TestApp) {
    let mut b = Browser::signed_in(&app, partner_token());
    for path in ["/portal/admin/partners", "/portal/admin/requests", "/portal/admin/policies", "/portal/admin/audit"] {
        let page = b.get(path);
        assert_eq!(page.status, 403, "{path}");
        assert!(page.body.contains("KER-ATH-403"), "{path}: {}", page.body);
    }
    let csrf = b.csrf();
    let post = b.post("/portal/admin/policy-groups", &[("_csrf", &csrf), ("name", "g"), ("desc", "d")]);
    assert_eq!(post.status, 403);
}

fn a_post_without_the_form_token_is_refused(app: TestApp) {
    let mut b = Browser::signed_in(&app, admin());
    b.csrf();
    let refused = b.post("/portal/admin/policy-groups", &[("name", "no-token-group"), ("desc", "d")]);
    assert_eq!(refused.status, 403);
    assert!(refused.body.contains("PMS_POR_001"), "{}", refused.body);
    let wrong =
        b.post("/portal/admin/policy-groups", &[("_csrf", &"0".repeat(64)), ("name", "no-token-group"), ("desc", "d")]);
    assert_eq!(wrong.status, 403);
    // a token from another browser does not help either
    let mut other = Browser::signed_in(&app, admin());
    let foreign = other.csrf();
    assert_eq!(b.post("/portal/admin/policy-groups", &[("_csrf", &foreign), ("name", "x"), ("desc", "d")]).status, 403);
    let groups = app.client.get("/v1/policymanager/policies/group/all", Some(&admin()));
    assert!(groups.response().as_array().is_none_or(|a| a.is_empty()), "nothing was created: {}", groups.body);
}

fn a_portal_action_is_the_apis_action(app: TestApp) {
    let mut b = Browser::signed_in(&app, token("portal-manager", &["POLICYMANAGER"]));
    let csrf = b.csrf();
    let done = b.post(
        "/portal/admin/policy-groups",
        &[("_csrf", &csrf), ("name", "portal-g1"), ("desc", "made in the portal")],
    );
    assert_eq!((done.status, done.header("location")), (303, Some("/portal/admin/policy-groups")));
    let listed = b.get("/portal/admin/policy-groups");
    assert!(listed.body.contains("portal-g1") && listed.body.contains("Policy group portal-g1 created."));

    // the API's rule, code and message for a taken name, next to the form
    let again = b.post("/portal/admin/policy-groups", &[("_csrf", &csrf), ("name", "portal-g1"), ("desc", "again")]);
    assert_eq!(again.status, 422);
    assert!(
        again.body.contains("PMS_POL_014") && again.body.contains("Policy group exists with name : portal-g1"),
        "{}",
        again.body
    );
    let blank = b.post("/portal/admin/policy-groups", &[("_csrf", &csrf), ("name", " "), ("desc", "d")]);
    assert!(blank.body.contains("field-errors") && blank.body.contains("aria-invalid=\"true\""), "{}", blank.body);

    // audited as the API audits: by the user, with the seed's events
    let audits = app.client.get("/v1/partnermanager/audits?userId=portal-manager&pageFetch=50", Some(&admin()));
    let events: Vec<&str> = audits.response()["data"]
        .as_array()
        .map_or(Vec::new(), |a| a.iter().filter_map(|r| r["eventId"].as_str()).collect());
    assert!(events.contains(&"PMS_PRT_115") && events.contains(&"PMS_PRT_215"), "{events:?}");
    let api = app.client.get("/v1/policymanager/policies/group/all", Some(&admin()));
    let names: Vec<&str> = api
        .response()
        .as_array()
        .map_or(Vec::new(), |a| a.iter().filter_map(|g| g["policyGroup"]["name"].as_str()).collect());
    assert_eq!(names, ["portal-g1"]);
}

fn output_is_escaped(app: TestApp) {
    let mut b = Browser::signed_in(&app, admin());
    let page = b.get("/portal/admin/partners?name=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{}", page.body);
    // the only scripts are the portal's own files (time zone, copy buttons; the JSON editor's
    // on the policy editor only)
    assert_eq!(page.body.matches("<script").count(), 2);
    assert!(page.body.contains(r#"<script src="/portal/static/tz.js" defer></script>"#));
    assert!(page.body.contains(r#"<script src="/portal/static/copy.js" defer></script>"#));
}

fn login_refusals_show_mosips_message(app: TestApp) {
    let mut b = Browser::new(&app);
    let csrf = b.csrf();
    let page = b.post(
        "/portal/login",
        &[("_csrf", &csrf), ("userName", "nobody"), ("password", "wrong-password-1"), ("next", "/portal/")],
    );
    assert_eq!(page.status, 422);
    assert!(page.body.contains("PMS_ONB_011"), "{}", page.body);
    assert!(b.cookie("Authorization").is_none());
    let no_token = b.post("/portal/login", &[("userName", "nobody"), ("password", "x")]);
    assert_eq!(no_token.status, 403);
}

fn signup_errors_stand_next_to_their_fields(app: TestApp) {
    let mut b = Browser::new(&app);
    let csrf = b.csrf();
    let page = b.post(
        "/portal/signup",
        &[
            ("_csrf", &csrf),
            ("partnerId", ""),
            ("organizationName", "Org"),
            ("emailId", "not-an-email"),
            ("partnerType", "Device_Provider"),
        ],
    );
    assert_eq!(page.status, 422);
    assert!(page.body.contains("PMS_COR_001") || page.body.contains("field-errors"), "{}", page.body);
    assert!(page.body.contains("value=\"Org\""), "the form keeps what was typed");
}

fn misp_pages_run_the_misp_operations(app: TestApp) {
    // no MISP yet: an empty list, not an error; no other service needed
    let mut b = Browser::signed_in(&app, admin());
    let page = b.get("/portal/admin/misps");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("No MISPs yet.") && !page.body.contains("id=\"errors\""), "{}", page.body);

    // a MISP partner sees its licence key and downloads it
    register(&app, "misp-p1", "MISP_Partner", None).ok();
    certify(&app, "misp-p1");
    let key = "PortalLicenceKey0123456789abcdefPortalLicenceKey01";
    misp_license_row(&app, "misp-p1", key);
    let mut m = Browser::signed_in(&app, token("misp-p1", &["MISP_PARTNER", "PARTNER"]));
    let licence = m.get("/portal/licence");
    assert_eq!(licence.status, 200);
    assert!(licence.body.contains(key), "{}", licence.body);
    let file = m.get("/portal/licence/download");
    assert_eq!((file.status, file.body.trim()), (200, key));
    // a second key: the operation's refusal, carried to the page
    let csrf = m.csrf();
    let again = m.post("/portal/licence", &[("_csrf", &csrf), ("providerId", "misp-p1")]);
    assert_eq!(again.status, 303);
    let shown = m.get("/portal/licence");
    assert!(shown.body.contains("PMS_MSP_416"), "{}", shown.body);
    // a partner without the MISP roles is refused with MOSIP's 403, as the API refuses it
    let other = Browser::signed_in(&app, partner_token()).get("/portal/licence");
    assert_eq!(other.status, 403);
    assert!(other.body.contains("KER-ATH-403"), "{}", other.body);
}

/// The admin home counts the policy requests waiting for a decision, and says so when it cannot.
fn the_admin_home_counts_what_waits(app: TestApp) {
    world(&app);
    let mut b = Browser::signed_in(&app, admin());
    assert!(!b.get("/portal/").body.contains("id=\"waiting-requests\""), "nothing waits yet");
    for id in ["wait1", "wait2"] {
        register(&app, id, "Credential_Partner", Some("group one")).ok();
        certify(&app, id);
        let ask = serde_json::json!({"policyName": "share policy", "useCaseDescription": "d"});
        post(&app.client, &format!("/v1/partnermanager/partners/{id}/policy/map"), &own_token(id), ask).ok();
    }
    let home = b.get("/portal/");
    assert!(home.body.contains("id=\"waiting-requests\"><strong>2 wait for you"), "{}", home.body);
    diesel::sql_query("ALTER TABLE partner_policy_request RENAME TO ppr_gone").execute(&mut conn(&app)).unwrap();
    let broken = b.get("/portal/");
    assert!(
        broken.body.contains("Could not count what waits.") && broken.body.contains("PMS-MSD-394"),
        "{}",
        broken.body
    );
    diesel::sql_query("ALTER TABLE ppr_gone RENAME TO partner_policy_request").execute(&mut conn(&app)).unwrap();
}

fn the_audit_viewer_filters(app: TestApp) {
    // something to find
    app.client.get("/v1/policymanager/policies/group/all", Some(&admin()));
    let mut b = Browser::signed_in(&app, admin());
    let page = b.get("/portal/admin/audit?eventId=PMS_PRT_216&userId=partner-admin");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("PMS_PRT_216") && !page.body.contains("PMS_PRT_116"), "{}", page.body);
    let bad = b.get("/portal/admin/audit?from=yesterday");
    assert!(bad.body.contains("PMS_COR_001"), "MOSIP's message for a bad time: {}", bad.body);
    let as_partner = Browser::signed_in(&app, partner_token()).get("/portal/admin/audit");
    assert_eq!(as_partner.status, 403);
}

fn a_credential_partner_works_through_its_pages(app: TestApp) {
    world(&app);
    register(&app, "cred1", "Credential_Partner", Some("group one")).ok();
    certify(&app, "cred1");
    let mut b = Browser::signed_in(&app, own_token("cred1"));
    let home = b.get("/portal/");
    assert!(home.body.contains("cred1 org") && home.body.contains(">Active<"), "{}", home.body);
    let csrf = b.csrf();

    // profile and contacts
    let saved =
        b.post("/portal/profile", &[("_csrf", &csrf), ("address", "New Street 5"), ("contactNumber", "9123456780")]);
    assert_eq!(saved.status, 303);
    let added = b.post(
        "/portal/profile/contact",
        &[
            ("_csrf", &csrf),
            ("emailId", "ops@cred1.example.org"),
            ("contactNumber", "9123456781"),
            ("address", "Ops"),
            ("isActive", "on"),
        ],
    );
    assert_eq!(added.status, 303);
    let profile = b.get("/portal/profile");
    assert!(
        profile.body.contains("New Street 5") && profile.body.contains("ops@cred1.example.org"),
        "{}",
        profile.body
    );
    let bad = b.post(
        "/portal/profile/contact",
        &[("_csrf", &csrf), ("emailId", "not-an-email"), ("contactNumber", "1"), ("address", "x")],
    );
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("value=\"not-an-email\""), "the contact form keeps what was typed");

    // a policy request, then its extractors
    let policies = b.get("/portal/policies");
    assert!(policies.body.contains("share policy") && !policies.body.contains("group two policy"), "{}", policies.body);
    let requested = b.post(
        "/portal/policies",
        &[("_csrf", &csrf), ("policyName", "share policy"), ("useCaseDescription", "credentials")],
    );
    assert_eq!(requested.status, 303);
    assert!(b.get("/portal/policies").body.contains(">Pending<"));
    let page = b.get("/portal/extractors");
    assert!(page.body.contains("value=\"p-share\""), "{}", page.body);
    let saved = b.post(
        "/portal/extractors",
        &[
            ("_csrf", &csrf),
            ("policy", "p-share"),
            ("attributeName", "photo"),
            ("biometric", "face"),
            ("provider", "acme"),
            ("version", "1.2"),
        ],
    );
    assert_eq!((saved.status, saved.header("location")), (303, Some("/portal/extractors?policy=p-share")));
    let listed = b.get("/portal/extractors?policy=p-share");
    assert!(listed.body.contains("photo") && listed.body.contains("acme"), "{}", listed.body);
    let api = app.client.get("/v1/partnermanager/partners/cred1/bioextractors/p-share", Some(&own_token("cred1")));
    assert_eq!(api.response()["extractors"][0]["attributeName"], "photo");

    // no key before approval: the API's refusal, next to the form
    let keys = b.get("/portal/keys");
    assert!(keys.body.contains("You need an approved policy first"), "{}", keys.body);
}

/// A read that fails is the page's error, with its status: never an empty list, a step still to
/// do, or a free-text field in place of the group's policies.
fn a_failed_read_is_an_error_not_an_empty_list(app: TestApp) {
    world(&app);
    register(&app, "cred2", "Credential_Partner", Some("group one")).ok();
    certify(&app, "cred2");
    let mut b = Browser::signed_in(&app, own_token("cred2"));
    assert_eq!(b.get("/portal/policies").status, 200);
    let break_table = |from: &str, to: &str| {
        diesel::sql_query(format!("ALTER TABLE {from} RENAME TO {to}")).execute(&mut conn(&app)).unwrap();
    };

    // the active policies of the group cannot be read
    break_table("auth_policy", "auth_policy_gone");
    let policies = b.get("/portal/policies");
    assert_eq!(policies.status, 500, "{}", policies.body);
    assert!(
        policies.body.contains("id=\"errors\"") && !policies.body.contains("name=\"policyName\""),
        "{}",
        policies.body
    );
    break_table("auth_policy_gone", "auth_policy");

    // the requests cannot be read: MOSIP's search failure (PMS-MSD-394, a business error)
    break_table("partner_policy_request", "partner_policy_request_gone");
    let home = b.get("/portal/");
    assert!(home.body.contains("PMS-MSD-394") && !home.body.contains("Request a policy"), "{}", home.body);
    let keys = b.get("/portal/keys");
    assert!(keys.body.contains("PMS-MSD-394") && !keys.body.contains("You need an approved policy"), "{}", keys.body);
    let extractors = b.get("/portal/extractors");
    assert!(
        extractors.body.contains("PMS-MSD-394") && !extractors.body.contains("request a policy"),
        "{}",
        extractors.body
    );
}

api_tests!(
    a_credential_partner_works_through_its_pages,
    a_failed_read_is_an_error_not_an_empty_list,
    pages_are_html_with_security_headers,
    pages_need_a_session,
    a_partner_is_refused_admin_pages,
    a_post_without_the_form_token_is_refused,
    a_portal_action_is_the_apis_action,
    output_is_escaped,
    login_refusals_show_mosips_message,
    signup_errors_stand_next_to_their_fields,
    misp_pages_run_the_misp_operations,
    the_audit_viewer_filters,
    the_admin_home_counts_what_waits,
);
