//! Self-service onboarding: sign-up → OTP (file drop and a real SMTP conversation) → verify →
//! login → the token at work; and every way it refuses.

use std::path::Path;

use diesel::prelude::*;
use persistence::repo::audit::{AuditFilter, AuditRow};
use persistence::repo::onboarding::SignupRow;
use persistence::schema::{onboarding_signup, partner, policy_group};
use persistence::{DbPool, PoolOptions, repo};
use serde_json::{Value, json};
use web_support::testing::{Answer, Client};

use crate::api_tests;
use crate::helpers::{TestApp, serve};
use crate::smtp_sink::SmtpSink;

const OTP: &str = "/v1/partnermanager/onboarding/otp";
const VERIFY: &str = "/v1/partnermanager/onboarding/verify";
const LOGIN: &str = "/v1/partnermanager/auth/login";
const PASSWORD: &str = "Blue-Harbour-42";

fn signup(id: &str, org: &str, email: &str, partner_type: &str) -> Value {
    json!({
        "partnerId": id,
        "organizationName": org,
        "emailId": email,
        "partnerType": partner_type,
        "contactNumber": "+4412345678",
        "address": "1 Harbour Road",
    })
}

fn post(c: &Client, path: &str, request: Value) -> Answer {
    c.send("POST", path, None, &Client::envelope(request))
}

fn pool(app: &TestApp) -> DbPool {
    DbPool::open(&app.db.url, &PoolOptions::default()).unwrap()
}

/// The six digits after "code is " in a message.
fn otp_in(message: &str) -> String {
    let at = message.find("code is ").unwrap_or_else(|| panic!("no OTP in {message}")) + "code is ".len();
    let otp: String = message[at..].chars().take(6).collect();
    assert!(otp.len() == 6 && otp.bytes().all(|b| b.is_ascii_digit()), "{message}");
    otp
}

/// The `.eml` files of the file drop, oldest first.
fn dropped(data_dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(data_dir.join("mail")) else { return Vec::new() };
    let mut files: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    files.sort();
    assert!(files.iter().all(|f| f.extension().is_some_and(|x| x == "eml")), "{files:?}");
    files.iter().map(|f| std::fs::read_to_string(f).unwrap()).collect()
}

fn last_dropped_otp(app: &TestApp) -> String {
    otp_in(dropped(app.data_dir()).last().expect("a dropped mail"))
}

/// Asks for an OTP; answers the registration id and the OTP read from the file drop.
fn request_otp(app: &TestApp, request: Value) -> (String, String) {
    let a = post(&app.client, OTP, request).ok();
    let reg = a.response()["registrationId"].as_str().unwrap().to_owned();
    (reg, last_dropped_otp(app))
}

fn verify(c: &Client, reg: &str, otp: &str, password: &str) -> Answer {
    post(c, VERIFY, json!({"registrationId": reg, "otp": otp, "password": password}))
}

fn login(c: &Client, user: &str, password: &str) -> Answer {
    post(c, LOGIN, json!({"userName": user, "password": password}))
}

/// Audit records, oldest first, as `(event id, error code, ref id)`.
fn audits(app: &TestApp) -> Vec<(String, Option<String>, String)> {
    let mut conn = pool(app).get().unwrap();
    let (rows, _) = repo::audit::search(&mut conn, &AuditFilter::default(), 0, 1000).unwrap();
    rows.into_iter().rev().map(|r: AuditRow| (r.event_id, r.error_code, r.ref_id)).collect()
}

fn events(app: &TestApp) -> Vec<(String, Option<String>)> {
    audits(app).into_iter().map(|(e, c, _)| (e, c)).collect()
}

fn ev(id: &str, code: Option<&str>) -> (String, Option<String>) {
    (id.to_owned(), code.map(str::to_owned))
}

fn signup_row(app: &TestApp, email: &str) -> Option<SignupRow> {
    repo::onboarding::find_by_email(&mut pool(app).get().unwrap(), email).unwrap()
}

fn partners(app: &TestApp) -> i64 {
    partner::table.count().get_result(&mut pool(app).get().unwrap()).unwrap()
}

fn accounts(app: &TestApp) -> i64 {
    persistence::schema::local_account::table.count().get_result(&mut pool(app).get().unwrap()).unwrap()
}

