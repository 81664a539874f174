//! `cites-trainer drill`: the species drill at a terminal. With a terminal it uses dialoguer
//! prompts (arrow keys, Enter); otherwise it reads one answer per line and prints plain text,
//! so it can be scripted, tested and used with a screen reader.

use crate::cards::{Deck, parse_deck};
use crate::catalog::model::Appendix;
use crate::data::DataSource;
use crate::drill::generate::Drill;
use crate::drill::grade::{Verdict, grade_choice, grade_typed, parse_choice};
use crate::drill::session::{Outcome, confusion, summarize};
use crate::drill::{Items, Kind, Question, Settings, build_items};
use crate::error::{Error, Result};
use crate::prompt::Input;
use colored::Colorize;
use rand::SeedableRng;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// The drill as asked for on the command line.
#[derive(Debug, Clone)]
pub struct DrillOptions {
    pub kind: Option<Kind>,
    pub typed: bool,
    pub group: Option<String>,
    pub appendix: Option<Appendix>,
    pub count: usize,
    pub seed: Option<u64>,
    pub officer: Option<String>,
    /// Drill without touching the schedule (answers are still kept, marked "practice").
    pub practice: bool,
    /// New items a day.
    pub new_per_day: usize,
    pub home: Option<std::path::PathBuf>,
}

/// The card decks: compiled into the binary, or parsed from the data folder's `cards/`
/// (naming the file and line of the first that is broken).
pub fn load_decks(data: &DataSource) -> Result<Vec<Deck>> {
    data.card_files()?
        .iter()
        .map(|f| parse_deck(&f.text).map_err(|e| crate::error::broken(f, &e)))
        .collect()
}

/// The drill's items: the shipped cards as compiled with the program, or the cards of the
/// data folder joined to its catalog now.
pub fn load_items<'a>(
    data: &DataSource,
    index: &'a crate::catalog::index::Index<'a>,
    meta: &'a crate::catalog::model::CatalogMeta,
) -> Result<Items<'a>> {
    if data.has("cards") || data.catalog_dir().is_some() {
        let decks = load_decks(data)?;
        Ok(Items::from_items(build_items(&decks, index, meta)))
    } else {
        let (heads, blob) = crate::data::embedded::card_heads()?;
        Ok(Items::embedded(index, meta, heads, blob))
    }
}

enum Answer {
    Choice(usize),
    Typed(String),
    Quit,
}

fn ask(q: &Question, typed: bool, input: &mut Input) -> Answer {
    let typed = typed && !q.options.is_empty() && q.kind != Kind::Appendix || q.options.is_empty();
    match input {
        Input::Terminal => {
            let theme = dialoguer::theme::ColorfulTheme::default();
            if typed {
                let hint = match q.expected {
                    crate::drill::Expected::Taxon { .. } => "Scientific name",
                    crate::drill::Expected::Text(_) => "Your answer",
                };
                match dialoguer::Input::<String>::with_theme(&theme)
                    .with_prompt(hint)
                    .allow_empty(true)
                    .interact_text()
                {
                    Ok(text) => Answer::Typed(text),
                    Err(_) => Answer::Quit,
                }
            } else {
                match dialoguer::Select::with_theme(&theme)
                    .with_prompt("Your answer (arrows and Enter; Esc to stop)")
                    .items(&q.options)
                    .default(0)
                    .interact_opt()
                {
                    Ok(Some(i)) => Answer::Choice(i),
                    _ => Answer::Quit,
                }
            }
        }
        Input::Lines(_) => {
            if !typed {
                for (i, o) in q.options.iter().enumerate() {
                    println!("  {}) {o}", i + 1);
                }
            }
            for attempt in 0..3 {
                let Some(line) = input.line(if typed {
                    "Scientific name: "
                } else {
                    "Answer: "
                }) else {
                    return Answer::Quit;
                };
                if typed {
                    return Answer::Typed(line);
                }
                if let Some(i) = parse_choice(q, &line) {
                    return Answer::Choice(i);
                }
                if attempt < 2 {
                    println!(
                        "Answer with an option number (1-{}), a letter (a-{}) or the option's text.",
                        q.options.len(),
                        (b'a' + q.options.len() as u8 - 1) as char
                    );
                }
            }
            Answer::Typed(String::new())
        }
    }
}

fn feedback(q: &Question, verdict: Verdict, given: &str) {
    match verdict {
        Verdict::Right => println!("{}", "Right.".green().bold()),
        Verdict::RightWithTypo => println!(
            "{} Mind the spelling: {}.",
            "Right,".green().bold(),
            q.answer.italic()
        ),
        Verdict::GenusOnly => println!(
            "{} Right genus, wrong species (half a point): the answer is {}.",
            "Nearly.".yellow().bold(),
            q.answer
        ),
        Verdict::Wrong => {
            if given.is_empty() {
                println!("{} The answer is {}.", "Wrong.".red().bold(), q.answer);
            } else {
                println!(
                    "{} You answered {given}; the answer is {}.",
                    "Wrong.".red().bold(),
                    q.answer
                );
            }
        }
    }
    if !q.decisive.is_empty() {
        println!("  {} {}", "Key:".bold(), q.decisive);
    }
    println!("  {} {}", "Listing:".bold(), q.listing);
    println!();
}

