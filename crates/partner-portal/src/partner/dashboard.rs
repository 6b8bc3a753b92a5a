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
use crate::lookups::{details_of, key_page, request_page};
use crate::view::{self, badge};

/// `/portal/`: the dashboard, or the welcome page when nobody is signed in.
pub async fn home(req: HttpRequest) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let Some(me) = ctx.user.clone() else {
        let body = html! {
            section.card {
                p { "Partners of this MOSIP deployment register here, upload their certificates, ask for policies and manage their API keys. Administrators approve partners and policy requests; policy managers publish policies." }
                p.actions { a.button href="/portal/login" { "Log in" } " " a.button.secondary href="/portal/signup" { "Sign up as a partner" } }
            }
        };
        return view::page(ctx, "Welcome", body);
    };
    if me.has_any(view::ADMIN_ROLES) || me.has_any(view::POLICY_ROLES) {
        return admin_home(ctx, &me);
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
                p { strong { "Your partner account has been deactivated by an administrator." } }
                p { "Your API keys and licence keys no longer work, and you cannot request policies. Contact your administrator to have the account activated again." }
            }
        }
        section.card #partner-status {
            h2 { (details.organization_name) }
            dl.facts {
                (partner_facts(&details))
            }
        }
        @if !deactivated { section.card #next-steps {
            h2 { "What to do next" }
            ol.steps {
                (step(details.is_active, "Upload your certificate", "/portal/certificates",
                    "Your partner certificate, signed by a CA the administrators have uploaded, activates your account."))
                @match &progress {
                    Some(Ok(p)) => {
                        (step(p.requested, "Request a policy", "/portal/policies", "Ask to use a policy of your policy group."))
                        (step(p.approved, "Wait for approval", "/portal/policies", "An administrator reviews your request."))
                        (step(p.has_key, "Generate an API key", "/portal/keys", "Create a key for an approved policy."))
                    },
                    Some(Err(r)) => li { (view::errors(r)) },
                    None => {},
                }
                @if me.has_role("MISP_PARTNER") {
                    (step(false, "Get your licence key", "/portal/licence", "Generate and download your MISP licence key."))
                }
                @if me.has_role(device_app::roles::DEVICE_PROVIDER) {
                    (step(false, "Register your SBIs and devices", "/portal/sbis", "Add your secure biometric interfaces and device makes and models, have them approved, then add the devices to the SBIs."))
                }
                @if me.has_role(device_app::roles::FTM_PROVIDER) {
                    (step(false, "Register your FTM chips", "/portal/ftm-chips", "Add each chip and upload its certificate for approval."))
                }
            }
        } }
    };
    let failed = match &progress {
        Some(Err(r)) => Some(r),
        _ => None,
    };
    view::page_partial(ctx, "Dashboard", failed, body)
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
        dt { "Partner id" } dd { (details.partner_id) }
        dt { "Status" } dd #status { (badge(details.status)) }
        dt { "Partner type" } dd { (details.partner_type) }
        dt { "Policy group" } dd { (details.policy_group.as_deref().unwrap_or("—")) }
        dt { "E-mail" } dd { (details.email_id.as_deref().unwrap_or("—")) }
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
    let requests = request_page(req, me, Vec::new(), 0).await?;
    let keys = key_page(req, me, Vec::new(), 0).await?;
    Ok(Progress {
        requested: !requests.items().is_empty(),
        approved: requests.items().iter().any(|r| r.status_code.eq_ignore_ascii_case("approved")),
        has_key: !keys.items().is_empty(),
    })
}

fn step(done: bool, title: &str, href: &str, text: &str) -> Markup {
    html! {
        li.done[done] {
            @if done { span.tick aria-label="done" { "✓ " } } @else { span.tick aria-label="to do" { "○ " } }
            a href=(href) { (title) } " — " (text)
        }
    }
}

fn admin_home(ctx: Ctx, me: &Principal) -> HttpResponse {
    let body = html! {
        div.grid {
            @if me.has_any(view::ADMIN_ROLES) {
                a.card.tile href="/portal/admin/partners" { h2 { "Partners" } p { "Search, inspect, activate and deactivate partners." } }
                a.card.tile href="/portal/admin/requests" { h2 { "Policy requests" } p { "Approve or reject what partners asked for." } }
                a.card.tile href="/portal/admin/keys" { h2 { "API keys" } p { "Activate or deactivate partners' keys." } }
                a.card.tile href="/portal/admin/certificates" { h2 { "CA certificates" } p { "Upload the CAs partner certificates chain to." } }
                a.card.tile href="/portal/admin/misps" { h2 { "MISPs" } p { "Approve MISPs and manage their licence keys." } }
            }
            @if me.has_any(device_app::roles::APPROVERS) {
                a.card.tile href="/portal/admin/devices" { h2 { "Device approvals" } p { "Approve or reject SBIs, device details and FTM chips." } }
            }
            @if me.has_any(view::POLICY_ROLES) {
                a.card.tile href="/portal/admin/policy-groups" { h2 { "Policy groups" } p { "Create and edit policy groups." } }
                a.card.tile href="/portal/admin/policies" { h2 { "Policies" } p { "Draft, publish, activate and deactivate policies." } }
            }
            @if me.is_admin {
                a.card.tile href="/portal/admin/audit" { h2 { "Audit" } p { "Every action, newest first." } }
            }
        }
    };
    view::page(ctx, "Administration", body)
}
