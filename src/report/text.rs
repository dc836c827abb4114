//! Text measures shared by the assessments: words, numbers stripped for the
//! Flesch score, transition words, the French periphrastic passive, sentence
//! beginnings and French-aware keyphrase matching.
use crate::french::{self, Lexicon};
use crate::fxhash::FxBuild;

/// Punctuation trimmed from both ends of a word (a token made only of it is
/// not a word).
/// (`is_punct` spells it out; a test checks the two agree.)
#[cfg(test)]
const PUNCT: &str = "–-()_[]’‘“”\"'.?!:;,¿¡«»‹›—×+&<>…/\\*";

fn is_punct(c: char) -> bool {
    if c.is_ascii() {
        // the ASCII characters of PUNCT
        return matches!(
            c,
            '-' | '('
                | ')'
                | '_'
                | '['
                | ']'
                | '"'
                | '\''
                | '.'
                | '?'
                | '!'
                | ':'
                | ';'
                | ','
                | '+'
                | '&'
                | '<'
                | '>'
                | '/'
                | '\\'
                | '*'
        );
    }
    matches!(
        c,
        '–' | '’'
            | '‘'
            | '“'
            | '”'
            | '¿'
            | '¡'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '—'
            | '×'
            | '…'
    )
}

/// Words as search-engine plugins count them: white-space separated tokens,
/// punctuation trimmed, punctuation-only tokens dropped. *l’usine* and
/// *start-up* are one word each; *%* or *€* standing alone are words.
pub fn words(text: &str) -> Vec<&str> {
    word_iter(text).collect()
}

/// The words of [`words`], one at a time.
pub fn word_iter(text: &str) -> impl Iterator<Item = &str> {
    pieces(text).map(trim_punct).filter(|w| !w.is_empty())
}

/// `text.split(is_word_break)`, faster on ASCII, without its empty pieces.
fn pieces(text: &str) -> Pieces<'_> {
    Pieces { rest: text }
}

struct Pieces<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Pieces<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        loop {
            if self.rest.is_empty() {
                return None;
            }
            let bytes = self.rest.as_bytes();
            let (mut end, mut next) = (bytes.len(), bytes.len());
            let mut i = 0;
            while i < bytes.len() {
                let b = bytes[i];
                if b < 0x80 {
                    // the ASCII characters of `char::is_whitespace`
                    if matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
                        (end, next) = (i, i + 1);
                        break;
                    }
                    i += 1;
                } else {
                    let Some(c) = self.rest[i..].chars().next() else {
                        break;
                    };
                    if is_word_break(c) {
                        (end, next) = (i, i + c.len_utf8());
                        break;
                    }
                    i += c.len_utf8();
                }
            }
            let piece = &self.rest[..end];
            self.rest = &self.rest[next..];
            if !piece.is_empty() {
                return Some(piece);
            }
        }
    }
}

/// A piece with the punctuation at its ends trimmed.
fn trim_punct(piece: &str) -> &str {
    let b = piece.as_bytes();
    match (b.first(), b.last()) {
        (Some(f), Some(l)) if f.is_ascii_alphanumeric() && l.is_ascii_alphanumeric() => piece,
        _ => piece.trim_matches(is_punct),
    }
}

/// What separates words: white space and the en and em dashes.
fn is_word_break(c: char) -> bool {
    c.is_whitespace() || c == '\u{2013}' || c == '\u{2014}'
}

/// Remove numbers written with ASCII digits alone (2021, the 2 and 1 of 2,1),
/// as the Flesch score of search-engine plugins does before counting.
pub fn strip_numbers(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // runs of ASCII letters, digits and _ are kept unless all digits
    let flush = |run: &str, out: &mut String| {
        if !run.bytes().all(|c| c.is_ascii_digit()) {
            out.push_str(run);
        }
    };
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if !(c.is_ascii_alphanumeric() || c == '_') {
            flush(&text[start..i], &mut out);
            out.push(c);
            start = i + c.len_utf8();
        }
    }
    flush(&text[start..], &mut out);
    out
}

/// The [`words`] of `text` with its numbers stripped ([`strip_numbers`]), as
/// the Flesch score counts them: the same as `word_iter(&strip_numbers(text))`
/// without copying the text (numbers never hold white space, so each token is
/// stripped on its own).
pub fn flesch_words(text: &str) -> impl Iterator<Item = std::borrow::Cow<'_, str>> {
    use std::borrow::Cow;
    pieces(text).filter_map(|raw| {
        if !raw.bytes().any(|b| b.is_ascii_digit()) {
            let w = trim_punct(raw);
            return (!w.is_empty()).then_some(Cow::Borrowed(w));
        }
        let s = strip_numbers(raw);
        let w = s.trim_matches(is_punct);
        (!w.is_empty()).then(|| Cow::Owned(w.to_string()))
    })
}

