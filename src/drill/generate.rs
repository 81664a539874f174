//! Question generation: which items, which kind, which distractors, in which order. Pure and
//! reproducible: the same items, settings and seed always give the same questions and
//! option order (ChaCha8 and a Fisher-Yates shuffle of our own, so a new `rand` release cannot
//! change a class's quiz).

use super::head::{Head, lineage};
use super::item::{Item, Items, appendix_label};
use super::question::{Expected, Kind, Question};
use crate::catalog::index::{Index, KeyKind};
use crate::catalog::lookup::{self, Outcome};
use crate::catalog::model::{Appendix, Rank};
use crate::catalog::normalize::{fold, name_without_author};
use crate::countries;
use rand::Rng;

/// What the trainee asked for.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The kinds to mix; one kind for `--kind`.
    pub kinds: Vec<Kind>,
    pub group: Option<String>,
    pub appendix: Option<Appendix>,
    pub count: usize,
}

/// A uniformly drawn number below `n` (n > 0).
pub fn below(rng: &mut impl Rng, n: usize) -> usize {
    (rng.next_u64() % n as u64) as usize
}

/// Fisher-Yates on the generator's raw output.
pub fn shuffle<T>(items: &mut [T], rng: &mut impl Rng) {
    for i in (1..items.len()).rev() {
        let j = below(rng, i + 1);
        items.swap(i, j);
    }
}

/// A wrong answer: a look-alike or a relative.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub name: String,
    pub common: Option<String>,
    /// The overall listing in the Checklist's notation; "NC" for taxa outside CITES.
    pub appendix: String,
    /// Why it is offered: "look-alike", "same genus", ...
    pub relation: &'static str,
    /// Its own name and its higher taxa (folded), so that a group and its members are never
    /// offered against each other.
    pub lineage: Vec<String>,
}

/// Whether one of two taxa contains the other ("Cuora" and "Cuora amboinensis").
fn nested(a: &[String], b: &[String]) -> bool {
    match (a.first(), b.first()) {
        (Some(na), Some(nb)) => b[1..].contains(na) || a[1..].contains(nb),
        _ => false,
    }
}

impl Candidate {
    pub fn display(&self) -> String {
        match &self.common {
            Some(c) => format!("{} ({c})", self.name),
            None => self.name.clone(),
        }
    }
}

/// Replaces the item's own names in a text, so a character does not give the answer away.
pub fn mask(text: &str, item: &Item) -> String {
    let mut names: Vec<String> = vec![item.taxon.name.clone(), item.card.taxon.clone()];
    names.extend(item.card.common_names.iter().cloned());
    names.extend(item.taxon.names.en.iter().cloned());
    names.retain(|n| n.len() >= 4);
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let mut out = text.to_string();
    for name in names {
        loop {
            let lower = out.to_ascii_lowercase();
            let Some(pos) = lower.find(&name.to_ascii_lowercase()) else {
                break;
            };
            out.replace_range(pos..pos + name.len(), "this species");
        }
    }
    out
}

