//! Stage 8: when the article is under the word target, sections built from the
//! templates of `rules/expansions.yaml`, filled only with facts found in the
//! text: key figures, dates, who's who, acronyms, questions answered by the
//! text's own definitions, and key points. Facts are quoted verbatim with their
//! local context (a clause, an apposition) rather than as whole sentences where
//! that reads well, and a source sentence feeds one expansion item at most, so
//! the sections add facts, not repetition. A template with too few facts is
//! skipped; when the target cannot be reached, the article stays short and a
//! warning says why.
use crate::error::{Error, Result};
use crate::french::{self, elision, typography, Lexicon};
use crate::fxhash::FxHashSet as HashSet;
use crate::headings::Np;
use crate::keywords::{self, Keywords};
use crate::model::{Block, Generated, Section, SectionKind, Sentence};
use crate::rules::{LazyRegex, Source};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

const FILE: &str = "rules/expansions.yaml";
const GLOSSARY: &str = "lexicons/glossary.yaml";
/// Longest heading the headings stage accepts.
const MAX_HEADING_CHARS: usize = 70;
/// Words a generated heading of a source section is counted for before the
/// headings stage has written it (a low estimate, so the target is not missed).
const HEADING_WORDS_ESTIMATE: usize = 2;
/// Sentences longer than this are not quoted (scraped lists, code, run-ons).
const MAX_SENTENCE_WORDS: usize = 80;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpansionRules {
    pub templates: Vec<ExpansionTemplate>,
    /// Words that open a role apposition ("directrice de l’école").
    #[serde(default)]
    pub role_nouns: Vec<String>,
    /// Verbs that make a sentence a definition of its subject.
    #[serde(default)]
    pub definitions: Vec<DefinitionVerb>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpansionTemplate {
    /// What builds it: key-figures, timeline, whos-who, glossary, faq, key-points.
    pub id: String,
    /// Heading variants; `{Keyphrase}`, `{np}`, `{de_np}` are the keyphrase.
    pub headings: Vec<String>,
    /// Sentence introducing the items.
    #[serde(default)]
    pub intro: Option<String>,
    /// One item, with the template's named placeholders.
    pub item: String,
    /// Question templates by kind (faq only).
    #[serde(default)]
    pub questions: BTreeMap<String, String>,
    /// Most items.
    pub max_items: usize,
    /// Fewest items for the section to be worth adding.
    #[serde(default = "default_min_items")]
    pub min_items: usize,
    /// Sample placeholder values the test suite renders and checks.
    #[serde(default)]
    pub examples: Vec<BTreeMap<String, String>>,
}

fn default_min_items() -> usize {
    2
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DefinitionVerb {
    pub verb: String,
    /// `definition` or `purpose`: the key of the question template.
    pub kind: String,
    pub plural: bool,
    /// Words one of which must follow the verb (any word when empty).
    #[serde(default)]
    pub then: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct GlossaryFile {
    entries: BTreeMap<String, String>,
}

pub struct Expander {
    pub rules: ExpansionRules,
    /// Acronym → expansion, from `lexicons/glossary.yaml`.
    pub glossary: BTreeMap<String, String>,
    role_nouns: HashSet<String>,
    /// The words of each definition verb (`definitions` in the rules), split once.
    definition_verbs: Vec<Vec<String>>,
    /// Shared with the thread that compiles them ahead of use ([`Expander::prepare`]).
    patterns: std::sync::Arc<Patterns>,
}

/// The patterns of the expansion stage, compiled on first use.
struct Patterns {
    figure: LazyRegex,
    date: LazyRegex,
    acronym_paren: LazyRegex,
    /// Whether [`Expander::prepare`] has started compiling them.
    started: std::sync::atomic::AtomicBool,
}

/// Expansion sections and warnings.
pub struct Expansion {
    pub sections: Vec<Section>,
    /// The templates that built a section, in template order (some of them
    /// may be left out again for the keyphrase density).
    pub built: Vec<String>,
    /// The templates the text had too few facts for, in template order.
    pub lacking: Vec<String>,
}

const MONTHS: &str = "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre";

/// Whether a text holds a year (« 19 » or « 20 » and two more ASCII
/// digits) or a month name in any case: every match of the date pattern,
/// case-insensitive, holds one or the other. The month names are looked
/// for as the pattern matches them (`(?i)`, with no word boundary: a text
/// that does not match may pass, the pattern then finds nothing). Most
/// sentences with figures hold no year: the pattern, slow on French text
/// (its Unicode word boundaries), is not run on them.
fn may_hold_date(text: &str) -> bool {
    if text.as_bytes().windows(4).any(|w| {
        matches!((w[0], w[1]), (b'1', b'9') | (b'2', b'0'))
            && w[2].is_ascii_digit()
            && w[3].is_ascii_digit()
    }) {
        return true;
    }
    // (compiled as the rule patterns are, without the literal prefilter
    // whose extraction would cost more than the searches it saves)
    static MONTH: std::sync::OnceLock<Option<crate::rules::Pattern>> = std::sync::OnceLock::new();
    MONTH
        .get_or_init(|| crate::rules::compile_regex(FILE, "month", &format!("(?i){MONTHS}")).ok())
        .as_ref()
        .is_none_or(|m| m.is_match(text))
}

/// The pieces of a sentence the date pattern is searched in, as byte
/// ranges: the runs between ASCII punctuation marks other than the
/// apostrophe and the hyphen (no match of the pattern holds one: its
/// characters are letters, digits, spaces, apostrophes and hyphens), those
/// that [`may_hold_date`]. Every match lies inside one piece, and the
/// pieces are searched in order with the text around them seen by the word
/// boundaries: they give the matches the whole sentence gives.
fn date_pieces(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        while start < bytes.len() {
            let from = start;
            let end = bytes[from..]
                .iter()
                .position(|&b| b.is_ascii_punctuation() && b != b'\'' && b != b'-')
                .map_or(bytes.len(), |i| from + i);
            start = end + 1;
            // (a punctuation mark is one byte: `end` is a character boundary)
            if may_hold_date(&text[from..end]) {
                return Some(from..end);
            }
        }
        None
    })
}

/// Units that make a year-like number an amount ("2000 euros").
const AMOUNT_UNITS: &[&str] = &[
    "euros",
    "euro",
    "dollars",
    "dollar",
    "livres",
    "francs",
    "tonnes",
    "personnes",
    "habitants",
    "salariés",
    "emplois",
    "km",
    "kilomètres",
    "mètres",
    "hectares",
    "élèves",
    "étudiants",
];

/// Conjunctions that open a subordinate clause at the head of a sentence
/// (« S’il pleut, … », « Lorsque la ville …, elle … »): the clause needs the
/// main clause after it.
const SUBORDINATORS: &[&str] = &["si", "lorsque", "quand", "comme", "puisque", "quoique"];

/// Their elided forms, without the apostrophe (« S’il », « Lorsqu’on »).
const ELIDED_SUBORDINATORS: &[&str] = &["s", "lorsqu", "puisqu", "quoiqu"];

/// Words that open a subordinate clause before « que » or « si » (« Bien
/// que », « Parce qu’ », « Même si »).
const SUBORDINATOR_HEADS: &[&str] = &[
    "bien", "parce", "alors", "tandis", "dès", "même", "afin", "pour", "avant", "après", "sauf",
];

/// Whether a sentence opens on a subordinate clause.
fn opens_on_subordinate(text: &str) -> bool {
    let mut words = french::words(text).map(|w| w.to_lowercase());
    let Some(first) = words.next() else {
        return false;
    };
    let head = first.split(['’', '\'']).next().unwrap_or("");
    let elided = head.len() < first.len();
    SUBORDINATORS.contains(&head)
        || elided && ELIDED_SUBORDINATORS.contains(&head)
        || SUBORDINATOR_HEADS.contains(&head)
            && words.next().is_some_and(|w| {
                w == "que" || w == "si" || w.starts_with("qu’") || w.starts_with("qu'")
            })
}

/// Pronouns and the negation that stand between a subject pronoun and its
/// verb (« nous ne le voyons », « vous en avez »), elided ones stripped.
const OBJECT_CLITICS: &[&str] = &[
    "ne", "n", "y", "en", "le", "la", "les", "l", "lui", "leur", "nous", "vous", "se", "s",
];

/// Words a clause of a key point may not start with: it depends on another.
const DEPENDENT_STARTS: &[&str] = &[
    "qui",
    "que",
    "qu",
    "dont",
    "où",
    "et",
    "mais",
    "car",
    "ou",
    "ni",
    "or",
    "donc",
    "tandis",
    "lorsque",
    "lorsqu",
    "puisque",
    "puisqu",
    "si",
    "s",
    "comme",
    "afin",
    "pour",
    "alors",
    "notamment",
    "soit",
    "y",
    "selon",
    "ce",
    "ainsi",
    "dans",
    "sans",
    "avec",
    "par",
    "à",
    "de",
    "en",
];

/// Adverbs that may sit inside or after a definition verb.
const ADVERBS: &[&str] = &[
    "donc",
    "aussi",
    "ainsi",
    "également",
    "notamment",
    "surtout",
    "simplement",
    "principalement",
    "essentiellement",
    "avant",
    "tout",
    "d’abord",
    "souvent",
    "généralement",
    "alors",
    "désormais",
    "aujourd’hui",
];

const SUBJECT_PRONOUNS: &[&str] = &[
    "il", "elle", "ils", "elles", "on", "nous", "vous", "je", "j", "tu",
];

impl Expander {
    pub fn load(source: &Source) -> Result<Expander> {
        let rules: ExpansionRules = source.yaml(FILE)?;
        for t in &rules.templates {
            if t.max_items == 0 {
                return Err(Error::Rules {
                    file: FILE.into(),
                    line: 0,
                    message: format!("template `{}`: max_items must be at least 1", t.id),
                });
            }
        }
        let glossary: GlossaryFile = source.yaml(GLOSSARY)?;
        let figure = LazyRegex::new(
            FILE,
            "figure",
            // case-insensitive on its words only: `(?i)` over `\p{L}` costs a
            // case folding of the whole class at each compile and adds only
            // U+0345 to it, written out here
            r"([0-9]{1,3}(?:[ \u{a0}\u{202f}][0-9]{3})+(?:,[0-9]+)?|[0-9]+(?:[,.][0-9]+)?)(?:[ \u{a0}\u{202f}]?(%|°[cC]|°|€|\$)|[ \u{a0}\u{202f}]+(?:((?i:millions?|milliards?|mille))[ \u{a0}\u{202f}]+(?:(?i:de)[ \u{a0}\u{202f}]+|(?i:d)[’']))?([\p{L}\u{345}][\p{L}\u{345}’'·-]*))",
        );
        let date = LazyRegex::new(
            FILE,
            "date",
            &format!(
                r"(?i)\b(?:(?:le|du|au|dès le|depuis le|jusqu[’']au|d[’']ici le|avant le|après le)\s+)?(?:1er|1e|[0-9]{{1,2}})\s+(?:{MONTHS})(?:\s+(?:19|20)[0-9]{{2}})?\b|\b(?:en|fin|début|mi-|courant|depuis|dès|avant|après|d[’']ici(?: à)?(?: fin| début)?|jusqu[’']en|jusqu[’']à|l[’']année|l[’']an)\s*(?:(?:{MONTHS})\s+)?(?:19|20)[0-9]{{2}}(?:-(?:19|20)?[0-9]{{2}})?\b|\b(?:en|fin|début|mi-|d[’']ici(?: à)?(?: fin| début)?|jusqu[’']en|dès|depuis)\s*(?:{MONTHS})\b|\b(?:{MONTHS})\s+(?:19|20)[0-9]{{2}}\b"
            ),
        );
        let acronym_paren = LazyRegex::new(
            FILE,
            "acronym",
            // unbounded repeats compile ten times faster than `{1,9}` over a
            // Unicode class: the lengths are checked where it is used
            r"\(([\p{Lu}][\p{Lu}0-9₀-₉&]+)\)|\b([\p{Lu}][\p{Lu}0-9₀-₉&]+) \(([^()]+)\)",
        );
        let role_nouns = rules.role_nouns.iter().map(|r| r.to_lowercase()).collect();
        let definition_verbs = rules
            .definitions
            .iter()
            .map(|d| d.verb.split_whitespace().map(str::to_string).collect())
            .collect();
        Ok(Expander {
            definition_verbs,
            rules,
            glossary: glossary.entries,
            role_nouns,
            patterns: std::sync::Arc::new(Patterns {
                figure,
                date,
                acronym_paren,
                started: std::sync::atomic::AtomicBool::new(false),
            }),
        })
    }

    /// Start compiling the stage's patterns on another thread, unless that
    /// was done already: compiling them costs milliseconds, more than the
    /// stages before this one take, which run meanwhile. The stage uses a
    /// pattern as soon as it is compiled (or waits for it); the patterns and
    /// what they match are the same either way.
    pub fn prepare(&self, text: &str) {
        let p = &self.patterns;
        if p.started.swap(true, std::sync::atomic::Ordering::Relaxed) {
            return;
        }
        let p = std::sync::Arc::clone(p);
        // the regexes for the sentences of `text`: the ones for texts of
        // common characters when `text` is one
        let common = crate::rules::is_common_text(text);
        // in the order the templates use them
        rayon::spawn(move || {
            for r in [&p.figure, &p.date, &p.acronym_paren] {
                let _ = r.get_variant(common);
            }
        });
    }

    pub fn run(
        &self,
        sentences: &[Sentence],
        sections: &[Section],
        kw: &Keywords,
        lex: &Lexicon,
        min_words: usize,
        min_sections: usize,
    ) -> Expansion {
        // the word count of each sentence, read once for every use below
        let sentence_words: Vec<usize> = sentences
            .iter()
            .map(|s| french::word_count(&s.text))
            .collect();
        let mut words = article_words(&sentence_words, sections)
            + HEADING_WORDS_ESTIMATE
                * sections
                    .iter()
                    .enumerate()
                    .filter(|(i, s)| *i > 0 && s.heading.is_none())
                    .count();
        let mut out = Vec::new();
        if words >= min_words && min_sections == 0 {
            return Expansion {
                sections: out,
                built: Vec::new(),
                lacking: Vec::new(),
            };
        }
        let ctx = Context::new(sentences, sentence_words, lex);
        // the keyphrase's density band: quoted sentences that hold the
        // keyphrase add matches, and the subheadings still need some
        let kp_words = keywords::match_words(&kw.keyphrase, lex);
        let open_heads = sections
            .iter()
            .enumerate()
            .filter(|(i, s)| *i > 0 && s.heading.is_none())
            .count();
        let density = keywords::Density::of_keywords(
            sections,
            sentences,
            kw,
            lex,
            open_heads * keywords::HEADING_WORDS,
        );
        let mut kp_matches = density.matches;
        let mut kp_text_words = sections
            .iter()
            .flat_map(|s| s.blocks.iter())
            .flat_map(|b| b.source_sentences().iter())
            .filter_map(|&id| {
                let s = sentences.get(id)?;
                // counted by the keyword analysis when it read these sentences
                Some(match kw.sentence_density.get(id) {
                    Some(&(_, d)) if kw.sentence_density.len() == sentences.len() => d,
                    _ => keywords::density_words(&s.text),
                })
            })
            .sum::<usize>()
            + open_heads * keywords::HEADING_WORDS;
        let heads_now = sections
            .iter()
            .enumerate()
            .filter(|(i, s)| *i > 0 || s.heading.is_some())
            .count();
        let heads_with_kp = sections
            .iter()
            .filter_map(|s| s.heading.as_ref())
            .filter(|h| keywords::mentions_words(&h.text, &kp_words))
            .count();
        let mut used: BTreeSet<usize> = BTreeSet::new();
        let mut built_ids = Vec::new();
        let mut lacking = Vec::new();
        for tpl in &self.rules.templates {
            if words >= min_words && out.len() >= min_sections {
                break;
            }
            let built = match tpl.id.as_str() {
                "key-figures" => self.key_figures(&ctx, tpl, &used),
                "timeline" => self.timeline(&ctx, tpl, &used),
                "whos-who" => self.whos_who(&ctx, tpl, &used),
                "glossary" => self.glossary_items(&ctx, tpl),
                "faq" => self.faq(&ctx, tpl, &used),
                "key-points" => key_points(&ctx, kw, tpl, &used),
                _ => Vec::new(),
            };
            // items that would push the keyphrase past its band are left out
            let reserve = ((keywords::HEADING_SHARE.0 * (heads_now + out.len() + 1) as f64).ceil()
                as usize)
                .saturating_sub(heads_with_kp);
            let mut taken = 0;
            let mut taken_words = 0;
            let built: Vec<_> = built
                .into_iter()
                .filter(|b| {
                    let texts = std::iter::once(&b.item).chain(b.answer.as_ref());
                    let (m, w) = texts.fold((0, 0), |(m, w), g| {
                        (
                            m + keywords::matches_in(&g.text, &kp_words),
                            w + keywords::density_words(&g.text),
                        )
                    });
                    // the band of the article this stage is building (the
                    // word target), or of what it already holds if more
                    let text_words = (kp_text_words + taken_words + w).max(min_words);
                    let (_, max) = keywords::density_band(text_words, kp_words.len());
                    let keep = m == 0 || kp_matches + taken + m + reserve <= max;
                    if keep {
                        taken += m;
                        taken_words += w;
                    }
                    keep
                })
                .collect();
            if built.len() < tpl.min_items.max(1) {
                lacking.push(tpl.id.clone());
                continue;
            }
            kp_matches += taken;
            kp_text_words += taken_words;
            let headings = heading_options(tpl, kw);
            if headings.is_empty() {
                lacking.push(tpl.id.clone());
                continue;
            }
            let mut blocks = Vec::new();
            let mut added = headings.first().map(|h| french::word_count(h)).unwrap_or(0);
            if let Some(intro) = &tpl.intro {
                let text = typography::apply(intro);
                added += french::word_count(&text);
                blocks.push(Block::Text {
                    text: Generated {
                        text,
                        template: tpl.id.clone(),
                        facts: Vec::new(),
                        sources: Vec::new(),
                    },
                });
            }
            let mut list = Vec::new();
            for b in built {
                used.extend(b.item.sources.iter().copied());
                added += french::word_count(&b.item.text);
                if let Some(answer) = b.answer {
                    added += french::word_count(&answer.text);
                    blocks.push(Block::Text { text: b.item });
                    blocks.push(Block::Text { text: answer });
                } else {
                    list.push(b.item);
                }
            }
            if !list.is_empty() {
                blocks.push(Block::List { items: list });
            }
            words += added;
            built_ids.push(tpl.id.clone());
            out.push(Section {
                heading: None,
                kind: SectionKind::Expansion {
                    template: tpl.id.clone(),
                },
                blocks,
                heading_options: headings,
                subsection: false,
            });
        }
        // a text short of the word target: its items were let in against the
        // keyphrase band of the target; the band of the words it has is
        // narrower, and the keyphrase items past it go, from the last
        if words < min_words {
            let reserve = ((keywords::HEADING_SHARE.0 * (heads_now + out.len()) as f64).ceil()
                as usize)
                .saturating_sub(heads_with_kp);
            let (_, max) = keywords::density_band(kp_text_words, kp_words.len());
            let mut over = (kp_matches + reserve).saturating_sub(max);
            // (the key points only: they quote whole sentences the article
            // already holds; figures, names and terms are facts of their own)
            for sec in out.iter_mut().rev().filter(|s| {
                matches!(&s.kind, SectionKind::Expansion { template } if template == "key-points")
            }) {
                for block in sec.blocks.iter_mut().rev() {
                    let Block::List { items } = block else {
                        continue;
                    };
                    let mut k = items.len();
                    while over > 0 && k > 0 {
                        k -= 1;
                        let m = keywords::matches_in(&items[k].text, &kp_words);
                        if m > 0 {
                            words = words.saturating_sub(french::word_count(&items[k].text));
                            items.remove(k);
                            over = over.saturating_sub(m);
                        }
                    }
                }
            }
            // a list left too short for its template goes with its section
            out.retain(|sec| {
                let SectionKind::Expansion { template } = &sec.kind else {
                    return true;
                };
                let min = self
                    .rules
                    .templates
                    .iter()
                    .find(|t| &t.id == template)
                    .map_or(1, |t| t.min_items.max(1));
                sec.blocks.iter().all(|b| match b {
                    Block::List { items } => items.len() >= min,
                    _ => true,
                })
            });
        }
        Expansion {
            sections: out,
            built: built_ids,
            lacking,
        }
    }

    /// The warning for an article left under the word target: its words as
    /// written (sentences, headings and generated text of the final
    /// sections), the expansion sections it kept, those left out again to
    /// keep the keyphrase density in its band, and the templates the text
    /// had too few facts for. `None` when the target is met.
    pub fn shortfall_warning(
        &self,
        sections: &[Section],
        sentences: &[Sentence],
        min_words: usize,
        expansion: &Expansion,
    ) -> Option<String> {
        let mut words = 0;
        let mut kept = Vec::new();
        for sec in sections {
            if let SectionKind::Expansion { template } = &sec.kind {
                kept.push(template.as_str());
            }
            words += sec
                .heading
                .as_ref()
                .map_or(0, |h| french::word_count(&h.text));
            for b in &sec.blocks {
                words += match b {
                    Block::Text { text } => french::word_count(&text.text),
                    Block::List { items } => {
                        items.iter().map(|g| french::word_count(&g.text)).sum()
                    }
                    _ => b
                        .source_sentences()
                        .iter()
                        .filter_map(|&id| sentences.get(id))
                        .map(|s| french::word_count(&s.text))
                        .sum(),
                };
            }
        }
        if words >= min_words {
            return None;
        }
        let made = if kept.is_empty() && expansion.built.is_empty() {
            "no expansion section could be built".to_string()
        } else if kept.is_empty() {
            "no expansion section added".to_string()
        } else {
            format!("expansion sections added: {}", kept.join(", "))
        };
        let dropped: Vec<&str> = expansion
            .built
            .iter()
            .map(String::as_str)
            .filter(|id| !kept.contains(id))
            .collect();
        let dropped = if dropped.is_empty() {
            String::new()
        } else {
            format!(
                "; left out to keep the keyphrase density in its band: {}",
                dropped.join(", ")
            )
        };
        let none = if expansion.lacking.is_empty() {
            String::new()
        } else {
            format!("; too few facts for: {}", expansion.lacking.join(", "))
        };
        Some(format!(
            "the article has about {words} words, under the target of {min_words}: the text holds no more facts to build sections from without repeating it or inventing ({made}{dropped}{none})"
        ))
    }

    /// Leave out expansion items that hold the keyphrase, from the last,
    /// while the whole article (headings named, every section counted as
    /// Yoast counts it) repeats the keyphrase past its density band: the
    /// expansion's own count is made before the headings exist, and a short
    /// text's band is narrow. A section left with fewer items than its
    /// template asks goes. Returns how many items went.
    pub fn trim_to_density(
        &self,
        sections: &mut Vec<Section>,
        sentences: &[Sentence],
        kw: &Keywords,
        lex: &Lexicon,
    ) -> usize {
        let kp = keywords::match_words(&kw.keyphrase, lex);
        let mut removed = 0;
        loop {
            let d = keywords::Density::of_keywords(sections, sentences, kw, lex, 0);
            // items whose section stays first (its heading may carry the
            // keyphrase the subheadings need)
            // last, past the analyses' own ceiling, the last section built
            // here whose heading carries the keyphrase (« Lexique de
            // l’application » over items that do not): no item of it can go
            let over_ceiling = d.matches > keywords::density_ceiling(d.words, d.match_words);
            if d.matches <= d.max
                || !(self.drop_last_item_with(sections, &kp, true)
                    || self.drop_last_item_with(sections, &kp, false)
                    || over_ceiling && drop_last_section_headed_with(sections, &kp))
            {
                return removed;
            }
            removed += 1;
        }
    }

    /// Remove the last expansion item (a list item, or a question and its
    /// answer) that holds the keyphrase; false when there is none (with
    /// `keep_sections`, none whose section keeps enough items).
    fn drop_last_item_with(
        &self,
        sections: &mut Vec<Section>,
        kp: &[String],
        keep_sections: bool,
    ) -> bool {
        let holds = |g: &Generated| keywords::matches_in(&g.text, kp) > 0;
        for si in (0..sections.len()).rev() {
            let SectionKind::Expansion { template } = &sections[si].kind else {
                continue;
            };
            let tpl = self.rules.templates.iter().find(|t| &t.id == template);
            let skip = usize::from(tpl.is_some_and(|t| t.intro.is_some()));
            let min = tpl.map_or(1, |t| t.min_items.max(1));
            let blocks = &mut sections[si].blocks;
            // items now: a list counts its items, a question its answer
            let items: usize = blocks
                .iter()
                .skip(skip)
                .map(|b| match b {
                    Block::List { items } => items.len(),
                    _ => 1,
                })
                .sum();
            let pairs = blocks
                .iter()
                .skip(skip)
                .any(|b| matches!(b, Block::Text { .. }));
            let now = if pairs { items.div_ceil(2) } else { items };
            if keep_sections && now <= min {
                continue;
            }
            for b in (skip..blocks.len()).rev() {
                let left = match &mut blocks[b] {
                    Block::List { items } => {
                        let Some(k) = items.iter().rposition(holds) else {
                            continue;
                        };
                        items.remove(k);
                        if items.is_empty() {
                            blocks.remove(b);
                        }
                        blocks
                            .iter()
                            .skip(skip)
                            .map(|b| match b {
                                Block::List { items } => items.len(),
                                _ => 1,
                            })
                            .sum::<usize>()
                    }
                    Block::Text { .. } => {
                        // a question and its answer
                        let q = skip + (b - skip) / 2 * 2;
                        let pair = q..(q + 2).min(blocks.len());
                        let hit = blocks[pair.clone()]
                            .iter()
                            .any(|x| matches!(x, Block::Text { text } if holds(text)));
                        if !hit {
                            continue;
                        }
                        blocks.drain(pair);
                        blocks.len().saturating_sub(skip).div_ceil(2)
                    }
                    _ => continue,
                };
                if left < min {
                    sections.remove(si);
                }
                return true;
            }
        }
        false
    }

    /// Amounts, percentages and counts with their unit, in their clause.
    fn key_figures(
        &self,
        ctx: &Context,
        tpl: &ExpansionTemplate,
        used: &BTreeSet<usize>,
    ) -> Vec<Built> {
        let mut out = Vec::new();
        let mut seen: HashSet<String> = HashSet::default();
        for s in ctx.quotable(used) {
            if out.len() >= tpl.max_items {
                break;
            }
            let figs = self.figures_in(s, ctx);
            let Some(&(fs, fe)) = figs.iter().find(|(a, b)| !seen.contains(&s.text[*a..*b])) else {
                continue;
            };
            let Some(w) = ctx.window(&s.text, fs, fe) else {
                continue;
            };
            let (context, facts) = w.marked(&s.text, &figs, ctx);
            for f in &facts {
                seen.insert(f.clone());
            }
            if let Some(item) = fill_item(tpl, &[("context", &context)], facts, vec![s.id]) {
                out.push(Built::item(item));
            }
        }
        out
    }

    /// Byte ranges of the figures of a sentence.
    fn figures_in(&self, s: &Sentence, ctx: &Context) -> Vec<(usize, usize)> {
        let text = s.text.as_str();
        let mut out = Vec::new();
        for c in self
            .patterns
            .figure
            .get_variant(ctx.is_common(s))
            .into_iter()
            .flat_map(|r| r.captures_iter(text))
        {
            let Some(m) = c.get(0) else { continue };
            let Some(num) = c.get(1) else { continue };
            // a number glued to a word or a code (GPT-4, UA-123, n°5) is no figure
            if let Some(p) = text[..m.start()].chars().next_back() {
                if p.is_alphanumeric() || matches!(p, '-' | '_' | '.' | ',' | '/' | '°' | '#') {
                    continue;
                }
                if text[..m.start()].ends_with("n°") || text[..m.start()].ends_with("n° ") {
                    continue;
                }
            }
            let n = num.as_str();
            let year_like = n.len() == 4
                && (n.starts_with("19") || n.starts_with("20"))
                && n.chars().all(|c| c.is_ascii_digit());
            let end = if c.get(2).is_some() {
                m.end()
            } else if let Some(noun) = c.get(4) {
                let w = noun.as_str();
                let lower = w.to_lowercase();
                let multiplier = c.get(3).is_some();
                if !multiplier {
                    if w.chars().next().is_some_and(char::is_uppercase)
                        || lex_skip(ctx.lex, &lower)
                        || ctx.lex.is_verb(&lower)
                        || is_month(&lower)
                        || w.chars().count() < 2
                        || (year_like && !AMOUNT_UNITS.contains(&lower.as_str()))
                    {
                        continue;
                    }
                } else if w.chars().next().is_some_and(char::is_uppercase) || is_month(&lower) {
                    continue;
                }
                // an ordinal or a word glued after the number (26ème) has no space: not here
                noun.end()
            } else {
                continue;
            };
            out.push((m.start(), end));
        }
        out
    }

    /// Dates, years and deadlines in their clause, in chronological order.
    fn timeline(
        &self,
        ctx: &Context,
        tpl: &ExpansionTemplate,
        used: &BTreeSet<usize>,
    ) -> Vec<Built> {
        let mut cands: Vec<((i64, i64, i64, usize), Generated)> = Vec::new();
        let mut seen: HashSet<String> = HashSet::default();
        let mut last_year: i64 = 0;
        for s in ctx.quotable(used) {
            // every date holds a year or a month name: skip the regex (whose
            // Unicode word boundaries make it slow) on sentences without them
            if !may_hold_date(&s.text) {
                continue;
            }
            let dates: Vec<(usize, usize)> = self
                .patterns
                .date
                .get_variant(ctx.is_common(s))
                .into_iter()
                .flat_map(|r| date_pieces(&s.text).flat_map(|p| r.find_iter_in(&s.text, p)))
                .filter(|m| {
                    // "2,1 milliards" or "(2021)" glued forms are checked by the word boundary;
                    // a date inside a code or a URL is skipped
                    !text_before_is_code(&s.text[..m.start()])
                })
                .map(|m| (m.start(), m.end()))
                .collect();
            let Some(&(ds, de)) = dates
                .iter()
                .find(|(a, b)| !seen.contains(&s.text[*a..*b].to_lowercase()))
            else {
                if let Some(y) = dates
                    .iter()
                    .rev()
                    .find_map(|(a, b)| year_of(&s.text[*a..*b]))
                {
                    last_year = y;
                }
                continue;
            };
            let label = &s.text[ds..de];
            let (year, month, day) = date_key(label);
            let year = year.unwrap_or(last_year);
            if let Some(y) = dates
                .iter()
                .rev()
                .find_map(|(a, b)| year_of(&s.text[*a..*b]))
            {
                last_year = y;
            }
            let Some(w) = ctx.window(&s.text, ds, de) else {
                continue;
            };
            let (context, facts) = w.marked(&s.text, &dates, ctx);
            for f in &facts {
                seen.insert(f.to_lowercase());
            }
            if let Some(item) = fill_item(tpl, &[("context", &context)], facts, vec![s.id]) {
                cands.push(((year, month, day, s.id), item));
            }
            if cands.len() >= tpl.max_items {
                break;
            }
        }
        cands.sort_by_key(|c| c.0);
        cands.into_iter().map(|(_, g)| Built::item(g)).collect()
    }

    /// Organisations and people with what an apposition says of them.
    fn whos_who(
        &self,
        ctx: &Context,
        tpl: &ExpansionTemplate,
        used: &BTreeSet<usize>,
    ) -> Vec<Built> {
        let mut out = Vec::new();
        let mut seen: HashSet<String> = HashSet::default();
        for s in ctx.quotable(used) {
            if out.len() >= tpl.max_items {
                break;
            }
            let toks = tokens(&s.text);
            let names = ctx.names(&s.text, &toks);
            for (ni, &(a, b)) in names.iter().enumerate() {
                let name = &s.text[a..b];
                let lname = name.to_lowercase();
                if seen.iter().any(|x: &String| {
                    x == &lname
                        || x.split_whitespace().any(|w| w == lname)
                        || lname.split_whitespace().any(|w| w == x)
                }) {
                    continue;
                }
                let role = self.role_after(&s.text, b, ctx).or_else(|| {
                    // "la directrice de l’école, Jeanne Martin," / "la ministre Jeanne Martin"
                    let prev_end = if ni > 0 { names[ni - 1].1 } else { 0 };
                    self.role_before(&s.text, prev_end, a, b, ctx)
                });
                let Some(role) = role else { continue };
                if let Some(item) = fill_item(
                    tpl,
                    &[("name", name), ("role", &role)],
                    vec![name.to_string(), role.clone()],
                    vec![s.id],
                ) {
                    seen.insert(name.to_lowercase());
                    out.push(Built::item(item));
                    break;
                }
            }
        }
        out
    }

    /// "NAME, role noun phrase," → the role.
    fn role_after(&self, text: &str, name_end: usize, ctx: &Context) -> Option<String> {
        let rest = &text[name_end..];
        let rest = rest.strip_prefix(", ")?;
        let toks = tokens(rest);
        let first = toks.first()?;
        let fl = first.1.to_lowercase();
        let det = matches!(fl.as_str(), "le" | "la" | "les" | "un" | "une")
            || fl.starts_with("l’")
            || fl.starts_with("l'");
        let role_word = self.role_nouns.contains(&fl);
        if !(det || role_word) || first.0 != 0 {
            return None;
        }
        // "Au sein de la Commission, l’entreprise …": a name inside a
        // prepositional phrase does not take a determiner-led apposition
        if det && !role_word {
            let before = tokens(&text[..name_end]);
            let mut k = before.len().saturating_sub(1);
            while k > 0 {
                k -= 1;
                let w = before[k].1.to_lowercase();
                if matches!(w.as_str(), "la" | "le" | "les") {
                    continue;
                }
                if french::is_preposition(&w)
                    || w == "sein"
                    || w.starts_with("d’")
                    || w.starts_with("d'")
                {
                    return None;
                }
                break;
            }
        }
        // the apposition ends at the next clause mark, before a verb or a subject pronoun
        let mut end = rest.len();
        for (i, ch) in rest.char_indices() {
            if matches!(ch, ',' | ';' | ':' | '.' | '!' | '?' | ')' | '(') {
                let decimal = ch == ','
                    && rest[..i].ends_with(|c: char| c.is_ascii_digit())
                    && rest[i + 1..].starts_with(|c: char| c.is_ascii_digit());
                if !decimal {
                    end = i;
                    break;
                }
            }
        }
        // nor does the first of a list (« Slack, la webcam, les rencontres »):
        // a short noun phrase, and another follows the comma where an
        // apposition gives way to its sentence (a long one describes, in a
        // list too: « NewPipe, une interface légère à YouTube qui …, le
        // lecteur VLC … »)
        if rest[end..].starts_with(',') && french::word_count(&rest[..end]) <= 4 {
            let next = rest[end + 1..]
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_lowercase();
            if matches!(
                next.as_str(),
                "le" | "la" | "les" | "un" | "une" | "des" | "du"
            ) || next.starts_with("l’")
                || next.starts_with("l'")
            {
                return None;
            }
        }
        // nor does a later member (« …, la Margeride, le Gévaudan … », « …,
        // le navigateur web Firefox, le lecteur … »): the name's own phrase
        // opens on a determiner right after a comma
        let own_phrase = text[..name_end]
            .rfind(", ")
            .map(|i| text[i + 2..name_end].to_lowercase());
        if own_phrase.is_some_and(|p| {
            let first = p.split_whitespace().next().unwrap_or("");
            p.split_whitespace().count() > 1
                && (matches!(first, "le" | "la" | "les" | "un" | "une" | "des" | "du")
                    || first.starts_with("l’")
                    || first.starts_with("l'"))
        }) {
            return None;
        }
        // a list member ("Arles ou Paris, l’équipe …") has no apposition
        if text[..name_end]
            .trim_end()
            .rsplit(' ')
            .nth(1)
            .is_some_and(|p| p == "ou" || p == "et")
        {
            return None;
        }
        let mut relative = false;
        for (n, (off, w)) in toks.iter().enumerate() {
            if *off >= end {
                break;
            }
            let lw = elision::strip(w).to_lowercase();
            if n > 0 && SUBJECT_PRONOUNS.contains(&lw.as_str()) {
                end = *off;
                break;
            }
            if matches!(lw.as_str(), "qui" | "que" | "dont" | "où") {
                // a relative clause describes: "une association qui répare …"
                relative = true;
            } else if n > 0 && !relative && ctx.lex.is_verb(&lw) {
                // the phrase is the subject of the sentence's verb, not an apposition
                return None;
            }
        }
        let role = rest[..end].trim_end();
        let role = role.trim_end_matches(['-', '–', '—']).trim_end();
        let wc = french::word_count(role);
        if !(2..=22).contains(&wc) || !balanced(role) {
            return None;
        }
        Some(lower_first_if_common(role, ctx))
    }

    /// "…the role noun phrase, NAME" or "role noun NAME" → the role.
    fn role_before(
        &self,
        text: &str,
        from: usize,
        name_start: usize,
        name_end: usize,
        ctx: &Context,
    ) -> Option<String> {
        // persons only: at least two name words
        if french::words(&text[name_start..name_end]).count() < 2 {
            return None;
        }
        let before = &text[from..name_start];
        let before = before.strip_suffix(", ").unwrap_or(before).trim_end();
        // the role is the last clause before the name, starting at a role noun
        let clause_start = before
            .rfind([',', ';', ':', '(', '.'])
            .map(|i| i + 1)
            .unwrap_or(0);
        let clause = before[clause_start..].trim_start();
        let toks = tokens(clause);
        let pos = toks
            .iter()
            .position(|(_, w)| self.role_nouns.contains(&w.to_lowercase()))?;
        // keep its article: "la directrice de l’école"
        let mut start = toks[pos].0;
        if pos > 0 {
            let p = toks[pos - 1].1.to_lowercase();
            if matches!(p.as_str(), "le" | "la" | "les" | "un" | "une") {
                start = toks[pos - 1].0;
            }
            // « son président » says whose only in the sentence before
            if matches!(p.as_str(), "son" | "sa" | "ses" | "leur" | "leurs") {
                return None;
            }
        }
        if toks[pos..]
            .iter()
            .any(|(_, w)| ctx.lex.is_verb(&elision::strip(w).to_lowercase()))
        {
            return None;
        }
        let role = clause[start..].trim();
        let wc = french::word_count(role);
        if !(1..=15).contains(&wc) || !balanced(role) {
            return None;
        }
        // a role that ends on a determiner, a preposition or « autre » takes
        // the name as its own complement (« patron d’une autre Startup
        // d’État », « le directeur de … »): the name is no person it describes
        let last = french::words(role).last().map(|w| w.to_lowercase())?;
        if ctx.lex.is_function_word(&last)
            || french::is_preposition(&last)
            || matches!(last.as_str(), "autre" | "autres" | "même" | "mêmes")
        {
            return None;
        }
        Some(lower_first_if_common(role, ctx))
    }

    /// Acronyms written out in the text, then those of the glossary lexicon.
    fn glossary_items(&self, ctx: &Context, tpl: &ExpansionTemplate) -> Vec<Built> {
        let mut found: BTreeMap<String, (String, usize, usize)> = BTreeMap::new();
        // an acronym has 2 to 10 characters, its expansion 3 to 120
        let acronym_len = |m: &crate::rules::Match| (2..=10).contains(&m.as_str().chars().count());
        let expansion_len =
            |m: &crate::rules::Match| (3..=120).contains(&m.as_str().chars().count());
        for s in ctx.all() {
            if !s.text.contains('(') {
                continue;
            }
            for c in self
                .patterns
                .acronym_paren
                .get_variant(ctx.is_common(s))
                .into_iter()
                .flat_map(|r| r.captures_iter(&s.text))
            {
                if c.get(1).or(c.get(2)).is_some_and(|m| !acronym_len(&m))
                    || c.get(3).is_some_and(|m| !expansion_len(&m))
                {
                    continue;
                }
                if let Some(acr) = c.get(1) {
                    // "Graphics Processing Unit (GPU)": the words before must spell it
                    let acr_s = acr.as_str();
                    if found.contains_key(acr_s) {
                        continue;
                    }
                    let open = acr.start() - 1;
                    if let Some(long) = spelled_before(&s.text[..open], acr_s, ctx.lex) {
                        found.insert(acr_s.to_string(), (long, s.id, open));
                    }
                } else if let (Some(acr), Some(long)) = (c.get(2), c.get(3)) {
                    // "GPU (Graphics Processing Unit)"
                    let acr_s = acr.as_str();
                    if found.contains_key(acr_s) {
                        continue;
                    }
                    let l = long.as_str().trim();
                    if spells(l, acr_s, ctx.lex) {
                        found.insert(acr_s.to_string(), (l.to_string(), s.id, acr.start()));
                    }
                }
            }
        }
        let mut items: Vec<(usize, Generated)> = Vec::new();
        for (acr, (long, id, pos)) in &found {
            if let Some(g) = fill_item(
                tpl,
                &[("acronym", acr), ("expansion", long)],
                vec![acr.clone(), long.clone()],
                vec![*id],
            ) {
                items.push((id * 1_000_000 + pos.min(&999_999), g));
            }
        }
        // the lexicon's acronyms that the text uses (CO₂ is looked up as CO2)
        let mut lexicon_hits: Vec<(usize, Generated)> = Vec::new();
        let present = ctx.acronyms();
        for (acr, (first_pos, written)) in &present {
            let key = normalise_subscripts(acr);
            if found.contains_key(written.as_str()) || found.contains_key(&key) {
                continue;
            }
            if let Some(long) = self.glossary.get(&key) {
                if let Some(g) = fill_item(
                    tpl,
                    &[("acronym", written), ("expansion", long)],
                    vec![written.clone()],
                    Vec::new(),
                ) {
                    lexicon_hits.push((*first_pos, g));
                }
            }
        }
        items.sort_by_key(|(k, _)| *k);
        lexicon_hits.sort_by_key(|(k, _)| *k);
        items
            .into_iter()
            .chain(lexicon_hits)
            .take(tpl.max_items)
            .map(|(_, g)| Built::item(g))
            .collect()
    }

    /// Questions made from the text's definitions, answered by them.
    fn faq(&self, ctx: &Context, tpl: &ExpansionTemplate, used: &BTreeSet<usize>) -> Vec<Built> {
        let mut out = Vec::new();
        let mut seen: HashSet<String> = HashSet::default();
        for s in ctx.quotable(used) {
            if out.len() >= tpl.max_items {
                break;
            }
            if s.text.ends_with('?') || ctx.word_count(s) > 45 {
                continue;
            }
            let Some((subject, kind)) = self.definition(&s.text, ctx) else {
                continue;
            };
            let Some(q) = tpl.questions.get(&kind) else {
                continue;
            };
            let key = subject.to_lowercase();
            if seen.contains(&key) {
                continue;
            }
            let question = fill_question(q, &subject);
            let Some(item) = fill_item(
                tpl,
                &[("question", &question)],
                vec![subject.clone()],
                vec![s.id],
            ) else {
                continue;
            };
            seen.insert(key);
            let answer = Generated {
                text: typography::apply(&s.text),
                template: tpl.id.clone(),
                facts: vec![s.text.clone()],
                sources: vec![s.id],
            };
            out.push(Built {
                item,
                answer: Some(answer),
            });
        }
        out
    }

    /// "Subject est un …" → (subject as it reads inside a question, question kind).
    fn definition(&self, text: &str, ctx: &Context) -> Option<(String, String)> {
        let toks = tokens(text);
        for (d, vw) in self.rules.definitions.iter().zip(&self.definition_verbs) {
            // the subject: the first 1–6 words, no comma, no verb
            for k in 1..=6.min(toks.len().saturating_sub(vw.len())) {
                // the verb's words, adverbs allowed between them and after
                // ("fait donc référence", "est aussi un")
                let mut at = k;
                let mut matched = 0;
                while matched < vw.len() && at < toks.len() {
                    if toks[at].1 == vw[matched] {
                        matched += 1;
                    } else if matched == 0 || !ADVERBS.contains(&toks[at].1) {
                        break;
                    }
                    at += 1;
                }
                if matched < vw.len() {
                    continue;
                }
                while at < toks.len() && ADVERBS.contains(&toks[at].1) {
                    at += 1;
                }
                let after = toks.get(at).map(|t| t.1.to_lowercase());
                if !d.then.is_empty() {
                    let ok = after.as_deref().is_some_and(|a| {
                        d.then.iter().any(|t| {
                            a == t.as_str()
                                || ((t.ends_with('’') || t.ends_with('\''))
                                    && a.starts_with(t.as_str()))
                        })
                    });
                    if !ok {
                        continue;
                    }
                }
                let subj_end = toks[k - 1].0 + toks[k - 1].1.len();
                let subject = &text[..subj_end];
                if subject.contains([',', ';', ':', '(', ')', '«', '»', '"'])
                    || toks[..k]
                        .iter()
                        .any(|(_, w)| ctx.lex.is_verb(&elision::strip(w).to_lowercase()))
                {
                    break;
                }
                let first = elision::strip(toks[0].1).to_lowercase();
                let first_full = toks[0].1.to_lowercase();
                // pronouns and demonstratives need the previous sentence to make sense
                if SUBJECT_PRONOUNS.contains(&first.as_str())
                    || matches!(
                        first_full.as_str(),
                        "ce" | "cet"
                            | "cette"
                            | "ces"
                            | "cela"
                            | "ça"
                            | "ceci"
                            | "celui"
                            | "celle"
                            | "ceux"
                            | "celles"
                            | "tout"
                            | "tous"
                            | "chacun"
                            | "chaque"
                            | "il"
                            | "son"
                            | "sa"
                            | "ses"
                            | "leur"
                            | "leurs"
                            | "notre"
                            | "votre"
                            | "mon"
                            | "ma"
                            | "mes"
                            | "quel"
                            | "quelle"
                            | "aucun"
                            | "aucune"
                            | "plusieurs"
                            | "certains"
                            | "certaines"
                            | "un"
                            | "une"
                            | "des"
                    )
                    || first_full.starts_with("c’")
                    || first_full.starts_with("c'")
                    || first_full.starts_with("qu")
                {
                    break;
                }
                // the subject must carry content: a name or a content word
                let content = toks[..k].iter().any(|(_, w)| {
                    let b = elision::strip(w);
                    !ctx.lex.is_stopword(b) && b.chars().any(char::is_alphabetic)
                });
                if !content || french::word_count(text) < subject.split_whitespace().count() + 6 {
                    break;
                }
                let kind = if d.plural {
                    format!("{}-plural", d.kind)
                } else {
                    d.kind.clone()
                };
                return Some((ctx.subject_in_question(subject, &toks), kind));
            }
        }
        None
    }
}

/// An item and, for a question, its answer.
struct Built {
    item: Generated,
    answer: Option<Generated>,
}

impl Built {
    fn item(item: Generated) -> Built {
        Built { item, answer: None }
    }
}

/// What every extractor needs: the sentences, the lexicon and a few indexes.
struct Context<'a> {
    sentences: &'a [Sentence],
    lex: &'a Lexicon,
    /// Words seen capitalised other than at a sentence start (names).
    names_mid: HashSet<&'a str>,
    /// Words seen lowercase somewhere (common words).
    lower_seen: HashSet<String>,
    /// Sentences not fit for quoting (code, run-ons).
    unquotable: Vec<bool>,
    /// The [`french::word_count`] of each sentence, in order.
    words: Vec<usize>,
    /// Whether each sentence is made of common characters (see
    /// [`crate::rules::is_common_text`]), in order.
    common: Vec<bool>,
}

