use super::*;
use app_core::paged::PageQuery;

#[test]
fn the_query_becomes_a_page_and_filters() {
    let paging = PageQuery {
        sort_field_name: Some("certificateUploadStatus".into()),
        sort_type: Some("asc".into()),
        page_no: Some("2".into()),
        ..PageQuery::default()
    };
    let q = AdminPartnersQuery {
        certificate_upload_status: Some("not_uploaded".into()),
        is_active: Some(true),
        ..AdminPartnersQuery::default()
    };
    let (page, filter) = admin_partners_request(&paging, &q).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (page.offset(), page.sort.map(|s| (s.field, s.desc))),
        (16, Some((PartnerSortKey::CertificateUploadStatus, false)))
    );
    assert_eq!((filter.certificate_uploaded, filter.is_active), (Some(Some(false)), Some(true)));
    let odd =
        AdminPartnersQuery { certificate_upload_status: Some("Uploaded".into()), ..AdminPartnersQuery::default() };
    assert_eq!(
        admin_partners_request(&PageQuery::default(), &odd).map(|(_, f)| f.certificate_uploaded).ok(),
        Some(Some(None)),
        "matches nothing"
    );
}

#[test]
fn a_sort_comes_whole_or_not_at_all() {
    let half = PageQuery { sort_type: Some("asc".into()), ..PageQuery::default() };
    let e = admin_partners_request(&half, &AdminPartnersQuery::default()).err().unwrap_or_else(|| panic!("accepted"));
    assert_eq!(e.code(), "PMS_PS_ERROR_007");
    let unknown =
        PageQuery { sort_field_name: Some("name".into()), sort_type: Some("asc".into()), ..PageQuery::default() };
    assert_eq!(
        admin_partners_request(&unknown, &AdminPartnersQuery::default()).err().map(|e| e.code().to_owned()).as_deref(),
        Some("PMS_PRT_357")
    );
}

#[test]
fn a_count_limit_still_tells_whether_a_page_follows() {
    use crate::requests::fixtures::{admin, approved, insert_partner, world};
    let mut w = world();
    for id in ["tech2", "tech3", "tech4"] {
        insert_partner(&mut w.store.pool().get().unwrap(), id, "Auth_Partner", true);
    }
    for id in ["tech", "tech2", "tech3", "tech4"] {
        approved(&w, id, "auth policy");
    }
    let page = |no: &str| {
        let paging = PageQuery { page_no: Some(no.into()), page_size: Some("2".into()), ..PageQuery::default() };
        policy_requests_request(&paging, &PolicyRequestsQuery::default()).unwrap()
    };
    let total = |store: &app_core::Store, no: &str| {
        let (page, filter) = page(no);
        let answer = policy_requests(store, &admin(), &page, filter).unwrap();
        (answer.total_results, answer.data.len())
    };
    assert_eq!(total(&w.store, "0"), (4, 2), "no limit: every row counted");
    w.store = w.store.with_count_limit(1);
    assert_eq!(total(&w.store, "0"), (3, 2), "counted one row past the first page");
    assert_eq!(total(&w.store, "1"), (4, 2), "the last page: all counted");
}

#[test]
fn an_admin_sees_every_request_and_a_partner_its_own() {
    use crate::requests::fixtures::{admin, approved, insert_partner, user, world};
    let w = world();
    insert_partner(&mut w.store.pool().get().unwrap(), "tech2", "Auth_Partner", true);
    approved(&w, "tech", "auth policy");
    approved(&w, "tech2", "auth policy");
    let all = PageQuery::default();
    let (page, filter) = policy_requests_request(&all, &PolicyRequestsQuery::default()).unwrap();
    let every = policy_requests(&w.store, &admin(), &page, filter.clone()).unwrap();
    assert_eq!((every.total_results, every.page_size), (2, 2));
    let own = policy_requests(&w.store, &user("tech"), &page, filter.clone()).unwrap();
    assert_eq!(own.data.iter().map(|r| r.partner_id.as_str()).collect::<Vec<_>>(), ["tech"]);
    assert_eq!((own.data[0].partner_status.as_deref(), own.data[0].status.as_str()), (Some("activated"), "approved"));
    let stranger = policy_requests(&w.store, &user("nobody"), &page, filter).unwrap_err();
    assert_eq!(stranger.code(), "PMS_CERTIFICATE_ERROR_002");
    let (page, filter) = admin_partners_request(&all, &AdminPartnersQuery::default()).unwrap();
    let partners = admin_partners(&w.store, &admin(), &page, &filter).unwrap();
    assert_eq!((partners.total_results, partners.page_size), (4, 8));
}
