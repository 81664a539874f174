//! The Species+ "CITES listings" CSV: one row per taxon, with the higher taxon it is
//! listed under, the listing Party and the full notes marked per Appendix
//! ("**I** Except the populations of ... \n**II** Only the populations of ...").

use super::{Annotations, FieldError, Row, notation, rank, taxon_id};
use crate::catalog::model::{Appendix, Listing, Taxon, Taxonomy};
use crate::text::{plain, split_list};

/// Splits "**I** text **II** text" into (Appendix, text) pairs.
pub fn per_marker(text: &str) -> Vec<(Appendix, String)> {
    let mut out: Vec<(Appendix, String)> = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("**") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("**") else { break };
        let marker = &after[..end];
        let body_start = &after[end + 2..];
        if let Some(app) = Appendix::parse(marker) {
            let next = body_start.find("**").unwrap_or(body_start.len());
            out.push((app, plain(&body_start[..next])));
            rest = &body_start[next..];
        } else {
            rest = body_start;
        }
    }
    out
}

/// "[FAMILY listing Pythonidae spp.] Formerly ..." gives ("Pythonidae", "Formerly ...").
pub fn strip_listing_bracket(note: &str) -> (Option<String>, String) {
    let trimmed = note.trim_start();
    if let Some(rest) = trimmed.strip_prefix('[')
        && let Some((inside, after)) = rest.split_once(']')
        && let Some((_, group)) = inside.split_once(" listing ")
    {
        let group = group.trim().trim_end_matches("spp.").trim().to_string();
        return (Some(group), after.trim().to_string());
    }
    (None, note.trim().to_string())
}

pub fn taxon(row: &Row, export: &str, annotations: &mut Annotations) -> Result<Taxon, FieldError> {
    let id = taxon_id(row, "Id")?;
    let name = row.get("Scientific Name");
    if name.is_empty() {
        return Err(FieldError::new("Scientific Name", "the taxon has no name"));
    }
    let rank = rank(row, "Rank")?;
    let appendix = notation(row, "Listing")?;
    let notes = per_marker(row.get("Full note"));
    let hashes = per_marker(row.get("# Full note"));
    let party = row.get("Party");

    let mut listings = Vec::new();
    for part in appendix.split('/').filter(|p| !p.is_empty()) {
        let app = Appendix::parse(part).expect("notation was checked");
        let note = notes
            .iter()
            .find(|(a, _)| *a == app)
            .map(|(_, t)| strip_listing_bracket(t).1)
            .filter(|t| !t.is_empty());
        let hash = hashes.iter().find(|(a, _)| *a == app).and_then(|(_, t)| {
            let symbol = t.split_whitespace().next().filter(|s| s.starts_with('#'))?;
            annotations.hash(symbol, export, t[symbol.len()..].trim());
            Some(symbol.to_string())
        });
        let (include, exclude) = note
            .as_deref()
            .map(super::populations::read)
            .unwrap_or_default();
        listings.push(Listing {
            appendix: app,
            note,
            include,
            exclude,
            annotation: None,
            hash,
            party: (app == Appendix::III && !party.is_empty()).then(|| party.to_string()),
            effective: None,
        });
    }

    let under = row.get("Listed under").trim_end_matches("spp.").trim();
    Ok(Taxon {
        id,
        name: name.to_string(),
        author: row.get("Author").to_string(),
        rank,
        taxonomy: Taxonomy {
            kingdom: row.get("Kingdom").to_string(),
            phylum: row.get("Phylum").to_string(),
            class: row.get("Class").to_string(),
            order: row.get("Order").to_string(),
            family: row.get("Family").to_string(),
            genus: row.get("Genus").to_string(),
        },
        appendix,
        listed_under: (!under.is_empty() && under != name).then(|| under.to_string()),
        names: Default::default(),
        synonyms: Vec::new(),
        distribution: split_list(row.get("All_DistributionISOCodes"), ','),
        source: export.to_string(),
        listings,
        history: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_split_by_appendix_marker() {
        let parts = per_marker(
            "**I** Except the population of Argentina.\n**II** Population of Argentina.",
        );
        assert_eq!(parts.len(), 2);
        assert_eq!(
            parts[0],
            (Appendix::I, "Except the population of Argentina.".into())
        );
        assert_eq!(parts[1].0, Appendix::II);
    }

    #[test]
    fn listing_bracket_names_the_higher_taxon() {
        assert_eq!(
            strip_listing_bracket(
                "[FAMILY listing Pythonidae spp.] Formerly included in Boidae spp."
            ),
            (
                Some("Pythonidae".into()),
                "Formerly included in Boidae spp.".into()
            )
        );
        assert_eq!(
            strip_listing_bracket("No bracket"),
            (None, "No bracket".into())
        );
    }
}
