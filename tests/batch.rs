//! Batch runs through the CLI: `rewrite FILE... --out-dir DIR` and `--jsonl`.
use assert_cmd::Command;
use std::path::Path;

const FR_1: &str = "Le conseil départemental a voté jeudi un plan de rénovation des collèges \
de 48 millions d'euros. Les travaux concerneront douze établissements construits dans les \
années 1970, dont les façades et les toitures laissent passer le froid. Selon le président \
du département, la facture de chauffage des collèges a doublé en trois ans. Les premiers \
chantiers commenceront cet été, pendant les vacances scolaires, afin de ne pas perturber les \
cours. Les élèves du collège Jean-Moulin seront accueillis dans des salles provisoires \
pendant la rentrée. Les parents d'élèves saluent une décision attendue depuis longtemps, \
mais demandent que les cantines soient aussi rénovées.";

const FR_2: &str = "La fréquentation des trains régionaux a atteint un niveau record l'an \
dernier, avec une hausse de 14 % par rapport à l'année précédente. La Région attribue ce \
succès à la baisse du prix des abonnements pour les moins de vingt-six ans et à l'ajout de \
trains le soir. Les usagers se plaignent toutefois de rames bondées aux heures de pointe et \
de retards fréquents sur la ligne qui relie la métropole au littoral. Le vice-président \
chargé des transports promet la livraison de huit nouvelles rames d'ici à la fin de l'année \
prochaine. Les associations d'usagers réclament surtout des trains plus longs le matin.";

const FR_3: &str = "Les bénévoles de l'association Les Jardins du Moulin ont récolté plus \
de deux tonnes de légumes cette saison sur les parcelles partagées du quartier. La \
production est distribuée chaque semaine à une centaine de familles, en lien avec l'épicerie \
solidaire de la ville. L'association, créée il y a cinq ans, compte aujourd'hui soixante \
membres et cherche de nouveaux terrains pour répondre à la demande. La mairie a proposé de \
lui confier une friche de trois mille mètres carrés près du stade. Les bénévoles espèrent y \
planter un verger et installer une serre avant l'hiver prochain.";

const EN: &str = "The county council voted on Thursday for a school renovation plan worth \
48 million euros. The works will cover twelve schools built in the 1970s, whose walls and \
roofs let the cold in. According to the council leader, the heating bill has doubled in \
three years, and the first building sites will open this summer.";

