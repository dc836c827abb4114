//! Stage 5: the author's structure. Keeps what the input already has (Markdown
//! `#` headings, heading lines, blank-line paragraphs) and recovers headings that
//! a scrape inlined into the prose ("… à grande échelle. Usines d’IA Au centre de
//! la stratégie …") by scoring every candidate span against general cues, as set
//! in `rules/structure.yaml`: no list of expected headings anywhere.
use crate::error::Result;
use crate::french::{self, Lexicon};
use crate::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};
use crate::model::{Heading, HeadingOrigin, Sentence};
use crate::rules::Source;
use crate::sentences::Splitter;
use serde::Deserialize;

const FILE: &str = "rules/structure.yaml";

/// Tunable thresholds of heading recovery.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StructureRules {
    /// Longest inlined heading, in words.
    pub max_heading_words: usize,
    /// Longest heading line, in characters.
    pub max_heading_chars: usize,
    /// Longest first line of a line scrape read as its title, in words.
    #[serde(default = "default_max_title_words")]
    pub max_title_words: usize,
    /// Fewest words the sentence after an inlined heading must keep.
    pub min_rest_words: usize,
    /// Longest verbless question kept as a heading ("Et en France ?").
    pub max_question_heading_words: usize,
    /// Nouns that a short verbless question of the prose sets up before its
    /// own answer (« Le résultat ? Une baisse … », « La bonne nouvelle ?
    /// Tout peut … »), lowercase. Optional.
    #[serde(default)]
    pub rhetorical_nouns: Vec<String>,
    /// Score an inlined candidate needs.
    pub min_score: f64,
    /// Words that open a sentence beyond doubt when capitalised and followed
    /// by a lowercase word (determiners, prepositions, subject pronouns; elided
    /// forms end with ’): a lone word before one may be a heading even if the
    /// text never writes it in lowercase ("Conclusion Le projet …").
    pub sentence_openers: Vec<String>,
    /// Connectors and sentence adverbs that open a sentence when capitalised
    /// after a lowercase word and followed by a comma or by a determiner or
    /// pronoun of `sentence_openers` ("… vers la catastrophe Manifestement,
    /// nous …", "… à bord Mais nous …"): they mark the end of a clause heading
    /// whose full stop went missing.
    pub clause_connectors: Vec<String>,
    /// Words that announce a list before a colon (« les suivants », « voici »):
    /// no heading starts after that colon. Optional.
    #[serde(default)]
    pub list_announcers: Vec<String>,
    /// One-word headings that articles use whatever their subject
    /// ("Conclusion", "Contexte"), lowercase: capitalised in the middle of a
    /// sentence, between a word and a sentence start, one is a heading whose
    /// paragraph before it lost its full stop ("… par des API Conclusion Au-delà
    /// du partage …").
    pub stock_headings: Vec<String>,
    /// The summary labels of web pages (« TL;DR », « tl;pl »), lowercase,
    /// without their final mark: one glued before a capitalised word heads
    /// the summary after it. Optional.
    #[serde(default)]
    pub summary_labels: Vec<String>,
    /// Nouns that name a work (« film », « roman », « livre »), lowercase:
    /// after one with its determiner, a capitalised word opens the work's
    /// title (« le film Il était une fois dans l’Ouest »), not a sentence
    /// after a heading. Optional.
    #[serde(default)]
    pub title_nouns: Vec<String>,
    /// Cues that tell a question heading from a question of the prose.
    pub question: QuestionRules,
    /// Examples the test suite runs: text with an inlined heading and the heading.
    #[serde(default)]
    pub examples: Vec<StructureExample>,
}

/// Weights of the cues that make a question a heading (`question:` in
/// `rules/structure.yaml`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionRules {
    /// Longest question heading, in words.
    pub max_words: usize,
    /// Fewest content words (not function words nor frequent verbs) a
    /// question heading holds.
    pub min_content_words: usize,
    /// Fewest words of text since the last heading (or the start).
    pub min_run_words: usize,
    /// The same for a question alone on its line: a page of questions and
    /// answers may answer in a line (« Non, elle reste au tarif de l’an
    /// dernier. »).
    pub own_line_min_run_words: usize,
    /// An interrogative word first, or an inversion with je, tu, nous, vous.
    pub opener: f64,
    /// Times the share of its content stems found in the next sentences.
    pub recurrence: f64,
    /// Times the share of its content stems found in the previous sentences.
    pub continuation: f64,
    /// A yes-no question about what was just said ("Est-ce …", "Doit-on …").
    pub anaphora: f64,
    /// A subject taken up by an inverted pronoun ("réclament-ils").
    pub resumed_subject: f64,
    /// A demonstrative determiner inside.
    pub demonstrative: f64,
    /// The next sentence is a question too.
    pub series: f64,
    /// Alone on its line between lines of prose.
    pub own_line: f64,
    /// Alone on its line right under a heading line.
    pub own_line_under_heading: f64,
    /// The sentence after it opens on the pronoun and the verb of its
    /// inversion (« Qu’avons-nous fait ? Nous avons … »).
    #[serde(default)]
    pub echo: f64,
    /// Its wording recurs word for word as another sentence of the text.
    #[serde(default)]
    pub repeated: f64,
    /// An alternative between two infinitives (« Réparer ou remplacer … ? »).
    #[serde(default)]
    pub dilemma: f64,
    /// A question two sentences on makes a series only when the sentence
    /// between has at most this many words (a short answer).
    #[serde(default = "default_series_gap_words")]
    pub series_gap_words: usize,
    /// The prose answers its own question right after it: a statement of
    /// at most `terse_answer_words` words ending on a full stop (« Cela
    /// dépend. », « Pas toujours. ») or one opening on a word of `answers`
    /// (« Parce que … », « Car … »). A heading's section opens on more than
    /// a terse verdict. 0: no such check. Optional.
    #[serde(default)]
    pub terse_answer_words: usize,
    /// Openings of an answer that gives a reason (lowercase). Optional.
    #[serde(default)]
    pub answers: Vec<String>,
    /// One-word verdicts (« Oui. », « Non. », lowercase) that answer a
    /// question of a page of questions and answers: after a question of at
    /// least `verdict_question_words` words, such a verdict is no terse
    /// answer of the prose (« Mon employeur peut-il refuser mon arrêt de
    /// travail ? Non. Votre arrêt … »). Optional.
    #[serde(default)]
    pub verdicts: Vec<String>,
    #[serde(default)]
    pub verdict_question_words: usize,
    /// … and a verdict with a comma opening the answer (« Oui, le même
    /// certificat peut … ») after a question of this many words at least
    /// (0: never).
    #[serde(default)]
    pub verdict_comma_question_words: usize,
    /// Score of a question so answered. Optional.
    #[serde(default)]
    pub verdict: f64,
    /// Words of the second person singular (lowercase: « tu », « te »,
    /// « ton » …; an inversion in « -tu », « -toi » and an elided « t’ »
    /// count too): a question that holds one asks the interviewee of an
    /// interview. Optional.
    #[serde(default)]
    pub second_person: Vec<String>,
    /// Score of such a question, which may also hold up to
    /// `second_person_max_words` words and come in a pair. Optional.
    #[serde(default)]
    pub second_person_score: f64,
    #[serde(default)]
    pub second_person_max_words: usize,
    /// Score a question needs to be a heading.
    pub min_score: f64,
    /// Interrogative words that open a question (lowercase).
    pub openers: Vec<String>,
    /// Connectors that continue the text when they open a question (lowercase).
    pub connectors: Vec<String>,
    /// Impersonal inversions, which point back to nothing ("faut-il").
    pub impersonal: Vec<String>,
    /// One of them first (« Existe-t-il des règles … ? »): a direct
    /// question, though one the prose asks too. Optional.
    #[serde(default)]
    pub impersonal_opener: f64,
    /// Verbs that ask (lowercase forms): a question after « Il lui demande : »
    /// is the prose's, not an interviewer's heading. Optional.
    #[serde(default)]
    pub asking: Vec<String>,
    /// Addresses to an interviewee set apart by a comma at the start of a
    /// question (« selon vous »): no aside of the prose. Optional.
    #[serde(default)]
    pub addresses: Vec<String>,
    /// Interrogative pronouns that choose among what the text just named
    /// (« Lequel devriez-vous utiliser ? »): the question points back, as a
    /// yes-no question about what was just said does. Optional.
    #[serde(default)]
    pub choosing: Vec<String>,
    /// Openings of the questions that hook the reader (« Saviez-vous … »,
    /// « Avez-vous déjà … »), lowercase, and what one adds to the score: the
    /// prose asks them, a heading does not. Optional.
    #[serde(default)]
    pub hooks: Vec<String>,
    #[serde(default)]
    pub hook: f64,
    /// Words that draw a conclusion from what was just said (« … serait
    /// donc … ? »), lowercase, and what one inside the question adds to
    /// its score. Optional.
    #[serde(default)]
    pub inferences: Vec<String>,
    #[serde(default)]
    pub inference: f64,
    /// Pronouns that point back at what was just said when they end a
    /// question (« Que penser de tout cela ? », « Pourquoi je vous dis ça
    /// ? »), lowercase, and what ending on one adds to its score; not in
    /// « … dans tout ça ? », which names what it asks about. Optional.
    #[serde(default)]
    pub anaphoric_ends: Vec<String>,
    #[serde(default)]
    pub anaphoric_end: f64,
    /// What « je » right after the interrogative word adds to a question's
    /// score: the author asks themselves (« Pourquoi je trouve ça bien ? »);
    /// so does « tu » as its subject after the first word, the author
    /// talking to the reader (« Pourquoi est-ce que tu gardes … ? »).
    /// Optional.
    #[serde(default)]
    pub musing: f64,
    /// Determiners that point back to what was just named (« Son objectif
    /// ? »): each counts as a demonstrative does. Optional.
    #[serde(default)]
    pub possessives: Vec<String>,
    /// Formulas that ask what a noun phrase set before them is (« L’empreinte
    /// eau, c’est quoi ? »), lowercase, without the question mark: the
    /// comma sets the subject apart, not an aside; the question asks as an
    /// interrogative word does. Optional.
    #[serde(default)]
    pub definitions: Vec<String>,
}

/// What surrounds a question: the text just before it and just after it.
struct QuestionContext<'a> {
    before: &'a str,
    after: &'a str,
    /// Words of text since the last heading.
    run_words: usize,
    /// A question comes next (one of the next two sentences) or just before:
    /// a series of questions in the prose.
    in_series: bool,
    /// On a line of its own.
    own_line: bool,
    /// On a line of its own right under a heading line.
    under_heading: bool,
    /// Its wording recurs as another sentence of the text.
    repeated: bool,
    /// In a section a question heads (a page of questions and answers,
    /// where an answer may be short).
    after_question: bool,
    /// The text's first sentence, before any heading.
    text_start: bool,
}

fn default_max_title_words() -> usize {
    20
}

fn default_series_gap_words() -> usize {
    usize::MAX
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StructureExample {
    pub text: String,
    #[serde(default)]
    pub headings: Vec<String>,
}

/// One part of the outline: an optional heading and the paragraphs under it.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub heading: Option<Heading>,
    /// Paragraphs as lists of sentence ids.
    pub paragraphs: Vec<Vec<usize>>,
}

/// The source as a title, sentences and parts.
#[derive(Debug, Clone)]
pub struct Outline {
    pub title: Option<String>,
    pub sentences: Vec<Sentence>,
    pub parts: Vec<Part>,
}

pub struct Structurer {
    pub rules: StructureRules,
    /// Intro lines of the expansion templates: a section of rubrique's own
    /// Markdown that starts with one was generated, and is generated again.
    expansion_intros: Vec<String>,
}

/// What the structure stage reads of `rules/expansions.yaml`.
#[derive(Deserialize)]
struct ExpansionIntros {
    templates: Vec<ExpansionIntro>,
}

#[derive(Deserialize)]
struct ExpansionIntro {
    #[serde(default)]
    intro: Option<String>,
}

/// What the structure stage reads of YAML front matter.
#[derive(Deserialize)]
struct FrontMatter {
    #[serde(default)]
    title: Option<String>,
}

/// A line of input after classification.
enum Line<'a> {
    Heading(&'a str, u8, &'static str),
    Text(String),
}

impl Structurer {
    pub fn load(source: &Source) -> Result<Structurer> {
        let intros: ExpansionIntros = source.yaml("rules/expansions.yaml")?;
        Ok(Structurer {
            rules: source.yaml(FILE)?,
            expansion_intros: intros
                .templates
                .into_iter()
                .filter_map(|t| t.intro)
                .map(|i| i.trim().to_string())
                .filter(|i| !i.is_empty())
                .collect(),
        })
    }

    pub fn run(&self, text: &str, splitter: &Splitter, lex: &Lexicon) -> Outline {
        let (front_title, markdown) = self.read_markdown(text);
        let text = markdown.as_deref().unwrap_or(text);
        // rubrique's own Markdown states its headings: no other is recovered
        let explicit = markdown.is_some();
        let asked = Asked::new(text);
        let lines = self.classify_lines(text, lex, explicit, &asked);
        let proper = proper_nouns(text, splitter);
        let lower_words = lowercase_words(text);
        let lower_stems = LowerStems::new(&lower_words, lex);
        let mut out = Outline {
            title: None,
            sentences: Vec::new(),
            parts: vec![Part {
                heading: None,
                paragraphs: Vec::new(),
            }],
        };
        let from_front = front_title.is_some();
        out.title = front_title;
        let mut seen_text = false;
        let mut after_colon = false;
        // words of text since the last heading
        let mut run_words = 0usize;
        for line in lines {
            match line {
                Line::Heading(h, level, how) => {
                    // the `# title` under front matter that gave the same title
                    if from_front && level == 1 && !seen_text && out.title.as_deref() == Some(h) {
                        continue;
                    }
                    if (level == 1 || !seen_text) && out.title.is_none() && out.sentences.is_empty()
                    {
                        out.title = Some(h.to_string());
                        continue;
                    }
                    push_heading(&mut out, h, level.max(2), how);
                    after_colon = false;
                    run_words = 0;
                }
                Line::Text(t) => {
                    seen_text = true;
                    let mut para: Vec<usize> = Vec::new();
                    let ranges = splitter.split(&t);
                    let glued = |ri: usize| ri > 0 && ranges[ri - 1].end == ranges[ri].start;
                    // no heading stands inside a quotation (« … dans les 7
                    // jours. Dès lors Si vous … » between quotation marks)
                    let quoted = french::inside_quotation(ranges.iter().map(|r| &t[r.clone()]));
                    let mut skip_to = 0;
                    for (ri, range) in ranges.iter().enumerate() {
                        if ri < skip_to {
                            continue;
                        }
                        let s = &t[range.clone()];
                        // an interviewer's questions, asked in a run, head the answer
                        let prev_question = if ri > 0 {
                            t[ranges[ri - 1].clone()].trim_end().ends_with('?')
                        } else {
                            out.sentences
                                .last()
                                .is_some_and(|x| x.text.trim_end().ends_with('?'))
                        };
                        if let Some(end) = (!explicit && !prev_question)
                            .then(|| {
                                self.interview_questions(&t, &ranges, ri, after_colon, run_words)
                            })
                            .flatten()
                        {
                            let h = t[range.start..ranges[end - 1].end].trim();
                            end_paragraph(&mut out, &mut para);
                            push_heading(&mut out, h, 2, "interview-question");
                            run_words = 0;
                            after_colon = false;
                            skip_to = end;
                            continue;
                        }
                        // « X nous raconte : Peux-tu te présenter ? Je suis … »:
                        // the interviewer's question, glued after the colon
                        // that introduced the interview, heads the answer
                        if let Some((lead, q_start, end)) = (!explicit && !prev_question)
                            .then(|| self.question_after_colon(&t, &ranges, ri, run_words))
                            .flatten()
                        {
                            push_sentence(&mut out, &mut para, lead, glued(ri));
                            end_paragraph(&mut out, &mut para);
                            let h = t[q_start..ranges[end - 1].end].trim();
                            push_heading(&mut out, h, 2, "interview-question");
                            run_words = 0;
                            after_colon = false;
                            skip_to = end;
                            continue;
                        }
                        // a heading is followed by a capitalised sentence start
                        let next_capital = ranges.get(ri + 1).is_some_and(|r| {
                            t[r.clone()].chars().next().is_some_and(char::is_uppercase)
                        });
                        // what follows a colon belongs to the sentence that announced it
                        let announced =
                            std::mem::replace(&mut after_colon, s.trim_end().ends_with(':'));
                        if announced || quoted[ri] {
                            run_words += french::words(s).count();
                            push_sentence(&mut out, &mut para, s, glued(ri));
                            continue;
                        }
                        // « Le calendrier des travaux Pourquoi ? »: a heading
                        // whose section opens on a short question
                        if let Some(cut) = (!explicit)
                            .then(|| self.heading_before_question(s, lex, &proper, &lower_stems))
                            .flatten()
                        {
                            end_paragraph(&mut out, &mut para);
                            push_heading(&mut out, s[..cut].trim(), 2, "inline");
                            let q = s[cut..].trim();
                            // a question the text asks again under another
                            // heading (« Que s’est-il passé ? ») heads a
                            // subsection of its own
                            let after_end = ranges[(ri + 3).min(ranges.len() - 1)].end;
                            let ctx = QuestionContext {
                                before: "",
                                after: &t[range.end..after_end],
                                run_words: 0,
                                in_series: ranges
                                    .get(ri + 1)
                                    .is_some_and(|r| t[r.clone()].trim_end().ends_with('?')),
                                own_line: false,
                                under_heading: false,
                                repeated: asked.again(q),
                                after_question: false,
                                text_start: false,
                            };
                            if next_capital
                                && ctx.repeated
                                && self.is_question_heading(q, &ctx, lex)
                            {
                                push_heading(&mut out, q, 2, "question-line");
                                run_words = 0;
                                continue;
                            }
                            run_words = french::words(q).count();
                            push_sentence(&mut out, &mut para, q, false);
                            continue;
                        }
                        let is_question =
                            |r: &std::ops::Range<usize>| t[r.clone()].trim_end().ends_with('?');
                        let next_is_question = ranges.get(ri + 1).is_some_and(is_question);
                        // two sentences on, after a short answer (« Est-ce
                        // utile ? Oui. Pourquoi ? »)
                        let short_gap = || {
                            ranges.get(ri + 1).is_some_and(|r| {
                                french::words(&t[r.clone()]).count()
                                    <= self.rules.question.series_gap_words
                            })
                        };
                        // a short question two sentences on or back,
                        // across a short answer: an exchange the
                        // prose stages (« La réaction la plus fréquente ? Un
                        // regard incrédule. Une startup d’État ? »)
                        let verbless = |r: &std::ops::Range<usize>| {
                            is_question(r)
                                && french::words(&t[r.clone()]).count()
                                    <= self.rules.max_question_heading_words
                        };
                        let brief = |r: &std::ops::Range<usize>| {
                            french::words(&t[r.clone()]).count() <= EXCHANGE_ANSWER_WORDS
                        };
                        let verbless_exchange = ranges.get(ri + 2).is_some_and(verbless)
                            && ranges.get(ri + 1).is_some_and(brief)
                            || ri >= 2 && verbless(&ranges[ri - 2]) && brief(&ranges[ri - 1]);
                        // « Voulez-vous que votre projet soit … ? … Voulez-vous
                        // que votre projet attire … ? »: questions a few
                        // sentences apart that open alike enumerate cases
                        let parallel = question_opening(s).is_some_and(|o| {
                            ranges[ri.saturating_sub(PARALLEL_SPAN)..]
                                .iter()
                                .take(2 * PARALLEL_SPAN + 1)
                                .filter(|r| *r != range)
                                .any(|r| {
                                    let other = &t[r.clone()];
                                    other.trim() != s.trim()
                                        && question_opening(other).as_ref() == Some(&o)
                                })
                        });
                        let in_series = parallel
                            || next_is_question
                            || ranges.get(ri + 2).is_some_and(is_question) && short_gap()
                            || verbless_exchange
                            || out
                                .sentences
                                .last()
                                .is_some_and(|x| x.text.trim_end().ends_with('?'));
                        // « Que faire ? Cela dépend. », « Comment je le
                        // sais ? Parce que … »: the prose answers its own
                        // question
                        // (an interviewee may answer tersely: « Quelle est ta
                        // fonctionnalité préférée ? L’utilisation de Liquid. »)
                        let answered = ranges.get(ri + 1).is_some_and(|r| {
                            self.answers_question(&t[r.clone()])
                                && !self.faq_verdict(s, &t[r.clone()])
                                && !self.second_person(&french::words(s).collect::<Vec<_>>())
                        });
                        // three questions in a row or more, none answered:
                        // a list of questions the prose asks (an interview
                        // answers each, a page of questions too)
                        let run_of_questions = 1
                            + ranges[..ri]
                                .iter()
                                .rev()
                                .take_while(|r| is_question(r))
                                .count()
                            + ranges[ri + 1..]
                                .iter()
                                .take_while(|r| is_question(r))
                                .count()
                            >= 3;
                        let question =
                            !explicit && next_capital && !answered && !run_of_questions && {
                                let from = out.sentences.len().saturating_sub(3);
                                let before: Vec<&str> = out.sentences[from..]
                                    .iter()
                                    .map(|x| x.text.as_str())
                                    .collect();
                                let after_end = ranges[(ri + 3).min(ranges.len() - 1)].end;
                                let ctx = QuestionContext {
                                    before: &before.join(" "),
                                    after: &t[range.end..after_end],
                                    run_words,
                                    in_series,
                                    own_line: false,
                                    under_heading: false,
                                    // asked again, but not where the text
                                    // starts or right after a heading (the
                                    // title's question taken up by the lead)
                                    repeated: run_words >= self.rules.question.min_run_words
                                        && asked.again(s),
                                    after_question: out
                                        .parts
                                        .last()
                                        .and_then(|p| p.heading.as_ref())
                                        .is_some_and(|h| h.text.trim_end().ends_with('?')),
                                    text_start: out.sentences.is_empty()
                                        && out.parts.iter().all(|p| p.heading.is_none()),
                                };
                                // a short question between two others is one of a series
                                (self.question_heading(s, lex, para.is_empty()).is_some()
                                    && !next_is_question
                                    && !prev_question
                                    && !verbless_exchange
                                    && !parallel)
                                    || self.is_question_heading(s, &ctx, lex)
                            };
                        if question {
                            let h = s.trim();
                            end_paragraph(&mut out, &mut para);
                            push_heading(&mut out, h, 2, "question-line");
                            run_words = 0;
                            continue;
                        }
                        // « Persévérez ! »: a short exclamation in the
                        // imperative between two sentences of prose
                        if !explicit
                            && next_capital
                            && run_words >= self.rules.question.min_run_words
                            && self.exclamation_heading(s, lex)
                            && !ri
                                .checked_sub(1)
                                .is_some_and(|p| t[ranges[p].clone()].ends_with(':'))
                        {
                            end_paragraph(&mut out, &mut para);
                            push_heading(&mut out, s.trim(), 2, "exclamation");
                            run_words = 0;
                            continue;
                        }
                        let mut body = s;
                        // the sentence's tokens, read once for the three tests below
                        let tokens = token_spans(s);
                        if let Some((start, end, how)) = (!explicit)
                            .then(|| {
                                self.stock_heading(s, &tokens, lex, &proper, &lower_words)
                                    .map(|(a, b)| (a, b, "stock-heading"))
                                    .or_else(|| {
                                        self.infinitive_heading(
                                            s,
                                            &tokens,
                                            lex,
                                            &proper,
                                            &lower_stems,
                                        )
                                        .map(|(a, b)| (a, b, "inline"))
                                    })
                            })
                            .flatten()
                        {
                            let before = s[..start].trim();
                            // « Bonnes pratiques Trier les demandes Pour … »:
                            // what opens the sentence before the heading, with
                            // no full stop of its own, is the title over it
                            if self.title_before(before, lex) {
                                end_paragraph(&mut out, &mut para);
                                push_heading(&mut out, before, 2, "inline");
                            } else {
                                push_sentence(&mut out, &mut para, before, glued(ri));
                                end_paragraph(&mut out, &mut para);
                            }
                            push_heading(&mut out, &s[start..end], 2, how);
                            run_words = 0;
                            body = s[end..].trim();
                        } else if let Some((colon, cut)) = (!explicit)
                            .then(|| {
                                self.heading_after_colon(
                                    s,
                                    lex,
                                    &proper,
                                    (&lower_words, &lower_stems),
                                )
                            })
                            .flatten()
                        {
                            // « … une destination européenne : Des ordres de
                            // grandeur pour comparer Pour comparer les modes … »:
                            // the sentence ends on its colon (what it announced
                            // was not scraped), a heading follows
                            push_sentence(&mut out, &mut para, s[..colon].trim(), glued(ri));
                            end_paragraph(&mut out, &mut para);
                            push_heading(&mut out, s[colon..cut].trim(), 2, "inline");
                            run_words = 0;
                            body = s[cut..].trim();
                        } else if let Some(cut) = self
                            .inline_heading(s, &tokens, lex, &proper, (&lower_words, &lower_stems))
                            .or_else(|| self.unpunctuated_heading(s, &tokens, lex, run_words))
                            .filter(|&cut| !explicit && !credit(&s[..cut]))
                        {
                            let (h, rest) = (s[..cut].trim(), s[cut..].trim());
                            end_paragraph(&mut out, &mut para);
                            // two headings in a row (« Bonnes pratiques Trier
                            // les demandes »): the first heads an empty section
                            match self.second_heading(h, lex, &proper, &lower_words) {
                                Some(at) => {
                                    push_heading(&mut out, h[..at].trim(), 2, "inline");
                                    push_heading(&mut out, h[at..].trim(), 2, "inline");
                                }
                                None => push_heading(&mut out, h, 2, "inline"),
                            }
                            run_words = 0;
                            body = rest;
                        }
                        // a second heading right after the one cut out
                        // (« Contexte Une crise à plusieurs dimensions Les
                        // scientifiques … »): the first heads an empty section
                        if !explicit && body.len() < s.len() && !body.is_empty() {
                            let tokens = token_spans(body);
                            if let Some(cut) = self.inline_heading(
                                body,
                                &tokens,
                                lex,
                                &proper,
                                (&lower_words, &lower_stems),
                            ) {
                                // and a sentence after it, not the rest of a
                                // name (« Le collectif Vélo Saint-Aubin, … »)
                                let rest = body[cut..].trim();
                                let mut words = rest.split_whitespace();
                                let first = words.next();
                                let opens = first.is_some_and(|w| {
                                    self.opens_sentence(w, words.next(), &lower_words, &proper)
                                }) || rest.ends_with('?');
                                if opens {
                                    push_heading(&mut out, body[..cut].trim(), 2, "inline");
                                    body = rest;
                                }
                            }
                        }
                        run_words += french::words(body).count();
                        push_sentence(
                            &mut out,
                            &mut para,
                            body,
                            glued(ri) && body.len() == s.len(),
                        );
                    }
                    end_paragraph(&mut out, &mut para);
                }
            }
        }
        if !explicit {
            complete_numbered_series(&mut out, lex, self.rules.max_heading_words);
            complete_parallel_series(&mut out, lex, &lower_words, self.rules.max_heading_words);
        }
        number_first_heading(&mut out);
        // a heading with nothing under it is kept when another heading follows
        // it and text comes after (a section title over its first subsection,
        // which goes one level down); otherwise it gives its place
        let n = out.parts.len();
        let mut keep = vec![true; n];
        for (i, kept) in keep.iter_mut().enumerate() {
            let p = &out.parts[i];
            if p.heading.is_none() || !p.paragraphs.is_empty() {
                continue;
            }
            *kept = out.parts.get(i + 1).is_some_and(|q| q.heading.is_some())
                && out.parts[i + 1..].iter().any(|q| !q.paragraphs.is_empty());
            if *kept {
                let level = p.heading.as_ref().map_or(2, |h| h.level);
                if let Some(h) = out.parts[i + 1].heading.as_mut() {
                    h.level = h.level.max((level + 1).min(3));
                }
            }
        }
        let mut k = 0;
        out.parts.retain(|_| {
            k += 1;
            keep[k - 1]
        });
        if out.parts.len() > 1
            && out.parts[0].heading.is_none()
            && out.parts[0].paragraphs.is_empty()
        {
            out.parts.remove(0);
        }
        out
    }

