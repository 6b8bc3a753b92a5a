//! `[secrets]`: the key-encryption key (KEK) the service's own signing keys are sealed under.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::Context;
use app_core::secrets::{Kek, Keyring};
use secrecy::SecretString;
use serde::Deserialize;

/// `[secrets]` as configured. Key material is never shown (`SecretString`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SecretsSettings {
    /// The current KEK: 32 bytes in standard base64 (`PMS__SECRETS__KEK`).
    pub kek: Option<SecretString>,
    /// A file holding the current KEK in base64 (alternative to `kek`).
    pub kek_file: Option<PathBuf>,
    /// The current KEK's id, written into every sealed value; a new KEK gets a new id.
    pub kek_id: String,
    /// Earlier KEKs by id, still accepted for opening until `partner-service secrets rotate` has
    /// re-sealed every key under the current one.
    pub previous_keks: BTreeMap<String, SecretString>,
    /// Refuse to start without a KEK (production sets it); otherwise a start without one warns
    /// that the service's keys are stored in clear.
    pub require_kek: bool,
}

impl Default for SecretsSettings {
    fn default() -> Self {
        SecretsSettings {
            kek: None,
            kek_file: None,
            kek_id: "kek-1".into(),
            previous_keks: BTreeMap::new(),
            require_kek: false,
        }
    }
}

impl SecretsSettings {
    /// The configured keys (reading `kek_file`); without a KEK, a warning, or an error when
    /// `require_kek` is set.
    pub fn keyring(&self) -> anyhow::Result<Keyring> {
        let current = match (&self.kek, &self.kek_file) {
            (Some(_), Some(_)) => anyhow::bail!("secrets.kek and secrets.kek_file are both set: set one"),
            (Some(kek), None) => Some(kek.clone()),
            (None, Some(path)) => Some(SecretString::from(
                std::fs::read_to_string(path)
                    .with_context(|| format!("reading secrets.kek_file {}", path.display()))?,
            )),
            (None, None) => None,
        };
        let Some(current) = current else {
            anyhow::ensure!(
                !self.require_kek,
                "secrets.require_kek is set but no key-encryption key is configured (secrets.kek or secrets.kek_file)"
            );
            anyhow::ensure!(
                self.previous_keks.is_empty(),
                "secrets.previous_keks is set without a current secrets.kek"
            );
            tracing::warn!(
                "no key-encryption key configured (secrets.kek / secrets.kek_file): the service's signing keys are \
                 stored in clear; production sets one and secrets.require_kek = true"
            );
            return Ok(Keyring::clear());
        };
        let current = Kek::from_base64(&self.kek_id, &current).context("secrets.kek")?;
        let mut previous = Vec::with_capacity(self.previous_keks.len());
        for (id, key) in &self.previous_keks {
            anyhow::ensure!(*id != self.kek_id, "secrets.previous_keks repeats the current kek_id {id}");
            previous.push(Kek::from_base64(id, key).with_context(|| format!("secrets.previous_keks.{id}"))?);
        }
        Ok(Keyring::new(current, previous))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    #[test]
    fn a_kek_from_the_setting_or_a_file_and_require_kek_refuses_without_one() {
        let none = SecretsSettings::default();
        assert!(!none.keyring().unwrap().sealing());
        assert!(SecretsSettings { require_kek: true, ..SecretsSettings::default() }.keyring().is_err());
        let set = SecretsSettings { kek: Some(KEY.into()), require_kek: true, ..SecretsSettings::default() };
        assert_eq!(set.keyring().unwrap().current_id(), Some("kek-1"));
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("kek");
        std::fs::write(&file, format!("{KEY}\n")).unwrap();
        let from_file = SecretsSettings { kek_file: Some(file.clone()), ..SecretsSettings::default() };
        assert!(from_file.keyring().unwrap().sealing());
        let both = SecretsSettings { kek_file: Some(file), ..set.clone() };
        assert!(both.keyring().is_err());
        let short = SecretsSettings { kek: Some("AAEC".into()), ..SecretsSettings::default() };
        let err = format!("{:#}", short.keyring().unwrap_err());
        assert!(err.contains("32 bytes") && !err.contains("AAEC"), "{err}");
        let previous = BTreeMap::from([("kek-1".to_owned(), SecretString::from(KEY))]);
        assert!(SecretsSettings { previous_keks: previous, ..set }.keyring().is_err());
    }
}
