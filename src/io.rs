//! Reading inputs within a size limit and writing outputs atomically.
use crate::error::{Error, Refusal, Result};
use std::io::{Read, Write};
use std::path::Path;

/// Default `--max-bytes`: 5 MB.
pub const DEFAULT_MAX_BYTES: u64 = 5 * 1024 * 1024;

/// Read a file (or standard input for `-`), refusing it as soon as it passes
/// `max` bytes, without reading the rest.
pub fn read_input(path: &str, max: u64) -> Result<Vec<u8>> {
    let io_err = |e: std::io::Error| Error::Io {
        path: path.to_string(),
        source: e,
    };
    let reader: Box<dyn Read> = if path == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        let f = std::fs::File::open(path).map_err(io_err)?;
        if let Ok(m) = f.metadata() {
            if m.is_dir() {
                return Err(Error::Usage(format!("{path}: is a directory")));
            }
            if m.len() > max {
                return Err(name_input(
                    Refusal::TooLarge {
                        size: m.len(),
                        limit: max,
                    }
                    .into(),
                    path,
                ));
            }
        }
        Box::new(f)
    };
    let mut buf = Vec::new();
    let n = reader.take(max + 1).read_to_end(&mut buf).map_err(io_err)?;
    if n as u64 > max {
        return Err(name_input(
            Refusal::TooLarge {
                size: n as u64,
                limit: max,
            }
            .into(),
            path,
        ));
    }
    Ok(buf)
}

/// Put the input's name in front of a refusal message.
pub fn name_input(e: Error, path: &str) -> Error {
    match e {
        Error::Refused(refusal) => Error::Input {
            path: if path == "-" {
                "<stdin>".into()
            } else {
                path.to_string()
            },
            refusal,
        },
        other => other,
    }
}

/// Write through a temporary file in the same directory, renamed into place, so
/// that an interrupted run never leaves half a file. Without `overwrite`, an
/// existing file is an error.
pub fn write_atomic(path: &Path, bytes: &[u8], overwrite: bool) -> Result<()> {
    let io_err = |e: std::io::Error| Error::Io {
        path: path.display().to_string(),
        source: e,
    };
    if !overwrite && path.exists() {
        return Err(Error::Usage(format!(
            "{}: already exists (use --force to overwrite)",
            path.display()
        )));
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.rubrique-{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(io_err)
}
