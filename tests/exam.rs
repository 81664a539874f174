//! End-to-end: four officers take a class paper (three by scripted input, one at a terminal
//! where a question times out), and the instructor merges the results and analyses them. The
//! expected figures were computed by hand.

mod common;

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/class")
}

/// The program on the class fixture, with progress in `home`.
fn bin(home: &Path) -> Command {
    let mut cmd = common::bin();
    cmd.env("CITES_TRAINER_HOME", home)
        .env("CITES_TRAINER_DATA", fixture());
    cmd
}

fn take(home: &Path, results: &Path, officer: &str, answers: &str) -> String {
    let out = bin(home)
        .args(["exam", "class-test", "--officer", officer, "--results-dir"])
        .arg(results)
        .write_stdin(answers.to_string())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[cfg(unix)]
fn take_at_a_terminal(home: &Path, results: &Path) {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin!("cites-trainer"));
    cmd.args(["exam", "class-test", "--officer", "Dara", "--results-dir"])
        .arg(results)
        .env("CITES_TRAINER_HOME", home)
        .env("CITES_TRAINER_DATA", fixture())
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    let mut p = rexpect::session::spawn_command(cmd, Some(20_000)).unwrap();
    p.exp_string("Question 1/4").unwrap();
    p.exp_string("Answer (number or letter):").unwrap();
    p.send("1").unwrap();
    p.flush().unwrap();
    p.send("\r").unwrap();
    p.flush().unwrap();
    // Question 2: no key at all; the countdown closes it after three seconds.
    p.exp_string("Question 2/4").unwrap();
    p.exp_string("Time is up for this question.").unwrap();
    p.exp_string("Question 3/4").unwrap();
    p.exp_string("Answer:").unwrap();
    p.send("w\r").unwrap();
    p.flush().unwrap();
    p.exp_string("Question 4/4").unwrap();
    p.exp_string("Answers (e.g. 1,3):").unwrap();
    p.send("1,2\r").unwrap();
    p.flush().unwrap();
    p.exp_string("Score: 3/4 (75%): PASS").unwrap();
    p.exp_eof().unwrap();
}

