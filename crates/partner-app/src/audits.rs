//! The audit log for admins: the records this service wrote, newest first, filtered and paged.

use app_core::page::PageResponse;
use app_core::time::{mosip, parse_mosip};
use app_core::{AppError, Store};
use chrono::NaiveDateTime;
use persistence::repo::audit::{self as repo, AuditFilter, AuditRow};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// Most records per page.
const MAX_PAGE: i64 = 500;

/// The audit-log filters; every one optional, blank ones ignored.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Only records of this event id.
    #[param(example = "PMS_PRT_101")]
    pub event_id: Option<String>,
    /// Only records about this reference id (a partner, policy, API key…).
    #[param(example = "mpartner-default-auth")]
    pub ref_id: Option<String>,
    /// Only records of this session user.
    #[param(example = "pm-1")]
    pub user_id: Option<String>,
    /// Records from this time (UTC), `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'` or RFC 3339.
    #[param(example = "2024-05-01T00:00:00.000Z")]
    pub from_time: Option<String>,
    /// Records up to this time (UTC), same formats as `fromTime`.
    #[param(example = "2024-05-02T00:00:00.000Z")]
    pub to_time: Option<String>,
    /// The page, from 0 (default 0).
    #[param(minimum = 0, example = 0)]
    pub page_start: Option<i64>,
    /// Records per page, 1 to 500 (default 20).
    #[param(minimum = 1, maximum = 500, example = 20)]
    pub page_fetch: Option<i64>,
}

/// An audit record, with the field names of MOSIP's `AuditRequestDto`.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AuditItem {
    pub event_id: String,
    pub event_name: String,
    pub event_type: String,
    pub action_time_stamp: String,
    pub host_name: String,
    pub host_ip: String,
    pub application_id: String,
    pub application_name: String,
    pub session_user_id: String,
    pub session_user_name: String,
    pub id: String,
    pub id_type: String,
    pub created_by: String,
    pub module_name: String,
    pub module_id: String,
    pub description: String,
    pub error_code: Option<String>,
    pub request_id: Option<String>,
}

impl From<AuditRow> for AuditItem {
    fn from(r: AuditRow) -> Self {
        AuditItem {
            event_id: r.event_id,
            event_name: r.event_name,
            event_type: r.event_type,
            action_time_stamp: mosip(r.action_time),
            host_name: r.host_name,
            host_ip: r.host_ip,
            application_id: r.application_id,
            application_name: r.application_name,
            session_user_id: r.session_user_id,
            session_user_name: r.session_user_name,
            id: r.ref_id,
            id_type: r.ref_id_type,
            created_by: r.created_by,
            module_name: r.module_name,
            module_id: r.module_id,
            description: r.description,
            error_code: r.error_code,
            request_id: r.request_id,
        }
    }
}

fn time_param(name: &str, value: Option<&str>) -> Result<Option<NaiveDateTime>, AppError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => parse_mosip(v)
            .map(Some)
            .ok_or_else(|| AppError::invalid_field(name, "must be yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")),
    }
}

fn text(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// A page of the records that match `query`, newest first (the caller is an admin). Not audited.
pub fn search(store: &Store, query: AuditQuery) -> Result<PageResponse<AuditItem>, AppError> {
    search_excluding(store, query, Vec::new())
}

/// [`search`], leaving out the records of the event ids `exclude` (in SQL, so paging holds).
pub fn search_excluding(
    store: &Store,
    query: AuditQuery,
    exclude: Vec<String>,
) -> Result<PageResponse<AuditItem>, AppError> {
    let page_start = query.page_start.unwrap_or(0);
    let page_fetch = query.page_fetch.unwrap_or(20);
    if page_start < 0 || !(1..=MAX_PAGE).contains(&page_fetch) {
        return Err(AppError::refused(
            "PMS-MSD-313",
            format!("Invalid pagination value received pagestart:{page_start} and fetch:{page_fetch}"),
        ));
    }
    let filter = AuditFilter {
        from: time_param("fromTime", query.from_time.as_deref())?,
        to: time_param("toTime", query.to_time.as_deref())?,
        event_id: text(query.event_id),
        ref_id: text(query.ref_id),
        user: text(query.user_id),
        exclude_events: exclude,
    };
    let paging = store.paging(page_start.saturating_mul(page_fetch), page_fetch);
    let (rows, total) = store.read(|tx| Ok(repo::search(tx.conn, &filter, paging)?))?;
    Ok(PageResponse::new(rows.into_iter().map(AuditItem::from).collect(), paging.offset, total))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests fail loudly")]

    use app_core::testing;
    use audit_events::AuditEvent;
    use persistence::Backend;

    use super::*;

    fn seed(store: &Store) {
        for partner in ["p-1", "p-2", "p-3"] {
            let plan = store.plan(&testing::actor("pm-1", &[])).call(AuditEvent::RegisterPartner, Some(partner));
            store.audited(plan, |_| Ok(())).unwrap();
        }
    }

    #[test]
    fn records_are_filtered_and_paged() {
        let (store, _db) = testing::store(Backend::Sqlite).unwrap();
        seed(&store);
        let page = search(&store, AuditQuery { page_fetch: Some(2), ..AuditQuery::default() }).unwrap();
        assert_eq!((page.from_record, page.to_record, page.total_record), (1, 2, 3));
        let one = AuditQuery { ref_id: Some(" p-2 ".into()), ..AuditQuery::default() };
        let items = search(&store, one).unwrap().data.unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!((items[0].event_id.as_str(), items[0].id.as_str()), ("PMS_PRT_101", "p-2"));
        assert_eq!(items[0].action_time_stamp, "2024-05-01T10:20:30.123Z");
        let later = AuditQuery { from_time: Some("2024-05-01T10:20:31.000Z".into()), ..AuditQuery::default() };
        assert_eq!(search(&store, later).unwrap().data.map(|d| d.len()), None, "an empty page has no data");
    }

    #[test]
    fn a_count_limit_counts_one_page_past_the_one_asked_for() {
        let (store, _db) = testing::store(Backend::Sqlite).unwrap();
        seed(&store);
        let store = store.with_count_limit(1);
        let total = |start: i64| {
            let query = AuditQuery { page_start: Some(start), page_fetch: Some(1), ..AuditQuery::default() };
            search(&store, query).unwrap().total_record
        };
        assert_eq!(total(0), 2, "one record past the first page");
        assert_eq!(total(2), 3, "the last page: all counted");
    }

    #[test]
    fn bad_pages_and_times_are_refused() {
        let (store, _db) = testing::store(Backend::Sqlite).unwrap();
        let e = search(&store, AuditQuery { page_fetch: Some(501), ..AuditQuery::default() }).unwrap_err();
        assert_eq!(e.message(), "Invalid pagination value received pagestart:0 and fetch:501");
        let e = search(&store, AuditQuery { to_time: Some("yesterday".into()), ..AuditQuery::default() }).unwrap_err();
        assert_eq!(e.message(), "Invalid request parameter - must be yyyy-MM-dd'T'HH:mm:ss.SSS'Z' :request.toTime");
        assert!(parse_mosip("+10000-01-01T00:00:00.000Z").is_none());
        assert!(parse_mosip("2024-05-01T12:20:30.123+02:00").is_some());
    }
}