/// Wrong answers for an item, best first: its look-alikes, then cards of the same genus, the
/// same family, species of the same genus from the catalog, then cards of the same order and
/// class. Never animals of another class (or plants of another order).
pub fn candidates(items: &Items, at: usize, index: &Index) -> Vec<Candidate> {
    let Some(item) = items.get(at) else {
        return Vec::new();
    };
    let me = &items.heads[at];
    let mut out: Vec<Candidate> = Vec::new();
    let mut seen: std::collections::HashSet<String> =
        std::collections::HashSet::from([me.key.clone()]);
    let mut push = |c: Candidate, out: &mut Vec<Candidate>| {
        if !nested(&me.lineage, &c.lineage) && seen.insert(c.lineage[0].clone()) {
            out.push(c);
        }
    };
    let from_head = |h: &Head, relation| Candidate {
        name: h.name.clone(),
        common: h.common.clone(),
        appendix: h.appendix.clone(),
        relation,
        lineage: h.lineage.clone(),
    };
    for l in &item.card.lookalike {
        let key = fold(&l.taxon);
        if !l.listed {
            let c = Candidate {
                name: l.taxon.clone(),
                common: None,
                appendix: "NC".into(),
                relation: "look-alike",
                lineage: vec![key],
            };
            push(c, &mut out);
            continue;
        }
        if let Some(h) = items
            .heads
            .iter()
            .find(|h| h.key == key || h.card_key == key)
        {
            push(from_head(h, "look-alike"), &mut out);
        } else if let Ok(Outcome::Found(hits)) = lookup::lookup(index, &l.taxon)
            && let Some(h) = hits.into_iter().find(|h| h.matched <= KeyKind::Synonym)
        {
            let c = Candidate {
                name: h.taxon.name.clone(),
                common: h.taxon.names.en.first().cloned(),
                appendix: h.taxon.appendix.clone(),
                relation: "look-alike",
                lineage: lineage(&h.taxon.name, &h.taxon.taxonomy),
            };
            push(c, &mut out);
        }
    }
    for h in items
        .heads
        .iter()
        .filter(|h| !me.genus.is_empty() && h.genus == me.genus)
    {
        push(from_head(h, "same genus"), &mut out);
    }
    for h in items
        .heads
        .iter()
        .filter(|h| !me.family.is_empty() && h.family == me.family)
    {
        push(from_head(h, "same family"), &mut out);
    }
    if !me.genus.is_empty() {
        let prefix = format!("{} ", fold(&me.genus));
        // Keys come sorted by name; decode only the first few species.
        let relatives = index
            .with_prefix(&prefix)
            .into_iter()
            .filter(|(_, k)| *k == KeyKind::Accepted)
            .filter_map(|(rec, _)| index.record(rec).ok())
            .filter(|t| t.rank == Rank::Species)
            .take(12);
        for t in relatives {
            let c = Candidate {
                name: t.name.clone(),
                common: t.names.en.first().cloned(),
                appendix: t.appendix.clone(),
                relation: "same genus",
                lineage: lineage(&t.name, &t.taxonomy),
            };
            push(c, &mut out);
        }
    }
    // Distant relatives only fill up: a question needs at most three wrong answers.
    const ENOUGH: usize = 8;
    for h in items
        .heads
        .iter()
        .filter(|h| !me.order.is_empty() && h.order == me.order)
    {
        if out.len() >= ENOUGH {
            return out;
        }
        push(from_head(h, "same order"), &mut out);
    }
    let animal = me.kingdom == "Animalia";
    for h in items
        .heads
        .iter()
        .filter(|h| animal && !me.class.is_empty() && h.class == me.class)
    {
        if out.len() >= ENOUGH {
            return out;
        }
        push(from_head(h, "same class"), &mut out);
    }
    out
}

fn taxon_expected(item: &Item) -> Expected {
    Expected::Taxon {
        name: item.taxon.name.clone(),
        synonyms: item
            .taxon
            .synonyms
            .iter()
            .map(|s| name_without_author(s))
            .chain([item.card.taxon.clone()])
            .collect(),
    }
}

/// Picks up to `n` distractors: look-alikes first (in random order among themselves), then
/// relatives in order of closeness.
fn pick(cands: &[Candidate], n: usize, rng: &mut impl Rng) -> Vec<Candidate> {
    let mut looks: Vec<Candidate> = cands
        .iter()
        .filter(|c| c.relation == "look-alike")
        .cloned()
        .collect();
    shuffle(&mut looks, rng);
    let rest = cands.iter().filter(|c| c.relation != "look-alike").cloned();
    looks.into_iter().chain(rest).take(n).collect()
}

/// Shuffles the right answer in among the wrong ones; returns (options, taxa, correct index).
fn arrange(
    right: (String, Option<String>),
    wrong: Vec<(String, Option<String>)>,
    rng: &mut impl Rng,
) -> (Vec<String>, Vec<Option<String>>, usize) {
    let mut all: Vec<(bool, String, Option<String>)> = vec![(true, right.0, right.1)];
    all.extend(wrong.into_iter().map(|(o, t)| (false, o, t)));
    shuffle(&mut all, rng);
    let correct = all
        .iter()
        .position(|(r, _, _)| *r)
        .expect("the right answer is in");
    let options = all.iter().map(|(_, o, _)| o.clone()).collect();
    let taxa = all.into_iter().map(|(_, _, t)| t).collect();
    (options, taxa, correct)
}

