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
mod tests;
