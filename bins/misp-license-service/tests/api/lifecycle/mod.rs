//! E2 approve/reject, E5 activate/deactivate, E6 key status, E4 validate, E10 download.

mod activation;
mod decisions;
mod download;
mod key_status;
mod permissions;
mod prefixes;
mod validation;
