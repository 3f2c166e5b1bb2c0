//! Platform admins edit the shared taxonomies (themes, publics, services, languages): rename a
//! term in the four languages, retire it (records keep their code), add a new one.

use askama::Template;
use axum::{
    Form,
    extract::{Path, Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use relais_core::web::forms::DoneQuery;
use relais_core::web::response::see_other;
use relais_core::{
    i18n::Tr,
    on_db,
    web::{AppState, client::ClientAddr, error::AppError, layout::PageContext},
};
use relais_organisations::{
    audit::{self, Event},
    sessions::CurrentUser,
};

use crate::{
    places,
    search::DirectoryCache,
    taxonomy::{self, Taxonomy, Term},
};

fn title_key(taxonomy: Taxonomy) -> &'static str {
    match taxonomy {
        Taxonomy::Theme => "taxonomy-themes",
        Taxonomy::Public => "taxonomy-publics",
        Taxonomy::Service => "taxonomy-services",
        Taxonomy::Language => "taxonomy-languages",
        Taxonomy::OnlineService => "taxonomy-online-services",
        Taxonomy::Autonomy => "taxonomy-autonomy",
        Taxonomy::Outcome => "taxonomy-outcomes",
        Taxonomy::JobFamily => "taxonomy-job-families",
    }
}

/// Only platform admins; anyone else is told it is not theirs.
fn admin_only(user: &CurrentUser) -> Result<(), AppError> {
    relais_organisations::access::authorise_platform(user, relais_organisations::policy::PlatformAction::ManageTaxonomies)
}

struct Tab {
    code: &'static str,
    label: String,
    current: bool,
}

#[derive(Default, Clone)]
struct NewTerm {
    code: String,
    labels: [String; 4],
}

#[derive(Template)]
#[template(path = "taxonomies.html")]
struct TaxonomyPage<'a> {
    tr: Tr,
    csrf: &'a str,
    taxonomy: &'static str,
    title: String,
    tabs: Vec<Tab>,
    terms: Vec<Term>,
    /// (code, name) of the four label languages.
    columns: Vec<(&'static str, String)>,
    notice: Option<String>,
    errors: Vec<String>,
    new_term: NewTerm,
}

const LANGUAGE_KEYS: [&str; 4] = ["language-fr", "language-nl", "language-de", "language-en"];
const LANGS: [&str; 4] = ["fr", "nl", "de", "en"];

async fn render(
    state: &AppState,
    ctx: &PageContext,
    taxonomy: Taxonomy,
    notice: Option<&str>,
    errors: Vec<&str>,
    new_term: NewTerm,
    status: StatusCode,
) -> Result<Response, AppError> {
    let tr = ctx.tr;
    let terms = taxonomy::all_terms(&state.db).await?.into_iter().filter(|t| t.taxonomy == taxonomy).collect();
    let page = TaxonomyPage {
        tr,
        csrf: &ctx.csrf,
        taxonomy: taxonomy.code(),
        title: tr.t(title_key(taxonomy)),
        tabs: Taxonomy::ALL.iter().map(|t| Tab { code: t.code(), label: tr.t(title_key(*t)), current: *t == taxonomy }).collect(),
        terms,
        columns: LANGS.iter().zip(LANGUAGE_KEYS).map(|(code, key)| (*code, tr.t(key))).collect(),
        notice: notice.map(|k| tr.t(k)),
        errors: errors.iter().map(|k| tr.t(k)).collect(),
        new_term,
    };
    ctx.render_with_status(status, &page.title.clone(), &page.render()?)
}

pub async fn show(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(taxonomy): Path<String>, Query(query): Query<DoneQuery>) -> Result<Response, AppError> {
    admin_only(&user)?;
    let taxonomy = Taxonomy::parse(&taxonomy).ok_or(AppError::NotFound)?;
    let notice = match query.done.as_str() {
        "saved" => Some("taxonomy-saved"),
        "added" => Some("taxonomy-added"),
        _ => None,
    };
    render(&state, &ctx, taxonomy, notice, Vec::new(), NewTerm::default(), StatusCode::OK).await
}

use relais_core::web::forms::Fields;

fn field<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields.iter().find(|(n, _)| n == name).map(|(_, v)| v.trim()).unwrap_or("")
}

