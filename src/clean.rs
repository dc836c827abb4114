//! Stage 2: strips tracking scripts, page furniture and stray foreign-language
//! fragments by the rules of `rules/junk.yaml`, recording every removal with
//! its rule id and its byte offset in the text given to [`Cleaner::run`].
//!
//! Two kinds of rules:
//! - pattern rules, applied in file order: each removes what its regex matches
//!   (or only its `junk` named group when it has one, so a rule can require a
//!   context it does not remove), optionally followed by the short lines after
//!   the match (`then_lines`: the titles under a "Sur le même sujet" header);
//! - the foreign-fragment detector (`foreign`), applied last: the text is cut at
//!   line breaks, sentence ends and glue points ("wordsLa") and every chunk
//!   dominated by foreign function words ("the", "of", "be") is removed.
//!
//! A removed span is replaced by a line break when it touches one (or an end of
//! the text) and by a space inside a line, so the text on either side stays
//! apart and no line break is invented; nothing else of the input is changed.
use crate::error::{Error, Result};
use crate::fxhash::FxHashSet;
use crate::fxhash::FxHashSet as HashSet;
use crate::model::Removal;
use crate::rules::{LazyRegex, Source};
use serde::Deserialize;
use std::collections::BTreeMap;

const FILE: &str = "rules/junk.yaml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct JunkFile {
    /// Named sub-patterns, written `{{name}}` inside a rule's pattern.
    #[serde(default)]
    definitions: BTreeMap<String, String>,
    /// Capitalised words that start a French sentence ("Le", "J’", "Dans"):
    /// an inline title (`then_title`) ends before one of them.
    #[serde(default)]
    sentence_starters: Vec<String>,
    rules: Vec<RuleDef>,
    #[serde(default)]
    foreign: Option<ForeignDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleDef {
    id: String,
    description: String,
    pattern: String,
    /// Words of which the text must contain at least one (compared after
    /// lowercasing) for the pattern to be able to match; the rule is skipped,
    /// and its pattern never compiled, on other texts.
    #[serde(default)]
    needs: Vec<String>,
    #[serde(default)]
    then_lines: Option<ThenLines>,
    #[serde(default)]
    then_title: Option<ThenTitle>,
    /// A match longer than this many characters is left in place.
    #[serde(default)]
    max_chars: Option<usize>,
    /// The rule reads only the last this many characters of the text.
    #[serde(default)]
    tail_chars: Option<usize>,
    /// The rule reads only the first this many characters of the text.
    #[serde(default)]
    head_chars: Option<usize>,
    /// A match is left in place when the words after its start, up to the
    /// end of its sentence or line (at most `UNLESS_CHARS` characters),
    /// hold one of these (compared after lowercasing).
    #[serde(default)]
    unless_followed_by: Vec<String>,
    examples: Examples,
}

/// After a match, also remove the title that follows it on the same line
/// ("Lire aussi : <title>"): up to a sentence end, a line break, or a
/// sentence starter glued after the title. Without such an end within
/// `max_chars`, only the match itself is removed.
#[derive(Debug, Deserialize, Clone, Copy)]
#[serde(deny_unknown_fields)]
pub struct ThenTitle {
    pub max_chars: usize,
    /// The title is in sentence case: a capitalised word after a lowercase one,
    /// a few words in, starts the article's own text again.
    #[serde(default)]
    pub sentence_case: bool,
}

/// After a match that ends its line, also remove the short lines that follow
/// (related-article titles under a "Sur le même sujet" header).
#[derive(Debug, Deserialize, Clone, Copy)]
#[serde(deny_unknown_fields)]
pub struct ThenLines {
    /// At most this many non-blank lines are taken.
    pub max_lines: usize,
    /// A line longer than this (in characters) ends the block.
    pub max_chars: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ForeignDef {
    id: String,
    description: String,
    /// Function words of the foreign language(s) looked for (lower case).
    foreign_words: Vec<String>,
    /// Function words of French (lower case): a chunk with more than
    /// `max_native_words` of them is never removed.
    native_words: Vec<String>,
    /// A chunk needs at least this many words to be judged.
    min_words: usize,
    /// ... and at least this many foreign function words ...
    min_foreign_words: usize,
    /// ... making at least this share of its words.
    min_share: f64,
    /// A chunk with more French function words than this is kept.
    max_native_words: usize,
    /// Endings of foreign words (« -ed », « -ly »): a word of at least
    /// `SUFFIX_WORD_CHARS` characters ending on one counts as a foreign
    /// word towards `min_share` (`min_foreign_words` counts function words
    /// only). Optional.
    #[serde(default)]
    foreign_suffixes: Vec<String>,
    /// Common words of the foreign language that French text seldom uses
    /// (« available », « settings »): each counts as a foreign word towards
    /// `min_share` and in a short stray fragment. Optional.
    #[serde(default)]
    foreign_vocabulary: Vec<String>,
    examples: Examples,
}

/// A text a rule must remove: either wholly, or (`text` / `leaves`) leaving
/// exactly `leaves` (compared with whitespace collapsed).
#[derive(Debug, Deserialize, Clone)]
#[serde(untagged, deny_unknown_fields)]
pub enum StripExample {
    Whole(String),
    Partial { text: String, leaves: String },
}

impl StripExample {
    /// The input text of the example.
    pub fn text(&self) -> &str {
        match self {
            StripExample::Whole(t) => t,
            StripExample::Partial { text, .. } => text,
        }
    }

    /// What must remain once the rule has run.
    pub fn leaves(&self) -> &str {
        match self {
            StripExample::Whole(_) => "",
            StripExample::Partial { leaves, .. } => leaves,
        }
    }
}

/// Text a rule must strip and text it must keep (run by the test suite).
#[derive(Debug, Default, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    pub strip: Vec<StripExample>,
    pub keep: Vec<String>,
}

/// One pattern rule. Its regex is compiled on the first text that holds one
/// of its `needs` (or eagerly, when the rule file comes from the user).
pub struct Rule {
    pub id: String,
    pub description: String,
    pattern: std::sync::Arc<Pattern>,
    /// Lowercased words one of which the text must hold (none: always run).
    needs: Vec<String>,
    pub then_lines: Option<ThenLines>,
    pub then_title: Option<ThenTitle>,
    /// A match (the whole of it) longer than this many characters is left in
    /// place: a length bound checked here costs nothing, where a bounded
    /// repeat of a Unicode class (`[^\n]{0,300}`) costs milliseconds to compile.
    pub max_chars: Option<usize>,
    /// The rule reads only the last this many characters of the text
    /// (furniture glued after its last sentence): its needs, its literals
    /// and its pattern are looked for there only, whatever the text's length.
    pub tail_chars: Option<usize>,
    /// The rule reads only the first this many characters of the text
    /// (furniture at the top of a page: a breadcrumb, a byline), the same way.
    pub head_chars: Option<usize>,
    /// Lowercased words that, after a match on its sentence or line, leave
    /// it in place.
    unless_followed_by: Vec<String>,
    starters: std::sync::Arc<HashSet<String>>,
    pub examples: Examples,
}

/// A rule's pattern and the literal pieces it needs, shared with the
/// threads that compile patterns ahead.
struct Pattern {
    regex: LazyRegex,
    /// What the text must hold for the pattern to match, read from the
    /// pattern on the first text that holds one of the rule's `needs`.
    literals: std::sync::OnceLock<crate::prefilter::Needs>,
    /// The pattern's syntax tree, read for its literals and kept until the
    /// pattern is compiled from it.
    ast: std::sync::Mutex<Option<regex_syntax::ast::Ast>>,
}

impl Pattern {
    /// Whether `text` (`lower` lowercased) holds the literal pieces without
    /// which the pattern cannot match.
    fn may_match(&self, text: &str, lower: &str) -> bool {
        self.literals
            .get_or_init(|| {
                match regex_syntax::ast::parse::Parser::new().parse(self.regex.pattern()) {
                    Ok(ast) => {
                        let needs = crate::prefilter::Needs::of_ast(&ast);
                        if let Ok(mut kept) = self.ast.lock() {
                            *kept = Some(ast);
                        }
                        needs
                    }
                    Err(_) => crate::prefilter::Needs::Any,
                }
            })
            .holds(text, lower)
    }

    /// The compiled regex for texts of common characters (`common`, see
    /// [`crate::rules::is_common_text`]) or for any text.
    fn regex_for(&self, common: bool) -> Option<&crate::rules::Pattern> {
        if !common || self.regex.is_compiled_variant(true) {
            return self.regex.get_variant(common);
        }
        let ast = self.ast.lock().ok().and_then(|mut kept| kept.take());
        self.regex.get_variant_parsed(true, ast.as_ref())
    }
}

/// The compiled foreign-fragment detector.
pub struct Foreign {
    pub id: String,
    pub description: String,
    foreign_words: FxHashSet<String>,
    native_words: FxHashSet<String>,
    min_words: usize,
    min_foreign_words: usize,
    min_share: f64,
    max_native_words: usize,
    foreign_suffixes: Vec<String>,
    foreign_vocabulary: FxHashSet<String>,
    pub examples: Examples,
}

/// Shortest word whose ending (`foreign_suffixes`) makes it foreign.
const SUFFIX_WORD_CHARS: usize = 6;

/// Fewest words inside quotation marks that make a chunk quoted speech (the
/// article's own text, whatever its language): « By clicking “OK”, you
/// consent … » quotes a button, not a speaker.
const QUOTED_SPEECH_WORDS: usize = 4;

/// Whether `chunk` quotes at least `QUOTED_SPEECH_WORDS` words (an
/// unclosed quotation runs to the chunk's end).
fn quoted_speech(chunk: &str) -> bool {
    let mut inside: Option<char> = None;
    let mut start = 0;
    let count = |part: &str| {
        part.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .count()
    };
    for (p, c) in chunk.char_indices() {
        match inside {
            None => {
                let close = match c {
                    '«' => Some('»'),
                    '“' => Some('”'),
                    '"' => Some('"'),
                    _ => None,
                };
                if let Some(close) = close {
                    inside = Some(close);
                    start = p + c.len_utf8();
                }
            }
            Some(close) if c == close => {
                if count(&chunk[start..p]) >= QUOTED_SPEECH_WORDS {
                    return true;
                }
                inside = None;
            }
            Some(_) => {}
        }
    }
    inside.is_some() && count(&chunk[start..]) >= QUOTED_SPEECH_WORDS
        // a closing mark alone: the quotation opened in an earlier chunk
        || inside.is_none() && chunk.contains(['»', '”']) && !chunk.contains(['«', '“'])
}

/// The cleaned text and what was removed from it.
#[derive(Debug, Clone)]
pub struct Cleaned {
    pub text: String,
    pub removals: Vec<Removal>,
}

/// The compiled junk rules.
pub struct Cleaner {
    pub rules: Vec<Rule>,
    pub foreign: Option<Foreign>,
    /// Every rule's `needs` words, looked for in a text in one pass.
    needs: Option<NeedsIndex>,
}

/// The `needs` words of all the rules, found in a text by one Aho-Corasick
/// pass instead of one substring search per word and rule (several hundred
/// searches of the whole text per article).
struct NeedsIndex {
    finder: aho_corasick::AhoCorasick,
    /// Each word's pattern number in `finder`.
    ids: crate::fxhash::FxHashMap<String, usize>,
}

impl NeedsIndex {
    fn new(rules: &[Rule]) -> Option<NeedsIndex> {
        let mut words: Vec<&str> = rules
            .iter()
            .flat_map(|r| r.needs.iter().map(String::as_str))
            .collect();
        words.sort_unstable();
        words.dedup();
        let finder = aho_corasick::AhoCorasick::new(&words).ok()?;
        let ids = words
            .iter()
            .enumerate()
            .map(|(i, w)| (w.to_string(), i))
            .collect();
        Some(NeedsIndex { finder, ids })
    }

    /// Which words `lower` holds, by pattern number.
    fn present(&self, lower: &str) -> Vec<Presence> {
        let mut seen = vec![Presence::No; self.ids.len()];
        for m in self.finder.find_overlapping_iter(lower) {
            seen[m.pattern().as_usize()] = Presence::Yes;
        }
        seen
    }
}

/// Whether a text holds a `needs` word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Presence {
    Yes,
    No,
    /// Not known since the last removal: looked for again when asked.
    Unknown,
}

/// Whether an ASCII word without white space that a text lacks, it lacks
/// after every removal too: a removal keeps the text on either side (whose
/// lowercase letters are the same, but for a `Σ` that becomes final, not
/// ASCII either) and puts white space between them.
fn stays_missing(word: &str) -> bool {
    word.is_ascii() && !word.contains(|c: char| c.is_ascii_whitespace())
}

/// What one rule (id, description, examples) looks like to the test suite.
pub struct RuleInfo<'a> {
    pub id: &'a str,
    pub description: &'a str,
    pub examples: &'a Examples,
}

fn rule_error(file: &str, message: String) -> Error {
    Error::Rules {
        file: file.to_string(),
        line: 0,
        message,
    }
}

/// Replace every `{{name}}` by its definition (wrapped in a non-capturing
/// group); definitions may use other definitions, a few levels deep.
fn expand_definitions(
    file: &str,
    id: &str,
    pattern: &str,
    defs: &BTreeMap<String, String>,
) -> Result<String> {
    expand_at_depth(file, id, pattern, defs, 0)
}

