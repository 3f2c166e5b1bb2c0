//! Messages on the engine under test: an SMS through a fake HTTP gateway that fails twice then
//! succeeds is sent exactly once with its three tries logged; a time-out is tried again; a
//! refusal is not; an e-mail through a fake SMTP server that refuses twice, the same; a send
//! interrupted by a crash is not sent again. Every SMS template of every area fits in one SMS.

use std::{
    collections::BTreeSet,
    sync::{
        Arc, Mutex,
        atomic::{AtomicUsize, Ordering},
    },
    time::Duration as StdDuration,
};

use axum::{Json, Router, http::HeaderMap, http::StatusCode, routing::post};
use relais_core::{
    clock::Clock,
    i18n::Locale,
    jobs::{self, Runner},
    mail::Mailer,
    messages::{self, MessageTemplate, NewMessage, Senders, Status},
    sms::SmsSender,
};
use time::Duration;
use tokio::{
    io::{AsyncBufReadExt, AsyncWriteExt, BufReader},
    net::TcpListener,
};

use crate::harness::TestApp;

/// What the fake gateway does with the n-th request (from 0).
#[derive(Clone, Copy)]
enum Answer {
    Ok,
    Unavailable,
    Refuse,
    Hang,
}

#[derive(Default)]
struct Gateway {
    requests: Mutex<Vec<(Option<String>, serde_json::Value)>>,
}

/// A fake SMS gateway on 127.0.0.1:0 answering `script` in turn (then success).
async fn fake_gateway(script: Vec<Answer>) -> (String, Arc<Gateway>) {
    let gateway = Arc::new(Gateway::default());
    let seen = gateway.clone();
    let count = Arc::new(AtomicUsize::new(0));
    let app = Router::new().route(
        "/sms",
        post(move |headers: HeaderMap, Json(body): Json<serde_json::Value>| {
            let seen = seen.clone();
            let n = count.fetch_add(1, Ordering::SeqCst);
            let answer = script.get(n).copied().unwrap_or(Answer::Ok);
            async move {
                seen.requests.lock().unwrap().push((headers.get("authorization").and_then(|v| v.to_str().ok()).map(str::to_string), body));
                match answer {
                    Answer::Ok => (StatusCode::OK, format!("{{\"id\":\"gw-{n}\"}}")),
                    Answer::Unavailable => (StatusCode::SERVICE_UNAVAILABLE, "busy".to_string()),
                    Answer::Refuse => (StatusCode::BAD_REQUEST, "{\"error\":\"number not reachable\"}".to_string()),
                    Answer::Hang => {
                        tokio::time::sleep(StdDuration::from_secs(5)).await;
                        (StatusCode::OK, "{}".to_string())
                    }
                }
            }
        }),
    );
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://127.0.0.1:{}/sms", listener.local_addr().unwrap().port());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, gateway)
}

fn runner(app: &TestApp, clock: &Clock, sms: SmsSender, mail: Mailer) -> Runner {
    messages::jobs(Runner::new(app.db.clone(), clock.clone()), Arc::new(Senders { mail, sms }))
}

fn sms_to(number: &str) -> NewMessage {
    NewMessage {
        organisation: None,
        to: number.to_string(),
        locale: Locale::Nl,
        template: MessageTemplate::Sms("sms-workshop-invitation"),
        args: vec![("module", "Smartphone".into()), ("date", "15/12 14:00".into()), ("place", "Digipunt Puurs".into()), ("phone", "03 890 76 00".into())],
        key: Some(format!("test:{number}")),
        secret: false,
    }
}

/// Rounds of the runner, the clock moved past each backoff, until nothing is due.
async fn drain(runner: &Runner, clock: &Clock) {
    for _ in 0..10 {
        runner.run_once().await.unwrap();
        clock.advance(Duration::minutes(10));
    }
}

#[tokio::test]
async fn an_sms_through_a_gateway_failing_twice_is_sent_once_with_three_tries_logged() {
    let app = TestApp::spawn().await;
    let clock = Clock::manual();
    let (url, gateway) = fake_gateway(vec![Answer::Unavailable, Answer::Unavailable]).await;
    let sms = SmsSender::http(&url, "s3cret-token", "OCMW Puurs", StdDuration::from_secs(2)).unwrap();
    let runner = runner(&app, &clock, sms, Mailer::outbox(app.outbox.path(), "relais@test.invalid"));
    let id = messages::queue(&app.db, &sms_to("+32470123456"), clock.now()).await.unwrap();
    // The same key again: the same message.
    assert_eq!(messages::queue(&app.db, &sms_to("+32470123456"), clock.now()).await.unwrap(), id);
    runner.run_once().await.unwrap();
    assert_eq!(messages::find(&app.db, id).await.unwrap().unwrap().status, Status::Queued, "not sent yet: tried again later");
    drain(&runner, &clock).await;

    let requests = gateway.requests.lock().unwrap().clone();
    assert_eq!(requests.len(), 3, "three calls to the gateway");
    for (auth, body) in &requests {
        assert_eq!(auth.as_deref(), Some("Bearer s3cret-token"));
        assert_eq!(body["to"], "+32470123456");
        assert_eq!(body["from"], "OCMW Puurs");
        assert_eq!(body["reference"], id.to_string(), "the gateway may drop a repeat by its reference");
        assert!(body["text"].as_str().unwrap().starts_with("Relais: uw workshop \"Smartphone\" op 15/12 14:00, Digipunt Puurs"), "{body}");
    }
    let message = messages::find(&app.db, id).await.unwrap().unwrap();
    assert_eq!(message.status, Status::Sent);
    assert_eq!(message.provider_ref.as_deref(), Some("gw-2"));
    let tries = messages::attempts(&app.db, id).await.unwrap();
    assert_eq!(tries.iter().map(|a| a.result.as_str()).collect::<Vec<_>>(), ["error", "error", "sent"]);
    assert!(tries[0].detail.contains("503"), "{:?}", tries[0]);
    assert!(tries.iter().all(|a| a.sms_parts == Some(1)));
    assert_eq!(tries[2].provider_ref.as_deref(), Some("gw-2"));
    assert!(tries.windows(2).all(|w| w[1].at - w[0].at >= Duration::seconds(30)), "tried again after a wait");
}

