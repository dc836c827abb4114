//! Stage 7: the article's key terms. Noun-phrase candidates (one to three
//! words, content words at both ends, French function words allowed inside:
//! « usines d’IA », « centres de données ») are counted by their Snowball stems,
//! so singular and plural merge; the focus keyphrase is the best one that the
//! first paragraph holds and the text repeats; each section gets its own salient
//! terms, scored against the rest of the article.
use crate::french::{self, elision, Lexicon};
use crate::fxhash::FxHashSet as HashSet;
use crate::fxhash::{FxHashMap, FxHashSet};
use crate::model::{Block, Section, Sentence};
use crate::Options;
use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::collections::BTreeMap;
use std::rc::Rc;

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
    /// Occurrences where the noun phrase ends with the term: not the start of
    /// a longer phrase (« code » in « code de conduite » does not end there,
    /// « propre » in « votre propre projet » never does).
    pub ends: usize,
    /// Occurrences cut by the length limit while the phrase went on
    /// (« budget de formation Product » before « Owner »).
    pub cut: usize,
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
    /// Keyphrase matches ([`matches_in`]) and [`density_words`] of each
    /// source sentence, by id: counted once here for the stages that weigh
    /// the keyphrase's density ([`Density::of_keywords`]); empty when not
    /// counted.
    pub sentence_density: Vec<(usize, usize)>,
}

const DETERMINERS: &[&str] = &[
    "le", "la", "les", "l’", "l'", "un", "une", "des", "du", "au", "aux", "ce", "cet", "cette",
    "ces", "son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos",
];

/// Determiners that show a plural noun.
const PLURAL_DETERMINERS: &[&str] = &["les", "des", "aux", "ces", "ses", "leurs", "nos", "vos"];

/// Joining words allowed inside a term.
const INNER: &[&str] = &["de", "du", "des", "d’", "d'", "à", "en", "la", "l’", "l'"];

/// One occurrence of a term. Keys and written forms repeat all over a text:
/// each distinct one is stored once and shared (see [`Strings`]).
struct Occ {
    key: Rc<str>,
    surface: Rc<str>,
    determiner: Option<&'static str>,
    len: usize,
    sentence: usize,
    at_start: bool,
    /// A longer phrase from the same start follows (see [`Term::ends`]).
    extended: bool,
    /// The length limit ended the phrase before a content word.
    cut: bool,
    /// Written where a noun goes: after a determiner, a preposition or an
    /// elided « d’ » (« des données », « base de données »), not only
    /// after an adverb (« trop long », « plus tard »).
    noun_slot: bool,
}

/// Subject pronouns (« qui » among them), the negation and the reflexive
/// or indirect pronouns: an article cannot follow them, so a « le », « la »
/// or « les » after one is an object pronoun and the next word a verb (« on
/// le sait », « ne les gère », « me le confirme »).
const BEFORE_OBJECT: &[&str] = &[
    "je", "j’", "j'", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "ne", "n’", "n'",
    "qui", "me", "te", "se",
];

/// Forms of the modal verbs that take an infinitive with its object pronoun
/// before it (« vous pouvez le gérer », « il faut les aider »).
const MODALS: &[&str] = &[
    "peux", "peut", "pouvons", "pouvez", "peuvent", "pourra", "pourrait", "pourront", "dois",
    "doit", "devons", "devez", "doivent", "devra", "devrait", "veux", "veut", "voulons", "voulez",
    "veulent", "faut", "faudra", "faudrait", "vais", "vas", "va", "allons", "allez", "vont",
    "sais", "sait", "savez", "savent",
];

/// Is the word at `i` a verb by its place, after an object pronoun: one
/// that follows a subject pronoun, the negation or a modal verb (« on le
/// sait », « vous pouvez le gérer », « il l’utilise »), « de le » or « à les »
/// (an article would have contracted: du, aux), or an infinitive after a
/// preposition and its pronoun (« pour la limiter », « pour l’utiliser »)?
fn verb_after_object_pronoun(toks: &[Token], i: usize, lex: &Lexicon) -> bool {
    let lower = toks[i].lower.as_ref();
    let elided = lower.starts_with("l’") || lower.starts_with("l'");
    // the word before the pronoun, the pronoun, and the word itself
    let (prev, pron, word) = if elided {
        if i < 1 {
            return false;
        }
        (
            elision::strip(toks[i - 1].lower.as_ref()),
            "l’",
            elision::strip(lower),
        )
    } else {
        if i < 2 {
            return false;
        }
        let pron = toks[i - 1].text;
        if !matches!(pron, "le" | "la" | "les") {
            return false;
        }
        (elision::strip(toks[i - 2].lower.as_ref()), pron, lower)
    };
    // « l’utilisent », « l’apprécient »: a plural verb, not a noun in -ent
    // (« l’agent », « l’environnement », « l’équivalent »)
    if elided
        && word.ends_with("ent")
        && !["ment", "dent", "gent", "cent", "lent", "nient"]
            .iter()
            .any(|e| word.ends_with(e))
    {
        return true;
    }
    if BEFORE_OBJECT.contains(&prev) || MODALS.contains(&prev) {
        return true;
    }
    // « en les rendant », « en l’utilisant »: a present participle
    if prev == "en" && word.ends_with("ant") {
        return true;
    }
    // a verb of the infinitive lexicon, which leaves out those that are
    // nouns too (« le pouvoir »): « supposé le remplacer », « mieux le
    // remplacer »
    if lex.is_infinitive(word) {
        return true;
    }
    // « … et les compare au code »: after « les », a lowercase word without
    // a plural ending that ends as a verb does (« compare », « utilisent »,
    // « les exposer », « les choisir »), not a noun, which would agree with
    // the article
    if pron == "les"
        && !elided
        && word.chars().count() > 3
        && (word.ends_with('e')
            || word.ends_with("ent")
            || word.ends_with("er")
            || word.ends_with("ir"))
        && toks[i].text.starts_with(char::is_lowercase)
    {
        return true;
    }
    if matches!(prev, "de" | "à") && matches!(pron, "le" | "les") {
        return true;
    }
    // after a negation, an infinitive (« ne pouvons pas les livrer », « ne
    // jamais l’oublier »): its ending tells it from a noun (« pas les moyens »)
    if matches!(prev, "pas" | "jamais")
        && (word.ends_with("er") && !word.ends_with("ier") || word.ends_with("ir"))
        && word.chars().count() > 4
    {
        return true;
    }
    if !matches!(prev, "pour" | "sans" | "de" | "d’" | "d'" | "à") {
        return false;
    }
    if elided {
        // « de l’utiliser », not « de l’hiver », « de l’usager », « à l’avenir »
        prev != "à"
            && word.ends_with("er")
            && !word.ends_with("ier")
            && !word.ends_with("ger")
            && word.chars().count() > 4
    } else {
        matches!(prev, "pour" | "sans") && (word.ends_with("er") || word.ends_with("ir"))
    }
}

/// The distinct strings of the occurrences, each stored once.
struct Strings(HashSet<Rc<str>>);

impl Strings {
    fn get(&mut self, s: &str) -> Rc<str> {
        if let Some(r) = self.0.get(s) {
            return r.clone();
        }
        let r: Rc<str> = Rc::from(s);
        self.0.insert(r.clone());
        r
    }
}

/// What [`occurrences`] needs of one token, worked out once per token.
struct Token<'a> {
    text: &'a str,
    lower: std::borrow::Cow<'a, str>,
    /// A content word (see `occurrences`), and its stem when it is one.
    stem: Option<String>,
}

