//! The token secret at rest: a stored HS256 secret (the generated `jwt-hs256.secret`, a
//! `hs256_secret_file`, or even `hs256_secret` itself) may be sealed
//! (`enc:v1:<kek-id>:<nonce>:<ciphertext>`) under the service's key-encryption key, as its signing
//! keys are (`app_core::secrets`). The generated file is sealed under the current KEK at start
//! (also when it was sealed under a previous one: rotation re-seals it); a sealed secret that no
//! configured KEK opens stops the start.

use std::path::Path;

use anyhow::Context;
use app_core::secrets::Keyring;
use secrecy::{ExposeSecret, SecretString};

/// The associated data every sealed token secret is bound to.
pub const AAD: &str = "auth.hs256_secret";

/// The clear secret of `stored` (sealed or not), read from `whence`.
pub fn open(stored: &str, keyring: &Keyring, whence: &str) -> anyhow::Result<SecretString> {
    keyring.open(stored.trim(), AAD).with_context(|| {
        format!("opening the token secret of {whence} (sealed: configure the KEK it was sealed under, secrets.kek or secrets.previous_keks)")
    })
}

/// Re-writes the generated secret file at `path` sealed under the current KEK when it is in clear
/// or sealed under another KEK; answers whether it did. Replaces the file atomically (owner-only).
pub fn seal_file(path: &Path, stored: &str, clear: &SecretString, keyring: &Keyring) -> anyhow::Result<bool> {
    if !keyring.sealing() || keyring.is_current(stored.trim()) {
        return Ok(false);
    }
    let sealed = keyring.seal(clear.expose_secret(), AAD);
    let tmp = path.with_extension("secret.new");
    let _ = std::fs::remove_file(&tmp);
    super::secret::write_private(&tmp, &sealed).with_context(|| format!("writing {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("replacing {}", path.display()))?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use app_core::secrets::Kek;

    /// 32 bytes of 1, 2 and 9, in base64.
    fn kek(id: &str, byte: u8) -> Kek {
        let key = match byte {
            1 => "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=",
            2 => "AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI=",
            _ => "CQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQk=",
        };
        Kek::from_base64(id, &SecretString::from(key)).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_clear_file_is_sealed_then_rotation_reseals_it_and_a_wrong_kek_is_refused() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("jwt-hs256.secret");
        let clear = SecretString::from("0123456789abcdef0123456789abcdef".to_owned());
        std::fs::write(&path, clear.expose_secret()).unwrap_or_else(|e| panic!("{e}"));
        let k1 = Keyring::new(kek("k1", 1), Vec::new());
        assert!(seal_file(&path, clear.expose_secret(), &clear, &k1).unwrap_or(false));
        let stored = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(stored.starts_with("enc:v1:k1:") && !stored.contains(clear.expose_secret()), "{stored}");
        assert!(!seal_file(&path, &stored, &clear, &k1).unwrap_or(true), "sealed once");
        assert_eq!(
            open(&stored, &k1, "test").map(|s| s.expose_secret().to_owned()).ok().as_deref(),
            Some(clear.expose_secret())
        );

        let k2 = Keyring::new(kek("k2", 2), vec![kek("k1", 1)]);
        let opened = open(&stored, &k2, "test").unwrap_or_else(|e| panic!("{e:#}"));
        assert!(seal_file(&path, &stored, &opened, &k2).unwrap_or(false), "rotation re-seals");
        let rotated = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(rotated.starts_with("enc:v1:k2:"), "{rotated}");
        assert!(open(&rotated, &Keyring::new(kek("k2", 9), Vec::new()), "test").is_err(), "a wrong KEK");
        assert!(open(&rotated, &Keyring::clear(), "test").is_err(), "no KEK");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).map(|m| m.permissions().mode()).unwrap_or(0);
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
