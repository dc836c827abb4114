//! `rules/seo.yaml`: which assessments run, their thresholds and how much a
//! bad verdict weighs. Every key is optional; a missing one keeps the default
//! (the values search-engine plugins use for French).
use serde::{Deserialize, Serialize};

/// How much an assessment weighs in the exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Reaching the failing level fails the check (exit 1).
    #[default]
    Error,
    /// Reported, never fails the check.
    Warning,
    /// Not run.
    Off,
}

/// A verdict, as search-engine plugins rate an assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Good,
    Ok,
    Bad,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Good => "good",
            Level::Ok => "ok",
            Level::Bad => "bad",
        }
    }
}

/// The thresholds of one assessment (each uses the fields it needs).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Params {
    pub severity: Severity,
    /// Good bound: a maximum for "lower is better" measures, a minimum for
    /// "higher is better" ones.
    pub good: f64,
    /// Ok bound, likewise.
    pub ok: f64,
    /// Lower end of a good range.
    pub min: f64,
    /// Upper end of a good range.
    pub max: f64,
    /// The verdict outside the good range.
    pub outside: Level,
    /// Words above which a sentence is long; or the words below which a text
    /// is not judged; or the longest allowed run of same beginnings.
    pub limit: usize,
}

/// What `rules/seo.yaml` may set for one assessment.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Override {
    pub severity: Option<Severity>,
    pub good: Option<f64>,
    pub ok: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub outside: Option<Level>,
    pub limit: Option<usize>,
    /// Free text: what the entry is for (ignored by the program).
    pub note: Option<String>,
}

/// The whole file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct File {
    /// The verdict at which an assessment of severity `error` fails the check.
    pub fail_level: Option<Level>,
    #[serde(default)]
    pub assessments: std::collections::BTreeMap<String, Override>,
}

/// Every assessment with its defaults: (id, yoast id, params).
pub fn defaults() -> Vec<(&'static str, Option<&'static str>, Params)> {
    let p = |severity, good, ok, min, max, outside, limit| Params {
        severity,
        good,
        ok,
        min,
        max,
        outside,
        limit,
    };
    use Level::{Bad, Ok};
    use Severity::{Error as E, Warning as W};
    vec![
        // readability
        (
            "subheading-distribution",
            Some("subheadingsTooLong"),
            p(E, 300.0, 350.0, 0.0, 0.0, Bad, 300),
        ),
        (
            "paragraph-length",
            Some("textParagraphTooLong"),
            p(E, 150.0, 200.0, 0.0, 0.0, Bad, 0),
        ),
        (
            "sentence-length",
            Some("textSentenceLength"),
            p(E, 25.0, 30.0, 0.0, 0.0, Bad, 20),
        ),
        (
            "transition-words",
            Some("textTransitionWords"),
            p(E, 30.0, 20.0, 0.0, 0.0, Bad, 200),
        ),
        (
            "passive-voice",
            Some("passiveVoice"),
            p(E, 10.0, 15.0, 0.0, 0.0, Bad, 0),
        ),
        (
            "sentence-beginnings",
            Some("sentenceBeginnings"),
            p(E, 0.0, 0.0, 0.0, 0.0, Bad, 2),
        ),
        (
            "flesch-reading-ease",
            None,
            p(W, 60.0, 50.0, 0.0, 0.0, Bad, 10),
        ),
        // SEO
        (
            "text-length",
            Some("textLength"),
            p(E, 300.0, 250.0, 0.0, 0.0, Bad, 0),
        ),
        ("article-length", None, p(W, 700.0, 300.0, 0.0, 0.0, Bad, 0)),
        (
            "keyphrase-length",
            Some("keyphraseLength"),
            p(E, 4.0, 8.0, 0.0, 0.0, Bad, 0),
        ),
        (
            "keyphrase-in-title",
            Some("keyphraseInSEOTitle"),
            p(E, 0.0, 0.0, 0.0, 0.0, Bad, 0),
        ),
        (
            "keyphrase-in-introduction",
            Some("introductionKeyword"),
            p(E, 0.0, 0.0, 0.0, 0.0, Bad, 0),
        ),
        (
            "keyphrase-in-description",
            Some("metaDescriptionKeyword"),
            p(E, 0.0, 0.0, 1.0, 2.0, Bad, 0),
        ),
        (
            "keyphrase-in-subheadings",
            Some("subheadingsKeyword"),
            p(E, 0.0, 0.0, 30.0, 75.0, Bad, 300),
        ),
        (
            "keyphrase-in-slug",
            Some("slugKeyword"),
            p(E, 0.0, 0.0, 0.0, 0.0, Ok, 0),
        ),
        (
            "keyphrase-density",
            Some("keyphraseDensity"),
            p(E, 0.0, 0.0, 0.5, 3.0, Bad, 2),
        ),
        (
            "description-length",
            Some("metaDescriptionLength"),
            p(E, 0.0, 0.0, 121.0, 156.0, Ok, 0),
        ),
        (
            "title-width",
            Some("titleWidth"),
            p(E, 600.0, 600.0, 0.0, 0.0, Bad, 0),
        ),
        (
            "single-h1",
            Some("singleH1"),
            p(E, 1.0, 1.0, 0.0, 0.0, Bad, 0),
        ),
        ("image-alt", None, p(E, 0.0, 0.0, 0.0, 0.0, Bad, 0)),
        (
            "competing-links",
            Some("textCompetingLinks"),
            p(E, 0.0, 0.0, 0.0, 0.0, Bad, 0),
        ),
    ]
}

impl Params {
    pub fn apply(&mut self, o: &Override) {
        if let Some(v) = o.severity {
            self.severity = v;
        }
        if let Some(v) = o.good {
            self.good = v;
        }
        if let Some(v) = o.ok {
            self.ok = v;
        }
        if let Some(v) = o.min {
            self.min = v;
        }
        if let Some(v) = o.max {
            self.max = v;
        }
        if let Some(v) = o.outside {
            self.outside = v;
        }
        if let Some(v) = o.limit {
            self.limit = v;
        }
    }
}