fn add_policy_group(app: &TestApp, name: &str, active: bool) {
    diesel::insert_into(policy_group::table)
        .values((
            policy_group::id.eq(format!("pg-{name}")),
            policy_group::name.eq(name),
            policy_group::descr.eq("d"),
            policy_group::user_id.eq("tester"),
            policy_group::is_active.eq(active),
            policy_group::cr_by.eq("tester"),
            policy_group::cr_dtimes.eq(chrono::Utc::now().naive_utc()),
            policy_group::is_deleted.eq(false),
        ))
        .execute(&mut pool(app).get().unwrap())
        .unwrap();
}

fn expire(app: &TestApp, reg: &str) {
    let past = chrono::Utc::now().naive_utc() - chrono::Duration::seconds(1);
    diesel::update(onboarding_signup::table.filter(onboarding_signup::registration_id.eq(reg)))
        .set(onboarding_signup::otp_expires_dtimes.eq(past))
        .execute(&mut pool(app).get().unwrap())
        .unwrap();
}

/// Lets the next OTP to `email` go out at once (as if the resend interval had passed).
fn forget_last_send(app: &TestApp, email: &str) {
    let long_ago = chrono::Utc::now().naive_utc() - chrono::Duration::minutes(2);
    diesel::update(onboarding_signup::table.filter(onboarding_signup::email_key.eq(email)))
        .set(onboarding_signup::last_sent_dtimes.eq(long_ago))
        .execute(&mut pool(app).get().unwrap())
        .unwrap();
}

fn sign_up_with_the_file_drop_then_log_in_and_use_the_token(app: TestApp) {
    let c = &app.client;
    add_policy_group(&app, "auth-partners", true);
    let mut request = signup("acme-auth", "Acme Authentication", "Ops@Acme.example", "auth_partner");
    request["policyGroup"] = json!("auth-partners");
    let sent = post(c, OTP, request).ok();
    let reg = sent.response()["registrationId"].as_str().unwrap().to_owned();
    assert_eq!(sent.response()["emailId"], "Ops@Acme.example");
    assert!(sent.response()["otpExpiryTime"].as_str().is_some_and(|t| t.ends_with('Z')), "{}", sent.body);

    let mails = dropped(app.data_dir());
    assert_eq!(mails.len(), 1, "one .eml file per message");
    assert!(mails[0].contains("To: Ops@Acme.example"), "{}", mails[0]);
    assert!(mails[0].contains(&reg), "the mail names the registration");
    let otp = otp_in(&mails[0]);
    let row = signup_row(&app, "ops@acme.example").expect("pending sign-up");
    assert!(row.otp_hash.starts_with("$argon2id$") && !row.otp_hash.contains(&otp), "the OTP is stored hashed");
    assert_eq!((partners(&app), accounts(&app)), (0, 0), "nothing exists before the OTP is verified");

    let done = verify(c, &reg, &otp, PASSWORD).ok();
    assert_eq!(done.response(), &json!({"partnerId": "acme-auth", "status": "InProgress"}));
    assert_eq!((partners(&app), accounts(&app)), (1, 1));

    let a = login(c, "ACME-AUTH", PASSWORD).ok();
    let r = a.response();
    assert_eq!(r["userId"], "acme-auth", "user names match in any case; the token names the account");
    assert_eq!(r["roles"], json!(["AUTH_PARTNER", "PARTNER"]));
    assert_eq!(r["tokenType"], "Bearer");
    assert_eq!(r["expiresIn"], 1800);
    assert!(a.header("set-cookie").is_some_and(|v| v.starts_with("Authorization=") && v.contains("HttpOnly")));
    let token = r["token"].as_str().unwrap();
    assert_eq!(token.split('.').count(), 3);

    assert_eq!(
        audits(&app),
        [
            ("PMS_PRT_101".into(), None, "NO_ID".into()),
            ("PMS_PRT_101".into(), None, "NO_ID".into()),
            ("PMS_PRT_200".into(), None, "acme-auth".into()),
        ]
    );

    // The services accept the token on the partner's own data...
    let mine = c.get("/v1/partnermanager/partners/acme-auth", Some(token)).ok();
    let p = mine.response();
    assert_eq!(
        (&p["partnerID"], &p["organizationName"], &p["emailId"], &p["partnerType"], &p["policyGroup"]),
        (
            &json!("acme-auth"),
            &json!("Acme Authentication"),
            &json!("Ops@Acme.example"),
            &json!("Auth_Partner"),
            &json!("auth-partners")
        )
    );
    assert_eq!(
        (&p["contactNumber"], &p["address"], &p["isActive"]),
        (&json!("+4412345678"), &json!("1 Harbour Road"), &json!(false))
    );
    // ...and its roles open no one else's data, nor the admin-only audit log.
    let theirs = c.get("/v1/partnermanager/partners/someone-else", Some(token));
    assert_eq!(theirs.status, 403, "{}", theirs.body);
    let audit = c.get("/v1/partnermanager/audits", Some(token));
    assert_eq!((audit.status, audit.error_code()), (403, Some("KER-ATH-403")), "{}", audit.body);
    let forged = format!("{}x", token);
    assert_eq!(c.get("/v1/partnermanager/partners/acme-auth", Some(&forged)).status, 401);
}

