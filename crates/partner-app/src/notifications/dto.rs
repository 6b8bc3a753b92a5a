//! The notification operations' queries, requests and answers, with MOSIP's field names.

use app_core::AppError;
use app_core::time::local;
use persistence::repo::notification::NotificationRow;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// The query of `GET /notifications` (numbers as text, so that a bad one gets MOSIP's code).
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct NotificationsQuery {
    /// `active` or `dismissed` (any case; another value matches nothing).
    pub notification_status: Option<String>,
    /// `root`, `intermediate`, `weekly` (admins), `partner`; `sbi`, `ftm-chip`, `apikey` answer
    /// an empty page, as in MOSIP.
    pub notification_type: Option<String>,
    /// The 0-based page (default 0).
    pub page_no: Option<String>,
    /// Rows per page (default 4).
    pub page_size: Option<String>,
    /// A case-insensitive substring of the certificate id (certificate types).
    pub certificate_id: Option<String>,
    /// `yyyy-MM-dd`: the certificate's expiry date (certificate types).
    pub expiry_date: Option<String>,
    /// A case-insensitive substring of the issuer (certificate types).
    pub issued_by: Option<String>,
    /// A case-insensitive substring of the subject (certificate types).
    pub issued_to: Option<String>,
    /// `AUTH`, `DEVICE`, `FTM` (any case; certificate types).
    pub partner_domain: Option<String>,
    /// `yyyy-MM-dd`, first creation day (`weekly` only).
    pub created_from_date: Option<String>,
    /// `yyyy-MM-dd`, last creation day (`weekly` only).
    pub created_to_date: Option<String>,
}

/// `CertificateDetailsDto` of a notification.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NotificationCertificateDto {
    pub certificate_id: Option<String>,
    pub issued_by: Option<String>,
    pub issued_to: Option<String>,
    pub partner_id: Option<String>,
    pub partner_domain: Option<String>,
    pub expiry_date_time: Option<String>,
    pub expiry_period: Option<String>,
    pub certificate_type: Option<String>,
}

/// `FtmDetailsDto` of a notification.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NotificationFtmDto {
    pub ftm_id: Option<String>,
    pub make: Option<String>,
    pub model: Option<String>,
}

/// `SbiDetailsDto` of a notification.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NotificationSbiDto {
    pub sbi_id: Option<String>,
    pub sbi_version: Option<String>,
    pub partner_id: Option<String>,
    pub expiry_date_time: Option<String>,
    pub expiry_period: Option<String>,
    pub sbi_binary_hash: Option<String>,
    pub sbi_creation_date: Option<String>,
}

/// `ApiKeyDetailsDto` of a notification.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NotificationApiKeyDto {
    pub api_key_name: Option<String>,
    pub partner_id: Option<String>,
    pub expiry_date_time: Option<String>,
    pub expiry_period: Option<String>,
    pub policy_group: Option<String>,
    pub policy_name: Option<String>,
}

/// `NotificationDetailsDto`: what the notification is about.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NotificationDetailsDto {
    pub certificate_details: Option<Vec<NotificationCertificateDto>>,
    pub ftm_details: Option<Vec<NotificationFtmDto>>,
    pub sbi_details: Option<Vec<NotificationSbiDto>>,
    pub api_key_details: Option<Vec<NotificationApiKeyDto>>,
}

/// `NotificationsResponseDto`: one notification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NotificationDto {
    pub notification_id: String,
    pub notification_partner_id: String,
    #[schema(example = "PARTNER_CERT_EXPIRY")]
    pub notification_type: String,
    /// `ACTIVE` or `DISMISSED`.
    #[schema(example = "ACTIVE")]
    pub notification_status: String,
    #[schema(example = "2024-08-01T14:30:00.000")]
    pub created_date_time: String,
    pub notification_details: NotificationDetailsDto,
}

impl TryFrom<NotificationRow> for NotificationDto {
    type Error = AppError;

    /// `PMS_NOTIFICATION_ERROR_007` when the details are not MOSIP's JSON.
    fn try_from(r: NotificationRow) -> Result<Self, AppError> {
        let details = serde_json::from_str(&r.notification_details_json).map_err(|e| {
            AppError::refused("PMS_NOTIFICATION_ERROR_007", "Error parsing notification details JSON")
                .with_detail(e.to_string())
        })?;
        Ok(NotificationDto {
            notification_id: r.id,
            notification_partner_id: r.partner_id,
            notification_type: r.notification_type,
            notification_status: r.notification_status,
            created_date_time: local(r.cr_dtimes),
            notification_details: details,
        })
    }
}

/// `DismissNotificationRequestDto`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DismissNotificationRequest {
    /// Must be `DISMISSED`.
    #[schema(example = "DISMISSED")]
    pub notification_status: Option<String>,
}

/// `DismissNotificationResponseDto`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DismissNotificationResponse {
    pub id: String,
    pub partner_id: String,
    pub notification_type: String,
    #[schema(example = "DISMISSED")]
    pub notification_status: String,
}

/// `NotificationsSeenRequestDto`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NotificationsSeenRequest {
    /// When the user saw its notifications: ISO date-time, UTC (`Z` optional).
    #[schema(example = "2024-08-08T10:00:00Z")]
    pub notifications_seen_dtimes: Option<String>,
}

/// `NotificationsSeenResponseDto`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NotificationsSeenDto {
    /// `null`: never seen.
    #[schema(example = "2024-08-08T10:00:00.000")]
    pub notifications_seen_dtimes: Option<String>,
}
