//! rubrique: turns raw scraped French news text into an SEO-ready French article,
//! offline and deterministically.
//!
//! The pipeline (one module per stage, data flowing one way):
//! decode → clean → language → sentences → structure → sections → lists → keywords →
//! headings → expand → meta → report → render.
//!
//! ```no_run
//! # fn main() -> rubrique::error::Result<()> {
//! let engine = rubrique::Engine::new(&rubrique::rules::Source::embedded())?;
//! // a typed error (not French, empty, not UTF-8…) carries what the user needs
//! let article = engine.rewrite(b"...", &rubrique::Options::default())?;
//! println!("{}", rubrique::render::markdown(&article));
//! # Ok(())
//! # }
//! ```
pub mod error;
pub mod french;
pub mod fxhash;
pub mod model;
pub mod prefilter;
pub mod rules;

pub mod batch;
pub mod clean;
pub mod decode;
pub mod expand;
pub mod headings;
pub mod io;
pub mod keywords;
pub mod language;
pub mod lists;
pub mod meta;
pub mod render;
pub mod report;
pub mod sections;
pub mod sentences;
pub mod structure;

pub use error::{Error, Refusal, Result};
pub use model::Article;

/// Per-article options (what the CLI flags set).
#[derive(Debug, Clone)]
pub struct Options {
    /// Word target reached with expansion sections built from the text's facts.
    pub min_words: usize,
    /// Focus keyphrase chosen by the user (otherwise found in the text).
    pub keyphrase: Option<String>,
    /// Title chosen by the user (otherwise built from the lead).
    pub title: Option<String>,
    /// Canonical URL of the page.
    pub url: Option<String>,
    /// Publication date, YYYY-MM-DD.
    pub date: Option<String>,
    /// Run the SEO and readability assessments and keep them in the article
    /// (the JSON output and `--report` show them).
    pub report: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            min_words: 700,
            keyphrase: None,
            title: None,
            url: None,
            date: None,
            report: true,
        }
    }
}

/// The compiled rules and lexicons, built once and reused for every article.
pub struct Engine {
    pub french: french::Lexicon,
    pub clean: clean::Cleaner,
    pub splitter: sentences::Splitter,
    pub structure: structure::Structurer,
    pub sections: sections::Sectioner,
    pub lists: lists::Lister,
    pub headings: headings::HeadingWriter,
    pub expand: expand::Expander,
    pub meta: meta::MetaWriter,
    pub assessor: report::Assessor,
}

impl Engine {
    /// Load and compile every rule file and lexicon from `source`.
    pub fn new(source: &rules::Source) -> Result<Engine> {
        // the files load on two cores, in two halves of about the same cost;
        // an error is the first in the order below, as when they loaded one
        // after the other
        let (first, second) = rayon::join(
            || {
                (
                    french::Lexicon::load(source),
                    clean::Cleaner::load(source),
                    sentences::Splitter::load(source),
                    structure::Structurer::load(source),
                )
            },
            || {
                (
                    sections::Sectioner::load(source),
                    lists::Lister::load(source),
                    headings::HeadingWriter::load(source),
                    expand::Expander::load(source),
                    meta::MetaWriter::load(source),
                    report::Assessor::load(source),
                )
            },
        );
        let (french, clean, splitter, structure) = first;
        let (sections, lists, headings, expand, meta, assessor) = second;
        Ok(Engine {
            french: french?,
            clean: clean?,
            splitter: splitter?,
            structure: structure?,
            sections: sections?,
            lists: lists?,
            headings: headings?,
            expand: expand?,
            meta: meta?,
            assessor: assessor?,
        })
    }

    /// Run the whole pipeline on raw input bytes.
    /// The expansion sections for `min_sections` (at least) and the headings
    /// of every section.
    fn expand_and_name(
        &self,
        mut sections: Vec<model::Section>,
        sentences: &[model::Sentence],
        keywords: &keywords::Keywords,
        opts: &Options,
        min_sections: usize,
    ) -> (Vec<model::Section>, expand::Expansion) {
        let mut expansion = self.expand.run(
            sentences,
            &sections,
            keywords,
            &self.french,
            opts.min_words,
            min_sections,
        );
        sections.append(&mut expansion.sections);
        self.headings
            .run(&mut sections, sentences, keywords, &self.french);
        (sections, expansion)
    }

