//! API tests: the real service on a free port over a fresh SQLite file and a fresh PostgreSQL
//! database (when `PMS_TEST_PG_URL` is set).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests fail loudly")]

mod abuse;
mod certificates;
mod device;
mod device_fixtures;
mod device_ftm;
mod device_ftm_upload;
mod device_ftm_v2;
mod device_sbi;
mod device_v2;
mod events;
mod events_flow;
mod events_process;
mod foundation;
mod helpers;
mod notifications;
mod oidc_clients;
mod oidc_esignet;
mod oidc_fixtures;
mod oidc_list;
mod onboarding;
mod openapi;
mod partner;
mod partner_credential_types;
mod partner_extractors;
mod partner_fixtures;
mod partner_import;
mod partner_keys;
mod partner_openapi;
mod partner_paged;
mod partner_search;
mod partner_v3;
mod policy;
mod portal;
mod portal_bell;
mod portal_defects;
mod portal_devices;
mod portal_languages;
mod portal_oidc;
mod process;
mod security_matrix;
mod smtp_sink;
mod token_secret;
mod ui_config;
mod user_consent;
