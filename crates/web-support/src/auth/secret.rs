use std::io::Write;
use std::path::Path;

use anyhow::Context;
use secrecy::{ExposeSecret, SecretString};

use app_core::secrets::Keyring;

use super::sealed_secret;
use crate::settings::Settings;

/// Where the HS256 secret came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretOrigin {
    Configured,
    File,
    Generated,
    Stored,
}

/// The HS256 secret: configured, read from `hs256_secret_file`, or — when no JWKS is configured
/// either — read from (or generated into) the file beside the SQLite store. `None` when only
/// JWKS (RS256) tokens are accepted. Without a key-encryption key; see [`resolve_sealed`].
pub fn resolve_hs256_secret<S>(settings: &Settings<S>) -> anyhow::Result<Option<(SecretString, SecretOrigin)>> {
    resolve_sealed(settings, &Keyring::clear())
}

/// As [`resolve_hs256_secret`], with stored secrets sealed under `keyring`
/// ([`super::sealed_secret`]): any of the three may be sealed, and the generated file is sealed
/// (re-sealed after a rotation) under the current KEK.
pub fn resolve_sealed<S>(
    settings: &Settings<S>,
    keyring: &Keyring,
) -> anyhow::Result<Option<(SecretString, SecretOrigin)>> {
    if let Some(s) = &settings.auth.hs256_secret {
        let s = sealed_secret::open(s.expose_secret(), keyring, "auth.hs256_secret")?;
        anyhow::ensure!(s.expose_secret().len() >= 16, "auth.hs256_secret must be at least 16 characters");
        return Ok(Some((s, SecretOrigin::Configured)));
    }
    if let Some(path) = &settings.auth.hs256_secret_file {
        let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let text = sealed_secret::open(&text, keyring, &path.display().to_string())?;
        anyhow::ensure!(text.expose_secret().len() >= 16, "{} must hold at least 16 characters", path.display());
        return Ok(Some((text, SecretOrigin::File)));
    }
    if settings.auth.jwks_url.is_some() {
        return Ok(None);
    }
    let path = settings.generated_secret_path();
    let generated = !path.is_file();
    if generated {
        let secret = generate();
        write_private(&path, &keyring.seal(&secret, sealed_secret::AAD))
            .with_context(|| format!("storing the generated secret in {}", path.display()))?;
    }
    let stored = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let clear = sealed_secret::open(&stored, keyring, &path.display().to_string())?;
    if sealed_secret::seal_file(&path, &stored, &clear, keyring)? {
        tracing::info!(path = %path.display(), kek_id = keyring.current_id(), "sealed the stored token secret");
    }
    let origin = if generated { SecretOrigin::Generated } else { SecretOrigin::Stored };
    Ok(Some((clear, origin)))
}

fn generate() -> String {
    let bytes: [u8; 32] = rand::random();
    hex::encode(bytes)
}

/// Creates `path` readable by its owner only; fails if it appeared meanwhile.
pub(super) fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(mut f) => f.write_all(text.as_bytes()),
        // another process generated it first: use theirs
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_secret_is_stored_once_and_read_back() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let mut s: Settings = Settings { data_dir: dir.path().to_path_buf(), ..Settings::default() };
        let (first, origin) = resolve_hs256_secret(&s).ok().flatten().unwrap_or_else(|| panic!("no secret"));
        assert_eq!(origin, SecretOrigin::Generated);
        assert_eq!(first.expose_secret().len(), 64);
        let (again, origin) = resolve_hs256_secret(&s).ok().flatten().unwrap_or_else(|| panic!("no secret"));
        assert_eq!(origin, SecretOrigin::Stored);
        assert_eq!(first.expose_secret(), again.expose_secret());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(s.generated_secret_path()).map(|m| m.permissions().mode()).unwrap_or(0);
            assert_eq!(mode & 0o777, 0o600);
        }
        s.auth.jwks_url = Some("http://127.0.0.1:1/jwks".into());
        assert!(resolve_hs256_secret(&s).ok().flatten().is_none(), "with JWKS only configured secrets count");
    }
}
