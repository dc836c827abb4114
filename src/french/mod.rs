//! French language helpers shared by the stages: word tokens, stems, stopword
//! and function-word lexicons, typography, elision and contraction, syllables.
pub mod elision;
pub mod syllables;
pub mod typography;

use crate::error::Result;
use crate::fxhash::{FxHashMap, FxHashSet};
use crate::rules::Source;
use rust_stemmers::{Algorithm, Stemmer};

/// Distinct words whose stems a thread keeps before starting afresh.
const STEM_CACHE_MAX: usize = 50_000;

/// Lexicons every stage may consult, loaded once.
pub struct Lexicon {
    stemmer: Stemmer,
    /// Words that carry no topic (lowercase).
    pub stopwords: FxHashSet<String>,
    /// Determiners, prepositions, conjunctions, pronouns: words a heading cannot
    /// end on and that start sentences (lowercase).
    pub function_words: FxHashSet<String>,
    /// Frequent finite verb forms (lowercase).
    pub verbs: FxHashSet<String>,
    /// Frequent infinitives that are not also nouns or names (lowercase).
    pub infinitives: FxHashSet<String>,
    /// Words a keyphrase is not matched on, on top of the function words
    /// (generic adjectives, time words, numerals…).
    pub keyphrase_fillers: FxHashSet<String>,
}

impl Lexicon {
    pub fn load(source: &Source) -> Result<Lexicon> {
        let set = |name: &str| -> Result<FxHashSet<String>> {
            Ok(source
                .lines(name)?
                .into_iter()
                .map(|w| w.to_lowercase())
                .collect())
        };
        let function_words = set("lexicons/function_words.txt")?;
        let mut stopwords = set("lexicons/stopwords.txt")?;
        stopwords.extend(function_words.iter().cloned());
        Ok(Lexicon {
            stemmer: Stemmer::create(Algorithm::French),
            stopwords,
            function_words,
            verbs: set("lexicons/verbs.txt")?,
            infinitives: set("lexicons/infinitives.txt")?,
            keyphrase_fillers: set("lexicons/keyphrase_fillers.txt")?,
        })
    }

    /// Snowball French stem of a word (lowercased, elision removed).
    pub fn stem(&self, word: &str) -> String {
        self.with_stem(word, str::to_string)
    }

    /// `f` of the [`Lexicon::stem`] of a word, given the stem where it is
    /// kept (`f` must not ask for another stem).
    pub fn with_stem<R>(&self, word: &str, f: impl FnOnce(&str) -> R) -> R {
        let w = lowercase(elision::strip(word));
        // Snowball costs more than a lookup, and a text repeats its words:
        // each thread keeps the stems it has computed (a pure function of
        // the word, so the output does not depend on it), up to a bound.
        thread_local! {
            static STEMS: std::cell::RefCell<FxHashMap<String, String>> =
                std::cell::RefCell::new(FxHashMap::default());
        }
        STEMS.with(|cache| {
            let mut cache = cache.borrow_mut();
            if let Some(stem) = cache.get(&*w) {
                return f(stem);
            }
            let stem = self.stemmer.stem(&w).into_owned();
            if cache.len() >= STEM_CACHE_MAX {
                cache.clear();
            }
            let r = f(&stem);
            cache.insert(w.into_owned(), stem);
            r
        })
    }

    /// Is this word (any case, elision removed) a stopword?
    pub fn is_stopword(&self, word: &str) -> bool {
        let w = lowercase(elision::strip(word));
        w.chars().nth(1).is_none() || self.stopwords.contains(&*w)
    }

    /// [`Lexicon::is_stopword`] or [`Lexicon::is_verb`], the word lowercased
    /// once for both.
    pub fn is_stopword_or_verb(&self, word: &str) -> bool {
        let w = lowercase(elision::strip(word));
        w.chars().nth(1).is_none() || self.stopwords.contains(&*w) || self.verbs.contains(&*w)
    }

    pub fn is_function_word(&self, word: &str) -> bool {
        self.function_words.contains(&*lowercase(word))
    }

    /// Is this word (any case, elision removed) left out when a keyphrase is
    /// matched: a function word or a keyphrase filler (« long » in « Covid long »)?
    pub fn is_keyphrase_filler(&self, word: &str) -> bool {
        let w = lowercase(elision::strip(word));
        self.function_words.contains(&*w) || self.keyphrase_fillers.contains(&*w)
    }

    /// A frequent finite verb form, or a word with an unmistakable finite ending.
    pub fn is_verb(&self, word: &str) -> bool {
        self.verbs.contains(&*lowercase(elision::strip(word)))
    }