impl<'a> Context<'a> {
    /// `words`: the [`french::word_count`] of each sentence, in order.
    fn new(sentences: &'a [Sentence], words: Vec<usize>, lex: &'a Lexicon) -> Context<'a> {
        let mut names_mid = HashSet::default();
        let mut lower_seen = HashSet::default();
        let mut unquotable = Vec::with_capacity(sentences.len());
        for (s, &n) in sentences.iter().zip(&words) {
            for (i, w) in french::words(&s.text).enumerate() {
                let b = elision::strip(w);
                if b.chars().next().is_some_and(char::is_uppercase) {
                    if i > 0 {
                        names_mid.insert(b);
                    }
                } else if b.chars().next().is_some_and(char::is_lowercase)
                    && !lower_seen.contains(b)
                {
                    lower_seen.insert(b.to_string());
                }
            }
            unquotable.push(looks_like_code(&s.text) || n > MAX_SENTENCE_WORDS);
        }
        Context {
            common: sentences
                .iter()
                .map(|s| crate::rules::is_common_text(&s.text))
                .collect(),
            sentences,
            lex,
            names_mid,
            lower_seen,
            unquotable,
            words,
        }
    }

    /// The [`french::word_count`] of a sentence, looked up for one of the
    /// context's own (at its id), counted for any other.
    fn word_count(&self, s: &Sentence) -> usize {
        match self.sentences.get(s.id) {
            Some(t) if std::ptr::eq(t, s) => self.words[s.id],
            _ => french::word_count(&s.text),
        }
    }

    /// Whether a sentence is made of common characters, looked up for one
    /// of the context's own, checked for any other.
    fn is_common(&self, s: &Sentence) -> bool {
        match self.sentences.get(s.id) {
            Some(t) if std::ptr::eq(t, s) => self.common[s.id],
            _ => crate::rules::is_common_text(&s.text),
        }
    }

    fn all(&self) -> impl Iterator<Item = &'a Sentence> + '_ {
        self.sentences
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.unquotable[*i])
            .map(|(_, s)| s)
    }

    fn quotable<'b>(
        &'b self,
        used: &'b BTreeSet<usize>,
    ) -> impl Iterator<Item = &'a Sentence> + 'b {
        self.all()
            .filter(move |s| !used.contains(&s.id) && !s.text.contains("**"))
    }

    /// Acronyms (2+ capitals, digits or subscripts) the text uses: first position, as written.
    fn acronyms(&self) -> BTreeMap<String, (usize, String)> {
        let mut out: BTreeMap<String, (usize, String)> = BTreeMap::new();
        for (si, s) in self.all().enumerate() {
            for (i, w) in french::words(&s.text).enumerate() {
                let b = elision::strip(w);
                let caps = b.chars().filter(|c| c.is_uppercase()).count();
                let ok = caps >= 2
                    && b.chars().next().is_some_and(char::is_uppercase)
                    && b.chars().all(|c| {
                        c.is_uppercase() || c.is_ascii_digit() || ('₀'..='₉').contains(&c)
                    });
                if ok {
                    out.entry(b.to_string())
                        .or_insert((si * 10_000 + i, b.to_string()));
                }
            }
        }
        out
    }

    /// Spans of proper names in a sentence: runs of capitalised words, joined by
    /// de, du, des, d’, la, le, l’, et, & when a capitalised word follows.
    fn names(&self, text: &str, toks: &[(usize, &str)]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let (off, w) = toks[i];
            let bare = elision::strip(w);
            let lead = w.len() - bare.len();
            if !is_name_word(bare) {
                i += 1;
                continue;
            }
            let start = off + lead;
            let mut end = off + w.len();
            let mut j = i + 1;
            loop {
                if j >= toks.len() {
                    break;
                }
                let gap = &text[end..toks[j].0];
                if !gap.chars().all(|c| c == ' ' || c == '\u{a0}') {
                    break;
                }
                let t = toks[j].1;
                let tb = elision::strip(t);
                if is_name_word(t) || (tb.len() < t.len() && is_name_word(tb)) {
                    end = toks[j].0 + t.len();
                    j += 1;
                    continue;
                }
                let lt = t.to_lowercase();
                let connector =
                    matches!(lt.as_str(), "de" | "du" | "des" | "la" | "le" | "et" | "&");
                if connector
                    && toks.get(j + 1).is_some_and(|n| {
                        is_name_word(elision::strip(n.1))
                            && text[toks[j].0 + t.len()..n.0].chars().all(|c| c == ' ')
                    })
                {
                    end = toks[j].0 + t.len();
                    j += 1;
                    continue;
                }
                break;
            }
            let single = j == i + 1;
            let word = &text[start..end];
            let sentence_start = i == 0;
            // a capitalised first word is a name only when the text capitalises it elsewhere
            let keep = if sentence_start && single {
                self.names_mid.contains(word) && !self.lex.is_stopword(word)
                    || word.chars().skip(1).any(char::is_uppercase)
            } else if sentence_start {
                !self.lex.is_function_word(&toks[i].1.to_lowercase())
                    || self.names_mid.contains(bare)
            } else {
                true
            };
            if keep && !is_month(&word.to_lowercase()) && word.chars().count() > 1 {
                out.push((start, end));
            }
            i = j;
        }
        out
    }

    /// The window of clauses around a fact: at least a few words and a verb,
    /// starting where a clause can start, at most `MAX` words, balanced.
    fn window(&self, text: &str, fs: usize, fe: usize) -> Option<Window> {
        const MIN: usize = 6;
        const MAX: usize = 32;
        let cl = clauses(text);
        let k = cl.iter().position(|c| fs >= c.0 && fs < c.1.max(c.0 + 1))?;
        let mut lo = k;
        let mut hi = k;
        while cl[hi].1 < fe && hi + 1 < cl.len() {
            hi += 1;
        }
        let span_words = |lo: usize, hi: usize| french::word_count(&text[cl[lo].0..cl[hi].1]);
        let found = loop {
            // a sentence that opens on a subordinate clause is not cut
            // before its end: the window would lack the main clause (« S’il
            // n’est pas possible de …, voici … » cut after « … caniculaires »)
            let good_start = if lo == 0 {
                hi + 1 == cl.len() || !opens_on_subordinate(text)
            } else {
                self.can_start(&text[cl[lo].0..])
            };
            let seg = &text[cl[lo].0..cl[hi].1];
            let ok = good_start
                && !colon_cut(&cl, lo, hi)
                && !self.orphan_verb(text, &cl, lo, hi)
                && span_words(lo, hi) >= MIN
                && self.has_main_verb(text, &cl, lo, hi)
                && balanced(seg);
            if ok {
                break true;
            }
            if !good_start && lo > 0 {
                lo -= 1;
            } else if hi + 1 < cl.len() {
                hi += 1;
            } else if lo > 0 {
                lo -= 1;
            } else {
                break false;
            }
        };
        // the whole sentence, when no window fits, still needs a few words
        // (« 5 juin 2023. », a byline's date, is no fact to quote)
        let seg = &text[cl[lo].0..cl[hi].1];
        if span_words(lo, hi) > MAX
            || !balanced(seg)
            || colon_cut(&cl, lo, hi)
            || !found && span_words(lo, hi) < MIN
        {
            return None;
        }
        Some(Window {
            start: cl[lo].0,
            end: cl[hi].1,
            whole_end: hi + 1 == cl.len(),
            sentence_start: lo == 0,
        })
    }

    /// Does a clause inside the window open on a verb whose subject lies
    /// before the window ("EuroHPC JU dans le jargon, est largement …")?
    fn orphan_verb(&self, text: &str, cl: &[(usize, usize, char)], lo: usize, hi: usize) -> bool {
        lo > 0
            && (lo + 1..=hi).any(|i| {
                french::words(&text[cl[i].0..])
                    .next()
                    .is_some_and(|w| self.lex.is_verb(&w.to_lowercase()))
            })
    }

    fn can_start(&self, rest: &str) -> bool {
        let Some(first) = french::words(rest).next() else {
            return false;
        };
        if !rest.starts_with(first) {
            // starts with a quote or a bracket
            return false;
        }
        let lower = first.to_lowercase();
        let head = lower.split(['’', '\'']).next().unwrap_or("");
        let elided = head.len() < lower.len();
        if DEPENDENT_STARTS.contains(&lower.as_str())
            || (elided && DEPENDENT_STARTS.contains(&head))
        {
            return false;
        }
        // a clause opening on its verb lost its subject ("mobilisera environ …")
        if self.lex.is_verb(&lower)
            || ["era", "eront", "ait", "aient"]
                .iter()
                .any(|e| lower.ends_with(e) && lower.chars().count() > e.len() + 3)
        {
            return false;
        }
        // « nous » or « vous » before a verb that does not agree with it is
        // its object, and the subject lies before the clause (« …, nous
        // dirige vers 3 degrés »)
        let agrees: Option<fn(&str) -> bool> = match lower.as_str() {
            "nous" => Some(|v| v.ends_with("ons") || v == "sommes"),
            "vous" => Some(|v| v.ends_with("ez") || matches!(v, "êtes" | "faites" | "dites")),
            _ => None,
        };
        // (a verb of the third person: one the lexicon knows, or a form in
        // -e, -t or -ent, which neither agrees with « nous » nor « vous »;
        // « nous, les habitants, … » sets its subject apart with a comma)
        let apposed = rest[first.len()..].trim_start().starts_with(',');
        if let Some(agrees) = agrees.filter(|_| !apposed) {
            let verb = french::words(rest)
                .skip(1)
                .map(|w| french::lowercase(elision::strip(w)))
                .find(|w| !OBJECT_CLITICS.contains(&&**w));
            let third_person = |v: &str| {
                self.lex.is_verb(v)
                    || v.chars().count() > 2 && (v.ends_with('e') || v.ends_with('t'))
            };
            if verb.is_some_and(|v| third_person(&v) && !agrees(&v)) {
                return false;
            }
        }
        // the end of a list of names ("Arles ou Paris, …") is no clause start
        if french::words(rest)
            .nth(1)
            .is_some_and(|w| w == "ou" || w == "et")
            && first.chars().next().is_some_and(char::is_uppercase)
        {
            return false;
        }
        // a participle or gerund clause ("réduisant ainsi …") hangs on the previous one
        !(lower.ends_with("ant") && lower.chars().count() > 5)
    }

    /// Whether the clauses `lo..=hi` of a sentence hold a verb outside the
    /// relative clauses among them: « Sophie Texier, qui a ouvert une
    /// librairie en 2019 » has none and is no sentence.
    fn has_main_verb(&self, text: &str, cl: &[(usize, usize, char)], lo: usize, hi: usize) -> bool {
        (lo..=hi).any(|i| {
            let clause = &text[cl[i].0..cl[i].1];
            let relative = french::words(clause).next().is_some_and(|w| {
                let w = w.to_lowercase();
                matches!(
                    w.as_str(),
                    "qui"
                        | "que"
                        | "dont"
                        | "où"
                        | "lequel"
                        | "laquelle"
                        | "lesquels"
                        | "lesquelles"
                ) || w.starts_with("qu’")
                    || w.starts_with("qu'")
            });
            !relative && self.has_verb(clause)
        })
    }

    /// Does a cut piece of a sentence hold only its subject and a relative
    /// clause on it (« Les professeurs dont j’ai le plus suivi les
    /// enseignements », the main verb cut off after the comma)? A noun
    /// phrase on a determiner, a relative pronoun within its next three
    /// words, and a single verb, the relative clause's.
    fn subject_and_relative_only(&self, text: &str) -> bool {
        // (an aside in brackets is left out: « La session (dont vous
        // trouverez les slides ici), avait pour but … »)
        let mut bare = String::with_capacity(text.len());
        let mut depth = 0usize;
        for c in text.chars() {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ if depth == 0 => bare.push(c),
                _ => {}
            }
        }
        let words: Vec<String> = french::words(&bare)
            .map(|w| french::lowercase(w).into_owned())
            .collect();
        let Some(first) = words.first() else {
            return false;
        };
        let determiner = matches!(
            first.as_str(),
            "le" | "la" | "les" | "un" | "une" | "des" | "ce" | "cet" | "cette" | "ces"
        ) || first.starts_with("l’")
            || first.starts_with("l'");
        let relative_at = words.iter().take(5).skip(1).position(|w| {
            matches!(w.as_str(), "qui" | "que" | "dont" | "où")
                || w.starts_with("qu’")
                || w.starts_with("qu'")
        });
        if !determiner || relative_at.is_none() {
            return false;
        }
        let verbs = words
            .iter()
            .filter(|w| self.has_verb(elision::strip(w)))
            .count();
        verbs <= 1
    }

    fn has_verb(&self, text: &str) -> bool {
        let mut prev_pronoun = false;
        for w in french::words(text) {
            let l = french::lowercase(elision::strip(w));
            let n = l.chars().count();
            if self.lex.is_verb(&l)
                || (prev_pronoun && n > 1)
                || ["ait", "aient", "era", "eront", "erait", "eraient", "èrent"]
                    .iter()
                    .any(|e| l.ends_with(e) && n > e.chars().count() + 2)
            {
                return true;
            }
            let lw = french::lowercase(w);
            prev_pronoun = SUBJECT_PRONOUNS.contains(&&*l)
                || lw.starts_with("qu’")
                || lw.starts_with("qu'")
                || l == "qui";
        }
        false
    }

    /// The subject of a definition as it reads after "Qu’est-ce que": its
    /// article lowercased unless the text writes it capitalised inside sentences
    /// (a name: "Nos Gestes Climat").
    fn subject_in_question(&self, subject: &str, toks: &[(usize, &str)]) -> String {
        let Some((_, first)) = toks.first() else {
            return subject.to_string();
        };
        let bare = elision::strip(first);
        let is_article = bare.len() < first.len() || self.lex.is_function_word(first);
        if !is_article {
            return subject.to_string();
        }
        // the article is part of a name when the text capitalises it mid-sentence
        let probe: String = subject.chars().take(40).collect();
        let named = self
            .sentences
            .iter()
            .any(|s| s.text.find(&probe).is_some_and(|p| p > 0));
        if named {
            return subject.to_string();
        }
        let mut c = subject.chars();
        match c.next() {
            Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
            None => String::new(),
        }
    }
}

