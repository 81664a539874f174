//! Compiles the shipped data into the binary: the catalog (`data/catalog/`) into the index
//! that makes a lookup as cheap as starting the process, and the ID cards (`data/cards/`)
//! into drill heads and a card blob, so that a drill starts without parsing TOML.
//!
//! The modules below mirror the crate's own paths, so the shared files compile in both.

#[allow(dead_code)]
#[path = "src/catalog"]
mod catalog {
    pub mod file;
    pub mod index;
    pub mod model;
    pub mod normalize;
}
#[allow(dead_code)]
#[path = "src/cards"]
mod cards {
    pub mod model;
    pub use model::*;
}
#[allow(dead_code)]
#[path = "src/drill"]
mod drill {
    pub mod head;
}

use catalog::{file, index, model};
use std::path::Path;

fn main() {
    let dir = Path::new("data/catalog");
    println!("cargo:rerun-if-changed=data/catalog");
    let mut taxa = Vec::new();
    let mut meta = model::CatalogMeta::default();
    let mut paths: Vec<_> = std::fs::read_dir(dir.join("taxa"))
        .expect("data/catalog/taxa is missing")
        .map(|e| e.expect("readable directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    for path in &paths {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(path).expect("readable catalog file");
        let parsed = file::parse_taxa(&text).unwrap_or_else(|e| {
            panic!(
                "{}: {e}\nrun `cites-trainer check` for details",
                path.display()
            )
        });
        taxa.extend(parsed.into_iter().map(|(_, t)| t));
    }
    for name in ["exports.toml", "annotations.toml"] {
        let path = dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).expect("readable catalog metadata");
        let part = file::parse_meta(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        meta.export.extend(part.export);
        meta.annotation.extend(part.annotation);
    }
    taxa.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    let bytes = index::build(&taxa, &meta).expect("catalog compiles");
    let out_dir = std::env::var("OUT_DIR").expect("OUT_DIR set by cargo");
    std::fs::write(Path::new(&out_dir).join("catalog.idx"), bytes).expect("writable OUT_DIR");
    embed_texts(&out_dir);
    compile_cards(&out_dir, &taxa);
}

/// Joins the shipped cards to their catalog records, once, here. A card file that does not
/// parse, or a card whose taxon the catalog lacks, is left out with a warning;
/// `cites-trainer check data` shows the details.
fn compile_cards(out_dir: &str, taxa: &[model::Taxon]) {
    let records = drill::head::name_records(taxa);
    let mut heads: Vec<drill::head::Head> = Vec::new();
    let mut blob: Vec<u8> = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir("data/cards")
        .map(|e| e.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|e| e == "toml"));
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("readable card file");
        let deck = match cards::parse_deck(&text) {
            Ok(deck) => deck,
            Err(e) => {
                println!(
                    "cargo:warning={}: {} (run `cites-trainer check data`)",
                    path.display(),
                    e.message()
                );
                continue;
            }
        };
        for (_, card) in &deck.cards {
            let Some(&record) = records.get(&catalog::normalize::fold(&card.taxon)) else {
                println!(
                    "cargo:warning={}: card `{}`: `{}` is not in the catalog",
                    path.display(),
                    card.id,
                    card.taxon
                );
                continue;
            };
            let mut head = drill::head::Head::new(card, &taxa[record as usize], record);
            let data = drill::head::CardData {
                card: card.clone(),
                sources: drill::head::cited_sources(card, &deck.sources),
            };
            let json = serde_json::to_vec(&data).expect("card serialises");
            head.blob = (blob.len() as u32, json.len() as u32);
            blob.extend_from_slice(&json);
            heads.push(head);
        }
    }
    let json = serde_json::to_vec(&heads).expect("heads serialise");
    std::fs::write(Path::new(out_dir).join("card_heads.json"), json).expect("writable OUT_DIR");
    std::fs::write(Path::new(out_dir).join("cards.blob"), blob).expect("writable OUT_DIR");
}

/// Writes `embedded_files.rs`: the card files and question banks, included as text.
fn embed_texts(out_dir: &str) {
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR set by cargo");
    let mut code = String::new();
    for (name, dir) in [
        ("CARD_FILES", "data/cards"),
        ("BANK_FILES", "quizzes"),
        ("PAPER_FILES", "quizzes/papers"),
    ] {
        println!("cargo:rerun-if-changed={dir}");
        let mut files: Vec<String> = std::fs::read_dir(Path::new(&root).join(dir))
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|e| e == "toml"))
                    .map(|p| {
                        p.file_name()
                            .expect("a file name")
                            .to_string_lossy()
                            .to_string()
                    })
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        code.push_str(&format!("pub static {name}: &[(&str, &str)] = &[\n"));
        for f in files {
            let rel = format!("{dir}/{f}");
            println!("cargo:rerun-if-changed={rel}");
            let abs = Path::new(&root).join(&rel);
            code.push_str(&format!(
                "    ({rel:?}, include_str!({:?})),\n",
                abs.display().to_string()
            ));
        }
        code.push_str("];\n");
    }
    std::fs::write(Path::new(out_dir).join("embedded_files.rs"), code).expect("writable OUT_DIR");
}
