//! MOSIP 1.3's notification centre (`/notifications`, `/users/{userId}/notifications-seen-timestamp`),
//! in the 1.2.2 envelope.

use partner_app::notifications::{
    DismissNotificationRequest, DismissNotificationResponse, NotificationDto, NotificationsQuery, NotificationsSeenDto,
    NotificationsSeenRequest,
};
use web_support::paged::PageResponseV2;
use web_support::{RequestEnvelopeV2, ResponseEnvelopeV2};

op! {
    /// `GET /notifications`.
    list: get "/notifications", "getNotifications", "Notifications", "A page of the caller's notifications (MOSIP 1.3)";
    description = "The notifications of the caller's partners (a partner user's active partners; \
all of an admin's), newest first, filtered and paged in the database. Without `notificationType`, \
a partner sees its partner certificate notices and an admin the root and intermediate certificate \
notices and the weekly summaries. `notificationType`: `partner`, `root`, `intermediate`, `weekly` \
(the last three for `PARTNER_ADMIN`); `sbi`, `ftm-chip`, `apikey` answer an empty page, as in \
MOSIP. With a certificate type, `certificateId`, `issuedBy`, `issuedTo` (case-insensitive \
substrings), `partnerDomain` and `expiryDate` (`yyyy-MM-dd`) filter on the notice's certificate; \
with `weekly`, `createdFromDate`/`createdToDate` (`yyyy-MM-dd`, both days included). \
`notificationStatus` (`active`, `dismissed`) matches any case. Paging: `pageNo` (default 0), \
`pageSize` (default 4); an empty page is `{pageNo: 0, pageSize: 0, totalResults: 0, data: []}`. \
Roles: `DEVICE_PROVIDER`, `FTM_PROVIDER`, `PARTNER_ADMIN`, `AUTH_PARTNER`, `ABIS_PARTNER`, \
`SDK_PARTNER`, `CREDENTIAL_PARTNER`, `ONLINE_VERIFICATION_PARTNER`.\n\n\
Errors (HTTP 200, in the answer, `id` `mosip.pms.notifications.get`): `PMS_PRT_360` bad `pageNo`; \
`PMS_PRT_361` bad `pageSize`; `PMS_NOTIFICATION_ERROR_016` a date not `yyyy-MM-dd`; \
`PMS_NOTIFICATION_ERROR_006` an admin's type asked by a partner; `PMS_NOTIFICATION_ERROR_017` \
creation dates without `weekly`; `PMS_NOTIFICATION_ERROR_015` a filter without a type; \
`PMS_CERTIFICATE_ERROR_002` the caller owns no partner; `PMS_NOTIFICATION_ERROR_007` a stored \
notification whose details are not JSON.",
    params(NotificationsQuery),
    responses((status = 200, description = "The page, or the errors", body = ResponseEnvelopeV2<PageResponseV2<NotificationDto>>))
}

op! {
    /// `PATCH /notifications/{notificationId}`.
    dismiss: patch "/notifications/{notificationId}", "dismissNotification", "Notifications", "Dismiss a notification (MOSIP 1.3)";
    description = "`{\"notificationStatus\": \"DISMISSED\"}`. A partner user dismisses the notices of \
its own active partners; `PARTNER_ADMIN` also the root, intermediate and weekly ones of its \
partners. Roles: as for `GET /notifications`.\n\n\
Errors (HTTP 200, in the answer, `id` `mosip.pms.dismiss.notification.patch`): \
`PMS_REQUEST_ERROR_002`–`006` the envelope (id, version, request time, request); \
`PMS_NOTIFICATION_ERROR_019` no `notificationStatus`; `PMS_NOTIFICATION_ERROR_012` a status other \
than `DISMISSED`; `PMS_NOTIFICATION_ERROR_008` unknown notification; `PMS_NOTIFICATION_ERROR_018` \
an admin's notification dismissed by a partner; `PMS_CERTIFICATE_ERROR_002` the caller owns no \
partner; `PMS_PMP_016` its partner is not active; `PMS_NOTIFICATION_ERROR_011` another partner's \
notification; `PMS_NOTIFICATION_ERROR_009` already dismissed.",
    params(("notificationId" = String, Path, description = "The notification's id")),
    request_body = RequestEnvelopeV2<DismissNotificationRequest>,
    responses((status = 200, description = "The dismissed notification, or the errors", body = ResponseEnvelopeV2<DismissNotificationResponse>))
}

op! {
    /// `PUT /users/{userId}/notifications-seen-timestamp`.
    save_seen: put "/users/{userId}/notifications-seen-timestamp", "updateNotificationsSeenTimestamp", "Notifications", "Record when the user last saw its notifications (MOSIP 1.3)";
    description = "`{\"notificationsSeenDtimes\": \"2024-08-08T10:00:00Z\"}` (ISO date-time, UTC). \
Only for the caller itself (another `userId`: HTTP 403 `KER-ATH-403`). A user without its \
consent row (`POST /users/user-consent` not yet called) gets `response: null` and nothing is \
stored, as in MOSIP. Roles: `AUTH_PARTNER`, `ABIS_PARTNER`, `SDK_PARTNER`, `DEVICE_PROVIDER`, \
`FTM_PROVIDER`, `CREDENTIAL_PARTNER`, `PARTNER_ADMIN`, `ONLINE_VERIFICATION_PARTNER`, \
`POLICYMANAGER`.\n\n\
Errors (HTTP 200, in the answer, `id` `mosip.pms.users.notifications.seen.timestamp.put`): \
`PMS_REQUEST_ERROR_002`–`006` the envelope; `PMS_CERTIFICATE_ERROR_002` the user owns no partner; \
`PMS_NOTIFICATION_ERROR_002` no `notificationsSeenDtimes`; `PMS_COR_001` one that is not a \
date-time.",
    params(("userId" = String, Path, description = "The caller's user id")),
    request_body = RequestEnvelopeV2<NotificationsSeenRequest>,
    responses((status = 200, description = "The time, or the errors", body = ResponseEnvelopeV2<NotificationsSeenDto>))
}

op! {
    /// `GET /users/{userId}/notifications-seen-timestamp`.
    seen: get "/users/{userId}/notifications-seen-timestamp", "getNotificationsSeenTimestamp", "Notifications", "When the user last saw its notifications (MOSIP 1.3)";
    description = "`notificationsSeenDtimes` (`null`: never). Only for the caller itself (another \
`userId`: HTTP 403 `KER-ATH-403`). Roles: as for the PUT.\n\n\
Errors (HTTP 200, in the answer, `id` `mosip.pms.users.notifications.seen.timestamp.get`): \
`PMS_CERTIFICATE_ERROR_002` the user owns no partner; `PMS_NOTIFICATION_ERROR_003` the user has no \
consent row yet.",
    params(("userId" = String, Path, description = "The caller's user id")),
    responses((status = 200, description = "The time, or the errors", body = ResponseEnvelopeV2<NotificationsSeenDto>))
}

/// The notification operations (paths relative to `/v1/partnermanager`).
#[derive(utoipa::OpenApi)]
#[openapi(paths(list, dismiss, save_seen, seen))]
pub struct NotificationsApi;