    /// rubrique's own Markdown (YAML front matter first) read back as the
    /// article it came from: the front matter's title, the body with Markdown
    /// escapes and list markers undone, and without the sections a previous run
    /// generated (they start with an expansion template's intro line), which the
    /// expand stage builds again. `(None, None)` for any other text.
    fn read_markdown(&self, text: &str) -> (Option<String>, Option<String>) {
        let Some(rest) = text.strip_prefix("---\n") else {
            return (None, None);
        };
        let Some(end) = rest.find("\n---\n") else {
            return (None, None);
        };
        // too deep to parse in linear time: read as text, as invalid YAML is
        if crate::rules::yaml_too_deep(&rest[..end]).is_some() {
            return (None, None);
        }
        let Ok(front) = crate::rules::parse_yaml::<FrontMatter>("front matter", &rest[..end])
        else {
            return (None, None);
        };
        let lines: Vec<&str> = rest[end + 5..].lines().collect();
        let mut body = String::new();
        let mut i = 0;
        while i < lines.len() {
            let l = lines[i];
            if markdown_heading(l.trim()).is_some_and(|(_, level)| level > 1) {
                let next = lines[i + 1..].iter().find(|n| !n.trim().is_empty());
                let generated = next.is_some_and(|n| {
                    let n = unescape(n.trim());
                    self.expansion_intros.contains(&n)
                });
                if generated {
                    i += 1;
                    while i < lines.len() && markdown_heading(lines[i].trim()).is_none() {
                        i += 1;
                    }
                    continue;
                }
                body.push_str(&unescape(l));
            } else {
                let t = l.trim_start();
                let item = t.strip_prefix("- ").or_else(|| t.strip_prefix("* "));
                match item {
                    // each item a paragraph of its own
                    Some(item) => {
                        body.push('\n');
                        body.push_str(&unescape(item));
                        body.push('\n');
                    }
                    None => body.push_str(&unescape(l)),
                }
            }
            body.push('\n');
            i += 1;
        }
        (front.title.filter(|t| !t.trim().is_empty()), Some(body))
    }

