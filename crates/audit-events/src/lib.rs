#![doc = include_str!("../README.md")]

mod catalogue;
mod record;

pub use catalogue::{AuditEvent, EXTRA_EVENTS, EventDef};
pub use record::{AuditContext, AuditRecord, Module, NO_ID, NO_ID_TYPE};

use serde::{Deserialize, Serialize};
use strum::{AsRefStr, Display, EnumString};

/// Who triggers an event, as the seed classifies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Display, EnumString, AsRefStr, Serialize, Deserialize)]
pub enum EventType {
    User,
    System,
}

/// What the reference id of a record names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Display, AsRefStr, Serialize, Deserialize)]
pub enum RefIdType {
    #[strum(serialize = "NO_ID_TYPE")]
    NoId,
    #[strum(serialize = "Partner ID")]
    PartnerId,
    #[strum(serialize = "Policy Group ID")]
    PolicyGroupId,
    #[strum(serialize = "Policy ID")]
    PolicyId,
    #[strum(serialize = "MISP ID")]
    MispId,
    /// An OIDC client (MOSIP's `clientID`).
    #[strum(serialize = "clientID")]
    ClientId,
    // ---- the device module's id types, named as MOSIP's device code names them
    #[strum(serialize = "deviceDetailId")]
    DeviceDetailId,
    #[strum(serialize = "sbiId")]
    SbiId,
    #[strum(serialize = "ftpChipDetailId")]
    FtpChipDetailId,
}

impl AuditEvent {
    /// The module an event belongs to, from its id prefix.
    pub fn module(self) -> Module {
        if self.id().starts_with("PMS_MSP_") {
            Module::Misp
        } else if self.id().starts_with("AUT-") {
            Module::Device
        } else {
            Module::Partner
        }
    }

    /// The description with its `{id}` placeholder filled from `ref_id`.
    pub fn describe(self, ref_id: Option<&str>) -> String {
        let text = self.def().description;
        match ref_id {
            Some(id) => text.replace("{id}", id),
            None => text.replace("{id}", NO_ID),
        }
    }
}

#[cfg(test)]
mod tests;
