//! A small SMTP server for tests: speaks enough SMTP for lettre (greeting, EHLO/HELO, MAIL,
//! RCPT, DATA, RSET, NOOP, QUIT) on a free local port and hands every accepted message over.
//! A message is handed over before its `250` answer, so it is there when the sender returns.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc;
use std::time::Duration;

/// One message as the server received it.
#[derive(Debug, Clone)]
pub struct Received {
    pub helo: String,
    pub mail_from: String,
    pub rcpt_to: Vec<String>,
    /// The DATA section, dot-unstuffed, without the final `.`.
    pub data: String,
}

pub struct SmtpSink {
    pub port: u16,
    rx: mpsc::Receiver<Received>,
}

impl SmtpSink {
    pub fn start() -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { return };
                let tx = tx.clone();
                std::thread::spawn(move || {
                    let _ = session(stream, &tx);
                });
            }
        });
        SmtpSink { port, rx }
    }

    /// The next message received (it is already there once the sending request has answered).
    pub fn next(&self) -> Received {
        self.rx.recv_timeout(Duration::from_secs(30)).expect("no message reached the SMTP sink")
    }

    /// Whether no message is waiting.
    pub fn is_empty(&self) -> bool {
        matches!(self.rx.try_recv(), Err(mpsc::TryRecvError::Empty))
    }
}

fn session(stream: TcpStream, tx: &mpsc::Sender<Received>) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut out = stream.try_clone()?;
    let mut lines = BufReader::new(stream);
    let mut reply = |text: &str| out.write_all(text.as_bytes()).and_then(|()| out.flush());
    reply("220 sink.test ESMTP test sink\r\n")?;
    let mut msg = Received { helo: String::new(), mail_from: String::new(), rcpt_to: Vec::new(), data: String::new() };
    loop {
        let mut line = String::new();
        if lines.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let cmd = line.trim_end().to_owned();
        let upper = cmd.to_ascii_uppercase();
        if upper.starts_with("EHLO") || upper.starts_with("HELO") {
            msg.helo = cmd[4..].trim().to_owned();
            reply("250-sink.test greets you\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n")?;
        } else if upper.starts_with("MAIL FROM:") {
            msg.mail_from = address(&cmd[10..]);
            reply("250 2.1.0 OK\r\n")?;
        } else if upper.starts_with("RCPT TO:") {
            msg.rcpt_to.push(address(&cmd[8..]));
            reply("250 2.1.5 OK\r\n")?;
        } else if upper == "DATA" {
            reply("354 End data with <CR><LF>.<CR><LF>\r\n")?;
            let mut data = String::new();
            loop {
                let mut l = String::new();
                if lines.read_line(&mut l)? == 0 {
                    return Ok(());
                }
                if l == ".\r\n" || l == ".\n" {
                    break;
                }
                data.push_str(l.strip_prefix('.').unwrap_or(&l));
            }
            msg.data = data;
            let _ = tx.send(msg.clone());
            msg.rcpt_to.clear();
            reply("250 2.0.0 queued\r\n")?;
        } else if upper == "RSET" || upper == "NOOP" {
            reply("250 OK\r\n")?;
        } else if upper == "QUIT" {
            reply("221 2.0.0 bye\r\n")?;
            return Ok(());
        } else {
            reply("502 5.5.2 command not implemented\r\n")?;
        }
    }
}

fn address(arg: &str) -> String {
    let arg = arg.trim();
    let inner = arg.split_once('<').and_then(|(_, r)| r.split_once('>')).map_or(arg, |(a, _)| a);
    inner.to_owned()
}
