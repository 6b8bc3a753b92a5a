//! Field constraints of the request DTOs, checked as MOSIP's bean validation does, except that
//! every failing field is reported (first one first), not only the first.

use crate::error::{FieldError, PolicyError};

pub const NOT_BLANK: &str = "must not be blank";

/// The message of a text longer than `max` characters.
pub fn length_message(max: usize) -> String {
    format!("Length should be in between 1 and {max} chars")
}

/// Collects the field errors of one request.
#[derive(Debug, Default)]
pub struct Fields {
    errors: Vec<FieldError>,
}

impl Fields {
    pub fn new() -> Self {
        Fields::default()
    }

    /// A required text: present, not blank, at most `max` characters. Kept as sent (not trimmed).
    pub fn text(&mut self, field: &str, value: Option<&str>, max: usize) -> String {
        self.text_or(field, value, max, NOT_BLANK)
    }

    /// As [`Fields::text`], with `blank` as the message for a missing or blank value.
    pub fn text_or(&mut self, field: &str, value: Option<&str>, max: usize, blank: &str) -> String {
        match value {
            Some(v) if !v.trim().is_empty() => {
                if v.chars().count() > max {
                    self.errors.push(FieldError::new(field, length_message(max)));
                }
                v.to_owned()
            }
            _ => {
                self.errors.push(FieldError::new(field, blank));
                String::new()
            }
        }
    }

    /// An optional text: absent or blank is `None`; otherwise at most `max` characters.
    pub fn optional_text(&mut self, field: &str, value: Option<&str>, max: usize) -> Option<String> {
        let v = value.filter(|v| !v.trim().is_empty())?;
        if v.chars().count() > max {
            self.errors.push(FieldError::new(field, length_message(max)));
        }
        Some(v.to_owned())
    }

    /// Adds an error of a rule checked elsewhere.
    pub fn push(&mut self, field: &str, reason: impl Into<String>) {
        self.errors.push(FieldError::new(field, reason));
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// `Ok` when every field passed, else all their errors.
    pub fn finish(self) -> Result<(), PolicyError> {
        if self.errors.is_empty() { Ok(()) } else { Err(PolicyError::InvalidFields(self.errors)) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_text_rejects_missing_blank_and_long_values() {
        let mut f = Fields::new();
        assert_eq!(f.text("a", Some(" x "), 5), " x ");
        f.text("b", None, 5);
        f.text("c", Some("   "), 5);
        f.text("d", Some("abcdef"), 5);
        f.text_or("e", None, 5, "value is empty or null");
        let Err(PolicyError::InvalidFields(errors)) = f.finish() else { panic!("expected errors") };
        let got: Vec<(&str, &str)> = errors.iter().map(|e| (e.field.as_str(), e.reason.as_str())).collect();
        assert_eq!(
            got,
            [
                ("b", NOT_BLANK),
                ("c", NOT_BLANK),
                ("d", "Length should be in between 1 and 5 chars"),
                ("e", "value is empty or null")
            ]
        );
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        let mut f = Fields::new();
        f.text("a", Some("ééééé"), 5);
        assert!(f.finish().is_ok());
    }

    #[test]
    fn optional_text_treats_blank_as_absent() {
        let mut f = Fields::new();
        assert_eq!(f.optional_text("a", Some("  "), 3), None);
        assert_eq!(f.optional_text("a", None, 3), None);
        assert_eq!(f.optional_text("a", Some("ab"), 3).as_deref(), Some("ab"));
        assert!(f.is_empty());
        f.optional_text("a", Some("abcd"), 3);
        assert!(f.finish().is_err());
    }
}
