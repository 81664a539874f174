//! Merging 1,000 result files of 50 questions each, with the item analysis, as ratios
//! against baselines measured in the same run: in the process, against only reading and
//! parsing the same files; whole process, against `cites-trainer --version`.
//!
//!     cargo bench --bench results

use cites_trainer::results::{ResultAnswer, ResultFile, merge, stats};
use std::time::Instant;

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for o in 0..1000u64 {
        let answers = (0..50u64)
            .map(|q| {
                // A deterministic spread of abilities and difficulties.
                let right = (o * 7 + q * 13) % 100 < 40 + (o % 50) + q % 20;
                ResultAnswer {
                    id: format!("q{q:02}"),
                    topic: ["permits", "codes", "species"][(q % 3) as usize].into(),
                    kind: "single".into(),
                    given: if right {
                        "the right one".into()
                    } else {
                        format!("wrong {}", (o + q) % 3)
                    },
                    credit: if right { 1.0 } else { 0.0 },
                    seconds: 12.5,
                    late: false,
                }
            })
            .collect();
        let f = ResultFile {
            format: 1,
            paper_id: "bench".into(),
            paper_title: "Benchmark paper".into(),
            fingerprint: "a".repeat(64),
            officer: format!("Officer {o:04}"),
            started: 0,
            finished: 1200,
            time_used_seconds: 1200.0,
            questions: 50,
            answers,
            score: 0.0,
            percent: 0.0,
            pass_mark: 60.0,
            passed: false,
            checksum: String::new(),
        }
        .seal();
        let path = dir.path().join(format!("r{o:04}.json"));
        std::fs::write(&path, serde_json::to_string_pretty(&f).unwrap()).unwrap();
        paths.push(path);
    }

    let read = || -> Vec<(String, ResultFile)> {
        paths
            .iter()
            .map(|p| {
                (
                    p.display().to_string(),
                    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap(),
                )
            })
            .collect()
    };
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let mut base = Vec::new();
    let mut full = Vec::new();
    for _ in 0..7 {
        let t = Instant::now();
        let files = read();
        base.push(t.elapsed().as_secs_f64());
        let t = Instant::now();
        let files2 = read();
        let m = merge(files2, None);
        let s = stats(&m.files);
        full.push(t.elapsed().as_secs_f64());
        assert_eq!(m.rows.len(), 1000);
        assert_eq!(s.items.len(), 50);
        drop(files);
    }
    let (b, f) = (median(base), median(full));
    println!("merge + item analysis of 1,000 results x 50 questions, in the process:");
    println!(
        "  median {:.1} ms; reading and parsing the files alone {:.1} ms; ratio {:.2}x",
        f * 1e3,
        b * 1e3,
        f / b
    );

    let bin = env!("CARGO_BIN_EXE_cites-trainer");
    let time = |args: &[String]| {
        let mut v = Vec::new();
        for _ in 0..5 {
            let t = Instant::now();
            let out = std::process::Command::new(bin).args(args).output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            v.push(t.elapsed().as_secs_f64());
        }
        median(v)
    };
    let files: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let version = time(&["--version".to_string()]);
    let out = dir.path().join("sheet.csv").display().to_string();
    let merge_cmd = time(
        &[
            vec!["results".into(), "merge".into(), "--out".into(), out],
            files.clone(),
        ]
        .concat(),
    );
    let stats_cmd = time(
        &[
            vec!["results".into(), "stats".into(), "--json".into()],
            files,
        ]
        .concat(),
    );
    println!("whole process (--version {:.1} ms):", version * 1e3);
    println!(
        "  results merge: {:.0} ms ({:.0}x); results stats: {:.0} ms ({:.0}x)",
        merge_cmd * 1e3,
        merge_cmd / version,
        stats_cmd * 1e3,
        stats_cmd / version
    );
}
