//! The bookkeeping of one drill: the answers given so far and the summary at the end.

use super::grade::Verdict;
use super::question::{Kind, Question};
use std::time::Duration;

/// One answered question.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub item: usize,
    pub kind: Kind,
    pub subject: String,
    pub given: String,
    /// The taxon the officer took the subject for, when the answer named another one.
    pub confused_with: Option<String>,
    pub verdict: Verdict,
    pub elapsed: Duration,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub asked: usize,
    pub score: f64,
    pub percent: f64,
    pub time: Duration,
    /// What to review: (subject, kind), wrong or half-right answers, once each.
    pub review: Vec<(String, Kind)>,
}

pub fn summarize(outcomes: &[Outcome]) -> Summary {
    let score: f64 = outcomes.iter().map(|o| o.verdict.credit()).sum();
    let asked = outcomes.len();
    let mut review: Vec<(String, Kind)> = Vec::new();
    for o in outcomes.iter().filter(|o| !o.verdict.is_right()) {
        if !review.iter().any(|(s, k)| *s == o.subject && *k == o.kind) {
            review.push((o.subject.clone(), o.kind));
        }
    }
    Summary {
        asked,
        score,
        percent: if asked == 0 {
            0.0
        } else {
            100.0 * score / asked as f64
        },
        time: outcomes.iter().map(|o| o.elapsed).sum(),
        review,
    }
}

/// What the officer's answer named, for the record of confusions.
pub fn confusion(q: &Question, chosen: Option<usize>) -> Option<String> {
    let taken = q.option_taxa.get(chosen?)?.clone()?;
    let right = q.option_taxa.get(q.correct)?.clone()?;
    (taken != right).then_some(taken)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(subject: &str, verdict: Verdict, secs: u64) -> Outcome {
        Outcome {
            item: 0,
            kind: Kind::Identify,
            subject: subject.into(),
            given: String::new(),
            confused_with: None,
            verdict,
            elapsed: Duration::from_secs(secs),
        }
    }

    #[test]
    fn summary_scores_half_credit_and_lists_reviews_once() {
        let s = summarize(&[
            outcome("A", Verdict::Right, 3),
            outcome("B", Verdict::GenusOnly, 4),
            outcome("C", Verdict::Wrong, 5),
            outcome("C", Verdict::Wrong, 1),
        ]);
        assert_eq!(s.asked, 4);
        assert_eq!(s.score, 1.5);
        assert_eq!(s.percent, 37.5);
        assert_eq!(s.time, Duration::from_secs(13));
        assert_eq!(
            s.review,
            vec![("B".into(), Kind::Identify), ("C".into(), Kind::Identify)]
        );
    }

    #[test]
    fn empty_drill_scores_zero() {
        let s = summarize(&[]);
        assert_eq!((s.asked, s.percent), (0, 0.0));
    }
}
