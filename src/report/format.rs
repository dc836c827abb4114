//! `rubrique check`: read the files, assess them, print the results as text
//! (one line per assessment and a summary table), JSON or GitHub Actions
//! annotations.
use super::{Assessor, Document, Level, Report};
use crate::error::{Error, Refusal, Result};
use crate::french::Lexicon;
use crate::rules::Source;
use crate::sentences::Splitter;
use serde::Serialize;

/// How `check` prints its results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `path: level: id: message` lines, then a summary table.
    Text,
    /// One JSON object per file and line, with values and thresholds.
    Json,
    /// GitHub Actions workflow commands (`::error file=…,line=…,title=…::…`).
    Github,
}

/// What `rubrique check` was asked to do.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    pub files: Vec<String>,
    pub keyphrase: Option<String>,
    pub format: Format,
    pub exclude_quotes: bool,
    pub max_bytes: u64,
}

#[derive(Serialize)]
struct FileReport<'a> {
    file: &'a str,
    #[serde(flatten)]
    report: &'a Report,
}

/// Read a document: HTML when the name or the content says so, else Markdown.
pub fn read_document(path: &str, max_bytes: u64) -> Result<Document> {
    let bytes = crate::io::read_input(path, max_bytes)?;
    let text = match std::str::from_utf8(&bytes) {
        Ok(t) => t,
        Err(e) => {
            let offset = e.valid_up_to();
            return Err(crate::io::name_input(
                Refusal::NotUtf8 {
                    offset,
                    byte: bytes.get(offset).copied().unwrap_or(0),
                }
                .into(),
                path,
            ));
        }
    };
    let lower = path.to_ascii_lowercase();
    let head: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(20)
        .collect::<String>()
        .to_ascii_lowercase();
    let html = lower.ends_with(".html")
        || lower.ends_with(".htm")
        || head.starts_with("<!doctype html")
        || head.starts_with("<html");
    if html {
        Ok(Document::from_html(text))
    } else {
        Document::from_markdown(text).map_err(|e| match e {
            Error::Usage(m) => Error::Usage(format!("{path}: {m}")),
            other => crate::io::name_input(other, path),
        })
    }
}

/// Run the check on every file; returns the printed output and whether every
/// file passed. Stops at the first file that cannot be read.
pub fn check(opts: &CheckOptions, source: &Source) -> Result<(String, bool)> {
    if opts.files.is_empty() {
        return Err(Error::Usage("check: no file given".into()));
    }
    let lex = Lexicon::load(source)?;
    let splitter = Splitter::load(source)?;
    let mut assessor = Assessor::load(source)?;
    assessor.exclude_quotes = opts.exclude_quotes;
    let mut out = String::new();
    let mut passed = true;
    for path in &opts.files {
        let doc = read_document(path, opts.max_bytes)?;
        let report = assessor.assess(&doc, opts.keyphrase.as_deref(), &lex, &splitter);
        passed &= report.passed;
        let name = if path == "-" { "<stdin>" } else { path };
        match opts.format {
            Format::Text => out.push_str(&text(name, &report)),
            Format::Json => {
                let line = serde_json::to_string(&FileReport {
                    file: name,
                    report: &report,
                })
                .unwrap_or_else(|_| "{}".into());
                out.push_str(&line);
                out.push('\n');
            }
            Format::Github => out.push_str(&github(name, &report)),
        }
    }
    Ok((out, passed))
}

fn verdict(a: &super::Assessment) -> &'static str {
    match (a.level, a.fails) {
        (Level::Good, _) => "bon",
        (Level::Ok, false) => "moyen",
        (Level::Bad, false) => "mauvais",
        (_, true) => "ÉCHEC",
    }
}

fn value_text(a: &super::Assessment) -> String {
    let v = if a.value.fract() == 0.0 {
        format!("{:.0}", a.value)
    } else {
        format!("{:.1}", a.value).replace('.', ",")
    };
    if a.unit.is_empty() {
        v
    } else {
        format!("{v} {}", a.unit)
    }
}

/// Text output: `path: level: id: message` lines, then the summary table.
pub fn text(path: &str, r: &Report) -> String {
    let mut out = String::new();
    for a in &r.assessments {
        out.push_str(&format!(
            "{path}:{}: {}: {}: {}\n",
            a.line,
            a.level.as_str(),
            a.id,
            a.message
        ));
    }
    let rows: Vec<[String; 4]> = r
        .assessments
        .iter()
        .map(|a| {
            [
                a.id.clone(),
                value_text(a),
                a.threshold.clone(),
                verdict(a).to_string(),
            ]
        })
        .collect();
    let head = [
        "évaluation".to_string(),
        "valeur".to_string(),
        "seuil".to_string(),
        "verdict".to_string(),
    ];
    let mut width = [0usize; 4];
    for row in std::iter::once(&head).chain(rows.iter()) {
        for (w, c) in width.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let fmt_row = |row: &[String; 4]| {
        let cells: Vec<String> = row
            .iter()
            .zip(width)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
            .collect();
        format!("  {}\n", cells.join("  ").trim_end())
    };
    out.push('\n');
    out.push_str(&format!(
        "{path} — {} mots, {} phrases, expression clé « {} »{}\n",
        r.words,
        r.sentences,
        r.keyphrase,
        r.flesch
            .map(|f| format!(", Flesch {}", format!("{f:.1}").replace('.', ",")))
            .unwrap_or_default()
    ));
    out.push_str(&fmt_row(&head));
    for row in &rows {
        out.push_str(&fmt_row(row));
    }
    let failed = r.assessments.iter().filter(|a| a.fails).count();
    out.push_str(&if failed == 0 {
        "  résultat : réussi\n\n".to_string()
    } else {
        format!("  résultat : {failed} évaluation(s) en échec\n\n")
    });
    out
}

/// Escape the message of a workflow command.
fn gh_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a property (file, title) of a workflow command.
fn gh_prop(s: &str) -> String {
    gh_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// GitHub Actions annotations: `::error` for what fails the check,
/// `::warning` for the other results that are not good.
pub fn github(path: &str, r: &Report) -> String {
    let mut out = String::new();
    for a in &r.assessments {
        if a.level == Level::Good {
            continue;
        }
        let kind = if a.fails { "error" } else { "warning" };
        out.push_str(&format!(
            "::{kind} file={},line={},title={}::{}\n",
            gh_prop(path),
            a.line,
            gh_prop(&format!("rubrique {}", a.id)),
            gh_data(&a.message)
        ));
    }
    out
}
