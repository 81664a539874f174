//! `cites-trainer exam PAPER --officer NAME`: a timed class paper. The officer types each
//! answer (option numbers, letters, text, or the order of steps) with the time left shown;
//! when time is up the question, or the paper, closes by itself. The result file is written
//! in the current folder (or `--results-dir`), and each answer is kept in the officer's
//! progress apart from the schedule. An interrupted paper resumes with the time spent counted.

use crate::bank::QuestionType;
use crate::bank::grade::{Prepared, answer_text, grade, parse_response, response_text};
use crate::data::DataSource;
use crate::error::{Error, Result};
use crate::paper::{Paper, ShowAnswers, fingerprint, parse_paper, questions};
use crate::results::{ResultAnswer, ResultFile};
use crate::timed::{Reply, Source, clock};
use colored::Colorize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

pub struct ExamOptions {
    pub paper: String,
    pub officer: String,
    pub results_dir: Option<PathBuf>,
    pub home: Option<PathBuf>,
}

/// The paper's text: a file, or a paper of the data by id.
fn paper_text(data: &DataSource, paper: &str) -> Result<(String, String)> {
    let path = Path::new(paper);
    if path.is_file() {
        return Ok((
            crate::catalog::load::read(path)?.text,
            path.display().to_string(),
        ));
    }
    let files: Vec<(String, String)> = if data.has("quizzes") {
        let dir = data
            .dir
            .as_ref()
            .map(|d| d.join("quizzes/papers"))
            .unwrap_or_default();
        if dir.is_dir() {
            crate::data::toml_files(&dir)?
                .into_iter()
                .map(|f| (f.path.display().to_string(), f.text))
                .collect()
        } else {
            Vec::new()
        }
    } else {
        crate::data::embedded::PAPER_FILES
            .iter()
            .map(|(p, t)| (p.to_string(), t.to_string()))
            .collect()
    };
    for (p, text) in &files {
        match parse_paper(text) {
            Ok(pp) if pp.paper.id == paper => return Ok((text.clone(), p.clone())),
            Ok(_) => {}
            // A broken paper of that file name: say what is wrong rather than "not found".
            Err(e) if Path::new(p).file_stem().is_some_and(|s| s == paper) => {
                let file = crate::catalog::load::SourceFile {
                    path: PathBuf::from(p),
                    text: text.clone(),
                };
                return Err(crate::error::broken(&file, &e));
            }
            Err(_) => {}
        }
    }
    let ids: Vec<String> = files
        .iter()
        .filter_map(|(_, t)| parse_paper(t).ok().map(|p| p.paper.id))
        .collect();
    Err(Error::Usage(format!(
        "no paper `{paper}` (a file, or one of: {})",
        ids.join(", ")
    )))
}

fn slug(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let s = s
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if s.is_empty() { "officer".into() } else { s }
}

fn write_atomic(path: &Path, text: &str) -> Result<()> {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, text)
        .and_then(|_| std::fs::rename(&tmp, path))
        .map_err(|source| Error::Write {
            path: path.to_path_buf(),
            source,
        })
}

fn show(p: &Prepared) {
    println!("{}", p.prompt);
    if p.kind != QuestionType::Short {
        for (i, o) in p.options.iter().enumerate() {
            println!("  {}) {o}", i + 1);
        }
    }
}

fn hint(p: &Prepared) -> &'static str {
    match p.kind {
        QuestionType::Multiple => "Answers (e.g. 1,3): ",
        QuestionType::Ordering => "Order (e.g. 3 1 2 4): ",
        QuestionType::Short => "Answer: ",
        _ => "Answer (number or letter): ",
    }
}

