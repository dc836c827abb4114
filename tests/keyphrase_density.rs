//! The keyphrase density is counted the way the SEO analyses count it (topic
//! words only, in their written forms, per sentence), the same way by the
//! pipeline and by `rubrique check`, and the pipeline keeps it inside the band.
mod common;
use assert_cmd::Command;
use common::rewrite;
use rubrique::french::Lexicon;
use rubrique::keywords::{
    density_band, density_ceiling, density_words, match_words, matches_in, mentions,
};
use rubrique::rules::Source;

fn lex() -> Lexicon {
    Lexicon::load(&Source::embedded()).unwrap()
}

#[test]
fn keyphrase_is_matched_on_its_topic_words() {
    let lex = lex();
    // a generic adjective is not a topic word: « trajet long » is matched on « trajet »
    assert_eq!(match_words("trajet long", &lex), vec!["trajet"]);
    assert_eq!(match_words("usines d’IA", &lex), vec!["usines", "ia"]);
    // only function words: all of them count
    assert_eq!(match_words("le long", &lex).len(), 2);
    // hyphenated forms hold their parts; elision and case aside
    let kw = match_words("Trajet", &lex);
    assert_eq!(matches_in("Le trajet-type et l’autre trajet.", &kw), 2);
    // written forms only: the plural is another form
    assert_eq!(matches_in("Les trajets du matin.", &kw), 0);
    // every word in the sentence; as many as the rarest
    let kw = match_words("usines d’IA", &lex);
    assert_eq!(matches_in("Les usines d’IA et les usines de pâte.", &kw), 1);
    assert_eq!(matches_in("Les usines ferment.", &kw), 0);
    assert!(mentions("Le trajet du matin", "trajet long", &lex));
}

#[test]
fn band_follows_text_and_keyphrase_length() {
    // 0.5 to 2.95 matches per 100 words (under the analyses' 3), divided by
    // 0.7 + n/3, at least 2
    assert_eq!(density_band(1000, 1), (5, 28));
    assert_eq!(density_band(1000, 2), (4, 21));
    assert_eq!(density_ceiling(1000, 1), 29);
    assert_eq!(density_band(100, 1), (2, 2));
    assert_eq!(density_words("guéri(e) ou/et site.fr Covid-19 — fin"), 6);
}

fn check_json(md: &str) -> serde_json::Value {
    let out = Command::cargo_bin("rubrique")
        .unwrap()
        .args(["check", "--format", "json", "-"])
        .write_stdin(md.as_bytes().to_vec())
        .output()
        .unwrap();
    serde_json::from_str(String::from_utf8(out.stdout).unwrap().trim()).unwrap()
}

