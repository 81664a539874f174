//! End-to-end tests of the progress store: answers survive `kill -9`, two terminals at once,
//! a damaged file is refused untouched, the schedule brings back what was missed, confused
//! pairs return as pair questions, and the report and export show it all.

mod common;

use assert_cmd::Command;
use predicates::prelude::*;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::Stdio;

const DAY: i64 = 86_400;
const T0: i64 = 1_795_900_000; // 2026-11-28

/// The program on the embedded data, with progress in `home`.
fn bin(home: &Path) -> Command {
    let mut cmd = common::bin();
    cmd.env("CITES_TRAINER_HOME", home);
    cmd
}

fn run(home: &Path, now: i64, args: &[&str], input: &str) -> String {
    let out = bin(home)
        .env("CITES_TRAINER_NOW", now.to_string())
        .args(args)
        .write_stdin(input.to_string())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn progress(home: &Path, now: i64, officer: &str) -> serde_json::Value {
    let out = run(home, now, &["progress", "--officer", officer, "--json"], "");
    serde_json::from_str(&out).unwrap()
}

#[test]
fn a_process_killed_mid_drill_keeps_every_answered_question() {
    let home = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("cites-trainer"))
        .args([
            "drill",
            "--officer",
            "Kiri",
            "--count",
            "5",
            "--seed",
            "3",
            "--kind",
            "appendix",
        ])
        .env("CITES_TRAINER_HOME", home.path())
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut answered = 0;
    while let Some(Ok(line)) = lines.next() {
        if line.starts_with("Question 3/5") {
            break; // the third question is on the screen, unanswered
        }
        if line.starts_with("Question ") {
            writeln!(stdin, "2").unwrap();
            stdin.flush().unwrap();
            answered += 1;
        }
    }
    assert_eq!(answered, 2);
    // SIGKILL: no destructor, no flush, nothing but what was committed.
    child.kill().unwrap();
    child.wait().unwrap();
    let p = progress(home.path(), T0, "Kiri");
    assert_eq!(p["answers"], 2, "{p}");
}

#[test]
fn two_terminals_drilling_the_same_officer_lose_nothing() {
    let home = tempfile::tempdir().unwrap();
    let spawn = |seed: &str| {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("cites-trainer"))
            .args([
                "drill",
                "--officer",
                "Same",
                "--count",
                "30",
                "--seed",
                seed,
                "--practice",
            ])
            .env("CITES_TRAINER_HOME", home.path())
            .env("NO_COLOR", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all("1\n".repeat(30).as_bytes())
            .unwrap();
        child
    };
    let (mut a, mut b) = (spawn("1"), spawn("2"));
    assert!(a.wait().unwrap().success());
    assert!(b.wait().unwrap().success());
    assert_eq!(progress(home.path(), T0, "Same")["answers"], 60);
}

#[test]
fn a_damaged_progress_file_is_refused_and_left_as_it_was() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("progress.sqlite3");
    std::fs::write(&file, b"not a database at all".repeat(200)).unwrap();
    let before = std::fs::read(&file).unwrap();
    bin(home.path())
        .args(["drill", "--count", "1"])
        .write_stdin("1\n")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "progress.sqlite3: not a cites-trainer progress file, or it is damaged",
        ))
        .stderr(predicate::str::contains("It was not changed"));
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

#[test]
fn missed_items_come_back_first_and_practice_leaves_the_schedule_alone() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    // Day 0: three appendix questions, all answered wrong.
    let out = run(
        h,
        T0,
        &[
            "drill",
            "--officer",
            "Lan",
            "--kind",
            "appendix",
            "--count",
            "3",
            "--seed",
            "9",
        ],
        "9\n9\n9\n9\n9\n9\n9\n9\n9\n",
    );
    let first: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("Which CITES Appendix covers"))
        .collect();
    assert_eq!(first.len(), 3);
    let p = progress(h, T0, "Lan");
    assert_eq!(p["due_today"], 3, "wrong answers are due again today: {p}");

    // An hour later, with another seed: the same three come first.
    let out = run(
        h,
        T0 + 3600,
        &[
            "drill",
            "--officer",
            "Lan",
            "--kind",
            "appendix",
            "--count",
            "3",
            "--seed",
            "77",
        ],
        "1\n1\n1\n",
    );
    let again: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("Which CITES Appendix covers"))
        .collect();
    let subject = |l: &str| l.split(" from ").next().unwrap().to_string();
    let mut a: Vec<String> = first.iter().map(|l| subject(l)).collect();
    let mut b: Vec<String> = again.iter().map(|l| subject(l)).collect();
    a.sort();
    b.sort();
    assert_eq!(a, b, "due items first");

    // Practice answers are kept but do not move the schedule.
    let before = progress(h, T0 + 7200, "Lan");
    run(
        h,
        T0 + 7200,
        &[
            "drill",
            "--officer",
            "Lan",
            "--count",
            "3",
            "--practice",
            "--seed",
            "5",
        ],
        "1\n1\n1\n",
    );
    let after = progress(h, T0 + 7200, "Lan");
    assert_eq!(
        after["answers"].as_u64().unwrap(),
        before["answers"].as_u64().unwrap() + 3
    );
    assert_eq!(after["due_today"], before["due_today"]);
    assert_eq!(after["due_next_days"], before["due_next_days"]);
}

