//! Outgoing e-mail: by SMTP (against a tiny fake server) and into the outbox.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

use std::time::{Duration, Instant};

use relais_core::mail::{MailError, Mailer, Message, decode_message, read_outbox};
use tokio::{
    io::{AsyncBufReadExt, AsyncWriteExt, BufReader},
    net::TcpListener,
    sync::oneshot,
};

const SUBJECT: &str = "Invitation à Relais — ÖSHZ";

fn long_url() -> String {
    format!("https://relais.example.be/invitation?token={}&lang=fr-BE&next=%2Forganisations%2F42", "AbC-d_9".repeat(20))
}

fn message() -> Message {
    Message {
        to: "nadia.nouvelle@example.be".to_string(),
        subject: SUBJECT.to_string(),
        body: format!("Bonjour Nadia,\n\nVous êtes invitée à rejoindre le CPAS de Charleroi (démo) :\n{}\n\nÀ bientôt !", long_url()),
    }
}

/// What the fake server received: the envelope recipients and the DATA, dot-unstuffed.
#[derive(Debug, Default)]
struct Received {
    recipients: Vec<String>,
    data: String,
}

/// A fake SMTP server on 127.0.0.1:0 that accepts one message.
async fn fake_smtp_server() -> (u16, oneshot::Receiver<Received>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let (done, received) = oneshot::channel();
    tokio::spawn(async move {
        let (socket, _) = listener.accept().await.unwrap();
        let (read, mut write) = socket.into_split();
        let mut lines = BufReader::new(read);
        let mut got = Received::default();
        write.write_all(b"220 fake.test ESMTP ready\r\n").await.unwrap();
        let mut line = String::new();
        loop {
            line.clear();
            if lines.read_line(&mut line).await.unwrap() == 0 {
                break;
            }
            let command = line.trim_end().to_ascii_uppercase();
            let reply: &[u8] = if command.starts_with("EHLO") || command.starts_with("HELO") {
                b"250-fake.test\r\n250 8BITMIME\r\n"
            } else if command.starts_with("MAIL FROM:") {
                b"250 OK\r\n"
            } else if command.starts_with("RCPT TO:") {
                got.recipients.push(line.trim_end()["RCPT TO:".len()..].trim().trim_matches(['<', '>']).to_string());
                b"250 OK\r\n"
            } else if command == "DATA" {
                write.write_all(b"354 end with <CRLF>.<CRLF>\r\n").await.unwrap();
                loop {
                    line.clear();
                    if lines.read_line(&mut line).await.unwrap() == 0 || line == ".\r\n" {
                        // The CRLF before the dot belongs to the end marker "\r\n.\r\n".
                        got.data.truncate(got.data.strip_suffix("\r\n").map_or(got.data.len(), str::len));
                        break;
                    }
                    // Dot-unstuffing (RFC 5321 §4.5.2).
                    got.data.push_str(line.strip_prefix('.').unwrap_or(&line));
                }
                b"250 queued\r\n"
            } else if command == "QUIT" {
                write.write_all(b"221 bye\r\n").await.unwrap();
                break;
            } else if command == "RSET" || command == "NOOP" {
                b"250 OK\r\n"
            } else {
                b"502 not implemented\r\n"
            };
            write.write_all(reply).await.unwrap();
        }
        let _ = done.send(got);
    });
    (port, received)
}

#[tokio::test]
async fn mail_is_sent_by_smtp_with_its_subject_and_link_intact() {
    let (port, received) = fake_smtp_server().await;
    let mailer = Mailer::smtp(&format!("smtp://localhost:{port}"), "relais@example.be").unwrap();
    mailer.send(&message()).await.expect("sent");
    let received = tokio::time::timeout(Duration::from_secs(10), received).await.expect("in time").expect("received");

    assert_eq!(received.recipients, ["nadia.nouvelle@example.be"]);
    assert!(received.data.contains("From: Relais <relais@example.be>"), "{}", received.data);
    assert!(received.data.is_ascii(), "7-bit clean on the wire:\n{}", received.data);
    assert!(received.data.lines().all(|l| l.len() <= 998), "{}", received.data);
    let (to, subject, body) = decode_message(&received.data);
    assert_eq!(to, "nadia.nouvelle@example.be");
    assert_eq!(subject, SUBJECT);
    assert!(body.contains(&format!("\n{}\n", long_url())), "the link is unbroken: {body}");
    assert_eq!(body, message().body);
}

