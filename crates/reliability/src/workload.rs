//! Check 1's clients: each takes the next number and runs one write operation for it,
//! recording what it was told.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crate::client::{Client, Outcome};
use crate::crash::Acked;
use crate::ops::{self, field};
use crate::store::request_owner;
use crate::tally::Tally;

/// What the clients share.
pub struct Shared {
    pub partner: String,
    pub misp: String,
    pub admin: String,
    pub partner_tokens: Vec<String>,
    pub next: AtomicUsize,
    /// Write requests sent, and those answered (the target counts answered ones).
    pub sent: AtomicUsize,
    pub answered: AtomicUsize,
    pub target: usize,
    pub acked: Mutex<Acked>,
    pub tally: Tally,
}

pub fn worker(s: &Shared) {
    let c = Client::new();
    loop {
        if s.answered.load(Ordering::Relaxed) >= s.target {
            return;
        }
        let n = s.next.fetch_add(1, Ordering::Relaxed);
        let down = match n % 3 {
            0 => register(s, &c, n),
            1 => approve_and_generate(s, &c, n),
            _ => misp_and_licence(s, &c, n),
        };
        if down {
            std::thread::sleep(Duration::from_millis(20)); // the service is restarting
        }
    }
}

/// Sends one write; counts and records its outcome.
fn send(s: &Shared, what: &'static str, f: impl FnOnce() -> Outcome) -> Outcome {
    s.sent.fetch_add(1, Ordering::Relaxed);
    let out = f();
    if !matches!(out, Outcome::Transport) {
        s.answered.fetch_add(1, Ordering::Relaxed);
    }
    s.tally.add(what, &out);
    out
}

fn acked(s: &Shared) -> std::sync::MutexGuard<'_, Acked> {
    s.acked.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn register(s: &Shared, c: &Client, n: usize) -> bool {
    let id = format!("rr-{n}");
    match send(s, "register", || ops::register(c, &s.partner, &s.admin, &id)) {
        Outcome::Ok(_) => acked(s).partners.push(id),
        Outcome::Transport => return true,
        _ => {}
    }
    false
}

fn approve_and_generate(s: &Shared, c: &Client, n: usize) -> bool {
    let rq = format!("rq-{n}");
    match send(s, "approve", || ops::approve(c, &s.partner, &s.admin, &rq)) {
        Outcome::Ok(_) => acked(s).approvals.push(rq),
        Outcome::Transport => return true,
        _ => return false,
    }
    let (partner, q) = request_owner(n);
    let label = format!("k-{n}");
    let tok = &s.partner_tokens[n % crate::store::PARTNERS];
    match send(s, "generate key", || ops::generate_key(c, &s.partner, tok, &partner, q, &label)) {
        Outcome::Ok(v) => {
            if let Some(key) = field(&v, "apiKey") {
                acked(s).keys.push((partner, key, label));
            }
        }
        Outcome::Transport => return true,
        _ => {}
    }
    false
}

fn misp_and_licence(s: &Shared, c: &Client, n: usize) -> bool {
    let name = format!("Rel MISP {n}");
    let id = match send(s, "create MISP", || ops::create_misp(c, &s.misp, &s.admin, &name)) {
        Outcome::Ok(v) => match field(&v, "mispID") {
            Some(id) => id,
            None => return false,
        },
        Outcome::Transport => return true,
        _ => return false,
    };
    acked(s).misps.push(id.clone());
    match send(s, "approve MISP", || ops::approve_misp(c, &s.misp, &s.admin, &id)) {
        Outcome::Ok(v) => {
            if let Some(key) = field(&v, "mispLicenseKey") {
                acked(s).licences.push((id, key));
            }
        }
        Outcome::Transport => return true,
        _ => {}
    }
    false
}