#[cfg(unix)]
#[test]
fn a_class_takes_a_paper_and_the_instructor_gets_the_sheet_and_the_statistics() {
    let tmp = tempfile::tempdir().unwrap();
    let (home, results) = (tmp.path().join("home"), tmp.path().join("results"));
    let a = take(&home, &results, "Anong", "1\nfalse\nW\n1,2\n");
    assert!(a.contains("Score: 4/4 (100%): PASS"), "{a}");
    assert!(
        a.contains("[right] class-4: Export permit; Re-export certificate"),
        "{a}"
    );
    let b = take(&home, &results, "Bo", "1\ntrue\nw\n1,3\n");
    assert!(b.contains("Score: 2/4 (50%): PASS"), "{b}");
    // An officer named like a spreadsheet formula.
    let c = take(
        &home,
        &results,
        "=HYPERLINK(\"http://x\")",
        "2\ntrue\nW\n3\n",
    );
    assert!(c.contains("Score: 1/4 (25%): not passed"), "{c}");
    take_at_a_terminal(&home, &results);

    // The same officer again is refused: the result already exists.
    bin(&home)
        .args(["exam", "class-test", "--officer", "Bo", "--results-dir"])
        .arg(&results)
        .write_stdin("1\n")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("has already taken this paper"));

    let mut files: Vec<PathBuf> = std::fs::read_dir(&results)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 4);

    // A damaged copy and a copy of an officer already counted are left out.
    let edited = tmp.path().join("edited.json");
    let text = std::fs::read_to_string(results.join("class-test-bo.json")).unwrap();
    std::fs::write(&edited, text.replace("\"score\": 2.0", "\"score\": 4.0")).unwrap();
    let twice = tmp.path().join("twice.json");
    std::fs::copy(results.join("class-test-anong.json"), &twice).unwrap();
    let mut with_bad = files.clone();
    with_bad.push(edited);
    with_bad.push(twice);

    let sheet = tmp.path().join("sheet.csv");
    bin(&home)
        .args(["results", "merge"])
        .args(&with_bad)
        .arg("--out")
        .arg(&sheet)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "edited.json: the checksum does not match",
        ))
        .stderr(predicate::str::contains(
            "twice.json: Anong is already counted",
        ))
        .stderr(predicate::str::contains("4 officers merged"));
    let csv = std::fs::read_to_string(&sheet).unwrap();
    let mut lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines.remove(0),
        "officer,score,max,percent,result,time used,minutes,class (score)"
    );
    lines.sort();
    assert_eq!(lines.len(), 4);
    assert!(
        lines[0].starts_with("\"'=HYPERLINK(\"\"http://x\"\")\",1,4,25.0,fail,"),
        "{csv}"
    );
    assert!(lines[1].starts_with("Anong,4,4,100.0,pass,"), "{csv}");
    assert!(lines[2].starts_with("Bo,2,4,50.0,pass,"), "{csv}");
    assert!(lines[3].starts_with("Dara,3,4,75.0,pass,"), "{csv}");

    // Excel: a real workbook (a zip file).
    let xlsx = tmp.path().join("sheet.xlsx");
    bin(&home)
        .args(["results", "merge"])
        .args(&files)
        .arg("--out")
        .arg(&xlsx)
        .assert()
        .success();
    assert_eq!(&std::fs::read(&xlsx).unwrap()[..2], b"PK");

    // Item analysis, computed by hand: credits A 1111, B 1010, C 0010, D 1011.
    let out = bin(&home)
        .args(["results", "stats", "--json"])
        .args(&files)
        .output()
        .unwrap();
    let s: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let close = |v: &serde_json::Value, x: f64| (v.as_f64().unwrap() - x).abs() < 0.01;
    assert_eq!(s["officers"], 4);
    assert!(close(&s["mean"], 62.5) && close(&s["median"], 62.5), "{s}");
    assert!(close(&s["sd"], 32.27), "{s}");
    assert!(close(&s["cronbach_alpha"], 0.6667), "{s}");
    let item = |id: &str| {
        s["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()
            .clone()
    };
    assert!(close(&item("class-1")["facility"], 75.0));
    assert!(
        close(&item("class-1")["discrimination"], 52.22),
        "{}",
        item("class-1")
    );
    assert!(close(&item("class-2")["facility"], 25.0));
    assert!(
        item("class-2")["flags"][0]
            .as_str()
            .unwrap()
            .starts_with("hard for this class")
    );
    assert_eq!(
        item("class-3")["discrimination"],
        serde_json::Value::Null,
        "everyone right"
    );
    assert_eq!(item("class-2")["chosen"]["(no answer)"], 1, "the time-out");
    assert_eq!(item("class-2")["chosen"]["True"], 2);
    // The table for the instructor.
    bin(&home)
        .args(["results", "stats"])
        .args(&files)
        .assert()
        .success()
        .stdout(predicate::str::contains("mean 62.5%  median 62.5%"))
        .stdout(predicate::str::contains("Cronbach's alpha 0.67"));

    // The exam answers are in each officer's progress, apart from the schedule.
    let out = bin(&home)
        .args(["progress", "--officer", "Anong", "--json"])
        .output()
        .unwrap();
    let p: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(p["answers"], 0, "exam answers are not training");
    assert_eq!(p["due_today"], 0, "and are not scheduled");
    let out = bin(&home)
        .args(["export", "--format", "json", "--officer", "Anong"])
        .output()
        .unwrap();
    let e: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(e["answers"].as_array().unwrap().len(), 4);
    assert_eq!(e["answers"][0]["mode"], "exam");
}

#[test]
fn an_interrupted_paper_resumes_with_the_time_already_spent() {
    let tmp = tempfile::tempdir().unwrap();
    let (home, results) = (tmp.path().join("home"), tmp.path().join("results"));
    let out = bin(&home)
        .args(["exam", "class-test", "--officer", "Sok", "--results-dir"])
        .arg(&results)
        .write_stdin("1\nfalse\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(130), "interrupted");
    let first = String::from_utf8(out.stdout).unwrap();
    assert!(
        first.contains("Paper interrupted after 2 of 4 questions"),
        "{first}"
    );
    let partial = results.join(".class-test-sok.partial.json");
    assert!(partial.exists());
    let second = take(&home, &results, "Sok", "W\n1,2\n");
    assert!(
        second.contains("Resuming: 2 of 4 questions answered"),
        "{second}"
    );
    assert!(
        !second.contains("Question 1/4"),
        "answered questions are not asked again"
    );
    assert!(second.contains("Score: 4/4 (100%): PASS"), "{second}");
    assert!(!partial.exists());
}
