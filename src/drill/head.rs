//! What a drill needs to know of every card before it asks anything: the card's taxon, its
//! common name, its listing notation and its higher taxa. Heads of the shipped cards are made
//! when the program is built; the full card and catalog record are read only for the
//! questions asked, so a drill starts about as fast as the program itself.
//!
//! Shared with `build.rs`: refers only to `crate::catalog::{model, normalize}` and
//! `crate::cards`, which `build.rs` mirrors.

use crate::cards::{Card, SourceRef};
use crate::catalog::model::Taxon;
use crate::catalog::normalize::{fold, name_without_author};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Head {
    pub card_id: String,
    /// The accepted name of the card's taxon in the catalog.
    pub name: String,
    pub common: Option<String>,
    /// The overall listing notation.
    pub appendix: String,
    pub group: String,
    /// Folded accepted name and folded card taxon.
    pub key: String,
    pub card_key: String,
    /// The folded name, then the lower-cased genus, family and order.
    pub lineage: Vec<String>,
    pub kingdom: String,
    pub class: String,
    pub order: String,
    pub family: String,
    pub genus: String,
    /// The taxon's record number in the compiled catalog.
    pub record: u32,
    /// Where the card's own data lies in the compiled card blob (embedded cards only).
    pub blob: (u32, u32),
}

/// The folded name first, then the higher taxa, lower-cased (catalog names are ASCII).
pub fn lineage(name: &str, tx: &crate::catalog::model::Taxonomy) -> Vec<String> {
    std::iter::once(fold(name))
        .chain(
            [&tx.genus, &tx.family, &tx.order]
                .iter()
                .filter(|s| !s.is_empty())
                .map(|s| s.to_lowercase()),
        )
        .collect()
}

impl Head {
    pub fn new(card: &Card, taxon: &Taxon, record: u32) -> Head {
        let tx = &taxon.taxonomy;
        Head {
            card_id: card.id.clone(),
            name: taxon.name.clone(),
            common: card.common_names.first().cloned(),
            appendix: taxon.appendix.clone(),
            group: card.group.clone(),
            key: fold(&taxon.name),
            card_key: fold(&card.taxon),
            lineage: lineage(&taxon.name, tx),
            kingdom: tx.kingdom.clone(),
            class: tx.class.clone(),
            order: tx.order.clone(),
            family: tx.family.clone(),
            genus: tx.genus.clone(),
            record,
            blob: (0, 0),
        }
    }

    /// "Manis javanica (Sunda pangolin)".
    pub fn display_name(&self) -> String {
        match &self.common {
            Some(c) => format!("{} ({c})", self.name),
            None => self.name.clone(),
        }
    }
}

/// A card with the sources it cites, as stored for lazy reading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardData {
    pub card: Card,
    pub sources: Vec<(String, SourceRef)>,
}

/// Record numbers by folded accepted name and synonym (accepted names win), for taxa in
/// the order they are compiled.
pub fn name_records(taxa: &[Taxon]) -> HashMap<String, u32> {
    let mut map = HashMap::new();
    for (i, t) in taxa.iter().enumerate() {
        for s in &t.synonyms {
            map.entry(fold(&name_without_author(s))).or_insert(i as u32);
        }
    }
    for (i, t) in taxa.iter().enumerate() {
        map.insert(fold(&t.name), i as u32);
    }
    map
}

/// The sources a card cites, with their keys, from its file's table.
pub fn cited_sources(
    card: &Card,
    table: &std::collections::BTreeMap<String, SourceRef>,
) -> Vec<(String, SourceRef)> {
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
    keys.into_iter()
        .filter_map(|k| table.get(k).map(|s| (k.clone(), s.clone())))
        .collect()
}
