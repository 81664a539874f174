//! Country and territory codes as CITES uses them (ISO 3166 alpha-2 plus a few of its own),
//! from the table kept in `data/sources/country-codes.tsv`.
//!
//! Used to turn the populations named in annotations ("Only the populations of Bhutan,
//! China, Mexico and Mongolia") into codes, and codes back into names for display.

use crate::catalog::normalize::fold;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../data/sources/country-codes.tsv");

struct Country {
    code: &'static str,
    name: &'static str,
    /// Folded names to look for in text: the full name and its short forms.
    patterns: Vec<String>,
}

fn countries() -> &'static [Country] {
    static LIST: OnceLock<Vec<Country>> = OnceLock::new();
    LIST.get_or_init(|| {
        TABLE
            .lines()
            .skip(1)
            .filter_map(|line| {
                let mut cols = line.split('\t');
                let name = cols.next()?.trim();
                let code = cols.next()?.trim().trim_matches('"');
                let _former = cols.next();
                let non_iso = cols.next()? == "TRUE";
                if code.len() != 2 || non_iso {
                    return None;
                }
                let mut patterns = vec![fold(name)];
                // "Iran, Islamic Republic of" is written "Iran (Islamic Republic of)" or "Iran".
                if let Some((short, _)) = name.split_once(',') {
                    patterns.push(fold(short));
                }
                if let Some((short, _)) = name.split_once('(') {
                    patterns.push(fold(short));
                }
                if name == "Viet Nam" {
                    patterns.push("vietnam".into());
                }
                if name.starts_with("Tanzania") {
                    patterns.push("united republic of tanzania".into());
                }
                patterns.retain(|p| p.len() >= 4);
                Some(Country {
                    code,
                    name,
                    patterns,
                })
            })
            .collect()
    })
}

/// The name of a country code, or None when the code is unknown.
pub fn name(code: &str) -> Option<&'static str> {
    countries().iter().find(|c| c.code == code).map(|c| c.name)
}

/// Whether `code` is a known country code.
pub fn is_code(code: &str) -> bool {
    name(code).is_some()
}

/// Country codes named in a text, by name ("Papua New Guinea") or, where the export writes
/// them so, by code ("AU, ID, MY, PG"), in the order they first appear. A name inside a
/// longer one ("Guinea" in "Papua New Guinea") does not count.
pub fn mentioned(text: &str) -> Vec<&'static str> {
    let folded = format!(" {} ", fold(text));
    // (start, end, code) of every name found.
    let mut spans: Vec<(usize, usize, &'static str)> = Vec::new();
    for c in countries() {
        for p in &c.patterns {
            let needle = format!(" {p} ");
            let mut from = 0;
            while let Some(pos) = folded[from..].find(&needle) {
                let start = from + pos;
                spans.push((start, start + needle.len(), c.code));
                from = start + 1;
            }
        }
    }
    let inside_longer = |&(s, e, _): &(usize, usize, &str)| {
        spans
            .iter()
            .any(|&(s2, e2, _)| s2 <= s && e <= e2 && (e2 - s2) > (e - s))
    };
    let mut found: Vec<(usize, &'static str)> = spans
        .iter()
        .filter(|span| !inside_longer(span))
        .map(|&(s, _, code)| (s, code))
        .collect();
    // Codes written as whole upper-case words: position them after all names, in text order.
    let mut pos = folded.len();
    for word in text.split(|ch: char| !ch.is_ascii_alphabetic()) {
        if word.len() == 2
            && word.chars().all(|ch| ch.is_ascii_uppercase())
            && let Some(c) = countries().iter().find(|c| c.code == word)
        {
            found.push((pos, c.code));
            pos += 1;
        }
    }
    found.sort();
    let mut codes: Vec<&'static str> = Vec::new();
    for (_, code) in found {
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    codes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_countries_by_name_and_code() {
        assert_eq!(
            mentioned("Only the populations of Bhutan, China, Mexico and Mongolia"),
            vec!["BT", "CN", "MX", "MN"]
        );
        assert_eq!(
            mentioned("Population of AU, ID, MY, PG."),
            vec!["AU", "ID", "MY", "PG"]
        );
        assert_eq!(mentioned("the population of Papua New Guinea"), vec!["PG"]);
        assert_eq!(name("VN"), Some("Viet Nam"));
        assert_eq!(name("ZZ"), None);
    }
}
