//! SEO and readability assessments of an article, in French terms: the engine
//! of `rubrique check`, also run by `rewrite` on its own output.
//!
//! The assessments, thresholds and severities come from `rules/seo.yaml`
//! (defaults: the values search-engine plugins use for French); transition
//! words from `lexicons/transitions.txt`. Each assessment gives a verdict
//! (good, ok, bad), the measured value, the threshold, and a French message
//! that says what to change and where (section heading, paragraph number).
mod config;
pub mod document;
mod format;
pub mod text;

pub use config::{Level, Params, Severity};
pub use document::{Block, Document, Kind};
pub use format::{check, CheckOptions, Format};

use crate::error::{Error, Result};
use crate::french::{syllables, Lexicon};
use crate::keywords;
use crate::rules::Source;
use crate::sentences::Splitter;
use rayon::prelude::*;
use serde::Serialize;
use std::borrow::Cow;
use text::{Keyphrase, Transitions};

const SEO_FILE: &str = "rules/seo.yaml";
const TRANSITIONS_FILE: &str = "lexicons/transitions.txt";

/// Where in the article an assessment points.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Location {
    /// 1-based line in the checked file.
    pub line: usize,
    /// The heading of the section ("introduction" before the first one).
    pub section: String,
    /// 1-based paragraph number within the section (0 for a heading).
    pub paragraph: usize,
    /// The start of the text concerned.
    pub excerpt: String,
}

/// One assessment's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    pub id: String,
    /// `seo` or `readability`.
    pub group: &'static str,
    /// The identifier of the same assessment in the Yoast SEO analysis.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub yoast: Option<&'static str>,
    pub level: Level,
    pub severity: Severity,
    /// Does this result fail the check?
    pub fails: bool,
    /// The measured value.
    pub value: f64,
    pub unit: &'static str,
    /// What the value must be for a good verdict.
    pub threshold: String,
    /// What to change and where, in French.
    pub message: String,
    /// The line to point at (first location, or the front matter).
    pub line: usize,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub locations: Vec<Location>,
}

/// Every assessment of one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub keyphrase: String,
    pub words: usize,
    pub sentences: usize,
    /// French Flesch reading ease (Kandel & Moles), `None` for 10 words or fewer.
    pub flesch: Option<f64>,
    /// No assessment of severity `error` is at the failing level.
    pub passed: bool,
    pub assessments: Vec<Assessment>,
}

impl Report {
    pub fn get(&self, id: &str) -> Option<&Assessment> {
        self.assessments.iter().find(|a| a.id == id)
    }
}

/// The compiled assessments.
pub struct Assessor {
    params: Vec<(&'static str, Option<&'static str>, Params)>,
    fail_level: Level,
    transitions: Transitions,
    /// Leave quotations (« … », “ … ”) out of the readability counts.
    pub exclude_quotes: bool,
}

/// A sentence of the body with the block it belongs to.
struct Sent<'a> {
    text: Cow<'a, str>,
    block: usize,
    /// Its [`text::words`].
    words: usize,
}

/// What every assessment reads, computed once.
struct Ctx<'a> {
    doc: &'a Document,
    lex: &'a Lexicon,
    /// Per block: (section heading, paragraph number within the section).
    place: Vec<(String, usize)>,
    sentences: Vec<Sent<'a>>,
    words: usize,
    /// Per block: its [`text::words`].
    block_words: Vec<usize>,
}

impl Ctx<'_> {
    fn location(&self, block: usize, excerpt: &str) -> Location {
        let b = &self.doc.blocks[block];
        let (section, paragraph) = self.place[block].clone();
        Location {
            line: b.line,
            section,
            paragraph,
            excerpt: short(excerpt, 60),
        }
    }

    fn where_(&self, loc: &Location) -> String {
        let section = if loc.section.is_empty() {
            "l’introduction".to_string()
        } else {
            format!("la section « {} »", loc.section)
        };
        if loc.paragraph == 0 {
            format!("{section} (ligne {})", loc.line)
        } else {
            format!(
                "{section}, paragraphe {} (ligne {})",
                loc.paragraph, loc.line
            )
        }
    }
}

fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let cut: String = s.chars().take(n).collect();
        format!("{}…", cut.trim_end())
    }
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        round1(a as f64 * 100.0 / b as f64)
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn num(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.1}").replace('.', ",")
    }
}

/// Lower is better.
fn at_most(v: f64, good: f64, ok: f64) -> Level {
    if v <= good {
        Level::Good
    } else if v <= ok {
        Level::Ok
    } else {
        Level::Bad
    }
}

/// Higher is better.
fn at_least(v: f64, good: f64, ok: f64) -> Level {
    if v >= good {
        Level::Good
    } else if v >= ok {
        Level::Ok
    } else {
        Level::Bad
    }
}

struct Out {
    level: Level,
    value: f64,
    unit: &'static str,
    threshold: String,
    message: String,
    locations: Vec<Location>,
}

impl Assessor {
    /// Load `rules/seo.yaml` and `lexicons/transitions.txt`.
    pub fn load(source: &Source) -> Result<Assessor> {
        let file: config::File = source.yaml(SEO_FILE)?;
        let mut params = config::defaults();
        for (id, o) in &file.assessments {
            match params.iter_mut().find(|(n, _, _)| n == id) {
                Some((_, _, p)) => p.apply(o),
                None => {
                    let known: Vec<&str> = params.iter().map(|(n, _, _)| *n).collect();
                    return Err(Error::Rules {
                        file: source.text(SEO_FILE)?.0,
                        line: 0,
                        message: format!("unknown assessment `{id}` (known: {})", known.join(", ")),
                    });
                }
            }
        }
        let transitions = Transitions::from_lines(&source.lines(TRANSITIONS_FILE)?);
        Ok(Assessor {
            params,
            fail_level: file.fail_level.unwrap_or(Level::Bad),
            transitions,
            exclude_quotes: false,
        })
    }

