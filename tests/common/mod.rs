//! Helpers shared by the integration tests: fixtures written for the project
//! (tests/fixtures/*.gold.json: sections, paragraphs and the junk a scrape adds),
//! the input shapes built from them, and a reader for rubrique's Markdown.
#![allow(dead_code)]
use serde::Deserialize;
use std::path::PathBuf;

#[derive(Debug, Deserialize)]
pub struct Gold {
    pub id: String,
    pub title: Option<String>,
    pub sections: Vec<GoldSection>,
    pub junk: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct GoldSection {
    pub heading: Option<String>,
    pub paragraphs: Vec<String>,
}

pub fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn gold(name: &str) -> Gold {
    let text = std::fs::read_to_string(fixture_path(&format!("{name}.gold.json"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

impl Gold {
    /// Like the seed: headings inlined before their text, one block, junk appended.
    pub fn flat(&self) -> String {
        let mut parts = Vec::new();
        for s in &self.sections {
            if let Some(h) = &s.heading {
                parts.push(h.clone());
            }
            parts.push(s.paragraphs.join(" "));
        }
        parts.push(self.junk.join(" "));
        parts.join(" ")
    }

    /// Like a line-preserving scrape: title, headings and paragraphs on lines of
    /// their own, page furniture on lines in between.
    pub fn lines(&self) -> String {
        let mut junk = self.junk.iter();
        let mut out = Vec::new();
        if let Some(j) = junk.next() {
            out.push(j.clone());
        }
        if let Some(t) = &self.title {
            out.push(t.clone());
        }
        for (i, s) in self.sections.iter().enumerate() {
            if let Some(h) = &s.heading {
                out.push(h.clone());
            }
            for p in &s.paragraphs {
                out.push(p.clone());
            }
            if i % 2 == 0 {
                if let Some(j) = junk.next() {
                    out.push(j.clone());
                }
            }
        }
        out.extend(junk.cloned());
        out.join("\n\n")
    }

    pub fn sentences(&self) -> Vec<String> {
        let splitter =
            rubrique::sentences::Splitter::load(&rubrique::rules::Source::embedded()).unwrap();
        let mut out = Vec::new();
        for s in &self.sections {
            for p in &s.paragraphs {
                for r in splitter.split(p) {
                    out.push(p[r].to_string());
                }
            }
        }
        out
    }

    pub fn headings(&self) -> Vec<String> {
        self.sections
            .iter()
            .filter_map(|s| s.heading.clone())
            .collect()
    }
}

/// Typography-insensitive form of a text (spaces, apostrophes, quotes, spacing
/// before punctuation, Markdown escapes).
pub fn norm(s: &str) -> String {
    let mut t = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek().is_some_and(|n| n.is_ascii_punctuation()) => {}
            '’' | '‘' | 'ʼ' => t.push('\''),
            '«' | '»' | '“' | '”' => t.push('"'),
            c if c.is_whitespace() => t.push(' '),
            c => t.push(c),
        }
    }
    let mut out = String::new();
    for w in t.split_whitespace() {
        let glue = w.starts_with([';', ':', '!', '?', '%', '…', '"', ',', '.', ')'])
            || out.ends_with(['"', '(']);
        if !out.is_empty() && !glue {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// A rubrique Markdown article, read back.
pub struct Md {
    pub front: String,
    pub title: Option<String>,
    /// (level, text)
    pub headings: Vec<(usize, String)>,
    /// Body text, headings excluded.
    pub body: String,
    /// Words under each heading (the text before the first heading first).
    pub words_under: Vec<usize>,
}

pub fn read_md(md: &str) -> Md {
    let (front, rest) = if let Some(r) = md.strip_prefix("---\n") {
        let end = r.find("\n---\n").expect("front matter end");
        (r[..end].to_string(), &r[end + 5..])
    } else {
        (String::new(), md)
    };
    let mut title = None;
    let mut headings = Vec::new();
    let mut body = String::new();
    let mut words_under = vec![0];
    for line in rest.lines() {
        let hashes = line.chars().take_while(|c| *c == '#').count();
        if hashes > 0 && line[hashes..].starts_with(' ') {
            let text = line[hashes..].trim().to_string();
            if hashes == 1 {
                title = Some(text);
            } else {
                headings.push((hashes, text));
                words_under.push(0);
            }
            continue;
        }
        let line = line.trim_start_matches("- ");
        if let Some(w) = words_under.last_mut() {
            *w += line.split_whitespace().count();
        }
        body.push_str(line);
        body.push('\n');
    }
    Md {
        front,
        title,
        headings,
        body,
        words_under,
    }
}

/// A front-matter string value (the renderer writes JSON-style quoted strings).
pub fn front_value(front: &str, key: &str) -> Option<String> {
    front.lines().find_map(|l| {
        let v = l.strip_prefix(&format!("{key}: "))?;
        serde_json::from_str::<String>(v).ok()
    })
}

/// Digit sequences of a text.
pub fn numbers(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        if c.is_ascii_digit() {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Run `rubrique rewrite ARGS` on `input` given on standard input:
/// (stdout, stderr, exit code).
pub fn rewrite(input: &str, args: &[&str]) -> (String, String, i32) {
    let out = assert_cmd::Command::cargo_bin("rubrique")
        .unwrap()
        .arg("rewrite")
        .args(args)
        .write_stdin(input.as_bytes().to_vec())
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

impl Gold {
    /// Every heading removed: the paragraphs on one line, junk appended (the
    /// sections must be found by topic alone).
    pub fn noheads(&self) -> String {
        let mut parts: Vec<String> = self
            .sections
            .iter()
            .flat_map(|s| s.paragraphs.iter().cloned())
            .collect();
        parts.extend(self.junk.iter().cloned());
        parts.join(" ")
    }

    /// The gold section (index) of each sentence, in order.
    pub fn sentence_sections(&self) -> Vec<(String, usize)> {
        let splitter =
            rubrique::sentences::Splitter::load(&rubrique::rules::Source::embedded()).unwrap();
        let mut out = Vec::new();
        for (i, s) in self.sections.iter().enumerate() {
            for p in &s.paragraphs {
                for r in splitter.split(p) {
                    out.push((p[r].to_string(), i));
                }
            }
        }
        out
    }
}

/// Beeferman's Pk between reference and hypothesis segment labels of the same
/// sentences: the share of windows of `k` sentences (half the mean reference
/// segment, rounded half up) where the two disagree on whether a boundary
/// falls inside.
pub fn pk(reference: &[usize], hypothesis: &[usize]) -> f64 {
    let n = reference.len();
    assert_eq!(n, hypothesis.len());
    let segments = 1 + reference.windows(2).filter(|w| w[0] != w[1]).count();
    let k = ((n as f64 / segments as f64 / 2.0 + 0.5).floor() as usize).clamp(1, n - 1);
    let windows = n - k;
    let wrong = (0..windows)
        .filter(|&i| (reference[i] != reference[i + k]) != (hypothesis[i] != hypothesis[i + k]))
        .count();
    wrong as f64 / windows as f64
}

/// The `##` section (0 before the first) holding each of `sentences` in a
/// rewritten Markdown article, found in order; `###` does not part sections.
pub fn h2_labels(md: &str, sentences: &[String]) -> Vec<usize> {
    let (_, body) = md
        .strip_prefix("---\n")
        .and_then(|r| r.split_once("\n---\n"))
        .unwrap_or(("", md));
    let mut keyed = String::new();
    let mut starts = Vec::new();
    let mut section = String::new();
    let flush = |section: &mut String, keyed: &mut String, starts: &mut Vec<usize>| {
        starts.push(keyed.len());
        keyed.push_str(&norm(section));
        keyed.push('\n');
        section.clear();
    };
    for line in body.lines() {
        if line.starts_with("## ") {
            flush(&mut section, &mut keyed, &mut starts);
        } else if !line.starts_with('#') {
            section.push_str(line.trim_start_matches("- "));
            section.push(' ');
        }
    }
    flush(&mut section, &mut keyed, &mut starts);
    let mut cursor = 0;
    sentences
        .iter()
        .map(|s| {
            let key = norm(s);
            let at = keyed[cursor..]
                .find(&key)
                .map(|i| i + cursor)
                .unwrap_or_else(|| panic!("sentence not found in order: {s}"));
            cursor = at + key.len();
            starts.partition_point(|&p| p <= at) - 1
        })
        .collect()
}
