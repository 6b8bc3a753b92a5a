#![doc = include_str!("../README.md")]

pub mod audit_maintenance;
pub mod auth;
pub mod cli;
pub mod db;
pub mod envelope;
pub mod envelope_v2;
pub mod error;
pub mod extract;
pub mod forwarder;
pub mod handler;
pub mod headers;
pub mod health;
pub mod host;
pub mod json_array;
pub mod limits;
pub mod metrics;
pub mod openapi;
pub mod plain_errors;
pub mod request_id;
pub mod settings;
pub mod startup;
pub mod telemetry;
#[cfg(feature = "testing")]
#[expect(clippy::panic, reason = "test support fails the test loudly")]
pub mod testing;
pub mod time;

pub use app_core::{Actor, AppError, Store, page, paged, search};
pub use auth::Principal;
pub use db::Db;
pub use envelope::{ErrorItem, Flavor, RequestEnvelope, ResponseEnvelope};
pub use envelope_v2::{EnvelopeV2, ReplyV2, RequestEnvelopeV2, ResponseEnvelopeV2};
pub use error::ApiError;
pub use handler::{Answer, Echo, Envelope, Reply};
pub use json_array::{ArrayAnswer, JsonArray};
pub use settings::Settings;
