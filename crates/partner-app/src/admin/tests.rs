use audit_events::AuditEvent;
use partner_domain::PartnerId;

use super::*;
use crate::requests::fixtures::{World, admin, user, world};

fn id(e: AuditEvent) -> String {
    e.def().id.to_owned()
}

fn switch(w: &World, cfg: &PartnerConfig, partner: &str, status: &str) -> Result<Message, AppError> {
    activation(&w.store, &admin(), cfg, partner, StatusBody { status: Some(status.into()) })
}

fn set_certificate(w: &World, partner: &str) {
    use diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};
    use persistence::schema::partner::dsl;
    let conn = &mut w.store.pool().get().unwrap();
    diesel::update(dsl::partner.filter(dsl::id.eq(partner)))
        .set(dsl::certificate_alias.eq(Some("alias")))
        .execute(conn)
        .unwrap();
}

fn is_active(w: &World, partner: &str) -> bool {
    repo::find(&mut w.store.pool().get().unwrap(), &PartnerId::from(partner)).unwrap().unwrap().is_active
}

#[test]
fn activation_needs_a_certificate_and_deactivation_is_idempotent() {
    let w = world();
    let cfg = PartnerConfig::default();
    assert_eq!(switch(&w, &cfg, "idle", "Active").unwrap_err().code(), "PMS_PRT_108");
    assert!(!is_active(&w, "idle"));
    set_certificate(&w, "idle");
    assert_eq!(switch(&w, &cfg, "idle", "active").unwrap().message, "Partner activated successfully");
    assert!(is_active(&w, "idle"));
    switch(&w, &cfg, "tech", "De-Active").unwrap();
    switch(&w, &cfg, "tech", "De-Active").unwrap();
    assert!(!is_active(&w, "tech"));
    let audit = w.audit();
    let done = audit.iter().filter(|(e, c)| e == &id(AuditEvent::RegisterPartnerSuccess) && c.is_none()).count();
    assert_eq!(done, 3, "{audit:?}");
}

#[test]
fn a_blank_or_unknown_status_and_a_missing_partner_are_refused() {
    let w = world();
    let cfg = PartnerConfig::default();
    let blank = activation(&w.store, &admin(), &cfg, "tech", StatusBody { status: Some(" ".into()) }).unwrap_err();
    assert_eq!(blank.message(), "Invalid request parameter - value is empty or null :request.status");
    assert_eq!(switch(&w, &cfg, "tech", "Sleeping").unwrap_err().code(), "PMS_PM_058");
    assert_eq!(switch(&w, &cfg, "ghost", "Active").unwrap_err().code(), "PMS_PMP_005");
    assert!(w.audit().contains(&(id(AuditEvent::PartnerMissing), Some("PMS_PMP_005".into()))));
}

#[test]
fn lists_filter_by_type_and_a_partner_sees_only_itself() {
    let w = world();
    let all = list(&w.store, &admin(), ListQuery::default(), ApiVersion::V1).unwrap();
    assert_eq!(all.partners.len(), 3);
    assert!(all.partners.iter().all(|p| p.logo_url.is_none() && p.additional_info.is_none()));
    let auth = ListQuery { partner_type: Some(" Auth_Partner ".into()) };
    let v2 = list(&w.store, &admin(), auth, ApiVersion::V2).unwrap();
    assert_eq!(v2.partners.len(), 2);
    assert!(v2.partners.iter().all(|p| p.logo_url == Some(None)), "v2 answers the logo, even when none");
    let own = list(&w.store, &user("cred"), ListQuery::default(), ApiVersion::V1).unwrap();
    assert_eq!(own.partners.iter().map(|p| p.partner_id.as_str()).collect::<Vec<_>>(), ["cred"]);
    let none = ListQuery { partner_type: Some("MISP_Partner".into()) };
    assert_eq!(list(&w.store, &admin(), none, ApiVersion::V1).unwrap_err().code(), "PMS_PMP_013");
}

#[test]
fn the_type_codes_include_the_seeded_ones() {
    let w = world();
    assert!(partner_type_codes(&w.store).unwrap().iter().any(|c| c == "Auth_Partner"));
}
