//! Batch runs: many files into an output directory, or JSON Lines records from
//! a stream to a stream, on several threads.
//!
//! The engine (compiled rules and lexicons) is built once and shared by every
//! thread. Each article is rewritten on its own, and results are reported and
//! written in input order, so the output bytes never depend on the number of
//! threads. A bad input is reported and skipped; the run goes on and ends with
//! a summary line (`N inputs: D done, S skipped, F failed`); when any input
//! failed, the run returns [`Error::Batch`] (exit code 5).
use crate::error::{Error, Result};
use crate::model::{Article, Meta};
use crate::{Engine, Options};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, TryRecvError};
use std::sync::{Condvar, Mutex};

// The engine is shared by reference between threads.
const _: () = {
    const fn assert_sync<T: Sync>() {}
    assert_sync::<Engine>();
};

/// Output format of a rewritten article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Markdown with YAML front matter.
    Md,
    /// A standalone HTML page.
    Html,
    /// The whole structure with provenance, as JSON.
    Json,
}

impl Format {
    /// File extension of outputs in this format (without the dot).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Json => "json",
        }
    }

    /// Render an article in this format.
    pub fn render(self, article: &Article) -> String {
        match self {
            Format::Md => crate::render::markdown(article),
            Format::Html => crate::render::html(article),
            Format::Json => crate::render::json(article),
        }
    }
}

/// How a batch runs.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// Worker threads (1 runs everything on the calling thread).
    pub jobs: usize,
    /// Overwrite existing outputs (never an input).
    pub force: bool,
    /// No progress bar, no warnings, no summary line when nothing failed.
    pub quiet: bool,
    /// Largest input (file, or record text) in bytes.
    pub max_bytes: u64,
    /// Output format.
    pub format: Format,
}

impl Default for BatchOptions {
    fn default() -> Self {
        BatchOptions {
            jobs: default_jobs(),
            force: false,
            quiet: false,
            max_bytes: crate::io::DEFAULT_MAX_BYTES,
            format: Format::Md,
        }
    }
}

/// The number of threads `--jobs` defaults to: every core.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
}

/// What a batch did, input by input.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Articles written.
    pub done: usize,
    /// Inputs left alone because their output already exists (no `--force`).
    pub skipped: usize,
    /// Inputs that could not be rewritten (refused, unreadable, unwritable).
    pub failed: usize,
}

impl Summary {
    pub fn total(&self) -> usize {
        self.done + self.skipped + self.failed
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.total();
        write!(
            f,
            "{n} input{}: {} done, {} skipped, {} failed",
            if n == 1 { "" } else { "s" },
            self.done,
            self.skipped,
            self.failed
        )
    }
}

/// Why one input failed: a short machine-readable code and a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Failure {
    pub code: String,
    pub message: String,
}

impl Failure {
    fn new(code: &str, message: impl Into<String>) -> Failure {
        Failure {
            code: code.to_string(),
            message: message.into(),
        }
    }

    fn from_error(e: &Error) -> Failure {
        Failure::new(e.code(), e.to_string())
    }
}

/// Messages on standard error: failures always; warnings, the progress bar
/// (only on a terminal) and the summary of a clean run unless quiet.
struct Reporter {
    quiet: bool,
    bar: Option<ProgressBar>,
}

impl Reporter {
    fn new(quiet: bool, total: Option<usize>) -> Reporter {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let (bar, template) = match total {
                Some(n) => (
                    ProgressBar::new(n as u64),
                    "{bar:30} {pos}/{len} articles, {per_sec}, ETA {eta}",
                ),
                None => (
                    ProgressBar::new_spinner(),
                    "{spinner} {pos} articles, {per_sec}",
                ),
            };
            bar.set_draw_target(ProgressDrawTarget::stderr());
            if let Ok(style) = ProgressStyle::with_template(template) {
                bar.set_style(style);
            }
            bar
        });
        Reporter { quiet, bar }
    }

    fn line(&self, msg: &str) {
        let print = || {
            let mut err = std::io::stderr().lock();
            let _ = writeln!(err, "rubrique: {msg}");
        };
        match &self.bar {
            Some(b) => b.suspend(print),
            None => print(),
        }
    }

    fn warn(&self, what: &str, warning: &str) {
        if !self.quiet {
            self.line(&format!("warning: {what}: {warning}"));
        }
    }

    fn tick(&self) {
        if let Some(b) = &self.bar {
            b.inc(1);
        }
    }

    /// End the run: the summary line, or the error that carries it.
    fn finish(self, summary: Summary) -> Result<Summary> {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
        if summary.failed > 0 {
            return Err(Error::Batch(summary));
        }
        if !self.quiet {
            self.line(&summary.to_string());
        }
        Ok(summary)
    }
}