/// Number of [`words`] in a text.
pub fn word_count(text: &str) -> usize {
    // one pass: a run between word breaks counts when it holds a character
    // that is not punctuation (what trimming would leave)
    let mut count = 0;
    let mut has = false;
    for c in text.chars() {
        if is_word_break(c) {
            count += usize::from(has);
            has = false;
        } else {
            has = has || !is_punct(c);
        }
    }
    count + usize::from(has)
}

/// Lowercase with the typographic apostrophe made straight.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`], appended to `out`.
fn fold_into(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '’' | '‘' | 'ʼ' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// Lowercase tokens for phrase matching; elided conjunctions are split
/// (*lorsqu’il* → *lorsque il*) so that *lorsque* matches.
pub fn match_tokens(sentence: &str) -> Vec<String> {
    let mut t = MatchTokens::default();
    t.fill(sentence);
    t.iter().map(str::to_string).collect()
}

/// The [`match_tokens`] of one sentence, held in one buffer that is reused
/// from sentence to sentence.
#[derive(Debug, Default)]
pub struct MatchTokens {
    buf: String,
    spans: Vec<(usize, usize)>,
    word: String,
}

impl MatchTokens {
    /// Tokenise `sentence`, replacing the previous tokens.
    pub fn fill(&mut self, sentence: &str) {
        self.buf.clear();
        self.spans.clear();
        for w in word_iter(sentence) {
            let start = self.buf.len();
            fold_into(w, &mut self.buf);
            // every elided form holds an apostrophe: the others are done
            if !self.buf[start..].contains('\'') {
                self.spans.push((start, self.buf.len()));
                continue;
            }
            self.word.clear();
            self.word.push_str(&self.buf[start..]);
            self.buf.truncate(start);
            let w = self.word.as_str();
            let mut done = false;
            for (elided, full) in [
                ("lorsqu'", "lorsque"),
                ("puisqu'", "puisque"),
                ("quoiqu'", "quoique"),
                ("jusqu'", "jusque"),
                ("qu'", "que"),
            ] {
                if let Some(rest) = w.strip_prefix(elided) {
                    push_span(&mut self.buf, &mut self.spans, full);
                    if !rest.is_empty() {
                        push_span(&mut self.buf, &mut self.spans, rest);
                    }
                    done = true;
                    break;
                }
            }
            if !done {
                push_span(&mut self.buf, &mut self.spans, w);
            }
        }
    }

    /// The tokens, in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.spans.iter().map(|&(a, b)| &self.buf[a..b])
    }
}

fn push_span(buf: &mut String, spans: &mut Vec<(usize, usize)>, s: &str) {
    let start = buf.len();
    buf.push_str(s);
    spans.push((start, buf.len()));
}

/// Is `seq` (a phrase's tokens) a prefix of `tokens`?
fn starts_with_seq(tokens: &[&str], seq: &[String]) -> bool {
    seq.len() <= tokens.len() && seq.iter().zip(tokens).all(|(a, b)| a == b)
}

/// Does `tokens` hold `phrase` (already tokenised) as consecutive tokens?
fn contains_seq(tokens: &[&str], phrase: &[String]) -> bool {
    !phrase.is_empty()
        && phrase.len() <= tokens.len()
        && (0..=tokens.len() - phrase.len()).any(|i| starts_with_seq(&tokens[i..], phrase))
}

/// French transition words and phrases, and two-part connectors.
#[derive(Debug, Clone, Default)]
pub struct Transitions {
    /// By first token: the phrases that start with it, and whether it starts
    /// a part of a pair (one lookup per word of a sentence).
    firsts: std::collections::HashMap<String, First, FxBuild>,
    pairs: Vec<(Vec<String>, Vec<String>)>,
}

#[derive(Debug, Clone, Default)]
struct First {
    phrases: Vec<Vec<String>>,
    starts_pair: bool,
}

/// What [`Transitions`] found in a sentence.
enum Found<'a> {
    Pair(&'a [String], &'a [String]),
    Single(&'a [String]),
}

impl Transitions {
    /// One entry per line; a two-part connector is written `first … second`.
    pub fn from_lines(lines: &[String]) -> Transitions {
        let mut t = Transitions::default();
        for l in lines {
            let l = l.replace("...", "…");
            if let Some((a, b)) = l.split_once('…') {
                let (a, b) = (match_tokens(a), match_tokens(b));
                if !a.is_empty() && !b.is_empty() {
                    t.firsts.entry(a[0].clone()).or_default().starts_pair = true;
                    t.firsts.entry(b[0].clone()).or_default().starts_pair = true;
                    t.pairs.push((a, b));
                }
            } else {
                let p = match_tokens(&l);
                if let Some(first) = p.first() {
                    t.firsts.entry(first.clone()).or_default().phrases.push(p);
                }
            }
        }
        t
    }

    /// The first transition of the list found in the sentence.
    pub fn find(&self, sentence: &str) -> Option<String> {
        let mut t = MatchTokens::default();
        t.fill(sentence);
        let tokens: Vec<&str> = t.iter().collect();
        self.locate(&tokens).map(|f| match f {
            Found::Pair(a, b) => format!("{} … {}", a.join(" "), b.join(" ")),
            Found::Single(p) => p.join(" "),
        })
    }

