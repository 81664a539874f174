//! Species identification cards (`data/cards/*.toml`): what an officer can check without a
//! laboratory, the look-alikes and how to tell them apart, the trade forms, the range, and a
//! source for every statement. The Appendix is never on a card: it comes from the catalog.

pub mod validate;

use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;

/// The groups cards are filed under, as `--group` accepts them.
pub const GROUPS: [&str; 9] = [
    "mammals",
    "birds",
    "reptiles",
    "amphibians",
    "fish",
    "sharks-rays",
    "invertebrates",
    "plants",
    "timber",
];

/// The trade forms a card may name (see docs/card-format.md).
pub const TRADE_FORMS: [&str; 39] = [
    "live",
    "egg",
    "skin",
    "leather",
    "fur",
    "scales",
    "horn",
    "ivory",
    "carving",
    "tooth",
    "bone",
    "claw",
    "skull",
    "trophy",
    "meat",
    "bile",
    "musk",
    "wool",
    "hair",
    "feather",
    "shell",
    "fin",
    "gill-plate",
    "swim-bladder",
    "dried",
    "powder",
    "medicine",
    "jewellery",
    "coral",
    "timber",
    "chips",
    "oil",
    "extract",
    "plant",
    "flower",
    "seed",
    "bulb",
    "stem",
    "specimen",
];

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    pub title: String,
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub grade: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Character {
    pub text: String,
    pub source: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
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

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
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
#[derive(Debug, Clone)]
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

#[cfg(test)]
mod tests {
    use super::*;

    pub const DECK: &str = r#"
[sources.P1]
title = "Pangolin Species Identification Guide"
url = "https://example.org/guide"
grade = "A"

[[card]]
id = "manis-javanica"
taxon = "Manis javanica"
group = "mammals"
common_names = ["Sunda pangolin"]
trade_forms = ["scales", "meat"]
trade_source = ["P1"]
range = "South-East Asia"
range_source = ["P1"]

[[card.character]]
text = "Bristle hairs between the scales"
source = ["P1"]

[[card.lookalike]]
taxon = "Manis pentadactyla"
tell_apart = "Chinese pangolin: darker, longer fore-claws"
source = ["P1"]
"#;

    #[test]
    fn parses_cards_with_their_positions() {
        let deck = parse_deck(DECK).unwrap();
        assert_eq!(deck.cards.len(), 1);
        let (span, card) = &deck.cards[0];
        assert_eq!(card.label(), "Sunda pangolin");
        assert!(
            card.lookalike[0].listed,
            "look-alikes are listed unless said otherwise"
        );
        assert!(DECK[span.clone()].starts_with("[[card]]"));
        assert_eq!(deck.cite(&card.trade_source).next().unwrap().grade, "A");
    }
}
