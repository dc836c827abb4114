//! Markup in the input, in `--title` and in `--keyphrase` never comes out
//! active: the HTML page escapes it (the JSON-LD block escapes `<` and `/`),
//! the Markdown front matter stays valid YAML that reads back to the same
//! strings, and the Markdown body holds no raw tag or template syntax.
mod common;

const ARTICLE: &str = "La commune de Villeneuve a inauguré samedi sa nouvelle médiathèque, \
installée dans l’ancienne gare du centre-ville. Le bâtiment accueille désormais \
une salle de lecture, un espace pour les enfants et un atelier numérique ouvert \
à tous les habitants. Les travaux ont duré deux ans et ont coûté 4 millions \
d’euros, financés en partie par la région. La maire a rappelé que la ville \
attendait ce lieu depuis longtemps. Les bibliothécaires proposeront des ateliers \
d’écriture chaque mercredi et des lectures pour les plus petits le samedi matin. \
Les horaires d’ouverture seront élargis le soir pendant les périodes d’examens.";

/// The markup a hostile page could slip into a scrape.
const PAYLOADS: &[&str] = &[
    "<script>alert('x')</script>",
    "</script><script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<a href=\"javascript:alert(1)\">cliquez ici</a>",
    "[cliquez ici](javascript:alert(1))",
    "{{ config.secret }}",
    "{% include 'secret.html' %}",
    "<!-- commentaire --><iframe src=\"https://exemple.invalid\"></iframe>",
];

fn run(input: &str, args: &[&str]) -> (String, String, i32) {
    common::rewrite(input, args)
}

/// The article with every payload spliced in between its sentences, and one
/// payload inside a sentence.
fn hostile() -> String {
    let mut out = String::new();
    for (i, s) in ARTICLE.split(". ").enumerate() {
        out.push_str(s);
        out.push_str(". ");
        if let Some(p) = PAYLOADS.get(i) {
            out.push_str(p);
            out.push(' ');
        }
    }
    out.push_str(
        "Le public pourra aussi consulter <b onmouseover=alert(1)>les archives</b> de la commune.",
    );
    out
}

/// Everything between `<script type="application/ld+json">` and its `</script>`.
fn json_ld(html: &str) -> &str {
    let open = "<script type=\"application/ld+json\">";
    let start = html.find(open).expect("a JSON-LD block") + open.len();
    let end = start + html[start..].find("</script>").expect("JSON-LD closed");
    &html[start..end]
}

fn assert_inert_html(html: &str) {
    let lower = html.to_lowercase();
    // exactly one script element: the JSON-LD one
    assert_eq!(lower.matches("<script").count(), 1, "{html}");
    assert_eq!(lower.matches("</script").count(), 1, "{html}");
    for tag in ["<img", "<iframe", "<a ", "<b ", "<!--"] {
        assert!(!lower.contains(tag), "raw {tag} in the page:\n{html}");
    }
    assert!(!lower.contains("href=\"javascript"), "{html}");
    // the JSON-LD block cannot close itself or open a comment
    let ld = json_ld(html);
    assert!(!ld.contains('<') && !ld.contains("</"), "{ld}");
    let value: serde_json::Value =
        serde_json::from_str(ld).expect("the JSON-LD block is valid JSON");
    assert_eq!(value["@type"], "NewsArticle");
}

fn assert_inert_markdown(md: &str) {
    let body = md
        .strip_prefix("---\n")
        .and_then(|r| r.split_once("\n---\n"))
        .map(|(_, b)| b)
        .expect("front matter");
    let lower = body.to_lowercase();
    for tag in [
        "<script", "</script", "<img", "<iframe", "<a ", "<b ", "<!--",
    ] {
        assert!(!lower.contains(tag), "raw {tag} in the body:\n{body}");
    }
    assert!(!body.contains("{{") && !body.contains("{%"), "{body}");
    // a link needs an unescaped `](`
    assert!(
        body.match_indices("](")
            .all(|(i, _)| body[..i].ends_with('\\')),
        "a live link:\n{body}"
    );
    // no line of the body closes or reopens front matter
    assert!(body.lines().all(|l| l.trim() != "---"), "{body}");
}

