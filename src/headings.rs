//! Stage 9: every section gets a heading. The author's own (recovered) headings
//! are kept as written; the others are generated from the section's salient
//! terms through the templates of `rules/headings.yaml`, in sentence case, at most
//! `max_chars` long, unique, never the same template twice in a row, and with the
//! focus keyphrase in a share of all headings that Yoast accepts (30–75 %).
use crate::error::Result;
use crate::french::{self, elision, typography, Lexicon};
use crate::fxhash::FxHashSet as HashSet;
use crate::keywords::{self, Keywords, Term};
use crate::model::{Block, Heading, HeadingOrigin, Section, SectionKind, Sentence};
use crate::rules::Source;
use serde::Deserialize;

/// At most this many expansion sections are asked for the density band.
pub const MAX_BAND_SECTIONS: usize = 3;

const FILE: &str = "rules/headings.yaml";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeadingRules {
    pub max_chars: usize,
    /// Share of headings that should carry the keyphrase (Yoast: 0.3–0.75).
    pub keyphrase_share_min: f64,
    pub keyphrase_share_max: f64,
    /// One-word terms too general to name a section alone, tried last.
    /// Optional.
    #[serde(default)]
    pub generic_nouns: Vec<String>,
    /// Names of peoples, in lowercase (« japonais », « européens »): after a
    /// plural determiner a term that opens on one names people and takes a
    /// capital (« des Japonais »), whatever the author wrote; « le
    /// japonais », the language, keeps its lowercase. Optional.
    #[serde(default)]
    pub peoples: Vec<String>,
    pub templates: Vec<Template>,
}

/// A heading template. Placeholders: `{np}` the term with its determiner
/// ("les usines d’IA"), `{term}` the bare term, `{de_np}` the term after "de"
/// with contraction ("des usines d’IA", "du marché", "de l’IA"), `{np2}` a second
/// term with its determiner.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub id: String,
    pub text: String,
    /// Sample values the test suite renders and checks with Grammalecte.
    #[serde(default)]
    pub examples: Vec<String>,
    /// The fewest words the main term must have: a bare term of one word
    /// (« Le code », « Le problème et la conversation ») names no section.
    /// Optional (no minimum).
    #[serde(default)]
    pub min_words: usize,
    /// The template names the section's terms and nothing else (« {np} »,
    /// « {np} et {np2} »): an editor's heading, tried before the formulaic
    /// ones and free to come back every other heading. Optional.
    #[serde(default)]
    pub plain: bool,
}

pub struct HeadingWriter {
    pub rules: HeadingRules,
}

/// A term ready for a template.
#[derive(Debug, Clone)]
pub struct Np {
    pub term: String,
    pub determiner: Option<String>,
}

impl Np {
    fn from_term(t: &Term) -> Np {
        Np {
            term: t.surface.clone(),
            determiner: t.determiner.clone(),
        }
    }

    /// A name the text writes with its capital and without an article
    /// (« Mes Aides », « Nos Gestes Climat »): it takes none in a heading.
    pub fn is_name(&self) -> bool {
        self.determiner.is_none()
            && french::starts_upper(&self.term)
            && self.term.chars().any(char::is_lowercase)
    }

    pub fn plural(&self) -> bool {
        if self.is_name() {
            return false;
        }
        matches!(
            self.determiner.as_deref(),
            Some("les" | "des" | "aux" | "ces" | "ses" | "leurs" | "nos" | "vos")
        ) || (self.determiner.is_none()
            && self
                .term
                .split_whitespace()
                .next()
                .is_some_and(|w| w.ends_with(['s', 'x']) && w.chars().count() > 3))
    }

    fn feminine(&self) -> bool {
        matches!(
            self.determiner.as_deref(),
            Some("la" | "une" | "cette" | "sa")
        )
    }

    /// With its definite article: "les usines d’IA", "l’industrie".
    pub fn with_article(&self) -> String {
        if self.is_name() {
            return self.term.clone();
        }
        let plural = self.plural();
        let fem = self.feminine();
        let head = self.term.as_str();
        if plural {
            format!("les {head}")
        } else if elision::starts_with_vowel_sound(head) {
            format!("l’{head}")
        } else if fem {
            format!("la {head}")
        } else if matches!(
            self.determiner.as_deref(),
            Some("le" | "du" | "au" | "un" | "ce" | "cet" | "son")
        ) {
            format!("le {head}")
        } else {
            // unknown gender: no article is the safe form for a heading
            head.to_string()
        }
    }

    /// Words of the term (« usines d’IA »: two).
    fn words(&self) -> usize {
        self.term.split_whitespace().count()
    }

    pub fn has_article(&self) -> bool {
        self.with_article() != self.term
    }

    /// After "de": "des usines", "du marché", "de la ville", "de l’IA".
    pub fn after_de(&self) -> String {
        let a = self.with_article();
        if let Some(r) = a.strip_prefix("les ") {
            format!("des {r}")
        } else if let Some(r) = a.strip_prefix("le ") {
            format!("du {r}")
        } else if a == self.term {
            elision::join("de", &self.term)
        } else {
            format!("de {a}")
        }
    }
}

impl HeadingWriter {
    pub fn load(source: &Source) -> Result<HeadingWriter> {
        Ok(HeadingWriter {
            rules: source.yaml(FILE)?,
        })
    }

    /// Fill a template with terms; `None` when a placeholder cannot be
    /// filled. A template with a second term of two words or more counts
    /// the words of both against its `min_words` (« Le projet et les
    /// contributeurs occasionnels »), not two loose words.
    pub fn fill(&self, template: &Template, np: &Np, np2: Option<&Np>) -> Option<String> {
        self.fill_with(template, np, np2, false)
    }

    /// [`fill`](Self::fill), which with `names` also takes a name for the
    /// main term, without an article (« Zoom sur Mes Aides »).
    fn fill_with(
        &self,
        template: &Template,
        np: &Np,
        np2: Option<&Np>,
        names: bool,
    ) -> Option<String> {
        let mut t = template.text.clone();
        let words = match np2.filter(|n2| t.contains("{np2}") && n2.words() >= 2) {
            Some(n2) => np.words() + n2.words(),
            None => np.words(),
        };
        if !(np.has_article() || names && np.is_name()) || words < template.min_words {
            return None;
        }
        if t.contains("{np}") {
            t = t.replace("{np}", &np.with_article());
        }
        t = t
            .replace("{term}", &np.term)
            .replace("{de_np}", &np.after_de());
        if t.contains("{np2}") {
            let n2 = np2.filter(|n| n.has_article())?;
            t = t.replace("{np2}", &n2.with_article());
        }
        // agreement with the main term: {singulier|pluriel}
        while let Some(a) = t.find('{') {
            let len = t[a..].find('}')?;
            let inner = t[a + 1..a + len].to_string();
            let (sg, pl) = inner.split_once('|')?;
            let pick = if np.plural() { pl } else { sg };
            t.replace_range(a..a + len + 1, pick);
        }
        let t = typography::apply(&french::capitalise_first(t.trim()));
        (t.chars().count() <= self.rules.max_chars).then_some(t)
    }