/// Term occurrences of one sentence.
fn occurrences(sentence: &Sentence, lex: &Lexicon, strings: &mut Strings, out: &mut Vec<Occ>) {
    let content = |w: &str| -> bool {
        let b = elision::strip(w);
        // « n’utilise », « s’engage », « j’aime »: a verb after its elided
        // pronoun
        let head = w[..w.len() - b.len()].trim_end_matches(['’', '\'']);
        if ["n", "s", "j", "m", "t"]
            .iter()
            .any(|p| head.eq_ignore_ascii_case(p))
        {
            return false;
        }
        b.chars().any(char::is_alphabetic)
            && !lex.is_stopword_or_verb(b)
            && !french::looks_finite(b)
            && !finite_form(b)
            && (b.chars().count() > 2 || is_acronym(b))
            && !ordinal(b)
    };
    // (room for about as many tokens as the text has: a word and its space
    // take six bytes or more on average)
    let mut toks: Vec<Token> = Vec::with_capacity(sentence.text.len() / 6 + 1);
    toks.extend(french::words(&sentence.text).map(|t| Token {
        text: t,
        lower: french::lowercase(t),
        stem: content(t).then(|| lex.stem(t)),
    }));
    // a determiner capitalised inside the sentence, before a capitalised
    // word, opens a name (« l’équipe Mes Aides », « sur La Bonne Boîte »):
    // it belongs to the term, not before it, and is no term alone
    let first = out.len();
    let mut openers: Vec<&str> = Vec::new();
    for i in 1..toks.len().saturating_sub(1) {
        if toks[i].stem.is_none()
            && french::starts_upper(toks[i].text)
            && french::starts_upper(toks[i + 1].text)
            && toks[i + 1].stem.is_some()
            && (DETERMINERS.contains(&toks[i].lower.as_ref())
                || ["mon", "ma", "mes", "ton", "ta", "tes"].contains(&toks[i].lower.as_ref()))
        {
            toks[i].stem = Some(toks[i].lower.to_string());
            openers.push(toks[i].text);
        }
    }
    // the key and the written form of the term being extended, joined by spaces
    let (mut key, mut surface) = (String::new(), String::new());
    for i in 0..toks.len() {
        let Some(stem) = &toks[i].stem else {
            continue;
        };
        // « pour la limiter », « de le gérer », « on les aide »: a word
        // after an object pronoun is a verb, though its stem may be a
        // noun's (limite, aide)
        if verb_after_object_pronoun(&toks, i, lex) {
            continue;
        }
        // a term starting with an elided article keeps the article out: l’usine → usine
        key.clear();
        key.push_str(stem);
        surface.clear();
        surface.push_str(elision::strip(toks[i].text));
        let mut n_words = 1;
        // (not across punctuation: « un par un, correction des formes »)
        let det = if i > 0 && !gap_breaks(&sentence.text, toks[i - 1].text, toks[i].text, false) {
            let p = toks[i - 1].lower.as_ref();
            DETERMINERS.iter().find(|d| **d == p).copied()
        } else {
            None
        };
        let det = det.or_else(|| {
            let lower = &toks[i].lower;
            (lower.starts_with("l’") || lower.starts_with("l'")).then_some("l’")
        });
        let noun_slot = det.is_some()
            || toks[i].lower.starts_with("d’")
            || toks[i].lower.starts_with("d'")
            || i > 0
                && matches!(
                    toks[i - 1].lower.as_ref(),
                    "de" | "à" | "en" | "par" | "pour" | "sur" | "avec" | "sans" | "entre" | "chez"
                );
        out.push(Occ {
            key: strings.get(&key),
            surface: strings.get(&surface),
            determiner: det,
            len: 1,
            sentence: sentence.id,
            at_start: i == 0,
            extended: false,
            cut: false,
            noun_slot,
        });
        let mut last = out.len() - 1;
        let mut j = i + 1;
        let mut n_content = 1;
        while j < toks.len() && n_words < 5 && n_content < 3 {
            let t = &toks[j];
            // punctuation between two words ends the phrase (« les
            // diversités « visibles » (identité … », « Jekyll, CocoaPods »)
            if gap_breaks(&sentence.text, toks[j - 1].text, t.text, true) {
                break;
            }
            let lower = &*t.lower;
            let elided_inner =
                lower.starts_with("d’") || lower.starts_with("d'") || lower.starts_with("l’");
            if let Some(stem) = &t.stem {
                // a capitalised infinitive right after a lowercase content
                // word opens a new sentence or list item whose full stop
                // was lost (« … du projet Interdire définitivement … »),
                // not after « de » in a name (« Permis de Fleurir »)
                if starts_imperative(t.text)
                    && toks[j - 1].stem.is_some()
                    && !starts_capital(toks[j - 1].text)
                {
                    break;
                }
                // after a plural head, a word in -e right after it does not
                // agree: a verb, not an adjective (« aux animateurs
                // accompagne »); nor does one in -ent, a verb's third person
                // plural (« les agents suivent »), unless an adverb
                // (« souvent », « rapidement »)
                if j == i + 1
                    && det.is_some_and(|d| PLURAL_DETERMINERS.contains(&d))
                    && (lower.ends_with('e')
                        || lower.ends_with("ent") && !lower.ends_with("ment") && lower != "souvent")
                {
                    break;
                }
                // an infinitive right after a content word is no part of
                // its noun phrase (« la collectivité voir … »; « salle à
                // manger » keeps its « à »)
                if toks[j - 1].stem.is_some() && lex.is_infinitive(lower) {
                    break;
                }
                // a word in -e or -ent before an article is a verb with its
                // object (« la Fondation Blender développe un logiciel »,
                // « la commune finance les travaux »)
                if (lower.ends_with('e') || lower.ends_with("ent") && !lower.ends_with("ment"))
                    && t.text.starts_with(char::is_lowercase)
                    && toks.get(j + 1).is_some_and(|n| {
                        !gap_breaks(&sentence.text, t.text, n.text, false)
                            && matches!(
                                n.lower.as_ref(),
                                "le" | "la"
                                    | "les"
                                    | "un"
                                    | "une"
                                    | "son"
                                    | "sa"
                                    | "ses"
                                    | "leur"
                                    | "leurs"
                                    | "ce"
                                    | "cet"
                                    | "cette"
                                    | "ces"
                            )
                    })
                {
                    break;
                }
                // after a name, a lowercase word before an adverb that
                // follows verbs is its verb (« la Fondation Blender produit
                // aussi des films »)
                if starts_capital(toks[j - 1].text)
                    && t.text.starts_with(char::is_lowercase)
                    && toks.get(j + 1).is_some_and(|n| {
                        matches!(
                            n.lower.as_ref(),
                            "aussi"
                                | "également"
                                | "déjà"
                                | "toujours"
                                | "encore"
                                | "souvent"
                                | "désormais"
                                | "notamment"
                                | "pas"
                                | "jamais"
                        )
                    })
                {
                    break;
                }
                // a participle that governs a complement (« destiné aux
                // parents », « proposée par », « fondées sur ») is not part
                // of the noun phrase, nor is « dite » (« la loi dite « de la
                // mémoire » »)
                if ["é", "ée", "és", "ées"].iter().any(|e| lower.ends_with(e))
                    && toks.get(j + 1).is_some_and(|n| {
                        matches!(n.lower.as_ref(), "à" | "au" | "aux" | "par" | "sur")
                    })
                    || matches!(lower, "dit" | "dite" | "dits" | "dites")
                {
                    break;
                }
                // nor is a present participle before its object
                // (« l’expertise assurant la conformité »; not « le médecin
                // traitant », a noun phrase of its own)
                if lower.ends_with("ant")
                    && toks.get(j + 1).is_some_and(|n| {
                        DETERMINERS.contains(&n.lower.as_ref())
                            || matches!(n.lower.as_ref(), "à" | "au" | "aux" | "de" | "du" | "des")
                    })
                {
                    break;
                }
                surface.push(' ');
                surface.push_str(t.text);
                key.push(' ');
                key.push_str(stem);
                n_words += 1;
                n_content += 1;
                if !elided_inner || content(elision::strip(t.text)) {
                    out[last].extended = true;
                    out.push(Occ {
                        key: strings.get(&key),
                        surface: strings.get(&surface),
                        determiner: det,
                        len: n_content,
                        sentence: sentence.id,
                        at_start: i == 0,
                        extended: false,
                        cut: false,
                        noun_slot,
                    });
                    last = out.len() - 1;
                }
            } else if lower == "en"
                && toks
                    .get(j + 1)
                    .is_some_and(|n| n.lower.ends_with("ant") || n.lower.ends_with("ants"))
            {
                // a gerund (« en regardant ») ends the noun phrase
                break;
            } else if lower == "en" && toks.get(j + 2).is_some_and(|n| quantity(&n.lower)) {
                // « en » before a verb and a quantity is its pronoun (« le
                // magasin en loue une dizaine »), not a preposition
                break;
            } else if INNER.contains(&lower) {
                surface.push(' ');
                surface.push_str(t.text);
                key.push(' ');
                key.push_str(lower);
                n_words += 1;
            } else {
                break;
            }
            j += 1;
        }
        // the length limit stopped a phrase that goes on with a content word
        if (n_words >= 5 || n_content >= 3) && toks.get(j).is_some_and(|t| t.stem.is_some()) {
            out[last].cut = true;
        }
    }
    if !openers.is_empty() {
        let mut idx = 0;
        out.retain(|o| {
            let keep = idx < first || !(o.len == 1 && openers.contains(&&*o.surface));
            idx += 1;
            keep
        });
    }
}

/// A word that tells a quantity after a verb (« une », « trois », « 30 »,
/// « plusieurs »).
fn quantity(lower: &str) -> bool {
    matches!(
        lower,
        "un" | "une"
            | "deux"
            | "trois"
            | "quatre"
            | "cinq"
            | "six"
            | "sept"
            | "huit"
            | "neuf"
            | "dix"
            | "cent"
            | "mille"
            | "plusieurs"
            | "quelques"
            | "beaucoup"
            | "peu"
            | "trop"
            | "assez"
    ) || lower.starts_with(|c: char| c.is_ascii_digit())
}

/// Whether the text between two words of `text` (both slices of it, `a`
/// before `b`) holds punctuation that ends a noun phrase: a comma, a colon, a
/// semicolon, a bracket, a sentence mark, and with `quotes` a quotation mark
/// (« la loi dite « de la mémoire » date de 2007 »: no « mémoire date »; a
/// determiner still reads across one, « le « développement commercial » »).
fn gap_breaks(text: &str, a: &str, b: &str, quotes: bool) -> bool {
    let base = text.as_ptr() as usize;
    let from = (a.as_ptr() as usize).saturating_sub(base) + a.len();
    let to = (b.as_ptr() as usize).saturating_sub(base);
    text.get(from..to).is_some_and(|gap| {
        gap.contains([',', ';', ':', '(', ')', '[', ']', '.', '!', '?', '…'])
            || quotes && gap.contains(['«', '»', '"', '“', '”'])
    })
}

