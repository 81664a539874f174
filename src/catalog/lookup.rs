//! Finding a taxon by any of its names, with near-miss suggestions. Pure: works on an
//! [`Index`] and returns data; printing is the command's job.

use super::index::{Index, KeyKind};
use super::model::{CatalogMeta, Export, Listing, Taxon};
use super::normalize::fold;

/// A taxon a query matched.
#[derive(Debug, Clone)]
pub struct Hit {
    pub taxon: Taxon,
    /// Which of its names matched, and that name as written.
    pub matched: KeyKind,
    pub matched_name: String,
}

/// A name close to a query that matched nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The name as written (accepted name, synonym or common name).
    pub name: String,
    /// The accepted name it belongs to.
    pub accepted: String,
    pub distance: usize,
}

#[derive(Debug, Clone)]
pub enum Outcome {
    Found(Vec<Hit>),
    NotFound(Vec<Suggestion>),
}

/// The name of `taxon` that folds to `key`, with the kind of name it is.
fn written_name(taxon: &Taxon, key: &str, kind: KeyKind) -> String {
    let names: Vec<String> = match kind {
        KeyKind::Accepted => vec![taxon.name.clone()],
        KeyKind::Synonym => taxon
            .synonyms
            .iter()
            .map(|s| super::normalize::name_without_author(s))
            .collect(),
        KeyKind::English => taxon.names.en.clone(),
        KeyKind::Spanish => taxon.names.es.clone(),
        KeyKind::French => taxon.names.fr.clone(),
    };
    names
        .into_iter()
        .find(|n| fold(n) == key)
        .unwrap_or_else(|| taxon.name.clone())
}

/// Looks a name up. Accepted names come first, then synonyms, then common names; a
/// common name shared by several taxa gives several hits.
pub fn lookup(index: &Index, query: &str) -> Result<Outcome, String> {
    let key = fold(query);
    if key.is_empty() {
        return Ok(Outcome::NotFound(Vec::new()));
    }
    let mut key = key;
    let mut found = index.find(&key);
    // "pangolins", "seahorses": a plural of a name is that name.
    for suffix in ["s", "es"] {
        if found.is_empty()
            && let Some(singular) = key.strip_suffix(suffix)
            && singular.len() > 3
        {
            let singular = singular.to_string();
            found = index.find(&singular);
            if !found.is_empty() {
                key = singular;
            }
        }
    }
    if found.is_empty() {
        return Ok(Outcome::NotFound(suggest(index, &key, 5)?));
    }
    found.sort_by_key(|&(rec, kind)| (kind, rec));
    let best = found[0].1;
    let mut hits = Vec::new();
    let mut seen = Vec::new();
    for (rec, kind) in found {
        // An accepted-name match hides weaker matches of other taxa.
        if best == KeyKind::Accepted && kind != KeyKind::Accepted || seen.contains(&rec) {
            continue;
        }
        seen.push(rec);
        let taxon = index.record(rec)?;
        let matched_name = written_name(&taxon, &key, kind);
        hits.push(Hit {
            taxon,
            matched: kind,
            matched_name,
        });
    }
    Ok(Outcome::Found(hits))
}

/// The accepted taxon of that exact name, if any.
pub fn by_name(index: &Index, name: &str) -> Result<Option<Taxon>, String> {
    let key = fold(name);
    match index
        .find(&key)
        .into_iter()
        .find(|(_, k)| *k == KeyKind::Accepted)
    {
        Some((rec, _)) => Ok(Some(index.record(rec)?)),
        None => Ok(None),
    }
}

/// Names within a few typing mistakes of `key`, closest first, one per taxon.
pub fn suggest(index: &Index, key: &str, limit: usize) -> Result<Vec<Suggestion>, String> {
    let len = key.chars().count();
    let max = (len / 4).clamp(1, 3);
    let mut close: Vec<(usize, KeyKind, &str, usize)> = Vec::new();
    for (candidate, rec, kind) in index.keys() {
        let clen = candidate.chars().count();
        if clen.abs_diff(len) > max {
            continue;
        }
        let d = strsim::osa_distance(candidate, key);
        if d <= max {
            close.push((d, kind, candidate, rec));
        }
    }
    // A binomial whose genus exists: offer the genus ("Manis sp. nov." -> Manis).
    let words: Vec<&str> = key.split(' ').collect();
    if words.len() >= 2 {
        for (rec, kind) in index.find(words[0]) {
            if kind == KeyKind::Accepted {
                close.push((max + 1, kind, "", rec));
            }
        }
    }
    close.sort();
    let mut out: Vec<Suggestion> = Vec::new();
    let mut seen = Vec::new();
    for (d, kind, candidate, rec) in close {
        if seen.contains(&rec) {
            continue;
        }
        seen.push(rec);
        let taxon = index.record(rec)?;
        let name = if candidate.is_empty() {
            taxon.name.clone()
        } else {
            written_name(&taxon, candidate, kind)
        };
        out.push(Suggestion {
            name,
            accepted: taxon.name.clone(),
            distance: d,
        });
        if out.len() == limit {
            break;
        }
    }
    Ok(out)
}

/// The listing entries that apply to a taxon: its own, or those of the higher taxon it
/// is listed under when the export gives it none of its own.
pub fn effective_listings(index: &Index, taxon: &Taxon) -> Result<Vec<Listing>, String> {
    if !taxon.listings.is_empty() {
        return Ok(taxon.listings.clone());
    }
    match &taxon.listed_under {
        Some(higher) => Ok(by_name(index, higher)?
            .map(|t| t.listings)
            .unwrap_or_default()),
        None => Ok(Vec::new()),
    }
}

/// Conferences of the Parties whose listing changes entered into force after `as_of`,
/// and so are missing from a record of that date. CoP20 (Samarkand, 24 Nov - 5 Dec 2025)
/// is dated by its opening day, since no shipped export can include it.
pub fn missing_cops(as_of: &str) -> Vec<&'static str> {
    const COPS: [(&str, &str); 3] = [
        ("CoP18 (2019)", "2019-11-26"),
        ("CoP19 (2022)", "2023-02-23"),
        ("CoP20 (2025)", "2025-11-24"),
    ];
    COPS.iter()
        .filter(|(_, in_force)| as_of < *in_force)
        .map(|(name, _)| *name)
        .collect()
}

/// The export a record comes from, or a stand-in naming the unknown id.
pub fn export_of(meta: &CatalogMeta, source: &str) -> Export {
    meta.export(source).cloned().unwrap_or_else(|| Export {
        id: source.to_string(),
        title: format!("unknown export `{source}`"),
        as_of: String::new(),
        scope: String::new(),
        format: String::new(),
        file: String::new(),
        citation: String::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_cops_follow_the_record_date() {
        assert_eq!(
            missing_cops("2017-04-21"),
            vec!["CoP18 (2019)", "CoP19 (2022)", "CoP20 (2025)"]
        );
        assert_eq!(
            missing_cops("2022-11-27"),
            vec!["CoP19 (2022)", "CoP20 (2025)"]
        );
        assert_eq!(missing_cops("2023-07-01"), vec!["CoP20 (2025)"]);
    }
}
