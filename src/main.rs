//! The `rubrique` command line: parses arguments, calls the library, maps errors
//! to the documented exit codes (0 done, 2 usage or I/O, 3 input refused,
//! 4 invalid rule file, 5 some inputs of a batch failed).
use clap::{Parser, Subcommand, ValueEnum};
use rubrique::batch;
use rubrique::rules::Source;
use rubrique::{Engine, Error, Options};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "rubrique",
    version,
    about = "Turn raw scraped French news text into an SEO-ready French article, offline.",
    long_about = "rubrique turns a block of scraped French news text (headings flattened into \
the prose, scripts and boilerplate glued on) into a structured, SEO-ready French article. \
It never invents facts and never rewrites a sentence of the source.\n\n\
Exit codes: 0 done, 2 usage or I/O error, 3 input refused (empty, not UTF-8, not French, \
too large), 4 invalid rule file, 5 some inputs of a batch (--out-dir, --jsonl) failed \
(each is reported on standard error; the others are written)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Rewrite a scraped article into an SEO-ready one (Markdown, HTML or JSON).
    Rewrite(RewriteArgs),
    /// Check articles (rubrique Markdown, Markdown or HTML) against the French SEO
    /// and readability assessments of rules/seo.yaml. Exit 0 when every file
    /// passes, 1 when an assessment fails, 2 on usage or I/O errors.
    Check(CheckArgs),
    /// Print the French sentences of a text, one per line (no cleaning, no
    /// language check): for tuning lexicons/abbreviations.txt.
    Sentences {
        /// Input file, or - for standard input.
        #[arg(default_value = "-")]
        file: String,
        /// Use the rule and lexicon files of this directory instead of the built-in ones.
        #[arg(long, value_name = "DIR")]
        rules: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// Markdown with YAML front matter.
    Md,
    /// A standalone HTML page with meta tags and JSON-LD.
    Html,
    /// The whole structure with provenance and removals.
    Json,
}

#[derive(clap::Args)]
struct RewriteArgs {
    /// Input files with the scraped text, or - for standard input (the default).
    /// Several files need --out-dir. With --jsonl: the JSON Lines file.
    #[arg(value_name = "FILE")]
    files: Vec<String>,
    /// Write the article to this file instead of standard output (one input).
    #[arg(short, long, value_name = "OUT", conflicts_with_all = ["out_dir", "jsonl"])]
    output: Option<PathBuf>,
    /// Batch: write one output per input into DIR (created if missing), named
    /// after the input's stem with the format's extension (.md, .html, .json).
    #[arg(long, value_name = "DIR", conflicts_with = "jsonl")]
    out_dir: Option<PathBuf>,
    /// With --out-dir: overwrite existing outputs (an input is never overwritten).
    #[arg(long, requires = "out_dir")]
    force: bool,
    /// Batch: read JSON Lines records {"id", "text"} (optional "title",
    /// "keyphrase", "url", "date") and write one JSON line per record, in input
    /// order; a failed record gives {"id", "error": {"code", "message"}}.
    #[arg(long)]
    jsonl: bool,
    /// Batch: number of worker threads (default: every core). Output bytes do
    /// not depend on it.
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// No progress bar, no warnings, and no summary line when nothing failed.
    #[arg(short, long)]
    quiet: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "md")]
    format: Format,
    /// Word target, reached only with sections built from facts of the text.
    #[arg(long, value_name = "N", default_value_t = 700)]
    min_words: usize,
    /// Focus keyphrase (default: found in the text).
    #[arg(long, value_name = "K")]
    keyphrase: Option<String>,
    /// Article title (default: the lead's main clause).
    #[arg(long, value_name = "T")]
    title: Option<String>,
    /// Canonical URL of the page (HTML canonical link, Open Graph, JSON-LD).
    #[arg(long, value_name = "URL")]
    url: Option<String>,
    /// Publication date, YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<String>,
    /// Use the rule and lexicon files of this directory instead of the built-in ones
    /// (file by file: rules/junk.yaml, lexicons/abbreviations.txt…).
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
    /// Refuse inputs larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = rubrique::io::DEFAULT_MAX_BYTES)]
    max_bytes: u64,
    /// Also write the SEO and readability report of the article as an HTML page
    /// (single input only).
    #[arg(long, value_name = "FILE.html")]
    report: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    /// `path:line: level: id: message` lines and a summary table.
    Text,
    /// One JSON object per file, with every measured value and threshold.
    Json,
    /// GitHub Actions annotations.
    Github,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files to check (- for standard input).
    #[arg(required = true)]
    files: Vec<String>,
    /// Focus keyphrase (default: the `keyphrase` of the front matter).
    #[arg(long, value_name = "K")]
    keyphrase: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: CheckFormat,
    /// Leave quotations (« … », “ … ”, > blocks) out of the readability counts.
    #[arg(long)]
    exclude_quotes: bool,
    /// Use the rule and lexicon files of this directory instead of the built-in ones.
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
}

