//! The e-mail templates: built-in ones in English, Arabic and French, overridden or extended by
//! the adopter's files `<template>.<langCode>.txt` in `[mail] templates_dir`. A template's first
//! line is the subject, then a blank line, then the body; `{name}` is replaced by the value of
//! `name`, an unknown placeholder is left as written.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context, bail};

/// The language used when a template has no version in the partner's language.
pub const FALLBACK_LANG: &str = "eng";

macro_rules! builtins {
    ($($name:literal),+) => {
        &[$(
            ($name, "eng", include_str!(concat!("templates/", $name, ".eng.txt"))),
            ($name, "ara", include_str!(concat!("templates/", $name, ".ara.txt"))),
            ($name, "fra", include_str!(concat!("templates/", $name, ".fra.txt"))),
        )+]
    };
}

/// Every template the service sends, in each built-in language.
const BUILT_IN: &[(&str, &str, &str)] = builtins!(
    "partner_registered",
    "partner_status",
    "apikey_status",
    "apikey_expiry",
    "cert_expiry",
    "weekly_summary"
);

/// A subject and a body, placeholders not yet filled.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Template {
    subject: String,
    body: String,
}

impl Template {
    fn parse(text: &str) -> Option<Template> {
        let (subject, body) = text.split_once('\n')?;
        let subject = subject.trim();
        (!subject.is_empty()).then(|| Template { subject: subject.to_owned(), body: body.trim_start().to_owned() })
    }
}

/// The templates by name and language.
#[derive(Debug, Clone)]
pub struct MailTemplates {
    by_name_lang: HashMap<(String, String), Template>,
}

impl MailTemplates {
    /// The built-in templates.
    pub fn built_in() -> Self {
        let by_name_lang = BUILT_IN
            .iter()
            .filter_map(|(name, lang, text)| Some((((*name).to_owned(), (*lang).to_owned()), Template::parse(text)?)))
            .collect();
        MailTemplates { by_name_lang }
    }

    /// The built-in templates overridden by the files of `dir`; a file that is not
    /// `<known template>.<langCode>.txt` or has no subject line is an error (a typo would
    /// otherwise be silently ignored).
    pub fn load(dir: Option<&Path>) -> anyhow::Result<Self> {
        let mut all = Self::built_in();
        let Some(dir) = dir else { return Ok(all) };
        for entry in std::fs::read_dir(dir).with_context(|| format!("mail.templates_dir {}", dir.display()))? {
            let path = entry?.path();
            let file = path.file_name().and_then(|f| f.to_str()).unwrap_or_default().to_owned();
            let Some((name, lang)) = file.strip_suffix(".txt").and_then(|f| f.split_once('.')) else {
                bail!("mail template {}: not named <template>.<langCode>.txt", path.display());
            };
            if !BUILT_IN.iter().any(|(n, _, _)| *n == name) {
                bail!("mail template {}: no template is called {name}", path.display());
            }
            let text = std::fs::read_to_string(&path).with_context(|| format!("mail template {}", path.display()))?;
            let template = Template::parse(&text)
                .with_context(|| format!("mail template {}: the first line must be the subject", path.display()))?;
            all.by_name_lang.insert((name.to_owned(), lang.to_owned()), template);
        }
        Ok(all)
    }

    /// `name` in `lang` (else English) with `vars` filled in: subject and body; `None` for a
    /// template that does not exist.
    pub fn render(&self, name: &str, lang: &str, vars: &HashMap<String, String>) -> Option<(String, String)> {
        let t = self
            .by_name_lang
            .get(&(name.to_owned(), lang.to_owned()))
            .or_else(|| self.by_name_lang.get(&(name.to_owned(), FALLBACK_LANG.to_owned())))?;
        Some((fill(&t.subject, vars), fill(&t.body, vars)))
    }
}

/// `text` with each `{name}` of `vars` replaced by its value, in one pass (a value is never
/// itself filled in).
fn fill(text: &str, vars: &HashMap<String, String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').and_then(|close| Some((close, vars.get(&after[..close])?))) {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
