//! Test support: checks that real answers match the document's schema for their operation and
//! status — the success paths a fuzzer rarely reaches (a valid policy document, an approved
//! MISP), walked by the services' API tests.

use std::collections::BTreeSet;
use std::sync::Mutex;

use serde_json::{Value, json};
use utoipa::openapi::OpenApi;

use crate::testing::Answer;

/// A document, ready to check answers against.
pub struct Conformance {
    doc: Value,
    /// Every (method, path template, status) checked so far.
    checked: Mutex<BTreeSet<(String, String, u16)>>,
}

impl Conformance {
    pub fn new(doc: &OpenApi) -> Self {
        let doc = serde_json::to_value(doc).unwrap_or_else(|e| panic!("document: {e}"));
        Conformance { doc, checked: Mutex::default() }
    }

    /// Panics unless `answer` is JSON valid against the schema documented for `method`
    /// `template` (e.g. `GET /v1/policymanager/policies/{policyId}`) and its status. Returns the
    /// answer for further assertions.
    pub fn check<'a>(&self, method: &str, template: &str, answer: &'a Answer) -> &'a Answer {
        let where_ = format!("{method} {template} → {}", answer.status);
        let operation = &self.doc["paths"][template][method.to_ascii_lowercase()];
        assert!(operation.is_object(), "{where_}: not documented");
        let mut response = &operation["responses"][answer.status.to_string()];
        if let Some(reference) = response["$ref"].as_str() {
            let name = reference.rsplit('/').next().unwrap_or_default();
            response = &self.doc["components"]["responses"][name];
        }
        assert!(response.is_object(), "{where_}: status not documented ({})", answer.body);
        let schema = &response["content"]["application/json"]["schema"];
        assert!(schema.is_object(), "{where_}: no JSON schema documented");
        let root = json!({"components": self.doc["components"], "allOf": [schema]});
        let validator = jsonschema::draft202012::new(&root).unwrap_or_else(|e| panic!("{where_}: schema: {e}"));
        let errors: Vec<String> =
            validator.iter_errors(&answer.body).map(|e| format!("{e} at {}", e.instance_path())).collect();
        assert!(errors.is_empty(), "{where_}: the answer breaks its schema: {errors:#?}\n{}", answer.body);
        if let Ok(mut checked) = self.checked.lock() {
            checked.insert((method.to_owned(), template.to_owned(), answer.status));
        }
        answer
    }

    /// The documented operations (`METHOD template`) no 200 answer was checked for.
    pub fn unchecked_operations(&self) -> Vec<String> {
        let checked = self.checked.lock().map(|c| c.clone()).unwrap_or_default();
        let mut missing = Vec::new();
        for (path, item) in self.doc["paths"].as_object().into_iter().flatten() {
            for method in item.as_object().into_iter().flatten().map(|(m, _)| m.to_ascii_uppercase()) {
                if !checked.contains(&(method.clone(), path.clone(), 200)) {
                    missing.push(format!("{method} {path}"));
                }
            }
        }
        missing
    }
}

#[cfg(test)]
mod tests {
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
}
