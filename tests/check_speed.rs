//! `rubrique check` stays linear in the size of the article, in Markdown and in
//! HTML: a 2 MB article is read and assessed in well under a second per MB
//! (checked in optimised builds: `cargo test --release`). A stage that rescans
//! the text for each block or tag (it once counted lines from the start of the
//! page for every HTML tag) takes seconds here.
use std::process::Command;
use std::time::{Duration, Instant};

const SENTENCES: &[&str] = &[
    "La commune a voté mardi un budget de 12 millions d’euros pour rénover ses écoles.",
    "Les travaux commenceront en septembre et dureront deux ans, selon le maire.",
    "Les parents d’élèves ont salué un projet attendu depuis longtemps.",
    "Toutefois, l’opposition juge le calendrier trop serré pour les entreprises locales.",
    "Le chantier sera financé par un emprunt et par une subvention de la région.",
    "Ainsi, chaque école recevra une nouvelle isolation et des panneaux solaires.",
    "Une réunion publique est prévue le 14 octobre à la salle des fêtes.",
    "« Nous voulons des écoles sobres et agréables », a déclaré l’adjointe chargée de l’éducation.",
];

fn paragraph(i: usize) -> String {
    (0..4)
        .map(|k| SENTENCES[(i + k) % SENTENCES.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

fn markdown(size: usize) -> String {
    let mut s = String::from(
        "---\ntitle: \"Écoles : la commune vote un budget de rénovation\"\n\
         seo_title: \"Rénovation des écoles : un budget de 12 millions\"\n\
         description: \"La commune a voté un budget de 12 millions d’euros pour rénover ses écoles : travaux en septembre, financement par emprunt et subvention.\"\n\
         slug: \"renovation-ecoles-budget\"\nkeyphrase: \"rénovation des écoles\"\n---\n\n\
         # Écoles : la commune vote un budget de rénovation\n\n",
    );
    let mut i = 0;
    while s.len() < size {
        s.push_str(&format!("## Rénovation des écoles, étape {i}\n\n"));
        s.push_str(&paragraph(i));
        s.push_str("\n\n");
        s.push_str(&paragraph(i + 3));
        s.push_str("\n\n");
        i += 1;
    }
    s
}

fn html(size: usize) -> String {
    let mut s = String::from(
        "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n\
         <title>Rénovation des écoles : un budget de 12 millions</title>\n\
         <meta name=\"description\" content=\"La commune a voté un budget de 12 millions d’euros pour rénover ses écoles.\">\n\
         </head>\n<body>\n<h1>Écoles : la commune vote un budget de rénovation</h1>\n",
    );
    let mut i = 0;
    while s.len() < size {
        s.push_str(&format!(
            "<h2>Rénovation des écoles, étape {i}</h2>\n<p>{}</p>\n<p>{} <a href=\"https://example.org/{i}\">détails</a>.</p>\n",
            paragraph(i),
            paragraph(i + 3)
        ));
        i += 1;
    }
    s.push_str("</body>\n</html>\n");
    s
}

/// Wall-clock time of `rubrique check --format json FILE` (the process start
/// included; the assessments use every core).
fn time_check(name: &str, text: &str) -> Duration {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    let start = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_rubrique"))
        .args(["check", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    let took = start.elapsed();
    // 0: passed, 1: an assessment failed; both mean the file was assessed
    assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
    let report: serde_json::Value =
        serde_json::from_slice(out.stdout.split(|&b| b == b'\n').next().unwrap()).unwrap();
    assert!(report["words"].as_u64().unwrap() > 100_000, "{report}");
    took
}

/// Seconds per megabyte the check must stay under: about ten times what it
/// takes on a 2-core machine (0.05–0.1 s for 1 MB).
const SECONDS_PER_MB: f64 = 0.5;

fn assert_fast(name: &str, text: &str) {
    let took = time_check(name, text);
    let mb = text.len() as f64 / 1e6;
    eprintln!("{name}: {} bytes in {took:?}", text.len());
    if !cfg!(debug_assertions) {
        assert!(
            took.as_secs_f64() < SECONDS_PER_MB * mb,
            "{name}: {} bytes took {took:?}",
            text.len()
        );
    }
}

#[test]
fn check_reads_and_assesses_2_mb_of_markdown_in_linear_time() {
    assert_fast("long.md", &markdown(2_000_000));
}

#[test]
fn check_reads_and_assesses_2_mb_of_html_in_linear_time() {
    assert_fast("long.html", &html(2_000_000));
}
