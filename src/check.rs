//! Validation of data files: every problem with its file, line and column and what to
//! fix. Pure: takes the files' texts, returns the problems.

use crate::catalog::file::{find_key, line_col, parse_meta, parse_taxa};
use crate::catalog::load::SourceFile;
use crate::catalog::model::{CatalogMeta, Rank, Taxon, hash_key, is_valid_notation};
use crate::countries;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path.display(),
            self.line,
            self.col,
            self.message
        )
    }
}

/// A problem at a byte offset of a file.
pub fn at(file: &SourceFile, offset: usize, message: String) -> Problem {
    let (line, col) = line_col(&file.text, offset);
    Problem {
        path: file.path.clone(),
        line,
        col,
        message,
    }
}

/// A TOML syntax or type error of a file, where the parser saw it.
pub fn toml_error(file: &SourceFile, e: &toml::de::Error) -> Problem {
    at(
        file,
        e.span().map_or(0, |s| s.start),
        e.message().trim().replace('\n', " "),
    )
}

/// A taxon as read, with where it is written.
pub struct Located<'a> {
    pub taxon: Taxon,
    pub file: &'a SourceFile,
    pub span: std::ops::Range<usize>,
}

/// Checks a catalog: its taxa files and its metadata files (exports, annotations).
pub fn check_catalog<'a>(
    taxa_files: &'a [SourceFile],
    meta_files: &[SourceFile],
) -> (Vec<Problem>, Vec<Located<'a>>) {
    let mut problems = Vec::new();
    let mut meta = CatalogMeta::default();
    for file in meta_files {
        match parse_meta(&file.text) {
            Ok(part) => {
                meta.export.extend(part.export);
                meta.annotation.extend(part.annotation);
            }
            Err(e) => problems.push(toml_error(file, &e)),
        }
    }
    let mut seen_exports = HashSet::new();
    for e in &meta.export {
        if !seen_exports.insert(e.id.as_str())
            && let Some(file) = meta_files.first()
        {
            let offset = file.text.find(&format!("id = \"{}\"", e.id)).unwrap_or(0);
            problems.push(at(
                file,
                offset,
                format!("export `{}` is described twice; keep one", e.id),
            ));
        }
    }

    let mut located: Vec<Located> = Vec::new();
    for file in taxa_files {
        match parse_taxa(&file.text) {
            Ok(taxa) => {
                located.extend(
                    taxa.into_iter()
                        .map(|(span, taxon)| Located { taxon, file, span }),
                )
            }
            Err(e) => problems.push(toml_error(file, &e)),
        }
    }

    let names: HashSet<&str> = located.iter().map(|l| l.taxon.name.as_str()).collect();
    let mut first_id: HashMap<u64, &Located> = HashMap::new();
    let annotation_keys: HashSet<&str> = meta.annotation.iter().map(|a| a.key.as_str()).collect();
    let export_ids: HashSet<&str> = meta.export.iter().map(|e| e.id.as_str()).collect();
    // What subspecies and varieties add to their species' overall listing.
    let mut from_lower: HashMap<String, HashSet<&str>> = HashMap::new();
    for l in &located {
        if l.taxon.rank > Rank::Species {
            let species: Vec<&str> = l.taxon.name.split_whitespace().take(2).collect();
            let entry = from_lower.entry(species.join(" ")).or_default();
            entry.extend(l.taxon.listings.iter().map(|x| x.appendix.as_str()));
        }
    }
    for l in &located {
        let t = &l.taxon;
        let here = |key: &str, message: String| {
            at(l.file, find_key(&l.file.text, l.span.clone(), key), message)
        };
        if let Some(first) = first_id.get(&t.id) {
            let (line, _) = line_col(&first.file.text, first.span.start);
            problems.push(here(
                "id",
                format!(
                    "duplicate taxon id {} ({}); it is already used by {} at {}:{line}",
                    t.id,
                    t.name,
                    first.taxon.name,
                    first.file.path.display()
                ),
            ));
        } else {
            first_id.insert(t.id, l);
        }
        if !is_valid_notation(&t.appendix) {
            problems.push(here(
                "appendix",
                format!(
                    "`{}` is not a CITES listing; write I, II, III, NC or a split in ascending order such as I/II or II/NC",
                    t.appendix
                ),
            ));
        } else {
            let from_entries: Vec<&str> = t
                .listings
                .iter()
                .map(|x| x.appendix.as_str())
                .filter(|a| *a != "NC")
                .collect();
            let mut declared: Vec<&str> = t
                .appendix
                .split('/')
                .filter(|s| !s.is_empty() && *s != "NC")
                .collect();
            declared.sort();
            let mut listed = from_entries.clone();
            if let Some(lower) = from_lower.get(&t.name) {
                listed.extend(
                    lower
                        .iter()
                        .copied()
                        .filter(|a| declared.contains(a) && *a != "NC"),
                );
            }
            listed.sort();
            listed.dedup();
            // Above species, the overall listing sums up the members while the entries are
            // the group's own, so only species and lower ranks must agree.
            if !t.listings.is_empty() && t.rank >= Rank::Species && declared != listed {
                problems.push(here(
                    "listings",
                    format!(
                        "the listing entries ({}) do not match the overall listing `{}`",
                        from_entries.join(", "),
                        t.appendix
                    ),
                ));
            }
        }
        if let Some(under) = &t.listed_under {
            let tx = &t.taxonomy;
            let in_own_taxonomy = [&tx.genus, &tx.family, &tx.order, &tx.class].contains(&under)
                || t.name.starts_with(&format!("{under} "));
            if !names.contains(under.as_str()) && !in_own_taxonomy {
                problems.push(here(
                    "listed_under",
                    format!("listed under `{under}`, but no taxon of that name is in the catalog or in this taxon's classification"),
                ));
            }
        }
        if !export_ids.is_empty() && !export_ids.contains(t.source.as_str()) {
            problems.push(here(
                "source",
                format!(
                    "source `{}` is not an export described in exports.toml",
                    t.source
                ),
            ));
        }
        for x in &t.listings {
            if let Some(a) = &x.annotation
                && !annotation_keys.contains(a.as_str())
            {
                problems.push(here(
                    "annotation",
                    format!("annotation `{a}` is not in annotations.toml"),
                ));
            }
            if let Some(h) = &x.hash
                && !annotation_keys.contains(hash_key(h, &t.source).as_str())
            {
                problems.push(here(
                    "hash",
                    format!(
                        "the text of #-annotation {h} for export `{}` is not in annotations.toml",
                        t.source
                    ),
                ));
            }
            for code in x.include.iter().chain(&x.exclude).chain(&x.party) {
                if !countries::is_code(code) {
                    problems.push(here(
                        "listings",
                        format!(
                            "`{code}` is not a country code (ISO 3166 alpha-2, e.g. VN, TH, MY)"
                        ),
                    ));
                }
            }
        }
    }
    (problems, located)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, text: &str) -> SourceFile {
        SourceFile {
            path: PathBuf::from(name),
            text: text.to_string(),
        }
    }

    const EXPORTS: &str = "[[export]]\nid = \"x\"\ntitle = \"t\"\nas_of = \"2017-04-21\"\nscope = \"s\"\nformat = \"index\"\ncitation = \"c\"\n";

    fn taxon(id: u64, name: &str, extra: &str) -> String {
        format!(
            "[[taxon]]\nid = {id}\nname = \"{name}\"\nrank = \"species\"\nappendix = \"II\"\nsource = \"x\"\n{extra}listings = [{{ appendix = \"II\" }}]\n\n"
        )
    }

    #[test]
    fn a_clean_catalog_has_no_problems() {
        let taxa = [file(
            "t.toml",
            &(taxon(1, "A a", "") + &taxon(2, "A b", "listed_under = \"A a\"\n")),
        )];
        let (problems, located) = check_catalog(&taxa, &[file("exports.toml", EXPORTS)]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(located.len(), 2);
    }

    #[test]
    fn duplicate_ids_and_unknown_higher_taxa_are_reported_with_lines() {
        let text = taxon(1, "A a", "") + &taxon(1, "A b", "listed_under = \"Nowhere\"\n");
        let taxa = [file("t.toml", &text)];
        let (problems, _) = check_catalog(&taxa, &[file("exports.toml", EXPORTS)]);
        let shown: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert!(
            shown
                .iter()
                .any(|p| p.starts_with("t.toml:10:1: duplicate taxon id 1")),
            "{shown:?}"
        );
        assert!(
            shown
                .iter()
                .any(|p| p.starts_with("t.toml:15:1: listed under `Nowhere`")),
            "{shown:?}"
        );
    }

    #[test]
    fn bad_appendix_and_bad_toml_are_reported() {
        let bad_notation =
            taxon(1, "A a", "").replace("appendix = \"II\"\nsource", "appendix = \"IV\"\nsource");
        let (problems, _) = check_catalog(&[file("t.toml", &bad_notation)], &[]);
        assert!(
            problems[0]
                .to_string()
                .contains("`IV` is not a CITES listing"),
            "{problems:?}"
        );
        assert_eq!((problems[0].line, problems[0].col), (5, 1));

        let (problems, _) = check_catalog(&[file("t.toml", "[[taxon]]\nid = \"x\n")], &[]);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 2);
    }
}
