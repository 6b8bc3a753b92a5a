use chrono::NaiveDateTime;
use serde::Serialize;

use crate::{AuditEvent, RefIdType};

/// The reference id MOSIP records when an event names no record.
pub const NO_ID: &str = "NO_ID";
/// The reference id type MOSIP records when an event names no record.
pub const NO_ID_TYPE: &str = "NO_ID_TYPE";

/// The service module that emits an event (MOSIP's `moduleId` / `moduleName`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Module {
    Partner,
    Misp,
    /// Device details, SBIs and FTM chips: MOSIP's device code records `AUT-0xx` ids.
    Device,
}

impl Module {
    pub const fn id(self) -> &'static str {
        match self {
            Module::Partner => "PMS_PRT",
            Module::Misp => "PMS_MSP",
            Module::Device => "AUT",
        }
    }

    pub const fn name(self) -> &'static str {
        match self {
            Module::Partner => "Partner Management Service",
            Module::Misp => "MISP Management Service",
            Module::Device => "Partner Management Service",
        }
    }
}

/// What is known about the caller and the host when an event happens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditContext {
    pub session_user_id: String,
    pub session_user_name: String,
    pub host_name: String,
    pub host_ip: String,
    pub application_id: String,
    pub application_name: String,
    pub request_id: Option<String>,
}

/// One audit record, with the fields of MOSIP's audit manager.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AuditRecord {
    pub event_id: String,
    pub event_name: String,
    pub event_type: String,
    pub action_time_stamp: NaiveDateTime,
    pub host_name: String,
    pub host_ip: String,
    pub application_id: String,
    pub application_name: String,
    pub session_user_id: String,
    pub session_user_name: String,
    pub id: String,
    pub id_type: String,
    pub created_by: String,
    pub module_name: String,
    pub module_id: String,
    pub description: String,
    /// The MOSIP error code of a failure event, if it records one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    #[serde(skip)]
    pub request_id: Option<String>,
}

impl AuditRecord {
    /// A record of `event` about the record `ref_id` (if the event names one).
    pub fn new(event: AuditEvent, ctx: &AuditContext, ref_id: Option<&str>, now: NaiveDateTime) -> Self {
        let def = event.def();
        let module = event.module();
        let (id, id_type) = match (ref_id, def.ref_id_type) {
            (Some(id), RefIdType::NoId) => (id.to_owned(), NO_ID_TYPE.to_owned()),
            (Some(id), kind) => (id.to_owned(), kind.to_string()),
            (None, _) => (NO_ID.to_owned(), NO_ID_TYPE.to_owned()),
        };
        AuditRecord {
            event_id: def.id.to_owned(),
            event_name: def.name.to_owned(),
            event_type: def.event_type.to_string(),
            action_time_stamp: now,
            host_name: ctx.host_name.clone(),
            host_ip: ctx.host_ip.clone(),
            application_id: ctx.application_id.clone(),
            application_name: ctx.application_name.clone(),
            session_user_id: ctx.session_user_id.clone(),
            session_user_name: ctx.session_user_name.clone(),
            description: event.describe(ref_id),
            id,
            id_type,
            created_by: ctx.session_user_name.clone(),
            module_name: module.name().to_owned(),
            module_id: module.id().to_owned(),
            error_code: None,
            request_id: ctx.request_id.clone(),
        }
    }

    /// Marks this record as the failure `code` with `message`, which the description then carries.
    pub fn with_error(mut self, code: &str, message: &str) -> Self {
        self.description = format!("{} [{code}: {message}]", self.description);
        self.error_code = Some(code.to_owned());
        self
    }
}
