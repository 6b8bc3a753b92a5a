//! `/portal/admin/audit`: MOSIP's audit records filtered by event, reference, user and time,
//! newest first, paged (`auth.admin_role` only).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::html;
use partner_app::audits::{self, AuditItem};
use serde::Deserialize;
use web_support::ApiError;

use crate::api::{self, Page, Refusal};
use crate::lookups::page_of;
use crate::session::{or_answer, signed_in};
use crate::view;

use super::audit_words;
use crate::i18n::t;

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuditQuery {
    event_id: Option<String>,
    ref_id: Option<String>,
    user_id: Option<String>,
    from: Option<String>,
    to: Option<String>,
    /// `show`: list reads too (they are left out otherwise, unless an event id is asked for).
    reads: Option<String>,
    page: Option<i64>,
}

const AUDIT_PAGE: i64 = 25;

/// A `datetime-local` value (`2026-11-26T10:15`) in the user's time zone (`offset_minutes` east
/// of UTC) as MOSIP's time in UTC (`2026-11-26T10:15:00.000Z` at offset 0).
fn mosip_time(local: &str, offset_minutes: i32) -> Option<String> {
    let v = local.trim();
    if v.is_empty() {
        return None;
    }
    let parsed = chrono::NaiveDateTime::parse_from_str(v, "%Y-%m-%dT%H:%M")
        .or_else(|_| chrono::NaiveDateTime::parse_from_str(v, "%Y-%m-%dT%H:%M:%S"));
    Some(match parsed {
        Ok(t) => {
            (t - chrono::TimeDelta::minutes(i64::from(offset_minutes))).format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
        }
        Err(_) => v.to_owned(),
    })
}

pub async fn audit(req: HttpRequest, query: web::Query<AuditQuery>) -> HttpResponse {
    let (ctx, me) = or_answer!(signed_in(&req));
    if !me.is_admin {
        return view::error_page(ctx, &Refusal::from(ApiError::forbidden()));
    }
    let q = query.into_inner();
    let offset = crate::i18n::current().offset_minutes;
    let zone = view::zone_label(offset);
    let page = q.page.unwrap_or(0).max(0);
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let show_reads = q.reads.as_deref() == Some("show") || q.event_id.as_deref().is_some_and(|e| !e.trim().is_empty());
    let list: api::Answer<Page<AuditItem>> = async {
        let query = audits::AuditQuery {
            event_id: q.event_id.clone(),
            ref_id: q.ref_id.clone(),
            user_id: q.user_id.clone(),
            from_time: q.from.as_deref().and_then(|t| mosip_time(t, offset)),
            to_time: q.to.as_deref().and_then(|t| mosip_time(t, offset)),
            page_start: Some(page),
            page_fetch: Some(AUDIT_PAGE),
        };
        let exclude = if show_reads { Vec::new() } else { audit_words::read_event_ids() };
        Ok(page_of(api::call(&req, move |store| audits::search_excluding(store, query, exclude)).await?))
    }
    .await;
    let base = format!(
        "/portal/admin/audit?eventId={}&refId={}&userId={}&from={}&to={}&reads={}",
        view::q(&text(&q.event_id)),
        view::q(&text(&q.ref_id)),
        view::q(&text(&q.user_id)),
        view::q(&text(&q.from)),
        view::q(&text(&q.to)),
        if show_reads { "show" } else { "" },
    );
    let body = html! {
        form.filters method="get" action="/portal/admin/audit" role="search" {
            div.field { label for="f-eventId" { (t!("audit-event-id")) } input #f-eventId name="eventId" value=(text(&q.event_id)) placeholder="PMS_PRT_101"; }
            div.field { label for="f-refId" { (t!("audit-reference-id")) } input #f-refId name="refId" value=(text(&q.ref_id)); }
            div.field { label for="f-userId" { (t!("audit-user")) } input #f-userId name="userId" value=(text(&q.user_id)); }
            div.field { label for="f-from" { (t!("audit-from", zone = zone.clone())) } input #f-from type="datetime-local" name="from" value=(text(&q.from)); }
            div.field { label for="f-to" { (t!("audit-to", zone = zone.clone())) } input #f-to type="datetime-local" name="to" value=(text(&q.to)); }
            div.field.check { input #f-reads type="checkbox" name="reads" value="show" checked[show_reads]; label for="f-reads" { (t!("audit-show-reads-too")) } }
            button type="submit" { (t!("audit-filter")) }
        }
        @match &list {
            Ok(p) if !p.items().is_empty() => {
                table #audit {
                    thead { tr { th scope="col" { (t!("audit-time")) } th scope="col" { (t!("audit-what-happened")) } th scope="col" { (t!("audit-by")) } th scope="col" { (t!("audit-to-what")) } th scope="col" { (t!("audit-outcome")) } } }
                    tbody {
                        @for a in p.items() {
                            tr {
                                td.time { (view::when_text(&a.action_time_stamp)) }
                                td.what { (audit_words::plain(&a.event_id)) br; small.muted { span.code { (a.event_id) } " · MOSIP: " (a.event_name) } }
                                td.user { (a.session_user_id) }
                                td { @if a.id_type == "NO_ID_TYPE" || a.id.is_empty() || a.id == "NO_ID" { "—" } @else { (a.id) br; small.muted { (a.id_type) } } }
                                td {
                                    @match &a.error_code {
                                        Some(code) => span.badge.off { (t!("audit-refused")) " " (code) },
                                        None => span.badge.ok { (t!("audit-done")) },
                                    }
                                }
                            }
                        }
                    }
                }
                (view::pager(&base, page, AUDIT_PAGE, p.total_record))
            },
            Ok(_) => p.muted { (t!("audit-no-audit-record-matches")) },
            Err(r) => (view::errors(r)),
        }
    };
    match &list {
        Err(r) if r.status != StatusCode::OK => view::page_inline(ctx, &t!("audit-audit-log"), r, body),
        _ => view::page(ctx, &t!("audit-audit-log"), body),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_times_become_mosip_times() {
        assert_eq!(mosip_time("2026-11-26T10:15", 0).as_deref(), Some("2026-11-26T10:15:00.000Z"));
        assert_eq!(mosip_time("2026-11-26T10:15:07", 0).as_deref(), Some("2026-11-26T10:15:07.000Z"));
        // typed in the user's zone (UTC+03:00), asked in UTC
        assert_eq!(mosip_time("2026-11-26T01:15", 180).as_deref(), Some("2026-11-25T22:15:00.000Z"));
        assert_eq!(mosip_time(" ", 0), None);
        // anything else goes to the API, which answers MOSIP's error
        assert_eq!(mosip_time("yesterday", 0).as_deref(), Some("yesterday"));
    }
}
