//! Passwords and login: strength, refusals, and onboarding switched off.

use serde_json::json;

use super::{
    LOGIN, OTP, PASSWORD, VERIFY, accounts, events, login, partners, post, request_otp, signup, signup_row, verify,
};
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

fn repeated_failures_lock_the_account_even_against_the_right_password(app: TestApp) {
    let c = &app.client;
    let (reg, otp) = request_otp(&app, signup("ftm-8", "Ftm Eight", "ops@ftm8.example", "FTM_Provider"));
    verify(c, &reg, &otp, PASSWORD).ok();
    for _ in 0..5 {
        assert_eq!(login(c, "ftm-8", "Blue-Harbour-43").error_code(), Some("PMS_ONB_011"));
    }
    let locked = login(c, "ftm-8", PASSWORD);
    assert_eq!((locked.status, locked.error_code()), (200, Some("PMS_ONB_015")), "{}", locked.body);
    assert!(locked.header("set-cookie").is_none(), "no token while locked");
    let audited = events(&app);
    let refused = audited.iter().filter(|e| *e == &("PMS_PRT_471".to_owned(), Some("PMS_ONB_011".to_owned()))).count();
    let locks = audited.iter().filter(|e| *e == &("PMS_PRT_472".to_owned(), Some("PMS_ONB_015".to_owned()))).count();
    assert_eq!((refused, locks), (5, 2), "five refusals, the lock starting, one login refused while locked");
    assert_eq!(login(c, "ftm-8", PASSWORD).error_code(), Some("PMS_ONB_015"), "still locked");
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

api_tests!(
    passwords_must_be_strong_and_a_weak_one_costs_no_try,
    login_refuses_unknown_users_and_wrong_passwords_alike,
    repeated_failures_lock_the_account_even_against_the_right_password,
    onboarding_can_be_switched_off_for_keycloak
);
