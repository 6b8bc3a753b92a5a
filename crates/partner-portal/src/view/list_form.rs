//! A list page that also holds the form for a new row.

use super::ListQuery;
use crate::api::Refusal;
use crate::forms::Form;

/// What such a page shows: the list as `query` asks, and the form as posted with what refused it
/// (empty, and no refusal, on a plain visit).
pub struct ListForm {
    pub query: ListQuery,
    pub form: Form,
    pub refusal: Option<Refusal>,
}

impl ListForm {
    /// The list as `query` asks, the form empty.
    pub fn visit(query: ListQuery) -> Self {
        ListForm { query, form: Form::default(), refusal: None }
    }

    /// The first page of the list, the `form` as posted and why it was refused.
    pub fn refused(form: Form, refusal: Refusal) -> Self {
        ListForm { query: ListQuery::default(), form, refusal: Some(refusal) }
    }
}
