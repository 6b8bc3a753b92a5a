//! Duplicate sign-ups are refused as registration refuses them.

use serde_json::json;

use super::{OTP, PASSWORD, accounts, ev, events, login, partners, post, request_otp, signup, verify};
use crate::api_tests;
use crate::helpers::TestApp;

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

api_tests!(duplicates_are_refused_as_registration_refuses_them);
