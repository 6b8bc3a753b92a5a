use serde_json::json;

use super::*;

fn schemas() -> PolicySchemas {
    PolicySchemas::builtin().unwrap_or_else(|e| panic!("{e:?}"))
}

fn violations(t: PolicyType, policy: Value) -> Vec<(&'static str, String)> {
    match schemas().validate(t, &policy) {
        Ok(()) => Vec::new(),
        Err(e) => e.errors(),
    }
}

fn auth() -> Value {
    json!({
        "allowedAuthTypes": [{"authSubType": "FINGER", "authType": "bio", "mandatory": true}],
        "allowedKycAttributes": [{"attributeName": "fullName"}],
        "authTokenType": "partner",
        "kycLanguages": ["eng"]
    })
}

fn data_share() -> Value {
    json!({
        "shareableAttributes": [{
            "attributeName": "biometrics",
            "group": "CBEFF",
            "source": [
                {"attribute": "registration-client/NEW/individualBiometrics", "filter": [{"type": "Iris"}]},
                {"attribute": "CNIE/verification/biometrics", "filter": [{"type": "Finger"}, {"type": "Finger", "subType": ["Left", "Right"]}, {"language": "eng"}]}
            ],
            "encrypted": true,
            "format": "extraction"
        }],
        "dataSharePolicies": {
            "typeOfShare": "Data Share", "validForInMinutes": "30", "transactionsAllowed": "2",
            "encryptionType": "Partner Based", "shareDomain": "datashare.datashare", "source": "Print",
            "protocol": "http"
        }
    })
}

#[test]
fn valid_policies_of_every_type_pass() {
    let s = schemas();
    assert_eq!(s.validate(PolicyType::Auth, &auth()), Ok(()));
    assert_eq!(s.validate(PolicyType::DataShare, &data_share()), Ok(()));
    assert_eq!(s.validate(PolicyType::CredentialIssuance, &data_share()), Ok(()));
    let misp = json!({"allowAuthRequestDelegation": true, "allowKycRequestDelegation": false, "allowKeyBindingDelegation": true});
    assert_eq!(s.validate(PolicyType::Misp, &misp), Ok(()));
}

#[test]
fn a_missing_property_is_pv_006_with_its_path() {
    let mut p = auth();
    p["allowedAuthTypes"][0].as_object_mut().map(|o| o.remove("authType"));
    assert_eq!(
        violations(PolicyType::Auth, p),
        [("PMS_PV_006", "Missing input parameter - allowedAuthTypes/0/authType in policy data".to_owned())]
    );
}

#[test]
fn an_enum_mismatch_and_an_unwanted_property_are_pv_005() {
    let mut p = auth();
    p["authTokenType"] = json!("Policy");
    assert_eq!(
        violations(PolicyType::Auth, p),
        [("PMS_PV_005", "Invalid input parameter - authTokenType in policy data".to_owned())]
    );
    let mut p = auth();
    p["extra"] = json!(1);
    assert_eq!(
        violations(PolicyType::Auth, p),
        [("PMS_PV_005", "Invalid input parameter - extra in policy data".to_owned())]
    );
    let mut p = data_share();
    p["dataSharePolicies"]["typeOfShare"] = json!("Direct");
    assert_eq!(violations(PolicyType::DataShare, p)[0].0, "PMS_PV_005");
}

#[test]
fn every_violation_is_reported_outer_first() {
    let p = json!({
        "allowedAuthTypes": [{"authSubType": "FINGER", "mandatory": "yes"}],
        "authTokenType": "none",
        "unknown": true
    });
    let got = violations(PolicyType::Auth, p);
    let codes: Vec<&str> = got.iter().map(|(c, _)| *c).collect();
    let messages: Vec<&str> = got.iter().map(|(_, m)| m.as_str()).collect();
    assert_eq!(got.len(), 5, "{got:?}");
    assert_eq!(&codes[..2], ["PMS_PV_006", "PMS_PV_005"], "{got:?}");
    assert!(messages[0].contains("allowedKycAttributes"), "{got:?}");
    assert!(messages.iter().any(|m| m.contains("unknown")), "{got:?}");
    assert!(messages.iter().any(|m| m.contains("authTokenType")), "{got:?}");
    assert!(messages.iter().any(|m| m.contains("allowedAuthTypes/0/authType")), "{got:?}");
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("Invalid input parameter - allowedAuthTypes/0/mandatory in policy data:")),
        "{got:?}"
    );
}

#[test]
fn positional_filters_are_checked_by_position() {
    let mut p = data_share();
    p["shareableAttributes"][0]["source"][1]["filter"][1]["subType"] = json!(["Left", 3]);
    let got = violations(PolicyType::DataShare, p);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].1.contains("shareableAttributes/0/source/1/filter/1/subType/1"), "{got:?}");
}

#[test]
fn misp_policies_need_their_three_flags() {
    let got = violations(PolicyType::Misp, json!({"allowAuthRequestDelegation": true}));
    assert_eq!(got.len(), 2);
    assert!(got.iter().all(|(c, _)| *c == "PMS_PV_006"));
}

#[test]
fn bad_schemas_are_pv_001() {
    assert!(matches!(PolicySchema::compile("{"), Err(PolicyError::SchemaUnreadable(_))));
    assert!(matches!(PolicySchema::compile(r#"{"type": "object"}"#), Err(PolicyError::SchemaUnreadable(_))));
    assert!(matches!(
        PolicySchema::compile(r#"{"$schema": "http://json-schema.org/draft-04/schema#", "type": 5}"#),
        Err(PolicyError::SchemaUnreadable(_))
    ));
    assert_eq!(PolicyError::SchemaUnreadable(String::new()).code(), "PMS_PV_001");
}

#[test]
fn a_type_without_a_schema_is_pv_004() {
    let s = PolicySchemas::from_texts(|t| (t == PolicyType::Auth).then(|| t.builtin_schema().to_owned()))
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(s.validate(PolicyType::Misp, &json!({})), Err(PolicyError::SchemaMissing));
}

#[test]
fn mosips_own_schemas_compile_when_present() {
    let Some(dir) = std::env::var_os("PMS_SHARED_DIR")
        .map(std::path::PathBuf::from)
        .or_else(|| Some(std::path::PathBuf::from("../../../shared")))
        .map(|d| d.join("reference/policy-schemas"))
        .filter(|d| d.is_dir())
    else {
        return;
    };
    let s = PolicySchemas::from_texts(|t| std::fs::read_to_string(dir.join(t.schema_file())).ok())
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(s.validate(PolicyType::Auth, &auth()), Ok(()));
    assert_eq!(s.validate(PolicyType::DataShare, &data_share()), Ok(()));
}
