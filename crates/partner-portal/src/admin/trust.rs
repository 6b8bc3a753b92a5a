//! The CA and intermediate certificates an admin uploaded (`GET /trust-chain-certificates`'s
//! operation), newest first, with their expiry, for `/portal/admin/certificates`.

use actix_web::HttpRequest;
use app_core::paged::PageQuery;
use maud::{Markup, html};
use partner_app::cert_reads::{self, TrustCertificatesQuery};
use partner_app::certificates::CertificateConfig;
use partner_app::roles;
use web_support::Principal;

use crate::api::{self, Refusal};
use crate::i18n::t;
use crate::view;

/// The most certificates listed.
const LISTED: &str = "100";

/// The list of uploaded CA and intermediate certificates (a failed read: its error).
pub async fn trust_list(req: &HttpRequest, me: &Principal) -> (Markup, Option<Refusal>) {
    let found: api::Answer<_> = async {
        me.require_any(roles::ADMIN_PARTNERS)?;
        let cfg = api::data::<CertificateConfig>(req)?;
        let paging = PageQuery {
            sort_field_name: Some("uploadedDateTime".into()),
            sort_type: Some("DESC".into()),
            page_no: Some("0".into()),
            page_size: Some(LISTED.into()),
        };
        // the portal lists them whatever the UI feature switch says
        let (page, filter, period) = cert_reads::trust_certificates_request(
            true,
            &paging,
            &TrustCertificatesQuery::default(),
            &cfg.allowed_domains,
        )
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
    let markup = html! {
        section.card #ca-certificates {
            h2 { (t!("trust-uploaded-ca-and-intermediate-certificates")) }
            @match &list {
                Ok((page, _)) if page.data.is_empty() => p.muted { (t!("trust-none-uploaded-yet")) },
                Ok((page, now)) => table.wrap {
                    thead { tr {
                        th scope="col" { (t!("partners-type")) } th scope="col" { (t!("trust-domain")) } th scope="col" { (t!("trust-issued-to")) }
                        th scope="col" { (t!("trust-issued-by")) } th scope="col" { (t!("trust-valid-until")) } th scope="col" { (t!("trust-uploaded")) }
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
        }
    };
    (markup, failed)
}

fn parse(local: &str) -> Option<chrono::NaiveDateTime> {
    chrono::NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M:%S%.f").ok()
}