    /// Split the text into heading lines and text blocks (paragraphs).
    fn classify_lines<'a>(
        &self,
        text: &'a str,
        lex: &Lexicon,
        explicit: bool,
        asked: &Asked,
    ) -> Vec<Line<'a>> {
        let raw: Vec<&str> = text.lines().map(str::trim).collect();
        let mut out: Vec<Line> = Vec::new();
        // words of text since the last heading line
        let mut run_words = 0usize;
        let mut i = 0;
        while i < raw.len() {
            let l = raw[i];
            if l.is_empty() {
                i += 1;
                continue;
            }
            if let Some(h) = markdown_heading(l) {
                out.push(Line::Heading(h.0, h.1, "markdown"));
                run_words = 0;
                i += 1;
                continue;
            }
            // the first line of a line scrape, short and without a full stop,
            // over more lines: the page's title, whatever follows it (a
            // question heading, a byline), never a paragraph of its own
            if !explicit && out.is_empty() && self.title_line(l, &raw[i + 1..]) {
                out.push(Line::Heading(l, 1, "title-line"));
                i += 1;
                continue;
            }
            // (a picture's credit between a heading and its text is skipped)
            let mut after = raw[i + 1..]
                .iter()
                .filter(|n| !n.is_empty() && !credit(n))
                .copied();
            let (next, next2) = (after.next(), after.next());
            let mut before = raw[..i].iter().rev().filter(|n| !n.is_empty()).copied();
            let (prev, prev2) = (before.next(), before.next());
            let next3 = after.next();
            // the third item of a list announced by a colon or further on
            // (« … parce que : » / « Ça marche » / « C’est simple » / « C’est
            // gratuit »): an item, whatever follows it (of the 489 gold
            // headings of the development set and sets M, N and O, none
            // comes after two short lines that follow a colon)
            if !explicit && list_item(l) && list_items_before(&raw[..i]) >= 2 {
                run_words += french::words(l).count();
                out.push(Line::Text(l.to_string()));
                i += 1;
                continue;
            }
            // a title over a subheading line: a heading line if the subheading
            // were not there (« Bonnes pratiques » / « Trier les demandes » / …)
            // (not over the next item of a list)
            let title_over = || {
                next.is_some_and(|n| {
                    let item = list_item(n) && list_items_before(&raw[..=i]) >= 2;
                    !(n.ends_with(['.', '!', '?', '…', ':']) || item)
                        && self.is_heading_line(n, (Some(l), next2, next3, prev), 0, lex)
                }) && self.is_heading_line(l, (prev, next2, next3, prev2), run_words, lex)
            };
            // a question the text asks again, on its line under a heading
            // line (« Premier incident » / « Que s’est-il passé ? » / …)
            if !explicit
                && matches!(out.last(), Some(Line::Heading(..)))
                && self.question_under_heading(l, next, asked, lex)
            {
                out.push(Line::Heading(l, 2, "question-line"));
                run_words = 0;
                i += 1;
                continue;
            }
            // a question on its line right under a heading line, before its
            // answer (« Arrêt de travail » / « Comment obtenir un arrêt
            // maladie ? » / « Si vous êtes … »): the subheading of a page of
            // questions and answers (93 question headings of the gold sets
            // against 10 paragraphs that are a question alone)
            // … or right under the page's title, before any text: a body
            // that opens on a question alone on its line opens on its first
            // section (7 such pages in the gold sets, none whose lead is a
            // question alone)
            let under_title = matches!(out.last(), Some(Line::Heading(_, _, "title-line")));
            if !explicit
                && (under_title
                    || matches!(out.last(), Some(Line::Heading(_, level, _)) if *level >= 2))
                && self.is_question_line(
                    l,
                    (Some("."), next, next2, None),
                    (self.rules.question.min_run_words, true),
                    lex,
                )
            {
                out.push(Line::Heading(
                    l,
                    if under_title { 2 } else { 3 },
                    "question-line",
                ));
                run_words = 0;
                i += 1;
                continue;
            }
            // « … nous raconte : » / « Peux-tu te présenter ? » / « Je suis … »
            if !explicit && self.interview_question_line(l, prev, next) {
                out.push(Line::Heading(l, 2, "interview-question"));
                run_words = 0;
                i += 1;
                continue;
            }
            if !explicit
                && (self.is_heading_line(l, (prev, next, next2, prev2), run_words, lex)
                    || title_over())
            {
                out.push(Line::Heading(l, 2, "line"));
                run_words = 0;
                i += 1;
                continue;
            }
            // join hard-wrapped lines: the next line goes on in lowercase
            let mut block = l.to_string();
            let mut j = i + 1;
            while j < raw.len()
                && !raw[j].is_empty()
                && raw[j].chars().next().is_some_and(|c| c.is_lowercase())
                && !block.ends_with(['.', '!', '?', '…', ':'])
            {
                block.push(' ');
                block.push_str(raw[j]);
                j += 1;
            }
            run_words += french::words(&block).count();
            out.push(Line::Text(block));
            i = j;
        }
        out
    }

    /// Whether the first line of a text, with `rest` after it, is its title:
    /// two lines of text at least follow, and the line is short, capitalised,
    /// holds no mark that ends a sentence (a question or an exclamation may
    /// be the lead's first sentence, a line may hold a sentence glued before
    /// a heading: they stay in the text), ends on no comma or colon, and is no
    /// credit.
    fn title_line(&self, line: &str, rest: &[&str]) -> bool {
        const MIN_LINES_AFTER: usize = 2;
        let words = french::words(line).count();
        rest.iter()
            .filter(|l| !l.is_empty())
            .take(MIN_LINES_AFTER)
            .count()
            == MIN_LINES_AFTER
            && (2..=self.rules.max_title_words).contains(&words)
            && line
                .trim_start_matches(['«', '"', '“'])
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            && !line.ends_with([',', ';', ':'])
            && !line.contains(['.', '…', '?', '!'])
            && !credit(line)
            // an arrow or a shape sets a breadcrumb's items apart (« Fil :
            // Éclairages ⟶ Handicap »); no gold title holds one
            && !line.contains(separator_symbol)
    }

    /// A line of its own that reads as a heading: short, capitalised, without
    /// final period, followed by text.
    fn is_heading_line(
        &self,
        line: &str,
        (prev, next, next2, prev2): (Option<&str>, Option<&str>, Option<&str>, Option<&str>),
        run_words: usize,
        lex: &Lexicon,
    ) -> bool {
        // « tl;dr; » alone on its line, before prose: a summary label heads
        // what follows, whatever its case
        let label = line.trim_end_matches([';', ':', '.', ' ']).to_lowercase();
        if self.rules.summary_labels.contains(&label) {
            return next.is_some_and(french::starts_upper);
        }
        if authors_line(line) {
            return false;
        }
        if line.ends_with('?')
            && self.is_question_line(line, (prev, next, next2, prev2), (run_words, false), lex)
        {
            return true;
        }
        // « Persévérez ! » on its own line, between lines of prose
        if line.ends_with('!') {
            let prose = |l: &str| {
                l.ends_with(['.', '!', '?', '…', '»', ')']) && french::words(l).count() >= 8
            };
            return self.exclamation_heading(line, lex)
                && prev.is_some_and(|p| p.ends_with(['.', '!', '?', '…', '»', ')']))
                && next.is_some_and(|n| prose(n) && french::starts_upper(n))
                && run_words >= self.rules.question.min_run_words;
        }
        // a numbered heading (« 2. Une rentrée chargée ») is judged on its
        // words; a numbered line next to another is an item of a list
        let line = match enumerator_len(line) {
            Some(n) => {
                if [prev, next]
                    .iter()
                    .flatten()
                    .any(|l| enumerator_len(l).is_some())
                {
                    return false;
                }
                &line[n..]
            }
            None => line,
        };
        let words: Vec<&str> = french::words(line).collect();
        // a statement that opens on a connector (« Donc la courbe … ») or
        // on « je » (« Je ne sais pas quand … ») goes on with the prose: of
        // the 489 gold headings of the development set and sets M, N and O,
        // the six that open so ask a question
        if let Some(first) = words.first() {
            let first = first.to_lowercase().replace('\'', "’");
            let connector = self.rules.question.connectors.contains(&first)
                && !self.rules.stock_headings.contains(&first);
            if connector || first == "je" || first.starts_with("j’") {
                return false;
            }
        }
        // « À suivre... »: a short line trailing off on an ellipsis, no
        // comma (4 gold headings end so, 1 short paragraph: « Maintenant,
        // s’il s’agit d’acheter… »)
        let trails_off = (line.ends_with("...") || line.ends_with('…'))
            && !line.ends_with("....")
            && words.len() <= SHORT_ELLIPSIS_WORDS
            && !line.contains(',');
        if words.is_empty()
            || credit(line)
            || line.chars().count() > self.rules.max_heading_chars
            || words.len() > self.rules.max_heading_words + 4
            || !french::starts_upper(line)
            || line.ends_with(['.', ',', ';', '…', ':', '!', '»']) && !trails_off
            // a closing parenthesis only after a short qualifier of letters
            // (« … de votre projet (en ligne) »), the line after prose, or
            // closing an inclusive ending (« Soyez prudent(e) »)
            || line.ends_with(')')
                && !inclusive_ending(line)
                && !(prev.is_some_and(|p| p.ends_with(['.', '!', '?', '…']))
                    && line
                    .rsplit_once(" (")
                    .and_then(|(_, q)| q.strip_suffix(')'))
                    .is_some_and(|q| {
                        (1..=3).contains(&q.split_whitespace().count())
                            && q.chars().all(|c| c.is_alphabetic() || c == ' ')
                            // or a year (« Les premiers PC (1987) »)
                            || q.len() == 4 && q.chars().all(|c| c.is_ascii_digit())
                    }))
            || line.matches(':').count() > 1
            // a sentence end inside: the line holds a sentence, not only a heading
            // (an ellipsis before a lowercase word trails off inside it: « Il
            // était une fois… le ZX81 »)
            || line
                .split_whitespace()
                .collect::<Vec<_>>()
                .windows(2)
                .any(|p| {
                    p[0].ends_with(['.', '!', '?', '…'])
                        && !(p[0].ends_with('…') && p[1].starts_with(char::is_lowercase))
                })
            || line.contains(" : ")
                && line
                    .split(" : ")
                    .nth(1)
                    .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        {
            return false;
        }
        if line.ends_with('?') && self.question_heading(line, lex, true).is_none() {
            return false;
        }
        let Some(next) = next else { return false };
        if markdown_heading(next).is_some() {
            return false;
        }
        // after a line that announces a list (":"), lines are items, but
        // for a stock heading (« Conclusion », « En résumé ») before prose
        // …
        let stock = {
            let lower = line.to_lowercase();
            let bare = lower.strip_prefix("en ").unwrap_or(&lower);
            self.rules.stock_headings.iter().any(|w| w == bare)
        };
        // the line after must be longer prose or at least a sentence
        let next_words = french::words(next).count();
        // … unless a paragraph of prose follows it at once: the list was
        // lost, the line heads what follows (« … une destination européenne :
        // » / « Des ordres de grandeur pour comparer … » / « Pour comparer
        // les modes de transport, nous … »)
        // (a plain phrase: no comma, no verb, no capital after its first
        // word, which would make it items glued together)
        let plain_phrase = !line.contains(',')
            && words.iter().skip(1).all(|w| !french::starts_upper(w))
            && !words
                .iter()
                .any(|w| lex.is_verb(w) || french::looks_finite(w));
        // (nor the second line of a list, between its first item and a
        // third short line: « Au menu : » / « Avis sur le changement de
        // plateforme » / « Discussion autour de l’accueil d’une fanfare … » /
        // « Stand de maquillage … ! »; before prose, the first line may be a
        // caption, the second a heading)
        if prev.is_some_and(|p| list_item(p) && french::starts_upper(p))
            && prev2.is_some_and(|p| p.ends_with(':'))
            && french::words(next).count() <= MAX_LIST_ITEM_WORDS
            && !stock
        {
            return false;
        }
        if prev.is_some_and(|p| p.ends_with(':'))
            && !stock
            && !(plain_phrase
                && next_words >= LOST_LIST_PROSE_WORDS
                && next.ends_with(['.', '!', '?', '…', '»', ')'])
                && french::starts_upper(next))
        {
            return false;
        }
        let last = words[words.len() - 1];
        // « … n’abandonnez pas »: a negation ends the line, not a dangling word
        let negated = ends_whole(&words);
        if lex.is_function_word(last) && !line.ends_with('?') && !negated {
            return false;
        }
        let ends_sentence = |l: &str| l.ends_with(['.', '!', '?', '…', ':', '»', ')']);
        let sentence_after = ends_sentence(next);
        // a short question on a line of its own between this line, after
        // prose, and longer prose: the section opens on the question it
        // answers (« Le chantier de la halle » / « Que s’est-il passé ? » / …)
        let question_after = next.ends_with('?')
            && french::starts_upper(next)
            && next_words <= self.rules.question.max_words
            && prev.is_some_and(|p| ends_sentence(p) && !p.ends_with(':'))
            && next2.is_some_and(|n| {
                ends_sentence(n) && !n.ends_with('?') && french::words(n).count() > next_words
            });
        // longer prose after it, or a whole short sentence (a kicker: « N’attendez
        // plus, faites votre bilan carbone. »)
        (next_words > words.len() && (sentence_after || next_words >= 12))
            || (sentence_after && next_words >= 4 && french::starts_upper(next))
            || question_after
    }

    /// A line of one to three questions between lines of prose that reads as
    /// a question heading (see `question_score`).
    fn is_question_line(
        &self,
        line: &str,
        (prev, next, next2, prev2): (Option<&str>, Option<&str>, Option<&str>, Option<&str>),
        (run_words, under_heading): (usize, bool),
        lex: &Lexicon,
    ) -> bool {
        let (Some(prev), Some(next)) = (prev, next) else {
            return false;
        };
        let ends_sentence = |l: &str| l.ends_with(['.', '!', '?', '…', '»', '"', '”', ')']);
        // prose before, prose (or an announced list) after; a line of
        // questions, or the interviewer's statement and question to the
        // interviewee (« Bonjour Bud, tu es un observateur … Comment les
        // choses ont-elles évolué ? »)
        let interviewer =
            || line.ends_with('?') && self.second_person(&french::words(line).collect::<Vec<_>>());
        // … or the reader's question of a page of questions and answers, in
        // the first person singular, after the case it states (« Je suis
        // vacciné mais mon test est positif. Puis-je aller au travail ? »)
        let reader = || {
            line.ends_with('?')
                && line.matches(['.', '!', '?']).count() <= 2
                && french::words(line).any(|w| {
                    let w = w.to_lowercase();
                    w == "je" || w.ends_with("-je") || w.starts_with("j’") || w.starts_with("j'")
                })
        };
        if !ends_sentence(prev)
            || !(ends_sentence(next) || next.ends_with(':'))
            || markdown_heading(next).is_some()
            || !(only_questions(line) || interviewer() || reader())
        {
            return false;
        }
        // one of three question lines in a row or more: a list of questions
        // the prose asks, none answered
        let asks = |l: Option<&str>| l.is_some_and(|l| l.ends_with('?'));
        if first_sentence_is_question(next)
            && (prev.ends_with('?') || next2.is_some_and(first_sentence_is_question))
            || prev.ends_with('?') && asks(prev2)
        {
            return false;
        }
        // the prose answers its own question on the next line (« Alors
        // quelle différence avec l’écriture ? » / « Les tripes. »), as it
        // does in the flow of the text
        if self.answers_question(next)
            && !self.faq_verdict(line, next)
            && !self.second_person(&french::words(line).collect::<Vec<_>>())
        {
            return false;
        }
        // the answer: the next line, or, when it is shorter than the
        // question (« Elles sont nombreuses ! »), the line of prose after it
        // too
        let words = french::words(line).count();
        let answer = if french::words(next).count() > words {
            next.to_string()
        } else {
            match next2 {
                Some(n2)
                    if ends_sentence(next)
                        && ends_sentence(n2)
                        && markdown_heading(n2).is_none()
                        && !first_sentence_is_question(n2)
                        && french::words(next).count() + french::words(n2).count() > words =>
                {
                    format!("{next} {n2}")
                }
                _ => return false,
            }
        };
        let ctx = QuestionContext {
            before: prev,
            after: &answer,
            run_words,
            in_series: prev.ends_with('?') || first_sentence_is_question(next),
            own_line: true,
            under_heading,
            repeated: false,
            after_question: false,
            text_start: false,
        };
        self.is_question_heading(line, &ctx, lex)
    }

    /// A line of one to three questions right under a heading line, before
    /// longer prose, that the text asks again word for word elsewhere: the
    /// question that opens each section of a series is a subheading (see
    /// `question_score`).
    fn question_under_heading(
        &self,
        line: &str,
        next: Option<&str>,
        asked: &Asked,
        lex: &Lexicon,
    ) -> bool {
        let Some(next) = next else {
            return false;
        };
        let ends_sentence = |l: &str| l.ends_with(['.', '!', '?', '…', '»', '"', '”', ')']);
        if !line.ends_with('?')
            || !french::starts_upper(line)
            || !ends_sentence(next)
            || markdown_heading(next).is_some()
            || french::words(next).count() <= french::words(line).count()
            || !asked.again(line)
        {
            return false;
        }
        if !only_questions(line) {
            return false;
        }
        let ctx = QuestionContext {
            before: "",
            after: next,
            run_words: 0,
            in_series: first_sentence_is_question(next),
            own_line: true,
            under_heading: true,
            repeated: true,
            after_question: false,
            text_start: false,
        };
        self.is_question_heading(line, &ctx, lex)
    }

    /// Whether the words before a colon announce an interview (« Sa
    /// présidente nous raconte : »): a few words at least, none of the last
    /// four a verb that asks (« Il lui demande : » announces a question of
    /// the prose).
    fn announces_interview(&self, lead: &str) -> bool {
        const MIN_LEAD_WORDS: usize = 3;
        let words: Vec<String> = french::words(lead).map(str::to_lowercase).collect();
        words.len() >= MIN_LEAD_WORDS
            && !words
                .iter()
                .rev()
                .take(4)
                .any(|w| self.rules.question.asking.contains(w))
    }

    /// A line of an interviewer's questions under the line whose colon
    /// announced the interview (« Sa présidente nous raconte : »), answered
    /// on the next line: the lines' form of `question_after_colon`.
    fn interview_question_line(&self, line: &str, prev: Option<&str>, next: Option<&str>) -> bool {
        let (Some(prev), Some(next)) = (prev, next) else {
            return false;
        };
        if !prev.ends_with(':')
            || !line.ends_with('?')
            || !french::starts_upper(line)
            || !self.announces_interview(prev)
        {
            return false;
        }
        // the line's questions, then the answer as one sentence
        let t = format!("{line} {next}");
        let mut ranges = Vec::new();
        let mut start = 0;
        for (at, _) in line.match_indices("? ") {
            ranges.push(start..at + 1);
            start = at + 2;
        }
        ranges.push(start..line.len());
        ranges.push(line.len() + 1..t.len());
        self.interview_questions(&t, &ranges, 0, true, 0) == Some(ranges.len() - 1)
    }

    /// A sentence that ends on an interviewer's question glued after a colon
    /// (« Clément nous raconte : Peux-tu te présenter ? »), when the question
    /// passes `interview_questions` as announced by that colon and the words
    /// before the colon do not ask it themselves (« Il lui demande : … »).
    /// Returns the text up to the colon, where the question starts in `t`, and
    /// the index of the range after the run of questions.
    fn question_after_colon<'t>(
        &self,
        t: &'t str,
        ranges: &[std::ops::Range<usize>],
        ri: usize,
        run_words: usize,
    ) -> Option<(&'t str, usize, usize)> {
        let range = ranges[ri].clone();
        let s = &t[range.clone()];
        if !s.trim_end().ends_with('?') {
            return None;
        }
        let colon = s.rfind(':')?;
        let lead = s[..=colon].trim();
        let q_rel = colon + 1 + (s[colon + 1..].len() - s[colon + 1..].trim_start().len());
        if q_rel == colon + 1 || !french::starts_upper(&s[q_rel..]) {
            return None;
        }
        if !self.announces_interview(lead) {
            return None;
        }
        let q_start = range.start + q_rel;
        let mut split: Vec<std::ops::Range<usize>> = Vec::with_capacity(ranges.len() + 1);
        split.extend_from_slice(&ranges[..ri]);
        split.push(range.start..range.start + colon + 1);
        split.push(q_start..range.end);
        split.extend_from_slice(&ranges[ri + 1..]);
        let end = self.interview_questions(t, &split, ri + 1, true, run_words)?;
        Some((lead, q_start, end - 1))
    }

    /// The end (exclusive) of a run of one to three questions starting at
    /// sentence `ri` that an interviewer asks: the first opens on an
    /// interrogative word or an inversion, one of them speaks to the
    /// interviewee (« Pouvez-vous … ? », « Peux-tu … ? », « … pensez-vous … ? »),
    /// and a sentence that is not a question answers them. A lone question
    /// counts only when a colon announced it and the answer speaks in the
    /// first person (« … nous raconte : Peux-tu te présenter ? Je suis … »);
    /// a run, when enough text came since the last heading or a colon
    /// announced it.
    fn interview_questions(
        &self,
        t: &str,
        ranges: &[std::ops::Range<usize>],
        ri: usize,
        announced: bool,
        run_words: usize,
    ) -> Option<usize> {
        const MAX_RUN: usize = 3;
        const MAX_RUN_WORDS: usize = 40;
        let r = &self.rules.question;
        let sentence = |i: usize| t[ranges[i].clone()].trim();
        let mut end = ri;
        while end < ranges.len() && end - ri < MAX_RUN && sentence(end).ends_with('?') {
            end += 1;
        }
        let answer = ranges.get(end).map(|_| sentence(end))?;
        if end == ri || answer.ends_with('?') || !french::starts_upper(answer) {
            return None;
        }
        let words: Vec<Vec<String>> = (ri..end)
            .map(|i| french::words(sentence(i)).map(str::to_lowercase).collect())
            .collect();
        if words.iter().any(|w| w.len() > r.max_words)
            || words.iter().map(Vec::len).sum::<usize>() > MAX_RUN_WORDS
        {
            return None;
        }
        let inversion = |w: &str| w.ends_with("-vous") || w.ends_with("-tu");
        let opens = words[0].iter().take(3).any(|w| inversion(w))
            || words[0]
                .first()
                .is_some_and(|w| r.openers.iter().any(|o| o == w));
        let addressed = words.iter().flatten().any(|w| {
            inversion(w)
                || matches!(
                    w.as_str(),
                    "vous" | "tu" | "votre" | "vos" | "ton" | "ta" | "tes"
                )
        });
        // a question about a third party (« Pourquoi ce projet est-il utile ? »,
        // « … l’apprécient-ils ? ») is one of a list the prose asks, not the
        // interviewer's: an interviewer asks the interviewee
        let third_party = words.iter().flatten().any(|w| {
            ["-il", "-ils", "-elle", "-elles"]
                .iter()
                .any(|p| w.len() > p.len() + 1 && w.ends_with(p))
                && !r.impersonal.iter().any(|i| i == w)
        });
        if !opens || !addressed || third_party {
            return None;
        }
        let first_person = french::words(answer).next().is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "je" | "j’" | "j'" | "nous" | "moi"
            ) || w.to_lowercase().starts_with("j’")
                || w.to_lowercase().starts_with("j'")
        });
        let fits = if end - ri == 1 {
            announced && first_person
        } else {
            announced || run_words >= r.min_run_words
        };
        fits.then_some(end)
    }

    /// Whether a sentence answers the question before it the way the prose
    /// does (`question.terse_answer_words`, `question.answers`).
    fn answers_question(&self, next: &str) -> bool {
        let r = &self.rules.question;
        let next = next.trim();
        let words = french::words(next).count();
        if r.terse_answer_words > 0
            && (1..=r.terse_answer_words).contains(&words)
            && next.ends_with('.')
            && !next.ends_with("..")
        {
            return true;
        }
        let lower = next.to_lowercase().replace('\'', "’");
        r.answers.iter().any(|a| {
            lower
                .strip_prefix(a.as_str())
                .is_some_and(|rest| a.ends_with('’') || rest.starts_with([' ', '\u{a0}']))
        })
    }

    /// Whether a question's words hold the second person singular
    /// (`question.second_person`, « -tu », « -toi », « t’ »).
    fn second_person(&self, words: &[&str]) -> bool {
        let r = &self.rules.question;
        !r.second_person.is_empty()
            && words.iter().any(|w| {
                let w = w.to_lowercase().replace('\'', "’");
                r.second_person.contains(&w)
                    || w.ends_with("-tu")
                    || w.ends_with("-toi")
                    || w.starts_with("t’")
            })
    }

    /// Whether `next` is a one-word verdict (`question.verdicts`) answering
    /// `question`, a question long enough to head an answer of its own
    /// (`question.verdict_question_words`).
    fn faq_verdict(&self, question: &str, next: &str) -> bool {
        let r = &self.rules.question;
        let verdict = next
            .trim()
            .trim_end_matches(['.', '!', ' ', '\u{a0}', '\u{202f}'])
            .to_lowercase();
        let words = french::words(question).count();
        // « Oui, le même certificat peut … »: the verdict opens its answer
        let opens = next
            .trim_start()
            .split_once(',')
            .is_some_and(|(w, _)| r.verdicts.contains(&w.trim().to_lowercase()));
        r.verdict_question_words > 0
            && (r.verdicts.contains(&verdict) && words >= r.verdict_question_words
                || opens
                    && r.verdict_comma_question_words > 0
                    && words >= r.verdict_comma_question_words)
    }

    /// A short verbless question standing alone is an inlined heading
    /// ("Et en France ?").
    fn question_heading<'s>(
        &self,
        s: &'s str,
        lex: &Lexicon,
        _starts_para: bool,
    ) -> Option<&'s str> {
        if !s.ends_with('?') || authors_line(s) {
            return None;
        }
        let words: Vec<&str> = french::words(s).collect();
        if words.is_empty() || words.len() > self.rules.max_question_heading_words {
            return None;
        }
        // a verb, or a subject pronoun inverted after one (« Connaissez-vous
        // … ? », « Viendront-elles ? »)
        let has_verb = words.iter().any(|w| {
            let lower = w.to_lowercase();
            w.split(['-', '‑']).any(|p| lex.is_verb(p))
                || lower.contains("-t-")
                || INVERTED_PRONOUNS
                    .iter()
                    .any(|p| lower.len() > p.len() + 1 && lower.ends_with(p))
        });
        // a subject pronoun first opens a clause: its verb follows (a
        // demonstrative one, « Cela vous parle ? », points back at the
        // prose too)
        let pronoun_first = SUBJECT_PRONOUNS.contains(&words[0].to_lowercase().as_str())
            || matches!(words[0].to_lowercase().as_str(), "cela" | "ça" | "ceci");
        // a heading names something: a bare « Pourquoi ? » or « Et alors ? »
        // asks for what the prose says next
        let names_something = words.iter().any(|w| {
            let lower = w.to_lowercase().replace('\'', "’");
            !lex.is_function_word(&lower)
                && !self.rules.question.openers.contains(&lower)
                && !self.rules.question.connectors.contains(&lower)
        });
        // « Et ensuite ? », « Et moi ? », « Et pour 2021 ? »: a short
        // follow-up on « et » turns to what comes next; not one addressed to
        // the reader (« Et vous ? »)
        let follow_up = words.len() <= FOLLOW_UP_WORDS
            && words[0].eq_ignore_ascii_case("et")
            && !words[1..]
                .iter()
                .any(|w| matches!(w.to_lowercase().as_str(), "vous" | "toi" | "tu"));
        if has_verb || pronoun_first || s.contains(',') || !(names_something || follow_up) {
            return None;
        }
        // the prose's own device: a question that sets up its answer, on a
        // possessive that points back (« Son objectif ? Que … ») or on a
        // noun that announces it (« Le résultat ? Une baisse … »)
        let lower: Vec<String> = words
            .iter()
            .map(|w| w.to_lowercase().replace('\'', "’"))
            .collect();
        if self.points_back(&lower) < 0.0 {
            return None;
        }
        if self.rules.question.possessives.contains(&lower[0])
            || lower.len() <= 3
                && DETERMINERS.contains(&lower[0].as_str())
                && lower[1..]
                    .iter()
                    .any(|w| self.rules.rhetorical_nouns.contains(w))
        {
            return None;
        }
        Some(s)
    }

    /// Is a word (lowercase, typographic apostrophes) an interrogative word
    /// of `question.openers` (« pourquoi », « qu’est-ce »), alone or joined by
    /// a hyphen to what follows it?
    fn question_opener(&self, w: &str) -> bool {
        self.rules.question.openers.iter().any(|o| {
            o == w
                || w.strip_prefix(o.as_str())
                    .is_some_and(|rest| rest.starts_with('-'))
        })
    }

    /// What a question's words that point back at the prose add to its
    /// score (`lower`: its words in lowercase, typographic apostrophes): a
    /// last word of `question.anaphoric_ends` (« … de tout cela ? »), « je »
    /// right after the interrogative word (« Pourquoi je … ? », not « Est-ce
    /// que je … ? »).
    fn points_back(&self, lower: &[String]) -> f64 {
        let r = &self.rules.question;
        let n = lower.len();
        let mut score = 0.0;
        if n >= 2
            && r.anaphoric_ends.contains(&lower[n - 1])
            && !(n >= 3 && lower[n - 3] == "dans" && lower[n - 2] == "tout")
        {
            score += r.anaphoric_end;
        }
        // (not « Est-ce que je peux … ? », a reader's question)
        if (1..n).any(|i| {
            let (w, next) = (&lower[i - 1], &lower[i]);
            self.question_opener(w)
                && !(w == "que" && i >= 2 && lower[i - 2] == "est-ce")
                && (next == "je" || next.starts_with("j’"))
        }) {
            score += r.musing;
        }
        score
    }

    /// Does the question `q` head a section? Scored cues of
    /// `rules/structure.yaml` (`question:`): an interrogative opener, its
    /// content words taken up by the answer after it rather than by the text
    /// before it, no pointer back into the text, not one of a series, alone on
    /// its line. `None` when a hard rule excludes it, else the score.
    fn question_score(&self, q: &str, ctx: &QuestionContext, lex: &Lexicon) -> Option<f64> {
        let r = &self.rules.question;
        let q = q.trim();
        // a question that recurs word for word opens each section of a
        // series, right under its heading: no run of text before it
        let min_run_words = if ctx.repeated {
            0
        } else if ctx.own_line || ctx.after_question {
            r.own_line_min_run_words
        } else {
            r.min_run_words
        };
        let tokens: Vec<&str> = q.split_whitespace().collect();
        let words: Vec<&str> = french::words(q).collect();
        // the text's first sentence, a question on an interrogative word that
        // addresses nobody (« Qu’est-ce qu’un brevet ? L’idée de brevet … »):
        // a page of questions and answers opens on its first question; a
        // lead that asks turns to the reader (« Vous souhaitez … ? »,
        // « Connaissez-vous … ? »)
        let opening_question = ctx.text_start
            && words
                .first()
                .is_some_and(|w| self.question_opener(&w.to_lowercase().replace('\'', "’")))
            && !words.iter().any(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "vous" | "vos" | "votre" | "vôtre" | "tu" | "te" | "toi" | "ton" | "ta" | "tes"
                )
            });
        if !q.ends_with('?')
            || q.contains(':')
            || authors_line(q)
            || ctx.run_words < min_run_words && !opening_question
        {
            return None;
        }
        let tutoiement = self.second_person(&words);
        // a line of its own may hold a few questions ("Et ensuite ? …")
        let max_words = if ctx.own_line && tutoiement {
            2 * r.max_words.max(r.second_person_max_words)
        } else if ctx.own_line {
            2 * r.max_words
        } else if tutoiement {
            r.max_words.max(r.second_person_max_words)
        } else {
            r.max_words
        };
        if words.is_empty() || words.len() > max_words {
            return None;
        }
        // « L’empreinte eau, c’est quoi ? »: a noun phrase, then a formula
        // that asks what it is
        let definition = self.definition(q);
        // alone on its line between paragraphs, a question that opens on a
        // connector or an aside and asks the reader nothing is the author's
        // heading (« Et le reste, on l’oublie ? », « Alors, pourquoi avoir
        // choisi le carbone ? »); « Et vous, … ? », « Alors, prêt à trouver
        // vos … ? » go on with the text
        let aside_heading = ctx.own_line
            && !ctx.under_heading
            && !words.iter().any(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "vous" | "vos" | "votre" | "vôtre" | "tu" | "te" | "toi" | "ton" | "ta" | "tes"
                )
            });
        // "Et vous, …", "Au fait, …": an aside that goes on with the text;
        // not an interviewer's address: a name (« Marc, pouvez-vous … ? »)
        // or the interviewee's opinion (« Selon vous, quelles … ? »)
        // (a noun in apposition to the subject it opens on, with no verb:
        // « Le développeur, sportif de haut niveau ? », a title's question)
        let apposition = {
            let first = tokens[0].to_lowercase();
            let article = matches!(first.as_str(), "le" | "la" | "les");
            let elided_noun =
                (first.starts_with("l’") || first.starts_with("l'")) && tokens[0].ends_with(',');
            (article && tokens.get(1).is_some_and(|t| t.ends_with(',')) || elided_noun)
                && !words.iter().any(|w| {
                    let w = w.to_lowercase();
                    lex.is_verb(&w)
                        || w.contains('-') && INVERTED_PRONOUNS.iter().any(|p| w.ends_with(p))
                })
        };
        if tokens.iter().take(2).any(|t| t.ends_with(','))
            && !self.addressed(&tokens, lex)
            && !definition
            && !tutoiement
            && !aside_heading
            && !apposition
        {
            return None;
        }
        let first = words[0].to_lowercase().replace('\'', "’");
        if r.connectors.contains(&first) && !aside_heading {
            return None;
        }
        // « Les COPs s’enchainent, mais avec quel succès ? »: a statement,
        // then a connector after a comma that turns it into a question of
        // the prose
        if tokens.windows(2).skip(1).any(|p| {
            p[0].ends_with(',')
                && r.connectors
                    .contains(&p[1].to_lowercase().replace('\'', "’"))
        }) {
            return None;
        }
        let stems = question_stems(q, lex);
        let lower: Vec<String> = words
            .iter()
            .map(|w| w.to_lowercase().replace('\'', "’"))
            .collect();
        let echo = answer_echo(&lower, ctx.after, lex);
        // a question with too little to name asks for what the text says
        // next (« Pourquoi ? », « Qui sait ? »), unless the answer takes up
        // its inversion, or the text asks it again and it names something
        let (content, naming) = self.question_content_words(&lower, lex);
        let mut score = 0.0;
        // an interrogative word first, or first after a comma ("J’ai …,
        // comment faire … ?")
        let is_opener = |w: &str| self.question_opener(w);
        let after_comma = tokens
            .windows(2)
            .filter(|p| p[0].ends_with(','))
            .any(|p| is_opener(&p[1].to_lowercase().replace('\'', "’")));
        // « Est-ce que … ? »: the interrogative locution, not a « ce » that
        // points back (« Est-ce utile ? »)
        let est_ce_que = lower[0] == "est-ce"
            && lower
                .get(1)
                .is_some_and(|w| w == "que" || w.starts_with("qu’"));
        let opener = is_opener(&lower[0]) || after_comma || definition || est_ce_que;
        let inversion = |w: &str, persons: &[&str]| {
            persons.iter().any(|p| {
                w.len() > p.len() + 1 && w.ends_with(p) && w[..w.len() - p.len()].ends_with('-')
            })
        };
        let speaker = lower
            .iter()
            .any(|w| inversion(w, &["je", "tu", "nous", "vous"]));
        // … or it stands alone on its line and asks in its first words, in
        // three words at least (« Comment ça s’explique ? », « Que
        // pouvons-nous y faire ? », not « Pourquoi ? »)
        // (the page's opening question may name one thing: « Qu’est-ce
        // qu’un brevet ? »)
        // (so may a definition: « Geotribu, c’est quoi ? »)
        let min_content = if opening_question || definition {
            1
        } else {
            r.min_content_words
        };
        if content.max(stems.len()) < min_content
            && !echo
            && !(ctx.repeated && naming > 0)
            && !(ctx.own_line
                && words.len() >= 3
                && (is_opener(&lower[0])
                    || speaker
                    || est_ce_que
                    // an aside that names one thing (« Et la faisabilité
                    // dans tout ça ? »)
                    || aside_heading && content.max(stems.len()) > 0))
        {
            return None;
        }
        if opener || speaker {
            score += r.opener;
        } else if r.impersonal.contains(&lower[0]) {
            score += r.impersonal_opener;
        }
        // a yes-no question on what was just said: "Est-ce …", "Doit-on …";
        // not an impersonal one ("Faut-il …"); or a choice among what the
        // text just named (« Lequel devriez-vous utiliser ? »)
        let choosing = r.choosing.contains(&lower[0]);
        if choosing
            || !opener
                && lower.iter().take(2).any(|w| {
                    inversion(w, &["ce", "il", "ils", "elle", "elles", "on"])
                        && !r.impersonal.iter().any(|i| i == w)
                })
        {
            score += r.anaphora;
        }
        // a subject taken up by a pronoun ("Pourquoi les élèves réclament-ils …"):
        // the complex inversion of the prose; after a noun phrase that opens
        // the question (« Le comité a-t-il … ? »), an impersonal form too;
        // not in a question the text asks again word for word, a formula
        // of its structure (« Que s’est-il passé ? » under each heading)
        let noun_first = DETERMINERS.contains(&lower[0].as_str())
            || lower[0].starts_with("l’") && lower[0].len() > "l’".len();
        if !ctx.repeated
            && lower.iter().any(|w| {
                inversion(w, &["il", "ils", "elle", "elles"])
                    && (noun_first || !r.impersonal.iter().any(|i| i == w))
            })
        {
            score += r.resumed_subject;
        }
        if lower.iter().any(|w| {
            matches!(w.as_str(), "ces" | "cet" | "cette") || r.possessives.iter().any(|p| p == w)
        }) {
            score += r.demonstrative;
        }
        let share = |text: &str| {
            if stems.is_empty() {
                return 0.0;
            }
            let other: HashSet<String> = question_stems(text, lex).into_iter().collect();
            stems.iter().filter(|s| other.contains(*s)).count() as f64 / stems.len() as f64
        };
        score += r.recurrence * share(ctx.after);
        score += r.continuation * share(ctx.before);
        // answered by a bare verdict (« … ? Non. Votre arrêt … »): a page of
        // questions and answers, whose questions open alike without making
        // a series of the prose
        let verdict = ctx
            .after
            .trim_start()
            .split_once(['.', '!'])
            .is_some_and(|(first, _)| self.faq_verdict(q, first));
        if verdict {
            score += r.verdict;
        } else if tutoiement {
            // an interviewer may ask two questions in a row
            score += r.second_person_score;
        } else if ctx.in_series {
            score += r.series;
        }
        if ctx.under_heading {
            score += r.own_line_under_heading;
        } else if ctx.own_line {
            score += r.own_line;
        }
        if echo {
            score += r.echo;
        }
        if ctx.repeated {
            score += r.repeated;
        }
        if self.dilemma(&lower, lex) {
            score += r.dilemma;
        }
        let opening = lower.join(" ");
        if r.hooks.iter().any(|h| opening.starts_with(h.as_str())) {
            score += r.hook;
        }
        if lower.iter().skip(1).any(|w| r.inferences.contains(w)) {
            score += r.inference;
        }
        score += self.points_back(&lower);
        // « tu » as its subject after the first word, with no answer in the
        // first person: the author talks to the reader (« Pourquoi est-ce
        // que tu gardes … ? », « De quoi as-tu peur ? »); an interviewer's
        // question, answered « J’ai commencé … », heads its answer, and one
        // that opens on its verb (« Peux-tu te présenter ? ») keeps its place
        let answered_by_i = ctx.after.split_whitespace().next().is_some_and(|w| {
            let w = french::lowercase(w).replace('\'', "’");
            w == "je" || w.starts_with("j’")
        });
        if !answered_by_i
            && !lower.first().is_some_and(|w| w.ends_with("-tu"))
            && lower
                .iter()
                .skip(1)
                .any(|w| w == "tu" || w.starts_with("t’") || w.ends_with("-tu"))
        {
            score += r.musing;
        }
        Some(score)
    }

    /// Is the question a noun phrase of a few words, opening on a
    /// determiner, then a comma and one of `question.definitions`
    /// (« L’empreinte eau, qu’est-ce que c’est ? »)?
    fn definition(&self, q: &str) -> bool {
        const MAX_SUBJECT_WORDS: usize = 5;
        let Some((subject, ask)) = q.trim().split_once(',') else {
            return false;
        };
        let ask = ask
            .trim()
            .trim_end_matches('?')
            .trim_end()
            .to_lowercase()
            .replace('\'', "’");
        // (or a name: « Geotribu, c’est quoi ? »; not a pronoun, « Toi,
        // c’est quoi ? », nor a connector, « Et ça, … »)
        let name = subject.starts_with(char::is_uppercase);
        let subject = subject.to_lowercase().replace('\'', "’");
        let words: Vec<&str> = french::words(&subject).collect();
        let first = subject.split_whitespace().next().unwrap_or("");
        let named = name
            && words.len() <= 2
            && !SUBJECT_PRONOUNS.contains(&first)
            && !self.rules.question.connectors.iter().any(|c| c == first)
            && !matches!(
                first,
                "et" | "ça" | "cela" | "ceci" | "toi" | "moi" | "lui" | "eux" | "soi"
            );
        self.rules.question.definitions.contains(&ask)
            && (1..=MAX_SUBJECT_WORDS).contains(&words.len())
            && (named
                || DETERMINERS.contains(&first)
                || first.starts_with("l’") && first.len() > "l’".len())
    }

    /// Does a question open on the interviewee's name or on an address to
    /// them, set apart by a comma: a name the question speaks to in the
    /// second person (« Marc, pouvez-vous … ? »), or one of `addresses`
    /// (« Selon vous, … », « À votre avis, … »)?
    fn addressed(&self, tokens: &[&str], lex: &Lexicon) -> bool {
        let Some(comma) = tokens.iter().take(3).position(|t| t.ends_with(',')) else {
            return false;
        };
        let before = tokens[..=comma]
            .join(" ")
            .trim_end_matches(',')
            .to_lowercase()
            .replace('\'', "’");
        if self.rules.question.addresses.contains(&before) {
            return true;
        }
        let name = tokens[0].trim_end_matches(',');
        comma == 0
            && french::starts_upper(name)
            && name.chars().count() > 2
            && name.chars().all(|c| c.is_alphabetic() || c == '-')
            && !lex.is_function_word(&name.to_lowercase())
            && tokens[1..].iter().any(|t| {
                let t = t.to_lowercase();
                t.ends_with("-vous") || t.ends_with("-tu")
            })
    }

    /// Content words of a question: not function words nor frequent verbs,
    /// the parts of a hyphenated inversion counted apart, elision removed;
    /// generic nouns count (« Que faire des questions … ? »). And how many of
    /// them name something: not its interrogative word nor its connector.
    fn question_content_words(&self, lower: &[String], lex: &Lexicon) -> (usize, usize) {
        let r = &self.rules.question;
        let mut seen: Vec<&str> = Vec::new();
        for w in lower {
            for part in w.split(['-', '‑']) {
                let part = french::elision::strip(part);
                if part.chars().count() < 3
                    || !part.chars().all(char::is_alphabetic)
                    || lex.is_function_word(part)
                    || lex.is_verb(part)
                    || seen.contains(&part)
                {
                    continue;
                }
                seen.push(part);
            }
        }
        let naming = seen
            .iter()
            .filter(|w| !r.openers.iter().any(|o| o == *w) && !r.connectors.iter().any(|c| c == *w))
            .count();
        (seen.len(), naming)
    }

    /// An alternative between two infinitives, the first opening the
    /// question (« Réparer son vélo ou en acheter un neuf ? »): it weighs
    /// what to do, as a section does.
    fn dilemma(&self, lower: &[String], lex: &Lexicon) -> bool {
        let infinitive = |w: &str| {
            w.chars().count() >= 5
                && w.chars().all(char::is_alphabetic)
                && (w.ends_with("er") || w.ends_with("ir") || w.ends_with("re"))
                && !lex.is_function_word(w)
                && !lex.is_verb(w)
        };
        let Some(first) = lower.first() else {
            return false;
        };
        // the second infinitive right after « ou », or after a pronoun
        // (« ou en acheter », « ou s’en passer »)
        let second = |i: usize| {
            lower
                .get(i)
                .is_some_and(|w| infinitive(french::elision::strip(w)))
                || lower.get(i).is_some_and(|w| lex.is_function_word(w))
                    && lower
                        .get(i + 1)
                        .is_some_and(|w| infinitive(french::elision::strip(w)))
        };
        infinitive(first) && (2..lower.len()).any(|i| lower[i - 1] == "ou" && second(i))
    }

    /// A question that heads a section (see `question_score`).
    /// Is `noun` (at index `at` of its sentence, `before` the word before it)
    /// one of `title_nouns` with its determiner (« le film », « son
    /// roman »): the capitalised words after it are the work's title.
    fn titles_a_work(&self, before: &str, noun: &str, at: usize) -> bool {
        let lower = french::lowercase(noun);
        let bare = french::elision::strip(&lower);
        let is_title_noun = self.rules.title_nouns.iter().any(|t| t == bare);
        // « l’album Thriller »: the article elided on the noun
        is_title_noun && bare.len() < lower.len()
            || is_title_noun && at >= 1 && {
                let d = french::lowercase(before);
                DETERMINERS.contains(&d.as_ref()) || matches!(d.as_ref(), "du" | "au" | "aux")
            }
    }

    fn is_question_heading(&self, q: &str, ctx: &QuestionContext, lex: &Lexicon) -> bool {
        self.question_score(q, ctx, lex)
            .is_some_and(|s| s >= self.rules.question.min_score)
    }

    /// Whether `word` (then `following`) reads as the start of a sentence: a
    /// determiner, preposition or subject pronoun of `sentence_openers`, or an
    /// elided one ("L’initiative"), before a lowercase word ("Le logiciel",
    /// "Sur cet opérateur", not "Le Pen"), or
    /// before a capitalised common noun, one the text also writes in lowercase
    /// and capitalises nowhere else ("Contexte Le Groupe de travail …", not
    /// "Le Monde" when the text names it twice).
    fn opens_sentence(
        &self,
        word: &str,
        following: Option<&str>,
        lower_words: &HashSet<String>,
        proper: &HashMap<String, usize>,
    ) -> bool {
        let word = word.trim_start_matches(['«', '"', '“', '(']);
        let (head, rest) = match word.find(['\'', '’']) {
            Some(i) => {
                let apostrophe = word[i..].chars().next().map_or(1, char::len_utf8);
                (
                    format!("{}’", word[..i].to_lowercase()),
                    &word[i + apostrophe..],
                )
            }
            None => (word.to_lowercase(), ""),
        };
        if !self.rules.sentence_openers.contains(&head) {
            return false;
        }
        let lowercase_after = |w: &str| {
            let bare: String = w.chars().filter(|c| c.is_alphanumeric()).collect();
            w.chars().next().is_some_and(char::is_lowercase)
                || (french::starts_upper(&bare)
                    && bare.chars().count() > 2
                    && lower_words.contains(&bare.to_lowercase())
                    // counted once where it stands here, glued after a heading
                    && proper.get(&bare).copied().unwrap_or(0) <= 1)
        };
        if head.ends_with('’') {
            lowercase_after(rest.trim_start_matches(|c: char| !c.is_alphanumeric()))
        } else {
            following.is_some_and(lowercase_after)
        }
    }

    /// A one-word heading of `stock_headings` glued inside a sentence: the
    /// byte range of the heading in `s`. The word is capitalised (or follows a
    /// capitalised « En »: « En conclusion »), follows a word with no
    /// punctuation after it (not a function word) or a colon, and a sentence
    /// start follows it; a few words stand on each side.
    /// (`tokens`: the [`token_spans`] of `s`.)
    fn stock_heading(
        &self,
        s: &str,
        tokens: &[std::ops::Range<usize>],
        lex: &Lexicon,
        proper: &HashMap<String, usize>,
        lower_words: &HashSet<String>,
    ) -> Option<(usize, usize)> {
        const MIN_BEFORE_WORDS: usize = 3;
        const MIN_REST_WORDS: usize = 6;
        let last = tokens.len().checked_sub(MIN_REST_WORDS + 1)?;
        for k in MIN_BEFORE_WORDS..=last {
            let word = &s[tokens[k].clone()];
            let lower = french::lowercase(word);
            if !self.rules.stock_headings.iter().any(|h| *h == *lower) {
                continue;
            }
            // « En conclusion », « En résumé »: the heading opens on « En »
            let h = if word.starts_with(char::is_lowercase) && &s[tokens[k - 1].clone()] == "En" {
                k - 1
            } else if french::starts_upper(word) {
                k
            } else {
                continue;
            };
            if h < MIN_BEFORE_WORDS {
                continue;
            }
            let prev = &s[tokens[h - 1].clone()];
            let next = &s[tokens[k + 1].clone()];
            // « Au-delà du … » opens like « Au delà du … »
            let (next, after) = match next.split_once('-') {
                Some((head, tail)) if !head.is_empty() && !tail.is_empty() => (head, tail),
                _ => (next, &s[tokens[k + 2].clone()]),
            };
            // after a word with no punctuation, or after a colon whose
            // announcement (a picture, a block of code) the scrape lost, or
            // after the backquote that closes a line of code
            if (prev.ends_with(|c: char| c.is_alphanumeric())
                && !lex.is_function_word(&prev.to_lowercase())
                || prev.ends_with([':', '`', ')']))
                && french::starts_upper(next)
                && self.opens_sentence(next, Some(after), lower_words, proper)
            {
                return Some((tokens[h].start, tokens[k].end));
            }
        }
        None
    }

    /// A heading in the infinitive glued inside a sentence, both of its full
    /// stops missing (« … sur le site de la mairie Choisir son composteur
    /// Avant l’achat, mesurez … »): a capitalised infinitive the text also
    /// writes in lowercase and capitalises nowhere else, after a word with no
    /// punctuation, then words with no punctuation and no finite verb, up to
    /// a capitalised function word before a lowercase word, which opens the
    /// next sentence. The byte range of the heading in `s`.
    /// (`tokens`: the [`token_spans`] of `s`.)
    fn infinitive_heading(
        &self,
        s: &str,
        tokens: &[std::ops::Range<usize>],
        lex: &Lexicon,
        proper: &HashMap<String, usize>,
        lower_stems: &LowerStems,
    ) -> Option<(usize, usize)> {
        const MIN_BEFORE_WORDS: usize = 3;
        const MIN_REST_WORDS: usize = 6;
        const MAX_WORDS: usize = 10;
        let word = |i: usize| &s[tokens[i].clone()];
        let plain = |w: &str| {
            w.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '’' | '\'' | '-'))
        };
        let last = tokens.len().checked_sub(MIN_REST_WORDS + 2)?;
        let infinitive = |i: usize| {
            let w = word(i);
            // (most words are not capitalised: lowercased only when they are)
            if !w.starts_with(char::is_uppercase) || !plain(w) {
                return false;
            }
            let lower = w.to_lowercase();
            (lower.ends_with("er") || lower.ends_with("ir") || lower.ends_with("re"))
                && lower.chars().count() >= 5
                && !lex.is_function_word(&lower)
                // not a name such as « Kickstarter »: a verb the text also
                // writes in lowercase (« trouvé » for « Trouver »), capitalised
                // inside a sentence twice at most (here, and where another
                // heading glues on it)
                && proper.get(w).copied().unwrap_or(0) <= 2
                && lower_stems.contains(&lex.stem(&lower))
        };
        // capitalised infinitives one after the other are the items of a
        // list run together (« Mesurer le tri Réduire les déchets … »); the
        // items of a list whose semicolons were kept open on one each
        // (« … ; Faire remonter les questions au chef de projet Définir la
        // problématique L’annotation … »): those are not counted
        if (1..tokens.len())
            .filter(|&i| infinitive(i) && !word(i - 1).ends_with([';', ':']))
            .count()
            != 1
        {
            return None;
        }
        for j in MIN_BEFORE_WORDS..=last {
            if !infinitive(j)
                || !word(j - 1).ends_with(|c: char| c.is_alphanumeric())
                || lex.is_function_word(&word(j - 1).to_lowercase())
            {
                continue;
            }
            // the end: a capitalised function word (or its elision) before
            // a lowercase word, right after a lowercase word
            for e in j + 2..(j + MAX_WORDS + 1).min(tokens.len() - MIN_REST_WORDS) {
                let prev = word(e - 1);
                if !plain(prev) || lex.is_verb(prev) || french::looks_finite(prev) {
                    break;
                }
                let next = word(e);
                let next_lower = next.to_lowercase();
                let head = next_lower.split('-').next().unwrap_or("");
                let elided = french::elision::strip(&next_lower).len() < next_lower.len();
                let opener = lex.is_function_word(&next_lower)
                    || lex.is_function_word(head) && head.len() < next_lower.len()
                    || elided;
                if next.starts_with(char::is_uppercase)
                    && opener
                    && prev.starts_with(char::is_lowercase)
                    && !lex.is_function_word(&prev.to_lowercase())
                    && (elided || word(e + 1).starts_with(char::is_lowercase))
                {
                    return Some((tokens[j].start, tokens[e - 1].end));
                }
            }
        }
        None
    }

    /// A heading that reads as a clause (a verb, a comma: « Pour passer à
    /// l’action, il faut d’abord savoir d’où l’on part ») is told from prose by
    /// the full stop missing after it: the next word is a capitalised
    /// determiner or pronoun of `sentence_openers` before a lowercase word
    /// (« … d’où l’on part Notre outil propose … », « … qu’un Product Owner
    /// On attend … »), which prose never writes after a lowercase word or a
    /// name. Short, after enough text, and followed by a
    /// real sentence.
    /// (`tokens`: the [`token_spans`] of `s`.)
    fn unpunctuated_heading(
        &self,
        s: &str,
        tokens: &[std::ops::Range<usize>],
        lex: &Lexicon,
        run_words: usize,
    ) -> Option<usize> {
        const MAX_WORDS: usize = 12;
        const MIN_REST_WORDS: usize = 6;
        if run_words < self.rules.question.min_run_words
            || !french::starts_upper(s)
            || authors_line(s)
        {
            return None;
        }
        let last = MAX_WORDS.min(tokens.len().saturating_sub(MIN_REST_WORDS + 1));
        // (previous word, word at the cut, word after it) for each cut
        // two words at least before the cut
        let cuts = tokens.windows(3).enumerate().skip(1);
        for (i, win) in cuts.take(last.saturating_sub(1)) {
            let [prev, next, after] = [0, 1, 2].map(|j| &s[win[j].clone()]);
            if prev.ends_with(['.', '!', '?', ';', ':', '…']) {
                return None;
            }
            // an infinitive after its preposition governs what follows: a
            // capitalised determiner there opens a title, its object (« … plus
            // enclin à lire Les Confessions de saint Augustin … »)
            let prev_lower = french::lowercase(prev);
            let prev_bare = french::elision::strip(&prev_lower);
            let governed = prev_bare.len() < prev_lower.len()
                || i >= 1
                    && matches!(
                        french::lowercase(&s[tokens[i - 1].clone()]).as_ref(),
                        "à" | "de" | "pour" | "sans"
                    );
            if governed && lex.is_infinitive(prev_bare) {
                continue;
            }
            if self.titles_a_work(&s[tokens[i.saturating_sub(1)].clone()], prev, i) {
                continue;
            }
            let opener = next.to_lowercase();
            // a word, lowercase or a name's (« … qu’un Product Owner On
            // attend … »), not an acronym
            let ends_word = prev.ends_with(|c: char| c.is_alphanumeric())
                && prev.chars().skip(1).any(char::is_lowercase);
            let lowercase_after = after.starts_with(|c: char| c.is_lowercase());
            let opens = match opener.strip_suffix(',') {
                // « Manifestement, nous … »
                Some(word) => self.rules.clause_connectors.iter().any(|c| c == word),
                None if self.rules.clause_connectors.contains(&opener) => {
                    // « Mais nous … », not a title such as « Mais où est … »
                    let after = after.to_lowercase();
                    let head = match after.find(['\'', '’']) {
                        Some(i) => format!("{}’", &after[..i]),
                        None => after,
                    };
                    self.rules.sentence_openers.contains(&head)
                }
                None => lowercase_after && self.rules.sentence_openers.contains(&opener),
            };
            // (a word in capitals stresses a word of the sentence, « à qui
            // tu offres UN jouet », or is an acronym: it opens none)
            if ends_word
                && french::starts_upper(next)
                && !acronym(next)
                && opens
                && !lex.is_function_word(&prev.to_lowercase())
            {
                return Some(win[1].start);
            }
        }
        None
    }

    /// A heading glued before the short question that opens its section
    /// (« 2. Le calendrier des travaux Pourquoi ? »): the question's
    /// capitalised interrogative word follows a lowercase word with no
    /// punctuation, where a full stop went missing, and the words before it
    /// read as a heading (capitalised, no verb, not ending on a function word;
    /// one word if it is no name).
    /// The byte offset of the question in `s`.
    fn heading_before_question(
        &self,
        s: &str,
        lex: &Lexicon,
        proper: &HashMap<String, usize>,
        lower_stems: &LowerStems,
    ) -> Option<usize> {
        const MAX_QUESTION_WORDS: usize = 8;
        let s = s.trim_end();
        if !s.ends_with('?') {
            return None;
        }
        let start = enumerator_len(s).unwrap_or(0);
        let tokens = token_spans(s);
        let first = tokens.iter().position(|t| t.start >= start)?;
        if !french::starts_upper(&s[start..]) {
            return None;
        }
        let r = &self.rules.question;
        for k in first + 1..tokens.len() {
            let word = &s[tokens[k].clone()];
            let prev = &s[tokens[k - 1].clone()];

            if prev.contains(['.', ',', ';', '!', '?', '…', '(', ')', '«', '»']) {
                return None;
            }
            let lower = word.to_lowercase().replace('\'', "’");
            let opener = r.openers.iter().any(|o| {
                *o == lower
                    || lower
                        .strip_prefix(o.as_str())
                        .is_some_and(|rest| rest.starts_with(['-', '’']))
            })
                // a verb and its inverted subject (« … administratifs
                // Êtes-vous concerné ? »): no sentence capitalises one inside
                || INVERTED_PRONOUNS
                    .iter()
                    .any(|p| lower.len() > p.len() + 1 && lower.ends_with(p));
            if !opener || !french::starts_upper(word) {
                continue;
            }
            // a one-word heading (« Impact Pourquoi ce projet compte-t-il ? »):
            // a common word the text also writes in lowercase, or a word it
            // never capitalises inside a sentence: not a name
            let lone = k == first + 1;
            let capitalised = proper.get(prev).copied().unwrap_or(0);
            if lone
                && !(prev.chars().count() >= 4
                    && prev.chars().all(char::is_alphabetic)
                    && !lex.is_function_word(&prev.to_lowercase())
                    && capitalised <= 1
                    && (capitalised == 0 || lower_stems.contains(&lex.stem(&prev.to_lowercase()))))
            {
                continue;
            }
            let question_words = tokens.len() - k;
            let heading_words = k - first;
            let heading = &tokens[first..k];
            if question_words > MAX_QUESTION_WORDS
                || heading_words > self.rules.max_heading_words
                || !prev.ends_with(|c: char| c.is_alphanumeric())
                || !(lone || prev.starts_with(char::is_lowercase))
                || lex.is_function_word(&prev.to_lowercase())
                || heading.iter().any(|t| {
                    let w = s[t.clone()].trim_matches(|c: char| !c.is_alphanumeric());
                    lex.is_verb(w)
                        || french::looks_finite(w)
                        || SUBJECT_PRONOUNS.contains(&w.to_lowercase().as_str())
                })
            {
                return None;
            }
            return Some(tokens[k].start);
        }
        None
    }

    /// A short exclamation that heads a section: one to five words, the first
    /// a verb in the imperative (« Persévérez ! », « N’attendez plus ! »,
    /// « Libérez votre appareil ! »), no other verb, no punctuation inside.
    fn exclamation_heading(&self, s: &str, lex: &Lexicon) -> bool {
        const MAX_WORDS: usize = 5;
        let s = s.trim();
        let Some(body) = s.strip_suffix('!') else {
            return false;
        };
        let body = body.trim_end_matches(|c: char| c.is_whitespace());
        let words: Vec<&str> = french::words(body).collect();
        let Some(first) = body.split_whitespace().next() else {
            return false;
        };
        let first = first.to_lowercase();
        let first = french::elision::strip(&first);
        let verb = first.split('-').next().unwrap_or("");
        (1..=MAX_WORDS).contains(&words.len())
            && french::starts_upper(body)
            && body
                .chars()
                .all(|c| c.is_alphanumeric() || c.is_whitespace() || matches!(c, '’' | '\'' | '-'))
            && verb.ends_with("ez")
            && verb.chars().count() >= 5
            && !lex.is_function_word(verb)
            && !words
                .iter()
                .skip(1)
                .any(|w| lex.is_verb(w) || french::looks_finite(w))
    }

    /// Whether the words that open a sentence before a heading found inside it
    /// are a title of their own: short, capitalised, no punctuation at all (no
    /// full stop either), no finite verb, not ending on a function word.
    fn title_before(&self, before: &str, lex: &Lexicon) -> bool {
        let words: Vec<&str> = french::words(before).collect();
        let Some(last) = words.last() else {
            return false;
        };
        words.len() >= 2
            && words.len() <= self.rules.max_heading_words
            && french::starts_upper(before)
            && before
                .chars()
                .all(|c| c.is_alphanumeric() || c.is_whitespace() || matches!(c, '’' | '\'' | '-'))
            && !lex.is_function_word(last)
            && !words
                .iter()
                .any(|w| lex.is_verb(w) || french::looks_finite(w))
    }

    /// Where a second heading starts inside the inlined heading `h`: headings
    /// are written in sentence case, so a capitalised word after a lowercase
    /// one, a word the text also writes in lowercase and capitalises nowhere
    /// else (not a name), starts another heading whose full stop is missing
    /// too. Two words at least before it.
    fn second_heading(
        &self,
        h: &str,
        lex: &Lexicon,
        proper: &HashMap<String, usize>,
        lower_words: &HashSet<String>,
    ) -> Option<usize> {
        let start = enumerator_len(h).unwrap_or(0);
        let tokens: Vec<std::ops::Range<usize>> = token_spans(h)
            .into_iter()
            .filter(|t| t.start >= start)
            .collect();
        // a day's name alone after a title (« Les Eurockéennes Vendredi »):
        // the diary's first day under the chapter it opens; not after a
        // function word (« … à partir de Lundi »)
        if let [.., before, last] = &tokens[..] {
            let day = &h[last.clone()];
            let before = &h[before.clone()];
            if tokens.len() >= 3
                && french::starts_upper(day)
                && WEEKDAYS.contains(&day.to_lowercase().as_str())
                && !lex.is_function_word(&before.to_lowercase())
                && !WEEKDAYS.contains(&before.to_lowercase().as_str())
            {
                return Some(last.start);
            }
        }
        // a stock heading alone (« Résultats Répartition géographique »),
        // before a common word (not « Résultats Google »)
        if let [first, second, third, ..] = &tokens[..] {
            let lower = french::lowercase(&h[first.clone()]);
            let word = &h[second.clone()];
            if self.rules.stock_headings.iter().any(|s| *s == *lower)
                && french::starts_upper(&h[first.clone()])
                && word.starts_with(char::is_uppercase)
                && word.chars().all(char::is_alphabetic)
                && (proper.get(word).copied().unwrap_or(0) <= 1
                    || lex.is_infinitive(&french::lowercase(word)))
                && h[third.clone()].starts_with(char::is_lowercase)
            {
                return Some(second.start);
            }
        }
        for j in 2..tokens.len() {
            let word = &h[tokens[j].clone()];
            let prev = &h[tokens[j - 1].clone()];
            // (nor after an elided one: « Le pouvoir d’un État … »)
            if !prev.starts_with(char::is_lowercase)
                || !prev.ends_with(|c: char| c.is_alphanumeric())
                || lex.is_function_word(&prev.to_lowercase())
                || lex.is_function_word(&french::elision::strip(prev).to_lowercase())
                || !word.starts_with(char::is_uppercase)
                || !word.chars().all(char::is_alphabetic)
            {
                continue;
            }
            let lower = word.to_lowercase();
            let next_lower = tokens
                .get(j + 1)
                .is_some_and(|t| h[t.clone()].starts_with(char::is_lowercase));
            let common = if lex.is_function_word(&lower) {
                next_lower
            } else {
                let once = proper.get(word).copied().unwrap_or(0) <= 1;
                // a noun the text writes only here, before the preposition
                // and the lowercase noun of its phrase (« … son logement
                // Attention au climatiseur »): names go on in capitals
                // (or an elided « de » before it: « … renaissance Plein
                // d’envie, peu de temps »)
                let phrase = || {
                    let at = |k: usize| tokens.get(k).map(|t| &h[t.clone()]);
                    at(j + 1).is_some_and(|w| PHRASE_PREPOSITIONS.contains(&w))
                        && at(j + 2).is_some_and(|w| w.starts_with(char::is_lowercase))
                        || at(j + 1).is_some_and(|w| {
                            ["d’", "d'"].iter().any(|d| {
                                w.strip_prefix(d)
                                    .is_some_and(|r| r.starts_with(char::is_lowercase))
                            })
                        })
                };
                once && (lower_words.contains(&lower) || phrase())
            };
            if common {
                return Some(tokens[j].start);
            }
        }
        None
    }

    /// The byte length of an inlined heading at the start of `s`, if one scores
    /// high enough. (`tokens`: the [`token_spans`] of `s`.)
    fn inline_heading(
        &self,
        s: &str,
        tokens: &[std::ops::Range<usize>],
        lex: &Lexicon,
        proper: &HashMap<String, usize>,
        (lower_words, lower_stems): (&HashSet<String>, &LowerStems),
    ) -> Option<usize> {
        // a numbered heading (« 2. Une rentrée chargée Les élèves … »): the
        // heading after its number
        if let Some(n) = enumerator_len(s) {
            let rest = &s[n..];
            return self
                .inline_heading_at(
                    rest,
                    &token_spans(rest),
                    lex,
                    proper,
                    (lower_words, lower_stems),
                )
                .map(|cut| n + cut);
        }
        self.inline_heading_at(s, tokens, lex, proper, (lower_words, lower_stems))
    }

    /// Do a heading's words ask a question: an interrogative word first
    /// (`question.openers`), or a verb with its inverted subject among the
    /// first two (« Ai-je », « Faut-il », « Pouvez-vous »)?
    fn asks(&self, words: &[&str]) -> bool {
        let lower: Vec<String> = words
            .iter()
            .take(2)
            .map(|w| {
                w.trim_start_matches(['«', '"', '“', '('])
                    .to_lowercase()
                    .replace('\'', "’")
            })
            .collect();
        let Some(first) = lower.first() else {
            return false;
        };
        let opener = self.question_opener(first);
        let inversion = |w: &str| {
            [
                "-je", "-tu", "-il", "-ils", "-elle", "-elles", "-on", "-nous", "-vous",
            ]
            .iter()
            .any(|p| w.len() > p.len() + 1 && w.ends_with(p))
        };
        let inverted = lower.iter().any(|w| inversion(w));
        // « Quand » opens a clause of time as often as a question (« Quand
        // un client me dit … »): a question only with its inversion
        // (« Quand dois-je … »)
        if first == "quand" {
            return words
                .iter()
                .any(|w| inversion(&w.to_lowercase().replace('\'', "’")));
        }
        opener || inverted
    }

    /// A heading glued after the colon that ends a sentence: the words after
    /// « : » open on a capital and read as an inline heading before a
    /// sentence of the text. Returns where the heading starts (after the
    /// colon) and where the sentence after it starts. Not after a colon
    /// that announces a list (several unpunctuated capitalised phrases
    /// follow: the titles of the items).
    fn heading_after_colon(
        &self,
        s: &str,
        lex: &Lexicon,
        proper: &HashMap<String, usize>,
        lower: (&HashSet<String>, &LowerStems),
    ) -> Option<(usize, usize)> {
        const MIN_BEFORE_WORDS: usize = 6;
        let at = s.find(" : ")?;
        let start = at + " : ".len();
        if french::words(&s[..at]).count() < MIN_BEFORE_WORDS {
            return None;
        }
        // « les objectifs étaient les suivants : », « voici un lien : »
        let before = s[..at].to_lowercase().replace('\'', "’");
        if french::words(&before).any(|w| self.rules.list_announcers.iter().any(|a| a == w)) {
            return None;
        }
        // « … ont été compensées par : La hausse … »: a colon after a
        // preposition or a determiner goes on with the sentence
        if french::words(&before)
            .last()
            .is_some_and(|w| lex.is_function_word(w))
        {
            return None;
        }
        let tail = &s[start..];
        let tokens = token_spans(tail);
        let cut = self.inline_heading(tail, &tokens, lex, proper, lower)?;
        // the heading names what the sentence after it speaks of: half its
        // content words come back in the next words
        let head = lex.content_stems(&tail[..cut]);
        let after: Vec<String> = lex.content_stems(
            &tail[cut..tokens
                .get(tokens.partition_point(|t| t.start < cut) + 25)
                .map_or(tail.len(), |t| t.start)],
        );
        if head.is_empty() || 2 * head.iter().filter(|h| after.contains(h)).count() < head.len() {
            return None;
        }
        // the sentence after the heading runs to its end without another
        // capitalised phrase glued on: no list of titles
        let rest = &tail[cut..];
        let rest_tokens = token_spans(rest);
        if self
            .inline_heading(rest, &rest_tokens, lex, proper, lower)
            .is_some()
        {
            return None;
        }
        // … nor the items of a list that lost its bullets: common words
        // capitalised after a lowercase word (« … par exemple : Présentation
        // de l’entreprise Le candidat présente son parcours Discussion
        // autour du parcours Questions / exercices … »)
        if glued_items(rest, lex, lower.0) >= MIN_GLUED_ITEMS {
            return None;
        }
        Some((start, start + cut))
    }

    /// [`Self::inline_heading`] for a sentence that opens on a word.
    fn inline_heading_at(
        &self,
        s: &str,
        tokens: &[std::ops::Range<usize>],
        lex: &Lexicon,
        proper: &HashMap<String, usize>,
        (lower_words, lower_stems): (&HashSet<String>, &LowerStems),
    ) -> Option<usize> {
        if tokens.len() < 2 {
            return None;
        }
        let first = &s[tokens[0].clone()];
        // « tl;dr; Un nouveau site … »: a summary label, whatever its case
        let label = first.trim_end_matches([';', ':', '.', ',']).to_lowercase();
        if self.rules.summary_labels.contains(&label) && french::starts_upper(&s[tokens[1].clone()])
        {
            return Some(tokens[1].start);
        }
        if !french::starts_upper(s) || authors_line(s) {
            return None;
        }
        if first.ends_with([',', ':']) {
            return None;
        }
        // a connector links the sentence to the one before: it opens no
        // heading (« Mais lancer une campagne Nos Gestes Climat … »), unless
        // it is a stock heading alone (« Bref Ce mandat est … »)
        let first_lower = french::lowercase(first);
        if self
            .rules
            .clause_connectors
            .iter()
            .any(|c| *c == *first_lower)
            && !self.rules.stock_headings.iter().any(|h| *h == *first_lower)
        {
            return None;
        }
        // a stock heading alone before a sentence that opens on a bare noun
        // (« Conclusion Contenus binaires, manque de … ne sont qu’… »,
        // « Introduction Tradition séculaire, les … »): a capitalised word
        // the text capitalises nowhere else, before a lowercase word
        if let [_, second, third, ..] = tokens {
            let word = &s[second.clone()];
            if self
                .rules
                .stock_headings
                .iter()
                .any(|h| *h == *french::lowercase(first))
                && word.starts_with(char::is_uppercase)
                && word.chars().all(char::is_alphabetic)
                && word.chars().count() > 2
                // (or a frequent infinitive, however often the text opens a
                // sentence on it: « Conclusion Partir en vacances … »)
                && (proper.get(word).copied().unwrap_or(0) <= 1
                    || lex.is_infinitive(&french::lowercase(word)))
                && s[third.clone()].starts_with(char::is_lowercase)
                && !lex.is_function_word(&french::lowercase(word))
            {
                return Some(second.start);
            }
        }
        let mut best: Option<(f64, usize)> = None;
        let max_k = self
            .rules
            .max_heading_words
            .min(tokens.len().saturating_sub(1));
        // how often the text capitalises a word inside its sentences (its
        // names are counted on their letters and digits)
        let name_count = |w: &str| -> usize {
            if w.chars().all(char::is_alphanumeric) {
                proper.get(w).copied().unwrap_or(0)
            } else {
                let key: String = w.chars().filter(|c| c.is_alphanumeric()).collect();
                proper.get(&key).copied().unwrap_or(0)
            }
        };
        // where a heading of the form « Topic : subtitle » has its colon
        let mut colon: Option<usize> = None;
        for k in 1..=max_k {
            let prev = &s[tokens[k - 1].clone()];
            let next = &s[tokens[k].clone()];
            // one colon may part a topic from its subtitle (« Les réformes et
            // les foyers : un exercice de communication »); the candidates
            // after it are judged below
            if prev.ends_with(':') && colon.is_none() && k >= 2 {
                // a subtitle goes on in lowercase; a capitalised determiner
                // after the colon opens a sentence or the first item of a
                // list the words before announce (« Quelques lectures : Le
                // guide du compost … »)
                let first = next.trim_start_matches(['«', '"', '“', '(']).to_lowercase();
                let bare = french::elision::strip(&first).to_string();
                if french::starts_upper(next.trim_start_matches(['«', '"', '“', '(']))
                    && (lex.is_function_word(&first) || bare.len() < first.len())
                {
                    break;
                }
                colon = Some(k);
                continue;
            }
            // a subtitle may hold a comma (« Développeurs : ce calculateur
            // n’est pas un aboutissement, c’est une invitation »)
            if colon.is_some() && prev.ends_with(',') && !prev.ends_with(",,") {
                continue;
            }
            // nor end on a separator (« Voir les offres · J’ai déjà … »)
            if prev
                .chars()
                .all(|c| matches!(c, '·' | '•' | '|' | '›' | '/') || separator_symbol(c))
            {
                continue;
            }
            // the heading may not hold sentence punctuation (a dot inside a
            // name, « data.gouv.fr », « Node.js », is none)
            // nor do dotted initials (« Le projet C.H.A.T.O.N.S. Face au
            // succès … »)
            let initialism = prev.len() >= 4
                && prev.ends_with('.')
                && prev
                    .split_terminator('.')
                    .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase));
            let dotted_name = !prev.ends_with('.')
                && prev.contains('.')
                && !prev.contains(['!', '?'])
                && prev
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '/'));
            if !initialism
                && (prev.ends_with([':', ',', ';', '.', '!', '?', '…', '(', '«', '-', '–'])
                    || prev.contains(['.', '!', '?']) && !prev.ends_with(')') && !dotted_name)
            {
                // "," or "." inside the heading: no candidate at this k or beyond
                if prev.ends_with(['.', '!', '?', ';', '…', ':', ',']) {
                    break;
                }
                continue;
            }
            if s.len() - tokens[k].start < 2 || tokens.len() - k < self.rules.min_rest_words {
                break;
            }
            let next_clean: String = next
                .trim_start_matches(['«', '"', '“', '('])
                .chars()
                .filter(|c| c.is_alphanumeric() || matches!(*c, '’' | '\'' | '-'))
                .collect();
            if !french::starts_upper(next.trim_start_matches(['«', '"', '“'])) {
                continue;
            }
            // a quotation after a noun is what it names (« La phrase «La
            // protection des données est activée» devrait … »): no section
            // of the dev and held-out gold opens on a quotation mark
            if next.starts_with(['«', '"', '“']) {
                continue;
            }
            let prev_word = prev.trim_end_matches([')', '»', '"']);
            // an acronym after a lowercase word qualifies it (« critères
            // RGAA respectés », « le test RT-PCR est … »): it opens no
            // sentence. (4 of the 609 gold sections with a heading open on
            // an acronym: picture credits, a name put on a line apart.)
            if acronym(&next_clean) && prev_word.starts_with(char::is_lowercase) {
                continue;
            }
            let prev_bare = french::elision::strip(prev_word).to_lowercase();
            let heading_words: Vec<&str> = tokens[..k].iter().map(|r| &s[r.clone()]).collect();
            // nor does it leave a guillemet or a parenthesis open (« Lorsque
            // le « programme A » a besoin … »: « A » closes what it opened)
            let open = |o: char, c: char| {
                let n = |ch: char| {
                    heading_words
                        .iter()
                        .map(|w| w.matches(ch).count())
                        .sum::<usize>()
                };
                n(o) > n(c)
            };
            if open('«', '»') || open('“', '”') || open('(', ')') {
                continue;
            }
            // « Expérimentez et n’abandonnez pas »: a negation ends the
            // heading, not a dangling word
            if (lex.is_function_word(&prev_bare) || lex.is_function_word(&prev_word.to_lowercase()))
                && !ends_whole(&heading_words)
            {
                continue;
            }
            // nor on a noun that names a work before its title (« Le film
            // Il était une fois … »)
            if k >= 2 && self.titles_a_work(heading_words[k - 2], prev_word, k - 1) {
                continue;
            }
            // nor on a gerund, which governs what follows (« En utilisant La
            // Bonne Boîte, elle passe … »)
            if k >= 2
                && heading_words[k - 2].eq_ignore_ascii_case("en")
                && prev_bare.ends_with("ant")
            {
                continue;
            }
            // nor on an infinitive, or on a name after one, before a name the
            // text writes elsewhere: its object (« Pour commencer à utiliser
            // Let’s Encrypt, veuillez … »)
            let capitalised_run = heading_words[1..]
                .iter()
                .rev()
                .take_while(|w| french::starts_upper(w))
                .count();
            // (an elided pronoun or conjunction, « J’ai », « C’est »,
            // « Qu’il », opens a sentence: no object is ever one)
            let elided_subject = {
                let lower = next_clean.to_lowercase().replace('\'', "’");
                ["j’", "c’", "n’", "qu’", "s’", "m’", "t’"]
                    .iter()
                    .any(|p| lower.starts_with(p))
            };
            if capitalised_run < k
                && !elided_subject
                && name_count(&next_clean) >= 1
                && !lex.is_function_word(&next_clean.to_lowercase())
                && lex.is_infinitive(french::elision::strip(
                    &heading_words[k - 1 - capitalised_run].to_lowercase(),
                ))
            {
                continue;
            }
            // the topic before a colon holds no verb; the subtitle after it
            // may be a clause (« Changer de posture : le support permet
            // aussi de … »), since a clear sentence start must end it
            let topic_words = &heading_words[..colon.unwrap_or(k).min(k)];
            let verbal_word = |w: &&str| {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                lex.is_verb(w) || w.split(['-', '‑']).skip(1).any(|p| lex.is_verb(p))
            };
            // a question whose mark the scrape lost (« Quels sont les rôles
            // formels De nombreux projets … », « Ai-je besoin d’une charte Il
            // n’y a pas … ») holds its verb: it opens on an interrogative
            // word or an inversion
            let asks = colon.is_none() && self.asks(&heading_words);
            if topic_words.iter().any(verbal_word) && !asks {
                continue;
            }
            // a subtitle that is a clause has a subject of its own (« … : le
            // support permet … »); one that opens on a verb is the item of a
            // list the scrape flattened (« Étape : vérifiez que … »)
            if let Some(c) = colon.filter(|&c| c < k) {
                let subtitle = &heading_words[c..];
                let clause = subtitle.iter().any(verbal_word)
                    || subtitle
                        .iter()
                        .any(|w| french::looks_finite(w) || w.ends_with(','));
                let opener = subtitle[0]
                    .trim_start_matches(['«', '"', '“', '('])
                    .to_lowercase();
                let opener_bare = french::elision::strip(&opener);
                // nor does a subtitle run on into a relative clause
                // (« … pour celui qui utilise … »)
                if subtitle.iter().any(|w| {
                    matches!(
                        w.to_lowercase().as_str(),
                        "qui" | "dont" | "lequel" | "laquelle"
                    )
                }) {
                    continue;
                }
                if clause
                    && !(lex.is_function_word(&opener)
                        || lex.is_function_word(opener_bare)
                        || opener_bare.len() < opener.len())
                {
                    continue;
                }
            }
            // the word after the cut must read as a sentence start
            let next_lower = next_clean.to_lowercase();
            // a name: a word the text capitalises inside its sentences twice
            // at least (once may be the start of a sentence glued to a
            // heading)
            let named = |w: &str| name_count(w) >= 2;
            let next_bare = french::elision::strip(&next_lower).to_string();
            // a heading goes on after its dash (« Jour 4 — De Vik à Hofn
            // Réveil à 6 h 45 … »): a cut right after it is a last resort,
            // the dash then left out (see `push_heading`)
            let mut score = if prev.ends_with('—') { -1.0 } else { 0.0 };
            let elided_start =
                next_lower.contains(['’', '\'']) && next_bare.len() < next_lower.len();
            let inversion = [
                "-vous", "-nous", "-il", "-elle", "-on", "-ils", "-elles", "-je", "-tu", "-t-",
            ]
            .iter()
            .any(|p| next_lower.contains(p));
            // a subtitle after a colon is a short phrase, and only a clear
            // sentence start (a capitalised function word, an elision) ends it
            // « Lancé le 7 octobre 2010, il … »: a detached past participle
            let participle = detached_participle(s, tokens, k, &next_lower);
            if let Some(c) = colon {
                let subtitle = k - c;
                // (or a word of `sentence_openers`: « Deux équipes … »)
                let clear = lex.is_function_word(&next_bare)
                    || lex.is_function_word(&next_lower)
                    || self.rules.sentence_openers.contains(&next_lower)
                    || elided_start
                    || participle;
                if !(2..=MAX_SUBTITLE_WORDS).contains(&subtitle) || !clear {
                    continue;
                }
            }
            // the heading's words come back as the subject: "Replicant Replicant est…"
            let repeated = tokens.len() >= 2 * k
                && (0..k).all(|j| s[tokens[j].clone()] == s[tokens[k + j].clone()]);
            if repeated {
                score += 2.0;
            }
            // a lone capitalised word that never occurs in lowercase is a name
            // ("Clément Auger, …"), unless it comes back as the subject
            // a lone word never written in lowercase is a name, unless a clear
            // sentence start follows it ("Bilan Le chantier …")
            let clear_start = self.opens_sentence(
                next,
                tokens.get(k + 1).map(|t| &s[t.clone()]),
                lower_words,
                proper,
            ) && !proper
                .contains_key(first.trim_matches(|c: char| !c.is_alphanumeric()));
            let verbal = verbal_start(
                s,
                tokens,
                k,
                &next_lower,
                (lower_words, lower_stems),
                proper,
                lex,
            );
            // a one-word heading of `stock_headings` is no name: an elided
            // article opens the sentence after it even before a capital
            // (« Résumé L’Internet est … »)
            // (« Résumé Le Web est … »: a determiner opens it even before
            // a capital, which elsewhere makes « Le Web » read as a title)
            let stock_start = k == 1
                && (elided_start || lex.is_function_word(&next_lower))
                && self
                    .rules
                    .stock_headings
                    .iter()
                    .any(|h| *h == *french::lowercase(first));
            // a name alone before a sentence that opens on a determiner and
            // takes the name up soon after (« DOSEMU Un peu comme DOSBox,
            // DOSEMU visait … »): the section it heads is about it
            let name_taken_up = k == 1
                && (elided_start || lex.is_function_word(&next_lower))
                && tokens
                    .get(k + 1)
                    .is_some_and(|t| s[t.clone()].starts_with(char::is_lowercase))
                && tokens
                    .iter()
                    .skip(k + 2)
                    .take(25)
                    .any(|t| s[t.clone()].trim_end_matches([',', '.', ':', ';']) == first);
            // (« Matériel/ingrédients »: each noun the text writes in
            // lowercase)
            let written_lower = first
                .split('/')
                .all(|w| !w.is_empty() && lower_stems.contains(&lex.stem(w)));
            if k == 1
                && !repeated
                && !name_taken_up
                && !written_lower
                && !clear_start
                && !verbal
                && !stock_start
            {
                continue;
            }
            // a word in -ez before a determiner or an elided word: an
            // imperative (« Évaluez l’intérêt … »), not a name when the
            // heading is a guide's, opening on an infinitive (« Faire un
            // choix éclairé Évaluez … »; « l’architecte Lopez la semaine
            // dernière » is a name)
            let guide_heading = lex.is_infinitive(&french::lowercase(first));
            // (or in -ons, a verb's first person plural: « Prenons notre
            // courage … », « Explorons les liens … »)
            let first_plural = next_lower.strip_suffix("ons").is_some_and(|stem| {
                ["er", "ir", "re"]
                    .iter()
                    .any(|e| lex.is_infinitive(&format!("{stem}{e}")))
                    || IRREGULAR_FIRST_PLURALS.contains(&next_lower.as_str())
            });
            let imperative = (next_lower.ends_with("ez") || first_plural)
                && next_lower.chars().count() > 4
                && tokens.get(k + 1).is_some_and(|t| {
                    let w = s[t.clone()].to_lowercase();
                    let bare = french::elision::strip(&w);
                    lex.is_function_word(&w) || bare.len() < w.len()
                });
            let guide_imperative = imperative && guide_heading;
            // a verb in the imperative or the infinitive, capitalised before a
            // determiner or an elided word (« Traitez la demande … »,
            // « Trouver des fonds … »): a guide's sentence opens on it, prose
            // never capitalises one after a lowercase word
            if repeated {
                // the repetition is the cue; the subject may well be a name
            } else if lex.is_function_word(&next_bare)
                || lex.is_function_word(&next_lower)
                || clear_start
                || elided_start
                || inversion
                || verbal
                || participle
                || subordinating_locution(&next_lower, tokens.get(k + 1).map(|t| &s[t.clone()]))
                // a verb's first person plural before a determiner: no name
                // ends so, the imperative of a guide or a story
                || imperative && first_plural
            {
                score += 2.0;
            } else if next.ends_with(',') && !named(&next_clean)
                || (next_lower.ends_with("ant")
                    && next_lower.chars().count() > 5
                    && tokens
                        .get(k + 1)
                        .is_some_and(|t| s[t.clone()].starts_with(char::is_lowercase)))
            {
                // "Manifestement, …", "Concernant les …": an adverb or a participle opens the sentence
                score += 1.5;
            } else if imperative {
                // an imperative before a determiner or an elided word
                // (« Essayez d’établir … », « Traitez la demande … ») opens
                // the sentence of a guide
                score += 1.5;
            } else if lower_words.contains(&next_lower) {
                // a word the text writes in lowercase (an adverb, an
                // infinitive…) opens the sentence, unless it is a common noun
                // before a capital: no sentence opens on a bare noun
                // ("Navigation | Web F-Droid propose …" cuts a word too early)
                let bare_noun = after_next_upper_word(s, tokens, k, lex)
                    && is_common_noun(&next_clean, lower_stems, lex);
                score += if bare_noun { -1.0 } else { 1.0 };
            } else {
                score -= 1.0;
            }
            // the heading's words recur in what follows: it announces that topic
            let head_stems: Vec<String> = lex.content_stems(&s[..tokens[k].start]);
            if !head_stems.is_empty() && !repeated {
                let after_end = tokens
                    .get((k + 25).min(tokens.len() - 1))
                    .map_or(s.len(), |t| t.end);
                let after = lex.content_stems(&s[tokens[k].start..after_end]);
                let found = head_stems.iter().filter(|h| after.contains(h)).count();
                score += found as f64 / head_stems.len() as f64;
            }
            // a capital inside sentences marks a name; a function word gets one
            // from every heading glued before it (two headings glued before
            // « Quand un … » give it two), so only a capitalised word after it
            // ("Le Monde") makes it read as a title
            let after_next_upper = tokens
                .get(k + 1)
                .is_some_and(|t| french::starts_upper(&s[t.clone()]));
            let capitalised = proper.get(&next_clean).copied().unwrap_or(0);
            // (so does a word of `sentence_openers` before a lowercase word,
            // « Chacun peut … », « Voilà en résumé … »)
            let name_like = if lex.is_function_word(&next_lower) || clear_start {
                after_next_upper
            } else {
                capitalised >= 1
            };
            // a bare common noun before a name followed by a lowercase word: the
            // heading, then the name as the subject ("Jeux F-Droid dispose de
            // …", "Navigation Web F-Droid propose …"); a sentence would give
            // the noun its determiner
            // (a noun with its determiner before a name the text writes
            // elsewhere, « Les versions Canary représentent … », has the
            // name in apposition)
            let in_apposition = k >= 2
                && DETERMINERS.contains(&heading_words[k - 2].to_lowercase().as_str())
                && named(&next_clean);
            let noun_before_subject = !repeated
                && !in_apposition
                && is_common_noun(prev_word, lower_stems, lex)
                && name_subject(s, tokens, k, lower_words, lex);
            if noun_before_subject {
                score += 1.5;
            } else if name_like
                && !repeated
                && !verbal
                && !participle
                && !guide_imperative
                && !stock_start
            {
                score -= 1.0;
            }
            // the previous word looks like the end of a noun phrase, not a name
            // running into another name
            let prev_upper = french::starts_upper(prev_word) && k > 1;
            if prev_upper
                && !lower_words.contains(&prev_word.to_lowercase())
                && !prev_word.contains(['’', '\''])
            {
                score -= 0.5;
            }
            // capitalised words only, none of them ever written in lowercase:
            // names or page furniture ("Partager Tweeter Imprimer"), not a heading
            let name_run = k > 1
                && heading_words.iter().all(|w| {
                    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                    french::starts_upper(w) && !lower_words.contains(&w.to_lowercase())
                });
            if name_run && !repeated {
                score -= 1.0;
            }
            // a subject pronoun or an imperfect-tense ending marks a clause, not a title
            let first_lower = first.to_lowercase();
            if SUBJECT_PRONOUNS.contains(&first_lower.as_str()) {
                score -= 1.5;
            }
            if topic_words.iter().any(|w| french::looks_finite(w)) && !asks {
                score -= 1.5;
            }
            // a day's date alone (« Dimanche 2 août Nuit paisible, … »): a
            // diary's heading; prose sets a comma after it. The capital
            // after it opens the day's story, whatever the word
            if day_date(&heading_words) {
                score += 3.0;
            }
            // shorter headings are likelier; a one-word one needs a clear cue
            score -= 0.08 * k as f64;
            if k == 1 && !french::starts_upper(first) {
                score -= 1.0;
            }
            // the rest must be a real sentence
            let rest_words = tokens.len() - k;
            if rest_words < 4 {
                score -= 1.0;
            }
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, k));
            }
        }
        let (score, k) = best?;
        if score < self.rules.min_score {
            return None;
        }
        Some(tokens[k].start)
    }
}

