use utoipa::OpenApi as _;

use super::*;
use crate::envelope::ResponseEnvelope;
use crate::search::FilterResponse;

/// Filter values.
#[utoipa::path(post, path = "/values", operation_id = "values", request_body = crate::search::FilterValueDto,
    responses((status = 200, body = ResponseEnvelope<FilterResponse>)))]
#[expect(dead_code, reason = "only its annotation is used")]
fn values() {}

#[derive(utoipa::OpenApi)]
#[openapi(paths(values))]
struct Api;

fn answer(status: u16, body: Value) -> Answer {
    Answer { status, body, headers: Vec::new() }
}

fn conformance() -> Conformance {
    Conformance::new(&super::super::DocumentBuilder::new("t", "1", "test").mount("/v1", Api::openapi()).build())
}

#[test]
fn conforming_answers_pass_and_are_counted() {
    let c = conformance();
    assert_eq!(c.unchecked_operations(), ["POST /v1/values"]);
    let ok = json!({"id": null, "version": null, "responsetime": "t", "metadata": null, "errors": [],
        "response": {"filters": [{"fieldID": "name", "fieldValue": "a", "fieldCode": "a"}]}});
    c.check("POST", "/v1/values", &answer(200, ok));
    let refused = json!({"id": null, "version": null, "responsetime": "t", "response": null,
        "errors": [{"errorCode": "PMS_COR_001", "message": "m"}]});
    c.check("POST", "/v1/values", &answer(200, refused.clone()));
    c.check("POST", "/v1/values", &answer(401, refused));
    assert!(c.unchecked_operations().is_empty());
}

#[test]
#[should_panic(expected = "breaks its schema")]
fn a_wrong_answer_fails() {
    let wrong = json!({"id": null, "version": null, "responsetime": "t", "errors": [],
        "response": {"filters": [{"fieldID": 1}]}});
    conformance().check("POST", "/v1/values", &answer(200, wrong));
}

#[test]
#[should_panic(expected = "status not documented")]
fn an_undocumented_status_fails() {
    conformance().check("POST", "/v1/values", &answer(418, json!({})));
}
