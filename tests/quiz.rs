//! End-to-end tests of the quiz, the bank checks and the GIFT conversion.

mod common;

use common::{bin, fresh_home};
use predicates::prelude::*;
use std::path::Path;

fn quiz(args: &[&str], answers: &str) -> String {
    let out = bin()
        .arg("quiz")
        .args(args)
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

#[test]
fn scripted_quiz_gives_explanation_and_source_after_each_question() {
    let out = quiz(&["--seed", "4", "--count", "5"], &"1\n".repeat(20));
    assert!(
        out.contains("CITES quiz for trainee: 5 questions (seed 4)."),
        "{out}"
    );
    assert!(out.contains("Question 1/5 ("), "{out}");
    assert_eq!(out.matches("  Why: ").count(), 5, "{out}");
    assert_eq!(out.matches("  Source: ").count(), 5, "{out}");
    assert!(out.contains("Summary\n  Score: "), "{out}");
    assert_eq!(
        quiz(&["--seed", "4", "--count", "5"], &"1\n".repeat(20)),
        out,
        "a seed gives the same quiz"
    );
}

#[test]
fn permit_scenarios_answered_from_the_feedback_score_full_marks() {
    let args = ["--topic", "scenarios", "--count", "4", "--seed", "12"];
    let first = quiz(&args, &"9\n".repeat(12));
    let answers: Vec<&str> = first
        .lines()
        .filter_map(|l| l.split("The answer: ").nth(1))
        .collect();
    assert_eq!(answers.len(), 4, "{first}");
    assert!(first.contains("Source: Text of the Convention"), "{first}");
    assert!(
        first.contains("listing: Appendix"),
        "the listing comes from the catalog: {first}"
    );
    let out = quiz(&args, &(answers.join("\n") + "\n"));
    assert!(out.contains("Score: 4/4 (100%)"), "{out}");
}

#[test]
fn a_bank_and_a_topic_narrow_the_quiz() {
    let out = quiz(&["codes", "--count", "3", "--seed", "1"], &"1\n".repeat(9));
    assert_eq!(out.matches("(codes, ").count(), 3, "{out}");
    let out = quiz(
        &["--topic", "ivory", "--count", "2", "--seed", "1"],
        &"1\n".repeat(9),
    );
    assert_eq!(out.matches("(ivory, ").count(), 2, "{out}");
    bin()
        .args(["quiz", "nonsense"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no bank `nonsense`; the banks are:",
        ));
}

#[test]
fn ordering_and_multiple_answers_take_numbers() {
    // Find an ordering question, then answer it right from its own feedback.
    let args = ["permits", "--count", "26", "--seed", "3"];
    let first = quiz(&args, &"1\n".repeat(80));
    assert!(
        first.contains("Order (the numbers in the right order"),
        "{first}"
    );
    assert!(first.contains("->"), "the right order is shown: {first}");
}

#[test]
fn check_reports_broken_banks_with_file_and_line() {
    let tmp = tempfile::tempdir().unwrap();
    let quizzes = tmp.path().join("quizzes");
    std::fs::create_dir_all(&quizzes).unwrap();
    let good =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("quizzes/codes.toml"))
            .unwrap();
    // The same question id twice and an ordering with one step.
    let dup = good.clone()
        + "\n[[question]]\nid = \"codes-001\"\ntype = \"ordering\"\nprompt = \"x\"\nsteps = [\"only\"]\nexplanation = \"e\"\nsource = \"nowhere\"\nref = \"r\"\nedition = \"e\"\n";
    std::fs::write(quizzes.join("codes.toml"), &dup).unwrap();
    let line = good.lines().count() + 3;
    let out = bin().arg("check").arg(tmp.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(&format!(
            "codes.toml:{line}:1: duplicate question id `codes-001`"
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains("source `nowhere` is not defined"),
        "{stdout}"
    );
    assert!(
        stdout.contains("has 1 step(s); it needs at least two"),
        "{stdout}"
    );
}

#[test]
fn gift_export_and_import_round_trip() {
    let tmp = tempfile::tempdir().unwrap();
    let gift = tmp.path().join("permits.gift");
    bin()
        .args(["bank", "export", "permits", "--format", "gift", "--out"])
        .arg(&gift)
        .assert()
        .success()
        .stderr(predicate::str::contains("not exported"))
        .stderr(predicate::str::contains("GIFT has no ordering type"));
    let text = std::fs::read_to_string(&gift).unwrap();
    assert!(text.contains("$CATEGORY: permits"));
    assert!(text.contains("// cites-trainer: source="));

    let quizzes = tmp.path().join("data/quizzes");
    std::fs::create_dir_all(&quizzes).unwrap();
    let toml = quizzes.join("permits.toml");
    bin()
        .args(["bank", "import"])
        .arg(&gift)
        .args([
            "--id",
            "permits",
            "--title",
            "Permits and certificates",
            "--out",
        ])
        .arg(&toml)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "questions read into bank `permits`",
        ));
    // The imported bank is complete: sources, references and editions came back.
    bin()
        .arg("check")
        .arg(tmp.path().join("data"))
        .assert()
        .success()
        .stdout(predicate::str::contains("no problems"));
    let original =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("quizzes/permits.toml"))
            .unwrap();
    let count = |t: &str| t.matches("[[question]]").count();
    let orderings = original.matches("type = \"ordering\"").count();
    assert_eq!(
        count(&std::fs::read_to_string(&toml).unwrap()),
        count(&original) - orderings
    );
    // And the quiz runs on it.
    bin()
        .arg("--data")
        .arg(tmp.path().join("data"))
        .args(["quiz", "--count", "2", "--seed", "1"])
        .write_stdin("1\n1\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("(permits, "));
}

#[cfg(unix)]
#[test]
fn quiz_in_a_terminal() {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin!("cites-trainer"));
    cmd.args([
        "quiz",
        "--topic",
        "scenarios",
        "--count",
        "1",
        "--seed",
        "5",
    ])
    .env("NO_COLOR", "1")
    .env("TERM", "xterm")
    .env("CITES_TRAINER_HOME", fresh_home())
    .env_remove("CITES_TRAINER_DATA");
    let mut p = rexpect::session::spawn_command(cmd, Some(15_000)).unwrap();
    p.exp_string("Question 1/1").unwrap();
    p.exp_string("Your answer").unwrap();
    p.send("\x1b[B").unwrap();
    p.flush().unwrap();
    p.send("\r").unwrap();
    p.flush().unwrap();
    p.exp_string("Why:").unwrap();
    p.exp_string("Score: ").unwrap();
    p.exp_eof().unwrap();
}