/// Is a heading a day's date (« Dimanche 2 août », « Lundi 1er mars
/// 2021 »): a weekday, a day of the month, a month, perhaps a year?
fn day_date(words: &[&str]) -> bool {
    let day = |w: &str| {
        let n = w.strip_suffix("er").unwrap_or(w);
        n.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
    };
    match words {
        [weekday, d, month, rest @ ..] => {
            french::starts_upper(weekday)
                && WEEKDAYS.contains(&weekday.to_lowercase().as_str())
                && day(d)
                && MONTHS.contains(&month.to_lowercase().as_str())
                && match rest {
                    [] => true,
                    [year] => year.len() == 4 && year.parse::<u32>().is_ok(),
                    _ => false,
                }
        }
        _ => false,
    }
}

/// How many items of a list that lost its bullets a piece of a sentence
/// holds: common words (the text writes them in lowercase too) capitalised
/// right after a lowercase word that is no function word (« … son parcours
/// Discussion autour du parcours Questions / exercices … »), up to the
/// piece's first colon.
fn glued_items(rest: &str, lex: &Lexicon, lower_words: &HashSet<String>) -> usize {
    let rest = rest.split(':').next().unwrap_or(rest);
    let tokens = token_spans(rest);
    tokens
        .windows(2)
        .filter(|p| {
            let (prev, word) = (&rest[p[0].clone()], &rest[p[1].clone()]);
            // (a lowercase word: « la Politique Agricole Commune » is a name)
            prev.starts_with(char::is_lowercase)
                && prev.ends_with(char::is_lowercase)
                && !lex.is_function_word(&prev.to_lowercase())
                && french::starts_upper(word)
                && word
                    .chars()
                    .nth(1)
                    .is_some_and(|c| c.is_lowercase() || c == '’' || c == '\'')
                && (lex.is_function_word(&word.to_lowercase())
                    || lower_words.contains(&word.to_lowercase()))
        })
        .count()
}