    /// Run every enabled assessment on a document. The keyphrase given here
    /// wins over the document's own.
    pub fn assess(
        &self,
        doc: &Document,
        keyphrase: Option<&str>,
        lex: &Lexicon,
        splitter: &Splitter,
    ) -> Report {
        let ctx = self.context(doc, lex, splitter);
        let key_text = keyphrase
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .unwrap_or(doc.keyphrase.trim())
            .to_string();
        let key = Keyphrase::new(&key_text, lex);
        // the assessments are independent: they run side by side, and their
        // results are collected in the order of `rules/seo.yaml`
        let enabled: Vec<&(&str, Option<&str>, Params)> = self
            .params
            .iter()
            .filter(|(_, _, p)| p.severity != Severity::Off)
            .collect();
        let (flesch, outs) = rayon::join(
            || flesch(&ctx, self.exclude_quotes),
            || {
                enabled
                    .par_iter()
                    .map(|(id, _, p)| self.run_one(id, p, &ctx, &key, splitter))
                    .collect::<Vec<_>>()
            },
        );
        let mut assessments = Vec::new();
        for ((id, yoast, p), out) in enabled.into_iter().zip(outs) {
            let out = if *id == "flesch-reading-ease" {
                flesch.map(|f| flesch_out(f, p))
            } else {
                out
            };
            if let Some(o) = out {
                let fails = p.severity == Severity::Error && o.level >= self.fail_level;
                let line = o.locations.first().map(|l| l.line).unwrap_or(1);
                assessments.push(Assessment {
                    id: id.to_string(),
                    group: if config_is_readability(id) {
                        "readability"
                    } else {
                        "seo"
                    },
                    yoast: *yoast,
                    level: o.level,
                    severity: p.severity,
                    fails,
                    value: o.value,
                    unit: o.unit,
                    threshold: o.threshold,
                    message: o.message,
                    line,
                    locations: o.locations,
                });
            }
        }
        Report {
            keyphrase: key_text,
            words: ctx.words,
            sentences: ctx.sentences.len(),
            flesch,
            passed: !assessments.iter().any(|a| a.fails),
            assessments,
        }
    }

    /// One assessment (every one but the Flesch score, which `assess` computes
    /// once for the report and the assessment).
    fn run_one(
        &self,
        id: &str,
        p: &Params,
        ctx: &Ctx,
        key: &Keyphrase,
        splitter: &Splitter,
    ) -> Option<Out> {
        let (doc, lex) = (ctx.doc, ctx.lex);
        match id {
            "subheading-distribution" => subheading_distribution(ctx, p),
            "paragraph-length" => paragraph_length(ctx, p),
            "sentence-length" => sentence_length(ctx, p),
            "transition-words" => self.transition_words(ctx, p),
            "passive-voice" => passive_voice(ctx, p),
            "sentence-beginnings" => sentence_beginnings(ctx, p),
            "text-length" => text_length(ctx, p),
            "article-length" => article_length(ctx, p),
            "keyphrase-length" => keyphrase_length(key, lex, p),
            "single-h1" => single_h1(doc, p),
            "description-length" => description_length(doc, p),
            "title-width" => title_width(doc, p),
            "image-alt" => image_alt(doc),
            _ if key.is_empty() => None,
            "keyphrase-in-title" => keyphrase_in_title(doc, key, lex),
            "keyphrase-in-introduction" => keyphrase_in_introduction(ctx, key, splitter),
            "keyphrase-in-description" => keyphrase_in_description(doc, key, lex, splitter, p),
            "keyphrase-in-subheadings" => keyphrase_in_subheadings(ctx, key, p),
            "keyphrase-in-slug" => keyphrase_in_slug(doc, key, lex),
            "keyphrase-density" => keyphrase_density(ctx, key, p),
            "competing-links" => competing_links(doc, key, lex),
            _ => None,
        }
    }

    fn context<'a>(&self, doc: &'a Document, lex: &'a Lexicon, splitter: &Splitter) -> Ctx<'a> {
        let mut place = Vec::with_capacity(doc.blocks.len());
        let mut section = String::new();
        let mut para = 0;
        for b in &doc.blocks {
            match b.kind {
                Kind::Heading(_) => {
                    section = b.text.clone();
                    para = 0;
                    place.push((section.clone(), 0));
                }
                _ => {
                    para += 1;
                    place.push((section.clone(), para));
                }
            }
        }
        let block_words: Vec<usize> = doc
            .blocks
            .par_iter()
            .map(|b| text::word_count(&b.text))
            .collect();
        let words = doc
            .blocks
            .iter()
            .zip(&block_words)
            .filter(|(b, _)| b.kind != Kind::Quote)
            .map(|(_, n)| n)
            .sum();
        // the blocks are split side by side, the sentences kept in order
        let per_block: Vec<Vec<Sent>> = doc
            .blocks
            .par_iter()
            .enumerate()
            .map(|(i, b)| {
                if b.kind == Kind::Quote {
                    return Vec::new();
                }
                let pieces: Vec<&str> = if matches!(b.kind, Kind::Heading(_)) {
                    vec![b.text.as_str()]
                } else {
                    splitter
                        .split(&b.text)
                        .into_iter()
                        .map(|r| &b.text[r])
                        .collect()
                };
                pieces
                    .into_iter()
                    .filter_map(|s| {
                        let s = if self.exclude_quotes {
                            Cow::Owned(text::without_quotes(s))
                        } else {
                            Cow::Borrowed(s)
                        };
                        let n = text::word_count(&s);
                        (n > 0).then_some(Sent {
                            text: s,
                            block: i,
                            words: n,
                        })
                    })
                    .collect()
            })
            .collect();
        let sentences = per_block.into_iter().flatten().collect();
        Ctx {
            doc,
            lex,
            place,
            sentences,
            words,
            block_words,
        }
    }