    pub fn run(
        &self,
        sections: &mut Vec<Section>,
        sentences: &[Sentence],
        kw: &Keywords,
        lex: &Lexicon,
    ) {
        // the author's headings keep their words and apostrophes; only
        // their spacing is made French (« Pourquoi ? » with its thin space)
        for h in sections.iter_mut().filter_map(|s| s.heading.as_mut()) {
            if matches!(h.origin, HeadingOrigin::Source { .. }) {
                h.text = typography::spacing(&h.text);
            }
        }
        self.name_sections(sections, sentences, kw, lex);
        self.keyphrase_subheadings(sections, sentences, kw, lex);
        accent_capitals(sections, sentences);
    }

    /// How many more subheadings must carry the keyphrase for its share of the
    /// headings to reach the minimum, counting each added one in the total.
    /// Also counts the subheadings the keyphrase's density band still lacks
    /// when every heading still to be named carries it.
    pub fn keyphrase_shortfall(
        &self,
        sections: &[Section],
        sentences: &[Sentence],
        kw: &Keywords,
        lex: &Lexicon,
    ) -> usize {
        let kp = kw.keyphrase.as_str();
        if kp.is_empty() {
            return 0;
        }
        let fixed: Vec<&Heading> = sections.iter().filter_map(|s| s.heading.as_ref()).collect();
        // sections still to be named can carry it too
        let open = sections
            .iter()
            .enumerate()
            .filter(|(i, s)| *i > 0 && s.heading.is_none())
            .count();
        let total = fixed.len() + open;
        let kp_words = keywords::match_words(kp, lex);
        let with = fixed
            .iter()
            .filter(|h| keywords::mentions_words(&h.text, &kp_words))
            .count()
            + open;
        let min = self.rules.keyphrase_share_min;
        let need = (min * total as f64 - with as f64) / (1.0 - min);
        let for_share = if need <= 0.0 { 0 } else { need.ceil() as usize };
        // sections carrying the keyphrase in their heading until the matches
        // reach the band's minimum, which grows with the words they add
        let density = keywords::Density::of_keywords(sections, sentences, kw, lex, 0);
        let words = density.words + open * keywords::HEADING_WORDS;
        let for_band = (0..=MAX_BAND_SECTIONS)
            .find(|&k| {
                let (min, _) = keywords::density_band(
                    words + k * keywords::SECTION_WORDS,
                    density.match_words,
                );
                density.matches + open + k >= min
            })
            .unwrap_or(MAX_BAND_SECTIONS);
        for_share.max(for_band)
    }

    /// When the author's own headings leave the keyphrase in too few subheadings,
    /// open a subsection (H3) at a paragraph of a long section that speaks of it,
    /// under a generated heading carrying the keyphrase.
    pub fn keyphrase_subheadings(
        &self,
        sections: &mut Vec<Section>,
        sentences: &[Sentence],
        kw: &Keywords,
        lex: &Lexicon,
    ) {
        let kp = kw.keyphrase.as_str();
        if kp.is_empty() {
            return;
        }
        let Some(kp_term) = kw.terms.values().find(|t| {
            t.surface.eq_ignore_ascii_case(kp)
                && (t.det_count >= 1 && t.determiner.is_some() || french::starts_upper(&t.surface))
        }) else {
            return;
        };
        let np = self.people(Np::from_term(kp_term));
        let mut templates = self
            .rules
            .templates
            .iter()
            .filter(|t| !t.text.contains("{np2}"))
            .cycle()
            .take(self.rules.templates.len());
        // counted once, then kept up to date as subheadings are added, so
        // that a long article costs one pass, not one per subheading
        let kw_words = keywords::match_words(kp, lex);
        let mut total = sections.iter().filter(|s| s.heading.is_some()).count();
        let mut with = sections
            .iter()
            .filter_map(|s| s.heading.as_ref())
            .filter(|h| keywords::mentions_words(&h.text, &kw_words))
            .count();
        let mut density = keywords::Density::of_keywords(sections, sentences, kw, lex, 0);
        let mut used: HashSet<String> = sections
            .iter()
            .filter_map(|s| s.heading.as_ref().map(|h| h.text.to_lowercase()))
            .collect();
        // sections before this one hold no spot any more
        let mut from = 0;
        loop {
            let min = (self.rules.keyphrase_share_min * total as f64).ceil() as usize;
            // a subheading is wanted while the keyphrase is in too few of
            // them, or too rare in the text for its density band (when every
            // generated heading already carries it)
            if total == 0 || (with >= min && density.matches >= density.min) {
                return;
            }
            // after adding one: with+1 of total+1 must stay under the maximum,
            // and the keyphrase under its density band
            if (with + 1) as f64 > self.rules.keyphrase_share_max * (total + 1) as f64 {
                return;
            }
            // (up to the analyses' own ceiling: a subheading the share of
            // subheadings needs is worth the margin the band keeps)
            if density.matches + 1 > keywords::density_ceiling(density.words, density.match_words) {
                return;
            }
            // a source section without the keyphrase in its heading, with a later
            // paragraph that holds it
            let mut spot = None;
            for (i, sec) in sections.iter().enumerate().skip(from) {
                if sec.kind != SectionKind::Source
                    || sec
                        .heading
                        .as_ref()
                        .is_some_and(|h| keywords::mentions_words(&h.text, &kw_words))
                {
                    continue;
                }
                for (b, block) in sec.blocks.iter().enumerate().skip(1) {
                    if let Block::Paragraph { sentences: ids } = block {
                        // a sentence with the keyphrase (`keywords::occurrences_in`)
                        let holds = ids
                            .iter()
                            .filter_map(|&id| sentences.get(id))
                            .any(|s| keywords::matches_in(&s.text, &kw_words) > 0);
                        if holds {
                            spot = Some((i, b));
                            break;
                        }
                    }
                }
                if spot.is_some() {
                    break;
                }
            }
            // else a paragraph of three sentences or more whose third or a
            // later one holds it: the subsection opens at that sentence
            if spot.is_none() {
                spot = self.split_at_keyphrase(sections, sentences, &kw_words, from);
            }
            let Some((i, b)) = spot else { return };
            let Some((tpl, text)) = templates.by_ref().find_map(|t| {
                self.fill_with(t, &np, None, true)
                    .filter(|x| !used.contains(&x.to_lowercase()))
                    .map(|x| (t.id.clone(), x))
            }) else {
                return;
            };
            used.insert(text.to_lowercase());
            total += 1;
            if keywords::mentions_words(&text, &kw_words) {
                with += 1;
            }
            density.matches += keywords::matches_in(&text, &kw_words);
            density.words += keywords::density_words(&text);
            (density.min, density.max) = keywords::density_band(density.words, density.match_words);
            let tail = sections[i].blocks.split_off(b);
            let level = if sections[i].heading.is_some() { 3 } else { 2 };
            sections.insert(
                i + 1,
                Section {
                    heading: Some(Heading {
                        text,
                        level,
                        origin: HeadingOrigin::Generated {
                            template: tpl,
                            terms: vec![kp_term.surface.clone()],
                        },
                    }),
                    kind: SectionKind::Source,
                    blocks: tail,
                    heading_options: Vec::new(),
                    subsection: level == 3,
                },
            );
            // section i keeps no paragraph with the keyphrase after its first
            // block, and the new section's heading carries it
            from = i + 2;
        }
    }

