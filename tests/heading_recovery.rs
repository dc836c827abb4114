//! Heading recovery (structure stage): question headings and lone-word headings
//! are recovered from flat and line-preserving scrapes, and questions of the
//! prose, names and lists are left in the text. Texts written for the project.
mod common;

use assert_cmd::Command;
use common::*;
use rubrique::french::Lexicon;
use rubrique::rules::Source;
use rubrique::sentences::Splitter;
use rubrique::structure::{Outline, Structurer};

fn engine() -> (Structurer, Splitter, Lexicon) {
    let src = Source::embedded();
    (
        Structurer::load(&src).unwrap(),
        Splitter::load(&src).unwrap(),
        Lexicon::load(&src).unwrap(),
    )
}

fn headings(text: &str) -> Vec<String> {
    let (st, sp, lex) = engine();
    let o: Outline = st.run(text, &sp, &lex);
    o.parts
        .iter()
        .filter_map(|p| p.heading.as_ref().map(|h| h.text.clone()))
        .collect()
}

/// Headings the `rewrite` command took from the source (not generated ones).
fn source_headings(input: &str) -> Vec<String> {
    let out = Command::cargo_bin("rubrique")
        .unwrap()
        .args(["rewrite", "--format", "json", "-"])
        .write_stdin(input.as_bytes().to_vec())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["sections"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| {
            let h = &s["heading"];
            (h.is_object() && h["origin"] != "generated")
                .then(|| h["text"].as_str().unwrap().to_string())
        })
        .collect()
}