/// Map `work` over `items` on `jobs` threads and hand the results to `sink` in
/// input order, as soon as each is next in line. At most a bounded number of
/// items are in flight, so memory stays flat on long streams. `idle` runs when
/// the sink has nothing to do (a chance to flush). A sink error stops the run.
fn ordered_map<T, R, I, W, S>(
    jobs: usize,
    items: I,
    work: W,
    mut sink: S,
    mut idle: impl FnMut() -> Result<()>,
) -> Result<()>
where
    T: Send,
    R: Send,
    I: Iterator<Item = T> + Send,
    W: Fn(T) -> R + Sync,
    S: FnMut(R) -> Result<()>,
{
    if jobs <= 1 {
        for it in items {
            sink(work(it))?;
            idle()?;
        }
        return Ok(());
    }
    let window = jobs * 4;
    let emitted = (Mutex::new(0usize), Condvar::new());
    let stop = AtomicBool::new(false);
    let (task_tx, task_rx) = mpsc::sync_channel::<(usize, T)>(jobs * 2);
    let task_rx = Mutex::new(task_rx);
    let (res_tx, res_rx) = mpsc::channel::<(usize, R)>();
    let mut outcome = Ok(());
    std::thread::scope(|scope| {
        let (emitted, stop, task_rx, work) = (&emitted, &stop, &task_rx, &work);
        scope.spawn(move || {
            for (i, it) in items.enumerate() {
                let (lock, cv) = emitted;
                let mut done = lock.lock().unwrap_or_else(|e| e.into_inner());
                while i >= *done + window && !stop.load(Ordering::Relaxed) {
                    done = cv.wait(done).unwrap_or_else(|e| e.into_inner());
                }
                drop(done);
                if stop.load(Ordering::Relaxed) || task_tx.send((i, it)).is_err() {
                    break;
                }
            }
        });
        for _ in 0..jobs {
            let res_tx = res_tx.clone();
            scope.spawn(move || loop {
                let task = task_rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
                match task {
                    Ok((i, it)) => {
                        if res_tx.send((i, work(it))).is_err() {
                            break;
                        }
                    }
                    Err(_) => break,
                }
            });
        }
        drop(res_tx);
        let mut pending: BTreeMap<usize, R> = BTreeMap::new();
        let mut next = 0usize;
        loop {
            let (i, r) = match res_rx.try_recv() {
                Ok(m) => m,
                Err(TryRecvError::Empty) => {
                    if let Err(e) = idle() {
                        outcome = Err(e);
                        break;
                    }
                    match res_rx.recv() {
                        Ok(m) => m,
                        Err(_) => break,
                    }
                }
                Err(TryRecvError::Disconnected) => break,
            };
            pending.insert(i, r);
            while let Some(r) = pending.remove(&next) {
                next += 1;
                if let Err(e) = sink(r) {
                    outcome = Err(e);
                    break;
                }
            }
            if outcome.is_err() {
                break;
            }
            let (lock, cv) = emitted;
            *lock.lock().unwrap_or_else(|e| e.into_inner()) = next;
            cv.notify_all();
        }
        if outcome.is_err() {
            stop.store(true, Ordering::Relaxed);
            emitted.1.notify_all();
            // unblock workers waiting to send and the feeder waiting to queue
            drop(res_rx);
            while task_rx
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .try_recv()
                .is_ok()
            {}
        }
    });
    outcome?;
    idle()
}

/// What happened to one file.
enum FileOutcome {
    Done { warnings: Vec<String> },
    Skipped(String),
    Failed(Failure),
}

/// What to do with one file, decided before any work starts.
enum Plan {
    Write { input: String, output: PathBuf },
    Fail(Failure),
}

