//! `cites-trainer progress`: one officer's progress, drawn in the terminal or as JSON.

use crate::cmd::officer::date;
use crate::error::Result;
use crate::report::{Report, bar, sparkline};
use colored::Colorize;
use std::path::Path;
use std::process::ExitCode;

pub fn render(r: &Report) -> String {
    let pct = |x: f64| format!("{:.0}%", x * 100.0);
    let mut out = format!("{} {}\n", "Progress of".bold(), r.officer.bold());
    if r.answers == 0 {
        out.push_str("  No answers yet: start with `cites-trainer drill`.\n");
        return out;
    }
    out.push_str(&format!(
        "  {} answers from {} to {}; {} right overall; streak {} day{}\n",
        r.answers,
        r.first.map(date).unwrap_or_default(),
        r.last.map(date).unwrap_or_default(),
        pct(r.accuracy),
        r.streak,
        if r.streak == 1 { "" } else { "s" }
    ));
    out.push_str(&format!(
        "  Accuracy, last 8 weeks: {}  (oldest to this week; · no answers)\n",
        sparkline(&r.weekly_accuracy)
    ));
    if let Some(o) = r.observed_retention {
        out.push_str(&format!(
            "  Retention: {} of reviews right in the last 30 days",
            pct(o)
        ));
        if let Some(p) = r.predicted_retention {
            out.push_str(&format!("; {} predicted now", pct(p)));
        }
        out.push('\n');
    }
    let max = r
        .due_next_days
        .iter()
        .copied()
        .max()
        .unwrap_or(0)
        .max(r.due_today)
        .max(1);
    out.push_str(&format!("\n{}\n", "Due".bold()));
    out.push_str(&format!(
        "  today   {:>4} {}\n",
        r.due_today,
        bar(r.due_today as f64 / max as f64, 20)
    ));
    for (i, n) in r.due_next_days.iter().enumerate() {
        out.push_str(&format!(
            "  +{} day{} {:>4} {}\n",
            i + 1,
            if i == 0 { " " } else { "s" },
            n,
            bar(*n as f64 / max as f64, 20)
        ));
    }
    for (title, rows) in [
        ("Mastery by group", &r.by_group),
        ("Mastery by Appendix", &r.by_appendix),
    ] {
        if rows.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "\n{}  (accuracy; mastered items: stable for {} days or more)\n",
            title.bold(),
            crate::report::MATURE_DAYS
        ));
        for m in rows.iter() {
            out.push_str(&format!(
                "  {:<16} {} {:>4}  {:>3}/{:<3} mastered  ({} answers)\n",
                m.name,
                bar(m.accuracy, 20),
                pct(m.accuracy),
                m.mastered,
                m.items,
                m.answers
            ));
        }
    }
    if !r.confused.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            "Most confused (coming back as pair questions)".bold()
        ));
        for (a, b, n) in &r.confused {
            out.push_str(&format!(
                "  {a} taken for {b}: {n} time{}\n",
                if *n == 1 { "" } else { "s" }
            ));
        }
    }
    if !r.leeches.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            "Leeches (failed again and again: study the card)".bold()
        ));
        for (item, lapses) in &r.leeches {
            out.push_str(&format!("  {item}: forgotten {lapses} times\n"));
        }
    }
    out
}

pub fn run(home: Option<&Path>, officer: Option<&str>, json: bool) -> Result<ExitCode> {
    let now = crate::cmd::now();
    let store = crate::cmd::open_store(home)?;
    let (o, _) = crate::cmd::officer(&store, officer, now)?;
    let answers = store.answers_for_report(o.id)?;
    let states = store.states(o.id)?.into_iter().collect();
    let scheduler = crate::schedule::Scheduler::new(o.params.as_deref())?;
    let report = crate::report::build(
        &o.name,
        &answers,
        &states,
        store.confusions(o.id)?,
        &scheduler,
        now,
    );
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?
        );
    } else {
        print!("{}", render(&report));
    }
    Ok(ExitCode::SUCCESS)
}
