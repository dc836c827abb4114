//! Stage 10: title, SEO title, meta description, slug, focus keyphrase and
//! keywords, within the bounds of `rules/seo.yaml` (`meta:` part).
use crate::error::Result;
use crate::french::{self, Lexicon};
use crate::keywords::{self, Keywords};
use crate::model::{Block, Meta, Section};
use crate::rules::Source;
use crate::structure::Outline;
use crate::Options;
use serde::Deserialize;

const FILE: &str = "rules/meta.yaml";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetaRules {
    /// A title cut from the lead is at most this long.
    pub title_max_chars: usize,
    /// A lead sentence up to this long is the title whole (no cut can part a
    /// verb from its object or a question from its mark); a longer one is
    /// cut within `title_max_chars`. Optional (default: `title_max_chars`).
    #[serde(default)]
    pub title_whole_max_chars: Option<usize>,
    pub seo_title_max_chars: usize,
    pub description_min_chars: usize,
    pub description_max_chars: usize,
    pub slug_max_chars: usize,
}

pub struct MetaWriter {
    pub rules: MetaRules,
}

impl MetaWriter {
    pub fn load(source: &Source) -> Result<MetaWriter> {
        Ok(MetaWriter {
            rules: source.yaml(FILE)?,
        })
    }

    pub fn run(
        &self,
        outline: &Outline,
        sections: &[Section],
        kw: &Keywords,
        lex: &Lexicon,
        opts: &Options,
    ) -> Meta {
        let r = &self.rules;
        let first_ids: Vec<usize> = sections
            .iter()
            .flat_map(|s| s.blocks.iter())
            .filter_map(|b| match b {
                Block::Paragraph { sentences } => Some(sentences.clone()),
                _ => None,
            })
            .flatten()
            .collect();
        let body: Vec<&str> = first_ids
            .iter()
            .filter_map(|&i| outline.sentences.get(i).map(|s| s.text.as_str()))
            .collect();
        let lead = &body[..body.len().min(6)];
        let title = match (&opts.title, &outline.title) {
            (Some(t), _) => t.trim().to_string(),
            // the author's title, whatever its length: a long one is cut
            // for the SEO title, never dropped (it is no longer in the text)
            (None, Some(t)) => t.clone(),
            // (not an aside wholly in brackets: « (découpé en deux
            // articles …) » before the text, nor a note on where the
            // article first appeared)
            _ => title_from_lead_within(
                lead.iter()
                    .find(|s| !bracketed(s) && !french::republication_note(s))
                    .or(lead.first())
                    .copied()
                    .unwrap_or(""),
                r.title_max_chars,
                r.title_whole_max_chars.unwrap_or(r.title_max_chars),
            ),
        };
        let title = crate::french::typography::apply(&title);
        let kp = &kw.keyphrase;
        // a word the text writes in lowercase somewhere is no name
        let common = |w: &str| {
            let lower = french::lowercase(w);
            lower != w
                && outline
                    .sentences
                    .iter()
                    .any(|s| french::words(&s.text).any(|x| x == lower))
        };
        let seo_title = seo_title_with(&title, kp, lex, r.seo_title_max_chars, &common);
        let description = description(
            &body,
            kp,
            lex,
            r.description_min_chars,
            r.description_max_chars,
        );
        let slug = slug(kp, &title, lex, r.slug_max_chars);
        Meta {
            title,
            seo_title,
            description,
            slug,
            keyphrase: kp.clone(),
            keywords: kw.secondary.clone(),
            date: opts.date.clone(),
            url: opts.url.clone(),
        }
    }
}

/// Is a sentence an aside wholly in brackets (« (mis à jour le 3 mars) »)?
fn bracketed(sentence: &str) -> bool {
    let t = sentence.trim();
    (t.starts_with('(') && t.ends_with(')') || t.starts_with('[') && t.ends_with(']'))
        && t[1..t.len() - 1].find([')', ']']).is_none()
}

/// Cut text at the last word boundary at or before `max` chars.
pub fn cut_words(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.trim().to_string();
    }
    let mut out = String::new();
    // ASCII spaces only: a no-break space keeps « : », « ? » with their word
    for w in text.split_ascii_whitespace() {
        let next = if out.is_empty() {
            w.to_string()
        } else {
            format!("{out} {w}")
        };
        if next.chars().count() > max {
            break;
        }
        out = next;
    }
    out.trim_end_matches([',', ';', ':', '–', '-'])
        .trim()
        .to_string()
}

/// The text without the emoji or bullets before its first word (an opening
/// quote or parenthesis stays): no part of a title or a description.
fn without_leading_symbols(text: &str) -> &str {
    text.trim_start_matches(|c: char| {
        !(c.is_alphanumeric() || matches!(c, '«' | '“' | '"' | '(' | '¿' | '¡'))
    })
}

