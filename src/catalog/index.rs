//! The compiled catalog: a byte layout that answers a name lookup without parsing the
//! whole catalog.
//!
//! Parsing ~38,000 TOML records takes far longer than starting a process, so the shipped
//! catalog is compiled once (by `build.rs`) into this layout and embedded in the binary.
//! A lookup binary-searches the sorted name keys and decodes only the records it shows.
//!
//! Layout (all integers u32 little-endian):
//! `MAGIC | n_records | n_keys | meta_len | record_offsets[n_records+1] |
//!  key_offsets[n_keys+1] | key_records[n_keys] | key_kinds[n_keys] (u8) |
//!  records (JSON, concatenated) | keys (UTF-8, concatenated) | meta (JSON)`
//!
//! Shared with `build.rs`; pure.

use super::model::{CatalogMeta, Taxon};
use super::normalize::{fold, name_without_author};

const MAGIC: &[u8; 8] = b"CTIX0002";

/// Which name of a taxon a key was made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum KeyKind {
    Accepted = 0,
    Synonym = 1,
    English = 2,
    Spanish = 3,
    French = 4,
}

impl KeyKind {
    fn from_u8(v: u8) -> Option<KeyKind> {
        Some(match v {
            0 => KeyKind::Accepted,
            1 => KeyKind::Synonym,
            2 => KeyKind::English,
            3 => KeyKind::Spanish,
            4 => KeyKind::French,
            _ => return None,
        })
    }

    pub fn describe(self) -> &'static str {
        match self {
            KeyKind::Accepted => "accepted name",
            KeyKind::Synonym => "synonym",
            KeyKind::English => "English common name",
            KeyKind::Spanish => "Spanish common name",
            KeyKind::French => "French common name",
        }
    }
}

/// Every search key of a taxon, folded.
pub fn keys_of(taxon: &Taxon) -> Vec<(String, KeyKind)> {
    let mut keys = vec![(fold(&taxon.name), KeyKind::Accepted)];
    for s in &taxon.synonyms {
        keys.push((fold(&name_without_author(s)), KeyKind::Synonym));
    }
    for (names, kind) in [
        (&taxon.names.en, KeyKind::English),
        (&taxon.names.es, KeyKind::Spanish),
        (&taxon.names.fr, KeyKind::French),
    ] {
        for n in names {
            keys.push((fold(n), kind));
        }
    }
    keys.retain(|(k, _)| !k.is_empty());
    keys.sort();
    keys.dedup();
    keys
}

/// Compiles taxa and their metadata into the index layout.
pub fn build(taxa: &[Taxon], meta: &CatalogMeta) -> Result<Vec<u8>, String> {
    let mut records = Vec::new();
    let mut record_offsets = vec![0u32];
    let mut entries: Vec<(String, u32, KeyKind)> = Vec::new();
    for (i, taxon) in taxa.iter().enumerate() {
        serde_json::to_writer(&mut records, taxon).map_err(|e| e.to_string())?;
        record_offsets.push(u32::try_from(records.len()).map_err(|_| "catalog too large")?);
        for (key, kind) in keys_of(taxon) {
            entries.push((key, i as u32, kind));
        }
    }
    entries.sort();
    let mut keys = Vec::new();
    let mut key_offsets = vec![0u32];
    for (key, _, _) in &entries {
        keys.extend_from_slice(key.as_bytes());
        key_offsets.push(u32::try_from(keys.len()).map_err(|_| "catalog too large")?);
    }
    let meta = serde_json::to_vec(meta).map_err(|e| e.to_string())?;

    let mut out = Vec::with_capacity(records.len() + keys.len() + meta.len() + 64);
    out.extend_from_slice(MAGIC);
    for n in [taxa.len(), entries.len(), meta.len()] {
        out.extend_from_slice(&(n as u32).to_le_bytes());
    }
    for o in record_offsets.iter().chain(&key_offsets) {
        out.extend_from_slice(&o.to_le_bytes());
    }
    for (_, rec, _) in &entries {
        out.extend_from_slice(&rec.to_le_bytes());
    }
    out.extend(entries.iter().map(|(_, _, kind)| *kind as u8));
    out.extend_from_slice(&records);
    out.extend_from_slice(&keys);
    out.extend_from_slice(&meta);
    Ok(out)
}