fn assessment(v: &serde_json::Value, id: &str) -> serde_json::Value {
    v["assessments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == id)
        .cloned()
        .unwrap()
}

fn density(v: &serde_json::Value) -> serde_json::Value {
    assessment(v, "keyphrase-density")
}

#[test]
fn check_counts_exact_forms_of_topic_words() {
    let mut body = String::new();
    // 20 sentences of 10 words: 200 words; « trajet » in 4 of them, « trajets » in 6
    for i in 0..20 {
        let s = match i % 5 {
            0 => "Le trajet du matin dure longtemps pour les habitants ici.",
            1 | 2 => "Les trajets en car coûtent cher aux familles du village.",
            _ => "La commune cherche une solution avec la région cette année.",
        };
        body.push_str(s);
        body.push(' ');
    }
    let md = format!(
        "---\ntitle: \"Le trajet long\"\nkeyphrase: \"trajet long\"\n---\n\n# Le trajet long\n\n{body}\n"
    );
    let d = density(&check_json(&md));
    // 4 matches of « trajet », the plural not counted, « long » not needed
    assert!(d["message"].as_str().unwrap().contains("4 fois"), "{d}");
    assert_eq!(d["level"], "good", "{d}");
}

const ARTICLE: &str = "La métropole lance un plan de covoiturage pour les salariés des zones d’activité. Le covoiturage doit réduire les bouchons du matin sur la rocade.

Une application gratuite met en relation les conducteurs et les passagers. Le covoiturage sera gratuit pour les passagers pendant la première année. Les conducteurs recevront deux euros par trajet. Les entreprises des zones d’activité financent une partie du dispositif avec la métropole. Les employeurs pourront aussi proposer des places de stationnement réservées.

Des voies réservées au covoiturage seront ouvertes sur la rocade nord à l’automne. Les caméras vérifieront le nombre de passagers dans chaque véhicule. Les contrevenants paieront une amende de cent trente-cinq euros. La préfecture a donné son accord après une longue concertation avec les élus.

Le covoiturage reste peu pratiqué dans la région, selon l’agence d’urbanisme. Moins de trois pour cent des salariés partagent leur voiture pour aller travailler. La plupart des trajets se font seul, sur des distances de vingt kilomètres en moyenne. Les bus ne desservent pas toutes les zones d’activité aux heures de pointe.

Les syndicats saluent l’initiative mais réclament plus de bus. Ils demandent des navettes vers les gares depuis les zones d’activité. La métropole promet une étude sur ces navettes avant la fin de l’année. Les associations d’usagers demandent aussi des pistes cyclables sécurisées.

Le premier bilan du covoiturage sera présenté au conseil dans un an. Les élus décideront alors de prolonger ou non la gratuité pour les passagers. La métropole espère doubler le nombre de covoitureurs d’ici trois ans.";

#[test]
fn rewritten_article_keeps_the_keyphrase_in_the_band() {
    let (md, err, code) = rewrite(ARTICLE, &["--min-words", "300"]);
    assert_eq!(code, 0, "{err}");
    let v = check_json(&md);
    let d = density(&v);
    assert_eq!(d["level"], "good", "{d}\n{md}");
    let sub = assessment(&v, "keyphrase-in-subheadings");
    assert_eq!(sub["level"], "good", "{sub}\n{md}");
}

/// The headings are named after the expansion is planned, and the plan counts
/// every heading still to be named as able to carry the keyphrase. When the
/// heading templates cannot give it to that many, the expansion is asked
/// again for the sections the density band still lacks.
#[test]
fn density_band_is_reached_when_the_templates_cannot_carry_the_keyphrase() {
    // a text without headings that names its keyphrase twice, and heading
    // templates of which one only can carry it (« Le point sur le tramway »)
    let text = include_str!("fixtures/tramway.txt");
    let headings = rubrique::rules::EMBEDDED
        .iter()
        .find(|(n, _)| *n == "rules/headings.yaml")
        .unwrap()
        .1;
    let cut = headings.find("  - id: side-of").unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("rules")).unwrap();
    std::fs::write(
        dir.path().join("rules/headings.yaml"),
        format!(
            "{}  - id: focus-on\n    text: \"Le point sur {{np}}\"\n    examples: [\"la formation\"]\n",
            &headings[..cut]
        ),
    )
    .unwrap();
    let rules = dir.path().display().to_string();
    let (md, err, code) = rewrite(
        text,
        &[
            "--rules",
            &rules,
            "--keyphrase",
            "tramway",
            "--min-words",
            "300",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let d = density(&check_json(&md));
    assert_eq!(d["level"], "good", "{d}\n{md}");
    // the sections asked for are built from the text's facts, with the
    // keyphrase in their heading
    assert!(md.contains("## Le tramway en chiffres"), "{md}");
}

/// A text short of the word target: the key points it quotes are bounded by
/// the keyphrase band of the words it has, not of the target it never
/// reaches.
#[test]
fn a_short_text_is_not_quoted_past_the_keyphrase_band() {
    let text = "La commune de Bellerive ouvre une ressourcerie dans l’ancienne caserne des pompiers du centre. La ressourcerie collecte les meubles, les vêtements et les objets dont les habitants ne veulent plus. Les bénévoles trient chaque semaine les dons et réparent ce qui peut l’être avant la vente. Les prix restent très bas pour que chacun puisse s’équiper sans se ruiner. La ressourcerie emploie aussi quatre salariés en insertion, formés à la réparation et à la vente. Le maire espère réduire d’un tiers le volume des encombrants ramassés dans les rues. Les premiers dons arrivent déjà, avant même l’ouverture officielle prévue au printemps.";
    let (md, err, code) = rewrite(text, &["--keyphrase", "ressourcerie"]);
    assert_eq!(code, 0, "{err}");
    let d = density(&check_json(&md));
    assert_eq!(d["level"], "good", "{d}\n{md}");
}

/// Rewrite `text` for `keyphrase` and check that its density and its share of
/// the subheadings are both good; the `check` report and the warnings.
fn keyphrase_kept_in_band(text: &str, keyphrase: &str) -> (serde_json::Value, String) {
    let (md, err, code) = rewrite(text, &["--keyphrase", keyphrase]);
    assert_eq!(code, 0, "{err}");
    let v = check_json(&md);
    assert_eq!(density(&v)["level"], "good", "{md}");
    let sub = assessment(&v, "keyphrase-in-subheadings");
    assert_eq!(sub["level"], "good", "{sub}\n{md}");
    (v, err)
}

/// A short text whose expansion went past the keyphrase band: the trim drops
/// the section whose heading carried the keyphrase, and a subheading is then
/// opened at a paragraph that names it, so the subheadings keep their share.
#[test]
fn the_density_trim_leaves_the_keyphrase_in_enough_subheadings() {
    let (_, err) =
        keyphrase_kept_in_band(include_str!("fixtures/ressourcerie.txt"), "ressourcerie");
    // the warning says which section went, and why
    assert!(
        err.contains("left out to keep the keyphrase density in its band: faq"),
        "{err}"
    );
}

/// Author headings without the keyphrase, sections of one paragraph each: a
/// subsection opens at the sentence that names the keyphrase (its third), so
/// the subheadings carry it often enough; the introduction stays whole.
#[test]
fn a_subheading_for_the_keyphrase_may_open_inside_a_paragraph() {
    let (v, _) = keyphrase_kept_in_band(
        include_str!("fixtures/jardin-partage.txt"),
        "jardin partagé",
    );
    let intro = assessment(&v, "keyphrase-in-introduction");
    assert_eq!(intro["level"], "good", "{intro}");
}
