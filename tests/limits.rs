//! Size limits and linear behaviour on pathological inputs: `--max-bytes`
//! refuses before reading the rest (files and standard input), and very long
//! sentences, lines, sentence counts and quote nesting each finish within a
//! bound per megabyte of CPU time in every output format (`SECONDS_PER_MB`:
//! one second, checked in optimised builds: `cargo test --release`).
use assert_cmd::Command;
use rubrique::rules::Source;
use rubrique::{Engine, Options};
use std::io::Write;
use std::process::Stdio;
use std::time::{Duration, Instant};

const PHRASE: &str = "Le conseil régional a présenté mardi son plan pour les transports \
scolaires, qui doit entrer en vigueur à la rentrée prochaine dans tous les départements. ";

fn rubrique() -> Command {
    Command::cargo_bin("rubrique").unwrap()
}

#[test]
fn max_bytes_refuses_a_larger_file_with_exit_3() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.txt");
    std::fs::write(&path, PHRASE.repeat(40)).unwrap();
    let out = rubrique()
        .args(["rewrite", "--max-bytes", "1000"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("1000") && err.contains("--max-bytes"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn max_bytes_accepts_a_file_at_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("juste.txt");
    let text = PHRASE.repeat(4);
    std::fs::write(&path, &text).unwrap();
    let out = rubrique()
        .args(["rewrite", "--max-bytes", &text.len().to_string()])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{:?}", out);
}

#[test]
fn max_bytes_refuses_endless_stdin_without_reading_it_all() {
    // standard input never ends: only a refusal after `--max-bytes` bytes
    // lets the command finish
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_rubrique"))
        .args(["rewrite", "--max-bytes", "100000", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let chunk = PHRASE.repeat(64);
        let mut sent = 0usize;
        // stops when the reader has gone away (broken pipe), or after 1 GB
        while sent < 1 << 30 && stdin.write_all(chunk.as_bytes()).is_ok() {
            sent += chunk.len();
        }
        sent
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("rubrique kept reading standard input past --max-bytes");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let out = child.wait_with_output().unwrap();
    let sent = writer.join().unwrap();
    assert_eq!(status.code(), Some(3));
    assert!(sent < 1 << 30, "the whole stream was read");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("<stdin>") && err.contains("100000") && err.contains("--max-bytes"),
        "{err}"
    );
}

#[test]
fn max_bytes_default_is_5_mb() {
    assert_eq!(rubrique::io::DEFAULT_MAX_BYTES, 5 * 1024 * 1024);
    let big = PHRASE.repeat(5 * 1024 * 1024 / PHRASE.len() + 1);
    let out = rubrique().arg("rewrite").write_stdin(big).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8(out.stderr).unwrap().contains("5242880"));
}

/// CPU time of the calling thread, where the system tells it (Linux), so that a
/// busy machine does not fail the bound; `None` elsewhere.
fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // fields after the command name (which may hold spaces) closed by ')'
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    // the kernel counts in USER_HZ, 100 per second on Linux
    Some(Duration::from_millis((utime + stime) * 10))
}

/// The output formats, as `rubrique rewrite --format` makes them: the report
/// is computed for JSON only.
const FORMATS: &[&str] = &["md", "html", "json"];

/// Rewrite `input` and render it in `format`, as `rubrique rewrite` does; the
/// time it took: CPU time where the system tells it (Linux), else wall-clock
/// time. The work runs in a pool of one thread (the report's assessments would
/// otherwise run on other threads too), so that the thread's CPU time is all
/// of it and a busy machine does not fail the bound.
fn timed(engine: &Engine, input: &str, format: &str) -> Duration {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let opts = Options {
        report: format == "json",
        ..Options::default()
    };
    pool.install(|| {
        let (start, cpu) = (Instant::now(), thread_cpu_time());
        if let Ok(a) = engine.rewrite(input.as_bytes(), &opts) {
            let out = match format {
                "md" => rubrique::render::markdown(&a),
                "html" => rubrique::render::html(&a),
                _ => rubrique::render::json(&a),
            };
            assert!(!out.is_empty());
        }
        match (cpu, thread_cpu_time()) {
            (Some(a), Some(b)) => b.saturating_sub(a),
            _ => start.elapsed(),
        }
    })
}

/// Seconds of CPU per megabyte these inputs must stay under, in each output
/// format: the one second per MB the hardening issue asks for. Measured on a
/// 2-core machine after the third performance session (one thread, CPU time):
/// 1 MB of punctuation 0.28–0.48 s (Markdown) and 0.53–0.54 s (JSON, with the
/// report); 5,000 headings (0.9 MB) 0.44–0.49 s and 0.49–0.51 s; 100,000
/// one-word sentences (0.83 MB) 0.37–0.45 s and 0.56–0.64 s, the closest to
/// the bound.
const SECONDS_PER_MB: f64 = 1.0;

/// Held while an input is timed.
static TIMED: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Runs of one input and format, at most, before the bound is judged on the
/// fastest.
const ATTEMPTS: usize = 3;

/// Smallest bound, in seconds: the thread's CPU clock counts in hundredths of
/// a second, too coarse for the inputs of a few kilobytes.
const MIN_SECONDS: f64 = 0.25;

/// Under `SECONDS_PER_MB` per megabyte (`MIN_SECONDS` at least) in every
/// format, in optimised builds.
fn assert_linear(name: &str, input: &str) {
    // one timed input at a time: the tests of this file run on parallel
    // threads, and two large inputs on a 2-core machine slow each other's
    // CPU time by a third (shared caches), which the bound is not about
    let _alone = TIMED
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let engine = Engine::new(&Source::embedded()).unwrap();
    let mb = input.len() as f64 / 1e6;
    let bound = (SECONDS_PER_MB * mb).max(MIN_SECONDS);
    for format in FORMATS {
        // the best of up to ATTEMPTS runs: even CPU time moves by a third from
        // run to run on a shared virtual machine, and noise only ever adds
        // time; a superlinear stage is over the bound on every run
        let mut took = timed(&engine, input, format);
        for _ in 1..ATTEMPTS {
            if took.as_secs_f64() < bound {
                break;
            }
            took = took.min(timed(&engine, input, format));
        }
        eprintln!("{name} ({format}): {} bytes in {took:?}", input.len());
        if !cfg!(debug_assertions) {
            assert!(
                took.as_secs_f64() < bound,
                "{name} ({format}): {} bytes took {took:?} (bound {bound:.2} s)",
                input.len()
            );
        }
    }
}

#[test]
fn a_sentence_of_more_than_2000_words() {
    let words = [
        "le",
        "projet",
        "de",
        "la",
        "ville",
        "prévoit",
        "des",
        "pistes",
        "cyclables",
        "et",
        "des",
        "arbres",
        "le",
        "long",
        "du",
        "canal",
    ];
    let mut s = String::from(PHRASE);
    s.push_str("Le maire a expliqué que ");
    for i in 0..2500 {
        s.push_str(words[i % words.len()]);
        s.push(if i % 37 == 36 { ',' } else { ' ' });
        s.push(' ');
    }
    s.push_str("pour la fin de l’année. ");
    s.push_str(PHRASE);
    assert_linear("long sentence", &s);
}

#[test]
fn a_line_of_1_mb_without_spaces() {
    let token = "abcdéfghij".repeat(1_000_000 / 11);
    assert_linear("1 MB token alone", &token);
    let mut s = PHRASE.repeat(5);
    s.push('\n');
    s.push_str(&token);
    s.push('\n');
    s.push_str(&PHRASE.repeat(5));
    assert_linear("1 MB token in an article", &s);
    let dots = "a.b,c;".repeat(1_000_000 / 6);
    assert_linear(
        "1 MB of punctuation and letters",
        &format!("{PHRASE}{dots}"),
    );
}

#[test]
fn thousands_of_etc_before_words_the_text_never_writes_in_lowercase() {
    // each « etc. » before a capitalised word that is no sentence starter
    // asks whether the text writes that word in lowercase: the words are
    // gathered once, not looked for in the whole text each time
    let consonants: Vec<char> = "bcdfghjklmnpqrstvz".chars().collect();
    let mut s = String::from(PHRASE);
    let mut seed = 7u64;
    while s.len() < 1_000_000 {
        let mut word = String::new();
        for k in 0..6 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let c = consonants[(seed >> 33) as usize % consonants.len()];
            word.push(if k == 0 { c.to_ascii_uppercase() } else { c });
        }
        s.push_str("Les élus parlent des maisons, des jardins, etc. ");
        s.push_str(&word);
        s.push_str(" est un mot et la ville aussi. ");
    }
    assert_linear("1 MB of « etc. » before unknown words", &s);
}