/// Items glued after a heading candidate found after a colon that make it
/// the first item of a list (see `glued_items`).
const MIN_GLUED_ITEMS: usize = 2;

/// Most words of a line that reads as the item of a list announced by a
/// colon (« Kit débutant pour obtenir 4 litres de bière 60€ »: at 8, a
/// list whose first item was longer lost its colon, and its short items
/// became headings).
const MAX_LIST_ITEM_WORDS: usize = 12;

/// A short line that ends no sentence and announces nothing: what a list's
/// item looks like (« Perception », « C’est gratuit ou pas cher ; »).
fn list_item(line: &str) -> bool {
    !line.ends_with(['.', '!', '?', '…', ':'])
        && french::words(line).count() <= MAX_LIST_ITEM_WORDS
        && markdown_heading(line).is_none()
}

/// Most lines looked at above a line for the colon that announces its list:
/// the walk back stays bounded on a text of short lines alone.
const MAX_LIST_ITEMS: usize = 64;

/// How many items of a list announced by a colon come right before a line
/// (`before`: the lines above it, blank ones skipped); 0 when the short
/// lines above it follow no colon within `MAX_LIST_ITEMS` lines.
fn list_items_before(before: &[&str]) -> usize {
    let mut items = 0;
    for l in before
        .iter()
        .rev()
        .filter(|l| !l.is_empty())
        .take(MAX_LIST_ITEMS + 1)
    {
        // (an item above may be long: « Discussion autour de l’accueil d’une
        // fanfare pour mettre une ambiance endiablée à notre week-end »)
        if !l.ends_with(['.', '!', '?', '…', ':']) && markdown_heading(l).is_none() {
            items += 1;
        } else {
            return if l.ends_with(':') { items } else { 0 };
        }
    }
    0
}

