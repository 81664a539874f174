//! `cites-trainer officer add|list|use|set|optimize`: the officers who share a machine.

use crate::error::{Error, Result};
use std::path::Path;
use std::process::ExitCode;

pub fn add(home: Option<&Path>, name: &str) -> Result<ExitCode> {
    let store = crate::cmd::open_store(home)?;
    let existed = store.officer(name)?.is_some();
    let o = store.officer_or_add(name, crate::cmd::now())?;
    if store.setting("officer")?.is_none() {
        store.set_setting("officer", &o.name)?;
    }
    println!(
        "{} {} (progress in {}).",
        if existed { "Already here:" } else { "Added" },
        o.name,
        store.path().display()
    );
    Ok(ExitCode::SUCCESS)
}

pub fn list(home: Option<&Path>) -> Result<ExitCode> {
    let store = crate::cmd::open_store(home)?;
    let current = store.setting("officer")?;
    let officers = store.officers()?;
    if officers.is_empty() {
        println!("No officers yet: `cites-trainer officer add NAME`.");
    }
    for (o, answers, last) in officers {
        let mark = if current.as_deref() == Some(o.name.as_str()) {
            "*"
        } else {
            " "
        };
        let last = last
            .map(|t| format!(", last on {}", date(t)))
            .unwrap_or_default();
        println!(
            "{mark} {}  {answers} answers{last}; retention {:.2} (Appendix I {:.2}){}",
            o.name,
            o.retention,
            o.retention_app1,
            if o.params.is_some() {
                "; own FSRS parameters"
            } else {
                ""
            }
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub fn use_(home: Option<&Path>, name: &str) -> Result<ExitCode> {
    let store = crate::cmd::open_store(home)?;
    let o = store.officer_or_add(name, crate::cmd::now())?;
    store.set_setting("officer", &o.name)?;
    println!(
        "Drills and quizzes now save progress for {} unless --officer says otherwise.",
        o.name
    );
    Ok(ExitCode::SUCCESS)
}

pub fn set(
    home: Option<&Path>,
    name: Option<&str>,
    retention: Option<f32>,
    app1: Option<f32>,
) -> Result<ExitCode> {
    for r in [retention, app1].into_iter().flatten() {
        if !(0.7..=0.99).contains(&r) {
            return Err(Error::Usage(format!(
                "a desired retention of {r} is out of range; use 0.70 to 0.99 (0.9 is usual)"
            )));
        }
    }
    let store = crate::cmd::open_store(home)?;
    let (o, _) = crate::cmd::officer(&store, name, crate::cmd::now())?;
    store.set_retention(o.id, retention, app1)?;
    let o = store.officer(&o.name)?.unwrap_or(o);
    println!(
        "{}: desired retention {:.2}, for Appendix I species {:.2}.",
        o.name, o.retention, o.retention_app1
    );
    Ok(ExitCode::SUCCESS)
}

pub fn optimize(home: Option<&Path>, name: Option<&str>) -> Result<ExitCode> {
    let store = crate::cmd::open_store(home)?;
    let (o, _) = crate::cmd::officer(&store, name, crate::cmd::now())?;
    let histories = store.histories(o.id)?;
    let params = crate::schedule::optimize(&histories).map_err(Error::Usage)?;
    store.set_params(o.id, &params)?;
    println!(
        "Fitted FSRS parameters to {}'s {} items; the schedule now uses them.",
        o.name,
        histories.len()
    );
    Ok(ExitCode::SUCCESS)
}

/// YYYY-MM-DD of a Unix time (UTC).
pub fn date(t: i64) -> String {
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let z = t.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates() {
        assert_eq!(super::date(0), "1970-01-01");
        assert_eq!(super::date(1_795_900_000), "2026-11-28");
        assert_eq!(super::date(951_782_400), "2000-02-29");
    }
}
