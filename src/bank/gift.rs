//! Moodle's GIFT format, to and from our banks. GIFT carries single choice, multiple answer
//! (weights), true-false and short answer; it has no ordering type and no place for our
//! source, reference and edition, so those travel in a `// cites-trainer:` comment that
//! Moodle ignores and `bank import` reads back. Pure: text in, text out.

use super::{Bank, BankInfo, BankQuestion, BankSource, QuestionType};
use serde::Serialize;
use std::collections::BTreeMap;

const META: &str = "// cites-trainer:";
const SOURCE: &str = "// cites-trainer source";

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '~' | '=' | '#' | '{' | '}' | ':') {
            out.push('\\');
        }
        if c == '\n' {
            out.push_str("\\n");
            continue;
        }
        out.push(c);
    }
    out
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some(n) => out.push(n),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out.trim().to_string()
}

/// Moodle accepts only these answer weights; 100/n is written with five decimals.
fn weight(n: usize) -> String {
    let w = 100.0 / n as f64;
    let s = format!("{w:.5}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Writes a bank as GIFT. Returns the text and one message per question GIFT cannot carry.
pub fn export(bank: &Bank) -> (String, Vec<String>) {
    let mut out = format!(
        "// {} (exported by cites-trainer)\n$CATEGORY: {}\n\n",
        bank.info.title, bank.info.id
    );
    for (key, s) in &bank.sources {
        out.push_str(&format!(
            "{SOURCE} {key}: {} | {}\n",
            s.title.replace('\n', " "),
            s.url
        ));
    }
    out.push('\n');
    let mut skipped = Vec::new();
    for (_, q) in &bank.questions {
        let answers = match q.kind {
            QuestionType::Single => {
                let mut a: Vec<String> = q
                    .correct
                    .iter()
                    .map(|o| format!("={}", escape(o)))
                    .collect();
                a.extend(q.wrong.iter().map(|o| format!("~{}", escape(o))));
                a
            }
            QuestionType::Multiple => {
                let mut a: Vec<String> = q
                    .correct
                    .iter()
                    .map(|o| format!("~%{}%{}", weight(q.correct.len()), escape(o)))
                    .collect();
                a.extend(q.wrong.iter().map(|o| format!("~%-100%{}", escape(o))));
                a
            }
            QuestionType::TrueFalse => vec![if q.answer == Some(true) {
                "T".into()
            } else {
                "F".into()
            }],
            QuestionType::Short => q.accept.iter().map(|o| format!("={}", escape(o))).collect(),
            QuestionType::Ordering => {
                skipped.push(format!(
                    "{}: an ordering question; GIFT has no ordering type, so it was left out",
                    q.id
                ));
                continue;
            }
        };
        let mut meta = vec![
            format!("source={}", q.source),
            format!("ref={}", q.reference),
            format!("edition={}", q.edition),
        ];
        if let Some(t) = &q.topic {
            meta.push(format!("topic={t}"));
        }
        if let Some(d) = &q.as_of {
            meta.push(format!("as_of={d}"));
        }
        if q.keep_order {
            meta.push("keep_order=true".into());
        }
        out.push_str(&format!("{META} {}\n", meta.join("; ").replace('\n', " ")));
        out.push_str(&format!("::{}::{} {{\n", escape(&q.id), escape(&q.prompt)));
        for a in answers {
            out.push_str(&format!("\t{a}\n"));
        }
        if !q.explanation.is_empty() {
            out.push_str(&format!("\t####{}\n", escape(&q.explanation)));
        }
        out.push_str("}\n\n");
    }
    (out, skipped)
}

/// What reading a GIFT file gave: the bank and a message per question left out or lacking.
pub struct Imported {
    pub bank: Bank,
    pub messages: Vec<String>,
}

/// Splits an answer block into its parts at unescaped `=` and `~`, and the general feedback.
fn answer_parts(block: &str) -> (Vec<(char, String)>, String) {
    let (body, feedback) = match find_unescaped(block, "####") {
        Some(i) => (&block[..i], unescape(&block[i + 4..])),
        None => (block, String::new()),
    };
    let mut parts: Vec<(char, String)> = Vec::new();
    let mut current: Option<(char, String)> = None;
    let mut chars = body.chars().peekable();
    let mut text = String::new();
    while let Some(c) = chars.next() {
        if c == '\\' {
            text.push(c);
            if let Some(n) = chars.next() {
                text.push(n);
            }
            continue;
        }
        if c == '=' || c == '~' {
            if let Some((k, _)) = current.take() {
                parts.push((k, std::mem::take(&mut text)));
            } else if !text.trim().is_empty() {
                parts.push(('?', std::mem::take(&mut text)));
            }
            text.clear();
            current = Some((c, String::new()));
            continue;
        }
        text.push(c);
    }
    match current {
        Some((k, _)) => parts.push((k, text)),
        None if !text.trim().is_empty() => parts.push(('?', text)),
        None => {}
    }
    // Per-answer feedback ("#...") is not kept.
    let parts = parts
        .into_iter()
        .map(|(k, t)| {
            let t = match find_unescaped(&t, "#") {
                Some(i) => t[..i].to_string(),
                None => t,
            };
            (k, t)
        })
        .collect();
    (parts, feedback)
}

fn find_unescaped(text: &str, needle: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = text[from..].find(needle) {
        let at = from + i;
        let backslashes = text[..at].chars().rev().take_while(|&c| c == '\\').count();
        if backslashes % 2 == 0 {
            return Some(at);
        }
        from = at + needle.len();
    }
    None
}

/// Reads GIFT text into a bank named `id`.
pub fn import(text: &str, id: &str, title: &str) -> Imported {
    let mut sources = BTreeMap::new();
    let mut questions = Vec::new();
    let mut messages = Vec::new();
    let mut meta: BTreeMap<String, String> = BTreeMap::new();
    let mut chunk = String::new();
    let mut chunk_line = 0;
    let lines: Vec<&str> = text.lines().collect();
    let flush = |chunk: &mut String,
                 line: usize,
                 meta: &mut BTreeMap<String, String>,
                 questions: &mut Vec<BankQuestion>,
                 messages: &mut Vec<String>| {
        if chunk.trim().is_empty() {
            return;
        }
        match parse_question(chunk, questions.len(), meta) {
            Ok(q) => {
                if q.source.is_empty() {
                    messages.push(format!(
                        "line {line}: question `{}` has no source; add `source` and `ref` before using the bank",
                        q.id
                    ));
                }
                questions.push(q);
            }
            Err(why) => messages.push(format!("line {line}: {why}; left out")),
        }
        chunk.clear();
        meta.clear();
    };
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if let Some(rest) = trimmed.strip_prefix(SOURCE) {
            if let Some((key, value)) = rest.split_once(':') {
                let (title, url) = value.split_once(" | ").unwrap_or((value, ""));
                sources.insert(
                    key.trim().to_string(),
                    BankSource {
                        title: title.trim().to_string(),
                        url: url.trim().to_string(),
                    },
                );
            }
            continue;
        }
        if let Some(rest) = trimmed.strip_prefix(META) {
            for pair in rest.split("; ") {
                if let Some((k, v)) = pair.split_once('=') {
                    meta.insert(k.trim().to_string(), v.trim().to_string());
                }
            }
            continue;
        }
        if trimmed.starts_with("//") || trimmed.starts_with("$CATEGORY") {
            continue;
        }
        if trimmed.is_empty() {
            if chunk.contains('}') || !chunk.contains('{') {
                flush(
                    &mut chunk,
                    chunk_line,
                    &mut meta,
                    &mut questions,
                    &mut messages,
                );
            }
            continue;
        }
        if chunk.is_empty() {
            chunk_line = i + 1;
        }
        chunk.push_str(line);
        chunk.push('\n');
    }
    flush(
        &mut chunk,
        chunk_line,
        &mut meta,
        &mut questions,
        &mut messages,
    );
    let bank = Bank {
        info: BankInfo {
            id: id.to_string(),
            title: title.to_string(),
        },
        sources,
        questions: questions.into_iter().map(|q| (0..0, q)).collect(),
    };
    Imported { bank, messages }
}

fn parse_question(
    chunk: &str,
    n: usize,
    meta: &BTreeMap<String, String>,
) -> Result<BankQuestion, String> {
    let open = find_unescaped(chunk, "{").ok_or("no answer block `{...}`")?;
    let close = find_unescaped(&chunk[open..], "}")
        .map(|c| open + c)
        .ok_or("the answer block is not closed with `}`")?;
    let head = chunk[..open].trim();
    let block = &chunk[open + 1..close];
    let (id, prompt) = match head
        .strip_prefix("::")
        .and_then(|h| find_unescaped(h, "::").map(|e| (h, e)))
    {
        Some((h, e)) => (unescape(&h[..e]), unescape(&h[e + 2..])),
        None => (format!("gift-{:03}", n + 1), unescape(head)),
    };
    if block.contains("->") {
        return Err(format!(
            "question `{id}` is a matching question, which cites-trainer does not support"
        ));
    }
    if block.trim_start().starts_with('#') && !block.trim_start().starts_with("####") {
        return Err(format!(
            "question `{id}` is a numerical question, which cites-trainer does not support"
        ));
    }
    let (parts, explanation) = answer_parts(block);
    let mut q = BankQuestion {
        id,
        topic: meta.get("topic").cloned(),
        kind: QuestionType::Single,
        prompt,
        correct: vec![],
        wrong: vec![],
        answer: None,
        accept: vec![],
        steps: vec![],
        explanation,
        source: meta.get("source").cloned().unwrap_or_default(),
        reference: meta.get("ref").cloned().unwrap_or_default(),
        edition: meta.get("edition").cloned().unwrap_or_default(),
        as_of: meta.get("as_of").cloned(),
        keep_order: meta.get("keep_order").is_some_and(|v| v == "true"),
    };
    if parts.is_empty() {
        return Err(format!(
            "question `{}` is an essay or description, which cites-trainer does not support",
            q.id
        ));
    }
    if let [('?', t)] = parts.as_slice() {
        let t = unescape(t).to_uppercase();
        q.kind = QuestionType::TrueFalse;
        q.answer = match t.as_str() {
            "T" | "TRUE" => Some(true),
            "F" | "FALSE" => Some(false),
            _ => {
                return Err(format!(
                    "question `{}`: `{t}` is not an answer GIFT knows",
                    q.id
                ));
            }
        };
        return Ok(q);
    }
    let weighted = parts.iter().any(|(_, t)| t.trim_start().starts_with('%'));
    if weighted {
        q.kind = QuestionType::Multiple;
        for (_, t) in &parts {
            let t = t.trim_start();
            let (w, text) = match t.strip_prefix('%').and_then(|r| r.split_once('%')) {
                Some((w, text)) => (w.parse::<f64>().unwrap_or(0.0), text),
                None => (0.0, t),
            };
            if w > 0.0 {
                q.correct.push(unescape(text));
            } else {
                q.wrong.push(unescape(text));
            }
        }
        return Ok(q);
    }
    let right: Vec<String> = parts
        .iter()
        .filter(|(k, _)| *k == '=')
        .map(|(_, t)| unescape(t))
        .collect();
    let wrong: Vec<String> = parts
        .iter()
        .filter(|(k, _)| *k == '~')
        .map(|(_, t)| unescape(t))
        .collect();
    if wrong.is_empty() {
        q.kind = QuestionType::Short;
        q.accept = right;
    } else {
        q.kind = QuestionType::Single;
        q.correct = right;
        q.wrong = wrong;
    }
    Ok(q)
}

#[derive(Serialize)]
struct BankOut<'a> {
    bank: &'a BankInfo,
    sources: &'a BTreeMap<String, BankSource>,
    question: Vec<&'a BankQuestion>,
}