fn sign_up_over_a_real_smtp_conversation(app: TestApp) {
    let sink = SmtpSink::start();
    let data = tempfile::tempdir().unwrap();
    let smtp = serve(&app.db, data.path(), |s| {
        s.smtp.host = Some("127.0.0.1".into());
        s.smtp.port = Some(sink.port);
        s.smtp.tls = web_support::settings::SmtpTls::None;
        s.smtp.from = "PMS <no-reply@pms.test>".into();
    });
    let sent = post(&smtp, OTP, signup("misp-1", "Misp One", "ops@misp.example", "MISP_Partner")).ok();
    let reg = sent.response()["registrationId"].as_str().unwrap().to_owned();
    let msg = sink.next();
    assert_eq!(msg.mail_from, "no-reply@pms.test");
    assert_eq!(msg.rcpt_to, ["ops@misp.example"]);
    assert!(!msg.helo.is_empty());
    assert!(msg.data.contains("Subject: Your partner registration code"), "{}", msg.data);
    assert!(dropped(data.path()).is_empty(), "with SMTP configured nothing is dropped");
    let otp = otp_in(&msg.data);

    verify(&smtp, &reg, &otp, PASSWORD).ok();
    let a = login(&app.client, "misp-1", PASSWORD).ok();
    assert_eq!(a.response()["roles"], json!(["MISP_PARTNER", "PARTNER"]), "any replica logs in");
    assert!(sink.is_empty(), "one message per sign-up");
}

fn mail_that_cannot_be_sent_is_an_error_and_does_not_throttle(app: TestApp) {
    let closed = web_support::testing::free_port();
    let data = tempfile::tempdir().unwrap();
    let broken = serve(&app.db, data.path(), |s| {
        s.smtp.host = Some("127.0.0.1".into());
        s.smtp.port = Some(closed);
        s.smtp.tls = web_support::settings::SmtpTls::None;
    });
    let request = signup("ftm-1", "Ftm One", "ops@ftm.example", "FTM_Provider");
    let a = post(&broken, OTP, request.clone());
    assert_eq!((a.status, a.error_code()), (503, Some("PMS_ONB_014")), "{}", a.body);
    let reg = signup_row(&app, "ops@ftm.example").unwrap().registration_id;
    assert_eq!(verify(&app.client, &reg, "000000", PASSWORD).error_code(), Some("PMS_ONB_007"), "its OTP is dead");
    // the undelivered OTP does not count: a working replica sends one at once
    let (reg, otp) = request_otp(&app, request);
    verify(&app.client, &reg, &otp, PASSWORD).ok();
    let evs = events(&app);
    assert!(evs.contains(&ev("PMS_PRT_401", Some("PMS_ONB_014"))), "{evs:?}");
}

