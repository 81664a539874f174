//! `cites-trainer check [DIR]`: validate a data folder and list every problem.

use crate::catalog::load::{read, taxa_paths};
use crate::check::check_catalog;
use crate::error::{Error, Result};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn run(dir: Option<PathBuf>) -> Result<ExitCode> {
    let dir = match dir {
        Some(d) => d,
        None if Path::new("data").is_dir() => PathBuf::from("data"),
        None => {
            return Err(Error::Usage(
                "name the data folder to check: `cites-trainer check DIR` (the embedded data was checked when it was built)"
                    .into(),
            ));
        }
    };
    if !dir.is_dir() {
        return Err(Error::Usage(format!("{}: no such folder", dir.display())));
    }
    let catalog_dir = dir.join("catalog");
    let mut problems = Vec::new();
    let mut checked = 0;
    let mut taxa_count = 0;
    if catalog_dir.is_dir() {
        let taxa_files: Vec<_> = taxa_paths(&catalog_dir)?
            .iter()
            .map(|p| read(p))
            .collect::<Result<_, _>>()?;
        let meta_files: Vec<_> = ["exports.toml", "annotations.toml"]
            .iter()
            .map(|n| catalog_dir.join(n))
            .filter(|p| p.exists())
            .map(|p| read(&p))
            .collect::<Result<_, _>>()?;
        checked += taxa_files.len() + meta_files.len();
        let (found, located) = check_catalog(&taxa_files, &meta_files);
        taxa_count = located.len();
        problems.extend(found);
    }
    for p in &problems {
        println!("{p}");
    }
    if problems.is_empty() {
        println!(
            "{}: {checked} files, {taxa_count} taxa: no problems.",
            dir.display()
        );
        Ok(ExitCode::SUCCESS)
    } else {
        println!(
            "{}: {} problem{} in {checked} files.",
            dir.display(),
            problems.len(),
            if problems.len() == 1 { "" } else { "s" }
        );
        Ok(ExitCode::from(1))
    }
}
