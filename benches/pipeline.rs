//! Criterion benches: each pipeline stage on the example articles, the whole
//! pipeline on them, and the whole pipeline on inputs of 1 KB, 10 KB, 100 KB and
//! 1 MB made by repeating distinct example paragraphs (cost per byte should stay
//! flat as the text grows).
//!
//! `rubrique check` on the Markdown of the 1 MB article is measured too.
//!
//! `cargo bench --bench pipeline` runs everything; `cargo bench --bench pipeline
//! -- size/` only the sizes, `-- check/` only the check.
use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};
use rubrique::rules::Source;
use rubrique::{decode, keywords, language, render, Engine, Options};
use std::hint::black_box;

/// The example articles: (name, raw text).
fn examples() -> Vec<(&'static str, &'static str)> {
    vec![
        ("depeche-velo", include_str!("../examples/depeche-velo.txt")),
        ("halle-lignes", include_str!("examples/halle-lignes.txt")),
        (
            "bref-bibliotheque",
            include_str!("examples/bref-bibliotheque.txt"),
        ),
    ]
}

/// Distinct paragraphs of the examples: the lines of prose of the
/// line-preserving example, and groups of three sentences of the flat ones.
fn paragraphs() -> Vec<String> {
    let mut out = Vec::new();
    for (_, text) in examples() {
        let lines: Vec<&str> = text.lines().filter(|l| l.len() > 120).collect();
        if lines.len() > 1 {
            out.extend(lines.iter().map(|l| l.to_string()));
            continue;
        }
        let sentences: Vec<&str> = text.split_inclusive(". ").collect();
        for chunk in sentences.chunks(3) {
            let p = chunk.concat().trim().to_string();
            if p.len() > 120 && !p.contains('<') {
                out.push(p);
            }
        }
    }
    out
}