/// `rubrique check`: prints the report; Ok(false) when an assessment fails.
fn check(a: CheckArgs) -> Result<bool, Error> {
    use rubrique::report::{CheckOptions, Format as F};
    let opts = CheckOptions {
        files: a.files,
        keyphrase: a.keyphrase,
        format: match a.format {
            CheckFormat::Text => F::Text,
            CheckFormat::Json => F::Json,
            CheckFormat::Github => F::Github,
        },
        exclude_quotes: a.exclude_quotes,
        max_bytes: rubrique::io::DEFAULT_MAX_BYTES,
    };
    let (out, passed) = rubrique::report::check(&opts, &source(&a.rules))?;
    write_stdout(out.as_bytes())?;
    Ok(passed)
}

fn parse_date(s: &str) -> Result<String, String> {
    if rubrique::batch::valid_date(s) {
        Ok(s.to_string())
    } else {
        Err(format!("`{s}` is not a date of the form YYYY-MM-DD"))
    }
}

fn source(dir: &Option<PathBuf>) -> Source {
    match dir {
        Some(d) => Source::dir(d),
        None => Source::embedded(),
    }
}

/// Run a command; `Ok` carries the exit code (1: `check` found a failing assessment).
fn run(cli: Cli) -> Result<u8, Error> {
    match cli.command {
        Command::Check(a) => Ok(if check(a)? { 0 } else { 1 }),
        Command::Rewrite(mut a) => {
            if a.files.is_empty() {
                a.files.push("-".into());
            }
            let engine = Engine::new(&source(&a.rules))?;
            let opts = Options {
                min_words: a.min_words,
                keyphrase: a.keyphrase.clone(),
                title: a.title.clone(),
                url: a.url.clone(),
                date: a.date.clone(),
                // the assessments are shown by the JSON output and --report
                report: matches!(a.format, Format::Json) || a.report.is_some(),
            };
            let format = match a.format {
                Format::Md => batch::Format::Md,
                Format::Html => batch::Format::Html,
                Format::Json => batch::Format::Json,
            };
            let b = batch::BatchOptions {
                jobs: a.jobs.map_or_else(batch::default_jobs, usize::from),
                force: a.force,
                quiet: a.quiet,
                max_bytes: a.max_bytes,
                format,
            };
            if let Some(dir) = &a.out_dir {
                batch::rewrite_files(&engine, &a.files, dir, &opts, &b)?;
                return Ok(0);
            }
            if a.files.len() > 1 {
                return Err(Error::Usage(
                    "several input files need --out-dir DIR (or use --jsonl)".into(),
                ));
            }
            let file = &a.files[0];
            if a.jsonl {
                let out = std::io::BufWriter::new(std::io::stdout().lock());
                if file == "-" {
                    let input = std::io::BufReader::new(std::io::stdin());
                    batch::rewrite_jsonl(&engine, input, "<stdin>", out, &opts, &b)?;
                } else {
                    let f = std::fs::File::open(file).map_err(|e| Error::Io {
                        path: file.clone(),
                        source: e,
                    })?;
                    let input = std::io::BufReader::new(f);
                    batch::rewrite_jsonl(&engine, input, file, out, &opts, &b)?;
                }
                return Ok(0);
            }
            let input = rubrique::io::read_input(file, a.max_bytes)?;
            let article = engine
                .rewrite(&input, &opts)
                .map_err(|e| rubrique::io::name_input(e, file))?;
            if !a.quiet {
                for w in &article.warnings {
                    eprintln!("rubrique: warning: {w}");
                }
            }
            if let Some(p) = &a.report {
                rubrique::io::write_atomic(
                    p,
                    rubrique::render::report_html(&article).as_bytes(),
                    true,
                )?;
            }
            let text = format.render(&article);
            match &a.output {
                Some(p) => rubrique::io::write_atomic(p, text.as_bytes(), true)?,
                None => write_stdout(text.as_bytes())?,
            }
            // the process ends here: freeing the compiled rules and the
            // article piece by piece would only take time
            std::mem::forget(article);
            std::mem::forget(engine);
            Ok(0)
        }
        Command::Sentences { file, rules } => {
            let src = source(&rules);
            let splitter = rubrique::sentences::Splitter::load(&src)?;
            let input = rubrique::io::read_input(&file, rubrique::io::DEFAULT_MAX_BYTES)?;
            let text = rubrique::decode::decode(&input)
                .map_err(|e| rubrique::io::name_input(e.into(), &file))?;
            let mut out = String::new();
            for r in splitter.split(&text) {
                out.push_str(&text[r].replace('\n', " "));
                out.push('\n');
            }
            write_stdout(out.as_bytes())?;
            Ok(0)
        }
    }
}

fn write_stdout(bytes: &[u8]) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::Io {
            path: "<stdout>".into(),
            source: e,
        }),
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("rubrique: {e}");
            ExitCode::from(e.exit_code() as u8)
        }
    }
}
