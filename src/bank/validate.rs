//! Checks of question banks: every problem with file, line and column. Pure.

use super::{QuestionType, parse_bank};
use crate::catalog::file::{find_key, line_col};
use crate::catalog::load::SourceFile;
use crate::catalog::normalize::fold;
use crate::check::{Problem, at, toml_error};
use std::collections::HashMap;

fn is_date(text: &str) -> bool {
    crate::cmd::import::is_date(text)
}

/// Checks banks; returns the problems and the number of questions read.
pub fn check_banks(files: &[SourceFile]) -> (Vec<Problem>, usize) {
    let mut problems = Vec::new();
    let mut count = 0;
    let mut first: HashMap<String, (usize, usize)> = HashMap::new();
    let mut bank_ids: HashMap<String, usize> = HashMap::new();
    for (fi, file) in files.iter().enumerate() {
        let bank = match parse_bank(&file.text) {
            Ok(b) => b,
            Err(e) => {
                problems.push(toml_error(file, &e));
                continue;
            }
        };
        if let Some(&other) = bank_ids.get(&bank.info.id) {
            problems.push(at(
                file,
                file.text.find("[bank]").unwrap_or(0),
                format!(
                    "bank id `{}` is also used by {}",
                    bank.info.id,
                    files[other].path.display()
                ),
            ));
        }
        bank_ids.insert(bank.info.id.clone(), fi);
        for (span, q) in &bank.questions {
            count += 1;
            let here = |key: &str, message: String| {
                at(file, find_key(&file.text, span.clone(), key), message)
            };
            if let Some(&(ofi, offset)) = first.get(&q.id) {
                let (line, _) = line_col(&files[ofi].text, offset);
                problems.push(here(
                    "id",
                    format!(
                        "duplicate question id `{}`; it is already used at {}:{line}",
                        q.id,
                        files[ofi].path.display()
                    ),
                ));
            } else {
                first.insert(q.id.clone(), (fi, span.start));
            }
            let id = &q.id;
            if q.source.is_empty() {
                problems.push(here(
                    "id",
                    format!("question `{id}` names no source; add `source = \"KEY\"` and `ref`"),
                ));
            } else if !bank.sources.contains_key(&q.source) {
                problems.push(here(
                    "source",
                    format!(
                        "source `{}` is not defined in this file's [sources]",
                        q.source
                    ),
                ));
            }
            for (field, value) in [
                ("explanation", &q.explanation),
                ("edition", &q.edition),
                ("ref", &q.reference),
            ] {
                if value.trim().is_empty() {
                    problems.push(here("id", format!("question `{id}` has no `{field}`")));
                }
            }
            if let Some(d) = &q.as_of
                && !is_date(d)
            {
                problems.push(here(
                    "as_of",
                    format!("`{d}` is not a date; write YYYY-MM-DD"),
                ));
            }
            let mut options: Vec<String> =
                q.correct.iter().chain(&q.wrong).map(|o| fold(o)).collect();
            let n = options.len();
            options.sort();
            options.dedup();
            if options.len() != n {
                problems.push(here(
                    "correct",
                    format!("question `{id}` repeats an option"),
                ));
            }
            match q.kind {
                QuestionType::Single if q.correct.len() != 1 => problems.push(here(
                    "correct",
                    format!("single-choice question `{id}` has {} correct options; it needs exactly one", q.correct.len()),
                )),
                QuestionType::Single | QuestionType::Multiple if q.wrong.is_empty() => {
                    problems.push(here("type", format!("question `{id}` has no wrong option")))
                }
                QuestionType::Multiple if q.correct.is_empty() => {
                    problems.push(here("type", format!("question `{id}` has no correct option")))
                }
                QuestionType::TrueFalse if q.answer.is_none() => {
                    problems.push(here("type", format!("true-false question `{id}` has no `answer = true|false`")))
                }
                QuestionType::Short if q.accept.is_empty() => {
                    problems.push(here("type", format!("short-answer question `{id}` accepts nothing; add `accept = [...]`")))
                }
                QuestionType::Ordering if q.steps.len() < 2 => problems.push(here(
                    "steps",
                    format!("ordering question `{id}` has {} step(s); it needs at least two", q.steps.len()),
                )),
                _ => {}
            }
        }
    }
    (problems, count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    const BANK: &str = r#"[bank]
id = "permits"
title = "Permits"

[sources.TXT]
title = "Text of the Convention"

[[question]]
id = "p-1"
type = "single"
prompt = "Which Article covers Appendix II?"
correct = ["Article IV"]
wrong = ["Article III"]
explanation = "Art. IV is about Appendix II."
source = "TXT"
ref = "Art. IV"
edition = "1983"
"#;

    fn check(text: &str) -> Vec<String> {
        let file = SourceFile {
            path: PathBuf::from("b.toml"),
            text: text.to_string(),
        };
        check_banks(&[file])
            .0
            .iter()
            .map(|p| p.to_string())
            .collect()
    }

    #[test]
    fn a_good_bank_passes() {
        assert_eq!(check(BANK), Vec::<String>::new());
    }

    #[test]
    fn duplicate_ids_are_reported_with_their_lines() {
        let text = format!("{BANK}\n{}", &BANK[BANK.find("[[question]]").unwrap()..]);
        let problems = check(&text);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with(
                "b.toml:20:1: duplicate question id `p-1`; it is already used at b.toml:8"
            ),
            "{problems:?}"
        );
    }

    #[test]
    fn missing_correct_option_source_and_short_ordering_are_reported() {
        let no_correct = BANK.replace("correct = [\"Article IV\"]\n", "");
        assert!(check(&no_correct)[0].contains("has 0 correct options"));
        let no_source = BANK.replace("source = \"TXT\"\n", "");
        assert!(check(&no_source)[0].contains("names no source"));
        let ordering = BANK
            .replace(
                "type = \"single\"",
                "type = \"ordering\"\nsteps = [\"only one\"]",
            )
            .replace(
                "correct = [\"Article IV\"]\nwrong = [\"Article III\"]\n",
                "",
            );
        let problems = check(&ordering);
        assert!(problems[0].contains("has 1 step(s)"), "{problems:?}");
        assert!(
            problems[0].starts_with("b.toml:11:1:"),
            "points at the steps: {problems:?}"
        );
    }
}