fn expand_at_depth(
    file: &str,
    id: &str,
    pattern: &str,
    defs: &BTreeMap<String, String>,
    depth: usize,
) -> Result<String> {
    if depth > 4 {
        return Err(rule_error(
            file,
            format!("rule `{id}`: definitions nested too deep (or circular)"),
        ));
    }
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after
            .find("}}")
            .ok_or_else(|| rule_error(file, format!("rule `{id}`: unclosed `{{{{`")))?;
        let name = after[..end].trim();
        let def = defs
            .get(name)
            .ok_or_else(|| rule_error(file, format!("rule `{id}`: unknown definition `{name}`")))?;
        out.push_str("(?:");
        out.push_str(&expand_at_depth(file, id, def, defs, depth + 1)?);
        out.push(')');
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

impl Cleaner {
    /// Load the junk rules. The embedded rules (whose patterns the test suite
    /// compiles) are compiled lazily, each on the first text that needs it; a
    /// user's rule file is compiled at once, so that its errors show up now.
    pub fn load(source: &Source) -> Result<Cleaner> {
        let (file, text) = source.text(FILE)?;
        Self::parse(&file, &text, !crate::rules::is_embedded(&file))
    }

    /// Compile every rule of a junk file given as text (`file` names it in
    /// errors): an invalid or oversized pattern is an error here.
    pub fn from_yaml(file: &str, text: &str) -> Result<Cleaner> {
        Self::parse(file, text, true)
    }

    fn parse(file: &str, text: &str, eager: bool) -> Result<Cleaner> {
        let def: JunkFile = crate::rules::parse_yaml(file, text)?;
        let starters: std::sync::Arc<HashSet<String>> = std::sync::Arc::new(
            def.sentence_starters
                .iter()
                .map(|w| w.replace('\'', "’"))
                .collect(),
        );
        let mut seen = HashSet::default();
        let mut rules = Vec::new();
        for r in def.rules {
            if r.id.trim().is_empty() || !seen.insert(r.id.clone()) {
                return Err(rule_error(
                    file,
                    format!("rule id `{}` is empty or not unique", r.id),
                ));
            }
            if r.examples.strip.is_empty() || r.examples.keep.is_empty() {
                return Err(rule_error(
                    file,
                    format!("rule `{}` needs `strip` and `keep` examples", r.id),
                ));
            }
            let pattern = expand_definitions(file, &r.id, &r.pattern, &def.definitions)?;
            let needs: Vec<String> = r.needs.iter().map(|w| w.to_lowercase()).collect();
            if needs.iter().any(|w| w.trim().is_empty()) {
                return Err(rule_error(
                    file,
                    format!("rule `{}`: `needs` holds an empty word", r.id),
                ));
            }
            if r.tail_chars.is_some() && r.head_chars.is_some() {
                return Err(rule_error(
                    file,
                    format!(
                        "rule `{}`: `tail_chars` and `head_chars` cannot both be set",
                        r.id
                    ),
                ));
            }
            if r.max_chars == Some(0) {
                return Err(rule_error(
                    file,
                    format!("rule `{}`: `max_chars` must be at least 1", r.id),
                ));
            }
            let regex = if eager {
                LazyRegex::eager(file, &r.id, &pattern)?
            } else {
                LazyRegex::new(file, &r.id, &pattern)
            };
            rules.push(Rule {
                id: r.id,
                description: r.description,
                pattern: std::sync::Arc::new(Pattern {
                    regex,
                    literals: std::sync::OnceLock::new(),
                    ast: std::sync::Mutex::new(None),
                }),
                needs,
                then_lines: r.then_lines,
                then_title: r.then_title,
                max_chars: r.max_chars,
                tail_chars: r.tail_chars,
                head_chars: r.head_chars,
                unless_followed_by: r
                    .unless_followed_by
                    .iter()
                    .map(|w| w.to_lowercase())
                    .collect(),
                starters: starters.clone(),
                examples: r.examples,
            });
        }
        let foreign = match def.foreign {
            None => None,
            Some(f) => {
                if !seen.insert(f.id.clone()) {
                    return Err(rule_error(
                        file,
                        format!("rule id `{}` is not unique", f.id),
                    ));
                }
                if !(0.0..=1.0).contains(&f.min_share) || f.min_words == 0 {
                    return Err(rule_error(
                        file,
                        format!(
                            "`{}`: min_share must be within 0..1 and min_words above 0",
                            f.id
                        ),
                    ));
                }
                let lower = |v: Vec<String>| v.into_iter().map(|w| w.to_lowercase()).collect();
                Some(Foreign {
                    id: f.id,
                    description: f.description,
                    foreign_words: lower(f.foreign_words),
                    native_words: lower(f.native_words),
                    min_words: f.min_words,
                    min_foreign_words: f.min_foreign_words,
                    min_share: f.min_share,
                    max_native_words: f.max_native_words,
                    foreign_suffixes: f
                        .foreign_suffixes
                        .iter()
                        .map(|w| w.to_lowercase())
                        .collect(),
                    foreign_vocabulary: lower(f.foreign_vocabulary),
                    examples: f.examples,
                })
            }
        };
        let needs = NeedsIndex::new(&rules);
        Ok(Cleaner {
            rules,
            foreign,
            needs,
        })
    }

    /// Compile the patterns of these rules (indices, in order) on the other
    /// cores, each when its rule has not been reached yet and the text as it
    /// is now holds the pattern's literal pieces.
    fn compile_ahead(
        &self,
        rules: &[usize],
        doc: &Doc,
        common: bool,
        reached: &std::sync::Arc<std::sync::atomic::AtomicUsize>,
    ) {
        if rules.is_empty() {
            return;
        }
        let text = std::sync::Arc::new((doc.text.clone(), doc.lower.clone()));
        for &i in rules {
            let text = std::sync::Arc::clone(&text);
            let pattern = std::sync::Arc::clone(&self.rules[i].pattern);
            let reached = std::sync::Arc::clone(reached);
            rayon::spawn(move || {
                if reached.load(std::sync::atomic::Ordering::Relaxed) <= i
                    && pattern.may_match(&text.0, &text.1)
                {
                    let _ = pattern.regex_for(common);
                }
            });
        }
    }

    /// Every rule with its examples, the foreign-fragment detector last.
    pub fn rule_infos(&self) -> Vec<RuleInfo<'_>> {
        let mut out: Vec<RuleInfo<'_>> = self
            .rules
            .iter()
            .map(|r| RuleInfo {
                id: &r.id,
                description: &r.description,
                examples: &r.examples,
            })
            .collect();
        if let Some(f) = &self.foreign {
            out.push(RuleInfo {
                id: &f.id,
                description: &f.description,
                examples: &f.examples,
            });
        }
        out
    }

    /// Apply every rule in order, then the foreign-fragment detector.
    pub fn run(&self, text: &str) -> Cleaned {
        self.run_filtered(text, |_| true)
    }

    /// Apply only the rule (or detector) with this id (for rule examples).
    pub fn run_rule(&self, text: &str, id: &str) -> Cleaned {
        self.run_filtered(text, |r| r == id)
    }

    fn run_filtered(&self, text: &str, wanted: impl Fn(&str) -> bool) -> Cleaned {
        // the document carries the lowercased text the rules' `needs` are
        // looked for in, kept in step with the text as removals change it
        let mut doc = Doc::new(text);
        doc.index = self.needs.as_ref();
        // the patterns this text needs are compiled ahead on the other
        // cores, in rule order, while the rules run here in order: a rule
        // waits for its pattern while another thread compiles it, or compiles
        // it here when none has started. A pattern is compiled ahead when its
        // rule applies to the text as it comes (a removal only shortens the
        // text: no rule applies later that does not apply now), and not once
        // the rules here have reached it (an earlier rule may have removed
        // what it needed).
        let reached = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        // the regex for texts of common characters serves every text the
        // removals leave (they only add spaces and line breaks)
        let common = crate::rules::is_common_text(&doc.text);
        // A rule that needs a word an earlier rule applying to the text also
        // needs (a script's `function`) waits for that rule to have run: its
        // removal often takes the word away, and the pattern is not needed.
        // (deferred[j]: the rules that wait for rule j)
        let mut deferred: Vec<Vec<usize>> = vec![Vec::new(); self.rules.len()];
        let mut applying: Vec<usize> = Vec::new();
        let mut now: Vec<usize> = Vec::new();
        for (i, rule) in self.rules.iter().enumerate() {
            if !wanted(&rule.id)
                || rule.tail_chars.is_some()
                || rule.head_chars.is_some()
                || rule.pattern.regex.is_compiled_variant(common)
                || !rule.has_needs(&doc)
            {
                continue;
            }
            let first_sharing = applying.iter().copied().find(|&j| {
                self.rules[j]
                    .needs
                    .iter()
                    .any(|w| rule.needs.contains(w) && doc.holds(w))
            });
            applying.push(i);
            match first_sharing {
                Some(j) => deferred[j].push(i),
                None => now.push(i),
            }
        }
        self.compile_ahead(&now, &doc, common, &reached);
        for (i, rule) in self.rules.iter().enumerate() {
            reached.store(i + 1, std::sync::atomic::Ordering::Relaxed);
            if wanted(&rule.id) && rule.applies(&doc) {
                let spans = rule.spans(&doc.text, &doc.holes, common, self.foreign.as_ref());
                if !spans.is_empty() {
                    doc.remove(&spans, &rule.id);
                }
            }
            let waiting: Vec<usize> = deferred[i]
                .iter()
                .copied()
                .filter(|&k| self.rules[k].has_needs(&doc))
                .collect();
            self.compile_ahead(&waiting, &doc, common, &reached);
        }
        if let Some(f) = self.foreign.as_ref().filter(|f| wanted(&f.id)) {
            let spans = f.spans(&doc.text, &doc.holes);
            doc.remove(&spans, &f.id);
        }
        if wanted(MENU_LINE) {
            let spans = menu_lines(&doc.text);
            doc.remove(&spans, MENU_LINE);
        }
        if wanted(BREADCRUMB_LINE) {
            let spans = breadcrumb_line(&doc.text);
            doc.remove(&spans, BREADCRUMB_LINE);
        }
        if wanted(LABEL_LINE) {
            let spans = label_lines(&doc.text);
            doc.remove(&spans, LABEL_LINE);
        }
        if wanted(DATE_LINE) {
            let spans = date_lines(&doc.text);
            doc.remove(&spans, DATE_LINE);
        }
        if wanted(RESIDUE) {
            // (what removals left of a page's last lines, before the titles
            // above them are judged)
            let spans = residues(&doc.text, &doc.holes);
            doc.remove(&spans, RESIDUE);
        }
        if wanted(RELATED_TITLES) {
            let spans = related_titles(&doc.text);
            doc.remove(&spans, RELATED_TITLES);
        }
        if wanted(RESIDUE) {
            let spans = residues(&doc.text, &doc.holes);
            doc.remove(&spans, RESIDUE);
        }
        let text = if doc.removals.is_empty() {
            doc.text
        } else {
            doc.text.trim().to_string()
        };
        Cleaned {
            text,
            removals: doc.removals,
        }
    }
}

/// The id of the removals of [`residues`].
pub const RESIDUE: &str = "residue";

/// What a removal left of a line when that is only symbols and punctuation
/// (the « ⌂ » before a breadcrumb a rule took, the « | » between two
/// buttons): a line with no letter nor figure that holds the place of a
/// removal (`holes`). A line that had no letter before stays (an author's
/// « ⬇️ »). The line spans to remove.
fn residues(text: &str, holes: &[usize]) -> Vec<(usize, usize)> {
    if holes.is_empty() {
        return Vec::new();
    }
    let scrape = filled_lines(text) >= RESIDUE_MIN_LINES;
    // (`holes` is sorted: the first hole at or after the line break before
    // the line, where a removal that opened the line left its placeholder)
    line_spans(text)
        .filter(|&(a, b)| {
            let line = &text[a..b];
            !line.trim().is_empty()
                && (!line.chars().any(char::is_alphanumeric) || scrape && fragment(line))
                && holes
                    .get(holes.partition_point(|&h| h + 1 < a))
                    .is_some_and(|&h| h <= b)
        })
        .collect()
}

/// Lines a line scrape needs before [`residues`] takes word fragments.
const RESIDUE_MIN_LINES: usize = 8;

/// Whether what a removal left of a line of a line scrape is a fragment of
/// furniture rather than text: a few words (`FRAGMENT_WORDS` at most) that
/// open in lowercase (« à la rédaction | Abonnements », the end of a footer a
/// rule cut short) or hold a separator between spaces (« 🍪 Ici, D’accord ·
/// Comment ça marche ? », a banner's buttons).
fn fragment(line: &str) -> bool {
    const FRAGMENT_WORDS: usize = 6;
    let line = line.trim();
    let first = line.chars().find(|c| c.is_alphanumeric());
    crate::french::words(line).count() <= FRAGMENT_WORDS
        && (first.is_some_and(char::is_lowercase) || spaced_symbol(line, separator_symbol))
}

/// Whether `line` holds a character `symbol` accepts standing alone between
/// spaces (« Accueil ⇢ Vie locale », not « 1→2 »).
fn spaced_symbol(line: &str, symbol: impl Fn(char) -> bool) -> bool {
    line.split(' ').any(|w| {
        let mut chars = w.chars();
        matches!((chars.next(), chars.next()), (Some(c), None) if symbol(c))
    })
}

/// The span of each line of `text` (without its line break), empty ones
/// included.
fn line_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut start = 0;
    text.split('\n').map(move |line| {
        let span = (start, start + line.len());
        start += line.len() + 1;
        span
    })
}

/// The number of lines of `text` that hold something: the line passes read
/// a line scrape only (a flat text has one line).
fn filled_lines(text: &str) -> usize {
    text.lines().filter(|l| !l.trim().is_empty()).count()
}

/// Words a line needs to read as a paragraph of prose.
const PROSE_WORDS: usize = 15;

/// Whether a line of a line scrape is a paragraph of prose: `PROSE_WORDS`
/// words or more, ending a sentence other than a question (a long title may
/// ask one: « Quelle différence entre une page web, un site web et un
/// moteur de recherche ? »).
fn prose_line(line: &str) -> bool {
    crate::french::words(line).count() >= PROSE_WORDS && line.ends_with(['.', '!', '…', '»', ')'])
}

/// The id of the removals of [`menu_lines`].
pub const MENU_LINE: &str = "menu-line";

/// The id of the removals of [`breadcrumb_line`].
pub const BREADCRUMB_LINE: &str = "breadcrumb-line";

/// The first line of a line scrape when it is a breadcrumb whatever its
/// words: a short line (`MAX_WORDS` words at most) that ends no sentence and
/// either sets parts apart by an arrow, a shape or a dingbat between spaces
/// (« Espace Réflexes ⟫ fiches « Vélo » », « Chemin d’accès : Monde ⇢
/// Climat ⇢ lecture »), or opens on a label in square brackets (« [VIE
/// LOCALE] Transports — toutes les publications »). No page title of the
/// gold sets holds such an arrow or opens on a bracket. The line span to
/// remove.
fn breadcrumb_line(text: &str) -> Vec<(usize, usize)> {
    const MIN_LINES: usize = 3;
    const MAX_WORDS: usize = 16;
    const MAX_LABEL_CHARS: usize = 40;
    if filled_lines(text) < MIN_LINES {
        return Vec::new();
    }
    let Some((a, b)) = line_spans(text).find(|&(a, b)| !text[a..b].trim().is_empty()) else {
        return Vec::new();
    };
    let line = text[a..b].trim();
    let arrow = |c: char| {
        matches!(c, '›' | '≫' | '>')
            || separator_symbol(c) && !c.is_ascii() && u32::from(c) >= 0x2190
    };
    let parted = spaced_symbol(line, arrow);
    let label = line.strip_prefix('[').is_some_and(|rest| {
        rest.find(']')
            .is_some_and(|k| k > 0 && k <= MAX_LABEL_CHARS && rest[k + 1..].starts_with(' '))
    });
    if (parted || label)
        && crate::french::words(line).count() <= MAX_WORDS
        && !line.ends_with(['.', '!', '?', ':', ','])
    {
        vec![(a, b)]
    } else {
        Vec::new()
    }
}

