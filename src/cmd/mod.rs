//! One thin function per subcommand: gather input, call the core, print.

pub mod bank;
pub mod card;
pub mod check;
pub mod drill;
pub mod exam;
pub mod export;
pub mod import;
pub mod lookup;
pub mod officer;
pub mod progress;
pub mod quiz;
pub mod results;

use crate::error::{Error, Result};
use crate::store::{Officer, Store};
use std::path::{Path, PathBuf};

/// The time now (Unix seconds); `CITES_TRAINER_NOW` pins it for tests and demonstrations.
pub fn now() -> i64 {
    if let Some(t) = std::env::var("CITES_TRAINER_NOW")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        return t;
    }
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// The progress folder: `--home` / `CITES_TRAINER_HOME`, else the platform's data folder.
pub fn home(given: Option<&Path>) -> Result<PathBuf> {
    given
        .map(Path::to_path_buf)
        .or_else(crate::store::default_home)
        .ok_or_else(|| {
            Error::Usage("no folder for progress could be found; give one with --home DIR".into())
        })
}

pub fn open_store(home_dir: Option<&Path>) -> Result<Store> {
    Ok(Store::open(&home(home_dir)?)?)
}

/// The officer named, else the remembered default, else "trainee" (with a word on how to
/// choose a name).
pub fn officer(store: &Store, name: Option<&str>, now: i64) -> Result<(Officer, Option<String>)> {
    if let Some(n) = name {
        return Ok((store.officer_or_add(n, now)?, None));
    }
    if let Some(n) = store.setting("officer")? {
        return Ok((store.officer_or_add(&n, now)?, None));
    }
    let o = store.officer_or_add("trainee", now)?;
    Ok((
        o,
        Some("Progress is saved as \"trainee\"; save it under your name with --officer NAME or `cites-trainer officer use NAME`.".into()),
    ))
}
