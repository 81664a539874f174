//! End-to-end tests: the real binary on the shipped data and on small fixtures cut from
//! the official exports.

mod common;

use common::bin;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn json(args: &[&str]) -> serde_json::Value {
    let out = bin().args(args).output().unwrap();
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

/// Reads every file under `dir` into (relative path, bytes), sorted.
fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().display().to_string();
                out.push((rel, std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

// ---- lookup on the embedded catalog -------------------------------------------------

#[test]
fn lookup_shows_appendix_edition_and_source() {
    bin()
        .args(["lookup", "Manis", "javanica"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Manis javanica"))
        .stdout(predicate::str::contains("Appendix I\n"))
        .stdout(predicate::str::contains(
            "As of 2017-04-21, Index of CITES Species",
        ))
        .stdout(predicate::str::contains(
            "CoP20 (2025) are not in this record",
        ));
}

#[test]
fn lookup_json_has_the_documented_fields() {
    let v = json(&["lookup", "Manis javanica", "--json"]);
    assert_eq!(v["query"], "Manis javanica");
    assert_eq!(v["found"], true);
    assert_eq!(v["name"], "Manis javanica");
    assert_eq!(v["rank"], "species");
    assert_eq!(v["appendix"], "I");
    assert_eq!(v["listed_under"], serde_json::Value::Null);
    assert_eq!(v["as_of"], "2017-04-21");
    assert!(
        v["source"]
            .as_str()
            .unwrap()
            .contains("Index of CITES Species")
    );
    assert!(
        v["common_names"]["en"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n == "Sunda Pangolin")
    );
    assert!(v["annotation"].is_string());
}

#[test]
fn lookup_ignores_case_and_accents_in_common_names() {
    let v = json(&["lookup", "PANGOLIN  JAVANAIS", "--json"]);
    assert_eq!(v["name"], "Manis javanica");
    assert_eq!(v["matched"], "French common name");
    let v = json(&["lookup", "pangolin malayo", "--json"]);
    assert_eq!(
        v["name"], "Manis javanica",
        "Spanish name without its accent"
    );
}

#[test]
fn lookup_finds_synonyms() {
    let v = json(&["lookup", "Crocodilus oopholis", "--json"]);
    assert_eq!(v["name"], "Crocodylus porosus");
    assert_eq!(v["matched"], "synonym");
}

#[test]
fn split_listing_names_the_populations_and_the_newer_edition() {
    let v = json(&["lookup", "Crocodylus porosus", "--json"]);
    assert_eq!(v["appendix"], "I/II");
    assert_eq!(
        v["as_of"], "2023-07-01",
        "the 2023 reptile export overrides 2017"
    );
    let listings = v["listings"].as_array().unwrap();
    assert_eq!(listings.len(), 2);
    assert_eq!(listings[0]["appendix"], "I");
    assert!(
        listings[0]["exclude"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c == "PG")
    );
    assert_eq!(listings[1]["appendix"], "II");
    assert!(
        listings[1]["include"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c == "PG")
    );
    assert!(v["history"][0].as_str().unwrap().contains("2017-04-21"));
}

#[test]
fn species_listed_under_a_higher_taxon_says_so() {
    let v = json(&["lookup", "Python bivittatus", "--json"]);
    assert_eq!(v["listed_under"], "Pythonidae");
    bin()
        .args(["lookup", "Python bivittatus"])
        .assert()
        .stdout(predicate::str::contains("listed under Pythonidae spp."));
    // From the 2017 Checklist, where the family entry is not a column but a derivation.
    let v = json(&["lookup", "Panthera tigris", "--json"]);
    assert_eq!(v["appendix"], "I");
    assert_eq!(
        v["listed_under"],
        serde_json::Value::Null,
        "Appendix I species are named one by one"
    );
    let v = json(&["lookup", "Dendrobium nobile", "--json"]);
    assert_eq!(v["listed_under"], "Orchidaceae");
}

#[test]
fn newer_mammal_listing_wins_and_keeps_history() {
    let v = json(&["lookup", "smooth-coated otter", "--json"]);
    assert_eq!(v["name"], "Lutrogale perspicillata");
    assert_eq!(v["appendix"], "I", "transferred to Appendix I at CoP18");
    assert_eq!(v["as_of"], "2022-11-27");
    assert_eq!(v["listings"][0]["effective"], "2019-11-26");
    assert!(
        v["history"][0]
            .as_str()
            .unwrap()
            .starts_with("Appendix II as of 2017-04-21")
    );
}

#[test]
fn unknown_name_exits_1_with_suggestions() {
    bin()
        .args(["lookup", "Manis javanika"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("not listed in the edition in use"))
        .stdout(predicate::str::contains("Did you mean:\n  Manis javanica"));
    let out = bin()
        .args(["lookup", "Homo sapiens", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["found"], false);
    assert!(v["suggestions"].is_array());
}

// ---- import ---------------------------------------------------------------------------

fn import(dir: &Path, file: &str) -> assert_cmd::assert::Assert {
    bin()
        .args(["checklist", "import"])
        .arg(fixture(file))
        .arg("--into")
        .arg(dir)
        .assert()
}

#[test]
fn import_builds_a_catalog_that_lookup_and_check_use() {
    let tmp = tempfile::tempdir().unwrap();
    import(tmp.path(), "exports/index-small-2017-04-21.csv")
        .success()
        .stdout(predicate::str::contains("Imported index-2017-04-21"))
        .stdout(predicate::str::contains("21 taxa in the catalog"));
    import(tmp.path(), "exports/api-mammals-small-2022-11-27.csv")
        .success()
        .stdout(predicate::str::contains("Lutrogale perspicillata: II -> I"));
    import(tmp.path(), "exports/listings-reptiles-small-2023-07.csv")
        .success()
        .stdout(predicate::str::contains("1 added"));

    let out = bin()
        .arg("--data")
        .arg(tmp.path())
        .args(["lookup", "Gekko gecko", "--json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["appendix"], "II");
    assert_eq!(v["as_of"], "2023-07-01");

    // The data folder also works through the environment.
    bin()
        .env("CITES_TRAINER_DATA", tmp.path())
        .args(["lookup", "Manis pentadactyla"])
        .assert()
        .success();
    // A name of the full catalog that the small one lacks.
    bin()
        .env("CITES_TRAINER_DATA", tmp.path())
        .args(["lookup", "Dendrobium nobile"])
        .assert()
        .code(1);
    bin()
        .arg("check")
        .arg(tmp.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("no problems"));
}

#[test]
fn import_of_a_truncated_export_names_the_line_and_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    import(tmp.path(), "exports/index-small-2017-04-21.csv").success();
    let before = tree(tmp.path());

    let text = std::fs::read_to_string(fixture("exports/index-small-2017-04-21.csv")).unwrap();
    let cut = text.len() * 2 / 3;
    let cut = (cut..text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap();
    let truncated = tmp.path().join("truncated-2017-04-21.csv");
    std::fs::write(&truncated, &text[..cut]).unwrap();
    bin()
        .args(["checklist", "import"])
        .arg(&truncated)
        .arg("--into")
        .arg(tmp.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("truncated-2017-04-21.csv, line"))
        .stderr(predicate::str::contains("truncated or damaged"));
    std::fs::remove_file(&truncated).unwrap();
    assert_eq!(
        tree(tmp.path()),
        before,
        "a failed import must not touch the catalog"
    );
}

#[test]
fn import_of_a_wrongly_encoded_or_foreign_file_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let mut bytes = std::fs::read(fixture("exports/index-small-2017-04-21.csv")).unwrap();
    // Latin-1 "é" in the middle of the first data row.
    let at = bytes.iter().position(|&b| b == b'\n').unwrap() + 20;
    bytes[at] = 0xE9;
    let latin1 = tmp.path().join("latin1-2017-04-21.csv");
    std::fs::write(&latin1, bytes).unwrap();
    let data = tmp.path().join("data");
    bin()
        .args(["checklist", "import"])
        .arg(&latin1)
        .arg("--into")
        .arg(&data)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("line 2"))
        .stderr(predicate::str::contains("UTF-8"));
    assert!(!data.join("catalog").exists());

    let foreign = tmp.path().join("prices-2020-01-01.csv");
    std::fs::write(&foreign, "item,price\nrice,3\n").unwrap();
    bin()
        .args(["checklist", "import"])
        .arg(&foreign)
        .arg("--into")
        .arg(&data)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not a CITES export"));
}

#[test]
fn import_needs_a_date_and_a_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let undated = tmp.path().join("export.csv");
    std::fs::copy(fixture("exports/index-small-2017-04-21.csv"), &undated).unwrap();
    bin()
        .args(["checklist", "import"])
        .arg(&undated)
        .arg("--into")
        .arg(tmp.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--as-of"));
    bin()
        .args(["checklist", "import"])
        .arg(&undated)
        .args(["--as-of", "2017-04-21"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--into DIR"));
}

#[test]
fn shipped_catalog_is_what_import_regenerates_from_the_raw_exports() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    // Copy the raw exports so the recorded file names are the same relative paths.
    std::fs::create_dir_all(tmp.path().join("sources")).unwrap();
    for name in [
        "index-of-cites-species-2017-04-21.csv.gz",
        "speciesplus-api-mammalia-2022-11-27.csv.gz",
        "cites-listings-reptilia-2023-07.csv.gz",
    ] {
        let copy = tmp.path().join("sources").join(name);
        std::fs::copy(root.join("data/sources").join(name), &copy).unwrap();
        bin()
            .args(["checklist", "import"])
            .arg(&copy)
            .arg("--into")
            .arg(tmp.path())
            .assert()
            .success();
    }
    let shipped = tree(&root.join("data/catalog"));
    let regenerated = tree(&tmp.path().join("catalog"));
    let names = |t: &[(String, Vec<u8>)]| t.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&regenerated), names(&shipped));
    for ((name, a), (_, b)) in regenerated.iter().zip(&shipped) {
        assert!(
            a == b,
            "{name} differs from what `checklist import` regenerates"
        );
    }
}

// ---- check ----------------------------------------------------------------------------

#[test]
fn check_reports_every_problem_with_file_line_and_column() {
    let tmp = tempfile::tempdir().unwrap();
    import(tmp.path(), "exports/index-small-2017-04-21.csv").success();
    let file = tmp.path().join("catalog/taxa/mammalia.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    // A second taxon with an id already used, a higher taxon that does not exist and an
    // Appendix that does not exist.
    let broken = text
        + "[[taxon]]\nid = 5034\nname = \"Manis fakeus\"\nrank = \"species\"\nappendix = \"IV\"\n\
           listed_under = \"Nowhereidae\"\nsource = \"index-2017-04-21\"\n";
    std::fs::write(&file, &broken).unwrap();
    let line_of = |needle: &str| broken.lines().position(|l| l.starts_with(needle)).unwrap() + 1;
    let last_taxon = broken.rfind("[[taxon]]").unwrap();
    let tail_line = broken[..last_taxon].lines().count() + 1;
    let out = bin().arg("check").arg(tmp.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(&format!(
            "mammalia.toml:{}:1: duplicate taxon id 5034",
            tail_line + 1
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!(
            "mammalia.toml:{}:1: `IV` is not a CITES listing",
            tail_line + 4
        )),
        "{stdout}"
    );
    assert!(stdout.contains("listed under `Nowhereidae`"), "{stdout}");
    assert!(line_of("listed_under = \"Nowhereidae\"") > 0);
    assert!(stdout.contains("3 problems"), "{stdout}");

    // Broken TOML: the parser's position is reported.
    std::fs::write(&file, "[[taxon]]\nid = 1\nname = \"unterminated\n").unwrap();
    bin()
        .arg("check")
        .arg(tmp.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("mammalia.toml:3:"));
}

#[test]
fn check_passes_on_the_shipped_data() {
    bin()
        .arg("check")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("data"))
        .assert()
        .success()
        .stdout(predicate::str::contains("no problems"));
}

#[test]
fn version_and_help_work() {
    bin()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::contains("cites-trainer"));
    bin()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("checklist"));
}
