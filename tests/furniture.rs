//! Page furniture of French news sites (tests/fixtures/furniture.txt) glued
//! after the last sentence of a flat text, or on a line of its own between
//! paragraphs, is removed, and the article keeps every sentence.
use assert_cmd::Command;

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

/// The Markdown `rubrique rewrite` writes for `input` (it must succeed).
fn rewrite(input: &str) -> String {
    let out = Command::cargo_bin("rubrique")
        .unwrap()
        .arg("rewrite")
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{input}");
    String::from_utf8(out.stdout).unwrap()
}

/// The article's body: the Markdown after its front matter.
fn body(input: &str) -> String {
    let md = rewrite(input);
    md.split_once("\n---\n")
        .map_or(md.as_str(), |(_, body)| body)
        .to_string()
}

#[test]
fn furniture_never_reaches_the_article() {
    let article = fixture("mediatheque.txt").replace('\n', " ");
    let article = article.trim();
    let after = "Les travaux de la deuxième tranche commenceront en septembre, selon la mairie.";
    let mut leaks = Vec::new();
    for item in fixture("furniture.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let flat = format!("{article} {item}\n");
        let lines = format!("{article}\n\n{item}\n\n{after}\n");
        for (shape, input) in [("flat", flat), ("lines", lines)] {
            let body = body(&input);
            // the first 25 characters of the furniture (its markup may differ)
            let probe: String = item.chars().take(25).collect();
            if body.contains(&probe) {
                leaks.push(format!("{shape}: {item}"));
            }
            assert!(body.contains("classée en 1994"), "{shape}: {item}\n{body}");
            if shape == "lines" {
                assert!(body.contains("deuxième tranche"), "{item}\n{body}");
            }
        }
    }
    assert!(leaks.is_empty(), "{leaks:#?}");
}

#[test]
fn furniture_appended_in_a_run_is_removed_whole() {
    let article = fixture("mediatheque.txt").replace('\n', " ");
    let article = article.trim();
    for (run, words) in [
        (
            "Partager cet article Suivez-nous sur Facebook et Instagram Haut de page",
            &["Partager", "Suivez", "Haut de page"][..],
        ),
        (
            "Cet article vous a plu ? Partagez-le ! Les plus lus Fermer",
            &["plu ?", "plus lus", "Fermer"][..],
        ),
        (
            "Lire la suite Article suivant Mentions légales | Plan du site",
            &["Lire la suite", "suivant", "Mentions", "Plan du site"][..],
        ),
        (
            "© 2024 Le Courrier de Valmont. Tous droits réservés. Rubriques Haut de page",
            &["Courrier", "droits", "Rubriques", "Haut de page"][..],
        ),
        (
            "Par Julie Martin Publié le 12/03/2024 à 09:00 Partager cet article",
            &["Julie Martin", "Publié", "Partager"][..],
        ),
    ] {
        let body = body(&format!("{article} {run}\n"));
        for w in words {
            assert!(!body.contains(w), "{run}: {w}\n{body}");
        }
        assert!(body.contains("classée en 1994"), "{run}\n{body}");
    }
}

/// The front matter's `title:` line.
fn title(input: &str) -> String {
    rewrite(input)
        .lines()
        .find_map(|l| l.strip_prefix("title: "))
        .unwrap_or_default()
        .trim_matches('"')
        .to_string()
}

/// The fixture article's paragraphs, each on one line.
fn paragraphs() -> Vec<String> {
    fixture("mediatheque.txt")
        .split("\n\n")
        .map(|p| p.replace('\n', " "))
        .filter(|p| !p.trim().is_empty())
        .collect()
}

#[test]
fn the_top_and_the_end_of_a_line_scrape_are_furniture() {
    let paragraphs = paragraphs();
    let heading = "La médiathèque rouvre après deux ans de travaux";
    for (top, end) in [
        (
            "Culture / Patrimoine\n\n{h}\n\nSophie Garnier - 04.03.2024\n\nLecture 5 min",
            "Vous aimerez aussi\n\nLe marché de Noël s’installe place du Château\n\nLes pompiers recrutent des volontaires",
        ),
        (
            "Vous êtes ici : Vie locale › Culture\n{h}\nPar Paul Roux Le 4 mars 2024 à 08h15\nContenu partenaire",
            "Nos derniers articles\nLe marché de Noël s’installe place du Château\nTous droits de reproduction réservés © L’Hebdo du Val 2022",
        ),
        (
            "Accueil – Culture – Patrimoine\n{h}\nMis à jour le 4 mars 2024 · Lecture 5 min",
            "Les articles les plus partagés\nLe marché de Noël s’installe place du Château\nLes pompiers recrutent des volontaires",
        ),
        (
            "Vous lisez : Le mag ⟩ Culture\n{h}\nPublié le 04/03/2024 à 8 h 15 par notre correspondante\n© Photo d’archives Le Courrier du Val",
            "Une réaction ? Écrivez-nous à lecteurs@exemple.fr\n© Le Courrier du Val 2024 – Mentions légales – Espace presse",
        ),
    ] {
        let top = top.replace("{h}", heading);
        let sep = if top.contains("\n\n") { "\n\n" } else { "\n" };
        let input = format!("{top}{sep}{}{sep}{end}\n", paragraphs.join(sep));
        assert_eq!(title(&input), heading, "{input}");
        let body = body(&input);
        for furniture in top.lines().chain(end.lines()) {
            if furniture.is_empty() || furniture == heading {
                continue;
            }
            assert!(!body.contains(furniture), "{furniture}\n{body}");
        }
        assert!(body.contains("classée en 1994"), "{body}");
        // the title heads the article once, never a paragraph of its own
        assert_eq!(body.matches(heading).count(), 1, "{body}");
    }
}

