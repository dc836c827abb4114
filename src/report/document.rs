//! The document the assessments read: page metadata and the body as a list of
//! blocks (headings, paragraphs, list items, quotations), each with the line it
//! starts on. Built from rubrique Markdown (YAML front matter), ordinary
//! Markdown, or an HTML page.
use crate::error::{Error, Result};
use crate::french::Lexicon;
use crate::model::Article;
use serde::{Deserialize, Serialize};

/// What a block of the body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A heading of this level (1–6).
    Heading(u8),
    Paragraph,
    /// A list item.
    Item,
    /// A quotation block (`>` or `<blockquote>`).
    Quote,
}

/// One block of text, markup removed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Block {
    pub kind: Kind,
    pub text: String,
    /// 1-based line of the source file where the block starts.
    pub line: usize,
}

/// An image of the body.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Image {
    pub alt: String,
    pub src: String,
    pub line: usize,
}

/// A link of the body.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    pub text: String,
    pub href: String,
    pub line: usize,
}

/// An article as the assessments see it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Document {
    /// The page title (front matter `title`, or the H1).
    pub title: String,
    /// The title search engines show (front matter `seo_title`, HTML `<title>`),
    /// the page title when there is none.
    pub seo_title: String,
    /// The meta description.
    pub description: String,
    pub slug: String,
    /// The focus keyphrase given by the document itself.
    pub keyphrase: String,
    /// Number of H1 headings in the whole document.
    pub h1_count: usize,
    /// Line of the second H1, if any (where to fix a duplicate H1).
    pub second_h1_line: Option<usize>,
    /// The body. A leading H1 (the page title) is not part of it, as a CMS
    /// renders it outside the content.
    pub blocks: Vec<Block>,
    pub images: Vec<Image>,
    pub links: Vec<Link>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Field {
    Text(String),
    Number(f64),
    Bool(bool),
    List(Vec<Field>),
    Other(serde::de::IgnoredAny),
}