    /// Does the sentence (its [`match_tokens`]) hold a transition?
    pub fn in_tokens(&self, tokens: &[&str]) -> bool {
        self.locate(tokens).is_some()
    }

    fn locate(&self, tokens: &[&str]) -> Option<Found<'_>> {
        // one pass: the first words of pair parts that are there (a pair's
        // parts can only be there when their first words are), and the first
        // single phrase, the longest one starting at its place
        let mut present: Vec<&str> = Vec::new();
        let mut single: Option<&[String]> = None;
        for (i, &t) in tokens.iter().enumerate() {
            let Some(first) = self.firsts.get(t) else {
                continue;
            };
            if first.starts_pair && !present.contains(&t) {
                present.push(t);
            }
            if single.is_none() {
                single = first
                    .phrases
                    .iter()
                    .filter(|p| starts_with_seq(&tokens[i..], p))
                    .max_by_key(|p| p.len())
                    .map(Vec::as_slice);
            }
        }
        if !present.is_empty() {
            let may = |p: &[String]| p.first().is_some_and(|f| present.contains(&f.as_str()));
            for (a, b) in &self.pairs {
                if may(a) && may(b) && contains_seq(tokens, a) && contains_seq(tokens, b) {
                    return Some(Found::Pair(a, b));
                }
            }
        }
        single.map(Found::Single)
    }
}

/// Forms of *être* that make the periphrastic passive (*est adopté*, *a été
/// signée*, *seront publiés*).
const ETRE: &[&str] = &[
    "être", "suis", "es", "est", "sommes", "êtes", "sont", "été", "étais", "était", "étions",
    "étiez", "étaient", "serai", "seras", "sera", "serons", "serez", "seront", "serais", "serait",
    "serions", "seriez", "seraient", "sois", "soit", "soyons", "soyez", "soient", "fus", "fut",
    "fûmes", "fûtes", "furent", "fût", "fussent",
];

/// Determiners: the word after one is a noun, not a participle.
const DETERMINERS: &[&str] = &[
    "le",
    "la",
    "les",
    "un",
    "une",
    "des",
    "du",
    "au",
    "aux",
    "ce",
    "cet",
    "cette",
    "ces",
    "sa",
    "son",
    "ses",
    "leur",
    "leurs",
    "notre",
    "nos",
    "votre",
    "vos",
    "mon",
    "ma",
    "mes",
    "ton",
    "ta",
    "tes",
    "chaque",
    "quelques",
    "plusieurs",
];

/// Words that end the clause opened by an auxiliary.
const CLAUSE_BREAKS: &[&str] = &[
    "et",
    "ou",
    "mais",
    "car",
    "or",
    "donc",
    "que",
    "qui",
    "dont",
    "où",
    "lorsque",
    "quand",
    "si",
    "puisque",
    "parce",
    "afin",
    "comme",
    "sinon",
    "tandis",
    "alors",
    "pendant",
    "avant",
    "après",
    "quoique",
    "lequel",
    "laquelle",
    "lesquels",
    "lesquelles",
    "auquel",
    "duquel",
    "pourquoi",
];

/// After the auxiliary, these words make it a copula (*est la priorité*, *est
/// une réussite*), not a passive.
const COPULA_NEXT: &[&str] = &["le", "la", "les", "un", "une", "l'un", "l'une", "du", "des"];

/// Participles that take *être* in the active voice (*est arrivé*, *sont
/// nés*), *été* itself, and adjectives or nouns ending in *-é* that are not
/// participles.
const NOT_PASSIVE: &[&str] = &[
    "allé",
    "arrivé",
    "entré",
    "rentré",
    "resté",
    "tombé",
    "retombé",
    "décédé",
    "né",
    "demeuré",
    "venu",
    "devenu",
    "revenu",
    "parvenu",
    "intervenu",
    "survenu",
    "redevenu",
    "apparu",
    "disparu",
    "parti",
    "reparti",
    "sorti",
    "mort",
    "monté",
    "descendu",
    "passé",
    "retourné",
    "été",
    "âgé",
    "aîné",
    "côté",
    "été",
    "comité",
    "marché",
    "café",
    "clé",
    "degré",
    "lycée",
    "musée",
    "trophée",
    "idée",
    "année",
    "entrée",
    "journée",
    "arrivée",
    "armée",
    "durée",
    "pensée",
    "soirée",
    "matinée",
    "vallée",
    "fée",
    "thé",
    "pré",
    "blé",
    "gré",
    "procédé",
    "député",
    "employé",
    "délégué",
    "curé",
    "préfet",
    "résumé",
    "fossé",
    "canapé",
    "bébé",
    "défilé",
    "cité",
    "mêlée",
    "épée",
    "fumée",
    "chaussée",
    "poignée",
    "corvée",
    "montée",
    "allée",
    "portée",
    "rentrée",
    "traversée",
    "randonnée",
    "destinée",
    "dictée",
    "assemblée",
    "équipée",
    "plongée",
    "odyssée",
    "contrée",
    "denrée",
    "bouchée",
    "gorgée",
    "rangée",
];

