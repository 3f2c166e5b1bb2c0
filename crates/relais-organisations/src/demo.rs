//! The organisations' share of the demo data set, modelled on the seed projects and clearly
//! fictitious: CPAS Charleroi, the Brussels network of public digital helpers, a Flemish project
//! with a mobile unit, a CPAS in the German-speaking community, the funder; one account per role.

use relais_core::{Db, DbError, demo::DemoPart, i18n::Locale};

use crate::{
    model::{GroupKind, GroupRole, OrganisationKind, Role},
    organisations::{self, NewOrganisation},
    passwords, users,
};

/// Every demo account uses this password (documented in the README; demo instances only).
pub const DEMO_PASSWORD: &str = "demo-relais-2026";

pub const DEMO_PART: DemoPart = DemoPart { name: "organisations", load: |db| Box::pin(load(db)) };

fn org<'a>(slug: &'a str, name: &'a str, kind: OrganisationKind, municipality: &'a str, languages: &'a str, email: &'a str) -> NewOrganisation<'a> {
    NewOrganisation { slug, name, kind, municipality, languages, email: Some(email), phone: None, website: None }
}

async fn load(db: &Db) -> Result<(), DbError> {
    use OrganisationKind::*;
    let charleroi = organisations::create(db, &org("cpas-charleroi", "CPAS de Charleroi (démo)", Cpas, "Charleroi", "fr", "numerique@cpas-charleroi.demo")).await?;
    let ip_operator =
        organisations::create(db, &org("clic-bruxelles", "Clic Bruxelles asbl (démo)", DigitalSpaceOperator, "Bruxelles", "fr,nl", "contact@clic-bruxelles.demo")).await?;
    let host_venue = organisations::create(db, &org("maison-quartier-nord", "Maison de quartier Nord (démo)", Association, "Schaerbeek", "fr,nl", "accueil@mq-nord.demo")).await?;
    let puurs = organisations::create(db, &org("ocmw-puurs-sint-amands", "OCMW Puurs-Sint-Amands (demo)", Cpas, "Puurs-Sint-Amands", "nl", "digikar@ocmw-puurs.demo")).await?;
    let bornem = organisations::create(db, &org("ocmw-bornem", "OCMW Bornem (demo)", Cpas, "Bornem", "nl", "welzijn@ocmw-bornem.demo")).await?;
    let eupen = organisations::create(db, &org("oeshz-eupen", "ÖSHZ Eupen (Demo)", Cpas, "Eupen", "de,fr", "digital@oeshz-eupen.demo")).await?;
    let digilab = organisations::create(db, &org("digilab", "SPP IS — Digilab (démo)", Funder, "Bruxelles", "fr,nl,de", "digilab@mi-is.demo")).await?;

    // Fictitious BCE/KBO numbers (valid check digits), published as `pivot` in the open data.
    for (organisation, number) in
        [(charleroi, "0207.461.026"), (ip_operator, "0212.453.160"), (host_venue, "0247.188.167"), (puurs, "0207.992.051"), (bornem, "0211.500.283"), (eupen, "0256.114.345")]
    {
        organisations::set_company_number(db, organisation, Some(number)).await?;
    }

    // Demo instances do not ask for a second factor (real organisations do, by default).
    for organisation in [charleroi, ip_operator, host_venue, puurs, bornem, eupen, digilab] {
        organisations::set_require_second_factor(db, organisation, false).await?;
    }

    let programme = organisations::create_group(db, "e-inclusion-2022", GroupKind::Programme, "E-inclusion for Belgium 2022 (demo)", None).await?;
    let network = organisations::create_group(db, "informaticiens-publics", GroupKind::Network, "Réseau des informaticiens publics (démo)", Some(programme)).await?;
    let digikar = organisations::create_group(db, "digikar", GroupKind::Project, "Digikar Klein-Brabant (demo)", Some(programme)).await?;
    let clic = organisations::create_group(db, "clic-tous-connectes", GroupKind::Project, "Clic Tous Connectés (démo)", Some(programme)).await?;
    let eupen_project = organisations::create_group(db, "digital-eupen", GroupKind::Project, "Digitales Eupen (Demo)", Some(programme)).await?;
    organisations::add_to_group(db, network, ip_operator, GroupRole::Lead).await?;
    organisations::add_to_group(db, network, host_venue, GroupRole::HostVenue).await?;
    organisations::add_to_group(db, digikar, puurs, GroupRole::Lead).await?;
    organisations::add_to_group(db, digikar, bornem, GroupRole::Partner).await?;
    organisations::add_to_group(db, clic, charleroi, GroupRole::Lead).await?;
    organisations::add_to_group(db, eupen_project, eupen, GroupRole::Lead).await?;
    organisations::add_to_group(db, programme, digilab, GroupRole::Lead).await?;

    // One hash for every demo account: the password is the same and public anyway.
    let hash = passwords::hash_async(DEMO_PASSWORD.to_string()).await.unwrap_or_default();
    // (e-mail, name, language, membership); no membership means a platform admin.
    type Account<'a> = (&'a str, &'a str, Locale, Option<(uuid::Uuid, Role)>);
    let accounts: &[Account] = &[
        ("admin@demo.relais.be", "Admin Relais", Locale::En, None),
        ("coordinator.charleroi@demo.relais.be", "Claire Coordinatrice", Locale::Fr, Some((charleroi, Role::Coordinator))),
        ("worker.charleroi@demo.relais.be", "Walid Aidant", Locale::Fr, Some((charleroi, Role::Worker))),
        ("volunteer.charleroi@demo.relais.be", "Véronique Bénévole", Locale::Fr, Some((charleroi, Role::Volunteer))),
        ("viewer.charleroi@demo.relais.be", "Victor Lecteur", Locale::Fr, Some((charleroi, Role::Viewer))),
        ("coordinator.bruxelles@demo.relais.be", "Camille Coordination", Locale::Fr, Some((ip_operator, Role::Coordinator))),
        ("worker.bruxelles@demo.relais.be", "Wout Informaticus", Locale::Nl, Some((ip_operator, Role::Worker))),
        ("coordinator.puurs@demo.relais.be", "Kaat Coördinator", Locale::Nl, Some((puurs, Role::Coordinator))),
        ("worker.puurs@demo.relais.be", "Dries Digicoach", Locale::Nl, Some((puurs, Role::Worker))),
        ("coordinator.eupen@demo.relais.be", "Karin Koordinatorin", Locale::De, Some((eupen, Role::Coordinator))),
        ("worker.eupen@demo.relais.be", "Hans Helfer", Locale::De, Some((eupen, Role::Worker))),
        ("viewer.digilab@demo.relais.be", "Dana Digilab", Locale::Fr, Some((digilab, Role::Viewer))),
    ];
    let mut created = std::collections::HashMap::new();
    for (email, name, locale, membership) in accounts {
        let user = match users::create(db, users::NewUser { email, display_name: name, locale: *locale, is_admin: membership.is_none(), password_hash: Some(hash.clone()) }).await {
            Ok(user) => user,
            Err(users::CreateUserError::Db(e)) => return Err(e),
            Err(other) => {
                tracing::warn!(email, %other, "demo account skipped");
                continue;
            }
        };
        if let Some((organisation, role)) = membership {
            organisations::add_member(db, user.id, *organisation, *role).await?;
        }
        created.insert(*email, user.id);
    }

    // Group scopes: the funder sees the programme's aggregates, the Digikar lead its project's,
    // the Brussels network's lead its network's.
    let admin = created.get("admin@demo.relais.be").copied();
    for (email, group) in [("viewer.digilab@demo.relais.be", programme), ("coordinator.puurs@demo.relais.be", digikar), ("coordinator.bruxelles@demo.relais.be", network)] {
        if let Some(user) = created.get(email) {
            crate::groups::grant(db, group, *user, admin).await?;
        }
    }
    Ok(())
}
