//! The article as it flows between stages and out to the renderers.
use serde::Serialize;

/// One sentence of the source, kept word for word.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Sentence {
    /// Position in the source order (0-based); every block refers to sentences by it.
    pub id: usize,
    /// The text as it appears in the cleaned input.
    pub text: String,
    /// Written against the previous sentence with no space ("chacun.Nous"):
    /// rendered the same way, so that nothing of the source changes.
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub glued: bool,
}

impl Sentence {
    /// Sentences numbered in order, none glued (for tests).
    #[cfg(test)]
    pub(crate) fn numbered(texts: &[&str]) -> Vec<Sentence> {
        texts
            .iter()
            .enumerate()
            .map(|(id, t)| Sentence {
                id,
                text: t.to_string(),
                glued: false,
            })
            .collect()
    }
}

/// Where a heading comes from.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "origin", rename_all = "kebab-case")]
pub enum HeadingOrigin {
    /// Written by the author: on a line of its own, a Markdown `#`, or recovered
    /// from where it was inlined into the prose.
    Source { how: String },
    /// Generated from a template and terms found in the section.
    Generated {
        template: String,
        terms: Vec<String>,
    },
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Heading {
    pub text: String,
    /// 2 for `##`, 3 for `###`.
    pub level: u8,
    #[serde(flatten)]
    pub origin: HeadingOrigin,
}

/// A generated line of text with its provenance.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Generated {
    pub text: String,
    pub template: String,
    /// The facts (strings found in the text) the template was filled with.
    pub facts: Vec<String>,
    /// Source sentences the facts were taken from.
    pub sources: Vec<usize>,
}

/// A block of body content.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Block {
    /// A paragraph of source sentences, by id, in order.
    Paragraph { sentences: Vec<usize> },
    /// A generated paragraph.
    Text { text: Generated },
    /// A bulleted list of generated items.
    List { items: Vec<Generated> },
    /// One long source sentence that enumerates (« … : a ; b ; c »), shown as
    /// its lead, a bulleted list of its items and what follows them, every
    /// character in place and in order. `items` are the byte offsets in the
    /// sentence text where the items start; `tail`, where the text after the
    /// list starts when the sentence goes on after it.
    Enumeration {
        sentence: usize,
        items: Vec<usize>,
        tail: Option<usize>,
    },
}

impl Block {
    /// The source sentences this block shows, in order.
    pub fn source_sentences(&self) -> &[usize] {
        match self {
            Block::Paragraph { sentences } => sentences,
            Block::Enumeration { sentence, .. } => std::slice::from_ref(sentence),
            Block::Text { .. } | Block::List { .. } => &[],
        }
    }
}

/// The parts of an enumerating sentence: its lead, its items and its tail
/// (empty when the list ends the sentence), trimmed.
pub fn enumeration_parts<'a>(
    text: &'a str,
    items: &[usize],
    tail: Option<usize>,
) -> (&'a str, Vec<&'a str>, &'a str) {
    let valid = |i: usize| i <= text.len() && text.is_char_boundary(i);
    if items.is_empty() || !items.iter().all(|&i| valid(i)) || tail.is_some_and(|t| !valid(t)) {
        return (text.trim(), Vec::new(), "");
    }
    let end = tail.unwrap_or(text.len());
    let lead = text[..items[0]].trim();
    let mut parts = Vec::new();
    for (k, &start) in items.iter().enumerate() {
        let stop = items.get(k + 1).copied().unwrap_or(end);
        if stop >= start {
            parts.push(text[start..stop].trim());
        }
    }
    let rest = tail.map(|t| text[t..].trim()).unwrap_or("");
    (lead, parts, rest)
}

/// What kind of section this is.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum SectionKind {
    /// Holds source sentences.
    Source,
    /// Built by the expand stage from a template in `rules/expansions.yaml`.
    Expansion { template: String },
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Section {
    /// `None` only for the introduction (text before the first subheading).
    pub heading: Option<Heading>,
    #[serde(flatten)]
    pub kind: SectionKind,
    pub blocks: Vec<Block>,
    /// Headings an expansion template offers (with the keyphrase first); the
    /// headings stage picks one.
    #[serde(skip)]
    pub heading_options: Vec<String>,
    /// A piece of an author's section that was too long for one heading: its
    /// generated heading is a `###` under the author's `##`.
    #[serde(skip)]
    pub subsection: bool,
}

/// One removal made by the clean stage.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Removal {
    /// The id of the rule in `rules/junk.yaml` (or a built-in detector).
    pub rule: String,
    /// The removed text, as it was.
    pub text: String,
    /// Byte offset of the removed text in the decoded input.
    pub offset: usize,
}

/// Title, description and the other page metadata.
#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct Meta {
    pub title: String,
    pub seo_title: String,
    pub description: String,
    pub slug: String,
    pub keyphrase: String,
    pub keywords: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The detected language of the cleaned input.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Language {
    pub code: String,
    pub confidence: f64,
}

/// The finished article.
#[derive(Debug, Clone, Serialize)]
pub struct Article {
    pub meta: Meta,
    pub language: Language,
    pub sentences: Vec<Sentence>,
    pub sections: Vec<Section>,
    pub removals: Vec<Removal>,
    pub warnings: Vec<String>,
    /// SEO and readability assessments of the result (the same as `rubrique check`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report: Option<crate::report::Report>,
}

impl Article {
    /// The text of a paragraph of source sentences.
    pub fn paragraph_text(&self, ids: &[usize]) -> String {
        let mut out = String::new();
        for id in ids {
            if let Some(s) = self.sentences.get(*id) {
                if !out.is_empty() && !s.glued {
                    out.push(' ');
                }
                out.push_str(&s.text);
            }
        }
        out
    }
}
