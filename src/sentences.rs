//! Stage 4: French sentence boundaries.
//!
//! A single left-to-right scanner over the characters (no UAX #29 base: its
//! sentence rules do not know French abbreviations, guillemets or dialogue
//! dashes, and correcting it cost more than scanning directly). Cost is linear
//! in the size of the text: every look-back or look-ahead is bounded, and a
//! boundary proposed inside a quotation is undone at most once.
//!
//! A candidate boundary is a run of terminal marks (`.` `!` `?` `…`), with the
//! closing quotes and brackets that follow it, then white space and a plausible
//! sentence start (a capital, a digit, an opening quote or bracket, a dialogue
//! dash). A candidate is vetoed
//! - after an abbreviation of `lexicons/abbreviations.txt` (`M.`, `art.`,
//!   `p. ex.`); the `[may-end]` ones (`etc.`, `J.-C.`) and initials (`C.`,
//!   `U.S.`) end a sentence only before a common sentence starter, a function
//!   word of `lexicons/function_words.txt` (`etc. Le…` is cut, `J. Dupont` is not);
//! - after the number of a numbered list (`1. Le premier point`);
//! - after a bracketed ellipsis (`[…]`), or a `)` that closes a parenthesis
//!   opened in the middle of the sentence (unless an ellipsis ends it and a
//!   common sentence starter follows: `(scie, marteau...) Le coût ?`);
//! - inside « guillemets » or parentheses when, once they close, the text goes
//!   on in lowercase (`« Quoi ? Non ! » dit-il`).
//!
//! A single period before a lowercase word ends a sentence too (list items
//! and typos: `courage. créent une…`), unless vetoed as above; `?`, `!` and
//! `…` before a lowercase word do not (`Quoi ? dit-il`).
//!
//! A verb and its hyphenated pronoun, capitalised after a lowercase word
//! (`… les euros Rappelons-le : …`, `… de Node.js Ai-je besoin …`), start a
//! sentence whose full stop went missing, when more words than a heading holds
//! came before them in the sentence.
//!
//! A blank line always ends a sentence; a single newline is white space. A
//! period glued to a capitalised word (`chacun.Nous`) is a boundary when the
//! token is not a URL, an e-mail address or a domain name.
use crate::error::{Error, Result};
use crate::fxhash::FxBuild;
use crate::rules::Source;
use std::collections::HashSet;
use std::ops::Range;

const FILE: &str = "lexicons/abbreviations.txt";
const STARTERS: &str = "lexicons/function_words.txt";

/// Longest token looked at before a period, in characters.
const MAX_TOKEN: usize = 64;
/// A quotation or parenthesis longer than this (in bytes) keeps the boundaries
/// found inside it even when the text goes on in lowercase after it: an
/// unbalanced quote must not swallow a whole paragraph.
const MAX_SPAN: usize = 1500;
/// Deepest nesting of quotes and brackets tracked.
const MAX_DEPTH: usize = 16;

/// The compiled splitter.
pub struct Splitter {
    /// A period after these never ends a sentence.
    never_final: HashSet<String, FxBuild>,
    /// A period after these ends a sentence only before a sentence starter.
    may_end: HashSet<String, FxBuild>,
    /// Abbreviations written with spaces ("p. ex", "av. J.-C"), longest first,
    /// with whether they may end a sentence.
    multi: Vec<(String, bool)>,
    /// Lowercase words that commonly start a sentence.
    starters: HashSet<String, FxBuild>,
}

/// A proposed boundary.
struct Cut {
    /// Byte offset where the sentence ends (exclusive, before trimming).
    end: usize,
    /// Byte offset where the next sentence starts.
    next: usize,
    /// Char index where the next sentence starts.
    next_k: usize,
    /// Char index of the outermost open quote or bracket the cut lies in.
    inside: Option<usize>,
}

impl Splitter {
    pub fn load(source: &Source) -> Result<Splitter> {
        let (file, text) = source.text(FILE)?;
        let mut never_final = HashSet::default();
        let mut may_end = HashSet::default();
        let mut multi = Vec::new();
        let mut final_ok = false;
        for (no, line) in text.lines().enumerate() {
            let line = match line.find(" #") {
                Some(i) => &line[..i],
                None => line,
            }
            .trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if line.starts_with('[') {
                final_ok = match line {
                    "[never-final]" => false,
                    "[may-end]" => true,
                    _ => {
                        return Err(Error::Rules {
                            file,
                            line: no + 1,
                            message: format!(
                                "unknown section {line}: expected [never-final] or [may-end]"
                            ),
                        })
                    }
                };
                continue;
            }
            let entry = line.strip_suffix('.').unwrap_or(line);
            if entry.is_empty() || entry.chars().count() > MAX_TOKEN {
                return Err(Error::Rules {
                    file,
                    line: no + 1,
                    message: format!("invalid abbreviation `{line}`"),
                });
            }
            if entry.contains(char::is_whitespace) {
                let words: Vec<&str> = entry.split_whitespace().collect();
                multi.push((words.join(" "), final_ok));
            } else if final_ok {
                may_end.insert(entry.to_string());
            } else {
                never_final.insert(entry.to_string());
            }
        }
        multi.sort_by_key(|(m, _)| std::cmp::Reverse(m.len()));
        let starters = source
            .lines(STARTERS)?
            .into_iter()
            .map(|w| w.to_lowercase())
            .collect();
        Ok(Splitter {
            never_final,
            may_end,
            multi,
            starters,
        })
    }

