use super::*;

fn actor(admin: bool) -> Actor {
    let role = if admin { "PARTNER_ADMIN" } else { "AUTH_PARTNER" };
    Actor::new("u", [role.to_owned()], "PARTNER_ADMIN")
}

fn query(kind: Option<&str>) -> NotificationsQuery {
    NotificationsQuery { notification_type: kind.map(Into::into), ..NotificationsQuery::default() }
}

fn code(actor: &Actor, q: &NotificationsQuery) -> String {
    notifications_request(actor, q).err().map(|e| e.code().to_owned()).unwrap_or_default()
}

#[test]
fn without_a_type_each_caller_sees_its_own_kinds() {
    let (page, filter) = notifications_request(&actor(false), &query(None)).unwrap();
    assert_eq!((page.page_no, page.page_size), (0, 4), "MOSIP's default page");
    assert_eq!(filter.unwrap().types, [PARTNER_CERT_EXPIRY]);
    let (_, filter) = notifications_request(&actor(true), &query(None)).unwrap();
    assert_eq!(filter.unwrap().types, [ROOT_CERT_EXPIRY, INTERMEDIATE_CERT_EXPIRY, WEEKLY_SUMMARY]);
    let filtered = NotificationsQuery { issued_by: Some("x".into()), ..query(None) };
    assert_eq!(code(&actor(true), &filtered), "PMS_NOTIFICATION_ERROR_015");
}

#[test]
fn types_dates_and_pages_are_checked_in_mosip_order() {
    assert_eq!(code(&actor(false), &query(Some("ROOT"))), "PMS_NOTIFICATION_ERROR_006");
    let dated = NotificationsQuery { created_from_date: Some("2024-01-01".into()), ..query(Some("partner")) };
    assert_eq!(code(&actor(true), &dated), "PMS_NOTIFICATION_ERROR_017");
    let bad_date = NotificationsQuery { expiry_date: Some("01-01-2024".into()), ..query(Some("partner")) };
    assert_eq!(code(&actor(true), &bad_date), "PMS_NOTIFICATION_ERROR_016");
    let bad_page = NotificationsQuery { page_size: Some("0".into()), ..bad_date };
    assert_eq!(code(&actor(true), &bad_page), "PMS_PRT_361");
    let (_, none) = notifications_request(&actor(false), &query(Some("apikey"))).unwrap();
    assert!(none.is_none(), "types MOSIP does not list yet answer an empty page");
    let weekly = NotificationsQuery {
        created_to_date: Some("2024-01-31".into()),
        certificate_id: Some("ignored".into()),
        ..query(Some("weekly"))
    };
    let filter = notifications_request(&actor(true), &weekly).unwrap().1.unwrap();
    assert_eq!((filter.certificate_id, filter.created_to.map(|d| d.to_string())), (None, Some("2024-01-31".into())));
}
