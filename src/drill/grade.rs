//! Grading an answer. Multiple choice is right or wrong; a typed scientific name is graded
//! per word, as officers write it: case and accents do not matter, synonyms count, a slip of
//! one letter is accepted with a warning, the right genus with the wrong species earns half.

use super::question::{Expected, Question};
use crate::catalog::normalize::fold;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Verdict {
    Right,
    /// Right, but misspelt: the officer should see the correct spelling.
    RightWithTypo,
    /// Right genus, wrong species: half credit.
    GenusOnly,
    Wrong,
}

impl Verdict {
    pub fn credit(self) -> f64 {
        match self {
            Verdict::Right | Verdict::RightWithTypo => 1.0,
            Verdict::GenusOnly => 0.5,
            Verdict::Wrong => 0.0,
        }
    }

    pub fn is_right(self) -> bool {
        self.credit() >= 1.0
    }
}

/// Grades a choice of option `chosen` (0-based).
pub fn grade_choice(q: &Question, chosen: usize) -> Verdict {
    if chosen == q.correct {
        Verdict::Right
    } else {
        Verdict::Wrong
    }
}

/// Edits allowed in an epithet: one up to 8 letters, two beyond.
fn epithet_tolerance(len: usize) -> usize {
    if len <= 8 { 1 } else { 2 }
}

/// Grades a typed scientific name against one accepted spelling.
fn grade_name(typed: &str, name: &str) -> Verdict {
    let typed = fold(typed);
    let name = fold(name);
    if typed == name {
        return Verdict::Right;
    }
    let t: Vec<&str> = typed.split(' ').collect();
    let n: Vec<&str> = name.split(' ').collect();
    let genus_ok = |a: &str, b: &str| a == b || strsim::osa_distance(a, b) <= 1 && b.len() > 3;
    if t.is_empty() || n.is_empty() || !genus_ok(t[0], n[0]) {
        return Verdict::Wrong;
    }
    if t.len() != n.len() {
        return if t.len() >= 2 && n.len() >= 2 {
            Verdict::GenusOnly
        } else {
            Verdict::Wrong
        };
    }
    let rest_ok = t[1..]
        .iter()
        .zip(&n[1..])
        .all(|(a, b)| strsim::osa_distance(a, b) <= epithet_tolerance(b.len()));
    match (rest_ok, t[0] == n[0] && t[1..] == n[1..]) {
        (true, true) => Verdict::Right,
        (true, false) => Verdict::RightWithTypo,
        (false, _) if n.len() >= 2 => Verdict::GenusOnly,
        _ => Verdict::Wrong,
    }
}

/// Grades a typed answer.
pub fn grade_typed(q: &Question, typed: &str) -> Verdict {
    match &q.expected {
        Expected::Taxon { name, synonyms } => std::iter::once(name)
            .chain(synonyms)
            .map(|n| grade_name(typed, n))
            .max_by(|a, b| {
                a.credit()
                    .total_cmp(&b.credit())
                    .then((*a == Verdict::Right).cmp(&(*b == Verdict::Right)))
            })
            .unwrap_or(Verdict::Wrong),
        Expected::Text(accepted) => {
            let typed = fold(typed);
            if accepted.iter().any(|a| fold(a) == typed) {
                Verdict::Right
            } else {
                Verdict::Wrong
            }
        }
    }
}

/// Reads a scripted multiple-choice answer: an option number ("2"), a letter ("b"), or the
/// option's text. None when the line matches no option.
pub fn parse_choice(q: &Question, line: &str) -> Option<usize> {
    let line = line.trim();
    if let Ok(n) = line.parse::<usize>() {
        return (1..=q.options.len()).contains(&n).then(|| n - 1);
    }
    let lower = line.to_ascii_lowercase();
    if lower.len() == 1 {
        let c = lower.as_bytes()[0];
        if c.is_ascii_lowercase() && ((c - b'a') as usize) < q.options.len() {
            return Some((c - b'a') as usize);
        }
    }
    let key = fold(line);
    q.options.iter().position(|o| fold(o) == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drill::question::Kind;

    fn q(expected: Expected) -> Question {
        Question {
            key: String::new(),
            kind: Kind::Identify,
            item: 0,
            prompt: String::new(),
            options: vec![
                "Manis javanica".into(),
                "Manis pentadactyla".into(),
                "Manis culionensis".into(),
            ],
            correct: 0,
            option_taxa: vec![None; 3],
            expected,
            answer: String::new(),
            decisive: String::new(),
            listing: String::new(),
        }
    }

    fn taxon(name: &str, synonyms: &[&str]) -> Expected {
        Expected::Taxon {
            name: name.into(),
            synonyms: synonyms.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn typed_names_ignore_case_and_accents() {
        let q = q(taxon("Manis javanica", &[]));
        assert_eq!(grade_typed(&q, "manis JAVANICA"), Verdict::Right);
        assert_eq!(grade_typed(&q, "  Mánis   javánica "), Verdict::Right);
    }

    #[test]
    fn one_letter_slips_are_accepted_with_a_warning() {
        let q = q(taxon("Manis javanica", &[]));
        assert_eq!(grade_typed(&q, "Manis javanca"), Verdict::RightWithTypo);
        assert_eq!(
            grade_typed(&q, "Manis jvaanica"),
            Verdict::RightWithTypo,
            "a swap of two letters is one slip"
        );
        assert_eq!(grade_typed(&q, "Mannis javanica"), Verdict::RightWithTypo);
    }

    #[test]
    fn right_genus_wrong_species_earns_half() {
        let q = q(taxon("Manis javanica", &[]));
        assert_eq!(grade_typed(&q, "Manis pentadactyla"), Verdict::GenusOnly);
        assert_eq!(grade_typed(&q, "Manis pentadactyla").credit(), 0.5);
        assert_eq!(grade_typed(&q, "Panthera tigris"), Verdict::Wrong);
        assert_eq!(
            grade_typed(&q, "Manis"),
            Verdict::Wrong,
            "a genus alone is not an answer"
        );
    }

    #[test]
    fn synonyms_count() {
        let q = q(taxon("Crocodylus porosus", &["Crocodilus oopholis"]));
        assert_eq!(grade_typed(&q, "crocodilus oopholis"), Verdict::Right);
        assert_eq!(grade_typed(&q, "Crocodylus porosus"), Verdict::Right);
    }

    #[test]
    fn appendix_text_answers() {
        let q = q(Expected::Text(vec![
            "II".into(),
            "Appendix II".into(),
            "2".into(),
        ]));
        assert_eq!(grade_typed(&q, "appendix ii"), Verdict::Right);
        assert_eq!(grade_typed(&q, "2"), Verdict::Right);
        assert_eq!(grade_typed(&q, "I"), Verdict::Wrong);
    }

    #[test]
    fn scripted_choices_by_number_letter_or_text() {
        let q = q(taxon("Manis javanica", &[]));
        assert_eq!(parse_choice(&q, "2"), Some(1));
        assert_eq!(parse_choice(&q, "c"), Some(2));
        assert_eq!(parse_choice(&q, "manis  JAVANICA"), Some(0));
        assert_eq!(parse_choice(&q, "4"), None);
        assert_eq!(parse_choice(&q, "zebra"), None);
    }
}
