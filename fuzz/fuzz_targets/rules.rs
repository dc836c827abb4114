//! Arbitrary text as a user rule or lexicon file (`--rules DIR`): loading must
//! give a compiled engine or a typed error, and an engine that loads must
//! rewrite a small French article without panicking.
#![no_main]
use libfuzzer_sys::fuzz_target;
use rubrique::rules::{Source, EMBEDDED};
use rubrique::{Engine, Options};
use std::path::PathBuf;
use std::sync::OnceLock;

const ARTICLE: &str = "Cantines scolaires : la ville change de fournisseur \
Le conseil municipal de Lyon a voté jeudi le nouveau contrat des cantines, \
qui entrera en vigueur le 1er septembre 2025. M. Martin, adjoint à \
l’éducation, estime que 60 % des repas seront bio. Un budget en hausse Le \
budget passe de 12,5 à 14 millions d’euros par an. « Nous voulons des repas \
de qualité », a déclaré Mme Durand. Les parents d’élèves saluent la décision. \
Partager sur Facebook Source link -12";

fn dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let d = std::env::temp_dir().join(format!("rubrique-fuzz-rules-{}", std::process::id()));
        std::fs::create_dir_all(d.join("rules")).unwrap();
        std::fs::create_dir_all(d.join("lexicons")).unwrap();
        d
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((pick, body)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(body) else {
        return;
    };
    let dir = dir();
    let (name, _) = EMBEDDED[*pick as usize % EMBEDDED.len()];
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    let engine = Engine::new(&Source::dir(dir));
    std::fs::remove_file(&path).unwrap();
    if let Ok(engine) = engine {
        let opts = Options::default();
        if let Ok(article) = engine.rewrite(ARTICLE.as_bytes(), &opts) {
            let _ = rubrique::render::markdown(&article);
            let _ = rubrique::render::html(&article);
            let _ = rubrique::render::json(&article);
        }
    }
});
