//! Sortable and filterable lists without JavaScript: column headers are links that order the
//! list by that column (again: the other way), and a search box narrows it; both travel in the
//! page's query string (`sort`, `dir`, `q`, and `page` for a list paged in the store).

use std::cmp::Ordering;

use maud::{Markup, html};

use super::q;
use crate::i18n::t;

/// How a list is ordered and narrowed.
#[derive(Debug, Default, Clone, serde::Deserialize)]
#[serde(default)]
pub struct ListQuery {
    pub sort: Option<String>,
    pub dir: Option<String>,
    pub q: Option<String>,
    pub page: Option<i64>,
}

/// The columns a list paged in the store orders by: the name in the page's links, the search's field.
pub type Columns = &'static [(&'static str, &'static str)];

impl ListQuery {
    pub fn descending(&self) -> bool {
        self.dir.as_deref() == Some("desc")
    }

    /// Which page of a paged list (from 0).
    pub fn page(&self) -> i64 {
        self.page.unwrap_or(0).max(0)
    }

    /// The search's field of the column chosen, when `columns` offers it.
    pub fn field(&self, columns: Columns) -> Option<&'static str> {
        let chosen = self.sort.as_deref()?;
        columns.iter().find(|(name, _)| *name == chosen).map(|(_, field)| *field)
    }

    /// `base` keeping the order and the search (where the pager's links start).
    pub fn link(&self, base: &str) -> String {
        let sep = if base.contains('?') { "&" } else { "?" };
        let search = if self.text().is_empty() { String::new() } else { format!("&q={}", q(self.text())) };
        match format!("{}{search}", self.order_params()) {
            kept if kept.is_empty() => base.to_owned(),
            kept => format!("{base}{sep}{}", &kept[1..]),
        }
    }

    /// The search text, trimmed ("" when none).
    pub fn text(&self) -> &str {
        self.q.as_deref().unwrap_or_default().trim()
    }

    /// `items` whose `words` contain the search text (ignoring case), ordered by the column the
    /// query names; `key` answers an item's value in a column (`None`: not a sortable column, the
    /// order is kept).
    pub fn apply<T>(
        &self,
        items: &[T],
        words: impl Fn(&T) -> String,
        key: impl Fn(&T, &str) -> Option<SortKey>,
    ) -> Vec<T>
    where
        T: Clone,
    {
        let wanted = self.text().to_lowercase();
        let mut kept: Vec<T> =
            items.iter().filter(|i| wanted.is_empty() || words(i).to_lowercase().contains(&wanted)).cloned().collect();
        if let Some(column) = self.sort.as_deref() {
            kept.sort_by(|a, b| {
                let order = key(a, column).cmp(&key(b, column));
                if self.descending() { order.reverse() } else { order }
            });
        }
        kept
    }
}

/// A value a column sorts by: numbers as numbers, text without regard to case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SortKey {
    Number(i64),
    Text(String),
}

impl SortKey {
    pub fn text(s: &str) -> Option<SortKey> {
        Some(SortKey::Text(s.to_lowercase()))
    }

    pub fn number(n: impl TryInto<i64>) -> Option<SortKey> {
        Some(SortKey::Number(n.try_into().unwrap_or(i64::MAX)))
    }
}

impl PartialOrd for SortKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for SortKey {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (SortKey::Number(a), SortKey::Number(b)) => a.cmp(b),
            (SortKey::Text(a), SortKey::Text(b)) => a.cmp(b),
            (SortKey::Number(_), SortKey::Text(_)) => Ordering::Less,
            (SortKey::Text(_), SortKey::Number(_)) => Ordering::Greater,
        }
    }
}

impl ListQuery {
    /// `sort` and `dir` as query parameters (`&sort=name&dir=desc`), "" when unsorted.
    pub fn order_params(&self) -> String {
        match &self.sort {
            Some(sort) => format!("&sort={}&dir={}", q(sort), if self.descending() { "desc" } else { "asc" }),
            None => String::new(),
        }
    }
}

/// A column header that orders the list at `base` by `column`, ascending first, then the other
/// way; it tells assistive technology how the list is ordered now.
pub fn sort_header(base: &str, query: &ListQuery, column: &str, label: &str) -> Markup {
    let current = query.sort.as_deref() == Some(column);
    let next = if current && !query.descending() { "desc" } else { "asc" };
    let search = if query.text().is_empty() { String::new() } else { format!("&q={}", q(query.text())) };
    let state = match (current, query.descending()) {
        (false, _) => "none",
        (true, false) => "ascending",
        (true, true) => "descending",
    };
    let sep = if base.contains('?') { '&' } else { '?' };
    html! {
        th scope="col" aria-sort=(state) {
            a.sort href=(format!("{base}{sep}sort={}&dir={next}{search}", q(column))) {
                (label)
                @if current { span aria-hidden="true" { @if query.descending() { " ↓" } @else { " ↑" } } }
            }
        }
    }
}

/// The search box of the list at `base`, keeping its order.
pub fn filter_form(base: &str, query: &ListQuery) -> Markup {
    labelled_filter_form(base, query, &t!("table-filter-label"))
}

