//! A source sentence too long for one paragraph that announces an enumeration is
//! shown as a list: its lead, its items and its tail, in order, every word kept.
mod common;
use common::{norm, rewrite};

const INTRO: &str = "La commune de Valbrune prépare son budget participatif pour l’année prochaine. Les habitants ont déposé plus de quatre-vingts idées en ligne et dans les mairies de quartier. Le conseil municipal examinera les projets retenus au printemps.\n\nLe comité de suivi a publié la liste des propositions qui seront soumises au vote. ";

const LONG_SEMI: &str = "Les propositions retenues par le comité de suivi couvrent presque tous les quartiers de la commune et répondent aux demandes exprimées pendant les réunions publiques de l’hiver : la rénovation complète du terrain de sport situé derrière l’école des Tilleuls, avec un nouveau revêtement, des filets neufs et un éclairage moins gourmand en énergie ; la plantation d’une centaine d’arbres fruitiers le long de la promenade du canal, que les écoles du quartier pourront entretenir avec les jardiniers de la ville ; l’ouverture d’un atelier de réparation de vélos dans l’ancienne gare, tenu deux samedis par mois par des bénévoles de l’association du quartier ; l’installation de bancs, de fontaines et de jeux pour enfants sur la place du marché, qui manque d’ombre pendant l’été ; la création d’une boîte à livres dans chaque quartier, construite par les élèves du lycée professionnel avec du bois de récupération ; enfin la mise en place d’un service de navettes gratuites le dimanche entre les hameaux et le centre-ville, pour que les habitants sans voiture puissent se rendre au marché.";

const OUTRO: &str = " Le vote aura lieu en ligne et dans les mairies de quartier pendant trois semaines. Chaque habitant de plus de seize ans pourra choisir trois projets.";

#[test]
fn long_enumerating_sentence_becomes_a_list_with_every_word_in_order() {
    let input = format!("{INTRO}{LONG_SEMI}{OUTRO}");
    let (md, err, code) = rewrite(&input, &["--min-words", "100"]);
    assert_eq!(code, 0, "{err}");
    let items: Vec<&str> = md.lines().filter(|l| l.starts_with("- ")).collect();
    assert!(items.len() >= 6, "{md}");
    assert!(
        norm(items[0]).contains("la rénovation complète du terrain de sport"),
        "{md}"
    );
    assert!(norm(items[5]).contains("enfin la mise en place"), "{md}");
    // the sentence, read back in order without the list marks, is the source's
    let body: String = md
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.strip_prefix("- ").unwrap_or(l))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(norm(&body).contains(&norm(LONG_SEMI)), "{md}");
    // its lead ends on the colon, in a paragraph of its own
    assert!(md
        .lines()
        .any(|l| l.starts_with("Les propositions retenues") && l.ends_with(':')));
}

#[test]
fn flattened_dated_list_ends_where_the_sentence_goes_on() {
    let long = "Pour tenir l’objectif fixé par le conseil, la commission a proposé un calendrier précis aux habitants qui voulaient savoir comment les travaux seraient menés dans leur rue : en 2026, la ville remplace les canalisations les plus anciennes du centre historique (celles qui datent d’avant la guerre et qui fuient chaque hiver) en 2027, elle refait les trottoirs de l’avenue principale et installe des bandes cyclables séparées de la chaussée par des bordures basses en 2028, elle ouvre le nouveau parking relais au nord de la commune avec des navettes vers la gare toutes les quinze minutes aux heures de pointe (les abonnés du réseau de bus y stationneront sans payer) en 2029, elle termine la place du marché et plante les arbres promis lors de la concertation de l’automne dernier (une cinquantaine de tilleuls et de platanes) Les riverains recevront un courrier avant chaque chantier et pourront poser leurs questions lors des permanences organisées en mairie chaque premier lundi du mois pendant toute la durée des travaux.";
    let input = format!("{INTRO}{long}{OUTRO}");
    let (md, err, code) = rewrite(&input, &["--min-words", "100"]);
    assert_eq!(code, 0, "{err}");
    let items: Vec<&str> = md.lines().filter(|l| l.starts_with("- ")).collect();
    assert_eq!(items.len(), 4, "{md}");
    assert!(items[0].starts_with("- en 2026, la ville"), "{md}");
    assert!(items[3].starts_with("- en 2029, elle termine"), "{md}");
    assert!(items[3].ends_with(')'), "{md}");
    assert!(md
        .lines()
        .any(|l| l.starts_with("Les riverains recevront un courrier")));
}

#[test]
fn short_sentence_with_a_colon_stays_a_paragraph() {
    let input = format!(
        "{INTRO}Trois quartiers sont concernés : le centre ; les Tilleuls ; le canal.{OUTRO}"
    );
    let (md, err, code) = rewrite(&input, &["--min-words", "100"]);
    assert_eq!(code, 0, "{err}");
    let line = md
        .lines()
        .find(|l| l.contains("Trois quartiers sont concernés"))
        .unwrap();
    assert!(
        line.contains("les Tilleuls") && line.contains("le canal"),
        "{md}"
    );
}

#[test]
fn opener_examples_are_found() {
    let lister = rubrique::lists::Lister::load(&rubrique::rules::Source::embedded()).unwrap();
    for (i, o) in lister.rules.openers.iter().enumerate() {
        for e in &o.examples {
            assert!(lister.opener_matches(i, e), "opener {i} misses {e:?}");
        }
    }
}

/// The embedded list patterns compile (they are compiled on first use at run
/// time), and a user's list file with a bad pattern is refused when loaded.
#[test]
fn list_patterns_compile_and_a_bad_user_pattern_is_refused_at_load() {
    let embedded = rubrique::lists::Lister::load(&rubrique::rules::Source::embedded()).unwrap();
    embedded.compile().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    std::fs::create_dir(&rules).unwrap();
    let yaml =
        include_str!("../rules/lists.yaml").replace("tail: \"\\\\)", "tail: \"(unclosed\\\\)");
    assert_ne!(yaml, include_str!("../rules/lists.yaml"));
    std::fs::write(rules.join("lists.yaml"), yaml).unwrap();
    let source = rubrique::rules::Source::dir(dir.path());
    let err = rubrique::lists::Lister::load(&source)
        .err()
        .expect("refused");
    assert!(err.to_string().contains("tail"), "{err}");
}
