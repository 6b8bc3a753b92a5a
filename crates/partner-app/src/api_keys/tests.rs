use app_core::SeededEntropy;
use audit_events::AuditEvent;
use chrono::Duration;
use partner_domain::api_key::ApiKeyPolicy;

use super::*;
use crate::requests::fixtures::{World, admin, approved, now, user, world};
use crate::requests::requests_of_partner;

fn body(policy: &str, label: &str) -> GenerateBody {
    GenerateBody { policy_name: Some(policy.into()), label: Some(label.into()) }
}

fn make(w: &World, partner: &str, label: &str) -> Result<Generated, AppError> {
    generate(&w.store, &user(partner), &PartnerConfig::default(), partner, body("auth policy", label))
}

fn id(e: AuditEvent) -> String {
    e.def().id.to_owned()
}

#[test]
fn a_key_follows_the_policy_and_its_label_is_unique() {
    let w = world();
    approved(&w, "tech", "auth policy");
    let key = make(&w, "tech", "  counter   1 ").unwrap();
    assert!(ApiKeyPolicy::looks_like_a_key(&key.api_key), "{}", key.api_key);
    assert_eq!((key.label.as_str(), key.policy_id.as_str(), key.partner_id.as_str()), ("counter 1", "p-auth", "tech"));
    let items = requests_of_partner(&w.store, &user("tech"), "tech").unwrap();
    assert_eq!(items[0].partner_api_key.as_ref(), Some(&key.api_key));
    let days = i64::from(ApiKeyPolicy::DEFAULT_VALIDITY_DAYS);
    assert_eq!(items[0].validity_till, Some(now() + Duration::days(days)));
    assert_eq!(make(&w, "tech", "counter 1").unwrap_err().code(), "PMS_PRT_110");
    let audit = w.audit();
    assert_eq!(audit.iter().filter(|(e, _)| e == &id(AuditEvent::ApiKeyApproved)).count(), 1);
    assert_eq!(audit.iter().filter(|(e, _)| e == &id(AuditEvent::CreateApiKey)).count(), 2);
}

#[test]
fn keys_are_drawn_from_the_stores_randomness() {
    let a = world();
    let b = world();
    for w in [&a, &b] {
        approved(w, "tech", "auth policy");
    }
    let seeded = |w: &World| w.store.clone().with_entropy(SeededEntropy::new(3));
    let cfg = PartnerConfig::default();
    let first = generate(&seeded(&a), &user("tech"), &cfg, "tech", body("auth policy", "one")).unwrap();
    let again = generate(&seeded(&b), &user("tech"), &cfg, "tech", body("auth policy", "one")).unwrap();
    assert_eq!(first.api_key, again.api_key);
    let second = generate(&seeded(&a), &user("tech"), &cfg, "tech", body("auth policy", "two")).unwrap();
    assert_ne!(second.api_key, first.api_key, "a taken key is drawn again");
}

#[test]
fn generation_is_refused_in_mosips_order() {
    let w = world();
    let cfg = PartnerConfig::default();
    let for_other = generate(&w.store, &admin(), &cfg, "tech", body("auth policy", "x")).unwrap_err();
    assert_eq!(for_other.code(), "PMS_PRT_055", "keys are the partner's own, even for admins");
    let blank = make(&w, "tech", " ");
    assert_eq!(blank.unwrap_err().message(), "Invalid request parameter - must not be blank :request.label");
    let both = generate(&w.store, &user("tech"), &cfg, "tech", GenerateBody::default()).unwrap_err();
    assert_eq!(both.problems.len(), 2);
    let long = make(&w, "tech", &"x".repeat(LABEL_MAX + 1)).unwrap_err();
    assert_eq!(long.message(), "Invalid request parameter - Length should be between 1 and 36 chars :request.label");
    assert_eq!(make(&w, "tech", "x").unwrap_err().code(), "PMS_PRT_109");
    assert_eq!(make(&w, "idle", "x").unwrap_err().code(), "PMS_PMP_016");
    let unknown = generate(&w.store, &user("tech"), &cfg, "tech", body("no such", "x")).unwrap_err();
    assert_eq!(unknown.code(), "PMS_PMP_014");
    assert!(!w.audit().iter().any(|(e, _)| e == &id(AuditEvent::ApiKeyApproved)));
}

