//! The user claims and authentication context references (ACRs) a client gets: those its policy
//! allows, through the deployment's mappings (MOSIP reads them from eSignet's discovery document
//! and its mapping files; here they are configuration).
//!
//! - a claim is granted when one of the identity attributes it maps to is among the policy's
//!   `allowedKycAttributes[].attributeName` (case-insensitive);
//! - an AMR is met when every authentication type it needs is among the policy's
//!   `allowedAuthTypes[].authType`; an ACR is granted when every AMR it lists is met;
//! - a policy with a mandatory authentication type gets no client.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::OidcError;

/// The mappings of a deployment: claim → identity attributes, AMR → authentication types,
/// ACR → AMRs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimRules {
    pub claims: BTreeMap<String, Vec<String>>,
    pub amrs: BTreeMap<String, Vec<String>>,
    pub acrs: BTreeMap<String, Vec<String>>,
}

fn map(entries: &[(&str, &[&str])]) -> BTreeMap<String, Vec<String>> {
    entries.iter().map(|(k, v)| ((*k).to_owned(), v.iter().map(|s| (*s).to_owned()).collect())).collect()
}

impl Default for ClaimRules {
    /// Close to MOSIP's sandbox configuration (identity-mapping.json, amr-acr-mapping.json).
    fn default() -> Self {
        ClaimRules {
            claims: map(&[
                ("name", &["fullName"]),
                ("gender", &["gender"]),
                ("birthdate", &["dateOfBirth"]),
                ("phone_number", &["phone"]),
                ("email", &["email"]),
                ("picture", &["face"]),
                (
                    "address",
                    &["addressLine1", "addressLine2", "addressLine3", "city", "province", "region", "postalCode"],
                ),
                ("individual_id", &["individualId"]),
            ]),
            amrs: map(&[("PIN", &["pin"]), ("OTP", &["otp"]), ("Wallet", &["wla"]), ("L1-bio-device", &["bio"])]),
            acrs: map(&[
                ("mosip:idp:acr:static-code", &["PIN"]),
                ("mosip:idp:acr:generated-code", &["OTP"]),
                ("mosip:idp:acr:linked-wallet", &["Wallet"]),
                ("mosip:idp:acr:biometrics", &["L1-bio-device"]),
            ]),
        }
    }
}

/// The lower-cased `key` of each item of the policy's array `list`.
fn members(policy: &Value, list: &str, key: &str) -> BTreeSet<String> {
    let items = policy.get(list).and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    items.iter().filter_map(|i| i.get(key).and_then(Value::as_str)).map(str::to_lowercase).collect()
}

impl ClaimRules {
    /// The claims `policy` allows; none is `PMS_ESI_005`.
    pub fn user_claims(&self, policy: &Value) -> Result<Vec<String>, OidcError> {
        let attributes = members(policy, "allowedKycAttributes", "attributeName");
        let claims: Vec<String> = self
            .claims
            .iter()
            .filter(|(_, mapped)| mapped.iter().any(|a| attributes.contains(&a.to_lowercase())))
            .map(|(claim, _)| claim.clone())
            .collect();
        if claims.is_empty() { Err(OidcError::NoUserClaims) } else { Ok(claims) }
    }

    /// The ACRs `policy` allows; a mandatory authentication type is `PMS_ESI_003`, none `PMS_ESI_006`.
    pub fn acr_values(&self, policy: &Value) -> Result<Vec<String>, OidcError> {
        let auths = policy.get("allowedAuthTypes").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
        if auths.iter().any(|a| a.get("mandatory").and_then(Value::as_bool) == Some(true)) {
            return Err(OidcError::PolicyHasMandatoryAuths);
        }
        let types = members(policy, "allowedAuthTypes", "authType");
        let met: BTreeSet<&str> = self
            .amrs
            .iter()
            .filter(|(_, needs)| !needs.is_empty() && needs.iter().all(|t| types.contains(&t.to_lowercase())))
            .map(|(amr, _)| amr.as_str())
            .collect();
        let acrs: Vec<String> = self
            .acrs
            .iter()
            .filter(|(_, amrs)| !amrs.is_empty() && amrs.iter().all(|a| met.contains(a.as_str())))
            .map(|(acr, _)| acr.clone())
            .collect();
        if acrs.is_empty() { Err(OidcError::NoAcrValues) } else { Ok(acrs) }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn policy() -> Value {
        json!({
            "allowedKycAttributes": [{"attributeName": "FullName"}, {"attributeName": "city"}, {"attributeName": "unmapped"}],
            "allowedAuthTypes": [{"authType": "OTP", "mandatory": false}, {"authType": "bio", "authSubType": "FINGER"}],
        })
    }

    #[test]
    fn claims_are_those_whose_attributes_the_policy_allows() {
        assert_eq!(ClaimRules::default().user_claims(&policy()), Ok(vec!["address".into(), "name".into()]));
        let none = json!({"allowedKycAttributes": [{"attributeName": "unmapped"}]});
        assert_eq!(ClaimRules::default().user_claims(&none), Err(OidcError::NoUserClaims));
        assert_eq!(ClaimRules::default().user_claims(&json!({})), Err(OidcError::NoUserClaims));
    }

    #[test]
    fn acrs_need_every_amr_met() {
        let rules = ClaimRules::default();
        assert_eq!(
            rules.acr_values(&policy()),
            Ok(vec!["mosip:idp:acr:biometrics".into(), "mosip:idp:acr:generated-code".into()])
        );
        let mut two = rules.clone();
        two.acrs.insert("both".into(), vec!["OTP".into(), "PIN".into()]);
        assert!(two.acr_values(&policy()).is_ok_and(|a| !a.contains(&"both".to_owned())), "PIN is not allowed");
        assert_eq!(rules.acr_values(&json!({"allowedAuthTypes": [{"authType": "demo"}]})), Err(OidcError::NoAcrValues));
    }

    #[test]
    fn a_mandatory_auth_type_refuses_the_client() {
        let p = json!({"allowedAuthTypes": [{"authType": "otp", "mandatory": true}]});
        assert_eq!(ClaimRules::default().acr_values(&p), Err(OidcError::PolicyHasMandatoryAuths));
    }
}