    /// Split the first paragraph (of a source section from `from` on, not the
    /// introduction, whose heading lacks the keyphrase) that holds the keyphrase in its third
    /// sentence or later, before that sentence; the section and the block
    /// where the second half now starts.
    fn split_at_keyphrase(
        &self,
        sections: &mut [Section],
        sentences: &[Sentence],
        kw_words: &[String],
        from: usize,
    ) -> Option<(usize, usize)> {
        const MIN_BEFORE: usize = 2;
        for (i, sec) in sections.iter_mut().enumerate().skip(from) {
            // (the introduction keeps its paragraph: the keyphrase is looked
            // for in the article's first one)
            if sec.kind != SectionKind::Source
                || sec.heading.is_none()
                || sec
                    .heading
                    .as_ref()
                    .is_some_and(|h| keywords::mentions_words(&h.text, kw_words))
            {
                continue;
            }
            for b in 0..sec.blocks.len() {
                let Block::Paragraph { sentences: ids } = &sec.blocks[b] else {
                    continue;
                };
                let at = (MIN_BEFORE..ids.len()).find(|&k| {
                    sentences
                        .get(ids[k])
                        .is_some_and(|s| keywords::matches_in(&s.text, kw_words) > 0)
                });
                if let Some(k) = at {
                    let rest = ids[k..].to_vec();
                    let head = ids[..k].to_vec();
                    sec.blocks[b] = Block::Paragraph { sentences: head };
                    sec.blocks
                        .insert(b + 1, Block::Paragraph { sentences: rest });
                    return Some((i, b + 1));
                }
            }
        }
        None
    }

    fn name_sections(
        &self,
        sections: &mut [Section],
        sentences: &[Sentence],
        kw: &Keywords,
        lex: &Lexicon,
    ) {
        let keyphrase = kw.keyphrase.as_str();
        let total = sections
            .iter()
            .enumerate()
            .filter(|(i, s)| *i > 0 || s.heading.is_some())
            .count();
        let kp_words = keywords::match_words(keyphrase, lex);
        let fixed_with_kp = sections
            .iter()
            .filter_map(|s| s.heading.as_ref())
            .filter(|h| keywords::mentions_words(&h.text, &kp_words))
            .count();
        let to_name = sections
            .iter()
            .enumerate()
            .filter(|(i, s)| *i > 0 && s.heading.is_none())
            .count();
        // how many generated headings should carry the keyphrase
        let want_min = (self.rules.keyphrase_share_min * total as f64).ceil() as usize;
        let want_max = (self.rules.keyphrase_share_max * total as f64).floor() as usize;
        // the least that passes: more keyphrase headings only add to its density,
        // unless the text itself holds too few matches for the density band;
        // and never more than the band leaves room for
        let density = keywords::Density::of_keywords(
            sections,
            sentences,
            kw,
            lex,
            to_name * keywords::HEADING_WORDS,
        );
        let share_need = want_min.max(1).saturating_sub(fixed_with_kp);
        let share_room = want_max.saturating_sub(fixed_with_kp);
        let deficit = density.min.saturating_sub(density.matches);
        let headroom = density.max.saturating_sub(density.matches);
        let mut need_kp = share_need.max(deficit).min(share_room).min(to_name);
        let mut budget_kp = share_room.min(headroom.max(share_need));
        let mut used: Vec<String> = sections
            .iter()
            .filter_map(|s| s.heading.as_ref().map(|h| h.text.to_lowercase()))
            .collect();
        let mut last_templates: Vec<String> = Vec::new();
        let mut remaining = to_name;
        // the text writes the keyphrase after a determiner: a generated
        // heading can name it (`generate`)
        let kp_named = kw.terms.values().any(|t| {
            (t.surface.eq_ignore_ascii_case(keyphrase) || t.surface == keyphrase)
                && t.det_count >= 1
                && t.determiner.is_some()
        });
        // stems of the heading before: the next generated one names
        // something else when it can
        let mut prev_stems: Vec<String> = Vec::new();
        for (i, section) in sections.iter_mut().enumerate() {
            if i == 0 || section.heading.is_some() {
                prev_stems = section
                    .heading
                    .as_ref()
                    .map(|h| lex.content_stems(&h.text))
                    .unwrap_or_default();
                continue;
            }
            // spread the keyphrase headings over the remaining ones
            let want_kp = need_kp > 0 && (need_kp * 2 >= remaining || remaining <= need_kp);
            remaining -= 1;
            let heading = if let SectionKind::Expansion { template } = &section.kind {
                let opts = &section.heading_options;
                let pick = opts
                    .iter()
                    .filter(|o| !used.contains(&o.to_lowercase()))
                    .find(|o| keywords::mentions_words(o, &kp_words) == want_kp || opts.len() == 1)
                    .or_else(|| opts.iter().find(|o| !used.contains(&o.to_lowercase())))
                    .cloned();
                pick.map(|text| Heading {
                    text,
                    level: 2,
                    origin: HeadingOrigin::Generated {
                        template: template.clone(),
                        terms: Vec::new(),
                    },
                })
            } else {
                self.generate(
                    &kw.section_terms[i.min(kw.section_terms.len().saturating_sub(1))],
                    kw,
                    lex,
                    want_kp && budget_kp > 0,
                    &used,
                    &last_templates,
                    &prev_stems,
                )
            };
            let mut heading = heading.unwrap_or_else(|| self.fallback(i, &used));
            if section.subsection {
                heading.level = 3;
            }
            // a keyphrase the text never writes after a determiner (« open
            // source » of « les projets open source ») heads no noun phrase:
            // it names the article's topic before a colon (« Open source :
            // le point sur la gouvernance »)
            if want_kp
                && budget_kp > 0
                && !kp_named
                && !matches!(section.kind, SectionKind::Expansion { .. })
                && !keywords::mentions_words(&heading.text, &kp_words)
                && !heading.text.contains(':')
            {
                if let Some(text) = self.topic_first(keyphrase, &heading) {
                    heading.text = text;
                }
            }
            if keywords::mentions_words(&heading.text, &kp_words) {
                need_kp = need_kp.saturating_sub(1);
                budget_kp = budget_kp.saturating_sub(1);
            }
            if let HeadingOrigin::Generated { template, .. } = &heading.origin {
                last_templates.push(template.clone());
            }
            used.push(heading.text.to_lowercase());
            prev_stems = lex.content_stems(&heading.text);
            section.heading = Some(heading);
        }
    }

