//! A partner's pages: dashboard, profile and contacts, certificates, policy requests, API keys,
//! biometric extractors.

use actix_web::{HttpRequest, HttpResponse, web};
use app_core::page::PageResponse;
use app_core::search::{Int, PaginationDto, SearchDto, SearchFilterDto, SortDto, Text};
use maud::{Markup, html};
use partner_app::api_keys::{self, GenerateBody, KeyStatusBody};
use partner_app::details::{self, ContactBody, PartnerDetails, UpdateBody};
use partner_app::dto::ApiVersion;
use partner_app::dto::mosip_time;
use partner_app::extractors::{self, ExtractorDto, ExtractorsDto, Provider};
use partner_app::requests::{self, MappingBody};
use partner_app::search::{self, KeyItem, RequestItem};
use partner_domain::PartnerError;
use serde::Deserialize;
use web_support::{Db, Principal};

use super::api::{self, Page, Refusal};
use super::ctx::{Ctx, Flash};
use super::forms::{self, Form};
use super::view::{self, Field, badge};
use crate::roles;

/// The signed-in user, or a redirect to the login page (which sends the user back here).
pub fn signed_in(req: &HttpRequest) -> Result<(Ctx, Principal), Box<HttpResponse>> {
    let ctx = Ctx::new(req);
    match ctx.user.clone() {
        Some(user) => Ok((ctx, user)),
        None => {
            let to = format!("/portal/login?next={}", view::q(req.path()));
            Err(Box::new(ctx.finish(view::redirect(&to))))
        }
    }
}

/// A search filter: `column` `kind` (`equals`, `contains`, …) `value`.
pub fn filter(column: &str, kind: &str, value: &str) -> SearchFilterDto {
    SearchFilterDto {
        column_name: Some(column.to_owned()),
        kind: Some(kind.to_owned()),
        value: Some(Text(value.to_owned())),
        ..SearchFilterDto::default()
    }
}

/// A MOSIP search: `filters`, newest first by `sort`, one page.
pub fn search_of(filters: Vec<SearchFilterDto>, sort: &str, page: i64, size: i64) -> SearchDto {
    SearchDto {
        filters: Some(filters),
        sort: Some(vec![SortDto { sort_field: Some(sort.to_owned()), sort_type: Some("desc".to_owned()) }]),
        pagination: Some(PaginationDto { page_start: Some(Int(page)), page_fetch: Some(Int(size)) }),
    }
}

/// A page of search results as the pages show it.
pub fn page_of<T>(p: PageResponse<T>) -> Page<T> {
    Page { from_record: p.from_record, to_record: p.to_record, total_record: p.total_record, data: p.data }
}

/// P4 for the portal: a partner's details (the caller's own, or an admin's view).
pub async fn details_of(req: &HttpRequest, me: &Principal, partner_id: &str) -> api::Answer<PartnerDetails> {
    me.require_any(roles::PARTNER_READ)?;
    me.require_self_or_admin(partner_id)?;
    let db = api::data::<Db>(req)?;
    let (me, partner_id) = (me.clone(), partner_id.to_owned());
    Ok(db.call(move |store| details::get(store, &me, &partner_id)).await?)
}

/// P23 for the portal: a page of policy requests, newest first.
pub async fn request_page(
    req: &HttpRequest,
    me: &Principal,
    filters: Vec<SearchFilterDto>,
    page: i64,
) -> api::Answer<Page<RequestItem>> {
    me.require_any(roles::API_KEY_SEARCH)?;
    let db = api::data::<Db>(req)?;
    let (me, query) = (me.clone(), search_of(filters, "crDtimes", page, 20));
    Ok(page_of(db.call(move |store| search::requests(store, &me, query)).await?))
}

