//! Sign-ups refused: the checks that come first (with MOSIP's failure events), and duplicates.

use serde_json::json;

use super::{
    OTP, PASSWORD, accounts, dropped, ev, events, login, partners, post, request_otp, signup, signup_row, verify,
};
use crate::api_tests;
use crate::helpers::{TestApp, serve};

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
        s.service.onboarding.blocked_email_domains = vec!["mailinator.com".into()];
        s.service.onboarding.allowed_partner_types = vec!["FTM_Provider".into()];
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

api_tests!(sign_up_checks_come_first_with_the_seed_failure_events, duplicates_are_refused_as_registration_refuses_them);