    /// A heading from the section's terms: whole noun phrases first, then
    /// the section's other terms (« Le point sur le code » is still better
    /// than a stock heading).
    #[allow(clippy::too_many_arguments)]
    fn generate(
        &self,
        terms: &[Term],
        kw: &Keywords,
        lex: &Lexicon,
        want_kp: bool,
        used: &[String],
        last: &[String],
        prev_stems: &[String],
    ) -> Option<Heading> {
        let kp_term = kw
            .terms
            .values()
            .find(|t| t.surface.eq_ignore_ascii_case(&kw.keyphrase) || t.surface == kw.keyphrase);
        // noun phrases only: written after a determiner in the text
        let mut cands: Vec<&Term> = terms
            .iter()
            .filter(|t| t.surface.chars().count() > 3 && t.det_count >= 1 && t.determiner.is_some())
            .filter(|t| !reads_as_participle(t) && !cut(t))
            // an adjective, a number or a time word alone (« propre »,
            // « cinq », « semaine ») names nothing
            .filter(|t| t.surface.contains(' ') || !lex.is_keyphrase_filler(&t.surface))
            // nor does a name the text always goes on (« le Google » of
            // « le Google Play Store »)
            .filter(|t| t.surface.contains(' ') || complete(t) || !french::starts_upper(&t.surface))
            // inclusive spellings (« participant·es ») vary from one writer to
            // the next, and checkers flag the forms they do not expect
            .filter(|t| !t.surface.contains('·'))
            .collect();
        // a plural determiner before a capitalised name reads badly ("les Association")
        cands.retain(|t| {
            let np = Np::from_term(t);
            !(np.plural()
                && t.surface.split_whitespace().any(|w| {
                    let w = elision::strip(w);
                    w.starts_with(char::is_uppercase)
                        && w.chars().filter(|c| c.is_uppercase()).count() == 1
                }))
        });
        // a general noun alone (« l’outil ») comes after the section's
        // other terms (the order is otherwise kept)
        let generic = |t: &Term| {
            !t.surface.contains(' ')
                && self
                    .rules
                    .generic_nouns
                    .iter()
                    .any(|g| g.eq_ignore_ascii_case(&t.surface))
        };
        // a term the heading before already named comes after the others
        let repeats = |t: &Term| t.key.split(' ').any(|k| prev_stems.iter().any(|p| p == k));
        // and a phrase the text does not end there, or writes once as a
        // piece of a sentence, after the whole ones
        let weak = |t: &Term| !complete(t) || loose(t);
        // and a term a heading of the article already named (« L’impact
        // environnemental », then « Le point sur l’impact environnemental »)
        // after those no heading named yet
        let named: HashSet<String> = used.iter().flat_map(|u| lex.content_stems(u)).collect();
        let named_before = |t: &Term| t.key.split(' ').all(|k| named.contains(k));
        cands.sort_by_key(|t| (weak(t), repeats(t), named_before(t), generic(t)));
        if want_kp {
            if let Some(k) = kp_term.filter(|k| k.det_count >= 1 && k.determiner.is_some()) {
                cands.retain(|t| t.key != k.key);
                cands.insert(0, k);
            }
        } else {
            cands.retain(|t| !keywords::mentions(&t.surface, &kw.keyphrase, lex));
        }
        let prev = last.last().map(String::as_str);
        // the keyphrase that the heading before already carries is paired
        // with a term of this section (« Le changement climatique et la
        // climatisation ») rather than named alone again
        let pair_first = want_kp && cands.first().is_some_and(|k| repeats(k));
        for (ci, t) in cands.iter().enumerate().take(6) {
            let np = self.people(Np::from_term(t));
            let seconds: Vec<&Term> = cands
                .iter()
                .skip(ci + 1)
                .filter(|o| !generic(o) && !repeats(o) && !weak(o))
                .filter(|o| {
                    // (« l’Etat » is no second term beside « la startup d’État »)
                    let (a, b) = (
                        french::without_accents(&o.key),
                        french::without_accents(&t.key),
                    );
                    !a.contains(&b) && !b.contains(&a)
                })
                .copied()
                .collect();
            // a second term of two words or more (« et les centres de
            // données »); of one word only beside the keyphrase named again
            // (« Le changement climatique et l’anticipation »), not as a
            // list of two loose words (« La Startup d’État et le terme »)
            let np2 = seconds
                .iter()
                .find(|o| o.surface.contains(' '))
                .or_else(|| seconds.first().filter(|_| pair_first && ci == 0))
                .map(|o| self.people(Np::from_term(o)));
            let mut order = self.template_order(last, &t.key);
            if pair_first && ci == 0 {
                order.sort_by_key(|tpl| !tpl.text.contains("{np2}"));
            }
            for tpl in order {
                if Some(tpl.id.as_str()) == prev {
                    continue;
                }
                // rotate: prefer templates not used recently (a plain one
                // only not twice in a row, checked above)
                if !tpl.plain && last.iter().rev().take(3).any(|l| l == &tpl.id) && last.len() >= 2
                {
                    continue;
                }
                if let Some(text) = self.fill(tpl, &np, np2.as_ref()) {
                    if used.contains(&text.to_lowercase()) {
                        continue;
                    }
                    let mut terms = vec![t.surface.clone()];
                    if tpl.text.contains("{np2}") {
                        if let Some(n) = &np2 {
                            terms.push(n.term.clone());
                        }
                    }
                    return Some(Heading {
                        text,
                        level: 2,
                        origin: HeadingOrigin::Generated {
                            template: tpl.id.clone(),
                            terms,
                        },
                    });
                }
            }
        }
        None
    }

    /// The templates, the least recently used first (`last`: the templates
    /// of the headings so far); among those not used yet, the order of the
    /// file turned by the term, so that articles do not all open alike.
    fn template_order<'a>(&'a self, last: &[String], key: &str) -> Vec<&'a Template> {
        let n = self.rules.templates.len().max(1);
        let turn = key.chars().map(|c| c as usize).sum::<usize>() % n;
        let mut order: Vec<(Option<usize>, bool, usize, &Template)> = self
            .rules
            .templates
            .iter()
            .enumerate()
            .map(|(k, t)| {
                // a plain template counts as unused unless it made the
                // heading just before
                let used_at = last
                    .iter()
                    .rposition(|l| l == &t.id)
                    .filter(|&at| !t.plain || at + 1 == last.len());
                (used_at, !t.plain, (k + n - turn) % n, t)
            })
            .collect();
        order.sort_by_key(|(used_at, formula, k, _)| (*used_at, *formula, *k));
        order.into_iter().map(|(_, _, _, t)| t).collect()
    }

    /// « Topic : heading », the heading after the colon in lowercase unless
    /// it opens on a name (a term the text capitalises), within the length
    /// bound.
    fn topic_first(&self, topic: &str, heading: &Heading) -> Option<String> {
        let name_first = match &heading.origin {
            HeadingOrigin::Generated { terms, .. } => terms
                .iter()
                .any(|t| french::starts_upper(t) && heading.text.starts_with(t.as_str())),
            HeadingOrigin::Source { .. } => true,
        };
        let rest = if name_first {
            heading.text.clone()
        } else {
            french::lowercase_first(&heading.text)
        };
        let text = typography::apply(&format!("{} : {rest}", french::capitalise_first(topic)));
        (text.chars().count() <= self.rules.max_chars).then_some(text)
    }

    /// A term that names a people after a plural determiner, capitalised
    /// (`peoples`: « les japonais » → « les Japonais »).
    fn people(&self, mut np: Np) -> Np {
        let first = np.term.split_whitespace().next().unwrap_or("");
        if np.plural() && self.rules.peoples.iter().any(|p| p == first) {
            np.term = french::capitalise_first(&np.term);
        }
        np
    }

    fn fallback(&self, i: usize, used: &[String]) -> Heading {
        let base = ["Les détails", "Le contexte", "Les précisions", "La suite"];
        let text = base
            .iter()
            .find(|b| !used.contains(&b.to_lowercase()))
            .map(|s| s.to_string())
            .unwrap_or_else(|| format!("Les détails ({})", i + 1));
        Heading {
            text,
            level: 2,
            origin: HeadingOrigin::Generated {
                template: "fallback".into(),
                terms: Vec::new(),
            },
        }
    }
}