/// For each question of a transcript, an option number that is not the right answer.
fn wrong_choices(transcript: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut options: Vec<String> = Vec::new();
    for line in transcript.lines() {
        if line.starts_with("Question ") {
            options.clear();
        } else if let Some((n, text)) = line.trim_start().split_once(") ")
            && n.parse::<usize>().is_ok()
            && line.starts_with("  ")
        {
            options.push(text.to_string());
        } else if let Some(answer) = line.split("he answer is ").nth(1) {
            let answer = answer.trim_end_matches('.');
            out.push(options.iter().position(|o| o != answer).unwrap() + 1);
        }
    }
    out
}

#[test]
fn confused_species_come_back_as_pair_questions() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let args = [
        "drill",
        "--officer",
        "Bo",
        "--kind",
        "identify",
        "--count",
        "3",
        "--seed",
        "2",
        "--practice",
    ];
    // A first look (answers out of range) shows the questions and their answers...
    let look = run(h, T0, &args, &"9\n".repeat(9));
    let wrong = wrong_choices(&look);
    assert_eq!(wrong.len(), 3, "{look}");
    // ...then the same drill answered with a wrong species each time.
    let script: String = wrong.iter().map(|n| format!("{n}\n")).collect();
    let out = run(h, T0, &args, &script);
    assert_eq!(out.matches("Wrong. You answered").count(), 3, "{out}");
    let p = progress(h, T0, "Bo");
    let confused = p["confused"].as_array().unwrap();
    assert_eq!(confused.len(), 3, "{p}");
    // The next drill opens with a pair question on a confused pair.
    let next = run(
        h,
        T0 + 60,
        &["drill", "--officer", "Bo", "--count", "1", "--seed", "1"],
        "1\n",
    );
    assert!(next.contains("(pair)"), "{next}");
    assert!(
        confused.iter().any(|c| next.contains(c[0].as_str().unwrap()) && next.contains(c[1].as_str().unwrap())),
        "{next}"
    );
}

#[test]
fn report_and_export_show_the_answers_and_neutralise_formulas() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let evil = "=HYPERLINK(\"http://x\",\"click\")";
    run(
        h,
        T0,
        &["drill", "--officer", evil, "--count", "4", "--seed", "4"],
        &"1\n".repeat(12),
    );
    run(
        h,
        T0 + DAY,
        &["drill", "--officer", "Mali", "--count", "3", "--seed", "4"],
        &"2\n".repeat(9),
    );
    let text = run(h, T0 + DAY, &["progress", "--officer", "Mali"], "");
    assert!(text.contains("Progress of Mali"), "{text}");
    assert!(text.contains("3 answers"), "{text}");
    assert!(text.contains("Mastery by group"), "{text}");
    assert!(text.contains("Due\n  today"), "{text}");

    let text = run(h, T0 + DAY, &["export", "--format", "csv"], "");
    assert!(text.starts_with("officer,date,unix_time,mode,item"));
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 7, "4 + 3 answers");
    assert!(
        rows.iter()
            .any(|r| &r[0] == "'=HYPERLINK(\"http://x\",\"click\")"),
        "{text}"
    );
    assert!(
        rows.iter()
            .all(|r| r.iter().all(|cell| !cell.starts_with(['=', '+', '@']))),
        "{text}"
    );
    assert!(
        rows.iter().all(|r| r[10].parse::<f64>().is_ok()),
        "credit is a number"
    );

    let out = h.join("sheet.csv");
    bin(h)
        .env("CITES_TRAINER_NOW", (T0 + DAY).to_string())
        .args(["export", "--out"])
        .arg(&out)
        .assert()
        .success();
    let summary = std::fs::read_to_string(h.join("sheet-summary.csv")).unwrap();
    assert!(
        summary.starts_with("officer,answers,score,percent,first,last,days\n"),
        "{summary}"
    );
    assert!(summary.contains("\n\"'=HYPERLINK("), "{summary}");
    assert!(summary.contains("\nMali,3,"), "{summary}");

    let json: serde_json::Value = serde_json::from_str(&run(
        h,
        T0 + DAY,
        &["export", "--format", "json", "--officer", "Mali"],
        "",
    ))
    .unwrap();
    assert_eq!(json["answers"].as_array().unwrap().len(), 3);
    assert_eq!(json["officers"][0]["officer"], "Mali");
}

#[test]
fn officers_can_be_added_chosen_and_tuned() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    run(h, T0, &["officer", "add", "Anong"], "");
    run(h, T0, &["officer", "add", "Vuthy"], "");
    let list = run(h, T0, &["officer", "list"], "");
    assert!(
        list.contains("* Anong"),
        "the first added is the default: {list}"
    );
    run(h, T0, &["officer", "use", "Vuthy"], "");
    let out = run(h, T0, &["drill", "--count", "1", "--seed", "1"], "1\n");
    assert!(out.contains("Species drill for Vuthy"), "{out}");
    let out = run(
        h,
        T0,
        &[
            "officer",
            "set",
            "--retention",
            "0.85",
            "--retention-app1",
            "0.97",
        ],
        "",
    );
    assert!(
        out.contains("Vuthy: desired retention 0.85, for Appendix I species 0.97"),
        "{out}"
    );
    bin(h)
        .args(["officer", "set", "--retention", "1.5"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("out of range"));
    bin(h)
        .args(["officer", "optimize"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not enough history"));
}