/// A read-only view of a compiled catalog.
#[derive(Clone, Copy)]
pub struct Index<'a> {
    n_records: usize,
    n_keys: usize,
    record_offsets: &'a [u8],
    key_offsets: &'a [u8],
    key_records: &'a [u8],
    key_kinds: &'a [u8],
    records: &'a [u8],
    keys: &'a [u8],
    meta: &'a [u8],
}

fn u32_at(bytes: &[u8], i: usize) -> usize {
    let b = &bytes[i * 4..i * 4 + 4];
    u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize
}

impl<'a> Index<'a> {
    /// Checks the layout and returns a view of it.
    pub fn open(bytes: &'a [u8]) -> Result<Index<'a>, String> {
        let bad = || "the compiled catalog is damaged; rebuild it".to_string();
        if bytes.len() < 20 || &bytes[..8] != MAGIC {
            return Err(bad());
        }
        let n_records = u32_at(&bytes[8..], 0);
        let n_keys = u32_at(&bytes[8..], 1);
        let meta_len = u32_at(&bytes[8..], 2);
        let mut pos = 20;
        let mut take = |len: usize| -> Result<&'a [u8], String> {
            let slice = bytes.get(pos..pos + len).ok_or_else(bad)?;
            pos += len;
            Ok(slice)
        };
        let record_offsets = take((n_records + 1) * 4)?;
        let key_offsets = take((n_keys + 1) * 4)?;
        let key_records = take(n_keys * 4)?;
        let key_kinds = take(n_keys)?;
        let records = take(u32_at(record_offsets, n_records))?;
        let keys = take(u32_at(key_offsets, n_keys))?;
        let meta = take(meta_len)?;
        Ok(Index {
            n_records,
            n_keys,
            record_offsets,
            key_offsets,
            key_records,
            key_kinds,
            records,
            keys,
            meta,
        })
    }

    pub fn len(&self) -> usize {
        self.n_records
    }

    pub fn is_empty(&self) -> bool {
        self.n_records == 0
    }

    /// Decodes record `i`.
    pub fn record(&self, i: usize) -> Result<Taxon, String> {
        let start = u32_at(self.record_offsets, i);
        let end = u32_at(self.record_offsets, i + 1);
        serde_json::from_slice(&self.records[start..end]).map_err(|e| e.to_string())
    }

    pub fn meta(&self) -> Result<CatalogMeta, String> {
        serde_json::from_slice(self.meta).map_err(|e| e.to_string())
    }

    fn key(&self, i: usize) -> &'a str {
        let start = u32_at(self.key_offsets, i);
        let end = u32_at(self.key_offsets, i + 1);
        // The builder wrote whole UTF-8 strings.
        std::str::from_utf8(&self.keys[start..end]).unwrap_or("")
    }

    fn entry(&self, i: usize) -> (usize, KeyKind) {
        let kind = KeyKind::from_u8(self.key_kinds[i]).unwrap_or(KeyKind::Accepted);
        (u32_at(self.key_records, i), kind)
    }

    /// All records whose folded key equals `key` exactly, with the kind of name matched.
    pub fn find(&self, key: &str) -> Vec<(usize, KeyKind)> {
        let first = partition_point(self.n_keys, |i| self.key(i) < key);
        (first..self.n_keys)
            .take_while(|&i| self.key(i) == key)
            .map(|i| self.entry(i))
            .collect()
    }

    /// All records with a key that starts with `prefix` (e.g. every name of a genus).
    pub fn with_prefix(&self, prefix: &str) -> Vec<(usize, KeyKind)> {
        let first = partition_point(self.n_keys, |i| self.key(i) < prefix);
        (first..self.n_keys)
            .take_while(|&i| self.key(i).starts_with(prefix))
            .map(|i| self.entry(i))
            .collect()
    }

    /// Every key, for near-miss suggestions.
    pub fn keys(&self) -> impl Iterator<Item = (&'a str, usize, KeyKind)> + '_ {
        (0..self.n_keys).map(move |i| {
            let (rec, kind) = self.entry(i);
            (self.key(i), rec, kind)
        })
    }
}

fn partition_point(len: usize, pred: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, len);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}