/// A span of clauses of a sentence.
struct Window {
    start: usize,
    end: usize,
    /// It runs to the end of the sentence (its final punctuation is kept).
    whole_end: bool,
    sentence_start: bool,
}

impl Window {
    /// The window's text with the marked facts in bold, its first letter
    /// lowercased when it is a common word cut from inside the sentence, and a
    /// final full stop when it ends inside the sentence.
    /// The window rendered with the facts inside it in bold, and those facts.
    fn marked(&self, text: &str, spans: &[(usize, usize)], ctx: &Context) -> (String, Vec<String>) {
        let marks: Vec<(usize, usize)> = spans
            .iter()
            .copied()
            .filter(|(a, b)| *a >= self.start && *b <= self.end)
            .collect();
        let facts = marks
            .iter()
            .map(|(a, b)| text[*a..*b].to_string())
            .collect();
        (self.render(text, &marks, ctx), facts)
    }

    fn render(&self, text: &str, marks: &[(usize, usize)], ctx: &Context) -> String {
        let mut s = String::new();
        let mut at = self.start;
        let mut marks: Vec<(usize, usize)> = marks.to_vec();
        marks.sort_unstable();
        for (a, b) in marks {
            if a < at || b > self.end {
                continue;
            }
            s.push_str(&text[at..a]);
            s.push_str("**");
            s.push_str(&text[a..b]);
            s.push_str("**");
            at = b;
        }
        s.push_str(&text[at..self.end]);
        let mut s = s.trim().to_string();
        if !self.whole_end {
            s = s
                .trim_end_matches([',', ';', ':', '-', '–', '—', ' ', '\u{a0}'])
                .to_string();
            s.push('.');
        } else if !s.ends_with(['.', '!', '?', '…', '»', '"', ')']) {
            // a sentence that announced a list ends on its colon: the
            // point ends on a full stop instead (« … importants : » →
            // « … importants. »)
            s = s
                .trim_end_matches([',', ';', ':', ' ', '\u{a0}', '\u{202f}'])
                .to_string();
            s.push('.');
        }
        if self.sentence_start {
            french::capitalise_first(&s)
        } else {
            capitalise_clause(&s, ctx)
        }
    }
}