fn bullet_characters(item: &Item, rng: &mut impl Rng, n: usize) -> (Vec<String>, String) {
    let mut chars: Vec<&str> = item
        .card
        .character
        .iter()
        .map(|c| c.text.as_str())
        .collect();
    let decisive = chars.first().map(|c| c.to_string()).unwrap_or_default();
    shuffle(&mut chars, rng);
    (
        chars.into_iter().take(n).map(|c| mask(c, item)).collect(),
        decisive,
    )
}

fn identify(items: &Items, at: usize, index: &Index, rng: &mut impl Rng) -> Option<Question> {
    let item = items.get(at)?;
    let wrong = pick(&candidates(items, at, index), 3, rng);
    if wrong.is_empty() {
        return None;
    }
    let (chars, decisive) = bullet_characters(item, rng, 3);
    let mut prompt = String::from("Which species is this?\n");
    for c in &chars {
        prompt.push_str(&format!("  - {c}\n"));
    }
    if !item.card.trade_forms.is_empty() {
        prompt.push_str(&format!(
            "  Seized as: {}\n",
            item.card.trade_forms.join(", ")
        ));
    }
    let (options, option_taxa, correct) = arrange(
        (item.display_name(), Some(item.taxon.name.clone())),
        wrong
            .iter()
            .map(|c| (c.display(), Some(c.name.clone())))
            .collect(),
        rng,
    );
    Some(Question {
        key: String::new(),
        kind: Kind::Identify,
        item: at,
        prompt: prompt.trim_end().to_string(),
        options,
        correct,
        option_taxa,
        expected: taxon_expected(item),
        answer: item.display_name(),
        decisive,
        listing: item.listing_line(),
    })
}

const APPENDIX_OPTIONS: [&str; 4] = [
    "Appendix I",
    "Appendix II",
    "Appendix III",
    "Not covered by CITES",
];

fn appendix_option(a: Appendix) -> usize {
    match a {
        Appendix::I => 0,
        Appendix::II => 1,
        Appendix::III => 2,
        Appendix::NC => 3,
    }
}

fn appendix(items: &Items, at: usize, rng: &mut impl Rng) -> Option<Question> {
    let item = items.get(at)?;
    let notation = item.taxon.appendix.as_str();
    if notation.is_empty() {
        return None;
    }
    let split = notation.contains('/');
    let (subject, answer, decisive) = if split {
        // Ask for one population: a country the split listing names, or one of the range.
        let mut codes: Vec<String> = item
            .listings
            .iter()
            .flat_map(|l| l.include.iter().chain(&l.exclude))
            .chain(&item.taxon.distribution)
            .cloned()
            .collect();
        codes.sort();
        codes.dedup();
        codes.retain(|c| countries::is_code(c) && item.appendix_for(c).is_some());
        if codes.is_empty() {
            return None;
        }
        let code = codes[below(rng, codes.len())].clone();
        let answer = item.appendix_for(&code)?;
        let name = countries::name(&code).unwrap_or(&code);
        let entry = item.listings.iter().find(|l| l.appendix == answer);
        let decisive = match entry {
            Some(l) => format!("Appendix {}: {}", l.appendix, super::item::populations(l)),
            None => format!("The population of {name} is in no Appendix."),
        };
        (
            format!("{} from {name} ({code})", item.display_name()),
            answer,
            decisive,
        )
    } else {
        let answer = Appendix::parse(notation)?;
        let decisive = match &item.taxon.listed_under {
            Some(under) => format!("Covered by the entry {under} spp. in Appendix {answer}."),
            None => format!("Named in Appendix {answer}."),
        };
        (item.display_name(), answer, decisive)
    };
    let options: Vec<String> = APPENDIX_OPTIONS.iter().map(|s| s.to_string()).collect();
    let correct = appendix_option(answer);
    let mut accept = vec![answer.as_str().to_string(), format!("Appendix {answer}")];
    if answer == Appendix::NC {
        accept.extend(["none".into(), "not covered".into(), "not listed".into()]);
    } else {
        accept.push(["1", "2", "3"][correct].to_string());
    }
    Some(Question {
        key: String::new(),
        kind: Kind::Appendix,
        item: at,
        prompt: format!("Which CITES Appendix covers {subject}?"),
        option_taxa: vec![None; options.len()],
        options,
        correct,
        expected: Expected::Text(accept),
        answer: APPENDIX_OPTIONS[correct].to_string(),
        decisive,
        listing: item.listing_line(),
    })
}

