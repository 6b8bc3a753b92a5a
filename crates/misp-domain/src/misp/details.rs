//! What a MISP says about itself on registration and update, validated with MOSIP's
//! bean-validation sizes.

use crate::email::is_valid_email;
use crate::error::{FieldError, MispError};

/// Limits of the `misp` columns (MOSIP's bean-validation sizes).
pub const NAME_MAX: usize = 128;

pub const CONTACT_MAX: usize = 16;

pub const EMAIL_MAX: usize = 256;

pub const ADDRESS_MAX: usize = 2000;

/// `mispStatus` of the status call.
pub const STATUS_MAX: usize = 20;

/// What a MISP says about itself on registration and update: validated and trimmed of nothing
/// (MOSIP stores the values as sent).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Details {
    pub name: String,
    pub contact_no: String,
    pub email_id: String,
    pub address: String,
}

/// The raw fields of a registration or update request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DetailsInput<'a> {
    pub name: Option<&'a str>,
    pub contact_no: Option<&'a str>,
    pub email_id: Option<&'a str>,
    pub address: Option<&'a str>,
}

/// `NotNull`, `NotBlank` and `Size(max)` of one field.
fn required(errors: &mut Vec<FieldError>, field: &'static str, value: Option<&str>, max: usize) -> String {
    match value {
        None => errors.push(FieldError::new(field, "must not be null")),
        Some(v) if v.trim().is_empty() => errors.push(FieldError::new(field, "must not be blank")),
        Some(v) if v.chars().count() > max => {
            errors.push(FieldError::new(field, format!("size must be between 1 and {max}")));
        }
        Some(v) => return v.to_owned(),
    }
    String::new()
}

/// One required text field (`NotNull`, `NotBlank`, `Size(max)`), e.g. a licence key.
pub fn required_field(field: &'static str, value: Option<&str>, max: usize) -> Result<String, MispError> {
    let mut errors = Vec::new();
    let v = required(&mut errors, field, value, max);
    if errors.is_empty() { Ok(v) } else { Err(MispError::InvalidFields(errors)) }
}

impl Details {
    /// The field constraints (all of them, first failing field first), then the e-mail pattern.
    /// `name_field` is the request's name of the name field (`organizationName` on registration,
    /// `name` on update).
    pub fn parse(input: &DetailsInput<'_>, name_field: &'static str) -> Result<Details, MispError> {
        let mut errors = Vec::new();
        let name = required(&mut errors, name_field, input.name, NAME_MAX);
        let contact_no = required(&mut errors, "contactNumber", input.contact_no, CONTACT_MAX);
        let email_id = required(&mut errors, "emailId", input.email_id, EMAIL_MAX);
        let address = required(&mut errors, "address", input.address, ADDRESS_MAX);
        if !errors.is_empty() {
            return Err(MispError::InvalidFields(errors));
        }
        if !is_valid_email(&email_id) {
            return Err(MispError::InvalidEmail);
        }
        Ok(Details { name, contact_no, email_id, address })
    }
}