impl Field {
    fn text(&self) -> Option<String> {
        let s = match self {
            Field::Text(s) => s.trim().to_string(),
            Field::Number(n) => n.to_string(),
            Field::Bool(b) => b.to_string(),
            Field::List(v) => v
                .iter()
                .filter_map(Field::text)
                .collect::<Vec<_>>()
                .join(","),
            Field::Other(_) => String::new(),
        };
        (!s.is_empty()).then_some(s)
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct FrontMatter {
    title: Option<Field>,
    seo_title: Option<Field>,
    #[serde(alias = "meta_title")]
    seo_title_alt: Option<Field>,
    description: Option<Field>,
    meta_description: Option<Field>,
    slug: Option<Field>,
    keyphrase: Option<Field>,
    focus_keyphrase: Option<Field>,
}

fn first(fields: &[&Option<Field>]) -> String {
    fields
        .iter()
        .find_map(|f| f.as_ref().and_then(Field::text))
        .unwrap_or_default()
}

impl Document {
    /// The document of a rewritten article, read back from its Markdown.
    pub fn from_article(article: &Article, _lexicon: &Lexicon) -> Document {
        let md = crate::render::markdown(article);
        let mut doc = Document::from_markdown(&md).unwrap_or_default();
        // the metadata as the pipeline wrote it (not as YAML read it back)
        let m = &article.meta;
        doc.title = m.title.clone();
        doc.seo_title = if m.seo_title.is_empty() {
            m.title.clone()
        } else {
            m.seo_title.clone()
        };
        doc.description = m.description.clone();
        doc.slug = m.slug.clone();
        doc.keyphrase = m.keyphrase.clone();
        doc
    }

    /// Markdown, with an optional YAML front matter (`title`, `seo_title`,
    /// `description`, `slug`, `keyphrase`). Fails only on invalid front matter.
    pub fn from_markdown(src: &str) -> Result<Document> {
        let src = src.strip_prefix('\u{feff}').unwrap_or(src);
        let (front, body, body_line) = split_front_matter(src);
        let mut doc = Document::default();
        if let Some(yaml) = front {
            // the front matter starts on the second line of the file
            if let Some(line) = crate::rules::yaml_too_deep(yaml) {
                return Err(crate::error::Refusal::FrontMatterTooDeep { line: line + 1 }.into());
            }
            let fm: FrontMatter = if yaml.trim().is_empty() {
                FrontMatter::default()
            } else {
                crate::rules::parse_yaml("front matter", yaml).map_err(|e| match e {
                    Error::Rules { line, message, .. } => Error::Usage(format!(
                        "invalid front matter (line {}): {message}",
                        line + 1
                    )),
                    other => other,
                })?
            };
            doc.title = first(&[&fm.title]);
            doc.seo_title = first(&[&fm.seo_title, &fm.seo_title_alt]);
            doc.description = first(&[&fm.meta_description, &fm.description]);
            doc.slug = first(&[&fm.slug]);
            doc.keyphrase = first(&[&fm.focus_keyphrase, &fm.keyphrase]);
        }
        parse_markdown_body(body, body_line, &mut doc);
        doc.finish();
        Ok(doc)
    }

    /// An HTML page or fragment: `<title>`, `<meta name="description">`, the
    /// canonical link's last path segment as slug, and h1–h6, p, li, blockquote
    /// of the body (script, style and the like ignored).
    pub fn from_html(src: &str) -> Document {
        let mut doc = Document::default();
        parse_html(src, &mut doc);
        doc.finish();
        doc
    }

    /// Take the leading H1 out of the body, count H1s, fill the title fallbacks.
    fn finish(&mut self) {
        let h1: Vec<usize> = self
            .blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| b.kind == Kind::Heading(1))
            .map(|(i, _)| i)
            .collect();
        self.h1_count = h1.len();
        self.second_h1_line = h1.get(1).map(|&i| self.blocks[i].line);
        if h1.first() == Some(&0) {
            let b = self.blocks.remove(0);
            if self.title.is_empty() {
                self.title = b.text;
            }
        }
        if self.seo_title.is_empty() {
            self.seo_title = self.title.clone();
        }
    }

    /// Total number of words of the body (headings included), counted the way
    /// the assessments count them.
    pub fn word_count(&self) -> usize {
        self.blocks
            .iter()
            .map(|b| super::text::words(&b.text).len())
            .sum()
    }
}

/// (front matter, body, 1-based line of the body's first line)
fn split_front_matter(src: &str) -> (Option<&str>, &str, usize) {
    let first_line_end = src.find('\n').unwrap_or(src.len());
    if src[..first_line_end].trim_end() != "---" {
        return (None, src, 1);
    }
    let mut pos = (first_line_end + 1).min(src.len());
    let mut line = 2;
    while pos < src.len() {
        let end = src[pos..].find('\n').map(|i| pos + i).unwrap_or(src.len());
        let l = src[pos..end].trim_end();
        if l == "---" || l == "..." {
            let body_start = (end + 1).min(src.len());
            return (
                Some(&src[first_line_end + 1..pos]),
                &src[body_start..],
                line + 1,
            );
        }
        pos = end + 1;
        line += 1;
    }
    (None, src, 1)
}

fn heading_level(line: &str) -> Option<(u8, &str)> {
    let t = line.trim_start();
    if line.len() - t.len() > 3 {
        return None;
    }
    let hashes = t.chars().take_while(|&c| c == '#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &t[hashes..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    let text = rest.trim().trim_end_matches('#').trim_end();
    Some((hashes as u8, text))
}

fn list_item(line: &str) -> Option<&str> {
    let t = line.trim_start();
    if line.len() - t.len() > 3 && !t.starts_with(['-', '*', '+']) {
        return None;
    }
    for m in ["- ", "* ", "+ "] {
        if let Some(r) = t.strip_prefix(m) {
            return Some(r);
        }
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let r = &t[digits..];
        if let Some(r) = r.strip_prefix(". ").or_else(|| r.strip_prefix(") ")) {
            return Some(r);
        }
    }
    None
}

fn is_rule(line: &str) -> bool {
    // three or more of one of `-`, `*`, `_`, spaces between them allowed
    let mut mark = None;
    let mut n = 0;
    for c in line.chars().filter(|c| !c.is_whitespace()) {
        match mark {
            None if matches!(c, '-' | '*' | '_') => mark = Some(c),
            Some(m) if m == c => {}
            _ => return false,
        }
        n += 1;
    }
    n >= 3
}

/// A setext heading underline: only `=` or only `-` (spaces aside); its level.
fn setext_level(t: &str) -> Option<u8> {
    let mut mark = None;
    for c in t.chars().filter(|c| !c.is_whitespace()) {
        match mark {
            None if matches!(c, '=' | '-') => mark = Some(c),
            Some(m) if m == c => {}
            _ => return None,
        }
    }
    mark.map(|m| if m == '=' { 1 } else { 2 })
}

struct Pending {
    kind: Kind,
    text: String,
    line: usize,
}

fn parse_markdown_body(body: &str, first_line: usize, doc: &mut Document) {
    let mut cur: Option<Pending> = None;
    let mut fence: Option<String> = None;
    let flush = |cur: &mut Option<Pending>, doc: &mut Document| {
        if let Some(p) = cur.take() {
            push_inline(doc, p.kind, &p.text, p.line);
        }
    };
    let lines: Vec<&str> = body.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let raw = lines[i];
        let line_no = first_line + i;
        i += 1;
        let t = raw.trim();
        if let Some(f) = &fence {
            if t.starts_with(f.as_str()) {
                fence = None;
            }
            continue;
        }
        if t.starts_with("```") || t.starts_with("~~~") {
            flush(&mut cur, doc);
            fence = Some(t[..3].to_string());
            continue;
        }
        if t.is_empty() {
            flush(&mut cur, doc);
            continue;
        }
        if t.starts_with("<!--") {
            flush(&mut cur, doc);
            // skip to the end of the comment
            let mut l = raw;
            while !l.contains("-->") && i < lines.len() {
                l = lines[i];
                i += 1;
            }
            continue;
        }
        // setext heading underline
        if let Some(p) = &cur {
            if p.kind == Kind::Paragraph && !t.is_empty() {
                if let Some(level) = setext_level(t) {
                    let p = cur.take().unwrap_or(Pending {
                        kind: Kind::Paragraph,
                        text: String::new(),
                        line: line_no,
                    });
                    push_inline(doc, Kind::Heading(level), &p.text, p.line);
                    continue;
                }
            }
        }
        if is_rule(t) {
            flush(&mut cur, doc);
            continue;
        }
        if let Some((level, text)) = heading_level(raw) {
            flush(&mut cur, doc);
            push_inline(doc, Kind::Heading(level), text, line_no);
            continue;
        }
        if let Some(q) = t.strip_prefix('>') {
            let q = q.trim_start();
            match &mut cur {
                Some(p) if p.kind == Kind::Quote => {
                    p.text.push(' ');
                    p.text.push_str(q);
                }
                _ => {
                    flush(&mut cur, doc);
                    cur = Some(Pending {
                        kind: Kind::Quote,
                        text: q.to_string(),
                        line: line_no,
                    });
                }
            }
            continue;
        }
        if let Some(item) = list_item(raw) {
            flush(&mut cur, doc);
            cur = Some(Pending {
                kind: Kind::Item,
                text: item.to_string(),
                line: line_no,
            });
            continue;
        }
        match &mut cur {
            Some(p) => {
                p.text.push(' ');
                p.text.push_str(t);
            }
            None => {
                cur = Some(Pending {
                    kind: Kind::Paragraph,
                    text: t.to_string(),
                    line: line_no,
                })
            }
        }
    }
    flush(&mut cur, doc);
}

/// How deep link and image labels are read inside one another: a label
/// deeper than that keeps its brackets as text (each level is read by a
/// call of its own, and copies the label).
const MAX_LABEL_DEPTH: usize = 16;

/// Remove inline Markdown (emphasis, code, links, images, escapes, inline
/// HTML, entities) from a block's text and add it to the document.
fn push_inline(doc: &mut Document, kind: Kind, text: &str, line: usize) {
    push_inline_at(doc, kind, text, line, 0);
}

/// [`push_inline`] for text inside `depth` link or image labels.
fn push_inline_at(doc: &mut Document, kind: Kind, text: &str, line: usize, depth: usize) {
    // most blocks hold no inline markup at all
    if !text
        .bytes()
        .any(|b| matches!(b, b'\\' | b'[' | b'*' | b'_' | b'`' | b'<'))
    {
        let text = normalise_space(&crate::decode::decode_entities(text));
        if !text.is_empty() || matches!(kind, Kind::Heading(_)) {
            doc.blocks.push(Block { kind, text, line });
        }
        return;
    }
    let chars: Vec<char> = text.chars().collect();
    // built at the first `[`: where each label ends, found in one pass
    let mut labels: Option<Labels> = None;
    let mut out = String::with_capacity(text.len());
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k];
        match c {
            '\\' if k + 1 < chars.len() && chars[k + 1].is_ascii_punctuation() => {
                out.push(chars[k + 1]);
                k += 2;
            }
            '!' if depth < MAX_LABEL_DEPTH && chars.get(k + 1) == Some(&'[') => {
                let labels = labels.get_or_insert_with(|| Labels::new(&chars));
                if let Some((label, url, next)) = labels.link_at(&chars, k + 1) {
                    doc.images.push(Image {
                        alt: plain(&label, depth + 1),
                        src: url,
                        line,
                    });
                    k = next;
                } else {
                    out.push(c);
                    k += 1;
                }
            }
            '[' if depth < MAX_LABEL_DEPTH => {
                let labels = labels.get_or_insert_with(|| Labels::new(&chars));
                if let Some((label, url, next)) = labels.link_at(&chars, k) {
                    let label = plain(&label, depth + 1);
                    doc.links.push(Link {
                        text: label.clone(),
                        href: url,
                        line,
                    });
                    out.push_str(&label);
                    k = next;
                } else {
                    out.push(c);
                    k += 1;
                }
            }
            '*' | '_' | '`' => {
                // emphasis and code markers; a lone `_` inside a word stays
                if c == '_'
                    && k > 0
                    && chars[k - 1].is_alphanumeric()
                    && chars.get(k + 1).is_some_and(|n| n.is_alphanumeric())
                {
                    out.push(c);
                }
                k += 1;
            }
            '<' => {
                // inline HTML tag: dropped (an <img> or <a> is recorded)
                let rest: String = chars[k..].iter().take(2000).collect();
                if let Some(end) = rest.find('>') {
                    let tag = &rest[..=end];
                    let name = tag[1..].trim_start_matches('/');
                    if name.starts_with(|ch: char| ch.is_ascii_alphabetic()) {
                        if tag.to_ascii_lowercase().starts_with("<img") {
                            doc.images.push(Image {
                                alt: attr(tag, "alt").unwrap_or_default(),
                                src: attr(tag, "src").unwrap_or_default(),
                                line,
                            });
                        }
                        k += rest[..=end].chars().count();
                        out.push(' ');
                        continue;
                    }
                }
                out.push(c);
                k += 1;
            }
            _ => {
                out.push(c);
                k += 1;
            }
        }
    }
    let text = normalise_space(&decode_entities(&out));
    if !text.is_empty() || matches!(kind, Kind::Heading(_)) {
        doc.blocks.push(Block { kind, text, line });
    }
}

