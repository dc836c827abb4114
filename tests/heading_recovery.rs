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
fn a_page_that_opens_on_its_first_question_heads_it() {
    // a page of questions and answers opens on a question on an
    // interrogative word; « Est-ce que … ? » is the interrogative locution,
    // not a « ce » that points back
    let text = "Qu’est-ce qu’une ressourcerie ? \
Une ressourcerie collecte les objets dont les habitants n’ont plus l’usage, les répare et les revend à petit prix. \
Celle du quartier des Forges emploie douze salariés en insertion et reçoit plus de trois tonnes d’objets par mois. \
Les meubles, les vélos et la vaisselle partent le plus vite, souvent dans la semaine qui suit leur dépôt. \
Est-ce que la ressourcerie reprend les appareils électriques en panne ? \
Les appareils électriques sont acceptés s’ils sont complets, même en panne. \
Un atelier les teste le mardi et ceux qui ne peuvent pas être réparés partent vers une filière de recyclage.";
    assert_eq!(
        headings(text),
        [
            "Qu’est-ce qu’une ressourcerie ?",
            "Est-ce que la ressourcerie reprend les appareils électriques en panne ?"
        ]
    );
    // a lead that asks turns to the reader: no heading
    let hook = "Vous cherchez une commode ou un vélo d’occasion ? \
La ressourcerie du quartier des Forges revend à petit prix les objets que les habitants lui confient. \
Elle emploie douze salariés en insertion et reçoit plus de trois tonnes d’objets par mois.";
    assert!(headings(hook).is_empty(), "{:?}", headings(hook));
}

