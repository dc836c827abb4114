//! Markdown with YAML front matter that static-site generators read.
use super::{paragraph, spans};
use crate::model::{Article, Block};

/// A YAML double-quoted scalar (JSON string syntax, which YAML 1.2 reads back
/// to the same string, whatever it holds).
fn yaml_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// Escape what Markdown or an HTML-aware renderer would take as markup in text
/// that comes from the input.
pub(crate) fn escape(text: &str) -> String {
    escape_in(text, Emphasis::of(text))
}

/// [`escape`] for a piece of a longer text, whose emphasis is read on the
/// whole (an opener in one piece can pair with a closer in another).
fn escape_in(text: &str, emphasis: Emphasis) -> String {
    let mut out = escape_inline_in(text, emphasis);
    // a line that would start a heading, list, quote or rule
    let t = out.trim_start();
    if t.starts_with(['#', '-', '+', '=', '~'])
        || t.split_once(". ")
            .is_some_and(|(n, _)| n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty())
    {
        out.insert(out.len() - t.len(), '\\');
    }
    out
}

/// Escape the inline markup in text from the input; what a line starts with
/// is left, as in a heading, whose text no list or rule can start.
fn escape_inline(text: &str) -> String {
    escape_inline_in(text, Emphasis::of(text))
}

/// Which of `*` and `_` could pair into emphasis in a text (CommonMark's
/// delimiter runs: an opener before a closer of the same character). One
/// that cannot is written as it is: « _Lila* » stays « _Lila* », as any
/// renderer shows it, and as a reader of the Markdown expects.
#[derive(Clone, Copy)]
struct Emphasis {
    star: bool,
    underscore: bool,
}

impl Emphasis {
    fn of(text: &str) -> Emphasis {
        Emphasis {
            star: pairs(text, '*'),
            underscore: pairs(text, '_'),
        }
    }
}

/// Does an opening `d` come before a closing one (CommonMark's left- and
/// right-flanking rules; the ends of the text count as white space)?
fn pairs(text: &str, d: char) -> bool {
    if !text.contains(d) {
        return false;
    }
    let punct = |c: char| c.is_ascii_punctuation() || !(c.is_alphanumeric() || c.is_whitespace());
    let mut open = false;
    let mut prev = ' ';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == d {
            let next = chars.peek().copied().unwrap_or(' ');
            let left =
                !next.is_whitespace() && (!punct(next) || prev.is_whitespace() || punct(prev));
            let right =
                !prev.is_whitespace() && (!punct(prev) || next.is_whitespace() || punct(next));
            let (opens, closes) = if d == '_' {
                (
                    left && (!right || punct(prev)),
                    right && (!left || punct(next)),
                )
            } else {
                (left, right)
            };
            if closes && open {
                return true;
            }
            open |= opens;
        }
        prev = c;
    }
    false
}

fn escape_inline_in(text: &str, emphasis: Emphasis) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // only what could open a tag or a comment is markup
            '<' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')) =>
            {
                out.push_str("&lt;")
            }
            '*' if !emphasis.star => out.push(c),
            '_' if !emphasis.underscore => out.push(c),
            '*' | '_' | '`' | '[' | ']' | '\\' | '|' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    if out.contains("{{") || out.contains("{%") {
        out = out.replace('{', "&#123;").replace('}', "&#125;");
    }
    out
}

/// A heading's text on one line: a line break inside it would end the heading
/// and write the rest as body text (a `---` line there reads as front matter).
/// No-break spaces (before « : », « ? », inside « ») stay.
/// Its text is not escaped as a line start: « ## 2. Les travaux » is a
/// heading, not a list; only a final run of `#`, which would read as the
/// heading's closing sequence, is.
fn heading(text: &str) -> String {
    let mut out = escape_inline(&text.split_ascii_whitespace().collect::<Vec<_>>().join(" "));
    let body = out.trim_end_matches('#');
    if body.len() < out.len() && (body.is_empty() || body.ends_with(' ')) {
        out.insert(body.len(), '\\');
    }
    out
}

