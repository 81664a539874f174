//! Which questions the schedule asks for first: pairs the officer confuses, then items due,
//! most overdue first, then new items up to the day's limit. Pure.

use super::generate::{Planned, Settings, eligible, item_key, shuffle};
use super::item::Items;
use super::question::Kind;
use crate::schedule::ItemState;
use rand::Rng;
use std::collections::HashMap;

/// What the store knows of an officer, for planning.
pub struct History<'a> {
    pub states: &'a HashMap<String, ItemState>,
    /// (subject, taken for) pairs not yet told apart, the most frequent first.
    pub confusions: &'a [(String, String, i64)],
    /// New items already introduced today.
    pub new_today: usize,
}

pub fn plan(
    items: &Items,
    settings: &Settings,
    history: &History,
    now: i64,
    new_limit: usize,
    rng: &mut impl Rng,
) -> Vec<Planned> {
    let pool = eligible(items, settings);
    let mut out: Vec<Planned> = Vec::new();
    if settings.kinds.contains(&Kind::Pair) || settings.kinds.len() > 1 {
        for (subject, other, _) in history.confusions {
            if let Some(&at) = pool.iter().find(|&&i| items.heads[i].name == *subject) {
                out.push(Planned::Pair(at, other.clone()));
            }
        }
    }
    let mut due: Vec<(i64, usize, Kind)> = Vec::new();
    let mut new: Vec<(usize, Kind)> = Vec::new();
    for &at in &pool {
        for &kind in &settings.kinds {
            match history
                .states
                .get(&item_key(&items.heads[at].card_id, kind))
            {
                Some(s) if s.due <= now => due.push((s.due, at, kind)),
                Some(_) => {}
                None => new.push((at, kind)),
            }
        }
    }
    due.sort_by_key(|&(d, at, kind)| (d, at, kind));
    out.extend(due.into_iter().map(|(_, at, kind)| Planned::Item(at, kind)));
    shuffle(&mut new, rng);
    let allowance = new_limit.saturating_sub(history.new_today);
    out.extend(
        new.into_iter()
            .take(allowance)
            .map(|(at, kind)| Planned::Item(at, kind)),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drill::testkit;
    use rand::SeedableRng;
    use rand::rngs::ChaCha8Rng;

    fn state(due: i64) -> ItemState {
        ItemState {
            stability: 2.0,
            difficulty: 5.0,
            last: 0,
            due,
            reps: 1,
            lapses: 0,
        }
    }

    #[test]
    fn confused_pairs_then_due_items_then_new_ones_up_to_the_limit() {
        let catalog = testkit::catalog();
        let items = testkit::items(&catalog);
        let settings = Settings {
            kinds: vec![Kind::Identify, Kind::Appendix],
            group: None,
            appendix: None,
            count: 10,
        };
        let at = |id: &str| items.heads.iter().position(|h| h.card_id == id).unwrap();
        let mut states = HashMap::new();
        states.insert("card:sunda:identify".to_string(), state(50));
        states.insert("card:croc:appendix".to_string(), state(20));
        states.insert("card:chinese:identify".to_string(), state(500));
        let confusions = vec![(
            "Manis javanica".to_string(),
            "Manis pentadactyla".to_string(),
            3,
        )];
        let history = History {
            states: &states,
            confusions: &confusions,
            new_today: 1,
        };
        let p = plan(
            &items,
            &settings,
            &history,
            100,
            3,
            &mut ChaCha8Rng::seed_from_u64(1),
        );
        assert_eq!(
            p[0],
            Planned::Pair(at("sunda"), "Manis pentadactyla".into())
        );
        assert_eq!(
            p[1],
            Planned::Item(at("croc"), Kind::Appendix),
            "most overdue first"
        );
        assert_eq!(p[2], Planned::Item(at("sunda"), Kind::Identify));
        assert_eq!(
            p.len(),
            3 + 2,
            "two new items: the limit of three less one already today"
        );
        assert!(
            !p.contains(&Planned::Item(at("chinese"), Kind::Identify)),
            "not yet due"
        );
    }
}
