//! Outgoing notifications: the service's [`Notifier`]s (partner-app's adapter trait) deliver one
//! message synchronously (call them on the blocking pool): over SMTP when `[smtp] host` is set,
//! else as an `.eml` file under `<data_dir>/mail/` for a local user to read.

mod file_drop;
mod smtp;

use std::sync::Arc;

use anyhow::Context;
use lettre::Message;
use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use web_support::Settings;

pub use file_drop::FileDrop;
pub use partner_app::onboarding::{Mail, Notifier};
pub use smtp::SmtpNotifier;

/// The notifier the settings ask for: SMTP when `smtp.host` is set, else the file drop.
pub fn from_settings(settings: &Settings) -> anyhow::Result<Arc<dyn Notifier>> {
    let from: Mailbox = settings.smtp.from.parse().with_context(|| format!("smtp.from {:?}", settings.smtp.from))?;
    Ok(match &settings.smtp.host {
        Some(host) if !host.trim().is_empty() => Arc::new(SmtpNotifier::new(&settings.smtp, host.trim(), from)?),
        _ => Arc::new(FileDrop::new(settings.data_dir.join("mail"), from)),
    })
}

/// `mail` as an RFC 5322 message from `from`.
fn message(from: &Mailbox, mail: &Mail) -> anyhow::Result<Message> {
    let to: Mailbox = mail.to.parse().with_context(|| format!("recipient {:?}", mail.to))?;
    Ok(Message::builder()
        .from(from.clone())
        .to(to)
        .subject(mail.subject.clone())
        .header(ContentType::TEXT_PLAIN)
        .body(mail.body.clone())?)
}
