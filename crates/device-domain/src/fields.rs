//! MOSIP's bean validation of the device requests: `@NotBlank` ("value is empty or null") and
//! `@Size(min = 1, max = n)` ("Length should be in between 1 and n chars"), every broken field
//! reported at once.

/// A request field that breaks a constraint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field's name in the request, e.g. `deviceTypeCode`.
    pub field: &'static str,
    /// MOSIP's message, e.g. `value is empty or null`.
    pub reason: String,
}

pub const EMPTY: &str = "value is empty or null";

/// Collects the broken fields of one request.
#[derive(Debug, Default)]
pub struct Fields {
    errors: Vec<FieldError>,
}

impl Fields {
    pub fn new() -> Self {
        Self::default()
    }

    /// A `@NotBlank @Size(1, max)` text; `""` stands in for a broken one (reported).
    pub fn text(&mut self, field: &'static str, value: Option<&str>, max: usize) -> String {
        match value {
            Some(v) if !v.trim().is_empty() => {
                if v.chars().count() > max {
                    self.refuse(field, format!("Length should be in between 1 and {max} chars"));
                }
                v.to_owned()
            }
            _ => {
                self.refuse(field, EMPTY);
                String::new()
            }
        }
    }

    /// An optional `@Size(1, max)` text.
    pub fn optional_text(&mut self, field: &'static str, value: Option<&str>, max: usize) -> Option<String> {
        value.map(|v| {
            if v.is_empty() || v.chars().count() > max {
                self.refuse(field, format!("Length should be in between 1 and {max} chars"));
            }
            v.to_owned()
        })
    }

    /// A `@NotNull` value.
    pub fn present<T: Clone + Default>(&mut self, field: &'static str, value: Option<&T>) -> T {
        match value {
            Some(v) => v.clone(),
            None => {
                self.refuse(field, EMPTY);
                T::default()
            }
        }
    }

    pub fn refuse(&mut self, field: &'static str, reason: impl Into<String>) {
        self.errors.push(FieldError { field, reason: reason.into() });
    }

    /// `value` when every field held, else the broken fields.
    pub fn finish<T>(self, value: T) -> Result<T, Vec<FieldError>> {
        if self.errors.is_empty() { Ok(value) } else { Err(self.errors) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_and_long_fields_are_all_reported() {
        let mut f = Fields::new();
        assert_eq!(f.text("make", Some("  "), 36), "");
        f.text("model", Some(&"m".repeat(37)), 36);
        f.text("id", Some("ok"), 36);
        let errors = f.finish(()).unwrap_err();
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0], FieldError { field: "make", reason: EMPTY.into() });
        assert_eq!(errors[1].reason, "Length should be in between 1 and 36 chars");
    }

    #[test]
    fn optional_text_refuses_only_a_bad_value() {
        let mut f = Fields::new();
        assert_eq!(f.optional_text("id", None, 36), None);
        f.optional_text("id", Some("a0f2b0ca-92 66-4cf4-832c-7741d5b6a174"), 36);
        assert_eq!(f.finish(()).unwrap_err().len(), 1);
    }
}
