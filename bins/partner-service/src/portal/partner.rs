//! A partner's pages: dashboard, profile and contacts, certificates, policy requests, API keys,
//! biometric extractors.

use actix_web::{HttpRequest, HttpResponse, web};
use maud::{Markup, html};
use persistence::repo;
use serde::Deserialize;
use serde_json::{Value, json};
use web_support::{Db, Principal};

use super::api::{self, Page, Refusal};
use super::ctx::{Ctx, Flash};
use super::forms::{self, Form};
use super::view::{self, Field, badge};
use crate::routes::PartnerConfig;
use crate::routes::partners::{api_keys, details, extractors, requests, search};
use crate::routes::policy::policies as policy_routes;

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

/// A MOSIP search body: `filters`, newest first by `sort`, one page.
pub fn search_body(filters: Vec<Value>, sort: &str, page: i64, size: i64) -> Value {
    json!({
        "filters": filters,
        "sort": [{"sortField": sort, "sortType": "desc"}],
        "pagination": {"pageStart": page, "pageFetch": size},
        "languageCode": "eng",
    })
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Details {
    #[serde(rename = "partnerID")]
    pub partner_id: String,
    pub status: String,
    pub organization_name: String,
    pub contact_number: Option<String>,
    pub email_id: Option<String>,
    pub address: Option<String>,
    pub partner_type: String,
    pub policy_group: Option<String>,
    pub is_active: bool,
}

pub async fn details_of(req: &HttpRequest, me: &Principal, partner_id: &str) -> api::Answer<Details> {
    let db = api::data::<Db>(req)?;
    api::typed(details::get(me.clone(), db, web::Path::from(partner_id.to_owned())).await).await
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct RequestItem {
    pub apikey_request_id: String,
    pub partner_id: String,
    pub partner_name: Option<String>,
    pub policy_id: String,
    pub policy_name: Option<String>,
    pub request_detail: Option<String>,
    pub status_code: String,
    pub request_datetimes: Option<String>,
}

pub async fn request_page(
    req: &HttpRequest,
    me: &Principal,
    filters: Vec<Value>,
    page: i64,
) -> api::Answer<Page<RequestItem>> {
    let db = api::data::<Db>(req)?;
    let body = api::envelope(search_body(filters, "crDtimes", page, 20))?;
    api::typed(search::requests(me.clone(), db, body).await).await
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct KeyItem {
    pub label: String,
    pub is_active: bool,
    pub policy_id: String,
    pub policy_name: Option<String>,
    pub partner_id: String,
    pub partner_name: Option<String>,
    pub valid_from_datetime: Option<String>,
    pub valid_to_datetime: Option<String>,
    pub cr_dtimes: Option<String>,
}

pub async fn key_page(req: &HttpRequest, me: &Principal, filters: Vec<Value>, page: i64) -> api::Answer<Page<KeyItem>> {
    let db = api::data::<Db>(req)?;
    let body = api::envelope(search_body(filters, "crDtimes", page, 20))?;
    api::typed(search::keys(me.clone(), db, body).await).await
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
                dt { "Status" } dd #status { (badge(&details.status)) }
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
    let partner_id = me.user_id.clone();
    let contacts = match api::data::<Db>(req) {
        Ok(db) => db.read(move |conn| Ok(repo::partner::contacts_of(conn, &partner_id)?)).await.unwrap_or_default(),
        Err(_) => Vec::new(),
    };
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
                dt { "Status" } dd { (badge(&details.status)) }
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
            @if contacts.is_empty() { p.muted { "No further contacts yet." } } @else {
                table {
                    thead { tr { th scope="col" { "E-mail" } th scope="col" { "Phone" } th scope="col" { "Address" } th scope="col" { "Active" } } }
                    tbody {
                        @for c in &contacts {
                            tr {
                                td { (c.email_id.as_deref().unwrap_or("")) }
                                td { (c.contact_no.as_deref().unwrap_or("")) }
                                td { (c.address.as_deref().unwrap_or("")) }
                                td { (badge(if c.is_active { "Active" } else { "Inactive" })) }
                            }
                        }
                    }
                }
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
    let result = async {
        let db = api::data::<Db>(&req)?;
        let cfg = api::data::<PartnerConfig>(&req)?;
        let body = api::envelope(json!({"address": form.get("address"), "contactNumber": form.get("contactNumber")}))?;
        api::answer(details::update_v1(me.clone(), db, cfg, web::Path::from(me.user_id.clone()), body).await).await
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
    let result = async {
        let db = api::data::<Db>(&req)?;
        let cfg = api::data::<PartnerConfig>(&req)?;
        let body = api::envelope(json!({
            "emailId": form.get("emailId").trim(),
            "contactNumber": form.get("contactNumber").trim(),
            "address": form.get("address").trim(),
            "is_Active": form.checked("isActive"),
        }))?;
        api::answer(details::contact(me.clone(), db, cfg, web::Path::from(me.user_id.clone()), body).await).await
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

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct ActivePolicy {
    name: String,
    descr: Option<String>,
}

/// The active policies of the partner's group, as names.
async fn group_policies(req: &HttpRequest, me: &Principal, group: Option<&str>) -> Vec<(String, String)> {
    let Some(group) = group else { return Vec::new() };
    let Ok(db) = api::data::<Db>(req) else { return Vec::new() };
    let answer: api::Answer<Vec<ActivePolicy>> =
        api::typed(policy_routes::active_of_group(Ok(me.clone()), db, web::Path::from(group.to_owned())).await).await;
    answer
        .unwrap_or_default()
        .into_iter()
        .map(|p| {
            let text = match &p.descr {
                Some(d) if !d.is_empty() => format!("{} — {d}", p.name),
                _ => p.name.clone(),
            };
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
                                    td { (r.request_datetimes.as_deref().unwrap_or("")) }
                                    td { (r.request_detail.as_deref().unwrap_or("")) }
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
    let result = async {
        let db = api::data::<Db>(&req)?;
        let body = api::envelope(json!({
            "policyName": form.get("policyName").trim(),
            "useCaseDescription": form.get("useCaseDescription").trim(),
        }))?;
        api::answer(requests::request(me.clone(), db, web::Path::from(me.user_id.clone()), body).await).await
    }
    .await;
    match result {
        Ok(v) => {
            let message = v.get("message").and_then(Value::as_str).unwrap_or("Policy mapping request submitted");
            ctx.redirect_with("/portal/policies", Flash::Success(message.to_owned()))
        }
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
    let approved =
        request_page(req, me, vec![json!({"columnName": "statusCode", "type": "equals", "value": "approved"})], 0)
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
                                td { (k.valid_from_datetime.as_deref().unwrap_or("")) }
                                td { (k.valid_to_datetime.as_deref().unwrap_or("")) }
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
    let result = async {
        let db = api::data::<Db>(&req)?;
        let cfg = api::data::<PartnerConfig>(&req)?;
        let body = api::envelope(json!({"policyName": form.get("policyName"), "label": form.get("label").trim()}))?;
        api::answer(api_keys::generate(me.clone(), db, cfg, web::Path::from(me.user_id.clone()), body).await).await
    }
    .await;
    let outcome = match result {
        Ok(v) => KeyOutcome::Generated {
            key: v.get("apiKey").and_then(Value::as_str).unwrap_or("").to_owned(),
            label: v.get("label").and_then(Value::as_str).unwrap_or("").to_owned(),
        },
        Err(r) => KeyOutcome::Refused(r),
    };
    render_keys(&req, ctx, &me, 0, &form, outcome).await
}

/// Switches a key on or off (the API checks who may).
pub async fn change_key_status(req: &HttpRequest, me: &Principal, form: &Form) -> api::Answer {
    let db = api::data::<Db>(req)?;
    let path = web::Path::from((form.get("partnerId").to_owned(), form.get("policyId").to_owned()));
    let body = api::envelope(json!({"label": form.get("label"), "status": form.get("status")}))?;
    api::answer(api_keys::status(me.clone(), db, path, body).await).await
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
        Ok(v) => {
            let message = v.as_str().map_or_else(|| format!("Key {} updated.", form.get("label")), str::to_owned);
            ctx.redirect_with("/portal/keys", Flash::Success(message))
        }
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

async fn render_extractors(
    req: &HttpRequest,
    ctx: Ctx,
    me: &Principal,
    policy: Option<String>,
    form: &Form,
    refusal: Option<&Refusal>,
) -> HttpResponse {
    let requests = request_page(req, me, Vec::new(), 0).await.map(|p| p.items().to_vec()).unwrap_or_default();
    let mut choices: Vec<(String, String)> = Vec::new();
    for r in &requests {
        if !choices.iter().any(|(id, _)| id == &r.policy_id) {
            choices.push((r.policy_id.clone(), r.policy_name.clone().unwrap_or_else(|| r.policy_id.clone())));
        }
    }
    let policy = policy.or_else(|| choices.first().map(|c| c.0.clone()));
    let current: api::Answer = match (&policy, api::data::<Db>(req)) {
        (Some(p), Ok(db)) => {
            api::answer(extractors::get(me.clone(), db, web::Path::from((me.user_id.clone(), p.clone()))).await).await
        }
        _ => Ok(Value::Null),
    };
    let rows: Vec<Value> =
        current.as_ref().ok().and_then(|v| v.get("extractors")).and_then(Value::as_array).cloned().unwrap_or_default();
    let text = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_owned();
    let body = html! {
        @if choices.is_empty() {
            p.muted { "Extractors belong to a policy request: " a href="/portal/policies" { "request a policy" } " first." }
        } @else {
            form.inline-form method="get" action="/portal/extractors" {
                (view::select("policy", "Policy", &choices, policy.as_deref().unwrap_or(""), None))
                button.secondary type="submit" { "Show" }
            }
            section.card #extractors {
                h2 { "Extractors" }
                @if rows.is_empty() { p.muted { "None for this policy yet." } } @else {
                    table {
                        thead { tr { th scope="col" { "Attribute" } th scope="col" { "Biometric" } th scope="col" { "Provider" } th scope="col" { "Version" } } }
                        tbody {
                            @for e in &rows {
                                @let ex = e.get("extractor").cloned().unwrap_or(Value::Null);
                                tr { td { (text(e, "attributeName")) } td { (text(e, "biometric")) } td { (text(&ex, "provider")) } td { (text(&ex, "version")) } }
                            }
                        }
                    }
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
    let result = async {
        let db = api::data::<Db>(&req)?;
        let body = api::envelope(json!({"extractors": [{
            "attributeName": form.get("attributeName").trim(),
            "biometric": form.get("biometric").trim(),
            "extractor": {"provider": form.get("provider").trim(), "version": form.opt("version")},
        }]}))?;
        api::answer(extractors::add(me.clone(), db, web::Path::from((me.user_id.clone(), policy.clone())), body).await)
            .await
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
