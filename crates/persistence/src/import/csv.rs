//! MOSIP's `dml` files are loaded by PostgreSQL's `COPY … CSV HEADER`; this reader follows the
//! same rules so that a file means here what it meant there:
//! - a comma outside quotes ends a field, a line break outside quotes ends a record;
//! - a double quote switches quoting on or off anywhere in a field, and is not part of the value;
//!   inside quotes `""` is one literal quote;
//! - an unquoted empty field is NULL, a quoted empty field (`""`) is the empty string.
//!
//! Each field also keeps its raw text, so a caller can recover values that MOSIP's exports wrote
//! with unescaped quotes (two default policies carry JSON that way).

/// One field of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// `None` for NULL (an unquoted empty field).
    pub value: Option<String>,
    /// The field's text as it stands in the file.
    pub raw: String,
}

/// One record and the line it starts on (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<Field>,
}

/// A quote that is never closed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: a quoted field is never closed")]
pub struct CsvError {
    pub line: usize,
}

/// Splits `text` into records (the header is the first one). Blank lines are skipped.
pub fn parse(text: &str) -> Result<Vec<Record>, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut fields = Vec::new();
    let mut value = String::new();
    let mut raw = String::new();
    let mut quoted_any = false;
    let mut in_quotes = false;
    let mut line = 1;
    let mut record_line = 1;
    let mut quote_line = 1;
    let mut chars = text.chars().peekable();

    let end_field = |fields: &mut Vec<Field>, value: &mut String, raw: &mut String, quoted_any: &mut bool| {
        let v = if value.is_empty() && !*quoted_any { None } else { Some(std::mem::take(value)) };
        fields.push(Field { value: v, raw: std::mem::take(raw) });
        value.clear();
        *quoted_any = false;
    };

    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    value.push('"');
                    raw.push_str("\"\"");
                }
                '"' => {
                    in_quotes = false;
                    raw.push('"');
                }
                _ => {
                    if c == '\n' {
                        line += 1;
                    }
                    value.push(c);
                    raw.push(c);
                }
            }
            continue;
        }
        match c {
            '"' => {
                in_quotes = true;
                quoted_any = true;
                quote_line = line;
                raw.push('"');
            }
            ',' => end_field(&mut fields, &mut value, &mut raw, &mut quoted_any),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                end_field(&mut fields, &mut value, &mut raw, &mut quoted_any);
                push_record(&mut records, std::mem::take(&mut fields), record_line);
                line += 1;
                record_line = line;
            }
            _ => {
                value.push(c);
                raw.push(c);
            }
        }
    }
    if in_quotes {
        return Err(CsvError { line: quote_line });
    }
    if !value.is_empty() || !raw.is_empty() || !fields.is_empty() || quoted_any {
        end_field(&mut fields, &mut value, &mut raw, &mut quoted_any);
        push_record(&mut records, fields, record_line);
    }
    Ok(records)
}

fn push_record(records: &mut Vec<Record>, fields: Vec<Field>, line: usize) {
    let blank = fields.len() == 1 && fields[0].value.is_none();
    if !blank {
        records.push(Record { line, fields });
    }
}

#[cfg(test)]
mod tests;