/// The lead's main clause, within the title bound: the first sentence up to a
/// clause break (comma, colon, « afin de », « selon »…) when it is too long.
pub fn title_from_lead(lead: &str, max: usize) -> String {
    title_from_lead_within(lead, max, max)
}

/// [`title_from_lead`], the main clause kept whole up to `whole_max` chars.
pub fn title_from_lead_within(lead: &str, max: usize, whole_max: usize) -> String {
    let mut s = without_leading_symbols(lead)
        .trim()
        .trim_end_matches(['.', '!', '…'])
        .trim();
    // a subordinate clause first ("Bien que …, X fait Y"): the main clause follows
    const SUBORDINATE: &[&str] = &[
        "Bien qu",
        "Alors qu",
        "Lorsqu",
        "Quand ",
        "Si ",
        "Comme ",
        "Puisqu",
        "Même si ",
    ];
    if SUBORDINATE.iter().any(|p| s.starts_with(p)) {
        if let Some(i) = s.find(", ") {
            let main = s[i + 2..].trim();
            if main.split_whitespace().count() >= 4 {
                s = main;
            }
        }
    }
    let s_owned = french::capitalise_first(s);
    let s = s_owned.as_str();
    if s.chars().count() <= max.max(whole_max) {
        return s.to_string();
    }
    let breaks = [
        ", ",
        " : ",
        " ; ",
        " – ",
        " afin de ",
        " afin d’",
        " selon ",
        " car ",
        " alors que ",
        " tandis que ",
        " qui ",
        " dont ",
    ];
    let mut best: Option<usize> = None;
    for b in breaks {
        for (i, _) in s.match_indices(b) {
            let n = s[..i].chars().count();
            if (25..=max).contains(&n) && best.is_none_or(|x| i > x) {
                best = Some(i);
            }
        }
    }
    let mut t = match best {
        Some(i) => s[..i].to_string(),
        None => without_cut_name(s, &cut_words(s, max)),
    };
    // a number the cut parted from its noun (« … à partir du 2 » of « du 2
    // septembre »)
    let rest = s.strip_prefix(t.as_str()).unwrap_or("");
    if rest.starts_with(|c: char| c.is_whitespace())
        && rest.trim_start().starts_with(char::is_alphabetic)
        && t.rsplit(' ')
            .next()
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
    {
        if let Some(i) = t.rfind(' ') {
            t.truncate(i);
        }
    }
    // an amount the cut parted from its unit (« … un plan vélo de 48
    // millions » of « 48 millions d’euros »): the amount goes
    const MULTIPLIERS: &[&str] = &[
        "million",
        "millions",
        "milliard",
        "milliards",
        "mille",
        "millier",
        "milliers",
    ];
    let rest = s.strip_prefix(t.as_str()).unwrap_or("").trim_start();
    let mut parts = t.rsplitn(3, ' ');
    if let (Some(unit), Some(number), Some(head)) = (parts.next(), parts.next(), parts.next()) {
        if MULTIPLIERS.contains(&unit)
            && number.starts_with(|c: char| c.is_ascii_digit())
            && (rest.starts_with("d’") || rest.starts_with("d'") || rest.starts_with("de "))
        {
            t = head.to_string();
        }
    }
    drop_dangling(&balanced(&t))
}

/// A title whose parenthesis or quotation opens and does not close: an
/// opening mark at its start is dropped (« (Les débats … » of a lead that
/// opens on an aside), one further on ends the title before it when enough
/// is left, and is dropped otherwise.
fn balanced(title: &str) -> String {
    const PAIRS: &[(char, char)] = &[('(', ')'), ('«', '»'), ('“', '”'), ('[', ']')];
    let mut t = title.trim().to_string();
    for &(open, close) in PAIRS {
        let Some(i) = t.rfind(open) else {
            continue;
        };
        if t[i..].contains(close) {
            continue;
        }
        let before = t[..i].trim_end();
        if i == 0 {
            t = french::capitalise_first(t[open.len_utf8()..].trim_start());
        } else if before.chars().count() >= 25 {
            t = before
                .trim_end_matches([',', ';', ':', '–', '-'])
                .trim_end()
                .to_string();
        } else {
            t = format!("{before} {}", t[i + open.len_utf8()..].trim_start());
        }
    }
    t
}

/// A cut that ends inside a run of capitalised words (« … avec Nos » of
/// « avec Nos Gestes Climat », « … de Startup » of « de Startup d’État »)
/// loses the run: half a name is no title.
fn without_cut_name(whole: &str, cut: &str) -> String {
    let kept: Vec<&str> = cut.split_ascii_whitespace().collect();
    // (« … de Startup » of « de Startup d’État »: the name goes on after an
    // elided preposition)
    let next = whole
        .split_ascii_whitespace()
        .nth(kept.len())
        .and_then(|w| french::elision::strip(w).chars().next());
    let capital = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    if !next.is_some_and(char::is_uppercase) {
        return cut.to_string();
    }
    let run = kept.iter().skip(1).rev().take_while(|w| capital(w)).count();
    if run == 0 || kept.len() - run < 4 {
        return cut.to_string();
    }
    kept[..kept.len() - run].join(" ")
}