fn rubrique() -> Command {
    Command::cargo_bin("rubrique").expect("binary built")
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// A folder with three French articles, one English one and an empty file.
fn inputs() -> tempfile::TempDir {
    let d = tempfile::tempdir().expect("tempdir");
    for (name, text) in [
        ("college.txt", FR_1),
        ("english.txt", EN),
        ("empty.txt", ""),
        ("train.txt", FR_2),
        ("jardins.txt", FR_3),
    ] {
        std::fs::write(d.path().join(name), text).expect("write input");
    }
    d
}

fn args(d: &Path) -> Vec<String> {
    [
        "college.txt",
        "english.txt",
        "empty.txt",
        "train.txt",
        "jardins.txt",
    ]
    .iter()
    .map(|n| d.join(n).display().to_string())
    .collect()
}

#[test]
fn batch_isolates_failures() {
    let d = inputs();
    let out = d.path().join("out");
    let assert = rubrique()
        .arg("rewrite")
        .args(args(d.path()))
        .arg("--out-dir")
        .arg(&out)
        .assert()
        .code(5);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert_eq!(names(&out), ["college.md", "jardins.md", "train.md"]);
    assert!(
        stderr.contains("english.txt: input is not French"),
        "{stderr}"
    );
    assert!(stderr.contains("empty.txt: input is empty"), "{stderr}");
    assert!(
        stderr.contains("5 inputs: 3 done, 0 skipped, 2 failed"),
        "{stderr}"
    );
    // no temporary file left behind, next to the outputs or the inputs
    assert!(names(d.path()).iter().all(|n| !n.contains(".tmp")));
    // the outputs are the articles the single-file mode writes
    for stem in ["college", "jardins", "train"] {
        let single = rubrique()
            .arg("rewrite")
            .arg(d.path().join(format!("{stem}.txt")))
            .output()
            .expect("run");
        assert_eq!(
            std::fs::read(out.join(format!("{stem}.md"))).expect("output"),
            single.stdout
        );
    }
}

#[test]
fn batch_formats_and_extensions() {
    let d = inputs();
    let out = d.path().join("html");
    rubrique()
        .arg("rewrite")
        .arg(d.path().join("college.txt"))
        .arg(d.path().join("train.txt"))
        .args(["--format", "html", "--quiet", "--out-dir"])
        .arg(&out)
        .assert()
        .success()
        .stderr("");
    assert_eq!(names(&out), ["college.html", "train.html"]);
}

#[test]
fn no_overwrite_without_force() {
    let d = inputs();
    let out = d.path().join("out");
    std::fs::create_dir(&out).expect("mkdir");
    std::fs::write(out.join("college.md"), "mine").expect("write");
    rubrique()
        .arg("rewrite")
        .arg(d.path().join("college.txt"))
        .arg(d.path().join("train.txt"))
        .arg("--out-dir")
        .arg(&out)
        .assert()
        .success()
        .stderr(predicates::str::contains("already exists"))
        .stderr(predicates::str::contains(
            "2 inputs: 1 done, 1 skipped, 0 failed",
        ));
    assert_eq!(
        std::fs::read_to_string(out.join("college.md")).expect("read"),
        "mine"
    );
    rubrique()
        .arg("rewrite")
        .arg(d.path().join("college.txt"))
        .arg("--force")
        .arg("--out-dir")
        .arg(&out)
        .assert()
        .success();
    assert!(std::fs::read_to_string(out.join("college.md"))
        .expect("read")
        .starts_with("---\n"));
}

#[test]
fn never_overwrites_an_input() {
    let d = tempfile::tempdir().expect("tempdir");
    let input = d.path().join("article.md");
    std::fs::write(&input, FR_1).expect("write");
    rubrique()
        .arg("rewrite")
        .arg(&input)
        .arg("--force")
        .arg("--out-dir")
        .arg(d.path())
        .assert()
        .code(5)
        .stderr(predicates::str::contains("would overwrite an input"));
    assert_eq!(std::fs::read_to_string(&input).expect("read"), FR_1);
}

#[test]
fn same_output_name_fails_the_second() {
    let d = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(d.path().join("a")).expect("mkdir");
    std::fs::create_dir(d.path().join("b")).expect("mkdir");
    std::fs::write(d.path().join("a/x.txt"), FR_1).expect("write");
    std::fs::write(d.path().join("b/x.txt"), FR_2).expect("write");
    let out = d.path().join("out");
    rubrique()
        .arg("rewrite")
        .arg(d.path().join("a/x.txt"))
        .arg(d.path().join("b/x.txt"))
        .arg("--out-dir")
        .arg(&out)
        .assert()
        .code(5)
        .stderr(predicates::str::contains("same output name"));
    let single = rubrique()
        .arg("rewrite")
        .arg(d.path().join("a/x.txt"))
        .output()
        .expect("run");
    assert_eq!(
        std::fs::read(out.join("x.md")).expect("output"),
        single.stdout
    );
}

#[test]
fn several_files_need_out_dir() {
    let d = inputs();
    rubrique()
        .arg("rewrite")
        .args(&args(d.path())[..2])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--out-dir"));
}

fn jsonl_input() -> String {
    let rec = |id: serde_json::Value, text: &str| {
        serde_json::json!({ "id": id, "text": text }).to_string() + "\n"
    };
    let mut s = String::new();
    s += &rec("college".into(), FR_1);
    s += &rec(2.into(), EN);
    s += "\n";
    s += "{not json\n";
    s += &(serde_json::json!({ "id": "train", "text": FR_2, "title": "Les trains régionaux font le plein", "date": "2024-05-02" })
        .to_string()
        + "\n");
    s += &rec("vide".into(), "");
    s += &rec("jardins".into(), FR_3);
    s
}

#[test]
fn jsonl_order_and_error_lines() {
    let out = rubrique()
        .args(["rewrite", "--jsonl", "--jobs", "2"])
        .write_stdin(jsonl_input())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(5));
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON value per line"))
        .collect();
    let ids: Vec<String> = lines.iter().map(|l| l["id"].to_string()).collect();
    assert_eq!(
        ids,
        [
            "\"college\"",
            "2",
            "null",
            "\"train\"",
            "\"vide\"",
            "\"jardins\""
        ]
    );
    assert_eq!(lines[1]["error"]["code"], "not-french");
    assert_eq!(lines[2]["error"]["code"], "bad-record");
    assert_eq!(lines[4]["error"]["code"], "empty");
    for i in [0, 3, 5] {
        assert!(lines[i].get("error").is_none());
        assert!(lines[i]["output"]
            .as_str()
            .expect("markdown")
            .starts_with("---\n"));
    }
    assert_eq!(
        lines[3]["meta"]["title"],
        "Les trains régionaux font le plein"
    );
    assert_eq!(lines[3]["meta"]["date"], "2024-05-02");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("line 2 (id 2): input is not French"),
        "{stderr}"
    );
    assert!(stderr.contains("line 4: not a JSON object"), "{stderr}");
    assert!(
        stderr.contains("6 inputs: 3 done, 0 skipped, 3 failed"),
        "{stderr}"
    );
}

#[test]
fn jsonl_bytes_do_not_depend_on_jobs() {
    let mut input = String::new();
    for i in 0..12 {
        let text = [FR_1, FR_2, FR_3, EN][i % 4];
        input += &(serde_json::json!({ "id": i, "text": text }).to_string() + "\n");
    }
    for format in ["md", "json", "html"] {
        let run = |jobs: &str| {
            rubrique()
                .args([
                    "rewrite", "--jsonl", "--quiet", "--format", format, "--jobs", jobs,
                ])
                .write_stdin(input.clone())
                .output()
                .expect("run")
        };
        let one = run("1");
        let two = run("2");
        let four = run("4");
        assert_eq!(one.status.code(), Some(5));
        assert_eq!(one.stdout.iter().filter(|&&b| b == b'\n').count(), 12);
        assert!(one.stdout == two.stdout, "--jobs 1 and 2 differ ({format})");
        assert!(
            one.stdout == four.stdout,
            "--jobs 1 and 4 differ ({format})"
        );
    }
}

#[test]
fn files_bytes_do_not_depend_on_jobs() {
    let d = inputs();
    for jobs in ["1", "2"] {
        rubrique()
            .arg("rewrite")
            .args(args(d.path()))
            .args(["--format", "json", "--jobs", jobs, "--out-dir"])
            .arg(d.path().join(format!("out{jobs}")))
            .assert()
            .code(5);
    }
    for stem in ["college", "train", "jardins"] {
        let a = std::fs::read(d.path().join(format!("out1/{stem}.json"))).expect("out1");
        let b = std::fs::read(d.path().join(format!("out2/{stem}.json"))).expect("out2");
        assert!(a == b, "{stem}");
    }
}

#[test]
fn single_file_keeps_stdout() {
    let d = inputs();
    rubrique()
        .arg("rewrite")
        .arg(d.path().join("college.txt"))
        .assert()
        .success()
        .stdout(predicates::str::starts_with("---\n"));
}
