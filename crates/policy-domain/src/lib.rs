#![doc = include_str!("../README.md")]

pub mod deactivation;
pub mod error;
pub mod fields;
pub mod group;
pub mod ids;
pub mod policy;
pub mod schema;
pub mod types;

pub use deactivation::{PoliciesOfGroup, PolicyStatus, RequestsOfPolicy, check_deactivate_status};
pub use error::{FieldError, PolicyError, Violation};
pub use group::{GroupChange, NewGroup, PolicyGroup};
pub use ids::{PolicyGroupId, PolicyId};
pub use policy::{
    NewPolicy, Policy, PolicyChange, PolicyRequest, PolicyUpdateRequest, Stage, check_mapping, parse_status,
};
pub use schema::{PolicySchema, PolicySchemas};
pub use types::PolicyType;
