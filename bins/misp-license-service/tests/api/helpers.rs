use diesel::prelude::*;
use persistence::repo::audit::{AuditFilter, AuditRow, search};
use persistence::schema::misp_license;
use persistence::testing::TestDb;
use persistence::testing::fixtures::{GroupFixture, PolicyFixture, insert_partner, insert_request};
use persistence::{DbPool, PoolOptions, PooledDb};
use serde_json::{Value, json};
use web_support::testing::{self, Answer, Client};

/// A running misp-license-service over its own store.
pub struct TestApp {
    pub client: Client,
    pub port: u16,
    _db: TestDb,
    pool: DbPool,
    _data: tempfile::TempDir,
}

pub fn spawn(db: TestDb) -> TestApp {
    let data = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let settings = testing::settings(&db, data.path());
    let served = testing::spawn(move || misp_license_service::startup::build(settings));
    let port = served.port;
    let pool = DbPool::open(&db.url, &PoolOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    TestApp { client: Client::of(served), port, _db: db, pool, _data: data }
}

/// Generates a test per backend from `fn name(app: TestApp)`.
#[macro_export]
macro_rules! api_tests {
    ($($name:ident),+ $(,)?) => {
        persistence::both_backends!(with $crate::helpers::spawn; $($name),+);
    };
}

/// The documented prefix of the MOSIP 1.1 MISP API.
pub const MISPS: &str = "/partnermanagement/v1/misps/misps";
/// MOSIP 1.2's licence API for MISP partners.
pub const LICENSES: &str = "/v1/partnermanager/misps";

pub fn admin() -> String {
    testing::token("misp-admin", &["PARTNER_ADMIN"])
}

pub fn misp_user(user: &str) -> String {
    testing::token(user, &["MISP"])
}

pub fn ida() -> String {
    testing::token("ida", &["ID_AUTHENTICATION"])
}

pub fn err(a: &Answer) -> String {
    a.error_code().unwrap_or("").to_owned()
}

pub fn message(a: &Answer) -> String {
    a.body["errors"][0]["message"].as_str().unwrap_or("").to_owned()
}

impl TestApp {
    pub fn call(&self, method: &str, path: &str, token: &str, request: Option<Value>) -> Answer {
        match request {
            None if method == "GET" => self.client.get(path, Some(token)),
            None => self.client.send(method, path, Some(token), &json!({})),
            Some(r) => self.client.send(method, path, Some(token), &Client::envelope(r)),
        }
    }

    /// Registers a MISP named `name` as `user`; returns its id.
    pub fn register(&self, user: &str, name: &str) -> String {
        let a = self
            .call(
                "POST",
                MISPS,
                &misp_user(user),
                Some(json!({
                    "organizationName": name,
                    "contactNumber": "9876543210",
                    "emailId": "misp@example.com",
                    "address": "Bangalore"
                })),
            )
            .ok();
        a.response()["mispID"].as_str().unwrap_or_else(|| panic!("no id: {}", a.body)).to_owned()
    }

    /// Approves (or rejects) `id` as admin; returns the answer.
    pub fn decide(&self, id: &str, status: &str) -> Answer {
        self.call("PATCH", &format!("{MISPS}/{id}/status"), &admin(), Some(json!({ "mispStatus": status })))
    }

    /// Registers and approves a MISP; returns its id and licence key.
    pub fn approved(&self, user: &str, name: &str) -> (String, String) {
        let id = self.register(user, name);
        let a = self.decide(&id, "approved").ok();
        (id, a.response()["mispLicenseKey"].as_str().unwrap_or_default().to_owned())
    }

    /// E5 as admin.
    pub fn switch_misp(&self, id: &str, status: &str) -> Answer {
        self.call("PATCH", &format!("{MISPS}/{id}"), &admin(), Some(json!({ "mispStatus": status })))
    }

    /// E6 as admin.
    pub fn switch_key(&self, id: &str, key: &str, status: &str) -> Answer {
        self.call(
            "PUT",
            &format!("{MISPS}/{id}/licenseKey"),
            &admin(),
            Some(json!({ "mispLicenseKey": key, "mispLicenseKeyStatus": status })),
        )
    }

    /// E4 with `token`.
    pub fn validate(&self, id: &str, key: &str, token: &str) -> Answer {
        self.call("PATCH", &format!("{MISPS}/{id}/licenseKey"), token, Some(json!({ "mispLicenseKey": key })))
    }

    /// E8 as admin: `{misp, misp_licenses}`.
    pub fn misp(&self, id: &str) -> Value {
        self.call("GET", &format!("{MISPS}/mispId/{id}"), &admin(), None).ok().response().clone()
    }

    /// `key → is_active` of the MISP's keys.
    pub fn key_states(&self, id: &str) -> Vec<(String, bool)> {
        let m = self.misp(id);
        m["misp_licenses"]
            .as_array()
            .map(|ks| {
                ks.iter()
                    .map(|k| {
                        let key = k["mispLicenseUniqueKey"]["license_key"].as_str().unwrap_or_default().to_owned();
                        (key, k["isActive"].as_bool().unwrap_or_default())
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn conn(&self) -> PooledDb {
        self.pool.get().unwrap_or_else(|e| panic!("{e}"))
    }

    /// Audit records of `event_id`, oldest first.
    pub fn audits(&self, event_id: &str) -> Vec<AuditRow> {
        let f = AuditFilter { event_id: Some(event_id.into()), ..AuditFilter::default() };
        let (mut rows, _) =
            search(&mut self.conn(), &f, persistence::repo::Paging::exact(0, 500)).unwrap_or_else(|e| panic!("{e}"));
        rows.reverse();
        rows
    }

    /// Event ids recorded so far, oldest first.
    pub fn audit_ids(&self) -> Vec<String> {
        let (rows, _) = search(&mut self.conn(), &AuditFilter::default(), persistence::repo::Paging::exact(0, 500))
            .unwrap_or_else(|e| panic!("{e}"));
        let mut ids: Vec<String> = rows.into_iter().map(|r| r.event_id).collect();
        ids.reverse();
        ids
    }

    /// Moves the validity of `holder`'s keys (all, or `key`) into the past.
    pub fn expire(&self, holder: &str, key: Option<&str>) {
        let past = chrono::Utc::now().naive_utc() - chrono::Duration::days(1);
        let target = misp_license::table.filter(misp_license::misp_id.eq(holder));
        let n = match key {
            Some(k) => diesel::update(target.filter(misp_license::license_key.eq(k)))
                .set(misp_license::valid_to_date.eq(past))
                .execute(&mut self.conn()),
            None => diesel::update(target).set(misp_license::valid_to_date.eq(past)).execute(&mut self.conn()),
        };
        assert!(n.unwrap_or(0) > 0, "no key of {holder} to expire");
    }

    /// A partner row, as the partner service would create it.
    pub fn partner(&self, id: &str, partner_type: &str, active: bool) {
        let now = chrono::Utc::now().naive_utc();
        insert_partner(&mut self.conn(), id, partner_type, active, now).unwrap_or_else(|e| panic!("partner {id}: {e}"));
    }

    /// A policy (in a group of its own) and a request of `partner` for it in `status`.
    pub fn policy_request(&self, partner: &str, policy: &str, status: &str, with_policy: bool) {
        let now = chrono::Utc::now().naive_utc();
        let mut conn = self.conn();
        if with_policy {
            let group = GroupFixture {
                user: "test".into(),
                by: "test".into(),
                ..GroupFixture::new(format!("g-{policy}"), format!("group {policy}"))
            };
            group.insert(&mut conn).unwrap_or_else(|e| panic!("{e}"));
            let policy_row = PolicyFixture {
                policy_type: "MISP".into(),
                by: "test".into(),
                ..PolicyFixture::new(policy, &group.id, policy)
            };
            policy_row.insert(&mut conn).unwrap_or_else(|e| panic!("{e}"));
        }
        insert_request(&mut conn, partner, policy, status, now).unwrap_or_else(|e| panic!("{e}"));
    }
}
