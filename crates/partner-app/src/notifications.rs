//! MOSIP 1.3's notification centre: the caller's notifications (`GET /notifications`, filtered
//! and paged in SQL), dismissing one (`PATCH /notifications/{notificationId}`), and when the
//! user last looked at them (`PUT`/`GET /users/{userId}/notifications-seen-timestamp`).
//! Notifications are written by the expiry jobs (`persistence::repo::notification`).

mod dto;

use app_core::paged::{PageQuery, PageRequest, PageResponseV2};
use app_core::time::local;
use app_core::{Actor, AppError, Store};
use audit_events::AuditEvent;
use chrono::{NaiveDate, NaiveDateTime};
use persistence::DbConnection;
use persistence::repo::cert_reads::partner_views_of_user;
use persistence::repo::notification::{self as repo, NotificationFilter, STATUS_DISMISSED};

pub use dto::{
    DismissNotificationRequest, DismissNotificationResponse, NotificationCertificateDto, NotificationDetailsDto,
    NotificationDto, NotificationsQuery, NotificationsSeenDto, NotificationsSeenRequest,
};

/// MOSIP's notification types.
pub const PARTNER_CERT_EXPIRY: &str = "PARTNER_CERT_EXPIRY";
pub const ROOT_CERT_EXPIRY: &str = "ROOT_CERT_EXPIRY";
pub const INTERMEDIATE_CERT_EXPIRY: &str = "INTERMEDIATE_CERT_EXPIRY";
pub const WEEKLY_SUMMARY: &str = "WEEKLY_SUMMARY";

/// MOSIP's default page size of the notification list.
const DEFAULT_PAGE_SIZE: &str = "4";

/// The types only a partner admin sees (the trust store's certificates and the weekly summary).
fn admin_only(notification_type: &str) -> bool {
    [ROOT_CERT_EXPIRY, INTERMEDIATE_CERT_EXPIRY, WEEKLY_SUMMARY].contains(&notification_type)
}

/// A `yyyy-MM-dd` filter (`PMS_NOTIFICATION_ERROR_016` otherwise).
fn date(value: Option<&str>, field: &str) -> Result<Option<NaiveDate>, AppError> {
    value
        .map(|v| {
            NaiveDate::parse_from_str(v, "%Y-%m-%d").map_err(|_| {
                AppError::refused(
                    "PMS_NOTIFICATION_ERROR_016",
                    format!("Please enter a valid date in the {field} field."),
                )
            })
        })
        .transpose()
}

/// The page and filters a notification query asks for, in MOSIP's order: `PMS_PRT_360`/`361`
/// bad page number or size; `PMS_NOTIFICATION_ERROR_016` a date not `yyyy-MM-dd`; with a type,
/// `PMS_NOTIFICATION_ERROR_006` an admin's type asked by a partner and
/// `PMS_NOTIFICATION_ERROR_017` creation dates without `weekly`; without one,
/// `PMS_NOTIFICATION_ERROR_015` any other filter. `None`: a type MOSIP answers with an empty page
/// (`sbi`, `ftm-chip`, `apikey`, unknown ones). The partners are filled in by [`notifications`].
pub fn notifications_request(
    actor: &Actor,
    q: &NotificationsQuery,
) -> Result<(PageRequest<()>, Option<NotificationFilter>), AppError> {
    let paging = PageQuery {
        page_no: q.page_no.clone(),
        page_size: Some(q.page_size.clone().unwrap_or_else(|| DEFAULT_PAGE_SIZE.to_owned())),
        ..PageQuery::default()
    };
    let page = PageRequest::parse(&paging, &[])?;
    let expiry_date = date(q.expiry_date.as_deref(), "expiryDate")?;
    let created_from = date(q.created_from_date.as_deref(), "createdFromDate")?;
    let created_to = date(q.created_to_date.as_deref(), "createdToDate")?;
    let kind = q.notification_type.as_deref().map(str::to_lowercase);
    let types: Vec<&str> = match kind.as_deref() {
        None => {
            let filtered = q.certificate_id.is_some()
                || q.issued_by.is_some()
                || q.issued_to.is_some()
                || expiry_date.is_some()
                || q.partner_domain.is_some()
                || created_from.is_some()
                || created_to.is_some();
            if filtered {
                return Err(AppError::refused(
                    "PMS_NOTIFICATION_ERROR_015",
                    "Notification type must be selected for filtering",
                ));
            }
            if actor.is_admin {
                vec![ROOT_CERT_EXPIRY, INTERMEDIATE_CERT_EXPIRY, WEEKLY_SUMMARY]
            } else {
                vec![PARTNER_CERT_EXPIRY]
            }
        }
        Some(kind) => {
            if !actor.is_admin && matches!(kind, "root" | "intermediate" | "weekly") {
                return Err(AppError::refused(
                    "PMS_NOTIFICATION_ERROR_006",
                    "Partner Admin will only get notifications for root/intermediate certificate expiry and the weekly summary.",
                ));
            }
            if (created_from.is_some() || created_to.is_some()) && kind != "weekly" {
                return Err(AppError::refused(
                    "PMS_NOTIFICATION_ERROR_017",
                    "Filtering by createdFromDate / createdToDate is only available when 'weekly' is selected as the notificationType",
                ));
            }
            match kind {
                "root" => vec![ROOT_CERT_EXPIRY],
                "intermediate" => vec![INTERMEDIATE_CERT_EXPIRY],
                "partner" => vec![PARTNER_CERT_EXPIRY],
                "weekly" => vec![WEEKLY_SUMMARY],
                _ => return Ok((page, None)),
            }
        }
    };
    let weekly = kind.as_deref() == Some("weekly");
    let certificates = kind.is_some() && !weekly;
    let only = |v: &Option<String>| v.clone().filter(|_| certificates);
    let filter = NotificationFilter {
        status: q.notification_status.clone(),
        types: types.into_iter().map(str::to_owned).collect(),
        partners: Vec::new(),
        certificate_id: only(&q.certificate_id),
        issued_by: only(&q.issued_by),
        issued_to: only(&q.issued_to),
        partner_domain: only(&q.partner_domain),
        expiry_date: expiry_date.filter(|_| certificates),
        created_from: created_from.filter(|_| weekly),
        created_to: created_to.filter(|_| weekly),
    };
    Ok((page, Some(filter)))
}

