//! Repositories: plain functions over `&mut DbConnection`, one module per aggregate.

pub mod account;
pub mod audit;
pub mod onboarding;