/// French capitals keep their accents: a word of a generated heading that
/// an author wrote with an unaccented capital (« l’Etat ») takes the accented
/// capital the text writes elsewhere (« l’État »).
fn accent_capitals(sections: &mut [Section], sentences: &[Sentence]) {
    let generated = |s: &Section| {
        s.heading
            .as_ref()
            .is_some_and(|h| matches!(h.origin, HeadingOrigin::Generated { .. }))
    };
    // only words whose first letter is an unaccented capital can change
    let plain_capital = |w: &str| w.starts_with(['A', 'E', 'I', 'O', 'U', 'C']);
    let words_of = |text: &str| -> Vec<String> {
        text.split_whitespace()
            .map(|w| {
                elision::strip(w)
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_string()
            })
            .collect()
    };
    let wanted: HashSet<String> = sections
        .iter()
        .filter(|s| generated(s))
        .filter_map(|s| s.heading.as_ref())
        .flat_map(|h| words_of(&h.text))
        .filter(|w| plain_capital(w))
        .map(|w| french::without_accents(&w))
        .collect();
    if wanted.is_empty() {
        return;
    }
    let mut accented: std::collections::BTreeMap<String, String> = Default::default();
    for s in sentences {
        for w in words_of(&s.text) {
            let first_accented = w
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() && !c.is_ascii());
            if first_accented {
                let key = french::without_accents(&w);
                if wanted.contains(&key) {
                    accented.entry(key).or_insert(w);
                }
            }
        }
    }
    if accented.is_empty() {
        return;
    }
    for h in sections.iter_mut().filter_map(|s| {
        let generated = matches!(
            s.heading.as_ref().map(|h| &h.origin),
            Some(HeadingOrigin::Generated { .. })
        );
        s.heading.as_mut().filter(|_| generated)
    }) {
        let mut out = String::with_capacity(h.text.len());
        for (k, piece) in h.text.split(' ').enumerate() {
            if k > 0 {
                out.push(' ');
            }
            let bare = elision::strip(piece);
            let word = bare.trim_matches(|c: char| !c.is_alphanumeric());
            match accented
                .get(&french::without_accents(word))
                .filter(|_| plain_capital(word))
            {
                Some(a) => out.push_str(&piece.replacen(word, a, 1)),
                None => out.push_str(piece),
            }
        }
        h.text = out;
    }
}

/// Does the section's text end the noun phrase with this term at least once
/// in three? « code » that the text always goes on as « code de conduite »,
/// or « propre » of « votre propre projet », name nothing whole.
fn complete(t: &Term) -> bool {
    t.ends * 3 >= t.count
}

/// A phrase the length limit cut in most of its occurrences, before a word
/// of the same name (« budget de formation Product » before « Owner »).
fn cut(t: &Term) -> bool {
    t.cut * 2 > t.count
}

/// A phrase the section writes once that is long (three content words:
/// « loi imposée arbitrairement ») or holds an infinitive after « de » or
/// « à » (« moyen de partager », « domaine à aider »): more likely a piece
/// of a sentence than a name the text gives a thing.
fn loose(t: &Term) -> bool {
    if t.count >= 2 {
        return false;
    }
    if t.len >= 3 {
        return true;
    }
    let words: Vec<&str> = t.surface.split_whitespace().collect();
    words.windows(2).any(|w| {
        let after = elision::strip(w[1]);
        let infinitive = ["er", "ir", "re"].iter().any(|e| after.ends_with(e))
            && !after.ends_with("ier")
            && after.chars().count() > 4
            && after.chars().next().is_some_and(char::is_lowercase);
        infinitive
            && (matches!(w[0], "de" | "à") || w[1].starts_with("d’") || w[1].starts_with("d'"))
    })
}