fn sign_up_checks_come_first_with_the_seed_failure_events(app: TestApp) {
    let c = &app.client;
    let cases = [
        (signup("p1", "Org", "not-an-email", "FTM_Provider"), "PMS_PRT_012", "PMS_PRT_401"),
        (signup("p1", "Org", "a@b.example", "Nope_Partner"), "PMS_PRT_010", "PMS_PRT_425"),
        (signup("p1", "Org", "a@b.example", "Partner_Admin"), "PMS_ONB_002", "PMS_PRT_425"),
        (signup("p1", "Org", "a@b.example", "Internal_Partner"), "PMS_PRT_108", "PMS_PRT_419"),
        (signup("p1", "Org", "a@b.example", "Auth_Partner"), "PMS_PRT_108", "PMS_PRT_419"),
        (
            {
                let mut r = signup("p1", "Org", "a@b.example", "Auth_Partner");
                r["policyGroup"] = json!("no-such-group");
                r
            },
            "PMS_PRT_002",
            "PMS_PRT_419",
        ),
        (signup("p 1", "Org", "a@b.example", "FTM_Provider"), "PMS_PRT_066", "PMS_PRT_401"),
        (json!({"organizationName": "Org"}), "PMS_COR_001", "PMS_PRT_401"),
    ];
    let mut expected = Vec::new();
    for (request, code, event) in cases {
        let a = post(c, OTP, request.clone());
        assert_eq!((a.status, a.error_code()), (200, Some(code)), "{request}: {}", a.body);
        assert!(a.body["response"].is_null());
        expected.push(ev("PMS_PRT_101", None));
        expected.push(ev(event, Some(code)));
    }
    let missing = post(c, OTP, json!({"organizationName": "Org"}));
    assert_eq!(
        missing.body["errors"][0]["message"],
        "Invalid request parameter - value is empty or null :request.partnerId"
    );
    expected.push(ev("PMS_PRT_101", None));
    expected.push(ev("PMS_PRT_401", Some("PMS_COR_001")));
    assert_eq!(events(&app), expected);
    assert!(dropped(app.data_dir()).is_empty(), "no OTP is sent for a refused sign-up");
    assert!(signup_row(&app, "a@b.example").is_none(), "nor stored");

    // configured e-mail domain rules
    let data = tempfile::tempdir().unwrap();
    let strict = serve(&app.db, data.path(), |s| {
        s.onboarding.blocked_email_domains = vec!["mailinator.com".into()];
        s.onboarding.allowed_partner_types = vec!["FTM_Provider".into()];
    });
    let blocked = post(&strict, OTP, signup("p2", "Org2", "x@eu.mailinator.com", "FTM_Provider"));
    assert_eq!(blocked.error_code(), Some("PMS_ONB_001"));
    let narrowed = post(&strict, OTP, signup("p2", "Org2", "x@ok.example", "Device_Provider"));
    assert_eq!(narrowed.error_code(), Some("PMS_ONB_002"));
    let evs = events(&app);
    assert_eq!(
        evs[evs.len() - 3..],
        [ev("PMS_PRT_429", Some("PMS_ONB_001")), ev("PMS_PRT_101", None), ev("PMS_PRT_425", Some("PMS_ONB_002"))]
    );
}

fn duplicates_are_refused_as_registration_refuses_them(app: TestApp) {
    let (reg, otp) = request_otp(&app, signup("acme", "Acme Ltd", "ops@acme.example", "Device_Provider"));
    verify(&app.client, &reg, &otp, PASSWORD).ok();
    let c = &app.client;
    let same_id = post(c, OTP, signup("acme", "Other", "x@other.example", "Device_Provider"));
    assert_eq!(same_id.error_code(), Some("PMS_PRT_051"));
    let same_email = post(c, OTP, signup("acme2", "Other", "ops@acme.example", "Device_Provider"));
    assert_eq!(same_email.error_code(), Some("PMS_PRT_011"));
    let same_org = post(c, OTP, signup("acme2", " ACME LTD ", "x@other.example", "Device_Provider"));
    assert_eq!(
        (same_org.error_code(), same_org.body["errors"][0]["message"].as_str()),
        (Some("PMS_PRT_001"), Some("A Partner is already registered with the same Name"))
    );
    let same_user_other_case = post(c, OTP, signup("ACME", "Other", "x@other.example", "Device_Provider"));
    assert_eq!(same_user_other_case.error_code(), Some("PMS_PRT_051"), "user names are unique in any case");
    let evs = events(&app);
    let refusals: Vec<_> = evs.iter().filter(|(_, code)| code.is_some()).cloned().collect();
    assert_eq!(
        refusals,
        [
            ev("PMS_PRT_402", Some("PMS_PRT_051")),
            ev("PMS_PRT_429", Some("PMS_PRT_011")),
            ev("PMS_PRT_417", Some("PMS_PRT_001")),
            ev("PMS_PRT_402", Some("PMS_PRT_051")),
        ]
    );

    // Two sign-ups racing for one partner id: the second to verify is refused, nothing half-made.
    let (r1, o1) = request_otp(&app, signup("twin", "Twin One", "one@twin.example", "SDK_Partner"));
    let (r2, o2) = request_otp(&app, signup("twin", "Twin Two", "two@twin.example", "SDK_Partner"));
    verify(c, &r1, &o1, PASSWORD).ok();
    let second = verify(c, &r2, &o2, PASSWORD);
    assert_eq!(second.error_code(), Some("PMS_PRT_051"));
    assert_eq!((partners(&app), accounts(&app)), (2, 2));
    assert_eq!(login(c, "twin", PASSWORD).response()["roles"], json!(["SDK_PARTNER", "PARTNER"]));
}