    /// Sentences of `text` as byte ranges, trimmed of surrounding white space,
    /// in order and non-overlapping. A blank line always ends a sentence.
    pub fn split(&self, text: &str) -> Vec<Range<usize>> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let scan = Scan {
            text,
            chars: &chars,
            lower_words: std::cell::OnceCell::new(),
        };
        let n = chars.len();
        let mut cuts: Vec<Cut> = Vec::new();
        // open quotes and brackets: (expected closer, char index of the opener)
        let mut stack: Vec<(char, usize)> = Vec::new();
        let mut para_start = scan.skip_space(0);
        let mut k = 0;
        // end of the last candidate examined: its marks after closers ("! ».")
        // are not candidates again
        let mut covered = 0;
        while k < n {
            let c = chars[k].1;
            if c == '\n' {
                let mut j = k + 1;
                while j < n && chars[j].1 != '\n' && chars[j].1.is_whitespace() {
                    j += 1;
                }
                if j < n && chars[j].1 == '\n' {
                    let next_k = scan.skip_space(j + 1);
                    cuts.push(Cut {
                        end: chars[k].0,
                        next: scan.byte(next_k),
                        next_k,
                        inside: None,
                    });
                    stack.clear();
                    para_start = next_k;
                    k = next_k;
                    continue;
                }
                k += 1;
                continue;
            }
            if let Some(closer) = opener(c) {
                let is_closing_dq = c == '"' && stack.iter().any(|&(e, _)| e == '"');
                if !is_closing_dq {
                    if stack.len() < MAX_DEPTH {
                        stack.push((closer, k));
                    }
                    k += 1;
                    continue;
                }
            }
            if is_closer(c) {
                if let Some(idx) = stack.iter().rposition(|&(e, _)| e == c) {
                    if idx == 0 {
                        let open = stack[0].1;
                        let span = chars[k].0 - chars[open].0;
                        if span <= MAX_SPAN && scan.goes_on(k + 1) {
                            // the cut after the closer itself ("! ».") stays
                            let after = if cuts.last().is_some_and(|cut| cut.end > chars[k].0) {
                                cuts.pop()
                            } else {
                                None
                            };
                            while cuts.last().is_some_and(|cut| cut.inside == Some(open)) {
                                cuts.pop();
                            }
                            cuts.extend(after);
                        }
                    }
                    stack.truncate(idx);
                }
                k += 1;
                continue;
            }
            // « … aussi simple que les euros Rappelons-le : … »: a verb and
            // its hyphenated pronoun, capitalised after a lowercase word,
            // start a sentence whose full stop went missing (so does an
            // interrogative word that opens a short question: « … sur
            // mobile Qu’est-ce que je peux faire ? »); after a few
            // words only, they may follow a heading the structure stage
            // reads (« Les réponses au questionnaire Avez-vous … ? »)
            if k >= 2
                && chars[k - 1].1 == ' '
                && c.is_uppercase()
                && stack.is_empty()
                && k >= covered
                && (verb_pronoun_after_word(&scan, k) || question_after_word(&scan, k))
                && words_between(&scan, cuts.last().map_or(para_start, |cut| cut.next_k), k)
                    > MAX_HEADING_WORDS
            {
                cuts.push(Cut {
                    end: chars[k - 2].0 + chars[k - 2].1.len_utf8(),
                    next: chars[k].0,
                    next_k: k,
                    inside: None,
                });
                k += 1;
                continue;
            }
            // an emoticon that ends a sentence without a mark before it
            // (« … l’adresse de votre produit ;) Taux d’activation … »)
            if matches!(c, ';' | ':')
                && k >= covered
                && k > 0
                && chars[k - 1].1 == ' '
                && stack.is_empty()
            {
                if let Some(len) = emoticon_at(&chars, k) {
                    let m = k + len;
                    let s = scan.skip_space(m);
                    if m < n && s < n && !scan.blank_line_between(m, s) && scan.starts_sentence(s) {
                        cuts.push(Cut {
                            end: chars[m].0,
                            next: chars[s].0,
                            next_k: s,
                            inside: None,
                        });
                        covered = m;
                        k = m;
                        continue;
                    }
                }
            }
            if !is_terminal(c) || k < covered {
                k += 1;
                continue;
            }
            // a run of terminal marks
            let mut j = k + 1;
            while j < n && is_terminal(chars[j].1) {
                j += 1;
            }
            let single_period = c == '.' && j == k + 1;
            let ellipsis = c == '…' || (c == '.' && j > k + 1);
            if ellipsis && k > 0 && matches!(chars[k - 1].1, '(' | '[') {
                k = j;
                continue;
            }
            // the closing quotes and brackets after it (and marks after them: "! ».")
            let mut m = j;
            let mut depth = stack.len();
            let mut closes_mid_paren = false;
            // marks after the closers: the first period was not the last word's
            let mut marks_after = false;
            let sentence_start = cuts.last().map_or(para_start, |cut| cut.next_k);
            loop {
                if m < n && is_terminal(chars[m].1) {
                    // a mark after the closer ends the sentence: "(voir plus bas…)."
                    closes_mid_paren = false;
                    marks_after = true;
                    m += 1;
                    continue;
                }
                let mut p = m;
                while p < n && is_inline_space(chars[p].1) {
                    p += 1;
                }
                let tight = p == m;
                let spaced_closer = |e: char| match e {
                    '»' | '”' => true,
                    '"' => stack[..depth].iter().any(|&(x, _)| x == '"'),
                    _ => false,
                };
                if p < n && is_closer(chars[p].1) && (tight || spaced_closer(chars[p].1)) {
                    let e = chars[p].1;
                    if let Some(idx) = stack[..depth].iter().rposition(|&(x, _)| x == e) {
                        if matches!(e, ')' | ']') && stack[idx].1 > sentence_start {
                            closes_mid_paren = true;
                        }
                        depth = idx;
                    }
                    m = p + 1;
                    continue;
                }
                if tight && m < n && matches!(chars[m].1, '’' | '\'') {
                    m += 1;
                    continue;
                }
                // an emoticon after the marks belongs to the sentence they
                // end (« … vos droits ? ;) Pour aller plus loin »)
                if let Some(len) = emoticon_at(&chars, p) {
                    m = p + len;
                    continue;
                }
                break;
            }
            covered = m;
            if m >= n {
                break;
            }
            if !chars[m].1.is_whitespace() {
                // glued: "chacun.Nous" is a boundary, "exemple.fr" or "3.5" is not
                if single_period && m == j && self.glued_boundary(&scan, k) {
                    cuts.push(Cut {
                        end: chars[m].0,
                        next: chars[m].0,
                        next_k: m,
                        inside: (depth > 0).then(|| stack[0].1),
                    });
                }
                k = j;
                continue;
            }
            let s = scan.skip_space(m);
            if s >= n || scan.blank_line_between(m, s) {
                k = j;
                continue;
            }
            // a period (not a quotation's) before a lowercase word still ends a
            // sentence: list items and typos ("courage. créent une…")
            let lower = single_period && m == j && scan.lower_word(s);
            // (an ellipsis that closes a parenthesis, « (Excalidraw,
            // Photopea...) Le coût ? », ends the sentence before a common
            // sentence starter: the author's full stop was left out)
            let ok = (lower || scan.starts_sentence(s))
                && (!closes_mid_paren || ellipsis && !marks_after && self.starter(&scan, s, true))
                && !(single_period
                    && !marks_after
                    && self.vetoed(&scan, k, s, sentence_start, lower));
            if ok {
                cuts.push(Cut {
                    end: chars[m].0,
                    next: chars[s].0,
                    next_k: s,
                    inside: (depth > 0).then(|| stack[0].1),
                });
            }
            k = j;
        }
        let mut out = Vec::with_capacity(cuts.len() + 1);
        let mut start = 0;
        for cut in &cuts {
            push(&mut out, text, start, cut.end);
            start = cut.next;
        }
        push(&mut out, text, start, text.len());
        out
    }

    /// Does the period at char index `k` belong to an abbreviation, an initial
    /// or a list number, rather than end the sentence going on at `s`?
    fn vetoed(&self, scan: &Scan, k: usize, s: usize, sentence_start: usize, lower: bool) -> bool {
        let chars = scan.chars;
        let mut b = k;
        while b > 0
            && k - b < MAX_TOKEN
            && !chars[b - 1].1.is_whitespace()
            && opener(chars[b - 1].1).is_none()
        {
            b -= 1;
        }
        let token = &scan.text[chars[b].0..chars[k].0];
        // elided article or preposition: l’art. 3, d’av. J.-C.
        let bare = match token.rfind(['’', '\'']) {
            Some(i) => &token[i + token[i..].chars().next().map_or(1, char::len_utf8)..],
            None => token,
        };
        if bare.is_empty() {
            return false;
        }
        // numbered list: "1. Le premier point", ": 2. Le second"
        if bare.len() <= 3 && bare.bytes().all(|x| x.is_ascii_digit()) {
            let before = scan.prev_non_space(b);
            return b == sentence_start || matches!(before, None | Some(':') | Some('\n'));
        }
        if let Some(may_end) = self.abbreviation(scan, k, bare) {
            return !(may_end && (self.starter(scan, s, false) || common_word_at(scan, s)));
        }
        // "a. le premier point", "n. m."
        if lower && bare.chars().count() == 1 && bare.chars().all(char::is_alphabetic) {
            return true;
        }
        if is_initials(bare) {
            // a parenthesis after an acronym spells it out (« l’initiative
            // C.H.A.T.O.N.S. (Collectif des hébergeurs …) »)
            return bare.contains('.') && matches!(scan.chars[s].1, '(' | '[')
                || !self.starter(scan, s, true);
        }
        false
    }

    /// Is `bare` (the token before the period at `k`) an abbreviation? Some(true)
    /// when it may end a sentence.
    fn abbreviation(&self, scan: &Scan, k: usize, bare: &str) -> Option<bool> {
        let before = &scan.text[..scan.chars[k].0];
        for (m, may_end) in &self.multi {
            if let Some(head) = before.strip_suffix(m.as_str()) {
                if head.is_empty() || head.ends_with(|c: char| c.is_whitespace() || c == '(') {
                    return Some(*may_end);
                }
            }
        }
        if self.never_final.contains(bare) {
            return Some(false);
        }
        if self.may_end.contains(bare) {
            return Some(true);
        }
        // "Art. 3", "Cf. le rapport", "Etc."
        let mut it = bare.chars();
        let first = it.next()?;
        if first.is_uppercase() && it.clone().all(|c| !c.is_uppercase()) {
            let lower: String = first.to_lowercase().chain(it).collect();
            if self.never_final.contains(&lower) {
                return Some(false);
            }
            if self.may_end.contains(&lower) {
                return Some(true);
            }
        }
        None
    }

    /// Does the text at char index `s` start with a common sentence starter?
    /// Quotes and dashes count as starters, digits and unknown capitalised
    /// words (proper nouns) do not. With `names`, "Le" or "De" followed by a
    /// capitalised word is a name particle (J. Le Pen), not a starter.
    fn starter(&self, scan: &Scan, s: usize, names: bool) -> bool {
        let chars = scan.chars;
        let c = chars[s].1;
        if opener(c).is_some() || is_dash(c) {
            // unless a lowercase word follows: « … le son, etc. (qui
            // correspondent …) » goes on
            let mut t = s + 1;
            while t < chars.len() && (chars[t].1.is_whitespace() || opener(chars[t].1).is_some()) {
                t += 1;
            }
            return !(t < chars.len() && chars[t].1.is_lowercase());
        }
        if !c.is_uppercase() {
            return false;
        }
        let mut e = s;
        while e < chars.len() && e - s < MAX_TOKEN && chars[e].1.is_alphabetic() {
            e += 1;
        }
        if e == s {
            return false;
        }
        let word = scan.text[chars[s].0..scan.byte(e)].to_lowercase();
        if !self.starters.contains(&word) {
            // a verb and its inverted subject (« Existe-t-il », « Faut-il »,
            // « Pouvez-vous »): a question starts, no name goes on so
            return inversion_at(scan, e);
        }
        // elided forms count with their apostrophe only: "L’effet", not "L. 121-1"
        if e - s == 1 || word == "qu" {
            return e < chars.len() && matches!(chars[e].1, '’' | '\'');
        }
        if names && matches!(word.as_str(), "le" | "la" | "de" | "du" | "des" | "van") {
            let mut f = e;
            if f < chars.len() && matches!(chars[f].1, '’' | '\'' | ' ') {
                f += 1;
            }
            if f < chars.len() && chars[f].1.is_uppercase() {
                return false;
            }
        }
        true
    }

    /// Is the period at char index `k`, glued to the next word, a boundary?
    fn glued_boundary(&self, scan: &Scan, k: usize) -> bool {
        let chars = scan.chars;
        let n = chars.len();
        // next: a capital then a lowercase letter
        if !(k + 2 < n && chars[k + 1].1.is_uppercase() && chars[k + 2].1.is_lowercase()) {
            return false;
        }
        // before: a lowercase word of two letters or more, alone in its token
        let mut b = k;
        while b > 0 && k - b < MAX_TOKEN && chars[b - 1].1.is_alphabetic() {
            b -= 1;
        }
        if k - b < 2 || !chars[b..k].iter().all(|&(_, c)| c.is_lowercase()) {
            return false;
        }
        if b > 0 && !chars[b - 1].1.is_whitespace() && !matches!(chars[b - 1].1, '’' | '\'') {
            return false;
        }
        let word = &scan.text[chars[b].0..chars[k].0];
        if matches!(word, "www" | "http" | "https") {
            return false;
        }
        // the whole glued token must not look like a URL or an address
        let mut e = k + 1;
        while e < n && e - k < MAX_TOKEN && !chars[e].1.is_whitespace() {
            if matches!(chars[e].1, '/' | '@' | '.' | ':' | '=' | '_') {
                return false;
            }
            e += 1;
        }
        self.abbreviation(scan, k, word).is_none()
    }
}

