//! A bank question made ready to ask (options shuffled with the seeded generator), the
//! answers it accepts, and its grading with partial credit. Pure.

use super::{Bank, BankQuestion, QuestionType};
use crate::catalog::normalize::fold;
use crate::drill::generate::shuffle;
use rand::Rng;

/// A question as asked.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    pub id: String,
    pub topic: String,
    pub kind: QuestionType,
    pub prompt: String,
    /// Options as shown (single, multiple, true-false) or steps as shown (ordering).
    pub options: Vec<String>,
    /// Indexes of the right options (single, multiple, true-false).
    pub correct: Vec<usize>,
    /// For ordering: the shown steps' indexes in the right order.
    pub order: Vec<usize>,
    /// For short answers.
    pub accept: Vec<String>,
    pub explanation: String,
    pub citation: String,
}

/// What the officer answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Response {
    Choices(Vec<usize>),
    Text(String),
    Order(Vec<usize>),
}

fn is_catch_all(option: &str) -> bool {
    let f = fold(option);
    f.starts_with("all of the above") || f.starts_with("none of the above")
}

pub fn prepare(bank: &Bank, q: &BankQuestion, rng: &mut impl Rng) -> Prepared {
    let mut options: Vec<(String, bool)> = Vec::new();
    let mut order = Vec::new();
    match q.kind {
        QuestionType::Single | QuestionType::Multiple => {
            options.extend(q.correct.iter().map(|o| (o.clone(), true)));
            options.extend(q.wrong.iter().map(|o| (o.clone(), false)));
            if !q.keep_order {
                shuffle(&mut options, rng);
                // "All of the above" and "None of the above" stay last.
                options.sort_by_key(|(o, _)| is_catch_all(o));
            }
        }
        QuestionType::TrueFalse => {
            let answer = q.answer.unwrap_or(true);
            options = vec![("True".into(), answer), ("False".into(), !answer)];
        }
        QuestionType::Ordering => {
            let mut shown: Vec<usize> = (0..q.steps.len()).collect();
            // Never show the steps already in order (unless there is no other way).
            for _ in 0..8 {
                shuffle(&mut shown, rng);
                if shown.windows(2).any(|w| w[0] > w[1]) || shown.len() < 2 {
                    break;
                }
            }
            options = shown.iter().map(|&i| (q.steps[i].clone(), false)).collect();
            order = (0..q.steps.len())
                .map(|step| shown.iter().position(|&s| s == step).unwrap_or(0))
                .collect();
        }
        QuestionType::Short => {}
    }
    Prepared {
        id: q.id.clone(),
        topic: q.topic(bank).to_string(),
        kind: q.kind,
        prompt: q.prompt.clone(),
        correct: options
            .iter()
            .enumerate()
            .filter(|(_, (_, r))| *r)
            .map(|(i, _)| i)
            .collect(),
        options: options.into_iter().map(|(o, _)| o).collect(),
        order,
        accept: q.accept.clone(),
        explanation: q.explanation.clone(),
        citation: bank.citation(q),
    }
}

/// The credit for a response, from 0 to 1.
///
/// - single and true-false: 1 or 0;
/// - multiple: (right options chosen - wrong options chosen) / right options, not below 0;
/// - short: 1 if the text matches an accepted answer, case and accents ignored;
/// - ordering: the share of steps put in their right place.
pub fn grade(p: &Prepared, r: &Response) -> f64 {
    match (p.kind, r) {
        (QuestionType::Single | QuestionType::TrueFalse, Response::Choices(c))
            if c.len() == 1 && p.correct.contains(&c[0]) =>
        {
            1.0
        }
        (QuestionType::Multiple, Response::Choices(c)) => {
            let mut chosen = c.clone();
            chosen.sort();
            chosen.dedup();
            let right = chosen.iter().filter(|i| p.correct.contains(i)).count() as f64;
            let wrong = chosen.len() as f64 - right;
            ((right - wrong) / p.correct.len().max(1) as f64).max(0.0)
        }
        (QuestionType::Short, Response::Text(t)) => {
            let t = fold(t);
            if !t.is_empty() && p.accept.iter().any(|a| fold(a) == t) {
                1.0
            } else {
                0.0
            }
        }
        (QuestionType::Ordering, Response::Order(o)) => {
            if p.order.is_empty() {
                return 0.0;
            }
            let placed = p.order.iter().zip(o).filter(|(a, b)| a == b).count();
            placed as f64 / p.order.len() as f64
        }
        _ => 0.0,
    }
}

