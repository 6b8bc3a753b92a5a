use serde_json::json;

use super::*;

/// A real 2048-bit RSA key (OpenSSL) and the client id derived from its DER
/// SubjectPublicKeyInfo outside this code (Python: sha256(b64encode(der)), base64url).
const REAL_N: &str = "-CjGT1MS_G6SdkF9ncX9_DbAGajrQdiStX0nu68tLTX6CKX1EwXMTCwwspQGblyONaSBiQCxAhSthK3o6m6iA98_EMC1RJJxhVHTftDZpbN8E1p8xl39dJCRdn9HBG336cZ8LZtlq-FvihaHJayBp1xMnpePSliEt1zBWfjzXDKcRv6hWyB7JdbN65GBtDxpUAZ1yDSiAkprECSr7sQDx-F_F9rTQf73Uxl5GGes1Z5tpkv-aLG4V5hzvXFOqISb5HhQmuxKRs2ZDBpv2jq5G8cea2QoFWiMTEPM1QagKVkrGt13ih0jHoX9GBOPpQ3ug-r6IfB_neG_4LG4YrmxAQ";
const REAL_CLIENT_ID: &str = "caGmx-PYSloxZus_2_IESWOxNjFLvEiweU87S_VpFNY";

fn object(v: Value) -> Map<String, Value> {
    v.as_object().cloned().unwrap_or_default()
}

fn real() -> Map<String, Value> {
    object(json!({"kty": "RSA", "e": "AQAB", "n": REAL_N, "kid": "k1", "alg": "RS256", "x": "dropped"}))
}

/// A JWK of `bits` bits whose modulus is 0xC0…01 (not a real key; the checks read its size).
fn sized(bits: usize) -> Map<String, Value> {
    let mut n = vec![0u8; bits / 8];
    n[0] = 0xC0;
    if let Some(last) = n.last_mut() {
        *last = 0x01;
    }
    object(json!({"kty": "RSA", "e": "AQAB", "n": URL_SAFE_NO_PAD.encode(&n)}))
}

#[test]
fn a_2048_bit_rsa_key_is_accepted_and_stored_public() {
    let key = ClientKey::from_jwk(&real()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(key.bits, 2048);
    assert_eq!(key.client_id, REAL_CLIENT_ID, "MOSIP's derivation");
    let stored: Value = serde_json::from_str(&key.jwk).unwrap_or_default();
    assert_eq!((stored["kid"].as_str(), stored["e"].as_str()), (Some("k1"), Some("AQAB")));
    assert!(stored.get("x").is_none(), "only the members of an RSA public JWK are kept");
}

#[test]
fn the_client_id_hashes_the_standard_base64_text() {
    // base64 of 01 02 03 04 is "AQIDBA==" (padded, standard alphabet)
    assert_eq!(client_id_of(&[1, 2, 3, 4]), "cON3-_7boXNRL7S_kpe7_7CH71BsiFp2KbctbObh_Yw");
    let mut padded = real();
    padded.insert("n".into(), json!(format!("{REAL_N}==")));
    assert_eq!(ClientKey::from_jwk(&padded).map(|k| k.client_id), Ok(REAL_CLIENT_ID.to_owned()));
    let other = ClientKey::from_jwk(&sized(3072)).map(|k| k.client_id);
    assert!(other.is_ok_and(|id| id != REAL_CLIENT_ID));
}

#[test]
fn weak_foreign_private_or_broken_keys_are_refused() {
    assert_eq!(ClientKey::from_jwk(&sized(1024)), Err(OidcError::BadPublicKey), "too short");
    assert_eq!(ClientKey::from_jwk(&sized(2040)), Err(OidcError::BadPublicKey), "just too short");
    let mut ec = real();
    ec.insert("kty".into(), json!("EC"));
    assert_eq!(ClientKey::from_jwk(&ec), Err(OidcError::BadPublicKey), "not RSA");
    let mut private = real();
    private.insert("d".into(), json!("AQAB"));
    assert_eq!(ClientKey::from_jwk(&private), Err(OidcError::BadPublicKey), "private");
    let mut garbled = real();
    garbled.insert("n".into(), json!("not*base64"));
    assert_eq!(ClientKey::from_jwk(&garbled), Err(OidcError::BadPublicKey));
    let mut missing = real();
    missing.remove("e");
    assert_eq!(ClientKey::from_jwk(&missing), Err(OidcError::BadPublicKey));
    assert_eq!(ClientKey::from_jwk(&Map::new()), Err(OidcError::BadPublicKey));
}