/// Irregular past participles (masculine singular; -e, -s, -es agree).
const IRREGULAR: &[&str] = &[
    "pris",
    "mis",
    "fait",
    "dit",
    "écrit",
    "construit",
    "produit",
    "conduit",
    "détruit",
    "traduit",
    "inscrit",
    "décrit",
    "prescrit",
    "interdit",
    "prédit",
    "ouvert",
    "couvert",
    "découvert",
    "offert",
    "souffert",
    "recouvert",
    "soutenu",
    "tenu",
    "obtenu",
    "retenu",
    "maintenu",
    "détenu",
    "contenu",
    "entretenu",
    "reconnu",
    "connu",
    "vu",
    "prévu",
    "revu",
    "reçu",
    "perçu",
    "conçu",
    "déçu",
    "voulu",
    "lu",
    "élu",
    "réélu",
    "battu",
    "abattu",
    "rendu",
    "vendu",
    "perdu",
    "entendu",
    "attendu",
    "suspendu",
    "répandu",
    "défendu",
    "étendu",
    "tendu",
    "mordu",
    "suivi",
    "poursuivi",
    "servi",
    "choisi",
    "fini",
    "réuni",
    "établi",
    "saisi",
    "investi",
    "accompli",
    "rempli",
    "puni",
    "fourni",
    "garanti",
    "averti",
    "trahi",
    "envahi",
    "bâti",
    "défini",
    "permis",
    "admis",
    "soumis",
    "promis",
    "commis",
    "transmis",
    "compris",
    "surpris",
    "repris",
    "appris",
    "entrepris",
    "acquis",
    "requis",
    "conquis",
    "exclu",
    "inclus",
    "conclu",
    "résolu",
    "dissous",
    "peint",
    "craint",
    "atteint",
    "éteint",
    "joint",
    "rejoint",
    "contraint",
    "cuit",
    "instruit",
    "séduit",
    "réduit",
    "induit",
    "introduit",
    "reproduit",
    "dû",
    "cru",
    "su",
    "nourri",
    "guéri",
    "enrichi",
    "affaibli",
    "agrandi",
    "élargi",
    "ralenti",
    "réparti",
    "converti",
    "démoli",
    "approfondi",
    "applaudi",
    "franchi",
    "réussi",
    "abouti",
    "accueilli",
    "cueilli",
    "recueilli",
    "assailli",
    "vaincu",
    "convaincu",
    "émis",
    "remis",
    "omis",
    "repeint",
    "restreint",
    "élu",
    "relu",
    "déduit",
    "exploité",
];

fn strip_elision(w: &str) -> &str {
    // every prefix is one or two letters and an apostrophe
    let b = w.as_bytes();
    if b.get(1) != Some(&b'\'') && b.get(2) != Some(&b'\'') {
        return w;
    }
    for p in ["n'", "l'", "d'", "qu'", "c'", "s'", "j'", "m'", "t'"] {
        if let Some(r) = w.strip_prefix(p) {
            return r;
        }
    }
    w
}

fn is_etre(token: &str) -> bool {
    // inverted forms: est-il, sera-t-elle, sont-ils
    let base = token.split('-').next().unwrap_or(token);
    // every form is 2 to 8 bytes long and starts with e, é, ê, s or f
    (2..=8).contains(&base.len())
        && matches!(base.as_bytes()[0], b'e' | b's' | b'f' | 0xc3)
        && ETRE.contains(&base)
}

/// Nouns in -té that look like participles (société, qualité, santé).
fn is_te_noun(w: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "bilité", "alité", "arité", "ivité", "osité", "érité", "orité", "unité", "anité", "inité",
        "iété", "uité", "acité", "icité", "versité", "idité", "ensité", "ximité", "émité", "imité",
        "tité", "uté",
    ];
    const NOUNS: &[&str] = &[
        "santé",
        "volonté",
        "liberté",
        "société",
        "qualité",
        "sécurité",
        "côté",
        "comité",
        "beauté",
        "clarté",
        "vérité",
        "nécessité",
        "moitié",
        "pitié",
        "amitié",
        "été",
        "parité",
        "rareté",
        "fierté",
        "bonté",
        "gaieté",
        "propreté",
        "sûreté",
        "pauvreté",
        "nouveauté",
        "royauté",
        "loyauté",
        "majesté",
        "cité",
        "gravité",
        "fraternité",
        "égalité",
        "vanité",
        "charité",
        "habileté",
        "fermeté",
        "netteté",
        "lâcheté",
        "méchanceté",
        "cruauté",
        "piété",
        "satiété",
    ];
    // limité, imité, précipité are participles: only the -imité nouns listed by suffix
    // (proximité, intimité, légitimité, unanimité, extrémité) and the list above
    let base = w.trim_end_matches('s');
    if matches!(base, "limité" | "imité" | "délimité") {
        return false;
    }
    NOUNS.contains(&base) || SUFFIXES.iter().any(|s| base.ends_with(s))
}

