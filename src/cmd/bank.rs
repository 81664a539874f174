//! `cites-trainer bank import FILE.gift` and `bank export BANK --format gift`: question banks
//! to and from Moodle's GIFT format.

use crate::bank::gift;
use crate::data::DataSource;
use crate::error::{Error, Result};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn write_or_print(out: Option<&Path>, text: &str) -> Result<()> {
    match out {
        Some(path) => {
            let tmp = path.with_extension("tmp");
            std::fs::write(&tmp, text)
                .and_then(|_| std::fs::rename(&tmp, path))
                .map_err(|source| Error::Write {
                    path: path.to_path_buf(),
                    source,
                })
        }
        None => {
            print!("{text}");
            Ok(())
        }
    }
}

pub fn import(
    file: &Path,
    id: Option<String>,
    title: Option<String>,
    out: Option<PathBuf>,
) -> Result<ExitCode> {
    let text = crate::catalog::load::read(file)?.text;
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_else(|| "imported".into());
    let id = id.unwrap_or(stem);
    let title = title.unwrap_or_else(|| format!("Imported from {}", file.display()));
    let imported = gift::import(&text, &id, &title);
    for m in &imported.messages {
        eprintln!("{}: {m}", file.display());
    }
    let toml = gift::to_toml(&imported.bank)?;
    write_or_print(out.as_deref(), &toml)?;
    eprintln!(
        "{} questions read into bank `{id}`{}; run `cites-trainer check` on it before use.",
        imported.bank.questions.len(),
        out.as_ref()
            .map(|o| format!(" ({})", o.display()))
            .unwrap_or_default()
    );
    Ok(ExitCode::SUCCESS)
}

pub fn export(data: &DataSource, bank: &str, out: Option<PathBuf>) -> Result<ExitCode> {
    let banks = crate::cmd::quiz::load_banks(data, &[bank.to_string()])?;
    let bank = banks
        .into_iter()
        .next()
        .ok_or_else(|| Error::Usage(format!("no bank `{bank}`")))?;
    let (text, skipped) = gift::export(&bank);
    write_or_print(out.as_deref(), &text)?;
    for s in &skipped {
        eprintln!("not exported: {s}");
    }
    eprintln!(
        "{} of {} questions written as GIFT. Sources, references and editions travel in `// cites-trainer:` comments, which Moodle ignores.",
        bank.questions.len() - skipped.len(),
        bank.questions.len()
    );
    Ok(ExitCode::SUCCESS)
}
