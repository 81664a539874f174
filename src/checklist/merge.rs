//! Combining exports: a complete Checklist replaces the catalog; a partial export is laid
//! over it, the newer record winning and the older listing kept as history. Pure.

use crate::catalog::model::{Export, PastListing, Taxon};
use std::collections::HashMap;

/// What an import changed, for the report.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Changes {
    pub added: Vec<String>,
    pub removed: Vec<String>,
    /// (name, old notation, new notation)
    pub appendix_changed: Vec<(String, String, String)>,
    /// Records of the export that were older than the catalog's and became history.
    pub kept_newer: usize,
    pub updated: usize,
}

/// Replaces the catalog by a complete export.
pub fn replace(old: &[Taxon], new: Vec<Taxon>) -> (Vec<Taxon>, Changes) {
    let old_by_id: HashMap<u64, &Taxon> = old.iter().map(|t| (t.id, t)).collect();
    let new_ids: std::collections::HashSet<u64> = new.iter().map(|t| t.id).collect();
    let mut changes = Changes::default();
    for t in &new {
        match old_by_id.get(&t.id) {
            None => changes.added.push(t.name.clone()),
            Some(o) if o.appendix != t.appendix => changes.appendix_changed.push((
                t.name.clone(),
                o.appendix.clone(),
                t.appendix.clone(),
            )),
            Some(_) => changes.updated += 1,
        }
    }
    for o in old {
        if !new_ids.contains(&o.id) {
            changes.removed.push(o.name.clone());
        }
    }
    (new, changes)
}

/// Lays a partial export over the catalog. Records are matched by taxon id, then by name.
/// `exports` gives the date of every export, so that the newer record wins whichever order
/// the files are imported in.
pub fn overlay(
    mut catalog: Vec<Taxon>,
    new: Vec<Taxon>,
    exports: &[Export],
) -> (Vec<Taxon>, Changes) {
    let as_of = |source: &str| {
        exports
            .iter()
            .find(|e| e.id == source)
            .map(|e| e.as_of.clone())
            .unwrap_or_default()
    };
    let mut by_id: HashMap<u64, usize> =
        catalog.iter().enumerate().map(|(i, t)| (t.id, i)).collect();
    let by_name: HashMap<String, usize> = catalog
        .iter()
        .enumerate()
        .map(|(i, t)| (t.name.clone(), i))
        .collect();
    let mut changes = Changes::default();
    for t in new {
        let found = by_id.get(&t.id).or_else(|| by_name.get(&t.name)).copied();
        let Some(i) = found else {
            changes.added.push(t.name.clone());
            by_id.insert(t.id, catalog.len());
            catalog.push(t);
            continue;
        };
        let old = &mut catalog[i];
        if as_of(&old.source) > as_of(&t.source) {
            // The catalog already has a newer record: the export's becomes history.
            push_history(old, past(&t));
            changes.kept_newer += 1;
            continue;
        }
        if old.appendix != t.appendix {
            changes.appendix_changed.push((
                t.name.clone(),
                old.appendix.clone(),
                t.appendix.clone(),
            ));
        } else {
            changes.updated += 1;
        }
        let mut merged = t;
        let mut history = std::mem::take(&mut old.history);
        history.push(past(old));
        merged.history = Vec::new();
        for h in history {
            push_history(&mut merged, h);
        }
        // A partial export may leave out what the older record had.
        if merged.names.is_empty() {
            merged.names = std::mem::take(&mut old.names);
        }
        if merged.synonyms.is_empty() {
            merged.synonyms = std::mem::take(&mut old.synonyms);
        }
        if merged.distribution.is_empty() {
            merged.distribution = std::mem::take(&mut old.distribution);
        }
        if merged.author.is_empty() {
            merged.author = std::mem::take(&mut old.author);
        }
        for (new_field, old_field) in [
            (&mut merged.taxonomy.kingdom, &mut old.taxonomy.kingdom),
            (&mut merged.taxonomy.phylum, &mut old.taxonomy.phylum),
            (&mut merged.taxonomy.class, &mut old.taxonomy.class),
            (&mut merged.taxonomy.order, &mut old.taxonomy.order),
            (&mut merged.taxonomy.family, &mut old.taxonomy.family),
            (&mut merged.taxonomy.genus, &mut old.taxonomy.genus),
        ] {
            if new_field.is_empty() {
                *new_field = std::mem::take(old_field);
            }
        }
        merged.id = old.id;
        *old = merged;
    }
    (catalog, changes)
}

fn past(t: &Taxon) -> PastListing {
    PastListing {
        source: t.source.clone(),
        appendix: t.appendix.clone(),
        listed_under: t.listed_under.clone(),
    }
}

fn push_history(t: &mut Taxon, h: PastListing) {
    if !t.history.contains(&h) && h.source != t.source {
        t.history.push(h);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::model::{Rank, Taxonomy};

    fn taxon(id: u64, name: &str, appendix: &str, source: &str) -> Taxon {
        Taxon {
            id,
            name: name.into(),
            author: String::new(),
            rank: Rank::Species,
            taxonomy: Taxonomy::default(),
            appendix: appendix.into(),
            listed_under: None,
            names: Default::default(),
            synonyms: vec![],
            distribution: vec![],
            source: source.into(),
            listings: vec![],
            history: vec![],
        }
    }

    fn export(id: &str, as_of: &str) -> Export {
        Export {
            id: id.into(),
            title: String::new(),
            as_of: as_of.into(),
            scope: String::new(),
            format: String::new(),
            file: String::new(),
            citation: String::new(),
        }
    }

    #[test]
    fn newer_record_wins_and_older_becomes_history() {
        let exports = [export("old", "2017-04-21"), export("new", "2022-11-27")];
        let mut otter = taxon(7181, "Lutrogale perspicillata", "II", "old");
        otter.names.en = vec!["Smooth-coated Otter".into()];
        let (cat, changes) = overlay(
            vec![otter],
            vec![taxon(7181, "Lutrogale perspicillata", "I", "new")],
            &exports,
        );
        assert_eq!(cat[0].appendix, "I");
        assert_eq!(cat[0].source, "new");
        assert_eq!(cat[0].history[0].appendix, "II");
        assert_eq!(
            cat[0].names.en,
            vec!["Smooth-coated Otter"],
            "names kept from the older record"
        );
        assert_eq!(changes.appendix_changed.len(), 1);
    }

    #[test]
    fn older_export_does_not_overwrite_newer_record() {
        let exports = [export("old", "2017-04-21"), export("new", "2022-11-27")];
        let (cat, changes) = overlay(
            vec![taxon(1, "A b", "I", "new")],
            vec![taxon(1, "A b", "II", "old")],
            &exports,
        );
        assert_eq!(cat[0].appendix, "I");
        assert_eq!(cat[0].history[0].appendix, "II");
        assert_eq!(changes.kept_newer, 1);
    }

    #[test]
    fn replace_reports_added_removed_changed() {
        let (cat, changes) = replace(
            &[taxon(1, "A a", "II", "x"), taxon(2, "B b", "II", "x")],
            vec![taxon(1, "A a", "I", "y"), taxon(3, "C c", "II", "y")],
        );
        assert_eq!(cat.len(), 2);
        assert_eq!(changes.added, vec!["C c"]);
        assert_eq!(changes.removed, vec!["B b"]);
        assert_eq!(
            changes.appendix_changed,
            vec![("A a".into(), "II".into(), "I".into())]
        );
    }
}
