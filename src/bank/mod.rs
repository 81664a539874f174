//! Question banks on the Convention and on enforcement (`quizzes/*.toml`): every question
//! names its source, the edition of the text it reflects and an explanation.

pub mod gift;
pub mod grade;
pub mod validate;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuestionType {
    Single,
    Multiple,
    TrueFalse,
    Short,
    Ordering,
}

impl QuestionType {
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionType::Single => "single",
            QuestionType::Multiple => "multiple",
            QuestionType::TrueFalse => "true-false",
            QuestionType::Short => "short",
            QuestionType::Ordering => "ordering",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BankInfo {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BankSource {
    pub title: String,
    #[serde(default)]
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BankQuestion {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    #[serde(rename = "type")]
    pub kind: QuestionType,
    pub prompt: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub correct: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wrong: Vec<String>,
    /// For true-false questions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<bool>,
    /// For short answers: accepted answers, the first canonical.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accept: Vec<String>,
    /// For ordering questions: the steps in the right order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<String>,
    #[serde(default)]
    pub explanation: String,
    #[serde(default)]
    pub source: String,
    #[serde(default, rename = "ref")]
    pub reference: String,
    #[serde(default)]
    pub edition: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub keep_order: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BankFile {
    bank: BankInfo,
    #[serde(default)]
    sources: BTreeMap<String, BankSource>,
    #[serde(default)]
    question: Vec<toml::Spanned<BankQuestion>>,
}

/// One bank as read, with where each question sits in its file.
#[derive(Debug, Clone)]
pub struct Bank {
    pub info: BankInfo,
    pub sources: BTreeMap<String, BankSource>,
    pub questions: Vec<(Range<usize>, BankQuestion)>,
}

impl BankQuestion {
    /// The topic: the question's own or its bank's id.
    pub fn topic<'a>(&'a self, bank: &'a Bank) -> &'a str {
        self.topic.as_deref().unwrap_or(&bank.info.id)
    }
}

impl Bank {
    /// "Convention text, Art. IV.2 (edition ...)" for a question.
    pub fn citation(&self, q: &BankQuestion) -> String {
        let title = self
            .sources
            .get(&q.source)
            .map_or(q.source.as_str(), |s| s.title.as_str());
        let mut out = title.to_string();
        if !q.reference.is_empty() {
            out.push_str(&format!(", {}", q.reference));
        }
        if !q.edition.is_empty() {
            out.push_str(&format!(" [{}]", q.edition));
        }
        if let Some(d) = &q.as_of {
            out.push_str(&format!(" (as of {d})"));
        }
        out
    }
}

pub fn parse_bank(text: &str) -> Result<Bank, toml::de::Error> {
    let file: BankFile = toml::from_str(text)?;
    let starts: Vec<usize> = file.question.iter().map(|q| q.span().start).collect();
    let questions = file
        .question
        .into_iter()
        .enumerate()
        .map(|(i, q)| {
            (
                starts[i]..starts.get(i + 1).copied().unwrap_or(text.len()),
                q.into_inner(),
            )
        })
        .collect();
    Ok(Bank {
        info: file.bank,
        sources: file.sources,
        questions,
    })
}
