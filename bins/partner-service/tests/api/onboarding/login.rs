//! Passwords and login: strength, refusals, the first administrator (also created on the command
//! line), and onboarding switched off.

use serde_json::json;

use super::{LOGIN, OTP, PASSWORD, VERIFY, accounts, login, partners, post, request_otp, signup, signup_row, verify};
use crate::api_tests;
use crate::helpers::{TestApp, serve};

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
    let off = serve(&app.db, data.path(), |s| s.service.onboarding.enabled = false);
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

api_tests!(
    passwords_must_be_strong_and_a_weak_one_costs_no_try,
    login_refuses_unknown_users_and_wrong_passwords_alike,
    the_first_administrator_logs_in_with_admin_roles,
    onboarding_can_be_switched_off_for_keycloak
);
