//! Writing the catalog as TOML files a person can read and review in a diff:
//! `catalog/taxa/<group>.toml` (one `[[taxon]]` table each, sorted by name),
//! `catalog/exports.toml` and `catalog/annotations.toml`.
//!
//! The whole catalog folder is written beside the old one and swapped in by renaming, so a
//! failed write leaves the old catalog as it was.

use crate::catalog::model::{AnnotationText, CatalogMeta, Export, Listing, PastListing, Taxon};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// The file (without extension) a taxon is kept in: animals by class, plants with
/// orchids apart (they are three quarters of the Checklist).
pub fn file_key(t: &Taxon) -> String {
    let tx = &t.taxonomy;
    if tx.kingdom == "Plantae" {
        if tx.family == "Orchidaceae" || t.name == "Orchidaceae" {
            "plantae-orchidaceae".into()
        } else {
            "plantae".into()
        }
    } else if tx.class.is_empty() {
        "animalia-other".into()
    } else {
        tx.class.to_lowercase()
    }
}

/// A TOML basic string.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn list(items: &[String]) -> String {
    let inner: Vec<String> = items.iter().map(|s| quote(s)).collect();
    format!("[{}]", inner.join(", "))
}

fn listing(l: &Listing) -> String {
    let mut parts = vec![format!("appendix = {}", quote(l.appendix.as_str()))];
    let mut opt = |key: &str, v: &Option<String>| {
        if let Some(v) = v {
            parts.push(format!("{key} = {}", quote(v)));
        }
    };
    opt("note", &l.note);
    opt("annotation", &l.annotation);
    opt("hash", &l.hash);
    opt("party", &l.party);
    opt("effective", &l.effective);
    if !l.include.is_empty() {
        parts.push(format!("include = {}", list(&l.include)));
    }
    if !l.exclude.is_empty() {
        parts.push(format!("exclude = {}", list(&l.exclude)));
    }
    format!("{{ {} }}", parts.join(", "))
}

fn past(h: &PastListing) -> String {
    let mut s = format!(
        "{{ source = {}, appendix = {}",
        quote(&h.source),
        quote(&h.appendix)
    );
    if let Some(u) = &h.listed_under {
        let _ = write!(s, ", listed_under = {}", quote(u));
    }
    s.push_str(" }");
    s
}

/// One `[[taxon]]` table.
pub fn taxon_toml(out: &mut String, t: &Taxon) {
    out.push_str("[[taxon]]\n");
    let _ = writeln!(out, "id = {}", t.id);
    let _ = writeln!(out, "name = {}", quote(&t.name));
    if !t.author.is_empty() {
        let _ = writeln!(out, "author = {}", quote(&t.author));
    }
    let _ = writeln!(out, "rank = {}", quote(t.rank.as_str()));
    let tx = &t.taxonomy;
    let fields: Vec<String> = [
        ("kingdom", &tx.kingdom),
        ("phylum", &tx.phylum),
        ("class", &tx.class),
        ("order", &tx.order),
        ("family", &tx.family),
        ("genus", &tx.genus),
    ]
    .iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(k, v)| format!("{k} = {}", quote(v)))
    .collect();
    let _ = writeln!(out, "taxonomy = {{ {} }}", fields.join(", "));
    let _ = writeln!(out, "appendix = {}", quote(&t.appendix));
    if let Some(u) = &t.listed_under {
        let _ = writeln!(out, "listed_under = {}", quote(u));
    }
    if !t.names.is_empty() {
        let langs: Vec<String> = [
            ("en", &t.names.en),
            ("es", &t.names.es),
            ("fr", &t.names.fr),
        ]
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k} = {}", list(v)))
        .collect();
        let _ = writeln!(out, "names = {{ {} }}", langs.join(", "));
    }
    if !t.synonyms.is_empty() {
        let _ = writeln!(out, "synonyms = {}", list(&t.synonyms));
    }
    if !t.distribution.is_empty() {
        let _ = writeln!(out, "distribution = {}", list(&t.distribution));
    }
    let _ = writeln!(out, "source = {}", quote(&t.source));
    if !t.listings.is_empty() {
        out.push_str("listings = [\n");
        for l in &t.listings {
            let _ = writeln!(out, "  {},", listing(l));
        }
        out.push_str("]\n");
    }
    if !t.history.is_empty() {
        let items: Vec<String> = t.history.iter().map(past).collect();
        let _ = writeln!(out, "history = [{}]", items.join(", "));
    }
    out.push('\n');
}

