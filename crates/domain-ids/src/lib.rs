//! [`string_id!`] defines an identifier as a newtype over `String`, so that a function taking a
//! partner id, a policy id and a key cannot be called with them in the wrong order. Each domain
//! crate defines the ids it owns; the store keeps them as text and binds [`str`] at its boundary.

#[doc(hidden)]
pub use serde as __serde;

/// Defines `pub struct $name(String)` with `new`, `as_str`, `into_string`, conversions from and
/// to `String`/`&str`, `Deref<Target = str>`, `Display`, ordering and hashing as the text, and
/// serde as a plain JSON string.
///
/// ```
/// domain_ids::string_id! { pub struct PartnerId; }
/// domain_ids::string_id! { pub struct PolicyId; }
/// fn approved(partner: &PartnerId, policy: &PolicyId) -> String {
///     format!("{partner}/{policy}")
/// }
/// let (partner, policy) = (PartnerId::from("p1"), PolicyId::from("pol1"));
/// assert_eq!(approved(&partner, &policy), "p1/pol1");
/// ```
///
/// Swapped, the same call does not compile:
///
/// ```compile_fail,E0308
/// domain_ids::string_id! { pub struct PartnerId; }
/// domain_ids::string_id! { pub struct PolicyId; }
/// fn approved(partner: &PartnerId, policy: &PolicyId) -> String {
///     format!("{partner}/{policy}")
/// }
/// let (partner, policy) = (PartnerId::from("p1"), PolicyId::from("pol1"));
/// approved(&policy, &partner);
/// ```
#[macro_export]
macro_rules! string_id {
    ($(#[$meta:meta])* $vis:vis struct $name:ident;) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        $vis struct $name(String);

        impl $name {
            pub fn new(id: impl Into<String>) -> Self {
                $name(id.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }

            pub fn into_string(self) -> String {
                self.0
            }
        }

        impl From<String> for $name {
            fn from(id: String) -> Self {
                $name(id)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                $name(id.to_owned())
            }
        }

        impl From<&String> for $name {
            fn from(id: &String) -> Self {
                $name(id.clone())
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> Self {
                id.0
            }
        }

        impl ::std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl ::std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                &self.0 == other
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl $crate::__serde::Serialize for $name {
            fn serialize<S: $crate::__serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }

        impl<'de> $crate::__serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                <String as $crate::__serde::Deserialize>::deserialize(d).map($name)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    string_id! {
        /// An id for the tests.
        pub struct TestId;
    }

    #[test]
    fn an_id_is_a_plain_json_string_both_ways() {
        let id = TestId::from("P-1");
        assert_eq!(serde_json::to_string(&id).ok().as_deref(), Some(r#""P-1""#));
        assert_eq!(serde_json::from_str::<TestId>(r#""P-1""#).ok(), Some(id));
        assert!(serde_json::from_str::<TestId>("1").is_err(), "a number is no id");
    }

    #[test]
    fn an_id_reads_displays_and_compares_as_its_text() {
        let id = TestId::new(String::from("P-1"));
        assert_eq!(id.to_string(), "P-1");
        assert_eq!(id, "P-1");
        assert_eq!(&*id, "P-1");
        let mut sorted = vec![TestId::from("b"), TestId::from("a")];
        sorted.sort();
        assert_eq!(sorted, ["a", "b"]);
        let set: std::collections::HashSet<TestId> = [id.clone()].into();
        assert!(set.contains("P-1"), "looked up by its text");
        assert_eq!(String::from(id), "P-1");
    }
}
