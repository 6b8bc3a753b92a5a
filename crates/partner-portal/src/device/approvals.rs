//! `/portal/admin/devices`: the partner admin's approval queues — SBIs, device details and FTM
//! chips pending approval — each decision confirmed on its own page, then posted
//! (`device_app::sbis::decide`, `details::decide`, `ftm::decide`) and redirected back.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use app_core::search::SearchFilterDto;
use device_app::dto::{DeviceDetailItem, FtmChipStatusRequest, SbiItem, StatusRequest};
use device_app::ftm::FtmChipItem;
use device_app::{details, ftm, roles, sbis};
use device_domain::status::PENDING_APPROVAL;
use maud::{Markup, html};
use serde::Deserialize;
use web_support::Principal;

use super::{CHIPS, DETAILS, SBIS, day, with_status};
use crate::api::{self, Refusal};
use crate::ctx::{Ctx, Flash};
use crate::i18n::t;
use crate::lookups::{Order, PAGE_SIZE, Search, filter, search_page};
use crate::session::{Gate, or_answer, posted, with_roles};
use crate::view::{self, badge};

const BASE: &str = "/portal/admin/devices";

/// A partner admin who may approve (`PARTNER_ADMIN`), or the answer for anyone else.
fn approver(req: &HttpRequest) -> Gate<(Ctx, Principal)> {
    with_roles(req, roles::APPROVERS)
}

/// What is decided on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Sbi,
    Device,
    Chip,
}

impl Kind {
    const ALL: [Kind; 3] = [Kind::Sbi, Kind::Device, Kind::Chip];

    fn index(self) -> usize {
        self as usize
    }

    /// The query parameter of this queue's page.
    fn page_param(self) -> &'static str {
        match self {
            Kind::Sbi => "sbiPage",
            Kind::Device => "devicePage",
            Kind::Chip => "chipPage",
        }
    }

    fn parse(s: &str) -> Option<Kind> {
        match s {
            "sbi" => Some(Kind::Sbi),
            "device" => Some(Kind::Device),
            "ftm-chip" => Some(Kind::Chip),
            _ => None,
        }
    }

    fn slug(self) -> &'static str {
        match self {
            Kind::Sbi => "sbi",
            Kind::Device => "device",
            Kind::Chip => "ftm-chip",
        }
    }

    /// The kind as the catalogue's selectors name it.
    fn selector(self) -> &'static str {
        match self {
            Kind::Sbi => "sbi",
            Kind::Device => "device",
            Kind::Chip => "chip",
        }
    }
}

/// One pending row as the queues and the confirmation show it.
struct Pending {
    kind: Kind,
    id: String,
    partner: String,
    what: String,
    details: String,
    status: String,
}

fn partner_of(id: Option<&str>, org: Option<&str>) -> String {
    match (id, org) {
        (Some(id), Some(org)) => format!("{org} ({id})"),
        (Some(id), None) => id.to_owned(),
        (None, Some(org)) => org.to_owned(),
        (None, None) => String::new(),
    }
}

impl From<SbiItem> for Pending {
    fn from(s: SbiItem) -> Self {
        let valid = format!("{} – {}", day(s.sw_create_date_time.as_deref()), day(s.sw_expiry_date_time.as_deref()));
        Pending {
            kind: Kind::Sbi,
            partner: partner_of(s.provider_id.as_deref(), s.partner_organization_name.as_deref()),
            what: format!("SBI {}", s.sw_version),
            details: t!("approvals-sbi-details", hash = s.sw_binary_hash.clone(), valid = valid),
            status: s.approval_status,
            id: s.id,
        }
    }
}

impl From<DeviceDetailItem> for Pending {
    fn from(d: DeviceDetailItem) -> Self {
        Pending {
            kind: Kind::Device,
            partner: partner_of(Some(&d.device_provider_id), d.partner_organization_name.as_deref()),
            what: format!("{} {}", d.make, d.model),
            details: format!("{} – {}", d.device_type_code, d.device_sub_type_code),
            status: d.approval_status,
            id: d.id,
        }
    }
}

impl From<FtmChipItem> for Pending {
    fn from(c: FtmChipItem) -> Self {
        let certificate = if c.certificate_alias.is_some() {
            t!("approvals-certificate-uploaded")
        } else {
            t!("approvals-no-certificate")
        };
        Pending {
            kind: Kind::Chip,
            partner: partner_of(Some(&c.ftp_provider_id), c.partner_organization_name.as_deref()),
            what: format!("{} {}", c.make, c.model),
            details: certificate,
            status: c.approval_status,
            id: c.ftp_chip_detail_id,
        }
    }
}

/// Page `page` (newest first) of what `search` finds with `filters`, as rows to decide on, and
/// how many it finds in all.
async fn rows<T: Into<Pending> + Send + 'static>(
    req: &HttpRequest,
    me: &Principal,
    search: Search<T>,
    filters: Vec<SearchFilterDto>,
    page: i64,
) -> api::Answer<(Vec<Pending>, i64)> {
    let found = search_page(req, me, search, filters, Order::newest(page)).await?;
    Ok((found.data.unwrap_or_default().into_iter().map(Into::into).collect(), found.total_record))
}