    fn transition_words(&self, ctx: &Ctx, p: &Params) -> Option<Out> {
        let total = ctx.sentences.len();
        if total == 0 {
            return None;
        }
        let mut toks = text::MatchTokens::default();
        let has: Vec<bool> = ctx
            .sentences
            .iter()
            .map(|s| {
                toks.fill(&s.text);
                let t: Vec<&str> = toks.iter().collect();
                self.transitions.in_tokens(&t)
            })
            .collect();
        let with = has.iter().filter(|&&h| h).count();
        let value = pct(with, total);
        let threshold = format!("≥ {} %", num(p.good));
        if ctx.words < p.limit {
            return Some(Out {
                level: Level::Good,
                value,
                unit: "%",
                threshold,
                message: format!(
                    "Texte de moins de {} mots : les mots de transition ne sont pas évalués.",
                    p.limit
                ),
                locations: vec![],
            });
        }
        let level = at_least(value, p.good, p.ok);
        // the sections with the fewest transitions
        let mut locations = Vec::new();
        if level != Level::Good {
            let mut by_section: Vec<(usize, usize, usize)> = Vec::new(); // (first block, with, total)
            let mut current: Option<String> = None;
            for (s, &h) in ctx.sentences.iter().zip(&has) {
                let sec = &ctx.place[s.block].0;
                if current.as_ref() != Some(sec) {
                    current = Some(sec.clone());
                    by_section.push((s.block, 0, 0));
                }
                if let Some(last) = by_section.last_mut() {
                    last.2 += 1;
                    if h {
                        last.1 += 1;
                    }
                }
            }
            for (block, w, t) in by_section {
                if t >= 3 && pct(w, t) < p.ok {
                    locations.push(ctx.location(block, &ctx.doc.blocks[block].text));
                }
            }
            locations.truncate(5);
        }
        let message = match level {
            Level::Good => format!(
                "{} % des phrases contiennent un mot de transition (au moins {} % attendu) : bien.",
                num(value),
                num(p.good)
            ),
            _ => {
                let mut m = format!(
                    "Seules {} % des phrases contiennent un mot de transition (au moins {} % attendu). Reliez les idées par des connecteurs (« en effet », « toutefois », « par ailleurs », « ainsi »)",
                    num(value),
                    num(p.good)
                );
                if !locations.is_empty() {
                    let places: Vec<String> = locations.iter().map(|l| ctx.where_(l)).collect();
                    m.push_str(&format!(", d’abord dans {}", places.join(" ; ")));
                }
                m.push('.');
                m
            }
        };
        Some(Out {
            level,
            value,
            unit: "%",
            threshold,
            message,
            locations,
        })
    }
}

fn config_is_readability(id: &str) -> bool {
    matches!(
        id,
        "subheading-distribution"
            | "paragraph-length"
            | "sentence-length"
            | "transition-words"
            | "passive-voice"
            | "sentence-beginnings"
            | "flesch-reading-ease"
    )
}

/// Kandel & Moles: 207 − 1.015 × words/sentences − 73.6 × syllables/words,
/// numbers left out, clamped to 0–100.
fn flesch(ctx: &Ctx, exclude_quotes: bool) -> Option<f64> {
    let mut words = 0usize;
    let mut syll = 0usize;
    let mut sentences = 0usize;
    for b in &ctx.doc.blocks {
        if exclude_quotes && b.kind == Kind::Quote {
            continue;
        }
        let unquoted;
        let t = if exclude_quotes {
            unquoted = text::without_quotes(&b.text);
            unquoted.as_str()
        } else {
            b.text.as_str()
        };
        for w in text::flesch_words(t) {
            words += 1;
            syll += syllables::count(&w);
        }
    }
    sentences += ctx.sentences.len();
    if !exclude_quotes {
        // quotation blocks are read too
        for b in ctx.doc.blocks.iter().filter(|b| b.kind == Kind::Quote) {
            sentences += b.text.matches(['.', '!', '?']).count().max(1);
        }
    }
    if sentences == 0 || words <= 10 {
        return None;
    }
    let score = 207.0 - 1.015 * words as f64 / sentences as f64 - 73.6 * syll as f64 / words as f64;
    Some(round1(score.clamp(0.0, 100.0)))
}

fn flesch_out(f: f64, p: &Params) -> Out {
    let level = at_least(f, p.good, p.ok);
    let ease = match f {
        x if x >= 90.0 => "très facile",
        x if x >= 80.0 => "facile",
        x if x >= 70.0 => "assez facile",
        x if x >= 60.0 => "correct",
        x if x >= 50.0 => "assez difficile",
        x if x >= 30.0 => "difficile",
        _ => "très difficile",
    };
    let message = if level == Level::Good {
        format!("Facilité de lecture (Flesch) : {} ({ease}).", num(f))
    } else {
        format!(
            "Facilité de lecture (Flesch) : {} ({ease}), {} attendu au moins. Raccourcissez les phrases et préférez des mots courts.",
            num(f),
            num(p.good)
        )
    };
    Out {
        level,
        value: f,
        unit: "points",
        threshold: format!("≥ {}", num(p.good)),
        message,
        locations: vec![],
    }
}

