//! The client's public key, a JWK, and the client id MOSIP derives from it.
//!
//! Stricter than MOSIP's PMS (which takes any RSA, EC or OKP key): as eSignet 1.5 itself, only
//! RSA keys, and here of at least [`MIN_RSA_BITS`] bits. A JWK with private members is refused
//! (MOSIP would store them).

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use rsa::pkcs8::EncodePublicKey;
use rsa::{BigUint, RsaPublicKey};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::OidcError;

/// The smallest RSA modulus accepted, in bits.
pub const MIN_RSA_BITS: usize = 2048;

/// Members of a private JWK (RFC 7518 §6.3.2).
const PRIVATE_MEMBERS: &[&str] = &["d", "p", "q", "dp", "dq", "qi", "oth", "k"];
/// Members kept besides `kty`, `n` and `e` when the key is stored.
const KEPT_MEMBERS: &[&str] = &["kid", "use", "alg", "key_ops", "x5u", "x5c", "x5t", "x5t#S256"];

/// A checked public key: the JWK as stored and the client id it yields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientKey {
    /// The JWK text kept in `oidc_client.public_key` (public members only).
    pub jwk: String,
    /// MOSIP's client id of the key (43 characters).
    pub client_id: String,
    /// The modulus length in bits.
    pub bits: usize,
}

impl ClientKey {
    /// Reads `jwk` (the request's `publicKey` object): an RSA public key of at least
    /// [`MIN_RSA_BITS`] bits, else `PMS_ESI_007`.
    pub fn from_jwk(jwk: &Map<String, Value>) -> Result<ClientKey, OidcError> {
        if jwk.get("kty").and_then(Value::as_str) != Some("RSA") {
            return Err(OidcError::BadPublicKey);
        }
        if PRIVATE_MEMBERS.iter().any(|m| jwk.contains_key(*m)) {
            return Err(OidcError::BadPublicKey);
        }
        let n = member_bytes(jwk, "n")?;
        let e = member_bytes(jwk, "e")?;
        let key = RsaPublicKey::new(BigUint::from_bytes_be(&n), BigUint::from_bytes_be(&e))
            .map_err(|_| OidcError::BadPublicKey)?;
        let bits = rsa::traits::PublicKeyParts::n(&key).bits();
        if bits < MIN_RSA_BITS {
            return Err(OidcError::BadPublicKey);
        }
        let spki = key.to_public_key_der().map_err(|_| OidcError::BadPublicKey)?;
        let mut stored = Map::new();
        for member in ["kty", "n", "e"].iter().chain(KEPT_MEMBERS) {
            if let Some(v) = jwk.get(*member) {
                stored.insert((*member).to_owned(), v.clone());
            }
        }
        Ok(ClientKey { jwk: Value::Object(stored).to_string(), client_id: client_id_of(spki.as_bytes()), bits })
    }
}

/// MOSIP 1.2.2's client id of a key: SHA-256 over the standard Base64 (padded) text of its DER
/// SubjectPublicKeyInfo, in unpadded base64url.
pub fn client_id_of(spki_der: &[u8]) -> String {
    let text = STANDARD.encode(spki_der);
    URL_SAFE_NO_PAD.encode(Sha256::digest(text.as_bytes()))
}

/// A base64url member of the JWK (padding tolerated), not empty.
fn member_bytes(jwk: &Map<String, Value>, name: &str) -> Result<Vec<u8>, OidcError> {
    let text = jwk.get(name).and_then(Value::as_str).ok_or(OidcError::BadPublicKey)?;
    let bytes = URL_SAFE_NO_PAD.decode(text.trim_end_matches('=')).map_err(|_| OidcError::BadPublicKey)?;
    if bytes.is_empty() { Err(OidcError::BadPublicKey) } else { Ok(bytes) }
}

#[cfg(test)]
mod tests;