/// A bank as TOML, in the layout of `quizzes/*.toml`.
pub fn to_toml(bank: &Bank) -> Result<String, String> {
    let out = BankOut {
        bank: &bank.info,
        sources: &bank.sources,
        question: bank.questions.iter().map(|(_, q)| q).collect(),
    };
    toml::to_string_pretty(&out).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::parse_bank;

    const BANK: &str = r#"[bank]
id = "codes"
title = "Codes"

[sources.DB]
title = "CITES Trade Database guide: source codes"
url = "https://example.org/guide"

[[question]]
id = "codes-001"
type = "single"
prompt = "Which source code means 'taken from the wild'?"
correct = ["W"]
wrong = ["C", "D", "R {ranched}"]
explanation = "W is for wild-taken specimens: see the guide's table."
source = "DB"
ref = "Table 1"
edition = "Res. Conf. 12.3 (Rev. CoP17)"

[[question]]
id = "codes-002"
type = "multiple"
prompt = "Which codes are for captive breeding?"
correct = ["C", "D", "F"]
wrong = ["W"]
explanation = "C, D and F."
source = "DB"
ref = "Table 1"
edition = "Res. Conf. 12.3 (Rev. CoP17)"
topic = "source-codes"

[[question]]
id = "codes-003"
type = "true-false"
prompt = "Purpose code T means commercial trade."
answer = true
explanation = "T = commercial."
source = "DB"
ref = "Table 2"
edition = "Res. Conf. 12.3 (Rev. CoP17)"
as_of = "2019-03-20"

[[question]]
id = "codes-004"
type = "short"
prompt = "Which code marks ranched specimens?"
accept = ["R", "ranched"]
explanation = "R."
source = "DB"
ref = "Table 1"
edition = "Res. Conf. 12.3 (Rev. CoP17)"

[[question]]
id = "codes-005"
type = "ordering"
prompt = "Order"
steps = ["a", "b"]
explanation = "e"
source = "DB"
ref = "r"
edition = "x"
"#;

    #[test]
    fn round_trip_keeps_every_type_gift_supports() {
        let bank = parse_bank(BANK).unwrap();
        let (gift, skipped) = export(&bank);
        assert_eq!(skipped.len(), 1);
        assert!(
            skipped[0].contains("codes-005") && skipped[0].contains("GIFT has no ordering type")
        );
        assert!(gift.contains("~%33.33333%C"), "{gift}");
        assert!(gift.contains("~R \\{ranched\\}"), "{gift}");
        let back = import(&gift, "codes", "Codes");
        assert!(back.messages.is_empty(), "{:?}", back.messages);
        assert_eq!(back.bank.sources, bank.sources);
        let original: Vec<&BankQuestion> = bank.questions.iter().map(|(_, q)| q).take(4).collect();
        let read: Vec<&BankQuestion> = back.bank.questions.iter().map(|(_, q)| q).collect();
        assert_eq!(read, original);
    }

    #[test]
    fn moodle_questions_without_our_metadata_are_read_and_flagged() {
        let gift = "// from Moodle\n::Q1:: Which Appendix lists species threatened with extinction? {\n=Appendix I\n~Appendix II\n~Appendix III\n}\n\nIs the Secretariat in Geneva? {TRUE}\n\n::M:: Match {=a -> 1 =b -> 2}\n";
        let back = import(gift, "moodle", "From Moodle");
        let qs: Vec<&BankQuestion> = back.bank.questions.iter().map(|(_, q)| q).collect();
        assert_eq!(qs.len(), 2);
        assert_eq!(qs[0].kind, QuestionType::Single);
        assert_eq!(qs[0].correct, vec!["Appendix I"]);
        assert_eq!(qs[1].kind, QuestionType::TrueFalse);
        assert_eq!(qs[1].id, "gift-002");
        assert!(
            back.messages
                .iter()
                .any(|m| m.contains("matching question")),
            "{:?}",
            back.messages
        );
        assert!(
            back.messages
                .iter()
                .any(|m| m.contains("`Q1` has no source")),
            "{:?}",
            back.messages
        );
    }

    #[test]
    fn imported_banks_write_as_toml_that_reads_back() {
        let bank = parse_bank(BANK).unwrap();
        let text = to_toml(&bank).unwrap();
        let again = parse_bank(&text).unwrap();
        assert_eq!(again.questions.len(), 5);
        assert_eq!(again.questions[1].1, bank.questions[1].1);
    }
}
