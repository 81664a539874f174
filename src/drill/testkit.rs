//! A small catalog and deck for drill tests: four pangolins, the saltwater crocodile (split
//! listing) and the Burmese python (listed under its family).

use crate::cards::parse_deck;
use crate::catalog::Catalog;
use crate::catalog::model::*;
use crate::drill::{Items, build_items};

fn taxon(
    id: u64,
    name: &str,
    class: &str,
    order: &str,
    family: &str,
    appendix: &str,
    en: &str,
) -> Taxon {
    let genus = name.split(' ').next().unwrap_or("").to_string();
    Taxon {
        id,
        name: name.into(),
        author: String::new(),
        rank: if name.contains(' ') {
            Rank::Species
        } else {
            Rank::Family
        },
        taxonomy: Taxonomy {
            kingdom: "Animalia".into(),
            phylum: "Chordata".into(),
            class: class.into(),
            order: order.into(),
            family: family.into(),
            genus: if name.contains(' ') {
                genus
            } else {
                String::new()
            },
        },
        appendix: appendix.into(),
        listed_under: None,
        names: CommonNames {
            en: vec![en.into()],
            ..Default::default()
        },
        synonyms: vec![],
        distribution: vec![],
        source: "test".into(),
        listings: appendix
            .split('/')
            .filter_map(Appendix::parse)
            .map(|appendix| Listing {
                appendix,
                note: None,
                include: vec![],
                exclude: vec![],
                annotation: None,
                hash: None,
                party: None,
                effective: None,
            })
            .collect(),
        history: vec![],
    }
}

pub fn catalog() -> Catalog {
    let pang = |id, name, en| taxon(id, name, "Mammalia", "Pholidota", "Manidae", "I", en);
    let mut croc = taxon(
        8560,
        "Crocodylus porosus",
        "Reptilia",
        "Crocodylia",
        "Crocodylidae",
        "I/II",
        "Saltwater crocodile",
    );
    croc.distribution = vec!["AU".into(), "IN".into(), "PG".into(), "TH".into()];
    croc.listings[0].exclude = vec!["AU".into(), "PG".into()];
    croc.listings[1].include = vec!["AU".into(), "PG".into()];
    croc.synonyms = vec!["Crocodilus oopholis Schneider, 1801".into()];
    let mut python = taxon(
        8396,
        "Python bivittatus",
        "Reptilia",
        "Serpentes",
        "Pythonidae",
        "II",
        "Burmese python",
    );
    python.listed_under = Some("Pythonidae".into());
    let taxa = vec![
        pang(5034, "Manis javanica", "Sunda pangolin"),
        pang(5035, "Manis pentadactyla", "Chinese pangolin"),
        pang(5036, "Manis culionensis", "Philippine pangolin"),
        pang(5037, "Manis crassicaudata", "Indian pangolin"),
        croc,
        python,
        taxon(
            9000,
            "Pythonidae",
            "Reptilia",
            "Serpentes",
            "Pythonidae",
            "II",
            "Pythons",
        ),
    ];
    let meta = CatalogMeta {
        export: vec![Export {
            id: "test".into(),
            title: "Test export".into(),
            as_of: "2023-07-01".into(),
            scope: String::new(),
            format: "listings".into(),
            file: String::new(),
            citation: String::new(),
        }],
        annotation: vec![],
    };
    Catalog::from_taxa(&taxa, &meta).unwrap()
}

pub const DECK: &str = r#"
[sources.S]
title = "Test source"

[[card]]
id = "sunda"
taxon = "Manis javanica"
group = "mammals"
common_names = ["Sunda pangolin"]
trade_forms = ["scales", "meat"]
trade_source = ["S"]
range = "South-East Asia"
range_source = ["S"]
character = [
  { text = "Bristles between the scales", source = ["S"] },
  { text = "Sunda pangolin scales olive-brown", source = ["S"] },
  { text = "Tail shorter than head and body", source = ["S"] },
]
lookalike = [{ taxon = "Manis culionensis", tell_apart = "Philippine pangolin: smaller scales", source = ["S"] }]

[[card]]
id = "chinese"
taxon = "Manis pentadactyla"
group = "mammals"
common_names = ["Chinese pangolin"]
trade_forms = ["scales"]
trade_source = ["S"]
range = "China"
range_source = ["S"]
character = [
  { text = "Bronze scales", source = ["S"] },
  { text = "Long fore-claws", source = ["S"] },
  { text = "Ear pinnae visible", source = ["S"] },
]

[[card]]
id = "croc"
taxon = "Crocodylus porosus"
group = "reptiles"
common_names = ["Saltwater crocodile"]
trade_forms = ["skin", "leather"]
trade_source = ["S"]
range = "Indo-Pacific"
range_source = ["S"]
character = [
  { text = "Ridges from the eyes along the snout", source = ["S"] },
  { text = "Few or no scales behind the head", source = ["S"] },
  { text = "Very large", source = ["S"] },
]

[[card]]
id = "python"
taxon = "Python bivittatus"
group = "reptiles"
common_names = ["Burmese python"]
trade_forms = ["skin", "live"]
trade_source = ["S"]
range = "South and South-East Asia"
range_source = ["S"]
character = [
  { text = "Arrow mark on the head", source = ["S"] },
  { text = "Dark blotches on a tan ground", source = ["S"] },
  { text = "Heavy body", source = ["S"] },
]
lookalike = [{ taxon = "cattle leather printed with a python pattern", listed = false, tell_apart = "printed pattern, no scale pockets", source = ["S"] }]
"#;

pub fn items(catalog: &Catalog) -> Items<'static> {
    let index = catalog.index().unwrap();
    let meta = index.meta().unwrap();
    Items::from_items(build_items(&[parse_deck(DECK).unwrap()], &index, &meta))
}
