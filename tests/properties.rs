//! Properties of `rewrite` on generated French-like news text with page junk
//! spliced in: no panic (an article or a typed error for every input),
//! determinism, preservation of every sentence, no invented number or
//! capitalised word, and stability when rubrique's own Markdown is rewritten.
mod common;

use common::{norm, numbers, read_md};
use proptest::prelude::*;
use rubrique::model::{HeadingOrigin, SectionKind};
use rubrique::rules::{Source, EMBEDDED};
use rubrique::{Article, Engine, Options};
use std::collections::HashSet;
use std::sync::OnceLock;

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::new(&Source::embedded()).unwrap())
}

const FIRST: &[&str] = &["Claire", "Julien", "Sophie", "Karim", "Élodie", "Thomas"];
const LAST: &[&str] = &[
    "Morel", "Garnier", "Lambert", "Benali", "Fournier", "Rousseau",
];
const TITLE: &[&str] = &["M.", "Mme", "Me", "Dr"];
const PLACE: &[&str] = &[
    "Nantes",
    "Lille",
    "Grenoble",
    "Bordeaux",
    "Saint-Étienne",
    "Aix-en-Provence",
];
const SUBJECT: &[&str] = &[
    "Le maire de {place}",
    "La présidente de la région",
    "{person}",
    "Le syndicat des transports",
    "L’association des parents d’élèves",
    "La préfecture de {place}",
];
const VERB: &[&str] = &[
    "a annoncé",
    "a présenté",
    "veut lancer",
    "prévoit",
    "a défendu",
    "a critiqué",
];
const OBJECT: &[&str] = &[
    "un plan de {n} millions d’euros pour les écoles",
    "la rénovation du pont de {place}",
    "une hausse de {n},{d} % des tarifs",
    "le projet de tramway",
    "la fermeture de {n} classes",
    "un nouveau centre de santé",
];
const WHEN: &[&str] = &[
    "lundi",
    "ce matin",
    "en {year}",
    "le {day} {month}",
    "avant l’été",
];
const MONTH: &[&str] = &["janvier", "mars", "juin", "septembre", "novembre"];
const QUOTE: &[&str] = &[
    "Nous allons continuer le travail",
    "C’est une bonne nouvelle pour le quartier",
    "Il faut agir vite",
];
const GROUP: &[&str] = &["habitants", "commerçants", "élèves", "usagers"];
const VERB_PL: &[&str] = &["soutiennent", "réclament", "attendent"];
const OBJECT2: &[&str] = &[
    "le projet",
    "des horaires plus larges",
    "une baisse des prix",
];
const SENTENCE: &[&str] = &[
    "{Subject} {verb} {object} {when}.",
    "{When}, {subject} {verb} {object}.",
    "« {quote} », a déclaré {person}.",
    "Selon {person}, {n} % des {group} {verb_pl} {object2}.",
    "Le dossier n° {n} sera examiné par {person} le {day} {month} {year}.",
    "Pourquoi les {group} {verb_pl}-ils {object2} ?",
    "{Subject} {verb} {object} : « {quote} » !",
];
const HEADING: &[&str] = &[
    "Un budget en hausse",
    "Des travaux attendus",
    "Le calendrier des chantiers",
    "Les réactions des habitants",
];
const JUNK: &[&str] = &[
    "!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};}(window, document,'script','https://connect.facebook.net/en_US/fbevents.js'); fbq('init', '4815162342'); fbq('track', 'PageView');",
    "Lire aussi : Les vélos en libre-service gagnent du terrain",
    "Partager sur Facebook Partager sur Twitter",
    "Source link -12",
    "Nous utilisons des cookies pour améliorer votre expérience de navigation.",
];