/// A one-word term in -é(e)(s) that the text seldom writes after a
/// determiner is a participle (« un destiné à … », where « un » stands for a
/// noun), not a noun such as « la société » or « le marché ».
fn reads_as_participle(t: &Term) -> bool {
    !t.surface.contains(' ')
        && ["é", "ée", "és", "ées"]
            .iter()
            .any(|e| t.surface.ends_with(e))
        && t.det_count * 2 < t.count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn np(term: &str, det: Option<&str>) -> Np {
        Np {
            term: term.into(),
            determiner: det.map(str::to_string),
        }
    }

    #[test]
    fn a_people_after_a_plural_determiner_takes_a_capital() {
        let w = HeadingWriter::load(&Source::embedded()).unwrap();
        let people = |term: &str, det: &str| w.people(np(term, Some(det))).after_de();
        assert_eq!(people("japonais", "les"), "des Japonais");
        assert_eq!(people("européens", "des"), "des Européens");
        // the language, and an adjective after its noun, keep their lowercase
        assert_eq!(people("japonais", "le"), "du japonais");
        assert_eq!(
            people("touristes japonais", "les"),
            "des touristes japonais"
        );
    }

    #[test]
    fn a_word_in_e_acute_seldom_after_a_determiner_reads_as_a_participle() {
        let term = |surface: &str, count, det_count| Term {
            surface: surface.into(),
            determiner: Some("un".into()),
            key: surface.into(),
            count,
            det_count,
            len: 1,
            score: 1.0,
            ends: count,
            cut: 0,
        };
        assert!(reads_as_participle(&term("destiné", 6, 1)));
        assert!(!reads_as_participle(&term("marché", 6, 5)));
        assert!(!reads_as_participle(&term("atelier", 6, 1)));
        assert!(!reads_as_participle(&term("public destiné", 6, 1)));
    }

    /// The section headings of a text rewritten with the embedded rules.
    fn article_headings(text: &str) -> Vec<String> {
        let engine = crate::Engine::new(&Source::embedded()).unwrap();
        let article = engine
            .rewrite(text.as_bytes(), &crate::Options::default())
            .unwrap();
        article
            .sections
            .iter()
            .filter_map(|s| s.heading.as_ref().map(|h| h.text.clone()))
            .collect()
    }

    #[test]
    fn a_noun_that_heads_a_fixed_phrase_names_nothing_alone() {
        // « la mise en place », « la mise à jour »: no « Du côté de la mise »
        let text = "La mise en place du nouveau portail a pris six mois. La mise à jour des fiches se fait chaque semaine. Les agents suivent la mise en service avec les usagers. La mise en ligne des formulaires a été repoussée. Le portail réunit les démarches des habitants. Les habitants trouvent leurs démarches sur le portail. Les agents de la mairie répondent aux questions des habitants. Le portail publie aussi les horaires des services. ".repeat(6);
        let headings = article_headings(&text);
        assert!(!headings.is_empty());
        assert!(
            !headings
                .iter()
                .any(|h| h.ends_with(" mise") || h.ends_with(" mises")),
            "{headings:?}"
        );
        // nor a verb in -ent after a plural noun (« Les agents suivent »)
        assert!(
            !headings.iter().any(|h| h.contains("suivent")),
            "{headings:?}"
        );
    }

    #[test]
    fn neither_a_participle_nor_a_verb_makes_a_heading_term() {
        // « un destiné à … »: « un » stands for « un atelier »; « destiné »
        // is written without a determiner everywhere else
        let text = "L’association propose trois kits aux habitants : un destiné à un public débutant, un destiné aux parents et un destiné aux écoles. Le kit des parents est destiné aux soirées. Un guide destiné aux animateurs accompagne chaque kit. Une fiche destinée aux participants résume les gestes. Les bénévoles de l’association préparent les ateliers chaque semaine. L’association cherche de nouveaux bénévoles pour les ateliers du soir. Les bénévoles reçoivent une formation. La formation des bénévoles dure une journée. ".repeat(3);
        let headings = article_headings(&text);
        assert!(!headings.is_empty());
        // nor a verb after a plural noun (« Les animateurs accompagne »)
        assert!(
            !headings
                .iter()
                .any(|h| h.contains("destiné") || h.contains("accompagne")),
            "{headings:?}"
        );
    }

    #[test]
    fn a_possessive_pronoun_or_a_vague_place_names_no_section() {
        // « les miens », « un certain temps », « l’endroit »: written after a
        // determiner, they name nothing a heading can name
        let text = "Je retrouve les miens à la gare après un certain temps passé sur la route. L’endroit est calme. Les miens me racontent leur semaine. L’endroit me plaît. Nous partons vers le refuge du col, où les gardiens servent une soupe aux randonneurs. Le refuge accueille trente randonneurs chaque soir. Les gardiens du refuge montent les vivres à pied. La soupe du refuge est faite avec les légumes de la vallée. ".repeat(6);
        let headings = article_headings(&text);
        assert!(!headings.is_empty());
        assert!(
            !headings.iter().any(|h| {
                let h = h.to_lowercase();
                h.contains("miens") || h.contains("certain") || h.contains("endroit")
            }),
            "{headings:?}"
        );
    }

    #[test]
    fn an_inclusive_spelling_makes_no_heading_term() {
        // « les participant·es », the second section's most frequent noun
        // phrase
        let text = "La maison de quartier des Tilleuls ouvre un atelier de réparation de vélos au printemps. Le projet est porté par l’association Roue Libre, installée dans le quartier depuis dix ans. La mairie prête le local et finance l’achat des premiers outils. Les travaux d’aménagement du local ont commencé en janvier. Un établi, des pompes et deux pieds d’atelier ont déjà été livrés. L’association a aussi récupéré une centaine de pièces détachées auprès d’un magasin du centre-ville. Le local sera chauffé et éclairé grâce à une subvention de la région. Les murs du local ont été repeints par les jeunes du quartier pendant les vacances. Un grand panneau présentera les outils et leur usage à l’entrée du local. Le local donnera sur la cour, ce qui permettra de travailler dehors aux beaux jours. Les horaires d’ouverture du local seront fixés avec les habitants lors d’une réunion publique. Le local restera fermé pendant le mois d’août. Les participant·es viendront avec leur propre vélo et apprendront à le réparer eux-mêmes. Chaque séance accueillera douze participant·es au plus, encadré·es par deux bénévoles. Les participant·es choisiront une panne à étudier au début de chaque séance. Une fiche pratique sera remise aux participant·es à la fin de l’atelier. Les plus assidu·es pourront ensuite devenir bénévoles à leur tour. L’inscription des participant·es se fait à l’accueil de la maison de quartier. Les participant·es mineur·es devront venir avec un adulte. Une cotisation de cinq euros par an est demandée aux participant·es. Les participant·es sans vélo pourront en emprunter un parmi ceux que l’association a remis en état. Les participant·es les plus âgé·es auront une séance réservée le mardi après-midi. À la fin de l’année, les participant·es organiseront une bourse aux vélos dans la cour. Les participant·es garderont un carnet de leurs réparations d’une séance à l’autre.";
        let headings = article_headings(text);
        assert!(!headings.is_empty());
        assert!(!headings.iter().any(|h| h.contains('·')), "{headings:?}");
    }

    #[test]
    fn a_general_noun_alone_comes_after_the_sections_other_terms() {
        let term = |surface: &str, det: &str| Term {
            surface: surface.into(),
            determiner: Some(det.into()),
            key: surface.into(),
            count: 4,
            det_count: 4,
            len: surface.split(' ').count(),
            score: 1.0,
            ends: 4,
            cut: 0,
        };
        let kw = Keywords {
            keyphrase: "jardins partagés".into(),
            secondary: Vec::new(),
            section_terms: Vec::new(),
            terms: std::collections::BTreeMap::new(),
            sentence_density: Vec::new(),
        };
        let src = Source::embedded();
        let w = HeadingWriter::load(&src).unwrap();
        let lex = Lexicon::load(&src).unwrap();
        let terms = [term("outil", "l’"), term("capteurs", "les")];
        let h = w.generate(&terms, &kw, &lex, false, &[], &[], &[]).unwrap();
        assert!(h.text.contains("capteurs"), "{}", h.text);
        // alone, it still names the section
        let h = w
            .generate(&terms[..1], &kw, &lex, false, &[], &[], &[])
            .unwrap();
        assert!(h.text.contains("outil"), "{}", h.text);
    }

    /// A term of a section, written `count` times, `ends` of them ending
    /// its noun phrase.
    fn section_term(surface: &str, det: &str, count: usize, ends: usize) -> Term {
        Term {
            surface: surface.into(),
            determiner: Some(det.into()),
            key: surface
                .split(' ')
                .map(|w| w.to_string())
                .collect::<Vec<_>>()
                .join(" "),
            count,
            det_count: count,
            len: surface.split(' ').count(),
            score: 1.0,
            ends,
            cut: 0,
        }
    }

    fn writer() -> (HeadingWriter, Lexicon, Keywords) {
        let src = Source::embedded();
        let kw = Keywords {
            keyphrase: "budget participatif".into(),
            secondary: Vec::new(),
            section_terms: Vec::new(),
            terms: std::collections::BTreeMap::new(),
            sentence_density: Vec::new(),
        };
        (
            HeadingWriter::load(&src).unwrap(),
            Lexicon::load(&src).unwrap(),
            kw,
        )
    }

    #[test]
    fn a_term_the_text_always_goes_on_comes_after_whole_ones() {
        let (w, lex, kw) = writer();
        // « code » is always « code de conduite » in the section
        let terms = [
            section_term("code", "le", 4, 0),
            section_term("comité d’éthique", "le", 3, 3),
        ];
        let h = w.generate(&terms, &kw, &lex, false, &[], &[], &[]).unwrap();
        assert!(h.text.contains("comité d’éthique"), "{}", h.text);
        // alone, it still names the section, in a template that is no bare term
        let h = w
            .generate(&terms[..1], &kw, &lex, false, &[], &[], &[])
            .unwrap();
        assert_ne!(h.text, "Le code");
    }

    #[test]
    fn an_adjective_or_a_number_alone_is_no_heading_term() {
        let (w, lex, kw) = writer();
        let terms = [
            section_term("propre", "le", 4, 4),
            section_term("cinq", "les", 3, 3),
            // « une excellente façon »
            section_term("excellente", "une", 3, 3),
            section_term("serre", "la", 2, 2),
        ];
        let h = w.generate(&terms, &kw, &lex, false, &[], &[], &[]).unwrap();
        assert!(h.text.contains("serre"), "{}", h.text);
    }

    #[test]
    fn a_one_word_term_never_stands_alone_as_a_heading() {
        let (w, lex, kw) = writer();
        let terms = [section_term("serre", "la", 4, 4)];
        let h = w.generate(&terms, &kw, &lex, false, &[], &[], &[]).unwrap();
        assert_ne!(h.text, "La serre");
        assert!(h.text.contains("la serre"), "{}", h.text);
        // a phrase of two words can
        let bare = w.rules.templates.iter().find(|t| t.text == "{np}").unwrap();
        assert_eq!(
            w.fill(bare, &np("serre municipale", Some("la")), None)
                .as_deref(),
            Some("La serre municipale")
        );
        assert!(w.fill(bare, &np("serre", Some("la")), None).is_none());
    }

    #[test]
    fn the_next_heading_names_another_term_than_the_one_before() {
        let (w, lex, kw) = writer();
        let terms = [
            section_term("serre municipale", "la", 4, 4),
            section_term("potager", "le", 2, 2),
        ];
        // (the terms' keys are their stems)
        let prev = ["serre".to_string(), "côt".to_string()];
        let h = w
            .generate(&terms, &kw, &lex, false, &[], &["side-of".into()], &prev)
            .unwrap();
        assert!(h.text.contains("potager"), "{}", h.text);
    }

    #[test]
    fn the_keyphrase_again_comes_with_a_term_of_the_section() {
        let (w, lex, mut kw) = writer();
        let kp = section_term("serre municipale", "la", 4, 4);
        kw.keyphrase = kp.surface.clone();
        kw.terms.insert(kp.key.clone(), kp.clone());
        let terms = [kp, section_term("arrosage", "l’", 3, 3)];
        // the heading before named the keyphrase
        let prev = ["serre".to_string(), "municipale".to_string()];
        let h = w
            .generate(&terms, &kw, &lex, true, &[], &["focus-on".into()], &prev)
            .unwrap();
        assert_eq!(h.text, "La serre municipale et l’arrosage");
        // otherwise the templates take their turn
        let h = w
            .generate(&terms, &kw, &lex, true, &[], &["focus-on".into()], &[])
            .unwrap();
        assert!(h.text.contains("serre municipale"), "{}", h.text);
    }

    #[test]
    fn a_keyphrase_never_after_a_determiner_names_the_topic_before_a_colon() {
        // « logiciel libre » of « des projets logiciel libre »: no term of the
        // text is the keyphrase after a determiner
        let (w, lex, mut kw) = writer();
        kw.keyphrase = "logiciel libre".into();
        kw.section_terms = vec![
            Vec::new(),
            vec![section_term("gouvernance", "la", 3, 3)],
            vec![section_term("communauté", "la", 3, 3)],
            vec![section_term("licence", "la", 3, 3)],
        ];
        let sentences = Sentence::numbered(&[
            "Les projets logiciel libre grandissent vite et changent de taille.",
            "La gouvernance des projets se décide entre les contributeurs.",
            "La communauté accueille chaque mois de nouveaux contributeurs.",
            "La licence dit ce que chacun peut faire du code.",
        ]);
        let mut sections: Vec<Section> = (0..4)
            .map(|i| Section {
                heading: None,
                kind: SectionKind::Source,
                blocks: vec![Block::Paragraph { sentences: vec![i] }],
                heading_options: Vec::new(),
                subsection: false,
            })
            .collect();
        w.run(&mut sections, &sentences, &kw, &lex);
        let headings: Vec<&str> = sections
            .iter()
            .filter_map(|s| s.heading.as_ref().map(|h| h.text.as_str()))
            .collect();
        let with: Vec<&&str> = headings
            .iter()
            .filter(|h| h.contains("logiciel libre") || h.contains("Logiciel libre"))
            .collect();
        assert!(!with.is_empty(), "{headings:?}");
        for h in with {
            // the topic, the colon with its no-break space, then lowercase
            let rest = h
                .strip_prefix("Logiciel libre\u{a0}: ")
                .unwrap_or_else(|| panic!("{h}"));
            assert!(rest.starts_with(char::is_lowercase), "{h}");
        }
    }

    #[test]
    fn an_author_heading_gets_french_spacing_and_keeps_its_words() {
        let (w, lex, mut kw) = writer();
        kw.keyphrase = String::new();
        let heading = |text: &str| Heading {
            text: text.into(),
            level: 2,
            origin: HeadingOrigin::Source { how: "line".into() },
        };
        let mut sections = vec![Section {
            heading: Some(heading("Pourquoi l'atelier ferme-t-il ?")),
            kind: SectionKind::Source,
            blocks: Vec::new(),
            heading_options: Vec::new(),
            subsection: false,
        }];
        w.run(&mut sections, &[], &kw, &lex);
        assert_eq!(
            sections[0].heading.as_ref().unwrap().text,
            "Pourquoi l'atelier ferme-t-il\u{202f}?"
        );
    }

    /// The template that joins two terms (« {np} et {np2} »).
    fn pair_template(w: &HeadingWriter) -> &Template {
        w.rules
            .templates
            .iter()
            .find(|t| t.text.contains("{np2}"))
            .expect("the pair template")
    }

    #[test]
    fn a_generated_heading_takes_the_accented_capital_the_text_writes() {
        let sentence = |id: usize, text: &str| Sentence {
            id,
            text: text.into(),
            glued: false,
        };
        let sentences = [
            sentence(
                0,
                "La startup d’État travaille avec l’Etat depuis deux ans.",
            ),
            sentence(1, "Etat ou collectivité, chacun y trouve son compte."),
        ];
        let heading = |text: &str, origin: HeadingOrigin| Section {
            heading: Some(Heading {
                text: text.into(),
                level: 2,
                origin,
            }),
            kind: SectionKind::Source,
            blocks: Vec::new(),
            heading_options: Vec::new(),
            subsection: false,
        };
        let generated = HeadingOrigin::Generated {
            template: "stakes-of".into(),
            terms: vec!["Etat".into()],
        };
        let mut sections = vec![
            heading("Les enjeux de l’Etat", generated.clone()),
            heading("Etat et Europe", generated),
            // an author's heading keeps the author's spelling
            heading(
                "L’Etat et nous",
                HeadingOrigin::Source { how: "line".into() },
            ),
        ];
        accent_capitals(&mut sections, &sentences);
        let texts: Vec<&str> = sections
            .iter()
            .map(|s| s.heading.as_ref().unwrap().text.as_str())
            .collect();
        assert_eq!(
            texts,
            ["Les enjeux de l’État", "État et Europe", "L’Etat et nous"]
        );
    }

    #[test]
    fn a_name_takes_no_article() {
        let (w, _, _) = writer();
        let tpl = |id: &str| w.rules.templates.iter().find(|t| t.id == id).unwrap();
        let name = np("Mes Aides", None);
        assert!(name.is_name() && !name.plural());
        assert_eq!(name.with_article(), "Mes Aides");
        // a heading for the keyphrase may name it bare
        assert_eq!(
            w.fill_with(tpl("side-of"), &name, None, true).as_deref(),
            Some("Du côté de Mes Aides")
        );
        assert_eq!(
            w.fill_with(tpl("what-to-retain"), &np("Ouest Vélo", None), None, true)
                .as_deref(),
            Some("Que retenir d’Ouest Vélo\u{202f}?")
        );
        // other headings still want a term with its article
        assert_eq!(w.fill(tpl("side-of"), &name, None), None);
    }

    #[test]
    fn a_one_word_term_pairs_with_a_longer_second_term() {
        let (w, _, _) = writer();
        let pair = pair_template(&w);
        let kp = np("communauté", Some("la"));
        assert_eq!(
            w.fill(pair, &kp, Some(&np("demandes de fusion", Some("les"))))
                .as_deref(),
            Some("La communauté et les demandes de fusion")
        );
        // two loose words make no heading
        assert_eq!(
            w.fill(pair, &kp, Some(&np("contribution", Some("la")))),
            None
        );
    }

    #[test]
    fn a_second_term_of_one_word_makes_no_pair() {
        let (w, lex, kw) = writer();
        let terms = [
            section_term("serre municipale", "la", 4, 4),
            section_term("arrosage", "l’", 3, 3),
        ];
        // every template used but the pair
        let last: Vec<String> = w
            .rules
            .templates
            .iter()
            .map(|t| t.id.clone())
            .filter(|id| id != "np-and-np2")
            .collect();
        let heading = |terms: &[Term]| {
            w.generate(terms, &kw, &lex, false, &[], &last, &[])
                .unwrap()
        };
        let h = heading(&terms);
        assert!(!h.text.contains(" et "), "{}", h.text);
        let terms = [
            section_term("serre municipale", "la", 4, 4),
            section_term("arrosage automatique", "l’", 3, 3),
        ];
        let h = heading(&terms);
        assert_eq!(h.text, "La serre municipale et l’arrosage automatique");
        // the same term written with and without its accent is no pair
        let terms = [
            section_term("régie d’État", "la", 4, 4),
            section_term("régie d’Etat", "la", 3, 3),
        ];
        let h = heading(&terms);
        assert!(!h.text.contains(" et "), "{}", h.text);
    }

    #[test]
    fn templates_go_least_recently_used_first() {
        let (w, _, _) = writer();
        let ids: Vec<String> = w.rules.templates.iter().map(|t| t.id.clone()).collect();
        // every template used once, the first one longest ago
        let order = w.template_order(&ids, "serre");
        assert_eq!(order[0].id, ids[0]);
        assert_eq!(order.last().unwrap().id, *ids.last().unwrap());
        // one not used yet comes before every used one
        let order = w.template_order(&ids[1..], "serre");
        assert_eq!(order[0].id, ids[0]);
        // a run of headings never takes one template three times in a row,
        // nor twice
        let terms = [
            section_term("serre municipale", "la", 4, 4),
            section_term("potager", "le", 2, 2),
            section_term("jardin partagé", "le", 3, 3),
        ];
        let (w, lex, kw) = writer();
        let mut last: Vec<String> = Vec::new();
        let mut used: Vec<String> = Vec::new();
        for _ in 0..8 {
            let h = w
                .generate(&terms, &kw, &lex, false, &used, &last, &[])
                .unwrap();
            let HeadingOrigin::Generated { template, .. } = &h.origin else {
                unreachable!()
            };
            assert_ne!(last.last(), Some(template), "{last:?}");
            last.push(template.clone());
            used.push(h.text.to_lowercase());
        }
    }

    #[test]
    fn a_term_an_earlier_heading_named_comes_after_the_others() {
        let (w, lex, kw) = writer();
        // keys of stems, as the keyword stage makes them
        let stemmed = |surface: &str, det: &str, n: usize| Term {
            key: lex.content_stems(surface).join(" "),
            ..section_term(surface, det, n, n)
        };
        let terms = [
            stemmed("serre municipale", "la", 4),
            stemmed("système d’arrosage", "le", 3),
        ];
        // an author's heading two sections before named the serre
        let used = ["la serre municipale".to_string(), "les semis".to_string()];
        let h = w
            .generate(&terms, &kw, &lex, false, &used, &[], &[])
            .unwrap();
        assert!(h.text.contains("arrosage"), "{}", h.text);
        assert!(!h.text.contains("serre"), "{}", h.text);
    }

    #[test]
    fn a_plain_heading_comes_first_and_often() {
        let (w, lex, kw) = writer();
        let plain: Vec<String> = w
            .rules
            .templates
            .iter()
            .filter(|t| t.plain)
            .map(|t| t.id.clone())
            .collect();
        assert!(!plain.is_empty());
        // a section of two-word terms is named by them alone (« La serre
        // municipale »), not « Zoom sur la serre municipale »
        let mut last: Vec<String> = Vec::new();
        let mut used: Vec<String> = Vec::new();
        for i in 0..6 {
            let terms = [
                section_term(&format!("serre numéro{i}"), "la", 4, 4),
                section_term(&format!("jardin numéro{i}"), "le", 3, 3),
            ];
            let h = w
                .generate(&terms, &kw, &lex, false, &used, &last, &[])
                .unwrap();
            let HeadingOrigin::Generated { template, .. } = &h.origin else {
                unreachable!()
            };
            if i == 0 {
                assert!(plain.contains(template), "{}", h.text);
            }
            // never one template twice in a row
            assert_ne!(last.last(), Some(template), "{last:?}");
            last.push(template.clone());
            used.push(h.text.to_lowercase());
        }
        // plain headings at least every other time
        assert!(
            last.iter().filter(|t| plain.contains(t)).count() >= 3,
            "{last:?}"
        );
    }

    #[test]
    fn a_second_term_without_an_article_is_not_joined() {
        let (w, _, _) = writer();
        let tpl = pair_template(&w);
        let a = np("serre municipale", Some("la"));
        assert!(w
            .fill(tpl, &a, Some(&np("propre jardin", Some("votre"))))
            .is_none());
        assert!(w
            .fill(tpl, &a, Some(&np("jardin partagé", Some("le"))))
            .is_some());
    }

    #[test]
    fn articles_and_contractions() {
        assert_eq!(
            np("usines d’IA", Some("les")).with_article(),
            "les usines d’IA"
        );
        assert_eq!(np("usines d’IA", Some("des")).after_de(), "des usines d’IA");
        assert_eq!(np("marché", Some("le")).after_de(), "du marché");
        assert_eq!(np("ville", Some("la")).after_de(), "de la ville");
        assert_eq!(np("industrie", Some("une")).after_de(), "de l’industrie");
        // a possessive tells no gender: no article rather than a wrong one
        assert!(!np("projet", Some("votre")).has_article());
    }

    #[test]
    fn templates_fill_in_sentence_case_with_agreement() {
        let w = HeadingWriter::load(&Source::embedded()).unwrap();
        let t = Template {
            id: "t".into(),
            text: "Comment {fonctionne|fonctionnent} {np} ?".into(),
            examples: Vec::new(),
            min_words: 0,
            plain: false,
        };
        assert_eq!(
            w.fill(&t, &np("usines d’IA", Some("les")), None).unwrap(),
            "Comment fonctionnent les usines d’IA\u{202f}?"
        );
        assert_eq!(
            w.fill(&t, &np("marché", Some("le")), None).unwrap(),
            "Comment fonctionne le marché\u{202f}?"
        );
        assert!(w.fill(&t, &np("projet", Some("votre")), None).is_none());
    }
}
