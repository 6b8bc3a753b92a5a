//! A JSON array written item by item into one buffer: an answer of tens of thousands of items
//! costs its JSON text, not the items as well.

use app_core::AppError;
use serde::Serialize;
use serde_json::value::RawValue;

/// Items serialised as they come; [`JsonArray::finish`] gives the array an answer carries.
#[derive(Debug)]
pub struct JsonArray {
    text: Vec<u8>,
}

impl Default for JsonArray {
    fn default() -> Self {
        JsonArray { text: vec![b'['] }
    }
}

impl JsonArray {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, item: &impl Serialize) -> Result<(), AppError> {
        if self.text.len() > 1 {
            self.text.push(b',');
        }
        serde_json::to_writer(&mut self.text, item).map_err(unwritten)
    }

    pub fn finish(mut self) -> Result<Box<RawValue>, AppError> {
        self.text.push(b']');
        RawValue::from_string(String::from_utf8(self.text).map_err(unwritten)?).map_err(unwritten)
    }
}

fn unwritten(e: impl std::fmt::Display) -> AppError {
    AppError::internal(format!("writing an answer: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn written(items: &[serde_json::Value]) -> String {
        let mut array = JsonArray::new();
        for item in items {
            array.push(item).unwrap();
        }
        array.finish().unwrap().get().to_owned()
    }

    #[test]
    fn it_writes_what_serde_json_writes_for_the_whole_list() {
        for items in [vec![], vec![json!({"a": 1})], vec![json!({"a": "x\"y"}), json!(null), json!([1, 2])]] {
            assert_eq!(written(&items), serde_json::to_string(&items).unwrap());
        }
    }

    #[test]
    fn an_answer_carries_it_verbatim() {
        let mut array = JsonArray::new();
        array.push(&json!({"k": true})).unwrap();
        let answer = json!({ "response": array.finish().unwrap() });
        assert_eq!(answer.to_string(), r#"{"response":[{"k":true}]}"#);
    }
}
