//! A standalone HTML5 page: title, meta description, canonical, Open Graph,
//! JSON-LD `NewsArticle`; every piece of text escaped.
use super::{paragraph, spans};
use crate::model::{Article, Block};

/// Escape text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// JSON for a `<script>` element: `<`, `>`, `&` and `/` escaped so that no
/// `</script>` or `<!--` can close or open anything.
pub fn script_json(v: &serde_json::Value) -> String {
    let s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('/', "\\/")
}

fn generated(text: &str) -> String {
    spans(text)
        .into_iter()
        .map(|(t, bold)| {
            if bold {
                format!("<strong>{}</strong>", escape(t))
            } else {
                escape(t)
            }
        })
        .collect()
}

pub fn html(a: &Article) -> String {
    let m = &a.meta;
    let mut ld = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": m.seo_title,
        "name": m.title,
        "description": m.description,
        "inLanguage": "fr",
        "keywords": std::iter::once(m.keyphrase.clone()).chain(m.keywords.iter().cloned()).collect::<Vec<_>>().join(", "),
    });
    if let Some(d) = &m.date {
        ld["datePublished"] = serde_json::Value::String(d.clone());
    }
    if let Some(u) = &m.url {
        ld["mainEntityOfPage"] = serde_json::Value::String(u.clone());
        ld["url"] = serde_json::Value::String(u.clone());
    }
    let mut out =
        String::from("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!("<title>{}</title>\n", escape(&m.seo_title)));
    out.push_str(&format!(
        "<meta name=\"description\" content=\"{}\">\n",
        escape(&m.description)
    ));
    if !m.keywords.is_empty() {
        out.push_str(&format!(
            "<meta name=\"keywords\" content=\"{}\">\n",
            escape(&m.keywords.join(", "))
        ));
    }
    if let Some(u) = &m.url {
        out.push_str(&format!(
            "<link rel=\"canonical\" href=\"{}\">\n",
            escape(u)
        ));
        out.push_str(&format!(
            "<meta property=\"og:url\" content=\"{}\">\n",
            escape(u)
        ));
    }
    out.push_str("<meta property=\"og:type\" content=\"article\">\n<meta property=\"og:locale\" content=\"fr_FR\">\n");
    out.push_str(&format!(
        "<meta property=\"og:title\" content=\"{}\">\n",
        escape(&m.seo_title)
    ));
    out.push_str(&format!(
        "<meta property=\"og:description\" content=\"{}\">\n",
        escape(&m.description)
    ));
    if let Some(d) = &m.date {
        out.push_str(&format!(
            "<meta property=\"article:published_time\" content=\"{}\">\n",
            escape(d)
        ));
    }
    out.push_str(&format!(
        "<script type=\"application/ld+json\">\n{}\n</script>\n",
        script_json(&ld)
    ));
    out.push_str("</head>\n<body>\n<article>\n");
    out.push_str(&format!("<h1>{}</h1>\n", escape(&m.title)));
    for s in &a.sections {
        if let Some(h) = &s.heading {
            let l = h.level.clamp(2, 6);
            out.push_str(&format!("<h{l}>{}</h{l}>\n", escape(&h.text)));
        }
        for b in &s.blocks {
            match b {
                Block::Paragraph { sentences } => {
                    out.push_str(&format!("<p>{}</p>\n", escape(&paragraph(a, sentences))))
                }
                Block::Text { text } => {
                    out.push_str(&format!("<p>{}</p>\n", generated(&text.text)))
                }
                Block::List { items } => {
                    out.push_str("<ul>\n");
                    for it in items {
                        out.push_str(&format!("<li>{}</li>\n", generated(&it.text)));
                    }
                    out.push_str("</ul>\n");
                }
                Block::Enumeration {
                    sentence,
                    items,
                    tail,
                } => {
                    let (lead, parts, rest) = super::enumeration(a, *sentence, items, *tail);
                    if !lead.is_empty() {
                        out.push_str(&format!("<p>{}</p>\n", escape(&lead)));
                    }
                    out.push_str("<ul>\n");
                    for p in &parts {
                        out.push_str(&format!("<li>{}</li>\n", escape(p)));
                    }
                    out.push_str("</ul>\n");
                    if !rest.is_empty() {
                        out.push_str(&format!("<p>{}</p>\n", escape(&rest)));
                    }
                }
            }
        }
    }
    out.push_str("</article>\n</body>\n</html>\n");
    out
}

/// A standalone HTML page with the SEO and readability report of an article:
/// one row per assessment (value, threshold, verdict, what to change).
pub fn report_html(a: &Article) -> String {
    let mut out =
        String::from("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(&format!(
        "<title>Rapport SEO et lisibilité — {}</title>\n",
        escape(&a.meta.title)
    ));
    out.push_str("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}.good{background:#e6f4e6}.ok{background:#fff4d6}.bad{background:#fbe3e3}</style>\n");
    out.push_str("</head>\n<body>\n");
    out.push_str(&format!(
        "<h1>Rapport SEO et lisibilité</h1>\n<p>{}</p>\n",
        escape(&a.meta.title)
    ));
    let Some(r) = &a.report else {
        out.push_str("<p>Aucune évaluation.</p>\n</body>\n</html>\n");
        return out;
    };
    out.push_str(&format!(
        "<p>Expression clé : <strong>{}</strong> — {} mots, {} phrases{}</p>\n",
        escape(&r.keyphrase),
        r.words,
        r.sentences,
        r.flesch
            .map(|f| format!(", Flesch {f:.1}"))
            .unwrap_or_default()
    ));
    out.push_str("<table>\n<tr><th>évaluation</th><th>valeur</th><th>seuil</th><th>verdict</th><th>à faire</th></tr>\n");
    for x in &r.assessments {
        let level = x.level.as_str();
        out.push_str(&format!(
            "<tr class=\"{level}\"><td>{}</td><td>{} {}</td><td>{}</td><td>{level}</td><td>{}</td></tr>\n",
            escape(&x.id),
            (x.value * 10.0).round() / 10.0,
            escape(x.unit),
            escape(&x.threshold),
            escape(&x.message)
        ));
    }
    out.push_str("</table>\n</body>\n</html>\n");
    out
}