/// Output paths of `files` in `out_dir`: same stem, the format's extension.
/// Two inputs with the same output name, or an output that is one of the
/// inputs, fail (the first input of a name keeps it).
fn plan_files(files: &[String], out_dir: &Path, format: Format) -> Result<Vec<Plan>> {
    std::fs::create_dir_all(out_dir).map_err(|e| Error::Io {
        path: out_dir.display().to_string(),
        source: e,
    })?;
    let dir = std::fs::canonicalize(out_dir).map_err(|e| Error::Io {
        path: out_dir.display().to_string(),
        source: e,
    })?;
    let inputs: HashSet<PathBuf> = files
        .iter()
        .filter_map(|f| std::fs::canonicalize(f).ok())
        .collect();
    let mut taken: HashMap<PathBuf, &String> = HashMap::new();
    let mut plans = Vec::with_capacity(files.len());
    for f in files {
        let Some(stem) = Path::new(f).file_stem().filter(|s| !s.is_empty()) else {
            plans.push(Plan::Fail(Failure::new(
                "usage",
                format!("{f}: no file name to name the output after"),
            )));
            continue;
        };
        let mut name = stem.to_os_string();
        name.push(".");
        name.push(format.extension());
        let output = out_dir.join(&name);
        let absolute = dir.join(&name);
        let resolved = std::fs::canonicalize(&absolute).unwrap_or_else(|_| absolute.clone());
        if inputs.contains(&absolute) || inputs.contains(&resolved) {
            plans.push(Plan::Fail(Failure::new(
                "usage",
                format!(
                    "{f}: the output {} would overwrite an input",
                    output.display()
                ),
            )));
            continue;
        }
        if let Some(first) = taken.get(&absolute) {
            plans.push(Plan::Fail(Failure::new(
                "usage",
                format!(
                    "{f}: same output name as {first} ({})",
                    Path::new(&name).display()
                ),
            )));
            continue;
        }
        taken.insert(absolute, f);
        plans.push(Plan::Write {
            input: f.clone(),
            output,
        });
    }
    Ok(plans)
}

fn rewrite_file(
    engine: &Engine,
    input: &str,
    output: &Path,
    opts: &Options,
    b: &BatchOptions,
) -> FileOutcome {
    if !b.force && output.exists() {
        return FileOutcome::Skipped(format!(
            "{input}: {} already exists (use --force to overwrite)",
            output.display()
        ));
    }
    let result = crate::io::read_input(input, b.max_bytes)
        .and_then(|bytes| engine.rewrite(&bytes, opts))
        .map_err(|e| crate::io::name_input(e, input))
        .and_then(|article| {
            let text = b.format.render(&article);
            crate::io::write_atomic(output, text.as_bytes(), b.force)?;
            Ok(article.warnings)
        });
    match result {
        Ok(warnings) => FileOutcome::Done { warnings },
        Err(e) => FileOutcome::Failed(Failure::from_error(&e)),
    }
}

/// Rewrite every file of `files` into `out_dir` (created if missing), one
/// output per input named after its stem with the format's extension. An
/// existing output is skipped unless `force`; an input is never overwritten.
/// Failures are reported on standard error and do not stop the run.
pub fn rewrite_files(
    engine: &Engine,
    files: &[String],
    out_dir: &Path,
    opts: &Options,
    b: &BatchOptions,
) -> Result<Summary> {
    if let Some(f) = files.iter().find(|f| *f == "-") {
        return Err(Error::Usage(format!(
            "{f}: standard input cannot be part of a batch with --out-dir (use --jsonl)"
        )));
    }
    let plans = plan_files(files, out_dir, b.format)?;
    let reporter = Reporter::new(b.quiet, Some(plans.len()));
    let mut summary = Summary::default();
    ordered_map(
        b.jobs,
        plans.into_iter(),
        |plan| match plan {
            Plan::Write { input, output } => {
                let out = rewrite_file(engine, &input, &output, opts, b);
                (input, out)
            }
            Plan::Fail(f) => (String::new(), FileOutcome::Failed(f)),
        },
        |(input, outcome)| {
            match outcome {
                FileOutcome::Done { warnings } => {
                    summary.done += 1;
                    for w in &warnings {
                        reporter.warn(&input, w);
                    }
                }
                FileOutcome::Skipped(msg) => {
                    summary.skipped += 1;
                    reporter.line(&format!("skipped: {msg}"));
                }
                FileOutcome::Failed(f) => {
                    summary.failed += 1;
                    reporter.line(&f.message);
                }
            }
            reporter.tick();
            Ok(())
        },
        || Ok(()),
    )?;
    reporter.finish(summary)
}