    /// A frequent infinitive of `lexicons/infinitives.txt` (lowercase word).
    pub fn is_infinitive(&self, lower: &str) -> bool {
        self.infinitives.contains(lower)
    }

    /// Content stems of a text, in order (stopwords and numbers left out).
    pub fn content_stems(&self, text: &str) -> Vec<String> {
        self.content_words(text)
            .map(|w| self.stem(w))
            .filter(|s| s.chars().count() >= 2)
            .collect()
    }

    /// The words of a text whose stems [`Lexicon::content_stems`] keeps
    /// when they have two letters or more.
    pub fn content_words<'t>(&'t self, text: &'t str) -> impl Iterator<Item = &'t str> + 't {
        words(text).filter(|w| !self.is_stopword(w) && w.chars().any(char::is_alphabetic))
    }
}

/// The lowercase form of a text, borrowed when it has no letter to change
/// (most words of a French text): the same string as `str::to_lowercase`.
pub fn lowercase(text: &str) -> std::borrow::Cow<'_, str> {
    let unchanged = |c: char| {
        if c.is_ascii() {
            !c.is_ascii_uppercase()
        } else {
            let mut l = c.to_lowercase();
            l.next() == Some(c) && l.next().is_none()
        }
    };
    if text.chars().all(unchanged) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.to_lowercase())
    }
}

/// Is this character part of a word (letters, digits, and the joiners inside one)?
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{c0}'..='\u{17f}').contains(&c) {
        // the accented Latin letters of French words, without the table look-up
        c != '×' && c != '÷'
    } else if matches!(c, '’' | '«' | '»' | '\u{a0}' | '\u{202f}' | '–' | '—' | '…') {
        // French punctuation and spaces, without the table look-up
        false
    } else {
        c.is_alphanumeric()
    }
}

/// The code point of the UTF-8 sequence at byte `i` of valid UTF-8 `bytes`
/// (a character boundary before the end), and its length in bytes: the
/// lead byte tells the length, without the checks of `str::chars`.
#[inline]
pub(crate) fn utf8_at(bytes: &[u8], i: usize) -> (u32, usize) {
    let b = bytes[i];
    if b < 0x80 {
        return (u32::from(b), 1);
    }
    let cont = |k: usize| u32::from(bytes[i + k] & 0x3f);
    if b < 0xe0 {
        ((u32::from(b & 0x1f) << 6) | cont(1), 2)
    } else if b < 0xf0 {
        ((u32::from(b & 0x0f) << 12) | (cont(1) << 6) | cont(2), 3)
    } else {
        (
            (u32::from(b & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
            4,
        )
    }
}

/// Word tokens of a text: runs of letters and digits, keeping inner apostrophes
/// (l’IA, aujourd’hui), hyphens (start-up) and the middle dot (médiateur·ices).
pub fn words(text: &str) -> Words<'_> {
    Words { text, pos: 0 }
}

/// The iterator of [`words`]: it scans the text once and allocates nothing.
pub struct Words<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let text = self.text;
        let bytes = text.as_bytes();
        let len = bytes.len();
        // the character at byte `i` (a boundary before the end) and its
        // length, decoded from the bytes of the (valid) UTF-8 text
        let at = |i: usize| -> (char, usize) {
            let (c, n) = utf8_at(bytes, i);
            (char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER), n)
        };
        // is there a word character at byte `i`?
        let word_at = |i: usize| -> bool {
            match bytes.get(i) {
                None => false,
                Some(b) if *b < 0x80 => b.is_ascii_alphanumeric(),
                Some(_) => is_word_char(at(i).0),
            }
        };
        // the first word character
        let mut i = self.pos;
        let (start, first) = loop {
            if i >= len {
                self.pos = len;
                return None;
            }
            let b = bytes[i];
            if b < 0x80 {
                if b.is_ascii_alphanumeric() {
                    break (i, 1);
                }
                i += 1;
                continue;
            }
            let (c, n) = at(i);
            if is_word_char(c) {
                break (i, n);
            }
            i += n;
        };
        // the word goes on through word characters, and through an apostrophe,
        // hyphen or middle dot that a word character follows
        let mut end = start + first;
        while end < len {
            let b = bytes[end];
            if b < 0x80 {
                if b.is_ascii_alphanumeric() || (matches!(b, b'\'' | b'-') && word_at(end + 1)) {
                    end += 1;
                    continue;
                }
                break;
            }
            let (c, n) = at(end);
            if is_word_char(c) || (matches!(c, '’' | '·' | '‑') && word_at(end + n)) {
                end += n;
                continue;
            }
            break;
        }
        self.pos = end;
        Some(&text[start..end])
    }
}