fn names(items: &Items, at: usize, index: &Index, rng: &mut impl Rng) -> Option<Question> {
    let item = items.get(at)?;
    let common = item.card.common_names.first()?.clone();
    let cands: Vec<Candidate> = candidates(items, at, index)
        .into_iter()
        .filter(|c| c.common.is_some())
        .collect();
    let wrong = pick(&cands, 3, rng);
    if wrong.is_empty() {
        return None;
    }
    let to_common = below(rng, 2) == 0;
    let (prompt, right, wrongs, expected) = if to_common {
        (
            format!("What is the common name of {}?", item.taxon.name),
            common.clone(),
            wrong
                .iter()
                .filter_map(|c| c.common.clone())
                .collect::<Vec<_>>(),
            Expected::Text(item.card.common_names.clone()),
        )
    } else {
        (
            format!("What is the scientific name of the {common}?"),
            item.taxon.name.clone(),
            wrong.iter().map(|c| c.name.clone()).collect(),
            taxon_expected(item),
        )
    };
    let (options, option_taxa, correct) = arrange(
        (right, Some(item.taxon.name.clone())),
        wrongs
            .into_iter()
            .zip(&wrong)
            .map(|(o, c)| (o, Some(c.name.clone())))
            .collect(),
        rng,
    );
    let answer = options[correct].clone();
    Some(Question {
        key: String::new(),
        kind: Kind::Names,
        item: at,
        prompt,
        options,
        correct,
        option_taxa,
        expected,
        answer,
        decisive: format!("{} is the {common}.", item.taxon.name),
        listing: item.listing_line(),
    })
}

fn wrong_appendix(notation: &str, rng: &mut impl Rng) -> String {
    let others: Vec<&str> = ["I", "II", "III"]
        .into_iter()
        .filter(|a| !notation.split('/').any(|p| p == *a))
        .collect();
    others[below(rng, others.len())].to_string()
}

fn products(items: &Items, at: usize, index: &Index, rng: &mut impl Rng) -> Option<Question> {
    let item = items.get(at)?;
    if item.card.trade_forms.is_empty() || item.taxon.appendix.is_empty() {
        return None;
    }
    let form = &item.card.trade_forms[below(rng, item.card.trade_forms.len())];
    let (chars, decisive) = bullet_characters(item, rng, 2);
    let wrong = pick(&candidates(items, at, index), 2, rng);
    if wrong.is_empty() {
        return None;
    }
    let label = |name: &str, notation: &str| format!("{name}, {}", appendix_label(notation));
    let mut wrongs: Vec<(String, Option<String>)> = vec![(
        label(&item.taxon.name, &wrong_appendix(&item.taxon.appendix, rng)),
        Some(item.taxon.name.clone()),
    )];
    wrongs.extend(
        wrong
            .iter()
            .map(|c| (label(&c.name, &c.appendix), Some(c.name.clone()))),
    );
    let right = label(&item.taxon.name, &item.taxon.appendix);
    wrongs.retain(|(o, _)| *o != right);
    let (options, option_taxa, correct) =
        arrange((right.clone(), Some(item.taxon.name.clone())), wrongs, rng);
    let mut prompt = format!("Seized: {form}.\n");
    for c in chars {
        prompt.push_str(&format!("  - {c}\n"));
    }
    prompt.push_str("Which species is it, and in which Appendix?");
    Some(Question {
        key: String::new(),
        kind: Kind::Products,
        item: at,
        prompt,
        options,
        correct,
        option_taxa,
        expected: taxon_expected(item),
        answer: right,
        decisive,
        listing: item.listing_line(),
    })
}

fn pair(items: &Items, at: usize, index: &Index, rng: &mut impl Rng) -> Option<Question> {
    let item = items.get(at)?;
    let cands = candidates(items, at, index);
    // A look-alike the card tells apart, among those the trainer can name.
    let mut separable: Vec<(&crate::cards::Lookalike, &Candidate)> = item
        .card
        .lookalike
        .iter()
        .filter_map(|l| {
            cands
                .iter()
                .find(|c| {
                    c.relation == "look-alike"
                        && (fold(&c.name) == fold(&l.taxon) || !l.listed && c.name == l.taxon)
                })
                .map(|c| (l, c))
        })
        .collect();
    if separable.is_empty() {
        return None;
    }
    shuffle(&mut separable, rng);
    let (look, other) = separable[0];
    pair_question(item, at, Some(look), other, rng)
}

