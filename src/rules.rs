//! Loading of rule and lexicon files: the embedded defaults, overridden file by
//! file by `--rules DIR`. This is the only module that reads YAML, so swapping
//! `serde_yaml` for a maintained fork is a change to this file alone (and to
//! `build.rs`, which converts the embedded YAML files to JSON).
use crate::error::{Error, Result};
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};

/// The default data files, embedded in the binary: (path relative to the rules dir, text).
pub const EMBEDDED: &[(&str, &str)] = &[
    ("rules/junk.yaml", include_str!("../rules/junk.yaml")),
    (
        "rules/structure.yaml",
        include_str!("../rules/structure.yaml"),
    ),
    (
        "rules/sections.yaml",
        include_str!("../rules/sections.yaml"),
    ),
    (
        "rules/headings.yaml",
        include_str!("../rules/headings.yaml"),
    ),
    (
        "rules/expansions.yaml",
        include_str!("../rules/expansions.yaml"),
    ),
    ("rules/meta.yaml", include_str!("../rules/meta.yaml")),
    ("rules/lists.yaml", include_str!("../rules/lists.yaml")),
    ("rules/seo.yaml", include_str!("../rules/seo.yaml")),
    (
        "lexicons/abbreviations.txt",
        include_str!("../lexicons/abbreviations.txt"),
    ),
    (
        "lexicons/stopwords.txt",
        include_str!("../lexicons/stopwords.txt"),
    ),
    (
        "lexicons/function_words.txt",
        include_str!("../lexicons/function_words.txt"),
    ),
    ("lexicons/verbs.txt", include_str!("../lexicons/verbs.txt")),
    (
        "lexicons/infinitives.txt",
        include_str!("../lexicons/infinitives.txt"),
    ),
    (
        "lexicons/keyphrase_fillers.txt",
        include_str!("../lexicons/keyphrase_fillers.txt"),
    ),
    (
        "lexicons/transitions.txt",
        include_str!("../lexicons/transitions.txt"),
    ),
    (
        "lexicons/topics.yaml",
        include_str!("../lexicons/topics.yaml"),
    ),
    (
        "lexicons/glossary.yaml",
        include_str!("../lexicons/glossary.yaml"),
    ),
];

/// How the name of an embedded data file starts in messages.
const EMBEDDED_PREFIX: &str = "(embedded) ";

/// Whether a file name given by [`Source::text`] is an embedded file (the
/// project's own data, which the test suite checks) rather than the user's.
pub fn is_embedded(file: &str) -> bool {
    file.starts_with(EMBEDDED_PREFIX)
}

/// Where the data files come from.
#[derive(Debug, Clone, Default)]
pub struct Source {
    /// A directory whose `rules/` and `lexicons/` files (or files directly in it)
    /// replace the embedded ones of the same name.
    pub dir: Option<PathBuf>,
}

impl Source {
    pub fn embedded() -> Self {
        Source { dir: None }
    }

    pub fn dir(dir: impl Into<PathBuf>) -> Self {
        Source {
            dir: Some(dir.into()),
        }
    }

    /// The text of one data file and the name to report it under.
    pub fn text(&self, name: &str) -> Result<(String, String)> {
        if let Some(dir) = &self.dir {
            if !dir.is_dir() {
                return Err(Error::Usage(format!(
                    "--rules {}: not a directory",
                    dir.display()
                )));
            }
            let base = Path::new(name)
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default();
            for candidate in [dir.join(name), dir.join(&base)] {
                if candidate.is_file() {
                    let text = std::fs::read_to_string(&candidate).map_err(|e| Error::Rules {
                        file: candidate.display().to_string(),
                        line: 0,
                        message: format!("cannot read: {e}"),
                    })?;
                    return Ok((candidate.display().to_string(), text));
                }
            }
        }
        EMBEDDED
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(n, t)| (format!("{EMBEDDED_PREFIX}{n}"), (*t).to_string()))
            .ok_or_else(|| Error::Usage(format!("no such data file: {name}")))
    }

    /// Parse a YAML data file into `T` (unknown keys are errors when `T` says so).
    pub fn yaml<T: DeserializeOwned>(&self, name: &str) -> Result<T> {
        let (file, text) = self.text(name)?;
        parse_yaml(&file, &text)
    }

    /// A plain-text lexicon: one entry per line, `#` starts a comment, blank lines skipped.
    pub fn lines(&self, name: &str) -> Result<Vec<String>> {
        let (_, text) = self.text(name)?;
        Ok(parse_lines(&text))
    }
}

