#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests fail loudly")]

use std::sync::Mutex;

use app_core::testing::{self, audit_events as events};
use app_core::{Actor, FailureKind, Store};
use audit_events::AuditEvent;
use chrono::Timelike;
use partner_domain::registration::RegistrationRules;
use persistence::Backend;
use persistence::testing::TestDb;

use super::login::{LoginForm, TokenIssuer, login};
use super::otp::{MAIL_FAILED, request_otp};
use super::signup::SignUpForm;
use super::verify::{VerifyForm, verify};
use super::*;

const PASSWORD: &str = "c0rrect-Horse-battery";

fn store() -> (Store, TestDb) {
    testing::store(Backend::Sqlite).unwrap()
}

/// Keeps what it is asked to send, or refuses everything.
#[derive(Default)]
struct Outbox {
    sent: Mutex<Vec<Mail>>,
    broken: bool,
}

impl Notifier for Outbox {
    fn send(&self, mail: &Mail) -> Result<(), String> {
        if self.broken {
            return Err("connection refused".into());
        }
        self.sent.lock().unwrap().push(mail.clone());
        Ok(())
    }

    fn describe(&self) -> String {
        "outbox".into()
    }
}

impl Outbox {
    /// The OTP of the last message.
    fn otp(&self) -> String {
        let sent = self.sent.lock().unwrap();
        let body = &sent.last().unwrap().body;
        body.split_whitespace().find(|w| w.len() == 6 && w.chars().all(|c| c.is_ascii_digit())).unwrap().to_owned()
    }
}

struct Tokens;

impl TokenIssuer for Tokens {
    fn issue(&self, user: &str, roles: &[String], _: Option<&str>, now: i64) -> Result<(String, i64), String> {
        Ok((format!("{user}:{}", roles.join(",")), now + 600))
    }

    fn lifetime_secs(&self) -> i64 {
        600
    }
}

fn onboarding(with_issuer: bool) -> Onboarding {
    Onboarding {
        enabled: true,
        rules: OnboardingConfig::default(),
        notifier: std::sync::Arc::new(Outbox::default()),
        token_issuer: with_issuer.then(|| std::sync::Arc::new(Tokens) as std::sync::Arc<dyn TokenIssuer>),
    }
}

fn anonymous() -> Actor {
    Actor::anonymous(ANONYMOUS, None)
}

fn form(id: &str, email: &str) -> SignUpForm {
    SignUpForm {
        partner_id: Some(id.into()),
        organization_name: Some(format!("{id} Ltd")),
        email_id: Some(email.into()),
        partner_type: Some("Device_Provider".into()),
        policy_group: None,
        contact_number: Some("9876543210".into()),
        address: Some("1 Main Street".into()),
        lang_code: None,
    }
}

fn verify_form(registration_id: &str, otp: &str) -> VerifyForm {
    VerifyForm { registration_id: Some(registration_id.into()), otp: Some(otp.into()), password: Some(PASSWORD.into()) }
}

fn ev(event: AuditEvent, code: Option<&str>) -> (String, Option<String>) {
    (event.id().to_owned(), code.map(str::to_owned))
}

#[test]
fn a_sign_up_is_mailed_verified_and_logs_in() {
    let (store, _db) = store();
    let (cfg, rules, outbox) = (OnboardingConfig::default(), RegistrationRules::default(), Outbox::default());
    let sent =
        request_otp(&store, &anonymous(), &cfg, &rules, &outbox, None, form("dev-1", "ops@dev.example")).unwrap();
    assert_eq!(sent.email_id, "ops@dev.example");
    assert_eq!(outbox.sent.lock().unwrap()[0].to, "ops@dev.example");

    let created =
        verify(&store, &anonymous(), &cfg, &rules, None, verify_form(&sent.registration_id, &outbox.otp())).unwrap();
    assert_eq!((created.partner_id.as_str(), created.status.as_str()), ("dev-1", "InProgress"));
    let again = verify(&store, &anonymous(), &cfg, &rules, None, verify_form(&sent.registration_id, &outbox.otp()));
    assert_eq!(again.unwrap_err().code(), "PMS_ONB_009", "an OTP completes one sign-up");
    let welcome: Vec<(String, String)> = {
        use diesel::prelude::*;
        use persistence::schema::mail_outbox::dsl;
        dsl::mail_outbox.select((dsl::mail_to, dsl::template)).load(&mut store.pool().get().unwrap()).unwrap()
    };
    assert_eq!(welcome, [("ops@dev.example".to_owned(), "partner_registered".to_owned())], "queued with the partner");

    let form = LoginForm { user_name: Some("DEV-1".into()), password: Some(PASSWORD.into()) };
    let logged = login(&store, &onboarding(true), &anonymous(), None, form).unwrap();
    assert_eq!(logged.user_id, "dev-1");
    assert_eq!(logged.token, format!("dev-1:{}", logged.roles.join(",")));
    assert_eq!(logged.expiry_time, testing::test_now().with_nanosecond(0).unwrap() + chrono::TimeDelta::seconds(600));
    assert!(events(&store).contains(&ev(AuditEvent::RegisterPartnerSuccess, None)), "the registration is audited");
}