/// A clause cut from inside a sentence starts a list item: capitalised.
fn capitalise_clause(s: &str, _ctx: &Context) -> String {
    match s.strip_prefix("**") {
        Some(rest) => format!("**{}", french::capitalise_first(rest)),
        None => french::capitalise_first(s),
    }
}

/// Lowercase the first letter of a role cut from a sentence start ("Le
/// programme de l’UE" → "le programme de l’UE") unless it is a name.
fn lower_first_if_common(s: &str, ctx: &Context) -> String {
    let Some(first) = french::words(s).next() else {
        return s.to_string();
    };
    if !s.starts_with(first) || !first.chars().next().is_some_and(char::is_uppercase) {
        return s.to_string();
    }
    let lower = first.to_lowercase();
    let bare = elision::strip(&lower).to_string();
    let common = ctx.lex.is_function_word(&lower)
        || ctx.lex.is_function_word(&bare)
        || ctx.lower_seen.contains(&lower)
        || ctx.lower_seen.contains(&bare);
    if common && first.chars().skip(1).all(|c| !c.is_uppercase()) {
        let mut c = s.chars();
        match c.next() {
            Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
            None => String::new(),
        }
    } else {
        s.to_string()
    }
}

/// Does a window of clauses cut what a colon announces (ending on the colon,
/// or holding part of what follows it without running to the sentence end)?
fn colon_cut(cl: &[(usize, usize, char)], lo: usize, hi: usize) -> bool {
    let last = hi + 1 == cl.len();
    let dash = |c: char| c == '–' || c == '—';
    // an aside between dashes is not cut either
    let dashes_inside = (lo..hi).filter(|&i| dash(cl[i].2)).count();
    (lo > 0 && dash(cl[lo - 1].2))
        || dashes_inside % 2 == 1
        || (!last && (cl[hi].2 == ':' || (lo.max(1)..=hi).any(|i| cl[i - 1].2 == ':')))
}

