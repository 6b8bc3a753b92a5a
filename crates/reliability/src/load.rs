//! Background write load for the outage checks: registrations on partner-service and MISP
//! registrations on misp-license-service, tallied by the phase in which each answer arrived.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::client::{Client, Outcome};
use crate::ops;
use crate::tally::Tally;

pub struct Load {
    pub phase: Arc<AtomicUsize>,
    pub tallies: Arc<Vec<Tally>>,
    /// Acknowledged partner registrations.
    pub partners: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
    threads: Vec<JoinHandle<()>>,
}

impl Load {
    /// `clients` threads against `partner` (and `misp`, when given), tallied in `phases` phases.
    pub fn start(partner: &str, misp: Option<&str>, admin: &str, clients: usize, phases: usize, tag: &str) -> Load {
        let phase = Arc::new(AtomicUsize::new(0));
        let tallies: Arc<Vec<Tally>> = Arc::new((0..phases).map(|_| Tally::default()).collect());
        let partners = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let next = Arc::new(AtomicUsize::new(0));
        let threads = (0..clients)
            .map(|_| {
                let (phase, tallies, partners, stop, next) =
                    (phase.clone(), tallies.clone(), partners.clone(), stop.clone(), next.clone());
                let (partner, misp, admin, tag) =
                    (partner.to_owned(), misp.map(str::to_owned), admin.to_owned(), tag.to_owned());
                std::thread::spawn(move || {
                    let c = Client::new();
                    while !stop.load(Ordering::Relaxed) {
                        let n = next.fetch_add(1, Ordering::Relaxed);
                        let started = std::time::Instant::now();
                        let (what, out) = match &misp {
                            Some(m) if n % 2 == 1 => {
                                ("create MISP", ops::create_misp(&c, m, &admin, &format!("Rel MISP {tag}-{n}")))
                            }
                            _ => {
                                let id = format!("rr-{tag}-{n}");
                                let out = ops::register(&c, &partner, &admin, &id);
                                if matches!(out, Outcome::Ok(_)) {
                                    partners.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push(id);
                                }
                                ("register", out)
                            }
                        };
                        let t = &tallies[phase.load(Ordering::Relaxed).min(tallies.len() - 1)];
                        t.add(what, &out);
                        t.took(started.elapsed());
                        if !matches!(out, Outcome::Ok(_)) {
                            std::thread::sleep(Duration::from_millis(50));
                        }
                    }
                })
            })
            .collect();
        Load { phase, tallies, partners, stop, threads }
    }

    pub fn set_phase(&self, p: usize) {
        self.phase.store(p, Ordering::Relaxed);
    }

    pub fn stop(self) -> Vec<String> {
        self.stop.store(true, Ordering::Relaxed);
        for t in self.threads {
            let _ = t.join();
        }
        std::mem::take(&mut *self.partners.lock().unwrap_or_else(std::sync::PoisonError::into_inner))
    }
}
