//! Which top-level sections a service reads, so that a misspelt one stops the start.

use serde::de::{DeserializeOwned, Deserializer, Error as _, Visitor};

/// The sections a service adds to the shared ones: a struct with one field per section, each a
/// section struct with `#[serde(deny_unknown_fields, default)]`.
pub trait ServiceSettings: DeserializeOwned + Default {
    /// Sections another PMS service reads: accepted (one file can configure both services) and
    /// ignored here.
    const SIBLING_SECTIONS: &'static [&'static str] = &[];
}

/// No sections beyond the shared ones.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct NoSections {}

impl ServiceSettings for NoSections {}

/// Refuses a top-level key that neither `Shared`, nor `S`, nor a sibling service reads.
pub(super) fn refuse_unknown<'k, Shared: DeserializeOwned, S: ServiceSettings>(
    keys: impl Iterator<Item = &'k String>,
) -> anyhow::Result<()> {
    let known: Vec<&str> =
        field_names::<Shared>().iter().chain(field_names::<S>()).chain(S::SIBLING_SECTIONS).copied().collect();
    let unknown: Vec<&str> = keys.map(String::as_str).filter(|k| !known.contains(k)).collect();
    anyhow::ensure!(
        unknown.is_empty(),
        "unknown configuration key(s) {}; known: {}",
        unknown.join(", "),
        known.join(", ")
    );
    Ok(())
}

/// The field names of the struct `T` (as serde's derive declares them).
pub fn field_names<T: DeserializeOwned>() -> &'static [&'static str] {
    let mut fields: &'static [&'static str] = &[];
    let _probe_always_fails = T::deserialize(FieldProbe(&mut fields));
    fields
}

/// A deserializer that records the fields a struct asks for, and deserializes nothing.
struct FieldProbe<'a>(&'a mut &'static [&'static str]);

impl<'de> Deserializer<'de> for FieldProbe<'_> {
    type Error = serde::de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Self::Error> {
        Err(Self::Error::custom("not a struct"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Self::Error> {
        *self.0 = fields;
        Err(Self::Error::custom("fields recorded"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
        unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;

    #[derive(Debug, Default, Deserialize)]
    struct Own {
        #[expect(dead_code, reason = "only its name matters")]
        mine: u8,
    }

    impl ServiceSettings for Own {
        const SIBLING_SECTIONS: &'static [&'static str] = &["theirs"];
    }

    #[test]
    fn own_shared_and_sibling_sections_pass_and_others_are_refused() {
        let keys = |k: &[&str]| k.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert!(refuse_unknown::<crate::Settings<Own>, Own>(keys(&["server", "mine", "theirs"]).iter()).is_ok());
        let e = refuse_unknown::<crate::Settings<Own>, Own>(keys(&["server", "mien"]).iter()).err();
        assert!(e.is_some_and(|e| e.to_string().starts_with("unknown configuration key(s) mien; known: data_dir")));
        assert!(refuse_unknown::<crate::Settings, NoSections>(keys(&["mine"]).iter()).is_err());
    }
}