/// Where the labels of a block's text end and where its next `)` is, found in
/// one pass each: looking for them from each `[` took time in the square of
/// the length on a text of unmatched `[` (or of `[a](` without `)`).
struct Labels {
    /// For each `[` read outside an escape, the index of its `]` (the one
    /// that brings the count of `[` from it back to zero); `NONE` elsewhere.
    close: Vec<usize>,
    /// For each index, the first `)` at it or after it (`NONE`: none).
    paren: Vec<usize>,
    /// Whether each index is read outside an escape (`\\` takes the next
    /// character whatever it is).
    read: Vec<bool>,
}

const NONE: usize = usize::MAX;

impl Labels {
    fn new(chars: &[char]) -> Labels {
        let mut close = vec![NONE; chars.len()];
        let mut read = vec![false; chars.len()];
        let mut open: Vec<usize> = Vec::new();
        let mut j = 0;
        while j < chars.len() {
            read[j] = true;
            match chars[j] {
                '\\' => j += 1,
                '[' => open.push(j),
                ']' => {
                    if let Some(o) = open.pop() {
                        close[o] = j;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        let mut paren = vec![NONE; chars.len() + 1];
        for j in (0..chars.len()).rev() {
            paren[j] = if chars[j] == ')' { j } else { paren[j + 1] };
        }
        Labels { close, paren, read }
    }

    /// `[label](url)` starting at `k` (the `[`): (label, url, index after it).
    fn link_at(&self, chars: &[char], k: usize) -> Option<(String, String, usize)> {
        let j = if self.read[k] {
            self.close[k]
        } else {
            // a `[` the one pass read as escaped: its own scan
            close_from(chars, k)
        };
        if j == NONE || chars.get(j + 1) != Some(&'(') {
            return None;
        }
        let close = *self.paren.get(j + 2).filter(|&&p| p != NONE)?;
        let label: String = chars[k + 1..j].iter().collect();
        let url: String = chars[j + 2..close].iter().collect();
        let url = url.split_whitespace().next().unwrap_or("").to_string();
        Some((label, url, close + 1))
    }
}

/// The `]` that closes the `[` at `k`, scanning from it (`NONE`: none).
fn close_from(chars: &[char], k: usize) -> usize {
    let mut depth = 0;
    let mut j = k;
    while j < chars.len() {
        match chars[j] {
            '\\' => j += 1,
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    return j;
                }
            }
            _ => {}
        }
        j += 1;
    }
    NONE
}

/// A link label or alt text without its own markup, `depth` labels deep.
fn plain(s: &str, depth: usize) -> String {
    let mut d = Document::default();
    push_inline_at(&mut d, Kind::Paragraph, s, 0, depth);
    d.blocks.pop().map(|b| b.text).unwrap_or_default()
}

/// Runs of white space made one space, none at either end (what
/// `split_whitespace` and a join would give, in one pass over the bytes).
fn normalise_space(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut word: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        // white space: ASCII controls and the space, or a character whose
        // UTF-8 starts with one of these bytes (U+0085, U+00A0, U+1680,
        // U+2000–U+205F, U+3000)
        let space = match bytes[i] {
            b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => 1,
            0xc2 | 0xe1 | 0xe2 | 0xe3 => match s[i..].chars().next() {
                Some(c) if c.is_whitespace() => c.len_utf8(),
                _ => 0,
            },
            _ => 0,
        };
        if space == 0 {
            word.get_or_insert(i);
            i += 1;
            continue;
        }
        if let Some(start) = word.take() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&s[start..i]);
        }
        i += space;
    }
    if let Some(start) = word {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&s[start..]);
    }
    out
}

