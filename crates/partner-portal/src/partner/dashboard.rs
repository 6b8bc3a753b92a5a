//! `/portal/`: the welcome page, a partner's dashboard (status and next steps), or the
//! administrators' tiles.

use actix_web::{HttpRequest, HttpResponse};
use maud::{Markup, html};
use partner_app::cert_reads;
use partner_app::details::PartnerDetails;
use partner_app::roles;
use web_support::Principal;

use crate::api::{self, Answer};
use crate::ctx::Ctx;
use crate::i18n::t;
use crate::lookups::{KEY_SEARCH, Order, REQUEST_SEARCH, details_of, filter, search_page};
use crate::view::{self, badge};

/// `/portal/`: the dashboard, or the welcome page when nobody is signed in.
pub async fn home(req: HttpRequest) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let Some(me) = ctx.user.clone() else {
        let body = html! {
            section.card {
                p { (t!("home-partners-of-this-mosip-deployment")) }
                p.actions { a.button href="/portal/login" { (t!("nav-log-in")) } " " a.button.secondary href="/portal/signup" { (t!("home-sign-up-as-a-partner")) } }
            }
        };
        return view::page(ctx, &t!("home-welcome"), body);
    };
    if me.has_any(view::ADMIN_ROLES) || me.has_any(view::POLICY_ROLES) {
        return admin_home(&req, ctx, &me).await;
    }
    let details = match details_of(&req, &me, &me.user_id).await {
        Ok(d) => d,
        Err(r) => return view::error_page(ctx, &r),
    };
    // the policy steps, for partners whose type uses policies and who may ask for them
    let progress = if details.policy_group.is_some() && me.has_any(roles::POLICY_MAPPING_REQUEST) {
        Some(policy_progress(&req, &me).await)
    } else {
        None
    };
    let deactivated = !details.is_active && deactivated_by_admin(&req, &me).await;
    let body = html! {
        @if deactivated {
            div.alert.error role="alert" #deactivated {
                p { strong { (t!("home-your-partner-account-has-been")) } }
                p { (t!("home-your-api-keys-and-licence")) }
            }
        }
        section.card #partner-status {
            h2 { (details.organization_name) }
            dl.facts {
                (partner_facts(&details))
            }
        }
        @if !deactivated { section.card #next-steps {
            h2 { (t!("home-what-to-do-next")) }
            ol.steps {
                (step(details.is_active, &t!("home-upload-your-certificate"), "/portal/certificates",
                    &t!("home-your-partner-certificate-signed-by")))
                @match &progress {
                    Some(Ok(p)) => {
                        (step(p.requested, &t!("home-request-a-policy"), "/portal/policies", &t!("home-ask-to-use-a-policy")))
                        (step(p.approved, &t!("home-wait-for-approval"), "/portal/policies", &t!("home-an-administrator-reviews-your-request")))
                        (step(p.has_key, &t!("home-generate-an-api-key"), "/portal/keys", &t!("home-create-a-key-for-an")))
                    },
                    Some(Err(r)) => li { (view::errors(r)) },
                    None => {},
                }
                @if me.has_role("MISP_PARTNER") {
                    (step(false, &t!("home-get-your-licence-key"), "/portal/licence", &t!("home-generate-and-download-your-misp")))
                }
                @if me.has_role(device_app::roles::DEVICE_PROVIDER) {
                    (step(false, &t!("home-register-your-sbis-and-devices"), "/portal/sbis", &t!("home-add-your-secure-biometric-interfaces")))
                }
                @if me.has_role(device_app::roles::FTM_PROVIDER) {
                    (step(false, &t!("home-register-your-ftm-chips"), "/portal/ftm-chips", &t!("home-add-each-chip-and-upload")))
                }
            }
        } }
    };
    let failed = match &progress {
        Some(Err(r)) => Some(r),
        _ => None,
    };
    view::page_partial(ctx, &t!("home-dashboard"), failed, body)
}

/// Whether an admin deactivated the partner (approved, then switched off: MOSIP's
/// `isPartnerActive` false), rather than it never being activated.
async fn deactivated_by_admin(req: &HttpRequest, me: &Principal) -> bool {
    let caller = me.clone();
    let found = api::call(req, move |store| cert_reads::certificates_details(store, &caller, None)).await;
    found.is_ok_and(|list| list.iter().any(|p| p.partner_id == me.user_id && !p.is_partner_active))
}

