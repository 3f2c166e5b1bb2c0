//! `relais user add`: accounts from the command line (platform admins first of all).

use std::io::Read;

use relais_core::i18n::Locale;
use relais_organisations::{
    links::{self, Purpose},
    passwords, users,
};
use time::Duration;

use crate::args::{CliResult, DatabaseArgs, open_database};
use clap::Args;

/// How long a password link printed by `relais user add` stays valid.
pub const LINK_VALIDITY: Duration = Duration::days(7);

#[derive(Debug, Clone, Args)]
pub struct UserAddArgs {
    /// The person's e-mail address.
    #[arg(long)]
    pub email: String,
    /// Display name (defaults to the part of the e-mail before @).
    #[arg(long)]
    pub name: Option<String>,
    /// Make the account a platform admin.
    #[arg(long)]
    pub admin: bool,
    /// Read the password from standard input instead of printing a link.
    #[arg(long)]
    pub password_stdin: bool,
    /// The base URL for the link.
    #[arg(long, env = "RELAIS_PUBLIC_URL", default_value = "http://127.0.0.1:8080")]
    pub public_url: String,
    #[command(flatten)]
    pub database: DatabaseArgs,
}

#[derive(Debug, Clone, Args)]
pub struct TokenCreateArgs {
    /// The account's e-mail address.
    #[arg(long)]
    pub email: String,
    /// A name that says what the token is for.
    #[arg(long)]
    pub name: String,
    #[command(flatten)]
    pub database: DatabaseArgs,
}

pub async fn add(args: UserAddArgs) -> CliResult {
    let password = if args.password_stdin {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text)?;
        let password = text.trim_end_matches(['\n', '\r']).to_string();
        if let Err(problem) = passwords::check_new(&password, &args.email) {
            return Err(format!("password refused: {problem}").into());
        }
        Some(password)
    } else {
        None
    };
    let db = open_database(&args.database).await?;
    let name = args.name.clone().unwrap_or_else(|| args.email.split('@').next().unwrap_or("").to_string());
    let password_hash = match password {
        Some(p) => Some(passwords::hash_async(p).await.ok_or("could not hash the password")?),
        None => None,
    };
    let user =
        users::create(&db, users::NewUser { email: &args.email, display_name: &name, locale: Locale::default(), is_admin: args.admin, password_hash: password_hash.clone() })
            .await?;
    relais_organisations::audit::record_or_log(
        &db,
        relais_organisations::audit::Event::new(if args.admin { "user.created.admin" } else { "user.created" }, "command line").actor(user.id).object(user.email.clone()),
    )
    .await;
    if password_hash.is_some() {
        db.close().await;
        crate::outln!("account created for {} with the password given", user.email);
        return Ok(());
    }
    let token = links::create(&db, Purpose::SetPassword, user.id, LINK_VALIDITY).await?;
    db.close().await;
    crate::outln!("account created for {}; this single-use link sets its password (valid 7 days):", user.email);
    crate::outln!("{}/password/set?token={token}", args.public_url.trim_end_matches('/'));
    Ok(())
}

pub async fn create_token(args: TokenCreateArgs) -> CliResult {
    if args.name.trim().is_empty() {
        return Err("give the token a name with --name".into());
    }
    let db = open_database(&args.database).await?;
    let user = users::find_by_email(&db, &args.email).await?.ok_or("no account with this e-mail")?;
    let (id, secret) = relais_organisations::tokens::create(&db, user.id, &args.name).await?;
    relais_organisations::audit::record_or_log(
        &db,
        relais_organisations::audit::Event::new("token.created", "command line").actor(user.id).object(id.to_string()).detail(args.name.clone()),
    )
    .await;
    db.close().await;
    crate::outln!("token \"{}\" created for {}; it is shown only once:", args.name.trim(), user.email);
    crate::outln!("{secret}");
    Ok(())
}