/// Does a line open as a picture's caption (« Ci-dessus : parc ou forêt
/// ? », « Ci-contre, la carte … », « Aperçu de l’interface … »), as a
/// link's text (« Voir la documentation de … ») or as a note on where the
/// article first appeared (« Article original posté sur Medium … »), or as
/// a line of dialogue (« — Vous faites comment, ce soir ? »: none of the
/// 489 gold headings of the development set and sets M, N and O opens on a
/// dash)? The author's text, never a heading.
fn authors_line(line: &str) -> bool {
    if crate::french::republication_note(line) || line.starts_with(['—', '–']) {
        return true;
    }
    let mut words = line
        .trim_start_matches(['«', '"', '“', '(', '['])
        .split(|c: char| !(c.is_alphabetic() || c == '-' || c == '’' || c == '\''))
        .filter(|w| !w.is_empty());
    let first = words.next().unwrap_or("");
    // … or points to another page (« Voir la documentation de … », « Voir
    // notre article d’aide … »): a link's text
    let second = words.next().map(french::lowercase);
    match french::lowercase(first).as_ref() {
        "ci-dessus" | "ci-dessous" | "ci-contre" => true,
        // « Aperçu de l’interface … », « Un aperçu de … », « Capture
        // d’écran de … »: what a picture shows
        "aperçu" => true,
        "un" => second.is_some_and(|w| w == "aperçu"),
        "capture" => second.is_some_and(|w| w.starts_with("d’") || w.starts_with("d'")),
        "voir" => second.is_some_and(|w| {
            matches!(
                w.as_ref(),
                "la" | "le" | "les" | "notre" | "nos" | "aussi" | "également" | "ci-dessous"
            ) || w.starts_with("l’")
                || w.starts_with("l'")
        }),
        _ => false,
    }
}

/// Does a subordinating or prepositional locution start here (« Bien que
/// … », « Même si … », « Alors que … », « Grâce à … », « Face à … »)? A
/// capitalised « Bien », « Même » or « Grâce » before « que », « si » or
/// « à » opens a sentence, not a name.
fn subordinating_locution(word: &str, following: Option<&str>) -> bool {
    let Some(next) = following.map(|f| f.to_lowercase()) else {
        return false;
    };
    let que = next == "que" || next.starts_with("qu’") || next.starts_with("qu'");
    match word {
        "bien" | "alors" | "tandis" | "dès" | "pendant" | "parce" | "avant" | "après" | "sans" => {
            que
        }
        "même" => next == "si" || next.starts_with("s’") || next.starts_with("s'"),
        // prepositional locutions (« Grâce à notre réseau … », « Face à
        // l’intérêt … »)
        "grâce" | "face" | "suite" | "quant" => {
            next == "à" || next == "au" || next == "aux" || next.starts_with("à ")
        }
        "faute" | "autour" | "auprès" | "afin" => {
            next == "de"
                || next == "du"
                || next == "des"
                || next.starts_with("d’")
                || next.starts_with("d'")
        }
        _ => false,
    }
}

