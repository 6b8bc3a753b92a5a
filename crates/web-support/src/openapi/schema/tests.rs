use serde_json::{Value, json};
use utoipa::OpenApi;

use crate::envelope::{ErrorItem, Flavor, ResponseEnvelope};
use crate::error::ApiError;
use crate::page::PageResponse;
use crate::search::ColumnCodeValue;

#[utoipa::path(get, path = "/page", operation_id = "page",
    responses((status = 200, body = ResponseEnvelope<PageResponse<ColumnCodeValue>>)))]
#[expect(dead_code, reason = "only its annotation is used")]
fn page() {}

#[derive(OpenApi)]
#[openapi(paths(page))]
struct Api;

/// A validator for the component `name` of the finished test document.
fn validator(name: &str) -> jsonschema::Validator {
    let doc = super::super::DocumentBuilder::new("t", "1", "test").mount("", Api::openapi()).build();
    let components = serde_json::to_value(doc.components).unwrap_or_default();
    let root = json!({"components": components, "$ref": format!("#/components/schemas/{name}")});
    jsonschema::draft202012::new(&root).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn assert_valid(v: &jsonschema::Validator, value: &Value) {
    let errors: Vec<String> = v.iter_errors(value).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{value}: {errors:?}");
}

#[test]
fn the_envelope_schema_admits_answers_and_business_errors_and_nothing_else() {
    let v = validator("ResponseEnvelope_PageResponse_ColumnCodeValue");
    let item = ColumnCodeValue { field_id: "name".into(), field_value: "a".into(), field_code: "a".into() };
    let full = ResponseEnvelope::ok(PageResponse::new(vec![item], 0, 1));
    assert_valid(&v, &serde_json::to_value(&full).unwrap_or_default());
    let empty =
        ResponseEnvelope::ok(PageResponse::<ColumnCodeValue>::new(vec![], 0, 0)).flavor(Flavor::WithoutMetadata);
    assert_valid(&v, &serde_json::to_value(&empty).unwrap_or_default());
    let business = ResponseEnvelope::errors(vec![ErrorItem::new("PMS_POL_009", "taken")]);
    assert_valid(&v, &serde_json::to_value(&business).unwrap_or_default());
    let wrong =
        json!({"id": null, "version": null, "responsetime": "t", "response": {"fromRecord": "x"}, "errors": []});
    assert!(!v.is_valid(&wrong));
    assert!(!v.is_valid(&json!({"response": null})), "errors and responsetime are required");
}

#[actix_web::test]
async fn the_error_schema_admits_what_api_error_renders() {
    use actix_web::ResponseError;
    let v = validator("ErrorResponse");
    for e in [ApiError::forbidden(), ApiError::internal("x").flavor(Flavor::WithoutMetadata), ApiError::malformed("y")]
    {
        let body = actix_web::body::to_bytes(e.error_response().into_body()).await.unwrap_or_default();
        let json: Value = serde_json::from_slice(&body).unwrap_or_default();
        assert_valid(&v, &json);
    }
    assert!(!v.is_valid(&json!({"id": null, "version": null, "responsetime": "t", "response": null, "errors": []})));
}
