//! The catalog's data types: taxa, their listings and where each record came from.
//!
//! These types are the TOML data format (`data/catalog/*.toml`) and the records of the
//! embedded index alike. They mirror how the Appendices are written: a taxon at any rank,
//! one listing per Appendix it appears in (split listings have several), the population
//! each listing covers, its annotation and #-annotation, and the export it came from.
//!
//! This file is shared with `build.rs`, so it may only use `serde` and refer to siblings
//! through `super::`.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A CITES Appendix, or "not covered" (NC) for populations or forms outside the Convention.
/// The names are the Appendices' own Roman numerals, not acronyms.
#[allow(clippy::upper_case_acronyms)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Appendix {
    I,
    II,
    III,
    NC,
}

impl Appendix {
    pub const ALL: [Appendix; 4] = [Appendix::I, Appendix::II, Appendix::III, Appendix::NC];

    pub fn as_str(self) -> &'static str {
        match self {
            Appendix::I => "I",
            Appendix::II => "II",
            Appendix::III => "III",
            Appendix::NC => "NC",
        }
    }

    pub fn parse(text: &str) -> Option<Appendix> {
        match text.trim() {
            "I" => Some(Appendix::I),
            "II" => Some(Appendix::II),
            "III" => Some(Appendix::III),
            "NC" => Some(Appendix::NC),
            _ => None,
        }
    }
}

impl fmt::Display for Appendix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Checks the Checklist's notation for a taxon's overall listing: Appendices joined by `/`
/// in ascending order, e.g. `I`, `I/II`, `II/NC`, `I/II/III/NC`. The empty string means the
/// export gave no listing.
pub fn is_valid_notation(notation: &str) -> bool {
    if notation.is_empty() {
        return true;
    }
    let mut last: Option<Appendix> = None;
    for part in notation.split('/') {
        match Appendix::parse(part) {
            Some(a) if last.is_none_or(|l| l < a) && part == a.as_str() => last = Some(a),
            _ => return false,
        }
    }
    true
}

/// Taxonomic rank, as the Checklist names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Rank {
    Order,
    Family,
    Subfamily,
    Genus,
    Species,
    Subspecies,
    Variety,
}

impl Rank {
    pub fn parse(text: &str) -> Option<Rank> {
        match text.trim().to_ascii_uppercase().as_str() {
            "ORDER" => Some(Rank::Order),
            "FAMILY" => Some(Rank::Family),
            "SUBFAMILY" => Some(Rank::Subfamily),
            "GENUS" => Some(Rank::Genus),
            "SPECIES" => Some(Rank::Species),
            "SUBSPECIES" => Some(Rank::Subspecies),
            "VARIETY" => Some(Rank::Variety),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Rank::Order => "order",
            Rank::Family => "family",
            Rank::Subfamily => "subfamily",
            Rank::Genus => "genus",
            Rank::Species => "species",
            Rank::Subspecies => "subspecies",
            Rank::Variety => "variety",
        }
    }
}

impl fmt::Display for Rank {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The higher taxa a taxon belongs to. Plants have no phylum or class in the Checklist.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Taxonomy {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub kingdom: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phylum: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub class: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub order: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub family: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub genus: String,
}

/// Common names by language (ISO 639-1 code).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommonNames {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub en: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub es: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fr: Vec<String>,
}

impl CommonNames {
    pub fn is_empty(&self) -> bool {
        self.en.is_empty() && self.es.is_empty() && self.fr.is_empty()
    }
}

/// One entry of a taxon in one Appendix. A split listing has one of these per Appendix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Listing {
    pub appendix: Appendix,
    /// The short note of the export for this entry (which populations, what it is included in).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Countries (ISO 3166 alpha-2) whose populations this entry covers, when it names them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub include: Vec<String>,
    /// Countries whose populations this entry leaves out ("all populations except ...").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude: Vec<String>,
    /// Key of the full annotation text in `annotations.toml`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotation: Option<String>,
    /// The #-annotation (parts and derivatives covered), e.g. `#14`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hash: Option<String>,
    /// For Appendix III: the Party (ISO alpha-2) that listed the species.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    /// The date this entry took effect (YYYY-MM-DD), where the export gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<String>,
}

/// The listing a taxon had in an older export, kept when a newer export replaced it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PastListing {
    pub source: String,
    pub appendix: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub listed_under: Option<String>,
}

/// A taxon of the CITES Checklist with its current listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Taxon {
    /// The Checklist's TaxonId (Species+ taxon concept id).
    pub id: u64,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    pub rank: Rank,
    #[serde(default)]
    pub taxonomy: Taxonomy,
    /// The overall listing in the Checklist's notation (`I`, `I/II`, `II/NC`, ...).
    pub appendix: String,
    /// The higher taxon whose entry lists this one ("Felidae"), when it is not named itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub listed_under: Option<String>,
    #[serde(default, skip_serializing_if = "CommonNames::is_empty")]
    pub names: CommonNames,
    /// Synonyms as the export writes them, with their authors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub synonyms: Vec<String>,
    /// Range states (ISO alpha-2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub distribution: Vec<String>,
    /// Id of the export this record comes from (see `editions.toml`).
    pub source: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub listings: Vec<Listing>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<PastListing>,
}

/// One official export the catalog was built from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Export {
    pub id: String,
    pub title: String,
    /// The date the export reflects (YYYY-MM-DD).
    pub as_of: String,
    /// What the export covers, in words ("complete Checklist", "mammals only").
    pub scope: String,
    pub format: String,
    /// The raw file kept in the project, relative to the data folder.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub file: String,
    pub citation: String,
}

/// A full annotation or #-annotation text, shared by many taxa.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnotationText {
    /// `A0001`-style key for full annotations, `#14@index-2017-04-21` for #-annotations.
    pub key: String,
    pub text: String,
}

/// Everything besides the taxa: the exports and the shared annotation texts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogMeta {
    #[serde(default)]
    pub export: Vec<Export>,
    #[serde(default)]
    pub annotation: Vec<AnnotationText>,
}

impl CatalogMeta {
    pub fn export(&self, id: &str) -> Option<&Export> {
        self.export.iter().find(|e| e.id == id)
    }

    pub fn annotation(&self, key: &str) -> Option<&str> {
        self.annotation
            .iter()
            .find(|a| a.key == key)
            .map(|a| a.text.as_str())
    }
}

/// The key under which a #-annotation text is stored: the symbol and the export it belongs
/// to, because the same symbol has meant different texts at different CoPs.
pub fn hash_key(symbol: &str, source: &str) -> String {
    format!("{symbol}@{source}")
}