/// One record of a JSON Lines stream, as read.
struct RawRecord {
    line: usize,
    bytes: std::result::Result<Vec<u8>, Failure>,
}

/// Lines of a stream, each at most `max` bytes (a longer one is read through
/// and reported, never held whole). Blank lines are skipped.
struct Lines<R> {
    reader: R,
    max: usize,
    line: usize,
    fatal: std::sync::Arc<Mutex<Option<Error>>>,
    name: String,
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = RawRecord;

    fn next(&mut self) -> Option<RawRecord> {
        loop {
            let mut buf = Vec::new();
            let mut too_long = false;
            let mut read_any = false;
            loop {
                let chunk = match self.reader.fill_buf() {
                    Ok(c) => c,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(e) => {
                        *self.fatal.lock().unwrap_or_else(|p| p.into_inner()) = Some(Error::Io {
                            path: self.name.clone(),
                            source: e,
                        });
                        return None;
                    }
                };
                if chunk.is_empty() {
                    break;
                }
                read_any = true;
                let (take, end) = match chunk.iter().position(|&c| c == b'\n') {
                    Some(p) => (p, true),
                    None => (chunk.len(), false),
                };
                if !too_long {
                    if buf.len() + take > self.max {
                        too_long = true;
                        buf = Vec::new();
                    } else {
                        buf.extend_from_slice(&chunk[..take]);
                    }
                }
                self.reader.consume(take + usize::from(end));
                if end {
                    break;
                }
            }
            if !read_any {
                return None;
            }
            self.line += 1;
            if too_long {
                return Some(RawRecord {
                    line: self.line,
                    bytes: Err(Failure::new(
                        "too-large",
                        format!("line longer than {} bytes", self.max),
                    )),
                });
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(RawRecord {
                line: self.line,
                bytes: Ok(buf),
            });
        }
    }
}

/// The output line of a record rewritten.
#[derive(Serialize)]
struct DoneLine<'a> {
    id: &'a Value,
    format: &'static str,
    meta: &'a Meta,
    warnings: &'a [String],
    output: Output<'a>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Output<'a> {
    Text(&'a str),
    Article(&'a Article),
}

/// The output line of a record that failed.
#[derive(Serialize)]
struct ErrorLine<'a> {
    id: &'a Value,
    error: &'a Failure,
}

/// A record's fields, checked.
struct Record {
    id: Value,
    text: String,
    opts: Options,
}

fn optional_string(v: &Value, field: &str) -> std::result::Result<Option<String>, Failure> {
    match v.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(Failure::new(
            "bad-record",
            format!("`{field}` must be a string"),
        )),
    }
}

/// Parse one JSON Lines record; on failure, the id when it could be read.
fn parse_record(
    bytes: &[u8],
    base: &Options,
    max_bytes: u64,
) -> std::result::Result<Record, (Value, Failure)> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        (
            Value::Null,
            Failure::new(
                "not-utf8",
                format!(
                    "record is not valid UTF-8: invalid byte 0x{:02x} at byte offset {offset} of the line",
                    bytes[offset]
                ),
            ),
        )
    })?;
    let v: Value = serde_json::from_str(text).map_err(|e| {
        (
            Value::Null,
            Failure::new("bad-record", format!("not a JSON object: {e}")),
        )
    })?;
    if !v.is_object() {
        return Err((Value::Null, Failure::new("bad-record", "not a JSON object")));
    }
    let id = v.get("id").cloned().unwrap_or(Value::Null);
    let fail = |f: Failure| (id.clone(), f);
    if id.is_null() {
        return Err(fail(Failure::new("bad-record", "the record has no `id`")));
    }
    let text = match v.get("text") {
        Some(Value::String(s)) => s.clone(),
        Some(_) => return Err(fail(Failure::new("bad-record", "`text` must be a string"))),
        None => return Err(fail(Failure::new("bad-record", "the record has no `text`"))),
    };
    if text.len() as u64 > max_bytes {
        return Err(fail(Failure::from_error(&Error::Refused(
            crate::error::Refusal::TooLarge {
                size: text.len() as u64,
                limit: max_bytes,
            },
        ))));
    }
    let mut opts = base.clone();
    if let Some(t) = optional_string(&v, "title").map_err(&fail)? {
        opts.title = Some(t);
    }
    if let Some(k) = optional_string(&v, "keyphrase").map_err(&fail)? {
        opts.keyphrase = Some(k);
    }
    if let Some(u) = optional_string(&v, "url").map_err(&fail)? {
        opts.url = Some(u);
    }
    if let Some(d) = optional_string(&v, "date").map_err(&fail)? {
        if !valid_date(&d) {
            return Err(fail(Failure::new(
                "bad-record",
                format!("`date`: `{d}` is not a date of the form YYYY-MM-DD"),
            )));
        }
        opts.date = Some(d);
    }
    Ok(Record { id, text, opts })
}

