//! The e-mails the service sends: queued in the transaction of the change they tell about
//! ([`queue`]), rendered from [`MailTemplates`] in the recipient's language and delivered through
//! the [`Notifier`](crate::notify::Notifier) outside any transaction ([`deliver`]), so a slow mail
//! server never holds a database transaction and nothing queued is lost.

mod deliver;
pub mod notices;
mod templates;

use std::collections::HashMap;

use app_core::{AppError, Tx};
use chrono::NaiveDateTime;
use persistence::repo::mail::{self as repo, MailRow};

pub use deliver::{DeliveryReport, deliver};
pub use templates::{FALLBACK_LANG, MailTemplates};

/// An e-mail to queue: its recipient, template, language and placeholder values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    pub to: String,
    pub template: &'static str,
    pub lang: String,
    pub vars: HashMap<String, String>,
    /// The notification it tells about, if any.
    pub notification_id: Option<String>,
}

impl Outgoing {
    /// `template` to `to` in `lang` (English when none), with `vars`. `None` without a usable
    /// address (the partner gave none).
    pub fn new(to: Option<&str>, template: &'static str, lang: Option<&str>, vars: &[(&str, &str)]) -> Option<Self> {
        let to = to.map(str::trim).filter(|t| !t.is_empty())?;
        let lang = lang.map(str::trim).filter(|l| !l.is_empty()).unwrap_or(FALLBACK_LANG);
        Some(Outgoing {
            to: to.to_owned(),
            template,
            lang: lang.to_ascii_lowercase(),
            vars: vars.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect(),
            notification_id: None,
        })
    }
}

/// Queues `mail`, due at `now`, in `tx`'s transaction: it is sent if, and once, the transaction
/// commits.
pub fn queue(tx: &mut Tx<'_>, mail: Outgoing, now: NaiveDateTime) -> Result<(), AppError> {
    let vars = serde_json::to_string(&mail.vars).map_err(|e| AppError::internal(e.to_string()))?;
    let id = tx.new_id();
    let row = MailRow {
        notification_id: mail.notification_id,
        ..MailRow::new(id, &mail.to, mail.template, &mail.lang, vars, now)
    };
    repo::queue(tx.conn, &row)?;
    Ok(())
}

/// `[mail]`: where the adopter's e-mail templates are.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MailSettings {
    /// A directory of `<template>.<langCode>.txt` files overriding or adding to the built-in
    /// templates; none: the built-in ones only.
    pub templates_dir: Option<std::path::PathBuf>,
}

impl MailSettings {
    /// The templates: the built-in ones overridden by `templates_dir`'s (an unknown or malformed
    /// file stops the start).
    pub fn templates(&self) -> anyhow::Result<MailTemplates> {
        MailTemplates::load(self.templates_dir.as_deref())
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod notices_tests;