/// Remove trailing function words a cut may leave ("… de la").
fn drop_dangling(t: &str) -> String {
    const DANGLING: &[&str] = &[
        "de", "du", "des", "la", "le", "les", "l’", "d’", "et", "ou", "à", "au", "aux", "en", "un",
        "une", "pour", "par", "sur", "dans", "avec", "que", "qui", "ce", "cet", "cette", "ces",
        "son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos", "mon", "ma", "mes",
        "chaque", "très", "ne", "n’", "se", "s’", "qu’", "dont", "où", "mais", "car", "donc", "si",
        "comme", "l’un", "l’une", "l'un", "l'une", "ait", "aient", "soit", "soient", "est", "sont",
        "était", "étaient", "ont", "lors", "auprès", "grâce", "afin", "jusqu’", "parmi", "entre",
        "vers", "chez", "sans", "sous", "depuis", "pendant", "selon", "contre", "malgré",
    ];
    // a locution that needs its « de »: « à partir », « en raison »
    const LOCUTIONS: &[[&str; 2]] = &[
        ["à", "partir"],
        ["à", "cause"],
        ["à", "compter"],
        ["en", "raison"],
        ["au", "cours"],
        ["au", "sein"],
        ["à", "l’issue"],
    ];
    // a verb that announces what the cut took away: « la Commission va
    // proposer » ends on « la Commission »
    const MODALS: &[&str] = &[
        "va",
        "vont",
        "peut",
        "peuvent",
        "doit",
        "doivent",
        "veut",
        "veulent",
        "devrait",
        "devraient",
        "pourrait",
        "pourraient",
        "souhaite",
        "souhaitent",
        "entend",
        "entendent",
        "compte",
        "comptent",
        "vient",
        "viennent",
    ];
    let is = |w: &&str, list: &[&str]| list.contains(&w.to_lowercase().as_str());
    let mut words: Vec<&str> = t.split_ascii_whitespace().collect();
    loop {
        let n = words.len();
        if n > 3
            && words
                .last()
                .is_some_and(|w| is(w, DANGLING) || is(w, MODALS))
        {
            words.pop();
        } else if n > 4
            && (LOCUTIONS.iter().any(|[a, b]| {
                words[n - 2].eq_ignore_ascii_case(a) && words[n - 1].eq_ignore_ascii_case(b)
            }) || words.get(n - 2).is_some_and(|w| is(w, MODALS))
                && words.last().is_some_and(|w| {
                    let w = w.to_lowercase();
                    w.ends_with("er") || w.ends_with("ir") || w.ends_with("re")
                }))
        {
            words.truncate(n - 2);
        } else if let Some(k) = cut_compound_verb(&words) {
            words.truncate(k);
        } else {
            break;
        }
    }
    words
        .join(" ")
        .trim_end_matches([',', ';', ':'])
        .to_string()
}

/// Where a compound past whose object the cut took away starts, when the
/// words end on one (« … Valbourg a présenté mardi », « … ont annoncé »):
/// an auxiliary, a participle, and maybe a day.
fn cut_compound_verb(words: &[&str]) -> Option<usize> {
    const AUXILIARIES: &[&str] = &["a", "ont", "avait", "avaient", "aura", "auront"];
    const DAYS: &[&str] = &[
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier",
    ];
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let mut end = lower.len();
    if lower.last().is_some_and(|w| DAYS.contains(&w.as_str())) {
        end -= 1;
    }
    let participle = lower.get(end.checked_sub(1)?)?;
    let aux = lower.get(end.checked_sub(2)?)?;
    let is_participle = [
        "é", "és", "ée", "ées", "i", "is", "it", "u", "us", "ert", "erts",
    ]
    .iter()
    .any(|e| participle.ends_with(e));
    (AUXILIARIES.contains(&aux.as_str()) && is_participle && end - 2 >= 3).then(|| end - 2)
}

/// Does a title open on a verb in the imperative before its object's
/// determiner (« Prenez votre shaker », « Choisissez le bon outil »)? No
/// name ends in -ez before « votre » or « le ».
fn imperative_before_determiner(title: &str) -> bool {
    let mut words = title.split_whitespace();
    let first = french::lowercase(words.next().unwrap_or(""));
    let next = french::lowercase(words.next().unwrap_or(""));
    (first.ends_with("ez") || first.ends_with("ons"))
        && first.chars().count() > 4
        && (matches!(
            next.as_ref(),
            "le" | "la"
                | "les"
                | "un"
                | "une"
                | "des"
                | "du"
                | "votre"
                | "vos"
                | "notre"
                | "nos"
                | "ce"
                | "cet"
                | "cette"
                | "ces"
        ) || next.starts_with("l’")
            || next.starts_with("l'"))
}

