//! Sortable and filterable lists without JavaScript: column headers are links that order the
//! list by that column (again: the other way), and a search box narrows it; both travel in the
//! page's query string (`sort`, `dir`, `q`).

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
}

impl ListQuery {
    pub fn descending(&self) -> bool {
        self.dir.as_deref() == Some("desc")
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
    html! {
        form.filter method="get" action=(base) role="search" {
            label for="f-q" { (t!("table-filter-label")) }
            " "
            input #f-q type="search" name="q" value=(query.text());
            @if let Some(sort) = &query.sort {
                input type="hidden" name="sort" value=(sort);
                input type="hidden" name="dir" value=(if query.descending() { "desc" } else { "asc" });
            }
            " "
            button.small.secondary type="submit" { (t!("table-filter")) }
            @if !query.text().is_empty() { " " a href=(base) { (t!("table-clear")) } }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(sort: &str, dir: &str, text: &str) -> ListQuery {
        ListQuery { sort: Some(sort.into()), dir: Some(dir.into()), q: Some(text.into()) }
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
}
