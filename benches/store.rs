//! Progress-store timings, as ratios against baselines measured in the same run:
//!
//! - recording one answer durably (its own transaction, synchronous=FULL, WAL), against
//!   writing and fsync-ing a 200-byte file: median and p99;
//! - `cites-trainer progress --json` over an officer with 100,000 answers, against
//!   `cites-trainer --version`, whole process.
//!
//!     cargo bench --bench store

use cites_trainer::schedule::Scheduler;
use cites_trainer::store::{Answer, Store};
use std::io::Write;
use std::time::{Duration, Instant};

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn answer(i: i64) -> Answer {
    Answer {
        at: 1_795_900_000 + i * 37,
        mode: "drill".into(),
        item: format!("card:item-{}:identify", i % 700),
        kind: "identify".into(),
        subject: format!("Species {}", i % 700),
        prompt: "Which species is this?\n  - a character\n  - another".into(),
        given: "Manis javanica (Sunda pangolin)".into(),
        credit: if i % 4 == 0 { 0.0 } else { 1.0 },
        confused_with: (i % 4 == 0).then(|| format!("Species {}", (i + 1) % 700)),
        ms: 4200,
        edition: "index-2017-04-21 (2017-04-21)".into(),
        group: Some(["mammals", "reptiles", "birds", "timber"][(i % 4) as usize].into()),
        appendix: Some(["I", "II", "I/II"][(i % 3) as usize].into()),
        topic: None,
        session: None,
    }
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let officer = store.officer_or_add("Bench", 0).unwrap();
    let scheduler = Scheduler::new(None).unwrap();

    let n = 400;
    let mut record = Vec::with_capacity(n);
    let mut fsync = Vec::with_capacity(n);
    let base = dir.path().join("baseline.bin");
    for i in 0..n as i64 {
        let t = Instant::now();
        store
            .record(&officer, &answer(i), Some((&scheduler, 0.9)))
            .unwrap();
        record.push(t.elapsed());
        let t = Instant::now();
        let mut f = std::fs::File::create(&base).unwrap();
        f.write_all(&[b'x'; 200]).unwrap();
        f.sync_all().unwrap();
        fsync.push(t.elapsed());
    }
    record.sort();
    fsync.sort();
    let (rm, r99) = (percentile(&record, 0.5), percentile(&record, 0.99));
    let (fm, f99) = (percentile(&fsync, 0.5), percentile(&fsync, 0.99));
    println!("record one answer durably ({n} answers, interleaved with the baseline):");
    println!("  median {rm:?}  p99 {r99:?}");
    println!("  baseline write+fsync of 200 bytes: median {fm:?}  p99 {f99:?}");
    println!(
        "  ratio: median {:.2}x, p99 {:.2}x the baseline",
        rm.as_secs_f64() / fm.as_secs_f64(),
        r99.as_secs_f64() / f99.as_secs_f64()
    );

    // 100,000 answers for one officer (inserted fast, in one go, through SQLite directly).
    let home = tempfile::tempdir().unwrap();
    {
        let mut s = Store::open(home.path()).unwrap();
        let o = s.officer_or_add("Big", 0).unwrap();
        drop(s);
        let mut conn = rusqlite_connection(home.path());
        let tx = conn.transaction().unwrap();
        for i in 0..100_000i64 {
            let a = answer(i);
            tx.execute(
                "INSERT INTO answer (officer, at, mode, item, kind, subject, prompt, given, correct, credit, confused_with, ms, edition, grp, appendix) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                rusqlite::params![o.id, a.at, a.mode, a.item, a.kind, a.subject, a.prompt, a.given, (a.credit >= 1.0) as i64, a.credit, a.confused_with, a.ms, a.edition, a.group, a.appendix],
            )
            .unwrap();
        }
        for i in 0..700i64 {
            tx.execute(
                "INSERT INTO item_state VALUES (?1, ?2, 5.0, 5.0, ?3, ?4, 10, ?5)",
                rusqlite::params![
                    o.id,
                    format!("card:item-{i}:identify"),
                    1_795_900_000 + 3_700_000,
                    1_795_900_000 + 3_700_000 + i * 3000,
                    i % 6
                ],
            )
            .unwrap();
        }
        tx.commit().unwrap();
        s = Store::open(home.path()).unwrap();
        let _ = s;
    }
    let bin = env!("CARGO_BIN_EXE_cites-trainer");
    let time = |args: &[&str]| {
        let mut v = Vec::new();
        for _ in 0..15 {
            let t = Instant::now();
            let out = std::process::Command::new(bin)
                .args(args)
                .env("CITES_TRAINER_HOME", home.path())
                .env("CITES_TRAINER_NOW", "1799700000")
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            v.push(t.elapsed());
        }
        v.sort();
        percentile(&v, 0.5)
    };
    let version = time(&["--version"]);
    let progress = time(&["progress", "--officer", "Big", "--json"]);
    println!("progress over an officer with 100,000 answers (whole process):");
    println!(
        "  median {progress:?}; --version {version:?}; ratio {:.0}x",
        progress.as_secs_f64() / version.as_secs_f64()
    );
}

fn rusqlite_connection(home: &std::path::Path) -> rusqlite::Connection {
    rusqlite::Connection::open(home.join("progress.sqlite3")).unwrap()
}
