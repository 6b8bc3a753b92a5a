//! Scalars read leniently, as MOSIP clients send them: text from any JSON scalar, whole numbers
//! from numbers, floats without a fraction or numeric strings.

use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// A JSON scalar read as text (`"x"`, `5`, `true` → `"x"`, `"5"`, `"true"`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text(pub String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Value::deserialize(d)? {
            Value::String(s) => Ok(Text(s)),
            Value::Number(n) => Ok(Text(n.to_string())),
            Value::Bool(b) => Ok(Text(b.to_string())),
            Value::Null => Ok(Text(String::new())),
            other => Err(serde::de::Error::custom(format!("expected a text value, got {other}"))),
        }
    }
}

/// A whole number sent as a number, a float with no fraction, or a numeric string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Int(pub i64);

impl<'de> Deserialize<'de> for Int {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let bad = |v: &dyn std::fmt::Display| serde::de::Error::custom(format!("expected a whole number, got {v}"));
        let from_f64 = |f: f64| {
            if f.fract() == 0.0 && f.abs() < 9.0e15 {
                #[expect(clippy::cast_possible_truncation, reason = "checked to be integral and in range")]
                Ok(Int(f as i64))
            } else {
                Err(bad(&f))
            }
        };
        match Value::deserialize(d)? {
            Value::Number(n) => match n.as_i64() {
                Some(i) => Ok(Int(i)),
                None => n.as_f64().map_or_else(|| Err(bad(&n)), from_f64),
            },
            Value::String(s) => match s.trim().parse::<i64>() {
                Ok(i) => Ok(Int(i)),
                Err(_) => s.trim().parse::<f64>().map_or_else(|_| Err(bad(&s)), from_f64),
            },
            other => Err(bad(&other)),
        }
    }
}