fn subheading_distribution(ctx: &Ctx, p: &Params) -> Option<Out> {
    // sections: (heading block or None for the text before the first heading, words)
    let mut sections: Vec<(Option<usize>, usize)> = vec![(None, 0)];
    for (i, b) in ctx.doc.blocks.iter().enumerate() {
        match b.kind {
            Kind::Heading(_) => sections.push((Some(i), 0)),
            Kind::Quote => {}
            _ => {
                if let Some(last) = sections.last_mut() {
                    last.1 += ctx.block_words[i];
                }
            }
        }
    }
    if sections[0].1 == 0 && sections.len() > 1 {
        sections.remove(0);
    }
    let longest = sections.iter().map(|s| s.1).max().unwrap_or(0);
    let threshold = format!("≤ {} mots par section", num(p.good));
    let has_heading = ctx
        .doc
        .blocks
        .iter()
        .any(|b| matches!(b.kind, Kind::Heading(_)));
    if ctx.words <= p.limit {
        return Some(Out {
            level: Level::Good,
            value: longest as f64,
            unit: "mots",
            threshold,
            message: format!(
                "Texte de {} mots : pas besoin d’intertitre en dessous de {} mots.",
                ctx.words, p.limit
            ),
            locations: vec![],
        });
    }
    if !has_heading {
        let first = ctx.doc.blocks.first().map(|b| b.line).unwrap_or(1);
        return Some(Out {
            level: Level::Bad,
            value: longest as f64,
            unit: "mots",
            threshold,
            message: format!(
                "Aucun intertitre dans un texte de {} mots : ajoutez un intertitre (##) au moins tous les {} mots.",
                ctx.words,
                num(p.good)
            ),
            locations: vec![Location {
                line: first,
                section: String::new(),
                paragraph: 1,
                excerpt: String::new(),
            }],
        });
    }
    let level = at_most(longest as f64, p.good, p.ok);
    let mut locations = Vec::new();
    for (h, w) in &sections {
        if (*w as f64) > p.good {
            let loc = match h {
                Some(i) => ctx.location(*i, &ctx.doc.blocks[*i].text),
                None => {
                    let line = ctx.doc.blocks.first().map(|b| b.line).unwrap_or(1);
                    Location {
                        line,
                        section: String::new(),
                        paragraph: 0,
                        excerpt: String::new(),
                    }
                }
            };
            locations.push((loc, *w));
        }
    }
    let message = if level == Level::Good {
        format!("Les intertitres sont bien répartis (section la plus longue : {longest} mots).")
    } else {
        let parts: Vec<String> = locations
            .iter()
            .map(|(l, w)| {
                let name = if l.section.is_empty() {
                    format!("l’introduction (ligne {})", l.line)
                } else {
                    format!("la section « {} » (ligne {})", l.section, l.line)
                };
                format!("{name} fait {w} mots")
            })
            .collect();
        format!(
            "{} : coupez-la par un intertitre pour ne pas dépasser {} mots par section.",
            capitalise(&parts.join(" ; ")),
            num(p.good)
        )
    };
    Some(Out {
        level,
        value: longest as f64,
        unit: "mots",
        threshold,
        message,
        locations: locations.into_iter().map(|(l, _)| l).collect(),
    })
}

fn capitalise(s: &str) -> String {
    crate::french::capitalise_first(s)
}

fn paragraph_length(ctx: &Ctx, p: &Params) -> Option<Out> {
    let mut longest = 0usize;
    let mut long = Vec::new();
    for (i, b) in ctx.doc.blocks.iter().enumerate() {
        if !matches!(b.kind, Kind::Paragraph | Kind::Item) {
            continue;
        }
        let n = ctx.block_words[i];
        longest = longest.max(n);
        if n as f64 > p.good {
            long.push((ctx.location(i, &b.text), n));
        }
    }
    if ctx.doc.blocks.is_empty() {
        return None;
    }
    let level = at_most(longest as f64, p.good, p.ok);
    let message = if level == Level::Good {
        format!("Aucun paragraphe ne dépasse {} mots.", num(p.good))
    } else {
        let parts: Vec<String> = long
            .iter()
            .take(5)
            .map(|(l, n)| format!("{} : {n} mots", ctx.where_(l)))
            .collect();
        let more = if long.len() > 5 {
            format!(" (et {} autres)", long.len() - 5)
        } else {
            String::new()
        };
        format!(
            "{} paragraphe(s) de plus de {} mots — {}{more}. Coupez-les en paragraphes plus courts.",
            long.len(),
            num(p.good),
            parts.join(" ; ")
        )
    };
    Some(Out {
        level,
        value: longest as f64,
        unit: "mots",
        threshold: format!("≤ {} mots", num(p.good)),
        message,
        locations: long.into_iter().map(|(l, _)| l).collect(),
    })
}

fn sentence_length(ctx: &Ctx, p: &Params) -> Option<Out> {
    let total = ctx.sentences.len();
    if total == 0 {
        return None;
    }
    let long: Vec<&Sent> = ctx.sentences.iter().filter(|s| s.words > p.limit).collect();
    let value = pct(long.len(), total);
    let level = at_most(value, p.good, p.ok);
    let locations: Vec<Location> = long
        .iter()
        .map(|s| ctx.location(s.block, &s.text))
        .collect();
    let message = if level == Level::Good {
        format!(
            "{} % des phrases dépassent {} mots (au plus {} %) : bien.",
            num(value),
            p.limit,
            num(p.good)
        )
    } else {
        let mut places: Vec<String> = Vec::new();
        for l in &locations {
            let w = ctx.where_(l);
            if !places.contains(&w) {
                places.push(w);
            }
            if places.len() == 3 {
                break;
            }
        }
        format!(
            "{} % des phrases ({} sur {}) dépassent {} mots, au lieu de {} % au plus. Raccourcissez-les, par exemple dans {}.",
            num(value),
            long.len(),
            total,
            p.limit,
            num(p.good),
            places.join(" ; ")
        )
    };
    Some(Out {
        level,
        value,
        unit: "%",
        threshold: format!("≤ {} % de phrases de plus de {} mots", num(p.good), p.limit),
        message,
        locations,
    })
}