/// Decode the HTML entities a page or Markdown file may hold (the same table as
/// the decode stage).
pub fn decode_entities(s: &str) -> String {
    crate::decode::decode_entities(s).into_owned()
}

/// The value of an attribute in a start tag.
fn attr(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(name) {
        let at = from + i;
        from = at + name.len();
        let before_ok = lower[..at].ends_with(|c: char| c.is_whitespace());
        let after = lower[from..].trim_start();
        if !before_ok || !after.starts_with('=') {
            continue;
        }
        let vstart = tag.len() - after.len() + 1;
        let v = tag[vstart..].trim_start();
        let value = if let Some(q) = v.strip_prefix('"') {
            q.split('"').next().unwrap_or("")
        } else if let Some(q) = v.strip_prefix('\'') {
            q.split('\'').next().unwrap_or("")
        } else {
            v.split(|c: char| c.is_whitespace() || c == '>')
                .next()
                .unwrap_or("")
        };
        return Some(decode_entities(value).trim().to_string());
    }
    None
}

/// The 1-based line of byte offsets in a text, counted on from the last
/// offset asked (offsets mostly come in order: the text is read once).
struct LineAt<'a> {
    src: &'a str,
    pos: usize,
    line: usize,
}

impl<'a> LineAt<'a> {
    fn new(src: &'a str) -> LineAt<'a> {
        LineAt {
            src,
            pos: 0,
            line: 1,
        }
    }

    fn at(&mut self, pos: usize) -> usize {
        let pos = pos.min(self.src.len());
        if pos < self.pos {
            (self.pos, self.line) = (0, 1);
        }
        let bytes = &self.src.as_bytes()[self.pos..pos];
        self.line += bytes.iter().filter(|&&b| b == b'\n').count();
        self.pos = pos;
        self.line
    }
}

fn parse_html(src: &str, doc: &mut Document) {
    let lower = src.to_ascii_lowercase();
    let mut lines = LineAt::new(src);
    let mut pos = 0;
    let mut in_body = !lower.contains("<body");
    let mut in_title = false;
    let mut title = String::new();
    // current block: (kind, text, line)
    let mut cur: Option<(Kind, String, usize)> = None;
    let mut kinds: Vec<Kind> = Vec::new();
    let mut link: Option<(String, String, usize)> = None;
    let flush = |cur: &mut Option<(Kind, String, usize)>, doc: &mut Document| {
        if let Some((kind, text, line)) = cur.take() {
            let text = normalise_space(&decode_entities(&text));
            if !text.is_empty() {
                doc.blocks.push(Block { kind, text, line });
            }
        }
    };
    while pos < src.len() {
        let Some(off) = src[pos..].find('<') else {
            let t = &src[pos..];
            if in_body {
                append(&mut cur, &mut link, t, lines.at(pos), &kinds);
            }
            break;
        };
        let lt = pos + off;
        if lt > pos {
            let t = &src[pos..lt];
            if in_title {
                title.push_str(t);
            } else if in_body {
                append(&mut cur, &mut link, t, lines.at(pos), &kinds);
            }
        }
        if lower[lt..].starts_with("<!--") {
            pos = lower[lt..]
                .find("-->")
                .map(|i| lt + i + 3)
                .unwrap_or(src.len());
            continue;
        }
        let Some(gt) = src[lt..].find('>').map(|i| lt + i) else {
            break;
        };
        let tag = &src[lt..=gt];
        let ltag = &lower[lt..=gt];
        let closing = ltag.starts_with("</");
        let name: String = ltag
            .trim_start_matches('<')
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        pos = gt + 1;
        match name.as_str() {
            "script" | "style" | "noscript" | "template" | "textarea" | "pre" | "code"
                if !closing =>
            {
                let close = format!("</{name}");
                pos = lower[pos..]
                    .find(&close)
                    .map(|i| pos + i)
                    .unwrap_or(src.len());
            }
            "title" if !in_body || doc.seo_title.is_empty() => {
                in_title = !closing;
                if closing {
                    doc.seo_title = normalise_space(&decode_entities(&title));
                }
            }
            "meta" if attr(tag, "name").is_some_and(|n| n.eq_ignore_ascii_case("description")) => {
                doc.description = attr(tag, "content").unwrap_or_default();
            }
            "link" if attr(tag, "rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                if let Some(h) = attr(tag, "href") {
                    let path = h.split(['?', '#']).next().unwrap_or("");
                    let seg = path.trim_end_matches('/').rsplit('/').next().unwrap_or("");
                    if !seg.contains('.') || seg.ends_with(".html") {
                        doc.slug = seg.trim_end_matches(".html").to_string();
                    }
                }
            }
            "body" => in_body = !closing,
            "img" if in_body => doc.images.push(Image {
                alt: attr(tag, "alt").unwrap_or_default(),
                src: attr(tag, "src").unwrap_or_default(),
                line: lines.at(lt),
            }),
            "a" if in_body => {
                if closing {
                    if let Some((text, href, line)) = link.take() {
                        doc.links.push(Link {
                            text: normalise_space(&decode_entities(&text)),
                            href,
                            line,
                        });
                    }
                } else {
                    link = Some((
                        String::new(),
                        attr(tag, "href").unwrap_or_default(),
                        lines.at(lt),
                    ));
                }
            }
            "br" => append(&mut cur, &mut link, " ", lines.at(lt), &kinds),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "p" | "li" | "blockquote" | "div"
            | "section" | "article" | "ul" | "ol" | "table" | "tr" | "td" | "th" | "header"
            | "footer" | "main" | "figure" | "figcaption" | "dd" | "dt"
                if in_body =>
            {
                flush(&mut cur, doc);
                let kind = match name.as_str() {
                    "h1" => Some(Kind::Heading(1)),
                    "h2" => Some(Kind::Heading(2)),
                    "h3" => Some(Kind::Heading(3)),
                    "h4" => Some(Kind::Heading(4)),
                    "h5" => Some(Kind::Heading(5)),
                    "h6" => Some(Kind::Heading(6)),
                    "p" => Some(Kind::Paragraph),
                    "li" => Some(Kind::Item),
                    "blockquote" => Some(Kind::Quote),
                    _ => None,
                };
                if let Some(k) = kind {
                    if closing {
                        if let Some(i) = kinds.iter().rposition(|x| *x == k) {
                            kinds.truncate(i);
                        }
                    } else {
                        kinds.push(k);
                    }
                }
            }
            _ => {}
        }
    }
    flush(&mut cur, doc);
}

