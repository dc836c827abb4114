//! Stage 12: the article as Markdown with YAML front matter, a standalone HTML
//! page, or JSON with provenance.
mod html;
mod json;
mod markdown;

pub use html::{html, report_html};
pub use json::json;
pub use markdown::markdown;

use crate::french::typography;
use crate::model::Article;

/// Text of a block's paragraph (source sentences joined), with French typography.
pub(crate) fn paragraph(article: &Article, ids: &[usize]) -> String {
    typography::apply(&article.paragraph_text(ids))
}

/// An enumerating source sentence as (lead, items, tail), typography applied.
pub(crate) fn enumeration(
    article: &Article,
    sentence: usize,
    items: &[usize],
    tail: Option<usize>,
) -> (String, Vec<String>, String) {
    let text = article
        .sentences
        .get(sentence)
        .map(|s| s.text.as_str())
        .unwrap_or("");
    let (lead, parts, rest) = crate::model::enumeration_parts(text, items, tail);
    (
        typography::apply(lead),
        parts.into_iter().map(typography::apply).collect(),
        typography::apply(rest),
    )
}

/// Split `**bold**` spans of generated text: (text, bold?) pieces.
pub(crate) fn spans(text: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let mut bold = false;
    for (i, piece) in text.split("**").enumerate() {
        if i > 0 {
            bold = !bold;
        }
        if !piece.is_empty() {
            out.push((piece, bold));
        }
    }
    out
}
