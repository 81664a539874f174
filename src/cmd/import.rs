//! `cites-trainer checklist import FILE`: read an official export, merge it into a data
//! folder's catalog and report what changed.

use crate::catalog::Catalog;
use crate::catalog::load::load_catalog;
use crate::catalog::model::{CatalogMeta, Export, Taxon, hash_key};
use crate::checklist::merge::{self, Changes};
use crate::checklist::{Annotations, read_export, write::write_catalog};
use crate::data::shown;
use crate::error::{Error, Result};
use std::collections::{BTreeSet, HashSet};
use std::path::Path;
use std::process::ExitCode;

const CITATION: &str = "UNEP-WCMC (comps.), The Checklist of CITES Species / Species+ website, \
     compiled by UNEP-WCMC, Cambridge, UK, for the CITES Secretariat. www.speciesplus.net";

/// A date in a file name: `2017-04-21` as it is, `2023-07` as the first of the month.
pub fn date_in_name(name: &str) -> Option<String> {
    let b = name.as_bytes();
    let digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    for i in 0..b.len().saturating_sub(6) {
        let year = &b[i..i + 4];
        if !digits(year) || b[i + 4] != b'-' || !digits(&b[i + 5..i + 7]) {
            continue;
        }
        let month = &name[i + 5..i + 7];
        if !("01"..="12").contains(&month) {
            continue;
        }
        if b.len() >= i + 10 && b[i + 7] == b'-' && digits(&b[i + 8..i + 10]) {
            return Some(name[i..i + 10].to_string());
        }
        return Some(format!("{}-01", &name[i..i + 7]));
    }
    None
}

pub fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && ("01"..="12").contains(&&text[5..7])
        && ("01"..="31").contains(&&text[8..10])
}

/// The annotation keys a catalog still uses.
fn used_annotations(taxa: &[Taxon]) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    for t in taxa {
        for l in &t.listings {
            if let Some(a) = &l.annotation {
                used.insert(a.clone());
            }
            if let Some(h) = &l.hash {
                used.insert(hash_key(h, &t.source));
            }
        }
    }
    used
}

fn scope_of(taxa: &[Taxon], complete: bool) -> String {
    if complete {
        return format!("complete Checklist ({} taxa)", taxa.len());
    }
    let classes: BTreeSet<&str> = taxa
        .iter()
        .map(|t| {
            if t.taxonomy.class.is_empty() {
                t.taxonomy.kingdom.as_str()
            } else {
                t.taxonomy.class.as_str()
            }
        })
        .collect();
    let classes: Vec<&str> = classes.into_iter().collect();
    format!("{} taxa ({})", taxa.len(), classes.join(", "))
}

