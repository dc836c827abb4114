//! Rule files given with `--rules DIR` are untrusted input: a pattern that
//! would blow up the compiled regex is refused with the rule's id, a missing or
//! misspelt key names the file, the line and the key, an unknown key is an
//! error, every time with exit 4.
use assert_cmd::Command;
use rubrique::rules::EMBEDDED;
use std::path::Path;

const ARTICLE: &str = "Le département a ouvert lundi un nouveau collège dans le quartier \
nord de la ville. Les élèves de sixième ont découvert des salles lumineuses et une \
cour plantée d’arbres. Le chantier a duré dix-huit mois et a coûté 21 millions \
d’euros. Le principal espère accueillir six cents élèves à la rentrée prochaine.";

/// Run `rewrite` on the article with `file` (a path like `rules/junk.yaml`)
/// replaced by `text`: (exit code, standard error, the file's full path).
fn with_rule_file(file: &str, text: &str) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(file);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    let out = Command::cargo_bin("rubrique")
        .unwrap()
        .args(["rewrite", "--rules"])
        .arg(dir.path())
        .write_stdin(ARTICLE)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stderr).unwrap(),
        path.display().to_string(),
    )
}

fn embedded(name: &str) -> &'static str {
    EMBEDDED.iter().find(|(n, _)| *n == name).unwrap().1
}

fn junk_rule(id: &str, pattern: &str) -> String {
    format!(
        "rules:\n  - id: {id}\n    description: test\n    pattern: '{}'\n    examples:\n      strip: [\"x\"]\n      keep: [\"y\"]\n",
        pattern.replace('\'', "''")
    )
}

