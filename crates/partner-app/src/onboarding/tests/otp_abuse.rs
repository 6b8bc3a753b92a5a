//! OTP abuse limits across OTPs: sends per client address, wrong OTPs per e-mail and per address
//! (SQLite and PostgreSQL, with a clock the test moves).

use super::*;

fn clocked(store: Store) -> (Store, ManualClock) {
    let clock = ManualClock(std::sync::Arc::new(Mutex::new(testing::test_now())));
    (store.with_clock(clock.clone()), clock)
}

fn count(store: &Store, event: AuditEvent) -> usize {
    events(store).iter().filter(|e| **e == ev(event, Some("PMS_ONB_016"))).count()
}

fn otps_sent_from_one_address_are_limited_per_window((store, _db): (Store, TestDb)) {
    let (store, clock) = clocked(store);
    let (rules, outbox) = (RegistrationRules::default(), Outbox::default());
    let mut cfg = OnboardingConfig::default();
    cfg.otp_abuse.max_sends_per_address = 3;
    let ask = |n: u32, from: &str| {
        let f = form(&format!("spray-{n}"), &format!("ops@spray{n}.example"));
        request_otp(&store, &anonymous(), &cfg, &rules, &outbox, Some(from), f)
    };
    for n in 0..3 {
        assert!(ask(n, "198.51.100.7").is_ok(), "send {n}");
    }
    let refused = ask(3, "198.51.100.7").unwrap_err();
    assert_eq!(refused.code(), "PMS_ONB_016", "a fourth e-mail from the same address");
    assert!(refused.message().contains("3600 seconds"), "{}", refused.message());
    assert!(ask(3, "198.51.100.8").is_ok(), "another address is not limited");
    assert_eq!(outbox.sent.lock().unwrap().len(), 4, "the refused request sent nothing");

    *clock.0.lock().unwrap() += chrono::TimeDelta::hours(1);
    assert!(ask(4, "198.51.100.7").is_ok(), "the window passed");
    assert_eq!(count(&store, AuditEvent::OtpSendThrottled), 2, "the lock started, one request refused");
}

fn wrong_otps_lock_the_email_across_its_otps_and_then_the_address((store, _db): (Store, TestDb)) {
    let (store, clock) = clocked(store);
    let (rules, outbox) = (RegistrationRules::default(), Outbox::default());
    let mut cfg = OnboardingConfig::default();
    cfg.otp.resend_interval = chrono::TimeDelta::zero();
    cfg.otp_abuse.wrong.max_failures_per_account = 3;
    cfg.otp_abuse.wrong.max_failures_per_address = 4;
    let ask = |id: &str, email: &str| {
        let sent = request_otp(&store, &anonymous(), &cfg, &rules, &outbox, None, form(id, email)).unwrap();
        let otp = outbox.otp();
        let wrong = if otp == "000000" { "111111" } else { "000000" }.to_owned();
        (sent.registration_id, otp, wrong)
    };
    let check = |reg: &str, otp: &str, from: &str| {
        verify(&store, &anonymous(), &cfg, &rules, Some(from), verify_form(reg, otp)).map(|c| c.partner_id)
    };
    let x = "203.0.113.1";

    // two wrong tries, then a fresh OTP for the same e-mail: the count goes on
    let (reg, _, wrong) = ask("guess-1", "ops@guess.example");
    for _ in 0..2 {
        assert_eq!(check(&reg, &wrong, x).unwrap_err().code(), "PMS_ONB_006");
    }
    let (reg, otp, wrong) = ask("guess-1", "ops@guess.example");
    assert_eq!(check(&reg, &wrong, "203.0.113.2").unwrap_err().code(), "PMS_ONB_006", "the third locks the e-mail");
    let locked = check(&reg, &otp, "203.0.113.3").unwrap_err();
    assert_eq!(locked.code(), "PMS_ONB_016", "even the right OTP, from anywhere");
    let (reg, otp, _) = ask("guess-1", "ops@guess.example");
    assert_eq!(check(&reg, &otp, x).unwrap_err().code(), "PMS_ONB_016", "a new OTP does not open the lock");

    *clock.0.lock().unwrap() += chrono::TimeDelta::minutes(5);
    assert_eq!(check(&reg, &otp, "203.0.113.3").unwrap(), "guess-1", "the lock ends");

    // the address x has two wrong OTPs; two more on another e-mail lock it for everyone
    let (reg, otp, wrong) = ask("guess-2", "ops@guess2.example");
    for _ in 0..2 {
        assert_eq!(check(&reg, &wrong, x).unwrap_err().code(), "PMS_ONB_006");
    }
    assert_eq!(check(&reg, &otp, x).unwrap_err().code(), "PMS_ONB_016", "the address is locked");
    assert_eq!(check(&reg, &otp, "203.0.113.4").unwrap(), "guess-2", "elsewhere the right OTP works");

    // two locks started, three verifications refused while locked
    assert_eq!(count(&store, AuditEvent::OtpVerifyThrottled), 5, "{:?}", events(&store));
}

persistence::both_backends!(
    with app_core::testing::store_over;
    otps_sent_from_one_address_are_limited_per_window,
    wrong_otps_lock_the_email_across_its_otps_and_then_the_address
);