/// The words of a list, as a set (looked up once per word of a sentence).
type WordSet = std::collections::HashSet<&'static str, FxBuild>;

fn word_set(
    cell: &'static std::sync::OnceLock<WordSet>,
    words: &[&'static str],
) -> &'static WordSet {
    cell.get_or_init(|| words.iter().copied().collect())
}

fn is_participle(token: &str) -> bool {
    static NOT: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    static IRR: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    let (not_passive, irregular) = (word_set(&NOT, NOT_PASSIVE), word_set(&IRR, IRREGULAR));
    let w = strip_elision(token);
    if w.chars().count() < 3 || not_passive.contains(w) {
        return false;
    }
    for suffix in ["es", "s", "e", ""] {
        if let Some(stem) = w.strip_suffix(suffix) {
            if suffix.is_empty() || stem.chars().count() >= 2 {
                if not_passive.contains(stem) {
                    return false;
                }
                if irregular.contains(stem) {
                    return true;
                }
            }
        }
    }
    let regular = ["é", "ée", "és", "ées"].iter().any(|s| {
        w.strip_suffix(s)
            .is_some_and(|stem| stem.chars().count() >= 2)
    });
    regular && !is_te_noun(w)
}

/// Could the sentence hold a form of *être* as a word of its own? A cheap
/// test that never says no when [`passive`] would find an auxiliary: a form
/// of [`ETRE`], in any case, between two characters that are neither letters
/// nor digits (or the ends). Sentences where inclusive writing (`(e)`, `·`, a
/// dot inside a word) could join letters into a form are always read in full.
fn may_hold_etre(sentence: &str) -> bool {
    static FORMS: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let joins = sentence.contains(['(', '·'])
        || sentence
            .match_indices('.')
            .any(|(i, _)| sentence[i + 1..].starts_with(|c: char| c.is_alphanumeric()));
    if joins {
        return true;
    }
    let forms = FORMS.get_or_init(|| {
        // longest first: at a word's start the longest form that fits is tried
        // first, so a word that is a form is always found whole
        let mut forms: Vec<&str> = ETRE.to_vec();
        forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
        let alternatives: Vec<String> = forms.iter().map(|f| regex::escape(f)).collect();
        regex::Regex::new(&format!("(?i){}", alternatives.join("|"))).ok()
    });
    let Some(re) = forms else {
        // without the pattern (it always compiles), every sentence is read in full
        return true;
    };
    // a match never spans a character that is not a letter: it lies inside one
    // run of letters, and the form counts when it is that whole run
    let not_word = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    re.find_iter(sentence).any(|m| {
        not_word(sentence[..m.start()].chars().next_back())
            && not_word(sentence[m.end()..].chars().next())
    })
}

/// The *être* + participle pair that makes a sentence passive, if any.
pub fn passive(sentence: &str) -> Option<String> {
    use std::borrow::Cow;
    if !may_hold_etre(sentence) {
        return None;
    }
    let mut pieces: Vec<Cow<str>> = Vec::new();
    let mut folded = fold(sentence);
    // inclusive writing: hospitalisé(e)s
    if folded.contains('(') {
        folded = folded
            .replace("(e)", "e")
            .replace("(s)", "s")
            .replace("(es)", "es");
    }
    for piece in folded.split_whitespace() {
        // a comma, semicolon or colon ends a clause: keep it as its own token
        let trimmed = piece.trim_end_matches([',', ';', ':', '.', '!', '?', '»', '"', ')', '…']);
        let w = trimmed.trim_start_matches(is_punct);
        // inclusive writing: accompagné·e·s, accompagné.e.s
        let w = if w.contains(['·', '.']) && w.chars().any(char::is_alphabetic) {
            Cow::Owned(w.replace(['·', '.'], ""))
        } else {
            Cow::Borrowed(w)
        };
        if !w.is_empty() {
            pieces.push(w);
        }
        if trimmed.len() < piece.len() && piece[trimmed.len()..].contains([',', ';', ':']) {
            pieces.push(Cow::Borrowed(","));
        }
    }
    let raw: Vec<&str> = pieces.iter().map(|p| p.as_ref()).collect();
    for (i, tok) in raw.iter().enumerate() {
        // c'est, s'est, peut-être are not auxiliaries of a passive
        if tok.starts_with("c'") || tok.starts_with("s'") || tok.starts_with("peut-") {
            continue;
        }
        let bare = strip_elision(tok);
        if !is_etre(bare) {
            continue;
        }
        let prev = if i > 0 { raw[i - 1] } else { "" };
        let prev2 = if i > 1 { raw[i - 2] } else { "" };
        if matches!(
            prev,
            "se" | "me" | "te" | "s'y" | "m'y" | "t'y" | "ce" | "cela" | "ça"
        ) || (prev == "nous" && prev2 == "nous")
            || (prev == "vous" && prev2 == "vous")
        {
            continue;
        }
        // the next word, negation and adverbs skipped: n'est pas un…, est aussi la…
        let next_word = raw.iter().skip(i + 1).find(|n| {
            !matches!(
                **n,
                "pas"
                    | "plus"
                    | "jamais"
                    | "guère"
                    | "point"
                    | "aussi"
                    | "donc"
                    | "toujours"
                    | "souvent"
                    | "encore"
                    | "déjà"
                    | "bien"
                    | "peut-être"
                    | "surtout"
            )
        });
        if next_word.is_some_and(|n| COPULA_NEXT.contains(n) || n.starts_with("l'")) {
            continue;
        }
        // être en train de, être sur le point de: a periphrasis, not a passive
        if raw.get(i + 1).is_some_and(|&n| n == "en" || n == "sur")
            && raw.get(i + 2).is_some_and(|&n| n == "train" || n == "le")
        {
            continue;
        }
        let mut prev_word = *tok;
        for &next in raw.iter().skip(i + 1).take(8) {
            if next == "," || CLAUSE_BREAKS.contains(&next) || is_etre(strip_elision(next)) {
                break;
            }
            // after a determiner it is a noun: la prise, une entrée, leurs données
            let determiner = DETERMINERS.contains(&prev_word)
                || next.starts_with("l'")
                || next.starts_with("d'");
            prev_word = next;
            if !determiner && is_participle(next) {
                return Some(format!("{bare} {next}"));
            }
        }
    }
    None
}