fn wrong_expired_reused_and_superseded_otps_are_refused(app: TestApp) {
    let c = &app.client;
    let (reg, otp) = request_otp(&app, signup("dev-1", "Devices", "ops@dev.example", "Device_Provider"));
    let wrong = if otp == "000000" { "000001" } else { "000000" };
    let a = verify(c, &reg, wrong, PASSWORD);
    assert_eq!(
        (a.error_code(), a.body["errors"][0]["message"].as_str()),
        (Some("PMS_ONB_006"), Some("Invalid OTP; 4 attempt(s) left."))
    );
    assert_eq!(verify(c, &reg, "12345", PASSWORD).error_code(), Some("PMS_ONB_013"), "not six digits");
    assert_eq!(verify(c, "no-such-registration", &otp, PASSWORD).error_code(), Some("PMS_ONB_005"));
    let missing = post(c, VERIFY, json!({"otp": otp, "password": PASSWORD}));
    assert_eq!(missing.error_code(), Some("PMS_COR_001"));

    expire(&app, &reg);
    assert_eq!(verify(c, &reg, &otp, PASSWORD).error_code(), Some("PMS_ONB_007"));
    assert_eq!(partners(&app), 0);

    // A new OTP replaces the old one under a new registration id.
    forget_last_send(&app, "ops@dev.example");
    let (reg2, otp2) = request_otp(&app, signup("dev-1", "Devices", "ops@dev.example", "Device_Provider"));
    assert_ne!(reg2, reg);
    assert_eq!(verify(c, &reg, &otp, PASSWORD).error_code(), Some("PMS_ONB_005"), "superseded");
    verify(c, &reg2, &otp2, PASSWORD).ok();
    let again = verify(c, &reg2, &otp2, PASSWORD);
    assert_eq!(again.error_code(), Some("PMS_ONB_009"), "an OTP works once");
    assert_eq!((partners(&app), accounts(&app)), (1, 1));
    let evs = events(&app);
    assert!(evs.contains(&ev("PMS_PRT_401", Some("PMS_ONB_006"))), "{evs:?}");
    assert!(evs.contains(&ev("PMS_PRT_401", Some("PMS_ONB_007"))), "{evs:?}");
    assert!(evs.contains(&ev("PMS_PRT_401", Some("PMS_ONB_009"))), "{evs:?}");
}

fn brute_force_kills_the_otp_after_five_tries(app: TestApp) {
    let c = &app.client;
    let (reg, otp) = request_otp(&app, signup("sdk-1", "Sdk", "ops@sdk.example", "SDK_Partner"));
    let wrong = if otp == "999999" { "999998" } else { "999999" };
    let answers: Vec<String> =
        (0..6).map(|_| verify(c, &reg, wrong, PASSWORD).error_code().unwrap_or("").to_owned()).collect();
    assert_eq!(answers, ["PMS_ONB_006", "PMS_ONB_006", "PMS_ONB_006", "PMS_ONB_006", "PMS_ONB_008", "PMS_ONB_008"]);
    assert_eq!(verify(c, &reg, &otp, PASSWORD).error_code(), Some("PMS_ONB_008"), "even the right OTP is dead now");
    assert_eq!(signup_row(&app, "ops@sdk.example").unwrap().otp_tries, 5);
    assert_eq!((partners(&app), accounts(&app)), (0, 0));
}

