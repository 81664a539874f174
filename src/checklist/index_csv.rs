//! The "Index of CITES Species" CSV: one row per taxon of the complete Checklist.
//!
//! Its annotation columns hold one line per Appendix ("Appendix I:... \nAppendix II:...");
//! each becomes one [`Listing`]. Which higher taxon a species is listed under is not a
//! column here, so [`Builder::finish`] works it out from the notes and the higher-taxon rows.

use super::{Annotations, FieldError, Row, notation, rank, taxon_id};
use crate::catalog::model::{Appendix, CommonNames, Listing, Rank, Taxon, Taxonomy};
use crate::catalog::normalize::fold;
use crate::text::{plain, split_list};
use std::collections::HashMap;

#[derive(Default)]
pub struct Builder {
    taxa: Vec<Taxon>,
}

/// Splits "Appendix I:text\nAppendix II:text" into (Appendix, text) pairs.
pub fn per_appendix(text: &str) -> Vec<(Appendix, String)> {
    let mut out: Vec<(Appendix, String)> = Vec::new();
    for line in text.split('\n') {
        let line = line.trim_start();
        let parsed = line.strip_prefix("Appendix ").and_then(|rest| {
            let (app, body) = rest.split_once(':')?;
            Some((Appendix::parse(app)?, body))
        });
        match parsed {
            Some((app, body)) => out.push((app, body.to_string())),
            // A continuation of the previous Appendix's text.
            None => {
                if let Some(last) = out.last_mut() {
                    last.1.push('\n');
                    last.1.push_str(line);
                }
            }
        }
    }
    out.into_iter().map(|(a, t)| (a, plain(&t))).collect()
}

/// Splits the synonyms column, whose authors contain commas:
/// "Oopholis pondicherianus Gray, 1862, Crocodilus oopholis Schneider, 1801".
pub fn split_synonyms(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for piece in text.split(", ") {
        let piece = piece.trim();
        if piece.is_empty() {
            continue;
        }
        let mut words = piece.split_whitespace();
        let first = words.next().unwrap_or("");
        let second = words.next().unwrap_or("");
        let starts_name = first.chars().next().is_some_and(char::is_uppercase)
            && first.chars().all(|c| c.is_alphabetic() || c == '-')
            && second.chars().next().is_some_and(char::is_lowercase);
        match out.last_mut() {
            Some(last) if !starts_name => {
                last.push_str(", ");
                last.push_str(piece);
            }
            _ => out.push(piece.to_string()),
        }
    }
    out
}

impl Builder {
    pub fn add(
        &mut self,
        row: &Row,
        export: &str,
        annotations: &mut Annotations,
    ) -> Result<(), FieldError> {
        let id = taxon_id(row, "TaxonId")?;
        let name = row.get("FullName");
        if name.is_empty() {
            return Err(FieldError::new("FullName", "the taxon has no name"));
        }
        let rank = rank(row, "RankName")?;
        let appendix = notation(row, "CurrentListing")?;

        let notes = per_appendix(row.get("AnnotationEnglish"));
        let full = per_appendix(row.get("FullAnnotationEnglish"));
        let hashes = per_appendix(row.get("#Annotation"));
        let symbol = row.get("#AnnotationSymbol");

        let mut listings = Vec::new();
        for part in appendix.split('/').filter(|p| !p.is_empty()) {
            let app = Appendix::parse(part).expect("notation was checked");
            let find = |list: &[(Appendix, String)]| {
                list.iter()
                    .find(|(a, t)| *a == app && !t.is_empty())
                    .map(|(_, t)| t.clone())
            };
            let note = find(&notes);
            let annotation = find(&full)
                .filter(|t| Some(t) != note.as_ref())
                .map(|t| annotations.full(&t));
            let hash = match (symbol.is_empty(), find(&hashes)) {
                (false, Some(text)) => {
                    annotations.hash(symbol, export, &text);
                    Some(symbol.to_string())
                }
                _ => None,
            };
            let (include, exclude) = note
                .as_deref()
                .map(super::populations::read)
                .unwrap_or_default();
            listings.push(Listing {
                appendix: app,
                note,
                include,
                exclude,
                annotation,
                hash,
                party: None,
                effective: None,
            });
        }

        self.taxa.push(Taxon {
            id,
            name: name.to_string(),
            author: row.get("AuthorYear").to_string(),
            rank,
            taxonomy: Taxonomy {
                kingdom: row.get("Kingdom").to_string(),
                phylum: row.get("Phylum").to_string(),
                class: row.get("Class").to_string(),
                order: row.get("Order").to_string(),
                family: row.get("Family").to_string(),
                genus: row.get("Genus").to_string(),
            },
            appendix,
            listed_under: None,
            names: CommonNames {
                en: split_list(row.get("EnglishNames"), ','),
                es: split_list(row.get("SpanishNames"), ','),
                fr: split_list(row.get("FrenchNames"), ','),
            },
            synonyms: split_synonyms(row.get("SynonymsWithAuthors")),
            distribution: split_list(row.get("All_DistributionISOCodes"), ','),
            source: export.to_string(),
            listings,
            history: Vec::new(),
        });
        Ok(())
    }