/// P24 for the portal: a page of API keys, newest first.
pub async fn key_page(
    req: &HttpRequest,
    me: &Principal,
    filters: Vec<SearchFilterDto>,
    page: i64,
) -> api::Answer<Page<KeyItem>> {
    me.require_any(roles::API_KEY_SEARCH)?;
    let db = api::data::<Db>(req)?;
    let (me, query) = (me.clone(), search_of(filters, "crDtimes", page, 20));
    Ok(page_of(db.call(move |store| search::keys(store, &me, query)).await?))
}

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
    let requests = request_page(&req, &me, Vec::new(), 0).await.ok();
    let keys = key_page(&req, &me, Vec::new(), 0).await.ok();
    let requested = requests.as_ref().is_some_and(|p| !p.items().is_empty());
    let approved =
        requests.as_ref().is_some_and(|p| p.items().iter().any(|r| r.status_code.eq_ignore_ascii_case("approved")));
    let has_key = keys.as_ref().is_some_and(|p| !p.items().is_empty());
    let needs_policy = details.policy_group.is_some();
    let body = html! {
        section.card #partner-status {
            h2 { (details.organization_name) }
            dl.facts {
                dt { "Partner id" } dd { (details.partner_id) }
                dt { "Status" } dd #status { (badge(details.status)) }
                dt { "Partner type" } dd { (details.partner_type) }
                dt { "Policy group" } dd { (details.policy_group.as_deref().unwrap_or("—")) }
                dt { "E-mail" } dd { (details.email_id.as_deref().unwrap_or("—")) }
            }
        }
        section.card #next-steps {
            h2 { "What to do next" }
            ol.steps {
                (step(details.is_active, "Upload your certificate", "/portal/certificates",
                    "Your partner certificate, signed by a CA the administrators have uploaded, activates your account."))
                @if needs_policy {
                    (step(requested, "Request a policy", "/portal/policies", "Ask to use a policy of your policy group."))
                    (step(approved, "Wait for approval", "/portal/policies", "An administrator reviews your request."))
                    (step(has_key, "Generate an API key", "/portal/keys", "Create a key for an approved policy."))
                }
                @if me.has_role("MISP_PARTNER") {
                    (step(false, "Get your licence key", "/portal/licence", "Generate and download your MISP licence key."))
                }
            }
        }
    };
    view::page(ctx, "Dashboard", body)
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

// ---- profile and contacts

