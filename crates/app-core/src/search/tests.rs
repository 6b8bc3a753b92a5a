use serde_json::{Value, json};

use super::*;

fn dto(v: Value) -> SearchDto {
    serde_json::from_value(v).unwrap_or_default()
}

fn code(r: Result<ValidSearch, AppError>) -> String {
    r.err().map(|e| e.code().to_owned()).unwrap_or_default()
}

#[test]
fn lenient_numbers_and_defaults() {
    let d = dto(json!({"filters": [], "sort": [], "pagination": {"pageStart": "1"}}));
    let q = d.validate(Entity::Partner, &[]).map(|v| v.query).ok();
    assert_eq!(q.map(|q| (q.page_start, q.page_fetch)), Some((1, 10)));
    let d = dto(json!({"pagination": {"pageStart": 0.0, "pageFetch": 5.0}}));
    assert_eq!(d.validate(Entity::Partner, &[]).map(|v| v.query.page_fetch).ok(), Some(5));
    assert!(serde_json::from_value::<SearchDto>(json!({"pagination": {"pageStart": 1.5}})).is_err());
    assert!(serde_json::from_value::<SearchDto>(json!({"pagination": {"pageStart": "x"}})).is_err());
}

#[test]
fn validation_follows_mosip_order_and_codes() {
    let base =
        |filters: Value, sort: Value, page: Value| dto(json!({"filters": filters, "sort": sort, "pagination": page}));
    let ok_page = json!({"pageStart": 0, "pageFetch": 10});
    let v = |d: SearchDto| code(d.validate(Entity::Partner, &["partnerName"]));
    assert_eq!(v(base(json!([{"type": "contains", "value": "x"}]), json!([]), ok_page.clone())), "PMS-MSD-310");
    assert_eq!(
        v(base(
            json!([{"columnName": "zz", "type": "contains", "value": "x"}]),
            json!([{"sortField": "bad"}]),
            json!({"pageFetch": 0})
        )),
        "PMS-MSD-310"
    );
    assert_eq!(v(base(json!([{"columnName": "name", "value": "x"}]), json!([]), ok_page.clone())), "PMS-MSD-312");
    assert_eq!(
        v(base(
            json!([{"columnName": "name", "type": "equals", "value": "x", "values": ["y"]}]),
            json!([]),
            ok_page.clone()
        )),
        "PMS-MSD-392"
    );
    assert_eq!(
        v(base(json!([{"columnName": "name", "type": "equals", "value": " "}]), json!([]), ok_page.clone())),
        "PMS-MSD-390"
    );
    assert_eq!(
        v(base(json!([{"columnName": "name", "type": "in", "values": []}]), json!([]), ok_page.clone())),
        "PMS-MSD-391"
    );
    assert_eq!(
        v(base(json!([{"columnName": "crDtimes", "type": "between", "fromValue": "a"}]), json!([]), ok_page.clone())),
        "PMS-MSD-315"
    );
    assert_eq!(v(base(json!([]), json!([{"sortType": "asc"}]), ok_page.clone())), "PMS-MSD-314");
    assert_eq!(v(base(json!([]), json!([{"sortField": "", "sortType": "ASC"}]), ok_page.clone())), "PMS-MSD-314");
    assert_eq!(
        v(base(json!([]), json!([{"sortField": "mo@@del", "sortType": "asc"}]), json!({"pageFetch": 0}))),
        "PMS-MSD-357"
    );
    assert_eq!(v(base(json!([]), json!([{"sortField": "name", "sortType": "dc"}]), ok_page.clone())), "PMS-MSD-358");
    assert_eq!(v(base(json!([]), json!([]), json!({"pageStart": -1}))), "PMS-MSD-313");
    assert_eq!(v(dto(json!({"filters": [], "sort": []}))), "PMS-MSD-356");
    // an unknown filter type is ignored, as MOSIP ignores it
    let d = base(json!([{"columnName": "name", "type": "unique", "value": "x"}]), json!([]), ok_page.clone());
    assert!(d.validate(Entity::Partner, &[]).is_ok_and(|v| v.query.criteria.is_empty()));
    // virtual columns pass validation and come back apart
    let d = base(json!([{"columnName": "PARTNERNAME", "type": "contains", "value": "x"}]), json!([]), ok_page);
    let valid = d.validate(Entity::Partner, &["partnerName"]).ok();
    assert_eq!(valid.map(|v| (v.query.criteria.len(), v.virtual_criteria.len())), Some((0, 1)));
}

#[test]
fn filter_value_validation_collects_every_error() {
    let d: FilterValueDto = serde_json::from_value(json!({"filters": [
        {"columnName": "id", "type": ""},
        {"columnName": "nope", "type": "asdg"},
        {"columnName": "name", "type": "ALL", "text": "x"}
    ]}))
    .unwrap_or_default();
    let err = d.validate(Entity::Partner).err().map(|e| e.problems.iter().map(|i| i.code.clone()).collect::<Vec<_>>());
    assert_eq!(err, Some(vec!["PMS-MSD-322".to_owned(), "PMS-MSD-317".to_owned(), "PMS-MSD-324".to_owned()]));
    let ok: FilterValueDto =
        serde_json::from_value(json!({"filters": [{"columnName": "name", "type": "unique", "text": "x"}]}))
            .unwrap_or_default();
    assert!(ok.validate(Entity::Partner).is_ok_and(|c| c.len() == 1 && c[0].unique));
    let blank: FilterValueDto =
        serde_json::from_value(json!({"filters": [{"columnName": " ", "type": "all"}]})).unwrap_or_default();
    assert_eq!(
        blank.validate(Entity::Partner).err().map(|e| e.message().to_owned()).as_deref(),
        Some("Invalid request parameter - must not be blank :request.filters[0].columnName")
    );
    let missing: FilterValueDto = serde_json::from_value(json!({})).unwrap_or_default();
    assert_eq!(missing.validate(Entity::Partner).err().map(|e| e.code().to_owned()).as_deref(), Some("PMS_COR_001"));
}
