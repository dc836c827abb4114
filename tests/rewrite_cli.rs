//! The `rewrite` command as a user runs it: fixtures written for the project in
//! the shapes scrapes give (flat like the seed, line-preserving), checked for what
//! the issue promises: nothing lost, no junk, nothing invented, headings
//! recovered, bounded sections, valid front matter, HTML and JSON.
mod common;

use assert_cmd::Command;
use common::*;

fn rubrique() -> Command {
    Command::cargo_bin("rubrique").unwrap()
}

fn check_article(gold: &Gold, input: &str) {
    let (md, err, code) = rewrite(input, &[]);
    assert_eq!(code, 0, "stderr: {err}");
    let doc = read_md(&md);
    let body = norm(&doc.body);
    // nothing lost
    for s in gold.sentences() {
        assert!(
            body.contains(&norm(&s)),
            "{}: lost sentence: {s}\n---\n{md}",
            gold.id
        );
    }
    // no junk
    let all = norm(&md);
    for j in &gold.junk {
        let probe: Vec<&str> = j.split_whitespace().take(5).collect();
        assert!(
            !all.contains(&norm(&probe.join(" "))),
            "{}: junk leaked: {j}\n---\n{md}",
            gold.id
        );
    }
    // the author's headings come back as headings
    let heads: Vec<String> = doc.headings.iter().map(|(_, h)| norm(h)).collect();
    for h in gold.headings() {
        assert!(
            heads.contains(&norm(&h)),
            "{}: heading not recovered: {h}\n{heads:?}",
            gold.id
        );
    }
    // nothing invented
    let input_numbers = numbers(input);
    for n in numbers(&md) {
        assert!(
            input_numbers.contains(&n),
            "{}: number {n} not in the input\n{md}",
            gold.id
        );
    }
    // bounded sections, described page
    for w in &doc.words_under {
        assert!(*w <= 300, "{}: {w} words under one heading", gold.id);
    }
    let desc = front_value(&doc.front, "description").unwrap();
    let n = desc.chars().count();
    assert!(
        (121..=156).contains(&n),
        "{}: description of {n} chars: {desc}",
        gold.id
    );
    assert!(doc.title.is_some(), "{}: no H1", gold.id);
}

#[test]
fn flat_scrape_keeps_everything_and_recovers_headings() {
    for name in ["velo", "cantines", "jardins"] {
        let g = gold(name);
        check_article(&g, &g.flat());
    }
}

#[test]
fn line_scrape_keeps_everything_and_recovers_headings() {
    for name in ["velo", "cantines", "jardins"] {
        let g = gold(name);
        check_article(&g, &g.lines());
    }
}

