//! Class papers (`quizzes/papers/*.toml`): what an instructor sets for a class, and the
//! questions each officer gets. Pure: the paper, the banks, the drill items and the officer's
//! name in, the officer's questions out. Every officer gets the same questions; their order
//! and the order of the options may be shuffled per officer.

use crate::bank::Bank;
use crate::bank::QuestionType;
use crate::bank::grade::{Prepared, prepare};
use crate::catalog::index::Index;
use crate::drill::generate::{Drill, Settings, shuffle};
use crate::drill::{Items, Kind, Question};
use rand::SeedableRng;
use rand::rngs::ChaCha8Rng;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ShowAnswers {
    /// Right or wrong, the answer and the explanation after each question.
    During,
    /// Only the score during the paper; the answers at the end.
    End,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PaperInfo {
    pub id: String,
    pub title: String,
    /// Every officer gets the questions this seed draws.
    pub seed: u64,
    /// Shuffle the question order per officer.
    #[serde(default)]
    pub shuffle_questions: bool,
    /// Shuffle the options per officer (otherwise everyone sees the same order).
    #[serde(default = "yes")]
    pub shuffle_options: bool,
    /// Time for the whole paper, in minutes.
    #[serde(default)]
    pub time_limit_minutes: Option<u64>,
    /// Time for each question, in seconds.
    #[serde(default)]
    pub question_seconds: Option<u64>,
    /// Pass mark, in percent.
    pub pass_mark: f64,
    pub show_answers: ShowAnswers,
}

fn yes() -> bool {
    true
}

/// Questions drawn from the banks or from the species cards.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draw {
    /// A bank id.
    #[serde(default)]
    pub bank: Option<String>,
    /// A topic of the banks.
    #[serde(default)]
    pub topic: Option<String>,
    /// A species group (mammals, reptiles, timber, ...): species questions from the cards.
    #[serde(default)]
    pub group: Option<String>,
    /// For species questions: the kind (identify, appendix, names, products, pair); mixed if absent.
    #[serde(default)]
    pub kind: Option<String>,
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paper {
    pub paper: PaperInfo,
    /// Questions asked by id, before the drawn ones.
    #[serde(default)]
    pub fixed: Vec<String>,
    #[serde(default)]
    pub draw: Vec<Draw>,
}

pub fn parse_paper(text: &str) -> Result<Paper, toml::de::Error> {
    toml::from_str(text)
}

/// The paper's fingerprint: the paper's text and the data edition it is drawn from. Results
/// from another paper, or from the same paper on other data, have another fingerprint.
pub fn fingerprint(paper_text: &str, edition: &str) -> String {
    let mut h = Sha256::new();
    h.update(paper_text.as_bytes());
    h.update(b"\0");
    h.update(edition.as_bytes());
    hex(&h.finalize())
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn officer_seed(seed: u64, officer: &str) -> u64 {
    let digest = Sha256::digest(format!("{seed}:{officer}").as_bytes());
    u64::from_le_bytes(digest[..8].try_into().unwrap_or([0; 8]))
}

/// A species question as a single-choice paper question.
fn species_question(q: Question, group: &str) -> Prepared {
    Prepared {
        id: q.key.clone(),
        topic: format!("species: {group}"),
        kind: QuestionType::Single,
        prompt: q.prompt,
        correct: vec![q.correct],
        options: q.options,
        order: vec![],
        accept: vec![],
        explanation: q.decisive,
        citation: q.listing,
    }
}

/// What went wrong drawing a paper.
#[derive(Debug, PartialEq, Eq)]
pub struct DrawError(pub String);

/// The officer's questions: the same for everyone (drawn with the paper's seed), in an order
/// and with option orders of their own when the paper says so.
pub fn questions(
    paper: &Paper,
    banks: &[Bank],
    items: &Items,
    index: &Index,
    officer: &str,
) -> Result<Vec<Prepared>, DrawError> {
    let mut rng = ChaCha8Rng::seed_from_u64(paper.paper.seed);
    let mut out: Vec<Prepared> = Vec::new();
    let find = |id: &str| {
        banks.iter().find_map(|b| {
            b.questions
                .iter()
                .find(|(_, q)| q.id == id)
                .map(|(_, q)| (b, q))
        })
    };
    for id in &paper.fixed {
        let (bank, q) =
            find(id).ok_or_else(|| DrawError(format!("fixed question `{id}` is in no bank")))?;
        out.push(prepare(bank, q, &mut rng));
    }
    for d in &paper.draw {
        if let Some(group) = &d.group {
            let kinds = match &d.kind {
                Some(k) => vec![Kind::parse(k).ok_or_else(|| {
                    DrawError(format!("`{k}` is not a kind of species question"))
                })?],
                None => Kind::ALL.to_vec(),
            };
            let settings = Settings {
                kinds,
                group: Some(group.clone()),
                appendix: None,
                count: d.count,
            };
            let drill = Drill::new(
                items,
                index,
                &settings,
                ChaCha8Rng::seed_from_u64(rand::Rng::next_u64(&mut rng)),
            );
            let drawn: Vec<Prepared> = drill.map(|q| species_question(q, group)).collect();
            if drawn.len() < d.count {
                return Err(DrawError(format!(
                    "only {} species questions of group `{group}` could be drawn, {} asked",
                    drawn.len(),
                    d.count
                )));
            }
            out.extend(drawn);
            continue;
        }
        let mut pool: Vec<(&Bank, &crate::bank::BankQuestion)> = banks
            .iter()
            .filter(|b| d.bank.as_ref().is_none_or(|id| &b.info.id == id))
            .flat_map(|b| b.questions.iter().map(move |(_, q)| (b, q)))
            .filter(|(b, q)| d.topic.as_ref().is_none_or(|t| q.topic(b) == t))
            .filter(|(_, q)| !out.iter().any(|p| p.id == q.id))
            .collect();
        if pool.len() < d.count {
            return Err(DrawError(format!(
                "the draw {}{} has {} questions, {} asked",
                d.bank
                    .as_ref()
                    .map(|b| format!("bank `{b}` "))
                    .unwrap_or_default(),
                d.topic
                    .as_ref()
                    .map(|t| format!("topic `{t}`"))
                    .unwrap_or_default(),
                pool.len(),
                d.count
            )));
        }
        shuffle(&mut pool, &mut rng);
        out.extend(
            pool.into_iter()
                .take(d.count)
                .map(|(b, q)| prepare(b, q, &mut rng)),
        );
    }
    // The officer's own order.
    let mut own = ChaCha8Rng::seed_from_u64(officer_seed(paper.paper.seed, officer));
    if paper.paper.shuffle_options {
        for p in &mut out {
            if matches!(p.kind, QuestionType::Single | QuestionType::Multiple)
                && !p
                    .options
                    .iter()
                    .any(|o| o.to_lowercase().contains("of the above"))
            {
                let mut idx: Vec<usize> = (0..p.options.len()).collect();
                shuffle(&mut idx, &mut own);
                p.options = idx.iter().map(|&i| p.options[i].clone()).collect();
                p.correct = p
                    .correct
                    .iter()
                    .map(|c| idx.iter().position(|&i| i == *c).unwrap_or(0))
                    .collect();
                p.correct.sort();
            }
        }
    }
    if paper.paper.shuffle_questions {
        shuffle(&mut out, &mut own);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    pub const PAPER: &str = r#"
[paper]
id = "demo"
title = "Demo paper"
seed = 7
shuffle_questions = true
pass_mark = 60
show_answers = "end"
question_seconds = 30

[[draw]]
bank = "b"
count = 2
"#;

    const BANK: &str = r#"[bank]
id = "b"
title = "B"
[sources.S]
title = "S"
[[question]]
id = "q1"
type = "single"
prompt = "One?"
correct = ["yes"]
wrong = ["no", "maybe"]
explanation = "e"
source = "S"
ref = "r"
edition = "x"
[[question]]
id = "q2"
type = "true-false"
prompt = "Two?"
answer = true
explanation = "e"
source = "S"
ref = "r"
edition = "x"
[[question]]
id = "q3"
type = "short"
prompt = "Three?"
accept = ["3"]
explanation = "e"
source = "S"
ref = "r"
edition = "x"
"#;

    #[test]
    fn every_officer_gets_the_same_questions_in_an_order_of_their_own() {
        let paper = parse_paper(PAPER).unwrap();
        let banks = vec![crate::bank::parse_bank(BANK).unwrap()];
        let catalog = crate::drill::testkit::catalog();
        let index = catalog.index().unwrap();
        let items = crate::drill::testkit::items(&catalog);
        let ids = |o: &str| {
            let mut v: Vec<String> = questions(&paper, &banks, &items, &index, o)
                .unwrap()
                .iter()
                .map(|p| p.id.clone())
                .collect();
            v.sort();
            v
        };
        assert_eq!(ids("Anong"), ids("Vuthy"));
        assert_eq!(ids("Anong").len(), 2);
        let orders: std::collections::BTreeSet<Vec<String>> = (0..12)
            .map(|i| {
                questions(&paper, &banks, &items, &index, &format!("officer {i}"))
                    .unwrap()
                    .iter()
                    .map(|p| p.id.clone())
                    .collect()
            })
            .collect();
        assert!(orders.len() > 1, "orders differ between officers");
        assert_eq!(
            questions(&paper, &banks, &items, &index, "Anong").unwrap(),
            questions(&paper, &banks, &items, &index, "Anong").unwrap(),
            "and are the same for one officer every time"
        );
    }

    #[test]
    fn fingerprints_change_with_the_paper_and_the_data() {
        let a = fingerprint(PAPER, "index-2017-04-21");
        assert_eq!(a.len(), 64);
        assert_ne!(
            a,
            fingerprint(&PAPER.replace("seed = 7", "seed = 8"), "index-2017-04-21")
        );
        assert_ne!(a, fingerprint(PAPER, "index-2026-01-01"));
    }

    #[test]
    fn a_draw_larger_than_its_pool_is_an_error() {
        let paper = parse_paper(&PAPER.replace("count = 2", "count = 9")).unwrap();
        let banks = vec![crate::bank::parse_bank(BANK).unwrap()];
        let catalog = crate::drill::testkit::catalog();
        let index = catalog.index().unwrap();
        let items = crate::drill::testkit::items(&catalog);
        let err = questions(&paper, &banks, &items, &index, "x").unwrap_err();
        assert!(err.0.contains("has 3 questions, 9 asked"), "{err:?}");
    }
}
