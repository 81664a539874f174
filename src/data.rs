//! Where the data comes from: the copy compiled into the binary, or a data folder named by
//! `--data DIR` / `CITES_TRAINER_DATA`. A part missing from the folder (its `catalog/`, say)
//! comes from the embedded copy.

use crate::catalog::Catalog;
use crate::catalog::load::load_catalog;
use crate::error::Result;
use std::path::{Path, PathBuf};

/// The data the user asked for.
#[derive(Debug, Clone, Default)]
pub struct DataSource {
    pub dir: Option<PathBuf>,
}

impl DataSource {
    /// The catalog folder to read, when the data folder has one.
    pub fn catalog_dir(&self) -> Option<PathBuf> {
        self.dir
            .as_ref()
            .map(|d| d.join("catalog"))
            .filter(|d| d.join("taxa").is_dir())
    }

    pub fn catalog(&self) -> Result<Catalog> {
        match self.catalog_dir() {
            Some(dir) => {
                let (taxa, meta) = load_catalog(&dir)?;
                Ok(Catalog::from_taxa(&taxa, &meta)?)
            }
            None => Ok(Catalog::embedded()),
        }
    }

    pub fn describe(&self) -> String {
        match self.catalog_dir() {
            Some(dir) => format!("catalog from {}", dir.display()),
            None => "embedded catalog".to_string(),
        }
    }
}

/// `dir` shown relative to the current folder when it lies below it.
pub fn shown(dir: &Path) -> String {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| dir.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| dir.to_path_buf())
        .display()
        .to_string()
}
