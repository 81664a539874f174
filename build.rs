//! Compiles the shipped catalog (`data/catalog/`) into the index embedded in the binary,
//! so that a lookup does not parse 38,000 TOML records at every start.

#[path = "src/catalog/file.rs"]
#[allow(dead_code)]
mod file;
#[path = "src/catalog/index.rs"]
#[allow(dead_code)]
mod index;
#[path = "src/catalog/model.rs"]
#[allow(dead_code)]
mod model;
#[path = "src/catalog/normalize.rs"]
#[allow(dead_code)]
mod normalize;

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
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR set by cargo")).join("catalog.idx");
    std::fs::write(out, bytes).expect("writable OUT_DIR");
}