fn passive_voice(ctx: &Ctx, p: &Params) -> Option<Out> {
    let total = ctx.sentences.len();
    if total == 0 {
        return None;
    }
    let found: Vec<(&Sent, String)> = ctx
        .sentences
        .iter()
        .filter_map(|s| text::passive(&s.text).map(|pair| (s, pair)))
        .collect();
    let value = pct(found.len(), total);
    let level = at_most(value, p.good, p.ok);
    let locations: Vec<Location> = found
        .iter()
        .map(|(s, _)| ctx.location(s.block, &s.text))
        .collect();
    let message = if level == Level::Good {
        format!(
            "{} % des phrases sont au passif (au plus {} %) : bien.",
            num(value),
            num(p.good)
        )
    } else {
        let ex: Vec<String> = found
            .iter()
            .zip(&locations)
            .take(3)
            .map(|((_, pair), l)| format!("« {pair} » dans {}", ctx.where_(l)))
            .collect();
        format!(
            "{} % des phrases sont au passif (au plus {} %). Tournez-en à l’actif quand l’auteur de l’action est connu : {}.",
            num(value),
            num(p.good),
            ex.join(" ; ")
        )
    };
    Some(Out {
        level,
        value,
        unit: "%",
        threshold: format!("≤ {} %", num(p.good)),
        message,
        locations,
    })
}

fn sentence_beginnings(ctx: &Ctx, p: &Params) -> Option<Out> {
    let sents: Vec<&Sent> = ctx
        .sentences
        .iter()
        .filter(|s| ctx.doc.blocks[s.block].kind != Kind::Item)
        .collect();
    if sents.is_empty() {
        return None;
    }
    let mut runs: Vec<(usize, usize, String)> = Vec::new(); // (start index, length, word)
    let mut begins: Vec<String> = sents.iter().map(|s| text::beginning(&s.text)).collect();
    let mut i = 0;
    while i < sents.len() {
        let b = std::mem::take(&mut begins[i]);
        let mut j = i + 1;
        while j < sents.len() && !b.is_empty() && begins[j] == b {
            j += 1;
        }
        runs.push((i, j - i, b));
        i = j;
    }
    let longest = runs.iter().map(|r| r.1).max().unwrap_or(0);
    let bad: Vec<&(usize, usize, String)> = runs.iter().filter(|r| r.1 > p.limit).collect();
    let level = if bad.is_empty() {
        Level::Good
    } else {
        Level::Bad
    };
    let locations: Vec<Location> = bad
        .iter()
        .map(|r| ctx.location(sents[r.0].block, &sents[r.0].text))
        .collect();
    let message = if level == Level::Good {
        "Pas de suite de phrases commençant par le même mot.".to_string()
    } else {
        let parts: Vec<String> = bad
            .iter()
            .zip(&locations)
            .take(3)
            .map(|(r, l)| {
                format!(
                    "{} phrases de suite commencent par « {} » dans {}",
                    r.1,
                    r.2,
                    ctx.where_(l)
                )
            })
            .collect();
        format!(
            "{} : variez le début de ces phrases.",
            capitalise(&parts.join(" ; "))
        )
    };
    Some(Out {
        level,
        value: longest as f64,
        unit: "phrases",
        threshold: format!("≤ {} phrases de suite commençant pareil", p.limit),
        message,
        locations,
    })
}

fn text_length(ctx: &Ctx, p: &Params) -> Option<Out> {
    let v = ctx.words as f64;
    let level = at_least(v, p.good, p.ok);
    let message = if level == Level::Good {
        format!("Le texte compte {} mots.", ctx.words)
    } else {
        format!(
            "Le texte ne compte que {} mots : écrivez-en au moins {}.",
            ctx.words,
            num(p.good)
        )
    };
    Some(Out {
        level,
        value: v,
        unit: "mots",
        threshold: format!("≥ {} mots", num(p.good)),
        message,
        locations: vec![],
    })
}

fn article_length(ctx: &Ctx, p: &Params) -> Option<Out> {
    let v = ctx.words as f64;
    let level = at_least(v, p.good, p.ok);
    let message = if level == Level::Good {
        format!(
            "L’article atteint {} mots (objectif : {}).",
            ctx.words,
            num(p.good)
        )
    } else {
        format!(
            "L’article compte {} mots, sous l’objectif de {} : ajoutez des sections tirées des faits du texte.",
            ctx.words,
            num(p.good)
        )
    };
    Some(Out {
        level,
        value: v,
        unit: "mots",
        threshold: format!("≥ {} mots", num(p.good)),
        message,
        locations: vec![],
    })
}

fn keyphrase_length(key: &Keyphrase, lex: &Lexicon, p: &Params) -> Option<Out> {
    let threshold = format!("1 à {} mots pleins", num(p.good));
    if key.is_empty() {
        return Some(Out {
            level: Level::Bad,
            value: 0.0,
            unit: "mots",
            threshold,
            message: "Aucune expression clé : donnez-en une (--keyphrase, ou `keyphrase:` dans l’en-tête).".into(),
            locations: vec![],
        });
    }
    if key.only_function_words(lex) {
        return Some(Out {
            level: Level::Bad,
            value: key.content_len() as f64,
            unit: "mots",
            threshold,
            message: format!(
                "L’expression clé « {} » n’est faite que de mots outils : choisissez des mots qui portent le sujet.",
                key.text
            ),
            locations: vec![],
        });
    }
    let n = key.content_len() as f64;
    let level = at_most(n, p.good, p.ok);
    let message = if level == Level::Good {
        format!("L’expression clé « {} » a une bonne longueur.", key.text)
    } else {
        format!(
            "L’expression clé « {} » compte {} mots pleins : resserrez-la à {} au plus.",
            key.text,
            num(n),
            num(p.good)
        )
    };
    Some(Out {
        level,
        value: n,
        unit: "mots",
        threshold,
        message,
        locations: vec![],
    })
}

