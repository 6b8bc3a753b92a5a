//! Secrets at rest: values sealed with AES-256-GCM under a key-encryption key (KEK) named by an
//! id, stored self-describing as `enc:v1:<kek-id>:<nonce base64>:<ciphertext base64>`, with the
//! row's identity as associated data (a sealed value copied to another row does not open).
//!
//! Pure crypto: the keys come from the caller (settings load them); nothing here logs or prints
//! key material ([`Kek`] and [`Keyring`] show ids only).

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use rand::RngCore;
use secrecy::{ExposeSecret, SecretBox, SecretString};

/// Prefix of a sealed value; anything else is stored in clear.
const PREFIX: &str = "enc:v1:";

/// Why a value could not be sealed or opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecretError {
    #[error("a KEK id must be 1 to 64 letters, digits, '-', '_' or '.': {0:?}")]
    BadKekId(String),
    #[error("a KEK must be 32 bytes in standard base64 (KEK id {0})")]
    BadKek(String),
    #[error("the stored value is sealed under KEK id {0}, which is not configured")]
    UnknownKek(String),
    #[error("the stored value is sealed but no KEK is configured")]
    NoKek,
    #[error("KEK id {0} does not open the stored value (wrong key, or the value was altered)")]
    WrongKek(String),
    #[error("the stored value is not of the form enc:v1:<kek-id>:<nonce>:<ciphertext>")]
    Malformed,
}

/// One key-encryption key and its id.
pub struct Kek {
    id: String,
    key: SecretBox<[u8; 32]>,
}

impl std::fmt::Debug for Kek {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Kek").field("id", &self.id).field("key", &"[REDACTED]").finish()
    }
}

impl Kek {
    /// A KEK from its id and its 32 bytes in standard base64 (whitespace around it ignored).
    pub fn from_base64(id: &str, key: &SecretString) -> Result<Kek, SecretError> {
        let ok_id = !id.is_empty()
            && id.len() <= 64
            && id.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
        if !ok_id {
            return Err(SecretError::BadKekId(id.to_owned()));
        }
        let bytes = B64.decode(key.expose_secret().trim()).map_err(|_| SecretError::BadKek(id.to_owned()))?;
        let key: [u8; 32] = bytes.try_into().map_err(|_| SecretError::BadKek(id.to_owned()))?;
        Ok(Kek { id: id.to_owned(), key: SecretBox::new(Box::new(key)) })
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    fn cipher(&self) -> Aes256Gcm {
        Aes256Gcm::new(&Key::<Aes256Gcm>::from(*self.key.expose_secret()))
    }
}

/// The current KEK (values are sealed under it) and the previous ones (still opened, until a
/// rotation has re-sealed every value). Without a current KEK values are stored in clear.
#[derive(Debug, Default)]
pub struct Keyring {
    current: Option<Kek>,
    previous: Vec<Kek>,
}

impl Keyring {
    /// No KEK: values stay in clear.
    pub fn clear() -> Keyring {
        Keyring::default()
    }

    pub fn new(current: Kek, previous: Vec<Kek>) -> Keyring {
        Keyring { current: Some(current), previous }
    }

    /// Whether values are sealed.
    pub fn sealing(&self) -> bool {
        self.current.is_some()
    }

    /// The id of the current KEK.
    pub fn current_id(&self) -> Option<&str> {
        self.current.as_ref().map(Kek::id)
    }

    /// `plain` sealed under the current KEK with `aad`; in clear when there is none.
    pub fn seal(&self, plain: &str, aad: &str) -> String {
        let Some(kek) = &self.current else { return plain.to_owned() };
        let mut nonce = [0u8; 12];
        rand::rng().fill_bytes(&mut nonce);
        let payload = Payload { msg: plain.as_bytes(), aad: aad.as_bytes() };
        // AES-GCM encryption fails only past 64 GiB of plaintext
        let sealed = kek.cipher().encrypt(&Nonce::from(nonce), payload).unwrap_or_default();
        format!("{PREFIX}{}:{}:{}", kek.id, B64.encode(nonce), B64.encode(sealed))
    }

    /// The KEK id a stored value is sealed under; `None` for a value in clear.
    pub fn sealed_under(stored: &str) -> Option<&str> {
        stored.strip_prefix(PREFIX).and_then(|rest| rest.split(':').next())
    }

