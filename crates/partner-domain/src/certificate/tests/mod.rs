//! The rules of the CA and partner uploads, one test per rule.

mod ca;
mod partner;
mod paths;
mod service;

use super::*;
use crate::certificate::testing::{self_signed, t};

fn ids() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("id-{n}")
    }
}

fn stored(rows: &[(&str, &Certificate, bool)]) -> Vec<StoredCa> {
    rows.iter().map(|(id, c, root)| StoredCa { id: (*id).into(), certificate: (*c).clone(), root: *root }).collect()
}

fn code<T>(r: Result<T, CertificateError>) -> &'static str {
    r.err().map_or("ok", |e| e.code())
}

fn partner_setup() -> (Vec<StoredCa>, Certificate, KeyPair) {
    let (root, root_key) = self_signed("Root", t(-1), t(3650));
    (stored(&[("r", &root, true)]), root, root_key)
}
