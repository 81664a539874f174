//! Species identification cards (`data/cards/*.toml`): what an officer can check without a
//! laboratory, the look-alikes and how to tell them apart, the trade forms, the range, and a
//! source for every statement. The Appendix is never on a card: it comes from the catalog.

pub mod model;
pub mod validate;

pub use model::{Card, Character, Deck, Lookalike, SourceRef, parse_deck};

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