/// Finite forms the verb lexicon leaves out: the future singular
/// (« aidera », « finira », not « caméra »), the second person plural
/// (« oubliez », « pouvez »), a verb with its subject after it
/// (« apprécient-ils »), and the subjunctive plural of « être » and
/// « avoir ».
fn finite_form(word: &str) -> bool {
    let n = word.chars().count();
    let lower = word.chars().all(char::is_lowercase);
    // « apprécient-ils », « peut-on »: a verb before its subject (not the
    // noun « rendez-vous »)
    // (the hyphen looked for first: most words have none)
    let inverted = word.rsplit_once(['-', '‑']).is_some_and(|(_, s)| {
        matches!(
            s.to_lowercase().as_str(),
            "il" | "ils" | "elle" | "elles" | "on" | "je" | "tu" | "nous" | "vous"
        )
    }) && !word.to_lowercase().starts_with("rendez");
    inverted
        || matches!(word, "soient" | "aient")
        || (lower && n > 4 && word.ends_with("ez"))
        || (lower
            && n > 5
            && ((word.ends_with("era") && !word.ends_with("éra")) || word.ends_with("ira")))
}

/// Does a word start with one capital letter?
fn starts_capital(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A capitalised word with an infinitive's ending, as an instruction opens
/// (« Interdire », « Choisir », « Gérer », « Utiliser »); names with such an
/// ending (« Olivier », « Twitter ») are left alone: a plain « -er » counts
/// only with an accent or in « -iser » and « -ifier ».
fn starts_imperative(word: &str) -> bool {
    let mut chars = word.chars();
    if !chars.next().is_some_and(char::is_uppercase) || chars.any(char::is_uppercase) {
        return false;
    }
    let w = word.to_lowercase();
    if w.chars().count() < 5 || w.ends_with("ier") && !w.ends_with("ifier") {
        return false;
    }
    ["ir", "ire", "dre", "oir", "iser", "ifier"]
        .iter()
        .any(|e| w.ends_with(e))
        || (w.ends_with("er") && w.contains(['é', 'è', 'ê']))
}

fn collect(occs: &[&Occ]) -> BTreeMap<String, Term> {
    // per term: written forms (inside sentences / at their start) with their
    // numbers, in short lists (a term has few forms; every choice below is
    // a maximum with ties broken by the form, so their order does not matter)
    type Forms<'a> = (Vec<(&'a str, usize)>, Vec<(&'a str, usize)>);
    fn add<K: PartialEq>(list: &mut Vec<(K, usize)>, k: K) {
        match list.iter_mut().find(|(x, _)| *x == k) {
            Some((_, n)) => *n += 1,
            None => list.push((k, 1)),
        }
    }
    /// What is gathered of one term, in the order terms are first met.
    struct Gathered<'a> {
        key: &'a str,
        term: Term,
        forms: Forms<'a>,
        pairs: Vec<((&'static str, &'a str), usize)>,
    }
    // keys are shared strings: a key's address stands for it
    let mut at: FxHashMap<usize, usize> = FxHashMap::default();
    let mut gathered: Vec<Gathered> = Vec::new();
    for o in occs {
        let g = match at.entry(Rc::as_ptr(&o.key) as *const u8 as usize) {
            Entry::Occupied(e) => &mut gathered[*e.get()],
            Entry::Vacant(e) => {
                let i = gathered.len();
                e.insert(i);
                gathered.push(Gathered {
                    key: &o.key,
                    term: Term {
                        surface: String::new(),
                        determiner: None,
                        key: o.key.to_string(),
                        count: 0,
                        det_count: 0,
                        len: o.len,
                        score: 0.0,
                        ends: 0,
                        cut: 0,
                    },
                    forms: Forms::default(),
                    pairs: Vec::new(),
                });
                &mut gathered[i]
            }
        };
        // a name's article belongs to the whole phrase it opens (« le
        // Google Play Store »), not to the name alone
        if let Some(d) = o
            .determiner
            .filter(|_| !o.extended || o.surface.contains(' ') || !french::starts_upper(&o.surface))
        {
            add(&mut g.pairs, (d, &*o.surface));
        }
        let f = &mut g.forms;
        let side = if o.at_start { &mut f.1 } else { &mut f.0 };
        add(side, &*o.surface);
        g.term.count += 1;
        g.term.ends += usize::from(!o.extended);
        g.term.cut += usize::from(o.cut);
        if o.determiner.is_some() {
            g.term.det_count += 1;
        }
    }
    let most = |m: &[(&str, usize)]| -> Option<String> {
        m.iter()
            // in a tie, the lowercase form: a capital inside a sentence may
            // belong to a name (« l’association ApresJ20 Association … »)
            .max_by_key(|(w, n)| {
                let lower = w.chars().next().is_some_and(char::is_lowercase);
                (*n, lower, std::cmp::Reverse(*w))
            })
            .map(|(w, _)| w.to_string())
    };
    let mut terms: BTreeMap<String, Term> = BTreeMap::new();
    for g in gathered {
        let (inside, start) = &g.forms;
        let mut t = g.term;
        // the form written inside sentences tells a name from a common noun;
        // a term only ever seen at a sentence start loses its capital
        t.surface = match most(inside) {
            Some(f) => f,
            None => normalise_case(&most(start).unwrap_or_default()),
        };
        // the determiner written before that very form (number agreement)
        t.determiner = g
            .pairs
            .iter()
            .filter(|((_, f), _)| {
                f.eq_ignore_ascii_case(&t.surface) || normalise_case(f) == t.surface
            })
            // articles and demonstratives tell gender and number; a
            // possessive ("votre projet") tells neither
            .max_by_key(|(p, n)| (informative(p.0), *n, std::cmp::Reverse(*p)))
            .map(|((d, _), _)| d.to_string());
        terms.insert(g.key.to_string(), t);
    }
    terms
}

/// Does this determiner show the gender or number of its noun?
fn informative(d: &str) -> bool {
    !matches!(d, "leur" | "notre" | "votre")
}

/// Is `t` (one word) the head of a « noun de / à noun » compound that makes
/// most of its occurrences (« mot » and « mot de passe »)?
fn compound_head(t: &Term, terms: &BTreeMap<String, Term>) -> bool {
    let prefixes = [" de ", " d’", " d'", " à "].map(|p| format!("{}{p}", t.key));
    let mut best = 0;
    for p in &prefixes {
        for (_, u) in terms
            .range(p.clone()..)
            .take_while(|(k, _)| k.starts_with(p.as_str()))
        {
            best = best.max(u.count);
        }
    }
    best * 5 >= t.count * 3
}

/// « 2ème », « 1er », « 3e », « 2nde »: a number's ordinal, no term (« la
/// 5G » is one).
fn ordinal(w: &str) -> bool {
    let rest = w.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.len() < w.len()
        && matches!(
            rest.to_lowercase().as_str(),
            "e" | "è" | "ème" | "eme" | "er" | "ère" | "re" | "nd" | "nde"
        )
}

/// IA, UE, PME: two or more capitals and nothing else.
fn is_acronym(w: &str) -> bool {
    w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
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

/// The share of the text the keyphrase should take, in matches per 100 words
/// before the keyphrase-length factor (Yoast's French analysis: 0.5 to 3).
/// The ceiling aims a little lower: the analyses count some words apart
/// that [`density_words`] joins and the other way round (hyphenated and
/// elided forms, addresses), about 2 % of a text's words either way, and a
/// keyphrase one match over the ceiling turns the check red. (2.9 cost a
/// development article its key points, under 700 words: 2.95 keeps them.)
pub const DENSITY_MIN: f64 = 0.5;
pub const DENSITY_MAX: f64 = 2.95;
/// The analyses' own ceiling, which a keyphrase subheading, wanted by
/// another check, may still reach (see [`density_ceiling`]).
pub const DENSITY_CEILING: f64 = 3.0;

/// The words a keyphrase is matched on, as the SEO analyses match it: lowercase,
/// elision removed, hyphenated parts apart, function words and fillers left out
/// (« Covid long » is matched on « covid »); all its words when nothing else is left.
pub fn match_words(keyphrase: &str, lex: &Lexicon) -> Vec<String> {
    let all = match_tokens(keyphrase);
    let topic: Vec<String> = all
        .iter()
        .filter(|w| !lex.is_keyphrase_filler(w))
        .cloned()
        .collect();
    if topic.is_empty() {
        all
    } else {
        topic
    }
}

/// The tokens of a text as keyphrases are matched on: lowercase, elision
/// removed, hyphenated parts apart (« Covid-19 » holds « covid »).
pub fn match_tokens(text: &str) -> Vec<String> {
    token_parts(text).map(str::to_lowercase).collect()
}

/// The text without the words an ellipsis is glued to (« arrêt de travail… »
/// → « arrêt de … »): Yoast's word boundaries do not hold « … ».
fn without_words_before_ellipsis(text: &str) -> Cow<'_, str> {
    if !text.contains('…') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '…' {
            while out.chars().next_back().is_some_and(char::is_alphanumeric) {
                out.pop();
            }
        }
        out.push(c);
    }
    Cow::Owned(out)
}

