#![doc = include_str!("../README.md")]

mod actor;
mod audit;
mod batch;
mod env;
mod error;
pub mod events;
pub mod outbox;
pub mod page;
pub mod paged;
pub mod schema;
pub mod search;
pub mod secrets;
pub mod settings;
mod store;
#[cfg(feature = "testing")]
#[expect(clippy::panic, reason = "test support fails the test loudly")]
pub mod testing;
pub mod time;

pub use actor::Actor;
pub use audit::{AuditDefaults, AuditPlan, Trail};
pub use env::{Clock, Entropy, FixedClock, OsEntropy, SeededEntropy, SystemClock, uuid_from};
pub use error::{AppError, FailureKind, Problem, Wording, invalid_field_problem};
pub use store::{Store, Tx};
