//! Stage 6: topical sections. Each part of the outline stays as the author cut
//! it; a part longer than the subheading bound is split where the lexical
//! cohesion of Snowball stems between neighbouring sentence windows is lowest
//! and the topic lexicons shift, preferably before a sentence made of the
//! article's recurring terms, solved as one optimisation over boundary
//! positions (dynamic programming), within the word bounds of
//! `rules/sections.yaml`. Sentences are never reordered. Paragraphs are then
//! kept short.
use crate::error::Result;
use crate::french::{self, Lexicon};
use crate::fxhash::FxHashMap as HashMap;
use crate::model::{Block, Section, SectionKind};
use crate::rules::Source;
use crate::structure::Outline;
use serde::Deserialize;

const FILE: &str = "rules/sections.yaml";

/// Most sentences one section may hold.
const MAX_SENTENCES: usize = 64;
const TOPICS: &str = "lexicons/topics.yaml";
/// Cost of a boundary inside a quotation: far above any other cue, finite so
/// that a quotation longer than the section bound can still be cut.
const INSIDE_QUOTE_COST: f64 = 8.0;
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionRules {
    /// No section (nor the introduction) longer than this, in words.
    pub max_words: usize,
    /// The length a split aims at.
    pub target_words: usize,
    /// Text no heading divides is first cut by topic into sections of at
    /// most this many words, aiming at `topic_target_words`; those longer
    /// than `max_words` are then split into subsections. Optional (default
    /// 0: one level, every cut a section).
    #[serde(default)]
    pub topic_max_words: usize,
    /// The length a topical cut aims at. Optional.
    #[serde(default)]
    pub topic_target_words: usize,
    /// What a topical cut costs on top of its gap: the evidence it needs.
    /// Optional.
    #[serde(default)]
    pub topic_cut_cost: f64,
    /// Weight of the segment model in the topic cut of text without
    /// headings: the log likelihood of each section's stems under one
    /// Dirichlet-smoothed distribution of its own (see [`SegmentModel`]).
    /// 0: off. Optional.
    #[serde(default)]
    pub topic_model_weight: f64,
    /// The Dirichlet prior (α) of the segment model: lower, a section is
    /// told apart by fewer repeated stems. Optional.
    #[serde(default = "default_model_prior")]
    pub topic_model_prior: f64,
    /// The length the introduction of a text without headings leans to (a
    /// news lead); 0: `topic_target_words`. Optional.
    #[serde(default)]
    pub intro_target_words: usize,

    /// Shortest section a split may make (when the text allows).
    pub min_words: usize,
    /// Sentences on each side of a candidate boundary compared for cohesion.
    pub window: usize,
    /// Weight of cohesion against the length penalty.
    pub cohesion_weight: f64,
    /// Weight of the TextTiling depth score of a gap (higher: cut in valleys).
    pub depth_weight: f64,
    /// Bonus for a gap where the topic lexicons shift.
    pub topic_shift_bonus: f64,
    /// Weight of the lexical-chain score of a gap: how many chains of a
    /// repeated stem start just after it or end just before it (standardised
    /// over the text's gaps). Optional (default 0: off).
    #[serde(default)]
    pub chain_weight: f64,
    /// Most sentences without the stem inside one lexical chain. Optional.
    #[serde(default = "default_chain_hiatus")]
    pub chain_hiatus: usize,
    /// Bonus for cutting before a thematic sentence, one whose content stems
    /// recur across the article (mean log of the number of sentences holding
    /// each stem, standardised over the part's sentences): a section tends to
    /// open by naming its subject in the article's own terms, the sentences
    /// after it add specifics. Optional (default 0: off).
    #[serde(default)]
    pub thematic_weight: f64,
    /// Words that point back to what was just said when they open a sentence
    /// (« Il », « Cette », « Cela », « Et »; lowercase, elided forms end with
    /// ’): a section seldom opens on one. Optional.
    #[serde(default)]
    pub anaphoric_openers: Vec<String>,
    /// Cost of cutting before a sentence that opens on one of them.
    #[serde(default)]
    pub anaphoric_cost: f64,
    /// Words that open a new frame of discourse when they open a sentence
    /// (« Aujourd’hui », « Lorsque », « Pour », « Enfin »; lowercase, with
    /// ’): a section often opens on one. Optional.
    #[serde(default)]
    pub framing_openers: Vec<String>,
    /// Bonus for cutting before a sentence that opens on one of them.
    #[serde(default)]
    pub framing_bonus: f64,
    /// Sentences that open on an article (« La mairie … », « Un outil … »)
    /// name a subject afresh: a section often opens on one. Lowercase,
    /// elided forms end with ’. Optional.
    #[serde(default)]
    pub article_openers: Vec<String>,
    /// Bonus for cutting before a sentence that opens on one of them.
    #[serde(default)]
    pub article_bonus: f64,
    /// Bonus for cutting before a question (negative: a cost).
    pub question_bonus: f64,
    /// Bonus for cutting where the author started a new paragraph.
    pub paragraph_bonus: f64,
    /// Longest paragraph, in words.
    pub max_paragraph_words: usize,
    /// Most sentences in a paragraph.
    pub max_paragraph_sentences: usize,
    /// An article that opens on a paragraph of one sentence of at most this
    /// many words (a kicker: « Libérez votre appareil ! ») has it joined to
    /// the paragraph after it, which then makes the introduction. Optional
    /// (0: never).
    #[serde(default)]
    pub kicker_words: usize,
}

/// What the source marks at each sentence of a part.
struct Marks<'a> {
    /// The author started a paragraph here.
    para_starts: &'a [bool],
    /// The sentence is a question.
    questions: &'a [bool],
    /// The sentence was written glued to the previous one.
    glued: &'a [bool],
    /// The gap before the sentence falls inside a quotation.
    quoted: &'a [bool],
    /// The sentence opens on a word that points back (`anaphoric_openers`).
    anaphoric: &'a [bool],
    /// The sentence opens a new frame (`framing_openers`).
    framing: &'a [bool],
    /// The sentence opens on an article (`article_openers`).
    article: &'a [bool],
    /// How thematic the sentence is, standardised over the part
    /// (`thematic_scores`).
    thematic: &'a [f64],
}

