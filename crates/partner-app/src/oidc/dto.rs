//! The request and answer bodies of the OIDC client operations (MOSIP's field names).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use utoipa::ToSchema;

/// A new client (`ClientDetailCreateRequest[V2]`); `clientNameLangMap` for `/oauth/client` only.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CreateBody {
    #[schema(required = true, max_length = 256, example = "Health portal")]
    pub name: Option<String>,
    #[schema(required = true, max_length = 36, example = "p-auth")]
    pub policy_id: Option<String>,
    /// The public key, a JWK: RSA, at least 2048 bits, public members only.
    #[schema(required = true, value_type = Object)]
    pub public_key: Option<Map<String, Value>>,
    #[schema(required = true, max_length = 100, example = "rp-partner")]
    pub auth_partner_id: Option<String>,
    #[schema(required = true, max_length = 2048, example = "https://rp.example.org/logo.png")]
    pub logo_uri: Option<String>,
    /// 1 to 5 absolute URIs without fragments.
    #[schema(required = true, example = json!(["https://rp.example.org/callback"]))]
    pub redirect_uris: Option<Vec<String>>,
    /// 1 to 3 of `oidc.grant_types`.
    #[schema(required = true, example = json!(["authorization_code"]))]
    pub grant_types: Option<Vec<String>>,
    /// 1 to 3 of `oidc.client_auth_methods`.
    #[schema(required = true, example = json!(["private_key_jwt"]))]
    pub client_auth_methods: Option<Vec<String>>,
    /// Language code (3 letters) → name; required by `/oauth/client`, ignored by `/oidc/client`.
    #[schema(example = json!({"eng": "Health portal"}))]
    pub client_name_lang_map: Option<BTreeMap<String, String>>,
}

/// A change of a client (`ClientDetailUpdateRequest[V2]`). A status different from the stored
/// one changes the status alone.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UpdateBody {
    #[schema(required = true, max_length = 2048)]
    pub logo_uri: Option<String>,
    #[schema(required = true)]
    pub redirect_uris: Option<Vec<String>>,
    /// `ACTIVE` or `INACTIVE` (any case); `INACTIVE` is final.
    #[schema(required = true, example = "ACTIVE")]
    pub status: Option<String>,
    #[schema(required = true)]
    pub grant_types: Option<Vec<String>>,
    #[schema(required = true, max_length = 256)]
    pub client_name: Option<String>,
    #[schema(required = true)]
    pub client_auth_methods: Option<Vec<String>>,
    /// Required by `/oauth/client`, ignored by `/oidc/client`.
    pub client_name_lang_map: Option<BTreeMap<String, String>>,
}

/// `ClientDetailResponse`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClientAnswer {
    #[schema(example = "caGmx-PYSloxZus_2_IESWOxNjFLvEiweU87S_VpFNY")]
    pub client_id: String,
    #[schema(example = "ACTIVE")]
    pub status: String,
}

/// A stored client (MOSIP's `ClientDetail`); `publicKey` is the JWK as text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClientDetail {
    pub id: String,
    pub name: String,
    pub policy_id: String,
    pub policy_name: String,
    pub relying_party_id: String,
    pub logo_uri: String,
    pub redirect_uris: Vec<String>,
    pub public_key: String,
    pub claims: Vec<String>,
    pub acr_values: Vec<String>,
    pub status: String,
    pub grant_types: Vec<String>,
    pub client_auth_methods: Vec<String>,
}
