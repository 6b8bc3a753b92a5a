//! Mail over SMTP (lettre's synchronous transport; one connection per message).

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{SmtpTransport, Transport};
use secrecy::{ExposeSecret, SecretString};

use super::{Mail, Notifier, message};

/// An SMTP server and how to talk to it.
#[derive(Debug, Clone)]
pub struct SmtpConfig {
    pub host: String,
    /// `None`: 25 (no TLS), 587 (STARTTLS), 465 (TLS).
    pub port: Option<u16>,
    pub tls: SmtpTls,
    /// Log in as this user (with `password`, or the first line of `password_file`).
    pub username: Option<String>,
    pub password: Option<SecretString>,
    pub password_file: Option<PathBuf>,
    /// Connect and command timeout (at least one second).
    pub timeout_secs: u64,
}

/// How the SMTP connection is protected (`none`, `starttls`, `tls` in the settings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmtpTls {
    /// Plain text.
    None,
    /// STARTTLS, required (not opportunistic).
    Starttls,
    /// Implicit TLS.
    Tls,
}

pub struct SmtpNotifier {
    transport: SmtpTransport,
    from: Mailbox,
    target: String,
}

impl SmtpNotifier {
    /// A transport to the server of `settings` (port, TLS mode, credentials, timeout).
    pub fn new(settings: &SmtpConfig, from: Mailbox) -> anyhow::Result<Self> {
        let host = settings.host.trim();
        let port = settings.port.unwrap_or(match settings.tls {
            SmtpTls::None => 25,
            SmtpTls::Starttls => 587,
            SmtpTls::Tls => 465,
        });
        let tls = || TlsParameters::new(host.to_owned()).with_context(|| format!("TLS parameters for {host}"));
        let mut builder = SmtpTransport::builder_dangerous(host).port(port).tls(match settings.tls {
            SmtpTls::None => Tls::None,
            SmtpTls::Starttls => Tls::Required(tls()?),
            SmtpTls::Tls => Tls::Wrapper(tls()?),
        });
        builder = builder.timeout(Some(Duration::from_secs(settings.timeout_secs.max(1))));
        if let Some(user) = settings.username.as_ref().filter(|u| !u.is_empty()) {
            let password = password(settings)?;
            builder = builder.credentials(Credentials::new(user.clone(), password.expose_secret().to_owned()));
        }
        let mode = match settings.tls {
            SmtpTls::None => "plain",
            SmtpTls::Starttls => "STARTTLS",
            SmtpTls::Tls => "TLS",
        };
        Ok(SmtpNotifier { transport: builder.build(), from, target: format!("SMTP {host}:{port} ({mode})") })
    }
}

fn password(settings: &SmtpConfig) -> anyhow::Result<SecretString> {
    if let Some(p) = &settings.password {
        return Ok(p.clone());
    }
    if let Some(path) = &settings.password_file {
        let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        return Ok(SecretString::from(text.trim_end_matches(['\r', '\n']).to_owned()));
    }
    anyhow::bail!("smtp.username is set but neither smtp.password nor smtp.password_file")
}

impl Notifier for SmtpNotifier {
    fn send(&self, mail: &Mail) -> Result<(), String> {
        let sent = message(&self.from, mail)
            .and_then(|msg| self.transport.send(&msg).with_context(|| format!("sending through {}", self.target)));
        let answer = sent.map_err(|e| format!("{e:#}"))?;
        tracing::info!(target = %self.target, code = %answer.code(), "mail sent");
        Ok(())
    }

    fn describe(&self) -> String {
        self.target.clone()
    }
}
