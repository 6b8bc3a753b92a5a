use super::*;

fn owned(id: &str, partner_type: &str, status: &str, group: Option<(&str, Option<&str>)>) -> OwnedPartner {
    OwnedPartner {
        id: id.into(),
        partner_type: partner_type.into(),
        approval_status: status.into(),
        policy_group_id: group.map(|(g, _)| g.into()),
        policy_group_name: group.and_then(|(_, n)| n.map(Into::into)),
        policy_group_description: group.and_then(|(_, n)| n.map(|n| format!("{n} descr"))),
    }
}

fn mine() -> Vec<OwnedPartner> {
    vec![
        owned("a", "Auth_Partner", "approved", Some(("g1", Some("group one")))),
        owned("b", "Device_Provider", "approved", None),
        owned("c", "Auth_Partner", "InProgress", Some(("g1", Some("group one")))),
    ]
}

fn query(status: &str, group: Option<bool>, partner_type: Option<&str>) -> PartnersV3Query {
    PartnersV3Query { status: status.into(), policy_group_available: group, partner_type: partner_type.map(Into::into) }
}

fn ids(found: &[PartnerDtoV3]) -> Vec<&str> {
    found.iter().map(|p| p.partner_id.as_str()).collect()
}

#[test]
fn status_type_and_group_presence_select_partners() {
    let all_approved = select_partners_v3(mine(), &query("approved", None, None)).unwrap();
    assert_eq!(ids(&all_approved), ["a", "b"]);
    assert_eq!(all_approved[0].policy_group_name, None, "the group only when asked for");
    let with_group = select_partners_v3(mine(), &query("approved", Some(true), None)).unwrap();
    assert_eq!(ids(&with_group), ["a"]);
    assert_eq!(
        (with_group[0].policy_group_id.as_deref(), with_group[0].policy_group_description.as_deref()),
        (Some("g1"), Some("group one descr"))
    );
    assert_eq!(ids(&select_partners_v3(mine(), &query("approved", Some(false), None)).unwrap()), ["b"]);
    assert_eq!(ids(&select_partners_v3(mine(), &query("approved", None, Some("Auth_Partner"))).unwrap()), ["a"]);
    assert!(select_partners_v3(mine(), &query("Approved", None, None)).unwrap().is_empty(), "status is exact");
}

#[test]
fn no_partner_or_a_lost_group_is_refused() {
    let none = select_partners_v3(Vec::new(), &query("approved", None, None)).unwrap_err();
    assert_eq!(none.code(), "PMS_CERTIFICATE_ERROR_002");
    let lost = vec![owned("d", "Auth_Partner", "approved", Some(("gone", None)))];
    let refused = select_partners_v3(lost.clone(), &query("approved", Some(true), None)).unwrap_err();
    assert_eq!(refused.code(), "PMS_POLICY_ERROR_001");
    assert_eq!(ids(&select_partners_v3(lost, &query("approved", None, None)).unwrap()), ["d"]);
}
