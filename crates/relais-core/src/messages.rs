//! Messages to people: one outbox for e-mail and SMS. A message is written once (channel,
//! address, language, the template it came from, its text) with the job that sends it, in one
//! transaction; every try of the job is logged (time, result, the provider's reference, the SMS
//! parts). Sending goes through [`crate::jobs`], so a failure is tried again with backoff and a
//! crash never sends twice: a try is recorded as started before the provider is called, and a
//! job that finds a try started and never answered (its process died mid-send) does not send
//! again — the message is marked `uncertain` for a person to check (the provider got the
//! message's id as its reference, so it may drop a repeat if an admin retries).
//!
//! Texts come from Fluent templates in the person's language: `<template>-subject` and
//! `<template>-body` for e-mail, `<template>` for SMS; [`SMS_TEMPLATES`] lists every SMS
//! template with realistic values, and a test checks each fits in one SMS in every language.

use std::sync::Arc;

use time::OffsetDateTime;
use uuid::Uuid;

use crate::{
    Db, DbError,
    i18n::{FluentArg, Locale, Tr},
    jobs::{self, JobContext, JobError, Runner},
    mail::{Mailer, Message as Mail},
    on_db,
    sms::{self, SmsSender},
};

/// The job that sends a message.
pub const SEND_JOB: &str = "message-send";
/// Tries before a message is given up (30 s, 1, 2, 4, 8 min: about a quarter of an hour).
pub const MAX_TRIES: u32 = 6;

/// How a message reaches its person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    Email,
    Sms,
}

impl Channel {
    pub fn code(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Sms => "sms",
        }
    }

    pub fn from_code(code: &str) -> Option<Channel> {
        [Channel::Email, Channel::Sms].into_iter().find(|c| c.code() == code)
    }
}

/// Where a message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Queued,
    Sent,
    /// Refused by the provider, or every try failed.
    Failed,
    /// A try was interrupted mid-send: it may or may not have left.
    Uncertain,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Queued => "queued",
            Status::Sent => "sent",
            Status::Failed => "failed",
            Status::Uncertain => "uncertain",
        }
    }

    fn from_code(code: &str) -> Status {
        match code {
            "sent" => Status::Sent,
            "failed" => Status::Failed,
            "uncertain" => Status::Uncertain,
            _ => Status::Queued,
        }
    }
}

/// What a message says: Fluent keys, named where the message is made (so a test finds every
/// key used). The channel follows from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageTemplate {
    Email { subject: &'static str, body: &'static str },
    Sms(&'static str),
}

impl MessageTemplate {
    pub fn channel(self) -> Channel {
        match self {
            MessageTemplate::Email { .. } => Channel::Email,
            MessageTemplate::Sms(_) => Channel::Sms,
        }
    }

    /// The key the outbox records it by (the body's).
    pub fn key(self) -> &'static str {
        match self {
            MessageTemplate::Email { body, .. } => body,
            MessageTemplate::Sms(key) => key,
        }
    }
}

/// An SMS template and realistic values for its variables (the longest plausible ones). Each
/// area lists its own; a test checks each fits in one SMS in every language.
pub struct SmsTemplate {
    pub key: &'static str,
    pub example: &'static [(&'static str, &'static str)],
}

