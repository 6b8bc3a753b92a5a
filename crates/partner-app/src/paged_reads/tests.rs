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