/// The text and its characters, with bounded look-arounds.
/// Does a capitalised word at char index `s` read as a common word, one the
/// text also writes in lowercase (« … des notes, etc. Technique Si vous … »,
/// « un profil technique »)? A name keeps its capital everywhere. Looked for
/// only after an abbreviation that may end a sentence, before a word that is
/// no common starter.
fn common_word_at(scan: &Scan, s: usize) -> bool {
    const MIN_CHARS: usize = 3;
    let chars = scan.chars;
    let mut e = s;
    while e < chars.len() && e - s < MAX_TOKEN && chars[e].1.is_alphabetic() {
        e += 1;
    }
    if e - s < MIN_CHARS
        || !chars[s].1.is_uppercase()
        || chars[s + 1..e].iter().any(|&(_, c)| !c.is_lowercase())
    {
        return false;
    }
    let lower = scan.text[chars[s].0..scan.byte(e)].to_lowercase();
    let text = scan.text;
    scan.lower_words
        .get_or_init(|| {
            text.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.starts_with(char::is_lowercase))
                .collect()
        })
        .contains(lower.as_str())
}

struct Scan<'a> {
    text: &'a str,
    chars: &'a [(usize, char)],
    /// The words the text writes in lowercase, gathered the first time a
    /// sentence boundary needs them (see `common_word_at`): one pass over
    /// the text at most, however many abbreviations ask.
    lower_words: std::cell::OnceCell<HashSet<&'a str, FxBuild>>,
}

