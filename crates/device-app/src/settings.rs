//! `[device]`: the limits of SBI dates and of filter-value answers.

use device_domain::SbiLimits;
use serde::Deserialize;

/// `[device]` as configured.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DeviceSettings {
    /// Years after today an SBI may expire at most (MOSIP `mosip.pms.expiry.date.max.year`).
    pub sbi_expiry_max_years: u32,
    /// Years before today an SBI may have been created at most (MOSIP `mosip.pms.created.date.max.year`).
    pub sbi_created_max_years: u32,
    /// Most values a filter-values request answers per column.
    pub filter_values_max: i64,
}

impl Default for DeviceSettings {
    fn default() -> Self {
        let limits = SbiLimits::default();
        DeviceSettings {
            sbi_expiry_max_years: limits.expiry_max_years,
            sbi_created_max_years: limits.created_max_years,
            filter_values_max: 100,
        }
    }
}

/// The device operations' configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeviceConfig {
    pub sbi_limits: SbiLimits,
    pub filter_values_max: i64,
}

impl Default for DeviceConfig {
    fn default() -> Self {
        DeviceSettings::default().config()
    }
}

impl DeviceSettings {
    pub fn config(&self) -> DeviceConfig {
        DeviceConfig {
            sbi_limits: SbiLimits {
                expiry_max_years: self.sbi_expiry_max_years,
                created_max_years: self.sbi_created_max_years,
            },
            filter_values_max: self.filter_values_max.max(1),
        }
    }
}
