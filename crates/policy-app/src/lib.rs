#![doc = include_str!("../README.md")]

pub mod config;
pub mod deactivation;
pub mod dto;
pub mod events;
pub mod groups;
pub mod paged_reads;
pub mod policies;
pub mod reads;
pub mod search;
pub mod settings;
#[cfg(test)]
mod testing;

use app_core::AppError;
use policy_domain::PolicyError;

pub use config::{ConfigError, PolicyConfig};
pub use settings::PolicySettings;

/// A unique constraint refused a write that the checks before it let through: a concurrent
/// request won; answer as if the checks had seen it.
fn lost_race(e: persistence::QueryError, refusal: PolicyError) -> AppError {
    if persistence::is_unique_violation(&e) { refusal.into() } else { e.into() }
}