fn append(
    cur: &mut Option<(Kind, String, usize)>,
    link: &mut Option<(String, String, usize)>,
    text: &str,
    line: usize,
    kinds: &[Kind],
) {
    if let Some(l) = link {
        l.0.push_str(text);
    }
    match cur {
        Some(c) => c.1.push_str(text),
        None => {
            if text.trim().is_empty() {
                return;
            }
            // inside a quotation, the quotation wins; otherwise the innermost block
            let kind = if kinds.contains(&Kind::Quote) {
                Kind::Quote
            } else {
                kinds.last().copied().unwrap_or(Kind::Paragraph)
            };
            let lead = text.len() - text.trim_start().len();
            let line = line + text[..lead].matches('\n').count();
            *cur = Some((kind, text.to_string(), line));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn normalise_space_keeps_clean_text_and_collapses_the_rest() {
        for (t, want) in [
            ("un deux", "un deux"),
            ("", ""),
            (" ", ""),
            ("un  deux ", "un deux"),
            (" un", "un"),
            ("un\u{a0}: deux\tet\ntrois", "un : deux et trois"),
            ("là\u{2009}où\u{3000}ici\u{85}fin", "là où ici fin"),
            ("é à ç — « ok »", "é à ç — « ok »"),
        ] {
            assert_eq!(normalise_space(t), want, "{t:?}");
        }
    }

    use super::*;

    #[test]
    fn markdown_front_matter_and_blocks() {
        let md = "---\ntitle: \"Un titre\"\nslug: un-titre\nkeyphrase: usine\n---\n\n# Un titre\n\nPremier **paragraphe** avec un [lien](https://exemple.fr).\nSuite.\n\n## Partie\n\n- un point\n- un autre\n\n> citée\n";
        let d = Document::from_markdown(md).unwrap();
        assert_eq!(d.title, "Un titre");
        assert_eq!(d.seo_title, "Un titre");
        assert_eq!(d.keyphrase, "usine");
        assert_eq!(d.h1_count, 1);
        assert_eq!(d.blocks[0].text, "Premier paragraphe avec un lien. Suite.");
        assert_eq!(d.blocks[0].line, 9);
        assert_eq!(d.blocks[1].kind, Kind::Heading(2));
        assert_eq!(d.blocks[2].kind, Kind::Item);
        assert_eq!(d.blocks[4].kind, Kind::Quote);
        assert_eq!(d.links.len(), 1);
    }

    #[test]
    fn html_page() {
        let h = "<html><head><title>T &amp; U</title><meta name=\"description\" content=\"Desc\"><link rel=\"canonical\" href=\"https://x.fr/a/mon-slug\"></head><body><h1>T</h1><script>var a='<p>';</script><p>Un <a href=\"/x\">lien</a>.</p><img src=a.png><h2>Deux</h2><p>Texte</p></body></html>";
        let d = Document::from_html(h);
        assert_eq!(d.seo_title, "T & U");
        assert_eq!(d.description, "Desc");
        assert_eq!(d.slug, "mon-slug");
        assert_eq!(d.title, "T");
        assert_eq!(d.blocks.len(), 3);
        assert_eq!(d.blocks[0].text, "Un lien.");
        assert_eq!(d.images.len(), 1);
        assert_eq!(d.links[0].href, "/x");
    }

    #[test]
    fn no_panic_on_odd_input() {
        for s in [
            "",
            "---",
            "---\n",
            "---\n: :\n---\n",
            "[",
            "![",
            "<",
            "<a",
            "&#xffffffff;",
            "# ",
            "\\",
        ] {
            let _ = Document::from_markdown(s);
            let _ = Document::from_html(s);
        }
    }
}
