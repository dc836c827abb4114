//! Stage 7: the article's key terms. Noun-phrase candidates (one to three
//! words, content words at both ends, French function words allowed inside:
//! « usines d’IA », « centres de données ») are counted by their Snowball stems,
//! so singular and plural merge; the focus keyphrase is the best one that the
//! first paragraph holds and the text repeats; each section gets its own salient
//! terms, scored against the rest of the article.
use crate::french::{self, elision, Lexicon};
use crate::model::{Block, Section, Sentence};
use crate::Options;
use std::collections::{BTreeMap, HashMap, HashSet};

/// A term found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    /// The most frequent written form (lowercase unless a name or acronym).
    pub surface: String,
    /// The determiner written before it at its first occurrence (le, la, l’, les…).
    pub determiner: Option<String>,
    /// Stems of its words, the identity of the term.
    pub key: String,
    /// Occurrences in the scope it was counted in.
    pub count: usize,
    /// Number of words.
    pub len: usize,
    pub score: f64,
}

#[derive(Debug, Clone)]
pub struct Keywords {
    pub keyphrase: String,
    /// Secondary keywords for the front matter.
    pub secondary: Vec<String>,
    /// Salient terms of each section, best first (same order as the sections).
    pub section_terms: Vec<Vec<Term>>,
    /// Every term of the article, by key.
    pub terms: BTreeMap<String, Term>,
}

const DETERMINERS: &[&str] = &[
    "le", "la", "les", "l’", "l'", "un", "une", "des", "du", "au", "aux", "ce", "cet", "cette",
    "ces", "son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos",
];

/// Joining words allowed inside a term.
const INNER: &[&str] = &[
    "de", "du", "des", "d’", "d'", "à", "en", "et", "la", "l’", "l'",
];

/// Interned strings: term keys and surfaces are stored once and referred to by
/// number, so that counting the occurrences of a long text stays compact.
#[derive(Default)]
struct Interner {
    ids: HashMap<String, u32>,
    strings: Vec<String>,
}

impl Interner {
    fn id(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.ids.get(s) {
            return i;
        }
        let i = self.strings.len() as u32;
        self.strings.push(s.to_string());
        self.ids.insert(s.to_string(), i);
        i
    }

    fn get(&self, i: u32) -> &str {
        &self.strings[i as usize]
    }
}

/// One occurrence of a candidate term.
struct Occ {
    key: u32,
    surface: u32,
    /// 0: none; k: `DETERMINERS[k - 1]`.
    determiner: u8,
    len: u8,
    sentence: u32,
}

/// Interned keys and surfaces of the occurrences.
#[derive(Default)]
struct Strings {
    keys: Interner,
    surfaces: Interner,
}

fn determiner(d: u8) -> Option<String> {
    (d > 0).then(|| DETERMINERS[d as usize - 1].to_string())
}

/// Index in `DETERMINERS` (plus one) of the elided article "l’".
const L_APOS: u8 = 4;

/// What the term finder needs of a word token, worked out once per distinct
/// token of the article.
struct TokenInfo {
    lower: String,
    content: bool,
    /// Snowball stem (content words only).
    stem: String,
}

/// Token infos by written form, shared by the sentences of one article.
#[derive(Default)]
struct Tokens<'a> {
    ids: HashMap<&'a str, usize>,
    infos: Vec<TokenInfo>,
}

impl<'a> Tokens<'a> {
    fn id(&mut self, t: &'a str, lex: &Lexicon) -> usize {
        if let Some(&i) = self.ids.get(t) {
            return i;
        }
        let content = is_content(t, lex);
        let info = TokenInfo {
            lower: t.to_lowercase(),
            content,
            stem: if content { lex.stem(t) } else { String::new() },
        };
        self.infos.push(info);
        self.ids.insert(t, self.infos.len() - 1);
        self.infos.len() - 1
    }
}

/// A word that can be part of a term: alphabetic, not a stopword nor a verb,
/// longer than two letters.
fn is_content(w: &str, lex: &Lexicon) -> bool {
    let b = elision::strip(w);
    b.chars().any(char::is_alphabetic)
        && !lex.is_stopword(b)
        && !lex.is_verb(b)
        && b.chars().count() > 2
}

