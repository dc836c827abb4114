//! Stage 8: when the article is under the word target, sections built from the
//! templates of `rules/expansions.yaml`, filled only with facts found in the
//! text. A template without facts is skipped; when the target cannot be reached
//! without filler, the article stays short and a warning says so.
use crate::error::Result;
use crate::french::{self, typography, Lexicon};
use crate::keywords::Keywords;
use crate::model::{Block, Generated, Section, SectionKind, Sentence};
use crate::rules::Source;
use serde::Deserialize;

const FILE: &str = "rules/expansions.yaml";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpansionRules {
    pub templates: Vec<ExpansionTemplate>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpansionTemplate {
    /// What builds it: key-points, key-figures.
    pub id: String,
    /// Heading variants; `{Keyphrase}` is the keyphrase in sentence case.
    pub headings: Vec<String>,
    /// Sentence introducing the list.
    #[serde(default)]
    pub intro: Option<String>,
    /// Most items.
    pub max_items: usize,
}

pub struct Expander {
    pub rules: ExpansionRules,
}

/// Expansion sections and warnings.
pub struct Expansion {
    pub sections: Vec<Section>,
    pub warnings: Vec<String>,
}

impl Expander {
    pub fn load(source: &Source) -> Result<Expander> {
        Ok(Expander {
            rules: source.yaml(FILE)?,
        })
    }

    pub fn run(
        &self,
        sentences: &[Sentence],
        sections: &[Section],
        kw: &Keywords,
        lex: &Lexicon,
        min_words: usize,
    ) -> Expansion {
        let mut words = article_words(sentences, sections);
        let mut out = Vec::new();
        let mut warnings = Vec::new();
        let mut used_sentences: Vec<usize> = Vec::new();
        for tpl in &self.rules.templates {
            if words >= min_words {
                break;
            }
            let items: Vec<Generated> = match tpl.id.as_str() {
                "key-points" => key_points(sentences, kw, lex, tpl.max_items, &used_sentences),
                "key-figures" => key_figures(sentences, tpl.max_items, &used_sentences),
                _ => Vec::new(),
            };
            if items.is_empty() {
                continue;
            }
            for it in &items {
                used_sentences.extend(&it.sources);
            }
            let headings: Vec<String> = tpl
                .headings
                .iter()
                .map(|h| {
                    typography::apply(
                        &h.replace("{Keyphrase}", &french::capitalise_first(&kw.keyphrase)),
                    )
                })
                .filter(|h| !h.contains("{Keyphrase}") || !kw.keyphrase.is_empty())
                .collect();
            let mut blocks = Vec::new();
            if let Some(intro) = &tpl.intro {
                blocks.push(Block::Text {
                    text: Generated {
                        text: typography::apply(intro),
                        template: tpl.id.clone(),
                        facts: Vec::new(),
                        sources: Vec::new(),
                    },
                });
            }
            let added: usize = items
                .iter()
                .map(|g| french::word_count(&g.text))
                .sum::<usize>()
                + headings.first().map(|h| french::word_count(h)).unwrap_or(0);
            blocks.push(Block::List { items });
            words += added;
            out.push(Section {
                heading: None,
                kind: SectionKind::Expansion {
                    template: tpl.id.clone(),
                },
                blocks,
                heading_options: headings,
            });
        }
        if words < min_words {
            warnings.push(format!(
                "the article has {words} words, under the target of {min_words}: the text holds no more facts to build sections from without filler"
            ));
        }
        Expansion {
            sections: out,
            warnings,
        }
    }
}

/// Words of the article as it stands (body and headings).
pub fn article_words(sentences: &[Sentence], sections: &[Section]) -> usize {
    let body: usize = sentences.iter().map(|s| french::word_count(&s.text)).sum();
    let heads: usize = sections
        .iter()
        .filter_map(|s| s.heading.as_ref())
        .map(|h| french::word_count(&h.text))
        .sum();
    body + heads
}

fn key_points(
    sentences: &[Sentence],
    kw: &Keywords,
    lex: &Lexicon,
    max: usize,
    used: &[usize],
) -> Vec<Generated> {
    // centrality: how many of the article's frequent terms a sentence holds
    let mut scored: Vec<(f64, usize)> = sentences
        .iter()
        .filter(|s| !used.contains(&s.id))
        .filter(|s| {
            let n = french::word_count(&s.text);
            (8..=40).contains(&n) && !s.text.ends_with('?')
        })
        .map(|s| {
            let stems = lex.content_stems(&s.text);
            let score: f64 = stems
                .iter()
                .filter_map(|st| kw.terms.get(st).map(|t| (t.count as f64).ln_1p()))
                .sum::<f64>()
                / (stems.len() as f64 + 4.0);
            (score, s.id)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut ids: Vec<usize> = scored.into_iter().take(max).map(|(_, i)| i).collect();
    ids.sort_unstable();
    ids.into_iter()
        .map(|i| Generated {
            text: sentences[i].text.clone(),
            template: "key-points".into(),
            facts: vec![sentences[i].text.clone()],
            sources: vec![i],
        })
        .collect()
}

fn key_figures(sentences: &[Sentence], max: usize, used: &[usize]) -> Vec<Generated> {
    // compiled once per process, not once per article
    static FIGURE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = FIGURE.get_or_init(|| {
        regex::Regex::new(
            r"(?i)\b\d+(?:[ \u{a0}]\d{3})*(?:[,.]\d+)?\s*(?:%|pour cent|milliards?|millions?|euros?|€|dollars?|tonnes?|kilos?|km|heures?|jours?|ans|mois|personnes|habitants)(?:\s+d[’']euros)?",
        )
        .expect("static pattern")
    });
    let mut out = Vec::new();
    for s in sentences {
        if out.len() >= max || used.contains(&s.id) {
            continue;
        }
        if let Some(m) = re.find(&s.text) {
            let fig = m.as_str().trim().to_string();
            out.push(Generated {
                text: format!("**{}** : {}", fig, s.text),
                template: "key-figures".into(),
                facts: vec![fig],
                sources: vec![s.id],
            });
        }
    }
    out
}