fn keyphrase_in_title(doc: &Document, key: &Keyphrase, lex: &Lexicon) -> Option<Out> {
    let title = &doc.seo_title;
    let (level, value, message) = if title.is_empty() {
        (
            Level::Bad,
            0.0,
            "Pas de titre SEO : ajoutez `seo_title:` (ou `title:`) dans l’en-tête.".to_string(),
        )
    } else {
        match key.exact_position(title, lex) {
            Some((_, true)) => (
                Level::Good,
                1.0,
                format!("Le titre SEO commence par l’expression clé « {} ».", key.text),
            ),
            Some(_) => (
                Level::Ok,
                0.5,
                format!(
                    "L’expression clé « {} » est dans le titre SEO, mais pas au début : placez-la en tête du titre « {} ».",
                    key.text, title
                ),
            ),
            None if key.share_in(title, lex) >= 1.0 => (
                Level::Ok,
                0.5,
                format!(
                    "Les mots de l’expression clé « {} » sont dans le titre SEO, mais pas tels quels : reprenez l’expression exacte en tête du titre « {} ».",
                    key.text, title
                ),
            ),
            None => (
                Level::Bad,
                0.0,
                format!(
                    "Le titre SEO « {} » ne contient pas l’expression clé « {} » : ajoutez-la, de préférence au début.",
                    title, key.text
                ),
            ),
        }
    };
    Some(Out {
        level,
        value,
        unit: "",
        threshold: "expression clé au début du titre".into(),
        message,
        locations: vec![],
    })
}

fn keyphrase_in_introduction(ctx: &Ctx, key: &Keyphrase, splitter: &Splitter) -> Option<Out> {
    let first = ctx
        .doc
        .blocks
        .iter()
        .position(|b| b.kind == Kind::Paragraph);
    let Some(i) = first else {
        return Some(Out {
            level: Level::Bad,
            value: 0.0,
            unit: "",
            threshold: "expression clé dans une phrase du premier paragraphe".into(),
            message: "Le texte n’a pas de paragraphe d’introduction : commencez par un paragraphe qui contient l’expression clé.".into(),
            locations: vec![],
        });
    };
    let b = &ctx.doc.blocks[i];
    let in_sentence = splitter
        .split(&b.text)
        .into_iter()
        .any(|r| key.share_in(&b.text[r], ctx.lex) >= 1.0);
    let loc = ctx.location(i, &b.text);
    let (level, value, message) = if in_sentence {
        (
            Level::Good,
            1.0,
            format!(
                "Le premier paragraphe contient l’expression clé « {} ».",
                key.text
            ),
        )
    } else if key.share_in(&b.text, ctx.lex) >= 1.0 {
        (
            Level::Ok,
            0.5,
            format!(
                "Les mots de l’expression clé « {} » sont dans le premier paragraphe (ligne {}), mais pas dans la même phrase : réunissez-les dans une phrase.",
                key.text, loc.line
            ),
        )
    } else {
        (
            Level::Bad,
            0.0,
            format!(
                "Le premier paragraphe (ligne {}) ne contient pas l’expression clé « {} » : mentionnez-la dès l’introduction.",
                loc.line, key.text
            ),
        )
    };
    Some(Out {
        level,
        value,
        unit: "",
        threshold: "expression clé dans une phrase du premier paragraphe".into(),
        message,
        locations: vec![loc],
    })
}

fn keyphrase_in_description(
    doc: &Document,
    key: &Keyphrase,
    lex: &Lexicon,
    splitter: &Splitter,
    p: &Params,
) -> Option<Out> {
    if doc.description.is_empty() {
        return None;
    }
    let d = &doc.description;
    let n = splitter
        .split(d)
        .into_iter()
        .filter(|r| key.count_in(&d[r.clone()], lex) > 0)
        .count();
    let level = if (n as f64) >= p.min && (n as f64) <= p.max {
        Level::Good
    } else {
        Level::Bad
    };
    let message = match (level, n) {
        (Level::Good, _) => format!(
            "La meta description contient l’expression clé « {} ».",
            key.text
        ),
        (_, 0) => format!(
            "La meta description ne contient pas l’expression clé « {} » : ajoutez-la.",
            key.text
        ),
        _ => format!(
            "L’expression clé « {} » revient dans {n} phrases de la meta description : {} au plus.",
            key.text,
            num(p.max)
        ),
    };
    Some(Out {
        level,
        value: n as f64,
        unit: "phrases",
        threshold: format!(
            "{} à {} phrase(s) avec l’expression clé",
            num(p.min),
            num(p.max)
        ),
        message,
        locations: vec![],
    })
}

fn keyphrase_in_subheadings(ctx: &Ctx, key: &Keyphrase, p: &Params) -> Option<Out> {
    let heads: Vec<usize> = ctx
        .doc
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| matches!(b.kind, Kind::Heading(2) | Kind::Heading(3)))
        .map(|(i, _)| i)
        .collect();
    let threshold = format!("{} à {} % des H2/H3", num(p.min), num(p.max));
    if heads.is_empty() {
        let level = if ctx.words >= p.limit {
            Level::Bad
        } else {
            Level::Good
        };
        return Some(Out {
            level,
            value: 0.0,
            unit: "%",
            threshold,
            message: if level == Level::Good {
                "Texte court sans intertitre : rien à vérifier.".into()
            } else {
                format!(
                    "Aucun intertitre H2/H3 : ajoutez-en, dont certains reprennent l’expression clé « {} ».",
                    key.text
                )
            },
            locations: vec![],
        });
    }
    let matching: Vec<usize> = heads
        .iter()
        .copied()
        .filter(|&i| key.share_in(&ctx.doc.blocks[i].text, ctx.lex) > 0.5)
        .collect();
    let n = heads.len();
    let m = matching.len();
    let lo = ((p.min / 100.0) * n as f64).ceil() as usize;
    let hi = ((p.max / 100.0) * n as f64).floor() as usize;
    let good = (n == 1 && m == 1) || (m >= lo.max(1) && m <= hi);
    let value = pct(m, n);
    let message = if good {
        format!(
            "{m} intertitre(s) H2/H3 sur {n} reprennent l’expression clé « {} » : bien.",
            key.text
        )
    } else if m < lo.max(1) {
        format!(
            "{m} intertitre(s) H2/H3 sur {n} reprennent l’expression clé « {} » : reprenez-la (ou ses mots) dans au moins {}.",
            key.text,
            lo.max(1)
        )
    } else {
        format!(
            "{m} intertitres H2/H3 sur {n} reprennent l’expression clé « {} » : c’est trop, gardez-la dans {hi} au plus et variez les autres.",
            key.text
        )
    };
    let locations = if good || m < lo.max(1) {
        vec![]
    } else {
        matching
            .iter()
            .map(|&i| ctx.location(i, &ctx.doc.blocks[i].text))
            .collect()
    };
    Some(Out {
        level: if good { Level::Good } else { Level::Bad },
        value,
        unit: "%",
        threshold,
        message,
        locations,
    })
}

