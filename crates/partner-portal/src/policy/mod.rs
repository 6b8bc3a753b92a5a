//! Policy-manager pages: policy groups (list, create, edit) and policies (list, create and edit
//! drafts with a JSON editor that lists every schema violation beside the document, publish,
//! activate, deactivate). One module per page.

mod drafts;
mod editor;
mod groups;
mod policies;

use actix_web::HttpRequest;
use policy_app::dto::{GroupWithPoliciesDto, PolicyWithGroupDto};
use policy_app::groups as group_ops;
use web_support::Principal;

pub use drafts::{create_policy, new_policy, policy, update_policy};
pub use groups::{create_group, group, groups, update_group};
pub use policies::{confirm_publish, confirm_status, policies, publish, status};

use crate::api;
use crate::ctx::Ctx;
use crate::session::{Gate, with_roles};
use crate::view;

fn manager(req: &HttpRequest) -> Gate<(Ctx, Principal)> {
    with_roles(req, view::POLICY_ROLES)
}

async fn all_groups(req: &HttpRequest, me: &Principal) -> api::Answer<Vec<GroupWithPoliciesDto>> {
    let me = me.clone();
    api::call(req, move |store| group_ops::all(store, &me)).await
}

fn published(p: &PolicyWithGroupDto) -> bool {
    p.status.eq_ignore_ascii_case("PUBLISHED")
}
