#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests fail loudly")]
//! Registration's read-ahead answers every question as the store does question by question.

use diesel::prelude::*;
use partner_domain::PartnerError;
use partner_domain::registration::{Registrant, RegistrationLookup, RegistrationRequest, RegistrationRules};
use persistence::repo::partner::{Lookups, email_registered, find_type, register_partner};
use persistence::repo::partner_policy::group_by_name;
use persistence::schema::partner;
use persistence::testing::TestDb;
use persistence::testing::fixtures::GroupFixture;
use persistence::{DbConnection, DbPool, PoolOptions, PooledDb, both_backends};

#[derive(Debug)]
enum Failure {
    Rule(PartnerError),
    Store(diesel::result::Error),
}

impl From<PartnerError> for Failure {
    fn from(e: PartnerError) -> Self {
        Failure::Rule(e)
    }
}

impl From<diesel::result::Error> for Failure {
    fn from(e: diesel::result::Error) -> Self {
        Failure::Store(e)
    }
}

fn request(id: &str, email: &str, partner_type: &str, group: Option<&str>) -> RegistrationRequest {
    RegistrationRequest {
        partner_id: id.into(),
        organization_name: format!("{id} org"),
        address: "1 Main Street".into(),
        contact_number: "9876543210".into(),
        email_id: email.into(),
        partner_type: partner_type.into(),
        policy_group: group.map(Into::into),
        lang_code: None,
        logo_url: None,
        additional_info: None,
    }
}

fn registered(conn: &mut DbConnection, req: RegistrationRequest) -> Result<String, Failure> {
    let who = Registrant { user_id: "admin", email: Some("admin@example.org") };
    let now = chrono::DateTime::from_timestamp(1_700_000_000, 0).unwrap().naive_utc();
    register_partner::<Failure>(conn, req, who, &RegistrationRules::default(), now).map(|p| p.id)
}

/// A migrated store with groups "Group One" (active) and "Group Two" (inactive).
fn with_two_groups(db: &TestDb) -> PooledDb {
    let pool = DbPool::open(&db.url, &PoolOptions { migrate_postgres: true, ..PoolOptions::default() }).unwrap();
    let mut conn = pool.get().unwrap();
    GroupFixture::new("g1", "Group One").insert(&mut conn).unwrap();
    GroupFixture { active: false, ..GroupFixture::new("g2", "Group Two") }.insert(&mut conn).unwrap();
    conn
}

fn read_ahead_answers_as_the_store_does(db: TestDb) {
    let mut conn = with_two_groups(&db);
    let c = &mut *conn;
    registered(c, request("p1", "p1@example.org", "Auth_Partner", Some("Group One"))).unwrap();

    let emails = ["p1@example.org", "P1@example.org", "other@example.org", "admin@example.org", ""];
    let types = ["Auth_Partner", "AUTH_PARTNER", "auth_partner", "Nope", ""];
    let groups = [Some("Group One"), Some("Group Two"), Some("group one"), Some("Nope"), None];
    for (i, (email, (partner_type, group))) in emails.iter().zip(types.iter().zip(groups)).enumerate() {
        for id in ["p1", "p2"] {
            let req = request(id, email, partner_type, group);
            for caller in [None, Some("p1@example.org"), Some("nobody@example.org")] {
                let who = Registrant { user_id: "admin", email: caller };
                let mut ahead = Lookups::<Failure>::for_request(c, &req, who).unwrap();
                let asked: Vec<_> = emails.iter().map(|e| ahead.email_registered(e).unwrap()).collect();
                let id_taken = ["p1", "p2", "P1"].map(|p| ahead.partner_exists(p).unwrap());
                let type_found = types.map(|t| ahead.partner_type(t).unwrap());
                let group_found: Vec<_> =
                    groups.iter().flatten().map(|g| ahead.policy_group_by_name(g).unwrap()).collect();
                drop(ahead);
                let case = format!("case {i}, {id}, caller {caller:?}");
                assert_eq!(asked, emails.map(|e| email_registered(c, e).unwrap()), "{case}");
                assert_eq!(asked, [true, false, false, false, false], "{case}: e-mails match exactly");
                let store_ids = ["p1", "p2", "P1"].map(|p| {
                    diesel::select(diesel::dsl::exists(partner::table.find(p))).get_result::<bool>(c).unwrap()
                });
                assert_eq!(id_taken, store_ids, "{case}");
                assert_eq!(type_found, types.map(|t| find_type(c, t).unwrap()), "{case}");
                assert!(type_found[..3].iter().all(|t| t.as_ref().is_some_and(|t| t.code == "Auth_Partner")), "{case}");
                let store_groups: Vec<_> = groups.iter().flatten().map(|g| group_by_name(c, g).unwrap()).collect();
                assert_eq!(group_found, store_groups, "{case}");
            }
        }
    }
}

fn registration_applies_the_rules_on_the_read_ahead(db: TestDb) {
    let mut conn = with_two_groups(&db);
    let c = &mut *conn;
    let rule = |r: Result<String, Failure>| match r {
        Err(Failure::Rule(e)) => Some(e),
        Err(Failure::Store(e)) => panic!("{e}"),
        Ok(_) => None,
    };
    assert_eq!(rule(registered(c, request("p1", "p1@example.org", "auth_partner", Some("Group One")))), None);
    let cases = [
        (request("p2", "p1@example.org", "Auth_Partner", Some("Group One")), PartnerError::EmailTaken),
        (request("p1", "p9@example.org", "Auth_Partner", Some("Group One")), PartnerError::PartnerIdTaken),
        (request("p3", "p3@example.org", "Nope", Some("Group One")), PartnerError::PartnerTypeMissing),
        (request("p3", "p3@example.org", "Auth_Partner", Some("Nope")), PartnerError::PolicyGroupMissing),
        (request("p3", "p3@example.org", "Auth_Partner", Some("Group Two")), PartnerError::PolicyGroupInactive),
    ];
    for (req, expected) in cases {
        assert_eq!(rule(registered(c, req)), Some(expected));
    }
    let stored: String = partner::table.find("p1").select(partner::partner_type_code).get_result(c).unwrap();
    assert_eq!(stored, "Auth_Partner", "the type's own code is stored, not the request's spelling");
}

both_backends!(read_ahead_answers_as_the_store_does, registration_applies_the_rules_on_the_read_ahead);
