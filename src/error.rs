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

impl From<String> for Error {
    fn from(message: String) -> Error {
        Error::Internal(message)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