#[test]
fn a_wrong_otp_costs_a_try_and_is_audited() {
    let (store, _db) = store();
    let (cfg, rules, outbox) = (OnboardingConfig::default(), RegistrationRules::default(), Outbox::default());
    let sent =
        request_otp(&store, &anonymous(), &cfg, &rules, &outbox, None, form("dev-2", "ops@two.example")).unwrap();
    let wrong = if outbox.otp() == "000000" { "111111" } else { "000000" };
    let e = verify(&store, &anonymous(), &cfg, &rules, None, verify_form(&sent.registration_id, wrong)).unwrap_err();
    assert_eq!(e.code(), "PMS_ONB_006");
    assert_eq!(e.message(), format!("Invalid OTP; {} attempt(s) left.", cfg.otp.max_tries - 1));
    assert_eq!(
        events(&store),
        [
            ev(AuditEvent::RegisterPartner, None),
            ev(AuditEvent::RegisterPartner, None),
            ev(AuditEvent::InvalidEmailOnCreate, Some("PMS_ONB_006"))
        ]
    );
}

#[test]
fn mail_that_cannot_be_sent_voids_the_otp() {
    let (store, _db) = store();
    let (cfg, rules) = (OnboardingConfig::default(), RegistrationRules::default());
    let broken = Outbox { broken: true, ..Outbox::default() };
    let e =
        request_otp(&store, &anonymous(), &cfg, &rules, &broken, None, form("dev-3", "ops@three.example")).unwrap_err();
    assert_eq!((e.code(), e.kind), (MAIL_FAILED, FailureKind::Unavailable));
    assert!(events(&store).contains(&ev(AuditEvent::InvalidEmailOnCreate, Some(MAIL_FAILED))));

    // the send did not count: a new OTP goes out at once
    let outbox = Outbox::default();
    let sent =
        request_otp(&store, &anonymous(), &cfg, &rules, &outbox, None, form("dev-3", "ops@three.example")).unwrap();
    assert!(
        verify(&store, &anonymous(), &cfg, &rules, None, verify_form(&sent.registration_id, &outbox.otp())).is_ok()
    );
}

#[test]
fn refused_sign_ups_record_the_seed_failure_event_and_send_nothing() {
    let (store, _db) = store();
    let (cfg, rules, outbox) = (OnboardingConfig::default(), RegistrationRules::default(), Outbox::default());
    let mut admin = form("adm", "a@b.example");
    admin.partner_type = Some("Partner_Admin".into());
    let e = request_otp(&store, &anonymous(), &cfg, &rules, &outbox, None, admin).unwrap_err();
    assert_eq!(e.code(), "PMS_ONB_002");
    let mut bad = form("p 1", "a@b.example");
    bad.contact_number = None;
    let e = request_otp(&store, &anonymous(), &cfg, &rules, &outbox, None, bad).unwrap_err();
    assert_eq!(e.message(), "Invalid request parameter - value is empty or null :request.contactNumber");
    assert!(outbox.sent.lock().unwrap().is_empty());
    assert_eq!(
        events(&store),
        [
            ev(AuditEvent::RegisterPartner, None),
            ev(AuditEvent::RegisterPartner, None),
            ev(AuditEvent::InvalidEmailOnCreate, Some("PMS_COR_001")),
            ev(AuditEvent::PartnerTypeNotAllowed, Some("PMS_ONB_002")),
        ]
    );
}

#[test]
fn local_login_needs_an_issuer_and_the_right_password() {
    let (store, _db) = store();
    let granted = admin_account::create_admin(&store, &Default::default(), "root-admin", PASSWORD, None).unwrap();
    assert!(granted.contains(&"PARTNER_ADMIN".to_owned()));
    let dup = admin_account::create_admin(&store, &Default::default(), "Root-Admin", PASSWORD, None).unwrap_err();
    assert!(dup.message().contains("already exists"));

    let creds = |password: &str| LoginForm { user_name: Some("root-admin".into()), password: Some(password.into()) };
    let (without, with) = (onboarding(false), onboarding(true));
    assert_eq!(login(&store, &without, &anonymous(), None, creds(PASSWORD)).unwrap_err().code(), "PMS_ONB_012");
    let wrong = login(&store, &with, &anonymous(), None, creds("wrong-Horse-battery"));
    assert_eq!(wrong.unwrap_err().code(), "PMS_ONB_011");
    assert_eq!(login(&store, &with, &anonymous(), None, creds(PASSWORD)).unwrap().roles, granted);
}