/// SEO title: the keyphrase first, then the title, within the bound.
pub fn seo_title(title: &str, kp: &str, lex: &Lexicon, max: usize) -> String {
    seo_title_with(title, kp, lex, max, &|_| false)
}

/// [`seo_title`], where `common` tells a word the text also writes in
/// lowercase (a common word, not a name): one that opens the title after
/// the keyphrase's colon goes to lowercase too, as French typography wants
/// after a colon (« Spam : j’hébergeais … », « Campagne : organiser … »;
/// « Algorithmes : Etalab accompagne … » keeps its name's capital).
pub fn seo_title_with(
    title: &str,
    kp: &str,
    lex: &Lexicon,
    max: usize,
    common: &dyn Fn(&str) -> bool,
) -> String {
    let t = if kp.is_empty() || starts_with_kp(title, kp) {
        title.to_string()
    } else {
        // a title with a colon of its own keeps one side of it, not two
        // colons: the side after it, unless that is too short to stand alone
        let title = match title.split_once([':']) {
            Some((before, after)) => {
                let after = after.trim();
                if after.split_whitespace().count() >= 3 {
                    after
                } else {
                    before.trim_end_matches([' ', '\u{a0}', '\u{202f}'])
                }
            }
            None => title,
        };
        // a title that ends on the keyphrase (« Le côté légal de l’Open
        // Source ») names it once, before the colon
        let title = without_kp_tail(title, kp, lex).unwrap_or(title);
        // after the colon, a determiner or pronoun goes back to lowercase
        let first = title.split_whitespace().next().unwrap_or("");
        let bare = crate::french::elision::strip(first);
        // (an acronym or a camel-cased name keeps its capitals)
        let capitals = first.chars().filter(|c| c.is_uppercase()).count();
        let word = first.trim_end_matches(|c: char| !c.is_alphanumeric());
        let rest = if lex.is_function_word(first)
            || lex.is_function_word(bare)
            || capitals == 1
                && first.starts_with(char::is_uppercase)
                && (bare.len() < first.len()
                    || lex.is_infinitive(&french::lowercase(word))
                    || common(word)
                    || imperative_before_determiner(title))
        {
            french::lowercase_first(title)
        } else {
            title.to_string()
        };
        format!("{} : {}", french::capitalise_first(kp), rest)
    };
    let t = crate::french::typography::apply(&t);
    if t.chars().count() <= max {
        return t;
    }
    let cut = drop_dangling(&cut_words(&t, max));
    if keywords::mentions(&cut, kp, lex) || kp.is_empty() {
        cut
    } else {
        cut_words(&french::capitalise_first(kp), max)
    }
}