/// The answer given, in words: the options chosen, the steps in the order given, or the text.
pub fn response_text(p: &Prepared, r: &Response) -> String {
    let options = |idx: &[usize], sep: &str| {
        idx.iter()
            .filter_map(|&i| p.options.get(i).cloned())
            .collect::<Vec<_>>()
            .join(sep)
    };
    match r {
        Response::Text(t) => t.clone(),
        Response::Choices(c) => options(c, "; "),
        Response::Order(o) => options(o, " -> "),
    }
}

/// The right answer in words.
pub fn answer_text(p: &Prepared) -> String {
    match p.kind {
        QuestionType::Short => p.accept.first().cloned().unwrap_or_default(),
        QuestionType::Ordering => p
            .order
            .iter()
            .map(|&i| p.options[i].clone())
            .collect::<Vec<_>>()
            .join(" -> "),
        _ => p
            .correct
            .iter()
            .map(|&i| p.options[i].clone())
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// Reads a scripted answer: option numbers or letters ("2", "b", "1,3", "a c"), the option's
/// text for a single choice, "true"/"false", free text for short answers, and the shown
/// steps' numbers in order for ordering ("3 1 2 4"). None when the line cannot be read.
pub fn parse_response(p: &Prepared, line: &str) -> Option<Response> {
    let line = line.trim();
    if p.kind == QuestionType::Short {
        return Some(Response::Text(line.to_string()));
    }
    let n = p.options.len();
    let index = |token: &str| -> Option<usize> {
        if let Ok(k) = token.parse::<usize>() {
            return (1..=n).contains(&k).then(|| k - 1);
        }
        let b = token.to_ascii_lowercase();
        let b = b.as_bytes();
        (b.len() == 1 && b[0].is_ascii_lowercase() && ((b[0] - b'a') as usize) < n)
            .then(|| (b[0] - b'a') as usize)
    };
    let tokens: Vec<&str> = line
        .split([',', ' ', ';'])
        .filter(|t| !t.is_empty())
        .collect();
    let parsed: Option<Vec<usize>> = tokens.iter().map(|t| index(t)).collect();
    match p.kind {
        QuestionType::Ordering => {
            let order = parsed?;
            let mut sorted = order.clone();
            sorted.sort();
            (sorted == (0..n).collect::<Vec<_>>()).then_some(Response::Order(order))
        }
        QuestionType::Multiple => parsed.filter(|v| !v.is_empty()).map(Response::Choices),
        _ => {
            if let Some(v) = parsed.filter(|v| v.len() == 1) {
                return Some(Response::Choices(v));
            }
            let key = fold(line);
            let key = match key.as_str() {
                "t" | "yes" => "true".to_string(),
                "f" | "no" => "false".to_string(),
                _ => key,
            };
            p.options
                .iter()
                .position(|o| fold(o) == key)
                .map(|i| Response::Choices(vec![i]))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::parse_bank;
    use rand::SeedableRng;
    use rand::rngs::ChaCha8Rng;

    const BANK: &str = r#"[bank]
id = "t"
title = "T"
[sources.S]
title = "S"
[[question]]
id = "m"
type = "multiple"
prompt = "Which are Convention documents?"
correct = ["Export permit", "Re-export certificate"]
wrong = ["Bill of lading", "All of the above"]
explanation = "e"
source = "S"
ref = "r"
edition = "x"
[[question]]
id = "o"
type = "ordering"
prompt = "Order"
steps = ["one", "two", "three", "four"]
explanation = "e"
source = "S"
ref = "r"
edition = "x"
[[question]]
id = "s"
type = "short"
prompt = "Code for wild?"
accept = ["W", "wild"]
explanation = "e"
source = "S"
ref = "r"
edition = "x"
[[question]]
id = "tf"
type = "true-false"
prompt = "True?"
answer = false
explanation = "e"
source = "S"
ref = "r"
edition = "x"
"#;

    fn prepared(i: usize, seed: u64) -> Prepared {
        let bank = parse_bank(BANK).unwrap();
        prepare(
            &bank,
            &bank.questions[i].1,
            &mut ChaCha8Rng::seed_from_u64(seed),
        )
    }

    #[test]
    fn multiple_answer_gives_partial_credit_and_keeps_all_of_the_above_last() {
        for seed in 0..20 {
            let p = prepared(0, seed);
            assert_eq!(p.options.last().unwrap(), "All of the above");
            assert_eq!(p.correct.len(), 2);
            let both = Response::Choices(p.correct.clone());
            assert_eq!(grade(&p, &both), 1.0);
            assert_eq!(grade(&p, &Response::Choices(vec![p.correct[0]])), 0.5);
            let wrong = (0..4).find(|i| !p.correct.contains(i)).unwrap();
            assert_eq!(
                grade(&p, &Response::Choices(vec![p.correct[0], wrong])),
                0.0
            );
            assert_eq!(
                grade(&p, &Response::Choices(vec![wrong])),
                0.0,
                "never below zero"
            );
        }
    }

    #[test]
    fn ordering_credits_each_step_in_place_and_is_never_shown_solved() {
        for seed in 0..20 {
            let p = prepared(1, seed);
            assert_ne!(p.options, vec!["one", "two", "three", "four"]);
            assert_eq!(grade(&p, &Response::Order(p.order.clone())), 1.0);
            assert_eq!(answer_text(&p), "one -> two -> three -> four");
            let mut swapped = p.order.clone();
            swapped.swap(0, 1);
            assert_eq!(grade(&p, &Response::Order(swapped)), 0.5);
        }
    }

    #[test]
    fn short_answers_ignore_case_and_accents() {
        let p = prepared(2, 0);
        assert_eq!(grade(&p, &Response::Text(" w ".into())), 1.0);
        assert_eq!(grade(&p, &Response::Text("WÍLD".into())), 1.0);
        assert_eq!(grade(&p, &Response::Text("C".into())), 0.0);
        assert_eq!(grade(&p, &Response::Text("".into())), 0.0);
    }

    #[test]
    fn scripted_answers_parse() {
        let tf = prepared(3, 0);
        assert_eq!(
            parse_response(&tf, "false"),
            Some(Response::Choices(vec![1]))
        );
        assert_eq!(parse_response(&tf, "T"), Some(Response::Choices(vec![0])));
        assert_eq!(grade(&tf, &parse_response(&tf, "2").unwrap()), 1.0);
        let m = prepared(0, 0);
        assert_eq!(
            parse_response(&m, "1, 3"),
            Some(Response::Choices(vec![0, 2]))
        );
        assert_eq!(
            parse_response(&m, "a c"),
            Some(Response::Choices(vec![0, 2]))
        );
        let o = prepared(1, 0);
        assert_eq!(
            parse_response(&o, "4 3 2 1"),
            Some(Response::Order(vec![3, 2, 1, 0]))
        );
        assert_eq!(parse_response(&o, "1 1 2 3"), None, "each step once");
    }

    #[test]
    fn a_seed_gives_the_same_option_order() {
        assert_eq!(prepared(0, 9), prepared(0, 9));
    }
}