/// The front matter, parsed, must hold the same strings as the article's meta
/// (read from the JSON output of the same run).
fn assert_front_matter_round_trips(input: &str, args: &[&str]) {
    let (md, err, code) = run(input, args);
    assert_eq!(code, 0, "{err}");
    let (json, err, code) = run(input, &[args, &["--format", "json"]].concat());
    assert_eq!(code, 0, "{err}");
    let meta = &serde_json::from_str::<serde_json::Value>(&json).unwrap()["meta"];
    let front = md
        .strip_prefix("---\n")
        .and_then(|r| r.split_once("\n---\n"))
        .map(|(f, _)| f)
        .expect("front matter");
    let yaml: serde_yaml::Value = serde_yaml::from_str(front).expect("front matter is YAML");
    for key in ["title", "seo_title", "description", "slug", "keyphrase"] {
        assert_eq!(
            yaml[key].as_str(),
            meta[key].as_str(),
            "front matter `{key}` reads back differently:\n{front}"
        );
    }
    let keywords: Vec<&str> = yaml["keywords"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap())
        .collect();
    let expected: Vec<&str> = meta["keywords"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap())
        .collect();
    assert_eq!(keywords, expected);
    assert_eq!(yaml["lang"].as_str(), Some("fr"));
    assert_inert_markdown(&md);
}

#[test]
fn markup_in_the_input_is_inert_in_html() {
    let (html, err, code) = run(&hostile(), &["--format", "html"]);
    assert_eq!(code, 0, "{err}");
    assert_inert_html(&html);
    // the article itself is still there
    assert!(html.contains("médiathèque"));
}

#[test]
fn markup_in_the_input_is_inert_in_markdown() {
    let (md, err, code) = run(&hostile(), &[]);
    assert_eq!(code, 0, "{err}");
    assert_inert_markdown(&md);
    assert_front_matter_round_trips(&hostile(), &[]);
}

#[test]
fn markup_in_the_input_stays_text_in_json() {
    let (json, err, code) = run(&hostile(), &["--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert!(v["sentences"].as_array().is_some_and(|s| !s.is_empty()));
}

const BREAKERS: &[&str] = &[
    "</script><script>alert(1)</script>",
    "Titre: avec deux-points: partout",
    "---\ntitle: piégé\n---",
    "\"guillemets\" et 'apostrophes' et \\ barre",
    "ligne un\nligne deux\r\nligne trois",
    "- un tiret: au début",
    "# dièse, [crochets], {accolades}, & esperluette, * étoile",
    "{{ titre }} {% if vrai %}",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "null",
    "~",
    "yes",
    "123",
    "@arobase `accent grave` | barre %",
];

#[test]
fn hostile_titles_and_keyphrases_round_trip_through_front_matter() {
    for b in BREAKERS {
        // `--flag=value`: a value may start with a dash
        assert_front_matter_round_trips(ARTICLE, &[&format!("--title={b}")]);
        assert_front_matter_round_trips(ARTICLE, &[&format!("--keyphrase={b}")]);
    }
}

#[test]
fn hostile_titles_and_keyphrases_are_inert_in_html() {
    for b in BREAKERS {
        for flag in ["--title", "--keyphrase"] {
            let arg = format!("{flag}={b}");
            let (html, err, code) = run(ARTICLE, &[&arg, "--format", "html"]);
            assert_eq!(code, 0, "{flag} {b:?}: {err}");
            assert_inert_html(&html);
        }
    }
}

#[test]
fn hostile_url_is_escaped_in_html() {
    let url = "https://exemple.fr/\"><script>alert(1)</script>";
    let (html, err, code) = run(ARTICLE, &["--url", url, "--format", "html"]);
    assert_eq!(code, 0, "{err}");
    assert_inert_html(&html);
    assert_front_matter_round_trips(ARTICLE, &["--url", url]);
}