/// A line that credits a picture or states its licence (« CC BY-NC-ND 2.0 -
/// … », « © Studio Lumière »): a caption's credit, never a heading.
fn credit(line: &str) -> bool {
    line.contains('©')
        || line.contains("CC BY")
        || line.contains("CC0")
        || line.contains("Creative Commons")
}

/// Most words of the answer between two short questions of an exchange the
/// prose stages (« La réaction la plus fréquente ? Un sourire poli, un peu
/// perplexe. Un « tiers-lieu » ? »): a fragment, not the full sentence an
/// author's question gets (« Est-ce suffisant ? Pas toujours, reconnaît
/// l’adjointe, qui promet deux nouveaux jardins. »).
const EXCHANGE_ANSWER_WORDS: usize = 8;

/// Most words of a verbless follow-up question on « et » (« Et pour
/// 2021 ? »).
const FOLLOW_UP_WORDS: usize = 4;

/// How many sentences before or after a question another one that opens
/// alike makes them a series of the prose.
const PARALLEL_SPAN: usize = 4;

/// The first three words of a question (lowercase, « est-ce que » and
/// « qu’est-ce que » left out: every kind of question opens on them), when
/// more words follow; after a colon, of the question the colon announces
/// (« … considérer ceci : Voulez-vous que … ? »).
fn question_opening(q: &str) -> Option<Vec<String>> {
    const FORMULAS: [&str; 5] = [
        "est-ce que ",
        "est-ce qu’",
        "qu’est-ce que ",
        "qu’est-ce qu’",
        "qu’est-ce qui ",
    ];
    let q = q.trim();
    if !q.ends_with('?') {
        return None;
    }
    let q = q.rsplit_once(": ").map_or(q, |(_, question)| question);
    let lower = q.to_lowercase().replace('\'', "’");
    let body = FORMULAS
        .iter()
        .find_map(|f| lower.strip_prefix(f))
        .unwrap_or(&lower);
    let words: Vec<String> = french::words(body).map(str::to_string).collect();
    (words.len() > 3).then(|| words[..3].to_vec())
}

/// A sentence that ends on a heading's number: its id and its text without it.
type GluedNumber = (usize, String);

/// The number of a numbered heading whose sentence before it lost its full
/// stop (« … engager ses proches 1. Le simulateur de référence »): the
/// splitter ends that sentence on the number, and the heading after it is
/// recovered without it. The number goes back to the heading when it fits
/// the text's series of numbered headings: the nearest numbered heading
/// before it (written with its number, or another such heading) has a
/// smaller number, the nearest after it a larger one, and one of them is at
/// most two away (« 1. … », then « … plein air) 3. », « … ci-dessus) 5. »,
/// « … équilibrée 6. » before headings 3, 5 and 6, the headings 2 and 4 lost);
/// or when the number is 1 and no heading follows at all (a text cut short
/// after it).
/// A number glued at the end of a sentence, after a lowercase word (« … de
/// la rédaction 2. »): the number and the sentence without it.
fn glued_number(sentence: &str) -> Option<(u32, String)> {
    let body = sentence.trim_end().strip_suffix('.')?;
    let (before, n) = body.rsplit_once(' ')?;
    let number = n.parse::<u32>().ok()?;
    // the word before is lowercase (« air) », « ci-dessus) » included)
    let word_before = before.rsplit(' ').next().unwrap_or("");
    let letters = || word_before.chars().filter(|c| c.is_alphabetic());
    (n.len() <= 2
        && !n.starts_with('0')
        && letters().next().is_some()
        && letters().all(char::is_lowercase))
    .then(|| (number, before.to_string()))
}

/// Section numbers right after a colon inside a sentence (« … que j’ai
/// retenu : 2. Ouvrir les données … »): where each starts, its length with
/// the space after it, and the number.
fn colon_enumerators(text: &str) -> Vec<(usize, usize, u32)> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices(": ") {
        let pos = at + 2;
        let Some(len) = enumerator_len(&text[pos..]) else {
            continue;
        };
        if let Ok(n) = text[pos..pos + len]
            .trim()
            .trim_end_matches(['.', ')'])
            .parse::<u32>()
        {
            out.push((pos, len, n));
        }
    }
    out
}

/// The number of a heading « 3. Réduire sa consommation de poisson ».
fn heading_number(h: &str) -> Option<u32> {
    // (or « 2) Faire des revues bienveillantes »)
    let (n, rest) = h.split_once(". ").or_else(|| h.split_once(") "))?;
    (n.len() <= 2 && !rest.is_empty())
        .then(|| n.parse().ok())
        .flatten()
}

/// In a series of numbered headings (« 1. Consommer moins de viande »,
/// « 3. Réduire sa consommation de poisson »), a number the series lacks,
/// glued at the end of a sentence of the flat text (« … de la rédaction
/// 2. »), heads the sentence after it up to where that goes on as prose: the
/// first capitalised word after a lowercase one that is no function word
/// (« Acheter moins de produits d’origine animale Production de viande … »).
/// The heading gets its number from [`number_first_heading`].
fn complete_numbered_series(out: &mut Outline, lex: &Lexicon, max_words: usize) {
    // the numbers the series has
    let mut numbers: Vec<u32> = Vec::new();
    for i in 1..out.parts.len() {
        let Some(h) = out.parts[i].heading.as_ref() else {
            continue;
        };
        if let Some(n) = heading_number(&h.text) {
            numbers.push(n);
        } else if let Some(&last) = out.parts[i - 1].paragraphs.last().and_then(|p| p.last()) {
            if let Some((n, _)) = glued_number(&out.sentences[last].text) {
                numbers.push(n);
            }
        }
    }
    // the numbers that open sentences of the text, in its order: a run 1, 2,
    // 3 … of three or more (with the headings' own numbers) is a series of
    // numbered headings even when none was recovered
    let mut run: Vec<u32> = Vec::new();
    for p in &out.parts {
        if let Some(n) = p.heading.as_ref().and_then(|h| heading_number(&h.text)) {
            run.push(n);
        }
        for &id in p.paragraphs.iter().flatten() {
            let text = &out.sentences[id].text;
            if let Some(n) = enumerator_len(text).and_then(|len| {
                text[..len]
                    .trim()
                    .trim_end_matches(['.', ')'])
                    .parse::<u32>()
                    .ok()
            }) {
                run.push(n);
            }
            run.extend(colon_enumerators(text).into_iter().map(|(_, _, n)| n));
        }
    }
    let full_run = run.len() >= 3 && run.iter().zip(1..).all(|(&n, i)| n == i);
    if !full_run && (numbers.len() < 2 || numbers.iter().min().is_none_or(|&m| m > 2)) {
        return;
    }
    let (low, high) = if full_run {
        (0, run.len() as u32)
    } else {
        (
            numbers.iter().copied().min().unwrap_or(0),
            numbers.iter().copied().max().unwrap_or(0),
        )
    };
    // where a sentence of the text opens the heading that goes on as prose
    let cut = |sentence: &str| -> Option<usize> {
        if !french::starts_upper(sentence) {
            return None;
        }
        let tokens = token_spans(sentence);
        for k in 2..tokens.len().saturating_sub(2).min(max_words + 1) {
            let prev = &sentence[tokens[k - 1].clone()];
            let word = &sentence[tokens[k].clone()];
            if prev.contains(['.', ';', ':', '!', '?', '…', '(', ')']) {
                return None;
            }
            // (a capitalised subject pronoun opens a sentence after any
            // word: « … explicitement et souvent Il y a … »)
            let pronoun = SUBJECT_PRONOUNS.contains(&word.to_lowercase().as_str());
            if french::starts_upper(word)
                && word.chars().nth(1).is_some_and(char::is_lowercase)
                && prev.ends_with(char::is_lowercase)
                && (!lex.is_function_word(&prev.to_lowercase()) || pronoun)
            {
                return Some(tokens[k].start);
            }
        }
        None
    };
    let mut i = 0;
    while i < out.parts.len() {
        // (paragraph, sentence, where the heading starts and ends in it)
        let mut split: Option<(usize, usize, usize, usize)> = None;
        let mut prev: Option<usize> = None;
        // (a series found from 2 lacks its 1 only before its first heading:
        // « … les trois règles suivantes. 1) Commiter vite … Il y a … »)
        let before_series = out.parts[..=i].iter().all(|p| {
            p.heading
                .as_ref()
                .and_then(|h| heading_number(&h.text))
                .is_none()
        });
        let missing = |n: u32, numbers: &[u32]| {
            (n > low || n == 1 && low == 2 && before_series)
                && n <= high + 1
                && !numbers.contains(&n)
        };
        'scan: for (j, para) in out.parts[i].paragraphs.iter().enumerate() {
            for (k, &id) in para.iter().enumerate() {
                let text = &out.sentences[id].text;
                // the number glued at the end of the sentence before, or
                // opening this one (« riz. 7. Privilégier … »)
                let number = prev
                    .and_then(|p| glued_number(&out.sentences[p].text))
                    .map(|(n, _)| (n, 0))
                    .or_else(|| {
                        let len = enumerator_len(text)?;
                        let n = text[..len]
                            .trim()
                            .trim_end_matches(['.', ')'])
                            .parse()
                            .ok()?;
                        Some((n, len))
                    });
                if let Some((n, from)) = number {
                    if missing(n, &numbers) {
                        if let Some(at) = cut(&text[from..]) {
                            split = Some((j, k, 0, from + at));
                            numbers.push(n);
                            break 'scan;
                        }
                        // a numbered sentence that exclaims or asks, short
                        // enough for a heading, is one whole (« 5. Utiliser
                        // soi-même les données : la base ! »)
                        // (or that ends on no mark: a line of its own after
                        // the colon that announced it)
                        if from > 0
                            && (text.trim_end().ends_with(['!', '?'])
                                || !text.trim_end().ends_with(['.', '…', ':', ';', ',']))
                            && text.split_whitespace().count() <= max_words
                        {
                            split = Some((j, k, 0, text.len()));
                            numbers.push(n);
                            break 'scan;
                        }
                    }
                }
                // or after a colon that announces it (« … un second
                // enseignement : 2. Ouvrir les données … »)
                for (pos, len, n) in colon_enumerators(text) {
                    if missing(n, &numbers) {
                        if let Some(at) = cut(&text[pos + len..]) {
                            split = Some((j, k, pos, pos + len + at));
                            numbers.push(n);
                            break 'scan;
                        }
                    }
                }
                prev = Some(id);
            }
        }
        if let Some((j, k, start, end)) = split {
            // (a number that opened the sentence stays with its heading)
            split_heading_out(out, (i, j, k), start..end, 2, "numbered");
        }
        i += 1;
    }
}

/// The opening a heading shares with the others of its series: its words up
/// to the first that is no function word (« Qui mangent », « Données »,
/// « Un guide »), lowercase; none when nothing follows it, or for a number.
fn series_opening(heading: &str, lex: &Lexicon) -> Option<Vec<String>> {
    let words: Vec<&str> = heading.split_whitespace().collect();
    let mut opening = Vec::new();
    for w in &words {
        let bare: String = w.chars().filter(|c| c.is_alphabetic()).collect();
        if bare.is_empty() || bare.chars().count() != w.chars().count() {
            return None;
        }
        let lower = bare.to_lowercase();
        let function = lex.is_function_word(&lower);
        opening.push(lower);
        if !function {
            break;
        }
    }
    (opening.len() < words.len() && opening.len() <= 3).then_some(opening)
}

/// Headings in a series that opens each of them alike (« Qui mangent des
/// données personnelles », « Qui mangent des données publiques »; « Données
/// tabulaires », « Données de transport »): a phrase of the flat text with
/// that opening, capitalised, at the start of a sentence or glued inside one
/// after a word that is no function word, up to the first capitalised word
/// after a lowercase one (where the prose goes on), is one more of them
/// (« … HunchLab. Qui mangent de l’argent Thomas Peterffy est … »). Its
/// length stays near the series' own; an opening of one word is one the text
/// also writes in lowercase (a common word, not a name).
fn complete_parallel_series(
    out: &mut Outline,
    lex: &Lexicon,
    lower_words: &HashSet<String>,
    max_words: usize,
) {
    // each opening's headings: (fewest words, most words, level, count)
    let mut series: Vec<(Vec<String>, usize, usize, u8, usize)> = Vec::new();
    for p in &out.parts {
        let Some(h) = &p.heading else { continue };
        if !matches!(h.origin, HeadingOrigin::Source { .. }) || h.text.ends_with('?') {
            continue;
        }
        let Some(opening) = series_opening(&h.text, lex) else {
            continue;
        };
        let n = h.text.split_whitespace().count();
        match series.iter_mut().find(|s| s.0 == opening) {
            Some(s) => {
                s.1 = s.1.min(n);
                s.2 = s.2.max(n);
                s.4 += 1;
            }
            None => series.push((opening, n, n, h.level, 1)),
        }
    }
    series.retain(|s| s.4 >= 2 && (s.0.len() > 1 || lower_words.contains(&s.0[0])));
    if series.is_empty() {
        return;
    }
    let function = |w: &str| lex.is_function_word(&w.to_lowercase());
    // where a heading of a series starts and ends in a sentence
    let find = |s: &str| -> Option<(usize, usize, u8)> {
        let tokens = token_spans(s);
        for (opening, fewest, most, level, _) in &series {
            let len = opening.len();
            for t in 0..tokens.len().saturating_sub(len) {
                let first = &s[tokens[t].clone()];
                if !french::starts_upper(first)
                    || (0..len).any(|m| {
                        let w = &s[tokens[t + m].clone()];
                        w.to_lowercase() != opening[m]
                    })
                {
                    continue;
                }
                if t > 0 {
                    let prev = &s[tokens[t - 1].clone()];
                    if prev.ends_with([':', ',', ';', '«', '(']) || function(prev) {
                        continue;
                    }
                }
                // a colon right after the opening (« Valider : une question … »)
                let mut k = t + len;
                if s[tokens[k].clone()] == *":" {
                    k += 1;
                }
                let longest = (most + 3).min(max_words);
                while k < tokens.len() && k - t <= longest {
                    let prev = &s[tokens[k - 1].clone()];
                    let word = &s[tokens[k].clone()];
                    if k > t + len
                        && prev.contains(['.', ';', ':', '!', '?', '…', '(', ')', '«', '»', ','])
                    {
                        break;
                    }
                    if k > t + len
                        && french::starts_upper(word)
                        && word.chars().nth(1).is_some_and(char::is_lowercase)
                        && prev.ends_with(char::is_lowercase)
                        && !function(prev)
                    {
                        let n = k - t;
                        // the prose goes on for a few words and ends its sentence
                        if n + 2 >= *fewest
                            && tokens.len() - k >= 3
                            && s.trim_end().ends_with(['.', '!', '?', '…'])
                        {
                            return Some((tokens[t].start, tokens[k].start, *level));
                        }
                        break;
                    }
                    k += 1;
                }
            }
        }
        None
    };
    let mut i = 0;
    while i < out.parts.len() {
        let mut split: Option<(usize, usize, usize, usize, u8)> = None;
        'scan: for (j, para) in out.parts[i].paragraphs.iter().enumerate() {
            for (k, &id) in para.iter().enumerate() {
                if let Some((start, end, level)) = find(&out.sentences[id].text) {
                    split = Some((j, k, start, end, level));
                    break 'scan;
                }
            }
        }
        if let Some((j, k, start, end, level)) = split {
            split_heading_out(out, (i, j, k), start..end, level, "series");
        }
        i += 1;
    }
}

/// Take the heading at `range` of the sentence at `at` (part, paragraph,
/// place in it) out of the text: the part ends before it, a new part under
/// the heading holds the rest. Text before the heading stays where it was,
/// as the sentence's start; the sentence's end opens the new part as a
/// sentence of its own (the ids after it move on by one).
fn split_heading_out(
    out: &mut Outline,
    (i, j, k): (usize, usize, usize),
    range: std::ops::Range<usize>,
    level: u8,
    how: &str,
) {
    let id = out.parts[i].paragraphs[j][k];
    let text = out.sentences[id].text.clone();
    let heading = text[range.clone()].trim().to_string();
    let before = text[..range.start].trim_end();
    let after = text[range.end..].trim_start().to_string();
    let mut rest: Vec<Vec<usize>> = vec![out.parts[i].paragraphs[j].split_off(k)];
    rest.extend(out.parts[i].paragraphs.drain(j + 1..));
    if before.is_empty() && after.is_empty() {
        // the whole sentence was the heading: it leaves the text (the ids
        // after it move back by one)
        out.sentences.remove(id);
        for s in &mut out.sentences[id..] {
            s.id -= 1;
        }
        rest[0].remove(0);
        for ids in out
            .parts
            .iter_mut()
            .flat_map(|p| p.paragraphs.iter_mut())
            .chain(rest.iter_mut())
        {
            for x in ids.iter_mut().filter(|x| **x > id) {
                *x -= 1;
            }
        }
        rest.retain(|p| !p.is_empty());
    } else if before.is_empty() {
        out.sentences[id].text = after;
        out.sentences[id].glued = false;
    } else {
        out.sentences[id].text = before.to_string();
        for s in &mut out.sentences[id + 1..] {
            s.id += 1;
        }
        for ids in out
            .parts
            .iter_mut()
            .flat_map(|p| p.paragraphs.iter_mut())
            .chain(rest.iter_mut())
        {
            for x in ids.iter_mut().filter(|x| **x > id) {
                *x += 1;
            }
        }
        out.sentences.insert(
            id + 1,
            Sentence {
                id: id + 1,
                text: after,
                glued: false,
            },
        );
        out.parts[i].paragraphs[j].push(id);
        rest[0][0] = id + 1;
    }
    if out.parts[i].paragraphs.last().is_some_and(Vec::is_empty) {
        out.parts[i].paragraphs.pop();
    }
    out.parts.insert(
        i + 1,
        Part {
            heading: Some(Heading {
                text: heading,
                level,
                origin: HeadingOrigin::Source {
                    how: how.to_string(),
                },
            }),
            paragraphs: rest,
        },
    );
}

fn number_first_heading(out: &mut Outline) {
    // each heading's part and number, with, for a number found at the end
    // of the sentence before it, that sentence and its text without it
    let mut series: Vec<(usize, u32, Option<GluedNumber>)> = Vec::new();
    for i in 1..out.parts.len() {
        let Some(text) = out.parts[i].heading.as_ref().map(|h| h.text.clone()) else {
            continue;
        };
        if let Some(n) = heading_number(&text) {
            series.push((i, n, None));
            continue;
        }
        if text.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let Some(&last) = out.parts[i - 1].paragraphs.last().and_then(|p| p.last()) else {
            continue;
        };
        if let Some((number, before)) = glued_number(&out.sentences[last].text) {
            series.push((i, number, Some((last, before))));
        }
    }
    let next_heading_after = |i: usize| out.parts[i + 1..].iter().any(|p| p.heading.is_some());
    let mut accepted = Vec::new();
    for (k, (i, number, candidate)) in series.iter().enumerate() {
        let Some((last, before)) = candidate else {
            continue;
        };
        let prev = k.checked_sub(1).map(|p| series[p].1);
        let next = series.get(k + 1).map(|s| s.1);
        let fits = prev.is_none_or(|p| p < *number) && next.is_none_or(|x| *number < x);
        let near = prev.is_some_and(|p| number - p <= 2) || next.is_some_and(|x| x - number <= 2);
        let cut_short = *number == 1 && !next_heading_after(*i);
        if (fits && near) || cut_short {
            accepted.push((*i, *number, *last, before.clone()));
        }
    }
    for (i, number, last, before) in accepted {
        out.sentences[last].text = before;
        if let Some(h) = out.parts[i].heading.as_mut() {
            h.text = format!("{number}. {}", h.text);
        }
    }
}

/// Fewest words of the paragraph after a line, after a colon, for that line
/// to head it rather than be the one item of a list.
const LOST_LIST_PROSE_WORDS: usize = 30;

/// Whether a line holds questions only: no other sentence end inside, at
/// most three questions.
fn only_questions(line: &str) -> bool {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let inner = &tokens[..tokens.len().saturating_sub(1)];
    !inner.iter().any(|w| w.ends_with(['.', '!', '…']))
        && inner.iter().filter(|w| w.ends_with('?')).count() <= 2
}

/// Prepositions that join a noun to the lowercase noun after it in a
/// heading's phrase (« Attention au climatiseur »).
const PHRASE_PREPOSITIONS: &[&str] =
    &["au", "aux", "du", "des", "de", "à", "pour", "sur", "contre"];

/// Most words after the colon of a « Topic : subtitle » heading.
const MAX_SUBTITLE_WORDS: usize = 10;

