//! Helpers for the settings sections the application crates own: lists that come as a TOML array
//! or as one comma-separated string (as environment variables give them).

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

fn csv_items(s: &str) -> Vec<String> {
    s.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
}

/// A list in either form, every item trimmed and blank ones dropped (`deserialize_with`).
pub fn string_list<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(s) => csv_items(&s),
        OneOrMany::Many(v) => v.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).map(String::from).collect(),
    })
}

/// A list in either form; a TOML array is taken as it is (`deserialize_with`).
pub fn list_or_csv<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(s) => csv_items(&s),
        OneOrMany::Many(v) => v,
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn lists_come_as_arrays_or_comma_separated_strings() {
        let trimmed = |v| string_list(v).unwrap_or_default();
        assert_eq!(trimmed(json!(" a , ,b")), ["a", "b"]);
        assert_eq!(trimmed(json!([" a", "", "b,c"])), ["a", "b,c"]);
        let as_given = |v| list_or_csv(v).unwrap_or_default();
        assert_eq!(as_given(json!(" a , ,b")), ["a", "b"]);
        assert_eq!(as_given(json!([" a", ""])), [" a", ""]);
    }
}