#[tokio::test]
async fn a_gateway_that_does_not_answer_is_tried_again_and_a_refusal_is_final() {
    let app = TestApp::spawn().await;
    let clock = Clock::manual();
    let (url, gateway) = fake_gateway(vec![Answer::Hang, Answer::Refuse]).await;
    let sms = SmsSender::http(&url, "t", "Relais", StdDuration::from_millis(300)).unwrap();
    let runner = runner(&app, &clock, sms, Mailer::outbox(app.outbox.path(), "relais@test.invalid"));
    let first = messages::queue(&app.db, &sms_to("+32470000001"), clock.now()).await.unwrap();
    runner.run_once().await.unwrap();
    let tries = messages::attempts(&app.db, first).await.unwrap();
    assert_eq!(tries.len(), 1);
    assert_eq!(tries[0].result, "error");
    assert!(tries[0].detail.contains("no answer in time"), "{:?}", tries[0]);
    // The second message meets the refusal; the first is sent on its next try.
    let second = messages::queue(&app.db, &sms_to("+32470000002"), clock.now()).await.unwrap();
    runner.run_once().await.unwrap();
    drain(&runner, &clock).await;
    assert_eq!(messages::find(&app.db, first).await.unwrap().unwrap().status, Status::Sent);
    let refused = messages::find(&app.db, second).await.unwrap().unwrap();
    assert_eq!(refused.status, Status::Failed);
    let tries = messages::attempts(&app.db, second).await.unwrap();
    assert_eq!(tries.iter().map(|a| a.result.as_str()).collect::<Vec<_>>(), ["refused"], "a refusal is not tried again");
    assert!(tries[0].detail.contains("number not reachable"));
    assert_eq!(gateway.requests.lock().unwrap().len(), 3);
    // No job is left failed: the refusal is the message's answer, not a broken job.
    assert!(jobs::list(&app.db, jobs::State::Failed, 10).await.unwrap().is_empty());
}

#[tokio::test]
async fn a_send_interrupted_by_a_crash_is_not_sent_again() {
    let app = TestApp::spawn().await;
    let clock = Clock::manual();
    let (url, gateway) = fake_gateway(vec![]).await;
    let runner = runner(&app, &clock, SmsSender::http(&url, "t", "Relais", StdDuration::from_secs(2)).unwrap(), Mailer::outbox(app.outbox.path(), "relais@test.invalid"));
    let id = messages::queue(&app.db, &sms_to("+32470000003"), clock.now()).await.unwrap();
    // A process took the job, recorded its try as started, called the gateway, and died.
    let claimed = jobs::claim(&app.db, "dead", 10, jobs::LEASE, clock.now()).await.unwrap();
    assert_eq!(claimed.len(), 1);
    relais_core::on_db!(&app.db, pool => sqlx::query("INSERT INTO message_attempts (message_id, number, at_ms, result, sms_parts, detail) VALUES ($1, 1, $2, 'started', 1, '')")
        .bind(id)
        .bind(jobs::millis(clock.now()))
        .execute(pool)
        .await
        .map(|_| ()))
    .unwrap();
    clock.advance(jobs::LEASE + Duration::seconds(1));
    drain(&runner, &clock).await;
    assert_eq!(gateway.requests.lock().unwrap().len(), 0, "not sent again");
    assert_eq!(messages::find(&app.db, id).await.unwrap().unwrap().status, Status::Uncertain);
    let tries = messages::attempts(&app.db, id).await.unwrap();
    assert_eq!(tries.iter().map(|a| a.result.as_str()).collect::<Vec<_>>(), ["uncertain"]);
}

