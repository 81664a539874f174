//! `cites-trainer quiz [BANK...]`: questions on the Convention and on enforcement, with
//! permit scenarios, at a terminal (dialoguer) or one answer per line from standard input.

use crate::bank::grade::{Prepared, Response, answer_text, grade, parse_response, response_text};
use crate::bank::{Bank, QuestionType, parse_bank};
use crate::data::DataSource;
use crate::error::{Error, Result};
use crate::prompt::Input;
use colored::Colorize;
use rand::SeedableRng;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Debug, Clone)]
pub struct QuizOptions {
    pub banks: Vec<String>,
    pub count: usize,
    pub seed: Option<u64>,
    pub topic: Option<String>,
    pub scenarios: Option<usize>,
    pub officer: Option<String>,
    pub practice: bool,
    pub home: Option<std::path::PathBuf>,
}

fn parse(f: &crate::catalog::load::SourceFile) -> Result<Bank> {
    parse_bank(&f.text).map_err(|e| crate::error::broken(f, &e))
}

/// The banks asked for: every bank of the data when `wanted` is empty; otherwise each named
/// bank file, and each bank of the data named by its id. A broken file is named with its line.
pub fn load_banks(data: &DataSource, wanted: &[String]) -> Result<Vec<Bank>> {
    let all: Vec<Bank> = data
        .bank_files()?
        .iter()
        .map(parse)
        .collect::<Result<_>>()?;
    if wanted.is_empty() {
        return Ok(all);
    }
    let mut out = Vec::new();
    for w in wanted {
        if Path::new(w).is_file() {
            out.push(parse(&crate::catalog::load::read(Path::new(w))?)?);
        } else if let Some(bank) = all.iter().find(|b| &b.info.id == w) {
            out.push(bank.clone());
        } else {
            let known: Vec<&str> = all.iter().map(|b| b.info.id.as_str()).collect();
            return Err(Error::Usage(format!(
                "no bank `{w}`; the banks are: {}",
                known.join(", ")
            )));
        }
    }
    Ok(out)
}

fn ask(p: &Prepared, input: &mut Input) -> Option<Response> {
    match input {
        Input::Terminal => {
            let theme = dialoguer::theme::ColorfulTheme::default();
            match p.kind {
                QuestionType::Single | QuestionType::TrueFalse => {
                    dialoguer::Select::with_theme(&theme)
                        .with_prompt("Your answer (arrows and Enter; Esc to stop)")
                        .items(&p.options)
                        .default(0)
                        .interact_opt()
                        .ok()
                        .flatten()
                        .map(|i| Response::Choices(vec![i]))
                }
                QuestionType::Multiple => dialoguer::MultiSelect::with_theme(&theme)
                    .with_prompt("Choose every right answer (Space to mark, Enter to confirm)")
                    .items(&p.options)
                    .interact_opt()
                    .ok()
                    .flatten()
                    .map(Response::Choices),
                QuestionType::Short => dialoguer::Input::<String>::with_theme(&theme)
                    .with_prompt("Your answer")
                    .allow_empty(true)
                    .interact_text()
                    .ok()
                    .map(Response::Text),
                QuestionType::Ordering => dialoguer::Sort::with_theme(&theme)
                    .with_prompt(
                        "Put in order (Space picks up a line, arrows move it, Enter confirms)",
                    )
                    .items(&p.options)
                    .interact_opt()
                    .ok()
                    .flatten()
                    .map(Response::Order),
            }
        }
        Input::Lines(_) => {
            let hint = match p.kind {
                QuestionType::Multiple => "Answers (one or more numbers, e.g. 1,3): ",
                QuestionType::Ordering => "Order (the numbers in the right order, e.g. 3 1 2 4): ",
                QuestionType::Short => "Answer: ",
                _ => "Answer: ",
            };
            if p.kind != QuestionType::Short {
                for (i, o) in p.options.iter().enumerate() {
                    println!("  {}) {o}", i + 1);
                }
            }
            for attempt in 0..3 {
                let line = input.line(hint)?;
                if let Some(r) = parse_response(p, &line) {
                    return Some(r);
                }
                if attempt < 2 {
                    println!(
                        "Answer with the option numbers (1-{}) or letters.",
                        p.options.len()
                    );
                }
            }
            Some(Response::Choices(vec![]))
        }
    }
}

fn feedback(p: &Prepared, credit: f64) {
    if credit >= 1.0 {
        println!("{}", "Right.".green().bold());
    } else if credit > 0.0 {
        println!(
            "{} ({:.0}% of the point) The answer: {}",
            "Partly right.".yellow().bold(),
            credit * 100.0,
            answer_text(p)
        );
    } else {
        println!("{} The answer: {}", "Wrong.".red().bold(), answer_text(p));
    }
    println!("  {} {}", "Why:".bold(), p.explanation);
    println!("  {} {}", "Source:".bold(), p.citation);
    println!();
}

