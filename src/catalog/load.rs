//! Reading a catalog folder (`catalog/taxa/*.toml`, `exports.toml`, `annotations.toml`)
//! from disk. Errors name the file and the line.

use super::file::{parse_meta, parse_taxa};
use super::model::{CatalogMeta, Taxon};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: cannot read it: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Toml { path: PathBuf, message: String },
}

/// One catalog file's text, kept for reporting positions.
pub struct SourceFile {
    pub path: PathBuf,
    pub text: String,
}

/// The taxa files of a catalog folder, in name order.
pub fn taxa_paths(catalog_dir: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let dir = catalog_dir.join("taxa");
    let entries = std::fs::read_dir(&dir).map_err(|source| LoadError::Io {
        path: dir.clone(),
        source,
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    Ok(paths)
}

pub fn read(path: &Path) -> Result<SourceFile, LoadError> {
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|e| LoadError::Toml {
        path: path.to_path_buf(),
        message: format!(
            "not valid UTF-8 (byte {}); save the file as UTF-8",
            e.utf8_error().valid_up_to()
        ),
    })?;
    Ok(SourceFile {
        path: path.to_path_buf(),
        text,
    })
}

/// Loads a catalog folder. `catalog_dir` is the `catalog/` folder itself.
pub fn load_catalog(catalog_dir: &Path) -> Result<(Vec<Taxon>, CatalogMeta), LoadError> {
    let mut taxa = Vec::new();
    for path in taxa_paths(catalog_dir)? {
        let file = read(&path)?;
        let parsed = parse_taxa(&file.text).map_err(|e| LoadError::Toml {
            path: path.clone(),
            message: e.to_string(),
        })?;
        taxa.extend(parsed.into_iter().map(|(_, t)| t));
    }
    let meta = load_meta(catalog_dir)?;
    Ok((taxa, meta))
}

pub fn load_meta(catalog_dir: &Path) -> Result<CatalogMeta, LoadError> {
    let mut meta = CatalogMeta::default();
    for name in ["exports.toml", "annotations.toml"] {
        let path = catalog_dir.join(name);
        if !path.exists() {
            continue;
        }
        let file = read(&path)?;
        let part = parse_meta(&file.text).map_err(|e| LoadError::Toml {
            path: path.clone(),
            message: e.to_string(),
        })?;
        meta.export.extend(part.export);
        meta.annotation.extend(part.annotation);
    }
    Ok(meta)
}
