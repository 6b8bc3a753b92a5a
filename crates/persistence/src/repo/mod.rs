//! Repositories: plain functions over `&mut DbConnection`, one module per aggregate.

pub mod audit;
pub mod misp;
pub mod misp_license;
