//! The shared taxonomies, in four languages: **themes** people need help with, **publics**
//! welcomed, **services** offered, **languages** spoken — shared by the directory and the
//! accompaniment log — and, for the log, the **online services** concerned, the person's
//! **autonomy** and the **outcome**; for the helpers area, the **job families** of the people who
//! help (home helper, social worker, …). Each instance starts with the default terms (labels from the Fluent files);
//! platform admins may rename, add and retire terms (they live in `taxonomy_terms`).
//!
//! Also the fixed vocabularies of the directory itself: kinds of place, equipment, helper kinds.

use relais_core::{
    Db, DbError,
    i18n::{Locale, Tr},
    on_db,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Taxonomy {
    Theme,
    Public,
    Service,
    Language,
    OnlineService,
    Autonomy,
    Outcome,
    JobFamily,
}

impl Taxonomy {
    pub const ALL: [Taxonomy; 8] =
        [Taxonomy::Theme, Taxonomy::Public, Taxonomy::Service, Taxonomy::Language, Taxonomy::OnlineService, Taxonomy::Autonomy, Taxonomy::Outcome, Taxonomy::JobFamily];

    pub fn code(self) -> &'static str {
        match self {
            Taxonomy::Theme => "theme",
            Taxonomy::Public => "public",
            Taxonomy::Service => "service",
            Taxonomy::Language => "language",
            Taxonomy::OnlineService => "online-service",
            Taxonomy::Autonomy => "autonomy",
            Taxonomy::Outcome => "outcome",
            Taxonomy::JobFamily => "job-family",
        }
    }

    pub fn parse(code: &str) -> Option<Taxonomy> {
        Taxonomy::ALL.into_iter().find(|t| t.code() == code)
    }

    /// (code, Fluent key of its default label), in display order.
    pub fn defaults(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Taxonomy::Theme => &[
                ("employment", "theme-employment"),
                ("health-insurance", "theme-health-insurance"),
                ("health", "theme-health"),
                ("pension", "theme-pension"),
                ("taxes", "theme-taxes"),
                ("housing", "theme-housing"),
                ("family-allowances", "theme-family-allowances"),
                ("identity", "theme-identity"),
                ("email", "theme-email"),
                ("smartphone", "theme-smartphone"),
                ("messaging", "theme-messaging"),
                ("banking", "theme-banking"),
                ("transport", "theme-transport"),
                ("social-networks", "theme-social-networks"),
                ("safety", "theme-safety"),
                ("devices", "theme-devices"),
                ("other", "theme-other"),
            ],
            Taxonomy::Public => &[
                ("everyone", "public-everyone"),
                ("seniors", "public-seniors"),
                ("women", "public-women"),
                ("job-seekers", "public-job-seekers"),
                ("newcomers", "public-newcomers"),
                ("disabilities", "public-disabilities"),
                ("mental-health", "public-mental-health"),
                ("homeless", "public-homeless"),
                ("young-people", "public-young-people"),
            ],
            Taxonomy::Service => &[
                ("online-procedures", "service-online-procedures"),
                ("device-basics", "service-device-basics"),
                ("workshops", "service-workshops"),
                ("equipment-access", "service-equipment-access"),
                ("home-visit", "service-home-visit"),
            ],
            Taxonomy::Language => &[
                ("fr", "language-fr"),
                ("nl", "language-nl"),
                ("de", "language-de"),
                ("en", "language-en"),
                ("ar", "language-ar"),
                ("tr", "language-tr"),
                ("es", "language-es"),
                ("it", "language-it"),
                ("pt", "language-pt"),
                ("pl", "language-pl"),
                ("ro", "language-ro"),
                ("ru", "language-ru"),
                ("uk", "language-uk"),
            ],
            Taxonomy::OnlineService => &[
                ("mypension", "online-service-mypension"),
                ("myminfin", "online-service-myminfin"),
                ("itsme", "online-service-itsme"),
                ("csam-eid", "online-service-csam-eid"),
                ("forem", "online-service-forem"),
                ("vdab", "online-service-vdab"),
                ("actiris", "online-service-actiris"),
                ("adg", "online-service-adg"),
                ("onem", "online-service-onem"),
                ("health-insurance-fund", "online-service-health-insurance-fund"),
                ("myhealth", "online-service-myhealth"),
                ("family-allowance-fund", "online-service-family-allowance-fund"),
                ("ebox", "online-service-ebox"),
                ("irisbox", "online-service-irisbox"),
                ("municipality", "online-service-municipality"),
                ("cpas", "online-service-cpas"),
                ("bank", "online-service-bank"),
                ("rail", "online-service-rail"),
                ("bus-tram", "online-service-bus-tram"),
                ("other", "online-service-other"),
            ],
            Taxonomy::Autonomy => &[("done-for", "autonomy-done-for"), ("done-with", "autonomy-done-with"), ("done-by", "autonomy-done-by"), ("explained", "autonomy-explained")],
            Taxonomy::Outcome => &[
                ("solved", "outcome-solved"),
                ("partly-solved", "outcome-partly-solved"),
                ("not-solved", "outcome-not-solved"),
                ("follow-up", "outcome-follow-up"),
                ("redirected", "outcome-redirected"),
            ],
            Taxonomy::JobFamily => &[
                ("home-helper", "job-family-home-helper"),
                ("social-worker", "job-family-social-worker"),
                ("reception", "job-family-reception"),
                ("facilitator", "job-family-facilitator"),
                ("educator", "job-family-educator"),
                ("volunteer", "job-family-volunteer"),
                ("other", "job-family-other"),
            ],
        }
    }
}

