//! Exam result files, score sheets and item analysis. Pure: result files in, rows and
//! statistics out. A result file carries a SHA-256 checksum of its own content, so a damaged
//! or edited file is detected when the instructor merges it.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashSet};

/// One answer of an exam.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultAnswer {
    pub id: String,
    pub topic: String,
    pub kind: String,
    /// The options chosen, or the text typed ("" when the time ran out).
    pub given: String,
    pub credit: f64,
    pub seconds: f64,
    /// Given after the time limit: kept, but it does not count.
    pub late: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultFile {
    pub format: u32,
    pub paper_id: String,
    pub paper_title: String,
    pub fingerprint: String,
    pub officer: String,
    pub started: i64,
    pub finished: i64,
    pub time_used_seconds: f64,
    /// Questions on the paper (unanswered ones score nothing).
    pub questions: usize,
    pub answers: Vec<ResultAnswer>,
    pub score: f64,
    pub percent: f64,
    pub pass_mark: f64,
    pub passed: bool,
    pub checksum: String,
}

impl ResultFile {
    fn digest(&self) -> String {
        let mut copy = self.clone();
        copy.checksum = String::new();
        let json = serde_json::to_vec(&copy).unwrap_or_default();
        crate::paper::hex(&Sha256::digest(&json))
    }

    /// Fills the score from the answers (late ones do not count) and seals the file. Times
    /// are kept to the millisecond.
    pub fn seal(mut self) -> ResultFile {
        let ms = |x: f64| (x * 1000.0).round() / 1000.0;
        self.time_used_seconds = ms(self.time_used_seconds);
        for a in &mut self.answers {
            a.seconds = ms(a.seconds);
        }
        self.score = self
            .answers
            .iter()
            .filter(|a| !a.late)
            .map(|a| a.credit)
            .sum();
        self.percent = if self.questions == 0 {
            0.0
        } else {
            100.0 * self.score / self.questions as f64
        };
        self.passed = self.percent >= self.pass_mark;
        self.checksum = self.digest();
        self
    }

    pub fn is_intact(&self) -> bool {
        self.checksum == self.digest()
    }
}

/// One officer's line of the score sheet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub officer: String,
    pub score: f64,
    pub max: usize,
    pub percent: f64,
    pub passed: bool,
    pub time_used_seconds: f64,
    /// topic -> (score, questions)
    pub topics: BTreeMap<String, (f64, usize)>,
}

/// The files merged, and why the others were left out.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub rows: Vec<Row>,
    pub files: Vec<ResultFile>,
    pub rejected: Vec<String>,
}