#[test]
fn the_embedded_rules_load() {
    let out = Command::cargo_bin("rubrique")
        .unwrap()
        .arg("rewrite")
        .write_stdin(ARTICLE)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn oversized_patterns_are_refused_with_the_rule_id() {
    for (id, pattern) in [
        ("mots-geants", r"(?:\w{100}){100}"),
        ("points-en-cascade", r"(?:.{10000}){1000}"),
        ("repetition-imbriquee", r"((a{100}){100}){100}"),
        ("unicode-large", r"[\p{L}\p{N}]{5000}"),
    ] {
        let (code, err, file) = with_rule_file("rules/junk.yaml", &junk_rule(id, pattern));
        assert_eq!(code, 4, "{id}: {err}");
        assert!(
            err.contains(id),
            "{id}: the message does not name the rule: {err}"
        );
        assert!(
            err.contains(&file),
            "{id}: the message does not name the file: {err}"
        );
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}

#[test]
fn invalid_patterns_are_refused_with_the_rule_id() {
    let (code, err, _) = with_rule_file("rules/junk.yaml", &junk_rule("ouverte", "(sans fin"));
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("ouverte"), "{err}");
}

#[test]
fn a_reasonable_user_pattern_is_accepted() {
    let (code, err, _) = with_rule_file(
        "rules/junk.yaml",
        &junk_rule("pub", r"(?i)publicité\s*:[^\n]{0,200}"),
    );
    assert_eq!(code, 0, "{err}");
}

#[test]
fn a_misspelt_key_names_the_file_line_and_key() {
    // `min_score` written `min_scor` on line 6
    let text = embedded("rules/structure.yaml").replacen("min_score:", "min_scor:", 1);
    let line = text
        .lines()
        .position(|l| l.starts_with("min_scor:"))
        .unwrap()
        + 1;
    let (code, err, file) = with_rule_file("rules/structure.yaml", &text);
    assert_eq!(code, 4, "{err}");
    assert!(err.contains(&format!("{file}:{line}:")), "{err}");
    assert!(err.contains("min_scor"), "{err}");
}

#[test]
fn a_missing_key_names_the_file_and_key() {
    let text: String = embedded("rules/structure.yaml")
        .lines()
        .filter(|l| !l.starts_with("min_score:"))
        .map(|l| format!("{l}\n"))
        .collect();
    let (code, err, file) = with_rule_file("rules/structure.yaml", &text);
    assert_eq!(code, 4, "{err}");
    assert!(err.contains(&file), "{err}");
    assert!(err.contains("min_score"), "{err}");
    assert!(!err.contains(":0:"), "no line given: {err}");
}

#[test]
fn a_missing_key_in_a_list_item_names_its_line() {
    let text =
        "rules:\n  - id: premier\n    description: un motif\n    pattern: 'a'\n    examples:\n      strip: [a]\n      keep: [b]\n  - id: second\n    description: sans motif\n    examples:\n      strip: [a]\n      keep: [b]\n";
    let (code, err, file) = with_rule_file("rules/junk.yaml", text);
    assert_eq!(code, 4, "{err}");
    assert!(err.contains(&file) && err.contains("pattern"), "{err}");
    assert!(!err.contains(":0:"), "no line given: {err}");
}

/// Is `name` read by `rewrite` at all? (a syntax error in it must then fail)
fn is_read(name: &str) -> bool {
    let (code, _, _) = with_rule_file(name, "{ [ cassé");
    code != 0
}

#[test]
fn every_yaml_file_refuses_an_unknown_key_at_top_level() {
    let mut checked = Vec::new();
    for (name, text) in EMBEDDED.iter().filter(|(n, _)| n.ends_with(".yaml")) {
        if !is_read(name) {
            eprintln!("{name}: not read by any stage yet");
            continue;
        }
        let bad = format!("{text}\ncle_inconnue: 1\n");
        let line = bad.lines().count();
        let (code, err, file) = with_rule_file(name, &bad);
        assert_eq!(code, 4, "{name}: an unknown key is accepted: {err}");
        assert!(
            err.contains(&format!("{file}:{line}:")) && err.contains("cle_inconnue"),
            "{name}: {err}"
        );
        checked.push(*name);
    }
    for must in [
        "rules/junk.yaml",
        "rules/structure.yaml",
        "lexicons/topics.yaml",
    ] {
        assert!(checked.contains(&must), "{must} not checked: {checked:?}");
    }
}

#[test]
fn every_yaml_file_refuses_an_unknown_key_in_its_entries() {
    // an unknown key in the first entry of each list of mappings
    for (name, text) in EMBEDDED.iter().filter(|(n, _)| n.ends_with(".yaml")) {
        if !is_read(name) {
            continue;
        }
        let lines: Vec<&str> = text.lines().collect();
        let Some(i) = lines.iter().position(|l| {
            let t = l.trim_start();
            t.starts_with("- ") && t[2..].contains(": ") && !t[2..].starts_with(['"', '\''])
        }) else {
            continue;
        };
        let indent = lines[i].len() - lines[i].trim_start().len() + 2;
        let mut bad: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        bad.insert(i + 1, format!("{}cle_inconnue: 1", " ".repeat(indent)));
        let (code, err, file) = with_rule_file(name, &(bad.join("\n") + "\n"));
        assert_eq!(
            code, 4,
            "{name}: an unknown key in an entry is accepted: {err}"
        );
        assert!(
            err.contains(&format!("{file}:{}:", i + 2)) && err.contains("cle_inconnue"),
            "{name}: {err}"
        );
    }
}

#[test]
fn a_rule_directory_that_does_not_exist_is_a_usage_error() {
    let out = Command::cargo_bin("rubrique")
        .unwrap()
        .args(["rewrite", "--rules"])
        .arg(Path::new("/nonexistent-rubrique-rules-dir"))
        .write_stdin(ARTICLE)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn rule_values_out_of_range_do_not_panic() {
    // zeros and inverted bounds must give an article or a rule error, never a crash
    for (name, from, to) in [
        ("rules/sections.yaml", "max_words: 280", "max_words: 0"),
        ("rules/sections.yaml", "window: 3", "window: 0"),
        ("rules/sections.yaml", "min_words: 60", "min_words: 100000"),
        (
            "rules/sections.yaml",
            "max_paragraph_sentences: 4",
            "max_paragraph_sentences: 0",
        ),
        (
            "rules/sections.yaml",
            "max_paragraph_words: 110",
            "max_paragraph_words: 0",
        ),
        (
            "rules/structure.yaml",
            "max_heading_words: 14",
            "max_heading_words: 0",
        ),
        (
            "rules/meta.yaml",
            "description_max_chars: 156",
            "description_max_chars: 0",
        ),
        ("rules/meta.yaml", "slug_max_chars: 60", "slug_max_chars: 0"),
        (
            "rules/meta.yaml",
            "title_max_chars: 70",
            "title_max_chars: 1",
        ),
        ("rules/headings.yaml", "max_chars: 70", "max_chars: 0"),
        ("rules/expansions.yaml", "max_items: 5", "max_items: 0"),
        // the largest integers: a window past the sentences once cut a
        // slice backwards, and a chain gap overflowed (in builds that check)
        (
            "rules/sections.yaml",
            "window: 3",
            "window: 18446744073709551615",
        ),
        (
            "rules/sections.yaml",
            "chain_hiatus: 2",
            "chain_hiatus: 18446744073709551615",
        ),
    ] {
        let text = embedded(name);
        assert!(text.contains(from), "{name} has no `{from}`");
        let (code, err, _) = with_rule_file(name, &text.replacen(from, to, 1));
        assert!(
            code == 0 || code == 4,
            "{name} with `{to}`: exit {code}: {err}"
        );
        assert!(!err.contains("panicked"), "{name} with `{to}`: {err}");
    }
}

#[test]
fn zero_paragraph_bounds_are_refused_with_the_key() {
    // both once divided by zero in the sections stage
    for (from, to, key) in [
        (
            "max_paragraph_sentences: 4",
            "max_paragraph_sentences: 0",
            "max_paragraph_sentences",
        ),
        (
            "max_paragraph_words: 110",
            "max_paragraph_words: 0",
            "max_paragraph_words",
        ),
    ] {
        let text = embedded("rules/sections.yaml").replacen(from, to, 1);
        let line = text.lines().position(|l| l.starts_with(to)).unwrap() + 1;
        let (code, err, file) = with_rule_file("rules/sections.yaml", &text);
        assert_eq!(code, 4, "{to}: {err}");
        assert!(
            err.contains(&format!("{file}:{line}:")) && err.contains(key),
            "{err}"
        );
    }
}

#[test]
fn a_description_bound_under_four_characters_is_kept() {
    // the cut before the ellipsis was made at `max - 1` characters (`max - 4`
    // before « […] »): below that, the subtraction wrapped around (or
    // panicked in builds that check) and the whole lead became the
    // description
    for max in [0, 1, 2, 3] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rules/meta.yaml");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let text = embedded("rules/meta.yaml");
        assert!(text.contains("description_max_chars: 156"));
        std::fs::write(
            &path,
            text.replacen(
                "description_max_chars: 156",
                &format!("description_max_chars: {max}"),
                1,
            ),
        )
        .unwrap();
        let out = Command::cargo_bin("rubrique")
            .unwrap()
            .args(["rewrite", "--format", "json", "--rules"])
            .arg(dir.path())
            .write_stdin(ARTICLE)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{max}: {err}");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let description = v["meta"]["description"].as_str().unwrap();
        // the cut text, then « … » or « […] »
        assert!(
            description.chars().count() <= max + 4,
            "{max}: {description:?}"
        );
    }
}

#[test]
fn deeply_nested_yaml_is_refused_quickly_with_its_line() {
    // the YAML parser's time grows with the square of the nesting depth:
    // 100,000 levels took over a minute
    let deep = format!(
        "# a rule file\nmax_words:\n  {}{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let started = std::time::Instant::now();
    let (code, err, file) = with_rule_file("rules/sections.yaml", &deep);
    assert_eq!(code, 4, "{err}");
    assert!(err.contains(&format!("{file}:3:")), "{err}");
    assert!(err.contains("nested"), "{err}");
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
    // the embedded files, copied as they are, load from a directory
    let (code, err, _) = with_rule_file("rules/junk.yaml", embedded("rules/junk.yaml"));
    assert_eq!(code, 0, "{err}");
}
