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

/// The address of the client of `req`: the connection's peer, or, with `trust_forwarded`
/// (behind a proxy that sets it), the first address of `Forwarded`/`X-Forwarded-For`. A client
/// can write those headers itself, so they are trusted only when configured.
pub fn client_address(req: &actix_web::HttpRequest, trust_forwarded: bool) -> Option<String> {
    if trust_forwarded {
        let info = req.connection_info();
        return info.realip_remote_addr().map(|a| strip_port(a).to_owned());
    }
    req.peer_addr().map(|a| a.ip().to_string())
}

fn strip_port(addr: &str) -> &str {
    match addr.parse::<std::net::SocketAddr>() {
        Ok(_) => addr.rsplit_once(':').map_or(addr, |(ip, _)| ip.trim_start_matches('[').trim_end_matches(']')),
        Err(_) => addr,
    }
}

#[cfg(test)]
mod client_address_tests {
    use super::*;
    use actix_web::test::TestRequest;

    #[test]
    fn forwarded_headers_count_only_when_trusted() {
        let req = TestRequest::default()
            .peer_addr("10.0.0.9:4000".parse().unwrap_or_else(|e| panic!("{e}")))
            .insert_header(("X-Forwarded-For", "203.0.113.7, 10.0.0.9"))
            .to_http_request();
        assert_eq!(client_address(&req, false).as_deref(), Some("10.0.0.9"));
        assert_eq!(client_address(&req, true).as_deref(), Some("203.0.113.7"));
    }

    #[test]
    fn ports_are_dropped() {
        assert_eq!(strip_port("198.51.100.2:555"), "198.51.100.2");
        assert_eq!(strip_port("[2001:db8::1]:80"), "2001:db8::1");
        assert_eq!(strip_port("2001:db8::1"), "2001:db8::1");
    }
}