/// Fill a template with entries picked by `seed`.
fn fill(template: &str, seed: &[u16]) -> String {
    let mut k = 0;
    let mut next = || {
        k += 1;
        seed[k % seed.len()] as usize
    };
    let mut out = template.to_string();
    // nested placeholders first
    for _ in 0..3 {
        for (key, list) in [
            ("{Subject}", SUBJECT),
            ("{subject}", SUBJECT),
            ("{object}", OBJECT),
            ("{When}", WHEN),
            ("{when}", WHEN),
        ] {
            if let Some(i) = out.find(key) {
                let mut v = list[next() % list.len()].to_string();
                if key.as_bytes()[1].is_ascii_lowercase() {
                    v = lower_first(&v);
                } else {
                    v = upper_first(&v);
                }
                out.replace_range(i..i + key.len(), &v);
            }
        }
    }
    while let Some(i) = out.find('{') {
        let j = i + out[i..].find('}').unwrap();
        let v = match &out[i + 1..j] {
            "person" => {
                if next() % 2 == 0 {
                    format!("{} {}", TITLE[next() % 4], LAST[next() % LAST.len()])
                } else {
                    format!(
                        "{} {}",
                        FIRST[next() % FIRST.len()],
                        LAST[next() % LAST.len()]
                    )
                }
            }
            "place" => PLACE[next() % PLACE.len()].to_string(),
            "verb" => VERB[next() % VERB.len()].to_string(),
            "n" => (2 + next() % 998).to_string(),
            "d" => (1 + next() % 9).to_string(),
            "year" => (2019 + next() % 12).to_string(),
            "day" => (1 + next() % 28).to_string(),
            "month" => MONTH[next() % MONTH.len()].to_string(),
            "quote" => QUOTE[next() % QUOTE.len()].to_string(),
            "group" => GROUP[next() % GROUP.len()].to_string(),
            "verb_pl" => VERB_PL[next() % VERB_PL.len()].to_string(),
            "object2" => OBJECT2[next() % OBJECT2.len()].to_string(),
            other => panic!("unknown placeholder {other}"),
        };
        out.replace_range(i..=j, &v);
    }
    out
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn lower_first(s: &str) -> String {
    // names stay capitalised
    if PLACE
        .iter()
        .chain(FIRST)
        .chain(TITLE)
        .any(|p| s.starts_with(p))
        || s.starts_with('{')
    {
        return s.to_string();
    }
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_lowercase().chain(c).collect())
        .unwrap_or_default()
}

#[derive(Debug, Clone)]
enum Piece {
    Sentence(String),
    Heading(String),
    Junk(String),
}

fn piece() -> impl Strategy<Value = Piece> {
    (0..100u8, prop::array::uniform8(any::<u16>())).prop_map(|(kind, seed)| match kind {
        0..=79 => Piece::Sentence(fill(SENTENCE[seed[0] as usize % SENTENCE.len()], &seed)),
        80..=87 => Piece::Heading(HEADING[seed[0] as usize % HEADING.len()].to_string()),
        _ => Piece::Junk(JUNK[seed[0] as usize % JUNK.len()].to_string()),
    })
}

/// A generated text: its pieces and the text with separators.
fn text() -> impl Strategy<Value = (Vec<Piece>, String)> {
    (
        prop::collection::vec(piece(), 3..30),
        prop::collection::vec(0..10u8, 30),
    )
        .prop_filter("at least three sentences", |(p, _)| {
            p.iter().filter(|p| matches!(p, Piece::Sentence(_))).count() >= 3
        })
        .prop_map(|(pieces, seps)| {
            let mut s = String::new();
            for (i, p) in pieces.iter().enumerate() {
                if i > 0 {
                    s.push_str(match seps[i % seps.len()] {
                        0..=5 => " ",
                        6..=7 => "\n",
                        _ => "\n\n",
                    });
                }
                s.push_str(match p {
                    Piece::Sentence(t) | Piece::Heading(t) | Piece::Junk(t) => t,
                });
            }
            (pieces, s)
        })
}

fn rewrite(input: &str) -> rubrique::Result<Article> {
    engine().rewrite(input.as_bytes(), &Options::default())
}

/// The source sections in document order: their source headings and paragraphs.
fn source_text(a: &Article) -> String {
    let mut out = String::new();
    for s in &a.sections {
        if !matches!(s.kind, SectionKind::Source) {
            continue;
        }
        if let Some(h) = &s.heading {
            if matches!(h.origin, HeadingOrigin::Source { .. }) {
                out.push_str(&h.text);
                out.push('\n');
            }
        }
        for b in &s.blocks {
            if let rubrique::model::Block::Paragraph { sentences } = b {
                out.push_str(&a.paragraph_text(sentences));
                out.push('\n');
            }
        }
    }
    out
}