/// Clause spans of a sentence, with the mark that ends each: split after ", "
/// "; " ": " and around dashes.
fn clauses(text: &str) -> Vec<(usize, usize, char)> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut depth_paren = 0i32;
    let mut depth_quote = 0i32;
    for (k, &(i, c)) in chars.iter().enumerate() {
        match c {
            '(' => depth_paren += 1,
            ')' => depth_paren -= 1,
            '«' => depth_quote += 1,
            '»' => depth_quote -= 1,
            _ => {}
        }
        let next_space = chars
            .get(k + 1)
            .is_some_and(|&(_, n)| n == ' ' || n == '\u{a0}' || n == '\u{202f}');
        let prev_space = k > 0 && matches!(chars[k - 1].1, ' ' | '\u{a0}' | '\u{202f}');
        let sep = (matches!(c, ',' | ';' | ':') && next_space)
            || (matches!(c, '–' | '—') && next_space && prev_space);
        if sep && depth_paren <= 0 && depth_quote <= 0 {
            let end = text[..i].trim_end().len();
            if end > start {
                out.push((start, end, c));
            }
            let mut s = i + c.len_utf8();
            while text[s..].starts_with([' ', '\u{a0}', '\u{202f}']) {
                s += text[s..].chars().next().map(char::len_utf8).unwrap_or(1);
            }
            start = s;
        }
    }
    let end = text.trim_end().len();
    if end > start {
        out.push((start, end, '\0'));
    }
    if out.is_empty() {
        out.push((0, text.len(), '\0'));
    }
    out
}