/// The embedded YAML files converted to JSON by the build script
/// (`build.rs`): (path relative to the rules dir, JSON text).
const EMBEDDED_JSON: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/embedded_json.rs"));

/// How many times an embedded file was read from its YAML because its JSON
/// form did not give the value (the test suite expects none).
pub static EMBEDDED_YAML_FALLBACKS: std::sync::atomic::AtomicUsize =
    std::sync::atomic::AtomicUsize::new(0);

/// Deepest nesting of YAML flow collections (`{…}`, `[…]`) a front matter may
/// have, and the most of them it may open: the YAML parser takes time in the
/// square of the nesting depth (100,000 levels took over a minute).
pub const MAX_YAML_DEPTH: usize = 64;
pub const MAX_YAML_FLOWS: usize = 1024;

/// The line (1-based) of YAML `text` where its flow collections nest deeper
/// than [`MAX_YAML_DEPTH`] or number more than [`MAX_YAML_FLOWS`], if they do.
/// Counted on the characters in one pass, quoted text included: the depth may
/// come out higher than the parser's, and the parser opens no collection the
/// count misses, so it never meets more than `MAX_YAML_FLOWS` levels.
pub fn yaml_too_deep(text: &str) -> Option<usize> {
    flows_too_deep(text, MAX_YAML_FLOWS)
}

/// The most flow collections a rule file given with `--rules` may open: the
/// embedded `junk.yaml` opens about 1,100 (its patterns' brackets count), and
/// 16,384 nested levels would still parse in about a second.
pub const MAX_RULE_FLOWS: usize = 16_384;