    /// Whether `stored` is sealed under the current KEK (or in clear when there is none).
    pub fn is_current(&self, stored: &str) -> bool {
        Keyring::sealed_under(stored) == self.current_id()
    }

    /// The clear value of `stored` (a value in clear is answered as it is).
    pub fn open(&self, stored: &str, aad: &str) -> Result<SecretString, SecretError> {
        let Some(rest) = stored.strip_prefix(PREFIX) else { return Ok(SecretString::from(stored)) };
        let mut parts = rest.split(':');
        let (Some(id), Some(nonce), Some(sealed), None) = (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(SecretError::Malformed);
        };
        let kek =
            self.current.iter().chain(&self.previous).find(|k| k.id == id).ok_or_else(|| {
                if self.sealing() { SecretError::UnknownKek(id.to_owned()) } else { SecretError::NoKek }
            })?;
        let nonce: [u8; 12] = B64.decode(nonce).ok().and_then(|n| n.try_into().ok()).ok_or(SecretError::Malformed)?;
        let sealed = B64.decode(sealed).map_err(|_| SecretError::Malformed)?;
        let payload = Payload { msg: &sealed, aad: aad.as_bytes() };
        let plain =
            kek.cipher().decrypt(&Nonce::from(nonce), payload).map_err(|_| SecretError::WrongKek(id.to_owned()))?;
        String::from_utf8(plain).map(SecretString::from).map_err(|_| SecretError::WrongKek(id.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kek(id: &str, byte: u8) -> Kek {
        Kek::from_base64(id, &SecretString::from(B64.encode([byte; 32]))).unwrap()
    }

    #[test]
    fn a_sealed_value_is_not_the_clear_one_and_opens_with_its_aad_only() {
        let ring = Keyring::new(kek("k1", 7), vec![]);
        let sealed = ring.seal("-----BEGIN PRIVATE KEY-----", "signing_key:a");
        assert!(sealed.starts_with("enc:v1:k1:"), "{sealed}");
        assert!(!sealed.contains("BEGIN"));
        assert_ne!(ring.seal("-----BEGIN PRIVATE KEY-----", "signing_key:a"), sealed, "fresh nonce");
        assert_eq!(ring.open(&sealed, "signing_key:a").unwrap().expose_secret(), "-----BEGIN PRIVATE KEY-----");
        assert_eq!(ring.open(&sealed, "signing_key:b").unwrap_err(), SecretError::WrongKek("k1".into()));
        assert!(ring.is_current(&sealed));
        assert!(!ring.is_current("clear"));
    }

    #[test]
    fn wrong_unknown_or_missing_keks_are_refused() {
        let sealed = Keyring::new(kek("k1", 7), vec![]).seal("secret", "x");
        assert_eq!(
            Keyring::new(kek("k1", 8), vec![]).open(&sealed, "x").unwrap_err(),
            SecretError::WrongKek("k1".into())
        );
        assert_eq!(
            Keyring::new(kek("k2", 7), vec![]).open(&sealed, "x").unwrap_err(),
            SecretError::UnknownKek("k1".into())
        );
        assert_eq!(Keyring::clear().open(&sealed, "x").unwrap_err(), SecretError::NoKek);
        assert_eq!(Keyring::clear().open("enc:v1:k1:zz", "x").unwrap_err(), SecretError::Malformed);
        // a previous KEK still opens; the value is not current under the new one
        let rotated = Keyring::new(kek("k2", 9), vec![kek("k1", 7)]);
        assert_eq!(rotated.open(&sealed, "x").unwrap().expose_secret(), "secret");
        assert!(!rotated.is_current(&sealed));
    }

    #[test]
    fn clear_values_pass_through_and_keys_never_show() {
        assert_eq!(Keyring::clear().seal("plain", "x"), "plain");
        assert_eq!(Keyring::clear().open("plain", "x").unwrap().expose_secret(), "plain");
        let shown = format!("{:?}", Keyring::new(kek("k1", 7), vec![]));
        assert!(shown.contains("k1") && shown.contains("REDACTED"), "{shown}");
        assert!(Kek::from_base64("bad:id", &SecretString::from(B64.encode([0u8; 32]))).is_err());
        assert_eq!(
            Kek::from_base64("k", &SecretString::from(B64.encode([0u8; 16]))).unwrap_err(),
            SecretError::BadKek("k".into())
        );
    }
}
