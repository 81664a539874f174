//! A drill question as the trainee sees it, with what counts as the answer and what to show
//! after it.

use std::fmt;

/// The kinds of drill question (`--kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// Characters and trade form shown: which species?
    Identify,
    /// A species (or one population of it): which Appendix?
    Appendix,
    /// Scientific name to common name, or back.
    Names,
    /// A seized product: which species, and which Appendix?
    Products,
    /// "A or B?" from the characters that separate two look-alikes.
    Pair,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Identify,
        Kind::Appendix,
        Kind::Names,
        Kind::Products,
        Kind::Pair,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Identify => "identify",
            Kind::Appendix => "appendix",
            Kind::Names => "names",
            Kind::Products => "products",
            Kind::Pair => "pair",
        }
    }

    pub fn parse(text: &str) -> Option<Kind> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == text.trim().to_lowercase())
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a typed answer is graded against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    /// A scientific name, with the synonyms that also count.
    Taxon { name: String, synonyms: Vec<String> },
    /// One of these texts (case and accents ignored), e.g. an Appendix.
    Text(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// The key the answer is recorded and scheduled under (`card:<id>:<kind>`, `pair:<a>|<b>`).
    pub key: String,
    pub kind: Kind,
    /// Index of the item (card) the question is about.
    pub item: usize,
    /// The item it is confused with when the answer is the distractor of a pair, if any.
    pub prompt: String,
    /// The options for multiple choice, in the order shown.
    pub options: Vec<String>,
    /// Index of the right option.
    pub correct: usize,
    /// For each option, the taxon it names (to record what was taken for what).
    pub option_taxa: Vec<Option<String>>,
    /// What a typed answer must match.
    pub expected: Expected,
    /// The right answer in words.
    pub answer: String,
    /// The character or fact that decides the question.
    pub decisive: String,
    /// The listing with its edition.
    pub listing: String,
}