/// The parts [`match_tokens`] lowercases: every hyphenated part of a word,
/// elision removed, empty ones left out.
fn token_parts(text: &str) -> impl Iterator<Item = &str> {
    french::words(text)
        .flat_map(|w| w.split(['-', '‑']))
        .map(elision::strip)
        .filter(|p| !p.is_empty())
}

/// Words of a text as the SEO analyses count them for the keyphrase density:
/// runs between spaces, every hyphenated part apart, punctuation alone not a
/// word (« guéri(e) », « ou/et » and « site.fr » are one word each).
pub fn density_words(text: &str) -> usize {
    // one pass over the characters: a run between separators (white space,
    // hyphens, dashes) counts when it holds a letter or a digit
    let mut count = 0;
    let mut has = false;
    for c in text.chars() {
        let (sep, alnum) = if c.is_ascii() {
            (
                c.is_ascii_whitespace() || c == '-' || c == '\x0b',
                c.is_ascii_alphanumeric(),
            )
        } else {
            (
                c.is_whitespace() || matches!(c, '‑' | '–' | '—'),
                c.is_alphanumeric(),
            )
        };
        if sep {
            count += usize::from(has);
            has = false;
        } else {
            has |= alnum;
        }
    }
    count + usize::from(has)
}

/// Occurrences of the keyphrase in one sentence's tokens, counted the way the
/// SEO analyses count them: every word must be there, and the sentence holds
/// as many occurrences as its rarest keyphrase word.
pub fn matches_in_tokens(tokens: &[String], words: &[String]) -> usize {
    if words.is_empty() {
        return 0;
    }
    words
        .iter()
        .map(|w| tokens.iter().filter(|t| *t == w).count())
        .min()
        .unwrap_or(0)
}

/// Occurrences of the keyphrase (its [`match_words`]) in one sentence.
pub fn matches_in(sentence: &str, words: &[String]) -> usize {
    if words.is_empty() {
        return 0;
    }
    // the tokens of `match_tokens`, one at a time in a reused buffer
    let mut counts = vec![0usize; words.len()];
    let mut token = String::new();
    for p in token_parts(sentence) {
        let lower = if p.is_ascii() {
            // ASCII lowercasing keeps the length: only same-length words can match
            if !words.iter().any(|w| w.len() == p.len()) {
                continue;
            }
            token.clear();
            token.extend(p.chars().map(|c| c.to_ascii_lowercase()));
            Cow::Borrowed(token.as_str())
        } else {
            // (borrowed when already in lowercase)
            french::lowercase(p)
        };
        for (w, c) in words.iter().zip(counts.iter_mut()) {
            if *w == *lower {
                *c += 1;
            }
        }
    }
    counts.into_iter().min().unwrap_or(0)
}

/// The number of keyphrase matches a text of `words` words should hold, for a
/// keyphrase of `n` match words: matches per 100 words × (0.7 + n / 3) between
/// [`DENSITY_MIN`] and [`DENSITY_MAX`], and at least 2 either way.
pub fn density_band(words: usize, n: usize) -> (usize, usize) {
    let factor = 0.7 + n.max(1) as f64 / 3.0;
    let at = |d: f64| d * words as f64 / (100.0 * factor);
    let min = at(DENSITY_MIN);
    let max = at(DENSITY_MAX);
    let min = if min < 2.0 { 2 } else { min.ceil() as usize };
    let max = if max < 2.0 { 2 } else { max.floor() as usize };
    (min, max)
}

/// The most keyphrase matches the analyses accept in a text of `words`
/// words ([`DENSITY_CEILING`]; [`density_band`] aims under it).
pub fn density_ceiling(words: usize, n: usize) -> usize {
    let factor = 0.7 + n.max(1) as f64 / 3.0;
    let max = DENSITY_CEILING * words as f64 / (100.0 * factor);
    if max < 2.0 {
        2
    } else {
        max.floor() as usize
    }
}

/// Does `text` carry the keyphrase: more than half of its match words, in
/// their exact forms (what Yoast's free analysis checks in subheadings)?
pub fn mentions(text: &str, keyphrase: &str, lex: &Lexicon) -> bool {
    mentions_in_tokens(&match_tokens(text), &match_words(keyphrase, lex))
}

/// [`mentions`] with the keyphrase's [`match_words`] worked out once by the
/// caller (a text checked against one keyphrase many times).
pub fn mentions_words(text: &str, kw: &[String]) -> bool {
    mentions_in_tokens(&match_tokens(text), kw)
}

/// [`mentions`] on a text's [`match_tokens`] and the keyphrase's [`match_words`].
fn mentions_in_tokens(tokens: &[String], kw: &[String]) -> bool {
    if kw.is_empty() {
        return false;
    }
    let found = kw.iter().filter(|k| tokens.contains(k)).count();
    found * 2 > kw.len()
}

/// The words of each sentence (elision removed, lowercase, sorted), built once
/// so that counting a phrase's sentences does not re-read the text. Sentences
/// with the same words are kept once with their number: the counts below are
/// sums over sentences, so they do not change, and a text that repeats itself
/// costs what its distinct sentences cost.
pub struct SentenceWords<'a>(Vec<(&'a [TokenCount<'a>], usize)>);

/// A match token of a sentence and how many times the sentence holds it.
pub type TokenCount<'a> = (Cow<'a, str>, usize);

/// A text's [`match_tokens`], each once with its number, sorted; a token
/// already lowercase is borrowed from the text.
pub fn match_token_counts(text: &str) -> Vec<TokenCount<'_>> {
    // (room for about as many tokens as the text has, as in `occurrences`)
    let mut tokens: Vec<Cow<str>> = Vec::with_capacity(text.len() / 6 + 1);
    tokens.extend(token_parts(text).map(french::lowercase));
    tokens.sort_unstable();
    let mut counts: Vec<TokenCount> = Vec::with_capacity(tokens.len());
    for t in tokens {
        match counts.last_mut() {
            Some((last, n)) if *last == t => *n += 1,
            _ => counts.push((t, 1)),
        }
    }
    counts
}

impl<'a> SentenceWords<'a> {
    /// From the [`match_token_counts`] of each sentence.
    pub fn new(sentences: impl IntoIterator<Item = &'a [TokenCount<'a>]>) -> SentenceWords<'a> {
        // sorted, the same sentences come together (comparing two sentences
        // stops at their first difference, where hashing reads every word)
        let mut all: Vec<&[TokenCount]> = sentences.into_iter().collect();
        all.sort_unstable();
        let mut times: Vec<(&[TokenCount], usize)> = Vec::with_capacity(all.len());
        for s in all {
            match times.last_mut() {
                Some((last, n)) if *last == s => *n += 1,
                _ => times.push((s, 1)),
            }
        }
        SentenceWords(times)
    }

    /// Sentences holding every match word of `keyphrase`.
    pub fn count(&self, keyphrase: &str, lex: &Lexicon) -> usize {
        let kw = match_words(keyphrase, lex);
        if kw.is_empty() {
            return 0;
        }
        self.0
            .iter()
            .filter(|(words, _)| kw.iter().all(|k| times_in(words, k) > 0))
            .map(|(_, times)| times)
            .sum()
    }

    /// Keyphrase matches over every sentence (see [`matches_in_tokens`]): in
    /// each, as many as its rarest match word.
    pub fn matches(&self, keyphrase: &str, lex: &Lexicon) -> usize {
        let kw = match_words(keyphrase, lex);
        if kw.is_empty() {
            return 0;
        }
        self.0
            .iter()
            .map(|(words, times)| kw.iter().map(|k| times_in(words, k)).min().unwrap_or(0) * times)
            .sum()
    }
}

/// How many times `word` is in a sentence's [`match_token_counts`].
fn times_in(words: &[TokenCount], word: &str) -> usize {
    words
        .binary_search_by(|(w, _)| w.as_ref().cmp(word))
        .map_or(0, |i| words[i].1)
}

/// Count of sentences that hold every match word of the keyphrase.
pub fn occurrences_in(text_sentences: &[&str], keyphrase: &str, lex: &Lexicon) -> usize {
    let kw = match_words(keyphrase, lex);
    // every match word at least once: at least one match (`matches_in` reads
    // the tokens of `match_tokens` without keeping them)
    text_sentences
        .iter()
        .filter(|s| matches_in(s, &kw) > 0)
        .count()
}

/// Where the keyphrase stands against its density band in an article being
/// built: the matches its text already holds (source sentences, generated
/// blocks, headings given so far) and the band for its length.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Density {
    pub matches: usize,
    pub min: usize,
    pub max: usize,
    /// Words counted, and match words of the keyphrase (for [`density_band`]).
    pub words: usize,
    pub match_words: usize,
}

