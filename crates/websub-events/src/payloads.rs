//! The `data` of each topic, with MOSIP's field names: `partnerData`, `policyData`, `apiKeyData`,
//! `mispLicenseData`; dates as MOSIP's UTC strings.

use chrono::NaiveDateTime;
use serde_json::{Value, json};

use crate::envelope::utc;
use crate::{Event, Source, Topic};

/// The key under which a `CA_CERTIFICATE_UPLOADED` row keeps its chain until it is sent; the
/// dispatcher shares the chain and puts `certChainDatashareUrl` in its place.
pub const CERT_CHAIN: &str = "certChain";
pub const CERT_CHAIN_URL: &str = "certChainDatashareUrl";

/// A partner as ID-Authentication keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerData {
    pub partner_id: String,
    pub partner_name: String,
    /// The partner's (re-signed) certificate, PEM.
    pub certificate: Option<String>,
    pub active: bool,
}

impl PartnerData {
    pub fn to_json(&self) -> Value {
        json!({
            "partnerId": self.partner_id,
            "partnerName": self.partner_name,
            "certificateData": self.certificate,
            "partnerStatus": if self.active { "ACTIVE" } else { "DEACTIVE" },
        })
    }
}

/// A policy as ID-Authentication keeps it; `policy` is the policy document itself.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicyData {
    pub policy_id: String,
    pub name: String,
    pub description: String,
    pub active: bool,
    pub commence_on: NaiveDateTime,
    pub expires_on: NaiveDateTime,
    pub policy: Value,
}

impl PolicyData {
    pub fn to_json(&self) -> Value {
        json!({
            "policyId": self.policy_id,
            "policyName": self.name,
            "policyDescription": self.description,
            "policyStatus": if self.active { "ACTIVE" } else { "DEACTIVE" },
            "policyCommenceOn": utc(self.commence_on),
            "policyExpiresOn": utc(self.expires_on),
            "policy": self.policy,
        })
    }
}

/// An API key (MOSIP calls the key itself `apiKeyId`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiKeyData {
    pub api_key: String,
    pub commence_on: NaiveDateTime,
    pub expires_on: NaiveDateTime,
    pub active: bool,
}

impl ApiKeyData {
    pub fn to_json(&self) -> Value {
        json!({
            "apiKeyId": self.api_key,
            "apiKeyCommenceOn": utc(self.commence_on),
            "apiKeyExpiresOn": utc(self.expires_on),
            "apiKeyStatus": if self.active { "ACTIVE" } else { "DEACTIVE" },
        })
    }
}

/// A MISP licence key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MispLicenseData {
    pub misp_id: String,
    pub license_key: String,
    pub commence_on: NaiveDateTime,
    pub expires_on: NaiveDateTime,
    pub active: bool,
}

impl MispLicenseData {
    pub fn to_json(&self) -> Value {
        json!({
            "mispId": self.misp_id,
            "licenseKey": self.license_key,
            "mispCommenceOn": utc(self.commence_on),
            "mispExpiresOn": utc(self.expires_on),
            "mispStatus": if self.active { "ACTIVE" } else { "NOT_ACTIVE" },
        })
    }
}

impl Event {
    fn new(topic: Topic, source: Source, data: Value) -> Event {
        Event { topic, source, data }
    }

    /// `PARTNER_UPDATED`: a certificate upload (`PartnerServiceImpl`) or an activation change
    /// (`PartnerManagementServiceImpl`).
    pub fn partner_updated(source: Source, partner: &PartnerData) -> Event {
        Event::new(Topic::PartnerUpdated, source, json!({"partnerData": partner.to_json()}))
    }

    /// `CA_CERTIFICATE_UPLOADED`: the chain (base64url P7B) is shared when the event is sent.
    pub fn ca_certificate_uploaded(source: Source, partner_domain: &str, chain: &str) -> Event {
        Event::new(Topic::CaCertificateUploaded, source, json!({"partnerDomain": partner_domain, CERT_CHAIN: chain}))
    }