fn keyphrase_in_slug(doc: &Document, key: &Keyphrase, lex: &Lexicon) -> Option<Out> {
    let threshold = "mots de l’expression clé dans le slug".to_string();
    if doc.slug.is_empty() {
        return Some(Out {
            level: Level::Bad,
            value: 0.0,
            unit: "%",
            threshold,
            message: "Pas de slug : ajoutez `slug:` dans l’en-tête.".into(),
            locations: vec![],
        });
    }
    // slugs are written without accents: compare without them
    let slug_text = deunicode::deunicode(&doc.slug.replace(['-', '_', '/'], " "));
    let plain = Keyphrase::new(&deunicode::deunicode(&key.text), lex);
    let share = plain.share_in(&slug_text, lex);
    let good = if plain.content_len() < 3 {
        share >= 1.0
    } else {
        share > 0.5
    };
    let message = if good {
        format!("Le slug « {} » reprend l’expression clé.", doc.slug)
    } else {
        format!(
            "Le slug « {} » ne reprend pas tous les mots de l’expression clé « {} » : ajoutez-les.",
            doc.slug, key.text
        )
    };
    Some(Out {
        level: if good { Level::Good } else { Level::Ok },
        value: round1(share * 100.0),
        unit: "%",
        threshold,
        message,
        locations: vec![],
    })
}

/// A cheap test that a sentence may match the keyphrase: its longest match
/// word, in any case, somewhere in the sentence. A sentence that fails it has
/// no token equal to that word once lowercased, so no match
/// ([`keywords::matches_in`] counts the rarest word). `None` (test every
/// sentence) for a word that lowercasing could have lengthened (U+0307 comes
/// from « İ »).
fn keyword_probe(kw: &[String]) -> Option<regex::Regex> {
    let longest = kw.iter().max_by_key(|w| w.chars().count())?;
    if longest.is_empty() || longest.contains('\u{307}') {
        return None;
    }
    regex::Regex::new(&format!("(?i){}", regex::escape(longest))).ok()
}

fn keyphrase_density(ctx: &Ctx, key: &Keyphrase, p: &Params) -> Option<Out> {
    // matched as the SEO analyses match it: the keyphrase's topic words in
    // their written forms (elision and case aside), every hyphenated part a word
    let kw = keywords::match_words(&key.text, ctx.lex);
    let words: usize = ctx
        .doc
        .blocks
        .iter()
        .filter(|b| b.kind != Kind::Quote)
        .map(|b| keywords::density_words(&b.text))
        .sum();
    if words == 0 || kw.is_empty() {
        return None;
    }
    let probe = keyword_probe(&kw);
    let count: usize = ctx
        .sentences
        .iter()
        .filter(|s| probe.as_ref().is_none_or(|re| re.is_match(&s.text)))
        .map(|s| keywords::matches_in(&s.text, &kw))
        .sum();
    let n = kw.len() as f64;
    let factor = 0.7 + n / 3.0;
    let raw = count as f64 * 100.0 / words as f64;
    let weighted = raw * factor;
    let min_count = ((p.min * words as f64 / (100.0 * factor)).ceil() as usize).max(p.limit);
    let max_count = ((p.max * words as f64 / (100.0 * factor)).floor() as usize).max(p.limit);
    let level = if words < 100 {
        let hi = if words > 50 { 2 } else { 1 };
        if (1..=hi).contains(&count) {
            Level::Good
        } else {
            Level::Bad
        }
    } else if count == 0 || count == 1 || weighted < p.min {
        Level::Bad
    } else if weighted <= p.max || (count == 2 && min_count <= 2) {
        Level::Good
    } else {
        Level::Bad
    };
    let message = if level == Level::Good {
        format!(
            "L’expression clé « {} » apparaît {count} fois (densité {} %) : bien.",
            key.text,
            num(round1(raw))
        )
    } else if count < min_count || weighted < p.min {
        format!(
            "L’expression clé « {} » n’apparaît que {count} fois pour {words} mots : employez-la au moins {min_count} fois, réparties dans le texte.",
            key.text
        )
    } else {
        format!(
            "L’expression clé « {} » apparaît {count} fois pour {words} mots : c’est trop, {max_count} au plus ; remplacez-en par des synonymes.",
            key.text
        )
    };
    Some(Out {
        level,
        value: round1(raw),
        unit: "%",
        threshold: format!("{min_count} à {max_count} occurrences"),
        message,
        locations: vec![],
    })
}

fn description_length(doc: &Document, p: &Params) -> Option<Out> {
    let n = doc.description.chars().count();
    let v = n as f64;
    let threshold = format!("{} à {} caractères", num(p.min), num(p.max));
    let (level, message) = if n == 0 {
        (
            Level::Bad,
            "Pas de meta description : ajoutez `description:` dans l’en-tête.".to_string(),
        )
    } else if v < p.min {
        (
            p.outside,
            format!(
                "La meta description fait {n} caractères : allongez-la à {} au moins.",
                num(p.min)
            ),
        )
    } else if v > p.max {
        (
            p.outside,
            format!(
                "La meta description fait {n} caractères : raccourcissez-la à {} au plus.",
                num(p.max)
            ),
        )
    } else {
        (
            Level::Good,
            format!("La meta description fait {n} caractères."),
        )
    };
    Some(Out {
        level,
        value: v,
        unit: "caractères",
        threshold,
        message,
        locations: vec![],
    })
}

