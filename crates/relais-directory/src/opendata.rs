//! Open data: `/opendata/places.json` and `/opendata/places.csv`, with the field names of the
//! French "schéma de données des lieux de médiation numérique" where a field applies, adapted
//! for Belgium (see `docs/opendata.md`): 4-digit postcode, NIS code, +32 phone numbers, opening
//! hours in OpenStreetMap `opening_hours` syntax stating the regular schedule and the known
//! exceptions.

use axum::{extract::State, response::Response};
use jiff::Timestamp;
use relais_core::web::response::verbatim;
use relais_core::{
    csv::CsvWriter,
    i18n::Locale,
    web::{AppState, error::AppError},
};
use serde::Serialize;

use crate::{
    reference::reference,
    schedule,
    search::cache_snapshot,
    search::{Entry, Snapshot},
    taxonomy::Taxonomy,
};

/// How far ahead the exceptions are stated in `horaires`.
pub const HORAIRES_DAYS: i64 = 90;

/// One place, with the standard's field names.
#[derive(Debug, Serialize)]
pub struct Lieu {
    pub id: String,
    pub nom: String,
    pub pivot: Option<String>,
    pub structure_parente: Option<String>,
    pub adresse: String,
    pub code_postal: String,
    /// Belgian NIS (REFNIS) code, in place of the French INSEE code.
    pub code_nis: String,
    pub commune: String,
    pub latitude: f64,
    pub longitude: f64,
    pub horaires: String,
    pub services: Vec<String>,
    pub publics_specifiquement_adresses: Vec<String>,
    pub modalites_acces: Vec<String>,
    pub frais_a_charge: Vec<String>,
    pub itinerance: Vec<String>,
    pub telephone: Option<String>,
    pub courriels: Vec<String>,
    pub site_web: Vec<String>,
    pub presentation_resume: Option<String>,
    pub accessibilite: Option<String>,
    /// Extension: languages spoken (ISO 639-1).
    pub langues: Vec<String>,
    /// Extension: themes people get help with (Relais codes).
    pub thematiques: Vec<String>,
    pub source: String,
    pub date_maj: String,
    pub url: String,
}

/// Relais service codes → the French standard's service labels.
fn service_label(code: &str) -> Option<&'static str> {
    match code {
        "online-procedures" => Some("Réaliser des démarches administratives avec un accompagnement"),
        "device-basics" => Some("Prendre en main un smartphone ou une tablette"),
        "workshops" => Some("Maîtriser les bases du numérique"),
        "equipment-access" => Some("Accéder à une connexion internet"),
        "home-visit" => Some("Être accompagné à domicile"),
        _ => None,
    }
}

fn public_label(code: &str) -> Option<&'static str> {
    match code {
        "seniors" => Some("Seniors (+ de 65 ans)"),
        "young-people" => Some("Jeunes (16-26 ans)"),
        "women" => Some("Femmes"),
        "job-seekers" => Some("Personnes en recherche d'emploi"),
        "newcomers" => Some("Personnes étrangères ou primo-arrivantes"),
        "disabilities" => Some("Personnes en situation de handicap"),
        "mental-health" => Some("Personnes en situation de handicap psychique"),
        "homeless" => Some("Personnes sans domicile"),
        _ => None,
    }
}

/// `+32 71 00 00 01` stays; `071 00 00 01` becomes `+32 71 00 00 01`.
pub fn international_phone(phone: &str) -> String {
    let trimmed = phone.trim();
    if let Some(rest) = trimmed.strip_prefix("00") {
        return format!("+{rest}");
    }
    if let Some(rest) = trimmed.strip_prefix('0') {
        return format!("+32 {rest}");
    }
    trimmed.to_string()
}

