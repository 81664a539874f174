//! Folding names into search keys: case, accents, punctuation and spacing do not matter,
//! so "Pangolín malayo", "pangolin  malayo" and "PANGOLIN-MALAYO" are the same key.
//!
//! Shared with `build.rs`; pure.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds a name into its search key.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    // Most names are plain ASCII: no decomposition needed, and it is ten times faster.
    let chars: Box<dyn Iterator<Item = char>> = if text.is_ascii() {
        Box::new(text.chars())
    } else {
        Box::new(text.nfd())
    };
    for c in chars {
        if is_combining_mark(c) {
            continue;
        }
        let c = match c {
            'ß' => 's',
            'æ' | 'Æ' => 'a',
            'ø' | 'Ø' => 'o',
            'œ' | 'Œ' => 'o',
            'ł' | 'Ł' => 'l',
            _ => c,
        };
        if c == '\'' || c == '\u{2019}' {
            // "Jerdon's" and "Jerdons" are the same name.
            continue;
        }
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else {
            pending_space = true;
        }
    }
    // "Hippocampus spp." names the genus.
    for suffix in [" spp", " sp"] {
        if let Some(stripped) = out.strip_suffix(suffix) {
            out.truncate(stripped.len());
        }
    }
    out
}

/// The scientific name inside a synonym written with its author:
/// "Crocodilus oopholis Schneider, 1801" gives "Crocodilus oopholis".
pub fn name_without_author(text: &str) -> String {
    let mut words = Vec::new();
    for (i, word) in text.split_whitespace().enumerate() {
        let first = word.chars().next().unwrap_or(' ');
        if i == 0 {
            words.push(word);
            continue;
        }
        let is_epithet =
            first.is_lowercase() && word.chars().all(|c| c.is_alphabetic() || c == '-');
        let is_connector = matches!(word, "var." | "ssp." | "subsp." | "f." | "x" | "×");
        if is_epithet || is_connector {
            words.push(word);
        } else {
            break;
        }
    }
    // Trailing connectors without a following epithet are part of nothing.
    while words
        .last()
        .is_some_and(|w| matches!(*w, "var." | "ssp." | "subsp." | "f." | "x" | "×"))
    {
        words.pop();
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_ignores_case_accents_punctuation_and_spacing() {
        assert_eq!(fold("Pangolín  Malayo"), "pangolin malayo");
        assert_eq!(fold("Jerdon's Palm-Civet"), "jerdons palm civet");
        assert_eq!(fold("  Éléphant d'Afrique "), "elephant dafrique");
        assert_eq!(fold("Hippocampus spp."), "hippocampus");
    }

    #[test]
    fn synonym_authors_are_dropped() {
        assert_eq!(
            name_without_author("Crocodilus oopholis Schneider, 1801"),
            "Crocodilus oopholis"
        );
        assert_eq!(
            name_without_author("Aquilariella malaccense Lamk. (Tiegh)"),
            "Aquilariella malaccense"
        );
        assert_eq!(
            name_without_author("Loxodonta cyclotis (Matschie, 1900)"),
            "Loxodonta cyclotis"
        );
        assert_eq!(
            name_without_author("Cattleya skinneri var. alba Rolfe"),
            "Cattleya skinneri var. alba"
        );
        assert_eq!(name_without_author("Boselaphus picta"), "Boselaphus picta");
    }
}
