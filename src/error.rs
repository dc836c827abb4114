//! Typed errors and the exit codes they map to.
use thiserror::Error;

/// Everything that can go wrong, with what the user needs to fix it.
#[derive(Debug, Error)]
pub enum Error {
    /// Bad command line or unreadable/unwritable file (exit 2).
    #[error("{0}")]
    Usage(String),
    /// I/O failure on a named path (exit 2).
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// The input was refused (exit 3).
    #[error("{0}")]
    Refused(#[from] Refusal),
    /// A named input was refused (exit 3).
    #[error("{path}: {refusal}")]
    Input { path: String, refusal: Refusal },
    /// A rule or lexicon file is invalid (exit 4).
    #[error("{file}:{line}: {message}")]
    Rules {
        file: String,
        line: usize,
        message: String,
    },
    /// Some inputs of a batch failed (exit 5); the message is the run's summary.
    #[error("{0}")]
    Batch(crate::batch::Summary),
}

/// Why an input was refused.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum Refusal {
    #[error("input is empty")]
    Empty,
    #[error("input is empty once boilerplate is removed ({removed} removal(s))")]
    NothingLeft { removed: usize },
    #[error("input is not valid UTF-8 text: invalid byte 0x{byte:02x} at byte offset {offset}")]
    NotUtf8 { offset: usize, byte: u8 },
    #[error("input looks binary (NUL byte at byte offset {offset}), not text")]
    Binary { offset: usize },
    #[error("input is {size} bytes, more than the limit of {limit} bytes (--max-bytes)")]
    TooLarge { size: u64, limit: u64 },
    #[error("input is not French: detected {lang} (confidence {confidence:.2})")]
    NotFrench { lang: String, confidence: f64 },
    #[error("input is too short to tell its language ({words} word(s))")]
    TooShort { words: usize },
    #[error(
        "front matter nested too deeply at line {line}: more than {} levels of `{{` and `[` (or more than {} of them)",
        crate::rules::MAX_YAML_DEPTH,
        crate::rules::MAX_YAML_FLOWS
    )]
    FrontMatterTooDeep { line: usize },
}

impl Error {
    /// The documented exit code: 2 usage/I-O, 3 refused input, 4 invalid rules,
    /// 5 some inputs of a batch failed.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Usage(_) | Error::Io { .. } => 2,
            Error::Refused(_) | Error::Input { .. } => 3,
            Error::Rules { .. } => 4,
            Error::Batch(_) => 5,
        }
    }

    /// A short machine-readable code (used in JSON error lines).
    pub fn code(&self) -> &'static str {
        match self {
            Error::Usage(_) => "usage",
            Error::Io { .. } => "io",
            Error::Rules { .. } => "rules",
            Error::Batch(_) => "batch",
            Error::Refused(r) | Error::Input { refusal: r, .. } => match r {
                Refusal::Empty | Refusal::NothingLeft { .. } => "empty",
                Refusal::NotUtf8 { .. } => "not-utf8",
                Refusal::Binary { .. } => "binary",
                Refusal::TooLarge { .. } => "too-large",
                Refusal::NotFrench { .. } => "not-french",
                Refusal::TooShort { .. } => "too-short",
                Refusal::FrontMatterTooDeep { .. } => "front-matter-too-deep",
            },
        }
    }
}

pub type Result<T> = std::result::Result<T, Error>;
