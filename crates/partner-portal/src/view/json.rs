//! JSON documents shown with their syntax coloured: keys, strings, numbers, `true`/`false`/`null`
//! and punctuation each in a class of their own (`j-key`, `j-str`, `j-num`, `j-lit`, `j-punct`),
//! the text itself unchanged. `/portal/static/json-editor.js` colours an editable document the
//! same way in the browser.

use maud::{Markup, html};

/// What a piece of a JSON text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Key,
    Str,
    Num,
    Lit,
    Punct,
    /// Spaces, line breaks, and anything that is not JSON.
    Other,
}

/// The length of the string starting at `text[0] == '"'`, its quotes included (to the end when
/// it is not closed).
fn string_len(text: &str) -> usize {
    let mut escaped = false;
    for (i, c) in text.char_indices().skip(1) {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return i + 1,
            _ => {}
        }
    }
    text.len()
}

/// The length of the run at the start of `text` whose characters all satisfy `keep`.
fn run_len(text: &str, keep: impl Fn(char) -> bool) -> usize {
    text.char_indices().find(|(_, c)| !keep(*c)).map_or(text.len(), |(i, _)| i)
}

/// Whether `c` may start a piece other than spaces and unknown text.
fn starts_token(c: char) -> bool {
    matches!(c, '"' | '-' | '{' | '}' | '[' | ']' | ':' | ',') || c.is_ascii_alphanumeric()
}

/// The first piece of `text` (not empty) and its length.
fn first_token(text: &str, first: char) -> (Kind, usize) {
    match first {
        '"' => {
            let len = string_len(text);
            let key = text[len..].trim_start().starts_with(':');
            (if key { Kind::Key } else { Kind::Str }, len)
        }
        '-' | '0'..='9' => {
            (Kind::Num, run_len(text, |c| c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E')))
        }
        '{' | '}' | '[' | ']' | ':' | ',' => (Kind::Punct, 1),
        c if c.is_ascii_alphabetic() => {
            let len = run_len(text, |c| c.is_ascii_alphabetic());
            (if matches!(&text[..len], "true" | "false" | "null") { Kind::Lit } else { Kind::Other }, len)
        }
        _ => (Kind::Other, run_len(text, |c| !starts_token(c)).max(first.len_utf8())),
    }
}

fn tokens(text: &str) -> Vec<(Kind, &str)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(first) = rest.chars().next() {
        let (kind, len) = first_token(rest, first);
        out.push((kind, &rest[..len]));
        rest = &rest[len..];
    }
    out
}

/// `text` (a JSON document) with its syntax coloured, escaped as any text.
pub fn highlighted(text: &str) -> Markup {
    html! {
        @for (kind, piece) in tokens(text) {
            @match kind {
                Kind::Key => span.j-key { (piece) },
                Kind::Str => span.j-str { (piece) },
                Kind::Num => span.j-num { (piece) },
                Kind::Lit => span.j-lit { (piece) },
                Kind::Punct => span.j-punct { (piece) },
                Kind::Other => (piece),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_piece_gets_its_class_and_the_text_stays_the_same() {
        let text = "{\n  \"a\\\"b\": [\"x:y\", -1.5e3, true, null],\n  \"c\" : {}\n}";
        let found = tokens(text);
        assert!(found.contains(&(Kind::Key, "\"a\\\"b\"")) && found.contains(&(Kind::Key, "\"c\"")), "{found:?}");
        assert!(found.contains(&(Kind::Str, "\"x:y\"")) && found.contains(&(Kind::Num, "-1.5e3")), "{found:?}");
        assert!(found.contains(&(Kind::Lit, "true")) && found.contains(&(Kind::Lit, "null")), "{found:?}");
        assert_eq!(found.iter().map(|(_, piece)| *piece).collect::<String>(), text);
    }

    #[test]
    fn broken_documents_and_markup_are_shown_as_text() {
        let html = highlighted("{\"<b>\": \"unclosed</script>").into_string();
        assert!(html.contains("&lt;b&gt;") && html.contains("&lt;/script&gt;") && !html.contains("<b>"), "{html}");
        assert!(html.starts_with(r#"<span class="j-punct">{</span><span class="j-key">"#), "{html}");
        assert_eq!(tokens("truthy"), [(Kind::Other, "truthy")]);
        assert_eq!(tokens("é ü"), [(Kind::Other, "é ü")]);
    }
}
