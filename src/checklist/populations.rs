//! Which populations a listing entry covers, read from its note: "Only the populations of
//! Bhutan, China, Mexico and Mongolia" includes four countries; "All populations except
//! those of BW, NA, ZA, and ZW" excludes four.

use crate::countries;

/// (included, excluded) country codes named by a note.
pub fn read(note: &str) -> (Vec<String>, Vec<String>) {
    let lower = note.to_lowercase();
    if !lower.contains("population") {
        return (Vec::new(), Vec::new());
    }
    let codes: Vec<String> = countries::mentioned(note)
        .into_iter()
        .map(str::to_string)
        .collect();
    if codes.is_empty() {
        return (Vec::new(), Vec::new());
    }
    // "except" before the first country named turns the list into exclusions.
    let first_country = first_mention(note, &codes);
    let except = lower.find("except").is_some_and(|e| e < first_country);
    if except {
        (Vec::new(), codes)
    } else {
        (codes, Vec::new())
    }
}

fn first_mention(note: &str, codes: &[String]) -> usize {
    let lower = note.to_lowercase();
    codes
        .iter()
        .filter_map(|c| {
            let by_code = note.find(c.as_str());
            let by_name = countries::name(c)
                .map(|n| {
                    n.split([',', '('])
                        .next()
                        .unwrap_or(n)
                        .trim()
                        .to_lowercase()
                })
                .and_then(|n| lower.find(&n));
            match (by_code, by_name) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            }
        })
        .min()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_populations_are_included() {
        let (inc, exc) = read(
            "Only the populations of Bhutan, China, Mexico and Mongolia; all other populations are included in Appendix II.",
        );
        assert_eq!(inc, vec!["BT", "CN", "MX", "MN"]);
        assert!(exc.is_empty());
    }

    #[test]
    fn except_populations_are_excluded() {
        let (inc, exc) = read("All populations except those of BW, NA, ZA, and ZW.");
        assert!(inc.is_empty());
        assert_eq!(exc, vec!["BW", "NA", "ZA", "ZW"]);
        let (inc, exc) = read(
            "Except the populations of Australia, Indonesia, Malaysia [wild harvest restricted to the State of Sarawak] and Papua New Guinea, which are included in Appendix II.",
        );
        assert!(inc.is_empty());
        assert_eq!(exc, vec!["AU", "ID", "MY", "PG"]);
    }

    #[test]
    fn notes_without_populations_name_none() {
        assert_eq!(read("Included in Felidae spp."), (vec![], vec![]));
    }
}