#[test]
fn example_reaches_the_word_target_or_says_why() {
    let out = rubrique()
        .args(["rewrite", "examples/article-brut.txt"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    let doc = read_md(&md);
    let words: usize = doc.words_under.iter().sum::<usize>()
        + doc
            .headings
            .iter()
            .map(|(_, h)| h.split_whitespace().count())
            .sum::<usize>();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        words >= 700 || stderr.contains("warning"),
        "{words} words and no warning"
    );
}

#[test]
fn deterministic_output() {
    let g = gold("velo");
    let a = rewrite(&g.flat(), &["--format", "json"]);
    let b = rewrite(&g.flat(), &["--format", "json"]);
    assert_eq!(a.0, b.0);
}

#[test]
fn html_page_is_escaped_with_one_h1_and_json_ld() {
    let g = gold("velo");
    let input = format!("{} <script>alert(1)</script>", g.flat());
    let (html, err, code) = rewrite(
        &input,
        &[
            "--format",
            "html",
            "--url",
            "https://exemple.fr/velo",
            "--date",
            "2024-05-02",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(html.matches("<h1>").count(), 1);
    assert!(html.contains("<script type=\"application/ld+json\">"));
    assert!(html.contains("\"NewsArticle\""));
    assert!(html.contains("<link rel=\"canonical\" href=\"https://exemple.fr/velo\">"));
    assert!(!html.contains("<script>alert"), "input markup came through");
    assert_eq!(html.matches("<script").count(), 1);
    // the JSON-LD parses once its script-safe escapes are read back
    let start = html.find("application/ld+json\">").unwrap() + "application/ld+json\">".len();
    let end = html[start..].find("</script>").unwrap() + start;
    let ld: serde_json::Value = serde_json::from_str(&html[start..end]).unwrap();
    assert_eq!(ld["@type"], "NewsArticle");
    assert_eq!(ld["datePublished"], "2024-05-02");
}

#[test]
fn json_output_has_provenance_and_removals() {
    let g = gold("cantines");
    let (json, err, code) = rewrite(&g.flat(), &["--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(!v["removals"].as_array().unwrap().is_empty());
    for r in v["removals"].as_array().unwrap() {
        assert!(r["rule"].as_str().is_some_and(|s| !s.is_empty()));
        assert!(r["text"].as_str().is_some_and(|s| !s.is_empty()));
    }
    let n = v["sentences"].as_array().unwrap().len();
    for s in v["sections"].as_array().unwrap() {
        for b in s["blocks"].as_array().unwrap() {
            if b["type"] == "paragraph" {
                for id in b["sentences"].as_array().unwrap() {
                    assert!((id.as_u64().unwrap() as usize) < n);
                }
            }
        }
    }
}

#[test]
fn options_title_and_keyphrase_are_used() {
    let g = gold("velo");
    let (md, _, code) = rewrite(
        &g.flat(),
        &[
            "--title",
            "Valbourg mise sur le vélo",
            "--keyphrase",
            "plan vélo",
        ],
    );
    assert_eq!(code, 0);
    let doc = read_md(&md);
    assert_eq!(doc.title.as_deref(), Some("Valbourg mise sur le vélo"));
    assert_eq!(
        front_value(&doc.front, "keyphrase").as_deref(),
        Some("plan vélo")
    );
    assert!(front_value(&doc.front, "slug")
        .unwrap()
        .starts_with("plan-velo"));
}

fn refused(input: Vec<u8>, args: &[&str]) -> String {
    let out = rubrique()
        .arg("rewrite")
        .args(args)
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(3),
        "stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim_end().lines().count(), 1, "one-line message: {err}");
    err
}

#[test]
fn refusals_exit_3_with_one_line() {
    assert!(refused(Vec::new(), &[]).contains("empty"));
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01".to_vec();
    assert!(refused(png, &[]).contains("byte"));
    let english = "The city council approved a new cycling plan on Tuesday. It will build one hundred kilometres of protected lanes and new parking at every station. Residents welcomed the decision but asked for faster work.";
    let err = refused(english.as_bytes().to_vec(), &[]);
    assert!(err.contains("not French") && err.contains("eng"), "{err}");
    // one English sentence is cut out whole as a foreign fragment: the
    // refusal still names the language, not an empty text
    let short =
        "The council approved the new cycling plan and the city will build it in the spring.";
    let err = refused(short.as_bytes().to_vec(), &[]);
    assert!(err.contains("not French") && err.contains("eng"), "{err}");
    let err = refused(vec![b'a'; 2_000], &["--max-bytes", "1000"]);
    assert!(err.contains("limit"), "{err}");
}

#[test]
fn fifty_megabytes_refused_before_reading_it_all() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(50 * 1024 * 1024).unwrap();
    let out = rubrique().arg("rewrite").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim_end().lines().count(), 1);
    assert!(err.contains("limit"));
}

#[test]
fn invalid_rules_dir_exits_4_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("rules")).unwrap();
    std::fs::write(
        dir.path().join("rules/meta.yaml"),
        "title_max_chars: 70\nunknown_key: 1\n",
    )
    .unwrap();
    let out = rubrique()
        .args(["rewrite", "--rules"])
        .arg(dir.path())
        .write_stdin("Un texte.")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("meta.yaml") && err.contains("unknown_key"),
        "{err}"
    );
}

