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
