//! The home page: finding help nearby first (postcode or municipality, or "near me"), then what
//! Relais is, for the people helped and for the helpers.

use askama::Template;
use axum::response::Response;

use super::{error::AppError, layout::PageContext};
use crate::i18n::Tr;

#[derive(Template)]
#[template(path = "home.html")]
struct Home {
    tr: Tr,
    /// "Near me" (an enhancement: the postcode box works without it).
    near_me_js: String,
}

/// The themes people most often need help with (shown as a list on the home page).
const HELP_TOPICS: [&str; 8] = [
    "home-topic-pension",
    "home-topic-health-insurance",
    "home-topic-job",
    "home-topic-housing",
    "home-topic-itsme",
    "home-topic-email",
    "home-topic-banking",
    "home-topic-family",
];

impl Home {
    fn topics(&self) -> Vec<String> {
        HELP_TOPICS.iter().map(|key| self.tr.t(key)).collect()
    }
}

/// `GET /`
pub async fn home(ctx: PageContext) -> Result<Response, AppError> {
    let main = Home { tr: ctx.tr, near_me_js: super::assets::url("near-me.js") }.render()?;
    ctx.render(&ctx.tr.t("home-title"), &main)
}
