//! A small world for the policy-mapping, key, extractor and credential-type tests: one active
//! policy group with a usable and an expired policy, and partners of several types.

use app_core::{Actor, AuditDefaults, FixedClock, Store};
use chrono::{Duration, NaiveDateTime};
use diesel::RunQueryDsl;
use persistence::repo::audit::{AuditFilter, search};
use persistence::repo::partner::PartnerRow;
use persistence::testing::TestDb;
use persistence::{DbPool, PoolOptions, repo};
use policy_domain::{Policy, PolicyGroup};

/// The time every operation of the world runs at.
pub fn now() -> NaiveDateTime {
    chrono::DateTime::from_timestamp(1_800_000_000, 0).map(|d| d.naive_utc()).unwrap()
}

pub const ADMIN_ROLE: &str = "PARTNER_ADMIN";

pub struct World {
    pub store: Store,
    _db: TestDb,
}

/// A migrated SQLite store at [`now`] and:
/// - group `g1` (active) with `p-auth` "auth policy" (usable) and `p-old` "old policy" (expired);
/// - active partners `tech` (`Auth_Partner`) and `cred` (`Credential_Partner`), and `idle`
///   (`Auth_Partner`, not active), all in `g1`.
pub fn world() -> World {
    let db = TestDb::sqlite();
    let pool = DbPool::open(&db.url, &PoolOptions::default()).unwrap();
    let defaults = AuditDefaults {
        host_name: "test".into(),
        host_ip: "127.0.0.1".into(),
        application_id: "PMS".into(),
        application_name: "tests".into(),
    };
    let store = Store::new(pool, defaults).unwrap().with_clock(FixedClock(now()));
    let conn = &mut store.pool().get().unwrap();
    let t = now();
    let group = PolicyGroup {
        id: "g1".into(),
        name: "group one".into(),
        desc: "d".into(),
        user_id: "tester".into(),
        is_active: true,
        cr_by: "tester".into(),
        cr_dtimes: t,
        upd_by: None,
        upd_dtimes: None,
    };
    repo::policy::insert_group(conn, &group).unwrap();
    for (id, name, days) in [("p-auth", "auth policy", 30), ("p-old", "old policy", -1)] {
        let policy = Policy {
            id: id.into(),
            group_id: "g1".into(),
            name: name.into(),
            desc: format!("{name} description"),
            policies: r#"{"allowedKycAttributes":[]}"#.into(),
            policy_type: "Auth".into(),
            version: "1.0".into(),
            schema: Some("https://schemas.mosip.io/v1/auth-policy".into()),
            valid_from: t - Duration::days(2),
            valid_to: t + Duration::days(days),
            is_active: true,
            cr_by: "tester".into(),
            cr_dtimes: t,
            upd_by: None,
            upd_dtimes: None,
        };
        repo::policy::insert_policy(conn, &policy).unwrap();
    }
    for (id, kind, active) in
        [("tech", "Auth_Partner", true), ("cred", "Credential_Partner", true), ("idle", "Auth_Partner", false)]
    {
        insert_partner(conn, id, kind, active);
    }
    World { store, _db: db }
}

/// Inserts partner `id` ("`id` org") of type `kind` into group `g1`, at [`now`].
pub fn insert_partner(conn: &mut persistence::DbConnection, id: &str, kind: &str, active: bool) {
    let t = now();
    let row = PartnerRow {
        id: id.into(),
        policy_group_id: Some("g1".into()),
        name: format!("{id} org"),
        address: None,
        contact_no: None,
        email_id: Some(format!("{id}@example.org")),
        certificate_alias: None,
        user_id: id.into(),
        partner_type_code: kind.into(),
        approval_status: "approved".into(),
        is_active: active,
        lang_code: Some("eng".into()),
        logo_url: None,
        addl_info: None,
        cr_by: "tester".into(),
        cr_dtimes: t,
        upd_by: None,
        upd_dtimes: None,
        is_deleted: false,
        del_dtimes: None,
    };
    diesel::insert_into(persistence::schema::partner::table).values(&row).execute(conn).unwrap();
}

/// A partner (or any non-admin user) named `user`.
pub fn user(user: &str) -> Actor {
    Actor::new(user, ["AUTH_PARTNER".to_owned()], ADMIN_ROLE)
}

pub fn admin() -> Actor {
    Actor::new("boss", [ADMIN_ROLE.to_owned()], ADMIN_ROLE)
}

impl World {
    /// The `(event id, error code)` of every audit record, sorted (they all bear one time).
    pub fn audit(&self) -> Vec<(String, Option<String>)> {
        let conn = &mut self.store.pool().get().unwrap();
        let (rows, _) = search(conn, &AuditFilter::default(), persistence::repo::Paging::exact(0, 1000)).unwrap();
        let mut events: Vec<_> = rows.into_iter().map(|r| (r.event_id, r.error_code)).collect();
        events.sort();
        events
    }

    /// The pending outbox rows as `(topic, source, data)`, in the order they were published.
    pub fn outbox(&self) -> Vec<(String, String, serde_json::Value)> {
        let conn = &mut self.store.pool().get().unwrap();
        let rows = repo::outbox::list(conn, repo::outbox::PENDING, 0, 100).unwrap();
        rows.into_iter().map(|r| (r.topic, r.source, serde_json::from_str(&r.data).unwrap())).collect()
    }
}

/// `partner` asks for the policy named `policy_name` and an admin approves; the request's id.
pub fn approved(w: &World, partner: &str, policy_name: &str) -> String {
    let body = super::MappingBody { policy_name: Some(policy_name.into()), use_case_description: Some("tests".into()) };
    let key = super::request(&w.store, &user(partner), partner, body).unwrap().mappingkey;
    let approve = crate::dto::StatusBody { status: Some("Approved".into()) };
    super::review(&w.store, &admin(), &crate::PartnerConfig::default(), &key, approve).unwrap();
    key
}