/// The ids of the caller's partners whose notifications it sees: all of them for an admin,
/// the active ones otherwise. None owned is `PMS_CERTIFICATE_ERROR_002`.
fn own_partners(conn: &mut DbConnection, actor: &Actor) -> Result<Vec<(String, bool)>, AppError> {
    let own = partner_views_of_user(conn, &actor.user_id)?;
    if own.is_empty() {
        return Err(AppError::refused("PMS_CERTIFICATE_ERROR_002", "User Id does not exists."));
    }
    Ok(own.into_iter().map(|p| (p.id, p.is_active)).collect())
}

/// One page of the caller's notifications matching `filter`, newest first (`None`: an empty
/// page); `PMS_NOTIFICATION_ERROR_007` a notification whose details are not MOSIP's JSON. Not
/// audited, as in MOSIP (the portal polls it).
pub fn notifications(
    store: &Store,
    actor: &Actor,
    page: &PageRequest<()>,
    filter: Option<NotificationFilter>,
) -> Result<PageResponseV2<NotificationDto>, AppError> {
    store.read(|tx| {
        let partners: Vec<String> = own_partners(tx.conn, actor)?
            .into_iter()
            .filter(|(_, active)| actor.is_admin || *active)
            .map(|(id, _)| id)
            .collect();
        let Some(filter) = filter else { return Ok(PageResponseV2::new(Vec::new(), page, 0)) };
        let filter = NotificationFilter { partners, ..filter };
        let (rows, total) = repo::notifications_page(tx.conn, &filter, store.paging_of(page))?;
        let items = rows.into_iter().map(NotificationDto::try_from).collect::<Result<Vec<_>, _>>()?;
        Ok(PageResponseV2::new(items, page, total))
    })
}