/// Whether `c` can set the items of a menu line apart: the separators pages
/// use (· • ∙ | ¦ / – — › ») and any arrow, geometric shape, dingbat or technical
/// symbol (⇢ → ⟶ ▸ ▶ ❘ ⌂), whatever the site chose.
fn separator_symbol(c: char) -> bool {
    matches!(
        c,
        '·' | '•' | '∙' | '⋅' | '|' | '¦' | '/' | '∕' | '›' | '»' | '>' | '–' | '—' | '⁄'
    ) || matches!(u32::from(c),
            0x2190..=0x21FF // arrows
            | 0x2300..=0x23FF // technical symbols (⌂)
            | 0x25A0..=0x25FF // geometric shapes (▸ ▶ ▹ ▾)
            | 0x2700..=0x27BF // dingbats (❘ ✦)
            | 0x27E6..=0x27FF // brackets and long arrows (⟩ ⟫ ⟶)
            | 0x2900..=0x297F // more arrows
            | 0x2B00..=0x2BFF) // symbols and arrows
}

/// Lines of page furniture whatever their words say: a breadcrumb, a menu, a
/// row of buttons or of footer links (« Opinions ⇢ Habitat ⇢ Lecture »,
/// « Accueil · Tech · Transports », « ⌂ Index ▶ Régions ▶ Savoie »).
/// A whole line of `MIN_ITEMS` items or more (two between arrows, shapes or
/// dingbats) set apart by one separator (see [`separator_symbol`]) between
/// spaces, each item of at most
/// `ITEM_WORDS` words, opening (after any symbol) on a capital, a figure or
/// « © » (or on a short lowercase word before a figure: « réf. 10-448 »,
/// « fiche 11-093 »),
/// holding no comma (but the first, which may name the publisher, then its
/// legal form in capitals: « Le Courrier, SCIC SA ¦ Charte ¦ Plan ») and ending on no
/// sentence mark, the line ending on none either. No line of the gold
/// articles reads so. Only in a text
/// of `MIN_LINES` lines or more (a line scrape). The line spans to remove.
fn menu_lines(text: &str) -> Vec<(usize, usize)> {
    const MIN_LINES: usize = 3;
    const MIN_ITEMS: usize = 3;
    const ITEM_WORDS: usize = 6;
    if filled_lines(text) < MIN_LINES {
        return Vec::new();
    }
    let item = |s: &str, first: bool| {
        // after any symbol or pictograph (« ☰ Sommaire », « ⌘ Une »)
        let s = s.trim_start_matches(|c: char| {
            separator_symbol(c)
                || c.is_whitespace()
                || ('\u{2600}'..='\u{27BF}').contains(&c)
                || ('\u{1F000}'..='\u{1FAFF}').contains(&c)
        });
        let s = s.trim_end();
        // « réf. 10-448 », « n° 7 », « fiche 11-093 »: a short word or an
        // abbreviation, then a figure
        let reference = s.split_once(' ').is_some_and(|(a, b)| {
            a.chars().count() <= 6
                && a.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '°'))
                && b.starts_with(|c: char| c.is_ascii_digit())
        });
        (s.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '©')
            || reference)
            && !s.ends_with(['.', '!', '?', '…', ':'])
            && !s.contains([';', '?', '!'])
            && match s.split_once(',') {
                None => true,
                // the publisher's legal form after a comma (« SCIC SA »)
                Some((_, form)) => {
                    first
                        && !form.contains(',')
                        && form.split_whitespace().count() <= 3
                        && form.chars().any(char::is_alphabetic)
                        && !form.chars().any(char::is_lowercase)
                }
            }
            && crate::french::words(s).count() <= ITEM_WORDS
            && s.split_whitespace().count() <= ITEM_WORDS + 1
    };
    let menu = |line: &str| {
        let line = line.trim();
        if line.ends_with(['.', '!', '?', '…', ':', ';', ',']) {
            return false;
        }
        // each symbol set apart by spaces, tried once as the separator
        let mut tried: Vec<char> = Vec::new();
        let chars: Vec<char> = line.chars().collect();
        chars.windows(3).any(|w| {
            let sep = w[1];
            if w[0] != ' ' || w[2] != ' ' || !separator_symbol(sep) || tried.contains(&sep) {
                return false;
            }
            tried.push(sep);
            let mut buf = [0u8; 4];
            let pattern = format!(" {} ", sep.encode_utf8(&mut buf));
            let items: Vec<&str> = line.split(&pattern).collect();
            // two items are enough between arrows or shapes (« Fil :
            // Éclairages ⟶ Handicap »): prose never sets them
            let min_items = if u32::from(sep) >= 0x2190 {
                2
            } else {
                MIN_ITEMS
            };
            items.len() >= min_items && items.iter().enumerate().all(|(k, i)| item(i, k == 0))
        })
    };
    line_spans(text)
        .filter(|&(a, b)| menu(&text[a..b]))
        .collect()
}

/// The id of the removals of [`label_lines`].
pub const LABEL_LINE: &str = "label-line";

/// The labels a page sets on lines of their own, whatever they say: a line
/// of at most `MAX_WORDS` words all in capitals (six letters at least:
/// « PROMOTION », « EN CONTINU »; an acronym heading such as « RGPD » is
/// shorter; not a sentence that lists acronyms, « JSON ; XML ; YAML. ») or
/// in small capitals (« ᴘᴜʙ »), one that ends on an arrow, a
/// shape or a dingbat (« Message commercial ▾ »), or a [`symbol_line`]. Not
/// the first line (a title may be set in capitals). In the headings and
/// paragraphs of the gold articles of the dev and nine held-out sets, none
/// reads so. Only in a text of `MIN_LINES` lines or more. The line spans to
/// remove.
fn label_lines(text: &str) -> Vec<(usize, usize)> {
    const MIN_LINES: usize = 3;
    const MAX_WORDS: usize = 6;
    const MIN_LETTERS: usize = 6;
    if filled_lines(text) < MIN_LINES {
        return Vec::new();
    }
    let label = |line: &str| {
        let line = line.trim();
        if crate::french::words(line).count() > MAX_WORDS {
            return false;
        }
        let letters = line.chars().filter(|c| c.is_alphabetic()).count();
        // a word of capitals and figures names a thing (« TLS-ALPN-01 »,
        // « HTTP-01 »: a heading of a technical text), a label never
        let identifier = line
            .split_whitespace()
            .any(|w| w.chars().any(|c| c.is_ascii_digit()) && w.chars().any(char::is_alphabetic));
        // acronyms listed in a sentence (« JSON ; XML ; YAML. »): text
        let listed = line.ends_with('.') || line.contains([';', ',']);
        let capitals = letters >= MIN_LETTERS
            && !line.chars().any(char::is_lowercase)
            && !identifier
            && !listed;
        // letters that imitate capitals (« ᴘᴜʙ »): Unicode writes small
        // capitals as lowercase letters, which no French word uses
        let small_capitals = letters >= 2
            && line
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(small_capital);
        let symbol_end = letters > 0
            && line
                .chars()
                .last()
                .is_some_and(|c| separator_symbol(c) && !matches!(c, '»' | '/' | '–' | '—'));
        capitals || small_capitals || symbol_end
    };
    line_spans(text)
        .filter(|&(a, b)| !text[a..b].trim().is_empty())
        .skip(1)
        .filter(|&(a, b)| label(&text[a..b]) || symbol_line(&text[a..b]))
        .collect()
}

/// Whether a line of at most `POINTER_WORDS` words that ends on no full stop
/// is set apart by symbols: it opens on an arrow, a dingbat or a shape (« ➤
/// Dans l’actu aussi : … », « ↗ 1,2 k partages — … »: a link, a counter, a
/// teaser), or on an emoji with a dash, a bar or an arrow between spaces
/// further on (« 💬 12 commentaires — Afficher les commentaires »; emoji-led
/// gold lines use a colon: « 🧮 Potentiel : … »), or it holds two
/// separators between spaces (« NEWSLETTER ▸ Tech | Recevoir → … »,
/// « Sélection ◇ … ◇ … »: any of [`separator_symbol`] but the dashes, the
/// slashes and the guillemet, which prose sets between spaces too), or a
/// short lead-in and an arrow or a shape before a capitalised title (« Sur ce
/// thème ▹ Double authentification … »).
fn symbol_line(line: &str) -> bool {
    let line = line.trim();
    if line.ends_with('.') || crate::french::words(line).count() > POINTER_WORDS {
        return false;
    }
    let Some(first) = line.chars().next() else {
        return false;
    };
    let pointer = ('\u{2190}'..='\u{27FF}').contains(&first)
        || ('\u{2900}'..='\u{297F}').contains(&first)
        || ('\u{2B00}'..='\u{2BFF}').contains(&first);
    let emoji =
        ('\u{1F000}'..='\u{1FAFF}').contains(&first) || ('\u{2600}'..='\u{26FF}').contains(&first);
    let dash = [" — ", " – ", " | ", " → "]
        .iter()
        .any(|d| line.contains(d));
    // the separators of `separator_symbol` that prose does not use between
    // spaces: not a dash, a slash nor a guillemet
    let chars: Vec<char> = line.chars().collect();
    let separators = chars
        .windows(3)
        .filter(|w| {
            w[0] == ' '
                && w[2] == ' '
                && separator_symbol(w[1])
                && !matches!(w[1], '–' | '—' | '/' | '∕' | '»' | '>' | '⁄')
        })
        .count();
    // a short lead-in, then an arrow or a shape before a capitalised title
    // (« Sur ce thème ▹ Double authentification : faut-il … ? »)
    let lead_in = chars.windows(3).position(|w| {
        w[0] == ' ' && w[2] == ' ' && u32::from(w[1]) >= 0x2190 && separator_symbol(w[1])
    });
    let teaser = lead_in.is_some_and(|k| {
        let lead: String = chars[..k].iter().collect();
        let rest: String = chars[k + 3..].iter().collect();
        (1..=LEAD_IN_WORDS).contains(&crate::french::words(&lead).count())
            && !lead.contains(['.', '!', '?', ':', ','])
            && crate::french::starts_upper(&lead)
            && crate::french::starts_upper(&rest)
    });
    pointer || emoji && dash || separators >= 2 || teaser
}

/// Most words before the arrow of a teaser line (see [`symbol_line`]).
const LEAD_IN_WORDS: usize = 4;

/// Whether `c` is a small capital letter (« ᴀ » to « ᴢ », « ʙ », « ɢ » …).
fn small_capital(c: char) -> bool {
    ('\u{1D00}'..='\u{1D22}').contains(&c)
        || matches!(
            c,
            'ʙ' | 'ɢ' | 'ʜ' | 'ɪ' | 'ʟ' | 'ɴ' | 'ʀ' | 'ʏ' | 'ꜰ' | 'ꜱ' | 'ꞯ'
        )
}

/// Most words of a [`symbol_line`].
const POINTER_WORDS: usize = 30;

/// The id of the removals of [`date_lines`].
pub const DATE_LINE: &str = "date-line";

/// The byline lines at the top of a line scrape whatever their words: before
/// its first line of prose, a line of at most `MAX_WORDS` words that gives a
/// date (« 13 août 2021 », « février 2020 », « 10/02/2020 », « 2021/12/19 »,
/// « 2024-03-03T11:49 », « il y a 5 heures ») and,
/// beside it, a time (« 18h50 », « 20 h 33 »), a separator (· • | — – ⇢) or, first, a word of
/// bylines (« Par », « Signé », « Publié », « Mis en ligne » …), that opens
/// on a capital or a figure (not a Markdown heading nor a front-matter key),
/// that ends no sentence (« Ce contenu a été mis à jour le 24 juin 2020. »
/// is the article's). No title, heading or line of the 64 gold
/// articles reads so (one line is a date alone: « 5 juin 2023 »). Only in a
/// text of three lines or more. The line spans to remove.
fn date_lines(text: &str) -> Vec<(usize, usize)> {
    const MIN_LINES: usize = 3;
    const MAX_WORDS: usize = 20;
    static DATE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    if filled_lines(text) < MIN_LINES {
        return Vec::new();
    }
    let words = |s: &str| crate::french::words(s).count();
    // a byline opens on its word (« Le plan mis à jour le 3 mai 2024 » is a
    // title)
    let byline_word = |line: &str| {
        let lower = line.to_lowercase();
        [
            "par ",
            "signé",
            "publié",
            "mis en ligne",
            "mise en ligne",
            "mis à jour",
            "mise à jour",
            "modifié",
            "actualisé",
            "dernière modification",
        ]
        .iter()
        .any(|w| lower.starts_with(w))
    };
    // the lines before the first line of prose (a byline that ends on a
    // parenthesis is none: « Publié par … le 3 mars (mis à jour … plus tard) »)
    let top: Vec<(usize, usize)> = line_spans(text)
        .take_while(|&(a, b)| {
            let line = text[a..b].trim();
            !prose_line(line) || byline_word(line) && line.ends_with(')')
        })
        .filter(|&(a, b)| !text[a..b].trim().is_empty())
        .collect();
    // a year or a numeric date, before the pattern is compiled
    let figures = |s: &str| {
        s.as_bytes()
            .windows(4)
            .any(|w| w.iter().all(u8::is_ascii_digit))
            || s.contains('/')
            || s.contains("il y a ")
            || s.contains("di ")
            || s.contains(':')
    };
    if !top.iter().any(|&(a, b)| figures(&text[a..b])) {
        return Vec::new();
    }
    let Some(date) = DATE
        .get_or_init(|| {
            regex::Regex::new(
                r"(?i)\b(?:[0-9]{1,2}(?:er)? )?(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|janv\.?|févr\.?|avr\.?|juil\.?|sept\.?|oct\.?|nov\.?|déc\.?) [0-9]{4}\b|\b[0-9]{1,2}(?:er)? (?:janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc)\.? [0-9]{2}\b|\b[0-9]{1,2}[/.-][0-9]{1,2}[/.-](?:[0-9]{4}|[0-9]{2})\b|\b[0-9]{4}[/.-][0-9]{2}[/.-][0-9]{2}(?:\b|T[0-9])|\bil y a [0-9]+ (?:min(?:ute)?s?|h|heures?|jours?|semaines?)\b|\b(?:lun|mar|mercre|jeu|vendre|same)di [0-9]{1,2}(?:er)? (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)$|\bdimanche [0-9]{1,2}(?:er)? (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)$",
            )
            .ok()
        })
        .as_ref()
    else {
        return Vec::new();
    };
    // « 18h50 », « 18:50 », « 20 h 33 »
    let time = |s: &str| {
        let b = s.as_bytes();
        (1..b.len()).any(|k| {
            let before = if b[k - 1] == b' ' {
                k.checked_sub(2)
            } else {
                Some(k - 1)
            };
            let after = if b.get(k + 1) == Some(&b' ') {
                k + 2
            } else {
                k + 1
            };
            matches!(b[k], b'h' | b'H' | b':')
                && before.is_some_and(|i| b[i].is_ascii_digit())
                && b.get(after).is_some_and(u8::is_ascii_digit)
                && b.get(after + 1).is_some_and(u8::is_ascii_digit)
        })
    };
    let first = top.first().map(|&(a, _)| a);
    top.into_iter()
        .filter(|&(a, b)| {
            let line = text[a..b].trim();
            let Some(m) = date.find(line) else {
                return false;
            };
            let rest = format!("{} {}", &line[..m.start()], &line[m.end()..]);
            // a day of the week and a date without its year that end a line
            // below the first (« Léa Roux (à Metz) le mardi 15 août »): the
            // first line may be a title that gives its day
            let weekday_end = m.end() == line.len()
                && [
                    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
                ]
                .iter()
                .any(|d| line[m.start()..].to_lowercase().starts_with(d))
                && Some(a) != first;
            words(line) <= MAX_WORDS
                && line
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                && !line.ends_with(['.', '?', '!', '…'])
                && (time(&rest)
                    || rest.contains(['·', '•', '|', '—', '–', '⇢'])
                    || rest.contains(" - ")
                    || byline_word(line)
                    || weekday_end)
        })
        .collect()
}

