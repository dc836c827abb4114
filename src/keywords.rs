//! Stage 7: the article's key terms. Noun-phrase candidates (one to three
//! words, content words at both ends, French function words allowed inside:
//! « usines d’IA », « centres de données ») are counted by their Snowball stems,
//! so singular and plural merge; the focus keyphrase is the best one that the
//! first paragraph holds and the text repeats; each section gets its own salient
//! terms, scored against the rest of the article.
use crate::french::{self, elision, Lexicon};
use crate::model::{Block, Section, Sentence};
use crate::Options;
use std::collections::{BTreeMap, HashMap};

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
    /// Occurrences preceded by a determiner (evidence that it is a noun phrase).
    pub det_count: usize,
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
const INNER: &[&str] = &["de", "du", "des", "d’", "d'", "à", "en", "la", "l’", "l'"];

struct Occ {
    key: String,
    surface: String,
    determiner: Option<String>,
    len: usize,
    sentence: usize,
    at_start: bool,
}

/// Term occurrences of one sentence.
fn occurrences(sentence: &Sentence, lex: &Lexicon, out: &mut Vec<Occ>) {
    let toks: Vec<&str> = french::words(&sentence.text).collect();
    let content = |w: &str| -> bool {
        let b = elision::strip(w);
        b.chars().any(char::is_alphabetic)
            && !lex.is_stopword(b)
            && !lex.is_verb(b)
            && !french::looks_finite(b)
            && b.chars().count() > 2
    };
    for i in 0..toks.len() {
        if !content(toks[i]) {
            continue;
        }
        // a term starting with an elided article keeps the article out: l’usine → usine
        let mut words = vec![elision::strip(toks[i])];
        let mut stems = vec![lex.stem(toks[i])];
        let det = if i > 0 {
            let p = toks[i - 1].to_lowercase();
            DETERMINERS.contains(&p.as_str()).then_some(p)
        } else {
            None
        };
        let det = det.or_else(|| {
            let w = toks[i];
            let lower = w.to_lowercase();
            (lower.starts_with("l’") || lower.starts_with("l'")).then(|| "l’".to_string())
        });
        let first_det = det.clone();
        out.push(Occ {
            key: stems.join(" "),
            surface: words.join(" "),
            determiner: first_det.clone(),
            len: 1,
            sentence: sentence.id,
            at_start: i == 0,
        });
        let mut j = i + 1;
        let mut n_content = 1;
        while j < toks.len() && words.len() < 5 && n_content < 3 {
            let t = toks[j];
            let lower = t.to_lowercase();
            let elided_inner =
                lower.starts_with("d’") || lower.starts_with("d'") || lower.starts_with("l’");
            if content(t) {
                words.push(t);
                stems.push(lex.stem(t));
                n_content += 1;
                if !elided_inner || content(elision::strip(t)) {
                    out.push(Occ {
                        key: stems.join(" "),
                        surface: words.join(" "),
                        determiner: first_det.clone(),
                        len: n_content,
                        sentence: sentence.id,
                        at_start: i == 0,
                    });
                }
            } else if INNER.contains(&lower.as_str()) {
                words.push(t);
                stems.push(lower.clone());
            } else {
                break;
            }
            j += 1;
        }
    }
}

fn collect(occs: &[&Occ]) -> BTreeMap<String, Term> {
    // per term: written forms (inside sentences / at their start) and determiners
    type Forms<'a> = (
        BTreeMap<&'a str, usize>,
        BTreeMap<&'a str, usize>,
        BTreeMap<&'a str, usize>,
    );
    let mut forms: HashMap<&str, Forms> = HashMap::new();
    let mut terms: BTreeMap<String, Term> = BTreeMap::new();
    let mut pairs: HashMap<&str, BTreeMap<(&str, &str), usize>> = HashMap::new();
    for o in occs {
        if let Some(d) = &o.determiner {
            *pairs
                .entry(&o.key)
                .or_default()
                .entry((d.as_str(), o.surface.as_str()))
                .or_insert(0) += 1;
        }
        let f = forms.entry(&o.key).or_default();
        let side = if o.at_start { &mut f.1 } else { &mut f.0 };
        *side.entry(&o.surface).or_insert(0) += 1;
        if let Some(d) = &o.determiner {
            *f.2.entry(d.as_str()).or_insert(0) += 1;
        }
        let t = terms.entry(o.key.clone()).or_insert_with(|| Term {
            surface: String::new(),
            determiner: None,
            key: o.key.clone(),
            count: 0,
            det_count: 0,
            len: o.len,
            score: 0.0,
        });
        t.count += 1;
        if o.determiner.is_some() {
            t.det_count += 1;
        }
    }
    let most = |m: &BTreeMap<&str, usize>| -> Option<String> {
        m.iter()
            .max_by_key(|(w, n)| (**n, std::cmp::Reverse(*w)))
            .map(|(w, _)| w.to_string())
    };
    for (k, t) in terms.iter_mut() {
        if let Some((inside, start, _dets)) = forms.get(k.as_str()) {
            // the form written inside sentences tells a name from a common noun;
            // a term only ever seen at a sentence start loses its capital
            t.surface = match most(inside) {
                Some(f) => f,
                None => normalise_case(&most(start).unwrap_or_default()),
            };
            // the determiner written before that very form (number agreement)
            t.determiner = pairs.get(k.as_str()).and_then(|m| {
                m.iter()
                    .filter(|((_, f), _)| {
                        f.eq_ignore_ascii_case(&t.surface) || normalise_case(f) == t.surface
                    })
                    .max_by_key(|(p, n)| (**n, std::cmp::Reverse(*p)))
                    .map(|((d, _), _)| d.to_string())
            });
        }
    }
    terms
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
    Postings::new(text_sentences).count(keyphrase, lex)
}

