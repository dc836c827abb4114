//! Good French in what rubrique generates: every heading template of
//! `rules/headings.yaml` (filled with its examples) and every expansion template
//! of `rules/expansions.yaml` (headings, intro, items and questions, filled with
//! sample facts written for the project) is checked by Grammalecte, the French
//! grammar checker (`grammalecte-cli`, Debian package `grammalecte-cli`), which
//! must find no grammar or typography error. The test is skipped, with a notice,
//! where the checker is not installed.
use rubrique::expand::{self, Expander};
use rubrique::headings::{HeadingWriter, Np};
use rubrique::keywords::{Keywords, Term};
use rubrique::rules::Source;
use std::collections::BTreeMap;
use std::io::Write;
use std::process::Command;

fn checker_present() -> bool {
    Command::new("grammalecte-cli")
        .arg("--help")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A noun phrase written with its determiner ("les usines d’IA", "du marché",
/// "de l’industrie") as the headings stage holds it.
fn np(example: &str) -> Np {
    let e = example.trim();
    let (det, term) = if let Some(r) = e.strip_prefix("de l’") {
        (Some("l’"), r)
    } else if let Some(r) = e.strip_prefix("de la ") {
        (Some("la"), r)
    } else if let Some(r) = e.strip_prefix("l’") {
        (Some("l’"), r)
    } else if let Some((d, r)) = e.split_once(' ') {
        match d {
            "le" | "la" | "les" | "des" | "du" | "un" | "une" => (Some(d), r),
            _ => (None, e),
        }
    } else {
        (None, e)
    };
    Np {
        term: term.to_string(),
        determiner: det.map(str::to_string),
    }
}

fn keywords_for(kp: &Np) -> Keywords {
    let mut terms = BTreeMap::new();
    terms.insert(
        kp.term.clone(),
        Term {
            surface: kp.term.clone(),
            determiner: kp.determiner.clone(),
            key: kp.term.clone(),
            count: 3,
            det_count: 3,
            len: kp.term.split_whitespace().count(),
            score: 1.0,
            ends: 3,
            cut: 0,
        },
    );
    Keywords {
        keyphrase: kp.term.clone(),
        secondary: Vec::new(),
        section_terms: Vec::new(),
        terms,
        sentence_density: Vec::new(),
    }
}

/// Every generated line the templates can produce with their examples.
fn rendered_lines() -> Vec<String> {
    let source = Source::embedded();
    let mut lines = Vec::new();

    let headings = HeadingWriter::load(&source).expect("rules/headings.yaml loads");
    for tpl in &headings.rules.templates {
        assert!(
            !tpl.examples.is_empty(),
            "heading template `{}` has no examples",
            tpl.id
        );
        for ex in &tpl.examples {
            let (a, b) = match ex.split_once(" et ") {
                Some((a, b)) if tpl.text.contains("{np2}") => (np(a), Some(np(b))),
                _ => (np(ex), None),
            };
            let text = headings
                .fill(tpl, &a, b.as_ref())
                .unwrap_or_else(|| panic!("heading template `{}` cannot take `{ex}`", tpl.id));
            lines.push(text);
        }
    }

    let expander = Expander::load(&source).expect("rules/expansions.yaml loads");
    let keyphrases = [
        "les usines d’IA",
        "le marché",
        "l’industrie",
        "la formation",
    ];
    for tpl in &expander.rules.templates {
        assert!(
            !tpl.examples.is_empty(),
            "expansion template `{}` has no examples",
            tpl.id
        );
        for kp in keyphrases {
            lines.extend(expand::heading_options(tpl, &keywords_for(&np(kp))));
        }
        if let Some(intro) = &tpl.intro {
            lines.push(rubrique::french::typography::apply(intro));
        }
        for ex in &tpl.examples {
            let values: Vec<(&str, &str)> =
                ex.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let item = expand::fill(&tpl.item, &values)
                .unwrap_or_else(|| panic!("template `{}`: example {ex:?} misses a value", tpl.id));
            lines.push(rubrique::french::typography::apply(&item));
            if let Some(answer) = ex.get("answer") {
                lines.push(rubrique::french::typography::apply(answer));
            }
        }
        let subjects = [
            ("definition", "le compost collectif"),
            ("definition", "une ressourcerie"),
            ("definition", "l’application"),
            ("definition-plural", "les jardins partagés"),
            ("purpose", "le permis de végétaliser"),
            ("purpose", "l’outil de suivi"),
            ("purpose-plural", "les bornes de recharge"),
        ];
        for (kind, q) in &tpl.questions {
            for (k, subject) in subjects {
                if k == kind {
                    lines.push(expand::fill_question(q, subject));
                }
            }
        }
    }
    lines
}

#[test]
fn templates_render_with_every_placeholder() {
    let lines = rendered_lines();
    assert!(lines.len() > 20);
    for l in &lines {
        assert!(!l.contains('{') && !l.contains('}'), "unfilled: {l}");
    }
}

#[test]
fn grammalecte_finds_nothing_in_generated_text() {
    if !checker_present() {
        eprintln!("notice: grammalecte-cli is not installed; Grammalecte check skipped");
        return;
    }
    // markup is not text: bold marks are dropped, spaces (NBSP included) kept
    let lines: Vec<String> = rendered_lines()
        .into_iter()
        .map(|l| l.replace("**", ""))
        .collect();
    let mut file = tempfile::NamedTempFile::new().expect("temp file");
    for l in &lines {
        writeln!(file, "{l}").expect("write");
    }
    file.flush().expect("flush");
    let out = Command::new("grammalecte-cli")
        .arg("-f")
        .arg(file.path())
        .arg("-j")
        .output()
        .expect("grammalecte-cli runs");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "grammalecte-cli output is not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    });
    let mut errors = Vec::new();
    for para in json["data"].as_array().into_iter().flatten() {
        let i = para["iParagraph"].as_u64().unwrap_or(0) as usize;
        let line = lines.get(i.wrapping_sub(1)).cloned().unwrap_or_default();
        for e in para["lGrammarErrors"].as_array().into_iter().flatten() {
            let chars: Vec<char> = line.chars().collect();
            let s = e["nStart"].as_u64().unwrap_or(0) as usize;
            let t = e["nEnd"].as_u64().unwrap_or(0) as usize;
            let span: String = chars
                .get(s.min(chars.len())..t.min(chars.len()))
                .map(|c| c.iter().collect())
                .unwrap_or_default();
            errors.push(format!(
                "{} «{}» {} | {}",
                e["sRuleId"].as_str().unwrap_or(""),
                span,
                e["sMessage"].as_str().unwrap_or(""),
                line
            ));
        }
    }
    assert!(
        errors.is_empty(),
        "Grammalecte finds {} error(s) in {} generated lines:\n{}",
        errors.len(),
        lines.len(),
        errors.join("\n")
    );
}