#[test]
fn one_hundred_thousand_one_word_sentences() {
    let words = [
        "Oui.",
        "Non.",
        "Peut-être.",
        "Demain.",
        "Vraiment ?",
        "Jamais !",
    ];
    let mut s = String::from(PHRASE);
    for i in 0..100_000 {
        s.push_str(words[i % words.len()]);
        s.push(' ');
    }
    assert_linear("100,000 one-word sentences", &s);
}

#[test]
fn deeply_nested_quotes_and_parentheses() {
    let depth = 5000;
    let mut s = String::from(PHRASE);
    s.push_str("Il a dit ");
    for _ in 0..depth {
        s.push_str("« selon lui ");
    }
    s.push_str("tout va bien");
    for _ in 0..depth {
        s.push_str(" »");
    }
    s.push_str(". ");
    for _ in 0..depth {
        s.push_str("(voir ");
    }
    for _ in 0..depth {
        s.push(')');
    }
    s.push_str(". ");
    s.push_str(&"« ".repeat(depth));
    s.push_str(PHRASE);
    assert_linear("nested quotes", &s);
}

#[test]
fn many_headings_and_blank_lines() {
    let mut s = String::new();
    for i in 0..5_000 {
        s.push_str(&format!("## Partie {i}\n\n{PHRASE}\n\n\n"));
    }
    assert_linear("many headings", &s);
}

#[test]
fn a_word_of_500_kb_with_capitals_inside() {
    // every lowercase letter before a capital and a lowercase letter
    // (« dCo ») is a possible glue point of the foreign-fragment detector,
    // which looked back over the whole word for each: 16 s for this word
    let word = "Covid".repeat(100_000);
    assert_linear("500 KB word with capitals", &word);
    let five = PHRASE.repeat(5);
    assert_linear(
        "500 KB word with capitals in an article",
        &format!("{five}\n{word}\n{five}"),
    );
}

#[test]
fn front_matter_nested_100_000_deep() {
    // YAML parsing takes time in the square of the flow nesting depth: read
    // as rubrique's own Markdown, such a front matter took over a minute
    let depth = 100_000;
    let input = format!(
        "---\n{}1{}\n---\n\n# Titre\n\n{}",
        "{a: ".repeat(depth),
        "}".repeat(depth),
        PHRASE.repeat(5)
    );
    assert_linear("front matter 100,000 deep", &input);
}