/// Is `s` a date of the form YYYY-MM-DD (month 1–12, day 1–31)?
pub fn valid_date(s: &str) -> bool {
    s.len() == 10
        && s.chars().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        })
        && (1..=12).contains(&s[5..7].parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u32>().unwrap_or(0))
}

/// Rewrite one record into its output line (without the newline); the
/// failure, when there is one, is returned for the report.
fn rewrite_record(
    engine: &Engine,
    raw: RawRecord,
    base: &Options,
    b: &BatchOptions,
) -> (String, Option<(Value, Failure)>, Vec<String>) {
    let result = raw
        .bytes
        .map_err(|f| (Value::Null, f))
        .and_then(|bytes| parse_record(&bytes, base, b.max_bytes))
        .and_then(|rec| match engine.rewrite(rec.text.as_bytes(), &rec.opts) {
            Ok(article) => Ok((rec.id, article)),
            Err(e) => Err((rec.id, Failure::from_error(&e))),
        });
    match result {
        Ok((id, article)) => {
            let rendered;
            let output = match b.format {
                Format::Json => Output::Article(&article),
                f => {
                    rendered = f.render(&article);
                    Output::Text(&rendered)
                }
            };
            let line = DoneLine {
                id: &id,
                format: b.format.extension(),
                meta: &article.meta,
                warnings: &article.warnings,
                output,
            };
            match serde_json::to_string(&line) {
                Ok(s) => (s, None, article.warnings.clone()),
                Err(e) => {
                    let f = Failure::new("internal", format!("cannot serialise the article: {e}"));
                    (error_line(&id, &f), Some((id, f)), Vec::new())
                }
            }
        }
        Err((id, f)) => (error_line(&id, &f), Some((id, f)), Vec::new()),
    }
}

fn error_line(id: &Value, f: &Failure) -> String {
    serde_json::to_string(&ErrorLine { id, error: f }).unwrap_or_else(|_| {
        format!(
            "{{\"id\":null,\"error\":{{\"code\":{},\"message\":\"\"}}}}",
            Value::String(f.code.clone())
        )
    })
}

