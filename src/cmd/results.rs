//! `cites-trainer results merge|stats FILES...`: the instructor's side of a class paper.

use crate::error::{Error, Result};
use crate::export::cell;
use crate::report::bar;
use crate::results::{Merged, ResultFile, Row, merge, stats};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Reads result files; unreadable ones are reported and left out.
fn read(files: &[PathBuf]) -> (Vec<(String, ResultFile)>, Vec<String>) {
    let mut ok = Vec::new();
    let mut bad = Vec::new();
    for f in files {
        let name = f.display().to_string();
        match std::fs::read_to_string(f) {
            Ok(text) => match serde_json::from_str::<ResultFile>(&text) {
                Ok(r) => ok.push((name, r)),
                Err(e) => bad.push(format!(
                    "{name}: not a result file (line {}: {e})",
                    e.line()
                )),
            },
            Err(e) => bad.push(format!("{name}: cannot read it: {e}")),
        }
    }
    (ok, bad)
}

fn merged(files: &[PathBuf]) -> Merged {
    let (ok, bad) = read(files);
    let mut m = merge(ok, None);
    m.rejected.splice(0..0, bad);
    for r in &m.rejected {
        eprintln!("left out: {r}");
    }
    m
}

fn minutes(s: f64) -> String {
    format!("{}:{:02}", (s / 60.0) as u64, (s % 60.0) as u64)
}

fn topics(rows: &[Row]) -> Vec<String> {
    rows.iter()
        .flat_map(|r| r.topics.keys().cloned())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

pub fn write_csv(rows: &[Row], out: impl std::io::Write) -> std::io::Result<()> {
    let topics = topics(rows);
    let mut w = csv::Writer::from_writer(out);
    let mut header: Vec<String> = [
        "officer",
        "score",
        "max",
        "percent",
        "result",
        "time used",
        "minutes",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    header.extend(topics.iter().map(|t| format!("{t} (score)")));
    w.write_record(&header)?;
    for r in rows {
        let mut rec = vec![
            cell(&r.officer),
            format!("{}", r.score),
            r.max.to_string(),
            format!("{:.1}", r.percent),
            if r.passed { "pass" } else { "fail" }.to_string(),
            minutes(r.time_used_seconds),
            format!("{:.2}", r.time_used_seconds / 60.0),
        ];
        rec.extend(topics.iter().map(|t| {
            r.topics
                .get(t)
                .map(|(s, _)| format!("{s}"))
                .unwrap_or_default()
        }));
        w.write_record(&rec)?;
    }
    w.flush()
}

fn write_xlsx(rows: &[Row], path: &Path) -> std::result::Result<(), rust_xlsxwriter::XlsxError> {
    let topics = topics(rows);
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Scores")?;
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let mut header: Vec<String> = ["Officer", "Score", "Max", "Percent", "Result", "Minutes"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    header.extend(topics.iter().cloned());
    for (c, h) in header.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, h, &bold)?;
    }
    for (i, r) in rows.iter().enumerate() {
        let row = (i + 1) as u32;
        // write_string stores text as text: a name starting with "=" is never a formula.
        sheet.write_string(row, 0, &r.officer)?;
        sheet.write_number(row, 1, r.score)?;
        sheet.write_number(row, 2, r.max as f64)?;
        sheet.write_number(row, 3, (r.percent * 10.0).round() / 10.0)?;
        sheet.write_string(row, 4, if r.passed { "pass" } else { "fail" })?;
        sheet.write_number(row, 5, (r.time_used_seconds / 60.0 * 100.0).round() / 100.0)?;
        for (j, t) in topics.iter().enumerate() {
            if let Some((s, _)) = r.topics.get(t) {
                sheet.write_number(row, (6 + j) as u16, *s)?;
            }
        }
    }
    sheet.autofit();
    book.save(path)
}

pub fn merge_cmd(files: &[PathBuf], out: Option<PathBuf>, format: &str) -> Result<ExitCode> {
    let m = merged(files);
    if m.rows.is_empty() {
        return Err(Error::Usage("no result file could be merged".into()));
    }
    let write_err = |p: &Path| {
        let p = p.to_path_buf();
        move |source| Error::Write {
            path: p.clone(),
            source,
        }
    };
    match (format, out) {
        ("json", out) => {
            let text = serde_json::to_string_pretty(&serde_json::json!({
                "paper": m.files[0].paper_title,
                "fingerprint": m.files[0].fingerprint,
                "officers": m.rows,
                "left_out": m.rejected,
            }))
            .map_err(|e| e.to_string())?;
            match out {
                Some(p) => std::fs::write(&p, text + "\n").map_err(write_err(&p))?,
                None => println!("{text}"),
            }
        }
        (_, Some(p))
            if p.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("xlsx")) =>
        {
            write_xlsx(&m.rows, &p).map_err(|e| {
                Error::Usage(format!("{}: cannot write the workbook: {e}", p.display()))
            })?;
        }
        (_, Some(p)) => {
            let mut buf = Vec::new();
            write_csv(&m.rows, &mut buf).map_err(write_err(&p))?;
            std::fs::write(&p, buf).map_err(write_err(&p))?;
        }
        (_, None) => {
            write_csv(&m.rows, std::io::stdout()).map_err(write_err(Path::new("-")))?;
        }
    }
    eprintln!(
        "{} officers merged from \"{}\"; {} file{} left out.",
        m.rows.len(),
        m.files[0].paper_title,
        m.rejected.len(),
        if m.rejected.len() == 1 { "" } else { "s" }
    );
    Ok(ExitCode::SUCCESS)
}

pub fn stats_cmd(files: &[PathBuf], json: bool) -> Result<ExitCode> {
    let m = merged(files);
    if m.files.is_empty() {
        return Err(Error::Usage("no result file could be read".into()));
    }
    let s = stats(&m.files);
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&s).map_err(|e| e.to_string())?
        );
        return Ok(ExitCode::SUCCESS);
    }
    println!("\"{}\": {} officers", m.files[0].paper_title, s.officers);
    println!(
        "  mean {:.1}%  median {:.1}%  standard deviation {:.1}  Cronbach's alpha {}",
        s.mean,
        s.median,
        s.sd,
        s.cronbach_alpha.map_or("-".into(), |a| format!("{a:.2}"))
    );
    println!(
        "\n  {:<26} {:>5}  {:<22} {:>7}",
        "question", "tries", "facility", "discr."
    );
    for item in &s.items {
        println!(
            "  {:<26} {:>5}  {} {:>3.0}%  {:>6}",
            item.id,
            item.attempts,
            bar(item.facility / 100.0, 16),
            item.facility,
            item.discrimination
                .map_or("-".into(), |d| format!("{d:.0}%"))
        );
        for (answer, n) in &item.chosen {
            println!("      {n:>3} x {answer}");
        }
        for f in &item.flags {
            println!("      ! {f}");
        }
    }
    Ok(ExitCode::SUCCESS)
}
