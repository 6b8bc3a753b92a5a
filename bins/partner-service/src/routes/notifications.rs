//! MOSIP 1.3's notification centre (`/notifications`, `/users/{userId}/notifications-seen-timestamp`),
//! in the 1.2.2 envelope.

use actix_web::web;
use partner_app::notifications::{
    self, DismissNotificationRequest, DismissNotificationResponse, NotificationDto, NotificationsQuery,
    NotificationsSeenDto, NotificationsSeenRequest,
};
use partner_app::roles;
use web_support::openapi::Registrar;
use web_support::paged::PageResponseV2;
use web_support::{ApiError, Db, Principal, ReplyV2};

/// The notification routes (relative to `/v1/partnermanager`).
pub fn register(r: &mut Registrar<'_>) {
    r.get("/notifications", list)
        .resource("/notifications/{notificationId}", |m| m.patch(dismiss))
        .resource("/users/{userId}/notifications-seen-timestamp", |m| m.put(save_seen).get(seen));
}

/// `GET /notifications`.
#[tracing::instrument(skip_all)]
pub async fn list(
    principal: Principal,
    db: web::Data<Db>,
    query: web::Query<NotificationsQuery>,
) -> Result<ReplyV2<PageResponseV2<NotificationDto>>, ApiError> {
    principal.require_any(roles::PARTNERS_V3)?;
    let outcome = match notifications::notifications_request(&principal, &query) {
        Ok((page, filter)) => {
            db.call(move |store| notifications::notifications(store, &principal, &page, filter)).await
        }
        Err(refused) => Err(refused.into()),
    };
    Ok(ReplyV2::new("mosip.pms.notifications.get", outcome))
}

web_support::enveloped_v2! {
    /// `PATCH /notifications/{notificationId}`.
    pub fn dismiss(notification_id, DismissNotificationRequest) -> DismissNotificationResponse;
    "mosip.pms.dismiss.notification.patch", roles::PARTNERS_V3,
    |store, principal, id, request| notifications::dismiss(store, principal, id, request);

    /// `PUT /users/{userId}/notifications-seen-timestamp`.
    pub fn save_seen(user_id, NotificationsSeenRequest) -> Option<NotificationsSeenDto>;
    "mosip.pms.users.notifications.seen.timestamp.put", roles::USER_CONSENT,
    |store, principal, id, request| notifications::save_seen_timestamp(store, principal, id, request);
}

/// `GET /users/{userId}/notifications-seen-timestamp`.
#[tracing::instrument(skip_all)]
pub async fn seen(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<String>,
) -> Result<ReplyV2<NotificationsSeenDto>, ApiError> {
    principal.require_any(roles::USER_CONSENT)?;
    let outcome = db.call(move |store| notifications::seen_timestamp(store, &principal, &path)).await;
    Ok(ReplyV2::new("mosip.pms.users.notifications.seen.timestamp.get", outcome))
}
