//! The errors a command can end with. Each prints as one message for the user, naming the
//! file (and line) at fault and what to do.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Load(#[from] crate::catalog::load::LoadError),
    #[error(transparent)]
    Import(#[from] crate::checklist::ImportError),
    #[error("{path}: cannot write: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error("{0}")]
    Usage(String),
    #[error("internal error: {0}")]
    Internal(String),
}

/// A data file that does not parse, named with its line and column.
pub fn broken(file: &crate::catalog::load::SourceFile, e: &toml::de::Error) -> Error {
    Error::Usage(format!(
        "{} (run `cites-trainer check` for every problem)",
        crate::check::toml_error(file, e)
    ))
}

impl From<String> for Error {
    fn from(message: String) -> Error {
        Error::Internal(message)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