/// Term occurrences of one sentence.
fn occurrences<'a>(
    sentence: &'a Sentence,
    lex: &Lexicon,
    tokens: &mut Tokens<'a>,
    st: &mut Strings,
    out: &mut Vec<Occ>,
) {
    let toks: Vec<&str> = french::words(&sentence.text).collect();
    let content = |w: &str| is_content(w, lex);
    // each distinct token is lowercased, judged and stemmed once
    let infos: Vec<usize> = toks.iter().map(|t| tokens.id(t, lex)).collect();
    let infos: Vec<&TokenInfo> = infos.iter().map(|&i| &tokens.infos[i]).collect();
    let lower: Vec<&str> = infos.iter().map(|t| t.lower.as_str()).collect();
    let is_content: Vec<bool> = infos.iter().map(|t| t.content).collect();
    let stems: Vec<&str> = infos.iter().map(|t| t.stem.as_str()).collect();
    let sentence_id = sentence.id as u32;
    let mut key = String::new();
    let mut surface = String::new();
    for i in 0..toks.len() {
        if !is_content[i] {
            continue;
        }
        // a term starting with an elided article keeps the article out: l’usine → usine
        let det = if i > 0 {
            DETERMINERS
                .iter()
                .position(|d| *d == lower[i - 1])
                .map(|p| p as u8 + 1)
        } else {
            None
        };
        let det = det
            .or_else(|| {
                (lower[i].starts_with("l’") || lower[i].starts_with("l'")).then_some(L_APOS)
            })
            .unwrap_or(0);
        key.clear();
        key.push_str(stems[i]);
        surface.clear();
        surface.push_str(elision::strip(toks[i]));
        out.push(Occ {
            key: st.keys.id(&key),
            surface: st.surfaces.id(&surface),
            determiner: det,
            len: 1,
            sentence: sentence_id,
        });
        let mut j = i + 1;
        let mut n_words = 1;
        let mut n_content = 1;
        while j < toks.len() && n_words < 5 && n_content < 3 {
            let t = toks[j];
            let lower = &lower[j];
            let elided_inner =
                lower.starts_with("d’") || lower.starts_with("d'") || lower.starts_with("l’");
            if is_content[j] {
                key.push(' ');
                key.push_str(stems[j]);
                surface.push(' ');
                surface.push_str(t);
                n_words += 1;
                n_content += 1;
                if !elided_inner || content(elision::strip(t)) {
                    out.push(Occ {
                        key: st.keys.id(&key),
                        surface: st.surfaces.id(&surface),
                        determiner: det,
                        len: n_content,
                        sentence: sentence_id,
                    });
                }
            } else if INNER.contains(lower) {
                key.push(' ');
                key.push_str(lower);
                surface.push(' ');
                surface.push_str(t);
                n_words += 1;
            } else {
                break;
            }
            j += 1;
        }
    }
}

/// Counts of one term in a scope, before it becomes a [`Term`].
struct Tally {
    count: usize,
    /// Of the first occurrence.
    len: u8,
    determiner: u8,
    /// (surface, count), in order of first occurrence.
    surfaces: Vec<(u32, usize)>,
}

/// Count occurrences by key (the first occurrence gives length and determiner).
fn tally<'o>(occs: impl IntoIterator<Item = &'o Occ>) -> HashMap<u32, Tally> {
    let mut out: HashMap<u32, Tally> = HashMap::new();
    for o in occs {
        let t = out.entry(o.key).or_insert_with(|| Tally {
            count: 0,
            len: o.len,
            determiner: o.determiner,
            surfaces: Vec::new(),
        });
        t.count += 1;
        match t.surfaces.iter_mut().find(|(s, _)| *s == o.surface) {
            Some((_, n)) => *n += 1,
            None => t.surfaces.push((o.surface, 1)),
        }
    }
    out
}

impl Tally {
    /// The term, written in its most frequent surface (ties: the first in
    /// string order), case normalised.
    fn term(&self, key: &str, st: &Strings) -> Term {
        let best = self
            .surfaces
            .iter()
            .map(|&(s, n)| (n, st.surfaces.get(s)))
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(a.1)))
            .map(|(_, w)| w)
            .unwrap_or("");
        Term {
            surface: normalise_case(best),
            determiner: determiner(self.determiner),
            key: key.to_string(),
            count: self.count,
            len: self.len as usize,
            score: 0.0,
        }
    }
}