fn officer_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Merges result files into one sheet: files with a bad checksum, from another paper (another
/// fingerprint than the first good file, or than `fingerprint` when given) or of an officer
/// already counted are rejected with the reason.
pub fn merge(files: Vec<(String, ResultFile)>, fingerprint: Option<&str>) -> Merged {
    let mut expected: Option<String> = fingerprint.map(str::to_string);
    let mut seen: HashSet<String> = HashSet::new();
    let mut first_file: BTreeMap<String, String> = BTreeMap::new();
    let mut kept = Vec::new();
    let mut rejected = Vec::new();
    for (name, f) in files {
        if !f.is_intact() {
            rejected.push(format!(
                "{name}: the checksum does not match; the file is damaged or was edited"
            ));
            continue;
        }
        match &expected {
            Some(e) if *e != f.fingerprint => {
                rejected.push(format!(
                    "{name}: from another paper (\"{}\", fingerprint {}), not the one being merged",
                    f.paper_title,
                    &f.fingerprint[..12.min(f.fingerprint.len())]
                ));
                continue;
            }
            None => expected = Some(f.fingerprint.clone()),
            _ => {}
        }
        let key = officer_key(&f.officer);
        if !seen.insert(key.clone()) {
            rejected.push(format!(
                "{name}: {} is already counted (from {}); an officer is counted once",
                f.officer,
                first_file.get(&key).cloned().unwrap_or_default()
            ));
            continue;
        }
        first_file.insert(key, name);
        kept.push(f);
    }
    let rows = kept
        .iter()
        .map(|f| {
            let mut topics: BTreeMap<String, (f64, usize)> = BTreeMap::new();
            for a in &f.answers {
                let e = topics.entry(a.topic.clone()).or_default();
                e.0 += if a.late { 0.0 } else { a.credit };
                e.1 += 1;
            }
            Row {
                officer: f.officer.clone(),
                score: f.score,
                max: f.questions,
                percent: f.percent,
                passed: f.passed,
                time_used_seconds: f.time_used_seconds,
                topics,
            }
        })
        .collect();
    Merged {
        rows,
        files: kept,
        rejected,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemStats {
    pub id: String,
    pub topic: String,
    pub attempts: usize,
    /// Mean score on the question, in percent of its mark (Moodle's facility index).
    pub facility: f64,
    /// Correlation of the question's score with the rest of the paper, in percent
    /// (Moodle's discrimination index); None when it cannot be computed.
    pub discrimination: Option<f64>,
    /// How often each answer was given.
    pub chosen: BTreeMap<String, usize>,
    pub flags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PaperStats {
    pub officers: usize,
    pub mean: f64,
    pub median: f64,
    pub sd: f64,
    pub cronbach_alpha: Option<f64>,
    pub items: Vec<ItemStats>,
}

fn mean(v: &[f64]) -> f64 {
    if v.is_empty() {
        0.0
    } else {
        v.iter().sum::<f64>() / v.len() as f64
    }
}

/// Sample variance (n - 1), as Moodle's statistics use.
fn variance(v: &[f64]) -> f64 {
    if v.len() < 2 {
        return 0.0;
    }
    let m = mean(v);
    v.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (v.len() - 1) as f64
}

fn correlation(x: &[f64], y: &[f64]) -> Option<f64> {
    let (vx, vy) = (variance(x), variance(y));
    if vx == 0.0 || vy == 0.0 {
        return None;
    }
    let (mx, my) = (mean(x), mean(y));
    let cov = x
        .iter()
        .zip(y)
        .map(|(a, b)| (a - mx) * (b - my))
        .sum::<f64>()
        / (x.len() - 1) as f64;
    Some(cov / (vx * vy).sqrt())
}

/// Item analysis over the merged files, as Moodle computes it. Scores are in marks (one per
/// question); percentages are of the paper's maximum.
pub fn stats(files: &[ResultFile]) -> PaperStats {
    let mut ids: Vec<(String, String)> = Vec::new();
    for f in files {
        for a in &f.answers {
            if !ids.iter().any(|(i, _)| *i == a.id) {
                ids.push((a.id.clone(), a.topic.clone()));
            }
        }
    }
    let score_of = |f: &ResultFile, id: &str| {
        f.answers
            .iter()
            .find(|a| a.id == id)
            .map_or(0.0, |a| if a.late { 0.0 } else { a.credit })
    };
    let totals: Vec<f64> = files.iter().map(|f| f.score).collect();
    let max = files.iter().map(|f| f.questions).max().unwrap_or(0).max(1) as f64;
    let percents: Vec<f64> = totals.iter().map(|t| 100.0 * t / max).collect();
    let mut sorted = percents.clone();
    sorted.sort_by(f64::total_cmp);
    let median = match sorted.len() {
        0 => 0.0,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    };
    let mut item_variances = 0.0;
    let items: Vec<ItemStats> = ids
        .iter()
        .map(|(id, topic)| {
            let scores: Vec<f64> = files.iter().map(|f| score_of(f, id)).collect();
            let rest: Vec<f64> = files
                .iter()
                .zip(&scores)
                .map(|(f, s)| f.score - s)
                .collect();
            item_variances += variance(&scores);
            let mut chosen: BTreeMap<String, usize> = BTreeMap::new();
            let mut attempts = 0;
            for f in files {
                if let Some(a) = f.answers.iter().find(|a| a.id == *id) {
                    attempts += 1;
                    let key = if a.given.is_empty() {
                        "(no answer)".to_string()
                    } else {
                        a.given.clone()
                    };
                    *chosen.entry(key).or_default() += 1;
                }
            }
            let facility = 100.0 * mean(&scores);
            let discrimination = correlation(&scores, &rest).map(|r| 100.0 * r);
            let mut flags = Vec::new();
            if facility < 30.0 {
                flags
                    .push("hard for this class: teach it again, or check the question".to_string());
            }
            if let Some(d) = discrimination {
                if d < 0.0 {
                    flags.push(
                        "negative discrimination: the better officers got it wrong; check the key"
                            .to_string(),
                    );
                } else if d < 20.0 {
                    flags.push(
                        "weak discrimination: it does not separate strong from weak officers"
                            .to_string(),
                    );
                }
            }
            ItemStats {
                id: id.clone(),
                topic: topic.clone(),
                attempts,
                facility,
                discrimination,
                chosen,
                flags,
            }
        })
        .collect();
    let k = items.len() as f64;
    let total_variance = variance(&totals);
    let cronbach_alpha = (k > 1.0 && total_variance > 0.0)
        .then(|| k / (k - 1.0) * (1.0 - item_variances / total_variance));
    PaperStats {
        officers: files.len(),
        mean: mean(&percents),
        median,
        sd: variance(&percents).sqrt(),
        cronbach_alpha,
        items,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn file(officer: &str, credits: &[f64]) -> ResultFile {
        ResultFile {
            format: 1,
            paper_id: "p".into(),
            paper_title: "Paper".into(),
            fingerprint: "f".repeat(64),
            officer: officer.into(),
            started: 0,
            finished: 60,
            time_used_seconds: 60.0,
            questions: credits.len(),
            answers: credits
                .iter()
                .enumerate()
                .map(|(i, c)| ResultAnswer {
                    id: format!("q{}", i + 1),
                    topic: if i < 2 {
                        "permits".into()
                    } else {
                        "codes".into()
                    },
                    kind: "single".into(),
                    given: if *c >= 1.0 {
                        "right".into()
                    } else {
                        "wrong".into()
                    },
                    credit: *c,
                    seconds: 5.0,
                    late: false,
                })
                .collect(),
            score: 0.0,
            percent: 0.0,
            pass_mark: 60.0,
            passed: false,
            checksum: String::new(),
        }
        .seal()
    }

    #[test]
    fn sealed_files_detect_edits() {
        let f = file("A", &[1.0, 0.0, 1.0]);
        assert!(f.is_intact());
        assert_eq!(f.score, 2.0);
        assert!(f.passed, "66.7 % against a pass mark of 60");
        let mut edited = f.clone();
        edited.score = 3.0;
        assert!(!edited.is_intact());
    }

    #[test]
    fn merge_rejects_bad_checksums_other_papers_and_second_copies() {
        let a = file("Anong", &[1.0, 1.0, 0.0]);
        let mut other = file("Bo", &[1.0, 1.0, 1.0]);
        other.fingerprint = "0".repeat(64);
        let other = other.seal();
        let mut edited = file("Chan", &[0.0, 0.0, 0.0]);
        edited.score = 3.0;
        let again = file("  anong ", &[1.0, 1.0, 1.0]);
        let m = merge(
            vec![
                ("a.json".into(), a),
                ("b.json".into(), other),
                ("c.json".into(), edited),
                ("d.json".into(), again),
            ],
            None,
        );
        assert_eq!(m.rows.len(), 1);
        assert_eq!(m.rows[0].topics["permits"], (2.0, 2));
        assert_eq!(m.rejected.len(), 3);
        assert!(m.rejected[0].starts_with("b.json: from another paper"));
        assert!(m.rejected[1].starts_with("c.json: the checksum does not match"));
        assert!(m.rejected[2].contains("is already counted (from a.json)"));
    }

    #[test]
    fn item_analysis_matches_a_hand_computation() {
        // Three officers, three questions (1 = right):
        //   A: 1 1 1 (3)   B: 1 0 1 (2)   C: 0 0 1 (1)
        let files = vec![
            file("A", &[1.0, 1.0, 1.0]),
            file("B", &[1.0, 0.0, 1.0]),
            file("C", &[0.0, 0.0, 1.0]),
        ];
        let s = stats(&files);
        assert_eq!(s.officers, 3);
        // Percentages 100, 66.67, 33.33: mean 66.67, median 66.67, sd 33.33.
        assert!((s.mean - 200.0 / 3.0).abs() < 1e-9);
        assert!((s.median - 200.0 / 3.0).abs() < 1e-9);
        assert!((s.sd - 100.0 / 3.0).abs() < 1e-9);
        // Facility: q1 2/3, q2 1/3, q3 3/3.
        assert!((s.items[0].facility - 200.0 / 3.0).abs() < 1e-9);
        assert!((s.items[1].facility - 100.0 / 3.0).abs() < 1e-9);
        assert_eq!(s.items[2].facility, 100.0);
        // q1 against the rest (q2+q3 = 2, 1, 1): r = 0.5; q2 against (2, 2, 1): r = 0.5.
        assert!((s.items[0].discrimination.unwrap() - 50.0).abs() < 1e-9);
        assert!((s.items[1].discrimination.unwrap() - 50.0).abs() < 1e-9);
        assert_eq!(
            s.items[2].discrimination, None,
            "everyone right: nothing to correlate"
        );
        // Alpha: k = 3, item variances 1/3 + 1/3 + 0, total variance 1: 3/2 * (1 - 2/3) = 0.5.
        assert!((s.cronbach_alpha.unwrap() - 0.5).abs() < 1e-9);
        assert_eq!(s.items[0].chosen["right"], 2);
        assert_eq!(s.items[0].chosen["wrong"], 1);
    }

    #[test]
    fn late_answers_do_not_count() {
        let mut f = file("A", &[1.0, 1.0]);
        f.answers[1].late = true;
        let f = f.seal();
        assert_eq!(f.score, 1.0);
        assert_eq!(f.percent, 50.0);
        assert!(!f.passed);
    }
}
