//! `OIDC_CLIENT_CREATED` and `OIDC_CLIENT_UPDATED`: an eSignet relying party's OIDC client.

use serde_json::{Value, json};

use crate::{Event, PartnerData, PolicyData, Source, Topic};

/// An OIDC client as MOSIP publishes it (`clientData`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientData {
    pub client_id: String,
    /// The stored name (for clients made through `/oauth/client`, the JSON of its languages).
    pub client_name: String,
    /// `ACTIVE` or `INACTIVE`.
    pub status: String,
    pub user_claims: Vec<String>,
    pub auth_context_refs: Vec<String>,
    pub client_auth_methods: Vec<String>,
}

impl ClientData {
    pub fn to_json(&self) -> Value {
        json!({
            "clientId": self.client_id,
            "clientName": self.client_name,
            "clientStatus": self.status,
            "userClaims": self.user_claims,
            "authContextRefs": self.auth_context_refs,
            "clientAuthMethods": self.client_auth_methods,
        })
    }
}

impl Event {
    /// `OIDC_CLIENT_CREATED`: a new client, with its partner and policy.
    pub fn oidc_client_created(partner: &PartnerData, policy: &PolicyData, client: &ClientData) -> Event {
        let data =
            json!({"partnerData": partner.to_json(), "policyData": policy.to_json(), "clientData": client.to_json()});
        Event { topic: Topic::OidcClientCreated, source: Source::PartnerManagementServiceImpl, data }
    }

    /// `OIDC_CLIENT_UPDATED`: a client's details or status changed.
    pub fn oidc_client_updated(client: &ClientData) -> Event {
        let data = json!({"clientData": client.to_json()});
        Event { topic: Topic::OidcClientUpdated, source: Source::PartnerManagementServiceImpl, data }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_payloads_carry_mosips_names() {
        let client = ClientData {
            client_id: "c1".into(),
            client_name: "RP".into(),
            status: "ACTIVE".into(),
            user_claims: vec!["name".into()],
            auth_context_refs: vec!["mosip:idp:acr:generated-code".into()],
            client_auth_methods: vec!["private_key_jwt".into()],
        };
        let updated = Event::oidc_client_updated(&client);
        assert_eq!(updated.topic.to_string(), "OIDC_CLIENT_UPDATED");
        assert_eq!(
            updated.data,
            json!({"clientData": {"clientId": "c1", "clientName": "RP", "clientStatus": "ACTIVE", "userClaims": ["name"],
                "authContextRefs": ["mosip:idp:acr:generated-code"], "clientAuthMethods": ["private_key_jwt"]}})
        );
        let partner = PartnerData { partner_id: "p".into(), partner_name: "P".into(), certificate: None, active: true };
        let policy = PolicyData {
            policy_id: "pol".into(),
            name: "n".into(),
            description: "d".into(),
            active: true,
            commence_on: chrono::NaiveDateTime::default(),
            expires_on: chrono::NaiveDateTime::default(),
            policy: json!({}),
        };
        let created = Event::oidc_client_created(&partner, &policy, &client);
        assert_eq!(created.topic, Topic::OidcClientCreated);
        assert_eq!(created.source, Source::PartnerManagementServiceImpl);
        assert_eq!(created.data["partnerData"]["partnerId"], "p");
        assert_eq!(created.data["policyData"]["policyId"], "pol");
        assert_eq!(created.data["clientData"]["clientId"], "c1");
    }
}