/// A pair question for a pair the officer has confused: the item and the taxon taken for it.
pub fn pair_with(
    items: &Items,
    at: usize,
    other: &str,
    index: &Index,
    rng: &mut impl Rng,
) -> Option<Question> {
    let item = items.get(at)?;
    let key = fold(other);
    let cands = candidates(items, at, index);
    let candidate = cands
        .into_iter()
        .find(|c| fold(&c.name) == key)
        .or_else(|| {
            let Ok(Outcome::Found(hits)) = lookup::lookup(index, other) else {
                return None;
            };
            let h = hits.into_iter().next()?;
            Some(Candidate {
                name: h.taxon.name.clone(),
                common: h.taxon.names.en.first().cloned(),
                appendix: h.taxon.appendix.clone(),
                relation: "confused",
                lineage: lineage(&h.taxon.name, &h.taxon.taxonomy),
            })
        })?;
    let look = item.card.lookalike.iter().find(|l| fold(&l.taxon) == key);
    let mut q = pair_question(item, at, look, &candidate, rng)?;
    q.key = format!("pair:{}|{}", item.taxon.name, candidate.name);
    Some(q)
}

fn pair_question(
    item: &Item,
    at: usize,
    look: Option<&crate::cards::Lookalike>,
    other: &Candidate,
    rng: &mut impl Rng,
) -> Option<Question> {
    let a = (item.display_name(), Some(item.taxon.name.clone()));
    let b = (other.display(), Some(other.name.clone()));
    // Without a sentence that tells them apart, show the item's own character.
    let ask_for_a = look.is_none() || below(rng, 2) == 0;
    let shown = if ask_for_a {
        bullet_characters(item, rng, 1).0.pop().unwrap_or_default()
    } else {
        let mut text = mask(&look?.tell_apart, item);
        for name in [&other.name].into_iter().chain(other.common.as_ref()) {
            let lower = text.to_ascii_lowercase();
            if let Some(pos) = lower.find(&name.to_ascii_lowercase()) {
                text.replace_range(pos..pos + name.len(), "this one");
            }
        }
        text
    };
    let (right, wrong) = if ask_for_a { (a, b) } else { (b, a) };
    let answer = right.0.clone();
    let (options, option_taxa, correct) = arrange(right, vec![wrong], rng);
    let expected = if ask_for_a {
        taxon_expected(item)
    } else {
        Expected::Taxon {
            name: other.name.clone(),
            synonyms: vec![],
        }
    };
    Some(Question {
        key: String::new(),
        kind: Kind::Pair,
        item: at,
        prompt: format!(
            "Look-alikes: {} or {}?\n  The specimen: {shown}",
            options[0], options[1]
        ),
        options,
        correct,
        option_taxa,
        expected,
        answer,
        decisive: match look {
            Some(l) => format!("How to tell them apart: {}", l.tell_apart),
            None => format!(
                "Compare the cards: cites-trainer card \"{}\" and cites-trainer lookup \"{}\"",
                item.taxon.name, other.name
            ),
        },
        listing: item.listing_line(),
    })
}

/// The key under which a card's questions of one kind are scheduled.
pub fn item_key(card_id: &str, kind: Kind) -> String {
    format!("card:{card_id}:{kind}")
}

/// One question of the given kind about item `at`, if the item has what that kind needs.
pub fn question(
    items: &Items,
    at: usize,
    kind: Kind,
    index: &Index,
    rng: &mut impl Rng,
) -> Option<Question> {
    let mut q = match kind {
        Kind::Identify => identify(items, at, index, rng),
        Kind::Appendix => appendix(items, at, rng),
        Kind::Names => names(items, at, index, rng),
        Kind::Products => products(items, at, index, rng),
        Kind::Pair => pair(items, at, index, rng),
    }?;
    q.key = item_key(&items.heads[at].card_id, kind);
    Some(q)
}