pub fn run(data: &DataSource, opts: &ExamOptions) -> Result<ExitCode> {
    let (text, shown_path) = paper_text(data, &opts.paper)?;
    let paper: Paper = parse_paper(&text).map_err(|e| {
        let file = crate::catalog::load::SourceFile {
            path: PathBuf::from(&shown_path),
            text: text.clone(),
        };
        crate::error::broken(&file, &e)
    })?;
    let banks = crate::cmd::quiz::load_banks(data, &[])?;
    let catalog = data.catalog()?;
    let index = catalog.index()?;
    let meta = index.meta()?;
    let items = crate::cmd::drill::load_items(data, &index, &meta)?;
    let edition: Vec<&str> = meta.export.iter().map(|e| e.id.as_str()).collect();
    let print = fingerprint(&text, &edition.join("+"));
    let qs = questions(&paper, &banks, &items, &index, &opts.officer)
        .map_err(|e| Error::Usage(format!("{shown_path}: {}", e.0)))?;

    let dir = opts
        .results_dir
        .clone()
        .unwrap_or_else(|| PathBuf::from("."));
    std::fs::create_dir_all(&dir).map_err(|source| Error::Write {
        path: dir.clone(),
        source,
    })?;
    let name = format!("{}-{}", slug(&paper.paper.id), slug(&opts.officer));
    let final_path = dir.join(format!("{name}.json"));
    let partial_path = dir.join(format!(".{name}.partial.json"));
    if final_path.exists() {
        return Err(Error::Usage(format!(
            "{} has already taken this paper: the result is in {}",
            opts.officer,
            final_path.display()
        )));
    }
    let now = crate::cmd::now();
    let mut result = ResultFile {
        format: 1,
        paper_id: paper.paper.id.clone(),
        paper_title: paper.paper.title.clone(),
        fingerprint: print.clone(),
        officer: opts.officer.trim().to_string(),
        started: now,
        finished: now,
        time_used_seconds: 0.0,
        questions: qs.len(),
        answers: Vec::new(),
        score: 0.0,
        percent: 0.0,
        pass_mark: paper.paper.pass_mark,
        passed: false,
        checksum: String::new(),
    };
    // Resume an interrupted paper: same paper, same data, same officer.
    if let Ok(saved) = std::fs::read_to_string(&partial_path)
        && let Ok(prev) = serde_json::from_str::<ResultFile>(&saved)
        && prev.fingerprint == print
    {
        println!(
            "Resuming: {} of {} questions answered, {} used.",
            prev.answers.len(),
            qs.len(),
            clock(Duration::from_secs_f64(prev.time_used_seconds))
        );
        result = prev;
    }

    let mut store = crate::cmd::open_store(opts.home.as_deref())?;
    let officer = store.officer_or_add(&opts.officer, now)?;
    println!("{} — {}", paper.paper.title.bold(), opts.officer);
    let limits = match (paper.paper.time_limit_minutes, paper.paper.question_seconds) {
        (Some(m), Some(s)) => format!("{m} minutes in all, {s} seconds a question"),
        (Some(m), None) => format!("{m} minutes in all"),
        (None, Some(s)) => format!("{s} seconds a question"),
        (None, None) => "no time limit".into(),
    };
    println!(
        "{} questions; {limits}; pass mark {}%.\n",
        qs.len(),
        paper.paper.pass_mark
    );

    let started = Instant::now();
    let used_before = Duration::from_secs_f64(result.time_used_seconds);
    let paper_deadline = paper
        .paper
        .time_limit_minutes
        .map(|m| started + Duration::from_secs(m * 60).saturating_sub(used_before));
    let mut source = Source::from_stdin();
    let mut quit = false;
    for (n, p) in qs.iter().enumerate() {
        if result.answers.iter().any(|a| a.id == p.id) {
            continue;
        }
        if paper_deadline.is_some_and(|d| Instant::now() >= d) {
            println!("{}", "Time is up: the paper is closed.".yellow().bold());
            break;
        }
        println!("{}", format!("Question {}/{}", n + 1, qs.len()).bold());
        show(p);
        let asked = Instant::now();
        let question_deadline = paper
            .paper
            .question_seconds
            .map(|s| asked + Duration::from_secs(s));
        let deadline = match (paper_deadline, question_deadline) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let mut response = None;
        loop {
            match source.read(hint(p), deadline) {
                Reply::Answered(line) => {
                    if let Some(r) = parse_response(p, &line) {
                        response = Some(r);
                        break;
                    }
                    println!(
                        "Answer with the option numbers (1-{}) or letters.",
                        p.options.len()
                    );
                }
                Reply::TimedOut(partial) => {
                    // What was typed when time ran out is submitted, if it is an answer.
                    println!("{}", "Time is up for this question.".yellow());
                    if let Some(r) = parse_response(p, &partial) {
                        response = Some(r);
                    }
                    break;
                }
                Reply::Quit => {
                    quit = true;
                    break;
                }
            }
        }
        if quit {
            break;
        }
        let late = deadline.is_some_and(|d| Instant::now() > d + Duration::from_millis(500));
        let credit = response.as_ref().map_or(0.0, |r| grade(p, r));
        let given_text = response
            .as_ref()
            .map(|r| response_text(p, r))
            .unwrap_or_default();
        let seconds = asked.elapsed().as_secs_f64();
        result.answers.push(ResultAnswer {
            id: p.id.clone(),
            topic: p.topic.clone(),
            kind: p.kind.as_str().into(),
            given: given_text.clone(),
            credit,
            seconds,
            late,
        });
        result.time_used_seconds = used_before.as_secs_f64() + started.elapsed().as_secs_f64();
        result.finished = crate::cmd::now();
        write_atomic(
            &partial_path,
            &serde_json::to_string_pretty(&result).map_err(|e| e.to_string())?,
        )?;
        store.record(
            &officer,
            &crate::store::Answer {
                at: result.finished,
                mode: "exam".into(),
                item: format!("exam:{}:{}", paper.paper.id, p.id),
                kind: p.kind.as_str().into(),
                subject: p.id.clone(),
                prompt: p.prompt.clone(),
                given: given_text,
                credit: if late { 0.0 } else { credit },
                confused_with: None,
                ms: (seconds * 1000.0) as i64,
                edition: print.clone(),
                group: None,
                appendix: None,
                topic: Some(p.topic.clone()),
                session: Some(paper.paper.id.clone()),
            },
            None,
        )?;
        match paper.paper.show_answers {
            ShowAnswers::During => {
                if credit >= 1.0 {
                    println!("{}", "Right.".green().bold());
                } else {
                    println!(
                        "{} The answer: {}",
                        "Not right.".red().bold(),
                        answer_text(p)
                    );
                }
                println!("  Why: {}\n", p.explanation);
            }
            ShowAnswers::End => println!("Answer recorded.\n"),
        }
    }
    if quit && result.answers.len() < qs.len() {
        println!(
            "Paper interrupted after {} of {} questions; run the same command to resume (time used so far counts).",
            result.answers.len(),
            qs.len()
        );
        return Ok(ExitCode::from(130));
    }
    result.time_used_seconds = used_before.as_secs_f64() + started.elapsed().as_secs_f64();
    result.finished = crate::cmd::now();
    let result = result.seal();
    write_atomic(
        &final_path,
        &serde_json::to_string_pretty(&result).map_err(|e| e.to_string())?,
    )?;
    let _ = std::fs::remove_file(&partial_path);
    println!(
        "{} {}/{} ({:.0}%): {}. Time used: {}.",
        "Score:".bold(),
        if result.score.fract() == 0.0 {
            format!("{:.0}", result.score)
        } else {
            format!("{:.1}", result.score)
        },
        result.questions,
        result.percent,
        if result.passed {
            "PASS".green().bold()
        } else {
            "not passed".red().bold()
        },
        clock(Duration::from_secs_f64(result.time_used_seconds))
    );
    if paper.paper.show_answers == ShowAnswers::End {
        println!("\nThe answers:");
        for p in &qs {
            let got = result.answers.iter().find(|a| a.id == p.id);
            let mark = match got {
                Some(a) if a.credit >= 1.0 && !a.late => "right",
                Some(a) if a.credit > 0.0 && !a.late => "partly",
                _ => "wrong",
            };
            println!("  [{mark}] {}: {}", p.id, answer_text(p));
        }
    }
    println!(
        "\nResult written to {} (give this file to the instructor).",
        final_path.display()
    );
    Ok(ExitCode::SUCCESS)
}