/// [`yaml_too_deep`] with `max_flows` collections at most.
fn flows_too_deep(text: &str, max_flows: usize) -> Option<usize> {
    let (mut depth, mut opened, mut line) = (0usize, 0usize, 1usize);
    for b in text.bytes() {
        match b {
            b'\n' => line += 1,
            b'{' | b'[' => {
                depth += 1;
                opened += 1;
                if depth > MAX_YAML_DEPTH || opened > max_flows {
                    return Some(line);
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// Parse YAML text, mapping errors to a rule-file error with its line.
///
/// An embedded file (its unedited text) is read from the JSON form the build
/// script made of it, several times faster than its YAML. The JSON holds the
/// YAML's own values, so where it deserializes into `T` it gives what the
/// YAML gives; where it does not (a plain `2024` or `~` read into a string
/// field, which YAML reads as text and JSON as a number or null), the YAML is
/// parsed as before.
pub fn parse_yaml<T: DeserializeOwned>(file: &str, text: &str) -> Result<T> {
    if let Some(name) = file.strip_prefix(EMBEDDED_PREFIX) {
        // only for the embedded text itself (a test may edit it)
        let same = EMBEDDED.iter().any(|(n, t)| *n == name && *t == text);
        let json = EMBEDDED_JSON.iter().find(|(n, _)| same && *n == name);
        if let Some((_, json)) = json {
            if let Ok(value) = serde_json::from_str(json) {
                return Ok(value);
            }
            EMBEDDED_YAML_FALLBACKS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
    }
    // the parser's time grows with the square of the nesting depth
    if let Some(line) = flows_too_deep(text, MAX_RULE_FLOWS) {
        return Err(Error::Rules {
            file: file.to_string(),
            line,
            message: format!(
                "YAML nested more than {MAX_YAML_DEPTH} levels deep, or more than \
                 {MAX_RULE_FLOWS} flow collections ([…], {{…}})"
            ),
        });
    }
    serde_yaml::from_str(text).map_err(|e| {
        let line = e.location().map(|l| l.line()).unwrap_or(0);
        Error::Rules {
            file: file.to_string(),
            line,
            message: e.to_string(),
        }
    })
}

/// Refuse a bound that must be at least 1 (a divisor, a count), naming the
/// file, the line of its key and the key.
pub fn at_least_one(file: &str, text: &str, key: &str, value: usize) -> Result<()> {
    if value >= 1 {
        return Ok(());
    }
    let line = text
        .lines()
        .position(|l| {
            l.trim_start()
                .strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with(':'))
        })
        .map_or(0, |i| i + 1);
    Err(Error::Rules {
        file: file.to_string(),
        line,
        message: format!("`{key}` must be at least 1"),
    })
}

/// Lines of a plain-text lexicon, comments and blanks removed, trimmed.
pub fn parse_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| match l.find(" #") {
            Some(i) => &l[..i],
            None => l,
        })
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// Compile a regex from a rule file with size limits, naming the rule on failure.
/// A regex compiled on first use. Compiling a large Unicode pattern costs
/// milliseconds, more than rewriting an article, so patterns that an article
/// may not need wait until one does.
pub struct LazyRegex {
    file: String,
    id: String,
    pattern: String,
    cell: std::sync::OnceLock<Option<Pattern>>,
    /// The pattern compiled for texts of [`COMMON_CHARS`] only.
    common: std::sync::OnceLock<Option<Pattern>>,
}

impl LazyRegex {
    /// A pattern compiled on first use; if it does not compile then, it
    /// matches nothing (use [`LazyRegex::check`] or [`LazyRegex::eager`] for
    /// patterns that are not the project's own, which the test suite compiles).
    pub fn new(file: &str, id: &str, pattern: &str) -> LazyRegex {
        LazyRegex {
            file: file.to_string(),
            id: id.to_string(),
            pattern: pattern.to_string(),
            cell: std::sync::OnceLock::new(),
            common: std::sync::OnceLock::new(),
        }
    }

    /// A pattern compiled now: an invalid or oversized one is an error.
    pub fn eager(file: &str, id: &str, pattern: &str) -> Result<LazyRegex> {
        let lazy = LazyRegex::new(file, id, pattern);
        lazy.check()?;
        Ok(lazy)
    }

    /// Compile now if not yet done; the error names the file and the rule.
    pub fn check(&self) -> Result<()> {
        if self.get().is_some() {
            return Ok(());
        }
        compile_regex(&self.file, &self.id, &self.pattern).map(|_| ())
    }

    /// Whether the pattern has been compiled (or found not to compile).
    pub fn is_compiled(&self) -> bool {
        self.cell.get().is_some()
    }

    /// The pattern's text.
    pub fn pattern(&self) -> &str {
        &self.pattern
    }

    /// The compiled regex (`None` when the pattern does not compile).
    pub fn get(&self) -> Option<&Pattern> {
        self.cell
            .get_or_init(|| compile_regex(&self.file, &self.id, &self.pattern).ok())
            .as_ref()
    }

    /// The compiled regex to search `text` with: it finds in `text` what
    /// [`LazyRegex::get`] finds, and is compiled for texts made of
    /// [`COMMON_CHARS`] only when `text` is one (see [`is_common_text`]).
    pub fn get_for(&self, text: &str) -> Option<&Pattern> {
        self.get_variant(is_common_text(text))
    }

    /// The regex for texts of [`COMMON_CHARS`] only (`common`, as
    /// [`is_common_text`] tells), or for any text.
    pub fn get_variant(&self, common: bool) -> Option<&Pattern> {
        self.get_variant_parsed(common, None)
    }

    /// [`LazyRegex::get_variant`], given the pattern's syntax tree as
    /// `regex_syntax::ast::parse::Parser::new()` reads it, when it has been
    /// read already (for the literal pieces it needs): the regex for common
    /// texts is then compiled from it instead of reading the pattern again.
    pub fn get_variant_parsed(
        &self,
        common: bool,
        ast: Option<&regex_syntax::ast::Ast>,
    ) -> Option<&Pattern> {
        if !common {
            return self.get();
        }
        self.common
            .get_or_init(|| compile_common_regex(&self.pattern, ast))
            .as_ref()
            .or_else(|| self.get())
    }

    /// Whether the regex [`LazyRegex::get_variant`] gives has been compiled
    /// (or found not to compile).
    pub fn is_compiled_variant(&self, common: bool) -> bool {
        if common {
            self.common.get().is_some()
        } else {
            self.is_compiled()
        }
    }
}

/// The characters most texts are made of: Latin letters and their
/// diacritics, general punctuation, currency signs, arrows and other
/// symbols, emoji, and the white space of Unicode. A pattern's classes
/// (`\p{L}`, `\S`, `[^\n]`…) reach far beyond them, and compiling a class
/// costs about what it spans in UTF-8 byte sequences: for a text made of
/// these characters only, each class is cut down to them before compiling,
/// which cannot change what the pattern finds in such a text.
/// (Sorted, neither overlapping nor adjacent.)
pub const COMMON_CHARS: &[(char, char)] = &[
    ('\0', '\u{36f}'),
    ('\u{1680}', '\u{1680}'),
    ('\u{2000}', '\u{2bff}'),
    ('\u{3000}', '\u{3000}'),
    ('\u{fe00}', '\u{fe0f}'),
    ('\u{1f000}', '\u{1faff}'),
];

/// Whether every character of `text` is one of [`COMMON_CHARS`].
pub fn is_common_text(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // eight ASCII bytes at a time
        if let Some(chunk) = bytes.get(i..i + 8) {
            let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
            if word & 0x8080_8080_8080_8080 == 0 {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        let (code, len) = crate::french::utf8_at(bytes, i);
        if !COMMON_CHARS
            .iter()
            .any(|&(a, z)| a as u32 <= code && code <= z as u32)
        {
            return false;
        }
        i += len;
    }
    true
}

#[cfg(test)]
fn is_common_char(c: char) -> bool {
    COMMON_CHARS.iter().any(|&(a, b)| a <= c && c <= b)
}

/// A pattern compiled for texts of [`COMMON_CHARS`] only: its syntax tree,
/// as the engine reads it, with every class cut down to those characters
/// (`None` when the pattern does not compile).
fn compile_common_regex(pattern: &str, ast: Option<&regex_syntax::ast::Ast>) -> Option<Pattern> {
    let syntax = regex_automata::util::syntax::Config::new().utf8(true);
    // (the syntax configuration's parser and translator are those of
    // `regex_syntax` with their default settings)
    let hir = match ast {
        Some(ast) => regex_syntax::hir::translate::Translator::new()
            .translate(pattern, ast)
            .ok()?,
        None => regex_automata::util::syntax::parse_with(pattern, &syntax).ok()?,
    };
    let common = regex_syntax::hir::ClassUnicode::new(
        COMMON_CHARS
            .iter()
            .map(|&(a, b)| regex_syntax::hir::ClassUnicodeRange::new(a, b)),
    );
    let hir = within(hir, &common);
    regex_automata::meta::Builder::new()
        .configure(meta_config(pattern).dfa(false))
        .syntax(syntax)
        .build_from_hir(&hir)
        .ok()
        .map(|re| Pattern { re })
}

/// `hir` with each of its classes cut down to the characters of `common`
/// (a part without a class that reaches beyond them is kept as it is).
fn within(
    hir: regex_syntax::hir::Hir,
    common: &regex_syntax::hir::ClassUnicode,
) -> regex_syntax::hir::Hir {
    use regex_syntax::hir::{Class, Hir, HirKind};
    if !reaches_beyond_common(&hir) {
        return hir;
    }
    match hir.into_kind() {
        HirKind::Class(Class::Unicode(mut class)) => {
            class.intersect(common);
            Hir::class(Class::Unicode(class))
        }
        HirKind::Class(class) => Hir::class(class),
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(lit) => Hir::literal(lit.0),
        HirKind::Look(look) => Hir::look(look),
        HirKind::Repetition(mut rep) => {
            rep.sub = Box::new(within(*rep.sub, common));
            Hir::repetition(rep)
        }
        HirKind::Capture(mut cap) => {
            cap.sub = Box::new(within(*cap.sub, common));
            Hir::capture(cap)
        }
        HirKind::Concat(subs) => Hir::concat(subs.into_iter().map(|h| within(h, common)).collect()),
        HirKind::Alternation(subs) => {
            Hir::alternation(subs.into_iter().map(|h| within(h, common)).collect())
        }
    }
}

/// Whether a class of `hir` holds a character beyond [`COMMON_CHARS`].
fn reaches_beyond_common(hir: &regex_syntax::hir::Hir) -> bool {
    use regex_syntax::hir::{Class, HirKind};
    match hir.kind() {
        HirKind::Class(Class::Unicode(class)) => class.ranges().iter().any(|r| {
            // (the common ranges are not adjacent: a range within them is
            // within one)
            !COMMON_CHARS
                .iter()
                .any(|&(a, b)| a <= r.start() && r.end() <= b)
        }),
        HirKind::Repetition(rep) => reaches_beyond_common(&rep.sub),
        HirKind::Capture(cap) => reaches_beyond_common(&cap.sub),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => {
            subs.iter().any(reaches_beyond_common)
        }
        _ => false,
    }
}

/// Bounds on a compiled pattern: its automaton, and the lazy DFA's cache.
const NFA_SIZE_LIMIT: usize = 2 * 1024 * 1024;
const DFA_CACHE: usize = 4 * 1024 * 1024;

/// How a rule pattern is compiled (see [`Pattern`]).
fn meta_config(pattern: &str) -> regex_automata::meta::Config {
    regex_automata::meta::Config::new()
        .nfa_size_limit(Some(NFA_SIZE_LIMIT))
        .hybrid_cache_capacity(DFA_CACHE)
        .match_kind(regex_automata::MatchKind::LeftmostFirst)
        .utf8_empty(true)
        .auto_prefilter(needs_prefilter(pattern))
}

pub fn compile_regex(file: &str, id: &str, pattern: &str) -> Result<Pattern> {
    regex_automata::meta::Builder::new()
        .configure(meta_config(pattern))
        .syntax(regex_automata::util::syntax::Config::new().utf8(true))
        .build(pattern)
        .map(|re| Pattern { re })
        .map_err(|_| {
            // the error as the `regex` crate words it (this path only runs
            // on a pattern that does not compile)
            let e = regex::RegexBuilder::new(pattern)
                .size_limit(NFA_SIZE_LIMIT)
                .dfa_size_limit(DFA_CACHE)
                .build()
                .err()
                .map_or_else(|| "too large".to_string(), |e| e.to_string());
            Error::Rules {
                file: file.to_string(),
                line: 0,
                message: format!("rule `{id}`: invalid or too large pattern: {e}"),
            }
        })
}

/// Whether a pattern keeps the literal prefilters the engine extracts when
/// compiling it: only one with a word boundary does. The lazy DFA does not
/// handle a Unicode `\b` on non-ASCII text and leaves it to slower engines,
/// which the prefilter sends only to the places where a match may start;
/// every other pattern is searched by the lazy DFA at about the same speed
/// with or without it. (A `\b` that is something else, such as `\\b`,
/// only keeps a prefilter that is not needed.)
fn needs_prefilter(pattern: &str) -> bool {
    pattern.contains("\\b") || pattern.contains("\\B")
}

/// A compiled rule pattern: the `regex` crate's engine and matching rules
/// (leftmost-first, Unicode, no empty match inside a character), without
/// the literal prefilters it would extract at compile time unless the
/// pattern needs them ([`needs_prefilter`]). Extracting them was about half
/// the cost of compiling the junk patterns, and a junk rule only runs on a
/// text that holds the literal pieces it needs ([`crate::prefilter`]).
#[derive(Debug, Clone)]
pub struct Pattern {
    re: regex_automata::meta::Regex,
}

/// A match of a [`Pattern`] in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match<'h> {
    text: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Match<'h> {
    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.end
    }

    pub fn as_str(&self) -> &'h str {
        &self.text[self.start..self.end]
    }
}

/// The capture groups of one match of a [`Pattern`].
#[derive(Debug, Clone)]
pub struct Captures<'h> {
    text: &'h str,
    caps: regex_automata::util::captures::Captures,
}

impl<'h> Captures<'h> {
    /// Group `i` (0: the whole match), when it took part in the match.
    pub fn get(&self, i: usize) -> Option<Match<'h>> {
        self.caps.get_group(i).map(|s| Match {
            text: self.text,
            start: s.start,
            end: s.end,
        })
    }
}

