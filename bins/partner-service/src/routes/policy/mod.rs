//! `/v1/policymanager/policies/**`: policy groups and policies.

use actix_web::web;

pub fn configure(_scope: &mut web::ServiceConfig) {}
