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
use web_support::{ApiError, Db, EnvelopeV2, Principal, ReplyV2};

const DISMISS_ID: &str = "mosip.pms.dismiss.notification.patch";
const SEEN_PUT_ID: &str = "mosip.pms.users.notifications.seen.timestamp.put";

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

/// `PATCH /notifications/{notificationId}`.
#[tracing::instrument(skip_all)]
pub async fn dismiss(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<String>,
    body: EnvelopeV2<DismissNotificationRequest>,
) -> Result<ReplyV2<DismissNotificationResponse>, ApiError> {
    principal.require_any(roles::PARTNERS_V3)?;
    let outcome = match body.open(DISMISS_ID) {
        Ok(request) => db.call(move |store| notifications::dismiss(store, &principal, &path, request)).await,
        Err(refused) => Err(refused),
    };
    Ok(ReplyV2::new(DISMISS_ID, outcome))
}

/// `PUT /users/{userId}/notifications-seen-timestamp`.
#[tracing::instrument(skip_all)]
pub async fn save_seen(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<String>,
    body: EnvelopeV2<NotificationsSeenRequest>,
) -> Result<ReplyV2<Option<NotificationsSeenDto>>, ApiError> {
    principal.require_any(roles::USER_CONSENT)?;
    let outcome = match body.open(SEEN_PUT_ID) {
        Ok(request) => {
            db.call(move |store| notifications::save_seen_timestamp(store, &principal, &path, request)).await
        }
        Err(refused) => Err(refused),
    };
    Ok(ReplyV2::new(SEEN_PUT_ID, outcome))
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
