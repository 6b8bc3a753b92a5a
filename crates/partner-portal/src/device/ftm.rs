//! `/portal/ftm-chips`: an FTM provider's chips (make, model, status, certificate uploaded or
//! not), a new chip, its certificate uploaded (a PEM file or pasted) and the stored, re-signed
//! certificate downloaded (`device_app::ftm`, `device_app::ftm_certificate`).

use actix_web::{HttpRequest, HttpResponse, web};
use device_app::dto::{FtmCertificateRequest, FtmChipRequest};
use device_app::ftm::FtmChipItem;
use device_app::ftm_certificate as certificate;
use device_app::{ftm as ops, roles};
use device_domain::status::{APPROVED, PENDING_CERT_UPLOAD};
use maud::{Markup, html};
use partner_app::certificates::CertificateConfig;
use rand_core::OsRng;
use web_support::Principal;

use super::{CHIPS, Listing, status_text};
use crate::api;
use crate::ctx::{Ctx, Flash};
use crate::i18n::t;
use crate::session::{or_answer, posted, uploaded, with_roles};
use crate::view::{self, Field, ListForm, ListQuery, badge};

const BASE: &str = "/portal/ftm-chips";
fn listing() -> Listing {
    Listing {
        id: "chips",
        title: t!("nav-ftm-chips"),
        head: vec![
            ("make", t!("devices-make")),
            ("model", t!("devices-model")),
            ("status", t!("home-status")),
            ("", t!("partners-certificate")),
        ],
        columns: &[("make", "make"), ("model", "model"), ("status", "approvalStatus")],
        search: ("make", t!("devices-search-label")),
        none: t!("ftm-no-ftm-chips-yet"),
        base: BASE,
    }
}
/// The partner domain of FTM chip certificates.
const FTM_DOMAIN: &str = "FTM";

pub async fn chips(req: HttpRequest, query: web::Query<ListQuery>) -> HttpResponse {
    let (ctx, me) = or_answer!(with_roles(&req, roles::FTM_PROVIDERS));
    render(&req, ctx, &me, ListForm::visit(query.into_inner())).await
}

/// Whether the provider may upload the chip's certificate now (as `check_upload` decides).
fn takes_certificate(c: &FtmChipItem) -> bool {
    c.approval_status == PENDING_CERT_UPLOAD || (c.approval_status == APPROVED && c.active)
}

fn upload_form(ctx: &Ctx, c: &FtmChipItem) -> Markup {
    let id = &c.ftp_chip_detail_id;
    html! {
        details {
            summary { @if c.certificate_alias.is_some() { (t!("ftm-replace-the-certificate")) } @else { (t!("ftm-upload-the-certificate")) } }
            form.upload method="post" action=(format!("{BASE}/{}/certificate", view::q(id))) enctype="multipart/form-data" {
                (view::csrf(ctx))
                (Field::new("organizationName", &t!("ftm-organisation-the-certificate-s-o"), c.partner_organization_name.as_deref().unwrap_or("")).required().render(None))
                div.field {
                    label for=(format!("f-file-{id}")) { (t!("ftm-certificate-file-pem")) }
                    input id=(format!("f-file-{id}")) type="file" name="certificateFile" accept=".pem,.crt,.cer";
                }
                (view::textarea("certificateData", &t!("ftm-or-paste-it-pem"), "", 4, None))
                button.small type="submit" { (t!("certs-upload")) }
            }
        }
    }
}

