//! The framework: five plain-language areas mapped to DigComp 2.2 (EU, CC BY 4.0), levels 0–4,
//! and the kinds of questions.

use serde::{Deserialize, Serialize};

/// One of the five areas a person is placed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Area {
    Device,
    Information,
    Communication,
    Procedures,
    Safety,
}

/// The areas in the order the session and the result page show them.
pub const AREAS: [Area; 5] = [Area::Device, Area::Information, Area::Communication, Area::Procedures, Area::Safety];

/// Levels run from 0 (foundation skills not there yet) to 4.
pub const LEVELS: usize = 5;

impl Area {
    pub fn code(self) -> &'static str {
        match self {
            Area::Device => "device",
            Area::Information => "information",
            Area::Communication => "communication",
            Area::Procedures => "procedures",
            Area::Safety => "safety",
        }
    }

    pub fn parse(code: &str) -> Option<Area> {
        AREAS.into_iter().find(|a| a.code() == code)
    }

    pub fn index(self) -> usize {
        self as usize
    }

    /// The DigComp 2.2 competences the area draws on.
    pub fn digcomp(self) -> &'static [&'static str] {
        match self {
            Area::Device => &["5.1", "5.2", "5.4", "1.3"],
            Area::Information => &["1.1", "1.2", "1.3"],
            Area::Communication => &["2.1", "2.2", "2.4", "2.5", "3.1"],
            Area::Procedures => &["2.3", "2.6", "1.3", "5.2"],
            Area::Safety => &["4.1", "4.2", "4.3", "2.6"],
        }
    }

    /// The message key of the area's plain name.
    pub fn key(self) -> &'static str {
        match self {
            Area::Device => "area-device",
            Area::Information => "area-information",
            Area::Communication => "area-communication",
            Area::Procedures => "area-procedures",
            Area::Safety => "area-safety",
        }
    }

    /// The pictogram shown beside the area's name.
    pub fn pictogram(self) -> &'static str {
        match self {
            Area::Device => "phone",
            Area::Information => "search",
            Area::Communication => "message",
            Area::Procedures => "form",
            Area::Safety => "shield",
        }
    }
}

/// How a question is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A simulated practical task in the page (a small mock screen).
    Task,
    /// Choose the right picture.
    Picture,
    /// A short question with a few answers.
    Knowledge,
    /// "Can you …?"
    #[serde(rename = "self")]
    SelfAssessment,
    /// Something a helper watches the person do (assisted mode only).
    Observed,
}

impl Kind {
    pub fn code(self) -> &'static str {
        match self {
            Kind::Task => "task",
            Kind::Picture => "picture",
            Kind::Knowledge => "knowledge",
            Kind::SelfAssessment => "self",
            Kind::Observed => "observed",
        }
    }

    pub fn parse(code: &str) -> Option<Kind> {
        [Kind::Task, Kind::Picture, Kind::Knowledge, Kind::SelfAssessment, Kind::Observed].into_iter().find(|k| k.code() == code)
    }

    /// Whether the person picks among given answers (and could guess right).
    pub fn is_choice(self) -> bool {
        matches!(self, Kind::Task | Kind::Picture | Kind::Knowledge)
    }
}

/// What a person answered, as the estimator sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Right,
    Wrong,
    /// "I don't know": scored as not (yet) mastered, never as a mistake shown to the person.
    DontKnow,
    /// Self-assessed or observed "with help": not yet mastered alone.
    WithHelp,
}

impl Outcome {
    pub fn is_right(self) -> bool {
        self == Outcome::Right
    }
}
