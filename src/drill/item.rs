//! A drill item: an ID card with what the catalog says of its taxon (accepted name, higher
//! taxa, listing, edition). The listing always comes from the catalog, never from the card.

use crate::cards::{Card, Deck, SourceRef};
use crate::catalog::index::{Index, KeyKind};
use crate::catalog::lookup::{Outcome, effective_listings, export_of, lookup};
use crate::catalog::model::{Appendix, CatalogMeta, Listing, Taxon};
use crate::countries;

#[derive(Debug, Clone)]
pub struct Item {
    pub card: Card,
    /// The sources the card cites, resolved from its file's table.
    pub sources: Vec<(String, SourceRef)>,
    pub taxon: Taxon,
    pub listings: Vec<Listing>,
    pub as_of: String,
    pub source_title: String,
}

impl Item {
    /// "Manis javanica (Sunda pangolin)".
    pub fn display_name(&self) -> String {
        match self.card.common_names.first() {
            Some(c) => format!("{} ({c})", self.taxon.name),
            None => self.taxon.name.clone(),
        }
    }

    /// The overall listing in words: "Appendix I", "Appendix I/II (split listing)".
    pub fn appendix_label(&self) -> String {
        appendix_label(&self.taxon.appendix)
    }

    /// One line on the listing, with its edition, for feedback.
    pub fn listing_line(&self) -> String {
        let mut parts = vec![self.appendix_label()];
        if let Some(under) = &self.taxon.listed_under {
            parts.push(format!("listed under {under} spp."));
        }
        if self.listings.len() > 1 {
            for l in &self.listings {
                parts.push(format!("Appendix {}: {}", l.appendix, populations(l)));
            }
        }
        format!(
            "{} (as of {}, {})",
            parts.join("; "),
            self.as_of,
            self.source_title
        )
    }

    /// The Appendix of the population of one country, from the split listing.
    pub fn appendix_for(&self, country: &str) -> Option<Appendix> {
        let code = country.to_string();
        if let Some(l) = self.listings.iter().find(|l| l.include.contains(&code)) {
            return Some(l.appendix);
        }
        if let Some(l) = self
            .listings
            .iter()
            .find(|l| l.include.is_empty() && !l.exclude.is_empty() && !l.exclude.contains(&code))
        {
            return Some(l.appendix);
        }
        if self.taxon.appendix.split('/').any(|a| a == "NC") {
            return Some(Appendix::NC);
        }
        None
    }
}

pub fn appendix_label(notation: &str) -> String {
    if notation.is_empty() {
        "no listing".into()
    } else if notation.contains('/') {
        format!("Appendix {notation} (split listing)")
    } else if notation == "NC" {
        "not covered by CITES".into()
    } else {
        format!("Appendix {notation}")
    }
}

fn country_names(codes: &[String]) -> String {
    codes
        .iter()
        .map(|c| countries::name(c).map_or_else(|| c.clone(), |n| format!("{n} ({c})")))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn populations(l: &Listing) -> String {
    if !l.include.is_empty() {
        format!("populations of {}", country_names(&l.include))
    } else if !l.exclude.is_empty() {
        format!("all populations except {}", country_names(&l.exclude))
    } else {
        "all populations".into()
    }
}

/// Joins every card of the decks to its catalog record. Cards whose taxon the catalog does
/// not know are skipped (`check` reports them).
pub fn build_items(decks: &[Deck], index: &Index, meta: &CatalogMeta) -> Vec<Item> {
    let mut items = Vec::new();
    for deck in decks {
        for (_, card) in &deck.cards {
            let Ok(Outcome::Found(hits)) = lookup(index, &card.taxon) else {
                continue;
            };
            let Some(hit) = hits.into_iter().find(|h| h.matched <= KeyKind::Synonym) else {
                continue;
            };
            let taxon = hit.taxon;
            let listings = effective_listings(index, &taxon).unwrap_or_default();
            let export = export_of(meta, &taxon.source);
            let mut keys: Vec<&String> = card
                .character
                .iter()
                .flat_map(|c| &c.source)
                .chain(&card.trade_source)
                .chain(&card.range_source)
                .chain(&card.routes_source)
                .chain(card.lookalike.iter().flat_map(|l| &l.source))
                .collect();
            keys.sort();
            keys.dedup();
            let sources = keys
                .into_iter()
                .filter_map(|k| deck.sources.get(k).map(|s| (k.clone(), s.clone())))
                .collect();
            items.push(Item {
                card: card.clone(),
                sources,
                taxon,
                listings,
                as_of: export.as_of,
                source_title: export.title,
            });
        }
    }
    items
}