/// The opening of a sentence, lowercase, with ’ for an apostrophe, after
/// any opening quotation mark, bracket or dash: what the phrases of
/// `anaphoric_openers`, `framing_openers` and `article_openers` are matched
/// against.
fn opening(sentence: &str) -> String {
    let t = sentence.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '«' | '"' | '“' | '(' | '—' | '–' | '-' | '*')
    });
    let mut out = String::with_capacity(48);
    for c in t.chars().take(40) {
        match c {
            '\'' => out.push('’'),
            c if c.is_whitespace() => out.push(' '),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Whether an `opening` starts with one of the phrases, as whole words (an
/// elided phrase, « c’ », « lorsqu’ », ends on its apostrophe).
fn opens_on(opening: &str, phrases: &[String]) -> bool {
    phrases.iter().any(|p| {
        opening
            .strip_prefix(p.as_str())
            .is_some_and(|rest| p.ends_with('’') || !rest.starts_with(char::is_alphanumeric))
    })
}

/// Length bounds of one segmentation, in words.
/// A part's sentences as stem ids, for the segment language model of the
/// topic cut: each section's stems are scored by the Dirichlet compound
/// multinomial likelihood (Eisenstein and Barzilay 2008, a smoothed form of
/// Utiyama and Isahara 2001), high when a few stems recur across the whole
/// section. Unlike window cohesion, it weighs each candidate section as a
/// whole.
struct SegmentModel {
    tokens: Vec<Vec<u32>>,
    vocab: usize,
    weight: f64,
    /// `ln(c + α)` for each count c a stem can reach
    ln_count: Vec<f64>,
    /// `ln(n + Vα)` for each number n of tokens a section can hold
    ln_total: Vec<f64>,
}

impl SegmentModel {
    fn new<'a>(
        sentences: impl Iterator<Item = &'a Vec<String>>,
        weight: f64,
        alpha: f64,
    ) -> SegmentModel {
        let mut ids: crate::fxhash::FxHashMap<&str, u32> = Default::default();
        let tokens: Vec<Vec<u32>> = sentences
            .map(|s| {
                s.iter()
                    .map(|t| {
                        let n = ids.len() as u32;
                        *ids.entry(t.as_str()).or_insert(n)
                    })
                    .collect()
            })
            .collect();
        let vocab = ids.len();
        let total: usize = tokens.iter().map(Vec::len).sum();
        let alpha = alpha.max(1e-6);
        SegmentModel {
            ln_count: (0..=total).map(|c| (c as f64 + alpha).ln()).collect(),
            ln_total: (0..=total)
                .map(|n| (n as f64 + vocab as f64 * alpha).ln())
                .collect(),
            tokens,
            vocab,
            weight,
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Bounds {
    /// Longest section.
    max: usize,
    /// Longest opening section.
    first_max: usize,
    /// The length aimed at.
    target: usize,
    /// The length aimed at for the opening section.
    first_target: usize,
    /// Below this length the opening section pays a penalty.
    first_min: usize,
    /// Added to every boundary: the evidence a cut needs.
    cut_cost: f64,
}

fn default_model_prior() -> f64 {
    0.5
}

fn default_chain_hiatus() -> usize {
    2
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicsFile {
    topics: Vec<TopicDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicDef {
    id: String,
    label: String,
    words: Vec<String>,
}

/// A topic lexicon, by stems.
#[derive(Debug, Clone)]
pub struct Topic {
    pub id: String,
    pub label: String,
}

pub struct Sectioner {
    pub rules: SectionRules,
    pub topics: Vec<Topic>,
    /// stem → topic index
    topic_stems: HashMap<String, usize>,
}

impl Sectioner {
    pub fn load(source: &Source) -> Result<Sectioner> {
        let (file, text) = source.text(FILE)?;
        let rules: SectionRules = crate::rules::parse_yaml(&file, &text)?;
        // divisors of the paragraph split
        crate::rules::at_least_one(
            &file,
            &text,
            "max_paragraph_words",
            rules.max_paragraph_words,
        )?;
        crate::rules::at_least_one(
            &file,
            &text,
            "max_paragraph_sentences",
            rules.max_paragraph_sentences,
        )?;
        let topics_file: TopicsFile = source.yaml(TOPICS)?;
        let lex_stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::French);
        let mut topic_stems = HashMap::default();
        let mut topics = Vec::new();
        for (i, t) in topics_file.topics.into_iter().enumerate() {
            for w in &t.words {
                topic_stems
                    .entry(lex_stemmer.stem(&w.to_lowercase()).into_owned())
                    .or_insert(i);
            }
            topics.push(Topic {
                id: t.id,
                label: t.label,
            });
        }
        Ok(Sectioner {
            rules,
            topics,
            topic_stems,
        })
    }

    /// The dominant topic of a set of stems, if any word of a lexicon occurs.
    pub fn topic_of<'a>(&'a self, stems: impl Iterator<Item = &'a String>) -> Option<&'a Topic> {
        let mut counts = vec![0usize; self.topics.len()];
        for s in stems {
            if let Some(&t) = self.topic_stems.get(s) {
                counts[t] += 1;
            }
        }
        let (best, n) = counts
            .iter()
            .enumerate()
            .max_by_key(|(i, n)| (**n, std::cmp::Reverse(*i)))?;
        (*n >= 2).then(|| &self.topics[best])
    }

    pub fn run(&self, outline: &Outline, lex: &Lexicon) -> Vec<Section> {
        let words: Vec<usize> = outline
            .sentences
            .iter()
            .map(|s| french::word_count(&s.text))
            .collect();
        let stems: Vec<Vec<String>> = outline
            .sentences
            .iter()
            .map(|s| lex.content_stems(&s.text))
            .collect();
        // chains over the whole text, so that a short part is scored in the
        // context of the article; `chain_at[i]`: score of the gap before sentence i
        let all: Vec<usize> = outline
            .parts
            .iter()
            .flat_map(|p| p.paragraphs.iter().flatten().copied())
            .collect();
        let scores = if self.rules.chain_weight == 0.0 {
            vec![0.0; all.len() + 1]
        } else {
            chain_scores(&all, &stems, self.rules.chain_hiatus)
        };
        let mut chain_at = vec![0.0f64; outline.sentences.len()];
        for (k, &i) in all.iter().enumerate() {
            if let Some(v) = chain_at.get_mut(i) {
                *v = scores[k];
            }
        }
        // how far each sentence's stems recur across the article
        let mut thematic_at: Vec<Option<f64>> = vec![None; outline.sentences.len()];
        if self.rules.thematic_weight != 0.0 {
            for (k, v) in thematic_scores(&all, &stems).into_iter().enumerate() {
                if let Some(t) = thematic_at.get_mut(all[k]) {
                    *t = v;
                }
            }
        }
        let mut out = Vec::new();
        for part in &outline.parts {
            let ids: Vec<usize> = part.paragraphs.iter().flatten().copied().collect();
            if ids.is_empty() {
                // a title over the subsection that follows it
                if part.heading.is_some() {
                    out.push(Section {
                        heading: part.heading.clone(),
                        kind: SectionKind::Source,
                        blocks: Vec::new(),
                        heading_options: Vec::new(),
                        subsection: false,
                    });
                }
                continue;
            }
            let para_starts: Vec<bool> = {
                let mut v = vec![false; ids.len()];
                let mut k = 0;
                for p in &part.paragraphs {
                    if k < v.len() {
                        v[k] = true;
                    }
                    k += p.len();
                }
                v
            };
            let questions: Vec<bool> = ids
                .iter()
                .map(|&i| outline.sentences[i].text.trim_end().ends_with('?'))
                .collect();
            let glued: Vec<bool> = ids.iter().map(|&i| outline.sentences[i].glued).collect();
            let quoted =
                french::inside_quotation(ids.iter().map(|&i| outline.sentences[i].text.as_str()));
            let openings: Vec<String> = ids
                .iter()
                .map(|&i| opening(&outline.sentences[i].text))
                .collect();
            let anaphoric: Vec<bool> = ids
                .iter()
                .zip(&openings)
                .map(|(&i, o)| self.goes_on_from_before(o, &outline.sentences[i].text))
                .collect();
            let framing: Vec<bool> = openings
                .iter()
                .map(|o| opens_on(o, &self.rules.framing_openers))
                .collect();
            let article: Vec<bool> = openings
                .iter()
                .map(|o| opens_on(o, &self.rules.article_openers))
                .collect();

            let thematic = standardised(ids.iter().map(|&i| thematic_at[i]));
            let gap_cost = self.gap_costs(
                &ids,
                &stems,
                &chain_at,
                &Marks {
                    para_starts: &para_starts,
                    questions: &questions,
                    glued: &glued,
                    quoted: &quoted,
                    anaphoric: &anaphoric,
                    framing: &framing,
                    article: &article,
                    thematic: &thematic,
                },
            );
            let mut prefix = vec![0usize; ids.len() + 1];
            for (k, &i) in ids.iter().enumerate() {
                prefix[k + 1] = prefix[k] + words[i];
            }
            let r = &self.rules;
            let short = Bounds {
                max: r.max_words,
                first_max: r.max_words,
                target: r.target_words,
                first_target: r.target_words,
                first_min: r.min_words,
                cut_cost: 0.0,
            };
            // (start, whether it opens a subsection)
            let mut starts: Vec<(usize, bool)> = vec![(0, false)];
            if part.heading.is_some() || r.topic_max_words <= r.max_words {
                // an author's section split for length goes on under
                // subheadings of its own
                let sub = part.heading.is_some();
                starts.extend(
                    self.segment(&prefix, &gap_cost, 0, ids.len(), short, None)
                        .into_iter()
                        .map(|c| (c, sub)),
                );
            } else {
                // text no heading divides: sections by topic first, then the
                // long ones split into subsections; the introduction stays
                // within the bound
                let topical = Bounds {
                    max: r.topic_max_words,
                    first_max: r.max_words,
                    target: r.topic_target_words,
                    // a lead may be one sentence
                    first_target: if r.intro_target_words > 0 {
                        r.intro_target_words
                    } else {
                        r.topic_target_words
                    },
                    first_min: if r.intro_target_words > 0 {
                        0
                    } else {
                        r.min_words
                    },
                    cut_cost: r.topic_cut_cost,
                };
                let mut top = vec![0];
                let model = (r.topic_model_weight > 0.0).then(|| {
                    SegmentModel::new(
                        ids.iter().map(|&i| &stems[i]),
                        r.topic_model_weight,
                        r.topic_model_prior,
                    )
                });
                top.extend(self.segment(&prefix, &gap_cost, 0, ids.len(), topical, model.as_ref()));
                top.push(ids.len());
                for w in top.windows(2) {
                    if w[0] > 0 {
                        starts.push((w[0], false));
                    }
                    starts.extend(
                        self.segment(&prefix, &gap_cost, w[0], w[1], short, None)
                            .into_iter()
                            .map(|c| (c, true)),
                    );
                }
            }
            starts.push((ids.len(), false));
            for (n, w) in starts.windows(2).enumerate() {
                let (from, subsection) = w[0];
                let to = w[1].0;
                let chunk = &ids[from..to];
                let chunk_starts = &para_starts[from..to];
                out.push(Section {
                    heading: if n == 0 { part.heading.clone() } else { None },
                    kind: SectionKind::Source,
                    blocks: self.paragraphs(chunk, chunk_starts, &words, &outline.sentences),
                    heading_options: Vec::new(),
                    subsection,
                });
            }
        }
        out
    }

    /// Whether a sentence opens on a word of `anaphoric_openers` (« Cette
    /// enquête … », « Il faut … », « C’est … »).
    #[cfg(test)]
    fn opens_on_anaphora(&self, sentence: &str) -> bool {
        self.goes_on_from_before(&opening(sentence), sentence)
    }

    /// Whether a sentence, its `opening` given, opens on a word or phrase of
    /// `anaphoric_openers` that is no impersonal « Il », or in lowercase: it
    /// goes on with the sentence before (« … sa garde-robe. en donnant tout
    /// … »; 4 of 180 such sentences open a section in the held-out articles).
    fn goes_on_from_before(&self, opening: &str, sentence: &str) -> bool {
        let lowercase = sentence
            .chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(char::is_lowercase);
        lowercase
            || opens_on(opening, &self.rules.anaphoric_openers) && !french::impersonal_il(sentence)
    }

    /// Whether a sentence opens on a word of `framing_openers` (« Lorsque
    /// … », « Aujourd’hui, … », « D’abord, … »).
    #[cfg(test)]
    fn opens_a_frame(&self, sentence: &str) -> bool {
        opens_on(&opening(sentence), &self.rules.framing_openers)
    }

    /// The cost of a boundary at each gap of a part (gap g lies between
    /// sentences g-1 and g; entries 0 and n are unused): low where cohesion
    /// dips, chains break, the topic lexicons shift or the author started a
    /// paragraph; infinite between sentences the source glued together.
    fn gap_costs(
        &self,
        ids: &[usize],
        stems: &[Vec<String>],
        chain_at: &[f64],
        marks: &Marks,
    ) -> Vec<f64> {
        let Marks {
            para_starts,
            questions,
            glued,
            quoted,
            anaphoric,
            framing,
            article,
            thematic,
        } = *marks;
        let n = ids.len();
        let r = &self.rules;
        // cohesion across each gap g (between sentence g-1 and g), 1..n
        let w = r.window.clamp(1, n.max(1));
        let mut sim = vec![0.0f64; n + 1];
        for (g, v) in sim.iter_mut().enumerate().take(n).skip(1) {
            let left = bag(ids[g.saturating_sub(w)..g].iter().map(|&i| &stems[i]));
            let right = bag(ids[g..(g + w).min(n)].iter().map(|&i| &stems[i]));
            *v = cosine(&left, &right);
        }
        // TextTiling depth: how far the similarity dips below the peaks around it
        let mut gap_cost = vec![0.0f64; n + 1];
        for g in 1..n {
            let mut lp = sim[g];
            let mut k = g;
            while k > 1 && sim[k - 1] >= lp {
                lp = sim[k - 1];
                k -= 1;
            }
            let mut rp = sim[g];
            let mut k = g;
            while k + 1 < n && sim[k + 1] >= rp {
                rp = sim[k + 1];
                k += 1;
            }
            let depth = (lp - sim[g]) + (rp - sim[g]);
            let mut c = r.cohesion_weight * sim[g]
                - r.depth_weight * depth
                - r.chain_weight * chain_at[ids[g]];
            let tl = self.topic_of(
                ids[g.saturating_sub(w)..g]
                    .iter()
                    .flat_map(|&i| stems[i].iter()),
            );
            let tr = self.topic_of(ids[g..(g + w).min(n)].iter().flat_map(|&i| stems[i].iter()));
            if let (Some(a), Some(b)) = (tl, tr) {
                if a.id != b.id {
                    c -= r.topic_shift_bonus;
                }
            }
            if para_starts[g] {
                c -= r.paragraph_bonus;
            }
            if questions[g] {
                c -= r.question_bonus;
            }
            if anaphoric[g] {
                c += r.anaphoric_cost;
            }
            if framing[g] {
                c -= r.framing_bonus;
            }
            if article[g] {
                c -= r.article_bonus;
            }
            c -= r.thematic_weight * thematic[g];
            if quoted[g] {
                // a quotation is not cut by a heading, unless nothing else
                // keeps the section under the bound
                c += INSIDE_QUOTE_COST;
            }
            if glued[g] {
                // never part two sentences the source wrote together
                c = f64::INFINITY;
            }
            gap_cost[g] = c;
        }
        gap_cost
    }

    /// One level of cuts over a whole part, within `max_words`.
    #[cfg(test)]
    fn cuts(
        &self,
        ids: &[usize],
        words: &[usize],
        stems: &[Vec<String>],
        chain_at: &[f64],
        marks: &Marks,
    ) -> Vec<usize> {
        let gap_cost = self.gap_costs(ids, stems, chain_at, marks);
        let mut prefix = vec![0usize; ids.len() + 1];
        for (k, &i) in ids.iter().enumerate() {
            prefix[k + 1] = prefix[k] + words[i];
        }
        let bounds = Bounds {
            first_target: self.rules.target_words,
            first_min: self.rules.min_words,
            max: self.rules.max_words,
            first_max: self.rules.max_words,
            target: self.rules.target_words,
            cut_cost: 0.0,
        };
        self.segment(&prefix, &gap_cost, 0, ids.len(), bounds, None)
    }

    /// Boundary positions in `lo..hi` (indices into the part, `prefix` its
    /// running word counts) splitting sentences `lo..hi` into sections of at
    /// most `bounds.max` words (`bounds.first_max` for the one opening at
    /// `lo`), as near `bounds.target` as the gap costs allow: one dynamic
    /// programme over every boundary position.
    fn segment(
        &self,
        prefix: &[usize],
        gap_cost: &[f64],
        lo: usize,
        hi: usize,
        bounds: Bounds,
        model: Option<&SegmentModel>,
    ) -> Vec<usize> {
        let r = &self.rules;
        if prefix[hi] - prefix[lo] <= bounds.first_max || hi - lo < 2 {
            return Vec::new();
        }
        let mut counts: Vec<u32> = model.map_or(Vec::new(), |l| vec![0; l.vocab]);
        // best[j - lo]: cost of cutting sentences lo..j into sections ending at j
        let inf = f64::INFINITY;
        let m = hi - lo;
        let mut best = vec![inf; m + 1];
        let mut back = vec![lo; m + 1];
        best[0] = 0.0;
        for j in lo + 1..=hi {
            let mut i = j;
            // the segment model's log likelihood of sentences i..j, grown
            // leftwards
            let (mut tokens, mut loglik) = (0usize, 0.0f64);
            let mut touched: Vec<u32> = Vec::new();
            while i > lo {
                i -= 1;
                if let Some(l) = model {
                    for &t in &l.tokens[i] {
                        let c = &mut counts[t as usize];
                        if *c == 0 {
                            touched.push(t);
                        }
                        loglik += l.ln_count[*c as usize] - l.ln_total[tokens];
                        *c += 1;
                        tokens += 1;
                    }
                }
                let len = prefix[j] - prefix[i];
                let max = if i == lo {
                    bounds.first_max
                } else {
                    bounds.max
                };
                // no section holds more than MAX_SENTENCES sentences (in prose that
                // is far past the word bound; it keeps runs of tiny sentences linear)
                if (len > max || j - i > MAX_SENTENCES) && j - i > 1 {
                    if i == lo {
                        break;
                    }
                    // the opening section may be held to a tighter bound:
                    // sections further on may still be this long
                    if len > bounds.max.max(bounds.first_max) || j - i > MAX_SENTENCES {
                        break;
                    }
                    continue;
                }
                if best[i - lo] == inf {
                    continue;
                }
                let target = if i == lo {
                    bounds.first_target
                } else {
                    bounds.target
                } as f64;
                let mut cost = best[i - lo] + ((len as f64 - target) / target).powi(2);
                let min = if i == lo {
                    bounds.first_min
                } else {
                    r.min_words
                };
                if len < min {
                    cost += 2.0;
                }
                if i > lo {
                    cost += gap_cost[i] + bounds.cut_cost;
                }
                if let Some(l) = model {
                    cost -= l.weight * loglik;
                }
                if cost < best[j - lo] {
                    best[j - lo] = cost;
                    back[j - lo] = i;
                }
            }
            for t in touched {
                counts[t as usize] = 0;
            }
        }
        let mut cuts = Vec::new();
        let mut j = hi;
        while j > lo {
            let i = back[j - lo];
            if i > lo {
                cuts.push(i);
            }
            j = i;
        }
        cuts.reverse();
        cuts
    }

    /// Group a section's sentences into short paragraphs, starting a new one
    /// wherever the author did.
    fn paragraphs(
        &self,
        ids: &[usize],
        starts: &[bool],
        words: &[usize],
        sentences: &[crate::model::Sentence],
    ) -> Vec<Block> {
        let r = &self.rules;
        let mut groups: Vec<Vec<usize>> = Vec::new();
        // the article's first paragraph, when it is one short sentence that
        // ends as one (a line without its full stop would run on)
        let kicker = ids.first() == Some(&0)
            && starts.get(1) == Some(&true)
            && words.first().is_some_and(|&w| w > 0 && w <= r.kicker_words)
            && sentences.first().is_some_and(|s| {
                s.text
                    .trim_end_matches([' ', '»', '"', '”', ')'])
                    .ends_with(['.', '!', '?', '…'])
            });
        for (k, &id) in ids.iter().enumerate() {
            if k == 0 || (starts[k] && !(kicker && k == 1)) {
                groups.push(Vec::new());
            }
            if let Some(g) = groups.last_mut() {
                g.push(id);
            }
        }
        let mut blocks = Vec::new();
        for g in groups {
            let total: usize = g.iter().map(|&i| words[i]).sum();
            if total <= r.max_paragraph_words && g.len() <= r.max_paragraph_sentences {
                blocks.push(Block::Paragraph { sentences: g });
                continue;
            }
            // split into balanced pieces
            let pieces = (total.div_ceil(r.max_paragraph_words))
                .max(g.len().div_ceil(r.max_paragraph_sentences))
                .max(1);
            let per = total as f64 / pieces as f64;
            let mut cur = Vec::new();
            let mut acc = 0usize;
            for &id in &g {
                let wc = words[id];
                if !cur.is_empty()
                    && !sentences[id].glued
                    && (acc + wc > r.max_paragraph_words
                        || cur.len() >= r.max_paragraph_sentences
                        || (acc as f64 + wc as f64 / 2.0) > per)
                {
                    blocks.push(Block::Paragraph {
                        sentences: std::mem::take(&mut cur),
                    });
                    acc = 0;
                }
                cur.push(id);
                acc += wc;
            }
            if !cur.is_empty() {
                blocks.push(Block::Paragraph { sentences: cur });
            }
        }
        blocks
    }
}

/// Lexical-chain boundary score of each gap `g` (between sentence `g-1` and
/// `g`) of a part, standardised over its gaps (mean 0, deviation 1; all 0
/// when they are equal). A chain is a run of sentences repeating a stem with
/// at most `hiatus` sentences between two occurrences, weighted by its
/// occurrences times the log of the part's length over its span, so that a
/// dense local chain counts more than a term spread over the whole text
/// (Galley et al. 2003). A gap scores the weight of the chains that start
/// right after it plus those that end right before it.
fn chain_scores(ids: &[usize], stems: &[Vec<String>], hiatus: usize) -> Vec<f64> {
    let n = ids.len();
    let mut score = vec![0.0f64; n + 1];
    if n < 3 {
        return score;
    }
    // (stem, position) pairs, each stem once per sentence, sorted: ordered
    // runs per stem and a summation order that does not depend on hashing
    let mut occ: Vec<(&str, usize)> = ids
        .iter()
        .enumerate()
        .flat_map(|(k, &i)| stems[i].iter().map(move |s| (s.as_str(), k)))
        .collect();
    occ.sort_unstable();
    occ.dedup();
    let mut starts = vec![0.0f64; n];
    let mut ends = vec![0.0f64; n];
    let mut close = |first: usize, last: usize, count: usize| {
        if count >= 2 {
            let w = count as f64 * (n as f64 / (last - first + 1) as f64).ln();
            starts[first] += w;
            ends[last] += w;
        }
    };
    let mut k = 0;
    while k < occ.len() {
        let stem = occ[k].0;
        let (mut first, mut last, mut count) = (occ[k].1, occ[k].1, 1);
        k += 1;
        while k < occ.len() && occ[k].0 == stem {
            let p = occ[k].1;
            if p - last > hiatus.saturating_add(1) {
                close(first, last, count);
                (first, count) = (p, 0);
            }
            last = p;
            count += 1;
            k += 1;
        }
        close(first, last, count);
    }
    let gaps = (n - 1) as f64;
    for g in 1..n {
        score[g] = starts[g] + ends[g - 1];
    }
    let mean = score[1..n].iter().sum::<f64>() / gaps;
    let var = score[1..n].iter().map(|v| (v - mean).powi(2)).sum::<f64>() / gaps;
    let sd = var.sqrt();
    for v in score[1..n].iter_mut() {
        *v = if sd > 1e-12 { (*v - mean) / sd } else { 0.0 };
    }
    score
}

/// How thematic each sentence of `ids` is: the mean, over its distinct
/// content stems, of the log of the number of sentences of `ids` that hold
/// the stem. A sentence made of the article's recurring terms scores high, one
/// of terms used once scores 0; `None` for a sentence without content stems.
fn thematic_scores(ids: &[usize], stems: &[Vec<String>]) -> Vec<Option<f64>> {
    let distinct: Vec<Vec<&str>> = ids
        .iter()
        .map(|&i| {
            let mut v: Vec<&str> = stems[i].iter().map(String::as_str).collect();
            v.sort_unstable();
            v.dedup();
            v
        })
        .collect();
    let mut df: HashMap<&str, usize> = HashMap::default();
    for s in distinct.iter().flatten() {
        *df.entry(s).or_insert(0) += 1;
    }
    distinct
        .iter()
        .map(|v| {
            (!v.is_empty())
                .then(|| v.iter().map(|s| (df[s] as f64).ln()).sum::<f64>() / v.len() as f64)
        })
        .collect()
}

/// Standard scores of a part's values (mean 0, deviation 1), a missing value
/// counting as the mean; all 0 when the values are equal.
fn standardised(values: impl Iterator<Item = Option<f64>>) -> Vec<f64> {
    let values: Vec<Option<f64>> = values.collect();
    let known: Vec<f64> = values.iter().flatten().copied().collect();
    if known.is_empty() {
        return vec![0.0; values.len()];
    }
    let mean = known.iter().sum::<f64>() / known.len() as f64;
    let filled: Vec<f64> = values.iter().map(|v| v.unwrap_or(mean)).collect();
    let var = filled.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / filled.len() as f64;
    let sd = var.sqrt();
    filled
        .iter()
        .map(|v| if sd > 1e-12 { (v - mean) / sd } else { 0.0 })
        .collect()
}

/// Stem counts of a window, sorted by stem (small: a few sentences).
fn bag<'a>(items: impl Iterator<Item = &'a Vec<String>>) -> Vec<(&'a str, f64)> {
    let mut v: Vec<&str> = items.flat_map(|v| v.iter().map(String::as_str)).collect();
    v.sort_unstable();
    let mut out: Vec<(&str, f64)> = Vec::with_capacity(v.len());
    for s in v {
        match out.last_mut() {
            Some((k, n)) if *k == s => *n += 1.0,
            _ => out.push((s, 1.0)),
        }
    }
    out
}

fn cosine(a: &[(&str, f64)], b: &[(&str, f64)]) -> f64 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    let na: f64 = a.iter().map(|(_, v)| v * v).sum::<f64>().sqrt();
    let nb: f64 = b.iter().map(|(_, v)| v * v).sum::<f64>().sqrt();
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot / (na * nb)
    }
}

/// The stages up to this one on a test text, with the embedded rules.
#[cfg(test)]
pub(crate) fn sectioned(text: &str) -> (Outline, Vec<Section>) {
    use crate::sentences::Splitter;
    use crate::structure::Structurer;
    let src = Source::embedded();
    let lex = Lexicon::load(&src).unwrap();
    let outline = Structurer::load(&src)
        .unwrap()
        .run(text, &Splitter::load(&src).unwrap(), &lex);
    let sections = Sectioner::load(&src).unwrap().run(&outline, &lex);
    (outline, sections)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two topics, schools then football, each of `reps` pairs of sentences.
    fn two_topics(reps: usize) -> String {
        let a = "Le conseil municipal a voté le budget des écoles pour l’année prochaine. Les cantines serviront davantage de produits locaux et de saison. ";
        let b = "Le club de football local a remporté son match de dimanche. Les supporters ont fêté la victoire jusque tard dans la soirée. ";
        format!("{}{}", a.repeat(reps), b.repeat(reps))
    }

    fn long_text() -> String {
        two_topics(12)
    }

    /// The first sentence about football.
    fn football(outline: &Outline) -> usize {
        outline
            .sentences
            .iter()
            .position(|s| s.text.contains("football"))
            .unwrap()
    }

    /// The sentences of a section, and their words.
    fn section_sentences(outline: &Outline, section: &Section) -> (Vec<usize>, usize) {
        let ids: Vec<usize> = section
            .blocks
            .iter()
            .flat_map(|b| match b {
                Block::Paragraph { sentences } => sentences.clone(),
                _ => Vec::new(),
            })
            .collect();
        let words = ids
            .iter()
            .map(|&i| french::word_count(&outline.sentences[i].text))
            .sum();
        (ids, words)
    }

    #[test]
    fn long_parts_are_split_within_bounds_without_reordering() {
        let (outline, sections) = sectioned(&long_text());
        assert!(sections.len() >= 2, "a long part is split");
        let mut order = Vec::new();
        for s in &sections {
            let (ids, words) = section_sentences(&outline, s);
            assert!(words <= 280, "{words} words in one section");
            order.extend(ids);
        }
        assert_eq!(
            order,
            (0..outline.sentences.len()).collect::<Vec<_>>(),
            "every sentence once, in order"
        );
    }

    /// The first paragraph's sentences.
    fn first_paragraph(sections: &[Section]) -> Vec<usize> {
        sections
            .iter()
            .flat_map(|s| s.blocks.iter())
            .find_map(|b| match b {
                Block::Paragraph { sentences } => Some(sentences.clone()),
                _ => None,
            })
            .unwrap_or_default()
    }

    #[test]
    fn a_kicker_joins_the_introduction() {
        let body = "Le conseil municipal a voté le budget des écoles pour l’année prochaine. Les cantines serviront davantage de produits locaux et de saison.\n\nLes parents d’élèves ont salué la décision lors de la réunion de jeudi soir.";
        // (under the page's title: a first line alone is the title)
        let (outline, sections) = sectioned(&format!(
            "Cantines : le menu change\n\nMangez local !\n\n{body}"
        ));
        assert_eq!(outline.title.as_deref(), Some("Cantines : le menu change"));
        assert_eq!(first_paragraph(&sections), vec![0, 1, 2]);
        // a line that does not end as a sentence is not joined to the next
        let (outline, sections) = sectioned(&format!(
            "Cantines : le menu change\n\nNos enfants mangent local (cantines)\n\n{body}"
        ));
        let first = first_paragraph(&sections);
        assert!(outline.sentences[first[0]].text.starts_with("Nos enfants"));
        assert_eq!(first.len(), 1, "{first:?}");
        // a longer first sentence is a paragraph of its own
        let (_, sections) = sectioned(&format!(
            "Cantines : le menu change\n\nLes cantines de la ville changent enfin de menu cette année !\n\n{body}"
        ));
        assert_eq!(first_paragraph(&sections), vec![0]);
    }

    #[test]
    fn paragraphs_stay_short() {
        let (outline, sections) = sectioned(&long_text());
        for s in &sections {
            for b in &s.blocks {
                if let Block::Paragraph { sentences } = b {
                    let words: usize = sentences
                        .iter()
                        .map(|&i| french::word_count(&outline.sentences[i].text))
                        .sum();
                    assert!(words <= 110 && sentences.len() <= 4);
                }
            }
        }
    }

    /// The first sentence of each section that opens on a paragraph.
    fn section_starts(sections: &[Section]) -> Vec<usize> {
        sections
            .iter()
            .filter_map(|s| match s.blocks.first() {
                Some(Block::Paragraph { sentences }) => sentences.first().copied(),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_cut_falls_near_the_topic_change() {
        let (outline, sections) = sectioned(&long_text());
        // the first sentence about football opens a section or sits next to a cut
        let football = football(&outline);
        let starts = section_starts(&sections);
        assert!(
            starts.iter().any(|&s| s.abs_diff(football) <= 2),
            "cuts at {starts:?}, topic changes at {football}"
        );
    }

    #[test]
    fn framing_openers_are_read_with_either_apostrophe() {
        let s = Sectioner::load(&Source::embedded()).unwrap();
        assert!(s.opens_a_frame("Aujourd'hui, la halle accueille le marché."));
        assert!(s.opens_a_frame("« Lorsqu’il pleut, le marché se tient sous la halle. »"));
        assert!(s.opens_a_frame("Enfin, la mairie ouvrira un parking."));
        assert!(!s.opens_a_frame("La halle accueille le marché."));
        assert!(s.opens_on_anaphora("C'est la halle qui accueille le marché."));
    }

    #[test]
    fn openers_are_matched_as_whole_words_and_phrases() {
        let s = Sectioner::load(&Source::embedded()).unwrap();
        for t in [
            "Il y vend des fleurs de saison.",
            "De plus, la halle ferme le lundi.",
            "Ensuite, le marché s’installe sous la halle.",
            "« Mais la halle ferme le lundi. »",
            "Ces fleurs viennent du jardin.",
            "Par ailleurs, la mairie ouvre un parking.",
            // a sentence in lowercase goes on with the one before
            "en donnant tout ce que je ne portais plus.",
            "« et le marché ferme à midi. »",
        ] {
            assert!(s.opens_on_anaphora(t), "{t}");
        }
        for t in [
            // an impersonal « Il » points back to nothing
            "Il y a trois halles dans la ville.",
            "Il n’y a pas de marché le lundi.",
            "Il faut arriver tôt au marché.",
            "Il est possible de venir à vélo.",
            // a demonstrative determiner names its subject again
            "Cette halle date de 1900.",
            // whole words only
            "Depuis 2020, la halle ouvre le dimanche.",
            "Ilots de fraîcheur : la ville plante des arbres.",
            "Paris accueille le salon.",
        ] {
            assert!(!s.opens_on_anaphora(t), "{t}");
        }
        assert!(!s.opens_a_frame("Ensuite, le marché s’installe."));
        assert!(!s.opens_a_frame("Pourtant le marché s’installe."));
        let article = |t: &str| opens_on(&opening(t), &s.rules.article_openers);
        assert!(article("La mairie ouvre un parking."));
        assert!(article("L’été, la halle ferme plus tard."));
        assert!(article("« Un marché couvert, enfin ! »"));
        assert!(!article("Lundi, la halle ferme."));
        assert!(!article("Leur halle ferme le lundi."));
    }

    #[test]
    fn a_section_opens_where_a_subject_is_named_afresh() {
        // sixteen sentences of twenty words with terms of their own: the
        // lengths alone cut in the middle; a sentence near it that opens on
        // an article (« La mairie … ») draws the cut, one that opens on a
        // connective (« Ensuite, … ») pushes it away
        let n = 16;
        let stems: Vec<Vec<String>> = (0..n)
            .map(|i| (0..4).map(|k| format!("mot{i}x{k}")).collect())
            .collect();
        let ids: Vec<usize> = (0..n).collect();
        let words = vec![20; n];
        let no = vec![false; n];
        let thematic = vec![0.0; n];
        let chains = vec![0.0; n];
        let mut article = no.clone();
        article[9] = true;
        let mut anaphoric = no.clone();
        anaphoric[8] = true;
        let marks = |article, anaphoric| Marks {
            para_starts: &no,
            questions: &no,
            glued: &no,
            quoted: &no,
            anaphoric,
            framing: &no,
            article,
            thematic: &thematic,
        };
        let s = Sectioner::load(&Source::embedded()).unwrap();
        assert_eq!(s.cuts(&ids, &words, &stems, &chains, &marks(&no, &no)), [8]);
        assert_eq!(
            s.cuts(&ids, &words, &stems, &chains, &marks(&article, &no)),
            [9]
        );
        let away = s.cuts(&ids, &words, &stems, &chains, &marks(&no, &anaphoric));
        assert!(away == [7] || away == [9], "{away:?}");
    }

    #[test]
    fn text_without_headings_is_cut_by_topic_then_by_length() {
        // two topics of about 450 words each: an introduction, one section
        // per topic, each split into subsections to stay within the bound
        let (outline, sections) = sectioned(&two_topics(20));
        let football = football(&outline);
        let starts = section_starts(&sections);
        let topical: Vec<usize> = starts
            .iter()
            .zip(&sections)
            .skip(1)
            .filter(|(_, s)| !s.subsection)
            .map(|(&i, _)| i)
            .collect();
        // the introduction ends within the bound, then one section per topic
        assert_eq!(topical.len(), 2, "{starts:?} {topical:?}");
        assert!(
            topical[1].abs_diff(football) <= 2,
            "{topical:?} vs {football}"
        );
        assert!(
            sections.iter().any(|s| s.subsection),
            "long topics are split"
        );
        for s in &sections {
            let (_, words) = section_sentences(&outline, s);
            assert!(words <= 280, "{words} words in one section");
        }
    }

    #[test]
    fn the_segment_model_cuts_where_the_vocabulary_changes() {
        // 16 sentences of 30 words: six on one set of stems, ten on another;
        // no window cue at all (every gap costs the same)
        let s = Sectioner::load(&Source::embedded()).unwrap();
        let stems: Vec<Vec<String>> = (0..16)
            .map(|i| {
                let set = if i < 6 { "a" } else { "b" };
                (0..5).map(|k| format!("{set}{}", (i + k) % 7)).collect()
            })
            .collect();
        let prefix: Vec<usize> = (0..=16).map(|i| i * 30).collect();
        let gap_cost = vec![0.0; 17];
        let bounds = Bounds {
            max: 600,
            first_max: 280,
            target: 280,
            first_target: 280,
            first_min: 60,
            cut_cost: s.rules.topic_cut_cost,
        };
        // without the model, the length alone places the cut
        assert_eq!(s.segment(&prefix, &gap_cost, 0, 16, bounds, None), vec![8]);
        let model = SegmentModel::new(stems.iter(), s.rules.topic_model_weight, 0.5);
        assert_eq!(
            s.segment(&prefix, &gap_cost, 0, 16, bounds, Some(&model)),
            vec![6]
        );
        // one vocabulary throughout: the length decides again
        let same: Vec<Vec<String>> = (0..16)
            .map(|i| (0..5).map(|k| format!("a{}", (i + k) % 7)).collect())
            .collect();
        let model = SegmentModel::new(same.iter(), s.rules.topic_model_weight, 0.5);
        assert_eq!(
            s.segment(&prefix, &gap_cost, 0, 16, bounds, Some(&model)),
            vec![8]
        );
    }

    #[test]
    fn the_introduction_aims_at_a_lead() {
        // 16 sentences of 30 words, no cue anywhere: with the target of a
        // lead, the introduction is two sentences (60 words), and a lead of
        // one sentence pays nothing for its shortness
        let s = Sectioner::load(&Source::embedded()).unwrap();
        let prefix: Vec<usize> = (0..=16).map(|i| i * 30).collect();
        let gap_cost = vec![0.0; 17];
        let bounds = |first_target, first_min| Bounds {
            max: 600,
            first_max: 280,
            target: 280,
            first_target,
            first_min,
            cut_cost: 0.0,
        };
        let cuts = s.segment(&prefix, &gap_cost, 0, 16, bounds(280, 60), None);
        assert!(cuts[0] >= 8, "{cuts:?}");
        let cuts = s.segment(&prefix, &gap_cost, 0, 16, bounds(60, 0), None);
        assert_eq!(cuts[0], 2, "{cuts:?}");
        let cuts = s.segment(&prefix, &gap_cost, 0, 16, bounds(30, 0), None);
        assert_eq!(cuts[0], 1, "{cuts:?}");
    }

    #[test]
    fn quotations_are_tracked_across_sentences() {
        let t = [
            "Il a dit : « Nous viendrons.",
            "Nous resterons.",
            "Nous partirons. »",
            "La suite.",
            "Un « bref » mot.",
            "Elle a répondu : “Oui.",
            "Bien sûr.”",
            "Fin.",
        ];
        assert_eq!(
            french::inside_quotation(t.into_iter()),
            [false, true, true, false, false, false, true, false]
        );
        // a mark never closed forbids nothing
        let stray = ["Il a dit : « Nous viendrons.", "Nous resterons.", "Fin."];
        assert_eq!(french::inside_quotation(stray.into_iter()), [false; 3]);
        let straight = ["Il a dit : \"Oui.", "Bien sûr.\"", "Fin."];
        assert_eq!(
            french::inside_quotation(straight.into_iter()),
            [false, true, false]
        );
    }

    #[test]
    fn no_cut_falls_inside_a_quotation() {
        // the topic turns inside the mayor's words: the cut goes before or after them
        let a = "Le conseil municipal a voté le budget des écoles pour l’année prochaine. Les cantines serviront davantage de produits locaux et de saison. ";
        let quote = "Le maire a déclaré : « Nous tenons nos promesses pour les écoles et les cantines. Le club de football mérite lui aussi notre soutien. Les supporters du club seront reçus à la mairie. » ";
        let b = "Le club de football local a remporté son match de dimanche. Les supporters ont fêté la victoire jusque tard dans la soirée. ";
        let text = format!("{}{quote}{}", a.repeat(8), b.repeat(8));
        let (outline, sections) = sectioned(&text);
        assert!(sections.len() >= 2, "a long part is split");
        let open = outline
            .sentences
            .iter()
            .position(|s| s.text.contains('«'))
            .unwrap();
        let close = outline
            .sentences
            .iter()
            .position(|s| s.text.contains('»'))
            .unwrap();
        assert!(close > open + 1, "the quotation spans sentences");
        for first in section_starts(&sections) {
            assert!(
                first <= open || first > close,
                "a section opens at sentence {first}, inside the quotation {open}..={close}"
            );
        }
    }

    #[test]
    fn no_section_opens_on_a_word_that_points_back() {
        // nothing in the words tells where to cut this even text: the cut
        // that balances the lengths would open a section on « Il », and moves
        let a = "Les habitants du quartier se retrouvent chaque semaine sur la place du marché. ";
        let turn = "Il y vend des légumes du jardin et des fleurs de saison. ";
        for at in [12, 13, 14, 15, 16] {
            let text = format!("{}{turn}{}", a.repeat(at), a.repeat(29 - at));
            let (outline, sections) = sectioned(&text);
            assert!(sections.len() >= 2, "a long part is split");
            let turn_at = outline
                .sentences
                .iter()
                .position(|s| s.text.starts_with("Il"))
                .unwrap();
            assert!(
                !section_starts(&sections).contains(&turn_at),
                "a section opens on « Il y vend … »"
            );
        }
    }

    #[test]
    fn thematic_scores_rise_with_the_articles_recurring_terms() {
        let st = |w: &[&str]| w.iter().map(|x| x.to_string()).collect::<Vec<String>>();
        let stems = vec![
            st(&["jardin", "légum"]),
            st(&["jardin", "légum", "jardin"]),
            st(&["arros", "pluie"]),
            st(&["jardin", "sais"]),
            st(&[]),
        ];
        let ids: Vec<usize> = (0..stems.len()).collect();
        let t = thematic_scores(&ids, &stems);
        let (two, three) = (2f64.ln(), 3f64.ln());
        // a stem counts once per sentence
        assert_eq!(t[0], Some((three + two) / 2.0));
        assert_eq!(t[1], t[0]);
        assert_eq!(t[2], Some(0.0), "terms used once");
        assert_eq!(t[3], Some(three / 2.0));
        assert_eq!(t[4], None, "no content stem");
        let z = standardised(t.into_iter());
        let mean: f64 = z.iter().sum::<f64>() / z.len() as f64;
        assert!(mean.abs() < 1e-9, "{z:?}");
        assert!(z[0] > z[3] && z[3] > z[2], "{z:?}");
        assert_eq!(z[4], 0.0, "a missing value counts as the mean");
        assert_eq!(
            standardised([Some(1.0), None, Some(1.0)].into_iter()),
            [0.0; 3]
        );
        assert_eq!(standardised([None, None].into_iter()), [0.0; 2]);
    }

    #[test]
    fn a_section_opens_on_the_sentence_in_the_articles_terms() {
        // sixteen sentences of twenty words, each with terms of its own; the
        // one at 11 is made of terms that sentences far from it repeat
        let n = 16;
        let mut stems: Vec<Vec<String>> = (0..n)
            .map(|i| (0..4).map(|k| format!("mot{i}x{k}")).collect())
            .collect();
        let theme: Vec<String> = ["quarti", "march", "plac", "habit"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        for (k, &far) in [0usize, 1, 2, 3].iter().enumerate() {
            stems[far].push(theme[k].clone());
        }
        stems[11] = theme.clone();
        let ids: Vec<usize> = (0..n).collect();
        let words = vec![20; n];
        let no = vec![false; n];
        let thematic = standardised(thematic_scores(&ids, &stems).into_iter());
        let marks = Marks {
            para_starts: &no,
            questions: &no,
            glued: &no,
            quoted: &no,
            anaphoric: &no,
            framing: &no,
            article: &no,
            thematic: &thematic,
        };
        let chains = vec![0.0; n];
        let mut s = Sectioner::load(&Source::embedded()).unwrap();
        assert!(s.rules.thematic_weight > 0.0);
        assert_eq!(s.cuts(&ids, &words, &stems, &chains, &marks), [11]);
        // without the cue the lengths alone decide: the middle
        s.rules.thematic_weight = 0.0;
        assert_eq!(s.cuts(&ids, &words, &stems, &chains, &marks), [8]);
    }

    #[test]
    fn chain_score_peaks_where_repeated_terms_change() {
        let st = |w: &[&str]| w.iter().map(|x| x.to_string()).collect::<Vec<String>>();
        // three sentences about the harbour, then three about the orchard
        let stems = vec![
            st(&["port", "bateau"]),
            st(&["port", "quai"]),
            st(&["bateau", "quai"]),
            st(&["verger", "pomm"]),
            st(&["verger", "cueillet"]),
            st(&["pomm", "cueillet"]),
        ];
        let ids: Vec<usize> = (0..stems.len()).collect();
        let score = chain_scores(&ids, &stems, 2);
        let best = (1..ids.len())
            .max_by(|&a, &b| score[a].total_cmp(&score[b]).then(b.cmp(&a)))
            .unwrap();
        assert_eq!(best, 3, "scores {score:?}");
        let mean: f64 = score[1..ids.len()].iter().sum::<f64>() / 5.0;
        assert!(mean.abs() < 1e-9, "standardised: {score:?}");
        assert_eq!(score, chain_scores(&ids, &stems, 2), "deterministic");
        // too short or without repeats: no signal
        assert!(chain_scores(&ids[..2], &stems, 2).iter().all(|&v| v == 0.0));
        let flat = vec![st(&["un"]), st(&["deux"]), st(&["trois"]), st(&["quatre"])];
        assert!(chain_scores(&[0, 1, 2, 3], &flat, 2)
            .iter()
            .all(|&v| v == 0.0));
    }
}