#[tokio::test]
async fn mail_written_to_the_outbox_round_trips_through_read_outbox() {
    let folder = tempfile::tempdir().unwrap();
    let mailer = Mailer::outbox(folder.path(), "relais@localhost");
    assert_eq!(mailer.outbox_folder(), Some(folder.path()));
    mailer.send(&message()).await.expect("written");
    let second = Message { to: "x@example.be".into(), subject: "Réinitialisation".repeat(12), body: "ligne\n".repeat(3) };
    mailer.send(&second).await.expect("written");

    let mails = read_outbox(folder.path());
    assert_eq!(mails.len(), 2);
    let (to, subject, body) = &mails[0];
    assert_eq!(to, "nadia.nouvelle@example.be");
    assert_eq!(subject, SUBJECT);
    assert_eq!(body, &message().body);
    let link = body.lines().find(|l| l.contains("/invitation?token=")).expect("link in the mail");
    assert_eq!(link, long_url());
    assert_eq!(mails[1], (second.to, second.subject, second.body));

    // The file stays readable as is: the link is on one line.
    let file = std::fs::read_dir(folder.path()).unwrap().flatten().map(|e| e.path()).min().unwrap();
    let raw = std::fs::read_to_string(file).unwrap();
    assert!(raw.contains(&long_url()), "{raw}");
}

#[tokio::test]
async fn mail_with_a_very_long_line_still_round_trips_through_the_outbox() {
    let folder = tempfile::tempdir().unwrap();
    let mailer = Mailer::outbox(folder.path(), "relais@localhost");
    let body = format!("{}\nfin", "é".repeat(1200));
    mailer.send(&Message { to: "x@example.be".into(), subject: "long".into(), body: body.clone() }).await.expect("written");
    assert_eq!(read_outbox(folder.path())[0].2, body);
}

#[tokio::test]
async fn mail_with_an_invalid_recipient_is_refused() {
    let folder = tempfile::tempdir().unwrap();
    let mailer = Mailer::outbox(folder.path(), "relais@localhost");
    for to in ["no-at-sign", "a@b\r\nBcc: x@y.z", "<a@b.c>", "a@b.c, d@e.f"] {
        let result = mailer.send(&Message { to: to.into(), subject: "s".into(), body: "b".into() }).await;
        assert!(matches!(result, Err(MailError::InvalidRecipient)), "{to}: {result:?}");
    }
    assert!(read_outbox(folder.path()).is_empty());
}

#[tokio::test]
async fn mail_to_an_unreachable_smtp_server_fails_quickly() {
    // A port nobody listens on: connection refused.
    let closed = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let mailer = Mailer::smtp_with_timeout(&format!("smtp://localhost:{port}"), "relais@example.be", Duration::from_secs(2)).unwrap();
    let start = Instant::now();
    let result = mailer.send(&message()).await;
    assert!(matches!(result, Err(MailError::Smtp(_))), "{result:?}");
    assert!(start.elapsed() < Duration::from_secs(5), "{:?}", start.elapsed());

    // A server that accepts the connection but never answers: the timeout applies.
    let silent = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = silent.local_addr().unwrap().port();
    let _keep = tokio::spawn(async move {
        let mut sockets = Vec::new();
        while let Ok((socket, _)) = silent.accept().await {
            sockets.push(socket);
        }
    });
    let mailer = Mailer::smtp_with_timeout(&format!("smtp://user:s3cret@127.0.0.1:{port}"), "relais@example.be", Duration::from_secs(1)).unwrap();
    let start = Instant::now();
    let result = mailer.send(&message()).await;
    assert!(matches!(&result, Err(MailError::Smtp(error)) if !error.contains("s3cret")), "{result:?}");
    assert!(start.elapsed() < Duration::from_secs(5), "{:?}", start.elapsed());
}

#[tokio::test]
async fn mail_subject_with_a_line_break_cannot_add_a_header() {
    let folder = tempfile::tempdir().unwrap();
    let mailer = Mailer::outbox(folder.path(), "relais@localhost");
    let subject = "Bonjour\r\nBcc: evil@example.com";
    mailer.send(&Message { to: "x@example.be".into(), subject: subject.into(), body: "b".into() }).await.expect("written");
    let file = std::fs::read_dir(folder.path()).unwrap().flatten().next().unwrap().path();
    let raw = std::fs::read_to_string(file).unwrap();
    assert!(!raw.lines().any(|l| l.to_ascii_lowercase().starts_with("bcc:")), "{raw}");
}
