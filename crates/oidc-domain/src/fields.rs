//! The request fields of a client and their limits (MOSIP's DTO constraints), with the checks
//! MOSIP leaves to eSignet done here: redirect URIs, grant types and client authentication
//! methods. Each check adds its violations (MOSIP's bean-validation words) and answers the
//! value when it holds.

use std::collections::BTreeMap;

use crate::{FieldViolation, is_absolute_url, is_redirect_uri};

pub const NAME_MAX: usize = 256;
pub const POLICY_ID_MAX: usize = 36;
pub const PARTNER_ID_MAX: usize = 100;
pub const LOGO_URI_MAX: usize = 2048;
pub const REDIRECT_URIS_MAX: usize = 5;
/// Most grant types, and most client authentication methods, of a client.
pub const CHOICES_MAX: usize = 3;
/// A language code of `clientNameLangMap` (ISO 639-3).
pub const LANG_CODE_LEN: usize = 3;

/// The values a deployment allows (eSignet's `supported.grant.types` and
/// `supported.client.auth.methods`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allowed {
    pub grant_types: Vec<String>,
    pub client_auth_methods: Vec<String>,
}

impl Default for Allowed {
    /// eSignet's defaults.
    fn default() -> Self {
        Allowed { grant_types: vec!["authorization_code".into()], client_auth_methods: vec!["private_key_jwt".into()] }
    }
}

/// Violations collected over a request, first one first.
#[derive(Debug, Default)]
pub struct Checks {
    pub violations: Vec<FieldViolation>,
}

impl Checks {
    fn add(&mut self, field: &str, reason: impl Into<String>) {
        self.violations.push(FieldViolation::new(field, reason));
    }

    /// Text that is present, not blank, and at most `max` characters.
    pub fn text(&mut self, field: &str, value: Option<String>, max: Option<usize>) -> Option<String> {
        match value {
            Some(s) if s.trim().is_empty() => self.add(field, "must not be blank"),
            Some(s) => match max {
                Some(max) if s.chars().count() > max => self.add(field, format!("size must be between 1 and {max}")),
                _ => return Some(s),
            },
            None => self.add(field, "must not be blank"),
        }
        None
    }

    /// A logo URI: present, an absolute http(s) URL, at most [`LOGO_URI_MAX`] characters.
    pub fn logo_uri(&mut self, value: Option<String>) -> Option<String> {
        let uri = self.text("logoUri", value, Some(LOGO_URI_MAX))?;
        if is_absolute_url(&uri) {
            Some(uri)
        } else {
            self.add("logoUri", "must be a valid URL");
            None
        }
    }

    /// 1 to [`REDIRECT_URIS_MAX`] absolute URIs without fragments.
    pub fn redirect_uris(&mut self, value: Option<Vec<String>>) -> Option<Vec<String>> {
        let uris = self.list("redirectUris", value, REDIRECT_URIS_MAX)?;
        let before = self.violations.len();
        for (i, uri) in uris.iter().enumerate() {
            if uri.trim().is_empty() {
                self.add(&format!("redirectUris[{i}]"), "must not be blank");
            } else if !is_redirect_uri(uri) {
                self.add(&format!("redirectUris[{i}]"), "must be an absolute URI without a fragment");
            }
        }
        (self.violations.len() == before).then_some(uris)
    }

    /// 1 to [`CHOICES_MAX`] values, each one of `allowed`.
    pub fn choices(&mut self, field: &str, value: Option<Vec<String>>, allowed: &[String]) -> Option<Vec<String>> {
        let values = self.list(field, value, CHOICES_MAX)?;
        let before = self.violations.len();
        for (i, v) in values.iter().enumerate() {
            if !allowed.contains(v) {
                self.add(&format!("{field}[{i}]"), format!("must be one of {}", allowed.join(", ")));
            }
        }
        (self.violations.len() == before).then_some(values)
    }

    /// `clientNameLangMap`: not empty, three-letter keys, values not blank.
    pub fn name_langs(&mut self, value: Option<BTreeMap<String, String>>) -> Option<BTreeMap<String, String>> {
        let Some(map) = value.filter(|m| !m.is_empty()) else {
            self.add("clientNameLangMap", "must not be empty");
            return None;
        };
        let before = self.violations.len();
        for (lang, name) in &map {
            if lang.chars().count() != LANG_CODE_LEN {
                self.add(&format!("clientNameLangMap<K>[{lang}]"), "size must be between 3 and 3");
            }
            if name.trim().is_empty() {
                self.add(&format!("clientNameLangMap[{lang}]"), "must not be blank");
            }
        }
        (self.violations.len() == before).then_some(map)
    }

    /// A list of 1 to `max` items.
    fn list(&mut self, field: &str, value: Option<Vec<String>>, max: usize) -> Option<Vec<String>> {
        match value {
            None => self.add(field, "must not be null"),
            Some(v) if v.is_empty() || v.len() > max => self.add(field, format!("size must be between 1 and {max}")),
            Some(v) => return Some(v),
        }
        None
    }
}

/// The name MOSIP stores for an OAuth client: the language map with `@none` for the plain name,
/// as JSON text.
pub fn oauth_name(name: &str, langs: &BTreeMap<String, String>) -> String {
    let mut all: serde_json::Map<String, serde_json::Value> =
        langs.iter().map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone()))).collect();
    all.insert("@none".into(), serde_json::Value::String(name.to_owned()));
    serde_json::Value::Object(all).to_string()
}

#[cfg(test)]
mod tests;