/// The record of a place; `organisation` gives its organisation's name and BCE/KBO number.
pub fn lieu(entry: &Entry, snapshot: &Snapshot, today: jiff::civil::Date, base: &str, organisation: (Option<String>, Option<String>)) -> Lieu {
    let (organisation, pivot) = organisation;
    let place = &entry.place;
    let commune = reference().municipality(&place.municipality_nis).map(|m| m.name(Locale::Fr).to_string()).unwrap_or_default();
    let _ = snapshot.terms_of(Taxonomy::Theme);
    let mut accessibilite = Vec::new();
    if place.wheelchair {
        accessibilite.push("Accessible en fauteuil roulant");
    }
    if place.hearing_loop {
        accessibilite.push("Boucle magnétique");
    }
    Lieu {
        id: place.id.to_string(),
        nom: place.name(Locale::Fr).to_string(),
        pivot,
        structure_parente: organisation,
        adresse: place.street.clone(),
        code_postal: place.postcode.clone(),
        code_nis: place.municipality_nis.clone(),
        commune,
        latitude: place.latitude,
        longitude: place.longitude,
        horaires: schedule::opening_hours(&entry.recurrences, &entry.schedule_exceptions, today, HORAIRES_DAYS),
        services: entry.services.iter().filter_map(|s| service_label(s)).map(String::from).collect(),
        publics_specifiquement_adresses: entry.publics.iter().filter_map(|p| public_label(p)).map(String::from).collect(),
        modalites_acces: [entry.free_access.then_some("Se présenter"), entry.by_appointment.then_some("Prendre un RDV")].into_iter().flatten().map(String::from).collect(),
        frais_a_charge: vec!["Gratuit".to_string()],
        itinerance: if place.kind == "mobile-stop" { vec!["Itinérant".to_string()] } else { vec!["Fixe".to_string()] },
        telephone: place.phone.as_deref().map(international_phone),
        courriels: place.email.iter().cloned().collect(),
        site_web: place.website.iter().cloned().collect(),
        presentation_resume: place.description(Locale::Fr).map(|d| d.chars().take(280).collect()),
        accessibilite: (!accessibilite.is_empty()).then(|| accessibilite.join(", ")),
        langues: entry.languages.to_vec(),
        thematiques: entry.themes.to_vec(),
        source: "Relais".to_string(),
        date_maj: today.to_string(),
        url: format!("{base}/places/{}", place.id),
    }
}

async fn lieux(state: &AppState) -> Result<Vec<Lieu>, AppError> {
    let snapshot = cache_snapshot(state).await?;
    let today = Timestamp::now().to_zoned(schedule::zone()).date();
    let mut names = std::collections::HashMap::new();
    let mut out = Vec::with_capacity(snapshot.entries.len());
    for entry in &snapshot.entries {
        let organisation = entry.place.organisation_id;
        if let std::collections::hash_map::Entry::Vacant(e) = names.entry(organisation) {
            let found = relais_organisations::organisations::find_by_id(&state.db, organisation).await?;
            e.insert(found.map_or((None, None), |o| (Some(o.name), o.company_number)));
        }
        out.push(lieu(entry, &snapshot, today, &state.config.public_url, names[&organisation].clone()));
    }
    out.sort_by(|a, b| a.code_postal.cmp(&b.code_postal).then(a.id.cmp(&b.id)));
    Ok(out)
}

pub async fn json(State(state): State<AppState>) -> Result<Response, AppError> {
    let lieux = lieux(&state).await?;
    let body = serde_json::to_string(&lieux).map_err(|_| AppError::Unavailable)?;
    Ok(verbatim("application/json", body))
}

/// The same as CSV (UTF-8 with a BOM for spreadsheets, `,` separated, lists joined with `|`
/// as the French standard does; cells a spreadsheet would read as formulas made inert, see
/// `relais_core::csv`).
pub async fn csv(State(state): State<AppState>) -> Result<Response, AppError> {
    let lieux = lieux(&state).await?;
    let mut writer = CsvWriter::new(relais_core::csv::COMMA_WITH_BOM);
    writer.record([
        "id",
        "nom",
        "pivot",
        "structure_parente",
        "adresse",
        "code_postal",
        "code_nis",
        "commune",
        "latitude",
        "longitude",
        "horaires",
        "services",
        "publics_specifiquement_adresses",
        "modalites_acces",
        "frais_a_charge",
        "itinerance",
        "telephone",
        "courriels",
        "site_web",
        "presentation_resume",
        "accessibilite",
        "langues",
        "thematiques",
        "source",
        "date_maj",
        "url",
    ])?;
    for l in &lieux {
        let list = |v: &Vec<String>| v.join("|");
        writer.record([
            l.id.clone(),
            l.nom.clone(),
            l.pivot.clone().unwrap_or_default(),
            l.structure_parente.clone().unwrap_or_default(),
            l.adresse.clone(),
            l.code_postal.clone(),
            l.code_nis.clone(),
            l.commune.clone(),
            format!("{:.6}", l.latitude),
            format!("{:.6}", l.longitude),
            l.horaires.clone(),
            list(&l.services),
            list(&l.publics_specifiquement_adresses),
            list(&l.modalites_acces),
            list(&l.frais_a_charge),
            list(&l.itinerance),
            l.telephone.clone().unwrap_or_default(),
            list(&l.courriels),
            list(&l.site_web),
            l.presentation_resume.clone().unwrap_or_default(),
            l.accessibilite.clone().unwrap_or_default(),
            list(&l.langues),
            list(&l.thematiques),
            l.source.clone(),
            l.date_maj.clone(),
            l.url.clone(),
        ])?;
    }
    let body = String::from_utf8(writer.finish()?).map_err(|_| AppError::Unavailable)?;
    Ok(verbatim(relais_core::csv::CONTENT_TYPE, body))
}
