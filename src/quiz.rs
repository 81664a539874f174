//! Quiz selection and permit scenarios. A quiz mixes bank questions (filtered by bank and
//! topic, in seeded random order) with scenario questions that the permit rules answer for
//! real species of the catalog, so there is no end to them and they always agree with the
//! listings. Pure.

use crate::bank::grade::{Prepared, prepare};
use crate::bank::{Bank, QuestionType};
use crate::catalog::model::Appendix;
use crate::countries;
use crate::drill::Items;
use crate::drill::generate::{below, shuffle};
use crate::permits::{Case, Trade, rule};
use rand::Rng;

/// The countries of the region the trainer is used in, as importing States in scenarios.
const REGION: [&str; 8] = ["KH", "LA", "MY", "PH", "LK", "TH", "VN", "CN"];

const CONVENTION: &str = "Text of the Convention (as amended at Bonn 1979 and Gaborone 1983)";

/// Bank questions matching the filters, as (bank, question) indexes, in seeded random order.
pub fn pick(banks: &[Bank], topic: Option<&str>, rng: &mut impl Rng) -> Vec<(usize, usize)> {
    let mut all: Vec<(usize, usize)> = banks
        .iter()
        .enumerate()
        .flat_map(|(b, bank)| {
            bank.questions
                .iter()
                .enumerate()
                .filter(move |(_, (_, q))| topic.is_none_or(|t| q.topic(bank) == t))
                .map(move |(i, _)| (b, i))
        })
        .collect();
    shuffle(&mut all, rng);
    all
}

/// Every topic of the banks, sorted.
pub fn topics(banks: &[Bank]) -> Vec<String> {
    let mut t: Vec<String> = banks
        .iter()
        .flat_map(|b| b.questions.iter().map(move |(_, q)| q.topic(b).to_string()))
        .collect();
    t.sort();
    t.dedup();
    t
}

