//! `cites-trainer check [DIR]`: validate a data folder and list every problem.

use crate::catalog::Catalog;
use crate::catalog::load::{read, taxa_paths};
use crate::check::check_catalog;
use crate::data::toml_files;
use crate::error::{Error, Result};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn run(dir: Option<PathBuf>) -> Result<ExitCode> {
    let dir = match dir {
        Some(d) => d,
        None if Path::new("data").is_dir() => PathBuf::from("data"),
        None => {
            return Err(Error::Usage(
                "name the data folder to check: `cites-trainer check DIR` (the embedded data was checked when it was built)"
                    .into(),
            ));
        }
    };
    if !dir.is_dir() {
        return Err(Error::Usage(format!("{}: no such folder", dir.display())));
    }
    let mut problems = Vec::new();
    let mut checked = 0;
    let mut counts = Vec::new();

    // The catalog: the folder's own, which cards and questions are then checked against.
    let catalog_dir = dir.join("catalog");
    let mut catalog = None;
    if catalog_dir.join("taxa").is_dir() {
        let taxa_files: Vec<_> = taxa_paths(&catalog_dir)?
            .iter()
            .map(|p| read(p))
            .collect::<Result<_, _>>()?;
        let meta_files: Vec<_> = ["exports.toml", "annotations.toml"]
            .iter()
            .map(|n| catalog_dir.join(n))
            .filter(|p| p.exists())
            .map(|p| read(&p))
            .collect::<Result<_, _>>()?;
        checked += taxa_files.len() + meta_files.len();
        let (found, located) = check_catalog(&taxa_files, &meta_files);
        counts.push(format!("{} taxa", located.len()));
        if found.is_empty() {
            let taxa: Vec<_> = located.into_iter().map(|l| l.taxon).collect();
            let meta = crate::catalog::load::load_meta(&catalog_dir)?;
            catalog = Some(Catalog::from_taxa(&taxa, &meta)?);
        }
        problems.extend(found);
    }
    let catalog = catalog.unwrap_or_else(Catalog::embedded);
    let index = catalog.index()?;

    let cards_dir = dir.join("cards");
    if cards_dir.is_dir() {
        let files = toml_files(&cards_dir)?;
        checked += files.len();
        let (found, decks) = crate::cards::validate::check_cards(&files, &index);
        counts.push(format!(
            "{} cards",
            decks.iter().map(|d| d.cards.len()).sum::<usize>()
        ));
        problems.extend(found);
    }

    // Question banks: the folder's quizzes/, or the quizzes/ beside it (the project's layout).
    let beside = dir.parent().map(|p| p.join("quizzes"));
    let banks_dir = std::iter::once(dir.join("quizzes"))
        .chain(beside)
        .find(|d| d.is_dir());
    if let Some(banks_dir) = banks_dir {
        let files = toml_files(&banks_dir)?;
        checked += files.len();
        let (found, n) = crate::bank::validate::check_banks(&files);
        counts.push(format!("{n} questions"));
        let banks_ok = found.is_empty();
        problems.extend(found);
        let papers_dir = banks_dir.join("papers");
        if papers_dir.is_dir() {
            let papers = toml_files(&papers_dir)?;
            checked += papers.len();
            counts.push(format!("{} papers", papers.len()));
            let banks: Vec<_> = if banks_ok {
                files
                    .iter()
                    .filter_map(|f| crate::bank::parse_bank(&f.text).ok())
                    .collect()
            } else {
                Vec::new()
            };
            let meta = index.meta()?;
            let data = crate::data::DataSource {
                dir: Some(dir.clone()),
            };
            let items = crate::cmd::drill::load_items(&data, &index, &meta)?;
            for f in &papers {
                match crate::paper::parse_paper(&f.text) {
                    Err(e) => problems.push(crate::check::toml_error(f, &e)),
                    Ok(paper) if banks_ok => {
                        // Draw the paper once: every draw must be satisfiable.
                        if let Err(e) =
                            crate::paper::questions(&paper, &banks, &items, &index, "check")
                        {
                            problems.push(crate::check::Problem {
                                path: f.path.clone(),
                                line: 1,
                                col: 1,
                                message: e.0,
                            });
                        }
                    }
                    Ok(_) => {}
                }
            }
        }
    }

    for p in &problems {
        println!("{p}");
    }
    if problems.is_empty() {
        println!(
            "{}: {checked} files, {}: no problems.",
            dir.display(),
            counts.join(", ")
        );
        Ok(ExitCode::SUCCESS)
    } else {
        println!(
            "{}: {} problem{} in {checked} file{}.",
            dir.display(),
            problems.len(),
            if problems.len() == 1 { "" } else { "s" },
            if checked == 1 { "" } else { "s" }
        );
        Ok(ExitCode::from(1))
    }
}