/// Rewrite a JSON Lines stream: one record per line, `{"id": …, "text": …}`
/// with optional `title`, `keyphrase`, `url` and `date` (which override the
/// defaults of `opts`). One line is written per record, in input order: the
/// article (`{"id", "format", "meta", "warnings", "output"}`, where `output`
/// is the rendered text, or the article object for JSON), or
/// `{"id": …, "error": {"code": …, "message": …}}` for a record that failed.
/// Output is flushed whenever no further line is ready, so the command can sit
/// in a pipe that waits for each answer.
pub fn rewrite_jsonl<R, W>(
    engine: &Engine,
    input: R,
    input_name: &str,
    mut output: W,
    opts: &Options,
    b: &BatchOptions,
) -> Result<Summary>
where
    R: BufRead + Send,
    W: Write,
{
    let fatal = std::sync::Arc::new(Mutex::new(None));
    // a JSON string may escape every byte of the text as \uXXXX
    let max_line = usize::try_from(b.max_bytes)
        .unwrap_or(usize::MAX)
        .saturating_mul(6)
        .saturating_add(64 * 1024);
    let lines = Lines {
        reader: input,
        max: max_line,
        line: 0,
        fatal: fatal.clone(),
        name: input_name.to_string(),
    };
    let reporter = Reporter::new(b.quiet, None);
    let mut summary = Summary::default();
    let out_err = |e: std::io::Error| Error::Io {
        path: "<stdout>".into(),
        source: e,
    };
    let output = std::cell::RefCell::new(&mut output);
    let result = ordered_map(
        b.jobs,
        lines,
        |raw| {
            let line_no = raw.line;
            (line_no, rewrite_record(engine, raw, opts, b))
        },
        |(line_no, (line, failure, warnings))| {
            let mut out = output.borrow_mut();
            out.write_all(line.as_bytes())
                .and_then(|_| out.write_all(b"\n"))
                .map_err(out_err)?;
            match failure {
                None => {
                    summary.done += 1;
                    for w in &warnings {
                        reporter.warn(&format!("line {line_no}"), w);
                    }
                }
                Some((id, f)) => {
                    summary.failed += 1;
                    let who = match id {
                        Value::Null => format!("line {line_no}"),
                        id => format!("line {line_no} (id {id})"),
                    };
                    reporter.line(&format!("{who}: {}", f.message));
                }
            }
            reporter.tick();
            Ok(())
        },
        || output.borrow_mut().flush().map_err(out_err),
    );
    if let Some(e) = fatal.lock().unwrap_or_else(|p| p.into_inner()).take() {
        return Err(e);
    }
    match result {
        Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::BrokenPipe => {
            return Ok(summary)
        }
        Err(e) => return Err(e),
        Ok(()) => {}
    }
    reporter.finish(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordered_map_keeps_order_whatever_the_jobs() {
        for jobs in [1, 2, 3, 8] {
            let mut got = Vec::new();
            ordered_map(
                jobs,
                0..200u64,
                |i| {
                    // uneven work so that results arrive out of order
                    let mut x = i;
                    for _ in 0..(200 - i) * 50 {
                        x = x.wrapping_mul(6364136223846793005).wrapping_add(1);
                    }
                    (i, x)
                },
                |(i, _)| {
                    got.push(i);
                    Ok(())
                },
                || Ok(()),
            )
            .unwrap();
            assert_eq!(got, (0..200).collect::<Vec<_>>(), "jobs {jobs}");
        }
    }

    #[test]
    fn ordered_map_stops_on_sink_error() {
        let mut n = 0;
        let r = ordered_map(
            4,
            0..10_000u32,
            |i| i,
            |_| {
                n += 1;
                if n == 5 {
                    Err(Error::Usage("stop".into()))
                } else {
                    Ok(())
                }
            },
            || Ok(()),
        );
        assert!(r.is_err());
        assert_eq!(n, 5);
    }

    #[test]
    fn lines_skip_blanks_and_bound_length() {
        let data = b"{\"a\":1}\n\n   \n0123456789abcdef\nxy";
        let fatal = std::sync::Arc::new(Mutex::new(None));
        let lines: Vec<RawRecord> = Lines {
            reader: std::io::BufReader::with_capacity(4, &data[..]),
            max: 10,
            line: 0,
            fatal,
            name: "t".into(),
        }
        .collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0].line, 1);
        assert_eq!(lines[0].bytes.as_deref().ok(), Some(&b"{\"a\":1}"[..]));
        assert_eq!(lines[1].line, 4);
        assert!(lines[1].bytes.is_err());
        assert_eq!(lines[2].bytes.as_deref().ok(), Some(&b"xy"[..]));
    }

    #[test]
    fn records_checked() {
        let o = Options::default();
        let bad = |s: &str| {
            parse_record(s.as_bytes(), &o, 100)
                .err()
                .map(|(id, f)| (id, f.code))
        };
        assert_eq!(bad("[1]"), Some((Value::Null, "bad-record".into())));
        assert_eq!(
            bad(r#"{"id":"a"}"#),
            Some((Value::from("a"), "bad-record".into()))
        );
        assert_eq!(
            bad(r#"{"id":7,"text":"x","date":"2024-13-01"}"#),
            Some((Value::from(7), "bad-record".into()))
        );
        assert_eq!(
            bad(&format!(r#"{{"id":1,"text":"{}"}}"#, "a".repeat(101))),
            Some((Value::from(1), "too-large".into()))
        );
        assert_eq!(
            bad("{\"id\":1,\"text\":\"\u{e9}\"}\u{0}").map(|x| x.1),
            Some("bad-record".into())
        );
        let r = parse_record(
            br#"{"id":"x","text":"t","title":"T","date":"2024-02-03","extra":1}"#,
            &o,
            100,
        )
        .ok()
        .unwrap();
        assert_eq!(r.opts.title.as_deref(), Some("T"));
        assert_eq!(r.opts.date.as_deref(), Some("2024-02-03"));
    }
}
