//! The card file format: sources, cards, characters, look-alikes. Pure serde types and the
//! parser; shared with `build.rs`, which compiles the shipped cards to JSON.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    pub title: String,
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub grade: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Character {
    pub text: String,
    pub source: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lookalike {
    pub taxon: String,
    pub tell_apart: String,
    #[serde(default)]
    pub source: Vec<String>,
    /// False for a look-alike outside CITES (cattle horn, resin); its taxon is free text.
    #[serde(default = "yes")]
    pub listed: bool,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    pub id: String,
    pub taxon: String,
    pub group: String,
    #[serde(default)]
    pub common_names: Vec<String>,
    #[serde(default)]
    pub trade_forms: Vec<String>,
    #[serde(default)]
    pub trade_source: Vec<String>,
    #[serde(default)]
    pub range: String,
    #[serde(default)]
    pub range_source: Vec<String>,
    #[serde(default)]
    pub routes: Option<String>,
    #[serde(default)]
    pub routes_source: Vec<String>,
    #[serde(default)]
    pub character: Vec<Character>,
    #[serde(default)]
    pub lookalike: Vec<Lookalike>,
}

impl Card {
    /// The name to show: the first common name, else the scientific name.
    pub fn label(&self) -> &str {
        self.common_names
            .first()
            .map_or(self.taxon.as_str(), String::as_str)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CardFile {
    #[serde(default)]
    sources: BTreeMap<String, SourceRef>,
    #[serde(default)]
    card: Vec<toml::Spanned<Card>>,
}

/// The cards of one file with their sources and where each card sits in the text.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Deck {
    pub sources: BTreeMap<String, SourceRef>,
    pub cards: Vec<(Range<usize>, Card)>,
}

impl Deck {
    /// The sources a list of keys names (unknown keys are skipped; `check` reports them).
    pub fn cite<'a>(&'a self, keys: &'a [String]) -> impl Iterator<Item = &'a SourceRef> + 'a {
        keys.iter().filter_map(|k| self.sources.get(k))
    }
}

/// Parses one card file.
pub fn parse_deck(text: &str) -> Result<Deck, toml::de::Error> {
    let file: CardFile = toml::from_str(text)?;
    let starts: Vec<usize> = file.card.iter().map(|c| c.span().start).collect();
    let cards = file
        .card
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            (
                starts[i]..starts.get(i + 1).copied().unwrap_or(text.len()),
                c.into_inner(),
            )
        })
        .collect();
    Ok(Deck {
        sources: file.sources,
        cards,
    })
}
