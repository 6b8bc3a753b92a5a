#![doc = include_str!("../README.md")]

pub mod config;
pub mod dto;
pub mod events;
pub mod keys;
pub mod metrics;
pub mod misps;
pub mod partner_license;
pub mod roles;
pub mod settings;
pub mod status;

pub use config::MispConfig;
pub use roles::MispRoles;
pub use settings::MispSettings;
