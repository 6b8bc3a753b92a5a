//! `/v1/partnermanager/partners/certificate/**` and `/partners/{partnerId}/certificate`.

use actix_web::web;

pub fn configure(_scope: &mut web::ServiceConfig) {}