impl Density {
    /// Count over the sections as they stand; `extra_words` are words still to
    /// come (headings not yet written).
    pub fn of(
        sections: &[Section],
        sentences: &[Sentence],
        keyphrase: &str,
        lex: &Lexicon,
        extra_words: usize,
    ) -> Density {
        Density::count(sections, sentences, keyphrase, lex, extra_words, &[])
    }

    /// [`Density::of`] for the article's own keyphrase, with the source
    /// sentences' counts taken from `kw.sentence_density` when it holds them.
    pub fn of_keywords(
        sections: &[Section],
        sentences: &[Sentence],
        kw: &Keywords,
        lex: &Lexicon,
        extra_words: usize,
    ) -> Density {
        let counted = if kw.sentence_density.len() == sentences.len() {
            kw.sentence_density.as_slice()
        } else {
            &[]
        };
        Density::count(
            sections,
            sentences,
            &kw.keyphrase,
            lex,
            extra_words,
            counted,
        )
    }

    /// `counted`: matches and words of the source sentences, by id, or empty.
    fn count(
        sections: &[Section],
        sentences: &[Sentence],
        keyphrase: &str,
        lex: &Lexicon,
        extra_words: usize,
        counted: &[(usize, usize)],
    ) -> Density {
        let kw = match_words(keyphrase, lex);
        let mut matches = 0;
        let mut words = extra_words;
        let of = |t: &str| (matches_in(t, &kw), density_words(t));
        let mut add = |(m, w): (usize, usize)| {
            matches += m;
            words += w;
        };
        for sec in sections {
            if let Some(h) = &sec.heading {
                add(of(&h.text));
            }
            for b in &sec.blocks {
                match b {
                    Block::Paragraph { .. } | Block::Enumeration { .. } => {
                        for &id in b.source_sentences() {
                            if let Some(&c) = counted.get(id) {
                                add(c);
                            } else if let Some(s) = sentences.get(id) {
                                add(of(&s.text));
                            }
                        }
                    }
                    Block::Text { text } => add(of(&text.text)),
                    Block::List { items } => {
                        for i in items {
                            add(of(&i.text));
                        }
                    }
                }
            }
        }
        let (min, max) = density_band(words, kw.len());
        Density {
            matches,
            min,
            max,
            words,
            match_words: kw.len(),
        }
    }
}

/// Words a generated heading adds on average (for the band before they exist).
pub const HEADING_WORDS: usize = 4;

/// Words an expansion section adds on average (for the band before it exists).
pub const SECTION_WORDS: usize = 100;

/// Share of the subheadings that carry the keyphrase (Yoast: 30–75 %).
pub const HEADING_SHARE: (f64, f64) = (0.3, 0.75);

/// The subheadings an article will have, before they are written: the
/// author's and one per section still to be named.
struct HeadingRoom {
    /// The match tokens of each heading already written.
    fixed: Vec<Vec<String>>,
    open: usize,
    /// Words of the headings, those still to be named at their average.
    words: usize,
}

impl HeadingRoom {
    fn new(sections: &[Section]) -> HeadingRoom {
        let fixed: Vec<&str> = sections
            .iter()
            .filter_map(|s| s.heading.as_ref().map(|h| h.text.as_str()))
            .collect();
        let open = sections
            .iter()
            .enumerate()
            .filter(|(i, s)| *i > 0 && s.heading.is_none())
            .count();
        HeadingRoom {
            words: fixed.iter().map(|h| density_words(h)).sum::<usize>() + open * HEADING_WORDS,
            fixed: fixed.iter().map(|h| match_tokens(h)).collect(),
            open,
        }
    }

    /// The fewest and the most keyphrase matches the subheadings can hold
    /// with the keyphrase in the share Yoast accepts.
    fn mentions(&self, keyphrase: &str, lex: &Lexicon) -> (usize, usize) {
        let total = self.fixed.len() + self.open;
        if total == 0 {
            return (0, 0);
        }
        let kw = match_words(keyphrase, lex);
        let fixed: usize = self.fixed.iter().map(|h| matches_in_tokens(h, &kw)).sum();
        let fixed_with = self
            .fixed
            .iter()
            .filter(|h| mentions_in_tokens(h, &kw))
            .count();
        let need = (HEADING_SHARE.0 * total as f64).ceil() as usize;
        let room = (HEADING_SHARE.1 * total as f64).floor() as usize;
        let lo = need.saturating_sub(fixed_with).min(self.open);
        let hi = room.saturating_sub(fixed_with).min(self.open).max(lo);
        (fixed + lo, fixed + hi)
    }
}

