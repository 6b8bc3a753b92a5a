/// The MOSIP service class whose action an event reports: MOSIP puts its simple name in the
/// envelope's `publisher` and `event.type.name`, and a package-like string in
/// `event.type.namespace` (some still carry MOSIP's old `pmp` package names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::AsRefStr, strum::EnumString, strum::EnumIter)]
pub enum Source {
    /// Partner self-service: certificate upload.
    PartnerServiceImpl,
    /// Partner manager: activation, API keys.
    PartnerManagementServiceImpl,
    /// MOSIP 1.2 MISP licences.
    InfraProviderServiceImpl,
    /// Policy manager.
    PolicyManagementService,
    /// MOSIP 1.1 MISP API.
    #[strum(serialize = "MISPService")]
    MispService,
}

impl Source {
    pub fn name(self) -> &'static str {
        match self {
            Source::PartnerServiceImpl => "PartnerServiceImpl",
            Source::PartnerManagementServiceImpl => "PartnerManagementServiceImpl",
            Source::InfraProviderServiceImpl => "InfraProviderServiceImpl",
            Source::PolicyManagementService => "PolicyManagementService",
            Source::MispService => "MISPService",
        }
    }

    pub fn namespace(self) -> &'static str {
        match self {
            Source::PartnerServiceImpl => "io.mosip.pmp.partner.service.impl.PartnerServiceImpl",
            Source::PartnerManagementServiceImpl => {
                "io.mosip.pmp.partner.manager.service.impl.PartnerManagementServiceImpl"
            }
            Source::InfraProviderServiceImpl => "io.mosip.pmp.partner.service.impl.InfraProviderServiceImpl",
            Source::PolicyManagementService => "io.mosip.pmp.policy.service",
            Source::MispService => "io.mosip.pmp.misp.service",
        }
    }
}

#[cfg(test)]
mod tests {
    use strum::IntoEnumIterator;

    use super::*;

    #[test]
    fn a_stored_name_reads_back_as_its_source() {
        for source in Source::iter() {
            assert_eq!(source.name().parse::<Source>(), Ok(source));
        }
    }
}
