//! Arbitrary bytes through decode → Engine::rewrite → every renderer.
//! Any input must give an article or a typed error, never a panic or a hang.
#![no_main]
use libfuzzer_sys::fuzz_target;
use rubrique::rules::Source;
use rubrique::{Engine, Options};
use std::sync::OnceLock;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(&Source::embedded()).expect("embedded rules compile"))
}

fuzz_target!(|data: &[u8]| {
    let engine = engine();
    // the first byte picks the options, so that short targets and user
    // titles/keyphrases are exercised too
    let (opts, input) = match data.split_first() {
        Some((b, rest)) if b & 0x80 != 0 => {
            let text = String::from_utf8_lossy(rest);
            let mut parts = text.splitn(3, '\u{1}');
            let title = parts.next().map(str::to_string);
            let keyphrase = parts.next().map(str::to_string);
            let opts = Options {
                min_words: (*b as usize & 0x7f) * 10,
                title,
                keyphrase,
                url: Some("https://exemple.fr/a?b=<c>&d=\"e\"".into()),
                date: Some("2024-02-29".into()),
                report: true,
            };
            (opts, parts.next().unwrap_or("").as_bytes().to_vec())
        }
        _ => (Options::default(), data.to_vec()),
    };
    // the pipeline refuses invalid UTF-8 before anything else; keep the
    // lossy form too so that most inputs reach the later stages
    let _ = rubrique::decode::decode(&input);
    if let Ok(article) = engine.rewrite(&input, &opts) {
        let md = rubrique::render::markdown(&article);
        let html = rubrique::render::html(&article);
        let json = rubrique::render::json(&article);
        assert!(!md.is_empty() && !html.is_empty() && !json.is_empty());
    }
});
