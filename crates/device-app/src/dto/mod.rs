//! Request and answer bodies of the device endpoints, with MOSIP's field names.

mod answers;
mod requests;

pub use answers::{DeviceDetailItem, DeviceSubTypeItem, IdDto, SbiItem};
pub use requests::{
    DeviceDetailRequest, DeviceDetailUpdateRequest, FtmCertificateRequest, FtmChipRequest, FtmChipStatusRequest,
    FtmChipUpdateRequest, MappingRequest, SbiCreateRequest, SbiUpdateRequest, StatusRequest,
};

// MOSIP 1.2.2: SBI and device life cycle and lists
mod v2;
pub use v2::{
    DeactivateRequest, DeviceApprovalRequest, DeviceListQuery, DeviceStateDto, DeviceSummaryDto, MappedDeviceItem,
    SbiDetailsDto, SbiDeviceDto, SbiListQuery, SbiSummaryDto,
};
