use web_support::testing::{Process, command};

use crate::api_tests;
use crate::helpers::TestApp;

const BIN: &str = env!("CARGO_BIN_EXE_misp-license-service");
const HEALTH: &str = "/partnermanagement/v1/misps/actuator/health";

fn health_reports_the_database(app: TestApp) {
    let a = app.client.get(HEALTH, None);
    assert_eq!(a.status, 200, "{}", a.body);
    assert_eq!(a.body["status"], "UP");
    assert!(a.header("x-request-id").is_some());
}

api_tests!(health_reports_the_database);

#[test]
fn starts_with_no_configuration_beside_partner_service_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let service = Process::start(BIN, dir.path(), HEALTH, &[]);
    assert!(dir.path().join("data/pms.sqlite3").is_file());
    let out = command(BIN, dir.path()).args(["token", "--user", "u", "--roles", "MISP_PARTNER"]).output();
    let out = out.unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(service.terminate().success());
    let migrate = command(BIN, dir.path()).arg("migrate").output().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(String::from_utf8_lossy(&migrate.stdout).trim(), "applied 0 migration(s)");
}