impl Scan<'_> {
    fn byte(&self, k: usize) -> usize {
        self.chars.get(k).map_or(self.text.len(), |&(b, _)| b)
    }

    fn skip_space(&self, mut k: usize) -> usize {
        while k < self.chars.len() && self.chars[k].1.is_whitespace() {
            k += 1;
        }
        k
    }

    fn blank_line_between(&self, from: usize, to: usize) -> bool {
        self.chars[from..to]
            .iter()
            .filter(|&&(_, c)| c == '\n')
            .nth(1)
            .is_some()
    }

    fn prev_non_space(&self, mut b: usize) -> Option<char> {
        while b > 0 {
            b -= 1;
            let c = self.chars[b].1;
            if c == '\n' || !c.is_whitespace() {
                return Some(c);
            }
        }
        None
    }

    /// Does the text at char index `s` look like the start of a sentence?
    fn starts_sentence(&self, s: usize) -> bool {
        let c = self.chars[s].1;
        if c.is_uppercase() || c.is_numeric() || opener(c).is_some() {
            return true;
        }
        if is_dash(c) {
            // a dialogue dash, unless an incise goes on: "non ! – et il partit"
            let t = self.skip_space(s + 1);
            return t >= self.chars.len() || !self.chars[t].1.is_lowercase();
        }
        matches!(c, '•' | '·' | '▪' | '►' | '*' | '¿' | '¡' | '…')
    }

    /// Does a lowercase word of two letters or more start at `s`?
    fn lower_word(&self, s: usize) -> bool {
        s + 1 < self.chars.len()
            && self.chars[s].1.is_lowercase()
            && self.chars[s + 1].1.is_alphabetic()
    }

    /// After a closing quote or bracket at `k - 1`, does the sentence go on
    /// (a lowercase word, a comma, an incise)?
    fn goes_on(&self, k: usize) -> bool {
        let n = self.chars.len();
        let mut t = k;
        while t < n && is_inline_space(self.chars[t].1) {
            t += 1;
        }
        if t < n && is_dash(self.chars[t].1) {
            t += 1;
            while t < n && is_inline_space(self.chars[t].1) {
                t += 1;
            }
        }
        t < n && {
            let c = self.chars[t].1;
            c.is_lowercase() || matches!(c, ',' | ';' | ':' | ')' | ']' | '.')
        }
    }
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉')
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '―')
}

fn is_inline_space(c: char) -> bool {
    c != '\n' && c.is_whitespace()
}

/// The closer expected after an opening quote or bracket.
fn opener(c: char) -> Option<char> {
    match c {
        '«' => Some('»'),
        '“' => Some('”'),
        '"' => Some('"'),
        '(' => Some(')'),
        '[' => Some(']'),
        _ => None,
    }
}

/// The length, in characters, of an emoticon (« ;) », « :-) », « :D ») at
/// `p`, followed by white space or the end of the text.
fn emoticon_at(chars: &[(usize, char)], p: usize) -> Option<usize> {
    const EMOTICONS: [&str; 8] = [";-)", ":-)", ":-(", ";)", ":)", ":(", ":D", ";D"];
    EMOTICONS.iter().find_map(|e| {
        let len = e.chars().count();
        let fits = chars.len() >= p + len
            && e.chars().zip(&chars[p..p + len]).all(|(a, &(_, b))| a == b)
            && chars.get(p + len).is_none_or(|&(_, c)| c.is_whitespace());
        fits.then_some(len)
    })
}

