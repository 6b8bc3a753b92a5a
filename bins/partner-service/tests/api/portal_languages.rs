//! The portal's languages over HTTP: `Accept-Language`, the picker's cookies (behind the form
//! token), right-to-left Arabic, MOSIP's codes in plain words, the time-zone script.

use crate::api_tests;
use crate::helpers::TestApp;
use crate::partner_fixtures::{admin, register, world};
use crate::portal::Browser;

fn the_browsers_language_is_spoken_until_one_is_picked(app: TestApp) {
    let mut b = Browser::new(&app);
    let english = b.get("/portal/login");
    assert!(english.body.contains(r#"<html lang="en" dir="ltr">"#) && english.body.contains(">Log in<"));

    let french = b.get_in("/portal/login", "de-DE, fr-CH;q=0.9, en;q=0.5");
    assert!(french.body.contains(r#"<html lang="fr" dir="ltr">"#), "{}", french.body);
    assert!(french.body.contains("Nom d’utilisateur") && french.body.contains("Se connecter"), "{}", french.body);

    let csrf = b.csrf();
    let picked =
        b.post("/portal/language", &[("_csrf", &csrf), ("lang", "ar"), ("tz", "180"), ("back", "/portal/login")]);
    assert_eq!((picked.status, picked.header("location")), (303, Some("/portal/login")));
    let cookies = picked.set_cookies().join("\n");
    assert!(cookies.contains("pms_lang=ar") && cookies.contains("pms_tz=180"), "{cookies}");
    assert!(cookies.contains("Max-Age=31536000"), "kept a year: {cookies}");

    // the picked language beats the header, on every page after
    let arabic = b.get_in("/portal/signup", "fr");
    assert!(arabic.body.contains(r#"<html lang="ar" dir="rtl">"#), "{}", arabic.body);
    assert!(arabic.body.contains("إنشاء حساب"), "{}", arabic.body);
    assert!(arabic.body.contains(r#"<option value="180" selected>UTC+03:00</option>"#), "{}", arabic.body);
}

fn the_picker_keeps_the_form_token_rule_and_stays_on_the_portal(app: TestApp) {
    let mut b = Browser::new(&app);
    let csrf = b.csrf();
    let forged = b.post("/portal/language", &[("lang", "fr"), ("back", "/portal/login")]);
    assert_eq!(forged.status, 303);
    assert!(!forged.set_cookies().iter().any(|c| c.starts_with("pms_lang=")), "{:?}", forged.set_cookies());
    assert!(b.cookie("pms_lang").is_none());

    let away = b.post("/portal/language", &[("_csrf", &csrf), ("lang", "fr"), ("back", "https://elsewhere.example/")]);
    assert_eq!(away.header("location"), Some("/portal/"));
    let unknown =
        b.post("/portal/language", &[("_csrf", &csrf), ("lang", "xx"), ("tz", "99999"), ("back", "/portal/")]);
    assert!(!unknown.set_cookies().iter().any(|c| c.starts_with("pms_tz=") || c.starts_with("pms_lang=xx")));
    assert_eq!(b.cookie("pms_lang"), Some("fr"));
}

fn mosips_codes_read_in_the_users_language_with_the_code_beside(app: TestApp) {
    let mut b = Browser::new(&app);
    let missing = b.get_in("/portal/no-such-page", "fr");
    assert_eq!(missing.status, 404);
    assert!(
        missing.body.contains("Cette page n’existe pas.") && missing.body.contains("(PMS_COR_404)"),
        "{}",
        missing.body
    );
    let arabic = b.get_in("/portal/no-such-page", "ar");
    assert!(arabic.body.contains("هذه الصفحة غير موجودة.") && arabic.body.contains("(PMS_COR_404)"), "{}", arabic.body);
}

fn the_time_zone_script_is_a_file_the_policy_allows(app: TestApp) {
    let mut b = Browser::new(&app);
    let home = b.get("/portal/");
    assert!(home.body.contains(r#"<script src="/portal/static/tz.js" defer></script>"#), "{}", home.body);
    let csp = home.header("content-security-policy").unwrap_or("");
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), "{csp}");
    let script = b.get("/portal/static/tz.js");
    assert_eq!((script.status, script.header("content-type")), (200, Some("text/javascript; charset=utf-8")));
    assert!(script.body.contains("getTimezoneOffset") && script.body.contains("pms_tz="));
    assert!(home.body.contains(r#"<script src="/portal/static/copy.js" defer></script>"#), "{}", home.body);
    let copy = b.get("/portal/static/copy.js");
    assert_eq!((copy.status, copy.header("content-type")), (200, Some("text/javascript; charset=utf-8")));
    assert!(copy.body.contains("data-copy-from") && copy.body.contains("clipboard.writeText"), "{}", copy.body);
}

/// A page showing times before the browser told its time zone shows them in UTC and asks the
/// time-zone script to load it again once it has; with the zone known, or with no time on the
/// page, it does not.
fn a_first_page_with_times_is_shown_again_in_the_users_zone(app: TestApp) {
    let mut b = Browser::signed_in(&app, web_support::testing::token("portal-manager", &["POLICYMANAGER"]));
    let csrf = b.csrf();
    b.post("/portal/admin/policy-groups", &[("_csrf", &csrf), ("name", "tz-group"), ("desc", "times")]);
    let list = b.get("/portal/admin/policy-groups");
    assert!(!list.body.contains("data-zone-reload"), "no time on the list: {}", list.body);
    let from = list.body.find("href=\"/portal/admin/policy-groups/").map_or(0, |i| i + 6);
    let href = list.body[from..].split('"').next().unwrap_or_default().to_owned();
    let guessed = b.get(&href);
    assert!(guessed.body.contains("data-zone-reload") && guessed.body.contains("(UTC+00:00)"), "{}", guessed.body);
    b.set_cookie("pms_tz", "180");
    let known = b.get(&href);
    assert!(!known.body.contains("data-zone-reload") && known.body.contains("(UTC+03:00)"), "{}", known.body);
    let script = b.get("/portal/static/tz.js");
    assert!(script.body.contains("data-zone-reload") && script.body.contains("location.reload()"), "{}", script.body);
}

/// MOSIP's master data (partner, policy and device types) reads in the user's language; a code
/// the catalogues do not know keeps the store's text.
fn master_data_reads_in_the_users_language(app: TestApp) {
    world(&app);
    let mut b = Browser::new(&app);
    let french = b.get_in("/portal/signup", "fr");
    assert!(french.body.contains(">Fournisseur de dispositifs</option>"), "{}", french.body);
    let arabic = b.get_in("/portal/signup", "ar");
    assert!(arabic.body.contains(">مزوّد الأجهزة</option>"), "{}", arabic.body);
    register(&app, "words1", "Device_Provider", None).ok();
    let mut a = Browser::signed_in(&app, admin());
    let list = a.get_in("/portal/admin/partners?name=words1", "ar");
    assert!(list.body.contains("<td>مزوّد الأجهزة</td>"), "{}", list.body);
    let english = a.get_in("/portal/admin/partners?name=words1", "en");
    assert!(english.body.contains("<td>Device Provider</td>"), "{}", english.body);
    let policies = a.get_in("/portal/admin/policies", "fr");
    assert!(policies.body.contains("<td>Authentification</td>"), "{}", policies.body);
}

api_tests!(
    master_data_reads_in_the_users_language,
    a_first_page_with_times_is_shown_again_in_the_users_zone,
    the_browsers_language_is_spoken_until_one_is_picked,
    the_picker_keeps_the_form_token_rule_and_stays_on_the_portal,
    mosips_codes_read_in_the_users_language_with_the_code_beside,
    the_time_zone_script_is_a_file_the_policy_allows,
);
