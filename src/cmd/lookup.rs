//! `cites-trainer lookup NAME`: what the catalog says of a name, as text or JSON.

use crate::catalog::index::{Index, KeyKind};
use crate::catalog::lookup::{
    self, Hit, Outcome, Suggestion, effective_listings, export_of, missing_cops,
};
use crate::catalog::model::{CatalogMeta, Listing, hash_key};
use crate::countries;
use crate::data::DataSource;
use crate::error::Result;
use colored::Colorize;
use serde::Serialize;
use std::process::ExitCode;

/// Everything shown about one hit, in the order it is shown.
#[derive(Debug, Serialize)]
pub struct View {
    pub query: String,
    pub found: bool,
    pub name: String,
    pub author: String,
    pub id: u64,
    pub rank: String,
    pub matched: String,
    pub matched_name: String,
    /// Checklist notation: "I", "II", "I/II", "II/NC", ...
    pub appendix: String,
    pub listed_under: Option<String>,
    pub listings: Vec<ListingView>,
    /// All notes, annotations and #-annotations in plain words.
    pub annotation: String,
    pub common_names: CommonNamesView,
    pub synonyms: Vec<String>,
    pub taxonomy: Vec<String>,
    pub as_of: String,
    pub source: String,
    pub source_id: String,
    pub not_included: Vec<String>,
    pub history: Vec<String>,
    pub other_matches: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct CommonNamesView {
    pub en: Vec<String>,
    pub es: Vec<String>,
    pub fr: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct ListingView {
    pub appendix: String,
    pub populations: String,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    pub note: Option<String>,
    pub annotation: Option<String>,
    pub hash: Option<String>,
    pub hash_text: Option<String>,
    pub party: Option<String>,
    pub effective: Option<String>,
}

fn country_list(codes: &[String]) -> String {
    codes
        .iter()
        .map(|c| match countries::name(c) {
            Some(n) => format!("{n} ({c})"),
            None => c.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn listing_view(l: &Listing, meta: &CatalogMeta, source: &str) -> ListingView {
    let populations = if !l.include.is_empty() {
        format!("only the populations of {}", country_list(&l.include))
    } else if !l.exclude.is_empty() {
        format!("all populations except {}", country_list(&l.exclude))
    } else {
        "all populations".to_string()
    };
    ListingView {
        appendix: l.appendix.to_string(),
        populations,
        include: l.include.clone(),
        exclude: l.exclude.clone(),
        note: l.note.clone(),
        annotation: l
            .annotation
            .as_ref()
            .map(|k| meta.annotation(k).unwrap_or(k).to_string()),
        hash: l.hash.clone(),
        hash_text: l
            .hash
            .as_ref()
            .and_then(|h| meta.annotation(&hash_key(h, source)).map(str::to_string)),
        party: l.party.as_ref().map(|p| match countries::name(p) {
            Some(n) => format!("{n} ({p})"),
            None => p.clone(),
        }),
        effective: l.effective.clone(),
    }
}

/// Builds the view of a hit (pure apart from decoding records of the index).
pub fn view(
    index: &Index,
    meta: &CatalogMeta,
    query: &str,
    hit: &Hit,
    others: &[Hit],
) -> Result<View> {
    let t = &hit.taxon;
    let export = export_of(meta, &t.source);
    let mut listings_source = t.source.clone();
    let listings = if t.listings.is_empty() {
        if let Some(h) = t
            .listed_under
            .as_ref()
            .and_then(|n| lookup::by_name(index, n).ok().flatten())
        {
            listings_source = h.source.clone();
        }
        effective_listings(index, t)?
    } else {
        t.listings.clone()
    };
    let listings: Vec<ListingView> = listings
        .iter()
        .map(|l| listing_view(l, meta, &listings_source))
        .collect();
    let mut annotation = Vec::new();
    for l in &listings {
        let mut parts = Vec::new();
        if let Some(n) = &l.note {
            parts.push(n.clone());
        }
        if let Some(a) = &l.annotation {
            parts.push(a.clone());
        }
        if let (Some(h), Some(text)) = (&l.hash, &l.hash_text) {
            parts.push(format!("{h}: {text}"));
        }
        if let Some(p) = &l.party {
            parts.push(format!("Listed by {p}."));
        }
        if !parts.is_empty() {
            annotation.push(format!("Appendix {}: {}", l.appendix, parts.join(" ")));
        }
    }
    let tx = &t.taxonomy;
    let taxonomy = [
        &tx.kingdom,
        &tx.phylum,
        &tx.class,
        &tx.order,
        &tx.family,
        &tx.genus,
    ]
    .iter()
    .filter(|s| !s.is_empty() && **s != &t.name)
    .map(|s| s.to_string())
    .collect();
    let history = t
        .history
        .iter()
        .map(|h| {
            let e = export_of(meta, &h.source);
            format!("Appendix {} as of {} ({})", h.appendix, e.as_of, e.title)
        })
        .collect();
    Ok(View {
        query: query.to_string(),
        found: true,
        name: t.name.clone(),
        author: t.author.clone(),
        id: t.id,
        rank: t.rank.to_string(),
        matched: hit.matched.describe().to_string(),
        matched_name: hit.matched_name.clone(),
        appendix: t.appendix.clone(),
        listed_under: t.listed_under.clone(),
        listings,
        annotation: annotation.join("\n"),
        common_names: CommonNamesView {
            en: t.names.en.clone(),
            es: t.names.es.clone(),
            fr: t.names.fr.clone(),
        },
        synonyms: t.synonyms.clone(),
        taxonomy,
        as_of: export.as_of.clone(),
        source: export.title.clone(),
        source_id: export.id.clone(),
        not_included: missing_cops(&export.as_of)
            .into_iter()
            .map(str::to_string)
            .collect(),
        history,
        other_matches: others.iter().map(|h| h.taxon.name.clone()).collect(),
    })
}

/// The text shown for a hit.
pub fn render(v: &View) -> String {
    let mut out = String::new();
    let title = format!("{} {}", v.name.italic().bold(), v.author.dimmed());
    out.push_str(&format!("{title}  ({})\n", v.rank));
    if v.matched != KeyKind::Accepted.describe() {
        out.push_str(&format!(
            "  found as the {} \"{}\"\n",
            v.matched, v.matched_name
        ));
    }
    if !v.taxonomy.is_empty() {
        out.push_str(&format!("  {}\n", v.taxonomy.join(" > ")));
    }
    let names: Vec<String> = [
        ("en", &v.common_names.en),
        ("es", &v.common_names.es),
        ("fr", &v.common_names.fr),
    ]
    .iter()
    .filter(|(_, n)| !n.is_empty())
    .map(|(lang, n)| format!("{} ({lang})", n.join(", ")))
    .collect();
    if !names.is_empty() {
        out.push_str(&format!("  {}\n", names.join("; ")));
    }
    out.push('\n');
    let appendix = if v.appendix.is_empty() {
        "no listing given".to_string()
    } else {
        format!("Appendix {}", v.appendix)
    };
    out.push_str(&format!("{}", appendix.bold()));
    if v.listings.len() > 1 {
        out.push_str("  (split listing)");
    }
    out.push('\n');
    if let Some(under) = &v.listed_under {
        out.push_str(&format!(
            "  not named on its own: listed under {under} spp.\n"
        ));
    }
    for l in &v.listings {
        out.push_str(&format!("  Appendix {}: {}", l.appendix, l.populations));
        if let Some(p) = &l.party {
            out.push_str(&format!("; listed by {p}"));
        }
        if let Some(e) = &l.effective {
            out.push_str(&format!("; in effect since {e}"));
        }
        out.push('\n');
        for text in [&l.note, &l.annotation].into_iter().flatten() {
            out.push_str(&indent(text, "    "));
        }
        if let Some(h) = &l.hash {
            let text = l
                .hash_text
                .as_deref()
                .unwrap_or("(text not in this catalog)");
            out.push_str(&indent(&format!("Annotation {h}: {text}"), "    "));
        }
    }
    if !v.synonyms.is_empty() {
        let shown: Vec<&str> = v.synonyms.iter().take(6).map(String::as_str).collect();
        let more = v.synonyms.len().saturating_sub(6);
        out.push_str(&format!("\nSynonyms: {}", shown.join("; ")));
        if more > 0 {
            out.push_str(&format!("; and {more} more"));
        }
        out.push('\n');
    }
    if !v.history.is_empty() {
        out.push_str(&format!("Earlier: {}\n", v.history.join("; ")));
    }
    out.push_str(&format!(
        "\nAs of {}, {} (Checklist TaxonId {}).\n",
        v.as_of, v.source, v.id
    ));
    if !v.not_included.is_empty() {
        let warning = format!(
            "Listing changes adopted at {} are not in this record: check the current Checklist before you act on it.",
            v.not_included.join(", ")
        );
        out.push_str(&format!("{}\n", warning.yellow()));
    }
    if !v.other_matches.is_empty() {
        out.push_str(&format!(
            "The name also matches: {}\n",
            v.other_matches.join(", ")
        ));
    }
    out
}

fn indent(text: &str, prefix: &str) -> String {
    text.lines().map(|l| format!("{prefix}{l}\n")).collect()
}

#[derive(Serialize)]
struct NotFound<'a> {
    query: &'a str,
    found: bool,
    message: String,
    suggestions: Vec<&'a str>,
}

fn not_found_message(query: &str) -> String {
    format!(
        "\"{query}\" is not listed in the edition in use: no accepted name, synonym or common name matches it."
    )
}

pub fn run(data: &DataSource, query: &str, json: bool) -> Result<ExitCode> {
    let catalog = data.catalog()?;
    let index = catalog.index()?;
    match lookup::lookup(&index, query)? {
        Outcome::Found(hits) => {
            let meta = index.meta()?;
            let view = view(&index, &meta, query, &hits[0], &hits[1..])?;
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&view).map_err(|e| e.to_string())?
                );
            } else {
                print!("{}", render(&view));
            }
            Ok(ExitCode::SUCCESS)
        }
        Outcome::NotFound(suggestions) => {
            let names: Vec<&str> = suggestions
                .iter()
                .map(|s: &Suggestion| s.name.as_str())
                .collect();
            if json {
                let body = NotFound {
                    query,
                    found: false,
                    message: not_found_message(query),
                    suggestions: names,
                };
                println!(
                    "{}",
                    serde_json::to_string_pretty(&body).map_err(|e| e.to_string())?
                );
            } else {
                println!("{}", not_found_message(query));
                if !suggestions.is_empty() {
                    println!("Did you mean:");
                    for s in &suggestions {
                        if s.name == s.accepted {
                            println!("  {}", s.name);
                        } else {
                            println!("  {} ({})", s.name, s.accepted);
                        }
                    }
                }
            }
            Ok(ExitCode::from(1))
        }
    }
}