/// Most words of a heading line that trails off on an ellipsis (« À
/// suivre... »).
/// Whether `line` ends on a word with an inclusive ending in parentheses
/// glued to it (« prudent(e) », « salarié(e)s », « guéri(e) »).
fn inclusive_ending(line: &str) -> bool {
    let Some(word) = line.split_whitespace().last() else {
        return false;
    };
    let Some((stem, ending)) = word.strip_suffix(')').and_then(|w| w.rsplit_once('(')) else {
        return false;
    };
    stem.chars().count() >= 2
        && stem.chars().all(char::is_alphabetic)
        && ["e", "es", "s", "x", "ne", "le", "se", "rice", "euse", "ère"].contains(&ending)
}

/// First persons plural of irregular verbs, which open a guide's sentences
/// in the imperative (« Prenons », « Faisons », « Voyons »): their
/// infinitive is not their stem and an ending.
const IRREGULAR_FIRST_PLURALS: [&str; 14] = [
    "prenons",
    "faisons",
    "disons",
    "voyons",
    "allons",
    "soyons",
    "ayons",
    "mettons",
    "venons",
    "revenons",
    "lisons",
    "écrivons",
    "suivons",
    "buvons",
];

const SHORT_ELLIPSIS_WORDS: usize = 6;

/// Day names: time words that open sentences without a determiner.
const WEEKDAYS: &[&str] = &[
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];

/// Month names: time words too.
const MONTHS: &[&str] = &[
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// A word the text also writes in lowercase that reads as a common noun: not
/// a stopword, a filler (time words, generic adjectives), an adverb in
/// -ment, a verb, a day or a month.
fn is_common_noun(word: &str, lower_stems: &LowerStems, lex: &Lexicon) -> bool {
    let w = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    w.chars().count() > 2
        && w.chars().all(char::is_alphabetic)
        && lower_stems.contains(&lex.stem(&w))
        && !lex.is_stopword(&w)
        && !lex.is_keyphrase_filler(&w)
        && !lex.is_verb(&w)
        && !w.ends_with("ment")
        && !WEEKDAYS.contains(&w.as_str())
        && !MONTHS.contains(&w.as_str())
}

/// A word of capitals (« RGAA », « RT-PCR », « K-9 »): two letters at least,
/// none in lowercase.
fn acronym(word: &str) -> bool {
    // (a plural one too: « les anciennes URLs », « des PDFs »)
    let word = word
        .strip_suffix('s')
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .unwrap_or(word);
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !word.chars().any(char::is_lowercase)
        && word.chars().all(|c| c.is_alphanumeric() || c == '-')
}

/// An arrow or a shape that sets a breadcrumb's or a menu's items apart
/// (« Éclairages ⟶ Handicap », « Accueil ▸ Blog »): arrows, box drawing,
/// geometric shapes. The emoji of the technical, miscellaneous symbols and
/// dingbats blocks (« L’époque et la culture ⏳ », « ☕ », « ✅ ») end a
/// heading as any emoji does.
fn separator_symbol(c: char) -> bool {
    matches!(c,
        '\u{2190}'..='\u{21FF}'
        | '\u{2500}'..='\u{25FF}'
        | '\u{2794}'..='\u{27BF}'
        | '\u{27F0}'..='\u{27FF}'
        | '\u{2900}'..='\u{297F}'
        | '\u{2B00}'..='\u{2BFF}')
}

/// Whether a heading's words end whole though their last word is a
/// function word: on a negation (« Expérimentez et n’abandonnez pas »), on
/// the object of an imperative (« Documentez tout »), on a locution or an
/// adverb (« Mesurer quand même »), not on a dangling function word.
fn ends_whole(words: &[&str]) -> bool {
    let negation = words
        .last()
        .is_some_and(|last| matches!(last.to_lowercase().as_str(), "pas" | "plus" | "jamais"))
        && words.iter().any(|w| {
            let w = w.to_lowercase();
            w == "ne" || w.starts_with("n’") || w.starts_with("n'")
        });
    // or on the pronoun object of an imperative (« Documentez tout »,
    // « Ne jetez rien »)
    let object = matches!(words, [.., verb, last]
        if matches!(last.to_lowercase().as_str(), "tout" | "tous" | "rien")
            && verb.to_lowercase().ends_with("ez"));
    // or on an adverbial locution (« Mesurer quand même »)
    let locution = matches!(words, [.., a, b]
        if a.eq_ignore_ascii_case("quand") && b.to_lowercase() == "même");
    // or on an adverb of time or place that closes a phrase (« Comment
    // essayer la version de test dès aujourd’hui »)
    let adverb = words.last().is_some_and(|w| {
        matches!(
            w.to_lowercase().replace('\'', "’").as_str(),
            "aujourd’hui" | "demain" | "hier" | "maintenant" | "ensemble" | "ailleurs" | "partout"
        )
    });
    negation || object || locution || adverb
}

/// Whether the capitalised word at `k` (`lower`: its lowercase letters) is a
/// verb that opens a sentence: an imperative in -ez whose stem the text also
/// writes in lowercase, or an infinitive the text also writes in lowercase or
/// that `lexicons/infinitives.txt` lists, capitalised nowhere else inside a sentence (not a
/// name such as « Lopez » or « Pierre »), before a function word or an elided
/// word (« Traitez la demande », « Essayez d’abord », « Trouver des fonds »).
fn verbal_start(
    s: &str,
    tokens: &[std::ops::Range<usize>],
    k: usize,
    lower: &str,
    (lower_words, lower_stems): (&HashSet<String>, &LowerStems),
    proper: &HashMap<String, usize>,
    lex: &Lexicon,
) -> bool {
    let letters = lower.chars().count();
    if letters < 5 || !lower.chars().all(char::is_alphabetic) || lex.is_function_word(lower) {
        return false;
    }
    // the verb comes back in another form (« traiter », « un traitement »):
    // not a name such as « Lopez »
    let imperative = lower.ends_with("ez") && lower_stems.contains(&lex.stem(lower));
    let infinitive = (lower.ends_with("er") || lower.ends_with("ir") || lower.ends_with("re"))
        && (lower_words.contains(lower) || lex.is_infinitive(lower));
    // an imperative in -ons of a verb in -er (« Notons en premier lieu … »,
    // « Commençons par … »): its infinitive is listed or in the text (a
    // noun in -ons has none: « questions », « actions »)
    let first_plural = lower.strip_suffix("ons").is_some_and(|base| {
        let base = base
            .strip_suffix('e')
            .filter(|b| b.ends_with('g'))
            .unwrap_or(base);
        let infinitive = format!("{}er", base.replace('ç', "c"));
        lex.is_infinitive(&infinitive) || lower_words.contains(&infinitive)
    });
    let word = &s[tokens[k].clone()];
    let bare: String = word.chars().filter(|c| c.is_alphanumeric()).collect();
    // (a frequent infinitive is no name, however often the text opens a
    // sentence on it: « Mécanique Partir plusieurs jours … »)
    (imperative || infinitive || first_plural)
        && (proper.get(&bare).copied().unwrap_or(0) <= 1 || lex.is_infinitive(lower))
        && tokens.get(k + 1).is_some_and(|t| {
            let w = s[t.clone()].to_lowercase();
            let stripped = french::elision::strip(&w);
            w.starts_with(char::is_lowercase)
                && (lex.is_function_word(&w) || stripped.len() < w.len())
        })
}

/// Whether the word after the cut at `k` is followed by a capitalised word
/// that is not a function word.
fn after_next_upper_word(
    s: &str,
    tokens: &[std::ops::Range<usize>],
    k: usize,
    lex: &Lexicon,
) -> bool {
    tokens.get(k + 1).is_some_and(|t| {
        let w = &s[t.clone()];
        french::starts_upper(w) && !lex.is_function_word(&w.to_lowercase())
    })
}

/// Whether the text after the cut at `k` opens on a name (one or two
/// capitalised words the text never writes in lowercase) followed by a
/// lowercase word that is not a function word: a name as the subject, then
/// its verb ("F-Droid propose …", "K-9 Mail permet …").
fn name_subject(
    s: &str,
    tokens: &[std::ops::Range<usize>],
    k: usize,
    lower_words: &HashSet<String>,
    lex: &Lexicon,
) -> bool {
    let word = |i: usize| tokens.get(i).map(|t| &s[t.clone()]);
    let is_name = |w: &str| {
        // "Android, soyez …" is no subject: punctuation ends the phrase
        if w.ends_with(|c: char| !c.is_alphanumeric()) {
            return false;
        }
        let bare: String = w
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == '-')
            .collect();
        french::starts_upper(&bare)
            && !lex.is_function_word(&bare.to_lowercase())
            && !lower_words.contains(&bare.to_lowercase())
    };
    let is_verb_like = |w: &str| {
        w.starts_with(char::is_lowercase)
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && !lex.is_function_word(w)
    };
    if !word(k).is_some_and(is_name) {
        return false;
    }
    // the name may take a second word ("K-9 Mail"), not a third
    match word(k + 1) {
        Some(w) if is_verb_like(w) => true,
        Some(w) if french::starts_upper(w) => word(k + 2).is_some_and(is_verb_like),
        _ => false,
    }
}

/// The byte length of a section number that opens `s` with the space after
/// it (« 2. », « 3) »): one or two digits, then a dot or a parenthesis, then
/// a capitalised word.
fn enumerator_len(s: &str) -> Option<usize> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) || !matches!(s.as_bytes().get(digits), Some(b'.' | b')')) {
        return None;
    }
    let after = &s[digits + 1..];
    let rest = after.trim_start();
    (rest.len() < after.len() && french::starts_upper(rest)).then(|| s.len() - rest.len())
}

/// Determiners that open a noun phrase.
const DETERMINERS: &[&str] = &[
    "le", "la", "les", "un", "une", "des", "ce", "cet", "cette", "ces", "mon", "ma", "mes", "ton",
    "ta", "tes", "son", "sa", "ses", "notre", "nos", "votre", "vos", "leur", "leurs",
];

/// Does the capitalised word at `k` (`lower`: its lowercase letters) open a
/// detached past participle clause, the frame of a sentence whose subject
/// comes after a comma (« Lancé le 7 octobre 2010, il consistait … »,
/// « Créée en 2015, l’association … »): a word in -é(e)(s) before a
/// lowercase word or a number, then, within eight words, a comma and a
/// subject pronoun or a determiner.
fn detached_participle(s: &str, tokens: &[std::ops::Range<usize>], k: usize, lower: &str) -> bool {
    const MAX_WORDS: usize = 8;
    if lower.chars().count() < 5 || !["é", "ée", "és", "ées"].iter().any(|e| lower.ends_with(e))
    {
        return false;
    }
    let word = |j: usize| tokens.get(j).map(|t| &s[t.clone()]);
    if !word(k + 1).is_some_and(|w| w.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit()))
    {
        return false;
    }
    (k + 1..k + 1 + MAX_WORDS).any(|j| {
        word(j).is_some_and(|w| w.ends_with(',') && !w.ends_with(",,"))
            && word(j + 1).is_some_and(|w| {
                let w = w.to_lowercase();
                let head = match w.find(['’', '\'']) {
                    Some(i) => &w[..i],
                    None => w.as_str(),
                };
                SUBJECT_PRONOUNS.contains(&w.as_str())
                    || DETERMINERS.contains(&w.as_str())
                    || (head.len() < w.len() && matches!(head, "l" | "j"))
            })
    })
}

/// Subject pronouns after the hyphen of an inversion (« Connaissez-vous »).
const INVERTED_PRONOUNS: &[&str] = &[
    "-je", "-tu", "-il", "-elle", "-on", "-nous", "-vous", "-ils", "-elles", "-ce",
];

const SUBJECT_PRONOUNS: &[&str] = &[
    "il", "elle", "ils", "elles", "on", "je", "j’", "tu", "nous", "vous",
];

/// Add a sentence of the source to the paragraph being read.
fn push_sentence(out: &mut Outline, para: &mut Vec<usize>, text: &str, glued: bool) {
    let id = out.sentences.len();
    out.sentences.push(Sentence {
        id,
        text: text.to_string(),
        glued,
    });
    para.push(id);
}

/// Close the paragraph being read (when it holds a sentence) into the last part.
fn end_paragraph(out: &mut Outline, para: &mut Vec<usize>) {
    if !para.is_empty() {
        last_part(out).paragraphs.push(std::mem::take(para));
    }
}

fn last_part(out: &mut Outline) -> &mut Part {
    if out.parts.is_empty() {
        out.parts.push(Part {
            heading: None,
            paragraphs: Vec::new(),
        });
    }
    let n = out.parts.len();
    &mut out.parts[n - 1]
}

fn push_heading(out: &mut Outline, text: &str, level: u8, how: &str) {
    let heading = Heading {
        // no heading ends on a semicolon (« tl;dr; ») or a dash (« Jour 8 —
        // De Akureyri à Au réveil … », the place left out)
        text: text.trim().trim_end_matches([';', ' ', '—']).to_string(),
        level: level.min(3),
        origin: HeadingOrigin::Source {
            how: how.to_string(),
        },
    };
    // two headings in a row: the first heads an empty part (see the end of `run`)
    out.parts.push(Part {
        heading: Some(heading),
        paragraphs: Vec::new(),
    });
}

/// `# Title` → ("Title", 1).
fn markdown_heading(line: &str) -> Option<(&str, u8)> {
    let hashes = line.chars().take_while(|c| *c == '#').count();
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let rest = &line[hashes..];
    if !rest.starts_with(' ') {
        return None;
    }
    let t = rest.trim().trim_end_matches('#').trim();
    if t.is_empty() {
        None
    } else {
        Some((t, hashes as u8))
    }
}

/// Undo Markdown backslash escapes of ASCII punctuation (`\*` → `*`).
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| n.is_ascii_punctuation()) {
            continue;
        }
        out.push(c);
    }
    out
}

/// Does the sentence after a question open on the pronoun and the verb of
/// its inversion, in the order of a statement (« Qu’avons-nous fait ? Nous
/// avons … », « Que pouvez-vous faire ? Vous pouvez … »)? `lower`: the
/// question's words, lowercase.
fn answer_echo(lower: &[String], after: &str, lex: &Lexicon) -> bool {
    let mut answer = french::words(after).map(str::to_lowercase);
    let (Some(pronoun), Some(verb)) = (answer.next(), answer.next()) else {
        return false;
    };
    lower.iter().any(|w| {
        let Some((head, person)) = w.rsplit_once('-') else {
            return false;
        };
        let head = french::elision::strip(head);
        matches!(person, "nous" | "vous")
            && person == pronoun
            && !head.contains('-')
            && head.chars().count() >= 2
            && lex.stem(head) == lex.stem(&verb)
    })
}

/// The questions of a text, indexed once by their last word, to tell whether
/// a question is asked twice without searching the whole text for each one.
struct Asked<'t> {
    text: &'t str,
    /// Byte offsets just after each « ? », by the last word before it.
    ends: HashMap<&'t str, Vec<usize>>,
}

impl<'t> Asked<'t> {
    /// Most occurrences of a last word compared with a question: beyond, the
    /// question is taken as asked once (a text of thousands of questions that
    /// end alike stays linear).
    const MAX_COMPARED: usize = 256;

    fn new(text: &'t str) -> Asked<'t> {
        let mut ends: HashMap<&str, Vec<usize>> = HashMap::default();
        for (i, _) in text.match_indices('?') {
            if let Some(word) = last_word(&text[..=i]) {
                ends.entry(word).or_default().push(i + 1);
            }
        }
        Asked { text, ends }
    }

    /// Does the question `q` recur word for word in the text, as a sentence
    /// of its own another time (after a space, a line break or the start)?
    fn again(&self, q: &str) -> bool {
        let q = q.trim();
        if !q.ends_with('?') {
            return false;
        }
        let Some(ends) = last_word(q).and_then(|w| self.ends.get(w)) else {
            return false;
        };
        ends.iter()
            .take(Self::MAX_COMPARED)
            .filter(|&&end| {
                end >= q.len()
                    && self.text.is_char_boundary(end - q.len())
                    && self.text[..end].ends_with(q)
                    && self.text[..end - q.len()]
                        .chars()
                        .next_back()
                        .is_none_or(char::is_whitespace)
            })
            .nth(1)
            .is_some()
    }
}

/// The last word with a letter or a digit among the last 256 bytes of `s`
/// (« passé » of « Que s’est-il passé ? »): the same for a question and for
/// the text where it ends.
fn last_word(s: &str) -> Option<&str> {
    let mut from = s.len().saturating_sub(256);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    s[from..]
        .split_whitespace()
        .rev()
        .find(|w| w.chars().any(char::is_alphanumeric))
}

/// Does the first sentence of `text` end with a question mark?
fn first_sentence_is_question(text: &str) -> bool {
    let mut chars = text.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        if matches!(c, '.' | '!' | '?' | '…') {
            let at_end = chars.peek().is_none_or(|(_, n)| n.is_whitespace());
            if at_end {
                return c == '?';
            }
        }
    }
    false
}

/// Content stems of a question: the parts of hyphenated inversions
/// ("pensez-vous") counted apart, stopwords and frequent verbs left out.
fn question_stems(text: &str, lex: &Lexicon) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in french::words(text) {
        for part in w.split(['-', '‑']) {
            if part.chars().count() < 3
                || lex.is_stopword(part)
                || lex.is_verb(part)
                || !part.chars().any(char::is_alphabetic)
            {
                continue;
            }
            let st = lex.stem(part);
            if st.chars().count() >= 2 && !out.contains(&st) {
                out.push(st);
            }
        }
    }
    out
}

/// Byte spans of white-space separated tokens.
fn token_spans(s: &str) -> Vec<std::ops::Range<usize>> {
    // (room for about as many tokens as the text has: a word and its space
    // take six bytes or more on average)
    let mut out = Vec::with_capacity(s.len() / 6 + 1);
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(st) = start.take() {
                out.push(st..i);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push(st..s.len());
    }
    out
}

/// Words written with a capital inside sentences (not at their start): names,
/// with the number of times they are.
fn proper_nouns(text: &str, splitter: &Splitter) -> HashMap<String, usize> {
    let mut out = HashMap::default();
    for r in splitter.split(text) {
        let s = &text[r];
        let toks = token_spans(s);
        for t in toks.iter().skip(1) {
            let w = &s[t.clone()];
            let prev_end = s[..t.start].trim_end();
            if prev_end.ends_with(['.', '!', '?', '«', ':']) {
                continue;
            }
            // `starts_upper` of the word's letters and digits: the first of
            // them is an uppercase letter (checked before they are copied)
            let first = w.chars().find(|c| c.is_alphanumeric());
            if first.is_some_and(|c| c.is_alphabetic() && c.is_uppercase()) {
                let w: String = w.chars().filter(|c| c.is_alphanumeric()).collect();
                *out.entry(w).or_insert(0) += 1;
            }
        }
    }
    out
}

/// Every word that occurs in lowercase somewhere in the text.
fn lowercase_words(text: &str) -> HashSet<String> {
    let mut out = HashSet::default();
    for w in french::words(text) {
        // copied the first time only
        if w.chars().next().is_some_and(char::is_lowercase) && !out.contains(w) {
            out.insert(w.to_string());
        }
    }
    out
}

/// The stems of the words a text writes in lowercase, worked out the first
/// time one is looked up (many texts never need them).
struct LowerStems<'a> {
    words: &'a HashSet<String>,
    lex: &'a Lexicon,
    stems: std::cell::OnceCell<HashSet<String>>,
}

impl<'a> LowerStems<'a> {
    fn new(words: &'a HashSet<String>, lex: &'a Lexicon) -> LowerStems<'a> {
        LowerStems {
            words,
            lex,
            stems: std::cell::OnceCell::new(),
        }
    }

    fn contains(&self, stem: &str) -> bool {
        self.stems
            .get_or_init(|| {
                let mut stems =
                    HashSet::with_capacity_and_hasher(self.words.len(), Default::default());
                stems.extend(self.words.iter().map(|w| self.lex.stem(w)));
                stems
            })
            .contains(stem)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn engine() -> (Structurer, Splitter, Lexicon) {
        let src = Source::embedded();
        (
            Structurer::load(&src).unwrap(),
            Splitter::load(&src).unwrap(),
            Lexicon::load(&src).unwrap(),
        )
    }

    fn headings(o: &Outline) -> Vec<String> {
        o.parts
            .iter()
            .filter_map(|p| p.heading.as_ref().map(|h| h.text.clone()))
            .collect()
    }

    #[test]
    fn rule_file_examples() {
        let (st, sp, lex) = engine();
        for ex in &st.rules.examples {
            let o = st.run(&ex.text, &sp, &lex);
            assert_eq!(headings(&o), ex.headings, "in: {}", ex.text);
        }
    }

    #[test]
    fn a_question_is_asked_again_only_as_a_whole_sentence() {
        let text = "Que s’est-il passé ? Rien. Premier incident Que s’est-il passé ? \
                    Et ensuite, que s’est-il passé ? Où ?";
        let asked = Asked::new(text);
        assert!(asked.again("Que s’est-il passé ?"));
        // asked once only
        assert!(!asked.again("Et ensuite, que s’est-il passé ?"));
        assert!(!asked.again("Où ?"));
        assert!(!asked.again("Rien."));
    }

    #[test]
    fn markdown_and_lines_kept() {
        let (st, sp, lex) = engine();
        let o = st.run("# Le titre\n\nUne première phrase assez longue pour un paragraphe.\n\n## La suite\n\nUne autre phrase du texte qui suit ici.", &sp, &lex);
        assert_eq!(o.title.as_deref(), Some("Le titre"));
        assert_eq!(headings(&o), ["La suite"]);
        assert_eq!(o.sentences.len(), 2);
    }
}