/// The id of the removals of [`related_titles`].
pub const RELATED_TITLES: &str = "related-titles";

/// The related-article titles at the end of a line-preserving scrape, under a
/// header no rule knows (« Nos coups de cœur », then three titles): after the
/// article's last paragraph of prose (a line of `PROSE_WORDS` words or more
/// that ends a sentence other than a question), a run of lines in a row, each of at most
/// `TITLE_WORDS` words (`QUESTION_TITLE_WORDS` for a question), opening on a capital and ending on neither a full
/// stop nor a colon or comma (a teaser may exclaim), from a header (at most
/// `HEADER_WORDS` words, without a question mark, a comma or a figure) and
/// `MIN_RUN` lines at least with it; or such a block that ends at most
/// `MAX_LINES_AFTER` lines before the end of the text, whatever those lines
/// are. A heading heads prose; nothing follows these. The line spans to
/// remove.
fn related_titles(text: &str) -> Vec<(usize, usize)> {
    const MIN_LINES: usize = 8;
    const MIN_RUN: usize = 3;
    const TITLE_WORDS: usize = 14;
    const QUESTION_TITLE_WORDS: usize = 20;
    const HEADER_WORDS: usize = 8;
    const MAX_LINES_AFTER: usize = 3;
    const MIN_QUESTION_HEADER_WORDS: usize = 3;
    // without a header, a block of this many titles at least, each of
    // `MIN_BARE_TITLE_WORDS` words or more, ends the page
    const MIN_BARE_RUN: usize = 3;
    const MIN_BARE_TITLE_WORDS: usize = 4;
    // the non-empty lines and their spans
    let lines: Vec<(usize, usize)> = line_spans(text)
        .filter(|&(a, b)| !text[a..b].trim().is_empty())
        .collect();
    if lines.len() < MIN_LINES {
        return Vec::new();
    }
    let line = |k: usize| text[lines[k].0..lines[k].1].trim();
    let words = |s: &str| crate::french::words(s).count();
    let Some(last_prose) = (0..lines.len()).rev().find(|&k| prose_line(line(k))) else {
        return Vec::new();
    };
    // (a longer title asks a question: a line that long without a question
    // mark reads as the last line of the article, which lost its full stop)
    let title = |s: &str| {
        (words(s) <= TITLE_WORDS || words(s) <= QUESTION_TITLE_WORDS && s.ends_with('?'))
            && !s.ends_with(['.', ':', ',', ';'])
            && s.trim_start_matches(|c: char| matches!(c, '«' | '"' | '“') || c.is_whitespace())
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    // the block opens on its header: a few words, no figure, no comma, no
    // question but one of four words or more that speaks to no one (not the
    // author's closing « Et vous ? », « Vous vous demandez quelle est votre
    // empreinte ? » or a signature before it; « Encore un peu de lecture ? »)
    let header = |s: &str| {
        let asks = s.contains('?');
        words(s) <= HEADER_WORDS
            && !s.contains(',')
            && !s.ends_with('.')
            && (!asks
                || words(s) >= MIN_QUESTION_HEADER_WORDS
                    && !crate::french::words(s).any(|w| {
                        matches!(
                            w.to_lowercase().as_str(),
                            "je" | "tu" | "il" | "elle" | "on" | "nous" | "vous" | "ils" | "elles"
                        )
                    }))
            && !s.chars().any(|c| c.is_ascii_digit())
    };
    let mut spans = Vec::new();
    // a block may also end a few lines before the end of the page, above
    // furniture no rule took that reads as prose (« Forum des lecteurs 31
    // contributions … Connectez votre compte lecteur pour prendre la
    // parole. »): no gold article ends so
    let mut k = 0;
    while k < lines.len() {
        let run_end = (k..lines.len())
            .find(|&j| !title(line(j)))
            .unwrap_or(lines.len());
        if let Some(h) = (k..run_end).find(|&j| header(line(j))) {
            let at_end = h > last_prose || lines.len() - run_end <= MAX_LINES_AFTER;
            // not the items of a list a line announces (« … les questions
            // que je garde dans un coin : » / « Comment interviewer un
            // junior ? » / …)
            let announced = h > 0 && line(h - 1).ends_with(':');
            if run_end - h >= MIN_RUN && at_end && !announced {
                spans.push((lines[h].0, lines[run_end - 1].1));
            }
        } else if k > last_prose
            && run_end == lines.len()
            && run_end - k >= MIN_BARE_RUN
            && !line(k - 1).ends_with(':')
            && (k..run_end).all(|j| words(line(j)) >= MIN_BARE_TITLE_WORDS)
        {
            // titles without a header, after the last line of prose, to the
            // end of the page; not the items of a list a line announces
            spans.push((lines[k].0, lines[run_end - 1].1));
        }
        k = run_end + 1;
    }
    spans
}

/// The text being cleaned, with a map from its byte offsets to the original's.
struct Doc<'a> {
    text: String,
    /// (offset in `text`, offset in the original) at the start of each piece;
    /// sorted, first entry (0, 0).
    map: Vec<(usize, usize)>,
    /// Offsets in `text` of the placeholders of earlier removals.
    holes: Vec<usize>,
    removals: Vec<Removal>,
    /// `text.to_lowercase()`.
    lower: String,
    /// The rules' `needs` words, when the cleaner has them indexed.
    index: Option<&'a NeedsIndex>,
    /// Which of them `lower` holds (see [`Doc::holds`]): all found in one
    /// pass on the first question; after a removal, a word found before is
    /// looked for again when asked, and so is a word missing before that a
    /// removal could bring (see [`stays_missing`]).
    present: std::cell::RefCell<Option<Vec<Presence>>>,
    /// Whether lowercasing keeps every character's length (and so its
    /// offsets): then a removal is made in `lower` as in `text`, instead of
    /// lowercasing the whole text again.
    lower_mirrors: bool,
}

/// Whether `text.to_lowercase()` is the text's characters each lowercased
/// into one character of the same length: no final-sigma rule (`Σ`), no
/// `İ` (two characters lowercased), no Kelvin sign (shorter lowercased).
fn lowercase_keeps_offsets(text: &str, lower: &str) -> bool {
    text.is_ascii() || (lower.len() == text.len() && text.chars().all(|c| {
        // (an ASCII character lowercases to one ASCII character)
        c.is_ascii() || {
            let mut l = c.to_lowercase();
            c != 'Σ'
                && matches!((l.next(), l.next()), (Some(x), None) if x.len_utf8() == c.len_utf8())
        }
    }))
}

impl Doc<'_> {
    fn new(text: &str) -> Doc<'static> {
        let lower = text.to_lowercase();
        Doc {
            text: text.to_string(),
            map: vec![(0, 0)],
            holes: Vec::new(),
            removals: Vec::new(),
            lower_mirrors: lowercase_keeps_offsets(text, &lower),
            lower,
            index: None,
            present: Default::default(),
        }
    }

    /// Whether the lowercased text holds `need` (a rule's lowercase word).
    fn holds(&self, need: &str) -> bool {
        if let Some((index, &id)) = self.index.and_then(|ix| Some((ix, ix.ids.get(need)?))) {
            let mut present = self.present.borrow_mut();
            let slot = &mut present.get_or_insert_with(|| index.present(&self.lower))[id];
            if *slot == Presence::Unknown {
                *slot = if crate::prefilter::contains(&self.lower, need) {
                    Presence::Yes
                } else {
                    Presence::No
                };
            }
            return *slot == Presence::Yes;
        }
        crate::prefilter::contains(&self.lower, need)
    }

    fn to_original(&self, pos: usize) -> usize {
        let i = self.map.partition_point(|&(cur, _)| cur <= pos);
        let (cur, orig) = self.map[i.saturating_sub(1)];
        orig + (pos - cur)
    }

    /// Remove sorted, non-overlapping spans, each replaced by a placeholder.
    fn remove(&mut self, spans: &[(usize, usize)], rule: &str) {
        let spans: Vec<(usize, usize)> = spans
            .iter()
            .filter_map(|&(s, e)| {
                let piece = self.text.get(s..e)?;
                let lead = piece.len() - piece.trim_start().len();
                let trail = piece.len() - piece.trim_end().len();
                (lead + trail < piece.len()).then_some((s + lead, e - trail))
            })
            .collect();
        if spans.is_empty() {
            return;
        }
        let mut text = String::with_capacity(self.text.len());
        // the lowercased text, when it mirrors the text
        let mut lower = String::with_capacity(if self.lower_mirrors {
            self.lower.len()
        } else {
            0
        });
        let mut map = Vec::with_capacity(self.map.len() + 2 * spans.len());
        let mut holes = Vec::with_capacity(self.holes.len() + spans.len());
        let mut old_holes = self.holes.iter().peekable();
        let mut last = 0;
        for &(s, e) in &spans {
            let placeholder = self.placeholder(s, e);
            // inside a line the placeholder is the only space left between
            // the words around the span (« transport  Réduire » would keep
            // the spaces on both sides of it)
            let (keep_to, resume) = if placeholder == ' ' {
                let before = self.text[last..s].trim_end_matches([' ', '\t']).len();
                let after =
                    self.text[e..].len() - self.text[e..].trim_start_matches([' ', '\t']).len();
                (last + before, e + after)
            } else {
                (s, e)
            };
            let base = text.len();
            while let Some(&&h) = old_holes.peek() {
                if h >= s {
                    break;
                }
                if h >= last {
                    holes.push(base + h - last);
                }
                old_holes.next();
            }
            self.keep_range(last, keep_to, &mut text, &mut map);
            holes.push(text.len());
            let orig = self.to_original(s);
            map.push((text.len(), orig));
            text.push(placeholder);
            if self.lower_mirrors {
                lower.push_str(self.lower.get(last..keep_to).unwrap_or_default());
                lower.push(placeholder);
            }
            self.removals.push(Removal {
                rule: rule.to_string(),
                text: self.text[s..e].to_string(),
                offset: orig,
            });
            last = resume;
        }
        let base = text.len();
        holes.extend(old_holes.filter(|&&h| h >= last).map(|&h| base + h - last));
        self.keep_range(last, self.text.len(), &mut text, &mut map);
        if map.first().map(|m| m.0) != Some(0) {
            map.insert(0, (0, 0));
        }
        if self.lower_mirrors {
            lower.push_str(&self.lower[last..]);
        } else {
            lower = text.to_lowercase();
        }
        debug_assert_eq!(lower, text.to_lowercase());
        self.lower = lower;
        self.text = text;
        self.map = map;
        self.holes = holes;
        if let (Some(present), Some(index)) = (self.present.get_mut(), self.index) {
            for (word, &id) in &index.ids {
                if present[id] == Presence::Yes || !stays_missing(word) {
                    present[id] = Presence::Unknown;
                }
            }
        }
    }

    /// What replaces the span `s..e`: a line break when the span touches one
    /// (or an end of the text), so that line structure survives; a space
    /// inside a line, so that no line break is invented in running text.
    fn placeholder(&self, s: usize, e: usize) -> char {
        let before = self.text[..s].trim_end_matches([' ', '\t', '\u{a0}']);
        let after = self.text[e..].trim_start_matches([' ', '\t', '\u{a0}']);
        if before.is_empty()
            || after.is_empty()
            || before.ends_with('\n')
            || after.starts_with('\n')
        {
            '\n'
        } else {
            ' '
        }
    }

    /// Copy `self.text[a..b]` to `out`, carrying the offset map along.
    fn keep_range(&self, a: usize, b: usize, out: &mut String, map: &mut Vec<(usize, usize)>) {
        if a >= b {
            return;
        }
        let base = out.len();
        let first = self
            .map
            .partition_point(|&(cur, _)| cur <= a)
            .saturating_sub(1);
        for &(cur, orig) in &self.map[first..] {
            if cur >= b {
                break;
            }
            let from = cur.max(a);
            map.push((base + (from - a), orig + (from - cur)));
        }
        out.push_str(&self.text[a..b]);
    }
}

/// The byte offset where the first `n` characters of `text` end.
fn head_end(text: &str, n: usize) -> usize {
    text.char_indices().nth(n).map_or(text.len(), |(i, _)| i)
}

