//! Reading the catalog's TOML files (`data/catalog/`): taxa files, `exports.toml` and
//! `annotations.toml`. Pure: each function takes the text of one file.
//!
//! Shared with `build.rs`.

use super::model::{CatalogMeta, Taxon};
use serde::Deserialize;
use std::ops::Range;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TaxaFile {
    #[serde(default)]
    taxon: Vec<toml::Spanned<Taxon>>,
}

/// Parses a taxa file, keeping where each `[[taxon]]` table sits in the text: from its
/// header to the next header.
pub fn parse_taxa(text: &str) -> Result<Vec<(Range<usize>, Taxon)>, toml::de::Error> {
    let taxa = toml::from_str::<TaxaFile>(text)?.taxon;
    let starts: Vec<usize> = taxa.iter().map(|t| t.span().start).collect();
    Ok(taxa
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            let end = starts.get(i + 1).copied().unwrap_or(text.len());
            (starts[i]..end, t.into_inner())
        })
        .collect())
}

/// Parses `exports.toml` or `annotations.toml` (either part of the metadata may be absent).
pub fn parse_meta(text: &str) -> Result<CatalogMeta, toml::de::Error> {
    toml::from_str(text)
}

/// Line and column (both from 1) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before
        .rfind('\n')
        .map_or(before.len(), |nl| before.len() - nl - 1)
        + 1;
    (line, col)
}

/// Byte offset of `key = ` inside a span of the text (to point at a field of a table),
/// or the start of the span when the key is not written there.
pub fn find_key(text: &str, span: Range<usize>, key: &str) -> usize {
    let slice = &text[span.start.min(text.len())..span.end.min(text.len())];
    let mut from = 0;
    while let Some(pos) = slice[from..].find(key) {
        let at = from + pos;
        let line_start = slice[..at].rfind('\n').map_or(0, |p| p + 1);
        let before = &slice[line_start..at];
        let after = slice[at + key.len()..].trim_start();
        let starts_field = before.trim().is_empty() || before.trim_end().ends_with(['{', ',']);
        if starts_field && after.starts_with('=') {
            return span.start + at;
        }
        from = at + key.len();
    }
    span.start
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE: &str = r#"
[[taxon]]
id = 5034
name = "Manis javanica"
rank = "species"
appendix = "I"
source = "index-2017-04-21"
listings = [{ appendix = "I" }]
"#;

    #[test]
    fn parses_a_taxon_and_its_position() {
        let taxa = parse_taxa(ONE).unwrap();
        assert_eq!(taxa.len(), 1);
        assert_eq!(taxa[0].1.name, "Manis javanica");
        assert_eq!(line_col(ONE, taxa[0].0.start), (2, 1));
        let at = find_key(ONE, taxa[0].0.clone(), "appendix");
        assert_eq!(line_col(ONE, at), (6, 1));
    }

    #[test]
    fn unknown_appendix_is_an_error_with_a_line() {
        let bad = ONE.replace(
            "listings = [{ appendix = \"I\" }]",
            "listings = [{ appendix = \"IV\" }]",
        );
        let err = parse_taxa(&bad).unwrap_err().to_string();
        assert!(err.contains("line 8"), "{err}");
        assert!(
            err.contains("IV") || err.contains("unknown variant"),
            "{err}"
        );
    }

    #[test]
    fn unknown_field_is_an_error() {
        let bad = ONE.replace("rank = \"species\"", "rank = \"species\"\nrnak = 1");
        let err = parse_taxa(&bad).unwrap_err().to_string();
        assert!(err.contains("rnak"), "{err}");
    }
}
