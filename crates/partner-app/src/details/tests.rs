use app_core::FailureKind;
use audit_events::AuditEvent;
use partner_domain::PartnerId;

use super::*;
use crate::requests::fixtures::{admin, user, world};

fn id(e: AuditEvent) -> String {
    e.def().id.to_owned()
}

fn contact_body(email: &str, phone: &str) -> ContactBody {
    ContactBody {
        address: Some("Pune".into()),
        contact_number: Some(phone.into()),
        email_id: Some(email.into()),
        is_active: Some(true),
    }
}

#[test]
fn details_name_the_policy_group_and_a_missing_partner_is_audited() {
    let w = world();
    let d = get(&w.store, &user("tech"), "tech").unwrap();
    assert_eq!((d.status, d.policy_group.as_deref(), d.is_active), ("active", Some("group one"), true));
    assert_eq!(get(&w.store, &admin(), "idle").unwrap().status, "De-active");
    assert_eq!(get(&w.store, &admin(), "ghost").unwrap_err().code(), "PMS_PRT_005");
    assert!(w.audit().contains(&(id(AuditEvent::PartnerMissing), Some("PMS_PRT_005".into()))));
}

#[test]
fn an_update_keeps_the_logo_in_v1_and_writes_it_in_v2() {
    let w = world();
    let cfg = PartnerConfig::default();
    let req = |logo: &str| UpdateBody {
        address: Some("Mysore".into()),
        contact_number: Some("12345".into()),
        logo_url: Some(logo.into()),
        additional_info: None,
    };
    let out = update(&w.store, &user("tech"), &cfg, "tech", req("https://a/1.png"), ApiVersion::V1).unwrap();
    assert_eq!(out.status, "approved");
    let logo = |w: &crate::requests::fixtures::World| {
        repo::find(&mut w.store.pool().get().unwrap(), &PartnerId::from("tech")).unwrap().unwrap().logo_url
    };
    assert_eq!(logo(&w), None);
    update(&w.store, &user("tech"), &cfg, "tech", req("https://a/2.png"), ApiVersion::V2).unwrap();
    assert_eq!(logo(&w).as_deref(), Some("https://a/2.png"));
    let mut short = cfg.clone();
    short.rules.phone_max_length = 4;
    let err = update(&w.store, &user("tech"), &short, "tech", req("x"), ApiVersion::V1).unwrap_err();
    assert_eq!(err.code(), "PMS_PRT_013");
}

#[test]
fn a_contact_is_added_then_updated_and_a_number_is_not_shared() {
    let w = world();
    let cfg = PartnerConfig::default();
    let me = user("tech");
    let added = contact(&w.store, &me, &cfg, "tech", contact_body("a@example.org", "111")).unwrap();
    assert_eq!(added, "Contacts details added successfully.");
    let updated = contact(&w.store, &me, &cfg, "tech", contact_body("a@example.org", "222")).unwrap();
    assert_eq!(updated, "Contacts details updated successfully.");
    let clash = contact(&w.store, &me, &cfg, "tech", contact_body("b@example.org", "222")).unwrap_err();
    assert_eq!(
        clash.message(),
        "Invalid request parameter - is already used by another contact of this partner :request.contactNumber"
    );
    let listed = contacts(&w.store, &me, "tech").unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].contact_no.as_deref(), Some("222"));
    assert_eq!(contacts(&w.store, &user("cred"), "tech").unwrap_err().kind, FailureKind::Forbidden);
    let inactive = contact(&w.store, &user("idle"), &cfg, "idle", contact_body("c@example.org", "333")).unwrap_err();
    assert_eq!(inactive.code(), "PMS_PMP_016");
}

#[test]
fn only_an_inactive_partner_changes_its_policy_group() {
    let w = world();
    assert_eq!(policy_group(&w.store, &user("idle"), "idle", "group one").unwrap(), "Success");
    assert_eq!(policy_group(&w.store, &user("tech"), "tech", "group one").unwrap_err().code(), "PMS_PRT_050");
    assert_eq!(policy_group(&w.store, &user("idle"), "idle", "no such group").unwrap_err().code(), "PMS_PRT_002");
    let audit = w.audit();
    assert!(audit.contains(&(id(AuditEvent::PolicyMappingCreated), None)), "{audit:?}");
    assert!(audit.contains(&(id(AuditEvent::PolicyGroupMissing), Some("PMS_PRT_002".into()))), "{audit:?}");
}