/// The sentences (by position) that hold each word, elision stripped and
/// lowercased: counting the sentences that hold a phrase then costs the length
/// of its words' lists, not a pass over the text.
pub struct Postings(HashMap<String, Vec<usize>>);

impl Postings {
    pub fn new(text_sentences: &[&str]) -> Postings {
        let mut map: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, s) in text_sentences.iter().enumerate() {
            for w in french::words(s) {
                let ids = map.entry(elision::strip(w).to_lowercase()).or_default();
                if ids.last() != Some(&i) {
                    ids.push(i);
                }
            }
        }
        Postings(map)
    }

    /// Count of sentences that hold every content word of `phrase`.
    pub fn count(&self, phrase: &str, lex: &Lexicon) -> usize {
        let kw: Vec<String> = french::words(phrase)
            .map(|w| elision::strip(w).to_lowercase())
            .filter(|w| !lex.is_function_word(w))
            .collect();
        let mut lists = Vec::with_capacity(kw.len());
        for k in &kw {
            match self.0.get(k) {
                Some(ids) => lists.push(ids),
                None => return 0,
            }
        }
        lists.sort_by_key(|l| l.len());
        let Some((shortest, rest)) = lists.split_first() else {
            return 0;
        };
        shortest
            .iter()
            .filter(|id| rest.iter().all(|l| l.binary_search(id).is_ok()))
            .count()
    }
}

pub fn analyse(
    sentences: &[Sentence],
    sections: &[Section],
    lex: &Lexicon,
    opts: &Options,
) -> Keywords {
    let mut occs = Vec::new();
    for s in sentences {
        occurrences(s, lex, &mut occs);
    }
    let terms = collect(&occs.iter().collect::<Vec<_>>());
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
    let in_first: std::collections::HashSet<&str> = occs
        .iter()
        .filter(|o| first_para.contains(&o.sentence))
        .map(|o| o.key.as_str())
        .collect();
    let all_text: Vec<&str> = sentences.iter().map(|s| s.text.as_str()).collect();
    let postings = Postings::new(&all_text);

    let keyphrase = match &opts.keyphrase {
        Some(k) => k.trim().to_string(),
        None => {
            let mut best: Option<(f64, &Term)> = None;
            for t in terms.values() {
                if t.len > 3 || t.count < 2 {
                    continue;
                }
                let exact = postings.count(&t.surface, lex);
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
    let mut df: HashMap<&str, usize> = HashMap::new();
    let mut per_section: Vec<BTreeMap<String, Term>> = Vec::new();
    // the occurrences of each section, in one pass (not one pass per section)
    let mut sections_of: Vec<Vec<usize>> = vec![Vec::new(); sentences.len()];
    for (si, ids) in section_sentences.iter().enumerate() {
        for &id in ids {
            match sections_of.get_mut(id) {
                Some(v) if v.last() != Some(&si) => v.push(si),
                _ => {}
            }
        }
    }
    let mut by_section: Vec<Vec<&Occ>> = vec![Vec::new(); section_sentences.len()];
    for o in &occs {
        for &si in sections_of.get(o.sentence).map_or(&[][..], |v| &v[..]) {
            by_section[si].push(o);
        }
    }
    for o in &by_section {
        per_section.push(collect(o));
    }
    for t in &per_section {
        for k in t.keys() {
            *df.entry(k.as_str()).or_insert(0) += 1;
        }
    }
    let ns = sections.len().max(1) as f64;
    let section_terms = per_section
        .iter()
        .map(|ts| {
            let mut v: Vec<Term> = ts
                .values()
                .map(|t| {
                    let idf = (1.0 + ns / *df.get(t.key.as_str()).unwrap_or(&1) as f64).ln();
                    let mut t = t.clone();
                    let global = terms.get(&t.key).map(|g| g.count).unwrap_or(1) as f64;
                    t.score = (t.count as f64) * idf * (1.0 + 0.5 * (t.len as f64 - 1.0))
                        + 0.1 * global.ln_1p();
                    if t.len > 1 && t.count < 2 {
                        t.score *= 0.6;
                    }
                    t
                })
                .collect();
            v.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.key.cmp(&b.key)));
            v.truncate(12);
            v
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
