//! After the sections stage: a source sentence too long for one paragraph that
//! announces an enumeration (« … : a ; b ; c », or a flattened list whose items
//! each open the same way) is shown as a list. The sentence is neither changed
//! nor cut into sentences: its lead, its items and what follows them are shown
//! in order, every character in place. Cues live in `rules/lists.yaml`.
use crate::error::Result;
use crate::french;
use crate::model::{Block, Section, Sentence};
use crate::rules::{self, LazyRegex, Source};
use serde::Deserialize;

const FILE: &str = "rules/lists.yaml";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListRules {
    /// A sentence longer than this (in words) is a candidate.
    pub max_words: usize,
    /// Fewest items that make a list.
    pub min_items: usize,
    /// Fewest words in an item.
    pub min_item_words: usize,
    /// How an item of a flattened list opens.
    pub openers: Vec<Opener>,
    /// Where the list ends inside its last item (the tail starts at group 1).
    pub tail: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Opener {
    pub pattern: String,
    /// Texts the pattern must find (checked by the tests).
    #[serde(default)]
    pub examples: Vec<String>,
}

pub struct Lister {
    pub rules: ListRules,
    openers: Vec<LazyRegex>,
    tail: LazyRegex,
}

/// Where a sentence's list items start and where its tail starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Cuts {
    pub items: Vec<usize>,
    pub tail: Option<usize>,
}

impl Lister {
    /// Load `rules/lists.yaml`. The embedded patterns (which the test suite
    /// compiles) are compiled on first use: most texts hold no sentence long
    /// enough to need them. A user's file is compiled at once, so that its
    /// errors show up now.
    pub fn load(source: &Source) -> Result<Lister> {
        let (file, text) = source.text(FILE)?;
        let rules: ListRules = rules::parse_yaml(&file, &text)?;
        let eager = !rules::is_embedded(&file);
        let pattern = |id: &str, p: &str| {
            if eager {
                LazyRegex::eager(FILE, id, p)
            } else {
                Ok(LazyRegex::new(FILE, id, p))
            }
        };
        let openers = rules
            .openers
            .iter()
            .enumerate()
            .map(|(i, o)| pattern(&format!("openers[{i}]"), &format!("(?i){}", o.pattern)))
            .collect::<Result<Vec<_>>>()?;
        let tail = pattern("tail", &rules.tail)?;
        Ok(Lister {
            rules,
            openers,
            tail,
        })
    }

    /// Compile every pattern now; an error names the file and the pattern.
    pub fn compile(&self) -> Result<()> {
        self.openers.iter().try_for_each(LazyRegex::check)?;
        self.tail.check()
    }

    /// Does the opener pattern number `i` find `text`?
    pub fn opener_matches(&self, i: usize, text: &str) -> bool {
        self.openers
            .get(i)
            .and_then(LazyRegex::get)
            .is_some_and(|r| r.is_match(text))
    }

    /// Show the long enumerating sentences of every section as lists.
    pub fn run(&self, sections: &mut [Section], sentences: &[Sentence]) {
        for sec in sections.iter_mut() {
            let mut blocks = Vec::with_capacity(sec.blocks.len());
            for b in std::mem::take(&mut sec.blocks) {
                let Block::Paragraph { sentences: ids } = &b else {
                    blocks.push(b);
                    continue;
                };
                let mut pending: Vec<usize> = Vec::new();
                let mut changed = false;
                for &id in ids {
                    let cuts = sentences.get(id).and_then(|s| self.cuts(&s.text));
                    match cuts {
                        Some(c) => {
                            changed = true;
                            if !pending.is_empty() {
                                blocks.push(Block::Paragraph {
                                    sentences: std::mem::take(&mut pending),
                                });
                            }
                            blocks.push(Block::Enumeration {
                                sentence: id,
                                items: c.items,
                                tail: c.tail,
                            });
                        }
                        None => pending.push(id),
                    }
                }
                if !changed {
                    blocks.push(b);
                } else if !pending.is_empty() {
                    blocks.push(Block::Paragraph { sentences: pending });
                }
            }
            sec.blocks = blocks;
        }
    }

    /// The list cuts of one sentence, if it is a long enumeration.
    pub fn cuts(&self, text: &str) -> Option<Cuts> {
        let r = &self.rules;
        // (the colon looked for first: most sentences have none)
        let colon = text.find(':')?;
        if french::word_count(text) <= r.max_words {
            return None;
        }
        let body_start = colon + 1;
        let rest = &text[body_start..];
        let skip_space = |i: usize| -> usize { i + text[i..].len() - text[i..].trim_start().len() };
        // items separated by semicolons
        let mut items: Vec<usize> = Vec::new();
        if rest.matches(';').count() + 1 >= r.min_items {
            items.push(skip_space(body_start));
            for (i, _) in rest.match_indices(';') {
                items.push(skip_space(body_start + i + 1));
            }
        } else {
            // a flattened list: the same opener at the start of every item
            for re in self.openers.iter().filter_map(LazyRegex::get) {
                let starts: Vec<usize> =
                    re.find_iter(rest).map(|m| body_start + m.start()).collect();
                if starts.len() >= r.min_items && starts[0] == skip_space(body_start) {
                    items = starts;
                    break;
                }
            }
        }
        if items.len() < r.min_items {
            return None;
        }
        // the list ends inside the last item when the sentence goes on
        let last = *items.last()?;
        let tail = self
            .tail
            .get()
            .and_then(|t| t.captures(&text[last..]))
            .and_then(|c| c.get(1))
            .map(|m| last + m.start());
        let end = tail.unwrap_or(text.len());
        let lead_words = french::word_count(&text[..items[0]]);
        let ok = lead_words > 0
            && items.iter().enumerate().all(|(k, &s)| {
                let stop = items.get(k + 1).copied().unwrap_or(end);
                stop > s && french::word_count(&text[s..stop]) >= r.min_item_words
            });
        ok.then_some(Cuts { items, tail })
    }
}
