//! Arbitrary bytes read as a Markdown file and as an HTML page, then every
//! assessment of `rubrique check`, with and without quotations, with the
//! document's keyphrase and with one taken from the input. Any input must give
//! a report or a typed error, never a panic or a hang.
#![no_main]
use libfuzzer_sys::fuzz_target;
use rubrique::french::Lexicon;
use rubrique::report::{Assessor, Document};
use rubrique::rules::Source;
use rubrique::sentences::Splitter;
use std::sync::OnceLock;

struct Tools {
    lex: Lexicon,
    splitter: Splitter,
    assessor: Assessor,
    quotes_out: Assessor,
}

fn tools() -> &'static Tools {
    static TOOLS: OnceLock<Tools> = OnceLock::new();
    TOOLS.get_or_init(|| {
        let source = Source::embedded();
        let mut quotes_out = Assessor::load(&source).expect("embedded rules");
        quotes_out.exclude_quotes = true;
        Tools {
            lex: Lexicon::load(&source).expect("embedded lexicons"),
            splitter: Splitter::load(&source).expect("embedded rules"),
            assessor: Assessor::load(&source).expect("embedded rules"),
            quotes_out,
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let t = tools();
    // the first line, if short, doubles as a keyphrase given on the command line
    let keyphrase = text.lines().next().filter(|l| l.len() < 80);
    let mut docs = vec![Document::from_html(text)];
    if let Ok(d) = Document::from_markdown(text) {
        docs.push(d);
    }
    for doc in &docs {
        for assessor in [&t.assessor, &t.quotes_out] {
            for key in [None, keyphrase] {
                let report = assessor.assess(doc, key, &t.lex, &t.splitter);
                assert!(report.flesch.is_none_or(|f| (0.0..=100.0).contains(&f)));
            }
        }
    }
});