/// Lowercase the first letter of a term unless it is a name or an acronym.
fn normalise_case(s: &str) -> String {
    let first = s.split_whitespace().next().unwrap_or("");
    let bare = elision::strip(first);
    let caps = bare.chars().filter(|c| c.is_uppercase()).count();
    if caps >= 2 || caps == 0 {
        return s.to_string();
    }
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Does `text` carry the keyphrase: more than half of its content words, in
/// their exact forms (what Yoast's free analysis checks in subheadings)?
pub fn mentions(text: &str, keyphrase: &str, lex: &Lexicon) -> bool {
    let kw: Vec<String> = french::words(keyphrase)
        .map(|w| elision::strip(w).to_lowercase())
        .filter(|w| !lex.is_function_word(w))
        .collect();
    if kw.is_empty() {
        return false;
    }
    let words: Vec<String> = french::words(text)
        .map(|w| elision::strip(w).to_lowercase())
        .collect();
    let found = kw.iter().filter(|k| words.contains(k)).count();
    found * 2 > kw.len()
}

/// Count of sentences that hold every content word of the keyphrase.
pub fn occurrences_in(text_sentences: &[&str], keyphrase: &str, lex: &Lexicon) -> usize {
    let kw: Vec<String> = french::words(keyphrase)
        .map(|w| elision::strip(w).to_lowercase())
        .filter(|w| !lex.is_function_word(w))
        .collect();
    text_sentences
        .iter()
        .filter(|s| {
            let words: Vec<String> = french::words(s)
                .map(|w| elision::strip(w).to_lowercase())
                .collect();
            !kw.is_empty() && kw.iter().all(|k| words.contains(k))
        })
        .count()
}

/// The words of every sentence (elision removed, lowercase), with the
/// sentences each word occurs in: counting the sentences that hold a phrase's
/// words then costs the length of its rarest word's list, not a scan of the
/// whole text per phrase.
struct SentenceIndex {
    vocabulary: HashMap<String, u32>,
    /// Word ids of each sentence, sorted, without repeats.
    words: Vec<Vec<u32>>,
    /// Sentences of each word id, in order.
    postings: Vec<Vec<u32>>,
}

impl SentenceIndex {
    fn new(sentences: &[Sentence]) -> SentenceIndex {
        let mut vocabulary: HashMap<String, u32> = HashMap::new();
        let mut words = Vec::with_capacity(sentences.len());
        let mut postings: Vec<Vec<u32>> = Vec::new();
        for (i, s) in sentences.iter().enumerate() {
            let mut ids: Vec<u32> = french::words(&s.text)
                .map(|w| {
                    let w = elision::strip(w).to_lowercase();
                    let next = vocabulary.len() as u32;
                    *vocabulary.entry(w).or_insert(next)
                })
                .collect();
            ids.sort_unstable();
            ids.dedup();
            postings.resize(vocabulary.len(), Vec::new());
            for &w in &ids {
                postings[w as usize].push(i as u32);
            }
            words.push(ids);
        }
        SentenceIndex {
            vocabulary,
            words,
            postings,
        }
    }

    /// `occurrences_in` over every sentence, counting no further than `max`.
    fn count_up_to(&self, keyphrase: &str, lex: &Lexicon, max: usize) -> usize {
        let mut kw = Vec::new();
        for w in french::words(keyphrase) {
            let w = elision::strip(w).to_lowercase();
            if lex.is_function_word(&w) {
                continue;
            }
            match self.vocabulary.get(&w) {
                Some(&id) => kw.push(id),
                None => return 0,
            }
        }
        let Some(&rarest) = kw.iter().min_by_key(|&&k| self.postings[k as usize].len()) else {
            return 0;
        };
        let mut n = 0;
        for &i in &self.postings[rarest as usize] {
            let words = &self.words[i as usize];
            if kw.iter().all(|k| words.binary_search(k).is_ok()) {
                n += 1;
                if n >= max {
                    break;
                }
            }
        }
        n
    }
}

pub fn analyse(
    sentences: &[Sentence],
    sections: &[Section],
    lex: &Lexicon,
    opts: &Options,
) -> Keywords {
    let mut st = Strings::default();
    let mut tokens = Tokens::default();
    let mut occs = Vec::new();
    for s in sentences {
        occurrences(s, lex, &mut tokens, &mut st, &mut occs);
    }
    drop(tokens);
    let global = tally(&occs);
    let terms: BTreeMap<String, Term> = global
        .iter()
        .map(|(&k, t)| {
            let key = st.keys.get(k);
            (key.to_string(), t.term(key, &st))
        })
        .collect();
    let n = sentences.len().max(1) as f64;

    // first paragraph of the article
    let first_para: Vec<usize> = sections
        .iter()
        .flat_map(|s| s.blocks.iter())
        .find_map(|b| match b {
            Block::Paragraph { sentences } => Some(sentences.clone()),
            _ => None,
        })
        .unwrap_or_default();
    let in_first: HashSet<&str> = occs
        .iter()
        .filter(|o| first_para.contains(&(o.sentence as usize)))
        .map(|o| st.keys.get(o.key))
        .collect();
    let index = SentenceIndex::new(sentences);

    let keyphrase = match &opts.keyphrase {
        Some(k) => k.trim().to_string(),
        None => {
            let mut best: Option<(f64, &Term)> = None;
            for t in terms.values() {
                if t.len > 3 || t.count < 2 {
                    continue;
                }
                // only "fewer than 3" matters below: stop counting at 3
                let exact = index.count_up_to(&t.surface, lex, 3);
                let mut score = (t.count as f64).ln_1p() * (1.0 + 0.6 * (t.len as f64 - 1.0));
                if in_first.contains(t.key.as_str()) {
                    score *= 2.0;
                } else {
                    score *= 0.3;
                }
                if exact < 3 {
                    score *= 0.4;
                }
                if t.count as f64 > n * 0.8 {
                    score *= 0.5;
                }
                if best.is_none_or(|(b, bt)| score > b || (score == b && t.key < bt.key)) {
                    best = Some((score, t));
                }
            }
            best.map(|(_, t)| t.surface.clone()).unwrap_or_default()
        }
    };

    // per-section salient terms: tf in the section × idf over sections
    let section_sentences: Vec<Vec<usize>> = sections
        .iter()
        .map(|s| {
            s.blocks
                .iter()
                .flat_map(|b| match b {
                    Block::Paragraph { sentences } => sentences.clone(),
                    _ => Vec::new(),
                })
                .collect()
        })
        .collect();
    // the sections each sentence belongs to, so that occurrences are dealt to
    // their sections in one pass (in text order) instead of one scan per section
    let mut sections_of: Vec<Vec<u32>> = vec![Vec::new(); sentences.len()];
    for (si, ids) in section_sentences.iter().enumerate() {
        for &id in ids {
            if let Some(v) = sections_of.get_mut(id) {
                if !v.contains(&(si as u32)) {
                    v.push(si as u32);
                }
            }
        }
    }
    let mut section_occs: Vec<Vec<u32>> = vec![Vec::new(); section_sentences.len()];
    for (oi, o) in occs.iter().enumerate() {
        for &si in sections_of
            .get(o.sentence as usize)
            .map(Vec::as_slice)
            .unwrap_or(&[])
        {
            section_occs[si as usize].push(oi as u32);
        }
    }
    let section_iter = |si: usize| section_occs[si].iter().map(|&oi| &occs[oi as usize]);
    // document frequency of each key over sections
    let mut df: HashMap<u32, usize> = HashMap::new();
    for si in 0..section_occs.len() {
        let keys: HashSet<u32> = section_iter(si).map(|o| o.key).collect();
        for k in keys {
            *df.entry(k).or_insert(0) += 1;
        }
    }
    let ns = sections.len().max(1) as f64;
    // one section at a time: only its best terms are kept
    let section_terms = (0..section_occs.len())
        .map(|si| {
            let tallies = tally(section_iter(si));
            let mut scored: Vec<(f64, &str, &Tally)> = tallies
                .iter()
                .map(|(&k, t)| {
                    let key = st.keys.get(k);
                    let idf = (1.0 + ns / *df.get(&k).unwrap_or(&1) as f64).ln();
                    let global = global.get(&k).map(|g| g.count).unwrap_or(1) as f64;
                    let len = t.len as f64;
                    let mut score =
                        (t.count as f64) * idf * (1.0 + 0.5 * (len - 1.0)) + 0.1 * global.ln_1p();
                    if t.len > 1 && t.count < 2 {
                        score *= 0.6;
                    }
                    (score, key, t)
                })
                .collect();
            scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
            scored.truncate(12);
            scored
                .into_iter()
                .map(|(score, key, t)| Term {
                    score,
                    ..t.term(key, &st)
                })
                .collect::<Vec<Term>>()
        })
        .collect();

    let mut secondary: Vec<(f64, String)> = terms
        .values()
        .filter(|t| t.count >= 2 && t.surface.to_lowercase() != keyphrase.to_lowercase())
        .map(|t| {
            (
                (t.count as f64) * (1.0 + 0.5 * (t.len as f64 - 1.0)),
                t.surface.clone(),
            )
        })
        .collect();
    secondary.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut seen = Vec::<String>::new();
    let secondary = secondary
        .into_iter()
        .map(|(_, s)| s)
        .filter(|s| {
            let l = s.to_lowercase();
            let dup = seen
                .iter()
                .any(|x| x.contains(&l) || l.contains(x.as_str()));
            if !dup {
                seen.push(l);
            }
            !dup
        })
        .take(6)
        .collect();

    Keywords {
        keyphrase,
        secondary,
        section_terms,
        terms,
    }
}