/// Dismisses the notification `id` for the caller, in MOSIP's order: `PMS_NOTIFICATION_ERROR_019`
/// no status, `PMS_NOTIFICATION_ERROR_012` a status other than `DISMISSED`,
/// `PMS_NOTIFICATION_ERROR_008` unknown notification, `PMS_NOTIFICATION_ERROR_018` an admin's
/// notification dismissed by a partner, `PMS_CERTIFICATE_ERROR_002` the caller owns no partner,
/// `PMS_PMP_016` its partner is not active (partners only), `PMS_NOTIFICATION_ERROR_011`
/// another partner's notification, `PMS_NOTIFICATION_ERROR_009` already dismissed. Audited
/// `PMS_PRT_193`/`293` (a refusal: the call event with its code).
pub fn dismiss(
    store: &Store,
    actor: &Actor,
    id: &str,
    request: DismissNotificationRequest,
) -> Result<DismissNotificationResponse, AppError> {
    let plan = store.plan(actor).call(AuditEvent::DismissNotification, Some(id));
    store.audited(plan, |tx| {
        let status = request.notification_status.ok_or_else(|| {
            AppError::refused("PMS_NOTIFICATION_ERROR_019", "Notification status is required in the request")
        })?;
        if status != STATUS_DISMISSED {
            return Err(AppError::refused(
                "PMS_NOTIFICATION_ERROR_012",
                "Invalid notification status. Expected: DISMISSED.",
            ));
        }
        let row = repo::notification(tx.conn, id)?
            .ok_or_else(|| AppError::refused("PMS_NOTIFICATION_ERROR_008", "Notification does not exist."))?;
        if admin_only(&row.notification_type) && !actor.is_admin {
            return Err(AppError::refused(
                "PMS_NOTIFICATION_ERROR_018",
                "Partner Admin can only dismiss this notification",
            ));
        }
        let owner = own_partners(tx.conn, actor)?.into_iter().find(|(p, _)| *p == row.partner_id);
        match owner {
            None => {
                return Err(AppError::refused(
                    "PMS_NOTIFICATION_ERROR_011",
                    "The notification does not belong to the partner.",
                ));
            }
            Some((_, false)) if !actor.is_admin => {
                return Err(AppError::refused("PMS_PMP_016", "Partner is not active."));
            }
            Some(_) => {}
        }
        if row.notification_status == STATUS_DISMISSED || repo::dismiss(tx.conn, id, &actor.user_id, tx.now)? == 0 {
            return Err(AppError::refused("PMS_NOTIFICATION_ERROR_009", "Notification has already been dismissed."));
        }
        tx.trail.push(AuditEvent::DismissNotificationSuccess, Some(id));
        Ok(DismissNotificationResponse {
            id: row.id,
            partner_id: row.partner_id,
            notification_type: row.notification_type,
            notification_status: STATUS_DISMISSED.to_owned(),
        })
    })
}

/// `user_id` must be the caller (403 otherwise) and own a partner (`PMS_CERTIFICATE_ERROR_002`).
fn own_user(conn: &mut DbConnection, actor: &Actor, user_id: &str) -> Result<(), AppError> {
    if actor.user_id != user_id {
        return Err(AppError::forbidden());
    }
    own_partners(conn, actor).map(|_| ())
}

/// A `notificationsSeenDtimes`: ISO local date-time, or with `Z`/an offset (read as UTC).
fn seen_time(raw: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M:%S%.f")
        .ok()
        .or_else(|| NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M").ok())
        .or_else(|| app_core::time::parse_mosip(raw))
}

/// Records when the caller last saw its notifications. Without the user's `user_details` row
/// (no consent yet) nothing is stored and the answer is `null`, as in MOSIP;
/// `PMS_NOTIFICATION_ERROR_002` without a time, `PMS_COR_001` one that is not a date-time.
/// Audited `PMS_PRT_194`/`294`.
pub fn save_seen_timestamp(
    store: &Store,
    actor: &Actor,
    user_id: &str,
    request: NotificationsSeenRequest,
) -> Result<Option<NotificationsSeenDto>, AppError> {
    let plan = store.plan(actor).call(AuditEvent::SaveNotificationsSeen, None);
    store.audited(plan, |tx| {
        own_user(tx.conn, actor, user_id)?;
        if repo::seen_timestamp(tx.conn, user_id)?.is_none() {
            return Ok(None);
        }
        let raw = request
            .notifications_seen_dtimes
            .ok_or_else(|| AppError::refused("PMS_NOTIFICATION_ERROR_002", "Invalid notification seen timestamp"))?;
        let seen =
            seen_time(&raw).ok_or_else(|| AppError::invalid_field("notificationsSeenDtimes", "must be a date-time"))?;
        repo::set_seen_timestamp(tx.conn, user_id, seen, tx.now)?;
        tx.trail.push(AuditEvent::SaveNotificationsSeenSuccess, None);
        Ok(Some(NotificationsSeenDto { notifications_seen_dtimes: Some(local(seen)) }))
    })
}

/// When the caller last saw its notifications (`null`: never); `PMS_NOTIFICATION_ERROR_003`
/// without its `user_details` row. Not audited, as in MOSIP.
pub fn seen_timestamp(store: &Store, actor: &Actor, user_id: &str) -> Result<NotificationsSeenDto, AppError> {
    store.read(|tx| {
        own_user(tx.conn, actor, user_id)?;
        let seen = repo::seen_timestamp(tx.conn, user_id)?.ok_or_else(|| {
            AppError::refused("PMS_NOTIFICATION_ERROR_003", "User details does not exist for the user.")
        })?;
        Ok(NotificationsSeenDto { notifications_seen_dtimes: seen.map(local) })
    })
}

#[cfg(test)]
mod tests;