async fn render(req: &HttpRequest, ctx: Ctx, me: &Principal, page: ListForm) -> HttpResponse {
    let (query, form, r) = (&page.query, &page.form, page.refusal.as_ref());
    let listing = listing();
    let list = listing.page(req, me, CHIPS, query).await;
    let body = html! {
        (listing.render(&list, query, |c: &FtmChipItem| html! { tr data-chip=(c.ftp_chip_detail_id) {
            td { (c.make) br; small.muted { code { (c.ftp_chip_detail_id) } } }
            td { (c.model) }
            td.status { (badge(&status_text(&c.approval_status, c.active))) }
            td.certificate {
                @if c.certificate_alias.is_some() {
                    (t!("ftm-uploaded")) " " a href=(format!("{BASE}/{}/certificate", view::q(&c.ftp_chip_detail_id))) download { (t!("ftm-download")) }
                } @else {
                    span.muted { (t!("ftm-not-uploaded")) }
                }
                @if !me.is_admin && takes_certificate(c) { (upload_form(&ctx, c)) }
            }
        } }))
        @if !me.is_admin {
            section.card {
                h2 { (t!("ftm-new-ftm-chip")) }
                p.muted { (t!("ftm-upload-its-certificate-next-a")) }
                @if let Some(r) = r { (view::errors(r)) }
                form method="post" action=(BASE) {
                    (view::csrf(&ctx))
                    (Field::new("make", &t!("devices-make"), form.get("make")).required().render(r))
                    (Field::new("model", &t!("devices-model"), form.get("model")).required().render(r))
                    button type="submit" { (t!("ftm-add-the-chip")) }
                }
            }
        }
    };
    view::form_page(ctx, &t!("nav-ftm-chips"), r, list.as_ref().err(), body)
}

pub async fn create(req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let (ctx, me, form) = or_answer!(posted(&req, with_roles(&req, roles::FTM_PROVIDERS), &body));
    let request =
        FtmChipRequest { ftp_provider_id: Some(me.user_id.clone()), make: form.opt("make"), model: form.opt("model") };
    let actor = me.clone();
    match api::call(&req, move |store| ops::create(store, &actor, request)).await {
        Ok(_) => ctx.redirect_with(BASE, Flash::Success(t!("ftm-the-chip-is-added-upload"))),
        Err(r) => render(&req, ctx, &me, ListForm::refused(form, r)).await,
    }
}

/// `POST /ftpchipdetail/uploadcertificate`: the file when one is chosen, the pasted text otherwise.
pub async fn upload_certificate(req: HttpRequest, path: web::Path<String>, payload: web::Payload) -> HttpResponse {
    let (ctx, me, form) = or_answer!(uploaded(with_roles(&req, roles::FTM_PROVIDERS), &req, payload).await);
    let chip = path.into_inner();
    let pem = [form.get("certificateFile"), form.get("certificateData")]
        .into_iter()
        .map(str::trim)
        .find(|t| !t.is_empty())
        .map(str::to_owned);
    let request = FtmCertificateRequest {
        ftp_provider_id: Some(me.user_id.clone()),
        ftp_chip_detail_id: Some(chip),
        certificate_data: pem,
        organization_name: form.opt("organizationName"),
        partner_domain: Some(FTM_DOMAIN.to_owned()),
    };
    let result = api::call_with(&req, move |store, cfg: &CertificateConfig| {
        certificate::upload(store, &me, cfg, request, &mut OsRng)
    })
    .await;
    ctx.redirect_with(BASE, Flash::of(result.map(|_| t!("ftm-the-chip-s-certificate-is"))))
}

/// `GET /ftpchipdetail/getPartnerCertificate/{id}` as a PEM file.
pub async fn download_certificate(req: HttpRequest, path: web::Path<String>) -> HttpResponse {
    let (ctx, me) = or_answer!(with_roles(&req, roles::FTM_PROVIDERS));
    let chip = path.into_inner();
    let file = format!("ftm-chip-{}.pem", chip.chars().filter(char::is_ascii_alphanumeric).collect::<String>());
    match api::call(&req, move |store| certificate::certificate(store, &me, &chip)).await {
        Ok(found) => {
            let res = HttpResponse::Ok()
                .content_type("application/x-pem-file")
                .insert_header(("Content-Disposition", format!("attachment; filename=\"{file}\"")))
                .body(found.certificate_data);
            ctx.finish(res)
        }
        Err(r) => view::error_page(ctx, &r),
    }
}