/// Lowercase words of the rule and lexicon files (what templates may add).
fn data_words() -> &'static HashSet<String> {
    static W: OnceLock<HashSet<String>> = OnceLock::new();
    W.get_or_init(|| {
        EMBEDDED
            .iter()
            .flat_map(|(_, t)| words(t))
            .map(|w| w.to_lowercase())
            .collect()
    })
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 64,
        failure_persistence: None,
        // the same cases on every run, so that CI is reproducible
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x7275_6272),
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn an_article_or_a_typed_error((_, input) in text()) {
        match rewrite(&input) {
            Ok(a) => {
                prop_assert!(!rubrique::render::markdown(&a).is_empty());
                prop_assert!(!rubrique::render::html(&a).is_empty());
                prop_assert!(serde_json::from_str::<serde_json::Value>(&rubrique::render::json(&a)).is_ok());
            }
            Err(e) => prop_assert!(matches!(e.exit_code(), 3), "{e}"),
        }
    }

    #[test]
    fn arbitrary_text_gives_an_article_or_a_typed_error(
        input in "[a-zA-Zéèàçô0-9 .,;:!?«»’'()\\[\\]\n\u{A0}#*_<>/-]{0,400}"
    ) {
        if let Err(e) = rewrite(&input) {
            prop_assert!(matches!(e.exit_code(), 3), "{e}");
        }
    }

    #[test]
    fn same_input_same_bytes((_, input) in text()) {
        let Ok(a) = rewrite(&input) else { return Ok(()) };
        let b = rewrite(&input).unwrap();
        prop_assert_eq!(rubrique::render::markdown(&a), rubrique::render::markdown(&b));
        // a second engine (fresh hash seeds) and another thread
        let other = std::thread::spawn({
            let input = input.clone();
            move || {
                let e = Engine::new(&Source::embedded()).unwrap();
                let c = e.rewrite(input.as_bytes(), &Options::default()).unwrap();
                (rubrique::render::json(&c), rubrique::render::html(&c))
            }
        }).join().unwrap();
        prop_assert_eq!(rubrique::render::json(&a), other.0);
        prop_assert_eq!(rubrique::render::html(&a), other.1);
    }

    #[test]
    fn every_sentence_is_kept((pieces, input) in text()) {
        let Ok(a) = rewrite(&input) else { return Ok(()) };
        let kept = norm(&source_text(&a));
        let md = rubrique::render::markdown(&a);
        let doc = read_md(&md);
        let mut body = String::new();
        for line in md.split("\n---\n").nth(1).unwrap_or("").lines() {
            body.push_str(line.trim_start_matches('#').trim_start());
            body.push('\n');
        }
        let body = norm(&body);
        for p in &pieces {
            if let Piece::Sentence(s) = p {
                prop_assert!(kept.contains(&norm(s)), "lost: {}\n---\n{}", s, kept);
                prop_assert!(body.contains(&norm(s)), "lost in Markdown: {}\n---\n{}", s, md);
            }
        }
        prop_assert!(doc.title.is_some());
    }

    #[test]
    fn no_section_of_the_source_passes_the_word_bound((_, input) in text()) {
        // rules/sections.yaml: max_words 280; only a section of one sentence
        // may hold more
        let Ok(a) = rewrite(&input) else { return Ok(()) };
        for s in a.sections.iter().filter(|s| matches!(s.kind, SectionKind::Source)) {
            let sentences: Vec<usize> = s
                .blocks
                .iter()
                .flat_map(|b| match b {
                    rubrique::model::Block::Paragraph { sentences } => sentences.clone(),
                    _ => Vec::new(),
                })
                .collect();
            let words: usize = sentences
                .iter()
                .map(|&i| rubrique::french::word_count(&a.paragraph_text(&[i])))
                .sum();
            prop_assert!(words <= 280 || sentences.len() == 1, "{} words in {:?}", words, s.heading);
        }
    }

    #[test]
    fn nothing_invented((_, input) in text()) {
        let Ok(a) = rewrite(&input) else { return Ok(()) };
        let in_numbers: HashSet<String> = numbers(&input).into_iter().collect();
        let in_words: HashSet<String> = words(&input).iter().map(|w| w.to_lowercase()).collect();
        for out in [rubrique::render::markdown(&a), rubrique::render::html(&a)] {
            let text = if out.starts_with("---") { out.clone() } else { strip_tags(&out) };
            for n in numbers(&text) {
                prop_assert!(in_numbers.contains(&n) || HTML_NUMBERS.contains(&n.as_str()),
                    "number {} not in the input\n{}", n, out);
            }
            for w in words(&text) {
                if w.chars().next().is_some_and(char::is_uppercase) {
                    let l = w.to_lowercase();
                    prop_assert!(in_words.contains(&l) || data_words().contains(&l),
                        "word {} neither in the input nor in the rules\n{}", w, out);
                }
            }
        }
    }

    #[test]
    fn rewriting_its_own_markdown_is_stable((_, input) in text()) {
        let Ok(a) = rewrite(&input) else { return Ok(()) };
        let md1 = rubrique::render::markdown(&a);
        let b = rewrite(&md1);
        prop_assert!(b.is_ok(), "own output refused: {:?}\n{}", b.err(), md1);
        let b = b.unwrap();
        let md2 = rubrique::render::markdown(&b);
        let (d1, d2) = (read_md(&md1), read_md(&md2));
        let h2: Vec<String> = d2.headings.iter().map(|(_, h)| norm(h)).collect();
        for (_, h) in &d1.headings {
            prop_assert!(h2.contains(&norm(h)), "heading lost: {}\n{}\n---\n{}", h, md1, md2);
        }
        prop_assert_eq!(norm(d1.title.as_deref().unwrap_or("")), norm(d2.title.as_deref().unwrap_or("")));
        // front matter stays front matter
        prop_assert!(!d2.body.contains("seo_title"), "{}", md2);
        // no second copy of an expansion section
        for intro in expansion_intros() {
            prop_assert!(md2.matches(intro.as_str()).count() <= 1, "two `{}`\n{}", intro, md2);
        }
        // no heading more often than before (the source may repeat one)
        let count = |d: &common::Md, h: &str| d.headings.iter().filter(|(_, x)| norm(x) == norm(h)).count();
        for (_, h) in &d2.headings {
            prop_assert!(count(&d2, h) <= count(&d1, h).max(1), "heading twice: {}\n{}\n---\n{}", h, md1, md2);
        }
    }
}