/// Number of words as Yoast counts them (hyphenated forms count per part).
pub fn word_count(text: &str) -> usize {
    // a hyphen inside a word has a word character on either side (see
    // `Words`): a word has one part more than it has hyphens
    words(text)
        .map(|w| {
            let hyphens = w.bytes().filter(|&b| b == b'-').count();
            let nb = if w.is_ascii() {
                0
            } else {
                w.matches('‑').count()
            };
            1 + hyphens + nb
        })
        .sum()
}

/// Endings that only finite verbs have (imperfect, conditional, future plural):
/// "comptait", "pourraient", "apprécieront".
pub fn looks_finite(word: &str) -> bool {
    let w = lowercase(word);
    let w = w.trim_matches(|c: char| !c.is_alphabetic());
    let n = w.chars().count();
    (n > 6 && (w.ends_with("eront") || w.ends_with("iront") || w.ends_with("ront")))
        || (n > 4
            && (w.ends_with("aient")
                || w.ends_with("ait")
                || w.ends_with("erait")
                || w.ends_with("iraient")))
}

/// A French preposition (lowercase), contracted article forms included: the
/// word before a capital that makes it a name inside a phrase (« la rue de
/// Strasbourg », « le pacte avec Renault »).
pub fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "de" | "du"
            | "des"
            | "à"
            | "au"
            | "aux"
            | "dans"
            | "sur"
            | "pour"
            | "par"
            | "avec"
            | "chez"
            | "en"
            | "entre"
            | "vers"
            | "selon"
    )
}

/// Whether a sentence opens on a word that points back to what was said
/// before it: a personal pronoun (« Il », « Elles »), a demonstrative (« Cette
/// enquête », « Cela », « C’est »), a possessive (« Son président »). An
/// impersonal « Il » points back to nothing ([`impersonal_il`]).
pub fn points_back(sentence: &str) -> bool {
    let mut ws = words(sentence).map(|w| lowercase(w).replace('\'', "’"));
    let Some(first) = ws.next() else {
        return false;
    };
    match first.as_str() {
        "elle" | "ils" | "elles" | "ce" | "cet" | "cette" | "ces" | "cela" | "ça" | "ceci"
        | "celui" | "celle" | "ceux" | "celles" | "c’" | "son" | "sa" | "ses" | "leur"
        | "leurs" => true,
        w if w.starts_with("c’") => true,
        "il" => !impersonal_il(sentence),
        _ => false,
    }
}

/// Whether a sentence opens on an impersonal « Il », one that stands for
/// nothing said before (« Il y a », « Il n’y a pas », « Il existe », « Il
/// faut », « Il s’agit », « Il est facile de … », « Il semble que … »), unlike
/// « Il y vend des fleurs » or « Il est maire ».
pub fn impersonal_il(sentence: &str) -> bool {
    let mut ws = words(sentence).map(|w| lowercase(w).replace('\'', "’"));
    if ws.next().as_deref() != Some("il") {
        return false;
    }
    let rest: Vec<String> = ws.take(6).collect();
    let mut it = rest.iter().map(String::as_str).skip_while(|w| *w == "ne");
    let Some(verb) = it.next() else {
        return false;
    };
    let verb = verb.strip_prefix("n’").unwrap_or(verb);
    match verb {
        // « il y a », not « il y vend »
        "y" => it.next().is_some_and(|w| {
            matches!(
                w,
                "a" | "avait" | "aura" | "aurait" | "eut" | "ait" | "avoir"
            )
        }),
        "existe" | "existait" | "faut" | "fallait" | "faudra" | "faudrait" | "s’agit"
        | "s’agissait" | "suffit" | "reste" | "manque" | "vaut" | "convient" | "importe" => true,
        "est" | "était" | "sera" | "serait" | "semble" | "paraît" => it
            .take(3)
            .any(|w| w == "de" || w == "que" || w.starts_with("d’") || w.starts_with("qu’")),
        _ => false,
    }
}