fn is_closer(c: char) -> bool {
    matches!(c, '»' | '”' | '"' | ')' | ']')
}

/// One capital letter (J), or dotted initials and acronyms (J.-P, U.S, O.N.U).
fn is_initials(bare: &str) -> bool {
    let mut parts = 0;
    for part in bare.split('.') {
        let part = part.strip_prefix('-').unwrap_or(part);
        let mut cs = part.chars();
        match (cs.next(), cs.next()) {
            (Some(a), None) if a.is_uppercase() => {}
            (Some(a), Some(b)) if parts > 0 && a.is_uppercase() && cs.next().is_none() => {
                if !b.is_alphabetic() {
                    return false;
                }
            }
            _ => return false,
        }
        parts += 1;
    }
    parts > 0
}

fn push(out: &mut Vec<Range<usize>>, text: &str, start: usize, end: usize) {
    if start >= end {
        return;
    }
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        out.push(start + lead..start + lead + trimmed.len());
    }
}

/// Longest inlined heading, in words (`max_heading_words` of
/// `rules/structure.yaml`): a missing full stop is restored here only after
/// more words than a heading holds.
const MAX_HEADING_WORDS: usize = 14;

/// Words (runs of non-space characters) between char indices `from` and `to`.
fn words_between(scan: &Scan, from: usize, to: usize) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for &(_, c) in &scan.chars[from.min(to)..to] {
        let space = c.is_whitespace();
        if !space && !in_word {
            words += 1;
        }
        in_word = !space;
    }
    words
}

/// Pronouns a verb carries after a hyphen: inverted subjects (« Ai-je »,
/// « Existe-t-il ») and the objects of an imperative (« Rappelons-le »).
const HYPHENATED_PRONOUNS: &[&str] = &[
    "je", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "ce", "le", "la", "les", "moi",
    "toi", "lui", "leur", "en", "y", "t-il", "t-elle", "t-on", "t-ils", "t-elles",
];

/// Does the capitalised word at char index `k` read as a verb with its
/// hyphenated pronoun (« Rappelons-le », « Ai-je », « Existe-t-il »), after
/// a single space and a word ending on a lowercase letter or a digit?
fn verb_pronoun_after_word(scan: &Scan, k: usize) -> bool {
    let chars = scan.chars;
    if k < 2 || !is_inline_space(chars[k - 1].1) {
        return false;
    }
    let before = chars[k - 2].1;
    if !(before.is_lowercase() || before.is_ascii_digit()) {
        return false;
    }
    // the verb: a capital, then at least one lowercase letter, then a hyphen
    let mut j = k + 1;
    while j < chars.len() && j - k <= MAX_TOKEN && chars[j].1.is_lowercase() {
        j += 1;
    }
    if j == k + 1 || j >= chars.len() || chars[j].1 != '-' {
        return false;
    }
    // the pronoun, up to the end of the word
    let start = j + 1;
    let mut e = start;
    while e < chars.len() && e - start <= 8 && (chars[e].1.is_lowercase() || chars[e].1 == '-') {
        e += 1;
    }
    if e < chars.len() && chars[e].1.is_alphanumeric() {
        return false;
    }
    let from = chars.get(start).map_or(scan.text.len(), |c| c.0);
    let to = chars.get(e).map_or(scan.text.len(), |c| c.0);
    HYPHENATED_PRONOUNS.contains(&&scan.text[from..to])
}

/// Interrogative words that open a question (lowercase, typographic
/// apostrophe).
const INTERROGATIVES: &[&str] = &[
    "qu’est-ce",
    "est-ce",
    "comment",
    "pourquoi",
    "quel",
    "quelle",
    "quels",
    "quelles",
    "où",
    "quand",
    "combien",
];

/// Longest question (in chars) an interrogative word may open inside a
/// sentence.
const MAX_GLUED_QUESTION_CHARS: usize = 160;

/// Does the capitalised word at char index `k` open a question whose mark
/// ends the sentence soon after (`MAX_GLUED_QUESTION_CHARS`, no other end
/// of sentence before it), after a single space and a word ending on a
/// lowercase letter, a digit or the slash of an address?
fn question_after_word(scan: &Scan, k: usize) -> bool {
    let chars = scan.chars;
    if k < 2 || !is_inline_space(chars[k - 1].1) {
        return false;
    }
    let before = chars[k - 2].1;
    if !(before.is_lowercase() || before.is_ascii_digit() || before == '/') {
        return false;
    }
    // (every one of them opens on one of these capitals)
    if !matches!(chars[k].1, 'Q' | 'E' | 'C' | 'P' | 'O') {
        return false;
    }
    let mut j = k;
    while j < chars.len() && j - k <= MAX_TOKEN && (chars[j].1.is_alphabetic() || chars[j].1 == '-')
    {
        j += 1;
    }
    // « Qu’est-ce », « Qu'est-ce »
    if j < chars.len() && matches!(chars[j].1, '’' | '\'') {
        let mut e = j + 1;
        while e < chars.len() && e - j <= 12 && (chars[e].1.is_alphabetic() || chars[e].1 == '-') {
            e += 1;
        }
        j = e;
    }
    let word = scan.text[chars[k].0..scan.byte(j)]
        .to_lowercase()
        .replace('\'', "’");
    if !INTERROGATIVES.contains(&word.as_str()) {
        return false;
    }
    for &(_, c) in chars[j..].iter().take(MAX_GLUED_QUESTION_CHARS) {
        match c {
            '?' => return true,
            '.' | '!' | '…' | ':' | ';' | '\n' | '«' | '»' | '"' | '“' | '”' => {
                return false
            }
            _ => {}
        }
    }
    false
}

