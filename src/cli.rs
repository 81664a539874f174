//! The command line: clap types, and the one place that turns them into calls of `cmd`.

use crate::data::DataSource;
use crate::error::Error;
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Species and Appendix trainer for the officers who enforce CITES.
///
/// Works offline on the CITES Checklist data compiled into the program. The shipped
/// listings are old (newest record July 2023): changes adopted at CoP19 for most groups
/// and at CoP20 are missing. Load a fresh export with `cites-trainer checklist import`.
#[derive(Debug, Parser)]
#[command(name = "cites-trainer", version, about, long_about)]
pub struct Cli {
    /// Read data (catalog/, cards/, quizzes/) from this folder instead of the embedded copy.
    #[arg(long, global = true, env = "CITES_TRAINER_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// Keep officers' progress in this folder (default: the platform's data folder, e.g.
    /// ~/.local/share/cites-trainer).
    #[arg(long, global = true, env = "CITES_TRAINER_HOME", value_name = "DIR")]
    pub home: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Look up a taxon by scientific name, synonym or common name and show its listing.
    ///
    /// Case, accents and punctuation do not matter. Exits with status 1 when nothing
    /// matches (with suggestions), like grep.
    Lookup {
        /// The name to look up; several words are joined ("Manis javanica").
        #[arg(required = true, num_args = 1..)]
        name: Vec<String>,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Check data files and report every problem with file, line and column.
    ///
    /// Exits with status 1 if anything is wrong.
    Check {
        /// The data folder to check (default: --data, else ./data).
        dir: Option<PathBuf>,
    },
    /// Show a species identification card, with its listing from the catalog.
    Card {
        /// Card id, scientific name, synonym or common name.
        #[arg(required = true, num_args = 1..)]
        name: Vec<String>,
    },
    /// Drill species identification and Appendices.
    ///
    /// At a terminal: arrow keys and Enter. Otherwise one answer per line on standard input
    /// (option number, letter or text), so a drill can be scripted.
    Drill {
        /// One kind of question; mixed when not given.
        #[arg(long, value_parser = parse_kind)]
        kind: Option<crate::drill::Kind>,
        /// Type the scientific name instead of choosing.
        #[arg(long)]
        typed: bool,
        /// Only cards of this group (mammals, birds, reptiles, amphibians, fish, sharks-rays,
        /// invertebrates, plants, timber).
        #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(crate::cards::GROUPS))]
        group: Option<String>,
        /// Only species in this Appendix (I, II or III).
        #[arg(long, value_parser = parse_appendix)]
        appendix: Option<crate::catalog::model::Appendix>,
        /// Number of questions.
        #[arg(long, default_value_t = 10)]
        count: usize,
        /// The same seed always gives the same questions in the same order.
        #[arg(long, env = "CITES_TRAINER_SEED")]
        seed: Option<u64>,
        /// Whose drill this is (default: `officer use`, else "trainee").
        #[arg(long)]
        officer: Option<String>,
        /// Drill without changing the schedule (for cramming before an exam).
        #[arg(long)]
        practice: bool,
        /// New items to introduce a day.
        #[arg(long = "new", default_value_t = 20, value_name = "N")]
        new_per_day: usize,
    },
    /// Quiz on the Convention, permits, codes, exemptions and enforcement, with permit
    /// scenarios on real species.
    ///
    /// At a terminal: arrow keys, Space and Enter. Otherwise one answer per line on standard
    /// input: option numbers or letters ("2", "1,3"), "true"/"false", text, or for ordering
    /// the numbers in order ("3 1 2 4").
    Quiz {
        /// Bank ids (e.g. permits, codes) or bank files; all banks when none is given.
        banks: Vec<String>,
        /// Number of questions.
        #[arg(long, default_value_t = 10)]
        count: usize,
        /// The same seed always gives the same questions in the same order.
        #[arg(long, env = "CITES_TRAINER_SEED")]
        seed: Option<u64>,
        /// Only questions of this topic ("scenarios" for permit scenarios only).
        #[arg(long)]
        topic: Option<String>,
        /// How many permit scenarios to mix in (default: one in five when no bank or topic is named).
        #[arg(long)]
        scenarios: Option<usize>,
        /// Whose quiz this is (default: `officer use`, else "trainee").
        #[arg(long)]
        officer: Option<String>,
        /// Answer without changing the schedule.
        #[arg(long)]
        practice: bool,
    },
    /// Take a timed class paper (quizzes/papers/*.toml, or a file) and write the result file.
    ///
    /// Type each answer: option numbers or letters ("2", "1,3"), text, or for ordering the
    /// numbers in order ("3 1 2 4"). The time left is shown; when it is up the question (or
    /// the paper) closes by itself. An interrupted paper resumes where it stopped.
    Exam {
        /// The paper: its id (e.g. "basic-enforcement") or a file.
        paper: String,
        /// Who takes it.
        #[arg(long)]
        officer: String,
        /// Where the result file goes (default: the current folder).
        #[arg(long, value_name = "DIR")]
        results_dir: Option<PathBuf>,
    },
    /// Merge result files into a score sheet, or analyse the questions.
    Results {
        #[command(subcommand)]
        command: ResultsCommand,
    },
    /// The officers who share this machine.
    Officer {
        #[command(subcommand)]
        command: OfficerCommand,
    },
    /// An officer's progress: accuracy over time, retention, what is due, mastery by group
    /// and Appendix, confused pairs, leeches, streak.
    Progress {
        #[arg(long)]
        officer: Option<String>,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Write the answer log and a summary per officer (CSV for a spreadsheet, or JSON).
    Export {
        #[arg(long, default_value = "csv", value_parser = ["csv", "json"])]
        format: String,
        /// Only this officer's answers.
        #[arg(long)]
        officer: Option<String>,
        /// Write to this file (CSV: the summary goes beside it as NAME-summary.csv).
        #[arg(long, short)]
        out: Option<PathBuf>,
    },
    /// Convert question banks to and from Moodle's GIFT format.
    Bank {
        #[command(subcommand)]
        command: BankCommand,
    },
    /// Work with official CITES Checklist exports.
    Checklist {
        #[command(subcommand)]
        command: ChecklistCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum ResultsCommand {
    /// One score sheet, one row per officer (CSV, .xlsx for Excel, or JSON).
    Merge {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Write here; a name ending in .xlsx gives an Excel workbook.
        #[arg(long, short)]
        out: Option<PathBuf>,
        #[arg(long, default_value = "csv", value_parser = ["csv", "json"])]
        format: String,
    },
    /// Item analysis as Moodle computes it: facility, discrimination, answers chosen, and
    /// the paper's mean, median, standard deviation and Cronbach's alpha.
    Stats {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum OfficerCommand {
    /// Add an officer (the first one added becomes the default).
    Add { name: String },
    /// List the officers, their answers and settings; * marks the default.
    List,
    /// Make an officer the default for drills, quizzes and reports.
    Use { name: String },
    /// Set the desired retention (0.70 to 0.99; default 0.90, Appendix I species 0.95).
    Set {
        #[arg(long)]
        officer: Option<String>,
        #[arg(long)]
        retention: Option<f32>,
        /// The retention for Appendix I species.
        #[arg(long)]
        retention_app1: Option<f32>,
    },
    /// Fit the FSRS parameters to the officer's own answers, as Anki does.
    Optimize {
        #[arg(long)]
        officer: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum BankCommand {
    /// Read a GIFT file into a bank (TOML).
    Import {
        file: PathBuf,
        /// The new bank's id (default: the file name).
        #[arg(long)]
        id: Option<String>,
        /// The new bank's title.
        #[arg(long)]
        title: Option<String>,
        /// Write the bank here instead of standard output.
        #[arg(long, short)]
        out: Option<PathBuf>,
    },
    /// Write a bank as GIFT.
    Export {
        /// Bank id or file.
        bank: String,
        /// Output format (GIFT is the only one).
        #[arg(long, default_value = "gift", value_parser = ["gift"])]
        format: String,
        /// Write here instead of standard output.
        #[arg(long, short)]
        out: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ChecklistCommand {
    /// Import an official export (CSV, optionally gzip-compressed) into a data folder.
    ///
    /// An "Index of CITES Species" export is the complete Checklist and replaces the
    /// catalog; a Species+ "CITES listings" export is laid over it, the newer record
    /// winning and the older kept as history. Nothing is written if the file has an error.
    Import {
        /// The export file.
        file: PathBuf,
        /// The date the export reflects (YYYY-MM-DD); read from the file name when it has one.
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        /// Where the catalog is written (default: --data). A folder without a catalog
        /// starts from the embedded one.
        #[arg(long, value_name = "DIR")]
        into: Option<PathBuf>,
        /// What the export covers, in words (default: worked out from the file).
        #[arg(long)]
        scope: Option<String>,
        /// Show every changed taxon, not only the first 20 of each kind.
        #[arg(long)]
        verbose: bool,
    },
}

/// Runs the program and returns its exit status: 0 done, 1 not found or failed checks or
/// an error, 2 bad usage (from clap).
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            let _ = std::io::stdout().flush();
            eprintln!("cites-trainer: error: {e}");
            ExitCode::from(1)
        }
    }
}

pub fn run(cli: Cli) -> Result<ExitCode, Error> {
    let data = DataSource {
        dir: cli.data.clone(),
    };
    match cli.command {
        Command::Lookup { name, json } => crate::cmd::lookup::run(&data, &name.join(" "), json),
        Command::Card { name } => crate::cmd::card::run(&data, &name.join(" ")),
        Command::Drill {
            kind,
            typed,
            group,
            appendix,
            count,
            seed,
            officer,
            practice,
            new_per_day,
        } => crate::cmd::drill::run(
            &data,
            &crate::cmd::drill::DrillOptions {
                kind,
                typed,
                group,
                appendix,
                count,
                seed,
                officer,
                practice,
                new_per_day,
                home: cli.home.clone(),
            },
        ),
        Command::Quiz {
            banks,
            count,
            seed,
            topic,
            scenarios,
            officer,
            practice,
        } => crate::cmd::quiz::run(
            &data,
            &crate::cmd::quiz::QuizOptions {
                banks,
                count,
                seed,
                topic,
                scenarios,
                officer,
                practice,
                home: cli.home.clone(),
            },
        ),
        Command::Exam {
            paper,
            officer,
            results_dir,
        } => crate::cmd::exam::run(
            &data,
            &crate::cmd::exam::ExamOptions {
                paper,
                officer,
                results_dir,
                home: cli.home.clone(),
            },
        ),
        Command::Results { command } => match command {
            ResultsCommand::Merge { files, out, format } => {
                crate::cmd::results::merge_cmd(&files, out, &format)
            }
            ResultsCommand::Stats { files, json } => crate::cmd::results::stats_cmd(&files, json),
        },
        Command::Officer { command } => {
            let home = cli.home.as_deref();
            match command {
                OfficerCommand::Add { name } => crate::cmd::officer::add(home, &name),
                OfficerCommand::List => crate::cmd::officer::list(home),
                OfficerCommand::Use { name } => crate::cmd::officer::use_(home, &name),
                OfficerCommand::Set {
                    officer,
                    retention,
                    retention_app1,
                } => crate::cmd::officer::set(home, officer.as_deref(), retention, retention_app1),
                OfficerCommand::Optimize { officer } => {
                    crate::cmd::officer::optimize(home, officer.as_deref())
                }
            }
        }
        Command::Progress { officer, json } => {
            crate::cmd::progress::run(cli.home.as_deref(), officer.as_deref(), json)
        }
        Command::Export {
            format,
            officer,
            out,
        } => crate::cmd::export::run(cli.home.as_deref(), officer.as_deref(), &format, out),
        Command::Bank { command } => match command {
            BankCommand::Import {
                file,
                id,
                title,
                out,
            } => crate::cmd::bank::import(&file, id, title, out),
            BankCommand::Export {
                bank,
                format: _,
                out,
            } => crate::cmd::bank::export(&data, &bank, out),
        },
        Command::Check { dir } => crate::cmd::check::run(dir.or(cli.data)),
        Command::Checklist { command } => match command {
            ChecklistCommand::Import {
                file,
                as_of,
                into,
                scope,
                verbose,
            } => {
                let into = into.or(cli.data).ok_or_else(|| {
                    Error::Usage(
                        "name the data folder to write with --into DIR (or --data DIR); \
                         the embedded catalog cannot be changed"
                            .into(),
                    )
                })?;
                crate::cmd::import::run(&file, &into, as_of, scope, verbose)
            }
        },
    }
}

fn parse_kind(text: &str) -> Result<crate::drill::Kind, String> {
    crate::drill::Kind::parse(text).ok_or_else(|| {
        let all: Vec<&str> = crate::drill::Kind::ALL.iter().map(|k| k.as_str()).collect();
        format!("expected one of {}", all.join(", "))
    })
}

fn parse_appendix(text: &str) -> Result<crate::catalog::model::Appendix, String> {
    match crate::catalog::model::Appendix::parse(&text.to_uppercase()) {
        Some(a) if a != crate::catalog::model::Appendix::NC => Ok(a),
        _ => Err("expected I, II or III".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }
}