/// The items a drill may ask about, after the filters.
pub fn eligible(items: &Items, settings: &Settings) -> Vec<usize> {
    (0..items.len())
        .filter(|&i| {
            settings
                .group
                .as_ref()
                .is_none_or(|g| items.heads[i].group == *g)
        })
        .filter(|&i| {
            settings
                .appendix
                .is_none_or(|a| items.heads[i].appendix.split('/').any(|p| p == a.as_str()))
        })
        .collect()
}

/// A drill being generated, one question at a time: the first question is ready as soon
/// as it is made, and the sequence is the same as generating them all at once.
/// A question the schedule asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Planned {
    /// Item, kind: a due or new item.
    Item(usize, Kind),
    /// A pair the officer confuses: the item and the taxon taken for it.
    Pair(usize, String),
}

pub struct Drill<'a, R: Rng> {
    queue: std::collections::VecDeque<Planned>,
    items: &'a Items<'a>,
    index: &'a Index<'a>,
    settings: Settings,
    rng: R,
    pool: Vec<usize>,
    made: usize,
    next: usize,
    tries: usize,
}

impl<'a, R: Rng> Drill<'a, R> {
    pub fn new(
        items: &'a Items<'a>,
        index: &'a Index<'a>,
        settings: &Settings,
        mut rng: R,
    ) -> Drill<'a, R> {
        let mut pool = eligible(items, settings);
        shuffle(&mut pool, &mut rng);
        Drill {
            queue: Default::default(),
            items,
            index,
            settings: settings.clone(),
            rng,
            pool,
            made: 0,
            next: 0,
            tries: 0,
        }
    }

    /// Asks the planned questions first (due items, confused pairs, new items), then goes on
    /// at random.
    pub fn with_plan(mut self, plan: Vec<Planned>) -> Self {
        self.queue = plan.into();
        self
    }

    /// How many eligible items the filters left.
    pub fn eligible(&self) -> usize {
        self.pool.len()
    }
}

impl<R: Rng> Iterator for Drill<'_, R> {
    type Item = Question;

    /// The next question: each of a kind drawn from `settings.kinds`, falling back to
    /// another kind when the item lacks what the first needs.
    fn next(&mut self) -> Option<Question> {
        let s = &self.settings;
        if self.pool.is_empty() || s.kinds.is_empty() || self.made >= s.count {
            return None;
        }
        while let Some(planned) = self.queue.pop_front() {
            let q = match planned {
                Planned::Item(at, kind) => {
                    question(self.items, at, kind, self.index, &mut self.rng)
                }
                Planned::Pair(at, other) => {
                    pair_with(self.items, at, &other, self.index, &mut self.rng)
                }
            };
            if let Some(q) = q {
                self.made += 1;
                return Some(q);
            }
        }
        while self.made < s.count && self.tries < s.count * 4 + self.pool.len() {
            self.tries += 1;
            let at = self.pool[self.next % self.pool.len()];
            self.next += 1;
            let first = below(&mut self.rng, s.kinds.len());
            let kinds: Vec<Kind> = s.kinds[first..]
                .iter()
                .chain(&s.kinds[..first])
                .copied()
                .collect();
            for kind in kinds {
                if let Some(q) = question(self.items, at, kind, self.index, &mut self.rng) {
                    self.made += 1;
                    return Some(q);
                }
            }
        }
        None
    }
}