pub fn run(data: &DataSource, opts: &QuizOptions) -> Result<ExitCode> {
    let banks = load_banks(data, &opts.banks)?;
    if let Some(t) = &opts.topic {
        let mut all = crate::quiz::topics(&banks);
        all.push("scenarios".into());
        if !all.contains(t) {
            return Err(Error::Usage(format!(
                "no topic `{t}`; the topics are: {}",
                all.join(", ")
            )));
        }
    }
    let catalog = data.catalog()?;
    let index = catalog.index()?;
    let meta = index.meta()?;
    let items = crate::cmd::drill::load_items(data, &index, &meta)?;
    let seed = opts.seed.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64 % 1_000_000)
    });
    let mut rng = rand::rngs::ChaCha8Rng::seed_from_u64(seed);
    let now = crate::cmd::now();
    let mut store = crate::cmd::open_store(opts.home.as_deref())?;
    let (officer, notice) = crate::cmd::officer(&store, opts.officer.as_deref(), now)?;
    let scheduler = crate::schedule::Scheduler::new(officer.params.as_deref())?;
    let due: std::collections::HashMap<String, i64> = if opts.practice {
        Default::default()
    } else {
        store
            .states(officer.id)?
            .into_iter()
            .map(|(k, s)| (k, s.due))
            .collect()
    };
    let scenarios = opts
        .scenarios
        .unwrap_or(if opts.banks.is_empty() && opts.topic.is_none() {
            opts.count / 5
        } else {
            0
        });
    let questions = crate::quiz::build(
        &banks,
        &items,
        opts.topic.as_deref(),
        opts.count,
        scenarios,
        &due,
        now,
        &mut rng,
    );
    if questions.is_empty() {
        return Err(Error::Usage(
            "no question matches; try without --topic".into(),
        ));
    }

    let mut input = Input::from_stdin();
    let mode = if opts.practice {
        " (practice: the schedule is not changed)"
    } else {
        ""
    };
    println!(
        "CITES quiz for {}{mode}: {} questions (seed {seed}).",
        officer.name,
        questions.len()
    );
    if let Some(n) = notice {
        println!("{n}");
    }
    println!();
    let started = Instant::now();
    let mut results: Vec<(&Prepared, f64)> = Vec::new();
    for (n, p) in questions.iter().enumerate() {
        println!(
            "{} {}",
            format!("Question {}/{}", n + 1, questions.len()).bold(),
            format!("({}, {})", p.topic, p.kind.as_str()).dimmed()
        );
        println!("{}", p.prompt);
        let asked = Instant::now();
        let Some(response) = ask(p, &mut input) else {
            println!("Stopped.");
            break;
        };
        let credit = grade(p, &response);
        feedback(p, credit);
        let scenario = p.id.starts_with("scenario:");
        let answer = crate::store::Answer {
            at: crate::cmd::now(),
            mode: if opts.practice { "practice" } else { "quiz" }.into(),
            item: if scenario {
                p.id.clone()
            } else {
                format!("question:{}", p.id)
            },
            kind: p.kind.as_str().into(),
            subject: p.id.clone(),
            prompt: p.prompt.clone(),
            given: response_text(p, &response),
            credit,
            confused_with: None,
            ms: asked.elapsed().as_millis() as i64,
            edition: p.citation.clone(),
            group: None,
            appendix: None,
            topic: Some(p.topic.clone()),
            session: None,
        };
        let schedule = (!opts.practice && !scenario).then_some((&scheduler, officer.retention));
        store.record(&officer, &answer, schedule)?;
        results.push((p, credit));
    }

    let score: f64 = results.iter().map(|(_, c)| c).sum();
    let asked = results.len();
    println!("{}", "Summary".bold());
    let secs = started.elapsed().as_secs();
    println!(
        "  Score: {}/{asked} ({:.0}%) in {}m{:02}s",
        if score.fract() == 0.0 {
            format!("{score:.0}")
        } else {
            format!("{score:.1}")
        },
        if asked == 0 {
            0.0
        } else {
            100.0 * score / asked as f64
        },
        secs / 60,
        secs % 60
    );
    let mut by_topic: BTreeMap<&str, (f64, usize)> = BTreeMap::new();
    for (p, c) in &results {
        let e = by_topic.entry(p.topic.as_str()).or_default();
        e.0 += c;
        e.1 += 1;
    }
    for (topic, (s, n)) in &by_topic {
        println!("    {topic:<20} {s:.1}/{n}");
    }
    let review: Vec<&str> = results
        .iter()
        .filter(|(_, c)| *c < 1.0)
        .map(|(p, _)| p.id.as_str())
        .collect();
    if !review.is_empty() {
        println!("  To review: {}", review.join(", "));
    }
    Ok(ExitCode::SUCCESS)
}