impl Pattern {
    pub fn is_match(&self, text: &str) -> bool {
        self.re.is_match(text)
    }

    /// The successive non-overlapping matches.
    pub fn find_iter<'h>(&'h self, text: &'h str) -> impl Iterator<Item = Match<'h>> + 'h {
        self.re.find_iter(text).map(move |m| Match {
            text,
            start: m.start(),
            end: m.end(),
        })
    }

    /// The successive non-overlapping matches inside `range` of `text`
    /// (what lies around it still counts for look-around such as `\b`).
    pub fn find_iter_in<'h>(
        &'h self,
        text: &'h str,
        range: std::ops::Range<usize>,
    ) -> impl Iterator<Item = Match<'h>> + 'h {
        let input = regex_automata::Input::new(text).range(range);
        self.re.find_iter(input).map(move |m| Match {
            text,
            start: m.start(),
            end: m.end(),
        })
    }

    /// Whether it matches inside `range` of `text` (what lies around it
    /// still counts for look-around such as `\b`).
    pub fn is_match_in(&self, text: &str, range: std::ops::Range<usize>) -> bool {
        self.re
            .is_match(regex_automata::Input::new(text).range(range))
    }

    /// The capture groups of the successive non-overlapping matches inside
    /// `range` of `text`.
    pub fn captures_iter_in<'h>(
        &'h self,
        text: &'h str,
        range: std::ops::Range<usize>,
    ) -> impl Iterator<Item = Captures<'h>> + 'h {
        self.re
            .captures_iter(regex_automata::Input::new(text).range(range))
            .map(move |caps| Captures { text, caps })
    }

    /// The capture groups of the successive non-overlapping matches.
    pub fn captures_iter<'h>(&'h self, text: &'h str) -> impl Iterator<Item = Captures<'h>> + 'h {
        self.re
            .captures_iter(text)
            .map(move |caps| Captures { text, caps })
    }

    /// The capture groups of the first match.
    pub fn captures<'h>(&self, text: &'h str) -> Option<Captures<'h>> {
        self.captures_at(text, 0)
    }

    /// The capture groups of the first match starting at `start` or after
    /// (what comes before `start` still counts for look-around such as `\b`).
    pub fn captures_at<'h>(&self, text: &'h str, start: usize) -> Option<Captures<'h>> {
        let mut caps = self.re.create_captures();
        let input = regex_automata::Input::new(text).range(start..);
        self.re.search_captures(&input, &mut caps);
        caps.is_match().then_some(Captures { text, caps })
    }

    /// The names of the capture groups, in order (group 0 has none).
    pub fn capture_names(&self) -> impl Iterator<Item = Option<&str>> + '_ {
        self.re
            .group_info()
            .pattern_names(regex_automata::PatternID::ZERO)
    }
}