/// One term, with its labels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub taxonomy: Taxonomy,
    pub code: String,
    /// fr, nl, de, en
    pub labels: [String; 4],
    pub active: bool,
}

impl Term {
    pub fn label(&self, locale: Locale) -> &str {
        let i = match locale {
            Locale::Fr => 0,
            Locale::Nl => 1,
            Locale::De => 2,
            Locale::En => 3,
        };
        &self.labels[i]
    }
}

/// Insert the default terms that are missing (an admin's changes to existing terms are kept).
pub async fn ensure_defaults(db: &Db) -> Result<(), DbError> {
    for taxonomy in Taxonomy::ALL {
        for (position, (code, key)) in taxonomy.defaults().iter().enumerate() {
            let labels: Vec<String> = Locale::ALL.iter().map(|l| Tr::new(*l).t(key)).collect();
            on_db!(db, pool => sqlx::query(
                "INSERT INTO taxonomy_terms (taxonomy, code, label_fr, label_nl, label_de, label_en, position, active)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (taxonomy, code) DO NOTHING",
            )
            .bind(taxonomy.code())
            .bind(*code)
            .bind(&labels[0])
            .bind(&labels[1])
            .bind(&labels[2])
            .bind(&labels[3])
            .bind(position as i64)
            .bind(true)
            .execute(pool)
            .await
            .map(|_| ()))?;
        }
    }
    Ok(())
}

/// Every term, in display order.
pub async fn all_terms(db: &Db) -> Result<Vec<Term>, DbError> {
    let rows: Vec<(String, String, String, String, String, String, bool)> = on_db!(db, pool => sqlx::query_as(
        "SELECT taxonomy, code, label_fr, label_nl, label_de, label_en, active FROM taxonomy_terms ORDER BY taxonomy, position, code",
    )
    .fetch_all(pool)
    .await)?;
    Ok(rows
        .into_iter()
        .filter_map(|(taxonomy, code, fr, nl, de, en, active)| Some(Term { taxonomy: Taxonomy::parse(&taxonomy)?, code, labels: [fr, nl, de, en], active }))
        .collect())
}

/// Kinds of place: (code, Fluent key).
pub const PLACE_KINDS: &[(&str, &str)] = &[
    ("public-digital-space", "place-kind-public-digital-space"),
    ("social-antenna", "place-kind-social-antenna"),
    ("citizen-space", "place-kind-citizen-space"),
    ("library", "place-kind-library"),
    ("rest-home", "place-kind-rest-home"),
    ("neighbourhood-house", "place-kind-neighbourhood-house"),
    ("cafe", "place-kind-cafe"),
    ("soup-kitchen", "place-kind-soup-kitchen"),
    ("mobile-stop", "place-kind-mobile-stop"),
    ("other", "place-kind-other"),
];

/// Equipment a place offers: (code, Fluent key).
pub const EQUIPMENT: &[(&str, &str)] =
    &[("computers", "equipment-computers"), ("tablets", "equipment-tablets"), ("wifi", "equipment-wifi"), ("printer-scanner", "equipment-printer-scanner")];

/// Who helps at a session: (code, Fluent key).
pub const HELPER_KINDS: &[(&str, &str)] = &[("professional", "helper-kind-professional"), ("volunteer", "helper-kind-volunteer"), ("both", "helper-kind-both")];

/// The Fluent key of a code in a fixed vocabulary.
pub fn key_of(list: &'static [(&'static str, &'static str)], code: &str) -> Option<&'static str> {
    list.iter().find(|(c, _)| *c == code).map(|(_, k)| *k)
}