/// Numbers the HTML page writes itself (doctype, charset, scale).
const HTML_NUMBERS: &[&str] = &["5", "8", "1", "2", "3", "4", "6"];

fn strip_tags(html: &str) -> String {
    let body = html.split("<body>").nth(1).unwrap_or(html);
    let mut out = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

fn expansion_intros() -> Vec<String> {
    let text = EMBEDDED
        .iter()
        .find(|(n, _)| *n == "rules/expansions.yaml")
        .unwrap()
        .1;
    let v: serde_yaml::Value = serde_yaml::from_str(text).unwrap();
    v["templates"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter_map(|t| {
            t["intro"]
                .as_str()
                .map(|s| s.trim_end_matches(':').trim().to_string())
        })
        .collect()
}

#[test]
fn own_markdown_is_a_fixed_point() {
    // front matter, list items, escapes and generated sections read back as
    // the article they came from: a second run writes the same bytes
    let example = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/article-brut.txt"),
    )
    .unwrap();
    let gold = common::gold("velo");
    for input in [example, gold.flat(), gold.lines()] {
        let md1 = rubrique::render::markdown(&rewrite(&input).unwrap());
        let md2 = rubrique::render::markdown(&rewrite(&md1).unwrap());
        assert_eq!(md1, md2);
    }
}

#[test]
fn a_line_holding_a_sentence_and_a_heading_is_not_a_title() {
    // found by `every_sentence_is_kept`: the first line was taken whole as the
    // title, and its sentence lost from the body
    let input = "M. Morel a annoncé un plan de 65 millions d’euros pour les écoles lundi. \
Un budget en hausse\n« C’est une bonne nouvelle pour le quartier », a déclaré Élodie Benali. \
« C’est une bonne nouvelle pour le quartier », a déclaré Julien Fournier.";
    let a = rewrite(input).unwrap();
    let kept = norm(&source_text(&a));
    assert!(
        kept.contains(&norm(
            "M. Morel a annoncé un plan de 65 millions d’euros pour les écoles lundi."
        )),
        "{kept}"
    );
}
