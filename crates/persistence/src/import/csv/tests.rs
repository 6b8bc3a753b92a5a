use super::*;

fn values(text: &str) -> Vec<Vec<Option<String>>> {
    parse(text)
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .map(|r| r.fields.into_iter().map(|f| f.value).collect())
        .collect()
}

fn s(v: &str) -> Option<String> {
    Some(v.to_owned())
}

#[test]
fn plain_records_and_nulls() {
    assert_eq!(
        values("a,b,c\n1,,x\r\n2,\"\",y\n\n"),
        vec![vec![s("a"), s("b"), s("c")], vec![s("1"), None, s("x")], vec![s("2"), s(""), s("y")],]
    );
}

#[test]
fn quotes_escape_commas_newlines_and_themselves() {
    assert_eq!(
        values("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\n"),
        vec![vec![s("a,b"), s("say \"hi\""), s("two\nlines")]]
    );
}

#[test]
fn unescaped_quotes_toggle_like_postgres_and_keep_the_raw_text() {
    let text = "id,json,t\np1,\"{\"a\":\"x y\",\"b\":[1,2]}\",DataShare\n";
    let recs = parse(text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(recs.len(), 2);
    let row = &recs[1];
    assert_eq!(row.line, 2);
    assert_eq!(row.fields.len(), 3, "{row:?}");
    // PostgreSQL drops the quote characters …
    assert_eq!(row.fields[1].value.as_deref(), Some("{a:x y,b:[1,2]}"));
    // … the raw text still has them.
    assert_eq!(row.fields[1].raw, "\"{\"a\":\"x y\",\"b\":[1,2]}\"");
    assert_eq!(row.fields[2].value.as_deref(), Some("DataShare"));
}

#[test]
fn an_unclosed_quote_is_an_error_naming_its_line() {
    assert_eq!(parse("a\n\"open,b\nc\n"), Err(CsvError { line: 2 }));
}

#[test]
fn no_trailing_newline_and_bom() {
    assert_eq!(values("\u{feff}h\nv"), vec![vec![s("h")], vec![s("v")]]);
}
