//! The progress report of one officer, as data (pure): counts, accuracy over time, retention,
//! what is due, mastery by group and Appendix, confused pairs, leeches and streak. The
//! command draws it; `--json` prints it as it is.

use crate::schedule::{DAY, ItemState, Scheduler};
use crate::store::{Answer, day_start};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Items failed this often are leeches: the drill is not working for them.
pub const LEECH_LAPSES: u32 = 4;
/// Items with this stability (days) or more count as mastered.
pub const MATURE_DAYS: f32 = 21.0;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Mastery {
    pub name: String,
    pub answers: usize,
    pub accuracy: f64,
    pub items: usize,
    pub mastered: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Report {
    pub officer: String,
    pub answers: usize,
    pub accuracy: f64,
    pub first: Option<i64>,
    pub last: Option<i64>,
    /// Accuracy per week, oldest first, for the last eight weeks (None: no answers that week).
    pub weekly_accuracy: Vec<Option<f64>>,
    /// Share of right answers to items seen before, over the last 30 days.
    pub observed_retention: Option<f64>,
    /// Mean probability of recall of the scheduled items now, by FSRS.
    pub predicted_retention: Option<f64>,
    pub due_today: usize,
    /// Items falling due on each of the next seven days.
    pub due_next_days: Vec<usize>,
    pub by_group: Vec<Mastery>,
    pub by_appendix: Vec<Mastery>,
    /// (subject, taken for, times), the most frequent first.
    pub confused: Vec<(String, String, i64)>,
    /// (item, lapses)
    pub leeches: Vec<(String, u32)>,
    /// Days in a row with at least one answer, up to today.
    pub streak: usize,
}

fn accuracy(answers: &[&Answer]) -> f64 {
    if answers.is_empty() {
        return 0.0;
    }
    answers.iter().map(|a| a.credit).sum::<f64>() / answers.len() as f64
}

fn mastery(name: &str, answers: &[&Answer], states: &HashMap<String, ItemState>) -> Mastery {
    let mut items: Vec<&str> = answers.iter().map(|a| a.item.as_str()).collect();
    items.sort();
    items.dedup();
    let mastered = items
        .iter()
        .filter(|i| states.get(**i).is_some_and(|s| s.stability >= MATURE_DAYS))
        .count();
    Mastery {
        name: name.to_string(),
        answers: answers.len(),
        accuracy: accuracy(answers),
        items: items.len(),
        mastered,
    }
}

pub fn build(
    officer: &str,
    answers: &[Answer],
    states: &HashMap<String, ItemState>,
    confused: Vec<(String, String, i64)>,
    scheduler: &Scheduler,
    now: i64,
) -> Report {
    // Exam answers are kept apart from training.
    let training: Vec<&Answer> = answers.iter().filter(|a| a.mode != "exam").collect();
    let today = day_start(now);
    let weekly_accuracy = (0..8)
        .rev()
        .map(|w| {
            let (from, to) = (today - (w + 1) * 7 * DAY + DAY, today - w * 7 * DAY + DAY);
            let week: Vec<&Answer> = training
                .iter()
                .copied()
                .filter(|a| a.at >= from && a.at < to)
                .collect();
            (!week.is_empty()).then(|| accuracy(&week))
        })
        .collect();
    let mut seen: HashMap<&str, i64> = HashMap::new();
    let mut repeat: Vec<&Answer> = Vec::new();
    for a in &training {
        if let Some(&first) = seen.get(a.item.as_str())
            && a.at - first >= DAY / 2
            && a.at >= now - 30 * DAY
        {
            repeat.push(a);
        }
        seen.entry(a.item.as_str()).or_insert(a.at);
    }
    let decay = fsrs::DEFAULT_PARAMETERS[20];
    let predicted: Vec<f64> = states
        .values()
        .map(|s| scheduler.retrievability(s, now, decay) as f64)
        .collect();
    let end_of_today = today + DAY;
    let due_today = states.values().filter(|s| s.due < end_of_today).count();
    let due_next_days = (1..=7)
        .map(|d| {
            states
                .values()
                .filter(|s| s.due >= today + d * DAY && s.due < today + (d + 1) * DAY)
                .count()
        })
        .collect();
    let mut groups: BTreeMap<String, Vec<&Answer>> = BTreeMap::new();
    let mut appendices: BTreeMap<String, Vec<&Answer>> = BTreeMap::new();
    for a in &training {
        let g = a
            .group
            .clone()
            .or_else(|| a.topic.clone())
            .unwrap_or_else(|| "other".into());
        groups.entry(g).or_default().push(a);
        if let Some(app) = &a.appendix {
            appendices
                .entry(format!("Appendix {app}"))
                .or_default()
                .push(a);
        }
    }
    let mut leeches: Vec<(String, u32)> = states
        .iter()
        .filter(|(_, s)| s.lapses >= LEECH_LAPSES)
        .map(|(k, s)| (k.clone(), s.lapses))
        .collect();
    leeches.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut days: Vec<i64> = training.iter().map(|a| day_start(a.at)).collect();
    days.sort();
    days.dedup();
    let mut streak = 0;
    let mut day = if days.last() == Some(&today) {
        today
    } else {
        today - DAY
    };
    while days.binary_search(&day).is_ok() {
        streak += 1;
        day -= DAY;
    }
    Report {
        officer: officer.to_string(),
        answers: training.len(),
        accuracy: accuracy(&training),
        first: training.first().map(|a| a.at),
        last: training.last().map(|a| a.at),
        weekly_accuracy,
        observed_retention: (!repeat.is_empty()).then(|| accuracy(&repeat)),
        predicted_retention: (!predicted.is_empty())
            .then(|| predicted.iter().sum::<f64>() / predicted.len() as f64),
        due_today,
        due_next_days,
        by_group: groups.iter().map(|(g, a)| mastery(g, a, states)).collect(),
        by_appendix: appendices
            .iter()
            .map(|(g, a)| mastery(g, a, states))
            .collect(),
        confused: confused.into_iter().take(10).collect(),
        leeches,
        streak,
    }
}

/// A bar of `width` cells for a share from 0 to 1.
pub fn bar(share: f64, width: usize) -> String {
    let filled = (share.clamp(0.0, 1.0) * width as f64).round() as usize;
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

/// A one-line chart of shares from 0 to 1; a gap for missing values.
pub fn sparkline(values: &[Option<f64>]) -> String {
    const TICKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    values
        .iter()
        .map(|v| match v {
            Some(x) => TICKS[((x.clamp(0.0, 1.0) * 7.0).round()) as usize],
            None => '·',
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(item: &str, at: i64, credit: f64, group: &str, appendix: &str) -> Answer {
        Answer {
            at,
            mode: "drill".into(),
            item: item.into(),
            kind: "identify".into(),
            subject: "s".into(),
            prompt: "p".into(),
            given: "g".into(),
            credit,
            confused_with: None,
            ms: 1000,
            edition: "e".into(),
            group: Some(group.into()),
            appendix: Some(appendix.into()),
            topic: None,
            session: None,
        }
    }

    #[test]
    fn report_counts_accuracy_streak_due_and_mastery() {
        let now = 100 * DAY + 3600;
        let answers = vec![
            answer("a", 97 * DAY, 0.0, "mammals", "I"),
            answer("a", 98 * DAY, 1.0, "mammals", "I"),
            answer("b", 99 * DAY, 1.0, "reptiles", "II"),
            answer("b", 100 * DAY, 1.0, "reptiles", "II"),
        ];
        let mut states = HashMap::new();
        let st = |due, stability, lapses| ItemState {
            stability,
            difficulty: 5.0,
            last: 99 * DAY,
            due,
            reps: 3,
            lapses,
        };
        states.insert("a".to_string(), st(100 * DAY + 10, 3.0, 5));
        states.insert("b".to_string(), st(102 * DAY + 10, 30.0, 0));
        let s = Scheduler::new(None).unwrap();
        let r = build("Dara", &answers, &states, vec![], &s, now);
        assert_eq!(r.answers, 4);
        assert_eq!(r.accuracy, 0.75);
        assert_eq!(r.streak, 4, "four days in a row up to today");
        assert_eq!(r.due_today, 1);
        assert_eq!(r.due_next_days, vec![0, 1, 0, 0, 0, 0, 0]);
        assert_eq!(r.observed_retention, Some(1.0), "both repeats right");
        assert_eq!(
            r.by_group[1],
            Mastery {
                name: "reptiles".into(),
                answers: 2,
                accuracy: 1.0,
                items: 1,
                mastered: 1
            }
        );
        assert_eq!(r.by_appendix[0].name, "Appendix I");
        assert_eq!(r.leeches, vec![("a".into(), 5)]);
        assert_eq!(r.weekly_accuracy.last().unwrap(), &Some(0.75));
    }

    #[test]
    fn charts() {
        assert_eq!(bar(0.5, 4), "██░░");
        assert_eq!(sparkline(&[Some(0.0), None, Some(1.0)]), "▁·█");
    }
}