/// Are « » and ( ) balanced?
fn balanced(s: &str) -> bool {
    // (one pass over the characters for the five counts)
    let (mut guillemets, mut brackets, mut quotes) = (0i64, 0i64, 0usize);
    for c in s.chars() {
        match c {
            '«' => guillemets += 1,
            '»' => guillemets -= 1,
            '(' => brackets += 1,
            ')' => brackets -= 1,
            '"' => quotes += 1,
            _ => {}
        }
    }
    guillemets == 0 && brackets == 0 && quotes % 2 == 0
}

/// Word tokens with their byte offsets.
fn tokens(text: &str) -> Vec<(usize, &str)> {
    let base = text.as_ptr() as usize;
    french::words(text)
        .map(|w| (w.as_ptr() as usize - base, w))
        .collect()
}

/// A capitalised word that can be part of a name (not a lone digit).
fn is_name_word(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(char::is_uppercase) && w.chars().any(char::is_alphabetic)
}

fn is_month(w: &str) -> bool {
    MONTHS.split('|').any(|m| m == w)
}

fn lex_skip(lex: &Lexicon, w: &str) -> bool {
    lex.is_stopword(w) || lex.is_function_word(w)
}

/// A sentence glued to the next one by a faulty split (". créent des ponts")
/// or holding code is not quoted.
fn looks_like_code(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    let broken = chars
        .windows(3)
        .any(|w| matches!(w[0], '.' | '!' | '?' | '»') && w[1] == ' ' && w[2].is_lowercase());
    broken
        || s.contains('{')
        || s.contains('}')
        || s.contains("();")
        || s.contains("function(")
        || s.contains("://")
        || s.contains("=>")
        || s.matches('=').count() >= 2
        || s.matches(';').count() >= 4 && s.contains('(')
}

fn text_before_is_code(before: &str) -> bool {
    before
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '/' | '='))
}

/// CO₂ → CO2, for the glossary lookup.
fn normalise_subscripts(s: &str) -> String {
    s.chars()
        .map(|c| {
            if ('₀'..='₉').contains(&c) {
                char::from_u32(c as u32 - '₀' as u32 + '0' as u32).unwrap_or(c)
            } else {
                c
            }
        })
        .collect()
}

/// Capital letters of an acronym (digits and subscripts are not spelt).
fn acronym_letters(acr: &str) -> Vec<char> {
    acr.chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Do the content words of `long` spell the acronym by their initials?
fn spells(long: &str, acr: &str, lex: &Lexicon) -> bool {
    let letters = acronym_letters(acr);
    let initials: Vec<char> = french::words(long)
        .map(elision::strip)
        .filter(|w| {
            !lex.is_function_word(&w.to_lowercase())
                && !matches!(w.to_lowercase().as_str(), "of" | "for" | "and" | "the")
        })
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect();
    !letters.is_empty() && initials == letters
}

/// The words right before `(ACR)` that spell it: "Graphics Processing Unit".
fn spelled_before(before: &str, acr: &str, lex: &Lexicon) -> Option<String> {
    let letters = acronym_letters(acr);
    if letters.len() < 2 {
        return None;
    }
    let toks = tokens(before);
    let end = before.trim_end().len();
    let mut need = letters.len();
    let mut i = toks.len();
    let mut start = None;
    while i > 0 && need > 0 {
        i -= 1;
        let (off, w) = toks[i];
        // only spaces between the words
        let bare = elision::strip(w);
        let lw = w.to_lowercase();
        if lex.is_function_word(&lw) || matches!(lw.as_str(), "of" | "for" | "and" | "the") {
            if need == letters.len() {
                return None;
            }
            continue;
        }
        let init = bare.chars().next()?.to_lowercase().next()?;
        if init != letters[need - 1] {
            return None;
        }
        need -= 1;
        start = Some(off + (w.len() - bare.len()));
    }
    let start = start?;
    if need > 0 {
        return None;
    }
    let long = before[start..end].trim();
    if long.contains([',', ';', ':', '.', '(', ')', '«', '»']) {
        return None;
    }
    Some(long.to_string())
}

/// (year, month, day) of a date label, for the chronological order.
fn date_key(label: &str) -> (Option<i64>, i64, i64) {
    let lower = label.to_lowercase();
    let month = MONTHS
        .split('|')
        .position(|m| lower.contains(m))
        .map(|p| match p {
            0 => 1,
            1 | 2 => 2,
            3 => 3,
            4 => 4,
            5 => 5,
            6 => 6,
            7 => 7,
            8 | 9 => 8,
            10 => 9,
            11 => 10,
            12 => 11,
            _ => 12,
        })
        .unwrap_or(if lower.starts_with("fin") { 12 } else { 0 });
    let nums: Vec<i64> = lower
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .filter_map(|n| n.parse().ok())
        .collect();
    let year = nums.iter().copied().find(|n| (1000..=2999).contains(n));
    let day = nums
        .iter()
        .copied()
        .find(|n| (1..=31).contains(n))
        .unwrap_or(0);
    (year, month, day)
}

fn year_of(label: &str) -> Option<i64> {
    date_key(label).0
}

/// Fill an item template; `None` if a placeholder is left.
fn fill_item(
    tpl: &ExpansionTemplate,
    values: &[(&str, &str)],
    facts: Vec<String>,
    sources: Vec<usize>,
) -> Option<Generated> {
    let text = fill(&tpl.item, values)?;
    Some(Generated {
        text: typography::apply(&text),
        template: tpl.id.clone(),
        facts,
        sources,
    })
}

/// Replace `{name}` placeholders in one pass; `None` when one has no value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> Option<String> {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('}')? + open;
        let name = &rest[open + 1..close];
        let (_, v) = values.iter().find(|(k, _)| *k == name)?;
        out.push_str(v);
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    Some(out)
}

/// A question with elision: "Qu’est-ce que" + "une ressourcerie" → "Qu’est-ce qu’une ressourcerie ?".
pub fn fill_question(template: &str, subject: &str) -> String {
    let t = template.replace("que {subject}", &elision::join("que", subject));
    let t = t.replace("{subject}", subject);
    typography::apply(&t)
}

/// Heading variants of a template for this article's keyphrase, the ones with
/// the keyphrase first; the ones that cannot be filled are left out.
pub fn heading_options(tpl: &ExpansionTemplate, kw: &Keywords) -> Vec<String> {
    let kp = kw.keyphrase.trim();
    let np = if kp.is_empty() {
        None
    } else {
        let det = kw
            .terms
            .values()
            .find(|t| t.surface.eq_ignore_ascii_case(kp) || t.surface == kp)
            .and_then(|t| t.determiner.clone());
        Some(Np {
            term: kp.to_string(),
            determiner: det,
        })
    };
    let mut with_kp = Vec::new();
    let mut without = Vec::new();
    for h in &tpl.headings {
        let uses_kp = h.contains("{Keyphrase}") || h.contains("{np}") || h.contains("{de_np}");
        let text = if uses_kp {
            let Some(np) = &np else { continue };
            if (h.contains("{np}") || h.contains("{de_np}")) && !np.has_article() {
                continue;
            }
            h.replace("{Keyphrase}", &french::capitalise_first(&np.term))
                .replace("{np}", &np.with_article())
                .replace("{de_np}", &np.after_de())
        } else {
            h.clone()
        };
        if text.contains('{') {
            continue;
        }
        let text = typography::apply(&french::capitalise_first(text.trim()));
        if text.chars().count() > MAX_HEADING_CHARS {
            continue;
        }
        if uses_kp {
            with_kp.push(text);
        } else {
            without.push(text);
        }
    }
    with_kp.extend(without);
    with_kp
}

/// Words of the article as it stands (body and headings), given the word
/// count of each sentence.
pub fn article_words(sentence_words: &[usize], sections: &[Section]) -> usize {
    let body: usize = sentence_words.iter().sum();
    let heads: usize = sections
        .iter()
        .filter_map(|s| s.heading.as_ref())
        .map(|h| french::word_count(&h.text))
        .sum();
    body + heads
}

/// The article's central sentences (those holding its frequent terms), cut to
/// their main clause when long, in text order.
fn key_points(
    ctx: &Context,
    kw: &Keywords,
    tpl: &ExpansionTemplate,
    used: &BTreeSet<usize>,
) -> Vec<Built> {
    const LONG: usize = 26;
    let mut scored: Vec<(f64, usize)> = ctx
        .quotable(used)
        .filter(|s| {
            let n = ctx.word_count(s);
            (8..=60).contains(&n)
                && !s.text.ends_with('?')
                && !s.text.starts_with("Etc")
                && ctx.can_start(&s.text)
                // out of its context, « Il », « Cette enquête » point to nothing
                && !french::points_back(&s.text)
                && balanced(&s.text)
        })
        .map(|s| (centrality(&s.text, kw, ctx.lex), s.id))
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut picked: Vec<(usize, String)> = Vec::new();
    for (_, id) in scored {
        if picked.len() >= tpl.max_items {
            break;
        }
        let Some(s) = ctx.sentences.iter().find(|s| s.id == id) else {
            continue;
        };
        // a sentence that announces what follows it (« … d’une même
        // structure : ») says nothing alone
        if s.text.trim_end().ends_with(':') {
            continue;
        }
        let text = if ctx.word_count(s) <= LONG {
            let t = s.text.trim().to_string();
            if t.ends_with(['.', '!', '…', '»', ')']) {
                t
            } else {
                format!("{t}.")
            }
        } else {
            match main_clause(&s.text, kw, ctx, LONG) {
                Some(t) => t,
                None => continue,
            }
        };
        picked.push((id, text));
    }
    picked.sort_by_key(|(id, _)| *id);
    picked
        .into_iter()
        .filter_map(|(id, text)| {
            let text = french::capitalise_first(&text);
            fill_item(tpl, &[("point", &text)], vec![text.clone()], vec![id])
        })
        .map(Built::item)
        .collect()
}

fn centrality(text: &str, kw: &Keywords, lex: &Lexicon) -> f64 {
    // the terms of the text's `content_stems`, each stem looked up where
    // it is kept instead of copied; the sum starts at -0.0, as
    // `Iterator::sum` does (an empty one sorts the same under `total_cmp`)
    let (mut sum, mut stems) = (-0.0_f64, 0usize);
    for w in lex.content_words(text) {
        lex.with_stem(w, |st| {
            if st.chars().nth(1).is_some() {
                stems += 1;
                if let Some(t) = kw.terms.get(st) {
                    sum += (t.count as f64).ln_1p();
                }
            }
        });
    }
    sum / (stems as f64 + 4.0)
}

/// The best window of clauses of a long sentence that stands on its own.
fn main_clause(text: &str, kw: &Keywords, ctx: &Context, max: usize) -> Option<String> {
    let cl = clauses(text);
    let mut best: Option<(f64, usize, usize)> = None;
    for lo in 0..cl.len() {
        if lo > 0 && !ctx.can_start(&text[cl[lo].0..]) {
            continue;
        }
        for hi in lo..cl.len() {
            let seg = &text[cl[lo].0..cl[hi].1];
            let n = french::word_count(seg);
            if n > max {
                break;
            }
            if n < 8
                || !balanced(seg)
                || !ctx.has_verb(seg)
                || colon_cut(&cl, lo, hi)
                || ctx.orphan_verb(text, &cl, lo, hi)
                || hi + 1 < cl.len() && ctx.subject_and_relative_only(seg)
            {
                continue;
            }
            let score = centrality(seg, kw, ctx.lex) + 0.01 * n as f64;
            if best.is_none_or(|(b, _, _)| score > b) {
                best = Some((score, lo, hi));
            }
        }
    }
    let (_, lo, hi) = best?;
    let w = Window {
        start: cl[lo].0,
        end: cl[hi].1,
        whole_end: hi + 1 == cl.len(),
        sentence_start: lo == 0,
    };
    Some(w.render(text, &[], ctx))
}