#[test]
fn a_key_is_switched_moved_and_found() {
    let w = world();
    approved(&w, "tech", "auth policy");
    let key = make(&w, "tech", "k").unwrap().api_key;
    let switch = |who: &Actor, to: &str| {
        let body = KeyStatusBody { label: Some("k".into()), status: Some(to.into()) };
        status(&w.store, who, "tech", "p-auth", body)
    };
    assert_eq!(switch(&user("tech"), "de-active").unwrap(), "Partner apikey de-activated successfully.");
    assert_eq!(switch(&user("tech"), "De-Active").unwrap_err().code(), "PMS_PMS_022");
    let off = RemapBody { old_policy_id: Some("p-auth".into()), new_policy_id: Some("p-auth".into()) };
    assert_eq!(remap(&w.store, &admin(), "tech", &key, off).unwrap_err().code(), "PMS_PMS_022");
    assert_eq!(switch(&admin(), "Active").unwrap(), "Partner apikey activated successfully.");
    let to = |new: &str| RemapBody { old_policy_id: Some("p-auth".into()), new_policy_id: Some(new.into()) };
    assert_eq!(remap(&w.store, &admin(), "tech", &key, to("nope")).unwrap_err().message(), "Policy does not existnope");
    let none = remap(&w.store, &admin(), "tech", &key, RemapBody::default()).unwrap_err();
    assert_eq!(none.problems.len(), 2);
    assert_eq!(remap(&w.store, &admin(), "tech", &key, to("p-old")).unwrap().message, KEY_REMAPPED);
    assert_eq!(remap(&w.store, &admin(), "tech", &key, to("p-old")).unwrap_err().code(), "PMS_PMP_50", "moved already");
    let found = policy_of_key(&w.store, &admin(), "tech", &key).unwrap();
    assert_eq!((found.partner_id.as_str(), found.policy_id.as_str()), ("tech", "p-old"));
    assert_eq!(policy_of_key(&w.store, &admin(), "cred", &key).unwrap_err().code(), "PMS_PMP_009");
}

#[test]
fn each_key_is_listed_once_however_many_approvals_its_policy_has() {
    use diesel::RunQueryDsl;
    let w = world();
    approved(&w, "tech", "auth policy");
    let keys: Vec<_> = ["one", "two"].iter().map(|l| make(&w, "tech", l).unwrap().api_key).collect();
    // A second approved request for the same policy: the API refuses to create one, older stores may hold it.
    let conn = &mut w.store.pool().get().unwrap();
    diesel::sql_query(
        "INSERT INTO partner_policy_request (id, part_id, policy_id, request_datetimes, request_detail, \
         status_code, cr_by, cr_dtimes, is_deleted) \
         SELECT 'again', part_id, policy_id, request_datetimes, request_detail, status_code, cr_by, cr_dtimes, \
         is_deleted FROM partner_policy_request WHERE part_id = 'tech'",
    )
    .execute(conn)
    .unwrap();
    let items = requests_of_partner(&w.store, &user("tech"), "tech").unwrap();
    let listed: Vec<_> = items.iter().filter_map(|i| i.partner_api_key.as_ref()).collect();
    assert_eq!(listed.len(), keys.len(), "{items:?}");
    assert!(keys.iter().all(|k| listed.contains(&k)));
    assert_eq!(items.len(), keys.len() + 1, "the other approval is listed once, without a key");
}

#[test]
fn a_key_is_generated_only_for_a_policy_of_the_partners_own_group() {
    let w = world();
    {
        let conn = &mut w.store.pool().get().unwrap();
        let group = policy_domain::PolicyGroup {
            id: "g2".into(),
            name: "group two".into(),
            desc: "d".into(),
            user_id: "tester".into(),
            is_active: true,
            cr_by: "tester".into(),
            cr_dtimes: now(),
            upd_by: None,
            upd_dtimes: None,
        };
        persistence::repo::policy::insert_group(conn, &group).unwrap();
        let mut policy = persistence::repo::policy::find_policy(conn, &PolicyId::from("p-auth")).unwrap().unwrap();
        policy.id = "p-other".into();
        policy.group_id = "g2".into();
        policy.name = "other group policy".into();
        persistence::repo::policy::insert_policy(conn, &policy).unwrap();
    }
    let cfg = PartnerConfig::default();
    let other = generate(&w.store, &user("tech"), &cfg, "tech", body("other group policy", "x")).unwrap_err();
    assert_eq!(other.code(), "PMS_PMP_014", "a policy of another group is no policy of this partner's");
    assert_eq!(make(&w, "ghost", "x").unwrap_err().code(), "PMS_PMP_005", "no such partner");
    approved(&w, "tech", "auth policy");
    assert!(make(&w, "tech", "x").is_ok());
}