/// The facts about a partner its dashboard and its admin page both list.
pub fn partner_facts(details: &PartnerDetails) -> Markup {
    html! {
        dt { (t!("home-partner-id")) } dd { (details.partner_id) }
        dt { (t!("home-status")) } dd #status { (badge(details.status)) }
        dt { (t!("home-partner-type")) } dd { (view::master_word("partner-type", &details.partner_type, &details.partner_type)) }
        dt { (t!("home-policy-group")) } dd { (details.policy_group.as_deref().unwrap_or("—")) }
        dt { (t!("home-e-mail")) } dd { (details.email_id.as_deref().unwrap_or("—")) }
    }
}

/// How far the partner got with its policies.
struct Progress {
    requested: bool,
    approved: bool,
    has_key: bool,
}

/// The partner's policy requests and keys, as steps done; a lookup that fails is an error shown
/// in place of the steps, never a step still to do.
async fn policy_progress(req: &HttpRequest, me: &Principal) -> Answer<Progress> {
    let requests = search_page(req, me, REQUEST_SEARCH, Vec::new(), Order::newest(0)).await?;
    let keys = search_page(req, me, KEY_SEARCH, Vec::new(), Order::newest(0)).await?;
    Ok(Progress {
        requested: !requests.items().is_empty(),
        approved: requests.items().iter().any(|r| r.status_code.eq_ignore_ascii_case("approved")),
        has_key: !keys.items().is_empty(),
    })
}

fn step(done: bool, title: &str, href: &str, text: &str) -> Markup {
    html! {
        li.done[done] {
            @if done { span.tick aria-label=(t!("home-done")) { "✓ " } } @else { span.tick aria-label=(t!("home-to-do")) { "○ " } }
            a href=(href) { (title) } " — " (text)
        }
    }
}

/// A tile's count of what waits for the user, or why it could not be counted.
fn waiting(id: &str, count: &api::Answer<i64>) -> Markup {
    html! {
        @match count {
            Ok(0) => {}
            Ok(n) => p.waiting id=(id) { strong { (t!("home-waiting", count = *n)) } },
            Err(r) => p.waiting.error id=(id) { (t!("home-waiting-unknown")) " " small { code { (r.code()) } } },
        }
    }
}

async fn admin_home(req: &HttpRequest, ctx: Ctx, me: &Principal) -> HttpResponse {
    let admin = me.has_any(view::ADMIN_ROLES);
    let approver = me.has_any(device_app::roles::APPROVERS);
    let requests = if admin {
        search_page(req, me, REQUEST_SEARCH, vec![filter("statusCode", "equals", "InProgress")], Order::newest(0))
            .await
            .map(|p| p.total_record)
    } else {
        Ok(0)
    };
    let misps = if admin { crate::misp::waiting(req, me).await.map(|n| n as i64) } else { Ok(0) };
    let devices = if approver { crate::device::waiting(req, me).await } else { Ok(0) };
    let body = html! {
        div.grid {
            @if admin {
                a.card.tile href="/portal/admin/partners" { h2 { (t!("nav-partners")) } p { (t!("home-search-inspect-activate-and-deactivate")) } }
                a.card.tile href="/portal/admin/requests" { h2 { (t!("nav-policy-requests")) } p { (t!("home-approve-or-reject-what-partners")) } (waiting("waiting-requests", &requests)) }
                a.card.tile href="/portal/admin/keys" { h2 { (t!("nav-api-keys")) } p { (t!("home-activate-or-deactivate-partners-keys")) } }
                a.card.tile href="/portal/admin/certificates" { h2 { (t!("nav-ca-certificates")) } p { (t!("home-upload-the-cas-partner-certificates")) } }
                a.card.tile href="/portal/admin/misps" { h2 { (t!("nav-misps")) } p { (t!("home-approve-misps-and-manage-their")) } (waiting("waiting-misps", &misps)) }
            }
            @if approver {
                a.card.tile href="/portal/admin/devices" { h2 { (t!("nav-device-approvals")) } p { (t!("home-approve-or-reject-sbis-device")) } (waiting("waiting-devices", &devices)) }
            }
            @if me.has_any(view::POLICY_ROLES) {
                a.card.tile href="/portal/admin/policy-groups" { h2 { (t!("nav-policy-groups")) } p { (t!("home-create-and-edit-policy-groups")) } }
                a.card.tile href="/portal/admin/policies" { h2 { (t!("nav-policies")) } p { (t!("home-draft-publish-activate-and-deactivate")) } }
            }
            @if me.is_admin {
                a.card.tile href="/portal/admin/audit" { h2 { (t!("nav-audit")) } p { (t!("home-every-action-newest-first")) } }
            }
        }
    };
    view::page(ctx, &t!("home-administration"), body)
}