    /// `APIKEY_APPROVED`: a new API key, with its partner and policy.
    pub fn apikey_approved(partner: &PartnerData, policy: &PolicyData, key: &ApiKeyData) -> Event {
        let data =
            json!({"partnerData": partner.to_json(), "policyData": policy.to_json(), "apiKeyData": key.to_json()});
        Event::new(Topic::ApikeyApproved, Source::PartnerManagementServiceImpl, data)
    }

    /// `APIKEY_UPDATED`: a key's status or policy changed.
    pub fn apikey_updated(key: &ApiKeyData) -> Event {
        Event::new(Topic::ApikeyUpdated, Source::PartnerManagementServiceImpl, json!({"apiKeyData": key.to_json()}))
    }

    /// `POLICY_UPDATED`.
    pub fn policy_updated(policy: &PolicyData) -> Event {
        Event::new(Topic::PolicyUpdated, Source::PolicyManagementService, json!({"policyData": policy.to_json()}))
    }

    /// `MISP_LICENSE_GENERATED` (`generated`) or `MISP_LICENSE_UPDATED`, with the MISP's policy
    /// when it has an approved one.
    pub fn misp_license(
        generated: bool,
        source: Source,
        license: &MispLicenseData,
        policy: Option<&PolicyData>,
    ) -> Event {
        let topic = if generated { Topic::MispLicenseGenerated } else { Topic::MispLicenseUpdated };
        let mut data = json!({"mispLicenseData": license.to_json()});
        if let Some(policy) = policy {
            data["policyData"] = policy.to_json();
        }
        Event::new(topic, source, data)
    }

    /// `MISP_UPDATED` (MOSIP 1.1's MISP API): the licence key alone.
    pub fn misp_updated(license_key: &str) -> Event {
        Event::new(Topic::MispUpdated, Source::MispService, json!({"mispLicenseKey": license_key}))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S%.f").unwrap_or_default()
    }

    #[test]
    fn payloads_carry_mosips_names_statuses_and_dates() {
        let partner =
            PartnerData { partner_id: "p1".into(), partner_name: "Acme".into(), certificate: None, active: false };
        let key = ApiKeyData {
            api_key: "k".into(),
            commence_on: at("2026-12-05 10:15:30.123456"),
            expires_on: at("2027-03-05 10:15:30"),
            active: true,
        };
        let policy = PolicyData {
            policy_id: "pol".into(),
            name: "n".into(),
            description: "d".into(),
            active: true,
            commence_on: at("2026-01-01 00:00:00"),
            expires_on: at("2027-01-01 00:00:00"),
            policy: json!({"authTokenType": "partner"}),
        };
        let approved = Event::apikey_approved(&partner, &policy, &key);
        assert_eq!(approved.topic, Topic::ApikeyApproved);
        assert_eq!(approved.data["partnerData"]["partnerStatus"], "DEACTIVE");
        assert!(approved.data["partnerData"]["certificateData"].is_null());
        assert_eq!(approved.data["apiKeyData"]["apiKeyId"], "k");
        assert_eq!(approved.data["apiKeyData"]["apiKeyCommenceOn"], "2026-12-05T10:15:30.123Z");
        assert_eq!(approved.data["policyData"]["policy"]["authTokenType"], "partner", "the policy is an object");
        let license = MispLicenseData {
            misp_id: "m".into(),
            license_key: "l".into(),
            commence_on: at("2026-01-01 00:00:00"),
            expires_on: at("2026-04-01 00:00:00"),
            active: false,
        };
        let updated = Event::misp_license(false, Source::InfraProviderServiceImpl, &license, None);
        assert_eq!(updated.topic, Topic::MispLicenseUpdated);
        assert_eq!(updated.data["mispLicenseData"]["mispStatus"], "NOT_ACTIVE");
        assert!(updated.data.get("policyData").is_none());
        assert_eq!(Event::misp_updated("l").data, json!({"mispLicenseKey": "l"}));
    }
}
