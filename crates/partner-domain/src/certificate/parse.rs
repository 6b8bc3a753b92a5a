//! Reading certificate data as keymanager reads it: the first PEM block (partner upload), and for
//! CA uploads a fallback to URL-safe base64 of a PKCS#7 bundle or of concatenated DER
//! certificates. Also writes the PKCS#7 "certs-only" chain keymanager answers with.

use base64::Engine;
use base64::alphabet::URL_SAFE;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};

use super::asn1;
use super::error::CertificateError;
use super::x509::Certificate;

const BEGIN: &str = "-----BEGIN ";

/// PKCS#7 signedData and data content types.
const SIGNED_DATA: [u64; 7] = [1, 2, 840, 113_549, 1, 7, 2];
const DATA: [u64; 7] = [1, 2, 840, 113_549, 1, 7, 1];

/// Java's `Base64.getUrlDecoder()`: URL-safe alphabet, padding optional, nothing else allowed.
const JAVA_URL_DECODER: GeneralPurpose = GeneralPurpose::new(
    &URL_SAFE,
    GeneralPurposeConfig::new()
        .with_decode_padding_mode(DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

/// URL-safe base64 without padding, as keymanager encodes the PKCS#7 chain.
const URL_NO_PAD: GeneralPurpose = base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// The first PEM block of `data` as a certificate (keymanager §2.1). The block's label is not
/// checked; lines with a `:` inside the block are headers and skipped.
pub fn pem_certificate(data: &str) -> Result<Certificate, CertificateError> {
    let bytes = first_pem_block(data)?;
    Certificate::from_der(&bytes).map_err(CertificateError::Parsing)
}

fn first_pem_block(data: &str) -> Result<Vec<u8>, CertificateError> {
    let mut lines = data.split('\n').flat_map(|l| l.split('\r'));
    let begin = lines.find(|l| l.starts_with(BEGIN)).ok_or(CertificateError::Parsing(String::new()))?;
    let rest = begin[BEGIN.len()..].trim();
    let label = match rest.find('-') {
        Some(i) if i > 0 && rest.ends_with("-----") && rest.len() - i == 5 => &rest[..i],
        _ => return Err(CertificateError::Parsing(String::new())),
    };
    let end = format!("-----END {label}");
    let mut body = String::new();
    let mut ended = false;
    for line in lines {
        if line.starts_with(&end) {
            ended = true;
            break;
        }
        if line.contains(':') {
            continue;
        }
        body.extend(line.chars().filter(|c| !c.is_whitespace()));
    }
    if !ended {
        return Err(CertificateError::Parsing(format!("{end} not found")));
    }
    base64::engine::general_purpose::STANDARD_NO_PAD
        .decode(body.trim_end_matches('='))
        .map_err(|e| CertificateError::Parsing(format!("unable to decode base64 data: {e}")))
}

/// The certificates of CA-upload data (keymanager §2.2), in the order they are processed: a PEM
/// certificate, else URL-safe base64 of a PKCS#7 bundle or of concatenated DER certificates,
/// whose list is processed last-first (a `[leaf … root]` bundle root first).
pub fn ca_certificates(data: &str) -> Result<Vec<Certificate>, CertificateError> {
    if data.trim().is_empty() {
        return Err(CertificateError::InvalidCertificate);
    }
    match pem_certificate(data) {
        Ok(cert) => Ok(vec![cert]),
        Err(CertificateError::Parsing(_)) => {
            let bytes = JAVA_URL_DECODER.decode(data).map_err(|_| CertificateError::NotBase64)?;
            let mut certs = der_certificates(&bytes).ok_or(CertificateError::InvalidCertificate)?;
            certs.reverse();
            Ok(certs)
        }
        Err(other) => Err(other),
    }
}

/// A PKCS#7 SignedData's certificates (BER or DER), or concatenated DER certificates; `None` when
/// the bytes are neither.
pub(crate) fn der_certificates(bytes: &[u8]) -> Option<Vec<Certificate>> {
    if bytes.is_empty() {
        return Some(Vec::new());
    }
    if let Some(certs) = pkcs7_certificates(bytes) {
        return certs;
    }
    let mut out = Vec::new();
    let mut rest = bytes;
    while !rest.is_empty() {
        let tlv = asn1::read(rest)?;
        out.push(Certificate::from_der(tlv.raw).ok()?);
        rest = &rest[tlv.raw.len()..];
    }
    Some(out)
}

/// `Some(result)` when `bytes` is a PKCS#7 ContentInfo of type signedData.
fn pkcs7_certificates(bytes: &[u8]) -> Option<Option<Vec<Certificate>>> {
    let outer = asn1::read(bytes)?;
    let parts = asn1::children(outer.contents)?;
    if outer.tag != asn1::SEQUENCE || parts.first()?.raw != asn1::oid(&SIGNED_DATA).as_slice() {
        return None;
    }
    Some(signed_data_certificates(parts.get(1).copied()))
}

fn signed_data_certificates(content: Option<asn1::Tlv<'_>>) -> Option<Vec<Certificate>> {
    let content = content.filter(|c| c.tag == asn1::CONTEXT_0)?;
    let signed = asn1::read(content.contents)?;
    let fields = asn1::children(signed.contents)?;
    let mut out = Vec::new();
    // version, digestAlgorithms, encapContentInfo, then [0] IMPLICIT certificates if present
    if let Some(certs) = fields.iter().skip(3).find(|f| f.tag == asn1::CONTEXT_0) {
        for choice in asn1::children(certs.contents)? {
            if choice.tag == asn1::SEQUENCE {
                out.push(Certificate::from_der(choice.raw).ok()?);
            }
        }
    }
    Some(out)
}

/// A PKCS#7 "certs-only" SignedData holding `certs` in the given order (no signers).
pub fn p7b(certs: &[&Certificate]) -> Vec<u8> {
    let all: Vec<u8> = certs.iter().flat_map(|c| c.der().iter().copied()).collect();
    let signed = [
        asn1::write(asn1::INTEGER, &[1]),
        asn1::write(asn1::SET, &[]),
        asn1::write(asn1::SEQUENCE, &asn1::oid(&DATA)),
        asn1::write(asn1::CONTEXT_0, &all),
        asn1::write(asn1::SET, &[]),
    ]
    .concat();
    let content = asn1::write(asn1::CONTEXT_0, &asn1::write(asn1::SEQUENCE, &signed));
    asn1::write(asn1::SEQUENCE, &[asn1::oid(&SIGNED_DATA), content].concat())
}

/// The chain as keymanager's `signedCertificateData`: URL-safe base64 of the PKCS#7, unpadded.
pub fn p7b_base64url(certs: &[&Certificate]) -> String {
    URL_NO_PAD.encode(p7b(certs))
}

/// The chain as keymanager's trust-path download (`p7bFile`): the PKCS#7 in standard base64,
/// 64 characters a line, between `-----BEGIN PKCS7-----` and `-----END PKCS7-----`.
pub fn p7b_pem(certs: &[&Certificate]) -> String {
    super::x509::pem_block("PKCS7", &p7b(certs))
}

/// The first certificate of a `signedCertificateData` chain, as PEM (what PMS answers with).
pub fn first_of_chain(chain: &str) -> Result<Certificate, CertificateError> {
    let bytes = JAVA_URL_DECODER.decode(chain).map_err(|_| CertificateError::LeafExtraction)?;
    let certs = pkcs7_certificates(&bytes).flatten().ok_or(CertificateError::LeafExtraction)?;
    certs.into_iter().next().ok_or(CertificateError::LeafExtraction)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::certificate::testing::{self_signed, t};

    fn pem_code(data: &str) -> &'static str {
        match pem_certificate(data) {
            Ok(_) => "ok",
            Err(e) => e.code(),
        }
    }

    #[test]
    fn reads_the_first_pem_block_whatever_its_label() {
        let (cert, _) = self_signed("Root", t(0), t(3650));
        let pem = cert.pem();
        assert_eq!(pem_code(&pem), "ok");
        assert_eq!(pem_code(&format!("junk line\n{pem}\n{pem}")), "ok");
        assert_eq!(pem_code(&pem.replace("CERTIFICATE", "WHATEVER")), "ok");
        assert_eq!(pem_code(&pem.replace('\n', "\r\n")), "ok");
        assert!(pem_certificate(&pem).is_ok_and(|c| c == cert));
    }

    #[test]
    fn refuses_what_is_not_a_pem_certificate() {
        let (cert, _) = self_signed("Root", t(0), t(3650));
        let pem = cert.pem();
        assert_eq!(pem_code("dgdhshj@hhdeege"), "KER-KMS-013");
        // the body without the BEGIN line, as MOSIP's hidden case sends it
        let headless: String = pem.lines().skip(1).collect::<Vec<_>>().join("\n");
        assert_eq!(pem_code(&headless), "KER-KMS-013");
        let endless: String = pem.lines().take(3).collect::<Vec<_>>().join("\n");
        assert!(matches!(pem_certificate(&endless), Err(CertificateError::Parsing(m)) if m.contains("not found")));
        assert_eq!(pem_code(&pem.replacen('M', "*", 3)), "KER-KMS-013");
        assert_eq!(pem_code("-----BEGIN CERTIFICATE-----\naGVsbG8=\n-----END CERTIFICATE-----"), "KER-KMS-013");
        assert_eq!(pem_code("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----"), "KER-KMS-013");
    }

    #[test]
    fn ca_data_falls_back_to_url_safe_base64() {
        let (root, _) = self_signed("Root", t(0), t(3650));
        let (other, _) = self_signed("Other", t(0), t(3650));
        assert_eq!(ca_certificates(&root.pem()).map(|c| c.len()), Ok(1));
        // a p7b [leaf, root] is processed root first
        let bundle = p7b_base64url(&[&other, &root]);
        let certs = ca_certificates(&bundle).unwrap_or_default();
        assert_eq!(certs, vec![root.clone(), other.clone()]);
        // concatenated DER
        let der = [root.der(), other.der()].concat();
        let certs = ca_certificates(&URL_NO_PAD.encode(der)).unwrap_or_default();
        assert_eq!(certs, vec![other, root]);
        // an empty PKCS#7
        assert_eq!(ca_certificates(&p7b_base64url(&[])).map(|c| c.len()), Ok(0));
    }

    #[test]
    fn ca_data_errors_follow_keymanager() {
        let code = |d: &str| ca_certificates(d).err().map(|e| e.code());
        assert_eq!(code("dgdhshj@hhdeege"), Some("KER-CRY-003"));
        assert_eq!(code("   "), Some("KER-PCM-001"));
        assert_eq!(code("aGVsbG8gd29ybGQ"), Some("KER-PCM-001")); // "hello world"
        let (root, _) = self_signed("Root", t(0), t(3650));
        let cut = root.pem().replacen("MI", "", 1);
        assert_eq!(code(&cut), Some("KER-CRY-003"));
        assert_eq!(code(&base64::engine::general_purpose::STANDARD.encode([0xFBu8; 30])), Some("KER-CRY-003"));
    }

    #[test]
    fn reads_ber_encoded_bundles() {
        let (root, _) = self_signed("Root", t(0), t(3650));
        // ContentInfo with indefinite lengths around SignedData and the certificate set
        let signed = [
            &[0x30, 0x80][..],
            &asn1::write(asn1::INTEGER, &[1]),
            &asn1::write(asn1::SET, &[]),
            &asn1::write(asn1::SEQUENCE, &asn1::oid(&DATA)),
            &[0xA0, 0x80],
            root.der(),
            &[0, 0],
            &asn1::write(asn1::SET, &[]),
            &[0, 0],
        ]
        .concat();
        let ber = [&[0x30, 0x80][..], &asn1::oid(&SIGNED_DATA), &[0xA0, 0x80], &signed, &[0, 0, 0, 0]].concat();
        assert_eq!(der_certificates(&ber), Some(vec![root]));
    }

    #[test]
    fn the_chain_keeps_its_order_and_yields_its_first_certificate() {
        let (a, _) = self_signed("Zeta", t(0), t(3650));
        let (b, _) = self_signed("Alpha", t(0), t(3650));
        let chain = p7b_base64url(&[&a, &b]);
        assert!(!chain.contains('=') && !chain.contains('+') && !chain.contains('/'));
        assert_eq!(first_of_chain(&chain), Ok(a.clone()));
        assert_eq!(der_certificates(&p7b(&[&a, &b])), Some(vec![a, b]));
        assert_eq!(first_of_chain("not a chain"), Err(CertificateError::LeafExtraction));
    }
}