/// The taxa files' contents, by file name.
pub fn taxa_files(taxa: &[Taxon]) -> BTreeMap<String, String> {
    let mut groups: BTreeMap<String, Vec<&Taxon>> = BTreeMap::new();
    for t in taxa {
        groups.entry(file_key(t)).or_default().push(t);
    }
    groups
        .into_iter()
        .map(|(key, mut list)| {
            list.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
            let mut out = String::from(
                "# CITES Checklist taxa and their listings. Generated by `cites-trainer checklist import`\n\
                 # from the exports named in exports.toml; edit by re-importing, not by hand.\n\n",
            );
            for t in list {
                taxon_toml(&mut out, t);
            }
            (format!("{key}.toml"), out)
        })
        .collect()
}

pub fn exports_toml(exports: &[Export]) -> String {
    let mut out = String::from(
        "# The official exports this catalog was built from, oldest first. A taxon's `source`\n\
         # names one of them; the newest export that has a taxon gives its listing.\n\n",
    );
    let mut sorted: Vec<&Export> = exports.iter().collect();
    sorted.sort_by(|a, b| a.as_of.cmp(&b.as_of).then(a.id.cmp(&b.id)));
    for e in sorted {
        out.push_str("[[export]]\n");
        for (k, v) in [
            ("id", &e.id),
            ("title", &e.title),
            ("as_of", &e.as_of),
            ("scope", &e.scope),
            ("format", &e.format),
            ("file", &e.file),
            ("citation", &e.citation),
        ] {
            if !v.is_empty() {
                let _ = writeln!(out, "{k} = {}", quote(v));
            }
        }
        out.push('\n');
    }
    out
}

pub fn annotations_toml(texts: &[AnnotationText]) -> String {
    let mut out = String::from(
        "# Annotation texts shared by many taxa. `A....` keys are full annotations; `#N@export`\n\
         # keys are #-annotations (parts and derivatives) as worded in that export.\n\n",
    );
    for a in texts {
        let _ = writeln!(
            out,
            "[[annotation]]\nkey = {}\ntext = {}\n",
            quote(&a.key),
            quote(&a.text)
        );
    }
    out
}

/// Writes the catalog into `data_dir/catalog`, replacing what is there only once every
/// file has been written.
pub fn write_catalog(data_dir: &Path, taxa: &[Taxon], meta: &CatalogMeta) -> std::io::Result<()> {
    std::fs::create_dir_all(data_dir)?;
    let pid = std::process::id();
    let staging = data_dir.join(format!(".catalog-new-{pid}"));
    let old = data_dir.join(format!(".catalog-old-{pid}"));
    let target = data_dir.join("catalog");
    let _ = std::fs::remove_dir_all(&staging);
    let result = (|| {
        std::fs::create_dir_all(staging.join("taxa"))?;
        for (name, text) in taxa_files(taxa) {
            std::fs::write(staging.join("taxa").join(name), text)?;
        }
        std::fs::write(staging.join("exports.toml"), exports_toml(&meta.export))?;
        std::fs::write(
            staging.join("annotations.toml"),
            annotations_toml(&meta.annotation),
        )?;
        if target.exists() {
            std::fs::rename(&target, &old)?;
        }
        if let Err(e) = std::fs::rename(&staging, &target) {
            let _ = std::fs::rename(&old, &target);
            return Err(e);
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    let _ = std::fs::remove_dir_all(&old);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_escapes_what_toml_needs() {
        assert_eq!(quote("a \"b\"\\\n"), "\"a \\\"b\\\"\\\\\\n\"");
    }

    #[test]
    fn written_taxa_read_back_equal() {
        use crate::catalog::model::*;
        let t = Taxon {
            id: 8560,
            name: "Crocodylus porosus".into(),
            author: "Schneider, 1801".into(),
            rank: Rank::Species,
            taxonomy: Taxonomy {
                kingdom: "Animalia".into(),
                class: "Reptilia".into(),
                ..Default::default()
            },
            appendix: "I/II".into(),
            listed_under: None,
            names: CommonNames {
                en: vec!["Salt-water Crocodile".into()],
                ..Default::default()
            },
            synonyms: vec!["Crocodilus oopholis Schneider, 1801".into()],
            distribution: vec!["AU".into()],
            source: "x".into(),
            listings: vec![Listing {
                appendix: Appendix::II,
                note: Some("Population of AU, \"ID\"\nnext".into()),
                include: vec!["AU".into(), "ID".into()],
                exclude: vec![],
                annotation: Some("A0001".into()),
                hash: None,
                party: None,
                effective: Some("2017-01-02".into()),
            }],
            history: vec![PastListing {
                source: "old".into(),
                appendix: "I".into(),
                listed_under: None,
            }],
        };
        let files = taxa_files(std::slice::from_ref(&t));
        let text = &files["reptilia.toml"];
        let back = crate::catalog::file::parse_taxa(text).unwrap();
        assert_eq!(back[0].1, t);
    }
}