pub async fn profile(req: HttpRequest) -> HttpResponse {
    let (ctx, me) = match signed_in(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    render_profile(&req, ctx, &me, &Form::default(), None, None).await
}

async fn render_profile(
    req: &HttpRequest,
    ctx: Ctx,
    me: &Principal,
    form: &Form,
    profile_refusal: Option<&Refusal>,
    contact_refusal: Option<&Refusal>,
) -> HttpResponse {
    let details = match details_of(req, me, &me.user_id).await {
        Ok(d) => d,
        Err(r) => return view::error_page(ctx, &r),
    };
    let contacts: api::Answer<_> = async {
        let db = api::data::<Db>(req)?;
        let me = me.clone();
        Ok(db.call(move |store| details::contacts(store, &me, &me.user_id)).await?)
    }
    .await;
    let address =
        if profile_refusal.is_some() { form.get("address") } else { details.address.as_deref().unwrap_or("") };
    let phone = if profile_refusal.is_some() {
        form.get("contactNumber")
    } else {
        details.contact_number.as_deref().unwrap_or("")
    };
    let contact = |name: &str| if contact_refusal.is_some() { form.get(name).to_owned() } else { String::new() };
    let body = html! {
        section.card {
            h2 { "Organisation" }
            dl.facts {
                dt { "Partner id" } dd { (details.partner_id) }
                dt { "Organisation" } dd { (details.organization_name) }
                dt { "E-mail" } dd { (details.email_id.as_deref().unwrap_or("—")) }
                dt { "Partner type" } dd { (details.partner_type) }
                dt { "Status" } dd { (badge(details.status)) }
            }
            @if let Some(r) = profile_refusal { (view::errors(r)) }
            form method="post" action="/portal/profile" {
                (view::csrf(&ctx))
                (Field::new("address", "Address", address).required().autocomplete("street-address").render(profile_refusal))
                (Field::new("contactNumber", "Contact number", phone).kind("tel").required().autocomplete("tel").render(profile_refusal))
                button type="submit" { "Save" }
            }
        }
        section.card #contacts {
            h2 { "Contacts" }
            @match &contacts {
                Err(r) => (view::errors(r)),
                Ok(contacts) if contacts.is_empty() => p.muted { "No further contacts yet." },
                Ok(contacts) => table {
                    thead { tr { th scope="col" { "E-mail" } th scope="col" { "Phone" } th scope="col" { "Address" } th scope="col" { "Active" } } }
                    tbody {
                        @for c in contacts {
                            tr {
                                td { (c.email_id.as_deref().unwrap_or("")) }
                                td { (c.contact_no.as_deref().unwrap_or("")) }
                                td { (c.address.as_deref().unwrap_or("")) }
                                td { (badge(if c.is_active { "Active" } else { "Inactive" })) }
                            }
                        }
                    }
                },
            }
            h3 { "Add or update a contact" }
            @if let Some(r) = contact_refusal { (view::errors(r)) }
            form method="post" action="/portal/profile/contact" {
                (view::csrf(&ctx))
                (Field::new("emailId", "E-mail", &contact("emailId")).kind("email").required().render(contact_refusal))
                (Field::new("contactNumber", "Contact number", &contact("contactNumber")).kind("tel").required().render(contact_refusal))
                (Field::new("address", "Address", &contact("address")).required().render(contact_refusal))
                div.field.check {
                    input #f-isActive type="checkbox" name="isActive" checked[contact_refusal.is_none() || form.checked("isActive")];
                    label for="f-isActive" { "Active" }
                }
                button type="submit" { "Save contact" }
            }
        }
    };
    let status = profile_refusal.or(contact_refusal);
    match status {
        Some(r) => view::page_inline(ctx, "Profile", r, body),
        None => view::page(ctx, "Profile", body),
    }
}