/// Texts of one common character in several settings, for every character
/// of [`COMMON_CHARS`]: for tests comparing the two regexes of a pattern.
#[cfg(test)]
pub(crate) fn common_char_probes() -> Vec<String> {
    COMMON_CHARS
        .iter()
        .flat_map(|&(a, b)| a..=b)
        .map(|c| format!("{c}A{c} ({c}B{c}) 12{c} 3 {c}{c}. ({c})\nLe 1er {c} à 10 {c}"))
        .collect()
}

/// Every match, with its groups, of the two regexes of `lazy` (the one for
/// any text and the one for texts of common characters) is the same in
/// each text of common characters of `texts`.
#[cfg(test)]
pub(crate) fn assert_variants_agree(lazy: &LazyRegex, texts: &[String]) {
    let full = lazy.get().expect("the pattern compiles");
    let common = lazy.get_variant(true).expect("the pattern compiles");
    let groups = full.capture_names().count();
    assert_eq!(groups, common.capture_names().count(), "{}", lazy.id);
    let all = |re: &Pattern, t: &str| -> Vec<Vec<Option<(usize, usize)>>> {
        re.captures_iter(t)
            .map(|c| {
                (0..groups)
                    .map(|i| c.get(i).map(|m| (m.start(), m.end())))
                    .collect()
            })
            .collect()
    };
    let mut compared = 0;
    for t in texts.iter().filter(|t| is_common_text(t)) {
        assert_eq!(all(full, t), all(common, t), "{}: {t:?}", lazy.id);
        let spans = |re: &Pattern| -> Vec<(usize, usize)> {
            re.find_iter(t).map(|m| (m.start(), m.end())).collect()
        };
        assert_eq!(spans(full), spans(common), "{}: {t:?}", lazy.id);
        assert_eq!(full.is_match(t), common.is_match(t), "{}: {t:?}", lazy.id);
        compared += 1;
    }
    assert!(compared > 0, "{}: no text compared", lazy.id);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_common_text_is_one_of_common_characters() {
        for t in [
            "",
            "abc",
            "Été « déjà » – 3 € → ✓ 📊\u{fe0f}",
            "Ǆ ǅ ǆ ſ K",
            "Αθήνα",
            "日本",
            "a\u{370}",
            "\u{36f}\u{2bff}\u{1faff}",
            "\u{1fb00}",
            "\u{10ffff}",
        ] {
            assert_eq!(is_common_text(t), t.chars().all(is_common_char), "{t:?}");
        }
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let one = c.to_string();
            assert_eq!(is_common_text(&one), is_common_char(c), "{c:?}");
            let mixed = format!("abcdefgh{c}é{c}abcdefghijklmnop{c}");
            assert_eq!(is_common_text(&mixed), is_common_char(c), "{c:?}");
        }
        for w in COMMON_CHARS.windows(2) {
            assert!(w[0].1 < w[1].0 && (w[0].1 as u32) + 1 < w[1].0 as u32);
        }
    }

    #[test]
    fn a_regex_for_common_texts_finds_what_the_other_finds() {
        let patterns = [
            r"\p{L}+|\S+\s+\w",
            r"(?i)\bstra(ß|ss)e\b|[^\n]{2}|(?P<x>\p{Lu})\.",
            r"(?m)^\W*(\d+)\s*$|.\B.",
        ];
        let mut texts = common_char_probes();
        texts.push("Straße STRASSE strasse 12 Été. A. b".to_string());
        for (i, p) in patterns.iter().enumerate() {
            let lazy = LazyRegex::new("test", &format!("p{i}"), p);
            assert_variants_agree(&lazy, &texts);
        }
    }

    #[test]
    fn every_embedded_yaml_file_has_its_values_in_json() {
        for (name, yaml) in EMBEDDED.iter().filter(|(n, _)| n.ends_with(".yaml")) {
            let json = EMBEDDED_JSON
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, j)| *j)
                .unwrap_or_else(|| panic!("{name} has no JSON form"));
            let from_yaml: serde_yaml::Value = serde_yaml::from_str(yaml).expect("YAML");
            let from_json: serde_yaml::Value = serde_json::from_str(json).expect("JSON");
            assert_eq!(from_yaml, from_json, "{name}");
        }
    }

    #[test]
    fn the_engine_loads_every_embedded_file_from_json() {
        crate::Engine::new(&Source::embedded()).expect("embedded rules load");
        let fallbacks = EMBEDDED_YAML_FALLBACKS.load(std::sync::atomic::Ordering::Relaxed);
        assert_eq!(fallbacks, 0, "embedded files read from YAML");
    }

    #[test]
    fn an_edited_embedded_text_is_read_as_yaml() {
        let (file, text) = Source::embedded().text("rules/meta.yaml").unwrap();
        let edited = format!("{text}\nnot_a_field: 1\n");
        let parsed: std::result::Result<serde_yaml::Value, _> = parse_yaml(&file, &edited);
        let value = parsed.expect("still YAML");
        assert!(value.get("not_a_field").is_some());
    }
}