/// Does a sentence or a line note where the article first appeared
/// (« Article original posté sur Medium en avril 2018 », « Article publié à
/// l’origine sur … », « Initialement publié sur … », « Cet article a d’abord
/// été publié … »)? The author's note about the page: no heading, no title.
pub fn republication_note(text: &str) -> bool {
    const WORDS: usize = 6;
    let text = text.trim_start_matches(['«', '"', '“', '(', '[']);
    // only the first words count: lowercase those alone (called on every
    // sentence and every heading candidate, long ones included)
    let end = text
        .split_whitespace()
        .nth(WORDS)
        .map_or(text.len(), |w| w.as_ptr() as usize - text.as_ptr() as usize);
    let lower = lowercase(&text[..end]);
    let words: Vec<&str> = lower.split_whitespace().take(WORDS).collect();
    let published = |w: &&str| {
        matches!(
            w.trim_end_matches([',', '.']),
            "publié" | "posté" | "paru" | "original" | "originellement" | "initialement"
        )
    };
    match words.as_slice() {
        ["article", rest @ ..] | ["cet", "article", rest @ ..] => {
            rest.iter().take(4).any(published)
        }
        [first, second, ..] => {
            matches!(*first, "initialement" | "originellement") && *second == "publié"
        }
        _ => false,
    }
}

/// Uppercase the first letter (sentence case), leaving the rest as written.
pub fn capitalise_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Lowercase, with the accents and the cedilla of French letters dropped
/// (« État » and « Etat », which authors both write, read alike).
pub fn without_accents(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ÿ' => 'y',
            'ç' => 'c',
            c => c,
        })
        .collect()
}

/// Lowercase the first letter, leaving the rest as written: the words after
/// a colon (« Open source : le point sur … »).
pub fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Is the first letter uppercase?
pub fn starts_upper(s: &str) -> bool {
    s.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase)
        && s.chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '«' || c == '"')
}

/// A quotation mark left open counts only when it closes within this many
/// sentences: a stray mark must not forbid every boundary after it.
const MAX_QUOTE_SENTENCES: usize = 8;