    pub fn rewrite(&self, input: &[u8], opts: &Options) -> Result<Article> {
        let text = decode::decode(input)?;
        let cleaned = self.clean.run(&text);
        if cleaned.text.trim().is_empty() {
            // a text in another language is all cut out as foreign
            // fragments: say so rather than that nothing is left
            if let Some(f) = &self.clean.foreign {
                if cleaned.removals.iter().any(|r| r.rule == f.id) {
                    if let Err(refusal @ Refusal::NotFrench { .. }) = language::detect(&text) {
                        return Err(refusal.into());
                    }
                }
            }
            return Err(Refusal::NothingLeft {
                removed: cleaned.removals.len(),
            }
            .into());
        }
        // the expansion stage's patterns compile on another core meanwhile
        self.expand.prepare(&cleaned.text);
        // the language is told on another core while this thread reads the
        // structure (which a refusal throws away); this thread keeps the
        // stems it computes for the later stages
        let mut language = None;
        let outline = rayon::in_place_scope(|scope| {
            scope.spawn(|_| language = Some(language::detect(&cleaned.text)));
            self.structure
                .run(&cleaned.text, &self.splitter, &self.french)
        });
        // (the scope has run the detection; told here again if it had not)
        let language = match language {
            Some(l) => l?,
            None => language::detect(&cleaned.text)?,
        };
        if outline.sentences.is_empty() {
            return Err(Refusal::NothingLeft {
                removed: cleaned.removals.len(),
            }
            .into());
        }
        let mut sections = self.sections.run(&outline, &self.french);
        self.lists.run(&mut sections, &outline.sentences);
        let keywords = keywords::analyse(&outline.sentences, &sections, &self.french, opts);
        let shortfall = self.headings.keyphrase_shortfall(
            &sections,
            &outline.sentences,
            &keywords,
            &self.french,
        );
        // the headings are named after the expansion, and the shortfall
        // counts every heading still to be named as able to carry the
        // keyphrase; when the templates could not give it to that many, the
        // expansion is asked again for the sections the density band lacks
        let unnamed = (shortfall < headings::MAX_BAND_SECTIONS).then(|| sections.clone());
        let (mut sections, mut expansion) =
            self.expand_and_name(sections, &outline.sentences, &keywords, opts, shortfall);
        if let Some(unnamed) = unnamed {
            let density = keywords::Density::of_keywords(
                &sections,
                &outline.sentences,
                &keywords,
                &self.french,
                0,
            );
            let lack = density.min.saturating_sub(density.matches);
            // each section asked adds words too, which may raise the band
            let mut more = shortfall + lack;
            while lack > 0 && more <= headings::MAX_BAND_SECTIONS {
                let (again, again_expansion) = self.expand_and_name(
                    unnamed.clone(),
                    &outline.sentences,
                    &keywords,
                    opts,
                    more,
                );
                let d = keywords::Density::of_keywords(
                    &again,
                    &outline.sentences,
                    &keywords,
                    &self.french,
                    0,
                );
                if d.matches >= d.min {
                    sections = again;
                    expansion = again_expansion;
                    break;
                }
                more += 1;
            }
        }
        let trimmed =
            self.expand
                .trim_to_density(&mut sections, &outline.sentences, &keywords, &self.french);
        // a section the trim dropped may have carried the keyphrase in its
        // heading: the subheadings may need another one, which the density
        // band now leaves room for
        if trimmed > 0 {
            self.headings.keyphrase_subheadings(
                &mut sections,
                &outline.sentences,
                &keywords,
                &self.french,
            );
        }
        let warnings: Vec<String> = self
            .expand
            .shortfall_warning(&sections, &outline.sentences, opts.min_words, &expansion)
            .into_iter()
            .collect();
        let meta = self
            .meta
            .run(&outline, &sections, &keywords, &self.french, opts);
        let mut article = Article {
            meta,
            language,
            sentences: outline.sentences,
            sections,
            removals: cleaned.removals,
            warnings,
            report: None,
        };
        // report: the assessments of what was written, when they are shown
        if opts.report {
            let doc = report::Document::from_article(&article, &self.french);
            let report = self
                .assessor
                .assess(&doc, None, &self.french, &self.splitter);
            article.report = Some(report);
        }
        Ok(article)
    }
}