#[test]
fn related_titles_under_a_header_no_rule_knows_are_removed() {
    // after the article's last paragraph, a header of a few words and the
    // titles under it, all short lines that head no prose (the fixture's
    // sentences, two by two, make the paragraphs of a line scrape)
    let text = fixture("mediatheque.txt").replace('\n', " ");
    let sentences: Vec<&str> = text.split_inclusive(". ").collect();
    let paragraphs: Vec<String> = sentences.chunks(2).map(|c| c.concat()).collect();
    assert!(paragraphs.len() >= 4, "{paragraphs:?}");
    let closing = "Et vous, quel livre emprunterez-vous en premier ?";
    let block = [
        "Nos coups de cœur",
        "Le marché de Noël s’installe place du Château",
        "Les pompiers recrutent des volontaires",
        "« Zéro déchet » : la cantine change de menu ?",
        // a teaser may exclaim, and a long one ask a question
        "Quinze ans après, la piscine municipale rouvre enfin ses bassins !",
        "Pourquoi les horaires de la ligne de bus du plateau changent-ils encore une fois à la rentrée de septembre ?",
    ];
    let input = format!(
        "La médiathèque rouvre après deux ans de travaux\n\n{}\n\n{closing}\n\n{}\n",
        paragraphs.join("\n\n"),
        block.join("\n\n")
    );
    let body = body(&input);
    for line in block {
        assert!(!body.contains(line), "{line}\n{body}");
    }
    // the author's closing question before the block stays
    assert!(body.contains("quel livre emprunterez-vous"), "{body}");
    assert!(body.contains("classée en 1994"), "{body}");
}

/// The removals `rubrique rewrite --format json` records for `input`:
/// (rule, removed text).
fn removals(input: &str) -> Vec<(String, String)> {
    let out = Command::cargo_bin("rubrique")
        .unwrap()
        .args(["rewrite", "--format", "json"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{input}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["removals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["rule"].as_str().unwrap().to_string(),
                r["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn menus_and_dated_bylines_go_whatever_their_words() {
    // wordings no phrase rule knows: a trail of sections, a byline with its
    // time, a row of buttons; the lines of the article stay, a title with a
    // date and a heading with dashes included
    let paragraphs = paragraphs();
    let heading = "La médiathèque rouvre le 4 mars 2024 après deux ans de travaux";
    let furniture = [
        "Quartiers ⇢ Rive gauche ⇢ Sorties",
        "La cellule Vie locale ∙ texte ⋅ 04/03/2024 ⋅ 8h15",
        "Écouter · Garder pour plus tard · Offrir",
        // any arrow, shape or dingbat may set items apart, and open one
        "⌂ Accueil ▶ Culture ▶ Lecture publique",
        "VIE LOCALE ❘ Culture ❘ Reportage",
        // a time ago, or a day without its year that ends the line
        "Jeanne Roux · il y a 3 heures · Commenter (4)",
        "Paul Girard (à Valence) le jeudi 7 mars",
        // a label in capitals, or one that ends on a symbol
        "ESPACE ANNONCEURS",
        "Offre du moment ▾",
        // two items are enough between arrows, and no breadcrumb is a title
        "Fil : Culture ⟶ Lecture",
    ];
    let input = format!(
        "{}\n{}\n{}\n{heading}\n{}\n{}\n{}\n{}\n{}\n{}\nLecture – écriture – jeux\n{}\n© 2024, Le Courrier du Plateau — ISSN 0000-0000 — Hébergé à Valence\n",
        furniture[9],
        furniture[0],
        furniture[3],
        furniture[1],
        furniture[5],
        furniture[6],
        paragraphs[0],
        furniture[2],
        furniture[4],
        [furniture[7], furniture[8], &paragraphs[1..].join("\n")].join("\n")
    );
    let body = body(&input);
    for line in furniture {
        assert!(!body.contains(line), "{line}\n{body}");
    }
    assert!(!body.contains("Courrier du Plateau"), "{body}");
    assert!(body.contains("Lecture – écriture – jeux"), "{body}");
    assert!(body.contains("classée en 1994"), "{body}");
    assert_eq!(title(&input), heading, "{input}");
    let rules: Vec<String> = removals(&input).into_iter().map(|(r, _)| r).collect();
    assert!(rules.iter().any(|r| r == "menu-line"), "{rules:?}");
    assert!(rules.iter().any(|r| r == "date-line"), "{rules:?}");
}

#[test]
fn a_long_title_line_stays_the_title() {
    // longer than the title bound of rules/meta.yaml: the author's title is
    // kept (it is no longer in the text), the SEO title is cut instead
    let heading = "La commune de Valmont rouvre sa médiathèque rénovée dans l’ancienne halle du marché couvert";
    let input = format!("{heading}\n\n{}\n", paragraphs().join("\n\n"));
    assert_eq!(title(&input), heading, "{input}");
}
