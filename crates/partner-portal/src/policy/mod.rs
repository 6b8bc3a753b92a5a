//! Policy-manager pages: policy groups (list, create, edit) and policies (list, create and edit
//! drafts with a JSON editor that lists every schema violation beside the document, publish,
//! activate, deactivate). One module per page.

mod drafts;
mod editor;
mod groups;
mod policies;

use actix_web::{HttpRequest, HttpResponse};
use app_core::{AppError, Store};
use policy_app::dto::{GroupWithPoliciesDto, PolicyWithGroupDto};
use policy_app::groups as group_ops;
use web_support::{Db, Principal};

pub use drafts::{create_policy, new_policy, policy, update_policy};
pub use groups::{create_group, group, groups, update_group};
pub use policies::{policies, publish, status};

use crate::api;
use crate::ctx::Ctx;
use crate::session::with_roles;
use crate::view;

fn manager(req: &HttpRequest) -> Result<(Ctx, Principal), Box<HttpResponse>> {
    with_roles(req, view::POLICY_ROLES)
}

/// Runs a policy operation on the store (the caller was authorised by [`manager`]).
async fn run<T, F>(req: &HttpRequest, op: F) -> api::Answer<T>
where
    T: Send + 'static,
    F: FnOnce(&Store) -> Result<T, AppError> + Send + 'static,
{
    let db = api::data::<Db>(req)?;
    Ok(db.call(op).await?)
}

async fn all_groups(req: &HttpRequest, me: &Principal) -> api::Answer<Vec<GroupWithPoliciesDto>> {
    let me = me.clone();
    run(req, move |store| group_ops::all(store, &me)).await
}

fn published(p: &PolicyWithGroupDto) -> bool {
    p.status.eq_ignore_ascii_case("PUBLISHED")
}