fn clock(d: Duration) -> String {
    let s = d.as_secs();
    format!("{}m{:02}s", s / 60, s % 60)
}

pub fn run(data: &DataSource, opts: &DrillOptions) -> Result<ExitCode> {
    let catalog = data.catalog()?;
    let index = catalog.index()?;
    let meta = index.meta()?;
    let items = load_items(data, &index, &meta)?;
    let settings = Settings {
        kinds: opts.kind.map_or_else(|| Kind::ALL.to_vec(), |k| vec![k]),
        group: opts.group.clone(),
        appendix: opts.appendix,
        count: opts.count,
    };
    let seed = opts.seed.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64 % 1_000_000)
    });
    let now = crate::cmd::now();
    let mut store = crate::cmd::open_store(opts.home.as_deref())?;
    let (officer, notice) = crate::cmd::officer(&store, opts.officer.as_deref(), now)?;
    let scheduler = crate::schedule::Scheduler::new(officer.params.as_deref())?;
    let mut rng = rand::rngs::ChaCha8Rng::seed_from_u64(seed);
    let plan = if opts.practice {
        Vec::new()
    } else {
        let states: std::collections::HashMap<_, _> =
            store.states(officer.id)?.into_iter().collect();
        let confusions = store.confusions(officer.id)?;
        let new_today =
            store.new_items_since(officer.id, crate::store::day_start(now), "card:")? as usize;
        let history = crate::drill::plan::History {
            states: &states,
            confusions: &confusions,
            new_today,
        };
        crate::drill::plan::plan(&items, &settings, &history, now, opts.new_per_day, &mut rng)
    };
    let questions = Drill::new(&items, &index, &settings, rng).with_plan(plan);
    if questions.eligible() == 0 || settings.count == 0 {
        return Err(Error::Usage(format!(
            "no ID card matches{}{}; try without the filter (groups: {})",
            opts.group
                .as_ref()
                .map(|g| format!(" --group {g}"))
                .unwrap_or_default(),
            opts.appendix
                .map(|a| format!(" --appendix {a}"))
                .unwrap_or_default(),
            crate::cards::GROUPS.join(", ")
        )));
    }

    let mut input = Input::from_stdin();
    let mode = if opts.practice {
        " (practice: the schedule is not changed)"
    } else {
        ""
    };
    println!(
        "Species drill for {}{mode}: {} questions (seed {seed}).",
        officer.name, settings.count
    );
    if let Some(n) = notice {
        println!("{n}");
    }
    println!();

    let mut outcomes: Vec<Outcome> = Vec::new();
    for (n, q) in questions.enumerate() {
        let q = &q;
        println!(
            "{} {}",
            format!("Question {}/{}", n + 1, settings.count).bold(),
            format!("({})", q.kind).dimmed()
        );
        println!("{}", q.prompt);
        let started = Instant::now();
        let answer = ask(q, opts.typed, &mut input);
        let elapsed = started.elapsed();
        let (verdict, given, chosen) = match answer {
            Answer::Quit => {
                println!("Stopped.");
                break;
            }
            Answer::Choice(i) => (grade_choice(q, i), q.options[i].clone(), Some(i)),
            Answer::Typed(text) => (grade_typed(q, &text), text, None),
        };
        feedback(q, verdict, &given);
        let head = &items.heads[q.item];
        let item = items.get(q.item);
        let answer = crate::store::Answer {
            at: crate::cmd::now(),
            mode: if opts.practice { "practice" } else { "drill" }.into(),
            item: q.key.clone(),
            kind: q.kind.to_string(),
            subject: head.name.clone(),
            prompt: q.prompt.clone(),
            given: given.clone(),
            credit: verdict.credit(),
            confused_with: confusion(q, chosen),
            ms: elapsed.as_millis() as i64,
            edition: item
                .map(|i| format!("{} ({})", i.taxon.source, i.as_of))
                .unwrap_or_default(),
            group: Some(head.group.clone()),
            appendix: Some(head.appendix.clone()),
            topic: None,
            session: None,
        };
        // Appendix I species may be held to a higher retention.
        let retention = if head.appendix.split('/').any(|a| a == "I") {
            officer.retention_app1
        } else {
            officer.retention
        };
        let schedule =
            (!opts.practice && !q.key.starts_with("pair:")).then_some((&scheduler, retention));
        store.record(&officer, &answer, schedule)?;
        outcomes.push(Outcome {
            item: q.item,
            kind: q.kind,
            subject: items.heads[q.item].name.clone(),
            confused_with: confusion(q, chosen),
            given,
            verdict,
            elapsed,
        });
    }

    let s = summarize(&outcomes);
    println!("{}", "Summary".bold());
    println!(
        "  Score: {}/{} ({:.0}%) in {}",
        format_score(s.score),
        s.asked,
        s.percent,
        clock(s.time)
    );
    if s.review.is_empty() && s.asked > 0 {
        println!("  Nothing to review: well done.");
    } else if !s.review.is_empty() {
        println!("  To review:");
        for (subject, kind) in &s.review {
            println!("    - {subject} ({kind}): cites-trainer card \"{subject}\"");
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn format_score(score: f64) -> String {
    if score.fract() == 0.0 {
        format!("{score:.0}")
    } else {
        format!("{score:.1}")
    }
}
