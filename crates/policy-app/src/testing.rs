//! A fresh SQLite store, a policy manager and the configuration, for the operations' tests.

use app_core::{Actor, AuditDefaults, FixedClock, Store};
use audit_events::AuditEvent;
use persistence::repo::audit::{AuditFilter, search};
use persistence::testing::TestDb;
use persistence::{DbPool, PoolOptions};
use policy_domain::PolicyType;
use serde_json::{Value, json};

use crate::config::{PolicyConfig, PolicySettings};
use crate::dto::{GroupRequest, PolicyBody};

pub const SCHEMA_URL: &str = "https://schemas.mosip.io/v1/auth-policy";

/// A store over a fresh SQLite file (kept alive by the returned `TestDb`), at a fixed time. (Its
/// randomness is the OS's: a seeded one would draw the same id for every record.)
pub fn store() -> (TestDb, Store) {
    let test = TestDb::sqlite();
    let pool = DbPool::open(&test.url, &PoolOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    let defaults = AuditDefaults {
        host_name: "test".into(),
        host_ip: "127.0.0.1".into(),
        application_id: "10002".into(),
        application_name: "PMS".into(),
    };
    let now = chrono::DateTime::from_timestamp(1_700_000_000, 0).map(|d| d.naive_utc()).unwrap_or_default();
    let store = Store::new(pool, defaults).unwrap_or_else(|e| panic!("{e}")).with_clock(FixedClock(now));
    (test, store)
}

pub fn manager() -> Actor {
    Actor::new("pm1", ["POLICYMANAGER".to_owned()], "PARTNER_ADMIN")
}

/// Every type allowed, the built-in schemas.
pub fn config() -> PolicyConfig {
    let source = PolicySettings {
        allowed_types: PolicyType::ALL.iter().map(ToString::to_string).collect(),
        schema_url: SCHEMA_URL.to_owned(),
        ..PolicySettings::default()
    };
    PolicyConfig::load(&source).unwrap_or_else(|e| panic!("{e}"))
}

pub fn group_request(name: &str) -> GroupRequest {
    GroupRequest { name: Some(name.into()), desc: Some(format!("{name} policies")), is_active: None }
}

pub fn auth_document() -> Value {
    json!({"authTokenType": "random",
        "allowedAuthTypes": [{"authType": "otp", "authSubType": "", "mandatory": true}],
        "allowedKycAttributes": [{"attributeName": "fullName"}]})
}

pub fn policy_request(group: &str, name: &str) -> PolicyBody {
    PolicyBody {
        policy_id: None,
        policy_group_name: Some(group.into()),
        policy_type: Some("Auth".into()),
        name: Some(name.into()),
        desc: Some(format!("{name} policy")),
        version: Some("1.0".into()),
        policies: Some(auth_document()),
    }
}

/// The error codes of the audit records of `event` (about `ref_id`, when given), sorted: one
/// item per record.
pub fn audited(store: &Store, event: AuditEvent, ref_id: Option<&str>) -> Vec<Option<String>> {
    let mut conn = store.pool().get().unwrap_or_else(|e| panic!("{e}"));
    let filter = AuditFilter {
        event_id: Some(event.def().id.to_owned()),
        ref_id: ref_id.map(str::to_owned),
        ..AuditFilter::default()
    };
    let (rows, _) =
        search(&mut conn, &filter, persistence::repo::Paging::exact(0, 1000)).unwrap_or_else(|e| panic!("{e}"));
    let mut codes: Vec<Option<String>> = rows.into_iter().map(|r| r.error_code).collect();
    codes.sort();
    codes
}

/// The codes of a failure.
pub fn codes(e: &app_core::AppError) -> Vec<&str> {
    e.problems.iter().map(|p| p.code.as_str()).collect()
}