/// The byte offset where the last `n` characters of `text` start.
fn tail_start(text: &str, n: usize) -> usize {
    text.char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

impl Rule {
    /// The part of `text` the rule reads: its last `tail_chars` characters,
    /// its first `head_chars`, or all of it.
    fn region(&self, text: &str) -> std::ops::Range<usize> {
        match (self.tail_chars, self.head_chars) {
            (Some(n), _) => tail_start(text, n)..text.len(),
            (None, Some(n)) => 0..head_end(text, n),
            (None, None) => 0..text.len(),
        }
    }

    /// Whether the text (lowercased) holds one of the rule's `needs`.
    fn has_needs(&self, doc: &Doc) -> bool {
        if self.tail_chars.is_some() || self.head_chars.is_some() {
            let lower = &doc.lower[self.region(&doc.lower)];
            return self.needs.is_empty()
                || self
                    .needs
                    .iter()
                    .any(|w| crate::prefilter::contains(lower, w));
        }
        self.needs.is_empty() || self.needs.iter().any(|w| doc.holds(w))
    }

    /// Whether the text holds one of the rule's `needs`, and the literal
    /// pieces without which its pattern cannot match (when it does not, the
    /// pattern is not compiled).
    fn applies(&self, doc: &Doc) -> bool {
        let text = &doc.text[self.region(&doc.text)];
        let lower = &doc.lower[self.region(&doc.lower)];
        self.has_needs(doc) && self.pattern.may_match(text, lower)
    }

    /// Compile the pattern now; an error names the file and the rule.
    pub fn compile(&self) -> Result<()> {
        self.pattern.regex.check()
    }

    /// The spans this rule removes from `text`, sorted and non-overlapping.
    /// `holes` are the placeholders of earlier removals: a title never runs
    /// across one. `common`: whether the text is one of common characters,
    /// or was before removals (see [`crate::rules::is_common_text`]).
    fn spans(
        &self,
        text: &str,
        holes: &[usize],
        common: bool,
        foreign: Option<&Foreign>,
    ) -> Vec<(usize, usize)> {
        let mut spans: Vec<(usize, usize)> = Vec::new();
        // a pattern that does not compile removes nothing (the embedded ones
        // all compile: the test suite runs their examples)
        let Some(regex) = self.pattern.regex_for(common) else {
            return spans;
        };
        // a tail or head rule searches that part of the text only (offsets
        // stay the whole text's)
        let region = self.region(text);
        if !regex.is_match_in(text, region.clone()) {
            return spans;
        }
        // the capture groups named `junk…`: the first that takes part in a
        // match is what is removed (the whole match when there is none)
        let junk_groups: Vec<usize> = regex
            .capture_names()
            .enumerate()
            .filter(|(_, n)| n.is_some_and(|n| n.starts_with("junk")))
            .map(|(i, _)| i)
            .collect();
        if let Some(max) = self.max_chars {
            // the matches found first (by the fast engines), the capture
            // groups of those short enough only, each found again from the
            // start of its match
            let short = regex
                .find_iter_in(text, region.clone())
                .filter(|m| m.as_str().chars().nth(max).is_none());
            for m in short {
                if junk_groups.is_empty() {
                    spans.push((m.start(), m.end()));
                    continue;
                }
                let Some(caps) = regex.captures_at(text, m.start()) else {
                    continue;
                };
                let g = junk_groups.iter().find_map(|&g| caps.get(g));
                if let Some(g) = g.or_else(|| caps.get(0)) {
                    spans.push((g.start(), g.end()));
                }
            }
        } else if junk_groups.is_empty() {
            spans.extend(
                regex
                    .find_iter_in(text, region.clone())
                    .map(|m| (m.start(), m.end())),
            );
        } else {
            for caps in regex.captures_iter_in(text, region.clone()) {
                let m = junk_groups.iter().find_map(|&g| caps.get(g));
                if let Some(m) = m.or_else(|| caps.get(0)) {
                    spans.push((m.start(), m.end()));
                }
            }
        }
        if !self.unless_followed_by.is_empty() {
            spans.retain(|&(s, _)| !self.followed_by_exception(text, s));
        }
        if let Some(then) = self.then_title {
            for span in &mut spans {
                let i = holes.partition_point(|&h| h < span.1);
                let limit = holes.get(i).copied().unwrap_or(text.len());
                span.1 = extend_title(
                    &text[..limit],
                    span.1,
                    then.max_chars,
                    then.sentence_case,
                    &self.starters,
                );
            }
        }
        if let Some(then) = self.then_lines {
            for span in &mut spans {
                span.1 = extend_lines(text, span.1, then, foreign);
            }
        }
        // Extended spans may now overlap: merge them.
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
        for (s, e) in spans {
            match merged.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        merged
    }
}

impl Rule {
    /// Whether the text from `start` to the end of its sentence or line,
    /// within `UNLESS_CHARS` characters, holds one of `unless_followed_by`
    /// (« Illustration : On Belay par J. Jensen sous licence CC BY 2.0 »: a
    /// credit naming a licence is the attribution that licence requires).
    fn followed_by_exception(&self, text: &str, start: usize) -> bool {
        let rest = &text[start..];
        let mut end = rest.len();
        for (n, (p, c)) in rest.char_indices().enumerate() {
            let sentence_end = matches!(c, '.' | '!' | '?')
                && rest[p + 1..].starts_with(|n: char| n.is_whitespace());
            if n >= UNLESS_CHARS || c == '\n' || sentence_end {
                end = p;
                break;
            }
        }
        let lower = rest[..end].to_lowercase();
        self.unless_followed_by
            .iter()
            .any(|w| lower.contains(w.as_str()))
    }
}

/// How far after a match `unless_followed_by` looks, in characters.
const UNLESS_CHARS: usize = 120;

/// Extend a removal ending at `end` over the title that follows on its line.
fn extend_title(
    text: &str,
    end: usize,
    max_chars: usize,
    sentence_case: bool,
    starters: &HashSet<String>,
) -> usize {
    let rest = &text[end..];
    let mut prev: Option<char> = None; // last non-space character seen
    let mut after_space = false;
    // titles are in sentence case: after a few words, a capitalised word that
    // follows a lowercase one ("… du terrain Claire Benali a présenté") starts
    // the article's own sentence
    let mut words = 0usize;
    let mut prev_word_lower = false;
    // the word before is a preposition or an article: a capital after it is a
    // name inside the title ("… la rue de Strasbourg fermée …")
    let mut prev_word_joins = false;
    for (n, (i, c)) in rest.char_indices().enumerate() {
        if n > max_chars {
            return end;
        }
        if c == '\n' {
            return if prev.is_some() { end + i } else { end };
        }
        if c.is_whitespace() {
            after_space = true;
            continue;
        }
        if after_space && prev.is_some_and(|p| p.is_alphanumeric() || matches!(p, ')' | '»' | '”'))
        {
            let bare: String = rest[i..]
                .chars()
                .take_while(|&c| c.is_alphabetic())
                .collect();
            let key = if rest[i + bare.len()..].starts_with(['’', '\'']) {
                format!("{bare}’")
            } else {
                bare
            };
            // a title's first word is not yet the end of it ("À Nantes, la rue …")
            if starters.contains(&key)
                || (words >= 2 && !prev_word_joins && starts_sentence(&rest[i..]))
            {
                return end + i;
            }
            let word = &rest[i..];
            let capital_name = c.is_uppercase()
                && !word[c.len_utf8()..].starts_with(['’', '\''])
                && word
                    .chars()
                    .take_while(|ch| ch.is_alphabetic())
                    .skip(1)
                    .any(char::is_lowercase);
            if sentence_case && capital_name && prev_word_lower && !prev_word_joins && words >= 4 {
                return end + i;
            }
        }
        if after_space || words == 0 {
            words += 1;
            prev_word_lower = c.is_lowercase();
            let w: String = rest[i..]
                .chars()
                .take_while(|ch| ch.is_alphabetic())
                .collect();
            prev_word_joins =
                crate::french::is_preposition(&w) || matches!(w.as_str(), "la" | "le" | "les");
        }
        after_space = false;
        if matches!(c, '?' | '!' | '…' | '.') {
            let after = &rest[i + c.len_utf8()..];
            let next = after.chars().next();
            if next.is_none_or(char::is_whitespace) && prev.is_some() {
                // the closing mark of a quoted title goes with it (« … pause-café ? »)
                let quoted = after
                    .trim_start_matches([' ', '\u{a0}', '\u{202f}'])
                    .strip_prefix(['»', '”'])
                    .filter(|_| rest[..i].contains(['«', '“']));
                return match quoted {
                    Some(q) => end + rest.len() - q.len(),
                    None => end + i + c.len_utf8(),
                };
            }
        }
        prev = Some(c);
    }
    if prev.is_some() {
        text.len()
    } else {
        end
    }
}

/// Whether `s` starts like a French sentence rather than a word of a title: an
/// opening quote, or a capitalised word ("Prendre", not "SNCF") followed by a
/// lower-case one (a proper name is usually followed by another capital).
fn starts_sentence(s: &str) -> bool {
    let mut chars = s.chars();
    let (Some(c0), Some(c1)) = (chars.next(), chars.next()) else {
        return false;
    };
    if matches!(c0, '“' | '«' | '"') {
        return true;
    }
    if c0.is_uppercase() && matches!(c1, '’' | '\'') {
        return true; // "N’attendez", "L’État"
    }
    let word_len = s
        .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '·'))
        .unwrap_or(s.len());
    // "Prendre", "F-Droid", but not "SNCF" (an acronym is no sentence start)
    if !c0.is_uppercase() || !s[..word_len].chars().any(char::is_lowercase) {
        return false;
    }
    let after = &s[word_len..];
    if after.starts_with(['’', '\'']) {
        return true; // "Qu’il", "Aujourd’hui"
    }
    if after.starts_with(',') {
        return true; // "Ici, on a…"
    }
    let next = after.trim_start_matches([' ', '\u{a0}']);
    if next.starts_with(':') {
        return true; // "Adolescents : 119", a label of the article
    }
    next.len() < after.len() && next.chars().next().is_some_and(char::is_lowercase)
}

/// Extend a removal ending at `end` over the short lines that follow it. When
/// the block is followed by a long line (the article goes on), its last short
/// line is given back: it is more likely a subheading than a related title.
/// A line in another language (`foreign`: "Click here to read the full
/// story.") is no article going on.
fn extend_lines(text: &str, end: usize, then: ThenLines, foreign: Option<&Foreign>) -> usize {
    let rest = &text[end..];
    // Only when the match ends its line.
    let line_end = rest.find('\n').unwrap_or(rest.len());
    if !rest[..line_end].trim().is_empty() {
        return end;
    }
    let mut pos = end + line_end;
    let mut taken: Vec<usize> = Vec::new(); // end offsets of the taken lines
    let mut stopped_by_text = false;
    while pos < text.len() {
        let from = pos + 1; // after the '\n'
        let line_len = text[from..].find('\n').unwrap_or(text.len() - from);
        let line = text[from..from + line_len].trim();
        let next = from + line_len;
        if line.is_empty() {
            pos = next;
            continue;
        }
        let short = line.chars().count() <= then.max_chars;
        let sentence_end = line.ends_with('.') && !line.ends_with("...");
        if taken.len() >= then.max_lines {
            break;
        }
        if !short || sentence_end {
            stopped_by_text = !foreign.is_some_and(|f| f.is_foreign(line, f.min_words));
            break;
        }
        taken.push(next);
        pos = next;
    }
    if stopped_by_text {
        taken.pop();
    }
    taken.last().copied().unwrap_or(end)
}

impl Foreign {
    /// The chunks of `text` dominated by foreign function words.
    fn spans(&self, text: &str, holes: &[usize]) -> Vec<(usize, usize)> {
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let all = chunks(text);
        for (k, &(s, e)) in all.iter().enumerate() {
            // right after a fragment, on its line, a short sentence of the
            // same language goes with it (« Sorry, we couldn’t load this
            // video. Please try again later. »)
            let follows = spans
                .last()
                .is_some_and(|last| text[last.1..s].trim_matches([' ', '\t']).is_empty());
            let foreign = self.is_foreign(&text[s..e], if follows { 1 } else { self.min_words });
            // (a stray's lead-in is the French text's: « … : The AI Risk
            // Repository. Source text: … »)
            let stray = !foreign && !follows && self.stray(text, &all, k, holes);
            if foreign || stray {
                // a foreign title ending on a colon, French text after it on
                // its line, is the label of that text (« How the Internet
                // Works : Une vidéo de cinq minutes … »), not junk
                if !follows && self.labels_native_text(text, &all, k) {
                    continue;
                }
                // a short foreign sentence right before it on its line goes
                // with it (« You’re offline. Some content may not load. »)
                let s = match k.checked_sub(1).map(|j| all[j]) {
                    Some((ps, pe))
                        if !follows
                            && !stray
                            && text[pe..s].trim_matches([' ', '\t']).is_empty()
                            && !text[ps..pe].contains('\n')
                            && self.foreign_lead_in(&text[ps..pe]) =>
                    {
                        ps
                    }
                    _ => s,
                };
                match spans.last_mut() {
                    Some(last) if text[last.1..s].trim().is_empty() => last.1 = e,
                    _ => spans.push((s, e)),
                }
            } else if let Some(p) = self.foreign_tail(&text[s..e]) {
                spans.push((s + p, e));
            }
        }
        spans
    }

    /// Whether chunk `k` of `text` ends on a colon and the chunk after it,
    /// on the same line, is not foreign.
    fn labels_native_text(&self, text: &str, chunks: &[(usize, usize)], k: usize) -> bool {
        let (s, e) = chunks[k];
        if !text[s..e].trim_end_matches([' ', '\t']).ends_with(':') {
            return false;
        }
        chunks.get(k + 1).is_some_and(|&(ns, ne)| {
            let next = &text[ns..ne];
            next.trim_start_matches([' ', '\t'])
                .chars()
                .next()
                .is_some_and(char::is_alphabetic)
                && !self.is_foreign(next, 1)
        })
    }

