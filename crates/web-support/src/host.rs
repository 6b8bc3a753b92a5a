//! This host's name and address, as audit records carry them.

use std::net::UdpSocket;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostInfo {
    pub name: String,
    pub ip: String,
}

impl HostInfo {
    pub fn detect() -> Self {
        let name = std::env::var("HOSTNAME")
            .ok()
            .or_else(|| std::fs::read_to_string("/proc/sys/kernel/hostname").ok())
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "localhost".into());
        HostInfo { name, ip: local_ip().unwrap_or_else(|| "127.0.0.1".into()) }
    }
}

/// The address of the interface that routes outwards (no packet is sent).
fn local_ip() -> Option<String> {
    let socket = UdpSocket::bind("0.0.0.0:0").ok()?;
    socket.connect("10.255.255.255:1").ok()?;
    socket.local_addr().ok().map(|a| a.ip().to_string())
}