fn labels_of(fields: &Fields) -> [String; 4] {
    LANGS.map(|l| field(fields, &format!("label_{l}")).chars().take(120).collect())
}

async fn changed(state: &AppState, user: &CurrentUser, client: &str, action: &str, object: String) -> Result<(), AppError> {
    places::changed(&state.db).await?;
    state.caches.get::<DirectoryCache>().invalidate();
    audit::record_or_log(&state.db, Event::new(action, client).actor(user.id).object(object)).await;
    Ok(())
}

/// Add a term.
pub async fn add(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    ClientAddr(client): ClientAddr,
    Path(taxonomy): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    admin_only(&user)?;
    let taxonomy = Taxonomy::parse(&taxonomy).ok_or(AppError::NotFound)?;
    let new_term = NewTerm { code: field(&fields, "code").to_lowercase(), labels: labels_of(&fields) };
    let mut errors = Vec::new();
    let code_ok = (2..=40).contains(&new_term.code.len()) && new_term.code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !code_ok {
        errors.push("taxonomy-error-code");
    }
    if new_term.labels.iter().any(String::is_empty) {
        errors.push("taxonomy-error-labels");
    }
    let existing = taxonomy::all_terms(&state.db).await?;
    if code_ok && existing.iter().any(|t| t.taxonomy == taxonomy && t.code == new_term.code) {
        // Already there (a double submit, or a code in use): nothing is duplicated.
        if existing.iter().any(|t| t.taxonomy == taxonomy && t.code == new_term.code && t.labels == new_term.labels) {
            return Ok(see_other(&format!("/admin/taxonomies/{}?done=added", taxonomy.code())).into_response());
        }
        errors.push("taxonomy-error-exists");
    }
    if !errors.is_empty() {
        return render(&state, &ctx, taxonomy, None, errors, new_term, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let position = existing.iter().filter(|t| t.taxonomy == taxonomy).count() as i64;
    let [fr, nl, de, en] = &new_term.labels;
    on_db!(&state.db, pool => sqlx::query(
        "INSERT INTO taxonomy_terms (taxonomy, code, label_fr, label_nl, label_de, label_en, position, active)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (taxonomy, code) DO NOTHING",
    )
    .bind(taxonomy.code())
    .bind(&new_term.code)
    .bind(fr)
    .bind(nl)
    .bind(de)
    .bind(en)
    .bind(position)
    .bind(true)
    .execute(pool)
    .await
    .map(|_| ()))
    .map_err(relais_core::DbError::from)?;
    changed(&state, &user, &client, "taxonomy.term_added", format!("{}:{}", taxonomy.code(), new_term.code)).await?;
    Ok(see_other(&format!("/admin/taxonomies/{}?done=added", taxonomy.code())).into_response())
}

/// Rename or retire a term.
pub async fn save(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    ClientAddr(client): ClientAddr,
    Path((taxonomy, code)): Path<(String, String)>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    admin_only(&user)?;
    let taxonomy = Taxonomy::parse(&taxonomy).ok_or(AppError::NotFound)?;
    let terms = taxonomy::all_terms(&state.db).await?;
    let term = terms.iter().find(|t| t.taxonomy == taxonomy && t.code == code).ok_or(AppError::NotFound)?;
    let labels = labels_of(&fields);
    if labels.iter().any(String::is_empty) {
        return render(&state, &ctx, taxonomy, None, vec!["taxonomy-error-labels"], NewTerm::default(), StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let active = !field(&fields, "active").is_empty();
    let [fr, nl, de, en] = &labels;
    on_db!(&state.db, pool => sqlx::query(
        "UPDATE taxonomy_terms SET label_fr = $3, label_nl = $4, label_de = $5, label_en = $6, active = $7
         WHERE taxonomy = $1 AND code = $2",
    )
    .bind(taxonomy.code())
    .bind(&term.code)
    .bind(fr)
    .bind(nl)
    .bind(de)
    .bind(en)
    .bind(active)
    .execute(pool)
    .await
    .map(|_| ()))
    .map_err(relais_core::DbError::from)?;
    changed(&state, &user, &client, "taxonomy.term_changed", format!("{}:{}", taxonomy.code(), term.code)).await?;
    Ok(see_other(&format!("/admin/taxonomies/{}?done=saved", taxonomy.code())).into_response())
}