    pub fn finish(mut self) -> Vec<Taxon> {
        let listed_under = derive_listed_under(&self.taxa);
        for (taxon, under) in self.taxa.iter_mut().zip(listed_under) {
            taxon.listed_under = under;
        }
        self.taxa
    }
}

/// Works out, for every taxon, the higher taxon whose entry in the Appendices covers it.
///
/// 1. A note "Included in Felidae spp." names it.
/// 2. A species (or lower) with no note of its own, in Appendix II or III, is covered by its
///    widest listed ancestor whose listing includes that Appendix. In Appendix I only a
///    whole genus (of two or more species) listed in Appendix I counts.
pub fn derive_listed_under(taxa: &[Taxon]) -> Vec<Option<String>> {
    let by_name: HashMap<String, &Taxon> = taxa.iter().map(|t| (fold(&t.name), t)).collect();
    let mut species_per_genus: HashMap<&str, usize> = HashMap::new();
    for t in taxa.iter().filter(|t| t.rank == Rank::Species) {
        *species_per_genus
            .entry(t.taxonomy.genus.as_str())
            .or_default() += 1;
    }
    taxa.iter()
        .map(|t| {
            let notes: Vec<&str> = t
                .listings
                .iter()
                .filter_map(|l| l.note.as_deref())
                .collect();
            for note in &notes {
                if let Some(rest) = note.split("Included in ").nth(1)
                    && let Some((group, _)) = rest.split_once(" spp")
                    && let Some(found) = by_name.get(&fold(group))
                    && found.id != t.id
                {
                    return Some(found.name.clone());
                }
            }
            if t.rank < Rank::Species {
                return None;
            }
            let ancestors = ancestors(t);
            if t.appendix.contains('/') || t.appendix.is_empty() {
                return None;
            }
            if t.appendix == "I" {
                // Appendix I names species one by one, except whole genera listed as
                // "Cyclura spp."; a genus of one species is taken as the species' own entry.
                let genus = by_name
                    .get(&fold(&t.taxonomy.genus))
                    .filter(|g| g.appendix == "I");
                let members = species_per_genus
                    .get(t.taxonomy.genus.as_str())
                    .copied()
                    .unwrap_or(0);
                return genus
                    .filter(|_| t.rank == Rank::Species && members >= 2)
                    .map(|g| g.name.clone());
            }
            // The Index has a row for every genus of a listed family; the Appendices name
            // the widest group ("Boidae spp."), so take the farthest listed ancestor.
            ancestors
                .iter()
                .filter_map(|a| by_name.get(&fold(a)))
                .rfind(|a| a.appendix.split('/').any(|p| p == t.appendix))
                .map(|a| a.name.clone())
        })
        .collect()
}

/// Names of the higher taxa of `t`, nearest first.
fn ancestors(t: &Taxon) -> Vec<String> {
    let mut out = Vec::new();
    if t.rank > Rank::Species {
        let words: Vec<&str> = t.name.split_whitespace().collect();
        if words.len() >= 2 {
            out.push(words[..2].join(" "));
        }
    }
    let tx = &t.taxonomy;
    for name in [&tx.genus, &tx.family, &tx.order, &tx.class] {
        if !name.is_empty() && *name != t.name {
            out.push(name.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_appendix_splits_lines_and_strips_html() {
        let parts = per_appendix(
            "Appendix I:All populations except those included in Appendix II. \nAppendix II:Population of AU, ID, MY, PG. ",
        );
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].0, Appendix::I);
        assert_eq!(
            parts[1],
            (Appendix::II, "Population of AU, ID, MY, PG.".to_string())
        );
        let parts = per_appendix("Appendix II:All parts except:<p> a) seeds;<p> b) fruits");
        assert_eq!(parts[0].1, "All parts except:\na) seeds;\nb) fruits");
    }

    #[test]
    fn synonyms_keep_their_authors_together() {
        assert_eq!(
            split_synonyms(
                "Oopholis pondicherianus Gray, 1862, Crocodilus oopholis Schneider, 1801, Crocodylus raninus S. Müller & Schlegel, 1844"
            ),
            vec![
                "Oopholis pondicherianus Gray, 1862",
                "Crocodilus oopholis Schneider, 1801",
                "Crocodylus raninus S. Müller & Schlegel, 1844"
            ]
        );
    }
}
