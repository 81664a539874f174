//! `cites-trainer card NAME`: an ID card in the terminal, with its listing from the catalog.

use crate::catalog::normalize::fold;
use crate::data::DataSource;
use crate::drill::Item;
use crate::error::Result;
use colored::Colorize;
use std::process::ExitCode;

/// Finds a card by id, scientific name (or synonym) or common name.
pub fn find<'a>(items: &[&'a Item], query: &str) -> Option<&'a Item> {
    let key = fold(query);
    items.iter().copied().find(|i| {
        fold(&i.card.id) == key
            || fold(&i.card.taxon) == key
            || fold(&i.taxon.name) == key
            || i.card
                .common_names
                .iter()
                .chain(&i.taxon.names.en)
                .any(|n| fold(n) == key)
            || i.taxon
                .synonyms
                .iter()
                .any(|s| fold(&crate::catalog::normalize::name_without_author(s)) == key)
    })
}

/// The card as text.
pub fn render(item: &Item) -> String {
    let c = &item.card;
    let mut out = String::new();
    out.push_str(&format!("{}", item.taxon.name.italic().bold()));
    if !c.common_names.is_empty() {
        out.push_str(&format!("  {}", c.common_names.join(", ")));
    }
    out.push_str(&format!("  [{}]\n", c.group));
    out.push_str(&format!(
        "{} {}\n\n",
        "Listing:".bold(),
        item.listing_line()
    ));
    out.push_str(&format!("{}\n", "How to recognise it".bold()));
    let cite = |keys: &[String]| -> String {
        let nums: Vec<String> = keys
            .iter()
            .filter_map(|k| item.sources.iter().position(|(key, _)| key == k))
            .map(|i| (i + 1).to_string())
            .collect();
        if nums.is_empty() {
            String::new()
        } else {
            format!(" [{}]", nums.join(","))
        }
    };
    for ch in &c.character {
        out.push_str(&format!("  - {}{}\n", ch.text, cite(&ch.source).dimmed()));
    }
    if !c.lookalike.is_empty() {
        out.push_str(&format!("\n{}\n", "Look-alikes".bold()));
        for l in &c.lookalike {
            let status = if l.listed { "" } else { " (not CITES-listed)" };
            out.push_str(&format!(
                "  - {}{status}: {}{}\n",
                l.taxon.italic(),
                l.tell_apart,
                cite(&l.source).dimmed()
            ));
        }
    }
    if !c.trade_forms.is_empty() {
        out.push_str(&format!(
            "\n{} {}{}\n",
            "Seized as:".bold(),
            c.trade_forms.join(", "),
            cite(&c.trade_source).dimmed()
        ));
    }
    if !c.range.is_empty() {
        out.push_str(&format!(
            "{} {}{}\n",
            "Range:".bold(),
            c.range,
            cite(&c.range_source).dimmed()
        ));
    }
    if let Some(r) = &c.routes {
        out.push_str(&format!(
            "{} {r}{}\n",
            "Routes:".bold(),
            cite(&c.routes_source).dimmed()
        ));
    }
    out.push_str(&format!("\n{}\n", "Sources".bold()));
    for (i, (_, s)) in item.sources.iter().enumerate() {
        let grade = if s.grade.is_empty() {
            String::new()
        } else {
            format!(" (grade {})", s.grade)
        };
        out.push_str(&format!(
            "  [{}] {}{grade}\n      {}\n",
            i + 1,
            s.title,
            s.url
        ));
    }
    out
}

pub fn run(data: &DataSource, query: &str) -> Result<ExitCode> {
    let catalog = data.catalog()?;
    let index = catalog.index()?;
    let meta = index.meta()?;
    let items = crate::cmd::drill::load_items(data, &index, &meta)?;
    let items = items.all();
    match find(&items, query) {
        Some(item) => {
            print!("{}", render(item));
            Ok(ExitCode::SUCCESS)
        }
        None => {
            println!("No ID card for \"{query}\".");
            // The catalog may still know the name: say so, with its listing.
            if let Ok(crate::catalog::lookup::Outcome::Found(hits)) =
                crate::catalog::lookup::lookup(&index, query)
            {
                let t = &hits[0].taxon;
                println!(
                    "The catalog knows {} ({}); `cites-trainer lookup \"{}\"` shows its listing.",
                    t.name,
                    crate::drill::item::appendix_label(&t.appendix),
                    t.name
                );
            } else {
                let mut close: Vec<(usize, &Item)> = items
                    .iter()
                    .copied()
                    .map(|i| (strsim::osa_distance(&fold(&i.taxon.name), &fold(query)), i))
                    .collect();
                close.sort_by_key(|(d, _)| *d);
                if let Some((d, i)) = close.first().filter(|(d, _)| *d <= 3) {
                    let _ = d;
                    println!("Did you mean: {}", i.display_name());
                }
            }
            Ok(ExitCode::from(1))
        }
    }
}
