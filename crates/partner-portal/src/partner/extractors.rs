//! `/portal/extractors`: the biometric extractors of a credential or online-verification
//! partner, per requested policy.

use actix_web::{HttpRequest, HttpResponse, web};
use maud::html;
use partner_app::extractors::{self, ExtractorDto, ExtractorsDto, Provider};
use partner_app::roles;
use partner_domain::PartnerError;
use serde::Deserialize;
use web_support::{Db, Principal};

use crate::api::{self, Refusal};
use crate::ctx::{Ctx, Flash};
use crate::forms::Form;
use crate::i18n::t;
use crate::lookups::{Order, REQUEST_SEARCH, search_page};
use crate::session::{or_answer, posted, signed_in};
use crate::view::{self, Field};

#[derive(Debug, Default, Deserialize)]
pub struct ExtractorQuery {
    policy: Option<String>,
}

pub async fn extractors(req: HttpRequest, query: web::Query<ExtractorQuery>) -> HttpResponse {
    let (ctx, me) = or_answer!(signed_in(&req));
    render_extractors(&req, ctx, &me, query.policy.clone(), &Form::default(), None).await
}

/// P16 for the portal: the caller's extractors for `policy` (none yet is an empty list).
async fn extractors_of(req: &HttpRequest, me: &Principal, policy: &str) -> api::Answer<Vec<ExtractorDto>> {
    me.require_any(roles::CREDENTIAL)?;
    let db = api::data::<Db>(req)?;
    let (me, policy) = (me.clone(), policy.to_owned());
    match db.call(move |store| extractors::get(store, &me, &me.user_id, &policy)).await {
        Ok(found) => Ok(found.extractors.unwrap_or_default()),
        Err(e) if e.code() == PartnerError::NoDetails.code() => Ok(Vec::new()),
        Err(e) => Err(e.into()),
    }
}

async fn render_extractors(
    req: &HttpRequest,
    ctx: Ctx,
    me: &Principal,
    policy: Option<String>,
    form: &Form,
    refusal: Option<&Refusal>,
) -> HttpResponse {
    // the policies the partner asked for: a failed read is the page's error, not "none yet"
    let choices = search_page(req, me, REQUEST_SEARCH, Vec::new(), Order::newest(0)).await.map(|p| {
        let mut policies: Vec<(String, String)> = Vec::new();
        for r in p.items() {
            if !policies.iter().any(|(id, _)| id == &r.policy_id) {
                policies.push((r.policy_id.clone(), r.policy_name.clone().unwrap_or_else(|| r.policy_id.clone())));
            }
        }
        policies
    });
    let policy = policy.or_else(|| choices.as_ref().ok().and_then(|c| c.first()).map(|c| c.0.clone()));
    let current = match &policy {
        Some(p) => extractors_of(req, me, p).await,
        None => Ok(Vec::new()),
    };
    let body = html! {
        @match &choices {
            Err(r) => (view::errors(r)),
            Ok(c) if c.is_empty() => p.muted { (t!("extractors-extractors-belong-to-a-policy")) " " a href="/portal/policies" { (t!("extractors-request-a-policy")) } " " (t!("extractors-first")) },
            Ok(c) => {
                form.inline-form method="get" action="/portal/extractors" {
                    (view::select("policy", &t!("requests-policy"), c, policy.as_deref().unwrap_or(""), None))
                    button.secondary type="submit" { (t!("requests-show")) }
                }
                section.card #extractors {
                    h2 { (t!("nav-extractors")) }
                    @match &current {
                        Err(r) => (view::errors(r)),
                        Ok(rows) if rows.is_empty() => p.muted { (t!("extractors-none-for-this-policy-yet")) },
                        Ok(rows) => table {
                            thead { tr { th scope="col" { (t!("extractors-attribute")) } th scope="col" { (t!("extractors-biometric")) } th scope="col" { (t!("extractors-provider")) } th scope="col" { (t!("sbis-version")) } } }
                            tbody {
                                @for e in rows {
                                    @let ex = e.extractor.clone().unwrap_or_default();
                                    tr {
                                        td { (e.attribute_name.as_deref().unwrap_or("")) } td { (e.biometric.as_deref().unwrap_or("")) }
                                        td { (ex.provider.as_deref().unwrap_or("")) } td { (ex.version.as_deref().unwrap_or("")) }
                                    }
                                }
                            }
                        },
                    }
                    h3 { (t!("extractors-add-or-replace-an-extractor")) }
                    p.muted { (t!("extractors-extractors-can-change-until-the")) }
                    @if let Some(r) = refusal { (view::errors(r)) }
                    form method="post" action="/portal/extractors" {
                        (view::csrf(&ctx))
                        input type="hidden" name="policy" value=(policy.as_deref().unwrap_or(""));
                        (Field::new("attributeName", &t!("extractors-attribute-name"), form.get("attributeName")).required().render(refusal))
                        (Field::new("biometric", &t!("extractors-biometric-e-g-face-iris"), form.get("biometric")).required().render(refusal))
                        (Field::new("provider", &t!("extractors-extractor-provider"), form.get("provider")).required().render(refusal))
                        (Field::new("version", &t!("extractors-provider-version"), form.get("version")).render(refusal))
                        button type="submit" { (t!("extractors-save-extractor")) }
                    }
                }
            },
        }
    };
    let failed = choices.as_ref().err().or(current.as_ref().err());
    view::form_page(ctx, &t!("extractors-biometric-extractors"), refusal, failed, body)
}

pub async fn save_extractors(req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let (ctx, me, form) = or_answer!(posted(&req, signed_in(&req), &body));
    let policy = form.get("policy").to_owned();
    let result: api::Answer<_> = async {
        me.require_any(roles::CREDENTIAL)?;
        let extractor = ExtractorDto {
            attribute_name: Some(form.get("attributeName").trim().to_owned()),
            biometric: Some(form.get("biometric").trim().to_owned()),
            extractor: Some(Provider {
                provider: Some(form.get("provider").trim().to_owned()),
                version: form.opt("version"),
            }),
        };
        let request = ExtractorsDto { extractors: Some(vec![extractor]) };
        let (me, policy) = (me.clone(), policy.clone());
        api::call(&req, move |store| extractors::add(store, &me, &me.user_id, &policy, request)).await
    }
    .await;
    match result {
        Ok(_) => ctx.redirect_with(
            &format!("/portal/extractors?policy={}", view::q(&policy)),
            Flash::Success(t!("extractors-the-extractor-is-saved")),
        ),
        Err(r) => render_extractors(&req, ctx, &me, Some(policy), &form, Some(&r)).await,
    }
}
