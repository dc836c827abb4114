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

/// The article's body: the Markdown after its front matter.
fn body(input: &str) -> String {
    let out = Command::cargo_bin("rubrique")
        .unwrap()
        .arg("rewrite")
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{input}");
    let md = String::from_utf8(out.stdout).unwrap();
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