/// `title` without its last words when they are a preposition and the
/// keyphrase (« … de l’Open Source », « … du vélo »), after a noun or an
/// adjective that can end the title (not « faire de l’open source »), with
/// three words at least left.
fn without_kp_tail<'a>(title: &'a str, kp: &str, lex: &Lexicon) -> Option<&'a str> {
    let norm = |s: &str| s.to_lowercase().replace('\'', "’");
    let t = norm(title);
    let k = norm(kp);
    let t = t.trim_end_matches(|c: char| c.is_whitespace() || c == '.');
    let lead = t.strip_suffix(k.as_str())?;
    let lead = ["de l’", "de la ", "du ", "des ", "de ", "d’"]
        .iter()
        .find_map(|p| lead.strip_suffix(p))?
        .trim_end();
    let words: Vec<&str> = lead.split_whitespace().collect();
    let last = *words.last()?;
    if words.len() < 3
        || lex.is_function_word(last)
        || lex.is_infinitive(last)
        || !last.chars().all(char::is_alphabetic)
    {
        return None;
    }
    // the title as written, up to the end of its n-th word (lowercasing
    // may change byte lengths, not the words)
    let mut count = 0;
    let mut in_word = false;
    for (i, c) in title.char_indices() {
        if c.is_whitespace() {
            if in_word {
                count += 1;
                if count == words.len() {
                    return Some(&title[..i]);
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    None
}

fn starts_with_kp(title: &str, kp: &str) -> bool {
    let t = title.to_lowercase().replace('\'', "’");
    let k = kp.to_lowercase().replace('\'', "’");
    // the keyphrase as a whole word (« Les projets … » does not start with
    // « projet »: the SEO analyses match the exact form)
    ["", "les ", "le ", "la ", "l’", "l'", "des ", "un ", "une "]
        .iter()
        .any(|d| {
            t.strip_prefix(&format!("{d}{k}"))
                .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
        })
}

/// Meta description: from the first sentence holding the keyphrase (the
/// first sentence when none does), with the sentences after it, within the
/// bounds, ending on a whole word. A cut whose keyphrase would touch the
/// ellipsis ends on « […] », the French mark of a cut quotation: « usagers… »
/// is no word to a search engine's reader.
pub fn description(body: &[&str], kp: &str, lex: &Lexicon, min: usize, max: usize) -> String {
    // the bounds hold in UTF-16 code units, as Yoast counts a string's
    // length: an emoji (« 👶 ») counts twice
    let mut budget = max;
    loop {
        let d = description_within(body, kp, lex, min, budget);
        let over = d.encode_utf16().count().saturating_sub(max);
        if over == 0 || budget <= min {
            return d;
        }
        budget = budget.saturating_sub(over).max(min);
    }
}

/// [`description`], its bounds counted in characters.
fn description_within(body: &[&str], kp: &str, lex: &Lexicon, min: usize, max: usize) -> String {
    // the first sentence that names the keyphrase early enough for the
    // description to keep it, with text enough from there to fill it; else
    // the first that names it at all
    // (every word of the keyphrase: Yoast's description check wants them
    // all, where a subheading needs only most of them)
    let early = |i: usize| {
        keywords::occurrences_in(
            &[&cut_words(
                without_leading_symbols(body[i]),
                max.saturating_sub(4),
            )],
            kp,
            lex,
        ) > 0
            && body[i..]
                .iter()
                .map(|s| s.chars().count() + 1)
                .sum::<usize>()
                > min
    };
    let start = if kp.is_empty() {
        0
    } else {
        (0..body.len())
            .find(|&i| early(i))
            .or_else(|| {
                body.iter()
                    .position(|s| keywords::occurrences_in(&[s], kp, lex) > 0)
            })
            .unwrap_or(0)
    };
    let mut text = String::new();
    for (k, s) in body.iter().skip(start).enumerate() {
        let s = if k == 0 {
            without_leading_symbols(s)
        } else {
            s
        };
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(s.trim());
        if text.chars().count() >= min {
            break;
        }
    }
    let text = crate::french::typography::apply(&text);
    if text.chars().count() <= max {
        return text;
    }
    let cut = drop_dangling(&cut_words(&text, max.saturating_sub(1)));
    // the keyphrase comes after the cut: the clauses between the sentence's
    // first one and the one that names it are left out, the omission marked
    // (« Le 4 septembre, nous étions réunis […], pour décider des
    // orientations de l’association. »)
    if !kp.is_empty() && !keywords::mentions(&cut, kp, lex) {
        if let Some(elided) = elide_to_keyphrase(&text, kp, lex, min, max) {
            return elided;
        }
    }
    let head = cut.rsplit_once(' ').map_or("", |(h, _)| h);
    if !kp.is_empty() && keywords::mentions(&cut, kp, lex) && !keywords::mentions(head, kp, lex) {
        let cut = drop_dangling(&cut_words(&text, max.saturating_sub(4)));
        if keywords::mentions(&cut, kp, lex) {
            return format!("{cut} […]");
        }
    }
    format!("{cut}…")
}

/// The first clauses of `text` (up to a comma), « […] », then the clauses
/// from one that names the keyphrase to the end of its sentence: the longest
/// such text between `min` and `max` characters (the longer opening first
/// among equals), or `None`.
fn elide_to_keyphrase(
    text: &str,
    kp: &str,
    lex: &Lexicon,
    min: usize,
    max: usize,
) -> Option<String> {
    // where each clause after a comma starts (the comma at `start - 2`)
    let starts: Vec<usize> = text.match_indices(", ").map(|(i, _)| i + 2).collect();
    // the end of the first sentence from `from` that holds the keyphrase
    let kp_end = |from: usize| {
        let rest = &text[from..];
        for (i, c) in rest.char_indices() {
            if matches!(c, '.' | '!' | '?' | '…') {
                let end = i + c.len_utf8();
                if keywords::mentions(&rest[..end], kp, lex) {
                    return Some(from + end);
                }
            }
        }
        keywords::mentions(rest, kp, lex).then_some(text.len())
    };
    let mut best: Option<(usize, usize, String)> = None;
    for (h, &head_end) in starts.iter().enumerate() {
        let head = &text[..head_end - 2];
        if head.contains(['.', '!', '?']) {
            break;
        }
        for &tail_start in &starts[h + 1..] {
            let Some(end) = kp_end(tail_start) else {
                continue;
            };
            let out = format!("{head} […] {}", text[tail_start..end].trim());
            let n = out.chars().count();
            let key = (n, head.len());
            if n <= max && n >= min && best.as_ref().is_none_or(|b| (b.0, b.1) < key) {
                best = Some((n, head.len(), out));
            }
        }
    }
    best.map(|b| b.2)
}

/// ASCII slug: the keyphrase words first, then the title's, without stopwords.
pub fn slug(kp: &str, title: &str, lex: &Lexicon, max: usize) -> String {
    let mut parts: Vec<String> = Vec::new();
    for w in french::words(kp).chain(french::words(title)) {
        let bare = french::elision::strip(w);
        if lex.is_stopword(bare) && !bare.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let a = deunicode::deunicode(bare).to_lowercase();
        let a: String = a
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        for p in a.split('-').filter(|p| !p.is_empty()) {
            if !parts.iter().any(|x| x == p) {
                parts.push(p.to_string());
            }
        }
    }
    let mut out = String::new();
    for p in parts {
        let next = if out.is_empty() {
            p.clone()
        } else {
            format!("{out}-{p}")
        };
        if next.len() > max {
            break;
        }
        out = next;
    }
    if out.is_empty() {
        "article".into()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn cutting_a_title_keeps_no_break_spaces_before_punctuation() {
        let t = "Usines d’IA\u{a0}: la Commission européenne va proposer une stratégie";
        let cut = cut_words(t, 40);
        assert!(cut.contains("IA\u{a0}:"), "{cut:?}");
        assert!(!cut.contains(" :"), "{cut:?}");
    }

    use super::*;

    fn lex() -> Lexicon {
        Lexicon::load(&Source::embedded()).unwrap()
    }

    #[test]
    fn slug_is_ascii_without_stopwords() {
        let s = slug(
            "usines d’IA",
            "La Commission veut des usines d’IA en Europe",
            &lex(),
            60,
        );
        assert_eq!(s, "usines-ia-commission-veut-europe");
        assert!(s.len() <= 60 && s.is_ascii());
    }

    #[test]
    fn description_within_bounds_ends_on_a_word() {
        let lead = ["La métropole de Valbourg a présenté mardi un plan vélo de grande ampleur pour tripler la part du vélo dans les déplacements quotidiens, selon le document adopté en conseil."];
        let d = description(&lead, "plan vélo", &lex(), 121, 156);
        let n = d.chars().count();
        assert!((121..=156).contains(&n), "{n}: {d}");
        assert!(d.contains("plan vélo"));
        assert!(d.ends_with('…') || d.ends_with('.'));
    }

    #[test]
    fn a_description_counts_an_emoji_as_yoast_does() {
        // « 👶 » is one character but two UTF-16 code units: Yoast finds a
        // description of 156 characters with it too long (names of every
        // length move the cut across the bound)
        for name in [
            "Al",
            "Léa",
            "Lina",
            "Chloé",
            "Maëlle",
            "Camille",
            "Baptiste",
            "Théodora",
            "Gwendoline",
            "Marie-Claire",
            "Anne-Charlotte",
        ] {
            let lead = format!("Je suis un heureux papa depuis le début de l’année, comblé par l’arrivée de ma petite fille {name} 👶. Comme tout nouveau papa un peu anxieux, je lis tout ce qui se publie sur les bébés.");
            let d = description(&[lead.as_str()], "papa", &lex(), 121, 156);
            let units = d.encode_utf16().count();
            assert!((121..=156).contains(&units), "{units}: {d}");
            assert!(d.contains("papa"));
        }
    }

    #[test]
    fn a_title_opens_and_closes_its_parentheses_and_quotes() {
        let t = title_from_lead("(Les débats autour de la stratégie ont buté sur plusieurs problèmes, mais ceux-ci restent confidentiels.) Bien que cela semble dépassé, la question revient.", 70);
        assert_eq!(
            t,
            "Les débats autour de la stratégie ont buté sur plusieurs problèmes"
        );
        let t = title_from_lead("Le conseil municipal a adopté le plan « Rouler ensemble dans toute la ville et ses quartiers » lundi soir.", 70);
        assert_eq!(t, "Le conseil municipal a adopté le plan");
        // an amount is not parted from its unit
        let t = title_from_lead("La métropole de Valbourg a présenté mardi un plan vélo de 48 millions d’euros pour tripler la part du vélo.", 70);
        assert_eq!(t, "La métropole de Valbourg a présenté mardi un plan vélo");
        let t = title_from_lead("La mairie lance le plan vélo (six ans).", 70);
        assert_eq!(t, "La mairie lance le plan vélo (six ans)");
    }

    #[test]
    fn an_aside_in_brackets_is_no_title() {
        assert!(bracketed("(découpé en deux articles, la suite plus tard)"));
        assert!(bracketed("[Mis à jour le 3 mars]"));
        assert!(!bracketed("(Re)découvrir la ville à vélo."));
        assert!(!bracketed("(A) et (B) sont deux options."));
    }

    #[test]
    fn title_takes_the_main_clause() {
        let t = title_from_lead("Bien que la ville ait hésité longtemps, la mairie lance enfin son plan vélo pour les cinq prochaines années dans tous les quartiers.", 70);
        assert!(t.starts_with("La mairie lance enfin son plan vélo"), "{t}");
        assert!(t.chars().count() <= 70);
    }

    #[test]
    fn a_cut_seo_title_does_not_end_on_a_verb_that_lost_its_object() {
        let t = seo_title(
            "La Commission européenne va proposer une stratégie d’innovation",
            "usines d’IA",
            &lex(),
            52,
        );
        assert_eq!(t, "Usines d’IA\u{a0}: la Commission européenne");
    }

    #[test]
    fn a_cut_seo_title_does_not_end_on_a_compound_past_that_lost_its_object() {
        let t = seo_title(
            "La métropole de Valbourg a présenté mardi un plan vélo de 48 millions",
            "plan vélo",
            &lex(),
            55,
        );
        assert_eq!(t, "Plan vélo\u{a0}: la métropole de Valbourg");
        // a whole title is left as it is
        let t = seo("Le plan vélo a été présenté", "plan vélo");
        assert_eq!(t, "Le plan vélo a été présenté");
    }

    #[test]
    fn a_keyphrase_named_late_in_the_only_sentence_stays_in_the_description() {
        // the keyphrase comes past the length bound: clauses are left out
        // before it, the omission marked
        let body = ["Le 12 mars, les bénévoles se sont retrouvés dans la salle des fêtes de Valbourg, avec quelques membres à distance, pour choisir les projets de la ressourcerie."];
        let d = description(&body, "ressourcerie", &lex(), 121, 156);
        assert!(d.contains("ressourcerie"), "{d}");
        assert!(
            d.starts_with("Le 12 mars, les bénévoles se sont retrouvés"),
            "{d}"
        );
        assert!(d.contains(" […] "), "{d}");
        assert!((121..=156).contains(&d.chars().count()), "{d}");
        assert!(d.ends_with("de la ressourcerie."), "{d}");
    }

    #[test]
    fn a_title_cut_from_the_lead_ends_on_no_half_name_nor_dangling_word() {
        let t = title_from_lead("📢 Nos objectifs : que chaque lecteur ait découvert des idées avec Les Amis du Vélo Vert, et que l’association lui ait donné envie d’agir.", 70);
        assert_eq!(
            t,
            "Nos objectifs : que chaque lecteur ait découvert des idées"
        );
        let t = title_from_lead("Le 3 mars dernier, nous avons connu deux pannes indépendantes l’une de l’autre sur le réseau de chaleur.", 70);
        assert_eq!(
            t,
            "Le 3 mars dernier, nous avons connu deux pannes indépendantes"
        );
        // a name that goes on after an elided preposition
        let t = title_from_lead("Un précédent article de cette série sur les agents de la Startup d’État présentait leurs missions et leurs outils.", 70);
        assert_eq!(t, "Un précédent article de cette série sur les agents");
    }

    #[test]
    fn a_lead_sentence_within_the_whole_bound_is_the_title_whole() {
        let lead = "Vos revenus actuels décideront-ils de vos aides sociales dans deux ans ?";
        assert_eq!(title_from_lead_within(lead, 70, 90), lead);
        // cut within the shorter bound, the question loses its end
        assert_ne!(title_from_lead_within(lead, 70, 70), lead);
        let long = "Le conseil municipal a adopté lundi soir le plan de circulation qui réserve les quais aux vélos et aux piétons.";
        assert!(title_from_lead_within(long, 70, 90).chars().count() <= 70);
    }

    #[test]
    fn a_title_cut_from_the_lead_ends_on_no_number_parted_from_its_noun() {
        let t = title_from_lead(
            "La ligne de tramway 4 de Valbourg change de tracé à partir du 2 septembre prochain.",
            70,
        );
        assert_eq!(t, "La ligne de tramway 4 de Valbourg change de tracé");
    }

    #[test]
    fn a_keyphrase_at_the_end_of_a_cut_description_stays_a_word() {
        let body = ["Un an après l’ouverture du guichet numérique de la mairie en janvier 2023, les agents ont traité plus de 12 000 demandes déposées par des usagers particulièrement pressés."];
        let d = description(&body, "usagers", &lex(), 121, 156);
        assert!(d.ends_with("usagers […]"), "{d}");
        assert!(d.chars().count() <= 156, "{d}");
    }

    #[test]
    fn a_description_starts_at_the_first_sentence_with_the_keyphrase() {
        let body = [
            "Le conseil s’est réuni lundi soir.",
            "Les élus ont adopté le plan vélo à une large majorité.",
            "Il prévoit quarante kilomètres de pistes nouvelles d’ici à 2030 dans toute la ville.",
            "Le maire s’est félicité du vote.",
        ];
        let d = description(&body, "plan vélo", &lex(), 121, 156);
        assert!(d.starts_with("Les élus ont adopté le plan vélo"), "{d}");
        assert!(d.contains("Il prévoit quarante"), "{d}");
    }

    #[test]
    fn a_description_starts_at_a_sentence_with_every_word_of_the_keyphrase() {
        // the first sentence holds two of the three words: Yoast wants them all
        let body = [
            "Le paysage politique appuie de plus en plus l’adoption des logiciels libres dans les communes.",
            "Certaines lois prévoient directement l’utilisation des logiciels libres, d’autres la laissent aux élus.",
            "Les communes ont publié leurs propres directives ces dernières années, souvent après un appel public.",
        ];
        let d = description(&body, "utilisation des logiciels libres", &lex(), 121, 156);
        assert!(d.starts_with("Certaines lois prévoient"), "{d}");
    }

    #[test]
    fn a_description_starts_where_the_keyphrase_fits_in_it() {
        // the lead names the keyphrase past the description's bound: the
        // description starts at the next sentence that names it in time
        let body = [
            "Nos objectifs pour l’année : que chaque habitant ait appris des choses avec le comité du quartier, et que le comité lui ait donné envie de s’engager et d’agir pour réduire son empreinte carbone.",
            "Le comité a tenu douze réunions publiques depuis le printemps.",
            "L’empreinte carbone moyenne d’un habitant du quartier reste de neuf tonnes par an, selon le bilan présenté en juin.",
            "Le comité veut la réduire d’un tiers en cinq ans.",
        ];
        let d = description(&body, "empreinte carbone", &lex(), 121, 156);
        assert!(d.starts_with("L’empreinte carbone moyenne"), "{d}");
        // with no sentence naming it in time, the first that names it
        let d = description(&body[..2], "empreinte carbone", &lex(), 121, 156);
        assert!(d.starts_with("Nos objectifs"), "{d}");
    }

    #[test]
    fn a_seo_title_keeps_one_colon() {
        let t = seo(
            "Transports : la ville double ses pistes en deux ans",
            "pistes cyclables",
        );
        assert_eq!(
            t,
            "Pistes cyclables\u{a0}: la ville double ses pistes en deux ans"
        );
    }

    /// The SEO title of `title` for `kp`, within 60 characters.
    fn seo(title: &str, kp: &str) -> String {
        seo_title(title, kp, &lex(), 60)
    }

    #[test]
    fn seo_title_starts_with_the_keyphrase_in_its_exact_form() {
        // « Les projets … » holds the plural, not the keyphrase « projet »
        let t = seo(
            "Les projets libres en croissance peuvent bénéficier de règles",
            "projet",
        );
        assert!(t.starts_with("Projet\u{a0}: les projets libres"), "{t}");
    }

    #[test]
    fn seo_title_names_a_final_keyphrase_once() {
        let t = seo("Le côté légal de l’Open Source", "open source");
        assert_eq!(t, "Open source\u{a0}: le côté légal");
        // not after a verb: « faire » cannot end the title
        let t = seo("Être payé pour faire de l’Open Source", "open source");
        assert!(t.ends_with("faire de l’Open Source"), "{t}");
        // the keyphrase written with either apostrophe starts the title
        let t = seo(
            "Le Conseil d’Administration se réunit",
            "Conseil d'Administration",
        );
        assert_eq!(t, "Le Conseil d’Administration se réunit");
    }

    #[test]
    fn after_the_keyphrase_colon_a_common_word_goes_to_lowercase() {
        let common = |w: &str| w == "Comment";
        let seo = |t: &str| seo_title_with(t, "plan vélo", &lex(), 60, &common);
        // an elided word, an infinitive, a word the text writes in lowercase
        assert_eq!(
            seo("J’ai testé les pistes"),
            "Plan vélo\u{a0}: j’ai testé les pistes"
        );
        assert_eq!(
            seo("Trouver une piste sûre"),
            "Plan vélo\u{a0}: trouver une piste sûre"
        );
        assert_eq!(
            seo("Comment la ville roule"),
            "Plan vélo\u{a0}: comment la ville roule"
        );
        // an imperative before its object's determiner
        assert_eq!(
            seo("Prenez votre vélo"),
            "Plan vélo\u{a0}: prenez votre vélo"
        );
        assert_eq!(
            seo("Lopez roule à vélo"),
            "Plan vélo\u{a0}: Lopez roule à vélo"
        );
        // a name, an acronym, an elided name keep their capitals
        assert_eq!(
            seo("Valbourg roule à vélo"),
            "Plan vélo\u{a0}: Valbourg roule à vélo"
        );
        assert_eq!(seo("SNCF et vélo"), "Plan vélo\u{a0}: SNCF et vélo");
        assert_eq!(
            seo("L’OCDE salue la ville"),
            "Plan vélo\u{a0}: L’OCDE salue la ville"
        );
    }

    #[test]
    fn seo_title_puts_the_keyphrase_first() {
        let t = seo("La mairie lance son plan vélo", "pistes cyclables");
        assert!(t.starts_with("Pistes cyclables\u{a0}: la mairie"), "{t}");
    }
}
