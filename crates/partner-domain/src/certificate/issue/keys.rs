//! RSA keys and the hashes of their PKCS#1 v1.5 signatures.

use der::asn1::ObjectIdentifier;
use rand_core::CryptoRngCore;
use rsa::pkcs8::{DecodePrivateKey, EncodePrivateKey, EncodePublicKey, LineEnding};
use rsa::{Pkcs1v15Sign, RsaPrivateKey};
use sha1::{Digest, Sha1};
use spki::SubjectPublicKeyInfoOwned;

use crate::certificate::error::CertificateError;

/// The hash of a PKCS#1 v1.5 RSA signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SigHash {
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
}

impl SigHash {
    pub(super) fn oid(self) -> ObjectIdentifier {
        ObjectIdentifier::new_unwrap(match self {
            SigHash::Sha1 => "1.2.840.113549.1.1.5",
            SigHash::Sha224 => "1.2.840.113549.1.1.14",
            SigHash::Sha256 => "1.2.840.113549.1.1.11",
            SigHash::Sha384 => "1.2.840.113549.1.1.12",
            SigHash::Sha512 => "1.2.840.113549.1.1.13",
        })
    }

    pub(super) fn sign(self, key: &RsaPrivateKey, rng: &mut impl CryptoRngCore, data: &[u8]) -> rsa::Result<Vec<u8>> {
        use sha2::{Sha224, Sha256, Sha384, Sha512};
        let (scheme, digest) = match self {
            SigHash::Sha1 => (Pkcs1v15Sign::new::<Sha1>(), Sha1::digest(data).to_vec()),
            SigHash::Sha224 => (Pkcs1v15Sign::new::<Sha224>(), Sha224::digest(data).to_vec()),
            SigHash::Sha256 => (Pkcs1v15Sign::new::<Sha256>(), Sha256::digest(data).to_vec()),
            SigHash::Sha384 => (Pkcs1v15Sign::new::<Sha384>(), Sha384::digest(data).to_vec()),
            SigHash::Sha512 => (Pkcs1v15Sign::new::<Sha512>(), Sha512::digest(data).to_vec()),
        };
        key.sign_with_rng(rng, scheme, &digest)
    }
}

/// An RSA private key.
#[derive(Clone)]
pub struct KeyPair {
    pub(super) key: RsaPrivateKey,
}

impl std::fmt::Debug for KeyPair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("KeyPair(..)")
    }
}

impl KeyPair {
    /// A new key of `bits` bits.
    pub fn generate(rng: &mut impl CryptoRngCore, bits: usize) -> Result<Self, CertificateError> {
        let key =
            RsaPrivateKey::new(rng, bits).map_err(|e| CertificateError::Internal(format!("key generation: {e}")))?;
        Ok(KeyPair { key })
    }

    /// Reads an unencrypted PKCS#8 PEM key.
    pub fn from_pkcs8_pem(pem: &str) -> Result<Self, CertificateError> {
        let key = RsaPrivateKey::from_pkcs8_pem(pem)
            .map_err(|e| CertificateError::Internal(format!("reading a key: {e}")))?;
        Ok(KeyPair { key })
    }

    /// The key as unencrypted PKCS#8 PEM.
    pub fn to_pkcs8_pem(&self) -> Result<String, CertificateError> {
        let pem = self
            .key
            .to_pkcs8_pem(LineEnding::LF)
            .map_err(|e| CertificateError::Internal(format!("writing a key: {e}")))?;
        Ok(pem.to_string())
    }

    /// The public key as a SubjectPublicKeyInfo.
    pub fn spki(&self) -> Result<SubjectPublicKeyInfoOwned, CertificateError> {
        let der = self
            .key
            .to_public_key()
            .to_public_key_der()
            .map_err(|e| CertificateError::Internal(format!("public key: {e}")))?;
        der::Decode::from_der(der.as_bytes()).map_err(|e| CertificateError::Internal(format!("public key: {e}")))
    }
}
