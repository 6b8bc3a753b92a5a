//! Sign-ups refused: the checks that come first, with MOSIP's failure events.

use serde_json::json;

use super::{OTP, dropped, ev, events, post, signup, signup_row};
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

api_tests!(sign_up_checks_come_first_with_the_seed_failure_events);
