//! The policy editor: a draft's fields and its JSON document, every schema violation listed
//! beside the document; a published policy read-only.

use actix_web::HttpRequest;
use actix_web::HttpResponse;
use maud::html;
use policy_app::PolicyConfig;
use policy_app::dto::PolicyWithGroupDto;
use serde_json::{Value, json};
use web_support::Principal;

use super::policies::policy_actions;
use super::{all_groups, published};
use crate::api::{self, Refusal};
use crate::ctx::Ctx;
use crate::forms::Form;
use crate::i18n::t;
use crate::view::{self, Field, badge};

/// An empty document of each type, to start from.
fn template(policy_type: &str) -> Value {
    match policy_type {
        "Auth" => json!({"authTokenType": "partner", "allowedAuthTypes": [], "allowedKycAttributes": []}),
        "DataShare" => json!({
            "dataSharePolicies": {"typeOfShare": "", "validForInMinutes": "", "transactionsAllowed": "", "encryptionType": "", "shareDomain": "", "source": ""},
            "shareableAttributes": []
        }),
        "CredentialIssuance" => json!({"dataSharePolicies": {}, "shareableAttributes": []}),
        _ => json!({}),
    }
}

/// The create / edit page. `existing`: the policy being edited.
pub(super) async fn editor(
    req: &HttpRequest,
    ctx: Ctx,
    me: &Principal,
    existing: Option<&PolicyWithGroupDto>,
    form: &Form,
    refusal: Option<&Refusal>,
) -> HttpResponse {
    let found = async { Ok::<_, Refusal>((all_groups(req, me).await?, api::data::<PolicyConfig>(req)?)) }.await;
    let (groups, cfg) = match found {
        Ok(v) => v,
        Err(r) => return view::error_page(ctx, &r),
    };
    let group_options: Vec<(String, String)> =
        groups.iter().map(|g| (g.policy_group.name.clone(), g.policy_group.name.clone())).collect();
    let types: Vec<(String, String)> = cfg
        .allowed
        .iter()
        .map(|t| {
            let code = t.to_string();
            let word = view::master_word("policy-type", &code, &code);
            (code, word)
        })
        .collect();
    let posted = refusal.is_some() || !form.get("name").is_empty();
    let value = |name: &str, current: &str| if posted { form.get(name).to_owned() } else { current.to_owned() };
    let chosen_type =
        existing.map_or_else(|| form.opt("policyType").unwrap_or_else(|| "Auth".into()), |p| p.policy_type.clone());
    // a new policy's type picks its template: "?policyType=DataShare" (the type's own link)
    let template_links: Vec<String> =
        if existing.is_none() { cfg.allowed.iter().map(|t| t.to_string()).collect() } else { Vec::new() };
    let document = if posted {
        form.get("policies").to_owned()
    } else {
        view::pretty(&existing.map_or_else(|| template(&chosen_type), |p| p.policies.clone()))
    };
    let violations: Vec<String> = refusal
        .map(|r| {
            r.errors
                .iter()
                .filter(|e| e.error_code.starts_with("PMS_PV_") || e.message.ends_with(":request.policies"))
                .map(|e| format!("{} ({})", api::readable(&e.message), e.error_code))
                .collect()
        })
        .unwrap_or_default();
    let others = refusal.map(|r| Refusal {
        status: r.status,
        errors: r
            .errors
            .iter()
            .filter(|e| !(e.error_code.starts_with("PMS_PV_") || e.message.ends_with(":request.policies")))
            .cloned()
            .collect(),
    });
    let action = existing.map_or_else(
        || "/portal/admin/policies/new".to_owned(),
        |p| format!("/portal/admin/policies/{}", view::q(&p.policy_id)),
    );
    let read_only = existing.is_some_and(published);
    let title = match existing {
        None => t!("policy-new-policy"),
        Some(p) if published(p) => t!("policy-policy-published"),
        Some(_) => t!("policy-edit-policy"),
    };
    let body = html! {
        @if let Some(p) = existing {
            section.card {
                dl.facts #policy-facts {
                    dt { (t!("clients-name")) } dd #policy-name { (p.policy_name) }
                    dt { (t!("home-policy-group")) } dd #policy-group { (p.policy_group_name) }
                    dt { (t!("policy-description")) } dd #policy-desc { (p.policy_desc) }
                    dt { (t!("sbis-version")) } dd #policy-version { (p.version) }
                    dt { (t!("policy-policy-id")) } dd { (p.policy_id) }
                    dt { (t!("partners-type")) } dd { (view::master_word("policy-type", &p.policy_type, &p.policy_type)) }
                    dt { (t!("policy-state")) } dd { (badge(p.status)) }
                    dt { (t!("home-status")) } dd { (badge(if p.is_active { "Active" } else { "Inactive" })) }
                    dt { (t!("sbis-created")) } dd { (view::when_text(&p.cr_dtimes)) }
                    @if published(p) {
                        // MOSIP's publishDate is the creation time; publishing stamps the update
                        // time, and only a deactivation changes a published policy after that.
                        @if p.is_active {
                            dt { (t!("status-published")) } dd #policy-published { (p.upd_dtimes.as_deref().map(view::when_text).unwrap_or_default()) }
                        } @else {
                            dt { (t!("policy-deactivated")) } dd { (p.upd_dtimes.as_deref().map(view::when_text).unwrap_or_default()) }
                        }
                    }
                }
                p.actions { (policy_actions(&ctx, p)) }
            }
        }
        @if !template_links.is_empty() && !posted {
            p.templates { (t!("policy-start-from-the-template-of")) " "
                @for t in &template_links { a href=(format!("/portal/admin/policies/new?policyType={}", view::q(t))) aria-current=[(t == &chosen_type).then_some("true")] { (view::master_word("policy-type", t, t)) } " " }
            }
        }
        @if let Some(r) = &others { @if !r.errors.is_empty() { (view::errors(r)) } }
        @if !violations.is_empty() && others.as_ref().is_none_or(|o| o.errors.is_empty()) {
            div.alert.error role="alert" #errors { p { (t!("policy-the-policy-does-not-meet")) } }
        }
        @if read_only {
            section.card {
                h2 { (t!("policy-policy-document")) }
                pre.json dir="ltr" { (view::highlighted(&view::pretty(&existing.map(|p| p.policies.clone()).unwrap_or(Value::Null)))) }
            }
        } @else {
            form.card.editor method="post" action=(action) {
                (view::csrf(&ctx))
                div.cols {
                    div {
                        (view::select("policyGroupName", &t!("home-policy-group"), &group_options,
                            &value("policyGroupName", existing.map_or("", |p| p.policy_group_name.as_str())), refusal))
                        @if existing.is_none() {
                            (view::select("policyType", &t!("policy-policy-type"), &types, &chosen_type, refusal))
                        }
                        (Field::new("name", &t!("clients-name"), &value("name", existing.map_or("", |p| p.policy_name.as_str()))).required().render(refusal))
                        (Field::new("desc", &t!("policy-description"), &value("desc", existing.map_or("", |p| p.policy_desc.as_str()))).required().render(refusal))
                        (Field::new("version", &t!("sbis-version"), &value("version", existing.map_or("1.0", |p| p.version.as_str()))).required().render(refusal))
                    }
                    div.field.json.invalid[!violations.is_empty()] {
                        label for="f-policies" { (t!("policy-policy-document-json")) }
                        div.json-editor {
                            textarea #f-policies name="policies" rows="18" spellcheck="false" dir="ltr" data-json-editor
                                data-valid=(t!("policy-json-valid")) data-invalid=(t!("policy-json-invalid")) data-layout=(t!("policy-json-layout"))
                                aria-describedby=[(!violations.is_empty()).then_some("f-policies-err")] { (document) }
                        }
                        script src="/portal/static/json-editor.js" defer {}
                        @if !violations.is_empty() {
                            div.violations {
                                h3 { (t!("policy-schema-violations", count = violations.len())) }
                                ul.field-errors #f-policies-err { @for v in &violations { li { (v) } } }
                            }
                        }
                    }
                }
                button type="submit" { @if existing.is_some() { (t!("policy-save-draft")) } @else { (t!("policy-create-draft")) } }
            }
        }
        p { a href="/portal/admin/policies" { (t!("policy-all-policies")) } }
    };
    view::form_page(ctx, &title, refusal, None, body)
}