    /// Where a whole foreign sentence glued after French words without a
    /// full stop starts in a chunk (« … les liens sur le Web The week in
    /// politics, in your inbox every Sunday. »): from a capital after a
    /// space, at least `TAIL_WORDS` words up to the chunk's final stop, with
    /// no native word and `TAIL_FOREIGN` foreign ones. Shorter English in a
    /// French sentence (a slogan, a title) stays.
    fn foreign_tail(&self, chunk: &str) -> Option<usize> {
        const TAIL_WORDS: usize = 8;
        const TAIL_FOREIGN: usize = 4;
        const TAIL_BYTES: usize = 600;
        let trimmed = chunk.trim_end();
        if !trimmed.ends_with(['.', '!', '?']) || chunk.contains(['«', '»', '“', '”', '"']) {
            return None;
        }
        let counts = |part: &str| {
            let mut lw = String::new();
            let (mut words, mut foreign, mut native) = (0usize, 0usize, 0usize);
            for w in part
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .filter(|w| !w.is_empty())
            {
                words += 1;
                lw.clear();
                lw.extend(w.chars().flat_map(char::to_lowercase));
                if self.foreign_words.contains(lw.as_str()) {
                    foreign += 1;
                } else if self.native_words.contains(lw.as_str()) {
                    native += 1;
                }
            }
            (words, foreign, native)
        };
        if counts(chunk).1 < TAIL_FOREIGN {
            return None;
        }
        // the first capital from which the rest reads as foreign, or a later
        // one that opens on a foreign function word (« … le Web The week »:
        // « Web » is the French sentence's)
        let mut found: Option<usize> = None;
        let mut prev = ' ';
        // a glued sentence is short: its start is looked for in the last
        // `TAIL_BYTES` bytes only, so that a long chunk costs one pass
        let from = chunk.len().saturating_sub(TAIL_BYTES);
        for (p, c) in chunk.char_indices() {
            if p < from {
                prev = c;
                continue;
            }
            if p > 0 && prev == ' ' && c.is_uppercase() {
                let (words, foreign, native) = counts(&chunk[p..]);
                if words < TAIL_WORDS {
                    break;
                }
                if native == 0 && foreign >= TAIL_FOREIGN {
                    let first: String = chunk[p..]
                        .split(|c: char| !c.is_alphanumeric() && c != '-')
                        .next()
                        .unwrap_or_default()
                        .to_lowercase();
                    if self.foreign_words.contains(first.as_str()) {
                        found = Some(p);
                        break;
                    }
                    found.get_or_insert(p);
                }
            }
            prev = c;
        }
        // French words before it
        found.filter(|&p| counts(&chunk[..p]).2 > 0)
    }

    /// Whether chunk `k` is a short stray fragment: a few foreign words
    /// (`STRAY_MAX_WORDS` at most, all but one of them foreign, none
    /// French) glued after a French sentence on its line, with nothing but
    /// foreign words, a removal or the line's end after it (« … par les
    /// autres. Show more articles », « Inconvénients : Connection lost.
    /// Retrying… »). A chunk alone on its line may be an author's title in
    /// English (« Learning curve »): it stays.
    fn stray(&self, text: &str, all: &[(usize, usize)], k: usize, holes: &[usize]) -> bool {
        const STRAY_MAX_WORDS: usize = 6;
        const STRAY_LOOK_BACK: usize = 200;
        let (s, e) = all[k];
        // (a sentence of prose is longer: most chunks stop here)
        if text[s..e]
            .split_whitespace()
            .nth(STRAY_MAX_WORDS + 1)
            .is_some()
        {
            return false;
        }
        let (words, foreign, native) = self.word_counts(&text[s..e]);
        // (all but one of two or three words; half of four to six, three
        // at least: « Source text: publisher’s website (open licence) »)
        let enough = if words <= 3 {
            foreign >= 2 && foreign + 1 >= words
        } else {
            foreign >= 3 && 2 * foreign >= words
        };
        if !(2..=STRAY_MAX_WORDS).contains(&words)
            || native > 0
            || !enough
            || quoted_speech(&text[s..e])
        {
            return false;
        }
        // after a French sentence: the words before it on its line (the
        // last `STRAY_LOOK_BACK` bytes) hold a French word (« Cookie notice:
        // this site … only. Got it » is one foreign line, for the line rules
        // to judge whole)
        let mut from = s.saturating_sub(STRAY_LOOK_BACK);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let from = text[from..s].rfind('\n').map_or(from, |p| from + p + 1);
        let before = text[from..s].trim_end();
        let after_sentence = before.ends_with(['.', '!', '?', '…']);
        if !(after_sentence || before.ends_with(':')) || self.word_counts(before).2 == 0 {
            return false;
        }
        // what follows on the line: foreign words only, up to the line's
        // end, the text's end or the place of a removal; after a colon (a
        // label, « React : Learn once, run everywhere »), the text's end or
        // a removal only (« Inconvénients : Connection lost. », where a
        // cut-short text meets the junk appended to it)
        let ends_at = |end: usize| -> Option<bool> {
            let trimmed = text[..end].trim_end().len();
            let hole = holes
                .get(holes.partition_point(|&h| h < trimmed))
                .is_some_and(|&h| text[trimmed..h].trim().is_empty());
            let rest_empty = text[end..].trim().is_empty();
            if hole || rest_empty {
                Some(true)
            } else if text[trimmed..end].contains('\n') {
                Some(after_sentence)
            } else {
                None
            }
        };
        if let Some(done) = ends_at(e) {
            return done;
        }
        for &(ns, ne) in &all[k + 1..] {
            let (w, f, n) = self.word_counts(&text[ns..ne]);
            if n > 0 || f < w {
                return false;
            }
            if let Some(done) = ends_at(ne) {
                return done;
            }
        }
        true
    }

    /// Words, foreign words and French function words of a chunk (for the
    /// strays and the lead-ins of fragments); the « s » of an English
    /// possessive (« Editor’s ») is no word, not the French « s’ ».
    fn word_counts(&self, chunk: &str) -> (usize, usize, usize) {
        let (mut words, mut foreign, mut native) = (0usize, 0usize, 0usize);
        let mut lw = String::new();
        let mut start: Option<usize> = None;
        let is_word = |c: char| c.is_alphanumeric() || c == '-';
        for (p, c) in chunk
            .char_indices()
            .chain(std::iter::once((chunk.len(), ' ')))
        {
            if is_word(c) {
                start.get_or_insert(p);
                continue;
            }
            let Some(b) = start.take() else { continue };
            let w = &chunk[b..p];
            if w.eq_ignore_ascii_case("s")
                && chunk[..b].ends_with(['’', '\''])
                && chunk[..b]
                    .trim_end_matches(['’', '\''])
                    .ends_with(char::is_alphabetic)
            {
                continue;
            }
            lw.clear();
            lw.extend(w.chars().flat_map(char::to_lowercase));
            words += 1;
            if self.native_words.contains(lw.as_str()) {
                native += 1;
            } else if self.is_foreign_word(&lw) {
                foreign += 1;
            }
        }
        (words, foreign, native)
    }

    /// Whether a lowercase word is a foreign function word, a word of the
    /// foreign vocabulary, or ends on a foreign ending (`foreign_suffixes`,
    /// long words only).
    fn is_foreign_word(&self, lw: &str) -> bool {
        self.foreign_words.contains(lw)
            || self.foreign_vocabulary.contains(lw)
            || !self.foreign_suffixes.is_empty()
                && lw.chars().count() >= SUFFIX_WORD_CHARS
                && lw.chars().all(char::is_alphabetic)
                && !self.native_words.contains(lw)
                && self
                    .foreign_suffixes
                    .iter()
                    .any(|x| lw.ends_with(x.as_str()))
    }

    /// Whether a short chunk (at most `LEAD_IN_WORDS` words) holds a
    /// foreign word and no French one: it goes with the fragment after it
    /// on its line (« You’re offline. Some content may not load. »).
    fn foreign_lead_in(&self, chunk: &str) -> bool {
        const LEAD_IN_WORDS: usize = 4;
        let (words, foreign, native) = self.word_counts(chunk);
        native == 0 && (1..=LEAD_IN_WORDS).contains(&words) && foreign > 0 && !quoted_speech(chunk)
    }

    /// Whether a chunk of at least `min_words` words reads as foreign.
    fn is_foreign(&self, chunk: &str, min_words: usize) -> bool {
        // Quoted speech is the article's own text, whatever its language.
        if quoted_speech(chunk) {
            return false;
        }
        let mut words = 0usize;
        // foreign words; those of them that are function words
        let mut foreign = 0usize;
        let mut function = 0usize;
        let mut native = 0usize;
        let mut lw = String::new();
        for w in chunk
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
        {
            words += 1;
            lw.clear();
            if w.is_ascii() {
                lw.push_str(w);
                lw.make_ascii_lowercase();
            } else {
                lw.extend(w.chars().flat_map(char::to_lowercase));
            }
            if self.foreign_words.contains(lw.as_str()) {
                foreign += 1;
                function += 1;
            } else if self.is_foreign_word(&lw) {
                foreign += 1;
            } else if self.native_words.contains(lw.as_str()) {
                native += 1;
                // a French text: kept, whatever the words after
                if native > self.max_native_words {
                    return false;
                }
            }
        }
        let min_foreign = if min_words < self.min_words {
            // a short follower: most of its words foreign
            self.min_foreign_words.min(2)
        } else {
            self.min_foreign_words
        };
        // the minimum counts function words only: an ending alone (« English
        // version published on … », an author's credit line) makes no
        // fragment
        // a short follower of foreign words only (« Connection lost.
        // Retrying… »)
        let follower = min_words < self.min_words && words > 0 && native == 0 && foreign == words;
        follower
            || (words >= min_words
                && function >= min_foreign
                && native <= self.max_native_words
                && (foreign as f64)
                    >= if min_words < self.min_words {
                        0.5
                    } else {
                        self.min_share
                    } * (words as f64))
    }
}