fn concurrent_guesses_cannot_share_a_try(app: TestApp) {
    let (reg, otp) = request_otp(&app, signup("race-1", "Race", "ops@race.example", "SDK_Partner"));
    let wrong = if otp == "999999" { "999998" } else { "999999" };
    let port: u16 = app.client.url("").rsplit(':').next().unwrap().parse().unwrap();
    let guesses: Vec<_> = (0..10)
        .map(|_| {
            let reg = reg.clone();
            std::thread::spawn(move || {
                verify(&Client::new(port), &reg, wrong, PASSWORD).error_code().map(str::to_owned)
            })
        })
        .collect();
    let mut codes: Vec<String> = guesses.into_iter().map(|g| g.join().unwrap().unwrap_or_default()).collect();
    codes.sort();
    let wrong_ones = codes.iter().filter(|c| *c == "PMS_ONB_006").count();
    let locked = codes.iter().filter(|c| *c == "PMS_ONB_008").count();
    assert_eq!((wrong_ones, locked), (4, 6), "{codes:?}");
    assert_eq!(signup_row(&app, "ops@race.example").unwrap().otp_tries, 5, "exactly the allowed tries were spent");
    assert_eq!(verify(&app.client, &reg, &otp, PASSWORD).error_code(), Some("PMS_ONB_008"));
}

fn resending_is_throttled_per_email(app: TestApp) {
    let c = &app.client;
    let request = signup("abis-1", "Abis", "ops@abis.example", "FTM_Provider");
    request_otp(&app, request.clone());
    let again = post(c, OTP, request.clone());
    assert_eq!(again.error_code(), Some("PMS_ONB_003"), "{}", again.body);
    let other_case = post(c, OTP, signup("abis-2", "Abis2", "OPS@abis.example", "FTM_Provider"));
    assert_eq!(other_case.error_code(), Some("PMS_ONB_003"), "the throttle is per e-mail, whatever its case");
    assert_eq!(dropped(app.data_dir()).len(), 1);

    let data = tempfile::tempdir().unwrap();
    let eager = serve(&app.db, data.path(), |s| {
        s.onboarding.otp_resend_interval_secs = 0;
        s.onboarding.otp_max_sends_per_hour = 3;
    });
    let codes: Vec<Option<String>> =
        (0..3).map(|_| post(&eager, OTP, request.clone()).error_code().map(str::to_owned)).collect();
    assert_eq!(codes, [None, None, Some("PMS_ONB_004".to_owned())], "three in the hour window, the first included");
    assert_eq!(dropped(data.path()).len(), 2);
}

fn passwords_must_be_strong_and_a_weak_one_costs_no_try(app: TestApp) {
    let c = &app.client;
    let (reg, otp) = request_otp(&app, signup("print-1", "Printers", "ops@print.example", "Device_Provider"));
    let weak = ["", "short-1", "aaaaaaaaaaaa", "Password123", "my-print-1-pass"];
    for pw in weak {
        let a = verify(c, &reg, &otp, pw);
        assert_eq!(a.error_code(), Some("PMS_ONB_010"), "{pw:?}: {}", a.body);
    }
    let null = post(c, VERIFY, json!({"registrationId": reg, "otp": otp}));
    assert_eq!(null.error_code(), Some("PMS_COR_001"));
    assert_eq!(signup_row(&app, "ops@print.example").unwrap().otp_tries, 0, "no try spent");
    assert_eq!((partners(&app), accounts(&app)), (0, 0));
    verify(c, &reg, &otp, PASSWORD).ok();
}

fn login_refuses_unknown_users_and_wrong_passwords_alike(app: TestApp) {
    let c = &app.client;
    let (reg, otp) = request_otp(&app, signup("ftm-9", "Ftm Nine", "ops@ftm9.example", "FTM_Provider"));
    verify(c, &reg, &otp, PASSWORD).ok();
    let wrong = login(c, "ftm-9", "Blue-Harbour-43");
    let unknown = login(c, "nobody", PASSWORD);
    assert_eq!(wrong.error_code(), Some("PMS_ONB_011"));
    assert_eq!(wrong.body["errors"], unknown.body["errors"], "the answer does not tell which was wrong");
    assert_eq!(login(c, "ftm-9", "").error_code(), Some("PMS_ONB_011"));
    assert_eq!(post(c, LOGIN, json!({"password": PASSWORD})).error_code(), Some("PMS_COR_001"));
    assert_eq!(post(c, LOGIN, json!({"userName": "ftm-9"})).error_code(), Some("PMS_COR_001"));
    assert!(wrong.header("set-cookie").is_none());
}

