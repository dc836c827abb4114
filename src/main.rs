//! The `rubrique` command line: parses arguments, calls the library, maps errors
//! to the documented exit codes (0 done, 2 usage or I/O, 3 input refused,
//! 4 invalid rule file).
use clap::{Parser, Subcommand, ValueEnum};
use rubrique::rules::Source;
use rubrique::{Engine, Error, Options};
use std::io::{Read, Write};
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
too large), 4 invalid rule file."
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
    /// Input file with the scraped text, or - for standard input.
    #[arg(default_value = "-")]
    file: String,
    /// Write the article to this file instead of standard output.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
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
    let ok = s.len() == 10
        && s.chars().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        })
        && (1..=12).contains(&s[5..7].parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u32>().unwrap_or(0));
    if ok {
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

fn run(cli: Cli) -> Result<(), Error> {
    match cli.command {
        Command::Check(a) => {
            if !check(a)? {
                std::process::exit(1);
            }
            Ok(())
        }
        Command::Rewrite(a) => {
            let engine = Engine::new(&source(&a.rules))?;
            let input = rubrique::io::read_input(&a.file, a.max_bytes)?;
            let opts = Options {
                min_words: a.min_words,
                keyphrase: a.keyphrase,
                title: a.title,
                url: a.url,
                date: a.date,
            };
            let article = engine
                .rewrite(&input, &opts)
                .map_err(|e| rubrique::io::name_input(e, &a.file))?;
            for w in &article.warnings {
                eprintln!("rubrique: warning: {w}");
            }
            let text = match a.format {
                Format::Md => rubrique::render::markdown(&article),
                Format::Html => rubrique::render::html(&article),
                Format::Json => rubrique::render::json(&article),
            };
            match &a.output {
                Some(p) => rubrique::io::write_atomic(p, text.as_bytes(), true)?,
                None => write_stdout(text.as_bytes())?,
            }
            Ok(())
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
            write_stdout(out.as_bytes())
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
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rubrique: {e}");
            ExitCode::from(e.exit_code() as u8)
        }
    }
}

#[allow(dead_code)]
fn read_all(mut r: impl Read) -> std::io::Result<Vec<u8>> {
    let mut v = Vec::new();
    r.read_to_end(&mut v)?;
    Ok(v)
}
