//! The first administrator: it logs in with admin roles, also when created on the command line.

use serde_json::json;

use super::{OTP, login, post, signup};
use crate::api_tests;
use crate::helpers::TestApp;

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

api_tests!(the_first_administrator_logs_in_with_admin_roles);
