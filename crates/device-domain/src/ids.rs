//! The ids this domain owns.

domain_ids::string_id! {
    /// A device detail (`device_detail.id`): given by the provider or generated.
    pub struct DeviceDetailId;
}

domain_ids::string_id! {
    /// A secure biometric interface (`secure_biometric_interface.id`), a UUID.
    pub struct SbiId;
}

domain_ids::string_id! {
    /// An FTM chip (`ftp_chip_detail.id`).
    pub struct FtmChipId;
}

domain_ids::string_id! {
    /// The partner that provides a device, an SBI or an FTM chip (a partner id).
    pub struct ProviderId;
}