#[test]
fn prose_with_questions_and_no_headings_gets_no_recovered_heading() {
    // the FAQ fixture with its headings removed: only the questions of the
    // prose are left, and none of them is a heading
    let g = gold("jardins");
    let mut parts: Vec<String> = g.sections.iter().map(|s| s.paragraphs.join(" ")).collect();
    parts.push(g.junk.join(" "));
    let found = source_headings(&parts.join(" "));
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn faq_questions_glued_to_the_prose_are_headings() {
    let text = "Le marché couvert de Saint-Rémi rouvre ses portes après deux ans de travaux. \
Les commerçants ont retrouvé leurs étals et la halle a gardé sa charpente métallique d’origine. \
Beaucoup de clients se demandent ce qui a changé. \
Quels sont les nouveaux horaires du marché couvert ? \
Le marché couvert ouvre désormais du mardi au dimanche, de sept heures à quatorze heures. \
Le vendredi, les horaires sont prolongés jusqu’à dix-neuf heures pour les clients qui travaillent. \
Les livraisons des commerçants se font avant l’ouverture, par une entrée réservée. \
Pourquoi avez-vous rénové la charpente ? \
La charpente menaçait de rouiller sous la verrière, explique l’architecte du chantier. \
Il a fallu démonter chaque poutre, la traiter puis la remonter à sa place.";
    assert_eq!(
        headings(text),
        [
            "Quels sont les nouveaux horaires du marché couvert ?",
            "Pourquoi avez-vous rénové la charpente ?"
        ]
    );
}

#[test]
fn questions_of_the_prose_stay_in_the_text() {
    // a series of questions, a question after a comma aside, a yes-no
    // question on what was just said, a question opening on a connector
    let text = "La piscine municipale ferme tout l’été pour une vidange complète des bassins. \
Les nageurs du club devront s’entraîner dans la commune voisine pendant dix semaines. \
Que faire des cours de natation pour les enfants ? Que proposer aux retraités du matin ? \
La mairie promet des navettes gratuites trois fois par semaine. \
Est-ce vraiment suffisant pour tout le monde ? \
Les familles en doutent et une pétition circule déjà dans le quartier des Tilleuls. \
Et vous, comment nagerez-vous cet été ? \
Le club répondra aux questions des parents lors de sa prochaine assemblée générale. \
Mais qui paiera le surcoût des navettes du club ? \
Le budget de la commune prévoit une ligne spéciale pour ces transports.";
    assert!(headings(text).is_empty(), "{:?}", headings(text));
}

#[test]
fn a_question_line_between_prose_lines_is_a_heading() {
    let text = "Le refuge du col accueille les randonneurs de juin à septembre.\n\
Il compte quarante places en dortoir et une salle commune chauffée au bois, ouverte à tous les marcheurs de passage, même sans réservation pour le repas.\n\
Comment réserver une nuit au refuge du col ?\n\
La réservation d’une nuit au refuge se fait par téléphone, au plus tard la veille avant midi.\n\
Est-ce cher ?\n\
Une nuit coûte vingt euros, le repas du soir est compté à part et se prend à dix-neuf heures.";
    assert_eq!(
        headings(text),
        ["Comment réserver une nuit au refuge du col ?"]
    );
}

#[test]
fn a_complex_inversion_on_its_own_line_stays_in_the_text() {
    // "les riverains … attendent-ils": the subject taken up by a pronoun
    let text = "Le chantier du pont de la Vienne devait durer six mois et en est à son quinzième.\n\
Les riverains ont vu les engins repartir en août, puis revenir en octobre, sans explication de la part du département.\n\
Pourquoi les riverains du pont attendent-ils encore la fin du chantier ?\n\
Le département évoque un retard de livraison des poutres du pont, commandées à une usine qui a fermé pendant deux mois.";
    assert!(headings(text).is_empty(), "{:?}", headings(text));
}

#[test]
fn questions_of_a_questionnaire_are_not_headings() {
    // each question is followed by its answers, not by prose
    let text = "Nous avons interrogé les habitants sur leurs trajets quotidiens pendant tout le mois de mars.\n\
Utilisez-vous le vélo pour aller au travail ou à l’école ?\n\
Oui : 120 Non : 85 Parfois : 40\n\
Quel est votre principal frein à la pratique du vélo en ville ?\n\
Sécurité : 98 Distance : 52 Météo : 37";
    assert!(headings(text).is_empty(), "{:?}", headings(text));
}

#[test]
fn a_lone_word_before_a_sentence_start_is_a_heading_but_not_a_name() {
    let text = "La saison des fouilles s’est achevée fin août sur le plateau, après trois mois de travail. \
Bilan Le chantier a livré plus de deux cents objets, dont une fibule en bronze presque intacte. \
Les archéologues les présenteront à l’automne dans la salle des fêtes.";
    assert_eq!(headings(text), ["Bilan"]);
    let names = "Le conseil municipal s’est réuni mardi soir pour voter le budget annexe. \
Ronan Le Goff a présenté les comptes de la régie des eaux devant une salle comble. \
Les habitants présents ont ensuite posé leurs questions.";
    assert!(headings(names).is_empty(), "{:?}", headings(names));
}

#[test]
fn capitalised_words_never_written_in_lowercase_are_not_a_heading() {
    // what share buttons leave behind, glued before a sentence
    let text =
        "Le conseil départemental a voté une aide de deux millions d’euros pour les routes. \
Partager Tweeter Imprimer Ce budget servira d’abord à refaire les chaussées abîmées par le gel.";
    assert!(headings(text).is_empty(), "{:?}", headings(text));
}

#[test]
fn a_long_author_section_goes_on_under_subheadings_of_its_own() {
    // one author's heading over some 450 words: the pieces after the first
    // get generated `###` headings, so the author's section stays one `##`
    let school = "Le conseil municipal a voté le budget des écoles pour l’année prochaine. Les cantines serviront davantage de produits locaux et de saison. ";
    let sport = "Le club de football local a remporté son match de dimanche. Les supporters ont fêté la victoire jusque tard dans la soirée. ";
    let text = format!(
        "# La vie de la commune\n\nLa commune prépare une rentrée chargée pour les familles et les associations.\n\n## Les écoles et le sport\n\n{}{}\n",
        school.repeat(9),
        sport.repeat(9)
    );
    let out = Command::cargo_bin("rubrique")
        .unwrap()
        .args(["rewrite", "-"])
        .write_stdin(text.into_bytes())
        .output()
        .unwrap();
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    let body: Vec<&str> = md
        .lines()
        .skip_while(|l| !l.starts_with("## Les écoles et le sport"))
        .collect();
    assert!(!body.is_empty(), "the author's heading is kept:\n{md}");
    // up to the expansion sections, which start with their own `##`
    let source_part: Vec<&str> = body[1..]
        .iter()
        .copied()
        .take_while(|l| !l.starts_with("## "))
        .collect();
    let subheads = source_part.iter().filter(|l| l.starts_with("### ")).count();
    assert!(
        subheads >= 1,
        "the long section is split under ### headings:\n{md}"
    );
    assert!(
        source_part.iter().any(|l| l.contains("football")),
        "the football sentences stay under the author's heading:\n{md}"
    );
}