pub fn run(
    file: &Path,
    into: &Path,
    as_of: Option<String>,
    scope: Option<String>,
    verbose: bool,
) -> Result<ExitCode> {
    let file_name = file
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let month_only =
        as_of.is_none() && date_in_name(&file_name).is_some_and(|d| !file_name.contains(&d));
    let as_of = match as_of.or_else(|| date_in_name(&file_name)) {
        Some(d) if is_date(&d) => d,
        Some(d) => {
            return Err(Error::Usage(format!(
                "`{d}` is not a date; give --as-of YYYY-MM-DD"
            )));
        }
        None => {
            return Err(Error::Usage(format!(
                "{}: the file name has no date; say which date the export reflects with --as-of YYYY-MM-DD",
                file.display()
            )));
        }
    };

    // The catalog as it is now: the folder's, or the embedded one.
    let catalog_dir = into.join("catalog");
    let (old_taxa, old_meta) = if catalog_dir.join("taxa").is_dir() {
        load_catalog(&catalog_dir)?
    } else {
        let embedded = Catalog::embedded();
        (embedded.taxa()?, embedded.index()?.meta()?)
    };

    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} reading {msg}: {pos} rows")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    bar.set_message(file_name.clone());
    let mut peek = Annotations::default();
    // The id depends on the format, which is known once the header is read; read with a
    // provisional id and fix the records' source afterwards.
    let provisional = format!("import-{as_of}");
    let mut annotations = Annotations::from_texts(&old_meta.annotation);
    let export = read_export(file, &provisional, &mut peek, &mut |n| bar.set_position(n))?;
    bar.finish_and_clear();
    let id = format!("{}-{as_of}", export.format.id_prefix());
    let complete = export.format.is_complete();
    if complete {
        annotations = Annotations::default();
    }
    let mut taxa = export.taxa;
    for t in &mut taxa {
        t.source = id.clone();
        for l in &mut t.listings {
            if let Some(key) = &l.annotation {
                let text = peek.get(key).unwrap_or_default().to_string();
                l.annotation = Some(annotations.full(&text));
            }
            if let Some(h) = &l.hash
                && let Some(text) = peek.get(&hash_key(h, &provisional))
            {
                annotations.hash(h, &id, text);
            }
        }
    }
    let record = Export {
        id: id.clone(),
        title: if month_only {
            format!(
                "{}, {} (month of the export; its day is not recorded)",
                export.format.describe(),
                &as_of[..7]
            )
        } else {
            format!("{}, {}", export.format.describe(), as_of)
        },
        as_of: as_of.clone(),
        scope: scope.unwrap_or_else(|| scope_of(&taxa, complete)),
        format: export.format.id_prefix().to_string(),
        file: relative_file(file, into),
        citation: CITATION.to_string(),
    };
    let mut exports: Vec<Export> = if complete {
        Vec::new()
    } else {
        old_meta
            .export
            .iter()
            .filter(|e| e.id != id)
            .cloned()
            .collect()
    };
    exports.push(record);

    let (new_taxa, changes) = if complete {
        merge::replace(&old_taxa, taxa)
    } else {
        // Re-importing the same export must not make its old records history of themselves.
        let old: Vec<Taxon> = old_taxa.into_iter().collect();
        merge::overlay(old, taxa, &exports)
    };
    let sources: HashSet<&str> = new_taxa.iter().map(|t| t.source.as_str()).collect();
    exports.retain(|e| {
        sources.contains(e.id.as_str())
            || new_taxa
                .iter()
                .any(|t| t.history.iter().any(|h| h.source == e.id))
    });
    let meta = CatalogMeta {
        export: exports,
        annotation: annotations.retain(&used_annotations(&new_taxa)),
    };
    write_catalog(into, &new_taxa, &meta).map_err(|source| Error::Write {
        path: catalog_dir.clone(),
        source,
    })?;
    print!(
        "{}",
        report(&changes, &id, new_taxa.len(), &shown(&catalog_dir), verbose)
    );
    Ok(ExitCode::SUCCESS)
}

fn relative_file(file: &Path, into: &Path) -> String {
    let abs = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    match abs(file).strip_prefix(abs(into)) {
        Ok(rel) => rel.display().to_string(),
        Err(_) => file
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default(),
    }
}

/// The summary printed after an import.
pub fn report(changes: &Changes, id: &str, total: usize, dir: &str, verbose: bool) -> String {
    let mut out = format!(
        "Imported {id} into {dir}: {total} taxa in the catalog; {} added, {} removed, {} with a changed Appendix, {} updated",
        changes.added.len(),
        changes.removed.len(),
        changes.appendix_changed.len(),
        changes.updated
    );
    if changes.kept_newer > 0 {
        out.push_str(&format!(
            ", {} kept as history behind newer records",
            changes.kept_newer
        ));
    }
    out.push_str(".\n");
    let limit = if verbose { usize::MAX } else { 20 };
    let mut section = |title: &str, items: Vec<String>| {
        if items.is_empty() {
            return;
        }
        out.push_str(&format!("{title}:\n"));
        for item in items.iter().take(limit) {
            out.push_str(&format!("  {item}\n"));
        }
        if items.len() > limit {
            out.push_str(&format!(
                "  ... and {} more (--verbose shows all)\n",
                items.len() - limit
            ));
        }
    };
    section(
        "Appendix changed",
        changes
            .appendix_changed
            .iter()
            .map(|(n, a, b)| format!("{n}: {} -> {}", or_none(a), or_none(b)))
            .collect(),
    );
    section("Added", changes.added.clone());
    section("Removed", changes.removed.clone());
    out
}

fn or_none(s: &str) -> &str {
    if s.is_empty() { "(none)" } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_file_names() {
        assert_eq!(
            date_in_name("Index_of_CITES_Species_2017-04-21 17-27.csv").as_deref(),
            Some("2017-04-21")
        );
        assert_eq!(
            date_in_name("cites-listings-reptilia-2023-07.csv.gz").as_deref(),
            Some("2023-07-01")
        );
        assert_eq!(date_in_name("export.csv"), None);
        assert!(is_date("2023-02-23"));
        assert!(!is_date("2023-13-01"));
        assert!(!is_date("23-02-2023"));
    }
}
