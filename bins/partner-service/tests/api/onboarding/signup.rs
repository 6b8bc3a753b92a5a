//! The whole journey: sign-up, the OTP by file drop or over SMTP, verification, login and the token
//! at work; mail that cannot be sent.

use serde_json::json;

use super::{
    OTP, PASSWORD, accounts, add_policy_group, audits, dropped, ev, events, login, otp_in, partners, post, request_otp,
    signup, signup_row, verify,
};
use crate::api_tests;
use crate::helpers::{TestApp, serve};
use crate::smtp_sink::SmtpSink;

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
        s.service.smtp.host = Some("127.0.0.1".into());
        s.service.smtp.port = Some(sink.port);
        s.service.smtp.tls = partner_app::notify::SmtpTls::None;
        s.service.smtp.from = "PMS <no-reply@pms.test>".into();
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
        s.service.smtp.host = Some("127.0.0.1".into());
        s.service.smtp.port = Some(closed);
        s.service.smtp.tls = partner_app::notify::SmtpTls::None;
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

api_tests!(
    sign_up_with_the_file_drop_then_log_in_and_use_the_token,
    sign_up_over_a_real_smtp_conversation,
    mail_that_cannot_be_sent_is_an_error_and_does_not_throttle
);
