//! The real binary, as a user runs it: no configuration, a fresh working directory.

use web_support::testing::{Process, command};

const BIN: &str = env!("CARGO_BIN_EXE_partner-service");
const HEALTH: &str = "/v1/partnermanager/actuator/health";

#[test]
fn starts_with_no_configuration_mints_tokens_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let service = Process::start(BIN, dir.path(), HEALTH, &[]);
    assert!(dir.path().join("data/pms.sqlite3").is_file(), "the embedded store is created under ./data");
    assert!(dir.path().join("data/jwt-hs256.secret").is_file(), "a token secret is generated beside it");

    // the CLI signs with the same stored secret
    let out = command(BIN, dir.path())
        .args(["token", "--user", "admin-1", "--roles", "PARTNER_ADMIN,POLICYMANAGER"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let token = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    assert_eq!(token.split('.').count(), 3);
    let a = service.client.get("/v1/partnermanager/audits", Some(&token));
    assert_eq!(a.status, 200, "{}", a.body);

    let status = service.terminate();
    assert!(status.success(), "graceful stop exits 0, got {status}");
}

#[test]
fn migrate_applies_pending_migrations_once() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let run = || command(BIN, dir.path()).arg("migrate").output().unwrap_or_else(|e| panic!("{e}"));
    let first = run();
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let text = String::from_utf8_lossy(&first.stdout);
    assert!(text.starts_with("applied ") && !text.starts_with("applied 0"), "{text}");
    let again = run();
    assert_eq!(String::from_utf8_lossy(&again.stdout).trim(), "applied 0 migration(s)");
    let bad = command(BIN, dir.path()).arg("migrate").env("PMS__DATABASE__URL", "mysql://x").output();
    let bad = bad.unwrap_or_else(|e| panic!("{e}"));
    assert!(!bad.status.success());
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("unsupported database URL"),
        "{}",
        String::from_utf8_lossy(&bad.stderr)
    );
}