/// A clock the test moves.
#[derive(Clone)]
struct ManualClock(std::sync::Arc<Mutex<chrono::NaiveDateTime>>);

impl app_core::Clock for ManualClock {
    fn now(&self) -> chrono::NaiveDateTime {
        *self.0.lock().unwrap()
    }
}

#[test]
fn failed_logins_lock_the_account_then_the_address_and_every_refusal_is_audited() {
    let (store, _db) = store();
    let clock = ManualClock(std::sync::Arc::new(Mutex::new(testing::test_now())));
    let store = store.with_clock(clock.clone());
    admin_account::create_admin(&store, &Default::default(), "root-admin", PASSWORD, None).unwrap();
    admin_account::create_admin(&store, &Default::default(), "other-admin", PASSWORD, None).unwrap();
    let mut on = onboarding(true);
    on.rules.login.max_failures_per_address = 8;
    let creds =
        |user: &str, password: &str| LoginForm { user_name: Some(user.into()), password: Some(password.into()) };
    let try_login =
        |user: &str, password: &str, from: &str| login(&store, &on, &anonymous(), Some(from), creds(user, password));

    for _ in 0..5 {
        assert_eq!(try_login("root-admin", "wrong-Horse-battery", "198.51.100.1").unwrap_err().code(), "PMS_ONB_011");
    }
    let locked = try_login("root-admin", PASSWORD, "198.51.100.2").unwrap_err();
    assert_eq!(locked.code(), "PMS_ONB_015", "the right password does not open a locked account");
    assert!(locked.message().contains("60 seconds"), "{}", locked.message());
    assert!(try_login("other-admin", PASSWORD, "198.51.100.1").is_ok(), "another account from the same address");

    *clock.0.lock().unwrap() += chrono::TimeDelta::seconds(60);
    assert!(try_login("root-admin", PASSWORD, "198.51.100.2").is_ok(), "the lock ends");
    assert_eq!(try_login("root-admin", "wrong-Horse-battery", "198.51.100.2").unwrap_err().code(), "PMS_ONB_011");
    assert!(try_login("root-admin", PASSWORD, "198.51.100.2").is_ok(), "a success forgot the account's failures");

    for _ in 0..3 {
        assert_eq!(try_login("nobody", "wrong-Horse-battery", "198.51.100.1").unwrap_err().code(), "PMS_ONB_011");
    }
    let address_locked = try_login("other-admin", PASSWORD, "198.51.100.1").unwrap_err();
    assert_eq!(address_locked.code(), "PMS_ONB_015", "eight failures from one address lock it for everyone");
    assert!(try_login("other-admin", PASSWORD, "198.51.100.3").is_ok());

    let audit = events(&store);
    let refused = audit.iter().filter(|e| **e == ev(AuditEvent::LoginRefused, Some("PMS_ONB_011"))).count();
    let locks = audit.iter().filter(|e| **e == ev(AuditEvent::LoginLocked, Some("PMS_ONB_015"))).count();
    assert_eq!(refused, 9, "{audit:?}");
    assert_eq!(locks, 4, "two locks started, two logins refused while locked: {audit:?}");
}

#[test]
fn the_form_offers_active_self_service_types_and_active_groups() {
    let (store, _db) = store();
    let all = choices::signup_choices(&store, &OnboardingConfig::default()).unwrap();
    let codes: Vec<&str> = all.partner_types.iter().map(|t| t.code.as_str()).collect();
    assert!(codes.contains(&"Device_Provider") && !codes.contains(&"Partner_Admin"), "{codes:?}");
    let mut cfg = OnboardingConfig::default();
    cfg.partner_types.allowed = vec!["ftm_provider".into()];
    let narrowed = choices::signup_choices(&store, &cfg).unwrap();
    assert_eq!(narrowed.partner_types.iter().map(|t| t.code.as_str()).collect::<Vec<_>>(), ["FTM_Provider"]);
}

#[test]
fn seed_failure_events_follow_the_error() {
    assert_eq!(failure_event("PMS_PRT_012"), AuditEvent::InvalidEmailOnCreate);
    assert_eq!(failure_event("PMS_PRT_001"), AuditEvent::OrganisationAlreadyRegistered);
    assert_eq!(failure_event("PMS_PRT_108"), AuditEvent::PolicyGroupMissing);
    assert_eq!(failure_event("PMS_ONB_002"), AuditEvent::PartnerTypeNotAllowed);
    assert_eq!(failure_event("PMS_ONB_001"), AuditEvent::EmailNotAllowed);
    assert_eq!(failure_event("PMS_ONB_006"), AuditEvent::InvalidEmailOnCreate);
    let e = with_event(AppError::refused("PMS_ONB_001", "x"));
    assert_eq!(e.audit, vec![(AuditEvent::EmailNotAllowed, None)]);
}

mod otp_abuse;
