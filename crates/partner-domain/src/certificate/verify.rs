//! Signature verification of certificates, Java's algorithm names, and the key and algorithm
//! limits Java's path validator applies (JDK 11: no MD2/MD5, RSA of at least 1024 bits).
//!
//! Supported: RSA PKCS#1 v1.5 with SHA-1/224/256/384/512, RSASSA-PSS (MGF1 with the same hash),
//! ECDSA on P-256 and P-384 with SHA-1/224/256/384/512. Anything else (DSA, Ed25519, other
//! curves) does not verify, so a path through it is not found.

use der::Encode;
use der::asn1::ObjectIdentifier;
use rsa::{BigUint, Pkcs1v15Sign, Pss, RsaPublicKey};
use sha1::Sha1;
use sha2::{Digest, Sha224, Sha256, Sha384, Sha512};
use spki::SubjectPublicKeyInfoOwned;

use super::asn1;
use super::x509::Certificate;

const RSA: &str = "1.2.840.113549.1.1.1";
const EC: &str = "1.2.840.10045.2.1";
const P256: &str = "1.2.840.10045.3.1.7";
const P384: &str = "1.3.132.0.34";
const PSS: &str = "1.2.840.113549.1.1.10";
const MGF1: &str = "1.2.840.113549.1.1.8";

/// Largest RSA key verified (Java's default limit is 16384 bits too).
const MAX_RSA_BITS: usize = 16384;
/// Java's `jdk.certpath.disabledAlgorithms`: RSA keys below 1024 bits.
const MIN_RSA_BITS: usize = 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hash {
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
}

impl Hash {
    fn from_oid(oid: &str) -> Option<Hash> {
        Some(match oid {
            "1.3.14.3.2.26" => Hash::Sha1,
            "2.16.840.1.101.3.4.2.4" => Hash::Sha224,
            "2.16.840.1.101.3.4.2.1" => Hash::Sha256,
            "2.16.840.1.101.3.4.2.2" => Hash::Sha384,
            "2.16.840.1.101.3.4.2.3" => Hash::Sha512,
            _ => return None,
        })
    }

    fn digest(self, data: &[u8]) -> Vec<u8> {
        match self {
            Hash::Sha1 => Sha1::digest(data).to_vec(),
            Hash::Sha224 => Sha224::digest(data).to_vec(),
            Hash::Sha256 => Sha256::digest(data).to_vec(),
            Hash::Sha384 => Sha384::digest(data).to_vec(),
            Hash::Sha512 => Sha512::digest(data).to_vec(),
        }
    }

    fn pkcs1v15(self) -> Pkcs1v15Sign {
        match self {
            Hash::Sha1 => Pkcs1v15Sign::new::<Sha1>(),
            Hash::Sha224 => Pkcs1v15Sign::new::<Sha224>(),
            Hash::Sha256 => Pkcs1v15Sign::new::<Sha256>(),
            Hash::Sha384 => Pkcs1v15Sign::new::<Sha384>(),
            Hash::Sha512 => Pkcs1v15Sign::new::<Sha512>(),
        }
    }

    fn pss(self, salt: usize) -> Pss {
        match self {
            Hash::Sha1 => Pss::new_with_salt::<Sha1>(salt),
            Hash::Sha224 => Pss::new_with_salt::<Sha224>(salt),
            Hash::Sha256 => Pss::new_with_salt::<Sha256>(salt),
            Hash::Sha384 => Pss::new_with_salt::<Sha384>(salt),
            Hash::Sha512 => Pss::new_with_salt::<Sha512>(salt),
        }
    }
}

