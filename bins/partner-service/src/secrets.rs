//! The service's signing keys at rest: sealed under the key-encryption key at start, and
//! `partner-service secrets rotate` re-sealing them (and the stored token secret) under a new one.

use anyhow::Context;
use app_core::secrets::Keyring;
use app_core::{Actor, AppError, Store};
use partner_app::certificates::{SealedKeys, seal_signing_keys};

use crate::settings::Settings;

/// At start: every stored key must open with the configured KEKs (a wrong KEK stops the start;
/// no key is ever made anew in place of one that does not open), and keys stored in clear are
/// sealed under the current KEK, all in one transaction.
pub fn seal_at_start(store: &Store, secrets: &Keyring) -> anyhow::Result<SealedKeys> {
    let done = seal_signing_keys(store, &Actor::anonymous("SYSTEM", None), secrets, false)
        .map_err(failure)
        .context("checking the service's signing keys against the configured key-encryption keys (secrets.kek, secrets.previous_keks)")?;
    if done.sealed > 0 {
        tracing::info!(sealed = done.sealed, kek_id = secrets.current_id(), "sealed the signing keys stored in clear");
    }
    Ok(done)
}

/// `secrets rotate`: re-seals every stored key under the current KEK; afterwards the previous
/// KEKs are no longer needed.
pub fn rotate(settings: &Settings) -> anyhow::Result<SealedKeys> {
    let secrets = settings.service.secrets.keyring()?;
    anyhow::ensure!(secrets.sealing(), "no key-encryption key configured (secrets.kek or secrets.kek_file)");
    let store = web_support::cli::store(settings, &settings.audit.application_name)?;
    let done = seal_signing_keys(&store, &Actor::anonymous("secrets-rotate", None), &secrets, true)
        .map_err(failure)
        .context("re-sealing the service's signing keys")?;
    // the stored token secret too (a configured one is the operator's to re-seal)
    let auth = &settings.auth;
    if auth.hs256_secret.is_none() && auth.hs256_secret_file.is_none() && settings.generated_secret_path().is_file() {
        web_support::auth::resolve_sealed(settings, &secrets).context("re-sealing the stored token secret")?;
    }
    Ok(done)
}

/// The failure as the operator needs it: what went wrong inside (the key and the KEK id, never a key).
fn failure(e: AppError) -> anyhow::Error {
    anyhow::anyhow!("{}", e.detail.as_deref().unwrap_or(e.message()))
}
