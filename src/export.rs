//! The answer log and per-officer summaries as CSV rows (pure, to any `Write`). The csv crate
//! quotes but does not neutralise formulas, so text cells starting with `=`, `+`, `-`, `@`,
//! a tab or a carriage return get a leading `'`; numbers are written as numbers.

use crate::cmd::officer::date;
use crate::store::Answer;
use serde::Serialize;
use std::collections::BTreeMap;

/// A text cell a spreadsheet will show as text.
pub fn cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Summary {
    pub officer: String,
    pub answers: usize,
    pub score: f64,
    pub percent: f64,
    pub first: String,
    pub last: String,
    pub days: usize,
}

#[derive(Serialize)]
pub struct Row {
    officer: String,
    date: String,
    at: i64,
    mode: String,
    item: String,
    kind: String,
    subject: String,
    question: String,
    answer: String,
    correct: bool,
    credit: f64,
    confused_with: String,
    seconds: f64,
    edition: String,
    group: String,
    appendix: String,
    topic: String,
}

pub fn row(officer: &str, a: &Answer) -> Row {
    Row {
        officer: officer.to_string(),
        date: date(a.at),
        at: a.at,
        mode: a.mode.clone(),
        item: a.item.clone(),
        kind: a.kind.clone(),
        subject: a.subject.clone(),
        question: a.prompt.clone(),
        answer: a.given.clone(),
        correct: a.credit >= 1.0,
        credit: a.credit,
        confused_with: a.confused_with.clone().unwrap_or_default(),
        seconds: a.ms as f64 / 1000.0,
        edition: a.edition.clone(),
        group: a.group.clone().unwrap_or_default(),
        appendix: a.appendix.clone().unwrap_or_default(),
        topic: a.topic.clone().unwrap_or_default(),
    }
}

pub fn summaries(answers: &[(String, Answer)]) -> Vec<Summary> {
    let mut by: BTreeMap<&str, Vec<&Answer>> = BTreeMap::new();
    for (o, a) in answers {
        by.entry(o.as_str()).or_default().push(a);
    }
    by.into_iter()
        .map(|(o, list)| {
            let score: f64 = list.iter().map(|a| a.credit).sum();
            let mut days: Vec<i64> = list.iter().map(|a| a.at.div_euclid(86_400)).collect();
            days.sort();
            days.dedup();
            Summary {
                officer: o.to_string(),
                answers: list.len(),
                score,
                percent: 100.0 * score / list.len() as f64,
                first: list.first().map(|a| date(a.at)).unwrap_or_default(),
                last: list.last().map(|a| date(a.at)).unwrap_or_default(),
                days: days.len(),
            }
        })
        .collect()
}

pub fn write_answers_csv(
    answers: &[(String, Answer)],
    out: impl std::io::Write,
) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "officer",
        "date",
        "unix_time",
        "mode",
        "item",
        "kind",
        "subject",
        "question",
        "answer",
        "correct",
        "credit",
        "confused_with",
        "seconds",
        "edition",
        "group",
        "appendix",
        "topic",
    ])?;
    for (o, a) in answers {
        w.write_record([
            cell(o),
            date(a.at),
            a.at.to_string(),
            cell(&a.mode),
            cell(&a.item),
            cell(&a.kind),
            cell(&a.subject),
            cell(&a.prompt),
            cell(&a.given),
            if a.credit >= 1.0 {
                "1".into()
            } else {
                "0".into()
            },
            format!("{}", a.credit),
            cell(a.confused_with.as_deref().unwrap_or("")),
            format!("{:.1}", a.ms as f64 / 1000.0),
            cell(&a.edition),
            cell(a.group.as_deref().unwrap_or("")),
            cell(a.appendix.as_deref().unwrap_or("")),
            cell(a.topic.as_deref().unwrap_or("")),
        ])?;
    }
    w.flush()
}

pub fn write_summary_csv(summary: &[Summary], out: impl std::io::Write) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "officer", "answers", "score", "percent", "first", "last", "days",
    ])?;
    for s in summary {
        w.write_record([
            cell(&s.officer),
            s.answers.to_string(),
            format!("{}", s.score),
            format!("{:.1}", s.percent),
            s.first.clone(),
            s.last.clone(),
            s.days.to_string(),
        ])?;
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_in_text_cells_are_neutralised_numbers_are_not() {
        assert_eq!(
            cell("=HYPERLINK(\"http://x\",\"click\")"),
            "'=HYPERLINK(\"http://x\",\"click\")"
        );
        assert_eq!(cell("+1"), "'+1");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("Somchai"), "Somchai");
        let a = Answer {
            at: 0,
            mode: "drill".into(),
            item: "i".into(),
            kind: "k".into(),
            subject: "s".into(),
            prompt: "p".into(),
            given: "-3".into(),
            credit: 0.5,
            confused_with: None,
            ms: 1500,
            edition: "e".into(),
            group: None,
            appendix: None,
            topic: None,
            session: None,
        };
        let mut out = Vec::new();
        write_answers_csv(&[("=cmd|' /C calc'!A0".into(), a.clone())], &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let line = text.lines().nth(1).unwrap();
        assert!(line.starts_with("'=cmd|"), "{line}");
        assert!(
            line.contains(",'-3,0,0.5,"),
            "a typed answer is text, the credit a number: {line}"
        );
        let mut out = Vec::new();
        write_summary_csv(&summaries(&[("A".into(), a)]), &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap().lines().nth(1).unwrap(),
            "A,1,0.5,50.0,1970-01-01,1970-01-01,1"
        );
    }
}