/// (OID, Java name, scheme) of the signature algorithms Java names.
const ALGORITHMS: [(&str, &str, Scheme); 18] = [
    ("1.2.840.113549.1.1.2", "MD2withRSA", Scheme::Disabled),
    ("1.2.840.113549.1.1.4", "MD5withRSA", Scheme::Disabled),
    ("1.2.840.113549.1.1.5", "SHA1withRSA", Scheme::Rsa(Hash::Sha1)),
    ("1.2.840.113549.1.1.14", "SHA224withRSA", Scheme::Rsa(Hash::Sha224)),
    ("1.2.840.113549.1.1.11", "SHA256withRSA", Scheme::Rsa(Hash::Sha256)),
    ("1.2.840.113549.1.1.12", "SHA384withRSA", Scheme::Rsa(Hash::Sha384)),
    ("1.2.840.113549.1.1.13", "SHA512withRSA", Scheme::Rsa(Hash::Sha512)),
    (PSS, "RSASSA-PSS", Scheme::RsaPss),
    ("1.2.840.10045.4.1", "SHA1withECDSA", Scheme::Ecdsa(Hash::Sha1)),
    ("1.2.840.10045.4.3.1", "SHA224withECDSA", Scheme::Ecdsa(Hash::Sha224)),
    ("1.2.840.10045.4.3.2", "SHA256withECDSA", Scheme::Ecdsa(Hash::Sha256)),
    ("1.2.840.10045.4.3.3", "SHA384withECDSA", Scheme::Ecdsa(Hash::Sha384)),
    ("1.2.840.10045.4.3.4", "SHA512withECDSA", Scheme::Ecdsa(Hash::Sha512)),
    ("1.2.840.10040.4.3", "SHA1withDSA", Scheme::Unsupported),
    ("2.16.840.1.101.3.4.3.1", "SHA224withDSA", Scheme::Unsupported),
    ("2.16.840.1.101.3.4.3.2", "SHA256withDSA", Scheme::Unsupported),
    ("1.3.101.112", "Ed25519", Scheme::Unsupported),
    ("1.3.101.113", "Ed448", Scheme::Unsupported),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scheme {
    Rsa(Hash),
    RsaPss,
    Ecdsa(Hash),
    /// Refused by Java's path validator.
    Disabled,
    /// Not verified here.
    Unsupported,
}

fn scheme(oid: &ObjectIdentifier) -> Scheme {
    let s = oid.to_string();
    ALGORITHMS.iter().find(|(o, _, _)| *o == s).map_or(Scheme::Unsupported, |(_, _, sc)| *sc)
}

/// Java's `getSigAlgName()` for `oid` (the dotted OID for unknown ones).
pub(crate) fn algorithm_name(oid: &ObjectIdentifier) -> String {
    let s = oid.to_string();
    if let Some((_, name, _)) = ALGORITHMS.iter().find(|(o, _, _)| *o == s) {
        return (*name).to_owned();
    }
    match s.as_str() {
        "2.16.840.1.101.3.4.3.13" => "SHA3-224withRSA".into(),
        "2.16.840.1.101.3.4.3.14" => "SHA3-256withRSA".into(),
        "2.16.840.1.101.3.4.3.15" => "SHA3-384withRSA".into(),
        "2.16.840.1.101.3.4.3.16" => "SHA3-512withRSA".into(),
        "2.16.840.1.101.3.4.3.10" => "SHA3-256withECDSA".into(),
        "2.16.840.1.101.3.4.3.11" => "SHA3-384withECDSA".into(),
        "2.16.840.1.101.3.4.3.12" => "SHA3-512withECDSA".into(),
        _ => s,
    }
}

/// Bits of the modulus of a PKCS#1 `RSAPublicKey`.
pub(crate) fn rsa_modulus_bits(pkcs1: &[u8]) -> Option<usize> {
    let seq = asn1::read(pkcs1)?;
    let parts = asn1::children(seq.contents)?;
    let n = parts.first()?.contents;
    let n: Vec<u8> = n.iter().copied().skip_while(|b| *b == 0).collect();
    let first = *n.first()?;
    Some((n.len() - 1) * 8 + (8 - first.leading_zeros() as usize))
}

fn rsa_key(spki: &SubjectPublicKeyInfoOwned) -> Option<RsaPublicKey> {
    let seq = asn1::read(spki.subject_public_key.raw_bytes())?;
    let parts = asn1::children(seq.contents)?;
    let (n, e) = (parts.first()?, parts.get(1)?);
    RsaPublicKey::new_with_max_size(
        BigUint::from_bytes_be(n.contents),
        BigUint::from_bytes_be(e.contents),
        MAX_RSA_BITS,
    )
    .ok()
}

fn curve(spki: &SubjectPublicKeyInfoOwned) -> Option<String> {
    let params = spki.algorithm.parameters.as_ref()?;
    let oid: ObjectIdentifier = params.decode_as().ok()?;
    Some(oid.to_string())
}

/// Java's path validator accepts this public key (RSA ≥ 1024 bits; the EC curves verified here
/// are all large enough).
pub(crate) fn key_allowed(spki: &SubjectPublicKeyInfoOwned) -> bool {
    match spki.algorithm.oid.to_string().as_str() {
        RSA => rsa_modulus_bits(spki.subject_public_key.raw_bytes()).is_some_and(|b| b >= MIN_RSA_BITS),
        EC => matches!(curve(spki).as_deref(), Some(P256 | P384)),
        _ => false,
    }
}

/// Java's path validator accepts the certificate's signature algorithm (no MD2/MD5).
pub(crate) fn algorithm_allowed(cert: &Certificate) -> bool {
    scheme(&cert.signature_algorithm().oid) != Scheme::Disabled
}

/// `cert`'s signature verifies with `key`.
pub(crate) fn signed_by(cert: &Certificate, key: &SubjectPublicKeyInfoOwned) -> bool {
    let alg = cert.signature_algorithm();
    let (tbs, sig) = (cert.tbs(), cert.signature());
    match scheme(&alg.oid) {
        Scheme::Rsa(hash) => {
            key.algorithm.oid.to_string() == RSA
                && rsa_key(key).is_some_and(|k| k.verify(hash.pkcs1v15(), &hash.digest(tbs), sig).is_ok())
        }
        Scheme::RsaPss => {
            let Some((hash, salt)) = pss_params(alg.parameters.as_ref()) else { return false };
            matches!(key.algorithm.oid.to_string().as_str(), RSA | PSS)
                && rsa_key(key).is_some_and(|k| k.verify(hash.pss(salt), &hash.digest(tbs), sig).is_ok())
        }
        Scheme::Ecdsa(hash) => {
            key.algorithm.oid.to_string() == EC && ecdsa(key, &hash.digest(tbs), sig).unwrap_or(false)
        }
        Scheme::Disabled | Scheme::Unsupported => false,
    }
}

fn ecdsa(key: &SubjectPublicKeyInfoOwned, prehash: &[u8], sig: &[u8]) -> Option<bool> {
    use p256::ecdsa::signature::hazmat::PrehashVerifier;
    let point = key.subject_public_key.raw_bytes();
    match curve(key)?.as_str() {
        P256 => {
            let vk = p256::ecdsa::VerifyingKey::from_sec1_bytes(point).ok()?;
            let sig = p256::ecdsa::Signature::from_der(sig).ok()?;
            Some(vk.verify_prehash(prehash, &sig).is_ok())
        }
        P384 => {
            let vk = p384::ecdsa::VerifyingKey::from_sec1_bytes(point).ok()?;
            let sig = p384::ecdsa::Signature::from_der(sig).ok()?;
            Some(vk.verify_prehash(prehash, &sig).is_ok())
        }
        _ => None,
    }
}

/// RSASSA-PSS-params: the hash (default SHA-1) and salt length (default 20); MGF1 must use the
/// same hash.
fn pss_params(params: Option<&der::Any>) -> Option<(Hash, usize)> {
    let (mut hash, mut mgf_hash, mut salt) = (Hash::Sha1, Hash::Sha1, 20usize);
    if let Some(params) = params {
        let der = params.to_der().ok()?;
        let seq = asn1::read(&der)?;
        for field in asn1::children(seq.contents)? {
            let inner = asn1::read(field.contents)?;
            match field.tag {
                0xA0 => hash = Hash::from_oid(&oid_text(asn1::children(inner.contents)?.first()?)?)?,
                0xA1 => {
                    let parts = asn1::children(inner.contents)?;
                    if oid_text(parts.first()?)? != MGF1 {
                        return None;
                    }
                    let alg = asn1::children(parts.get(1)?.contents)?;
                    mgf_hash = Hash::from_oid(&oid_text(alg.first()?)?)?;
                }
                0xA2 => {
                    salt = inner
                        .contents
                        .iter()
                        .fold(0usize, |acc, b| acc.saturating_mul(256).saturating_add(usize::from(*b)))
                }
                _ => {}
            }
        }
    }
    (hash == mgf_hash).then_some((hash, salt))
}

fn oid_text(tlv: &asn1::Tlv<'_>) -> Option<String> {
    use der::Decode;
    (tlv.tag == asn1::OID).then(|| ObjectIdentifier::from_der(tlv.raw).ok().map(|o| o.to_string()))?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn java_names() {
        let oid = |s: &str| ObjectIdentifier::new_unwrap(s);
        assert_eq!(algorithm_name(&oid("1.2.840.113549.1.1.11")), "SHA256withRSA");
        assert_eq!(algorithm_name(&oid("1.2.840.10045.4.3.3")), "SHA384withECDSA");
        assert_eq!(algorithm_name(&oid("2.16.840.1.101.3.4.3.14")), "SHA3-256withRSA");
        assert_eq!(algorithm_name(&oid("1.2.3.4")), "1.2.3.4");
    }

    #[test]
    fn modulus_bits() {
        // SEQUENCE { INTEGER 0x00FF.., INTEGER 3 }: a 16-bit modulus with a sign byte
        let der = asn1::write(
            asn1::SEQUENCE,
            &[asn1::write(asn1::INTEGER, &[0x00, 0xFF, 0x01]), asn1::write(asn1::INTEGER, &[3])].concat(),
        );
        assert_eq!(rsa_modulus_bits(&der), Some(16));
        assert_eq!(rsa_modulus_bits(b"junk"), None);
    }
}
