use app_core::search::{Int, PaginationDto, SearchFilterDto, SortDto, Text};
use audit_events::AuditEvent;

use super::*;
use crate::requests::fixtures::{admin, approved, user, world};

fn id(e: AuditEvent) -> String {
    e.def().id.to_owned()
}

fn filter(column: &str, kind: &str, value: &str) -> SearchFilterDto {
    SearchFilterDto {
        column_name: Some(column.into()),
        kind: Some(kind.into()),
        value: Some(Text(value.into())),
        ..SearchFilterDto::default()
    }
}

fn query(filters: Vec<SearchFilterDto>, sort: &str, size: i64) -> SearchDto {
    SearchDto {
        filters: Some(filters),
        sort: Some(vec![SortDto { sort_field: Some(sort.into()), sort_type: Some("asc".into()) }]),
        pagination: Some(PaginationDto { page_start: Some(Int(0)), page_fetch: Some(Int(size)) }),
    }
}

fn body(partner_type: &str, search: SearchDto) -> PartnerSearchBody {
    PartnerSearchBody { search, partner_type: Some(partner_type.into()) }
}

#[test]
fn partners_are_paged_in_order_and_a_partner_finds_only_itself() {
    let w = world();
    let page = partners(&w.store, &admin(), body("all", query(vec![], "id", 2))).unwrap();
    assert_eq!((page.from_record, page.to_record, page.total_record), (1, 2, 3));
    let ids: Vec<_> = page.data.unwrap().into_iter().map(|p| p.id).collect();
    assert_eq!(ids, ["cred", "idle"]);
    let typed = partners(&w.store, &admin(), body("auth_partner", query(vec![], "id", 10))).unwrap();
    assert_eq!(typed.total_record, 2);
    let own = partners(&w.store, &user("tech"), body("all", query(vec![], "id", 10))).unwrap();
    assert_eq!(own.data.unwrap().into_iter().map(|p| p.id).collect::<Vec<_>>(), ["tech"]);
}

#[test]
fn a_blank_type_and_an_unknown_column_are_refused_and_audited() {
    let w = world();
    let err = partners(&w.store, &admin(), body(" ", query(vec![], "id", 2))).unwrap_err();
    assert_eq!(err.message(), "Invalid request parameter - must not be blank :request.partnerType");
    let bad = query(vec![filter("nope", "equals", "x")], "id", 2);
    assert_eq!(partners(&w.store, &admin(), body("all", bad)).unwrap_err().code(), "PMS-MSD-310");
    let audit = w.audit();
    let called = audit.iter().filter(|(e, _)| e == &id(AuditEvent::GetPartner)).count();
    assert_eq!(called, 2, "failed searches are audited too: {audit:?}");
}

#[test]
fn requests_and_keys_resolve_partner_and_policy_names() {
    let w = world();
    approved(&w, "tech", "auth policy");
    let by_name = query(vec![filter("partnerName", "contains", "tech")], "crDtimes", 10);
    let found = requests(&w.store, &admin(), by_name).unwrap();
    let items = found.data.unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(
        (items[0].partner_name.as_deref(), items[0].policy_name.as_deref()),
        (Some("tech org"), Some("auth policy"))
    );
    let elsewhere = query(vec![filter("partnerName", "contains", "cred")], "crDtimes", 10);
    assert_eq!(requests(&w.store, &admin(), elsewhere).unwrap().total_record, 0);
    assert_eq!(requests(&w.store, &user("cred"), query(vec![], "crDtimes", 10)).unwrap().total_record, 0);
    let keys_page = keys(&w.store, &admin(), query(vec![], "crDtimes", 10)).unwrap();
    assert_eq!(keys_page.total_record, 0, "no key generated yet");
}

#[test]
fn types_and_filter_values_answer_the_seeded_rows() {
    let w = world();
    let cfg = PartnerConfig::default();
    let types = partner_types(&w.store, &admin(), query(vec![filter("code", "equals", "Auth_Partner")], "code", 5));
    assert_eq!(types.unwrap().data.unwrap()[0].code, "Auth_Partner");
    let columns: FilterValueDto = serde_json::from_value(serde_json::json!({
        "filters": [{"columnName": "partnerTypeCode", "type": "unique", "text": ""}]
    }))
    .unwrap();
    let mine = partner_filter_values(&w.store, &user("cred"), &cfg, columns.clone()).unwrap();
    assert_eq!(mine.filters.iter().map(|f| f.field_value.as_str()).collect::<Vec<_>>(), ["Credential_Partner"]);
    let all = partner_filter_values(&w.store, &admin(), &cfg, columns).unwrap();
    let values: std::collections::BTreeSet<_> = all.filters.iter().map(|f| f.field_value.as_str()).collect();
    assert_eq!(values.into_iter().collect::<Vec<_>>(), ["Auth_Partner", "Credential_Partner"]);
    let missing = request_filter_values(&w.store, &admin(), &cfg, FilterValueDto::default()).unwrap_err();
    assert_eq!(missing.message(), "Invalid request parameter - must not be null :request.filters");
}