fn the_first_administrator_logs_in_with_admin_roles(app: TestApp) {
    let data = tempfile::tempdir().unwrap();
    let mut settings = web_support::testing::settings(&app.db, data.path());
    settings.database.migrate_on_start = true;
    let roles = partner_service::admin::create(&settings, "root-admin", "Stone-Lantern-77", None).unwrap();
    assert_eq!(roles, ["PARTNER_ADMIN", "POLICYMANAGER"]);
    let again = partner_service::admin::create(&settings, "Root-Admin", "Stone-Lantern-77", None);
    assert!(again.unwrap_err().to_string().contains("already exists"));
    assert!(partner_service::admin::create(&settings, "x", "short", None).is_err(), "the password policy applies");

    let c = &app.client;
    let a = login(c, "root-admin", "Stone-Lantern-77").ok();
    assert_eq!(a.response()["roles"], json!(["PARTNER_ADMIN", "POLICYMANAGER"]));
    let token = a.response()["token"].as_str().unwrap();
    assert_eq!(c.get("/v1/partnermanager/audits", Some(token)).status, 200);
    // a partner may not take the administrator's user name
    let taken = post(c, OTP, signup("ROOT-ADMIN", "Root", "x@root.example", "FTM_Provider"));
    assert_eq!(taken.error_code(), Some("PMS_PRT_051"));
}

fn onboarding_can_be_switched_off_for_keycloak(app: TestApp) {
    let data = tempfile::tempdir().unwrap();
    let off = serve(&app.db, data.path(), |s| s.onboarding.enabled = false);
    for path in [OTP, VERIFY, LOGIN] {
        let a = post(&off, path, json!({}));
        assert_eq!((a.status, a.error_code()), (404, Some("PMS_COR_404")), "{path}");
        let malformed = off.send_raw("POST", path, None, "{");
        assert_eq!(malformed.status, 404, "{path}: switched off wins over a bad body");
    }
    let data = tempfile::tempdir().unwrap();
    let jwks_only = serve(&app.db, data.path(), |s| {
        s.auth.hs256_secret = None;
        s.auth.jwks_url = Some(format!("http://127.0.0.1:{}/jwks", web_support::testing::free_port()));
    });
    let a = login(&jwks_only, "anyone", PASSWORD);
    assert_eq!(a.error_code(), Some("PMS_ONB_012"));
}

api_tests!(
    sign_up_with_the_file_drop_then_log_in_and_use_the_token,
    sign_up_over_a_real_smtp_conversation,
    mail_that_cannot_be_sent_is_an_error_and_does_not_throttle,
    sign_up_checks_come_first_with_the_seed_failure_events,
    duplicates_are_refused_as_registration_refuses_them,
    wrong_expired_reused_and_superseded_otps_are_refused,
    brute_force_kills_the_otp_after_five_tries,
    concurrent_guesses_cannot_share_a_try,
    resending_is_throttled_per_email,
    passwords_must_be_strong_and_a_weak_one_costs_no_try,
    login_refuses_unknown_users_and_wrong_passwords_alike,
    the_first_administrator_logs_in_with_admin_roles,
    onboarding_can_be_switched_off_for_keycloak,
);

/// The README's first steps with the real binary: `admin create`, start, log in, use the token.
#[test]
fn admin_create_on_the_command_line_then_log_in() {
    use web_support::testing::{Process, command};
    const BIN: &str = env!("CARGO_BIN_EXE_partner-service");
    let dir = tempfile::tempdir().unwrap();
    let out = command(BIN, dir.path())
        .args(["admin", "create", "--user", "admin", "--password", "Quiet-Meadow-2049"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "created administrator admin (PARTNER_ADMIN, POLICYMANAGER)"
    );
    let dup = command(BIN, dir.path())
        .args(["admin", "create", "--user", "admin"])
        .env("PMS_ADMIN_PASSWORD", "Quiet-Meadow-2049")
        .output()
        .unwrap();
    assert!(!dup.status.success());
    assert!(String::from_utf8_lossy(&dup.stderr).contains("already exists"));

    let service = Process::start(BIN, dir.path(), "/v1/partnermanager/actuator/health", &[]);
    let a = login(&service.client, "admin", "Quiet-Meadow-2049").ok();
    let token = a.response()["token"].as_str().unwrap().to_owned();
    assert_eq!(service.client.get("/v1/partnermanager/audits", Some(&token)).status, 200);
}