fn country(code: &str) -> String {
    countries::name(code).unwrap_or(code).to_string()
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// A permit scenario about one of the drill items: a species, its population's Appendix, a
/// source and purpose code, a direction of trade; the question is which documents are needed.
pub fn scenario(items: &Items, rng: &mut impl Rng) -> Option<Prepared> {
    if items.is_empty() {
        return None;
    }
    for _ in 0..20 {
        let at = below(rng, items.len());
        let item = items.get(at)?;
        let plant = item.taxon.taxonomy.kingdom == "Plantae";
        // The exporting State: one of the species' range States named in the catalog.
        let range: Vec<&String> = item
            .taxon
            .distribution
            .iter()
            .filter(|c| countries::is_code(c))
            .collect();
        if range.is_empty() {
            continue;
        }
        let from = range[below(rng, range.len())].clone();
        let appendix = if item.taxon.appendix.contains('/') {
            match item.appendix_for(&from) {
                Some(a) => a,
                None => continue,
            }
        } else {
            match Appendix::parse(&item.taxon.appendix) {
                Some(a) => a,
                None => continue,
            }
        };
        let sources: &[char] = match (plant, appendix) {
            (true, Appendix::I) => &['W', 'A', 'D'],
            (true, _) => &['W', 'A'],
            (false, Appendix::I) => &['W', 'C', 'D', 'F'],
            (false, _) => &['W', 'C', 'F', 'R'],
        };
        let source = sources[below(rng, sources.len())];
        let purpose = ['T', 'T', 'P', 'S', 'Z', 'Q'][below(rng, 6)];
        let trade = [Trade::Import, Trade::Import, Trade::Export, Trade::ReExport][below(rng, 4)];
        let mut to: Vec<&str> = REGION.iter().copied().filter(|c| *c != from).collect();
        shuffle(&mut to, rng);
        let to = to[0];
        let listing = item.listings.iter().find(|l| l.appendix == appendix);
        let party = listing.and_then(|l| l.party.clone());
        let mut case = Case::new(appendix, source, purpose, trade);
        case.plant = plant;
        case.listing_state = party.as_deref().is_none_or(|p| p == from);
        case.personal_effect = purpose == 'P' && below(rng, 2) == 0;
        let ruling = rule(&case);

        let form = item
            .card
            .trade_forms
            .first()
            .map_or("specimens", String::as_str);
        let what = if case.personal_effect {
            "carried as a personal effect"
        } else {
            "in a shipment"
        };
        let journey = match trade {
            Trade::ReExport => format!(
                "re-exported from {} to {}, first exported from {}",
                country(to),
                country(&from),
                country(&from)
            ),
            _ => format!("from {} to {}", country(&from), country(to)),
        };
        let question = match trade {
            Trade::Import => "What must the importing Party see before it lets the shipment in?",
            Trade::Export => "Which documents must the exporting Party have granted?",
            Trade::ReExport => "Which documents does the re-export need?",
            Trade::IntroductionFromSea => "Which document is needed?",
        };
        let common = item
            .card
            .common_names
            .first()
            .map(|c| format!(" ({c})"))
            .unwrap_or_default();
        let subject = match form {
            "live" => format!("Live {}{common}", item.taxon.name),
            "specimens" => format!("Specimens of {}{common}", item.taxon.name),
            f => format!("{} of {}{common}", capitalise(f), item.taxon.name),
        };
        let prompt = format!(
            "{subject}, {what}: {journey}. Source code {source}, purpose code {purpose}; the population is in {}.\n{question}",
            crate::drill::item::appendix_label(appendix.as_str())
                .replace("Appendix NC", "no Appendix"),
        );
        // Wrong answers: what the rules would say for the other Appendices and trades.
        let mut wrong: Vec<String> = Vec::new();
        let right = capitalise(&ruling.documents_in_words());
        for other in [Appendix::I, Appendix::II, Appendix::III, Appendix::NC] {
            for t in Trade::ALL {
                let mut c = case.clone();
                c.appendix = other;
                c.trade = t;
                c.personal_effect = false;
                let w = capitalise(&rule(&c).documents_in_words());
                if w != right && !wrong.contains(&w) {
                    wrong.push(w);
                }
            }
        }
        for w in ["An import permit only", "A certificate of origin"] {
            if w != right && !wrong.iter().any(|x| x.eq_ignore_ascii_case(w)) {
                wrong.push(w.to_string());
            }
        }
        shuffle(&mut wrong, rng);
        wrong.truncate(3);
        let mut options: Vec<(String, bool)> = vec![(right.clone(), true)];
        options.extend(wrong.into_iter().map(|w| (w, false)));
        shuffle(&mut options, rng);
        let correct = vec![options.iter().position(|(_, r)| *r)?];
        let basis = ruling.basis.join("; ");
        return Some(Prepared {
            id: format!(
                "scenario:{}:{}:{source}{purpose}:{}",
                item.head.card_id,
                appendix.as_str(),
                trade.to_string().replace(' ', "-")
            ),
            topic: "scenarios".into(),
            kind: QuestionType::Single,
            prompt,
            options: options.into_iter().map(|(o, _)| o).collect(),
            correct,
            order: vec![],
            accept: vec![],
            explanation: ruling.reasons.join(" "),
            citation: format!(
                "{CONVENTION}, {basis}; listing: {} as of {} ({})",
                crate::drill::item::appendix_label(&item.taxon.appendix),
                item.as_of,
                item.source_title
            ),
        });
    }
    None
}

/// A quiz: up to `count` questions, the bank questions chosen by `pick` (the schedule's due
/// questions first) and `scenarios` permit scenarios spread among them.
#[allow(clippy::too_many_arguments)]
pub fn build(
    banks: &[Bank],
    items: &Items,
    topic: Option<&str>,
    count: usize,
    scenarios: usize,
    due: &std::collections::HashMap<String, i64>,
    now: i64,
    rng: &mut impl Rng,
) -> Vec<Prepared> {
    let only_scenarios = topic == Some("scenarios");
    let mut picked = if only_scenarios {
        vec![]
    } else {
        pick(banks, topic, rng)
    };
    // Due questions first (most overdue first), then new ones, then those not yet due.
    picked.sort_by_key(|&(b, i)| {
        match due.get(&format!("question:{}", banks[b].questions[i].1.id)) {
            Some(&d) if d <= now => (0, d),
            None => (1, 0),
            Some(&d) => (2, d),
        }
    });
    let n_scen = if only_scenarios {
        count
    } else {
        scenarios.min(count)
    };
    let mut out: Vec<Prepared> = picked
        .into_iter()
        .take(count - n_scen)
        .map(|(b, i)| prepare(&banks[b], &banks[b].questions[i].1, rng))
        .collect();
    for _ in 0..n_scen {
        if let Some(s) = scenario(items, rng) {
            let at = below(rng, out.len() + 1);
            out.insert(at, s);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drill::testkit;
    use rand::SeedableRng;
    use rand::rngs::ChaCha8Rng;

    #[test]
    fn scenarios_agree_with_the_catalog_and_the_rules() {
        let catalog = testkit::catalog();
        let items = testkit::items(&catalog);
        let mut seen_split = false;
        for seed in 0..100 {
            let mut rng = ChaCha8Rng::seed_from_u64(seed);
            let Some(q) = scenario(&items, &mut rng) else {
                continue;
            };
            assert_eq!(q.correct.len(), 1);
            let mut opts = q.options.clone();
            opts.sort();
            opts.dedup();
            assert_eq!(opts.len(), q.options.len(), "no repeated option: {q:?}");
            assert!(
                q.citation.contains("Text of the Convention")
                    && q.citation.contains("as of 2023-07-01")
            );
            if q.prompt.contains("Crocodylus porosus") {
                seen_split = true;
                // The population decides: Australia and Papua New Guinea are in Appendix II.
                let from_ii = q.prompt.contains("from Australia")
                    || q.prompt.contains("from Papua New Guinea");
                assert_eq!(
                    q.prompt.contains("is in Appendix II"),
                    from_ii,
                    "{}",
                    q.prompt
                );
            }
        }
        assert!(seen_split, "the split-listed crocodile came up");
    }
}
