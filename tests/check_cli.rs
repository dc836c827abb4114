//! `rubrique check` through the command line: exit codes, messages that name
//! what to fix, JSON values and thresholds, GitHub annotation syntax.
use assert_cmd::Command;
use std::io::Write;

const GOOD: &str = "tests/fixtures/check/bon.md";
const BAD: &str = "tests/fixtures/check/mauvais.md";

fn check(args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("rubrique")
        .unwrap()
        .arg("check")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn good_article_passes() {
    let (code, out, _) = check(&[GOOD]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("résultat : réussi"));
    assert!(out.contains(&format!("{GOOD}:")));
}

#[test]
fn bad_article_fails_with_messages_that_name_what_to_fix() {
    let (code, out, _) = check(&[BAD]);
    assert_eq!(code, 1, "{out}");
    let line = |id: &str| {
        out.lines()
            .find(|l| l.contains(&format!(": bad: {id}: ")))
            .unwrap_or_else(|| panic!("no bad {id} in:\n{out}"))
            .to_string()
    };
    assert!(line("paragraph-length").contains("paragraphe 1"));
    assert!(line("paragraph-length").contains("Coupez"));
    assert!(line("subheading-distribution").contains("intertitre"));
    assert!(line("keyphrase-in-title").contains("« rénovation des écoles »"));
    assert!(line("passive-voice").contains("« été décidés »"));
    // the summary table
    assert!(out.contains("évaluation"));
    assert!(out.contains("ÉCHEC"));
}

#[test]
fn json_has_value_and_threshold() {
    let (code, out, _) = check(&["--format", "json", BAD]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["file"], BAD);
    let list = v["assessments"].as_array().unwrap();
    assert!(list.len() >= 15);
    for a in list {
        assert!(a["value"].is_number(), "{a}");
        assert!(a["threshold"].is_string(), "{a}");
        assert!(["good", "ok", "bad"].contains(&a["level"].as_str().unwrap()));
        assert!(!a["message"].as_str().unwrap().is_empty());
    }
    let para = list.iter().find(|a| a["id"] == "paragraph-length").unwrap();
    assert_eq!(para["level"], "bad");
    assert!(para["value"].as_f64().unwrap() > 500.0);
    assert_eq!(v["passed"], false);
}

#[test]
fn github_annotations_are_valid_workflow_commands() {
    let (code, out, _) = check(&["--format", "github", BAD]);
    assert_eq!(code, 1);
    let re =
        regex::Regex::new(r"^::(error|warning) file=[^,:]+,line=[0-9]+,title=[^,:]+::[^\r\n]+$")
            .unwrap();
    assert!(out.lines().count() >= 5);
    for l in out.lines() {
        assert!(re.is_match(l), "not an annotation: {l}");
    }
    assert!(out.lines().any(|l| l.starts_with("::error ")));
    // a % in a message is escaped
    assert!(!out.contains(" % "));
}

#[test]
fn keyphrase_option_wins_and_html_is_read() {
    let mut f = tempfile::Builder::new().suffix(".html").tempfile().unwrap();
    write!(
        f,
        "<!DOCTYPE html><html><head><title>Marché couvert : la rénovation commence</title>\
         <meta name=\"description\" content=\"Le marché couvert ferme pour travaux.\"></head>\
         <body><h1>Marché couvert</h1><script>var x = '<p>non</p>';</script>\
         <p>Le marché couvert ferme lundi. Les commerçants déménagent sur la place.</p>\
         <img src=\"a.jpg\"><h1>Deuxième titre</h1></body></html>"
    )
    .unwrap();
    let path = f.path().to_str().unwrap().to_string();
    let (code, out, _) = check(&["--format", "json", "--keyphrase", "marché couvert", &path]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["keyphrase"], "marché couvert");
    let get = |id: &str| {
        v["assessments"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == id)
            .cloned()
            .unwrap()
    };
    assert_eq!(get("keyphrase-in-title")["level"], "good");
    assert_eq!(get("single-h1")["level"], "bad");
    assert_eq!(get("image-alt")["level"], "bad");
    assert_eq!(get("keyphrase-in-introduction")["level"], "good");
}

#[test]
fn usage_and_io_errors_exit_2() {
    let (code, _, err) = check(&["/nonexistent/article.md"]);
    assert_eq!(code, 2);
    assert!(err.contains("/nonexistent/article.md"));
    let (code, _, _) = check(&[]);
    assert_eq!(code, 2);
    let (code, _, _) = check(&["--format", "xml", GOOD]);
    assert_eq!(code, 2);
}

#[test]
fn quotes_can_be_left_out() {
    let mut f = tempfile::Builder::new().suffix(".md").tempfile().unwrap();
    writeln!(
        f,
        "---\nkeyphrase: \"port\"\n---\n\nLe port rouvre. « Les bateaux ont été réparés, les quais ont été refaits, les grues ont été changées », dit le maire. Le port attend les touristes.\n"
    )
    .unwrap();
    let path = f.path().to_str().unwrap().to_string();
    let passive = |extra: &[&str]| {
        let mut args = vec!["--format", "json"];
        args.extend_from_slice(extra);
        args.push(&path);
        let (_, out, _) = check(&args);
        let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
        v["assessments"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == "passive-voice")
            .unwrap()["value"]
            .as_f64()
            .unwrap()
    };
    assert!(passive(&[]) > 0.0);
    assert_eq!(passive(&["--exclude-quotes"]), 0.0);
}

#[test]
fn rules_dir_can_disable_and_relevel() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("rules")).unwrap();
    std::fs::write(
        dir.path().join("rules/seo.yaml"),
        "assessments:\n  paragraph-length:\n    severity: off\n  sentence-length:\n    severity: warning\n  passive-voice:\n    severity: warning\n  subheading-distribution:\n    severity: off\n  keyphrase-in-title:\n    severity: off\n  keyphrase-in-description:\n    severity: off\n  keyphrase-in-subheadings:\n    severity: off\n",
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    let (code, out, _) = check(&["--rules", d, BAD]);
    assert!(!out.contains("paragraph-length"));
    assert!(out.contains(": bad: sentence-length:"));
    assert_eq!(code, 0, "{out}");
    std::fs::write(
        dir.path().join("rules/seo.yaml"),
        "assessments:\n  no-such-thing:\n    severity: off\n",
    )
    .unwrap();
    let (code, _, err) = check(&["--rules", d, BAD]);
    assert_eq!(code, 4);
    assert!(err.contains("no-such-thing"));
}