/// What to send.
#[derive(Debug, Clone)]
pub struct NewMessage {
    pub organisation: Option<Uuid>,
    /// An e-mail address, or a phone number in E.164 (`+32…`).
    pub to: String,
    pub locale: Locale,
    pub template: MessageTemplate,
    pub args: Vec<(&'static str, String)>,
    /// Makes the message once however often it is queued (e.g. `workshop:<id>:invitation:<request>`).
    pub key: Option<String>,
    /// The text carries a secret (a sign-in or password link): it is wiped from the outbox
    /// once the message is sent or given up; the subject and the attempts stay.
    pub secret: bool,
}

impl NewMessage {
    /// A message with no unique key and no secret.
    pub fn new(organisation: Option<Uuid>, to: &str, locale: Locale, template: MessageTemplate, args: Vec<(&'static str, String)>) -> NewMessage {
        NewMessage { organisation, to: to.to_string(), locale, template, args, key: None, secret: false }
    }

    pub fn key(mut self, key: String) -> NewMessage {
        self.key = Some(key);
        self
    }

    /// See [`NewMessage::secret`].
    pub fn secret(mut self) -> NewMessage {
        self.secret = true;
        self
    }
}

/// What a wiped text reads (see [`NewMessage::secret`]).
pub const WIPED: &str = "[removed once sent: it held a link]";

/// The message's texts from its template: (subject, body); the subject is empty for an SMS,
/// whose text is made [`sms::gsm_friendly`].
pub fn render(template: MessageTemplate, locale: Locale, args: &[(&'static str, String)]) -> (String, String) {
    let tr = Tr::new(locale);
    let fluent: Vec<(&'static str, FluentArg)> = args.iter().map(|(k, v)| (*k, FluentArg::Text(v.clone()))).collect();
    match template {
        MessageTemplate::Email { subject, body } => (tr.t_args(subject, &fluent), tr.t_args(body, &fluent)),
        MessageTemplate::Sms(key) => (String::new(), sms::gsm_friendly(&tr.t_args(key, &fluent))),
    }
}

/// The values of an SMS with `shrink` cut, word by word, until the text fits in one part (a
/// place's long name must not make two SMS of an invitation); unchanged when it fits already.
pub fn fit_sms(key: &'static str, locale: Locale, mut args: Vec<(&'static str, String)>, shrink: &str) -> Vec<(&'static str, String)> {
    loop {
        let (_, text) = render(MessageTemplate::Sms(key), locale, &args);
        let Some(value) = args.iter_mut().find(|(k, _)| *k == shrink).map(|(_, v)| v) else { return args };
        if sms::length(&text).parts == 1 || value.is_empty() {
            return args;
        }
        let words: Vec<&str> = value.split_whitespace().collect();
        *value = words[..words.len().saturating_sub(1)].join(" ");
    }
}

/// The message and the job that sends it, in one transaction. With a key already queued, the
/// first message stands (its id is returned).
pub async fn queue(db: &Db, message: &NewMessage, now: OffsetDateTime) -> Result<Uuid, DbError> {
    let (subject, body) = render(message.template, message.locale, &message.args);
    let id = Uuid::new_v4();
    let job = Uuid::new_v4();
    let key = message.key.clone();
    let inserted: Option<Uuid> = on_db!(db, pool => async {
        let mut tx = pool.begin().await?;
        let inserted: Option<Uuid> = sqlx::query_scalar(
            "INSERT INTO messages (id, organisation_id, channel, address, locale, template, subject, body, status, unique_key, created_ms)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'queued', $9, $10)
             ON CONFLICT (unique_key) DO NOTHING RETURNING id",
        )
        .bind(id)
        .bind(message.organisation)
        .bind(message.template.channel().code())
        .bind(&message.to)
        .bind(message.locale.code())
        .bind(message.template.key())
        .bind(&subject)
        .bind(&body)
        .bind(&key)
        .bind(jobs::millis(now))
        .fetch_optional(&mut *tx)
        .await?;
        if inserted.is_some() {
            sqlx::query(
                "INSERT INTO jobs (id, kind, unique_key, payload, state, due_ms, attempts, max_attempts, created_ms)
                 VALUES ($1, $2, $3, $4, 'queued', $5, 0, $6, $5)",
            )
            .bind(job)
            .bind(SEND_JOB)
            .bind(format!("message:{id}"))
            .bind(serde_json::json!({ "message": id, "secret": message.secret }).to_string())
            .bind(jobs::millis(now))
            .bind(i64::from(MAX_TRIES))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok::<_, sqlx::Error>(inserted)
    }.await)?;
    match inserted {
        Some(id) => Ok(id),
        None => Ok(on_db!(db, pool => sqlx::query_scalar("SELECT id FROM messages WHERE unique_key = $1").bind(&key).fetch_one(pool).await)?),
    }
}

/// A message as the outbox keeps it.
#[derive(Debug, Clone)]
pub struct Stored {
    pub id: Uuid,
    pub organisation: Option<Uuid>,
    pub channel: Channel,
    pub to: String,
    pub locale: String,
    pub template: String,
    pub subject: String,
    pub body: String,
    pub status: Status,
    pub created: OffsetDateTime,
    pub sent: Option<OffsetDateTime>,
    pub provider_ref: Option<String>,
}

type StoredRow = (Uuid, Option<Uuid>, String, String, String, String, String, String, String, i64, Option<i64>, Option<String>);

fn stored((id, organisation, channel, to, locale, template, subject, body, status, created, sent, provider_ref): StoredRow) -> Stored {
    Stored {
        id,
        organisation,
        channel: Channel::from_code(&channel).unwrap_or(Channel::Email),
        to,
        locale,
        template,
        subject,
        body,
        status: Status::from_code(&status),
        created: jobs::from_millis(created),
        sent: sent.map(jobs::from_millis),
        provider_ref,
    }
}

const COLUMNS: &str = "id, organisation_id, channel, address, locale, template, subject, body, status, created_ms, sent_ms, provider_ref";

pub async fn find(db: &Db, id: Uuid) -> Result<Option<Stored>, DbError> {
    let sql = format!("SELECT {COLUMNS} FROM messages WHERE id = $1");
    let row: Option<StoredRow> = on_db!(db, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(id).fetch_optional(pool).await)?;
    Ok(row.map(stored))
}

/// The messages of an organisation, newest first.
pub async fn of_organisation(db: &Db, organisation: Uuid, limit: u32) -> Result<Vec<Stored>, DbError> {
    let sql = format!("SELECT {COLUMNS} FROM messages WHERE organisation_id = $1 ORDER BY created_ms DESC, id LIMIT $2");
    let rows: Vec<StoredRow> = on_db!(db, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(organisation).bind(i64::from(limit)).fetch_all(pool).await)?;
    Ok(rows.into_iter().map(stored).collect())
}

/// One try to send a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    pub number: u32,
    pub at: OffsetDateTime,
    /// `started` (no answer yet, or the process died), `sent`, `error`, `refused`, `uncertain`.
    pub result: String,
    pub provider_ref: Option<String>,
    pub sms_parts: Option<u32>,
    pub detail: String,
}

pub async fn attempts(db: &Db, message: Uuid) -> Result<Vec<Attempt>, DbError> {
    type AttemptRow = (i64, i64, String, Option<String>, Option<i64>, String);
    let rows: Vec<AttemptRow> = on_db!(db, pool => sqlx::query_as(
        "SELECT number, at_ms, result, provider_ref, sms_parts, detail FROM message_attempts WHERE message_id = $1 ORDER BY number",
    )
    .bind(message)
    .fetch_all(pool)
    .await)?;
    Ok(rows
        .into_iter()
        .map(|(number, at, result, provider_ref, parts, detail)| Attempt {
            number: u32::try_from(number).unwrap_or(0),
            at: jobs::from_millis(at),
            result,
            provider_ref,
            sms_parts: parts.and_then(|p| u32::try_from(p).ok()),
            detail,
        })
        .collect())
}

/// Where messages go: e-mail (SMTP or its outbox folder) and SMS (a gateway or its outbox folder).
#[derive(Clone, Debug)]
pub struct Senders {
    pub mail: Mailer,
    pub sms: SmsSender,
}

/// The sending job, for a runner.
pub fn jobs(runner: Runner, senders: Arc<Senders>) -> Runner {
    runner.handle(SEND_JOB, move |ctx| {
        let senders = senders.clone();
        async move { send(&ctx, &senders).await }
    })
}

async fn record_attempt(db: &Db, message: Uuid, attempt: &Attempt) -> Result<(), DbError> {
    on_db!(db, pool => sqlx::query(
        "INSERT INTO message_attempts (message_id, number, at_ms, result, provider_ref, sms_parts, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (message_id, number) DO UPDATE SET at_ms = $3, result = $4, provider_ref = $5, sms_parts = $6, detail = $7",
    )
    .bind(message)
    .bind(i64::from(attempt.number))
    .bind(jobs::millis(attempt.at))
    .bind(&attempt.result)
    .bind(&attempt.provider_ref)
    .bind(attempt.sms_parts.map(i64::from))
    .bind(attempt.detail.chars().take(500).collect::<String>())
    .execute(pool)
    .await
    .map(|_| ()))?;
    Ok(())
}

impl Attempt {
    fn new(number: u32, at: OffsetDateTime, result: &str, parts: Option<usize>) -> Attempt {
        Attempt { number, at, result: result.to_string(), provider_ref: None, sms_parts: parts.and_then(|p| u32::try_from(p).ok()), detail: String::new() }
    }

    fn detail(mut self, detail: &str) -> Attempt {
        self.detail = detail.to_string();
        self
    }

    fn provider_ref(mut self, reference: &str) -> Attempt {
        self.provider_ref = Some(reference.to_string());
        self
    }
}

async fn set_status(db: &Db, message: Uuid, status: Status, sent: Option<OffsetDateTime>, provider_ref: Option<&str>) -> Result<(), DbError> {
    on_db!(db, pool => sqlx::query("UPDATE messages SET status = $2, sent_ms = $3, provider_ref = $4 WHERE id = $1")
        .bind(message)
        .bind(status.code())
        .bind(sent.map(jobs::millis))
        .bind(provider_ref)
        .execute(pool)
        .await
        .map(|_| ()))?;
    Ok(())
}

/// One try of the sending job.
async fn send(ctx: &JobContext, senders: &Senders) -> Result<(), JobError> {
    #[derive(serde::Deserialize)]
    struct Payload {
        message: Uuid,
        #[serde(default)]
        secret: bool,
    }
    let payload: Payload = serde_json::from_str(&ctx.job.payload).map_err(|e| JobError(format!("payload: {e}")))?;
    let outcome = try_send(ctx, senders, payload.message).await;
    let last_try = ctx.job.attempt >= ctx.job.max_attempts;
    if payload.secret && (outcome.is_ok() || last_try) {
        wipe(&ctx.db, payload.message).await?;
    }
    outcome
}

async fn wipe(db: &Db, message: Uuid) -> Result<(), DbError> {
    on_db!(db, pool => sqlx::query("UPDATE messages SET body = $2 WHERE id = $1").bind(message).bind(WIPED).execute(pool).await.map(|_| ()))?;
    Ok(())
}

async fn try_send(ctx: &JobContext, senders: &Senders, message: Uuid) -> Result<(), JobError> {
    let payload_message = message;
    let Some(message) = find(&ctx.db, payload_message).await? else {
        return Ok(()); // forgotten meanwhile: nothing to send
    };
    let before = attempts(&ctx.db, message.id).await?;
    // Sent, or possibly sent, or refused for good: nothing to do. (Failed after errors and
    // retried by an admin: tried again.)
    let refused = before.last().is_some_and(|a| a.result == "refused");
    if matches!(message.status, Status::Sent | Status::Uncertain) || refused {
        return Ok(());
    }
    let number = before.last().map_or(1, |a| a.number + 1);
    if let Some(interrupted) = before.iter().find(|a| a.result == "started") {
        // The process died between calling the provider and hearing its answer.
        let uncertain = Attempt { result: "uncertain".to_string(), detail: "interrupted mid-send: not sent again".to_string(), ..interrupted.clone() };
        record_attempt(&ctx.db, message.id, &uncertain).await?;
        set_status(&ctx.db, message.id, Status::Uncertain, None, None).await?;
        tracing::warn!(message = %message.id, "a try was interrupted mid-send: the message is not sent again");
        return Ok(());
    }
    let parts = (message.channel == Channel::Sms).then(|| sms::length(&message.body).parts);
    record_attempt(&ctx.db, message.id, &Attempt::new(number, ctx.clock.now(), "started", parts)).await?;
    let reference = message.id.to_string();
    let outcome: Result<String, (bool, String)> = match message.channel {
        Channel::Email => senders
            .mail
            .deliver(&Mail { to: message.to.clone(), subject: message.subject.clone(), body: message.body.clone() }, message.id)
            .await
            .map_err(|e| (!matches!(e, crate::mail::MailError::InvalidRecipient | crate::mail::MailError::InvalidSender(_) | crate::mail::MailError::Build(_)), e.to_string())),
        Channel::Sms => senders.sms.send(&message.to, &message.body, &reference).await.map_err(|e| (e.is_transient(), e.to_string())),
    };
    let now = ctx.clock.now();
    match outcome {
        Ok(provider_ref) => {
            record_attempt(&ctx.db, message.id, &Attempt::new(number, now, "sent", parts).provider_ref(&provider_ref)).await?;
            set_status(&ctx.db, message.id, Status::Sent, Some(now), Some(&provider_ref)).await?;
            Ok(())
        }
        Err((true, error)) => {
            record_attempt(&ctx.db, message.id, &Attempt::new(number, now, "error", parts).detail(&error)).await?;
            if ctx.job.attempt >= ctx.job.max_attempts {
                set_status(&ctx.db, message.id, Status::Failed, None, None).await?;
            }
            Err(JobError(error))
        }
        Err((false, error)) => {
            // Refused for good (a bad address, a number the gateway rejects): no point retrying.
            record_attempt(&ctx.db, message.id, &Attempt::new(number, now, "refused", parts).detail(&error)).await?;
            set_status(&ctx.db, message.id, Status::Failed, None, None).await?;
            Ok(())
        }
    }
}

/// Whether every SMS template fits in one part in every language with its example values;
/// the problems found (for the test that gathers every area's templates).
pub fn sms_templates_problems(templates: &[SmsTemplate]) -> Vec<String> {
    let mut problems = Vec::new();
    for template in templates {
        let args: Vec<(&'static str, String)> = template.example.iter().map(|(k, v)| (*k, (*v).to_string())).collect();
        for locale in Locale::ALL {
            let (_, text) = render(MessageTemplate::Sms(template.key), locale, &args);
            let lang = locale.code();
            if text.contains(template.key) {
                problems.push(format!("{} [{lang}] is not translated", template.key));
            }
            for (_, value) in &args {
                if !text.contains(&sms::gsm_friendly(value)) {
                    problems.push(format!("{} [{lang}] does not say {value}: {text}", template.key));
                }
            }
            let length = sms::length(&text);
            if length.encoding != sms::Encoding::Gsm7 || length.parts != 1 {
                problems.push(format!("{} [{lang}] takes {} part(s) of {:?} ({} characters): {text}", template.key, length.parts, length.encoding, length.units));
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_value_is_cut_word_by_word_until_the_sms_fits() {
        let place = "Espace public numérique de la Maison de quartier du Vieux-Marché de Marchienne-au-Pont (démo)";
        let args =
            vec![("module", "Smartphone : premiers pas".to_string()), ("date", "15/12 14:00".to_string()), ("place", place.to_string()), ("phone", "071 23 45 67".to_string())];
        let fitted = fit_sms("sms-workshop-invitation", Locale::Fr, args.clone(), "place");
        let (_, text) = render(MessageTemplate::Sms("sms-workshop-invitation"), Locale::Fr, &fitted);
        assert_eq!(sms::length(&text).parts, 1, "{text}");
        assert!(text.contains("Espace public numérique de la Maison") && text.contains("071 23 45 67"), "{text}");
        let short = vec![("module", "Tablette".to_string()), ("date", "15/12 14:00".to_string()), ("place", "EPN Jumet".to_string()), ("phone", "071 23 45 67".to_string())];
        assert_eq!(fit_sms("sms-workshop-invitation", Locale::Fr, short.clone(), "place"), short);
    }

    #[test]
    fn a_long_sms_template_is_found_out() {
        // The e-mail's body as an SMS: far too long.
        let problems = sms_templates_problems(&[SmsTemplate {
            key: "workshop-invitation-body",
            example: &[("name", "Anna"), ("module", "Smartphone"), ("dates", "15/12"), ("place", "Eupen"), ("link", "https://relais.example.be/workshops/1")],
        }]);
        assert!(problems.iter().any(|p| p.contains("part(s)")), "{problems:?}");
    }

    #[test]
    fn an_email_has_a_subject_and_a_body_in_its_language() {
        let template = MessageTemplate::Email { subject: "workshop-invitation-subject", body: "workshop-invitation-body" };
        let (subject, body) = render(
            template,
            Locale::De,
            &[("name", "Anna".into()), ("module", "Smartphone".into()), ("dates", "Di. 15.12.".into()), ("place", "Eupen".into()), ("link", "https://x".into())],
        );
        assert!(!subject.is_empty() && !subject.contains("workshop-invitation"));
        assert!(body.contains("Anna") && body.contains("https://x"));
    }
}
