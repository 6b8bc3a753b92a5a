/// MOSIP's PMS topics, spelt as the hub knows them.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, strum::Display, strum::EnumString, strum::AsRefStr, strum::EnumIter,
)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum Topic {
    PartnerUpdated,
    CaCertificateUploaded,
    ApikeyApproved,
    ApikeyUpdated,
    PolicyUpdated,
    MispLicenseGenerated,
    MispLicenseUpdated,
    MispUpdated,
    // OIDC clients of eSignet's relying parties
    OidcClientCreated,
    OidcClientUpdated,
}

impl Topic {
    /// Every topic, in declaration order.
    pub fn all() -> Vec<Topic> {
        <Topic as strum::IntoEnumIterator>::iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use strum::IntoEnumIterator;

    use super::*;

    #[test]
    fn topics_are_spelt_as_mosip_spells_them() {
        let names: Vec<String> = Topic::iter().map(|t| t.to_string()).collect();
        assert_eq!(
            names,
            [
                "PARTNER_UPDATED",
                "CA_CERTIFICATE_UPLOADED",
                "APIKEY_APPROVED",
                "APIKEY_UPDATED",
                "POLICY_UPDATED",
                "MISP_LICENSE_GENERATED",
                "MISP_LICENSE_UPDATED",
                "MISP_UPDATED",
                "OIDC_CLIENT_CREATED",
                "OIDC_CLIENT_UPDATED"
            ]
        );
        assert_eq!("APIKEY_UPDATED".parse::<Topic>(), Ok(Topic::ApikeyUpdated));
    }
}