/// Cut text into chunks at line breaks, after sentence-final punctuation
/// followed by a space, after a colon followed by a space and a capital
/// (« … compensées par : Subscribe to our … », where a cut-short text meets
/// the junk appended to it), and at glue points: a lower-case letter directly
/// followed by an upper-case letter and a lower-case one ("wordsLa").
fn chunks(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    // where the run of letters and digits that holds `pos` starts, so that a
    // glue point is judged without looking back over the text
    let mut word_start = 0;
    let mut it = text.char_indices().peekable();
    while let Some((pos, c)) = it.next() {
        if !c.is_alphanumeric() {
            word_start = pos + c.len_utf8();
        }
        let cut_after = match c {
            '\n' => true,
            '.' | '!' | '?' | '…' => it.peek().is_some_and(|&(_, n)| n.is_whitespace()),
            ':' => {
                it.peek().is_some_and(|&(_, n)| n == ' ')
                    && text[pos + 2..]
                        .trim_start_matches(' ')
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
            }
            _ if c.is_lowercase() => match it.peek() {
                Some(&(p1, n1)) if n1.is_uppercase() => {
                    text[p1 + n1.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase)
                        && glued_word(&text[word_start..p1])
                }
                _ => false,
            },
            _ => false,
        };
        if cut_after {
            let end = pos + c.len_utf8();
            if end > start {
                out.push((start, end));
            }
            start = end;
        }
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

/// Whether `word`, the letters and digits before a capital, is a lowercase
/// word of two letters or more, the end of a sentence the capital is glued to
/// (« wordsLe »), not the start of a name written in camel case (« GitHub »,
/// « YouTube », « iPhone »). Only its first two characters are read.
fn glued_word(word: &str) -> bool {
    let mut letters = word.chars();
    letters.next().is_some_and(char::is_lowercase) && letters.next().is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every rule's examples, each alone and all in one text.
    fn example_texts(c: &Cleaner) -> Vec<String> {
        let mut texts: Vec<String> = Vec::new();
        for r in &c.rules {
            texts.extend(r.examples.strip.iter().map(|e| e.text().to_string()));
            texts.extend(r.examples.keep.iter().cloned());
        }
        texts.push(texts.join("\n"));
        texts
    }

    #[test]
    fn a_pattern_matches_only_texts_that_hold_its_literals() {
        let c = cleaner();
        let texts = example_texts(&c);
        for r in &c.rules {
            let regex = r.pattern.regex.get().expect("embedded patterns compile");
            let needs = crate::prefilter::Needs::of_pattern(r.pattern.regex.pattern());
            for t in &texts {
                if regex.is_match(t) {
                    assert!(needs.holds(t, &t.to_lowercase()), "{}: {t}", r.id);
                }
            }
        }
    }

    /// A compiled pattern finds what the `regex` crate finds, with the same
    /// groups: on every rule example, each alone and all in one text.
    #[test]
    fn patterns_match_as_the_regex_crate_does() {
        let c = cleaner();
        let texts = example_texts(&c);
        for r in &c.rules {
            let ours = r.pattern.regex.get().expect("embedded patterns compile");
            let theirs = regex::Regex::new(r.pattern.regex.pattern()).expect("compiles");
            let names: Vec<Option<&str>> = theirs.capture_names().collect();
            assert_eq!(ours.capture_names().collect::<Vec<_>>(), names, "{}", r.id);
            for t in &texts {
                // the spans of every group of every match
                let groups = |get: &dyn Fn(usize) -> Option<(usize, usize)>| {
                    (0..names.len()).map(get).collect::<Vec<_>>()
                };
                let a: Vec<_> = ours
                    .captures_iter(t)
                    .map(|c| groups(&|i| c.get(i).map(|m| (m.start(), m.end()))))
                    .collect();
                let b: Vec<_> = theirs
                    .captures_iter(t)
                    .map(|c| groups(&|i| c.get(i).map(|m| (m.start(), m.end()))))
                    .collect();
                assert_eq!(a, b, "{}: {t}", r.id);
                let a: Vec<(usize, usize)> =
                    ours.find_iter(t).map(|m| (m.start(), m.end())).collect();
                let b: Vec<(usize, usize)> =
                    theirs.find_iter(t).map(|m| (m.start(), m.end())).collect();
                assert_eq!(a, b, "{}: {t}", r.id);
                assert_eq!(ours.is_match(t), theirs.is_match(t), "{}: {t}", r.id);
            }
        }
    }

    /// The pieces of `text` that `spans` mark.
    fn pieces<'t>(text: &'t str, spans: &[(usize, usize)]) -> Vec<&'t str> {
        spans.iter().map(|&(s, e)| &text[s..e]).collect()
    }

    fn cleaner() -> Cleaner {
        Cleaner::load(&Source::embedded()).expect("embedded junk rules compile")
    }

    /// A pattern's syntax tree, read for its literal pieces, translates to
    /// what the regex engine reads from the pattern itself.
    #[test]
    fn the_kept_syntax_tree_reads_as_the_pattern() {
        let syntax = regex_automata::util::syntax::Config::new().utf8(true);
        for r in &cleaner().rules {
            let pattern = r.pattern.regex.pattern();
            let ast = regex_syntax::ast::parse::Parser::new()
                .parse(pattern)
                .expect("parses");
            let hir = regex_syntax::hir::translate::Translator::new()
                .translate(pattern, &ast)
                .expect("translates");
            let theirs =
                regex_automata::util::syntax::parse_with(pattern, &syntax).expect("parses");
            assert_eq!(hir, theirs, "{}", r.id);
        }
    }

    /// The regex compiled for texts of common characters finds what the
    /// pattern finds, in every rule example and character probe.
    #[test]
    fn common_text_regexes_find_what_the_patterns_find() {
        let c = cleaner();
        let mut texts = example_texts(&c);
        texts.extend(crate::rules::common_char_probes());
        for r in &c.rules {
            crate::rules::assert_variants_agree(&r.pattern.regex, &texts);
        }
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let input = "Le texte commence ici. [Édité par Jeanne Martin] La suite du texte. \
                     Source link -12 Fin. © AFP";
        let cleaned = cleaner().run(input);
        assert!(cleaned.removals.len() >= 3, "{:?}", cleaned.removals);
        for r in &cleaned.removals {
            assert_eq!(
                &input[r.offset..r.offset + r.text.len()],
                r.text,
                "rule {}",
                r.rule
            );
        }
    }

    #[test]
    fn menu_lines_go_whatever_their_words() {
        let text =
            "Opinions ⇢ Habitat ⇢ Lecture\nLe port rouvre\nClaire Martin · 3 mai 2024 · 4 min\n\
                    Le port rouvre en mai, après deux ans de travaux.\n\
                    Avant – pendant – après\nParis – Lyon – Marseille : le train de nuit repart.\n\
                    Une ligne, deux lignes · Trois lignes · Quatre\n\
                    Vos réactions | 12 | Signaler";
        let gone: Vec<&str> = pieces(text, &menu_lines(text));
        assert_eq!(
            gone,
            [
                "Opinions ⇢ Habitat ⇢ Lecture",
                "Claire Martin · 3 mai 2024 · 4 min",
                "Vos réactions | 12 | Signaler",
            ]
        );
        // through the cleaner, with a removal of its own
        let cleaned =
            cleaner().run("Le port rouvre en mai.\nVos réactions · 12 · Signaler\nLa suite.");
        let lines: Vec<&str> = cleaned.text.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(lines, ["Le port rouvre en mai.", "La suite."]);
        assert_eq!(cleaned.removals[0].rule, MENU_LINE);
        // one line of text is no page
        assert!(menu_lines("Accueil · Tech · Transports").is_empty());
    }

    #[test]
    fn date_lines_go_from_the_top_whatever_their_words() {
        let text = "Le port rouvre\nVendredi 13 août 2021 · texte de Paul Roux\n\
                    Rubrique Mer — 2021/12/19, 18h50\n5 juin 2023\n\
                    Le port rouvre en mai, après deux ans de travaux sur les quais et dans les bassins du nord.\n\
                    Mis à jour le 3 mai 2022 par la capitainerie";
        assert!(
            date_lines("Le port rouvre\nCe texte a été mis à jour le 3 mai 2022.\nLa suite.")
                .is_empty()
        );
        let gone: Vec<&str> = pieces(text, &date_lines(text));
        assert_eq!(
            gone,
            [
                "Vendredi 13 août 2021 · texte de Paul Roux",
                "Rubrique Mer — 2021/12/19, 18h50"
            ]
        );
        assert!(date_lines("Le port rouvre\n12/05/2023 · 9h05").is_empty());
        // a weekday and a full date after a hyphen; a two-digit year and a time
        let text = "Le port rouvre\nLéa ROUX (Brest) - Mercredi 26 juin 2024\n\
                    Le pôle Mer — 25 juil. 23, 22:39\nLe port rouvre en mai, après deux ans de travaux sur les quais.";
        let gone: Vec<&str> = pieces(text, &date_lines(text));
        assert_eq!(
            gone,
            [
                "Léa ROUX (Brest) - Mercredi 26 juin 2024",
                "Le pôle Mer — 25 juil. 23, 22:39"
            ]
        );
        let text = "Le port rouvre\nSigné Paul Roux | Février 2020\n9 décembre 2019, 20 h 33 (révisé 8 h plus tard)\nLa suite.";
        assert_eq!(date_lines(text).len(), 2);
        // an ISO date and time
        let text = "Le port rouvre\nPublié par le desk Mer le 2024-03-03T11:49 (mis à jour 7 jours plus tard)\nLa suite.";
        assert_eq!(date_lines(text).len(), 1);
        // a month and a year alone, a title with a year
        assert!(date_lines(
            "Le port rouvre\nFévrier 2020\nLe bilan de mars 2024 en chiffres\nLa suite."
        )
        .is_empty());
        // a day of the week and a date without its year end a byline below
        // the title, not the title itself
        let text =
            "Grève des bus le jeudi 5 décembre\nLéa Roux (à Metz) le mardi 3 décembre\nLa suite.";
        let gone: Vec<&str> = pieces(text, &date_lines(text));
        assert_eq!(gone, ["Léa Roux (à Metz) le mardi 3 décembre"]);
        // under a long title that asks a question
        let text = "Quelle différence entre une préface, un avant-propos, une introduction et un prologue dans un livre ?\nLéa Roux (à Metz) le mardi 3 décembre\nLa suite.";
        let gone: Vec<&str> = pieces(text, &date_lines(text));
        assert_eq!(gone, ["Léa Roux (à Metz) le mardi 3 décembre"]);
        // titles that hold a date
        assert!(date_lines(
            "Le dossier sera examiné par M. Morel le 1 mars 2030\nLe plan vélo mis à jour le 3 mai 2024\n\
             # Publié le 3 mai 2024 par Paul Roux\nLa suite."
        )
        .is_empty());
    }

    #[test]
    fn a_span_removed_inside_a_line_leaves_one_space() {
        let cleaned = cleaner().run(
            "Le port rouvre en mai.   [Edited by Ann Lee]   Les quais sont prêts. \
             Source link -12 \t La fin.\nUne ligne.",
        );
        assert_eq!(
            cleaned.text,
            "Le port rouvre en mai. Les quais sont prêts. La fin.\nUne ligne."
        );
        assert_eq!(cleaned.removals.len(), 2);
    }

    #[test]
    fn removed_spans_leave_neighbours_apart() {
        let cleaned = cleaner().run("Premier mot.[Edited by Ann Lee]Second mot.");
        assert!(!cleaned.text.contains("mot.Second"), "{}", cleaned.text);
        assert!(cleaned.text.contains("Premier mot."));
        assert!(cleaned.text.contains("Second mot."));
    }

    #[test]
    fn short_english_strays_go_only_after_french_text() {
        let removed = |input: &str| -> Vec<String> {
            cleaner()
                .run(input)
                .removals
                .into_iter()
                .filter(|r| r.rule == "foreign-fragment")
                .map(|r| r.text)
                .collect()
        };
        // glued after the last French sentence, before a removal, after a
        // label at the text's end
        assert_eq!(
            removed("Le conseil a voté le budget. Show more stories"),
            ["Show more stories"]
        );
        assert_eq!(
            removed("Le conseil a voté le budget. Editor’s picks\nLa séance est levée."),
            ["Editor’s picks"]
        );
        assert_eq!(
            removed("Les avantages : Connection lost. Retrying…"),
            ["Connection lost. Retrying…"]
        );
        // half of four to six words, and never the French text's title
        // before it
        assert_eq!(
            removed(
                "Le laboratoire a publié un répertoire des risques : The Risk Repository. \
                 Source text: publisher’s website (open licence)"
            ),
            ["Source text: publisher’s website (open licence)"]
        );
        // an English title on its line, or after a label with French text
        // after it, is the author's; a foreign line is judged whole
        assert!(removed("Le conseil a voté.\nLearning curve\nLa séance est levée.").is_empty());
        assert!(removed("React : Learn once, run everywhere\nLa bibliothèque plaît.").is_empty());
        assert!(
            removed("Cookie notice: this site uses cookies only. Got it\nLa séance.").is_empty()
        );
        // French words in the chunk, or a French possessive-free « s’ »
        assert!(removed("Le conseil a voté. Show s’il vous plaît").is_empty());
    }

    #[test]
    fn glued_instruction_is_cut_at_the_glue_point() {
        let input = "Please write this in french and make it at least 500 wordsLe maire de \
                     la commune a présenté son budget devant le conseil municipal.";
        let cleaned = cleaner().run(input);
        assert!(cleaned.text.starts_with("Le maire"), "{}", cleaned.text);
        assert!(cleaned
            .removals
            .iter()
            .any(|r| r.rule == "foreign-fragment"));
    }

    #[test]
    fn chunks_cut_at_glue_points_and_sentence_ends() {
        let text = "one twoThree four. Five\nsix";
        let parts: Vec<&str> = pieces(text, &chunks(text));
        assert_eq!(parts, vec!["one two", "Three four.", " Five\n", "six"]);
        // a name in camel case is one word
        let text = "via GitHub Sponsors, YouTube or an iPhone";
        assert_eq!(chunks(text), vec![(0, text.len())]);
        // after a colon, a capital starts a chunk; a lowercase word does not
        let text = "financés par : Sign up now. Deux raisons : la pluie";
        let parts: Vec<&str> = pieces(text, &chunks(text));
        assert_eq!(
            parts,
            vec![
                "financés par :",
                " Sign up now.",
                " Deux raisons : la pluie"
            ]
        );
    }

    #[test]
    fn definitions_expand_and_unknown_ones_fail() {
        let yaml = "definitions:\n  x: 'ab+'\nrules:\n  - id: r\n    description: d\n    pattern: '{{x}}c'\n    examples: {strip: [abbc], keep: [ac]}\n";
        let c = Cleaner::from_yaml("t.yaml", yaml).expect("compiles");
        assert_eq!(c.run("abbc zz").text, "zz");
        let bad = yaml.replace("{{x}}", "{{y}}");
        assert!(Cleaner::from_yaml("t.yaml", &bad).is_err());
    }

    #[test]
    fn the_lowercased_text_follows_removals() {
        for text in [
            "Le Texte commence. [ÉDITÉ] La Suite du texte. Fin.",
            "ASCII ONLY [x] text",
            "Une İle, un Kelvin K [x] et ΣΟΦΟΣ [x] Ş fin",
            "ẞ grand [x] ß Straße",
        ] {
            let mut doc = Doc::new(text);
            assert_eq!(doc.lower, text.to_lowercase());
            let mut from = 0;
            while let Some(i) = doc.text[from..]
                .find("[x]")
                .or(doc.text[from..].find("[ÉDITÉ]"))
            {
                let s = from + i;
                let e = s + doc.text[s..].find(']').unwrap() + 1;
                doc.remove(&[(s, e)], "r");
                assert_eq!(doc.lower, doc.text.to_lowercase(), "{text}");
                from = 0;
                if !doc.text.contains('[') {
                    break;
                }
            }
        }
    }

    #[test]
    fn max_chars_leaves_long_matches_in_place() {
        let yaml = "rules:\n  - id: r\n    description: d\n    pattern: '\\A(?P<junk>x[^\\n]*?y)'\n    max_chars: 5\n    examples: {strip: [xaay], keep: [b]}\n";
        let c = Cleaner::from_yaml("t.yaml", yaml).expect("compiles");
        assert_eq!(c.run("xaay zz").text, "zz");
        assert_eq!(c.run("xaaaay zz").text, "xaaaay zz");
        // characters, not bytes
        assert_eq!(c.run("xééy zz").text, "zz");
        let zero = yaml.replace("max_chars: 5", "max_chars: 0");
        assert!(Cleaner::from_yaml("t.yaml", &zero).is_err());
    }

    #[test]
    fn unless_followed_by_leaves_a_match_whose_sentence_holds_a_word() {
        let yaml = "rules:\n  - id: r\n    description: d\n    pattern: 'Photo : [A-Z][a-z]+'\n    unless_followed_by: [Licence]\n    examples: {strip: ['Photo : Pixabay'], keep: ['Photo : Pixabay sous licence libre']}\n";
        let c = Cleaner::from_yaml("t.yaml", yaml).expect("compiles");
        assert_eq!(c.run("Le pont. Photo : Pixabay").text, "Le pont.");
        // the word after the match on its line or in its sentence, in any case
        let kept = "Le pont. Photo : Pixabay sous LICENCE libre";
        assert_eq!(c.run(kept).text, kept);
        // not in the next sentence, nor on the next line
        assert_eq!(
            c.run("Photo : Pixabay. La licence change.").text,
            ". La licence change."
        );
        assert_eq!(
            c.run("Photo : Pixabay\nLa licence change.").text,
            "La licence change."
        );
    }

    #[test]
    fn lines_that_open_on_a_pointer_go() {
        let text = "Le port rouvre\nLe port rouvre en mai, après deux ans de travaux sur les quais.\n\
                    ➤ Dans le quartier aussi : la halle rouvre\n↗ 1,2 k partages — Vous avez aimé ?\n\
                    🧮 Potentiel : 50 kg par an\n▷ Le port a rouvert après deux ans de travaux sur les quais.\n\
                    La suite.";
        let gone: Vec<&str> = pieces(text, &label_lines(text));
        assert_eq!(
            gone,
            [
                "➤ Dans le quartier aussi : la halle rouvre",
                "↗ 1,2 k partages — Vous avez aimé ?"
            ]
        );
        // small capitals
        let text =
            "Le port rouvre\nLe port rouvre en mai, après deux ans de travaux.\nᴘᴜʙ\nLa suite.";
        let gone: Vec<&str> = pieces(text, &label_lines(text));
        assert_eq!(gone, ["ᴘᴜʙ"]);
        // emoji-led and parted, or parted twice
        let text = "Le port rouvre\nLe port rouvre en mai, après deux ans de travaux sur les quais.\n\
                    💬 12 commentaires — Afficher les commentaires\nLETTRE ▸ Mer | S’inscrire → gratuit\n\
                    📢 Nos objectifs : des quais ouverts à tous\nSi vous avez animé un atelier, en étiez-vous satisfait·e·s ?\n\
                    La suite.";
        let gone: Vec<&str> = pieces(text, &label_lines(text));
        assert_eq!(
            gone,
            [
                "💬 12 commentaires — Afficher les commentaires",
                "LETTRE ▸ Mer | S’inscrire → gratuit"
            ]
        );
    }

    #[test]
    fn framed_and_parted_lines_go_identifiers_and_listed_acronyms_stay() {
        let text =
            "Le port rouvre\nLe port rouvre en mai, après deux ans de travaux sur les quais.\n\
                    ⟐ espace loué ⟐\nSélection ◇ Trois escales (Mer Bleue) ◇ Le phare (Vents)\n\
                    HTTP-01\nLe défi se joue sur le port 80 du serveur, en clair.\nJSON ; XML ; YAML.\nLa suite.";
        let gone: Vec<&str> = pieces(text, &label_lines(text));
        assert_eq!(
            gone,
            [
                "⟐ espace loué ⟐",
                "Sélection ◇ Trois escales (Mer Bleue) ◇ Le phare (Vents)"
            ]
        );
    }

    #[test]
    fn a_related_block_may_open_on_a_question_of_four_words() {
        // the block removed after six lines of prose, then `tail`
        let removed = |tail: &str| -> Vec<String> {
            let prose =
                "Le port rouvre en mai, après deux ans de travaux sur les quais et la digue.\n";
            let text = format!("{}{tail}", prose.repeat(6));
            pieces(&text, &related_titles(&text))
                .into_iter()
                .map(String::from)
                .collect()
        };
        assert_eq!(
            removed("Encore un peu de lecture ?\nLes dunes reculent\nLe phare rouvre\nLa pêche reprend\n"),
            ["Encore un peu de lecture ?\nLes dunes reculent\nLe phare rouvre\nLa pêche reprend"]
        );
        // the author's closing « Et vous ? » is no header: it stays
        assert_eq!(
            removed("Et vous ?\nÀ lire ensuite\nLe phare rouvre\nLa pêche reprend\n"),
            ["À lire ensuite\nLe phare rouvre\nLa pêche reprend"]
        );
        // nor is a longer closing question above the block's own header
        assert_eq!(
            removed("Vous voulez connaître votre empreinte ?\nÀ lire ensuite\nLe phare rouvre\nLa pêche reprend\n"),
            ["À lire ensuite\nLe phare rouvre\nLa pêche reprend"]
        );
        // questions a line announces are the author's list, not titles
        assert!(removed(
            "Il reste des questions ouvertes, que je garde pour plus tard :\nComment nourrir les chèvres ?\nQuand tondre la prairie ?\nFaut-il une clôture électrique ?\n"
        )
        .is_empty());
    }

    #[test]
    fn related_titles_may_end_a_page_without_a_header() {
        let prose = "Le port rouvre en mai, après deux ans de travaux sur les quais et la digue.\n";
        let removed = |tail: &str| -> Vec<String> {
            let text = format!("{}{tail}", prose.repeat(6));
            pieces(&text, &related_titles(&text))
                .into_iter()
                .map(String::from)
                .collect()
        };
        // three titles of four words or more, nothing after them
        assert_eq!(
            removed("Les dunes reculent encore cet hiver\nLe phare de la pointe rouvre\nLa pêche à pied reprend demain\n"),
            ["Les dunes reculent encore cet hiver\nLe phare de la pointe rouvre\nLa pêche à pied reprend demain"]
        );
        // two are not enough
        assert!(
            removed("Le phare de la pointe rouvre\nLa pêche à pied reprend demain\n").is_empty()
        );
        // a header may ask in three words
        assert_eq!(
            removed("Encore quelques pages ?\nLes dunes reculent\nLe phare rouvre\n"),
            ["Encore quelques pages ?\nLes dunes reculent\nLe phare rouvre"]
        );
    }

    #[test]
    fn what_a_removal_leaves_of_a_line_goes_when_it_is_a_fragment() {
        let c = cleaner();
        let prose = "Le port rouvre en mai, après deux ans de travaux sur les quais et la digue.\n";
        let text = format!(
            "Le port rouvre\n{}Le Courrier | ISSN 1234-5678 | Écrire à la rédaction | Abonnements\n",
            prose.repeat(8)
        );
        let cleaned = c.run(&text);
        assert!(!cleaned.text.contains("Abonnements"), "{}", cleaned.text);
        assert!(cleaned.removals.iter().any(|r| r.rule == RESIDUE));
        // a line of the text that a removal shortened stays
        let text = format!(
            "Le port rouvre\n{}Les quais sont prêts. Partager sur ⟶ Mastodon | Bluesky | Courriel\n",
            prose.repeat(8)
        );
        let cleaned = c.run(&text);
        assert!(
            cleaned.text.ends_with("Les quais sont prêts."),
            "{}",
            cleaned.text
        );
    }

    #[test]
    fn a_lead_in_and_an_arrow_before_a_title_make_a_teaser_line() {
        assert!(symbol_line(
            "Sur ce thème ▹ Le phare rouvre : faut-il s’en réjouir ?"
        ));
        assert!(symbol_line("À lire ⟶ Les dunes reculent"));
        // prose keeps its arrows: a long lead-in, a sentence, a lowercase
        // word after the arrow
        assert!(!symbol_line(
            "Le trajet de Brest à Quimper en train ⟶ Deux heures"
        ));
        assert!(!symbol_line("Départ : Brest ⟶ Quimper"));
        assert!(!symbol_line("Brest ⟶ puis Quimper"));
    }

    #[test]
    fn a_first_line_with_arrows_or_a_bracketed_label_is_a_breadcrumb() {
        let body = "Le tramway prolongé\nLa ligne rouvre en mai.\nLes quais sont prêts.\n";
        for first in [
            "Espace Mobilités ⟫ fiches « Tramway »",
            "Chemin d’accès : Région ⇢ Transports ⇢ lecture",
            "[VIE LOCALE] Transports — toutes les publications",
        ] {
            let text = format!("{first}\n{body}");
            assert_eq!(pieces(&text, &breadcrumb_line(&text)), [first]);
        }
        // a title stays, and so does a first line that ends a sentence
        for first in [
            "Le tramway « Ligne 2 » prolongé jusqu’à la gare",
            "Tramway — la ligne prolongée",
            "Région ⇢ Transports : la ligne rouvre en mai.",
        ] {
            let text = format!("{first}\n{body}");
            assert!(breadcrumb_line(&text).is_empty(), "{first}");
        }
    }

    #[test]
    fn a_menu_line_may_name_its_publisher_and_a_reference() {
        let text = "Le port rouvre\nLe port rouvre en mai, après deux ans de travaux.\n\
                    La Gazette du Port, SCOP SA ¦ Charte ¦ Médiation des lecteurs ¦ Plan\n\
                    ⌘ Une ∙ Vie locale ∙ Transports ∙ réf. 12-301\n☰ Sommaire ⟩ Vie locale ⟩ fiche 12-301\nLa suite.";
        let gone: Vec<&str> = pieces(text, &menu_lines(text));
        assert_eq!(
            gone,
            [
                "La Gazette du Port, SCOP SA ¦ Charte ¦ Médiation des lecteurs ¦ Plan",
                "⌘ Une ∙ Vie locale ∙ Transports ∙ réf. 12-301",
                "☰ Sommaire ⟩ Vie locale ⟩ fiche 12-301"
            ]
        );
        // a comma after the first item: prose
        assert!(menu_lines("Un\nDeux\nLe port ¦ la halle, le marché ¦ Plan\n").is_empty());
    }

    #[test]
    fn a_foreign_title_before_a_colon_and_french_text_stays() {
        let c = Cleaner::load(&Source::embedded()).unwrap();
        let text = "Le site propose des ressources. How the Internet Works in five minutes : Une vidéo de cinq minutes sur les bases du réseau.";
        assert!(
            c.run(text).removals.is_empty(),
            "{:?}",
            c.run(text).removals
        );
        // without French text after it on its line, the fragment goes
        let text = "Le site propose des ressources. Sign up to get all of our stories in your inbox :\nLa suite.";
        assert_eq!(c.run(text).removals.len(), 1);
    }

    #[test]
    fn an_english_sentence_glued_after_french_words_goes() {
        let c = Cleaner::load(&Source::embedded()).unwrap();
        let text = "La mairie publie le programme sur son site Get the latest news from your town in your inbox every morning. La suite du texte.";
        let out = c.run(text);
        assert_eq!(
            out.text,
            "La mairie publie le programme sur son site La suite du texte."
        );
        // the capital of a French word before it stays with the French
        let text = "Le programme est en ligne sur le Web The week in local politics, in your inbox every Sunday. La suite.";
        assert_eq!(
            c.run(text).text,
            "Le programme est en ligne sur le Web La suite."
        );
        // a short English phrase in a French sentence stays
        for keep in [
            "Le slogan du collectif était Bring the power to the people.",
            "Le groupe a chanté All You Need Is Love devant la mairie.",
        ] {
            assert_eq!(c.run(keep).text, keep);
        }
    }

    #[test]
    fn what_a_removal_leaves_of_a_line_goes_if_it_has_no_letter() {
        let text = "⌂ Maison\nLe texte.\n⬇️\nLa suite.\n";
        // the rule took « Maison », the placeholder ends the « ⌂ » line
        let s = text.find("Maison").unwrap();
        let mut doc = Doc::new(text);
        doc.remove(&[(s, s + "Maison".len())], "r");
        let spans = residues(&doc.text, &doc.holes);
        let left: Vec<&str> = spans.iter().map(|&(a, b)| doc.text[a..b].trim()).collect();
        assert_eq!(left, ["⌂"], "{:?}", doc.text);
        // no removal: the author's arrow stays
        assert!(residues(text, &[]).is_empty());
    }

    #[test]
    fn needs_found_in_one_pass_follow_the_removals() {
        let yaml = "rules:\n  - id: r\n    description: d\n    pattern: 'Pub'\n    needs: [pub, pub suivante, σου, absent]\n    examples: {strip: [Pub], keep: [b]}\n";
        let c = Cleaner::from_yaml("t.yaml", yaml).expect("compiles");
        let mut doc = Doc::new("Une Pub [x] suivante, ΣΟΥ [y]\n");
        doc.index = c.needs.as_ref();
        let same_as_search = |doc: &Doc| {
            for w in ["pub", "pub suivante", "σου", "absent"] {
                assert_eq!(
                    doc.holds(w),
                    doc.lower.contains(w),
                    "{w} in {:?}",
                    doc.lower
                );
            }
        };
        same_as_search(&doc);
        // a removal can take a word away, or bring one across the gap
        let s = doc.text.find("[x]").unwrap();
        doc.remove(&[(s, s + 3)], "r");
        assert!(doc.holds("pub suivante"));
        same_as_search(&doc);
        let s = doc.text.find("Pub").unwrap();
        doc.remove(&[(s, s + 3)], "r");
        assert!(!doc.holds("pub"));
        same_as_search(&doc);
        // a final sigma: lowercasing changes once the word ends the text
        let s = doc.text.find("[y]").unwrap();
        doc.remove(&[(s, s + 3)], "r");
        same_as_search(&doc);
    }

    /// A one-rule file of `yaml`, compiled eagerly and lazily: each input
    /// of `cases` leaves the text given with it.
    fn region_rule_leaves(yaml: &str, cases: &[(&str, &str)]) {
        for eager in [true, false] {
            let c = Cleaner::parse("t.yaml", yaml, eager).expect("compiles");
            for (input, left) in cases {
                assert_eq!(c.run(input).text, *left, "{input:?} (eager: {eager})");
            }
        }
    }

    #[test]
    fn a_tail_rule_reads_the_end_of_the_text_only() {
        let yaml = "rules:\n  - id: r\n    description: d\n    pattern: 'Haut de page'\n    needs: [haut]\n    tail_chars: 20\n    examples: {strip: [Haut de page], keep: [b]}\n";
        // at the end: removed; further back: left; characters, not bytes
        region_rule_leaves(
            yaml,
            &[
                ("Le texte. Haut de page", "Le texte."),
                (
                    "Haut de page au début, puis un long texte qui suit.",
                    "Haut de page au début, puis un long texte qui suit.",
                ),
                ("Été éé. Haut de page", "Été éé."),
            ],
        );
    }

    #[test]
    fn a_head_rule_reads_the_start_of_the_text_only() {
        let yaml = "rules:\n  - id: r\n    description: d\n    pattern: '(?m)^Par Léa Roux$'\n    needs: [par]\n    head_chars: 20\n    examples: {strip: [Par Léa Roux], keep: [b]}\n";
        // at the start: removed; further on: left; characters, not bytes
        region_rule_leaves(
            yaml,
            &[
                ("Par Léa Roux\nLe texte.", "Le texte."),
                (
                    "Un long texte qui continue.\nPar Léa Roux",
                    "Un long texte qui continue.\nPar Léa Roux",
                ),
                ("Été\nPar Léa Roux\nLe texte.", "Été\n\n\nLe texte."),
            ],
        );
        let both = yaml.replace("head_chars: 20", "head_chars: 20\n    tail_chars: 20");
        assert!(Cleaner::from_yaml("t.yaml", &both).is_err());
    }

    #[test]
    fn rules_need_examples_and_unique_ids() {
        let yaml = "rules:\n  - id: r\n    description: d\n    pattern: 'a'\n    examples: {strip: [a], keep: []}\n";
        assert!(Cleaner::from_yaml("t.yaml", yaml).is_err());
        let dup = "rules:\n  - {id: r, description: d, pattern: a, examples: {strip: [a], keep: [b]}}\n  - {id: r, description: d, pattern: c, examples: {strip: [c], keep: [b]}}\n";
        assert!(Cleaner::from_yaml("t.yaml", dup).is_err());
    }

    #[test]
    fn related_titles_are_taken_until_the_article_goes_on() {
        let then = ThenLines {
            max_lines: 5,
            max_chars: 80,
        };
        let text = "Sur le même sujet\nUn titre\n\nUn autre titre\nLa suite de l’article est une longue phrase qui dépasse largement la limite fixée pour un titre.";
        let end = extend_lines(text, "Sur le même sujet".len(), then, None);
        assert_eq!(&text[..end], "Sur le même sujet\nUn titre");
        let text = "Sur le même sujet\nUn titre\nUn autre titre\n";
        let end = extend_lines(text, "Sur le même sujet".len(), then, None);
        assert_eq!(&text[..end], "Sur le même sujet\nUn titre\nUn autre titre");
        // a line in another language is no article going on: the last
        // title goes too
        let c = Cleaner::load(&Source::embedded()).unwrap();
        let text = "Sur le même sujet\nUn titre\nUn autre titre\nThis story is also available in English, click here to read it.";
        let end = extend_lines(text, "Sur le même sujet".len(), then, c.foreign.as_ref());
        assert_eq!(&text[..end], "Sur le même sujet\nUn titre\nUn autre titre");
    }

    #[test]
    fn large_input_is_cleaned_quickly() {
        let para = "Le conseil municipal a voté le budget de la commune pour l’année prochaine. \
                    Les élus ont débattu pendant trois heures (une durée record) sur les travaux.\n";
        let input = para.repeat(1_000_000 / para.len());
        let c = cleaner();
        let t = std::time::Instant::now();
        let cleaned = c.run(&input);
        // Generous bound: debug builds are much slower than release ones.
        let took = t.elapsed();
        eprintln!("cleaned {} bytes in {took:?}", input.len());
        assert!(took.as_secs() < 20, "{took:?}");
        assert!(cleaned.removals.is_empty(), "{:?}", &cleaned.removals[..1]);
    }
}
