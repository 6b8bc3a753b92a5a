//! The menu and the trail: one table of the menu's pages, who sees each, and the trail a page
//! below one of them starts with.

use maud::{Markup, html};
use partner_app::roles;
use web_support::Principal;

use super::{ADMIN_ROLES, POLICY_ROLES, csrf};
use crate::ctx::Ctx;
use crate::i18n::t;

/// A menu entry's label, in the user's language.
type Label = fn() -> String;
/// Who sees a menu entry.
type Sees = fn(&Principal) -> bool;

/// A partner's own pages are for users who are neither partner admins nor policy managers.
fn partner(u: &Principal) -> bool {
    !u.has_any(ADMIN_ROLES) && !u.has_any(POLICY_ROLES)
}

/// The menu in its order: the page, its label, who sees it. A page below an entry's path
/// (`/portal/admin/partners/p1`) has the entry in its trail.
const MENU: &[(&str, Label, Sees)] = &[
    ("/portal/profile", || t!("nav-profile"), partner),
    ("/portal/certificates", || t!("nav-certificates"), partner),
    ("/portal/policies", || t!("nav-policies"), |u| partner(u) && u.has_any(roles::POLICY_MAPPING_REQUEST)),
    ("/portal/keys", || t!("nav-api-keys"), |u| partner(u) && u.has_any(roles::POLICY_MAPPING_REQUEST)),
    ("/portal/oidc-clients", || t!("nav-oidc-clients"), |u| partner(u) && u.has_role("AUTH_PARTNER")),
    (
        "/portal/extractors",
        || t!("nav-extractors"),
        |u| partner(u) && u.has_any(&["CREDENTIAL_PARTNER", "ONLINE_VERIFICATION_PARTNER"]),
    ),
    ("/portal/licence", || t!("nav-licence"), |u| partner(u) && u.has_role("MISP_PARTNER")),
    ("/portal/sbis", || t!("nav-sbis"), |u| partner(u) && u.has_role(device_app::roles::DEVICE_PROVIDER)),
    ("/portal/devices", || t!("nav-devices"), |u| partner(u) && u.has_role(device_app::roles::DEVICE_PROVIDER)),
    ("/portal/ftm-chips", || t!("nav-ftm-chips"), |u| partner(u) && u.has_role(device_app::roles::FTM_PROVIDER)),
    ("/portal/admin/partners", || t!("nav-partners"), |u| u.has_any(ADMIN_ROLES)),
    ("/portal/admin/requests", || t!("nav-policy-requests"), |u| u.has_any(ADMIN_ROLES)),
    ("/portal/admin/keys", || t!("nav-api-keys"), |u| u.has_any(ADMIN_ROLES)),
    ("/portal/oidc-clients", || t!("nav-oidc-clients"), |u| u.has_any(ADMIN_ROLES)),
    ("/portal/admin/certificates", || t!("nav-ca-certificates"), |u| u.has_any(ADMIN_ROLES)),
    ("/portal/admin/misps", || t!("nav-misps"), |u| u.has_any(ADMIN_ROLES)),
    ("/portal/admin/devices", || t!("nav-device-approvals"), |u| u.has_any(device_app::roles::APPROVERS)),
    ("/portal/admin/policy-groups", || t!("nav-policy-groups"), |u| u.has_any(POLICY_ROLES)),
    ("/portal/admin/policies", || t!("nav-policies"), |u| u.has_any(POLICY_ROLES)),
    ("/portal/admin/audit", || t!("nav-audit"), |u| u.is_admin),
    // the bell, shown apart from the menu's links
    ("/portal/notifications", || t!("nav-notifications"), |_| false),
];

pub(super) fn nav(ctx: &Ctx) -> Markup {
    html! {
        nav aria-label=(t!("nav-main")) {
            ul {
                @if let Some(user) = &ctx.user {
                    li { (link(ctx, "/portal/", &t!("nav-home"))) }
                    @for (path, label, sees) in MENU {
                        @if sees(user) { li { (link(ctx, path, &label())) } }
                    }
                    li.bell { (bell(ctx)) }
                    li.user {
                        form method="post" action="/portal/logout" {
                            (csrf(ctx))
                            span.who { (user.user_id) }
                            button.link type="submit" { (t!("nav-log-out")) }
                        }
                    }
                } @else {
                    li { (link(ctx, "/portal/login", &t!("nav-log-in"))) }
                    li { (link(ctx, "/portal/signup", &t!("nav-sign-up"))) }
                }
            }
        }
    }
}

/// The notification bell: a link to the notifications with the count of unseen ones.
fn bell(ctx: &Ctx) -> Markup {
    let href = "/portal/notifications";
    let current = ctx.path == href;
    html! {
        a #bell href=(href) aria-current=[current.then_some("page")] {
            (t!("nav-notifications"))
            @if let Some(u) = ctx.unseen.filter(|u| u.count > 0) {
                @let count = format!("{}{}", u.count, if u.more { "+" } else { "" });
                " " span.count aria-label=(t!("nav-unseen", count = count.clone())) { (count) }
            }
        }
    }
}

/// Where the page is: Home, its menu section when the page lies below it, then the page itself;
/// nothing on the home page or before login.
pub(super) fn breadcrumbs(ctx: &Ctx, title: &str) -> Markup {
    let section =
        MENU.iter().find(|(root, _, _)| ctx.path.strip_prefix(root).is_some_and(|rest| rest.starts_with('/')));
    html! {
        @if ctx.user.is_some() && ctx.path != "/portal/" {
            nav.crumbs aria-label=(t!("nav-breadcrumbs")) {
                ol {
                    li { a href="/portal/" { (t!("nav-home")) } }
                    @if let Some((root, label, _)) = section { li { a href=(root) { (label()) } } }
                    li aria-current="page" { (title) }
                }
            }
        }
    }
}

fn link(ctx: &Ctx, href: &str, text: &str) -> Markup {
    let current = ctx.path == href || (href != "/portal/" && ctx.path.starts_with(href));
    html! {
        @if current { a href=(href) aria-current="page" { (text) } } @else { a href=(href) { (text) } }
    }
}