/// Does an inverted subject pronoun follow at char index `e`, after a hyphen
/// (« -il », « -t-elle », « -vous », « -ce »), ending the word?
fn inversion_at(scan: &Scan, e: usize) -> bool {
    const PRONOUNS: [&str; 10] = [
        "il", "ils", "elle", "elles", "on", "je", "tu", "nous", "vous", "ce",
    ];
    let chars = scan.chars;
    if chars.get(e).is_none_or(|c| c.1 != '-') {
        return false;
    }
    let mut f = e + 1;
    if chars.get(f).is_some_and(|c| c.1 == 't') && chars.get(f + 1).is_some_and(|c| c.1 == '-') {
        f += 2;
    }
    let mut g = f;
    while g < chars.len() && g - f < 6 && chars[g].1.is_alphabetic() {
        g += 1;
    }
    if g == f
        || chars
            .get(g)
            .is_some_and(|c| c.1.is_alphabetic() || c.1 == '-')
    {
        return false;
    }
    let pronoun = scan.text[chars[f].0..scan.byte(g)].to_lowercase();
    PRONOUNS.contains(&pronoun.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<String> {
        let s = Splitter::load(&Source::embedded()).unwrap();
        s.split(t).into_iter().map(|r| t[r].to_string()).collect()
    }

    #[test]
    fn a_capitalised_verb_and_pronoun_after_a_word_starts_a_sentence() {
        // a flattened list, then « Rappelons-le » where its full stop went missing
        let list = "Le collectif veut aider les communes pour : partager les données des \
                    compteurs de vélos installés dans les rues ouvrir les calculs à tous \
                    rendre les chiffres aussi simples que les euros";
        assert_eq!(
            split(&format!(
                "{list} Rappelons-le : le vélo reste le plus sobre."
            )),
            [list, "Rappelons-le : le vélo reste le plus sobre."]
        );
        let lead = "Consultez les trois gabarits que la fédération met à la disposition \
                    des clubs de la région sur son site Gabarit du club Gabarit de la ligue";
        assert_eq!(
            split(&format!("{lead} Ai-je besoin d’une licence ? Non.")),
            [lead, "Ai-je besoin d’une licence ?", "Non."]
        );
        // an interrogative word, capitalised after a word or an address,
        // that opens a short question
        let items = "Vous pouvez traduire l’application, corriger la documentation, \
                     tester les versions de développement ou animer un atelier en ligne";
        assert_eq!(
            split(&format!(
                "{items} Qu’est-ce que je peux faire ? Écrivez-nous."
            )),
            [items, "Qu’est-ce que je peux faire ?", "Écrivez-nous."]
        );
        let link = "Le rapport complet de l’analyse des vingt applications est publié \
                    depuis lundi sur le site de l’association : https://exemple.org/rapports/2024/";
        assert_eq!(
            split(&format!(
                "{link} Comment se protéger ? Installez les mises à jour."
            )),
            [link, "Comment se protéger ?", "Installez les mises à jour."]
        );
        // not an interrogative word the sentence goes on after
        let t = "Les bénévoles de l’association expliquent aux habitants du quartier \
                 comment trier leurs déchets Comment faire. Ensuite ?";
        assert_eq!(split(t).len(), 2, "{:?}", split(t));
        // after a few words, a heading may stand before it: left to the
        // structure stage
        assert_eq!(
            split("Les réponses au questionnaire Avez-vous déjà animé un atelier ?"),
            ["Les réponses au questionnaire Avez-vous déjà animé un atelier ?"]
        );
        // names with hyphens, quotations
        for t in [
            "Les familles de la région partent chaque été en vacances dans les Alpes près \
             de la ville de Aix-les-Bains avec leurs enfants.",
            "Les familles de la région partent chaque été en vacances dans les Alpes et \
             lisent le roman « Dis-moi qui tu es » avec leurs enfants.",
        ] {
            assert_eq!(split(t), [t]);
        }
    }

    #[test]
    fn abbreviations_decimals_quotes() {
        assert_eq!(
            split("M. Dupont et Mme Durand ont voté. Le budget atteint 2,1 milliards. Fin."),
            [
                "M. Dupont et Mme Durand ont voté.",
                "Le budget atteint 2,1 milliards.",
                "Fin."
            ]
        );
        assert_eq!(
            split("Il a dit : « Quoi ? Non ! » puis il est parti. Voir l’art. 3 du code."),
            [
                "Il a dit : « Quoi ? Non ! » puis il est parti.",
                "Voir l’art. 3 du code."
            ]
        );
        assert_eq!(split("Attendez… Oui."), ["Attendez…", "Oui."]);
        assert_eq!(
            split("Voir www.exemple.fr pour la suite. Signé J. Martin."),
            ["Voir www.exemple.fr pour la suite.", "Signé J. Martin."]
        );
    }

    #[test]
    fn titles_and_references() {
        assert_eq!(
            split("MM. Durand et Martin reçoivent le Dr Lebrun et le Pr Roux. Mlle Petit aussi."),
            [
                "MM. Durand et Martin reçoivent le Dr Lebrun et le Pr Roux.",
                "Mlle Petit aussi."
            ]
        );
        assert_eq!(
            split("Lisez le chap. 4, vol. 2, p. 37 et le n° 12. Art. 5 : la suite. Ensuite."),
            [
                "Lisez le chap. 4, vol. 2, p. 37 et le n° 12.",
                "Art. 5 : la suite.",
                "Ensuite."
            ]
        );
        assert_eq!(
            split("Des fruits, p. ex. des pommes, c.-à-d. des reinettes. Bon."),
            [
                "Des fruits, p. ex. des pommes, c.-à-d. des reinettes.",
                "Bon."
            ]
        );
    }

    #[test]
    fn etc_and_era() {
        // "etc." before a sentence starter ends the sentence, before a name it does not
        assert_eq!(
            split("Il vend des pommes, des poires, etc. Le marché ouvre à 8 h."),
            [
                "Il vend des pommes, des poires, etc.",
                "Le marché ouvre à 8 h."
            ]
        );
        // nor before a parenthesis that goes on in lowercase
        assert_eq!(
            split(
                "Des livres sur le son, la chaleur, etc. (qui sont des pages web). Le reste suit."
            ),
            [
                "Des livres sur le son, la chaleur, etc. (qui sont des pages web).",
                "Le reste suit."
            ]
        );
        assert_eq!(
            split("Il vend des pommes, des poires, etc. (Le marché ouvre à 8 h.)"),
            [
                "Il vend des pommes, des poires, etc.",
                "(Le marché ouvre à 8 h.)"
            ]
        );
        assert_eq!(
            split("Des villes comme Lyon, Lille, etc. Marseille reste à part."),
            ["Des villes comme Lyon, Lille, etc. Marseille reste à part."]
        );
        // before a verb and its inverted subject: a question starts
        assert_eq!(
            split("Il vend des pommes, etc. Existe-t-il une aide ? Oui."),
            ["Il vend des pommes, etc.", "Existe-t-il une aide ?", "Oui."]
        );
        assert_eq!(
            split("Il vend des pommes, etc. Paris-Nord reste à part."),
            ["Il vend des pommes, etc. Paris-Nord reste à part."]
        );
        assert_eq!(
            split("Des outils, etc. entraînent des coûts."),
            ["Des outils, etc. entraînent des coûts."]
        );
        // before a capitalised word the text writes in lowercase too: a
        // common word opens the next sentence (here a heading glued to it)
        assert_eq!(
            split(
                "Il prend des notes, etc. Technique Si le poste est technique, un exercice suit."
            ),
            [
                "Il prend des notes, etc.",
                "Technique Si le poste est technique, un exercice suit."
            ]
        );
        assert_eq!(
            split("Rome fut fondée en 753 av. J.-C. Elle devint un empire. En 44 av. J.-C. César meurt."),
            [
                "Rome fut fondée en 753 av. J.-C.",
                "Elle devint un empire.",
                "En 44 av. J.-C. César meurt."
            ]
        );
    }

    #[test]
    fn abbreviations_that_are_also_words() {
        assert_eq!(
            split("Il vit pour l’art. Les musées ferment. Voir l’art. L. 121-1 du code."),
            [
                "Il vit pour l’art.",
                "Les musées ferment.",
                "Voir l’art. L. 121-1 du code."
            ]
        );
        assert_eq!(
            split("Le vol. Il a été retardé. Lisez le vol. 3 de la série. Ils étaient sept. Trois sont partis."),
            [
                "Le vol.",
                "Il a été retardé.",
                "Lisez le vol. 3 de la série.",
                "Ils étaient sept.",
                "Trois sont partis."
            ]
        );
        assert_eq!(
            split("Prenez la vitamine C. L’effet est rapide."),
            ["Prenez la vitamine C.", "L’effet est rapide."]
        );
    }

    #[test]
    fn numbers() {
        assert_eq!(
            split("Le déficit est de 2,1 milliards. La dette croît de 3.5 % par an. Il y a 10 000 habitants. Fin."),
            [
                "Le déficit est de 2,1 milliards.",
                "La dette croît de 3.5 % par an.",
                "Il y a 10 000 habitants.",
                "Fin."
            ]
        );
        assert_eq!(
            split("La loi date de 2020. 15 pays l’ont signée."),
            ["La loi date de 2020.", "15 pays l’ont signée."]
        );
        assert_eq!(
            split("Il est né le 1er. Le lendemain, il pleuvait. Au XXe siècle. Puis au XXIe."),
            [
                "Il est né le 1er.",
                "Le lendemain, il pleuvait.",
                "Au XXe siècle.",
                "Puis au XXIe."
            ]
        );
    }

    #[test]
    fn numbered_lists() {
        assert_eq!(
            split(
                "Trois points :\n1. Le coût est élevé.\n2. Le délai est court.\n3. Rien d’autre."
            ),
            [
                "Trois points :\n1. Le coût est élevé.",
                "2. Le délai est court.",
                "3. Rien d’autre."
            ]
        );
        assert_eq!(
            split("Deux mesures : 1. La taxe baisse. 2. Les aides montent."),
            ["Deux mesures : 1. La taxe baisse.", "2. Les aides montent."]
        );
    }

    #[test]
    fn quotes() {
        assert_eq!(
            split("« C’est fini ! » Le ministre est parti. « Vraiment ? » a-t-il demandé."),
            [
                "« C’est fini ! »",
                "Le ministre est parti.",
                "« Vraiment ? » a-t-il demandé."
            ]
        );
        assert_eq!(
            split("« Nous sommes prêts. Nous allons gagner », a déclaré la maire. Puis elle est partie."),
            [
                "« Nous sommes prêts. Nous allons gagner », a déclaré la maire.",
                "Puis elle est partie."
            ]
        );
        assert_eq!(
            split("Elle a crié « Au secours ! Vite ! ». Personne n’est venu."),
            [
                "Elle a crié « Au secours ! Vite ! ».",
                "Personne n’est venu."
            ]
        );
        assert_eq!(
            split("Il a écrit : “Je pars. Je reviendrai.” Elle n’a rien dit."),
            [
                "Il a écrit : “Je pars.",
                "Je reviendrai.”",
                "Elle n’a rien dit."
            ]
        );
        assert_eq!(
            split("Il dit \"Bonjour. Au revoir.\" Puis il part. \"Non\", dit-elle."),
            [
                "Il dit \"Bonjour.",
                "Au revoir.\"",
                "Puis il part.",
                "\"Non\", dit-elle."
            ]
        );
    }

    #[test]
    fn question_and_exclamation_before_lowercase() {
        assert_eq!(
            split("Pourquoi ? dit-il. Assez ! s’écrie-t-elle. Et maintenant ? Rien."),
            [
                "Pourquoi ? dit-il.",
                "Assez ! s’écrie-t-elle.",
                "Et maintenant ?",
                "Rien."
            ]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            split("Attendez... Oui. Il hésite… puis il part. Il a dit « je […] viendrai ». Fin."),
            [
                "Attendez...",
                "Oui.",
                "Il hésite… puis il part.",
                "Il a dit « je […] viendrai ».",
                "Fin."
            ]
        );
    }

    #[test]
    fn initials() {
        assert_eq!(
            split("J.-P. Sartre et S. de Beauvoir ont écrit. J. Le Pen aussi. Prenez la vitamine C. Elle aide."),
            [
                "J.-P. Sartre et S. de Beauvoir ont écrit.",
                "J. Le Pen aussi.",
                "Prenez la vitamine C.",
                "Elle aide."
            ]
        );
        assert_eq!(
            split("L’O.N.U. Le siège est à New York. Les U.S. Marines sont là."),
            [
                "L’O.N.U.",
                "Le siège est à New York.",
                "Les U.S. Marines sont là."
            ]
        );
        // an acronym spelt out between parentheses goes on with its sentence
        assert_eq!(
            split(
                "Elle a rejoint le C.R.A.B. (Collectif des radios associatives) en mai. Il reste."
            ),
            [
                "Elle a rejoint le C.R.A.B. (Collectif des radios associatives) en mai.",
                "Il reste."
            ]
        );
    }

    #[test]
    fn urls_and_emails() {
        assert_eq!(
            split("Écrivez à redaction@journal.fr. Voir https://a.b/c?d=1 et www.exemple.fr. La suite demain."),
            [
                "Écrivez à redaction@journal.fr.",
                "Voir https://a.b/c?d=1 et www.exemple.fr.",
                "La suite demain."
            ]
        );
    }

    #[test]
    fn dialogue_dashes() {
        assert_eq!(
            split("— Tu viens ? — Non. — Pourquoi ? – demanda-t-il."),
            ["— Tu viens ?", "— Non.", "— Pourquoi ? – demanda-t-il."]
        );
    }

    #[test]
    fn parentheses() {
        assert_eq!(
            split("Le projet (lancé en 2020. Il a coûté cher) a été abandonné. (Il était tard.) Le lendemain, rien."),
            [
                "Le projet (lancé en 2020. Il a coûté cher) a été abandonné.",
                "(Il était tard.)",
                "Le lendemain, rien."
            ]
        );
        assert_eq!(
            split("Des fruits (pommes, poires, etc.) Le reste suit. Voir (sic !) Paris."),
            [
                "Des fruits (pommes, poires, etc.) Le reste suit.",
                "Voir (sic !) Paris."
            ]
        );
        assert_eq!(
            split("Des symptômes (fatigue, toux…). Des séquelles (p. ex.). Puis rien."),
            [
                "Des symptômes (fatigue, toux…).",
                "Des séquelles (p. ex.).",
                "Puis rien."
            ]
        );
        // an ellipsis closing a parenthesis, then a common sentence starter:
        // the full stop was left out; not before a lowercase word nor a name
        assert_eq!(
            split("Des outils (scie, marteau...) Le coût ? Il reste faible."),
            [
                "Des outils (scie, marteau...)",
                "Le coût ?",
                "Il reste faible."
            ]
        );
        assert_eq!(
            split("Des symptômes (fatigue, toux…) et des séquelles. Des outils (scie, marteau…) La Poste livre."),
            [
                "Des symptômes (fatigue, toux…) et des séquelles.",
                "Des outils (scie, marteau…) La Poste livre."
            ]
        );
    }

    #[test]
    fn lines_and_glued_periods() {
        assert_eq!(
            split("Un titre sans point\n\nLe texte suit\nsur deux lignes. Fin"),
            [
                "Un titre sans point",
                "Le texte suit\nsur deux lignes.",
                "Fin"
            ]
        );
        assert_eq!(
            split("Il a fini.Nous partons. Le site exemple.fr et le fichier a.txt restent."),
            [
                "Il a fini.",
                "Nous partons.",
                "Le site exemple.fr et le fichier a.txt restent."
            ]
        );
        assert_eq!(
            split("Ils ont gagné. ils sont partis."),
            ["Ils ont gagné.", "ils sont partis."]
        );
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        let s = Splitter::load(&Source::embedded()).unwrap();
        for t in [
            "",
            " ",
            "\n\n\n",
            ".",
            "...",
            "?!… .. »«",
            "« ( [ \" “",
            "» ) ] \" ”",
            "é. É. à… Ω? 漢字。",
            "M.",
            "1.",
            "a.b.c.",
            "Fin. ",
            "«",
            "x.É",
            "\u{a0}.\u{202f}!\u{a0}",
        ] {
            let ranges = s.split(t);
            let mut last = 0;
            for r in ranges {
                assert!(
                    r.start >= last && r.start < r.end && r.end <= t.len(),
                    "{t:?}"
                );
                assert!(t.is_char_boundary(r.start) && t.is_char_boundary(r.end));
                assert_eq!(t[r.clone()].trim(), &t[r.clone()]);
                last = r.end;
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn ranges_are_trimmed_ordered_and_lossless(
            t in r#"([a-zA-Zé ÉJM0-9.!?…«»“”"()\[\]’'\n\x{a0}:,;—-]|M\. |etc\. |« |\. ){0,80}"#
        ) {
            let s = Splitter::load(&Source::embedded()).unwrap();
            let mut last = 0;
            let mut kept = String::new();
            for r in s.split(&t) {
                proptest::prop_assert!(r.start >= last && r.start < r.end && r.end <= t.len());
                proptest::prop_assert_eq!(t[r.clone()].trim(), &t[r.clone()]);
                kept.push_str(&t[r.clone()]);
                last = r.end;
            }
            let bare: String = t.chars().filter(|c| !c.is_whitespace()).collect();
            let got: String = kept.chars().filter(|c| !c.is_whitespace()).collect();
            proptest::prop_assert_eq!(got, bare);
        }
    }

    #[test]
    fn nothing_lost() {
        let s = Splitter::load(&Source::embedded()).unwrap();
        let t = "« Quoi ? » Il part (vite). M. X. — Oui ! Non… 3.5 km. Fin.\n\nSuite";
        let joined: String = s.split(t).into_iter().map(|r| &t[r]).collect();
        let bare: String = t.chars().filter(|c| !c.is_whitespace()).collect();
        let got: String = joined.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(got, bare);
    }
}
