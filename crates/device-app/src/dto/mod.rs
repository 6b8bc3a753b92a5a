//! Request and answer bodies of the device endpoints, with MOSIP's field names.

mod answers;
mod requests;

pub use answers::{DeviceDetailItem, DeviceSubTypeItem, IdDto, SbiItem};
pub use requests::{
    DeviceDetailRequest, DeviceDetailUpdateRequest, FtmCertificateRequest, FtmChipRequest, FtmChipStatusRequest,
    FtmChipUpdateRequest, MappingRequest, SbiCreateRequest, SbiUpdateRequest, StatusRequest,
};