/// For each sentence, whether the gap before it falls inside a quotation that
/// an earlier sentence opened (« …, “…, or a straight " left open) and a later
/// one closes.
pub(crate) fn inside_quotation<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<bool> {
    // the quotation depth after each sentence
    let mut depth_after = Vec::new();
    let (mut guillemets, mut curly, mut straight) = (0usize, 0usize, false);
    for t in texts {
        for c in t.chars() {
            match c {
                '«' => guillemets += 1,
                '»' => guillemets = guillemets.saturating_sub(1),
                '“' => curly += 1,
                '”' => curly = curly.saturating_sub(1),
                '"' => straight = !straight,
                _ => {}
            }
        }
        depth_after.push(guillemets > 0 || curly > 0 || straight);
    }
    let n = depth_after.len();
    let mut inside = vec![false; n];
    let mut k = 0;
    while k < n {
        if !depth_after[k] {
            k += 1;
            continue;
        }
        // a run of sentences ending inside the quotation: k..end
        let mut end = k;
        while end < n && depth_after[end] {
            end += 1;
        }
        // closed by sentence `end` (when there is one) within the bound
        if end < n && end - k < MAX_QUOTE_SENTENCES {
            for flag in &mut inside[k + 1..=end] {
                *flag = true;
            }
        }
        k = end + 1;
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_on_where_an_article_first_appeared() {
        for s in [
            "Article original posté sur Medium en avril 2018",
            "Article publié à l'origine sur Medium.",
            "Cet article a d’abord été publié sur le blog de l’association.",
            "Initialement publié sur LinuxFr.org",
        ] {
            assert!(republication_note(s), "{s}");
        }
        for s in [
            "L’article original de la loi prévoyait une exception.",
            "Article 12 : les communes fixent les horaires.",
            "Publié en 2019, le rapport reste d’actualité.",
        ] {
            assert!(!republication_note(s), "{s}");
        }
    }

    #[test]
    fn a_sentence_that_points_back() {
        for s in [
            "Il a présenté le budget lundi.",
            "Elle souhaite des arrêts sécurisés.",
            "Cette enquête est la première étape.",
            "C’est un outil libre.",
            "Cela ne veut pas dire que vous êtes malade.",
            "Son président a présenté le bilan.",
        ] {
            assert!(points_back(s), "{s}");
        }
        for s in [
            "Il y a trois parcs en ville.",
            "Il n’y a pas de traitement spécifique.",
            "Il existe plusieurs applications libres.",
            "Il faut limiter nos émissions.",
            "Il s’agit d’un outil libre.",
            "Il n’est pas facile de gagner de l’argent.",
            "Il est possible que vous ressentiez de la fatigue.",
            "Le maire a présenté le budget.",
            "Nous avons reçu cent réponses.",
        ] {
            assert!(!points_back(s), "{s}");
        }
        // « y » is impersonal before « avoir » alone
        assert!(points_back("Il y vend des fleurs de saison."));
        assert!(points_back("Il est maire depuis vingt ans."));
        assert!(impersonal_il("Il y avait trois parcs."));
        assert!(!impersonal_il("Ils existent depuis longtemps."));
    }

    #[test]
    fn tokens_keep_elision_and_hyphens() {
        let w: Vec<&str> = words("L’IA, des start-ups (2,1 milliards) ! aujourd'hui").collect();
        assert_eq!(
            w,
            [
                "L’IA",
                "des",
                "start-ups",
                "2",
                "1",
                "milliards",
                "aujourd'hui"
            ]
        );
        assert_eq!(word_count("des start-ups"), 3);
    }

    #[test]
    fn word_characters_are_the_alphanumeric_ones() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn word_count_counts_every_hyphenated_part() {
        // the count as first written: the parts of each word between hyphens
        let reference = |t: &str| -> usize {
            words(t)
                .map(|w| w.split(['-', '‑']).filter(|p| !p.is_empty()).count())
                .sum()
        };
        for t in [
            "Le porte-parole a-t-il parlé ? Peut‑être, dit-on.",
            "Des start-ups -- et des co-working - à Saint-Étienne-du-Rouvray.",
            "l’après-midi, aujourd’hui, médiateur·ices, -12 °C, Covid-19-",
            "« Vis-à-vis » ‑ rien ‑‑ de-‑plus 2024-2025",
            "",
        ] {
            assert_eq!(word_count(t), reference(t), "{t}");
        }
    }

    /// The tokens as the first, char-by-char version of [`Words`] cut them.
    fn reference_words(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut chars = text.char_indices().peekable();
        let mut span: Option<(usize, usize)> = None;
        while let Some((i, c)) = chars.next() {
            let end = i + c.len_utf8();
            match span {
                None if is_word_char(c) => span = Some((i, end)),
                None => {}
                Some((s, _)) if is_word_char(c) => span = Some((s, end)),
                Some((s, _))
                    if matches!(c, '\'' | '’' | '-' | '·' | '‑')
                        && chars.peek().is_some_and(|&(_, n)| is_word_char(n)) =>
                {
                    span = Some((s, end))
                }
                Some((s, e)) => {
                    out.push(&text[s..e]);
                    span = None;
                }
            }
        }
        out.extend(span.map(|(s, e)| &text[s..e]));
        out
    }

    #[test]
    fn lowercase_is_to_lowercase() {
        for t in [
            "",
            "usine",
            "Usine",
            "l’IA",
            "ÉTÉ",
            "été",
            "ΣΟΦΟΣ",
            "ǅemal",
            "İstanbul",
            "straße",
            "ﬁn",
            "K",
            "médiateur·ices",
            "123",
            "Ⅻ",
        ] {
            assert_eq!(lowercase(t), t.to_lowercase(), "{t}");
            assert_eq!(
                matches!(lowercase(t), std::borrow::Cow::Borrowed(_)),
                lowercase(t) == t
            );
        }
    }

    #[test]
    fn tokens_match_the_char_by_char_reading_on_every_short_mix() {
        // every string of up to four of these characters
        let alphabet = [
            'a', 'É', '’', '\'', '-', '‑', '·', ' ', '日', '²', '«', '😀', '.',
        ];
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = texts
                .iter()
                .filter(|t| t.chars().count() == texts.last().map_or(0, |l| l.chars().count()))
                .flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}")))
                .collect();
            texts.extend(longer);
        }
        for text in &texts {
            assert_eq!(
                words(text).collect::<Vec<_>>(),
                reference_words(text),
                "{text}"
            );
        }
    }

    #[test]
    fn tokens_match_the_char_by_char_reading() {
        for text in [
            "",
            " ",
            "é",
            "l’",
            "’l",
            "a--b a-’b a-b-c -a- ’a’ a’ a' 'a",
            "médiateur·ices, start‑up ; aujourd’hui… 2,1 % Éric « Noël » 日本語 x²",
            "a.b,c;a.b,c;",
            "fin-",
            "Peut-être. Vraiment ? Jamais !",
        ] {
            assert_eq!(
                words(text).collect::<Vec<_>>(),
                reference_words(text),
                "{text}"
            );
        }
    }

    #[test]
    fn stems_merge_plurals() {
        let lex = Lexicon::load(&Source::embedded()).unwrap();
        assert_eq!(lex.stem("usines"), lex.stem("l’usine"));
    }
}
