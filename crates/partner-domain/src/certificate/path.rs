//! Building a certification path from a certificate to a trust anchor of a domain's store, as
//! Java's PKIX builder does with revocation off: issuers matched by name and signature (narrowed
//! by key identifiers when both are present), several same-name candidates tried, intermediates
//! checked as CAs (cA, keyCertSign, pathLen, validity), unknown critical extensions, MD2/MD5 and
//! short RSA keys refused. Trust anchors are taken as they are.

use chrono::NaiveDateTime;

use super::x509::Certificate;
use super::{dn, verify};

/// Longest path tried (intermediates between the certificate and its anchor).
const MAX_INTERMEDIATES: usize = 8;
/// Signature checks one search may spend, so crafted stores cannot make it explode.
const MAX_CHECKS: usize = 256;

/// One certificate of a domain's CA store.
#[derive(Debug, Clone)]
pub struct StoredCa {
    /// `cert_id` of the row.
    pub id: String,
    pub certificate: Certificate,
    /// Self-signed: a trust anchor.
    pub root: bool,
}

/// The path from `target` (excluded) to its anchor (included), as indices into `store`; `None`
/// when there is none. Only rows valid at `now` take part.
pub fn build(target: &Certificate, store: &[StoredCa], now: NaiveDateTime) -> Option<Vec<usize>> {
    if target.has_unknown_critical_extension() || !verify::algorithm_allowed(target) {
        return None;
    }
    let mut search = Search { store, now, checks: 0, path: Vec::new() };
    search.extend(target)
}

struct Search<'a> {
    store: &'a [StoredCa],
    now: NaiveDateTime,
    checks: usize,
    path: Vec<usize>,
}

impl Search<'_> {
    fn extend(&mut self, current: &Certificate) -> Option<Vec<usize>> {
        let mut candidates: Vec<usize> = (0..self.store.len()).filter(|i| self.is_candidate(current, *i)).collect();
        // anchors first, as Java's builder tries trust anchors before the certificate stores
        candidates.sort_by_key(|i| !self.store[*i].root);
        for i in candidates {
            if self.checks >= MAX_CHECKS {
                return None;
            }
            self.checks += 1;
            let issuer = &self.store[i];
            if !verify::key_allowed(issuer.certificate.spki()) || !verify::signed_by(current, issuer.certificate.spki())
            {
                continue;
            }
            if issuer.root {
                let mut path = self.path.clone();
                path.push(i);
                if self.path_lengths_hold(&path) {
                    return Some(path);
                }
                continue;
            }
            if self.path.len() >= MAX_INTERMEDIATES || !self.usable_intermediate(&issuer.certificate) {
                continue;
            }
            self.path.push(i);
            if let Some(found) = self.extend(&issuer.certificate) {
                return Some(found);
            }
            self.path.pop();
        }
        None
    }

    fn is_candidate(&self, current: &Certificate, i: usize) -> bool {
        let cand = &self.store[i];
        let c = &cand.certificate;
        c != current
            && !self.path.contains(&i)
            && c.valid_at(self.now)
            && dn::same(current.issuer(), c.subject())
            && match (current.authority_key_id(), c.subject_key_id()) {
                (Some(aki), Some(ski)) => aki == ski,
                _ => true,
            }
    }

    fn usable_intermediate(&self, c: &Certificate) -> bool {
        c.may_sign_certificates() && !c.has_unknown_critical_extension() && verify::algorithm_allowed(c)
    }

    /// Each intermediate's pathLenConstraint bounds the non-self-issued intermediates below it.
    fn path_lengths_hold(&self, path: &[usize]) -> bool {
        let intermediates: Vec<&Certificate> =
            path.iter().map(|i| &self.store[*i]).filter(|s| !s.root).map(|s| &s.certificate).collect();
        intermediates.iter().enumerate().all(|(pos, c)| match c.path_len() {
            None => true,
            Some(max) => intermediates[..pos].iter().filter(|b| !b.is_self_issued()).count() <= usize::from(max),
        })
    }
}
