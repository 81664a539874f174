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
    let out_dir = std::env::var("OUT_DIR").expect("OUT_DIR set by cargo");
    std::fs::write(Path::new(&out_dir).join("catalog.idx"), bytes).expect("writable OUT_DIR");
    embed_texts(&out_dir);
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