fn generated(text: &str) -> String {
    let emphasis = Emphasis::of(text);
    spans(text)
        .into_iter()
        .map(|(t, bold)| {
            if bold {
                format!("**{}**", escape_in(t, emphasis))
            } else {
                escape_in(t, emphasis)
            }
        })
        .collect()
}

pub fn markdown(a: &Article) -> String {
    let m = &a.meta;
    let mut out = String::from("---\n");
    out.push_str(&format!("title: {}\n", yaml_str(&m.title)));
    out.push_str(&format!("seo_title: {}\n", yaml_str(&m.seo_title)));
    out.push_str(&format!("description: {}\n", yaml_str(&m.description)));
    out.push_str(&format!("slug: {}\n", yaml_str(&m.slug)));
    out.push_str(&format!("keyphrase: {}\n", yaml_str(&m.keyphrase)));
    out.push_str("keywords:");
    if m.keywords.is_empty() {
        out.push_str(" []\n");
    } else {
        out.push('\n');
        for k in &m.keywords {
            out.push_str(&format!("  - {}\n", yaml_str(k)));
        }
    }
    out.push_str("lang: fr\n");
    if let Some(d) = &m.date {
        out.push_str(&format!("date: {}\n", yaml_str(d)));
    }
    if let Some(u) = &m.url {
        out.push_str(&format!("canonical: {}\n", yaml_str(u)));
    }
    out.push_str("---\n\n");
    out.push_str(&format!("# {}\n", heading(&m.title)));
    for s in &a.sections {
        if let Some(h) = &s.heading {
            out.push_str(&format!(
                "\n{} {}\n",
                "#".repeat(h.level as usize),
                heading(&h.text)
            ));
        }
        for b in &s.blocks {
            match b {
                Block::Paragraph { sentences } => {
                    out.push_str(&format!("\n{}\n", escape(&paragraph(a, sentences))));
                }
                Block::Text { text } => out.push_str(&format!("\n{}\n", generated(&text.text))),
                Block::List { items } => {
                    out.push('\n');
                    for it in items {
                        out.push_str(&format!("- {}\n", generated(&it.text)));
                    }
                }
                Block::Enumeration {
                    sentence,
                    items,
                    tail,
                } => {
                    let (lead, parts, rest) = super::enumeration(a, *sentence, items, *tail);
                    if !lead.is_empty() {
                        out.push_str(&format!("\n{}\n", escape(&lead)));
                    }
                    out.push('\n');
                    for p in &parts {
                        out.push_str(&format!("- {}\n", escape(p)));
                    }
                    if !rest.is_empty() {
                        out.push_str(&format!("\n{}\n", escape(&rest)));
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::heading;

    #[test]
    fn a_heading_keeps_its_no_break_spaces_and_loses_its_line_breaks() {
        assert_eq!(
            heading("Climat\u{a0}: les dates\nclés"),
            "Climat\u{a0}: les dates clés"
        );
        assert_eq!(heading("Et vous\u{202f}?"), "Et vous\u{202f}?");
    }

    #[test]
    fn a_numbered_heading_is_not_escaped_as_a_list() {
        assert_eq!(heading("2. Les travaux"), "2. Les travaux");
        assert_eq!(heading("- Les travaux"), "- Les travaux");
        assert_eq!(heading("Le classement #"), "Le classement \\#");
        assert_eq!(heading("Le *plan*"), "Le \\*plan\\*");
        assert_eq!(super::escape("2. Les travaux"), "\\2. Les travaux");
    }

    #[test]
    fn only_markers_that_could_pair_are_escaped() {
        use super::escape;
        // no opener before a closer: written as they are
        assert_eq!(
            escape("appel à _Lila*, puis _Lila* encore"),
            "appel à _Lila*, puis _Lila* encore"
        );
        assert_eq!(
            escape("le fichier mon_projet_v2.txt"),
            "le fichier mon_projet_v2.txt"
        );
        assert_eq!(escape("3 * 4 = 12"), "3 * 4 = 12");
        // a pair would read as emphasis
        assert_eq!(escape("un _mot_ ici"), "un \\_mot\\_ ici");
        assert_eq!(escape("un *mot* et 2*3"), "un \\*mot\\* et 2\\*3");
    }
}
