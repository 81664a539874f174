//! Checks of card files: every card has what it needs, and every taxon it names is in the
//! catalog. Pure apart from reading records of the index.

use super::{Deck, GROUPS, TRADE_FORMS, parse_deck};
use crate::catalog::file::{find_key, line_col};
use crate::catalog::index::Index;
use crate::catalog::load::SourceFile;
use crate::catalog::lookup::{Outcome, lookup, suggest};
use crate::catalog::normalize::fold;
use crate::check::{Problem, at, toml_error};
use std::collections::HashMap;

/// Whether a name resolves in the catalog (accepted name or synonym), with a hint if not.
pub fn resolve(index: &Index, name: &str) -> Result<(), String> {
    match lookup(index, name) {
        Ok(Outcome::Found(hits))
            if hits
                .iter()
                .any(|h| h.matched <= crate::catalog::index::KeyKind::Synonym) =>
        {
            Ok(())
        }
        _ => {
            let hint = suggest(index, &fold(name), 1)
                .ok()
                .and_then(|s| s.into_iter().next())
                .map(|s| format!(" (did you mean `{}`?)", s.accepted))
                .unwrap_or_default();
            Err(format!(
                "`{name}` is not a taxon of the catalog; use the Checklist's accepted name{hint}"
            ))
        }
    }
}

/// Checks card files; returns the problems and the decks that parsed.
pub fn check_cards(files: &[SourceFile], index: &Index) -> (Vec<Problem>, Vec<Deck>) {
    let mut problems = Vec::new();
    let mut decks = Vec::new();
    let mut first_id: HashMap<String, (usize, usize)> = HashMap::new();
    for (fi, file) in files.iter().enumerate() {
        let deck = match parse_deck(&file.text) {
            Ok(d) => d,
            Err(e) => {
                problems.push(toml_error(file, &e));
                continue;
            }
        };
        for (span, card) in &deck.cards {
            let here = |key: &str, message: String| {
                at(file, find_key(&file.text, span.clone(), key), message)
            };
            let near = |needle: &str, message: String| {
                let offset = file.text[span.clone()]
                    .find(needle)
                    .map_or(span.start, |o| span.start + o);
                at(file, offset, message)
            };
            if let Some(&(ofi, offset)) = first_id.get(&card.id) {
                let (line, _) = line_col(&files[ofi].text, offset);
                problems.push(here(
                    "id",
                    format!(
                        "duplicate card id `{}`; it is already used at {}:{line}",
                        card.id,
                        files[ofi].path.display()
                    ),
                ));
            } else {
                first_id.insert(card.id.clone(), (fi, span.start));
            }
            if let Err(message) = resolve(index, &card.taxon) {
                problems.push(here("taxon", message));
            }
            if !GROUPS.contains(&card.group.as_str()) {
                problems.push(here(
                    "group",
                    format!(
                        "`{}` is not a group; use one of {}",
                        card.group,
                        GROUPS.join(", ")
                    ),
                ));
            }
            if card.character.len() < 3 {
                problems.push(here(
                    "id",
                    format!(
                        "card `{}` has {} distinguishing character(s); it needs at least 3, each with a source",
                        card.id,
                        card.character.len()
                    ),
                ));
            }
            for form in &card.trade_forms {
                if !TRADE_FORMS.contains(&form.as_str()) {
                    problems.push(here(
                        "trade_forms",
                        format!(
                            "`{form}` is not a trade form; use one of those in docs/card-format.md"
                        ),
                    ));
                }
            }
            let mut cited: Vec<(&str, &[String])> = vec![
                ("trade_source", &card.trade_source),
                ("range_source", &card.range_source),
            ];
            if card.routes.is_some() {
                cited.push(("routes_source", &card.routes_source));
            }
            for (key, keys) in &cited {
                if keys.is_empty() {
                    problems.push(here(
                        key,
                        format!("card `{}` names no source for `{key}`", card.id),
                    ));
                }
            }
            let mut all_keys: Vec<&String> = cited.iter().flat_map(|(_, k)| k.iter()).collect();
            for c in &card.character {
                if c.source.is_empty() {
                    problems.push(near(
                        &c.text,
                        format!("the character \"{}\" names no source", c.text),
                    ));
                }
                all_keys.extend(&c.source);
            }
            for l in &card.lookalike {
                all_keys.extend(&l.source);
                if l.listed
                    && let Err(message) = resolve(index, &l.taxon)
                {
                    problems.push(near(
                        &format!("taxon = \"{}\"", l.taxon),
                        format!("look-alike {message} (or mark it `listed = false`)"),
                    ));
                }
            }
            for key in all_keys {
                if !deck.sources.contains_key(key) {
                    problems.push(near(
                        &format!("\"{key}\""),
                        format!("source `{key}` is not defined in this file's [sources]"),
                    ));
                }
            }
        }
        decks.push(deck);
    }
    (problems, decks)
}
