//! A partner's pages: dashboard, profile and contacts, certificates, policy requests, API keys,
//! biometric extractors, OIDC clients. One module per page.

mod certificates;
mod clients;
mod dashboard;
mod extractors;
mod keys;
mod policies;
mod profile;

use serde::Deserialize;

pub use certificates::{certificates, upload_certificate};
pub use clients::{client, clients, create as create_client, update as update_client};
pub use dashboard::{home, partner_facts};
pub use extractors::{extractors, save_extractors};
pub use keys::{
    KeyQuery, change_key_status, confirm_key_off, confirm_key_status, generate_key, key_status, key_table, keys,
};
pub use policies::{policies, request_policy};
pub use profile::{add_contact, profile, update_profile};

/// `?page=`: which page of a list (from 0).
#[derive(Debug, Default, Deserialize)]
pub struct PageQuery {
    pub page: Option<i64>,
}
