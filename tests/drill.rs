//! End-to-end tests of the drill and the card command: scripted standard input (one answer
//! per line) and a pseudo-terminal driving the dialoguer prompts with arrow keys and Enter.

mod common;

use common::{bin, fresh_home};
use predicates::prelude::*;

fn drill(args: &[&str], answers: &str) -> String {
    let out = bin()
        .arg("drill")
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

/// The right answers of a drill, read from the feedback of a run with wrong answers.
fn answers_of(transcript: &str) -> Vec<String> {
    transcript
        .lines()
        .filter_map(|l| {
            l.split("the answer is ")
                .nth(1)
                .or_else(|| l.split("The answer is ").nth(1))
        })
        .map(|a| a.trim_end_matches('.').to_string())
        .collect()
}

#[test]
fn scripted_drill_asks_grades_and_summarises() {
    let out = drill(
        &["--seed", "11", "--count", "3", "--kind", "appendix"],
        "4\n4\n4\n",
    );
    assert!(
        out.contains("Species drill for trainee: 3 questions (seed 11)."),
        "{out}"
    );
    assert!(
        out.contains("save it under your name with --officer NAME"),
        "{out}"
    );
    assert!(out.contains("Question 1/3 (appendix)"), "{out}");
    assert!(out.contains("Which CITES Appendix covers"), "{out}");
    assert!(
        out.contains(
            "  1) Appendix I\n  2) Appendix II\n  3) Appendix III\n  4) Not covered by CITES"
        ),
        "{out}"
    );
    assert!(
        out.contains("Listing: Appendix"),
        "feedback gives the listing: {out}"
    );
    assert!(out.contains("as of 20"), "with its edition: {out}");
    assert!(out.contains("Summary\n  Score: "), "{out}");
}

#[test]
fn the_same_seed_gives_the_same_drill_and_right_answers_score_full_marks() {
    let args = ["--seed", "5", "--count", "6"];
    let first = drill(&args, &"9\n".repeat(30));
    let second = drill(&args, &"9\n".repeat(30));
    assert_eq!(first, second, "same seed, same answers: same transcript");

    // Answer every question with the option text the first run said was right.
    let right: Vec<String> = answers_of(&first);
    assert_eq!(right.len(), 6, "{first}");
    let out = drill(&args, &(right.join("\n") + "\n"));
    assert!(out.contains("Score: 6/6 (100%)"), "{out}");
    assert!(out.contains("Nothing to review"), "{out}");
}

#[test]
fn answers_by_letter_and_number_are_accepted_and_junk_is_asked_again() {
    let out = drill(
        &["--seed", "2", "--count", "1", "--kind", "appendix"],
        "zebra\nb\n",
    );
    assert!(
        out.contains("Answer with an option number (1-4), a letter (a-d)"),
        "{out}"
    );
    assert!(
        out.contains("Right.") || out.contains("You answered Appendix II"),
        "{out}"
    );
}

#[test]
fn typed_answers_tolerate_case_typos_and_give_genus_credit() {
    let args = [
        "--seed", "3", "--count", "4", "--kind", "identify", "--typed",
    ];
    let first = drill(&args, &"x\n".repeat(4));
    let names: Vec<String> = answers_of(&first)
        .iter()
        .map(|a| a.split(" (").next().unwrap().to_string())
        .collect();
    assert_eq!(names.len(), 4, "{first}");
    // 1: exact but upper case; 2: one letter dropped; 3: right genus, made-up species; 4: wrong.
    let typo = {
        let mut n = names[1].clone();
        n.pop();
        n
    };
    let genus = format!("{} inventus", names[2].split(' ').next().unwrap());
    let script = format!(
        "{}\n{typo}\n{genus}\nPanthera leo\n",
        names[0].to_uppercase()
    );
    let out = drill(&args, &script);
    assert!(out.contains("Scientific name: "), "{out}");
    assert!(out.contains("Right.\n"), "{out}");
    assert!(out.contains("Mind the spelling"), "{out}");
    assert!(
        out.contains("Right genus, wrong species (half a point)"),
        "{out}"
    );
    assert!(out.contains("Score: 2.5/4"), "{out}");
}

#[test]
fn filters_narrow_the_drill() {
    // Answers out of range are asked again and then count as wrong, so every answer shows.
    let out = drill(
        &[
            "--seed", "1", "--count", "5", "--group", "timber", "--kind", "identify",
        ],
        &"9\n".repeat(15),
    );
    let wood = [
        "Dalbergia",
        "Pterocarpus",
        "Aquilaria",
        "Gonystylus",
        "Swietenia",
        "Pericopsis",
        "Guaiacum",
        "Diospyros",
    ];
    let answers = answers_of(&out);
    assert_eq!(answers.len(), 5, "{out}");
    for answer in answers {
        assert!(
            wood.iter().any(|w| answer.contains(w)),
            "{answer} is not timber"
        );
    }
    bin()
        .args(["drill", "--group", "whales"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("possible values"));
}

#[test]
fn an_early_end_of_input_still_gives_the_summary() {
    let out = drill(&["--seed", "4", "--count", "5"], "1\n");
    assert!(out.contains("Stopped."), "{out}");
    assert!(out.contains("Score: ") && out.contains("/1 "), "{out}");
}

#[test]
fn card_shows_characters_look_alikes_listing_and_sources() {
    bin()
        .args(["card", "Sunda", "pangolin"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Manis javanica"))
        .stdout(predicate::str::contains(
            "Listing: Appendix I (as of 2017-04-21",
        ))
        .stdout(predicate::str::contains("Look-alikes"))
        .stdout(predicate::str::contains("Manis pentadactyla"))
        .stdout(predicate::str::contains("Sources\n  [1]"));
    bin()
        .args(["card", "Homo sapiens"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("No ID card"));
}

#[cfg(unix)]
#[test]
fn drill_in_a_terminal_is_driven_with_arrow_keys_and_enter() {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin!("cites-trainer"));
    cmd.args(["drill", "--seed", "8", "--count", "2", "--kind", "appendix"])
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env("CITES_TRAINER_HOME", fresh_home())
        .env_remove("CITES_TRAINER_DATA");
    let mut p = rexpect::session::spawn_command(cmd, Some(15_000)).unwrap();
    p.exp_string("Question 1/2").unwrap();
    p.exp_string("Your answer").unwrap();
    // Down once to "Appendix II", then Enter.
    p.send("\x1b[B").unwrap();
    p.flush().unwrap();
    p.send("\r").unwrap();
    p.flush().unwrap();
    let (_, verdict) = p.exp_regex("Right\\.|Wrong\\.").unwrap();
    assert!(verdict == "Right." || verdict == "Wrong.");
    p.exp_string("Question 2/2").unwrap();
    p.exp_string("Your answer").unwrap();
    p.send("\r").unwrap();
    p.flush().unwrap();
    p.exp_string("Score: ").unwrap();
    p.exp_eof().unwrap();
}