/// Remove the last section the expand stage built whose heading carries the
/// keyphrase `kp` (its match words); whether there was one.
fn drop_last_section_headed_with(sections: &mut Vec<Section>, kp: &[String]) -> bool {
    let found = sections.iter().rposition(|s| {
        matches!(s.kind, SectionKind::Expansion { .. })
            && s.heading
                .as_ref()
                .is_some_and(|h| keywords::matches_in(&h.text, kp) > 0)
    });
    match found {
        Some(i) => {
            sections.remove(i);
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_point_cut_from_a_sentence_ending_on_a_colon_ends_on_a_full_stop() {
        // « … présente 3 avantages particulièrement importants : » (the
        // list it announced on lines of its own) → « … importants. »
        let text = "Le collectif présente 3 avantages particulièrement importants :";
        let sentences = vec![Sentence {
            id: 0,
            text: text.to_string(),
            glued: false,
        }];
        let lex = Lexicon::load(&Source::embedded()).expect("lexicon");
        let ctx = Context::new(&sentences, vec![french::word_count(text)], &lex);
        let w = Window {
            start: 0,
            end: text.len(),
            whole_end: true,
            sentence_start: true,
        };
        assert_eq!(
            w.render(text, &[], &ctx),
            "Le collectif présente 3 avantages particulièrement importants."
        );
    }

    #[test]
    fn a_subject_and_its_relative_clause_are_no_key_point() {
        let lex = Lexicon::load(&Source::embedded()).expect("lexicon");
        let ctx = Context::new(&[], Vec::new(), &lex);
        assert!(ctx.subject_and_relative_only(
            "Les professeurs dont j’ai le plus suivi les enseignements"
        ));
        assert!(!ctx.subject_and_relative_only("Les élèves qui ont voté sont contents du résultat"));
        assert!(!ctx.subject_and_relative_only(
            "La session (dont vous trouverez les slides ici) avait pour but de présenter l’appel"
        ));
        assert!(!ctx.subject_and_relative_only("Il a présenté le projet que la ville prépare"));
    }

    #[test]
    fn a_list_of_names_and_noun_phrases_holds_no_apposition() {
        let e = Expander::load(&Source::embedded()).expect("embedded rules");
        let lex = Lexicon::load(&Source::embedded()).expect("lexicon");
        let texts = [
            "Il reste aussi Framatalk, la webcam, les rencontres et le téléphone.",
            "Nous traversons la Lozère, la Margeride, le Gévaudan et les Causses.",
            "On y trouve NewPipe, une interface légère qui ajoute quelques fonctions, le lecteur VLC pour les vidéos.",
        ];
        let sentences = Sentence::numbered(&texts);
        let words = texts.iter().map(|t| french::word_count(t)).collect();
        let ctx = Context::new(&sentences, words, &lex);
        let role = |text: &str, name: &str| {
            let end = text.find(name).expect("name") + name.len();
            e.role_after(text, end, &ctx)
        };
        assert_eq!(role(texts[0], "Framatalk"), None);
        assert_eq!(role(texts[1], "Lozère"), None);
        assert_eq!(role(texts[1], "Margeride"), None);
        assert_eq!(
            role(texts[2], "NewPipe").as_deref(),
            Some("une interface légère qui ajoute quelques fonctions")
        );
    }

    #[test]
    fn a_text_with_a_month_name_in_any_case_may_hold_a_date() {
        let month = regex::Regex::new(&format!("(?i){MONTHS}")).unwrap();
        for t in [
            "en JANVIER",
            "Fin Février",
            "le 3 DÉCEMBRE",
            "mi-AOÛT",
            "MARſ",
            "ſeptembre",
            "Juillet",
            "sans date",
            "le mardi",
            "",
        ] {
            assert_eq!(may_hold_date(t), month.is_match(t), "{t}");
        }
        // a year is enough, other figures are not
        for (t, year) in [
            ("en 2024", true),
            ("1999", true),
            ("2,1 milliards", false),
            ("12 % et 300 euros", false),
            ("2100", false),
            ("20 20", false),
        ] {
            assert_eq!(may_hold_date(t), year, "{t}");
        }
    }

    /// The character probes of the rule tests and every line of the example
    /// articles.
    fn probes_and_example_lines() -> Vec<String> {
        let mut texts = crate::rules::common_char_probes();
        for dir in ["examples", "benches/examples"] {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
            for f in std::fs::read_dir(dir).expect("examples") {
                let path = f.expect("entry").path();
                if path.extension().is_none_or(|e| e != "txt") {
                    continue;
                }
                let text = std::fs::read_to_string(path).expect("example");
                texts.extend(text.lines().map(str::to_string));
            }
        }
        texts
    }

    /// Every text the date pattern finds a date in passes [`may_hold_date`].
    #[test]
    fn a_text_with_a_date_may_hold_a_date() {
        let e = Expander::load(&Source::embedded()).expect("embedded rules");
        let date = e.patterns.date.get().expect("date pattern");
        let mut texts = probes_and_example_lines();
        texts.extend(
            [
                "le 1er janvier 2024, en mars 2023, dès le 3 MAI, fin 2025-26",
                "depuis 1998, d’ici à fin 2030, l’an 2000, mi-2024, courant 2019",
                "en SEPTEMBRE, jusqu’en ſeptembre, dès août, le 3 Aout",
            ]
            .map(str::to_string),
        );
        let mut found = 0;
        for t in &texts {
            if date.is_match(t) {
                found += 1;
                assert!(may_hold_date(t), "{t}");
            }
        }
        assert!(found > 3, "{found}");
    }

    /// The date pattern finds in the pieces of [`date_pieces`] what it
    /// finds in the whole text, with either of its regexes.
    #[test]
    fn the_pieces_of_a_text_hold_its_dates() {
        let e = Expander::load(&Source::embedded()).expect("embedded rules");
        let mut texts = probes_and_example_lines();
        texts.extend(
            [
                "le 1er janvier 2024, en mars 2023, dès le 3 MAI, fin 2025-26",
                "(2021) 2,1 milliards ; l’an 2000. d’ici à fin 2030 ! jusqu’au 12 juin",
                "depuis 1998,en 2020:mi-2024/courant 2019 (mai 2022)",
                "étéen 2020 éen mars, 2020é, «en 2021», le 3 marsé 2020",
                "jusqu'en 2030 jusqu’en\u{a0}2031 le\u{202f}4 août 2020",
            ]
            .map(str::to_string),
        );
        let mut compared = 0;
        for common in [false, true] {
            let date = e.patterns.date.get_variant(common).expect("date pattern");
            for t in &texts {
                if common && !crate::rules::is_common_text(t) {
                    continue;
                }
                let whole: Vec<(usize, usize)> =
                    date.find_iter(t).map(|m| (m.start(), m.end())).collect();
                let pieces: Vec<(usize, usize)> = date_pieces(t)
                    .flat_map(|p| date.find_iter_in(t, p))
                    .map(|m| (m.start(), m.end()))
                    .collect();
                assert_eq!(whole, pieces, "{t}");
                compared += usize::from(!whole.is_empty());
            }
        }
        assert!(compared > 10, "{compared}");
    }
    use crate::keywords;
    use crate::model::Block;
    use crate::Options;

    /// The regexes compiled for texts of common characters find what the
    /// patterns find, in the lines of the examples and character probes.
    #[test]
    fn common_text_regexes_find_what_the_patterns_find() {
        let e = Expander::load(&Source::embedded()).expect("embedded rules");
        let mut texts = probes_and_example_lines();
        texts.extend(
            [
                "le 1er janvier 2024, en mars 2023, dès le 3 MAI, fin 2025-26",
                "l’Organisation mondiale de la santé (OMS) et la CO₂ (GES)",
                "2,5 milliards d’euros, 12 % et 1 200 000 habitants, 3 °C",
            ]
            .map(str::to_string),
        );
        for r in [
            &e.patterns.figure,
            &e.patterns.date,
            &e.patterns.acronym_paren,
        ] {
            crate::rules::assert_variants_agree(r, &texts);
        }
    }

    #[test]
    fn the_lazy_patterns_compile() {
        let e = Expander::load(&Source::embedded()).expect("embedded rules");
        for r in [
            &e.patterns.figure,
            &e.patterns.date,
            &e.patterns.acronym_paren,
        ] {
            r.check().expect("pattern compiles");
        }
    }

    fn sentences(texts: &[&str]) -> Vec<Sentence> {
        Sentence::numbered(texts)
    }

    fn section(ids: std::ops::Range<usize>) -> Section {
        Section {
            heading: None,
            kind: SectionKind::Source,
            blocks: vec![Block::Paragraph {
                sentences: ids.collect(),
            }],
            heading_options: Vec::new(),
            subsection: false,
        }
    }

    fn run(texts: &[&str], min_words: usize) -> Expansion {
        run_with_warning(texts, min_words).0
    }

    /// What the expand stage reads, for `texts` as one section and an
    /// optional keyphrase: the lexicon, the stage, the sentences, the
    /// sections and the keywords.
    fn setup(
        texts: &[&str],
        keyphrase: Option<&str>,
    ) -> (Lexicon, Expander, Vec<Sentence>, Vec<Section>, Keywords) {
        let source = Source::embedded();
        let lex = Lexicon::load(&source).unwrap();
        let ex = Expander::load(&source).unwrap();
        let s = sentences(texts);
        let secs = vec![section(0..s.len())];
        let opts = Options {
            keyphrase: keyphrase.map(str::to_string),
            ..Options::default()
        };
        let kw = keywords::analyse(&s, &secs, &lex, &opts);
        (lex, ex, s, secs, kw)
    }

    /// The expansion, and the warning of the article it ends.
    fn run_with_warning(texts: &[&str], min_words: usize) -> (Expansion, Option<String>) {
        let (lex, ex, s, secs, kw) = setup(texts, None);
        let e = ex.run(&s, &secs, &kw, &lex, min_words, 0);
        let all: Vec<Section> = secs.iter().chain(&e.sections).cloned().collect();
        let warning = ex.shortfall_warning(&all, &s, min_words, &e);
        (e, warning)
    }

    fn generated(text: &str, template: &str) -> Generated {
        Generated {
            text: text.to_string(),
            template: template.to_string(),
            facts: Vec::new(),
            sources: Vec::new(),
        }
    }

    /// Items that repeat the keyphrase past its density band go, last
    /// first, and a section keeps at least its template's minimum while
    /// another item can go instead.
    #[test]
    fn expansion_items_past_the_keyphrase_band_go() {
        let (lex, ex, s, mut secs, kw) = setup(
            &[
                "La commune prête des vélos aux habitants pour une semaine.",
                "Le prêt est gratuit et se demande à la mairie.",
                "Les demandes ont doublé depuis le printemps.",
                "Les habitants des quartiers nord en sont les premiers usagers, selon la mairie.",
                "Chaque prêt dure une semaine et peut être prolongé une fois sur simple demande.",
                "La mairie compte ouvrir un second point de prêt près de la gare à la rentrée.",
                "Un atelier de réparation accueillera aussi les habitants le samedi matin.",
                "Les bénévoles de l’association y apprendront à régler les freins et à changer une chambre à air.",
                "Le budget de l’opération reste modeste, car le matériel a été donné par des particuliers.",
                "Les élus de l’opposition saluent une initiative simple et peu coûteuse pour la commune.",
                "Un premier bilan sera présenté au conseil municipal à la fin de l’année prochaine.",
            ],
            Some("vélos"),
        );
        let faq = Section {
            heading: None,
            kind: SectionKind::Expansion {
                template: "faq".into(),
            },
            blocks: vec![
                Block::Text {
                    text: generated("Les réponses du texte :", "faq"),
                },
                Block::Text {
                    text: generated("Qui prête des vélos ?", "faq"),
                },
                Block::Text {
                    text: generated("La commune prête des vélos.", "faq"),
                },
            ],
            heading_options: Vec::new(),
            subsection: false,
        };
        let points = Section {
            heading: None,
            kind: SectionKind::Expansion {
                template: "key-points".into(),
            },
            blocks: vec![
                Block::Text {
                    text: generated("Les points principaux :", "key-points"),
                },
                Block::List {
                    items: [
                        "Des vélos prêtés.",
                        "Un prêt gratuit.",
                        "Des vélos demandés.",
                    ]
                    .iter()
                    .map(|t| generated(t, "key-points"))
                    .collect(),
                },
            ],
            heading_options: Vec::new(),
            subsection: false,
        };
        secs.push(faq);
        secs.push(points);
        let before = keywords::Density::of_keywords(&secs, &s, &kw, &lex, 0);
        assert!(
            before.matches > before.max,
            "{} > {}",
            before.matches,
            before.max
        );
        let removed = ex.trim_to_density(&mut secs, &s, &kw, &lex);
        let after = keywords::Density::of_keywords(&secs, &s, &kw, &lex, 0);
        assert!(removed > 0 && after.matches <= after.max);
        assert_eq!(secs.len(), 3, "{secs:?}");
        // the key points lost « Des vélos demandés. » first
        let Block::List { items } = &secs[2].blocks[1] else {
            panic!("the key points keep their list: {secs:?}");
        };
        assert_eq!(
            items.first().map(|g| g.text.as_str()),
            Some("Des vélos prêtés.")
        );
        assert!(items.iter().all(|g| g.text != "Des vélos demandés."));
    }

    /// Past the analyses' own ceiling, a section built here whose heading
    /// carries the keyphrase goes, though none of its items does.
    #[test]
    fn a_section_headed_with_the_keyphrase_goes_past_the_ceiling() {
        let (lex, ex, s, mut secs, kw) = setup(
            &[
                "La commune prête des vélos aux habitants pour une semaine.",
                "Les vélos se demandent à la mairie.",
                "Les vélos prêtés reviennent souvent réparés.",
                "Les vélos électriques partent les premiers.",
            ],
            Some("vélos"),
        );
        secs.push(Section {
            heading: Some(crate::model::Heading {
                text: "Lexique des vélos".into(),
                level: 2,
                origin: crate::model::HeadingOrigin::Generated {
                    template: "glossary".into(),
                    terms: Vec::new(),
                },
            }),
            kind: SectionKind::Expansion {
                template: "glossary".into(),
            },
            blocks: vec![Block::List {
                items: vec![generated("VAE : vélo à assistance électrique", "glossary")],
            }],
            heading_options: Vec::new(),
            subsection: false,
        });
        let removed = ex.trim_to_density(&mut secs, &s, &kw, &lex);
        assert_eq!(removed, 1);
        assert_eq!(secs.len(), 1, "{secs:?}");
    }

    /// The text of every template run on a text too short for any target,
    /// for a keyphrase the text does not hold (no item is held back for
    /// the keyphrase's density).
    fn expanded_text(texts: &[&str]) -> String {
        let (lex, ex, s, secs, kw) = setup(texts, Some("zéphyr"));
        all_text(&ex.run(&s, &secs, &kw, &lex, 5000, 0))
    }

    fn all_text(e: &Expansion) -> String {
        let mut out = String::new();
        for s in &e.sections {
            for h in &s.heading_options {
                out.push_str(h);
                out.push('\n');
            }
            for b in &s.blocks {
                match b {
                    Block::Text { text } => out.push_str(&text.text),
                    Block::List { items } => {
                        for i in items {
                            out.push_str(&i.text);
                            out.push('\n');
                        }
                    }
                    Block::Paragraph { .. } | Block::Enumeration { .. } => {}
                }
                out.push('\n');
            }
        }
        out
    }

    const TEXT: &[&str] = &[
        "La commune de Valmont a lancé le 3 mars 2022 un plan de rénovation des écoles.",
        "Le plan coûtera 4,5 millions d’euros, financés pour moitié par la région.",
        "Jeanne Martin, adjointe au maire chargée de l’éducation, suit le chantier de près.",
        "Les travaux concernent 12 écoles et doivent s’achever d’ici fin 2024.",
        "Le plan local d’urbanisme (PLU) a été modifié pour permettre les extensions.",
        "La ressourcerie est un lieu où les habitants déposent les objets dont ils n’ont plus besoin.",
        "Selon la mairie, la consommation d’énergie des écoles baissera de 30 % après les travaux.",
        "Les parents d’élèves ont été consultés en 2021 lors de trois réunions publiques.",
        "Le chantier est confié à Bâtir Ensemble, une coopérative de la vallée, qui emploie des apprentis.",
        "La caisse d’allocations familiales (CAF) aide les familles pendant la fermeture des cantines.",
    ];

    #[test]
    fn builds_sections_from_facts_only() {
        let (e, warning) = run_with_warning(TEXT, 700);
        let text = all_text(&e);
        let ids: Vec<String> = e
            .sections
            .iter()
            .map(|s| match &s.kind {
                SectionKind::Expansion { template } => template.clone(),
                _ => String::new(),
            })
            .collect();
        assert!(ids.contains(&"key-figures".to_string()), "{ids:?}\n{text}");
        assert!(ids.contains(&"timeline".to_string()), "{ids:?}\n{text}");
        assert!(text.contains("**4,5 millions d’euros**"), "{text}");
        assert!(text.contains("**30\u{a0}%**"), "{text}");
        assert!(
            text.contains("**Jeanne Martin**\u{a0}: adjointe au maire chargée de l’éducation."),
            "{text}"
        );
        assert!(
            text.contains("**PLU**\u{a0}: plan local d’urbanisme"),
            "{text}"
        );
        assert!(
            text.contains("Qu’est-ce que la ressourcerie\u{202f}?"),
            "{text}"
        );
        // the text is short: a warning that names what was built, no filler
        let warning = warning.unwrap();
        assert!(warning.contains("under the target of 700"), "{warning}");
        assert!(
            warning.contains("expansion sections added: key-figures, timeline"),
            "{warning}"
        );
    }

    #[test]
    fn nothing_invented() {
        let e = run(TEXT, 700);
        let source: String = TEXT.join(" ");
        let lexicon = Source::embedded();
        let (_, yaml) = lexicon.text(FILE).unwrap();
        let (_, gloss) = lexicon.text(GLOSSARY).unwrap();
        for line in all_text(&e).lines() {
            for w in french::words(line).skip(1) {
                let bare = elision::strip(w);
                let digits = bare.chars().any(|c| c.is_ascii_digit());
                let cap = bare.chars().next().is_some_and(char::is_uppercase);
                if digits || cap {
                    assert!(
                        source.contains(bare) || yaml.contains(bare) || gloss.contains(bare),
                        "`{bare}` invented in: {line}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_sentence_is_quoted_once() {
        let e = run(TEXT, 5000);
        let mut seen = BTreeSet::new();
        for s in &e.sections {
            for b in &s.blocks {
                let items: Vec<&Generated> = match b {
                    Block::Text { text } => vec![text],
                    Block::List { items } => items.iter().collect(),
                    _ => Vec::new(),
                };
                for g in items {
                    if g.template == "glossary" {
                        continue;
                    }
                    if g.template == "faq" && g.text.starts_with("**") {
                        continue;
                    }
                    for id in &g.sources {
                        assert!(seen.insert(*id), "sentence {id} quoted twice");
                    }
                }
            }
        }
    }

    #[test]
    fn nothing_added_over_target() {
        let (e, warning) = run_with_warning(TEXT, 10);
        assert!(e.sections.is_empty());
        assert!(warning.is_none());
    }

    #[test]
    fn code_and_empty_input_do_not_panic() {
        let (e, warning) = run_with_warning(
            &["var a = {b: 1}; f(a); g(2020);", "", "((« 12 %", "Le 1er"],
            700,
        );
        assert!(e.sections.is_empty());
        let warning = warning.unwrap();
        assert!(
            warning.contains("no expansion section could be built"),
            "{warning}"
        );
    }

    #[test]
    fn a_key_point_does_not_open_on_a_word_that_points_back() {
        let text = expanded_text(&[
                "La médiathèque de Villeroy ouvre un espace de jeux vidéo au premier étage.",
                "Elle prêtera aussi des consoles de jeux vidéo aux abonnés de la médiathèque de Villeroy.",
                "Les abonnés de la médiathèque pourront réserver les consoles de jeux en ligne.",
                "Il y a déjà trois cents abonnés inscrits aux ateliers de jeux vidéo de la médiathèque.",
                "Le conseil municipal a voté le budget de l’espace de jeux en mars.",
                "Les abonnés de la médiathèque de Villeroy trouveront au premier étage :",
        ]);
        assert!(text.contains("Les points principaux"), "{text}");
        assert!(!text.contains("Elle prêtera"), "{text}");
        // a sentence that announces a list says nothing alone
        assert!(!text.contains("trouveront au premier étage"), "{text}");
        // an impersonal « Il y a » points back to nothing
        assert!(text.contains("Il y a déjà"), "{text}");
    }

    #[test]
    fn a_name_a_role_takes_as_complement_is_no_person_it_describes() {
        let text = expanded_text(&[
                "La mairie a ouvert un guichet unique pour les permis de construire en mars dernier.",
                "Le guichet est tenu par un agent municipal, directeur d’une autre Maison France Services dans la même commune.",
                "La directrice de l’urbanisme, Jeanne Martin, a présenté le service aux habitants.",
                "Le guichet reçoit une centaine de demandes par mois depuis son ouverture.",
        ]);
        assert!(!text.contains("d’une autre."), "{text}");
        assert!(text.contains("Jeanne Martin"), "{text}");
        // « son président » says whose only in the sentence before
        let text = expanded_text(&[
                "L’association des riverains a tenu son assemblée générale jeudi soir à la salle des fêtes.",
                "Son président, Marc Oudin, a présenté le bilan des actions menées dans le quartier.",
                "Les riverains demandent une meilleure collecte des déchets et des bancs dans le square.",
                "La directrice de l’urbanisme, Jeanne Martin, a promis une réponse avant l’été.",
        ]);
        assert!(text.contains("Jeanne Martin"), "{text}");
        assert!(!text.contains("**Marc Oudin**"), "{text}");
    }

    /// The window quoted around `fact` in a one-sentence text, and its text.
    fn window_around(lex: &Lexicon, sentence: &str, fact: &str) -> (Window, String) {
        let s = sentences(&[sentence]);
        let words = vec![french::word_count(&s[0].text)];
        let ctx = Context::new(&s, words, lex);
        let text = &s[0].text;
        let at = text.find(fact).expect("the fact is in the sentence");
        let w = ctx
            .window(text, at, at + fact.len())
            .expect("a window is found");
        let seen = text[w.start..w.end].to_string();
        (w, seen)
    }

    #[test]
    fn a_subordinate_clause_is_not_quoted_without_its_main_clause() {
        assert!(opens_on_subordinate(
            "S’il pleut, la fête aura lieu sous la halle."
        ));
        assert!(opens_on_subordinate(
            "Bien que la ville grandisse, elle garde ses champs."
        ));
        assert!(opens_on_subordinate(
            "Lorsqu’on roule à 30 km/h, on consomme moins."
        ));
        assert!(!opens_on_subordinate("Bien des villes comptent 3 parcs."));
        assert!(!opens_on_subordinate(
            "Pour la fête, la ville prévoit 3 concerts."
        ));
        let lex = Lexicon::load(&Source::embedded()).unwrap();
        let (w, seen) = window_around(
            &lex,
            "S’il n’est pas possible de garder la maison sous 25 degrés pendant les canicules, voici quelques gestes simples pour limiter la dépense d’énergie du climatiseur.",
            "25",
        );
        assert!(w.whole_end, "{seen}");
        // a subject and its relative clause are no sentence without the
        // main verb
        let (w, seen) = window_around(
            &lex,
            "Le club de Montclar, qui compte 300 adhérents, organisera une grande course en juin.",
            "300",
        );
        assert!(w.whole_end, "{seen}");
        // « nous » before a verb in the third person is its object: the
        // window starts with the subject
        let (w, seen) = window_around(
            &lex,
            "Le plan que suivent les pays, sans un effort de plus, nous dirige vers 3 degrés de réchauffement.",
            "3",
        );
        assert!(w.sentence_start, "{seen}");
        let s = sentences(&["Le plan."]);
        let ctx = Context::new(&s, vec![2], &lex);
        assert!(ctx.can_start("nous dirigeons vers 3 degrés"));
        assert!(ctx.can_start("vous en avez 3"));
        assert!(ctx.can_start("nous aussi, nous avons 3 vélos"));
        assert!(!ctx.can_start("vous dirige vers 3 degrés"));
        assert!(!ctx.can_start("nous dirige vers 3,2° de réchauffement, en supposant que chaque État tienne ses engagements."));
        // a date alone (a byline's) is no fact to quote
        let s = sentences(&["5 juin 2023."]);
        let ctx = Context::new(&s, vec![3], &lex);
        assert!(ctx.window(&s[0].text, 0, 11).is_none());
    }

    #[test]
    fn clauses_and_windows() {
        let c = clauses("Aujourd’hui, la ville, qui grandit, compte 2,5 millions d’habitants.");
        assert_eq!(c.len(), 4);
        assert!(balanced("« oui »") && !balanced("« oui"));
        assert_eq!(normalise_subscripts("CO₂"), "CO2");
        let lex = Lexicon::load(&Source::embedded()).unwrap();
        assert!(spells("Graphics Processing Unit", "GPU", &lex));
        assert_eq!(
            spelled_before("des puces appelées Graphics Processing Unit ", "GPU", &lex).as_deref(),
            Some("Graphics Processing Unit")
        );
        assert_eq!(
            fill_question("Qu’est-ce que {subject} ?", "une ressourcerie"),
            "Qu’est-ce qu’une ressourcerie\u{202f}?"
        );
        assert_eq!(date_key("le 3 mars 2022"), (Some(2022), 3, 3));
    }
}
