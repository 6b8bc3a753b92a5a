//! Posted forms: URL-encoded or multipart (certificate files), read into one map, with the form
//! token checked before anything else happens.

use std::collections::HashMap;

use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, web};
use futures_util::StreamExt;

use crate::api::Refusal;
use crate::ctx::{CSRF_FIELD, Ctx};
use crate::i18n::t;

/// Largest form or uploaded file the portal reads.
pub const MAX_FORM_BYTES: usize = 256 * 1024;

/// `PMS_POR_001`: a post without the page's form token.
pub const CSRF_REFUSED: &str = "PMS_POR_001";
/// `PMS_POR_002`: a post the portal cannot read.
pub const FORM_UNREADABLE: &str = "PMS_POR_002";

/// A posted form's fields (the last value of a repeated name wins).
#[derive(Debug, Default, Clone)]
pub struct Form {
    fields: HashMap<String, String>,
}

impl Form {
    pub fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        let mut form = Form::default();
        for (k, v) in pairs {
            form.fields.insert(k, v);
        }
        form
    }

    /// The field as posted ("" when absent).
    pub fn get(&self, name: &str) -> &str {
        self.fields.get(name).map_or("", String::as_str)
    }

    /// The field trimmed, `None` when absent or blank.
    pub fn opt(&self, name: &str) -> Option<String> {
        let v = self.get(name).trim();
        (!v.is_empty()).then(|| v.to_owned())
    }

    pub fn checked(&self, name: &str) -> bool {
        matches!(self.get(name), "on" | "true" | "1")
    }

    /// The fields whose names start with `prefix`, the prefix taken off, sorted by name.
    pub fn with_prefix(&self, prefix: &str) -> Vec<(String, String)> {
        let mut found: Vec<(String, String)> = self
            .fields
            .iter()
            .filter_map(|(k, v)| k.strip_prefix(prefix).map(|name| (name.to_owned(), v.clone())))
            .collect();
        found.sort();
        found
    }
}

/// Reads a URL-encoded form and checks its token.
pub fn urlencoded(ctx: &Ctx, body: &web::Bytes) -> Result<Form, Refusal> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(body)
        .map_err(|_| Refusal::one(StatusCode::BAD_REQUEST, FORM_UNREADABLE, t!("error-PMS_POR_002")))?;
    let form = Form::from_pairs(pairs);
    check_token(ctx, &form)?;
    Ok(form)
}

/// Reads a multipart form (files as text) and checks its token.
pub async fn multipart(ctx: &Ctx, req: &HttpRequest, payload: web::Payload) -> Result<Form, Refusal> {
    let unreadable = || Refusal::one(StatusCode::BAD_REQUEST, FORM_UNREADABLE, t!("error-PMS_POR_002"));
    let mut parts = Multipart::new(req.headers(), payload);
    let mut pairs = Vec::new();
    let mut total = 0usize;
    while let Some(field) = parts.next().await {
        let mut field = field.map_err(|_| unreadable())?;
        let name = field.content_disposition().and_then(|d| d.get_name()).unwrap_or("").to_owned();
        let mut bytes = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(|_| unreadable())?;
            total += chunk.len();
            if total > MAX_FORM_BYTES {
                return Err(Refusal::one(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    FORM_UNREADABLE,
                    t!("form-too-large", kib = MAX_FORM_BYTES / 1024),
                ));
            }
            bytes.extend_from_slice(&chunk);
        }
        let text = String::from_utf8(bytes)
            .map_err(|_| Refusal::one(StatusCode::OK, FORM_UNREADABLE, t!("form-the-file-is-not-text")))?;
        pairs.push((name, text));
    }
    let form = Form::from_pairs(pairs);
    check_token(ctx, &form)?;
    Ok(form)
}

fn check_token(ctx: &Ctx, form: &Form) -> Result<(), Refusal> {
    if ctx.csrf_ok(form.fields.get(CSRF_FIELD).map(String::as_str)) {
        Ok(())
    } else {
        Err(Refusal::one(StatusCode::FORBIDDEN, CSRF_REFUSED, t!("form-the-form-has-expired-or")))
    }
}

#[cfg(test)]
mod tests;
