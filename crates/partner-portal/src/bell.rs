//! The notification bell: how many of the signed-in user's notifications arrived since it last
//! looked (`GET /notifications` and the seen timestamp's operations), counted once per page view
//! by a middleware so that every page's menu can show it.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpMessage, HttpRequest, http::Method};
use chrono::NaiveDateTime;
use partner_app::notifications::{self, NotificationDto, NotificationsQuery};
use web_support::Principal;

use crate::api::{self, Answer};

/// The most notifications counted (the bell shows "50+" beyond).
pub const COUNTED: i64 = 50;

/// Unseen notifications of the request's user: how many, and whether there are more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unseen {
    pub count: usize,
    pub more: bool,
}

/// The user's active notifications, newest first (`page` from 0, `size` a page).
pub async fn active(req: &HttpRequest, me: &Principal, page: i64, size: i64) -> Answer<(Vec<NotificationDto>, i64)> {
    let q = NotificationsQuery {
        notification_status: Some("ACTIVE".into()),
        page_no: Some(page.to_string()),
        page_size: Some(size.to_string()),
        ..NotificationsQuery::default()
    };
    let me = me.clone();
    api::call(req, move |store| {
        let (paging, filter) = notifications::notifications_request(&me, &q)?;
        let found = notifications::notifications(store, &me, &paging, filter)?;
        Ok((found.data, found.total_results))
    })
    .await
}

/// When the user last looked at its notifications (`None`: never, or not recorded).
async fn seen(req: &HttpRequest, me: &Principal) -> Option<NaiveDateTime> {
    let me = me.clone();
    let dto = api::call(req, move |store| notifications::seen_timestamp(store, &me, &me.user_id)).await.ok()?;
    parse(dto.notifications_seen_dtimes.as_deref()?)
}

pub fn parse(local: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M:%S%.f").ok()
}

/// The unseen notifications of the request's user (`None`: nobody signed in, or no partner).
async fn unseen(req: &HttpRequest) -> Option<Unseen> {
    let me = Principal::extract(req).await.ok()?;
    let (items, total) = active(req, &me, 0, COUNTED).await.ok()?;
    let since = seen(req, &me).await;
    let count =
        items.iter().filter(|n| since.is_none_or(|s| parse(&n.created_date_time).is_none_or(|c| c > s))).count();
    Some(Unseen { count, more: count == items.len() && total > items.len() as i64 })
}

/// Counts the unseen notifications of page views (GET) into the request's extensions.
pub async fn count_unseen(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let page_view = req.method() == Method::GET
        && !req.path().starts_with("/portal/static/")
        && req.cookie("Authorization").is_some();
    if page_view && let Some(found) = unseen(req.request()).await {
        req.extensions_mut().insert(found);
    }
    next.call(req).await
}
