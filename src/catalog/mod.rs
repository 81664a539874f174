//! The CITES catalog: taxa and their listings, as shipped (compiled into the binary) or
//! loaded from a data folder.

pub mod file;
pub mod index;
pub mod load;
pub mod lookup;
pub mod model;
pub mod normalize;

use index::Index;
use model::{CatalogMeta, Taxon};
use std::borrow::Cow;

static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/catalog.idx"));

/// A compiled catalog, borrowed from the binary or built from a data folder.
pub struct Catalog {
    bytes: Cow<'static, [u8]>,
}

impl Catalog {
    /// The catalog shipped in the binary.
    pub fn embedded() -> Catalog {
        Catalog {
            bytes: Cow::Borrowed(EMBEDDED),
        }
    }

    /// Compiles taxa read from TOML files.
    pub fn from_taxa(taxa: &[Taxon], meta: &CatalogMeta) -> Result<Catalog, String> {
        let mut sorted: Vec<&Taxon> = taxa.iter().collect();
        sorted.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
        let owned: Vec<Taxon> = sorted.into_iter().cloned().collect();
        Ok(Catalog {
            bytes: Cow::Owned(index::build(&owned, meta)?),
        })
    }

    pub fn index(&self) -> Result<Index<'_>, String> {
        Index::open(&self.bytes)
    }

    /// Every taxon (decodes the whole catalog: for checks and imports, not for lookups).
    pub fn taxa(&self) -> Result<Vec<Taxon>, String> {
        let index = self.index()?;
        (0..index.len()).map(|i| index.record(i)).collect()
    }
}
