//! Distinguished names as keymanager shows and compares them: the formatted DN stored in
//! `cert_subject`/`cert_issuer` (CN, OU, O, L, ST, C only, `,`-joined, RFC 4514-escaped), the
//! organisation name the partner check compares, and the canonical form issuers are matched by.

use der::asn1::{Any, ObjectIdentifier};
use der::{Tag, Tagged};
use x509_cert::name::Name;

pub const CN: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.3");
pub const OU: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.11");
pub const O: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.10");
pub const L: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.7");
pub const ST: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.8");
pub const C: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.6");

/// The attributes of the formatted DN, in its order, with their labels.
const FORMATTED: [(ObjectIdentifier, &str); 6] = [(CN, "CN"), (OU, "OU"), (O, "O"), (L, "L"), (ST, "ST"), (C, "C")];

/// The text of a directory string, if the value is one.
pub(crate) fn text(value: &Any) -> Option<String> {
    let bytes = value.value();
    match value.tag() {
        Tag::Utf8String => String::from_utf8(bytes.to_vec()).ok(),
        Tag::PrintableString | Tag::Ia5String | Tag::VisibleString | Tag::TeletexString => {
            Some(bytes.iter().map(|b| char::from(*b)).collect())
        }
        Tag::BmpString => {
            if !bytes.len().is_multiple_of(2) {
                return None;
            }
            let units: Vec<u16> = bytes.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
            String::from_utf16(&units).ok()
        }
        _ => universal_string(value),
    }
}

/// UniversalString (tag 28, UTF-32BE), which `der` has no type for.
fn universal_string(value: &Any) -> Option<String> {
    if u8::from(value.tag()) != 0x1C {
        return None;
    }
    let bytes = value.value();
    if !bytes.len().is_multiple_of(4) {
        return None;
    }
    bytes.chunks_exact(4).map(|c| char::from_u32(u32::from_be_bytes([c[0], c[1], c[2], c[3]]))).collect()
}

/// RFC 4514 escaping of one attribute value, as keymanager's DN strings carry it.
pub(crate) fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 4);
    for c in value.chars() {
        if matches!(c, ',' | '+' | '"' | '\\' | '<' | '>' | ';' | '=') {
            out.push('\\');
        }
        out.push(c);
    }
    if out.starts_with('#') {
        out.insert(0, '\\');
    }
    // leading and trailing spaces are escaped one by one
    let leading = out.chars().take_while(|c| *c == ' ').count();
    if leading > 0 {
        let rest = out[leading..].to_owned();
        out = "\\ ".repeat(leading) + &rest;
    }
    let trailing = out.chars().rev().take_while(|c| *c == ' ').count();
    if trailing > 0 && !out.trim_start_matches("\\ ").is_empty() {
        let keep = out.len() - trailing;
        out = out[..keep].to_owned() + &"\\ ".repeat(trailing);
    }
    out
}

/// The value as a DN string shows it: escaped text, or `#hex` of the encoding for non-strings.
fn shown(value: &Any) -> String {
    match text(value) {
        Some(t) => escape(&t),
        None => format!("#{}", hex::encode(crate::certificate::asn1::write(u8::from(value.tag()), value.value()))),
    }
}

/// The attribute values of `name` in encoding order.
fn values<'a>(name: &'a Name, oid: &'a ObjectIdentifier) -> impl Iterator<Item = &'a Any> + 'a {
    name.0.iter().flat_map(|rdn| rdn.0.iter()).filter(move |atv| atv.oid == *oid).map(|atv| &atv.value)
}

/// `CN=…,OU=…,O=…,L=…,ST=…,C=…`: the first value of each present attribute, escaped.
pub fn formatted(name: &Name) -> String {
    FORMATTED
        .iter()
        .filter_map(|(oid, label)| values(name, oid).next().map(|v| format!("{label}={}", shown(v))))
        .collect::<Vec<_>>()
        .join(",")
}

/// The organisation of a subject as keymanager compares it: the first O in RFC 2253 order (the
/// last one encoded), escaped; `""` without one.
pub fn organization(name: &Name) -> String {
    values(name, &O).last().map(shown).unwrap_or_default()
}

/// Whether two names are the same name: equal encodings, or equal canonical forms (string
/// values compared case-insensitively with whitespace collapsed, as X.500 matching does).
pub fn same(a: &Name, b: &Name) -> bool {
    a == b || canonical(a) == canonical(b)
}

fn canonical(name: &Name) -> Vec<Vec<(String, String)>> {
    name.0
        .iter()
        .map(|rdn| {
            let mut atvs: Vec<(String, String)> = rdn
                .0
                .iter()
                .map(|atv| {
                    let value = match text(&atv.value) {
                        Some(t) => t.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase(),
                        None => format!("#{}", hex::encode(atv.value.value())),
                    };
                    (atv.oid.to_string(), value)
                })
                .collect();
            atvs.sort();
            atvs
        })
        .collect()
}

/// The first value (in encoding order) of each of C, ST, L, O, OU, CN, in that order: the subject
/// of a re-signed certificate.
pub(crate) fn resign_attributes(name: &Name) -> Vec<(ObjectIdentifier, Any)> {
    [C, ST, L, O, OU, CN].iter().filter_map(|oid| values(name, oid).next().map(|v| (*oid, v.clone()))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::certificate::issue::name;

    #[test]
    fn formats_known_attributes_in_keymanager_order() {
        let n = name(&[
            (C, "IN"),
            (ST, "Karnataka"),
            (L, "Bangalore"),
            (O, "Techno"),
            (ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.1"), "a@b.c"),
            (CN, "Techno"),
        ]);
        assert_eq!(formatted(&n), "CN=Techno,O=Techno,L=Bangalore,ST=Karnataka,C=IN");
    }

    #[test]
    fn escapes_special_characters() {
        assert_eq!(escape("a,b"), "a\\,b");
        assert_eq!(escape("x+y=z"), "x\\+y\\=z");
        assert_eq!(escape("#tag"), "\\#tag");
        assert_eq!(escape(" lead"), "\\ lead");
        assert_eq!(escape("trail "), "trail\\ ");
        assert_eq!(escape("plain name"), "plain name");
        assert_eq!(formatted(&name(&[(CN, "Acme, Inc.")])), "CN=Acme\\, Inc.");
    }

    #[test]
    fn organization_is_the_last_encoded_o_escaped() {
        assert_eq!(organization(&name(&[(O, "First"), (O, "Second")])), "Second");
        assert_eq!(organization(&name(&[(CN, "x")])), "");
        assert_eq!(organization(&name(&[(O, "Acme, Inc")])), "Acme\\, Inc");
    }

    #[test]
    fn names_match_case_and_space_insensitively() {
        let a = name(&[(C, "IN"), (CN, "Mosip  Test")]);
        let b = name(&[(C, "in"), (CN, "mosip test")]);
        let c = name(&[(C, "IN"), (CN, "Other")]);
        assert!(same(&a, &b));
        assert!(!same(&a, &c));
    }

    #[test]
    fn resign_subject_keeps_the_first_of_each_in_fixed_order() {
        let n = name(&[(CN, "cn1"), (CN, "cn2"), (O, "org"), (C, "IN")]);
        let attrs = resign_attributes(&n);
        let oids: Vec<ObjectIdentifier> = attrs.iter().map(|(o, _)| *o).collect();
        assert_eq!(oids, vec![C, O, CN]);
        assert_eq!(text(&attrs[2].1).as_deref(), Some("cn1"));
    }
}
