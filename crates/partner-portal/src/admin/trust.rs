//! The CA and intermediate certificates an admin uploaded (`GET /trust-chain-certificates`'s
//! operation), newest first or ordered by a column, narrowed by subject, paged, with their
//! expiry, for `/portal/admin/certificates`.

use actix_web::HttpRequest;
use app_core::paged::PageQuery;
use maud::{Markup, html};
use partner_app::cert_reads::{self, TrustCertificatesQuery};
use partner_app::certificates::CertificateConfig;
use partner_app::roles;
use web_support::Principal;

use crate::api::{self, Refusal};
use crate::i18n::t;
use crate::lookups::{Order, PAGE_SIZE};
use crate::view::{self, Columns, Headers, ListQuery};

const BASE: &str = "/portal/admin/certificates";

/// The columns the list orders by, with the trust list's `sortFieldName` for each.
const COLUMNS: Columns = &[
    ("type", "caCertificateType"),
    ("domain", "partnerDomain"),
    ("to", "issuedTo"),
    ("by", "issuedBy"),
    ("until", "validTill"),
    ("uploaded", "uploadedDateTime"),
];

/// The list of uploaded CA and intermediate certificates as `query` asks (a failed read: its
/// error).
pub async fn trust_list(req: &HttpRequest, me: &Principal, query: &ListQuery) -> (Markup, Option<Refusal>) {
    let found: api::Answer<_> = async {
        me.require_any(roles::ADMIN_PARTNERS)?;
        let cfg = api::data::<CertificateConfig>(req)?;
        let order = Order::or_newest_by(query, COLUMNS, "uploadedDateTime");
        let paging = PageQuery {
            sort_field_name: Some(order.field.into()),
            sort_type: Some(if order.descending { "DESC" } else { "ASC" }.into()),
            page_no: Some(order.page.to_string()),
            page_size: Some(PAGE_SIZE.to_string()),
        };
        let text = query.text();
        let wanted = TrustCertificatesQuery {
            issued_to: (!text.is_empty()).then(|| text.to_owned()),
            ..TrustCertificatesQuery::default()
        };
        // the portal lists them whatever the UI feature switch says
        let (page, filter, period) =
            cert_reads::trust_certificates_request(true, &paging, &wanted, &cfg.allowed_domains)
                .map_err(|e| Refusal::from(web_support::ApiError::from(e)))?;
        let me = me.clone();
        api::call(req, move |store| {
            let now = store.now();
            Ok((cert_reads::trust_certificates(store, &me, &page, filter, period)?, now))
        })
        .await
    }
    .await;
    let (list, failed) = match found {
        Ok(v) => (Ok(v), None),
        Err(r) => (Err(r.clone()), Some(r)),
    };
    let headers = Headers::sorted(BASE, query);
    let markup = html! {
        section.card #ca-certificates {
            h2 { (t!("trust-uploaded-ca-and-intermediate-certificates")) }
            @if list.as_ref().is_ok_and(|(page, _)| page.total_results > 0) || headers.searching() {
                (view::labelled_filter_form(BASE, query, &t!("trust-search-label")))
            }
            @match &list {
                Ok((page, _)) if page.data.is_empty() && headers.searching() => p.muted { (t!("table-nothing-matches")) },
                Ok((page, _)) if page.data.is_empty() => p.muted { (t!("trust-none-uploaded-yet")) },
                Ok((page, now)) => table.wrap {
                    thead { tr {
                        (headers.th("type", &t!("partners-type"))) (headers.th("domain", &t!("trust-domain"))) (headers.th("to", &t!("trust-issued-to")))
                        (headers.th("by", &t!("trust-issued-by"))) (headers.th("until", &t!("trust-valid-until"))) (headers.th("uploaded", &t!("trust-uploaded")))
                    } }
                    tbody {
                        @for c in &page.data {
                            tr data-cert=(c.cert_id) {
                                td { (if c.ca_certificate_type == "ROOT" { t!("trust-root") } else { t!("trust-intermediate") }) }
                                td { (c.partner_domain) }
                                td { (c.issued_to) }
                                td { (c.issued_by) }
                                td.expires { @match parse(&c.valid_till_date) { Some(t) => (view::expiry(t, *now)), None => (c.valid_till_date) } }
                                td { (view::when_text(&c.upload_time)) }
                            }
                        }
                    }
                },
                Err(r) => (view::errors(r)),
            }
            @if let Ok((page, _)) = &list {
                @if !page.data.is_empty() { (view::pager(&query.link(BASE), query.page(), PAGE_SIZE, page.total_results)) }
            }
        }
    };
    (markup, failed)
}

fn parse(local: &str) -> Option<chrono::NaiveDateTime> {
    chrono::NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M:%S%.f").ok()
}
