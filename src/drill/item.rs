//! A drill item: an ID card with what the catalog says of its taxon (accepted name, higher
//! taxa, listing, edition). The listing always comes from the catalog, never from the card.

use super::head::{CardData, Head, cited_sources};
use crate::cards::{Card, Deck, SourceRef};
use crate::catalog::index::{Index, KeyKind};
use crate::catalog::lookup::{Outcome, effective_listings, export_of, lookup};
use crate::catalog::model::{Appendix, CatalogMeta, Listing, Taxon};
use crate::countries;
use std::cell::OnceCell;

#[derive(Debug, Clone)]
pub struct Item {
    pub head: Head,
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
        self.head.display_name()
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

/// Joins a card to what the catalog says of its taxon.
fn join(head: Head, data: CardData, taxon: Taxon, index: &Index, meta: &CatalogMeta) -> Item {
    let listings = effective_listings(index, &taxon).unwrap_or_default();
    let export = export_of(meta, &taxon.source);
    Item {
        head,
        card: data.card,
        sources: data.sources,
        taxon,
        listings,
        as_of: export.as_of,
        source_title: export.title,
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
            let head = Head::new(card, &hit.taxon, 0);
            let data = CardData {
                card: card.clone(),
                sources: cited_sources(card, &deck.sources),
            };
            items.push(join(head, data, hit.taxon, index, meta));
        }
    }
    items
}

/// The drill's items: their heads at once, each whole item when first asked for.
pub struct Items<'a> {
    pub heads: Vec<Head>,
    cells: Vec<OnceCell<Option<Item>>>,
    embedded: Option<(&'a Index<'a>, &'a CatalogMeta, &'static [u8])>,
}

impl<'a> Items<'a> {
    /// Items already whole (cards read from a data folder, or tests).
    pub fn from_items(items: Vec<Item>) -> Items<'static> {
        let heads = items.iter().map(|i| i.head.clone()).collect();
        let cells = items.into_iter().map(|i| OnceCell::from(Some(i))).collect();
        Items {
            heads,
            cells,
            embedded: None,
        }
    }

    /// The shipped cards, compiled with the program: heads now, the rest on demand.
    pub fn embedded(
        index: &'a Index<'a>,
        meta: &'a CatalogMeta,
        heads: Vec<Head>,
        blob: &'static [u8],
    ) -> Items<'a> {
        let cells = heads.iter().map(|_| OnceCell::new()).collect();
        Items {
            heads,
            cells,
            embedded: Some((index, meta, blob)),
        }
    }

    pub fn len(&self) -> usize {
        self.heads.len()
    }

    pub fn is_empty(&self) -> bool {
        self.heads.is_empty()
    }

    /// Item `i`, read on first use. None only if the compiled data is damaged.
    pub fn get(&self, i: usize) -> Option<&Item> {
        self.cells[i]
            .get_or_init(|| {
                let (index, meta, blob) = self.embedded?;
                let head = self.heads[i].clone();
                let (start, len) = (head.blob.0 as usize, head.blob.1 as usize);
                let data: CardData = serde_json::from_slice(blob.get(start..start + len)?).ok()?;
                let taxon = index.record(head.record as usize).ok()?;
                Some(join(head, data, taxon, index, meta))
            })
            .as_ref()
    }

    /// Every item, read now (for looking a card up by any of its names).
    pub fn all(&self) -> Vec<&Item> {
        (0..self.len()).filter_map(|i| self.get(i)).collect()
    }
}
