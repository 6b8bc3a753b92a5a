//! One-time passwords: wrong, expired, reused and superseded ones, and throttled resending.

use serde_json::json;

use super::{
    OTP, PASSWORD, VERIFY, accounts, dropped, ev, events, expire, forget_last_send, partners, post, request_otp,
    signup, verify,
};
use crate::api_tests;
use crate::helpers::{TestApp, serve};

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
        s.service.onboarding.otp_resend_interval_secs = 0;
        s.service.onboarding.otp_max_sends_per_hour = 3;
    });
    let codes: Vec<Option<String>> =
        (0..3).map(|_| post(&eager, OTP, request.clone()).error_code().map(str::to_owned)).collect();
    assert_eq!(codes, [None, None, Some("PMS_ONB_004".to_owned())], "three in the hour window, the first included");
    assert_eq!(dropped(data.path()).len(), 2);
}

api_tests!(wrong_expired_reused_and_superseded_otps_are_refused, resending_is_throttled_per_email);
