//! `rubrique sentences` through the command line: one sentence per line.
use assert_cmd::Command;
use predicates::prelude::*;

fn rubrique() -> Command {
    Command::cargo_bin("rubrique").unwrap()
}

fn sentences_of(text: &str) -> Vec<String> {
    let out = rubrique()
        .arg("sentences")
        .write_stdin(text)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn fixture_article_one_sentence_per_line() {
    let expected = include_str!("fixtures/sentences/article.expected");
    rubrique()
        .args(["sentences", "tests/fixtures/sentences/article.txt"])
        .assert()
        .success()
        .stdout(expected);
}

#[test]
fn reads_standard_input_with_dash() {
    rubrique()
        .args(["sentences", "-"])
        .write_stdin("Bonjour. Au revoir.")
        .assert()
        .success()
        .stdout("Bonjour.\nAu revoir.\n");
}

#[test]
fn abbreviations_numbers_and_quotes() {
    assert_eq!(
        sentences_of(
            "M. Roux et Mme Blanc ont voté 2,1 milliards. « Quoi ? Non ! » dit-il. \
             « C’est fait. » Le vote est clos."
        ),
        [
            "M. Roux et Mme Blanc ont voté 2,1 milliards.",
            "« Quoi ? Non ! » dit-il.",
            "« C’est fait. »",
            "Le vote est clos.",
        ]
    );
}

#[test]
fn etc_before_a_sentence_or_a_name() {
    assert_eq!(
        sentences_of(
            "Du blé, du maïs, etc. Les prix montent. Des ports comme Brest, etc. Marseille aussi."
        ),
        [
            "Du blé, du maïs, etc.",
            "Les prix montent.",
            "Des ports comme Brest, etc. Marseille aussi.",
        ]
    );
}

#[test]
fn an_emoticon_stays_with_the_sentence_it_ends() {
    assert_eq!(
        sentences_of("Avez-vous calculé vos droits ? ;) Pour aller plus loin, lisez le guide. Je suis content :-) vraiment. Écrivez-nous ;) La suite arrive."),
        [
            "Avez-vous calculé vos droits ? ;)",
            "Pour aller plus loin, lisez le guide.",
            "Je suis content :-) vraiment.",
            // without a mark before it, it ends its sentence too
            "Écrivez-nous ;)",
            "La suite arrive.",
        ]
    );
}

#[test]
fn single_newlines_join_blank_lines_cut() {
    assert_eq!(
        sentences_of("Une phrase\ncoupée en deux lignes.\n\nUn titre\n\nLa suite"),
        ["Une phrase coupée en deux lignes.", "Un titre", "La suite"]
    );
}

#[test]
fn empty_input_is_refused_cleanly() {
    rubrique()
        .arg("sentences")
        .write_stdin("")
        .assert()
        .failure()
        .stderr(predicate::str::contains("rubrique:"));
}

#[test]
fn punctuation_only_input_does_not_crash() {
    rubrique()
        .arg("sentences")
        .write_stdin("... ?! « » ( ) . .")
        .assert()
        .success();
}

#[test]
fn custom_abbreviations_from_rules_dir() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("abbreviations.txt"),
        "[never-final]\nM\nenv\n[may-end]\netc\n",
    )
    .unwrap();
    assert_eq!(
        {
            let out = rubrique()
                .arg("sentences")
                .arg("--rules")
                .arg(dir.path())
                .write_stdin("Il y a env. Trois cents personnes. Fin.")
                .assert()
                .success()
                .get_output()
                .stdout
                .clone();
            String::from_utf8(out).unwrap()
        },
        "Il y a env. Trois cents personnes.\nFin.\n"
    );
}

#[test]
fn invalid_abbreviation_file_is_a_rule_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("abbreviations.txt"), "M\n[jamais]\nMme\n").unwrap();
    rubrique()
        .arg("sentences")
        .arg("--rules")
        .arg(dir.path())
        .write_stdin("M. Roux. Fin.")
        .assert()
        .code(4)
        .stderr(predicate::str::contains("abbreviations.txt:2"));
}