#[test]
fn usage_errors_exit_2() {
    let out = rubrique()
        .args(["rewrite", "/nonexistent/file.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = rubrique()
        .args(["rewrite", "--format", "pdf"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = rubrique()
        .args(["rewrite", "--date", "02/05/2024"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn json_carries_the_report_and_html_report_is_written() {
    let g = gold("velo");
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("rapport.html");
    let out = rubrique()
        .args(["rewrite", "--format", "json", "--report"])
        .arg(&report)
        .write_stdin(g.flat())
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let assessments = v["report"]["assessments"].as_array().unwrap();
    // the structural assessments pass on rubrique's own output
    for id in [
        "paragraph-length",
        "subheading-distribution",
        "description-length",
        "title-width",
        "single-h1",
        "keyphrase-in-introduction",
    ] {
        let a = assessments
            .iter()
            .find(|a| a["id"] == id)
            .unwrap_or_else(|| panic!("no {id}"));
        assert_eq!(a["level"], "good", "{id}: {a}");
    }
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(html.contains("<table>") && html.contains("paragraph-length"));
}

#[test]
fn every_example_rewrites_without_page_furniture() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        n += 1;
        let out = rubrique().arg("rewrite").arg(&path).output().unwrap();
        assert!(
            out.status.success(),
            "{}: {}",
            path.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        let md = String::from_utf8(out.stdout).unwrap();
        for furniture in [
            "Accueil >",
            "Accueil ›",
            "Partager sur",
            "function(",
            "Lire aussi",
            "Source link",
            "Se connecter",
        ] {
            assert!(
                !md.contains(furniture),
                "{}: `{furniture}` left in\n{md}",
                path.display()
            );
        }
    }
    assert!(n >= 2, "examples/ holds the sample inputs");
}

#[test]
fn line_scrape_furniture_of_other_sites_is_removed() {
    // a line-preserving scrape whose page furniture is worded unlike the
    // examples: a breadcrumb with slashes, a byline with a comma, a share
    // line with a label, a subscription offer, a media teaser, tags, a
    // follow prompt and footer links
    let text = "Accueil / Actualités / Environnement\n\
        Le lac de Sérigny retrouve ses oiseaux migrateurs\n\
        Par Hélène Garnier, publié le 4 avril 2024 à 9h12, mis à jour le 4 avril 2024 à 11h40\n\
        Partager : Facebook X WhatsApp E-mail\n\
        Après dix ans de travaux de restauration, le lac de Sérigny accueille de nouveau des milliers d’oiseaux migrateurs chaque printemps. Les ornithologues de l’association locale ont compté plus de quatre mille canards et hérons le mois dernier.\n\
        Des berges rendues à la nature\n\
        Les anciennes digues de béton ont été remplacées par des roselières qui filtrent l’eau et abritent les nids. Le syndicat du lac a financé ces travaux avec l’aide de la région.\n\
        Abonnez-vous à partir de 1 € le premier mois\n\
        VIDÉO. Le retour des grues cendrées au petit matin\n\
        Les promeneurs doivent désormais rester sur les sentiers balisés entre mars et juin. Des panneaux expliquent les règles à l’entrée de chaque chemin.\n\
        Mots-clés : lac, oiseaux, biodiversité\n\
        Suivez-nous sur Facebook, Instagram et LinkedIn\n\
        Mentions légales | Plan du site | Nous contacter\n\
        Signaler une erreur\n";
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("lac.txt");
    std::fs::write(&input, text).unwrap();
    let out = rubrique().arg("rewrite").arg(&input).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = String::from_utf8(out.stdout).unwrap();
    for furniture in [
        "Accueil",
        "Hélène Garnier",
        "Partager",
        "WhatsApp",
        "Abonnez-vous",
        "VIDÉO",
        "Mots-clés",
        "Suivez-nous",
        "Mentions légales",
        "Signaler",
    ] {
        assert!(!md.contains(furniture), "`{furniture}` left in\n{md}");
    }
    assert!(
        md.contains("\n# Le lac de Sérigny retrouve ses oiseaux migrateurs\n"),
        "{md}"
    );
    assert!(md.contains("## Des berges rendues à la nature"), "{md}");
    for sentence in [
        "Des panneaux expliquent les règles à l’entrée de chaque chemin.",
        "Le syndicat du lac a financé ces travaux avec l’aide de la région.",
    ] {
        assert!(md.contains(sentence), "`{sentence}` lost\n{md}");
    }
}
