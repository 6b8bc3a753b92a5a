//! Biometric extractors (`partner_policy_bioextract`) a credential partner registers for a policy
//! before its request is approved (P15/P16).

use crate::PartnerError;
use crate::partner::FieldViolation;
use crate::policy_request::RequestStatus;

/// One extractor as received: `{attributeName, biometric, extractor: {provider, version}}`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExtractorForm {
    pub attribute_name: Option<String>,
    pub biometric: Option<String>,
    pub provider: Option<String>,
    pub version: Option<String>,
}

/// A validated extractor; `biometric` split into modality and sub-types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extractor {
    pub attribute_name: String,
    pub modality: String,
    pub sub_types: Option<String>,
    pub provider: String,
    pub version: Option<String>,
}

/// `finger[LeftThumb,RightThumb]` → (`finger`, `LeftThumb,RightThumb`); `face` → (`face`, none).
pub fn parse_biometric(text: &str) -> (String, Option<String>) {
    match text.split_once('[') {
        None => (text.to_owned(), None),
        Some((modality, rest)) => {
            let sub = rest.split(['[', ']']).next().unwrap_or("");
            (modality.to_owned(), Some(sub.to_owned()))
        }
    }
}

/// The `biometric` text of a stored extractor.
pub fn format_biometric(modality: &str, sub_types: Option<&str>) -> String {
    match sub_types {
        Some(s) => format!("{modality}[{s}]"),
        None => modality.to_owned(),
    }
}

/// The extractors of a request: each needs an attribute name, a biometric and a provider, within
/// the store's lengths.
pub fn validate(forms: Vec<ExtractorForm>) -> Result<Vec<Extractor>, Vec<FieldViolation>> {
    let mut violations = Vec::new();
    let mut out = Vec::new();
    for (i, f) in forms.into_iter().enumerate() {
        let mut need = |name: &str, value: Option<String>, max: usize| -> Option<String> {
            match value {
                Some(v) if !v.trim().is_empty() && v.chars().count() <= max => Some(v),
                Some(v) if !v.trim().is_empty() => {
                    violations.push(FieldViolation::new(
                        format!("extractors[{i}].{name}"),
                        format!("Length should be between 1 and {max} chars"),
                    ));
                    None
                }
                _ => {
                    violations.push(FieldViolation::new(format!("extractors[{i}].{name}"), "value is empty or null"));
                    None
                }
            }
        };
        let attribute_name = need("attributeName", f.attribute_name, 128);
        let biometric = need("biometric", f.biometric, 130);
        let provider = need("extractor.provider", f.provider, 128);
        if f.version.as_ref().is_some_and(|v| v.chars().count() > 8) {
            violations.push(FieldViolation::new(
                format!("extractors[{i}].extractor.version"),
                "Length should be between 0 and 8 chars",
            ));
        }
        if let (Some(attribute_name), Some(biometric), Some(provider)) = (attribute_name, biometric, provider) {
            let (modality, sub_types) = parse_biometric(&biometric);
            if modality.trim().is_empty()
                || modality.chars().count() > 64
                || sub_types.as_ref().is_some_and(|s| s.chars().count() > 64)
            {
                violations.push(FieldViolation::new(
                    format!("extractors[{i}].biometric"),
                    "must be <modality> or <modality>[<sub-types>], each at most 64 chars",
                ));
                continue;
            }
            out.push(Extractor { attribute_name, modality, sub_types, provider, version: f.version.clone() });
        }
    }
    if violations.is_empty() { Ok(out) } else { Err(violations) }
}

/// Extractors may be added while the partner has asked for the policy (`PMS_PRT_061` otherwise)
/// and no request for it is approved yet (`PMS_PRT_062`).
pub fn check_add(requests: &[RequestStatus]) -> Result<(), PartnerError> {
    if requests.is_empty() {
        return Err(PartnerError::PolicyMappingMissing);
    }
    if requests.contains(&RequestStatus::Approved) {
        return Err(PartnerError::ExtractorsAfterApproval);
    }
    Ok(())
}

pub const EXTRACTORS_ADDED: &str = "Extractors added successfully.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn biometric_texts_round_trip() {
        assert_eq!(parse_biometric("face"), ("face".to_owned(), None));
        assert_eq!(
            parse_biometric("finger[LeftThumb,RightThumb]"),
            ("finger".to_owned(), Some("LeftThumb,RightThumb".to_owned()))
        );
        assert_eq!(parse_biometric("iris[]"), ("iris".to_owned(), Some(String::new())));
        assert_eq!(format_biometric("finger", Some("LeftThumb")), "finger[LeftThumb]");
        assert_eq!(format_biometric("face", None), "face");
    }

    #[test]
    fn extractor_fields_are_required() {
        let ok = ExtractorForm {
            attribute_name: Some("photo".into()),
            biometric: Some("finger[LeftThumb]".into()),
            provider: Some("mock".into()),
            version: Some("1.1".into()),
        };
        let got = validate(vec![ok.clone()]).unwrap_or_else(|v| panic!("{v:?}"));
        assert_eq!((got[0].modality.as_str(), got[0].sub_types.as_deref()), ("finger", Some("LeftThumb")));
        let bad = ExtractorForm { provider: None, version: Some("123456789".into()), ..ok.clone() };
        let v = validate(vec![ok, bad]).unwrap_err();
        let fields: Vec<&str> = v.iter().map(|x| x.field.as_str()).collect();
        assert_eq!(fields, ["extractors[1].extractor.provider", "extractors[1].extractor.version"]);
        assert!(validate(vec![]).is_ok_and(|v| v.is_empty()));
    }

    #[test]
    fn extractors_only_before_approval() {
        assert_eq!(check_add(&[]).unwrap_err().code(), "PMS_PRT_061");
        assert_eq!(check_add(&[RequestStatus::InProgress]), Ok(()));
        assert_eq!(check_add(&[RequestStatus::Rejected, RequestStatus::Approved]).unwrap_err().code(), "PMS_PRT_062");
    }
}
