//! `/v1/partnermanager/partners/**`: partners, contacts, policy mapping, API keys, extractors,
//! credential types, lists and searches.

use actix_web::web;

pub fn configure(_scope: &mut web::ServiceConfig) {}