/// First word(s) of a sentence for the repeated-beginnings check: an article,
/// a number from two to ten or a demonstrative is compared with the next word.
pub fn beginning(sentence: &str) -> String {
    const EXCEPTIONS: &[&str] = &[
        "le",
        "la",
        "les",
        "l'",
        "un",
        "une",
        "des",
        "du",
        "deux",
        "trois",
        "quatre",
        "cinq",
        "six",
        "sept",
        "huit",
        "neuf",
        "dix",
        "ce",
        "cet",
        "cette",
        "ces",
        "celui",
        "celle",
        "ceux",
        "celles",
        "celui-ci",
        "celle-ci",
        "celui-là",
        "celle-là",
        "ceux-ci",
        "ceux-là",
    ];
    let mut w = word_iter(sentence);
    let Some(first) = w.next() else {
        return String::new();
    };
    let first = fold(first);
    if EXCEPTIONS.contains(&first.as_str()) {
        if let Some(second) = w.next() {
            return format!("{first} {}", fold(second));
        }
    }
    first
}

/// Remove quotations (« … », “ … ”) from a sentence.
pub fn without_quotes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '«' | '“' => depth += 1,
            '»' | '”' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// One word of a keyphrase.
#[derive(Debug, Clone)]
struct KeyWord {
    folded: String,
    stem: String,
    content: bool,
}

/// A focus keyphrase, ready to be matched French-aware: ’ and ' alike,
/// elisions removed (*l’usine* matches *usine*), inflections through the
/// Snowball stem (*usines* matches *usine*).
#[derive(Debug, Clone)]
pub struct Keyphrase {
    pub text: String,
    words: Vec<KeyWord>,
}

/// The comparable tokens of a text: (folded word without elision, stem).
pub fn stems(text: &str, lex: &Lexicon) -> Vec<(String, String)> {
    stems_starting(text, lex, &[])
}

/// Like [`stems`], keeping only the words whose first letter is in `firsts`
/// (all words when it is empty).
fn stems_starting(text: &str, lex: &Lexicon, firsts: &[char]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for w in french::words(text) {
        for part in w.split(['-', '‑']).filter(|p| !p.is_empty()) {
            let f = fold(french::elision::strip(part));
            let f = strip_elision(&f).to_string();
            if !firsts.is_empty() && !f.chars().next().is_some_and(|c| firsts.contains(&c)) {
                continue;
            }
            let s = lex.stem(&f);
            out.push((f, s));
        }
    }
    out
}