fn title_width(doc: &Document, p: &Params) -> Option<Out> {
    let w = text::title_width(&doc.seo_title);
    let (level, message) = if doc.seo_title.is_empty() {
        (
            Level::Bad,
            "Pas de titre SEO : ajoutez `seo_title:` (ou `title:`) dans l’en-tête.".to_string(),
        )
    } else if (w as f64) <= p.good {
        (
            Level::Good,
            format!("Le titre SEO fait {w} pixels de large."),
        )
    } else {
        (
            at_most(w as f64, p.good, p.ok),
            format!(
                "Le titre SEO « {} » fait {w} pixels de large : raccourcissez-le à {} pixels au plus pour qu’il ne soit pas coupé dans les résultats.",
                doc.seo_title,
                num(p.good)
            ),
        )
    };
    Some(Out {
        level,
        value: w as f64,
        unit: "px",
        threshold: format!("≤ {} px", num(p.good)),
        message,
        locations: vec![],
    })
}

fn single_h1(doc: &Document, p: &Params) -> Option<Out> {
    let n = doc.h1_count;
    let level = if (n as f64) <= p.good {
        Level::Good
    } else {
        Level::Bad
    };
    let locations = match (level, doc.second_h1_line) {
        (Level::Bad, Some(line)) => vec![Location {
            line,
            section: String::new(),
            paragraph: 0,
            excerpt: String::new(),
        }],
        _ => vec![],
    };
    let message = if level == Level::Good {
        "Un seul titre H1.".to_string()
    } else {
        format!(
            "{n} titres H1 : gardez le titre de page seul en H1 et passez les autres en H2 (ligne {}).",
            doc.second_h1_line.unwrap_or(1)
        )
    };
    Some(Out {
        level,
        value: n as f64,
        unit: "H1",
        threshold: "≤ 1 H1".into(),
        message,
        locations,
    })
}

fn image_alt(doc: &Document) -> Option<Out> {
    if doc.images.is_empty() {
        return None;
    }
    let missing: Vec<&document::Image> = doc.images.iter().filter(|i| i.alt.is_empty()).collect();
    let level = if missing.is_empty() {
        Level::Good
    } else {
        Level::Bad
    };
    let message = if missing.is_empty() {
        "Toutes les images ont un texte alternatif.".to_string()
    } else {
        let lines: Vec<String> = missing.iter().map(|i| i.line.to_string()).collect();
        format!(
            "{} image(s) sans texte alternatif (ligne {}) : décrivez chaque image dans son attribut alt.",
            missing.len(),
            lines.join(", ")
        )
    };
    Some(Out {
        level,
        value: missing.len() as f64,
        unit: "images",
        threshold: "0 image sans alt".into(),
        message,
        locations: missing
            .iter()
            .map(|i| Location {
                line: i.line,
                section: String::new(),
                paragraph: 0,
                excerpt: i.src.clone(),
            })
            .collect(),
    })
}

fn competing_links(doc: &Document, key: &Keyphrase, lex: &Lexicon) -> Option<Out> {
    if doc.links.is_empty() {
        return None;
    }
    let competing: Vec<&document::Link> = doc
        .links
        .iter()
        .filter(|l| key.share_in(&l.text, lex) >= 1.0)
        .collect();
    let level = if competing.is_empty() {
        Level::Good
    } else {
        Level::Bad
    };
    let message = if competing.is_empty() {
        "Aucun lien n’a l’expression clé pour texte.".to_string()
    } else {
        let lines: Vec<String> = competing
            .iter()
            .map(|l| format!("« {} » (ligne {})", l.text, l.line))
            .collect();
        format!(
            "Des liens ont l’expression clé pour texte et font concurrence à cette page : {}. Changez leur texte.",
            lines.join(", ")
        )
    };
    Some(Out {
        level,
        value: competing.len() as f64,
        unit: "liens",
        threshold: "0 lien".into(),
        message,
        locations: competing
            .iter()
            .map(|l| Location {
                line: l.line,
                section: String::new(),
                paragraph: 0,
                excerpt: l.text.clone(),
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup() -> (Assessor, Lexicon, Splitter) {
        let s = Source::embedded();
        (
            Assessor::load(&s).unwrap(),
            Lexicon::load(&s).unwrap(),
            Splitter::load(&s).unwrap(),
        )
    }

    #[test]
    fn the_keyword_probe_never_hides_a_match() {
        let lex = Lexicon::load(&Source::embedded()).unwrap();
        let sentences = [
            "L’USINE d’Écully ouvre ; l’usine-école aussi.",
            "Les Usines et l’ÉTAT, l’État-providence.",
            "Un vélo, des VÉLOS, le Vélo-club.",
            "Rien à voir ici.",
            "La température est de 300 \u{212a} (kelvins).",
        ];
        for key in ["usine", "État", "vélo", "k", "usine d’État"] {
            let kw = keywords::match_words(key, &lex);
            let probe = keyword_probe(&kw);
            for s in sentences {
                if keywords::matches_in(s, &kw) > 0 {
                    assert!(probe.as_ref().is_none_or(|re| re.is_match(s)), "{key}: {s}");
                }
            }
        }
    }

    #[test]
    fn embedded_rules_load_and_every_id_is_known() {
        let (a, _, _) = setup();
        assert!(a.params.len() >= 20);
    }

    #[test]
    fn empty_document_does_not_panic() {
        let (a, lex, sp) = setup();
        for md in ["", "# Titre", "---\nkeyphrase: x\n---\n", "## A\n\n## B\n"] {
            let d = Document::from_markdown(md).unwrap();
            let r = a.assess(&d, None, &lex, &sp);
            assert!(!r.assessments.is_empty());
        }
    }
}