/// Page `page` of the rows of `kind` matching `filters` and how many match, or why they could
/// not be read.
async fn pending(
    req: &HttpRequest,
    me: &Principal,
    kind: Kind,
    filters: Vec<SearchFilterDto>,
    page: i64,
) -> api::Answer<(Vec<Pending>, i64)> {
    match kind {
        Kind::Sbi => rows(req, me, SBIS, filters, page).await,
        Kind::Device => rows(req, me, DETAILS, filters, page).await,
        Kind::Chip => rows(req, me, CHIPS, filters, page).await,
    }
}

/// The page each queue shows (`?sbiPage=…&devicePage=…&chipPage=…`, from 0), by [`Kind::index`].
#[derive(Debug, Default, Clone, Copy)]
struct QueuePages([i64; 3]);

impl QueuePages {
    /// The pages the query string asks for; a page it does not name, or names badly, is the
    /// first, and the other queues keep theirs.
    fn of(req: &HttpRequest) -> Self {
        let params: Vec<(String, String)> = serde_urlencoded::from_str(req.query_string()).unwrap_or_default();
        let mut pages = QueuePages::default();
        for kind in Kind::ALL {
            let asked = params.iter().find(|(name, _)| name == kind.page_param());
            pages.0[kind.index()] = asked.and_then(|(_, v)| v.parse::<i64>().ok()).unwrap_or(0).max(0);
        }
        pages
    }

    fn of_kind(self, kind: Kind) -> i64 {
        self.0[kind.index()]
    }

    /// This page's address with the other queues' pages kept, for `kind`'s pager to add its own.
    fn base_for(self, kind: Kind) -> String {
        let others: Vec<String> = Kind::ALL
            .into_iter()
            .filter(|k| *k != kind && self.of_kind(*k) > 0)
            .map(|k| format!("{}={}", k.page_param(), self.of_kind(k)))
            .collect();
        if others.is_empty() { BASE.to_owned() } else { format!("{BASE}?{}", others.join("&")) }
    }
}

/// How many SBIs, device details and FTM chips wait for approval (the admin home's counter).
pub async fn waiting(req: &HttpRequest, me: &Principal) -> api::Answer<i64> {
    let sbis = search_page(req, me, SBIS, with_status(PENDING_APPROVAL), Order::newest(0)).await?;
    let details = search_page(req, me, DETAILS, with_status(PENDING_APPROVAL), Order::newest(0)).await?;
    let chips = search_page(req, me, CHIPS, with_status(PENDING_APPROVAL), Order::newest(0)).await?;
    Ok(sbis.total_record + details.total_record + chips.total_record)
}

fn decision_link(p: &Pending, decision: &str, text: &str, class: &str) -> Markup {
    let href = format!("{BASE}/{}/{}?decision={decision}", p.kind.slug(), view::q(&p.id));
    html! { a class=(format!("button small {class}")) href=(href) { (text) } }
}

fn queue(title: &str, id: &str, kind: Kind, pages: QueuePages, rows: &api::Answer<(Vec<Pending>, i64)>) -> Markup {
    html! {
        section.card id=(id) {
            h2 { (title) }
            @match rows {
                Ok((rows, total)) => {
                    @if rows.is_empty() {
                        p.muted { (t!("approvals-nothing-waits-for-approval")) }
                    } @else {
                        table {
                            thead { tr {
                                th scope="col" { (t!("partners-partner")) } th scope="col" { (t!("approvals-what")) } th scope="col" { (t!("approvals-details")) }
                                th scope="col" { (t!("home-status")) } th scope="col" { span.sr-only { (t!("requests-decision")) } }
                            } }
                            tbody { @for p in rows { tr data-id=(p.id) {
                                td { (p.partner) }
                                td { (p.what) br; small.muted { code { (p.id) } } }
                                td { (p.details) }
                                td { (badge(&p.status)) }
                                td.actions { (decision_link(p, "approve", &t!("requests-approve"), "")) " " (decision_link(p, "reject", &t!("requests-reject-2"), "danger")) }
                            } } }
                        }
                    }
                    @if *total > PAGE_SIZE || pages.of_kind(kind) > 0 {
                        (view::pager_of(&pages.base_for(kind), kind.page_param(), pages.of_kind(kind), PAGE_SIZE, *total))
                    }
                }
                Err(e) => (view::errors(e)),
            }
        }
    }
}