/// About `size` bytes of text: the paragraphs in turn, a blank line apart.
fn sized_input(size: usize) -> String {
    let paras = paragraphs();
    let mut out = String::new();
    for p in paras.iter().cycle() {
        if !out.is_empty() && out.len() + p.len() + 2 > size {
            break;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(p);
    }
    out
}

const SIZES: &[(&str, usize)] = &[
    ("1KB", 1024),
    ("10KB", 10 * 1024),
    ("100KB", 100 * 1024),
    ("1MB", 1024 * 1024),
];

fn stages(c: &mut Criterion) {
    let engine = Engine::new(&Source::embedded()).expect("embedded rules");
    let opts = Options::default();
    let mut inputs: Vec<(String, String)> = examples()
        .into_iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
    inputs.push(("1MB".into(), sized_input(1024 * 1024)));
    let mut g = c.benchmark_group("stage");
    for (name, raw) in &inputs {
        if name == "1MB" {
            g.sample_size(10);
        }
        g.throughput(Throughput::Bytes(raw.len() as u64));
        let bytes = raw.as_bytes();
        g.bench_with_input(BenchmarkId::new("decode", name), bytes, |b, i| {
            b.iter(|| decode::decode(black_box(i)))
        });
        let text = decode::decode(bytes).expect("example decodes");
        g.bench_with_input(BenchmarkId::new("clean", name), &text, |b, t| {
            b.iter(|| engine.clean.run(black_box(t)))
        });
        let cleaned = engine.clean.run(&text).text;
        g.bench_with_input(BenchmarkId::new("language", name), &cleaned, |b, t| {
            b.iter(|| language::detect(black_box(t)))
        });
        g.bench_with_input(BenchmarkId::new("sentences", name), &cleaned, |b, t| {
            b.iter(|| engine.splitter.split(black_box(t)))
        });
        g.bench_with_input(BenchmarkId::new("structure", name), &cleaned, |b, t| {
            b.iter(|| {
                engine
                    .structure
                    .run(black_box(t), &engine.splitter, &engine.french)
            })
        });
        let outline = engine
            .structure
            .run(&cleaned, &engine.splitter, &engine.french);
        g.bench_with_input(BenchmarkId::new("sections", name), &outline, |b, o| {
            b.iter(|| engine.sections.run(black_box(o), &engine.french))
        });
        let mut sections = engine.sections.run(&outline, &engine.french);
        g.bench_with_input(BenchmarkId::new("keywords", name), &sections, |b, s| {
            b.iter(|| keywords::analyse(&outline.sentences, black_box(s), &engine.french, &opts))
        });
        let kw = keywords::analyse(&outline.sentences, &sections, &engine.french, &opts);
        g.bench_with_input(BenchmarkId::new("expand", name), &sections, |b, s| {
            b.iter(|| {
                engine.expand.run(
                    &outline.sentences,
                    black_box(s),
                    &kw,
                    &engine.french,
                    opts.min_words,
                    0,
                )
            })
        });
        let expansion = engine.expand.run(
            &outline.sentences,
            &sections,
            &kw,
            &engine.french,
            opts.min_words,
            0,
        );
        sections.extend(expansion.sections);
        g.bench_with_input(BenchmarkId::new("headings", name), &sections, |b, s| {
            b.iter_batched(
                || s.clone(),
                |mut s| {
                    engine
                        .headings
                        .run(&mut s, &outline.sentences, &kw, &engine.french);
                    s
                },
                BatchSize::SmallInput,
            )
        });
        engine
            .headings
            .run(&mut sections, &outline.sentences, &kw, &engine.french);
        g.bench_with_input(BenchmarkId::new("meta", name), &sections, |b, s| {
            b.iter(|| {
                engine
                    .meta
                    .run(&outline, black_box(s), &kw, &engine.french, &opts)
            })
        });
        let article = engine.rewrite(bytes, &opts).expect("example rewrites");
        g.bench_with_input(BenchmarkId::new("render-md", name), &article, |b, a| {
            b.iter(|| render::markdown(black_box(a)))
        });
        g.bench_with_input(BenchmarkId::new("render-html", name), &article, |b, a| {
            b.iter(|| render::html(black_box(a)))
        });
        g.bench_with_input(BenchmarkId::new("render-json", name), &article, |b, a| {
            b.iter(|| render::json(black_box(a)))
        });
    }
    g.finish();
}

fn end_to_end(c: &mut Criterion) {
    let engine = Engine::new(&Source::embedded()).expect("embedded rules");
    // what `rubrique rewrite` does for Markdown: no report
    let opts = Options {
        report: false,
        ..Options::default()
    };
    let mut g = c.benchmark_group("end-to-end");
    for (name, raw) in examples() {
        g.throughput(Throughput::Bytes(raw.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), raw, |b, t| {
            b.iter(|| {
                let a = engine.rewrite(black_box(t.as_bytes()), &opts).expect("ok");
                render::markdown(&a)
            })
        });
    }
    g.finish();

    let mut g = c.benchmark_group("size");
    for &(name, size) in SIZES {
        let text = sized_input(size);
        if size >= 100 * 1024 {
            g.sample_size(10);
        }
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), &text, |b, t| {
            b.iter(|| {
                let a = engine.rewrite(black_box(t.as_bytes()), &opts).expect("ok");
                render::markdown(&a)
            })
        });
    }
    g.finish();
}

/// `rubrique check` on rubrique's own Markdown for the 1 MB input: parsing
/// the Markdown and every assessment (the process start and the file read
/// aside).
fn check(c: &mut Criterion) {
    let source = Source::embedded();
    let engine = Engine::new(&source).expect("embedded rules");
    let opts = Options {
        report: false,
        ..Options::default()
    };
    let article = engine
        .rewrite(sized_input(1024 * 1024).as_bytes(), &opts)
        .expect("ok");
    let md = render::markdown(&article);
    let lex = rubrique::french::Lexicon::load(&source).expect("lexicons");
    let splitter = rubrique::sentences::Splitter::load(&source).expect("rules");
    let assessor = rubrique::report::Assessor::load(&source).expect("rules");
    let mut g = c.benchmark_group("check");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(md.len() as u64));
    g.bench_with_input(BenchmarkId::from_parameter("1MB"), &md, |b, md| {
        b.iter(|| {
            let doc = rubrique::report::Document::from_markdown(black_box(md)).expect("ok");
            assessor.assess(&doc, None, &lex, &splitter)
        })
    });
    g.finish();
}

fn rules(c: &mut Criterion) {
    c.bench_function("engine-new", |b| {
        b.iter(|| Engine::new(black_box(&Source::embedded())))
    });
}

criterion_group!(benches, end_to_end, stages, check, rules);
criterion_main!(benches);
