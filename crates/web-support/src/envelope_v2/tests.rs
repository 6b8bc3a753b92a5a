use serde_json::json;

use super::*;

const ID: &str = "mosip.pms.deactivate.policy.patch";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 5).unwrap_or_default()
}

fn open(body: Value) -> Result<Value, (String, String)> {
    let envelope: RequestEnvelopeV2<Value> =
        serde_json::from_value(body).map_err(|e| ("parse".into(), e.to_string()))?;
    envelope.open(ID, today()).map_err(|e| (e.code().to_owned(), e.message().to_owned()))
}

#[test]
fn a_request_names_its_operation_today_in_version_one() {
    let good =
        json!({"id": ID, "version": "1.0", "requestTime": "2026-12-05T10:20:30.123Z", "request": {"status": "x"}});
    assert_eq!(open(good.clone()), Ok(json!({"status": "x"})));
    let mut other = good.clone();
    other["id"] = json!("mosip.pms.other");
    assert_eq!(open(other).map_err(|e| e.0), Err("PMS_REQUEST_ERROR_002".into()));
    let mut yesterday = good.clone();
    yesterday["requestTime"] = json!("2026-12-04T23:59:59.999Z");
    assert_eq!(open(yesterday), Err(("PMS_REQUEST_ERROR_006".into(), "Request date should be current date".into())));
    let mut lower_case = good.clone();
    lower_case["requesttime"] = lower_case["requestTime"].take();
    assert_eq!(open(lower_case).map_err(|e| e.0), Err("PMS_REQUEST_ERROR_004".into()), "requestTime is camel case");
    let mut version = good.clone();
    version["version"] = json!("2.0");
    assert_eq!(open(version).map_err(|e| e.0), Err("PMS_REQUEST_ERROR_003".into()));
    let mut empty = good;
    empty["request"] = Value::Null;
    assert_eq!(open(empty).map_err(|e| e.0), Err("PMS_REQUEST_ERROR_005".into()));
}

#[test]
fn the_answer_names_its_operation_and_camel_cases_its_time() {
    let body = ResponseEnvelopeV2 {
        id: "mosip.pms.policies.get".into(),
        version: VERSION.into(),
        response_time: "t".into(),
        metadata: None,
        response: Some(1),
        errors: Vec::new(),
    };
    let v = serde_json::to_value(body).unwrap_or_default();
    assert_eq!(
        v,
        json!({"id": "mosip.pms.policies.get", "version": "1.0", "responseTime": "t", "metadata": null, "response": 1, "errors": []})
    );
}