#[test]
fn a_question_on_a_demonstrative_pronoun_stays_in_the_prose() {
    // « Cela », « Ça » point back at what was just said
    let text = "Le taux d’activation mesure la part des visiteurs qui créent un compte puis l’utilisent dans la semaine. \
La rétention mesure ensuite la part de ceux qui reviennent au bout d’un mois, puis de trois mois. \
Cela vous parle ? \
Ces deux métriques suffisent à piloter la plupart des produits numériques de l’administration pendant leur première année.";
    assert!(headings(text).is_empty(), "{:?}", headings(text));
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
fn an_aside_or_est_ce_que_question_line_is_a_heading_too() {
    // alone on its line, an aside that names one thing, and « Est-ce que »
    let text = "Le refuge du col accueille les randonneurs de juin à septembre.\n\
Il compte quarante places en dortoir et une salle commune chauffée au bois, ouverte à tous les marcheurs de passage.\n\
Et la réservation dans tout ça ?\n\
La réservation d’une nuit au refuge se fait par téléphone, au plus tard la veille avant midi.\n\
Est-ce que c’est cher ?\n\
Une nuit coûte vingt euros, le repas du soir est compté à part et se prend à dix-neuf heures.";
    assert_eq!(
        headings(text),
        [
            "Et la réservation dans tout ça ?",
            "Est-ce que c’est cher ?"
        ]
    );
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
fn a_complex_inversion_stays_in_the_text_unless_alone_on_its_line() {
    // "les riverains … attendent-ils": the subject taken up by a pronoun, a
    // question of the prose inside a paragraph
    let text = "Le chantier du pont de la Vienne devait durer six mois et en est à son quinzième. \
Les riverains ont vu les engins repartir en août, puis revenir en octobre, sans explication de la part du département. \
Pourquoi les riverains du pont attendent-ils encore la fin du chantier ? \
Le département évoque un retard de livraison des poutres du pont, commandées à une usine qui a fermé pendant deux mois.";
    assert!(headings(text).is_empty(), "{:?}", headings(text));
    // alone on its line between lines of prose, it heads its answer (« Comment
    // Kubernetes est-il une plate-forme ? »: in the line scrapes of the gold
    // sets, such lines are headings, prose paragraphs hardly ever one question)
    let lines = text.replace(". ", ".\n").replace("? ", "?\n");
    assert_eq!(
        headings(&lines),
        ["Pourquoi les riverains du pont attendent-ils encore la fin du chantier ?"]
    );
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

/// The headings of `text` and whether every one of `kept` is a sentence of
/// its body.
fn headings_keeping(text: &str, kept: &[&str]) -> Vec<String> {
    let (st, sp, lex) = engine();
    let o: Outline = st.run(text, &sp, &lex);
    for k in kept {
        assert!(
            o.sentences.iter().any(|s| s.text.trim() == *k),
            "« {k} » left the text: {:?}",
            o.parts
                .iter()
                .filter_map(|p| p.heading.as_ref().map(|h| h.text.clone()))
                .collect::<Vec<_>>()
        );
    }
    o.parts
        .iter()
        .filter_map(|p| p.heading.as_ref().map(|h| h.text.clone()))
        .collect()
}

#[test]
fn a_bare_question_opening_a_paragraph_stays_in_the_text() {
    // « Pourquoi ? » names nothing: it asks for the paragraph it opens
    let lines = "Le jardin partagé du quartier des Tilleuls fête ses cinq ans. Les habitants y cultivent des légumes, des fleurs et des plantes aromatiques sur des parcelles que la mairie prête gratuitement à chaque famille inscrite.\n\n\
Des parcelles plus petites\n\n\
Pourquoi ? Les familles sont de plus en plus nombreuses à demander une parcelle, et la liste d’attente dépasse désormais deux ans. L’association a donc choisi de diviser les grandes parcelles en deux.\n\n\
Un compost collectif\n\n\
Pourquoi ? Les déchets verts des parcelles finissaient trop souvent dans les poubelles ordinaires. Le compost collectif les transforme en terreau pour tout le jardin.\n";
    assert_eq!(
        headings_keeping(lines, &["Pourquoi ?"]),
        ["Des parcelles plus petites", "Un compost collectif"]
    );
    let flat = "La commune a confié le jardin à une association, qui en organise l’entretien avec les habitants du quartier depuis maintenant cinq ans : tout est partagé. \
Pourquoi ? Car la mairie n’avait pas les moyens d’y affecter un jardinier. Le jardin reste ouvert à tous le week-end.";
    assert!(headings_keeping(flat, &["Pourquoi ?"]).is_empty());
}

#[test]
fn a_short_question_with_an_inverted_verb_stays_in_the_text() {
    // « Connaissez-vous … ? » holds a verb: not a verbless heading
    let text = "Connaissez-vous le marché flottant ? Il ouvre chaque dimanche matin sur le canal, de mai à septembre, et réunit une trentaine de producteurs venus des villages voisins. \
Les visiteurs achètent les légumes directement depuis les barques des maraîchers.";
    assert!(headings_keeping(text, &["Connaissez-vous le marché flottant ?"]).is_empty());
}

#[test]
fn numbered_headings_are_recovered() {
    let flat = "La commune a présenté lundi son plan pour les espaces verts des dix prochaines années, après une longue consultation des habitants et des associations de quartier. \
Voici les trois priorités retenues par le conseil municipal. \
1. Un parc dans chaque quartier Les élus veulent qu’aucun habitant ne vive à plus de dix minutes à pied d’un parc. \
Trois nouveaux parcs seront créés d’ici à 2030 dans les quartiers qui en manquent. \
2. Des arbres dans toutes les rues Les services de la ville planteront deux mille arbres le long des rues les plus chaudes. \
Les essences seront choisies pour résister aux étés secs.";
    assert_eq!(
        headings(flat),
        [
            "1. Un parc dans chaque quartier",
            "2. Des arbres dans toutes les rues"
        ]
    );
    let lines = "La commune a présenté lundi son plan pour les espaces verts des dix prochaines années, après une longue consultation des habitants.\n\n\
1. Un parc dans chaque quartier\n\n\
Les élus veulent qu’aucun habitant ne vive à plus de dix minutes à pied d’un parc. Trois nouveaux parcs seront créés d’ici à 2030.\n\n\
2. Des arbres dans toutes les rues\n\n\
Les services de la ville planteront deux mille arbres le long des rues les plus chaudes.\n";
    assert_eq!(
        headings(lines),
        [
            "1. Un parc dans chaque quartier",
            "2. Des arbres dans toutes les rues"
        ]
    );
    // numbered lines one after the other are the items of a list
    let list =
        "Pour bien commencer, il suffit de suivre trois étapes simples que le guide détaille.\n\
1. Choisir un bac\n\
2. Le remplir de terre\n\
Le guide complet est disponible à l’accueil de la mairie et sur le site de la commune.\n";
    assert!(headings(list).is_empty(), "{:?}", headings(list));
}

#[test]
fn a_list_announced_by_a_colon_is_not_a_subtitle() {
    // the capitalised determiner after the colon opens the first item
    let text = "Passer au vélo change la manière de se déplacer en ville, et beaucoup de nouveaux cyclistes cherchent des conseils pour bien commencer. \
Une bonne selle et des pneus bien gonflés font déjà une grande différence sur les trajets de tous les jours. \
Quelques lectures pour aller plus loin : Le guide du cycliste urbain L’histoire des pistes cyclables en Europe Les bons réflexes pour rouler sous la pluie \
Le réseau des ateliers de réparation propose aussi des cours gratuits chaque samedi.";
    assert!(headings(text).is_empty(), "{:?}", headings(text));
}

#[test]
fn a_heading_glued_before_a_short_question_is_cut_there() {
    let text = "La commune a présenté lundi son plan pour rénover la halle du marché, fermée depuis l’hiver dernier après la chute d’une partie de la toiture pendant une tempête. \
2. Le calendrier des travaux Pourquoi ? Les commerçants veulent rouvrir avant l’été, quand le marché attire le plus de monde. \
Les travaux commenceront donc dès le mois de mars et dureront trois mois.";
    assert_eq!(
        headings_keeping(text, &["Pourquoi ?"]),
        ["2. Le calendrier des travaux"]
    );
}

#[test]
fn questions_the_prose_lists_about_a_third_party_stay_in_the_text() {
    // not an interviewer's questions: they ask about the garden, not the reader
    let text = "Une association qui demande une subvention doit préparer son dossier avec soin, car les financeurs reçoivent chaque année bien plus de demandes qu’ils ne peuvent en accepter. \
Que vous cherchiez à financer un local ou à payer un salarié, vous devriez être en mesure de répondre aux questions suivantes. \
Pourquoi ce jardin est-il utile ? Pourquoi vos voisins, ou les habitants du quartier, l’apprécient-ils autant ? Où sera-t-il dans dix ans ? \
Essayez de rassembler des preuves que votre jardin compte, que ce soit des chiffres, des photos ou des témoignages d’habitants.";
    assert!(
        headings_keeping(text, &["Pourquoi ce jardin est-il utile ?"]).is_empty(),
        "{:?}",
        headings(text)
    );
}

#[test]
fn a_noun_subject_taken_up_by_an_impersonal_form_stays_in_the_text() {
    // « Le comité … a-t-il » is the complex inversion of the prose, even
    // with a verb that « Y a-t-il » uses impersonally
    let text = "Les habitants peuvent proposer chaque année des projets pour embellir leur rue, et la mairie consacre désormais un budget spécial à ces idées venues des quartiers. \
Plus de quarante dossiers ont été déposés au printemps, un record depuis la création du dispositif il y a six ans. \
Le comité de quartier a-t-il des règles pour choisir les projets ? \
Les règles du comité de quartier privilégient les projets les moins chers et ceux qui profitent au plus grand nombre d’habitants. Le vote a lieu en juin.";
    assert!(
        headings_keeping(
            text,
            &["Le comité de quartier a-t-il des règles pour choisir les projets ?"]
        )
        .is_empty(),
        "{:?}",
        headings(text)
    );
}

#[test]
fn a_heading_line_before_a_question_line_is_a_heading() {
    // the section opens on the question it answers; the question stays in
    // the text
    let text = "La piscine municipale a fermé ses portes pendant trois semaines au mois de juin. Nous vous devions quelques explications.\n\
La panne de la chaudière\n\
Que s’est-il passé ?\n\
La chaudière qui chauffe les bassins est tombée en panne le premier jour des vacances, et la pièce à changer n’était plus fabriquée depuis longtemps.\n\
Il a fallu la faire refaire sur mesure par un atelier de la région.\n";
    assert_eq!(
        headings_keeping(text, &["Que s’est-il passé ?"]),
        ["La panne de la chaudière"]
    );
}

#[test]
fn two_inlined_headings_in_a_row_are_told_apart() {
    // « Répartir » is capitalised after a lowercase word: a second heading
    // starts there, and heads the text that follows; the first is the title
    // over it, one level up
    let text = "La piscine municipale accueille chaque semaine des centaines de nageurs, des écoles du quartier aux clubs de plongée, et les demandes de créneaux ne cessent de croître depuis la rénovation des bassins. \
Le planning des créneaux Répartir les lignes d’eau Les maîtres-nageurs répartissent les lignes d’eau chaque lundi entre les écoles, les clubs et le public. \
Ils affichent le planning à l’entrée de la piscine. \
Les clubs doivent répartir leurs nageurs par niveau, et le planning change chaque trimestre.";
    assert_eq!(
        heading_levels(text),
        [
            ("Le planning des créneaux".to_string(), 2),
            ("Répartir les lignes d’eau".to_string(), 3)
        ]
    );
}

#[test]
fn an_imperative_opens_the_sentence_after_a_heading() {
    // « Installez le … » opens a sentence of a guide: the words before it,
    // taken up after it, are a heading
    let text = "Le compost de quartier réduit les déchets de chaque immeuble, et de plus en plus de copropriétés veulent installer leur propre bac dans la cour. \
Choisir un emplacement pour le bac Installez le bac à l’ombre et loin des fenêtres, car un emplacement bien choisi évite les odeurs. \
Les vers font ensuite le travail.";
    assert_eq!(headings(text), ["Choisir un emplacement pour le bac"]);
}

#[test]
fn an_infinitive_heading_inside_a_sentence_is_recovered() {
    // both full stops are missing: a capitalised infinitive after a word, and
    // a capitalised « Au-delà » after a lowercase word, frame the heading
    let text = "Les associations du quartier financent leurs projets de bien des manières, et chacune a trouvé la sienne au fil des années. \
La chorale a par exemple payé ses partitions grâce à une campagne sur Ulule Trouver des fonds pour votre projet Au-delà des dons, les associations peuvent demander des subventions à la commune ou au département. \
Les dossiers se déposent avant la fin de l’année.";
    assert_eq!(
        headings_keeping(
            text,
            &["La chorale a par exemple payé ses partitions grâce à une campagne sur Ulule"]
        ),
        ["Trouver des fonds pour votre projet"]
    );
    // capitalised infinitives in a row are the items of a list run together
    let list = "Le plan de l’association tient en quelques lignes et sera voté en assemblée générale au mois de mars. \
Les objectifs sont les suivants Réduire les déchets du marché Trouver des bénévoles pour le tri Les habitants pourront proposer d’autres idées lors de la réunion.";
    assert!(headings(list).is_empty(), "{:?}", headings(list));
}

fn heading_levels(text: &str) -> Vec<(String, u8)> {
    let (st, sp, lex) = engine();
    let o: Outline = st.run(text, &sp, &lex);
    o.parts
        .iter()
        .filter_map(|p| p.heading.as_ref().map(|h| (h.text.clone(), h.level)))
        .collect()
}

#[test]
fn title_line_over_a_subheading_line_is_kept_one_level_up() {
    let text = "La médiathèque prépare sa rentrée avec une équipe renforcée et de nouveaux horaires.\n\
                Les bénévoles ont été nombreux à répondre à l’appel lancé au printemps dernier.\n\
                Quelques conseils pratiques\n\
                Réserver ses livres en ligne\n\
                Le catalogue est désormais consultable depuis chez soi, et chaque lecteur peut mettre de côté jusqu’à cinq ouvrages par semaine.\n\
                Venir aux bonnes heures\n\
                Le samedi matin reste le moment le plus chargé, alors que les mardis après-midi sont beaucoup plus calmes pour les familles.\n";
    let h = heading_levels(text);
    assert_eq!(
        h,
        vec![
            ("Quelques conseils pratiques".to_string(), 2),
            ("Réserver ses livres en ligne".to_string(), 3),
            ("Venir aux bonnes heures".to_string(), 2),
        ]
    );
    // the rewritten article shows both the title and its first subheading
    let hs = source_headings(&format!(
        "{text}{}",
        "Les horaires d’été restent en vigueur jusqu’à la fin du mois, puis la médiathèque ouvrira aussi le dimanche matin.\n"
    ));
    assert!(
        hs.contains(&"Quelques conseils pratiques".to_string()),
        "{hs:?}"
    );
    assert!(
        hs.contains(&"Réserver ses livres en ligne".to_string()),
        "{hs:?}"
    );
}

#[test]
fn inlined_title_before_an_inlined_infinitive_heading_is_kept() {
    let text = "La médiathèque prépare sa rentrée avec une équipe renforcée et de nouveaux horaires. \
                Les bénévoles ont été nombreux à répondre à l’appel lancé au printemps dernier. \
                Quelques conseils utiles Réserver ses livres en ligne Depuis le mois de juin, le catalogue est consultable depuis chez soi et chaque lecteur peut réserver cinq ouvrages. \
                Il suffit de réserver avant jeudi pour retirer les livres le samedi.";
    let h = heading_levels(text);
    assert_eq!(
        h,
        vec![
            ("Quelques conseils utiles".to_string(), 2),
            ("Réserver ses livres en ligne".to_string(), 3),
        ]
    );
}

#[test]
fn a_short_exclamation_in_the_imperative_is_a_heading() {
    let prose = "Le jardin partagé du quartier accueille chaque samedi une vingtaine de bénévoles, qui arrosent, désherbent et récoltent ensemble les légumes de saison. \
Les enfants de l’école voisine y viennent aussi le jeudi, et chacun repart avec un panier.";
    let after = "Les premières récoltes sont souvent maigres, mais la terre s’enrichit d’année en année grâce au compost.";
    // glued into the prose
    let flat = format!("{prose} Patientez ! {after} Il faut compter trois saisons.");
    assert_eq!(headings(&flat), ["Patientez !"]);
    // on a line of its own
    let lines = format!("{prose}\nPatientez !\n{after}\nIl faut compter trois saisons.\n");
    assert_eq!(headings(&lines), ["Patientez !"]);
    // an exclamation of the prose that is no imperative stays in the text
    let prose_only = format!("{prose} Quelle belle surprise ! {after}");
    assert!(
        headings(&prose_only).is_empty(),
        "{:?}",
        headings(&prose_only)
    );
}

#[test]
fn a_stock_heading_after_a_colon_whose_announcement_was_lost_is_a_heading() {
    // the scrape lost what the colon announced (a picture, a block of code):
    // « En conclusion » and a sentence start follow it
    let prose = "La bibliothèque a changé de logiciel de prêt cet été, et la bascule a demandé deux semaines de travail à toute l’équipe. \
Nous avons écrit un petit programme pour copier les fiches des lecteurs. \
Voici le tableau des étapes suivies :";
    let after =
        "Cette migration nous a appris beaucoup de choses sur nos sauvegardes et sur nos outils.";
    let flat = format!("{prose} En conclusion {after} Le prochain chantier sera le portail.");
    assert_eq!(headings(&flat), ["En conclusion"]);
    let lines = format!("{prose}\nEn conclusion\n{after}\nLe prochain chantier sera le portail.\n");
    assert_eq!(headings(&lines), ["En conclusion"]);
    // any other line announced by a colon stays in the text
    let list = format!("{prose}\nLes fiches des lecteurs\n{after}\n");
    assert!(headings(&list).is_empty(), "{:?}", headings(&list));
    // after a line of code whose closing backquote the scrape kept
    let code = format!("{prose} `rsync -a /srv/fiches /sauvegarde` En conclusion {after} Le prochain chantier sera le portail.");
    assert_eq!(headings(&code), ["En conclusion"]);
}

#[test]
fn an_imperative_heading_may_end_on_its_pronoun_object() {
    // « Documentez tout »: « tout » closes the heading, it does not dangle
    let text = "Quand les bénévoles travaillent sur ce qui les intéresse, il y a moins de pression pour tout faire soi-même et le projet avance plus vite. Documentez tout Lorsque vous démarrez un nouveau projet, il peut sembler naturel de garder votre travail privé. Mais les projets ouverts gagnent à tout écrire.";
    assert_eq!(headings(text), ["Documentez tout"]);
}

#[test]
fn a_credit_line_is_no_heading_and_a_heading_over_it_stays_one() {
    // a line scrape: heading, the credit of the picture under it, then text
    let lines = "Le conseil municipal a adopté lundi soir le nouveau plan de circulation du centre-ville, après trois heures de débat et plusieurs amendements de l’opposition.\n\nUne rue pour les piétons\n\nCC BY-SA 4.0 - Place du marché - Studio Lumière\n\nLa rue du Marché deviendra piétonne dès le mois de juin, avec des livraisons autorisées le matin seulement et des bancs installés devant les commerces.\n";
    let hs = headings_keeping(lines, &["CC BY-SA 4.0 - Place du marché - Studio Lumière"]);
    assert_eq!(hs, ["Une rue pour les piétons"], "{hs:?}");
    // the same credit glued in flat text heads nothing
    let flat = lines
        .replace("\n\n", " ")
        .replace("Une rue pour les piétons ", "");
    let hs = headings(&flat);
    assert!(hs.iter().all(|h| !h.contains("CC BY")), "{hs:?}");
}

#[test]
fn a_heading_line_ending_on_a_negation_is_a_heading() {
    // « pas » closes the negation « ne … pas »: the line does not stop on a
    // dangling function word
    let text = "Monter une troupe de théâtre amateur demande du temps, et les premières représentations attirent rarement plus d’une vingtaine de spectateurs.\n\
Répétez et ne renoncez pas\n\
Les troupes qui durent sont celles qui jouent souvent, dans les écoles, les maisons de retraite et les fêtes de quartier, même devant une petite salle.\n";
    assert_eq!(headings(text), ["Répétez et ne renoncez pas"]);
}

#[test]
fn a_heading_line_may_end_on_a_short_qualifier_in_parentheses() {
    let text = "Les clubs de lecture se multiplient dans la région, portés par des bibliothécaires et des libraires qui cherchent à faire venir de nouveaux lecteurs.\n\
Trouver des lecteurs près de chez soi (hors ligne)\n\
Les affiches chez les commerçants et les annonces au marché restent les meilleurs moyens de réunir une dizaine de personnes dès la première séance.\n\
Les lecteurs viennent ensuite d’eux-mêmes.\n";
    assert_eq!(
        headings(text),
        ["Trouver des lecteurs près de chez soi (hors ligne)"]
    );
}

#[test]
fn guide_headings_in_the_imperative_or_the_infinitive_are_recovered_from_a_flat_scrape() {
    // a how-to guide: each section opens on a sentence in the imperative or
    // the infinitive, glued after a heading that lost its full stop
    let text = "L’association des jardins partagés du quartier accueille chaque printemps de nouveaux bénévoles, venus de toute la ville pour cultiver une parcelle et apprendre auprès des anciens. Beaucoup repartent pourtant au bout de quelques semaines, faute d’avoir trouvé leur place dans le groupe, et les anciens ne savent pas toujours comment les aider. Le traitement des demandes prend du temps, et chaque essai compte. \
Aidez les nouveaux venus à trouver leur place dans l’association Aidez chaque nouveau bénévole à rencontrer les anciens en l’invitant aux réunions du jeudi soir. Présentez-lui les parcelles et les outils communs dès sa première visite. Les bénévoles qui se sentent attendus reviennent plus souvent. \
Recueillir des informations sur les besoins du jardin Traitez chaque demande des jardiniers avec la même attention, qu’elle vienne d’un ancien ou d’un nouveau venu. Notez les besoins dans un carnet partagé au local. Les réponses arrivent ainsi plus vite. \
Gagnez du temps grâce à des outils partagés et à un calendrier commun Trouver des outils communs fonctionne bien si l’équipe est déjà organisée. Le local prête les bêches, les arrosoirs et les brouettes aux adhérents. \
Expérimentez et n’abandonnez pas Il n’est pas facile de faire vivre un jardin collectif pendant plusieurs années. Les premières saisons sont souvent les plus difficiles pour les équipes. \
Traction Essayez de recueillir des preuves que le jardin compte pour le quartier, par exemple le nombre de visiteurs ou de paniers distribués. Les chiffres aident à convaincre la mairie de renouveler la convention.";
    let got = source_headings(text);
    for h in [
        "Aidez les nouveaux venus à trouver leur place dans l’association",
        "Recueillir des informations sur les besoins du jardin",
        "Gagnez du temps grâce à des outils partagés et à un calendrier commun",
        "Expérimentez et n’abandonnez pas",
        "Traction",
    ] {
        assert!(got.iter().any(|g| g == h), "{h:?} not recovered: {got:?}");
    }
    // the sentences after them stay whole in the text
    let md = Command::cargo_bin("rubrique")
        .unwrap()
        .args(["rewrite", "-"])
        .write_stdin(text.as_bytes().to_vec())
        .output()
        .unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    for s in [
        "Aidez chaque nouveau bénévole à rencontrer les anciens",
        "Traitez chaque demande des jardiniers",
        "Trouver des outils communs fonctionne bien",
        "Essayez de recueillir des preuves",
    ] {
        assert!(md.contains(s), "{s:?} lost:\n{md}");
    }
}

#[test]
fn a_name_in_ez_after_a_noun_is_not_read_as_an_imperative() {
    let text = "Le projet de médiathèque a franchi une étape décisive cet automne, après deux années de concertation avec les habitants du quartier et les associations de lecteurs. Une rencontre avec l’architecte Lopez la semaine dernière a permis de fixer le calendrier des travaux. Les premiers plans montrent une grande salle de lecture ouverte sur le jardin. Les habitants pourront aider à choisir le mobilier lors d’ateliers publics. Un essai de mobilier aura lieu en mars dans la salle des fêtes.";
    assert_eq!(headings(text), Vec::<String>::new());
}

#[test]
fn a_question_asked_again_under_each_heading_line_heads_a_subsection() {
    let text = "La médiathèque a connu deux pannes cet hiver, et l’équipe a voulu expliquer aux lecteurs ce qui s’était passé chaque fois.\n\
Première panne : le catalogue en ligne\n\
Que s’est-il passé ?\n\
Le serveur qui héberge le catalogue a manqué de place, et les lecteurs ne pouvaient plus réserver de livres depuis chez eux pendant deux jours.\n\
Seconde panne : les bornes de prêt\n\
Que s’est-il passé ?\n\
Une mise à jour des bornes a effacé leurs réglages, et les prêts ont dû être enregistrés à la main à l’accueil pendant toute une matinée.\n";
    let level = |h: &str, l: u8| (h.to_string(), l);
    assert_eq!(
        heading_levels(text),
        vec![
            level("Première panne : le catalogue en ligne", 2),
            level("Que s’est-il passé ?", 3),
            level("Seconde panne : les bornes de prêt", 2),
            level("Que s’est-il passé ?", 3),
        ]
    );
}

#[test]
fn a_question_line_answered_in_its_own_words_is_a_heading() {
    // « Qu’avons-nous fait ? » names nothing, but the answer takes up its
    // inversion (« Nous avons … »)
    let text = "Le club de football du quartier a perdu son terrain d’entraînement au printemps, après la vente de la parcelle par la commune à un promoteur qui doit y bâtir une quarantaine de logements.\n\
Qu’avons-nous fait ?\n\
Nous avons aussitôt écrit au maire pour demander un terrain de remplacement, et il nous a reçus la semaine suivante avec deux adjoints.\n";
    assert_eq!(headings(text), ["Qu’avons-nous fait ?"]);
}

#[test]
fn a_bare_question_asked_twice_on_its_line_stays_in_the_text() {
    let text = "La médiathèque a connu deux pannes cet hiver, et l’équipe a voulu expliquer aux lecteurs ce qui s’était passé chaque fois, sans jargon et sans chercher de coupable.\n\
Le serveur du catalogue a manqué de place.\n\
Pourquoi ?\n\
Personne ne surveillait son disque depuis le départ du technicien, parti à la retraite au printemps.\n\
Les bornes de prêt ont perdu leurs réglages.\n\
Pourquoi ?\n\
Une mise à jour les a effacés pendant la nuit, sans que personne ne s’en aperçoive avant l’ouverture.\n";
    assert!(headings(text).is_empty(), "{:?}", headings(text));
}

#[test]
fn an_interviewers_question_on_its_line_after_the_announcing_colon_is_a_heading() {
    let text = "Le club de lecture du quartier fête ses dix ans cette année avec une semaine de rencontres, de lectures publiques et d’ateliers d’écriture pour les enfants des écoles voisines.\n\
Sa présidente, bibliothécaire à la retraite, nous raconte :\n\
Pouvez-vous nous parler des débuts du club ?\n\
Je l’ai fondé avec deux voisines en sortant d’une réunion de parents d’élèves, et nous étions six la première année.\n";
    assert_eq!(
        headings(text),
        ["Pouvez-vous nous parler des débuts du club ?"]
    );
    // a question the words before the colon ask stays in the text
    let asked = "Le club de lecture du quartier fête ses dix ans cette année avec une semaine de rencontres, de lectures publiques et d’ateliers d’écriture pour les enfants des écoles voisines.\n\
Un soir de mars, sa fille lui demande :\n\
Peux-tu m’emmener au club ?\n\
Je n’ai pas pu refuser, et nous y allons depuis chaque semaine, le mardi soir après l’école.\n";
    assert!(headings(asked).is_empty(), "{:?}", headings(asked));
}

#[test]
fn the_title_question_taken_up_by_the_lead_stays_in_the_text() {
    // the question recurs (title line, then the lead's first sentence), but
    // a question asked again heads a section only after enough text or
    // right under a heading of the body
    let text = "Comment bien choisir son composteur pour un petit jardin ?\n\
Comment bien choisir son composteur pour un petit jardin ? La question revient chaque semaine aux permanences de la maison de l’environnement, où les habitants viennent chercher conseil avant l’achat. Les composteurs en bois durent plus longtemps que ceux en plastique, mais ils coûtent deux fois plus cher.\n";
    assert!(headings(text).is_empty(), "{:?}", headings(text));
}

#[test]
fn the_number_of_a_first_numbered_heading_after_an_unpunctuated_item_goes_back_to_it() {
    // the list before the first heading lost its full stops: the splitter
    // ends its last item on the heading's number
    let text = "Le plan de la médiathèque pour les trois prochaines années tient en quelques objectifs, votés par le conseil en juin dernier. Nous voulons être : Un lieu ouvert à tous les habitants du quartier Un lieu qui donne envie de lire et de revenir avec ses proches 1. Un lieu ouvert à tous les habitants Les horaires seront élargis au samedi soir et au dimanche matin dès la rentrée. Les inscriptions resteront gratuites pour les moins de dix-huit ans. \
2. Un lieu qui donne envie de lire Les bibliothécaires proposeront chaque mois une sélection de romans et de bandes dessinées. Des lectures à voix haute seront organisées le mercredi.";
    let hs = headings(text);
    assert_eq!(
        hs,
        [
            "1. Un lieu ouvert à tous les habitants",
            "2. Un lieu qui donne envie de lire"
        ],
        "{hs:?}"
    );
    // a text cut short after its first numbered heading: no « 2. » follows
    let cut = "Le plan de la médiathèque pour les trois prochaines années tient en quelques objectifs, votés par le conseil en juin dernier. Nous voulons être : Un lieu ouvert à tous les habitants du quartier Un lieu qui donne envie de lire et de revenir avec ses proches 1. Un lieu ouvert à tous les habitants Les horaires seront élargis au samedi soir et au dimanche matin dès la rentrée. Les inscriptions resteront gratuites pour les moins de dix-huit ans.";
    let hs = headings(cut);
    assert_eq!(hs, ["1. Un lieu ouvert à tous les habitants"], "{hs:?}");
    // a sentence that ends on a number stays as it is
    let score = "Le club de football du quartier a remporté son dernier match de la saison devant plus de deux cents supporters. Le score final était de deux buts à 1. Les joueurs ont fêté la victoire avec leurs familles sur la place du marché. Les entraîneurs préparent déjà la prochaine saison avec les bénévoles du club.";
    assert!(headings(score).is_empty(), "{:?}", headings(score));
}

#[test]
fn numbers_glued_to_unpunctuated_sentences_go_back_to_a_series_of_headings() {
    // each sentence before a heading lost its full stop, one of them after a
    // parenthesis: the numbers 2 and 3 follow the written « 1. », so they
    // belong to the headings, not to the sentences
    let text = "La commune publie un guide pour réduire la consommation d’eau des familles, avec des conseils simples et des chiffres pour chaque pièce de la maison. 1. Réparer les fuites du logement Une chasse d’eau qui fuit peut gaspiller des dizaines de litres chaque jour sans que personne ne s’en aperçoive. Les plombiers de la régie viennent gratuitement vérifier les installations des familles (sur rendez-vous) 2. Récupérer l’eau de pluie Les cuves de récupération sont vendues à prix réduit aux habitants de la commune. Elles servent à arroser le jardin et les plantes du balcon (voir la liste ci-dessous) 3. Arroser le soir Les plantes profitent mieux de l’eau quand le soleil est couché. Le paillage garde aussi l’humidité du sol pendant plusieurs jours.";
    let hs = headings(text);
    assert_eq!(
        hs,
        [
            "1. Réparer les fuites du logement",
            "2. Récupérer l’eau de pluie",
            "3. Arroser le soir"
        ],
        "{hs:?}"
    );
}

#[test]
fn a_heading_right_after_another_is_recovered_too() {
    // two headings in a row, both full stops lost: the first heads an empty
    // section, the second the sentences after it
    let lead = "Les océans, les forêts et les sols jouent un rôle essentiel dans la régulation du climat, et leur dégradation menace l’équilibre de toute la planète selon les scientifiques.";
    let body = "Les scientifiques parlent de neuf limites planétaires à ne pas dépasser pour préserver la stabilité de la planète. Le climat n’en est qu’une.";
    for (first, second) in [
        ("Contexte", "Une crise à plusieurs dimensions"),
        (
            "Le carbone parmi d’autres sujets",
            "Une crise à plusieurs dimensions",
        ),
        ("Résultats", "Répartition géographique"),
    ] {
        let text = format!("{lead} {first} {second} {body}");
        assert_eq!(headings(&text), [first, second], "{text}");
    }
    // a name goes on after a heading: no second heading inside it
    let text = format!("{lead} Contexte Le collectif Vélo Saint-Aubin, qui milite depuis dix ans pour des pistes continues, salue une étape importante. Il restera vigilant.");
    assert_eq!(headings(&text), ["Contexte"], "{text}");
    // nor after an elided determiner: « d’un » governs the noun after it
    let text = format!("{lead} Le pouvoir d’un État à chaque citoyen En effet, chaque citoyen confie son pouvoir pour un temps à des représentants élus. Il peut le reprendre à chaque élection.");
    assert_eq!(
        headings(&text),
        ["Le pouvoir d’un État à chaque citoyen"],
        "{text}"
    );
}

#[test]
fn a_topic_and_subtitle_heading_whose_subtitle_is_a_clause_is_recovered() {
    // « Topic : subtitle » where the subtitle has a subject and a verb of its
    // own, or a comma, glued before a sentence that opens on a function word
    let text = "Le comité de quartier a revu sa manière de travailler cette année, après une saison de réunions trop longues et trop peu suivies par les habitants. Nous partageons ici ce que nous avons appris. \
Changer de méthode : le comité consulte aussi les habitants par écrit Chaque réunion publique donne désormais lieu à un court compte rendu, affiché dans les halls des immeubles. Les habitants peuvent y répondre sur une feuille laissée à côté. \
Bénévoles : ce comité n’est pas une fin, c’est un début Nous espérons que d’autres habitants rejoindront l’équipe à la rentrée pour préparer la fête du quartier. Les réunions auront lieu le premier mardi du mois.";
    assert_eq!(
        headings(text),
        [
            "Changer de méthode : le comité consulte aussi les habitants par écrit",
            "Bénévoles : ce comité n’est pas une fin, c’est un début",
        ]
    );
}

#[test]
fn the_last_item_of_a_flattened_list_of_definitions_stays_in_the_text() {
    // a « Term : definition » item whose definition runs on into a relative
    // clause, before the sentence that sums the list up
    let text = "Le guide du bénévole tient en quelques conseils, réunis par l’équipe après la première saison du jardin partagé de la rue des Lilas. Arroser : le faire le soir, jamais en plein soleil… \
Accueillir : penser aux voisins qui passent ou qui regardent depuis la rue Tout cela pour dire qu’un bénévole apprend surtout en jardinant avec les autres, semaine après semaine. Les nouveaux venus sont accompagnés par un ancien pendant un mois.";
    assert!(headings(text).is_empty(), "{:?}", headings(text));
}

#[test]
fn a_heading_line_after_a_colon_whose_list_was_lost_heads_the_paragraph_after_it() {
    // the scrape lost what the colon announced (a chart, a widget): a plain
    // phrase on its line, then a long paragraph of prose, is a heading
    let text = "Le comité de quartier a comparé les trajets des habitants entre la gare et le marché, à pied, à vélo et en bus, un matin de semaine :\n\
Des temps de trajet pour choisir facilement son mode de déplacement\n\
Pour comparer les modes de déplacement, nous avons chronométré chaque trajet trois fois, aux heures de pointe et aux heures creuses, puis nous avons gardé le temps le plus long de chaque série.\n";
    assert_eq!(
        headings(text),
        ["Des temps de trajet pour choisir facilement son mode de déplacement"]
    );
    // an item that holds a verb, or items glued together, stay in the text
    for item in [
        "Votre trajet ne dure pas plus de dix minutes, ou Vous passez par le marché",
        "Marcher plus Rouler moins",
    ] {
        let text = format!(
            "Le comité de quartier a retenu deux conseils pour les habitants qui vont chaque jour de la gare au marché :\n{item}\n\
Pour comparer les modes de déplacement, nous avons chronométré chaque trajet trois fois, aux heures de pointe et aux heures creuses, puis nous avons gardé le temps le plus long de chaque série.\n"
        );
        assert!(headings(&text).is_empty(), "{item}: {:?}", headings(&text));
    }
}

#[test]
fn two_glued_headings_are_told_apart_by_the_phrase_of_the_second() {
    // « Attention » is written nowhere else, but a preposition and a
    // lowercase noun follow it: a heading's phrase, not a name
    let text = "La canicule revient chaque été, et les habitants du quartier cherchent des moyens simples de garder leur logement au frais sans trop dépenser. Voici ce que le comité a appris en interrogeant une vingtaine de familles. \
Pour rafraîchir son logement Attention au ventilateur Chaque appareil allumé dans une pièce fermée chauffe l’air un peu plus, même quand son souffle donne une impression de fraîcheur. Les familles qui ferment les volets le matin gagnent plusieurs degrés l’après-midi.";
    assert_eq!(
        headings(text),
        ["Pour rafraîchir son logement", "Attention au ventilateur"]
    );
    // a name goes on in capitals and stays in its heading
    let named = "La canicule revient chaque été, et les habitants du quartier cherchent des moyens simples de garder leur logement au frais sans trop dépenser. Voici ce que le comité a appris en interrogeant une vingtaine de familles. \
Les conseils de Madame Durand Chaque appareil allumé dans une pièce fermée chauffe l’air un peu plus, même quand son souffle donne une impression de fraîcheur. Les familles qui ferment les volets le matin gagnent plusieurs degrés l’après-midi.";
    assert!(
        headings(named).iter().all(|h| !h.starts_with("Durand")),
        "{:?}",
        headings(named)
    );
}

#[test]
fn an_interviewers_statement_and_question_on_one_line_head_the_answer() {
    // the interviewer addresses the interviewee (« tu »), states, then asks;
    // the line ends on the question
    let text = "Claire Dumas tient depuis dix ans la librairie du quartier de la gare, l’une des dernières indépendantes de la ville.\n\
Elle a accepté de répondre à nos questions pendant la pause de midi, entre deux livraisons de cartons.\n\
Bonjour Claire, tu as vu passer trois maires et deux crises depuis l’ouverture. Qu’est-ce qui a le plus changé pour toi ?\n\
Les clients, surtout : ils viennent moins souvent, mais ils restent plus longtemps et demandent davantage de conseils.\n\
La commune prépare un plan pour les commerces du centre, qui sera voté en juin.\n";
    let h = headings(text);
    assert_eq!(
        h,
        ["Bonjour Claire, tu as vu passer trois maires et deux crises depuis l’ouverture. Qu’est-ce qui a le plus changé pour toi ?"]
    );
}

#[test]
fn a_question_on_its_line_may_open_on_a_connector_unless_it_asks_the_reader() {
    let text = "Le club de randonnée publie chaque année le bilan de ses sorties, avec le nombre de marcheurs et les kilomètres parcourus dans la vallée.\n\
Alors, pourquoi compter les kilomètres des sorties du club ?\n\
Le club veut savoir quelles sorties attirent le plus de marcheurs, pour mieux choisir les itinéraires de l’an prochain.\n\
Et vous, quelle sera votre prochaine sortie avec le club ?\n\
Les inscriptions pour la saison prochaine ouvrent en septembre, au local du club, près de la mairie.\n";
    assert_eq!(
        headings(text),
        ["Alors, pourquoi compter les kilomètres des sorties du club ?"]
    );
}

#[test]
fn a_readers_case_and_question_on_one_line_head_the_answer() {
    // a page of questions and answers: the reader states a case in the
    // first person, then asks
    let text = "Le service des eaux répond aux questions des abonnés sur la nouvelle facture, envoyée ce mois-ci à tous les foyers de la commune.\n\
Elle détaille désormais chaque poste du prix de l’eau, de la production à l’assainissement.\n\
J’ai déménagé en cours d’année et ma facture porte encore l’ancienne adresse. Dois-je la payer ?\n\
Oui, la facture reste due : signalez votre nouvelle adresse au service des eaux, qui corrigera le contrat dans la semaine.\n\
Les autres questions sont traitées par téléphone, du lundi au vendredi.\n";
    assert_eq!(
        headings(text),
        ["J’ai déménagé en cours d’année et ma facture porte encore l’ancienne adresse. Dois-je la payer ?"]
    );
}

#[test]
fn a_short_heading_line_may_trail_off_on_an_ellipsis() {
    let text = "Le club de lecture a réuni une trentaine de lecteurs samedi à la médiathèque, autour des romans de la rentrée.\n\
Chacun a présenté le livre qu’il avait préféré, puis le groupe a voté pour le titre à lire le mois prochain.\n\
À suivre...\n\
La prochaine séance aura lieu le premier samedi du mois, à la même heure, dans la salle du premier étage.\n\
Maintenant, s’il s’agit de choisir…\n\
Le groupe tranchera à la majorité, comme chaque mois, après un tour de table.\n";
    assert_eq!(headings(text), ["À suivre..."]);
}

#[test]
fn a_title_after_an_infinitive_is_its_object_not_a_new_sentence() {
    // « lire Les … », « de lire Pour … »: capitalised titles of books after
    // the infinitive that governs them, inside one sentence of the prose
    let text = "Le club de lecture du quartier se réunit chaque mois à la médiathèque pour parler des livres que ses membres ont aimés. \
Les discussions durent souvent plus longtemps que prévu, et la bibliothécaire doit parfois éteindre les lumières pour y mettre fin. \
Chacun défend ses goûts avec passion, et les avis se partagent rarement de façon égale. \
Autre exemple, une lectrice sera plus encline à lire Les raisins de la colère ou étudier le théâtre de Racine que de lire Pour qui sonne le glas de Hemingway. \
Les membres du club votent ensuite pour le livre du mois suivant, que la médiathèque commande en plusieurs exemplaires.";
    assert!(headings(text).is_empty(), "{:?}", headings(text));
}

#[test]
fn a_second_heading_may_open_on_a_noun_before_an_elided_de() {
    // a section heading with no text of its own, then its first
    // subheading, « Plein d’envie, peu de temps », glued to it
    let text = "L’association a fêté ses dix ans au printemps, avec une exposition des projets menés par ses bénévoles dans les écoles du quartier. \
Les premiers ateliers avaient lieu dans une salle prêtée par la mairie, le samedi matin, avec trois ordinateurs donnés par une entreprise voisine. \
Les années difficiles Plein d’envie, peu de moyens Le départ de deux fondateurs a laissé l’association sans local pendant une année entière. \
Les bénévoles ont alors accueilli les ateliers chez eux, à tour de rôle, en attendant une nouvelle salle.";
    assert_eq!(
        headings(text),
        ["Les années difficiles", "Plein d’envie, peu de moyens"]
    );
}

#[test]
fn a_caption_is_never_a_heading() {
    // « Ci-dessus : … » describes a picture the scrape dropped, on its line
    // or in the flow of the text; it stays the author's text
    let lines = "Les bénévoles ont cartographié le parc du château pendant tout le mois de mai, arbre par arbre, avec des relevés faits sur place.\n\
Ci-dessus : le parc vu d’avion\n\
Les relevés ont ensuite été comparés aux photos aériennes prises par la commune au printemps dernier.\n";
    assert!(headings(lines).is_empty(), "{:?}", headings(lines));
    let flat = "Les bénévoles ont cartographié le parc du château pendant tout le mois de mai, arbre par arbre, avec des relevés faits sur place, puis ils ont comparé leurs relevés aux photos prises par la commune. \
Ci-dessus : parc ou forêt ? Les relevés ont ensuite été comparés aux photos aériennes prises par la commune au printemps dernier.";
    assert!(headings(flat).is_empty(), "{:?}", headings(flat));
    // nor is a link's text that points to another page
    let link = "Les bénévoles ont cartographié le parc du château pendant tout le mois de mai, arbre par arbre, avec des relevés faits sur place.\n\
Voir la documentation du cadastre municipal\n\
Les relevés ont ensuite été comparés aux photos aériennes prises par la commune au printemps dernier.\n";
    assert!(headings(link).is_empty(), "{:?}", headings(link));
    let flat_link = "Les bénévoles ont cartographié le parc du château pendant tout le mois de mai, arbre par arbre, avec des relevés faits sur place, puis ils ont comparé leurs relevés aux photos prises par la commune. \
Voir la documentation du cadastre municipal Les relevés ont ensuite été comparés aux photos aériennes prises par la commune au printemps dernier.";
    assert!(headings(flat_link).is_empty(), "{:?}", headings(flat_link));
    // nor what a picture shows, on its line or in the flow
    let preview = "Les bénévoles ont cartographié le parc du château pendant tout le mois de mai, arbre par arbre, avec des relevés faits sur place.\n\
Aperçu de la carte du parc publiée par la commune\n\
Les relevés ont ensuite été comparés aux photos aériennes prises par la commune au printemps dernier.\n";
    assert!(headings(preview).is_empty(), "{:?}", headings(preview));
    let flat_preview = "Les bénévoles ont cartographié le parc du château pendant tout le mois de mai, arbre par arbre, avec des relevés faits sur place, puis ils ont comparé leurs relevés aux photos prises par la commune. \
Un aperçu de la carte du parc Les relevés ont ensuite été comparés aux photos aériennes prises par la commune au printemps dernier.";
    assert!(
        headings(flat_preview).is_empty(),
        "{:?}",
        headings(flat_preview)
    );
}

#[test]
fn a_line_of_dialogue_is_never_a_heading() {
    // a reply on its own line, between lines of prose, reads like a
    // question heading but for the dash that opens it
    let lines = "Au départ du col, les cyclistes ont vérifié leurs freins et rempli leurs bidons à la fontaine du village.\n\
Je remarque que certains participants ne transportent aucun bagage.\n\
— Vous dormez où, ce soir ?\n\
— Nous avons réservé deux chambres à l’auberge du village, près de la place de l’église.\n";
    assert!(headings(lines).is_empty(), "{:?}", headings(lines));
    let flat = "Au départ du col, les cyclistes ont vérifié leurs freins et rempli leurs bidons à la fontaine du village. \
Je remarque que certains participants ne transportent aucun bagage. \
– Et le pique-nique ? Nous avons tout laissé à l’auberge du village, près de la place de l’église.";
    assert!(headings(flat).is_empty(), "{:?}", headings(flat));
}

#[test]
fn short_lines_after_a_colon_are_a_list_not_headings() {
    // the list announced by the colon lost its bullets: its items stay
    // text, the last before prose included
    let lines = "La coopérative a choisi le logiciel de gestion de ses adhérents après six mois d’essais dans trois magasins du réseau.\n\
Les salariés le préfèrent à l’ancien outil parce que :\n\
Il marche\n\
Il est simple\n\
Il est gratuit ou presque\n\
Il respecte les données\n\
Le conseil d’administration votera son adoption définitive lors de l’assemblée générale du mois de juin, après un dernier bilan.\n";
    assert!(headings(lines).is_empty(), "{:?}", headings(lines));
}

#[test]
fn a_stock_heading_before_an_infinitive_the_text_capitalises_elsewhere() {
    // « Partir » opens two sentences glued to a heading: capitalised in the
    // middle of the text, it is no name for all that
    let text = "Cette année encore, nous sommes partis à vélo le long de la Loire pendant dix jours, de Nevers jusqu’à Nantes. \
Les étapes faisaient une soixantaine de kilomètres par jour, avec des pauses dans les villages. \
Le soir, nous dormions au camping ou chez l’habitant, selon la météo et la fatigue de chacun. \
Matériel Partir plusieurs jours à vélo ne s’improvise pas : il vaut mieux emporter de quoi réparer une crevaison et régler les freins. \
Une sacoche étanche suffit pour les vêtements et le réchaud. \
Conclusion Partir en vacances à vélo demande un peu d’organisation, mais c’est un excellent moyen de découvrir la région. \
Le parfait mélange entre activité physique et retour à la nature.";
    assert!(
        headings(text).contains(&"Conclusion".to_string()),
        "{:?}",
        headings(text)
    );
}

#[test]
fn a_heading_never_ends_on_a_dash() {
    // « Jour 2 — » is no heading: the stage it names after the dash belongs
    // to it, up to the capitalised word that opens the day's text
    let text = "Nous avons longé la Saône à vélo pendant trois jours, de Chalon jusqu’à Lyon, avec deux amis du club. Jour 1 — De Chalon à Tournus Le départ se fait sous la pluie, mais le ciel se dégage vite. Nous roulons sur la voie verte, entre les prés et les peupliers. Le soir de ce premier jour, nous dormons au camping municipal, au bord de l’eau. Jour 2 — De Tournus à Mâcon Réveil à sept heures, sous un ciel gris. Le petit déjeuner est vite avalé, et nous reprenons la voie verte vers le sud. Le réveil du camping sonne encore quand nous partons. Jour 3 — De Mâcon à Lyon La dernière étape est la plus longue, mais aussi la plus belle, le long des vignes du Beaujolais. Nous arrivons à Lyon en fin d’après-midi, fatigués mais heureux.";
    assert_eq!(
        headings(text),
        [
            "Jour 1 — De Chalon à Tournus",
            "Jour 2 — De Tournus à Mâcon",
            "Jour 3 — De Mâcon à Lyon"
        ]
    );
}

#[test]
fn a_days_name_after_a_title_heads_the_first_day() {
    // « Le Festival du Lac Samedi Le train … »: the chapter's title, then
    // its first day, as the days after it are
    let text = "Chaque été, nous partons écouter des concerts en plein air avec la même bande d’amis, et chaque année quelque chose tourne mal. Le Festival du Lac Samedi Le train part de Lyon avec une heure de retard, et nous arrivons au camping à la nuit tombée, sans lampe. Les tentes sont montées à la lueur des téléphones, tant bien que mal, sous une pluie fine. Le concert du soir commence sans nous. Dimanche Le soleil revient enfin, et nous voyons tous les groupes de l’après-midi. Le dernier concert se termine après minuit, sous les applaudissements. Lundi Le retour se fait en voiture, avec des amis rencontrés au camping.";
    let found = headings(text);
    assert_eq!(
        found[..4],
        ["Le Festival du Lac", "Samedi", "Dimanche", "Lundi"]
    );
}

#[test]
fn a_line_on_a_connector_or_on_je_stays_prose() {
    // an author who drops the final stop of short paragraphs: the lines
    // read as headings but for their first word
    let lines = "Le pétrole a façonné nos villes, nos métiers et nos vacances depuis plus d’un siècle, sans que personne ne s’en inquiète vraiment.\n\
Je ne sais pas quand a eu lieu la bascule\n\
Les premières alertes sont venues de géologues, qui mesuraient le déclin des grands gisements d’Amérique du Nord et du Moyen-Orient.\n\
Donc la courbe suit plus ou moins une cloche\n\
Au début, on extrait peu, puis de plus en plus, jusqu’à un sommet, puis la production décline jusqu’à ce que le puits soit abandonné.\n";
    assert!(headings(lines).is_empty(), "{:?}", headings(lines));
}

#[test]
fn a_list_after_a_colon_that_lost_its_bullets_heads_nothing() {
    // « par exemple : » announces the items; elsewhere the items glued after
    // the first one tell it from a heading
    let example = "L’accueil d’un nouveau bénévole prend une matinée au local de l’association, le samedi, avec deux anciens. \
La matinée suit un programme fixe, en plusieurs étapes, par exemple : Présentation du local Le bénévole présente son parcours au local Discussion autour des horaires Questions sur les missions Signature de la charte. \
Les anciens notent ensuite ce que le bénévole souhaite faire dans l’année.";
    assert!(headings(example).is_empty(), "{:?}", headings(example));
    let steps = "L’accueil d’un nouveau bénévole prend une matinée au local de l’association, le samedi, avec deux anciens. \
La matinée suit toujours le même programme, en plusieurs étapes bien rodées : Présentation du local Le bénévole présente son parcours au local Discussion autour des horaires Questions sur les missions Signature de la charte. \
Les anciens notent ensuite ses questions, et la discussion continue autour d’un café.";
    assert!(headings(steps).is_empty(), "{:?}", headings(steps));
}

#[test]
fn a_question_line_answered_tersely_stays_prose() {
    // the author answers their own question on the next line
    let lines = "Écrire un roman demande des mois de travail, des relectures sans fin et beaucoup de patience avec soi-même.\n\
Mais d’autres métiers demandent autant de travail, et personne ne s’en émeut quand un collègue critique le résultat.\n\
Alors quelle différence avec le dessin ?\n\
Les tripes.\n\
Un roman, on y met ce qu’on a de plus intime, et chaque critique touche l’auteur bien plus qu’elle ne touche un dessinateur.\n";
    assert!(headings(lines).is_empty(), "{:?}", headings(lines));
}

#[test]
fn a_heading_glued_before_a_frequent_infinitive_the_text_capitalises_elsewhere() {
    // « Partir » opens two sentences after headings: no name for all that
    let text = "Cette année encore, nous sommes partis à vélo le long de la Loire pendant dix jours, de Nevers jusqu’à Nantes, avec trois amis du club. Les étapes faisaient une soixantaine de kilomètres par jour, avec des pauses dans les villages. Le soir, nous dormions au camping ou chez l’habitant, selon la météo et la fatigue de chacun. Réparations Partir plusieurs jours à vélo ne s’improvise pas : il vaut mieux emporter de quoi réparer une crevaison et régler les freins, car les réparations au bord de la route prennent du temps. Une sacoche étanche suffit pour les outils et les rustines. Conclusion Partir en vacances à vélo demande un peu d’organisation, mais c’est un excellent moyen de découvrir la région. Le parfait mélange entre activité physique et retour à la nature.";
    assert_eq!(headings(text)[..2], ["Réparations", "Conclusion"]);
}

#[test]
fn a_series_of_headings_with_one_opening_is_completed() {
    // « Vélos de ville » and « Vélos de route » are found where they were
    // inlined; the two others of the series are glued before a name, where
    // nothing else tells them from prose; a sentence of the prose that opens
    // alike goes on as prose
    let text = "Le magasin coopératif du quartier loue des vélos à la journée, à la semaine ou au mois, et ses bénévoles les entretiennent toute l’année dans l’atelier du rez-de-chaussée. \
Les tarifs sont affichés à l’entrée et sur le site du magasin. \
Vélos de ville Les vélos de ville ont un panier, des garde-boue et un éclairage fixe. \
Ils conviennent aux trajets courts entre le domicile et le travail, et le magasin en loue une trentaine chaque mois. \
Vélos de route Les vélos de route sont plus légers et plus rapides, mais demandent un peu d’habitude. \
Le magasin en loue une dizaine chaque été, surtout aux touristes de passage qui longent le canal. \
Vélos à assistance électrique Marie Lenoir, bénévole depuis cinq ans, les recharge chaque soir et vérifie leurs freins avant chaque location. \
Leur batterie tient une cinquantaine de kilomètres, assez pour une journée de balade. \
Vélos cargo Paul Girard les prête aux familles du quartier le samedi matin, avec un siège pour deux enfants. \
Vélos et trottinettes partagent la piste du canal depuis l’an dernier, comme l’a voulu la mairie. \
La location est gratuite pour les familles qui adhèrent à l’association.";
    assert_eq!(
        headings(text),
        [
            "Vélos de ville",
            "Vélos de route",
            "Vélos à assistance électrique",
            "Vélos cargo"
        ]
    );
    // a name opening two headings is no common word: a sentence that opens
    // on it stays whole
    let names = "Le club informatique de la médiathèque propose deux ateliers par semaine, le mardi soir et le samedi matin, pour tous les âges. \
Linux chez soi Les participants apprennent à installer un système libre sur leur propre ordinateur, pas à pas. \
Linux au bureau Les participants découvrent les logiciels de bureautique libres et leurs formats ouverts. \
Linux Mint Debian Edition Paul Girard la recommande aux débutants qui veulent un système stable et simple.";
    assert_eq!(headings(names), ["Linux chez soi", "Linux au bureau"]);
}

#[test]
fn a_run_of_numbered_sentences_is_a_series_of_headings() {
    // no numbered heading is found on its own: the numbers 1, 2, 3, 4 that
    // open sentences, or follow the colon that announces them, make the
    // series; a numbered sentence that exclaims is a heading whole
    let text = "Notre club de jardinage partage depuis trois ans ses parcelles avec les écoles du quartier, et voici ce que nous en avons appris. \
1. Commencer petit pour apprendre vite Les premières parcelles ne mesuraient que deux mètres carrés, et les enfants les ont entretenues sans peine. \
Les enseignants ont ensuite demandé davantage de place pour leurs classes. \
Le deuxième enseignement tient à la saison, que nous avions mal choisie : 2. Semer au printemps plutôt qu’en automne Les graines semées en octobre ont gelé, celles de mars ont levé en deux semaines. \
3. Laisser les enfants choisir, même quand ils se trompent ! \
Les radis plantés trop serrés ont appris plus aux élèves que toutes nos consignes. \
4. Inviter les parents à la récolte La fête de juin a réuni plus de familles que toutes nos réunions de l’année.";
    assert_eq!(
        headings(text),
        [
            "1. Commencer petit pour apprendre vite",
            "2. Semer au printemps plutôt qu’en automne",
            "3. Laisser les enfants choisir, même quand ils se trompent !",
            "4. Inviter les parents à la récolte"
        ]
    );
    // the text around the headings stays, in order, each sentence once
    let (st, sp, lex) = engine();
    let o = st.run(text, &sp, &lex);
    let sentences: Vec<&str> = o
        .parts
        .iter()
        .flat_map(|p| p.paragraphs.iter().flatten())
        .map(|&id| o.sentences[id].text.as_str())
        .collect();
    assert_eq!(sentences.len(), o.sentences.len());
    assert!(sentences
        .contains(&"Le deuxième enseignement tient à la saison, que nous avions mal choisie :"));
    assert!(sentences.contains(
        &"Les graines semées en octobre ont gelé, celles de mars ont levé en deux semaines."
    ));
    assert!(o.sentences.iter().enumerate().all(|(i, s)| s.id == i));
}

#[test]
fn a_heading_may_end_on_a_year_and_precede_a_sentence_opener_that_is_no_function_word() {
    // « Chacun » and « Voilà » open the sentence after the heading; their
    // capital there is no name's
    let year = "Le conseil municipal a voté le budget de l’année après un long débat sur les écoles et les routes de la commune. \
Les élus de l’opposition ont demandé un report du vote, refusé par la majorité. \
Sur la ligne de départ de 2022 Chacun peut agir dans sa commune, et les associations du quartier l’ont bien compris. \
Elles ont lancé trois projets de jardins partagés au printemps.";
    assert_eq!(headings(year), ["Sur la ligne de départ de 2022"]);
    let voila = "Le conseil municipal a voté le budget de l’année après un long débat sur les écoles et les routes de la commune. \
Les élus de l’opposition ont demandé un report du vote, refusé par la majorité. \
Un peu d’histoire Voilà en résumé ce que la commune a construit depuis trente ans : deux écoles, une piscine et une médiathèque. \
Les travaux ont coûté moins que prévu.";
    assert_eq!(headings(voila), ["Un peu d’histoire"]);
}

#[test]
fn a_stock_heading_after_an_aside_and_a_date_heading_of_a_diary() {
    let aside = "(Ce récit paraît en deux parties, la seconde arrivera la semaine prochaine) Préambule Avant que vous ne partiez à vélo sur ces routes, sachez que la carte date un peu et que deux ponts ont changé depuis. \
Nous avons roulé quatre jours entre les lacs, avec deux tentes et beaucoup trop de bagages pour des vélos aussi légers.";
    assert_eq!(headings(aside), ["Préambule"]);
    // a day's date before the day's story, which opens on a capital; prose
    // sets a comma after a date that opens a sentence
    let diary = "Nous avons roulé quatre jours entre les lacs, avec deux tentes et beaucoup trop de bagages pour des vélos aussi légers. \
La première journée s’est achevée sous l’orage, au bord du lac, après quatre-vingts kilomètres de pistes. \
Dimanche 2 août Nuit paisible au camping, nous repartons tôt vers le col sous un ciel enfin dégagé. \
Lundi 3 août, la descente vers la vallée nous a pris toute la matinée.";
    assert_eq!(headings(diary), ["Dimanche 2 août"]);
}

#[test]
fn a_quotation_after_a_noun_is_what_it_names_not_a_sentence_after_a_heading() {
    let text = "Pour protéger les données du téléphone, ouvrez le menu des réglages et choisissez un code à six chiffres au moins. \
La phrase «La protection des données est activée» apparaît alors tout en bas du menu. \
Le message « Votre appareil est chiffré » s’affiche aussi au redémarrage, avant même la saisie du code.";
    assert!(headings(text).is_empty(), "{:?}", headings(text));
}

#[test]
fn a_heading_line_may_end_on_a_year_in_brackets() {
    let lines = "Mon premier ordinateur tenait dans une boîte à chaussures et se branchait sur la télévision du salon.\n\
Les premiers PC (1987)\n\
Au lycée, la salle d’informatique accueillait douze machines que nous partagions à deux ou trois par poste.\n\
La révolution des portables (1995)\n\
Quelques années plus tard, un ordinateur portable coûtait encore le prix d’une voiture d’occasion.\n";
    assert_eq!(
        headings(lines),
        [
            "Les premiers PC (1987)",
            "La révolution des portables (1995)"
        ]
    );
}

#[test]
fn a_note_on_where_the_article_first_appeared_is_no_heading() {
    let text = "Article original posté sur le blog de l’association en mai 2021 Entre 2019 et 2021, j’ai coordonné l’ouverture des données de notre commune, avec deux agents et beaucoup de bonne volonté. \
Voici ce que nous en avons appris, au fil des réunions et des erreurs.";
    assert!(headings(text).is_empty(), "{:?}", headings(text));
}

#[test]
fn bref_alone_before_a_sentence_start_is_a_heading_and_a_connector_otherwise() {
    let heading = "Le conseil municipal a voté le budget de l’année après un long débat sur les écoles et les routes de la commune. \
Les élus de l’opposition ont demandé un report du vote, refusé par la majorité, puis ont quitté la salle avant la fin. \
Bref Ce budget est donc vital pour les écoles, qui attendent leurs travaux depuis trois ans.";
    assert_eq!(headings(heading), ["Bref"]);
    let prose = "Le conseil municipal a voté le budget de l’année après un long débat sur les écoles et les routes de la commune. \
Les élus de l’opposition ont demandé un report du vote, refusé par la majorité, puis ont quitté la salle avant la fin. \
Bref, ce budget est vital pour les écoles, qui attendent leurs travaux depuis trois ans.";
    assert!(headings(prose).is_empty(), "{:?}", headings(prose));
}

#[test]
fn a_numbered_heading_line_after_the_colon_that_announces_it_is_one_of_its_series() {
    let lines = "Notre club de jardinage partage depuis trois ans ses parcelles avec les écoles du quartier, et voici ce que nous en avons appris.\n\
1. Commencer petit pour apprendre vite\n\
Les premières parcelles ne mesuraient que deux mètres carrés, et les enfants les ont entretenues sans peine.\n\
Le deuxième enseignement tient à la saison, que nous avions mal choisie :\n\
2. Semer au printemps plutôt qu’en automne\n\
Les graines semées en octobre ont gelé, celles de mars ont levé en deux semaines.\n\
3. Inviter les parents à la récolte\n\
La fête de juin a réuni plus de familles que toutes nos réunions de l’année.\n";
    assert_eq!(
        headings(lines),
        [
            "1. Commencer petit pour apprendre vite",
            "2. Semer au printemps plutôt qu’en automne",
            "3. Inviter les parents à la récolte"
        ]
    );
}

#[test]
fn a_heading_line_may_trail_off_inside_before_a_lowercase_word() {
    let lines = "Mon premier ordinateur tenait dans une boîte à chaussures et se branchait sur la télévision du salon.\n\
Il était une fois… le ZX81\n\
Au lycée, la salle d’informatique accueillait douze machines que nous partagions à deux ou trois par poste.\n\
Un jour… Nous avons enfin eu un ordinateur chacun.\n\
Quelques années plus tard, un ordinateur portable coûtait encore le prix d’une voiture d’occasion.\n";
    assert_eq!(headings(lines), ["Il était une fois… le ZX81"]);
}

#[test]
fn a_series_numbered_from_two_gets_back_its_first_heading() {
    // « 2) » and « 3) » are found where they were inlined; « 1) » ends on a
    // function word before « Il », which still opens the sentence
    let text = "Notre club de jardinage partage depuis trois ans ses parcelles avec les écoles du quartier. Nous appliquons tous les jours les trois règles suivantes. \
1) Arroser tôt et souvent Il faut arroser avant la chaleur, le matin de préférence, et jamais en plein soleil. \
Les enfants remplissent les arrosoirs à tour de rôle. \
2) Pailler les parcelles Les feuilles mortes du parc gardent la terre humide pendant tout l’été. \
3) Récolter ensemble Les enfants cueillent les légumes le vendredi et les emportent chez eux.";
    assert_eq!(
        headings(text),
        [
            "1) Arroser tôt et souvent",
            "2) Pailler les parcelles",
            "3) Récolter ensemble"
        ]
    );
}

#[test]
fn a_heading_may_end_on_an_emoji_of_any_block() {
    // ⏳ and ☕ sit in the technical and miscellaneous symbols blocks, among
    // the arrows and shapes that part a breadcrumb's items; they end a
    // heading as 📝 does, inline and on a line of their own
    let lead = "Toi, futur parent, qui viens de tomber sur cette note, prends un café et lis ce petit guide écrit après une première année bien remplie.";
    let first = "Le sommeil du bébé Je note chaque nuit les heures de réveil dans un carnet posé près du lit. Ce carnet aide à repérer les habitudes du bébé.";
    let last = "Les repas de la famille Nous cuisinons le dimanche pour toute la semaine. Les plats tiennent quatre jours au réfrigérateur.";
    for emoji in ["⏳", "☕", "📝"] {
        let second = format!("Les visites de la famille {emoji} Les grands-parents viennent le dimanche après-midi et restent pour le goûter. Ils apportent souvent un gâteau fait maison.");
        let text = format!("{lead} {first} {second} {last}");
        let expected = format!("Les visites de la famille {emoji}");
        let hs = headings(&text);
        assert!(hs.contains(&expected), "{hs:?}");
        let text = format!("{lead}\n{}\n{}\n", expected, &second[expected.len() + 1..]);
        assert_eq!(headings(&text), [expected], "{text}");
    }
}

#[test]
fn questions_that_speak_to_the_reader_stay_in_the_text() {
    // « tu » as the subject after the first word: the author talks to the
    // reader, in the flow of the text
    let text = "Le rangement passe aussi par l’ordinateur, même si le désordre y est moins visible qu’au grenier. \
J’essaie autant que possible de supprimer les fichiers que je ne consulte plus. \
Regarde ton dossier des téléchargements et ton bureau. \
Pourquoi est-ce que tu gardes tous ces fichiers ? \
Mon dossier des téléchargements est presque toujours vide, car je supprime chaque fichier dès que je n’en ai plus besoin. \
Si j’en ai besoin plus tard, je le télécharge de nouveau. \
Combien de logiciels as-tu installés sans jamais t’en servir ? \
Les gens se plaignent ensuite que leur ordinateur ralentit ou que le disque est plein. \
En supprimant ce qui ne sert pas, on règle les deux problèmes à la fois.";
    assert!(headings(text).is_empty(), "{:?}", headings(text));
    // (on a line of its own between lines of prose, a question to « tu »
    // may be an interviewer's: see the interview tests above)
}

#[test]
fn a_word_in_capitals_stresses_a_word_and_opens_no_sentence() {
    // « UN » after a lowercase word is no sentence whose full stop went
    // missing: the words before it are no heading
    let text = "J’ai découvert le rangement il y a deux ans, et depuis je garde peu de choses chez moi. \
J’ai moins de désordre dans ma vie et moins de choses qui traînent. \
J’apprécie davantage les choses que j’ai. \
C’est comme quand tu compares l’enfant à qui tu offres UN jouet et qui le garde des années, et celui qui en reçoit dix à chaque anniversaire. \
Plus on possède de choses, plus ces choses nous possèdent.";
    assert!(headings(text).is_empty(), "{:?}", headings(text));
}

#[test]
fn a_list_whose_first_item_is_long_keeps_its_items_in_the_text() {
    // a shopping list announced by a colon, its first item of ten words: the
    // short lines after it are items too, not headings over the prose
    let text = "Le kit du débutant ne suffit pas pour brasser chez soi, il faut du matériel en plus. Voilà donc mes achats :\n\
Un kit pour brasser quatre litres de bière blonde à 60 euros\n\
Une cuillère en plastique rigide\n\
Une marmite de huit litres avec son couvercle\n\
Un verre doseur\n\
Le tout m’a coûté un peu plus de cent euros, ce qui reste raisonnable pour un premier essai à la maison.\n";
    assert!(headings(text).is_empty(), "{:?}", headings(text));
}

#[test]
fn the_second_line_of_a_list_is_no_heading_over_the_third() {
    // « Au menu : » then three items, the second longer than an item may be
    let text = "Les bénévoles se retrouvent à la salle des fêtes pour préparer la soirée de fin d’année. Au menu :\n\
Avis sur le nouveau calendrier des répétitions\n\
Discussion autour de l’accueil d’une fanfare pour mettre une ambiance endiablée à la fête\n\
Stand de maquillage pour les enfants\n\
Les décisions se prennent vite : tout le monde valide le calendrier, la fanfare et le stand de maquillage.\n";
    assert!(headings(text).is_empty(), "{:?}", headings(text));
    // before prose, the line after a caption may still head it
    let text = "Les bénévoles ont choisi une chanson pour ouvrir la soirée, chantée par tout le quartier :\n\
ou la version de la chorale de l’école\n\
Une fête préparée en six mois\n\
Les bénévoles ont commencé à préparer la fête dès le mois de juin, avec une réunion chaque semaine à la salle des fêtes.\n";
    assert_eq!(headings(text), ["Une fête préparée en six mois"]);
}

#[test]
fn a_heading_of_two_nouns_joined_by_a_slash_is_recovered() {
    // « Matériel/ingrédients » glued before the sentence it heads: each noun
    // is one the text writes in lowercase
    let text = "Cet article n’est ni un tutoriel ni un mode d’emploi, c’est le compte rendu d’un premier brassage à la maison. \
Je raconte ce que j’ai fait, bien ou mal, et ce que je ferais autrement. \
Matériel/ingrédients Bien que le kit soit dit complet, il faut du matériel en plus pour brasser chez soi. \
Les ingrédients du kit coûtent soixante euros et la marmite vingt-sept euros.";
    assert_eq!(headings(text), ["Matériel/ingrédients"]);
}

#[test]
fn an_infinitive_ends_a_heading_before_an_elided_subject() {
    // « Pour me préparer J’ai lu … »: « J’ » opens a sentence, it is no
    // object of « préparer », however often a glued heading leaves it
    // capitalised inside a sentence
    let text =
        "Le kit coûte plus ou moins cher suivant ce que vous possédez déjà dans votre cuisine. \
Pour me préparer J'ai lu avec attention le manuel fourni avec le kit. \
Ça me semble la moindre des choses à faire avant de commencer. \
Il est clair, complet et agréable à lire, et je le conseille à tous ceux qui veulent brasser.";
    assert_eq!(headings(text), ["Pour me préparer"]);
}