#[test]
fn odd_inputs_do_not_panic() {
    for text in [
        "",
        "---\n",
        "---\ntitle: [\n---\n",
        "#",
        "<html><body><p>",
        "\u{feff}",
    ] {
        let mut f = tempfile::Builder::new().suffix(".md").tempfile().unwrap();
        f.write_all(text.as_bytes()).unwrap();
        let (code, _, err) = check(&[f.path().to_str().unwrap()]);
        assert!(
            code == 0 || code == 1 || code == 2,
            "{text:?}: {code} {err}"
        );
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn deeply_nested_link_labels_do_not_overflow_the_stack() {
    // each label nested in another was read by a call of its own: 20 000
    // levels overflowed the main thread's stack (the process aborted), and
    // 4 000 a stack of 1 MiB
    let depth = 4_000;
    let text = format!(
        "# Titre\n\n{}x{}\n",
        "[".repeat(depth),
        "](https://exemple.fr)".repeat(depth)
    );
    let doc = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || rubrique::report::Document::from_markdown(&text))
        .unwrap()
        .join()
        .expect("the document is read without overflowing the stack")
        .unwrap();
    assert_eq!(doc.links.len(), 1);
    assert_eq!(doc.links[0].href, "https://exemple.fr");
}

/// `check` on `text` written to a `.md` file: exit code, standard output,
/// standard error and the wall-clock time it took.
fn timed_check(text: &str) -> (i32, String, String, std::time::Duration) {
    let mut f = tempfile::Builder::new().suffix(".md").tempfile().unwrap();
    f.write_all(text.as_bytes()).unwrap();
    let start = std::time::Instant::now();
    let (code, out, err) = check(&[f.path().to_str().unwrap()]);
    (code, out, err, start.elapsed())
}

/// Seconds of wall-clock time `check` may take on the pathological inputs
/// below, in optimised builds: they take a few hundredths of a second on a
/// 2-core machine, and took 6 s to over a minute when a stage was quadratic.
const PATHOLOGICAL_SECONDS: f64 = 2.0;

fn assert_quick(name: &str, took: std::time::Duration) {
    eprintln!("{name}: {took:?}");
    if !cfg!(debug_assertions) {
        assert!(
            took.as_secs_f64() < PATHOLOGICAL_SECONDS,
            "{name}: took {took:?}"
        );
    }
}

#[test]
fn unmatched_link_brackets_are_read_in_linear_time() {
    // each `[` looked for its `]` (and each `](` for its `)`) to the end of
    // the paragraph: 200 000 unmatched `[` took 6 s
    for (name, text) in [
        ("200,000 unmatched [", "[".repeat(200_000)),
        ("100,000 unmatched ![", "![".repeat(100_000)),
        ("100,000 [a]( without )", "[a](".repeat(100_000)),
    ] {
        let (code, _, err, took) = timed_check(&format!("# Titre\n\n{text}\n"));
        assert!(code == 0 || code == 1, "{name}: {code} {err}");
        assert_quick(name, took);
    }
}

#[test]
fn front_matter_nested_too_deep_is_refused_with_exit_3() {
    // YAML parsing takes time in the square of the flow nesting depth: this
    // front matter took over a minute
    let depth = 100_000;
    let text = format!(
        "---\ntitle: Titre\nx: {}1{}\n---\n\n# Titre\n\nLe texte.\n",
        "{a: ".repeat(depth),
        "}".repeat(depth)
    );
    let (code, out, err, took) = timed_check(&text);
    assert_eq!(code, 3, "{err}");
    assert!(out.is_empty(), "{out}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("front matter") && err.contains("64"), "{err}");
    assert_quick("front matter 100,000 deep", took);
    // within the bound, nesting is read as before
    let text = format!(
        "---\ntitle: Titre\nx: {}1{}\n---\n\n# Titre\n\nLe texte.\n",
        "{a: ".repeat(64),
        "}".repeat(64)
    );
    let (code, out, err, _) = timed_check(&text);
    assert!(code == 0 || code == 1, "{code} {err}");
    assert!(out.contains("résultat"), "{out}");
}