impl Keyphrase {
    pub fn new(text: &str, lex: &Lexicon) -> Keyphrase {
        let mut words: Vec<KeyWord> = stems(text, lex)
            .into_iter()
            .map(|(folded, stem)| KeyWord {
                content: !lex.is_keyphrase_filler(&folded),
                folded,
                stem,
            })
            .collect();
        if !words.iter().any(|w| w.content) {
            for w in &mut words {
                w.content = true;
            }
        }
        Keyphrase {
            text: text.trim().to_string(),
            words,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Number of content words.
    pub fn content_len(&self) -> usize {
        self.words.iter().filter(|w| w.content).count()
    }

    /// Is the keyphrase made only of function words?
    pub fn only_function_words(&self, lex: &Lexicon) -> bool {
        self.words
            .iter()
            .all(|w| lex.is_function_word(&w.folded) || lex.is_stopword(&w.folded))
    }

    fn content(&self) -> impl Iterator<Item = &KeyWord> {
        self.words.iter().filter(|w| w.content)
    }

    /// How many times all content words occur in this text (the smallest
    /// number of occurrences of one of them).
    pub fn count_in(&self, text: &str, lex: &Lexicon) -> usize {
        if self.is_empty() {
            return 0;
        }
        // a word can only share a stem that starts like it: stem only those
        let firsts: Vec<char> = self
            .content()
            .filter_map(|k| k.stem.chars().next())
            .collect();
        let toks = stems_starting(text, lex, &firsts);
        self.content()
            .map(|k| toks.iter().filter(|(_, s)| *s == k.stem).count())
            .min()
            .unwrap_or(0)
    }

    /// Share (0–1) of the content words found in this text.
    pub fn share_in(&self, text: &str, lex: &Lexicon) -> f64 {
        let n = self.content_len();
        if n == 0 {
            return 0.0;
        }
        let toks = stems(text, lex);
        let found = self
            .content()
            .filter(|k| toks.iter().any(|(_, s)| *s == k.stem))
            .count();
        found as f64 / n as f64
    }

    /// Where the keyphrase occurs as a whole, in order, in the text: the index
    /// of its first word among the text's tokens, and whether only function
    /// words come before it.
    pub fn exact_position(&self, text: &str, lex: &Lexicon) -> Option<(usize, bool)> {
        let toks = stems(text, lex);
        let n = self.words.len();
        if n == 0 || toks.len() < n {
            return None;
        }
        let same = |t: &(String, String), k: &KeyWord| {
            if k.content {
                t.1 == k.stem
            } else {
                t.0 == k.folded
            }
        };
        (0..=toks.len() - n)
            .find(|&i| {
                self.words
                    .iter()
                    .enumerate()
                    .all(|(j, k)| same(&toks[i + j], k))
            })
            .map(|i| {
                let lead = toks[..i]
                    .iter()
                    .all(|(f, _)| lex.is_function_word(f) || lex.is_stopword(f));
                (i, lead)
            })
    }
}

/// Width in pixels of a title in the font search engines use for result
/// titles (Arial-like metrics at 20 px). Accented letters take the width of
/// their base letter.
pub fn title_width(title: &str) -> usize {
    use unicode_normalization::UnicodeNormalization;
    let units: u32 = title
        .chars()
        .map(|c| {
            char_width(c).unwrap_or_else(|| {
                c.to_string()
                    .nfd()
                    .next()
                    .and_then(char_width)
                    .unwrap_or(556)
            })
        })
        .sum();
    ((units as f64) * 20.0 / 1000.0).round() as usize
}

/// Advance width in thousandths of an em.
fn char_width(c: char) -> Option<u32> {
    Some(match c {
        'i' | 'j' | 'l' | '\'' | '’' | '‘' => {
            if c == '\'' {
                191
            } else {
                222
            }
        }
        ' ' | '!' | ',' | '.' | '/' | ':' | ';' | '[' | ']' | '\\' | 'f' | 't' | 'I' | '\u{a0}'
        | '\u{202f}' => 278,
        '"' => 355,
        '(' | ')' | '-' | '`' | 'r' | '“' | '”' => 333,
        '*' => 389,
        '°' => 400,
        '^' => 469,
        'J' | 'c' | 'k' | 's' | 'v' | 'x' | 'y' | 'z' => 500,
        '0'..='9'
        | '#'
        | '$'
        | '?'
        | '_'
        | 'a'
        | 'b'
        | 'd'
        | 'e'
        | 'g'
        | 'h'
        | 'n'
        | 'o'
        | 'p'
        | 'q'
        | 'u'
        | 'L'
        | '«'
        | '»'
        | '–'
        | '€' => 556,
        '+' | '<' | '=' | '>' | '~' => 584,
        'F' | 'T' | 'Z' | 'ß' => 611,
        '&' | 'A' | 'B' | 'E' | 'K' | 'P' | 'S' | 'V' | 'X' | 'Y' => 667,
        'C' | 'D' | 'H' | 'N' | 'R' | 'U' | 'w' => 722,
        'G' | 'O' | 'Q' => 778,
        'M' | 'm' => 833,
        '%' | 'æ' => 889,
        'W' | 'œ' => 944,
        '—' | '…' | 'Œ' | 'Æ' => 1000,
        '@' => 1015,
        '|' => 260,
        '{' | '}' => 334,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_etre_prefilter_finds_every_auxiliary() {
        for s in [
            "Le projet est adopté.",
            "Il n’est pas encore voté, mais sera-t-il validé ?",
            "ÉTAIT-CE prévu ? Les élus furent consultés.",
            "Qu’elles soient informées (e) à temps.",
            "Les élu·e·s s.o.n.t informé·e·s.",
            "«Est» seul, puis l'être.",
            "Être ou ne pas être.",
        ] {
            assert!(may_hold_etre(s), "{s}");
        }
        for s in [
            "Les tests restent nombreux.",
            "Le mestre et la sorte.",
            "Rien 2est ici.",
        ] {
            assert!(!may_hold_etre(s), "{s}");
            assert_eq!(passive(s), None, "{s}");
        }
    }
    /// Texts with every kind of word break and punctuation the word readers
    /// must agree on.
    const TRICKY: &[&str] = &[
        "L’usine d’Écully — ouverte en 2021 – emploie 1 200 personnes.",
        "« » … -- ‑x\u{a0}y\u{202f}:\tz ; % € (e) !? \u{b}v\u{c}w\r\n",
        "",
        "...",
        "  a  ",
        "—",
    ];

    #[test]
    fn words_are_the_pieces_between_breaks_with_punctuation_trimmed() {
        for &t in TRICKY {
            let expected: Vec<&str> = t
                .split(|c: char| c.is_whitespace() || c == '\u{2013}' || c == '\u{2014}')
                .map(|w| w.trim_matches(is_punct))
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(words(t), expected, "{t}");
        }
    }

    #[test]
    fn word_count_is_the_number_of_words() {
        for &t in TRICKY {
            assert_eq!(word_count(t), word_iter(t).count(), "{t}");
        }
    }

    #[test]
    fn flesch_words_are_the_words_of_the_text_without_its_numbers() {
        for t in [
            "En 2021, 2,1 % des 1 200 élèves (2019) ont eu 15/20 — COVID-19 _2021 a2021 ½.",
            "Le 1er avril, 3e édition : « 42 » ; 12h30–14h ; n° 7 ; 3,14159 et 10 000 €.",
            "",
            "   ",
            "2021",
        ]
        .iter()
        .chain(TRICKY)
        {
            let expected: Vec<String> = word_iter(&strip_numbers(t)).map(str::to_string).collect();
            let got: Vec<String> = flesch_words(t).map(|w| w.into_owned()).collect();
            assert_eq!(got, expected, "{t}");
        }
    }

    use super::*;
    use crate::rules::Source;

    #[test]
    fn words_like_plugins() {
        assert_eq!(
            words("L’usine — des start-up : 12 % « oui » !"),
            ["L’usine", "des", "start-up", "12", "%", "oui"]
        );
        assert_eq!(
            strip_numbers("en 2021, 2,1 milliards de CO2"),
            "en , , milliards de CO2"
        );
    }

    #[test]
    fn punct_is_the_list() {
        for c in (0u32..0x2100).filter_map(char::from_u32) {
            assert_eq!(is_punct(c), PUNCT.contains(c), "{c:?}");
        }
    }

    #[test]
    fn passive_voice() {
        assert!(passive("Le projet a été adopté par le Sénat.").is_some());
        assert!(passive("Les résultats seront publiés en mai.").is_some());
        assert!(passive("La loi est votée, puis promulguée.").is_some());
        assert!(passive("Elle s’est arrêtée devant la mairie.").is_none());
        assert!(passive("C’est une idée simple.").is_none());
        assert!(passive("Il est peut-être fatigué.").is_some());
        assert!(passive("C'est peut-être arrivé.").is_none());
        assert!(passive("Il est arrivé hier.").is_none());
        assert!(passive("La santé est la priorité.").is_none());
        assert!(passive("La société est solide.").is_none());
    }

    #[test]
    fn transitions_and_beginnings() {
        let t = Transitions::from_lines(&[
            "en effet".into(),
            "lorsque".into(),
            "non seulement … mais aussi".into(),
        ]);
        assert!(t.find("En effet, il pleut.").is_some());
        assert!(t.find("Lorsqu’il pleut, on reste.").is_some());
        assert!(t
            .find("Non seulement il pleut, mais aussi il vente.")
            .is_some());
        assert!(t.find("Il pleut.").is_none());
        assert_eq!(beginning("La ville change."), "la ville");
        assert_eq!(beginning("Paris change."), "paris");
    }

    #[test]
    fn keyphrase_is_french_aware() {
        let lex = Lexicon::load(&Source::embedded()).unwrap();
        let k = Keyphrase::new("usine d'IA", &lex);
        assert_eq!(k.content_len(), 2);
        assert_eq!(k.count_in("Les usines d’IA se multiplient.", &lex), 1);
        assert_eq!(k.count_in("L’usine ferme.", &lex), 0);
        assert!(k
            .exact_position("Usines d’IA : le grand pari", &lex)
            .is_some_and(|(i, lead)| i == 0 && lead));
        assert!(k
            .exact_position("Le grand pari des usines d’IA", &lex)
            .is_some_and(|(_, lead)| !lead));
    }

    #[test]
    fn width() {
        assert_eq!(title_width(""), 0);
        assert!(title_width("Le climat est partout") < 250);
        assert_eq!(title_width("é"), title_width("e"));
    }
}