pub async fn approvals(req: HttpRequest) -> HttpResponse {
    let (ctx, me) = or_answer!(approver(&req));
    let pages = QueuePages::of(&req);
    let waiting = |kind| pending(&req, &me, kind, with_status(PENDING_APPROVAL), pages.of_kind(kind));
    let sbis = waiting(Kind::Sbi).await;
    let devices = waiting(Kind::Device).await;
    let chips = waiting(Kind::Chip).await;
    let body = html! {
        p.muted { (t!("approvals-secure-biometric-interfaces-device-details")) }
        (queue(&t!("approvals-secure-biometric-interfaces"), "pending-sbis", Kind::Sbi, pages, &sbis))
        (queue(&t!("approvals-device-details"), "pending-devices", Kind::Device, pages, &devices))
        (queue(&t!("nav-ftm-chips"), "pending-chips", Kind::Chip, pages, &chips))
    };
    let failed = sbis.as_ref().err().or(devices.as_ref().err()).or(chips.as_ref().err());
    view::page_partial(ctx, &t!("nav-device-approvals"), failed, body)
}

#[derive(Debug, Default, Deserialize)]
pub struct DecisionQuery {
    decision: Option<String>,
}

fn no_such_page() -> Refusal {
    Refusal::one(StatusCode::NOT_FOUND, web_support::error::NOT_FOUND, "No such page")
}

/// Whether `decision` approves (`approve`) or rejects (`reject`).
fn approves(decision: &str) -> Option<bool> {
    match decision {
        "approve" => Some(true),
        "reject" => Some(false),
        _ => None,
    }
}

/// The confirmation of one decision: what it is about, and the button that posts it.
pub async fn confirm(
    req: HttpRequest,
    path: web::Path<(String, String)>,
    query: web::Query<DecisionQuery>,
) -> HttpResponse {
    let (ctx, me) = or_answer!(approver(&req));
    let (kind, id) = path.into_inner();
    let decision = query.decision.clone().unwrap_or_default();
    let (Some(kind), Some(approve)) = (Kind::parse(&kind), approves(&decision)) else {
        return view::error_page(ctx, &no_such_page());
    };
    let key = if kind == Kind::Chip { "ftpChipDetailId" } else { "id" };
    let found = pending(&req, &me, kind, vec![filter(key, "equals", &id)], 0).await;
    let item = match found {
        Ok((mut rows, _)) if !rows.is_empty() => rows.remove(0),
        Ok(_) => return view::error_page(ctx, &no_such_page()),
        Err(r) => return view::error_page(ctx, &r),
    };
    let decided = if approve { "approve" } else { "reject" };
    let action = format!("{BASE}/{}/{}", kind.slug(), view::q(&item.id));
    let body = html! {
        section.card #confirm {
            h2 { (t!("approvals-question", decision = decided, kind = kind.selector())) }
            dl.facts {
                dt { (t!("partners-partner")) } dd { (item.partner) }
                dt { (t!("approvals-what")) } dd { (item.what) }
                dt { (t!("approvals-details")) } dd { (item.details) }
                dt { (t!("home-status")) } dd { (badge(&item.status)) }
                dt { (t!("approvals-id")) } dd { code { (item.id) } }
            }
            p.actions {
                (view::button_form(&ctx, &action, &[("decision", &decision)], &t!("approvals-yes", decision = decided), if approve { "" } else { "danger" }))
                a.button.secondary href=(BASE) { (t!("approvals-cancel")) }
            }
        }
    };
    view::page(ctx, &t!("approvals-title", decision = decided, kind = kind.selector()), body)
}

/// Posts the decision with the operation the API's `PATCH` calls, then back to the queues.
pub async fn decide(req: HttpRequest, path: web::Path<(String, String)>, body: web::Bytes) -> HttpResponse {
    let (ctx, me, form) = or_answer!(posted(&req, approver(&req), &body));
    let (kind, id) = path.into_inner();
    let (Some(kind), Some(approve)) = (Kind::parse(&kind), approves(form.get("decision"))) else {
        return view::error_page(ctx, &no_such_page());
    };
    let word = if approve { "Activate" } else { "De-activate" }.to_owned();
    let result = api::call(&req, move |store| match kind {
        Kind::Sbi => sbis::decide(store, &me, StatusRequest { id: Some(id), approval_status: Some(word) }),
        Kind::Device => details::decide(store, &me, StatusRequest { id: Some(id), approval_status: Some(word) }),
        Kind::Chip => ftm::decide(
            store,
            &me,
            FtmChipStatusRequest { ftp_chip_detail_id: Some(id), approval_status: Some(approve) },
        ),
    })
    .await;
    let decided = if approve { "approve" } else { "reject" };
    ctx.redirect_with(BASE, Flash::of(result.map(|_| t!("approvals-decided", decision = decided))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_known_kinds_and_decisions_are_read() {
        for kind in [Kind::Sbi, Kind::Device, Kind::Chip] {
            assert_eq!(Kind::parse(kind.slug()), Some(kind));
        }
        assert_eq!(Kind::parse("partner"), None);
        assert_eq!(approves("approve"), Some(true));
        assert_eq!(approves("reject"), Some(false));
        assert_eq!(approves("Activate"), None);
    }

    #[test]
    fn a_partner_is_named_by_organisation_and_id() {
        assert_eq!(partner_of(Some("dp1"), Some("Org")), "Org (dp1)");
        assert_eq!(partner_of(None, None), "");
    }
}
