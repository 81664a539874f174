//! Where the data comes from: the copy compiled into the binary, or a data folder named by
//! `--data DIR` / `CITES_TRAINER_DATA`. A part missing from the folder (its `catalog/`, say)
//! comes from the embedded copy.

use crate::catalog::Catalog;
use crate::catalog::load::SourceFile;
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

    /// Whether the data folder has its own `sub` folder (cards, quizzes).
    pub fn has(&self, sub: &str) -> bool {
        self.dir.as_ref().is_some_and(|d| d.join(sub).is_dir())
    }

    /// The card files: the folder's `cards/`, else the embedded ones.
    pub fn card_files(&self) -> Result<Vec<SourceFile>> {
        self.files("cards", embedded::CARD_FILES)
    }

    /// The question banks: the folder's `quizzes/`, else the embedded ones.
    pub fn bank_files(&self) -> Result<Vec<SourceFile>> {
        self.files("quizzes", embedded::BANK_FILES)
    }

    fn files(&self, sub: &str, embedded: &[(&str, &str)]) -> Result<Vec<SourceFile>> {
        if let Some(dir) = self
            .dir
            .as_ref()
            .map(|d| d.join(sub))
            .filter(|d| d.is_dir())
        {
            return toml_files(&dir);
        }
        Ok(embedded
            .iter()
            .map(|(path, text)| SourceFile {
                path: PathBuf::from(path),
                text: text.to_string(),
            })
            .collect())
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

/// Every `*.toml` file of a folder, in name order.
pub fn toml_files(dir: &Path) -> Result<Vec<SourceFile>> {
    let entries = std::fs::read_dir(dir).map_err(|source| crate::catalog::load::LoadError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    Ok(paths
        .iter()
        .map(|p| crate::catalog::load::read(p))
        .collect::<Result<_, _>>()?)
}

/// The data files compiled into the binary.
pub mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_files.rs"));

    static CARD_HEADS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/card_heads.json"));
    static CARD_BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/cards.blob"));

    /// The drill heads of the shipped cards and the blob their data is read from.
    pub fn card_heads() -> crate::error::Result<(Vec<crate::drill::head::Head>, &'static [u8])> {
        let heads =
            serde_json::from_slice(CARD_HEADS).map_err(|e| format!("embedded cards: {e}"))?;
        Ok((heads, CARD_BLOB))
    }
}
