//! Species+ API taxon concepts flattened to CSV: one row per listing entry, so a taxon with
//! a split listing or several Appendix III Parties spans several rows. Rows above the rank
//! of order (kingdom, class) carry no listing of their own and are skipped.

use super::listings_csv::strip_listing_bracket;
use super::{FieldError, Row, notation, taxon_id};
use crate::catalog::model::{Appendix, CommonNames, Listing, Rank, Taxon, Taxonomy};
use crate::text::{plain, split_list};

#[derive(Default)]
pub struct Builder {
    taxa: Vec<Taxon>,
}

impl Builder {
    pub fn add(&mut self, row: &Row, export: &str) -> Result<(), FieldError> {
        let rank_text = row.get("rank");
        if matches!(rank_text, "KINGDOM" | "PHYLUM" | "CLASS") {
            return Ok(());
        }
        let rank = Rank::parse(rank_text).ok_or_else(|| {
            FieldError::new(
                "rank",
                format!("`{rank_text}` is not a rank (expected ORDER ... VARIETY)"),
            )
        })?;
        let id = taxon_id(row, "taxon_id")?;
        let name = row.get("full_name");
        if name.is_empty() {
            return Err(FieldError::new("full_name", "the taxon has no name"));
        }
        let appendix = notation(row, "overall_cites_listing")?;
        let existing = self.taxa.iter().rposition(|t| t.id == id);
        if existing.is_none() {
            let genus = if rank >= Rank::Genus {
                name.split_whitespace().next().unwrap_or("").to_string()
            } else {
                String::new()
            };
            self.taxa.push(Taxon {
                id,
                name: name.to_string(),
                author: row.get("author_year").to_string(),
                rank,
                taxonomy: Taxonomy {
                    kingdom: row.get("kingdom").to_string(),
                    phylum: row.get("phylum").to_string(),
                    class: row.get("class").to_string(),
                    order: row.get("order").to_string(),
                    family: row.get("family").to_string(),
                    genus,
                },
                appendix,
                listed_under: None,
                names: CommonNames {
                    en: split_list(row.get("common_names_en"), ';'),
                    ..Default::default()
                },
                synonyms: split_list(row.get("synonyms"), ';'),
                distribution: Vec::new(),
                source: export.to_string(),
                listings: Vec::new(),
                history: Vec::new(),
            });
        }
        let at = existing.unwrap_or(self.taxa.len() - 1);
        let taxon = &mut self.taxa[at];
        let app_text = row.get("appendix");
        if app_text.is_empty() {
            return Ok(());
        }
        let app = Appendix::parse(app_text).ok_or_else(|| {
            FieldError::new(
                "appendix",
                format!("`{app_text}` is not an Appendix (expected I, II or III)"),
            )
        })?;
        let (under, note) = strip_listing_bracket(&plain(row.get("annotation")));
        if let Some(under) = under.filter(|u| *u != taxon.name) {
            taxon.listed_under = Some(under);
        }
        let (include, exclude) = super::populations::read(&note);
        let effective = row.get("effective_at");
        let party = row.get("party_iso");
        let hash = row.get("hash_annotation");
        taxon.listings.push(Listing {
            appendix: app,
            note: (!note.is_empty()).then_some(note),
            include,
            exclude,
            annotation: None,
            hash: hash
                .split_whitespace()
                .next()
                .filter(|s| s.starts_with('#'))
                .map(str::to_string),
            party: (!party.is_empty()).then(|| party.to_string()),
            effective: (!effective.is_empty()).then(|| effective.to_string()),
        });
        taxon
            .listings
            .sort_by(|a, b| a.appendix.cmp(&b.appendix).then(a.party.cmp(&b.party)));
        Ok(())
    }

    pub fn finish(self) -> Vec<Taxon> {
        self.taxa
    }
}