pub async fn update_profile(req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let (ctx, me) = match signed_in(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    let form = match forms::urlencoded(&ctx, &body) {
        Ok(f) => f,
        Err(r) => return view::error_page(ctx, &r),
    };
    let result: api::Answer<_> = async {
        me.require_any(roles::PARTNER_SELF)?;
        let db = api::data::<Db>(&req)?;
        let cfg = api::data::<partner_app::PartnerConfig>(&req)?;
        let request = UpdateBody {
            address: Some(form.get("address").to_owned()),
            contact_number: Some(form.get("contactNumber").to_owned()),
            ..UpdateBody::default()
        };
        let me = me.clone();
        Ok(db.call(move |store| details::update(store, &me, &cfg, &me.user_id, request, ApiVersion::V1)).await?)
    }
    .await;
    match result {
        Ok(_) => ctx.redirect_with("/portal/profile", Flash::Success("Your details are saved.".into())),
        Err(r) => render_profile(&req, ctx, &me, &form, Some(&r), None).await,
    }
}

pub async fn add_contact(req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let (ctx, me) = match signed_in(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    let form = match forms::urlencoded(&ctx, &body) {
        Ok(f) => f,
        Err(r) => return view::error_page(ctx, &r),
    };
    let result: api::Answer<_> = async {
        me.require_any(roles::PARTNER_SELF)?;
        let db = api::data::<Db>(&req)?;
        let cfg = api::data::<partner_app::PartnerConfig>(&req)?;
        let request = ContactBody {
            email_id: Some(form.get("emailId").trim().to_owned()),
            contact_number: Some(form.get("contactNumber").trim().to_owned()),
            address: Some(form.get("address").trim().to_owned()),
            is_active: Some(form.checked("isActive")),
        };
        let me = me.clone();
        Ok(db.call(move |store| details::contact(store, &me, &cfg, &me.user_id, request)).await?)
    }
    .await;
    match result {
        Ok(_) => ctx.redirect_with("/portal/profile", Flash::Success("The contact is saved.".into())),
        Err(r) => render_profile(&req, ctx, &me, &form, None, Some(&r)).await,
    }
}

// ---- certificates

pub async fn certificates(req: HttpRequest) -> HttpResponse {
    let (ctx, me) = match signed_in(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    super::certs::partner_page(&req, ctx, &me, None).await
}

pub async fn upload_certificate(req: HttpRequest, payload: web::Payload) -> HttpResponse {
    let (ctx, me) = match signed_in(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    let form = match forms::multipart(&ctx, &req, payload).await {
        Ok(f) => f,
        Err(r) => return view::error_page(ctx, &r),
    };
    match super::certs::upload_partner(&req, &me, &form).await {
        Ok(message) => ctx.redirect_with("/portal/certificates", Flash::Success(message)),
        Err(r) => super::certs::partner_page(&req, ctx, &me, Some(&r)).await,
    }
}

// ---- policy requests

#[derive(Debug, Default, Deserialize)]
pub struct PageQuery {
    page: Option<i64>,
}

/// The active policies of the partner's group, as names (none when the caller may not list
/// them or they cannot be read: the page then asks for the name).
async fn group_policies(req: &HttpRequest, me: &Principal, group: Option<&str>) -> Vec<(String, String)> {
    let Some(group) = group else { return Vec::new() };
    let Ok(db) = api::data::<Db>(req) else { return Vec::new() };
    if !me.has_any(crate::roles::ACTIVE_POLICIES) {
        return Vec::new();
    }
    let (caller, group) = (me.clone(), group.to_owned());
    let answer = db.call(move |store| policy_app::reads::active_of_group(store, &caller, &group)).await;
    let policies = answer.unwrap_or_else(|e| {
        tracing::warn!(error = %e, "the active policies of the partner's group cannot be listed");
        Vec::new()
    });
    policies
        .into_iter()
        .map(|p| {
            let text = if p.descr.is_empty() { p.name.clone() } else { format!("{} — {}", p.name, p.descr) };
            (p.name, text)
        })
        .collect()
}

pub async fn policies(req: HttpRequest, query: web::Query<PageQuery>) -> HttpResponse {
    let (ctx, me) = match signed_in(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    render_policies(&req, ctx, &me, query.page.unwrap_or(0).max(0), &Form::default(), None).await
}

async fn render_policies(
    req: &HttpRequest,
    ctx: Ctx,
    me: &Principal,
    page: i64,
    form: &Form,
    refusal: Option<&Refusal>,
) -> HttpResponse {
    let details = match details_of(req, me, &me.user_id).await {
        Ok(d) => d,
        Err(r) => return view::error_page(ctx, &r),
    };
    let list = request_page(req, me, Vec::new(), page).await;
    let choices = group_policies(req, me, details.policy_group.as_deref()).await;
    let body = html! {
        section.card {
            h2 { "Request a policy" }
            @if details.policy_group.is_none() {
                p.muted { "Your partner type uses no policies." }
            } @else {
                p { "Policies of your group " strong { (details.policy_group.as_deref().unwrap_or("")) } "." }
                @if let Some(r) = refusal { (view::errors(r)) }
                form method="post" action="/portal/policies" {
                    (view::csrf(&ctx))
                    @if choices.is_empty() {
                        (Field::new("policyName", "Policy name", form.get("policyName")).required().render(refusal))
                    } @else {
                        (view::select("policyName", "Policy", &choices, form.get("policyName"), refusal))
                    }
                    (view::textarea("useCaseDescription", "What you will use it for", form.get("useCaseDescription"), 3, refusal))
                    button type="submit" { "Send the request" }
                }
            }
        }
        section.card #requests {
            h2 { "Your requests" }
            @match &list {
                Ok(p) if !p.items().is_empty() => {
                    table {
                        thead { tr { th scope="col" { "Policy" } th scope="col" { "Status" } th scope="col" { "Requested" } th scope="col" { "Use" } } }
                        tbody {
                            @for r in p.items() {
                                tr {
                                    td { (r.policy_name.as_deref().unwrap_or(&r.policy_id)) }
                                    td.status { (badge(&r.status_code)) }
                                    td { (mosip_time::text(r.request_datetimes)) }
                                    td { (r.request_detail) }
                                }
                            }
                        }
                    }
                    (view::pager("/portal/policies", page, 20, p.total_record))
                },
                Ok(_) => p.muted { "No requests yet." },
                Err(r) => (view::errors(r)),
            }
        }
    };
    match refusal {
        Some(r) => view::page_inline(ctx, "Policies", r, body),
        None => view::page(ctx, "Policies", body),
    }
}

pub async fn request_policy(req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let (ctx, me) = match signed_in(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    let form = match forms::urlencoded(&ctx, &body) {
        Ok(f) => f,
        Err(r) => return view::error_page(ctx, &r),
    };
    let result: api::Answer<_> = async {
        me.require_any(roles::POLICY_MAPPING_REQUEST)?;
        let db = api::data::<Db>(&req)?;
        let request = MappingBody {
            policy_name: Some(form.get("policyName").trim().to_owned()),
            use_case_description: Some(form.get("useCaseDescription").trim().to_owned()),
        };
        let me = me.clone();
        Ok(db.call(move |store| requests::request(store, &me, &me.user_id, request)).await?)
    }
    .await;
    match result {
        Ok(answer) => ctx.redirect_with("/portal/policies", Flash::Success(answer.message.to_owned())),
        Err(r) => render_policies(&req, ctx, &me, 0, &form, Some(&r)).await,
    }
}

// ---- API keys

pub async fn keys(req: HttpRequest, query: web::Query<PageQuery>) -> HttpResponse {
    let (ctx, me) = match signed_in(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    render_keys(&req, ctx, &me, query.page.unwrap_or(0).max(0), &Form::default(), KeyOutcome::None).await
}

enum KeyOutcome {
    None,
    Generated { key: String, label: String },
    Refused(Refusal),
}

async fn render_keys(
    req: &HttpRequest,
    ctx: Ctx,
    me: &Principal,
    page: i64,
    form: &Form,
    outcome: KeyOutcome,
) -> HttpResponse {
    let approved = request_page(req, me, vec![filter("statusCode", "equals", "approved")], 0)
        .await
        .map(|p| p.items().to_vec())
        .unwrap_or_default();
    let mut choices: Vec<(String, String)> = Vec::new();
    for r in &approved {
        let name = r.policy_name.clone().unwrap_or_else(|| r.policy_id.clone());
        if !choices.iter().any(|(n, _)| n == &name) {
            choices.push((name.clone(), name));
        }
    }
    let list = key_page(req, me, Vec::new(), page).await;
    let refusal = match &outcome {
        KeyOutcome::Refused(r) => Some(r),
        _ => None,
    };
    let body = html! {
        @if let KeyOutcome::Generated { key, label } = &outcome {
            div.alert.success role="status" #new-key {
                p { "API key " strong { (label) } " is ready. Copy it now: it is not shown again." }
                p { code.key #api-key { (key) } }
            }
        }
        section.card {
            h2 { "Generate an API key" }
            @if choices.is_empty() {
                p.muted { "You need an approved policy first: " a href="/portal/policies" { "request one" } "." }
            } @else {
                @if let Some(r) = refusal { (view::errors(r)) }
                form method="post" action="/portal/keys" {
                    (view::csrf(&ctx))
                    (view::select("policyName", "Approved policy", &choices, form.get("policyName"), refusal))
                    (Field::new("label", "Label", form.get("label")).required().hint("A name you recognise the key by, unique per policy.").render(refusal))
                    button type="submit" { "Generate" }
                }
            }
        }
        section.card #keys {
            h2 { "Your keys" }
            (key_table(&ctx, &list, false, "/portal/keys/status"))
            @if let Ok(p) = &list { (view::pager("/portal/keys", page, 20, p.total_record)) }
        }
    };
    match refusal {
        Some(r) => view::page_inline(ctx, "API keys", r, body),
        None => view::page(ctx, "API keys", body),
    }
}

/// The table of API keys, with (de)activation buttons posting to `action`.
pub fn key_table(ctx: &Ctx, list: &api::Answer<Page<KeyItem>>, admin: bool, action: &str) -> Markup {
    html! {
        @match list {
            Ok(p) if !p.items().is_empty() => {
                table {
                    thead { tr {
                        @if admin { th scope="col" { "Partner" } }
                        th scope="col" { "Label" } th scope="col" { "Policy" } th scope="col" { "Valid from" }
                        th scope="col" { "Valid to" } th scope="col" { "Status" } th scope="col" { span.sr-only { "Actions" } }
                    } }
                    tbody {
                        @for k in p.items() {
                            tr {
                                @if admin { td { (k.partner_name.as_deref().unwrap_or(&k.partner_id)) } }
                                td { (k.label) }
                                td { (k.policy_name.as_deref().unwrap_or(&k.policy_id)) }
                                td { (mosip_time::text(k.valid_from_datetime)) }
                                td { (k.valid_to_datetime.map(mosip_time::text).unwrap_or_default()) }
                                td { (badge(if k.is_active { "Active" } else { "De-Active" })) }
                                td {
                                    @let to = if k.is_active { "De-Active" } else { "Active" };
                                    @let text = if k.is_active { "Deactivate" } else { "Activate" };
                                    @if k.is_active || admin {
                                        (view::button_form(ctx, action, &[("partnerId", &k.partner_id), ("policyId", &k.policy_id), ("label", &k.label), ("status", to)], text, "small secondary"))
                                    }
                                }
                            }
                        }
                    }
                }
            },
            Ok(_) => p.muted { "No keys yet." },
            Err(r) => (view::errors(r)),
        }
    }
}

pub async fn generate_key(req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let (ctx, me) = match signed_in(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    let form = match forms::urlencoded(&ctx, &body) {
        Ok(f) => f,
        Err(r) => return view::error_page(ctx, &r),
    };
    let result: api::Answer<_> = async {
        me.require_any(roles::API_KEY_GENERATION)?;
        let db = api::data::<Db>(&req)?;
        let cfg = api::data::<partner_app::PartnerConfig>(&req)?;
        let request = GenerateBody {
            policy_name: Some(form.get("policyName").to_owned()),
            label: Some(form.get("label").trim().to_owned()),
        };
        let me = me.clone();
        Ok(db.call(move |store| api_keys::generate(store, &me, &cfg, &me.user_id, request)).await?)
    }
    .await;
    let outcome = match result {
        Ok(generated) => KeyOutcome::Generated { key: generated.api_key, label: generated.label },
        Err(r) => KeyOutcome::Refused(r),
    };
    render_keys(&req, ctx, &me, 0, &form, outcome).await
}

/// M5 for the portal: switches a key on or off; answers what was done, in words.
pub async fn change_key_status(req: &HttpRequest, me: &Principal, form: &Form) -> api::Answer<&'static str> {
    let (partner_id, policy_id) = (form.get("partnerId").to_owned(), form.get("policyId").to_owned());
    me.require_any(roles::API_KEY_STATUS)?;
    me.require_self_or_admin(&partner_id)?;
    let db = api::data::<Db>(req)?;
    let request =
        KeyStatusBody { label: Some(form.get("label").to_owned()), status: Some(form.get("status").to_owned()) };
    let me = me.clone();
    Ok(db.call(move |store| api_keys::status(store, &me, &partner_id, &policy_id, request)).await?)
}

pub async fn key_status(req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let (ctx, me) = match signed_in(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    let form = match forms::urlencoded(&ctx, &body) {
        Ok(f) => f,
        Err(r) => return view::error_page(ctx, &r),
    };
    match change_key_status(&req, &me, &form).await {
        Ok(message) => ctx.redirect_with("/portal/keys", Flash::Success(message.to_owned())),
        Err(r) => ctx.redirect_with("/portal/keys", Flash::Error(flat(&r))),
    }
}

/// A refusal as one line, for a message carried over a redirect.
pub fn flat(r: &Refusal) -> String {
    r.errors.iter().map(|e| format!("{} ({})", e.message, e.error_code)).collect::<Vec<_>>().join("; ")
}

// ---- biometric extractors

#[derive(Debug, Default, Deserialize)]
pub struct ExtractorQuery {
    policy: Option<String>,
}

pub async fn extractors(req: HttpRequest, query: web::Query<ExtractorQuery>) -> HttpResponse {
    let (ctx, me) = match signed_in(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
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
    let requests = request_page(req, me, Vec::new(), 0).await.map(|p| p.items().to_vec());
    let mut choices: Vec<(String, String)> = Vec::new();
    for r in requests.as_deref().unwrap_or_default() {
        if !choices.iter().any(|(id, _)| id == &r.policy_id) {
            choices.push((r.policy_id.clone(), r.policy_name.clone().unwrap_or_else(|| r.policy_id.clone())));
        }
    }
    let policy = policy.or_else(|| choices.first().map(|c| c.0.clone()));
    let current = match &policy {
        Some(p) => extractors_of(req, me, p).await,
        None => Ok(Vec::new()),
    };
    let body = html! {
        @if let Err(r) = &requests {
            (view::errors(r))
        } @else if choices.is_empty() {
            p.muted { "Extractors belong to a policy request: " a href="/portal/policies" { "request a policy" } " first." }
        } @else {
            form.inline-form method="get" action="/portal/extractors" {
                (view::select("policy", "Policy", &choices, policy.as_deref().unwrap_or(""), None))
                button.secondary type="submit" { "Show" }
            }
            section.card #extractors {
                h2 { "Extractors" }
                @match &current {
                    Err(r) => (view::errors(r)),
                    Ok(rows) if rows.is_empty() => p.muted { "None for this policy yet." },
                    Ok(rows) => table {
                        thead { tr { th scope="col" { "Attribute" } th scope="col" { "Biometric" } th scope="col" { "Provider" } th scope="col" { "Version" } } }
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
                h3 { "Add or replace an extractor" }
                p.muted { "Extractors can change until the request is approved." }
                @if let Some(r) = refusal { (view::errors(r)) }
                form method="post" action="/portal/extractors" {
                    (view::csrf(&ctx))
                    input type="hidden" name="policy" value=(policy.as_deref().unwrap_or(""));
                    (Field::new("attributeName", "Attribute name", form.get("attributeName")).required().render(refusal))
                    (Field::new("biometric", "Biometric (e.g. face, iris, finger[Left Thumb])", form.get("biometric")).required().render(refusal))
                    (Field::new("provider", "Extractor provider", form.get("provider")).required().render(refusal))
                    (Field::new("version", "Provider version", form.get("version")).render(refusal))
                    button type="submit" { "Save extractor" }
                }
            }
        }
    };
    match refusal {
        Some(r) => view::page_inline(ctx, "Biometric extractors", r, body),
        None => view::page(ctx, "Biometric extractors", body),
    }
}

pub async fn save_extractors(req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let (ctx, me) = match signed_in(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    let form = match forms::urlencoded(&ctx, &body) {
        Ok(f) => f,
        Err(r) => return view::error_page(ctx, &r),
    };
    let policy = form.get("policy").to_owned();
    let result: api::Answer<_> = async {
        me.require_any(roles::CREDENTIAL)?;
        let db = api::data::<Db>(&req)?;
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
        Ok(db.call(move |store| extractors::add(store, &me, &me.user_id, &policy, request)).await?)
    }
    .await;
    match result {
        Ok(_) => ctx.redirect_with(
            &format!("/portal/extractors?policy={}", view::q(&policy)),
            Flash::Success("The extractor is saved.".into()),
        ),
        Err(r) => render_extractors(&req, ctx, &me, Some(policy), &form, Some(&r)).await,
    }
}