/// A fake SMTP server on 127.0.0.1:0: the first `refusals` connections are answered "451 try
/// again later" at MAIL FROM, the next ones accept; returns the port, how many connections and
/// the messages accepted.
async fn fake_smtp(refusals: usize) -> (u16, Arc<AtomicUsize>, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let connections = Arc::new(AtomicUsize::new(0));
    let accepted = Arc::new(Mutex::new(Vec::new()));
    let (count, store) = (connections.clone(), accepted.clone());
    tokio::spawn(async move {
        loop {
            let Ok((socket, _)) = listener.accept().await else { return };
            let n = count.fetch_add(1, Ordering::SeqCst);
            let store = store.clone();
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read);
                let _ = write.write_all(b"220 fake.test ESMTP\r\n").await;
                let mut line = String::new();
                loop {
                    line.clear();
                    if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
                        return;
                    }
                    let command = line.trim_end().to_ascii_uppercase();
                    let reply: &[u8] = if command.starts_with("EHLO") || command.starts_with("HELO") {
                        b"250-fake.test\r\n250 8BITMIME\r\n"
                    } else if command.starts_with("MAIL FROM:") {
                        if n < refusals { b"451 4.3.0 try again later\r\n" } else { b"250 OK\r\n" }
                    } else if command.starts_with("RCPT TO:") || command == "RSET" || command == "NOOP" {
                        b"250 OK\r\n"
                    } else if command == "DATA" {
                        let _ = write.write_all(b"354 go ahead\r\n").await;
                        let mut data = String::new();
                        loop {
                            line.clear();
                            if lines.read_line(&mut line).await.unwrap_or(0) == 0 || line == ".\r\n" {
                                break;
                            }
                            data.push_str(&line);
                        }
                        store.lock().unwrap().push(data);
                        b"250 2.0.0 queued as F4KE\r\n"
                    } else if command == "QUIT" {
                        let _ = write.write_all(b"221 bye\r\n").await;
                        return;
                    } else {
                        b"502 not implemented\r\n"
                    };
                    let _ = write.write_all(reply).await;
                }
            });
        }
    });
    (port, connections, accepted)
}

#[tokio::test]
async fn an_email_through_an_smtp_server_refusing_twice_is_sent_once_with_three_tries_logged() {
    let app = TestApp::spawn().await;
    let clock = Clock::manual();
    let (port, connections, accepted) = fake_smtp(2).await;
    let mail = Mailer::smtp_with_timeout(&format!("smtp://127.0.0.1:{port}"), "relais@example.be", StdDuration::from_secs(5)).unwrap();
    let runner = runner(&app, &clock, SmsSender::outbox(app.sms_outbox.path(), "Relais"), mail);
    let message = NewMessage {
        organisation: None,
        to: "anna.peeters@example.be".into(),
        locale: Locale::De,
        template: MessageTemplate::Email { subject: "workshop-invitation-subject", body: "workshop-invitation-body" },
        args: vec![
            ("name", "Anna".into()),
            ("module", "Smartphone".into()),
            ("dates", "Di. 15.12., 14:00–16:00".into()),
            ("place", "Digitaltreff Eupen".into()),
            ("link", "https://relais.example.be/workshops/1".into()),
        ],
        key: None,
        // As a sign-in link would be: wiped from the outbox once sent.
        secret: true,
    };
    let id = messages::queue(&app.db, &message, clock.now()).await.unwrap();
    drain(&runner, &clock).await;
    assert_eq!(connections.load(Ordering::SeqCst), 3);
    let accepted = accepted.lock().unwrap().clone();
    assert_eq!(accepted.len(), 1, "delivered once");
    assert!(accepted[0].contains(&format!("Message-ID: <{id}@example.be>")), "{}", accepted[0]);
    assert!(accepted[0].contains("workshops/1"), "the link was sent");
    let stored = messages::find(&app.db, id).await.unwrap().unwrap();
    assert_eq!(stored.status, Status::Sent);
    assert!(stored.subject.contains("Smartphone") && stored.locale == "de");
    assert_eq!(stored.body, messages::WIPED, "the text with its link is not kept once sent");
    let tries = messages::attempts(&app.db, id).await.unwrap();
    assert_eq!(tries.iter().map(|a| a.result.as_str()).collect::<Vec<_>>(), ["error", "error", "sent"]);
    assert!(tries[0].detail.contains("451"), "{:?}", tries[0]);
    assert!(tries[2].provider_ref.as_deref().is_some_and(|r| r.contains(&id.to_string())), "{:?}", tries[2]);
    assert!(tries.iter().all(|a| a.sms_parts.is_none()));
}

#[test]
fn every_sms_template_of_every_area_fits_in_one_sms_in_every_language() {
    let templates = relais::sms_templates();
    let problems = messages::sms_templates_problems(&templates.iter().map(|t| messages::SmsTemplate { key: t.key, example: t.example }).collect::<Vec<_>>());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // Every `sms-…` message of the locale files is one of them (a new SMS must say its example values).
    let listed: BTreeSet<&str> = templates.iter().map(|t| t.key).collect();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales/en");
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        for line in std::fs::read_to_string(entry.path()).unwrap().lines() {
            if let Some((key, _)) = line.split_once(" = ").filter(|(k, _)| k.starts_with("sms-")) {
                assert!(listed.contains(key), "{key} is an SMS no area lists in its SMS_TEMPLATES");
            }
        }
    }
}
