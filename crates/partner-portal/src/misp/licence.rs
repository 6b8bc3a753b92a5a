//! `/portal/licence`: a MISP partner's licence keys (MOSIP 1.2), its first key generated, the
//! current one downloaded as a file.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::html;
use misp_app::dto::{LicenseEntity12, ProviderRequest};
use misp_app::partner_license as licences;
use misp_app::roles::LICENSE_12;
use web_support::Principal;

use crate::api::{self, Refusal};
use crate::ctx::Flash;
use crate::i18n::t;
use crate::session::{or_answer, posted, signed_in};
use crate::view;

/// The caller's licence keys.
async fn keys_of(req: &HttpRequest, me: &Principal) -> api::Answer<Vec<LicenseEntity12>> {
    me.require_any(LICENSE_12)?;
    let me = me.clone();
    api::call_with(req, move |store, cfg| licences::list(store, &me, cfg)).await
}

/// The MISP partner's licence keys.
pub async fn licence(req: HttpRequest) -> HttpResponse {
    let (ctx, me) = or_answer!(signed_in(&req));
    let list = keys_of(&req, &me).await;
    let has_keys = list.as_ref().is_ok_and(|keys| !keys.is_empty());
    let body = html! {
        section.card #licences {
            @match &list {
                Ok(keys) if !keys.is_empty() => {
                    table {
                        thead { tr { th scope="col" { (t!("licence-licence-key")) } th scope="col" { (t!("certs-valid-from")) } th scope="col" { (t!("licence-valid-to")) } th scope="col" { (t!("home-status")) } } }
                        tbody {
                            @for (i, k) in keys.iter().enumerate() {
                                tr {
                                    @let id = format!("licence-key-{i}");
                                    td { code.key id=(id) { (k.license_key) } " " (view::copy_button(&id)) }
                                    td { (view::when_text(&k.valid_from_date)) }
                                    td { (view::when_text(&k.valid_to_date)) }
                                    td { (view::badge(if k.is_active { "Active" } else { "De-Active" })) }
                                }
                            }
                        }
                    }
                    p { a.button.secondary href="/portal/licence/download" download { (t!("licence-download-the-current-key")) } }
                },
                Ok(_) => p.muted { (t!("licence-no-licence-key-yet")) },
                Err(r) => (view::errors(r)),
            }
        }
        @if list.is_ok() && !has_keys {
            section.card {
                h2 { (t!("licence-generate-a-licence-key")) }
                p { (t!("licence-your-first-licence-key-it")) }
                form method="post" action="/portal/licence" {
                    (view::csrf(&ctx))
                    input type="hidden" name="providerId" value=(me.user_id);
                    button type="submit" { (t!("licence-generate")) }
                }
            }
        }
    };
    view::page_partial(ctx, &t!("licence-licence-key"), list.as_ref().err(), body)
}

pub async fn generate_licence(req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let (ctx, me, _) = or_answer!(posted(&req, signed_in(&req), &body));
    let generated = async {
        me.require_any(LICENSE_12)?;
        let (caller, request) = (me.clone(), ProviderRequest { provider_id: Some(me.user_id.clone()) });
        api::call_with(&req, move |store, cfg| licences::generate(store, &caller, cfg, request)).await
    }
    .await;
    ctx.redirect_with("/portal/licence", Flash::of(generated.map(|_| t!("licence-your-licence-key-is-generated"))))
}

/// The newest active key as a text file.
pub async fn download_licence(req: HttpRequest) -> HttpResponse {
    let (ctx, me) = or_answer!(signed_in(&req));
    let keys = match keys_of(&req, &me).await {
        Ok(keys) => keys,
        Err(r) => return view::error_page(ctx, &r),
    };
    match keys.iter().rev().find(|k| k.is_active) {
        Some(k) => {
            let res = HttpResponse::Ok()
                .content_type("text/plain; charset=utf-8")
                .insert_header(("Content-Disposition", "attachment; filename=\"misp-licence-key.txt\""))
                .body(format!("{}\n", k.license_key));
            ctx.finish(res)
        }
        None => {
            let r = Refusal::one(StatusCode::NOT_FOUND, "PMS_MSP_413", "misp license all are inactive.");
            view::error_page(ctx, &r)
        }
    }
}