/// Generates a whole drill at once (see [`Drill`]).
pub fn generate(
    items: &Items,
    index: &Index,
    settings: &Settings,
    rng: &mut impl Rng,
) -> Vec<Question> {
    Drill::new(items, index, settings, rng).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drill::testkit;
    use rand::SeedableRng;
    use rand::rngs::ChaCha8Rng;

    fn settings(kinds: Vec<Kind>, count: usize) -> Settings {
        Settings {
            kinds,
            group: None,
            appendix: None,
            count,
        }
    }

    #[test]
    fn the_answer_is_always_an_option_and_no_option_repeats() {
        let catalog = testkit::catalog();
        let index = catalog.index().unwrap();
        let items = testkit::items(&catalog);
        assert_eq!(items.len(), 4);
        for seed in 0..200 {
            let mut rng = ChaCha8Rng::seed_from_u64(seed);
            for q in generate(&items, &index, &settings(Kind::ALL.to_vec(), 8), &mut rng) {
                assert!(q.correct < q.options.len(), "{q:?}");
                let mut seen = q.options.clone();
                seen.sort();
                seen.dedup();
                assert_eq!(seen.len(), q.options.len(), "repeated option in {q:?}");
                assert!(q.options.len() >= 2, "{q:?}");
                assert_eq!(
                    q.answer, q.options[q.correct],
                    "the answer shown is the right option"
                );
            }
        }
    }

    #[test]
    fn distractors_are_look_alikes_first_then_relatives_never_another_class() {
        let catalog = testkit::catalog();
        let index = catalog.index().unwrap();
        let items = testkit::items(&catalog);
        let sunda = items
            .heads
            .iter()
            .position(|h| h.card_id == "sunda")
            .unwrap();
        let cands = candidates(&items, sunda, &index);
        assert_eq!(
            cands[0].name, "Manis culionensis",
            "the card's look-alike comes first"
        );
        assert_eq!(cands[0].relation, "look-alike");
        assert!(cands.iter().any(|c| c.name == "Manis pentadactyla"));
        assert!(
            cands.iter().any(|c| c.name == "Manis crassicaudata"),
            "catalog relatives of the genus"
        );
        assert!(
            cands
                .iter()
                .all(|c| !c.name.starts_with("Crocodylus") && !c.name.starts_with("Python")),
            "no reptile is offered for a pangolin: {cands:?}"
        );
        let python = items
            .heads
            .iter()
            .position(|h| h.card_id == "python")
            .unwrap();
        let cands = candidates(&items, python, &index);
        assert_eq!(
            cands[0].name,
            "cattle leather printed with a python pattern"
        );
        assert!(
            cands.iter().all(|c| c.name != "Pythonidae"),
            "a group is not offered against its member"
        );
    }

    #[test]
    fn a_seed_reproduces_a_drill() {
        let catalog = testkit::catalog();
        let index = catalog.index().unwrap();
        let items = testkit::items(&catalog);
        let s = settings(Kind::ALL.to_vec(), 10);
        let a = generate(&items, &index, &s, &mut ChaCha8Rng::seed_from_u64(42));
        let b = generate(&items, &index, &s, &mut ChaCha8Rng::seed_from_u64(42));
        assert_eq!(a, b);
        let differs = (0..20)
            .any(|seed| generate(&items, &index, &s, &mut ChaCha8Rng::seed_from_u64(seed)) != a);
        assert!(differs, "other seeds give other drills");
    }

    #[test]
    fn split_listings_ask_for_one_population() {
        let catalog = testkit::catalog();
        let index = catalog.index().unwrap();
        let items = testkit::items(&catalog);
        let croc = items
            .heads
            .iter()
            .position(|h| h.card_id == "croc")
            .unwrap();
        let mut seen = std::collections::BTreeSet::new();
        for seed in 0..60 {
            let q = question(
                &items,
                croc,
                Kind::Appendix,
                &index,
                &mut ChaCha8Rng::seed_from_u64(seed),
            )
            .unwrap();
            let expected = if q.prompt.contains("(PG)") || q.prompt.contains("(AU)") {
                "Appendix II"
            } else {
                "Appendix I"
            };
            assert_eq!(q.options[q.correct], expected, "{}", q.prompt);
            seen.insert(expected);
        }
        assert_eq!(seen.len(), 2, "both populations come up");
    }

    #[test]
    fn characters_do_not_give_the_name_away() {
        let catalog = testkit::catalog();
        let items = testkit::items(&catalog);
        let sunda = items
            .get(
                items
                    .heads
                    .iter()
                    .position(|h| h.card_id == "sunda")
                    .unwrap(),
            )
            .unwrap();
        assert_eq!(
            mask("Sunda pangolin scales olive-brown", sunda),
            "this species scales olive-brown"
        );
    }

    #[test]
    fn filters_select_items() {
        let catalog = testkit::catalog();
        let items = testkit::items(&catalog);
        let mut s = settings(vec![Kind::Identify], 5);
        s.group = Some("reptiles".into());
        assert_eq!(eligible(&items, &s).len(), 2);
        s.group = None;
        s.appendix = Some(Appendix::II);
        let names: Vec<&str> = eligible(&items, &s)
            .iter()
            .map(|&i| items.heads[i].name.as_str())
            .collect();
        assert_eq!(names, vec!["Crocodylus porosus", "Python bivittatus"]);
    }
}