pub fn analyse(
    sentences: &[Sentence],
    sections: &[Section],
    lex: &Lexicon,
    opts: &Options,
) -> Keywords {
    // a text holds about one distinct key or written form per five bytes:
    // the table is made large enough once instead of growing step by step
    let bytes: usize = sentences.iter().map(|s| s.text.len()).sum();
    let mut occs = Vec::with_capacity(bytes / 6);
    let mut strings = Strings(HashSet::with_capacity_and_hasher(
        bytes / 4,
        Default::default(),
    ));
    for s in sentences {
        occurrences(s, lex, &mut strings, &mut occs);
    }
    drop(strings);
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
    let first_ids: FxHashSet<usize> = first_para.iter().copied().collect();
    let in_first: HashSet<&str> = occs
        .iter()
        .filter(|o| first_ids.contains(&o.sentence))
        .map(|o| &*o.key)
        .collect();
    // each sentence's density words and match tokens, read once
    let density: Vec<usize> = sentences.iter().map(|s| density_words(&s.text)).collect();
    let tokens: Vec<Vec<TokenCount>> = sentences
        .iter()
        .map(|s| match_token_counts(&s.text))
        .collect();
    let total_words: usize = density.iter().sum();
    let all_words = SentenceWords::new(tokens.iter().map(Vec::as_slice));
    // Yoast's introduction check does not part a word from an ellipsis
    // glued to it (« (arrêt de travail…) » holds no « travail » for it)
    let first_texts: Vec<Cow<str>> = first_para
        .iter()
        .filter_map(|&i| sentences.get(i))
        .map(|s| without_words_before_ellipsis(&s.text))
        .collect();
    let first_tokens: Vec<Vec<TokenCount>> =
        first_texts.iter().map(|t| match_token_counts(t)).collect();
    let first_words = SentenceWords::new(first_tokens.iter().map(Vec::as_slice));
    let heads = HeadingRoom::new(sections);
    // the terms written where a noun goes at least once
    let nouns: FxHashSet<&str> = occs
        .iter()
        .filter(|o| o.noun_slot)
        .map(|o| &*o.key)
        .collect();

    // a keyphrase of fillers alone (« analyse », « temps »), which the SEO
    // analyses read as function words only, or an infinitive alone (« voir »,
    // written after « à » or « pour »), which names an action and no topic
    let last_resort = |t: &Term, surface: &str| {
        match_tokens(surface)
            .iter()
            .all(|w| lex.is_keyphrase_filler(w))
            || t.len == 1 && surface.starts_with(char::is_lowercase) && lex.is_infinitive(surface)
    };
    let keyphrase = match &opts.keyphrase {
        Some(k) => k.trim().to_string(),
        None => {
            // the score of a term as the keyphrase, written `surface`
            let score_of = |t: &Term, surface: &str| -> Option<f64> {
                if t.len > 3 || t.count < 2 || !in_first.contains(t.key.as_str()) {
                    return None;
                }
                // one lowercase word never written where a noun goes is an
                // adjective or an adverb (« trop long », « plus tard »)
                if t.len == 1
                    && surface.starts_with(char::is_lowercase)
                    && !nouns.contains(t.key.as_str())
                {
                    return None;
                }
                // Yoast looks for the written form in one sentence of the first paragraph
                if first_words.count(surface, lex) == 0 {
                    return None;
                }
                // Yoast matches exact word forms: what counts is how often the
                // written form itself comes back
                let exact = all_words.count(surface, lex);
                let mut score = (exact as f64 + 0.5 * t.count as f64).ln_1p()
                    * (1.0 + 0.5 * (t.len.min(3) as f64 - 1.0));
                // a noun phrase (written after a determiner) rather than an adjective
                let det_share = t.det_count as f64 / t.count as f64;
                score *= 0.4 + det_share.min(0.6);
                if exact < 3 {
                    score *= 0.5;
                }
                // the density band (matches per 100 words, scaled by the keyphrase
                // length): the matches of the text, plus the subheadings that
                // must carry it (a share of them) or may carry it, must be able
                // to land inside; a keyphrase that cannot is a poor choice
                let matches = all_words.matches(surface, lex);
                let n_kw = match_words(surface, lex).len();
                let (lo, hi) = heads.mentions(surface, lex);
                let text_words = total_words + heads.words;
                let (min, max) = density_band(text_words, n_kw);
                // (under 100 words the analyses count differently, and the
                // expand stage will lengthen the text)
                if text_words >= 100 && (matches + lo > max || matches + hi < min) {
                    score *= 0.05;
                }
                if (matches as f64) < max as f64 / 6.0 {
                    score *= 0.6;
                }
                if t.count as f64 > n * 0.8 {
                    score *= 0.5;
                }
                // the head noun of a compound the text nearly always writes
                // whole (« mot » of « mot de passe », « machine » of
                // « machine à laver »): alone, it names something else
                if t.len == 1 && compound_head(t, &terms) {
                    score *= 0.05;
                }
                if last_resort(t, surface) {
                    score *= 0.001;
                }
                Some(score)
            };
            let mut best: Option<(f64, &Term, String)> = None;
            for t in terms.values() {
                let Some(score) = score_of(t, &t.surface) else {
                    continue;
                };
                if best
                    .as_ref()
                    .is_none_or(|(b, bt, _)| score > *b || (score == *b && t.key < bt.key))
                {
                    best = Some((score, t, t.surface.clone()));
                }
            }
            // the first paragraph writes a term only in another form than
            // its most frequent one (« Les projets … » of « projet »): that
            // form, which Yoast finds there
            if best.is_none() {
                let mut forms: Vec<(&str, &str)> = occs
                    .iter()
                    .filter(|o| first_ids.contains(&o.sentence))
                    .map(|o| (&*o.key, &*o.surface))
                    .collect();
                forms.sort_unstable();
                forms.dedup();
                for (key, form) in forms {
                    let Some(t) = terms.get(key) else { continue };
                    if form == t.surface {
                        continue;
                    }
                    let Some(score) = score_of(t, form) else {
                        continue;
                    };
                    if best.as_ref().is_none_or(|(b, bt, bf)| {
                        score > *b
                            || (score == *b && (t.key.as_str(), form) < (bt.key.as_str(), bf))
                    }) {
                        best = Some((score, t, form.to_string()));
                    }
                }
            }
            // nothing of the first paragraph comes back, or only a last
            // resort: the most repeated noun phrase (Yoast then misses the
            // keyphrase in the introduction, a lesser harm than « voir »)
            let most_repeated = |sane: bool| {
                terms
                    .values()
                    .filter(|t| t.len <= 3 && t.det_count > 0)
                    .filter(|t| !sane || !last_resort(t, &t.surface))
                    .map(|t| ((t.count as f64) * (1.0 + 0.5 * (t.len as f64 - 1.0)), t))
                    .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.key.cmp(&a.1.key)))
                    .map(|(_, t)| t.surface.clone())
            };
            let sane = best
                .as_ref()
                .filter(|(_, t, form)| !last_resort(t, form))
                .map(|(_, _, form)| form.clone());
            sane.or_else(|| most_repeated(true))
                .or_else(|| best.map(|(_, _, form)| form))
                .or_else(|| most_repeated(false))
                .unwrap_or_default()
        }
    };

    // per-section salient terms: tf in the section × idf over sections. A
    // score needs only counts, so each section's terms are counted and scored
    // first, and only its best twelve are built in full (forms, determiner).
    // Keys are shared strings: a key's address stands for it in the counts.
    let id = |k: &Rc<str>| Rc::as_ptr(k) as *const u8 as usize;
    let mut global: FxHashMap<usize, usize> = FxHashMap::default();
    for o in &occs {
        *global.entry(id(&o.key)).or_insert(0) += 1;
    }
    // occurrences go to their section in one pass
    let mut section_of: FxHashMap<usize, usize> = FxHashMap::default();
    for (si, s) in sections.iter().enumerate() {
        for b in &s.blocks {
            for &id in b.source_sentences() {
                section_of.entry(id).or_insert(si);
            }
        }
    }
    let mut by_section: Vec<Vec<&Occ>> = vec![Vec::new(); sections.len()];
    for o in &occs {
        if let Some(&si) = section_of.get(&o.sentence) {
            by_section[si].push(o);
        }
    }
    /// A term of a section: its key, occurrences, and words (at its first occurrence).
    struct Count<'a> {
        key: &'a Rc<str>,
        count: usize,
        len: usize,
    }
    let counts: Vec<Vec<Count>> = by_section
        .iter()
        .map(|os| {
            let mut at: FxHashMap<usize, usize> = FxHashMap::default();
            let mut v: Vec<Count> = Vec::new();
            for o in os {
                match at.entry(id(&o.key)) {
                    Entry::Occupied(e) => v[*e.get()].count += 1,
                    Entry::Vacant(e) => {
                        e.insert(v.len());
                        v.push(Count {
                            key: &o.key,
                            count: 1,
                            len: o.len,
                        });
                    }
                }
            }
            v
        })
        .collect();
    let mut df: FxHashMap<usize, usize> = FxHashMap::default();
    for cs in &counts {
        for c in cs {
            *df.entry(id(c.key)).or_insert(0) += 1;
        }
    }
    let ns = sections.len().max(1) as f64;
    let section_terms = counts
        .iter()
        .zip(&by_section)
        .map(|(cs, os)| {
            let mut scored: Vec<(f64, &Count)> = cs
                .iter()
                .map(|c| {
                    let idf = (1.0 + ns / *df.get(&id(c.key)).unwrap_or(&1) as f64).ln();
                    let global = global.get(&id(c.key)).copied().unwrap_or(1) as f64;
                    let mut score = (c.count as f64) * idf * (1.0 + 0.5 * (c.len as f64 - 1.0))
                        + 0.1 * global.ln_1p();
                    if c.len > 1 && c.count < 2 {
                        score *= 0.6;
                    }
                    (score, c)
                })
                .collect();
            scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.key.cmp(b.1.key)));
            scored.truncate(12);
            let keep: FxHashSet<usize> = scored.iter().map(|(_, c)| id(c.key)).collect();
            let kept: Vec<&Occ> = os
                .iter()
                .filter(|o| keep.contains(&id(&o.key)))
                .copied()
                .collect();
            let built = collect(&kept);
            scored
                .iter()
                .filter_map(|(score, c)| {
                    let mut t = built.get(&**c.key)?.clone();
                    t.score = *score;
                    Some(t)
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

    let kp_words = match_words(&keyphrase, lex);
    // (`matches_in` on the tokens already counted)
    let sentence_density = tokens
        .iter()
        .zip(&density)
        .map(|(t, &d)| {
            let m = if kp_words.is_empty() {
                0
            } else {
                kp_words.iter().map(|k| times_in(t, k)).min().unwrap_or(0)
            };
            (m, d)
        })
        .collect();

    Keywords {
        keyphrase,
        secondary,
        section_terms,
        terms,
        sentence_density,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_word_glued_to_an_ellipsis_is_not_one_yoast_finds() {
        assert_eq!(
            without_words_before_ellipsis("vos droits (arrêt de travail…) et devoirs"),
            "vos droits (arrêt de …) et devoirs"
        );
        assert_eq!(
            without_words_before_ellipsis("Et ensuite… rien."),
            "Et … rien."
        );
        assert_eq!(without_words_before_ellipsis("Puis … rien"), "Puis … rien");
    }

    #[test]
    fn density_words_count_the_runs_between_spaces_and_dashes() {
        let reference = |t: &str| {
            t.split(char::is_whitespace)
                .flat_map(|w| w.split(['-', '‑', '–', '—']))
                .filter(|p| p.chars().any(char::is_alphanumeric))
                .count()
        };
        for t in [
            "L’usine d’Écully — ouverte en 2021 – emploie 1 200 personnes.",
            "Covid-19, guéri(e), ou/et, site.fr ; « » … -- ‑x\u{a0}y\u{202f}:\tz\x0bw\x0cv\r\n",
            "",
            " - ",
            "½ ² Ⅻ ٣",
        ] {
            assert_eq!(density_words(t), reference(t), "{t}");
        }
    }

    #[test]
    fn match_token_counts_count_each_match_token_once_sorted() {
        let t = "L’Été du Vélo : le vélo-école d’ÉTÉ, la Fête du vélo et l’été indien.";
        let counts = match_token_counts(t);
        let mut reference: BTreeMap<String, usize> = BTreeMap::new();
        for w in match_tokens(t) {
            *reference.entry(w).or_insert(0) += 1;
        }
        let got: Vec<(String, usize)> = counts.iter().map(|(w, n)| (w.to_string(), *n)).collect();
        assert_eq!(got, reference.into_iter().collect::<Vec<_>>());
        assert_eq!(times_in(&counts, "vélo"), 3);
        assert_eq!(times_in(&counts, "été"), 3);
        assert_eq!(times_in(&counts, "automne"), 0);
        // a token already lowercase is borrowed from the text
        assert!(counts
            .iter()
            .any(|(w, _)| w == "fête" && matches!(w, Cow::Owned(_))));
        assert!(counts
            .iter()
            .any(|(w, _)| w == "indien" && matches!(w, Cow::Borrowed(_))));
    }

    use super::*;
    use crate::rules::Source;

    /// The keyword analysis of a text, with the lexicon it used.
    /// The written forms of the terms [`analysed`] finds in `text`.
    fn surfaces_of(text: &str) -> Vec<String> {
        let (kw, _) = analysed(text);
        kw.terms.values().map(|t| t.surface.clone()).collect()
    }

    fn analysed(text: &str) -> (Keywords, Lexicon) {
        let lex = Lexicon::load(&Source::embedded()).unwrap();
        let (outline, sections) = crate::sections::sectioned(text);
        let kw = analyse(&outline.sentences, &sections, &lex, &Options::default());
        (kw, lex)
    }

    #[test]
    fn ordinals_and_infinitives_after_an_object_pronoun_are_no_terms() {
        // « la 2ème », « supposé le remplacer »
        let text = "La 2ème édition du salon réunit les libraires de la région. Le nouveau salon, supposé le remplacer, ouvre en mai.\n\nLa 2ème édition accueille aussi des auteurs. Les libraires de la région veulent le remplacer par une fête du livre.";
        let (kw, _) = analysed(text);
        assert!(
            kw.terms
                .values()
                .all(|t| !t.surface.starts_with("2ème") && t.surface != "remplacer"),
            "{:?}",
            kw.terms.values().map(|t| &t.surface).collect::<Vec<_>>()
        );
        assert!(ordinal("2ème") && ordinal("1er") && ordinal("3e"));
        assert!(!ordinal("5G") && !ordinal("3D") && !ordinal("2024"));
    }

    #[test]
    fn a_participle_that_governs_what_follows_ends_no_term() {
        // « fondées sur … » and « dite « … » » take a complement: a term
        // that stops before it is cut short
        let text = "Les procédures de réconciliation fondées sur le dialogue ont échoué. Les procédures de réconciliation fondées sur le pardon divisent les familles.\n\nLa loi dite « de la mémoire » ouvre les archives. La loi dite « de la mémoire » protège les fosses.";
        let surfaces = surfaces_of(text);
        assert!(
            surfaces.iter().any(|s| s == "procédures de réconciliation"),
            "{surfaces:?}"
        );
        assert!(
            !surfaces
                .iter()
                .any(|s| s.contains(' ') && (s.ends_with("fondées") || s.ends_with("dite"))),
            "{surfaces:?}"
        );
    }

    #[test]
    fn no_noun_phrase_runs_across_a_quotation_mark() {
        // « … « de la mémoire » date de 2007 »: « date » is the verb; a
        // determiner before a quotation still reads across its mark
        let text = "La loi « de la mémoire » date de 2007. Le « développement commercial » occupe deux experts.\n\nLa loi « de la mémoire » ouvre les archives. Le « développement commercial » attend un troisième expert.";
        let (kw, _) = analysed(text);
        let surfaces: Vec<&String> = kw.terms.values().map(|t| &t.surface).collect();
        assert!(
            !surfaces
                .iter()
                .any(|s| s.contains("mémoire date") || s.contains("loi de")),
            "{surfaces:?}"
        );
        let t = kw
            .terms
            .values()
            .find(|t| t.surface == "développement commercial")
            .unwrap();
        assert!(t.determiner.is_some(), "{t:?}");
    }

    #[test]
    fn no_determiner_is_read_across_punctuation() {
        // « un par un, correction des formes »: « un » closes the phrase
        // before the comma; it is not the article of « correction »
        let text = "Les bénévoles valident la carte du quartier. Le travail avance un par un, correction des formes comprise, avant la publication.\n\nLes bénévoles relisent chaque bâtiment. La carte du quartier sera publiée en mai.";
        let (kw, _) = analysed(text);
        let t = kw
            .terms
            .values()
            .find(|t| t.surface.starts_with("correction"))
            .unwrap();
        assert_eq!(t.determiner, None, "{t:?}");
    }

    #[test]
    fn a_keyphrase_is_no_adverb_adjective_nor_number_of_a_note() {
        // the first paragraph is a note about the article: « tard »,
        // « long » and « deux » come back later, never where a noun goes
        let text = "(Découpé en deux parties pour ne pas faire trop long, la suite viendra plus tard.)\n\nLa mémoire des premiers ordinateurs tenait en deux kilo-octets. Plus tard, la mémoire a grandi bien plus vite que les programmes, et ce fut long. La mémoire vive coûtait cher. On en achetait deux barrettes à la fois, plus tard quatre, et le chargement restait long.";
        let (kw, _) = analysed(text);
        assert!(
            !["tard", "long", "deux"].contains(&kw.keyphrase.as_str()),
            "{}",
            kw.keyphrase
        );
        assert_eq!(kw.keyphrase, "mémoire");
    }

    #[test]
    fn keyphrase_is_a_repeated_noun_phrase_of_the_first_paragraph() {
        let text = "La métropole lance un plan vélo pour ses habitants. Le plan vélo prévoit des pistes sécurisées.\n\nLes travaux du plan vélo commencent au printemps. Les pistes relieront les communes voisines. Le plan vélo coûtera cher.";
        let (kw, lex) = analysed(text);
        assert_eq!(kw.keyphrase, "plan vélo");
        let t = kw
            .terms
            .values()
            .find(|t| t.surface == "plan vélo")
            .unwrap();
        assert_eq!(t.determiner.as_deref(), Some("le"));
        assert!(mentions("Le point sur le plan vélo", "plan vélo", &lex));
        assert!(!mentions("Les pistes cyclables", "plan vélo", &lex));
    }

    #[test]
    fn a_first_paragraph_in_another_form_gives_the_keyphrase_that_form() {
        // the lead writes « jardins » only; the text mostly « jardin »
        let text = "Les jardins de la ville ouvrent leurs portes au public.\n\nLe jardin des plantes accueille une exposition. Le jardin botanique prête ses serres. Chaque jardin propose une visite. Un jardin partagé ouvre aussi ses parcelles. Les jardins restent ouverts jusqu’au soir.";
        let (kw, _) = analysed(text);
        assert_eq!(kw.keyphrase, "jardins");
    }

    #[test]
    fn a_keyphrase_of_fillers_alone_is_a_last_resort() {
        // « analyse » is the most repeated noun, but the SEO analyses read
        // it as a function word (a form of « analyser »)
        let text = "L’analyse du réseau a pris une semaine. L’analyse montre une saturation. Une analyse suivra.\n\nL’analyse complète sera publiée lundi. Cette analyse confirme la saturation du réseau. L’analyse sera discutée en mars.";
        let (kw, _) = analysed(text);
        assert_eq!(kw.keyphrase, "réseau");
    }

    #[test]
    fn a_keyphrase_is_no_infinitive() {
        // the title takes the first sentence; the rest of the first
        // paragraph writes only « voir » (after « à ») of the text's terms:
        // the most repeated noun phrase is a better keyphrase
        let text = "Comment voir la moitié de la programmation sans le vouloir ? La réponse est ici, et il reste beaucoup à voir.\n\nTout a commencé en avril, avec un train en retard. Nous sommes arrivés après le premier concert, mais il restait à voir les groupes du soir. La programmation était copieuse, avec des groupes venus de toute l’Europe. Pour voir la scène principale, il fallait traverser un champ boueux, puis attendre devant les barrières. Le dimanche, la pluie a tout arrêté, et nous n’avons rien pu voir avant le soir. La programmation a été réduite à cause des orages. Les organisateurs ont promis une programmation plus courte l’an prochain, et des navettes depuis la gare pour éviter les retards du train.";
        let (kw, _) = analysed(text);
        assert_eq!(kw.keyphrase, "programmation");
    }

    #[test]
    fn an_infinitive_after_les_is_no_term() {
        // « les exposer », « les protéger »: an object pronoun and its verb,
        // not an article and a noun (which would take the plural)
        let text = "Les auteurs écrivent des textes et doivent ensuite les exposer au public. Il faut les exposer sans crainte. Les éditeurs savent les protéger. Les textes circulent ensuite entre les lecteurs, qui doivent les protéger aussi.";
        let (kw, _) = analysed(text);
        assert!(
            !kw.terms
                .values()
                .any(|t| t.surface == "exposer" || t.surface == "protéger"),
            "{:?}",
            kw.terms.values().map(|t| &t.surface).collect::<Vec<_>>()
        );
    }

    #[test]
    fn the_head_of_a_compound_written_whole_is_one() {
        let term = |key: &str, count: usize| Term {
            surface: key.to_string(),
            determiner: Some("le".to_string()),
            key: key.to_string(),
            count,
            det_count: count,
            len: key.split(' ').filter(|w| !INNER.contains(w)).count(),
            score: 0.0,
            ends: count,
            cut: 0,
        };
        let terms: BTreeMap<String, Term> = [
            term("mot", 10),
            term("mot de pass", 8),
            term("empreint", 10),
            term("empreint carbon", 8),
            term("projet", 10),
            term("projet de loi", 3),
        ]
        .into_iter()
        .map(|t| (t.key.clone(), t))
        .collect();
        // « mot » of « mot de passe »: a compound written whole
        assert!(compound_head(&terms["mot"], &terms));
        // « empreinte carbone » has no preposition; « projet de loi » is
        // a third of the occurrences of « projet »
        assert!(!compound_head(&terms["empreint"], &terms));
        assert!(!compound_head(&terms["projet"], &terms));
    }

    #[test]
    fn a_tie_between_written_forms_goes_to_the_lowercase_one() {
        let text = "Les habitants rejoignent une association du quartier. Le club Association Sportive Du Port accueille aussi les enfants.";
        let (kw, lex) = analysed(text);
        let t = kw.terms.get(&lex.stem("association")).unwrap();
        assert_eq!(t.surface, "association");
    }

    #[test]
    fn terms_stop_at_punctuation_and_before_a_participle_with_its_object() {
        let text = "Les ateliers accueillent les diversités « visibles » (origine sociale, handicap) chaque semaine. Les ateliers utilisent Jekyll, CocoaPods et Homebrew pour leurs sites. Les ateliers ont une expertise assurant la qualité des sites. Les ateliers ont rejoint le réseau national.";
        let surfaces = surfaces_of(text);
        for bad in ["visibles origine", "Jekyll CocoaPods", "expertise assurant"] {
            assert!(
                !surfaces.iter().any(|s| s.contains(bad)),
                "« {bad} » in {surfaces:?}"
            );
        }
    }

    #[test]
    fn terms_stop_before_a_gerund_and_leave_fixed_phrases_out() {
        let text = "Les bénévoles entretiennent une saine émulation en regardant les jardins voisins. La saine émulation en regardant ailleurs aide les bénévoles. Les bénévoles sont à l’aise au bout de trois mois. Ils restent à l’aise au bout de l’année.";
        let surfaces = surfaces_of(text);
        assert!(
            surfaces.iter().any(|s| s == "saine émulation"),
            "{surfaces:?}"
        );
        assert!(
            !surfaces.iter().any(|s| s.contains(" en regardant")),
            "{surfaces:?}"
        );
        for bad in ["aise", "bout"] {
            assert!(
                !surfaces.iter().any(|s| s.split(' ').any(|w| w == bad)),
                "« {bad} » in {surfaces:?}"
            );
        }
    }

    #[test]
    fn verbs_and_infinitives_end_a_noun_phrase() {
        let text = "La Fondation Lumen développe un logiciel libre. La Fondation Lumen produit aussi des films. \
La commune finance les travaux du parc. La commune finance les fêtes. \
Le projet de la collectivité voir plus loin. Le projet de la collectivité avance. \
Ils aident les producteurs en les rendant autonomes, en les rendant visibles.";
        let surfaces = surfaces_of(text);
        for bad in [
            "Fondation Lumen développe",
            "Fondation Lumen produit",
            "commune finance",
            "collectivité voir",
            "rendant",
        ] {
            assert!(
                !surfaces.iter().any(|s| s.ends_with(bad)),
                "« {bad} » in {surfaces:?}"
            );
        }
        assert!(
            surfaces.iter().any(|s| s == "Fondation Lumen"),
            "{surfaces:?}"
        );
    }

    #[test]
    fn en_before_a_verb_and_a_quantity_is_a_pronoun() {
        let text = "Le magasin en loue une dizaine chaque été. Le magasin en ligne vend aussi des pièces. Le magasin en compte 30 dans sa réserve.";
        let surfaces = surfaces_of(text);
        assert!(
            surfaces.iter().any(|s| s == "magasin en ligne"),
            "{surfaces:?}"
        );
        for bad in ["magasin en loue", "magasin en compte"] {
            assert!(
                !surfaces.iter().any(|s| s == bad),
                "« {bad} » in {surfaces:?}"
            );
        }
    }

    #[test]
    fn a_word_after_an_object_pronoun_is_a_verb_not_a_term() {
        let text = "Le jardin partagé demande du temps. Il faut trouver le moyen de le gérer sans aide. On les arrose chaque soir. Les voisins qui l’utilisent le trouvent agréable. Vous pouvez la planter au printemps. Le jardin attire les voisins. La voisine me le confirme chaque soir. Le logiciel calcule leur code, et les compare au code volé. Les voisines les plantent en mai.";
        let surfaces = surfaces_of(text);
        for verb in [
            "gérer",
            "arrose",
            "utilisent",
            "planter",
            "confirme",
            "compare",
            "plantent",
        ] {
            assert!(
                !surfaces.iter().any(|s| s.split(' ').any(|w| w == verb)),
                "« {verb} » in {surfaces:?}"
            );
        }
        assert!(surfaces.iter().any(|s| s == "jardin"), "{surfaces:?}");
    }

    #[test]
    fn finite_verbs_end_a_noun_phrase() {
        let text = "Un environnement accueillant aidera les bénévoles. N’oubliez pas les règles. Les plaintes soient traitées vite. Le comité s’engage auprès des membres. Les membres l’apprécient-ils vraiment ? Le comité n’utilise aucun outil payant.";
        let surfaces = surfaces_of(text);
        for verb in [
            "aidera",
            "oubliez",
            "soient",
            "engage",
            "apprécient-ils",
            "utilise",
        ] {
            assert!(
                !surfaces.iter().any(|s| s.split(' ').any(|w| w == verb)),
                "« {verb} » in {surfaces:?}"
            );
        }
        assert!(
            surfaces.iter().any(|s| s == "environnement accueillant"),
            "{surfaces:?}"
        );
        // a noun is not read as a plural verb or a future
        assert!(!finite_form("caméra") && !finite_form("rendez-vous"));
    }

    #[test]
    fn a_capitalised_infinitive_after_a_lowercase_word_opens_a_new_phrase() {
        // a list item whose full stop was lost
        let text = "Les sanctions possibles : un avertissement écrit du comité Interdire définitivement la personne du forum. Le comité Gérer les conflits reste rare.";
        let surfaces = surfaces_of(text);
        assert!(
            !surfaces
                .iter()
                .any(|s| s.contains("comité Interdire") || s.contains("comité Gérer")),
            "{surfaces:?}"
        );
        // names are not instructions
        let text = "La ville lance le Permis de Choisir. Le Permis de Choisir plaît.";
        let (kw, _) = analysed(text);
        assert!(
            kw.terms.values().any(|t| t.surface == "Permis de Choisir"),
            "{:?}",
            kw.terms.values().map(|t| &t.surface).collect::<Vec<_>>()
        );
        assert!(!starts_imperative("Olivier") && !starts_imperative("Twitter"));
        assert!(starts_imperative("Choisir") && starts_imperative("Utiliser"));
    }

    #[test]
    fn a_term_knows_where_its_phrase_ends_and_where_the_limit_cut_it() {
        let text = "Le code de conduite est court. Le code de conduite s’applique partout. Votre propre projet compte. Leur propre site aussi. Le budget de formation Scrum Master reste faible.";
        let (kw, lex) = analysed(text);
        let get = |w: &str| kw.terms.get(&lex.stem(w)).unwrap().clone();
        let code = get("code");
        assert_eq!((code.count, code.ends), (2, 0), "{code:?}");
        let propre = get("propre");
        assert_eq!(propre.ends, 0, "{propre:?}");
        let cut = kw
            .terms
            .values()
            .find(|t| t.surface == "budget de formation Scrum")
            .expect("the cut phrase is counted");
        assert_eq!(cut.cut, 1, "{cut:?}");
        let whole = kw
            .terms
            .values()
            .find(|t| t.surface == "code de conduite")
            .unwrap();
        assert_eq!((whole.ends, whole.cut), (2, 0));
    }

    #[test]
    fn a_capitalised_determiner_inside_a_sentence_opens_a_name() {
        let text = "L’équipe de Mes Aides publie ses chiffres. Les usagers de Mes Aides simulent leurs droits en ligne. Le simulateur Mes Aides couvre toutes les aides sociales. Les aides de la commune sont aussi calculées.";
        let surfaces = surfaces_of(text);
        assert!(surfaces.iter().any(|s| s == "Mes Aides"), "{surfaces:?}");
        // the opener is no term alone
        assert!(!surfaces.iter().any(|s| s == "Mes"), "{surfaces:?}");
    }

    #[test]
    fn a_name_takes_no_article_from_the_phrase_it_opens() {
        let text = "Le Mistral Express relie les deux villes. Le Mistral Express part chaque matin. Le nom Mistral reste connu.";
        let (kw, lex) = analysed(text);
        let name = kw.terms.get(&lex.stem("Mistral")).unwrap();
        assert_eq!(name.determiner, None, "{name:?}");
    }

    #[test]
    fn an_infinitive_after_a_negation_and_its_pronoun_is_no_term() {
        let text = "Nous ne pouvons pas les livrer séparément. Nous ne pouvons pas les livrer avant la fin de l’année. Nous ne pouvons pas les livrer sans les tester. Les équipes préparent les versions.";
        let (kw, lex) = analysed(text);
        assert!(kw
            .terms
            .get(&lex.stem("livrer"))
            .is_none_or(|t| t.count == 0));
    }

    #[test]
    fn an_infinitive_after_an_object_pronoun_is_no_term() {
        let text = "Le conseil vote une limite de vitesse. Il faut tout faire pour la limiter davantage. Pour la limiter, il faut des radars.";
        let (kw, lex) = analysed(text);
        let t = kw
            .terms
            .get(&lex.stem("limite"))
            .expect("the noun is a term");
        assert_eq!(t.surface, "limite");
        assert_eq!(t.count, 1, "the verb is not counted with it");
    }
}