/// The search box of the list at `base` under `label` (what it looks in), keeping its order.
pub fn labelled_filter_form(base: &str, query: &ListQuery, label: &str) -> Markup {
    html! {
        form.filter method="get" action=(base) role="search" {
            (search_box(query, label))
            " "
            button.small.secondary type="submit" { (t!("table-filter")) }
            @if !query.text().is_empty() { " " a href=(base) { (t!("table-clear")) } }
        }
    }
}

/// The search input and the order to keep, for a form of filters of its own.
pub fn search_box(query: &ListQuery, label: &str) -> Markup {
    html! {
        label for="f-q" { (label) }
        " "
        input #f-q type="search" name="q" value=(query.text());
        @if let Some(sort) = &query.sort {
            input type="hidden" name="sort" value=(sort);
            input type="hidden" name="dir" value=(if query.descending() { "desc" } else { "asc" });
        }
    }
}

/// The header cells of a list's table: links that order it when it can be ordered, plain otherwise.
#[derive(Clone, Copy)]
pub struct Headers<'a> {
    sorting: Option<(&'a str, &'a ListQuery)>,
}

impl<'a> Headers<'a> {
    /// Headers ordering the list at `base` (which carries the list's own filters).
    pub fn sorted(base: &'a str, query: &'a ListQuery) -> Self {
        Headers { sorting: Some((base, query)) }
    }

    pub fn plain() -> Self {
        Headers { sorting: None }
    }

    /// Whether the list shown is narrowed by a search (so an empty one means "nothing matches").
    pub fn searching(&self) -> bool {
        self.sorting.is_some_and(|(_, query)| !query.text().is_empty())
    }

    /// The header of `column` (a name of the list's [`Columns`]; "" for a column that does not sort).
    pub fn th(&self, column: &str, label: &str) -> Markup {
        match self.sorting {
            Some((base, query)) if !column.is_empty() => sort_header(base, query, column, label),
            _ => html! { th scope="col" { (label) } },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(sort: &str, dir: &str, text: &str) -> ListQuery {
        ListQuery { sort: Some(sort.into()), dir: Some(dir.into()), q: Some(text.into()), page: None }
    }

    #[test]
    fn filters_ignoring_case_and_orders_either_way() {
        let items = vec![("beta", 10), ("Alpha", 9), ("gamma", 100)];
        let words = |i: &(&str, i32)| i.0.to_owned();
        let key = |i: &(&str, i32), c: &str| match c {
            "name" => SortKey::text(i.0),
            "count" => SortKey::number(i.1),
            _ => None,
        };
        fn names(v: Vec<(&'static str, i32)>) -> Vec<&'static str> {
            v.into_iter().map(|i| i.0).collect()
        }
        assert_eq!(names(query("name", "asc", "").apply(&items, words, key)), ["Alpha", "beta", "gamma"]);
        assert_eq!(names(query("count", "desc", "").apply(&items, words, key)), ["gamma", "beta", "Alpha"]);
        assert_eq!(names(query("count", "asc", "A").apply(&items, words, key)), ["Alpha", "beta", "gamma"]);
        assert_eq!(names(query("count", "asc", "MM").apply(&items, words, key)), ["gamma"]);
        assert_eq!(names(query("nope", "asc", "").apply(&items, words, key)), ["beta", "Alpha", "gamma"]);
    }

    #[test]
    fn a_header_turns_the_order_around_and_keeps_the_search() {
        let asc = sort_header("/l", &query("name", "asc", "a b"), "name", "Name").into_string();
        assert!(
            asc.contains(r#"aria-sort="ascending""#) && asc.contains(r#"href="/l?sort=name&amp;dir=desc&amp;q=a%20b""#),
            "{asc}"
        );
        let other = sort_header("/l", &query("name", "asc", ""), "count", "Count").into_string();
        assert!(
            other.contains(r#"aria-sort="none""#) && other.contains(r#"href="/l?sort=count&amp;dir=asc""#),
            "{other}"
        );
    }

    #[test]
    fn a_paged_list_keeps_its_order_and_search_across_pages() {
        assert_eq!(query("label", "desc", "x y").link("/keys"), "/keys?sort=label&dir=desc&q=x%20y");
        assert_eq!(query("label", "asc", "").link("/r?status=a"), "/r?status=a&sort=label&dir=asc");
        assert_eq!(ListQuery::default().link("/keys"), "/keys");
        const COLUMNS: Columns = &[("label", "label"), ("to", "validToDatetime")];
        assert_eq!(query("to", "asc", "").field(COLUMNS), Some("validToDatetime"));
        assert_eq!(query("policyApiKey", "asc", "").field(COLUMNS), None);
        let plain = Headers::plain().th("label", "Label").into_string();
        assert!(!plain.contains("href"), "{plain}");
        let q = query("label", "asc", "");
        let sorted = Headers::sorted("/keys", &q);
        assert!(sorted.th("label", "Label").into_string().contains("aria-sort=\"ascending\""));
        assert!(!sorted.th("", "Actions").into_string().contains("href"));
    }
}
