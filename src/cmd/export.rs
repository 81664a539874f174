//! `cites-trainer export --format csv|json`: the answer log and a summary per officer, for a
//! spreadsheet. Text cells a spreadsheet would run as a formula are written as text.

use crate::error::{Error, Result};
use crate::export::{summaries, write_answers_csv, write_summary_csv};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn run(
    home: Option<&Path>,
    officer: Option<&str>,
    format: &str,
    out: Option<PathBuf>,
) -> Result<ExitCode> {
    let store = crate::cmd::open_store(home)?;
    let filter = match officer {
        Some(name) => Some(
            store
                .officer(name)?
                .ok_or_else(|| {
                    Error::Usage(format!(
                        "no officer {name}; `cites-trainer officer list` shows them"
                    ))
                })?
                .id,
        ),
        None => None,
    };
    let answers = store.answers(filter)?;
    let summary = summaries(&answers);
    let write_err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Write {
            path: path.clone(),
            source,
        }
    };
    match (format, out) {
        ("json", out) => {
            let body = serde_json::json!({ "officers": summary, "answers": answers.iter().map(|(o, a)| crate::export::row(o, a)).collect::<Vec<_>>() });
            let text = serde_json::to_string_pretty(&body).map_err(|e| e.to_string())? + "\n";
            match out {
                Some(p) => std::fs::write(&p, text).map_err(write_err(&p))?,
                None => print_ok(text.as_bytes())?,
            }
        }
        ("csv", Some(p)) => {
            let summary_path = p.with_file_name(format!(
                "{}-summary.csv",
                p.file_stem()
                    .map(|s| s.to_string_lossy().to_string())
                    .unwrap_or_default()
            ));
            let mut buf = Vec::new();
            write_answers_csv(&answers, &mut buf).map_err(write_err(&p))?;
            std::fs::write(&p, buf).map_err(write_err(&p))?;
            let mut buf = Vec::new();
            write_summary_csv(&summary, &mut buf).map_err(write_err(&summary_path))?;
            std::fs::write(&summary_path, buf).map_err(write_err(&summary_path))?;
            eprintln!(
                "Wrote {} answers to {} and {} officers to {}.",
                answers.len(),
                p.display(),
                summary.len(),
                summary_path.display()
            );
        }
        ("csv", None) => {
            let mut buf = Vec::new();
            write_answers_csv(&answers, &mut buf).map_err(write_err(Path::new("-")))?;
            print_ok(&buf)?;
        }
        (other, _) => {
            return Err(Error::Usage(format!(
                "unknown format {other}; use csv or json"
            )));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes to standard output; a closed pipe (`| head`) is not an error.
fn print_ok(bytes: &[u8]) -> Result<()> {
    match std::io::stdout().write_all(bytes) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r.map_err(|source| Error::Write {
            path: PathBuf::from("-"),
            source,
        }),
    }
}
