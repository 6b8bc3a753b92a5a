//! Outgoing notifications: [`Notifier`]s (the onboarding operations' adapter trait) that deliver
//! one message synchronously (call them off async workers): over SMTP ([`SmtpNotifier`]) or as
//! an `.eml` file in a directory ([`FileDrop`]) for a local user to read. [`notifier`] builds the
//! one a [`MailConfig`] asks for.

mod file_drop;
mod smtp;

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context;
use lettre::Message;
use lettre::message::Mailbox;
use lettre::message::header::ContentType;

pub use crate::onboarding::{Mail, Notifier};
pub use file_drop::FileDrop;
pub use smtp::{SmtpConfig, SmtpNotifier, SmtpTls};

/// Where outgoing mail goes.
#[derive(Debug, Clone)]
pub struct MailConfig {
    /// The sender, e.g. `PMS <no-reply@example.org>`.
    pub from: String,
    /// The SMTP server to send through; `None` drops the messages in `drop_dir` instead.
    pub smtp: Option<SmtpConfig>,
    /// The directory of the file drop.
    pub drop_dir: PathBuf,
}

/// The notifier `cfg` asks for: SMTP when a server is given, else the file drop.
pub fn notifier(cfg: &MailConfig) -> anyhow::Result<Arc<dyn Notifier>> {
    let from: Mailbox = cfg.from.parse().with_context(|| format!("smtp.from {:?}", cfg.from))?;
    Ok(match &cfg.smtp {
        Some(smtp) => Arc::new(SmtpNotifier::new(smtp, from)?),
        None => Arc::new(FileDrop::new(cfg.drop_dir.clone(), from)),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn mail() -> Mail {
        Mail { to: "ops@example.org".into(), subject: "Your code".into(), body: "123456".into() }
    }

    fn drop_in(dir: &std::path::Path) -> MailConfig {
        MailConfig { from: "PMS <pms@example.org>".into(), smtp: None, drop_dir: dir.join("mail") }
    }

    #[test]
    fn without_a_server_each_message_is_one_eml_file() {
        let dir = tempfile::tempdir().unwrap();
        let n = notifier(&drop_in(dir.path())).unwrap();
        assert!(n.describe().starts_with("file drop in ") && n.describe().ends_with("mail"));
        n.send(&mail()).unwrap();
        let files: Vec<_> = std::fs::read_dir(dir.path().join("mail")).unwrap().map(|f| f.unwrap().path()).collect();
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].extension().and_then(|e| e.to_str()), Some("eml"));
        let text = std::fs::read_to_string(&files[0]).unwrap();
        assert!(text.contains("Subject: Your code") && text.contains("To: ops@example.org") && text.contains("123456"));
        assert!(n.send(&Mail { to: "not a mailbox".into(), ..mail() }).is_err());
    }

    #[test]
    fn smtp_takes_its_port_from_the_tls_mode_and_needs_a_password_for_a_user() {
        let smtp = |tls, port, username: Option<&str>| MailConfig {
            smtp: Some(SmtpConfig {
                host: " smtp.example ".into(),
                port,
                tls,
                username: username.map(str::to_owned),
                password: None,
                password_file: None,
                timeout_secs: 5,
            }),
            ..drop_in(std::path::Path::new("."))
        };
        let describe = |cfg: MailConfig| notifier(&cfg).map(|n| n.describe()).unwrap();
        assert_eq!(describe(smtp(SmtpTls::Tls, None, None)), "SMTP smtp.example:465 (TLS)");
        assert_eq!(describe(smtp(SmtpTls::Starttls, None, None)), "SMTP smtp.example:587 (STARTTLS)");
        assert_eq!(describe(smtp(SmtpTls::None, Some(2525), None)), "SMTP smtp.example:2525 (plain)");
        assert!(notifier(&smtp(SmtpTls::Tls, None, Some("u"))).is_err(), "a user without a password");
        assert!(notifier(&MailConfig { from: "not a mailbox".into(), ..drop_in(std::path::Path::new(".")) }).is_err());
    }
}
