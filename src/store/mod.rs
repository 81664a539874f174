//! The officers' progress store: one SQLite file (WAL, a busy timeout, one transaction per
//! answer), so a crash, Ctrl-C or `kill -9` loses at most the answer being typed, and two
//! terminals drilling at once corrupt nothing. The only place progress is written.

use crate::schedule::{DAY, ItemState, Scheduler};
use rusqlite::{Connection, OptionalExtension, params};
use std::path::{Path, PathBuf};

/// The migrations, in order; the schema version is their count (PRAGMA user_version).
const MIGRATIONS: [&str; 2] = [include_str!("schema-1.sql"), include_str!("schema-2.sql")];

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "{path}: this progress file was written by a newer cites-trainer (schema {found}, this program knows {known}); \
         upgrade the program. The file was not changed."
    )]
    Newer {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error(
        "{path}: not a cites-trainer progress file, or it is damaged ({message}). It was not changed; \
         move it aside (or restore a copy) and run again."
    )]
    Unreadable { path: PathBuf, message: String },
    #[error("{path}: {message}")]
    Sql { path: PathBuf, message: String },
    #[error("{0}")]
    Usage(String),
}

/// One answer as recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub at: i64,
    /// drill, quiz, practice or exam.
    pub mode: String,
    /// The scheduled item: `card:<id>:<kind>`, `question:<id>`, `pair:<a>|<b>`, `scenario:...`.
    pub item: String,
    pub kind: String,
    pub subject: String,
    pub prompt: String,
    pub given: String,
    pub credit: f64,
    pub confused_with: Option<String>,
    pub ms: i64,
    pub edition: String,
    pub group: Option<String>,
    pub appendix: Option<String>,
    pub topic: Option<String>,
    pub session: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Officer {
    pub id: i64,
    pub name: String,
    pub retention: f32,
    pub retention_app1: f32,
    pub params: Option<Vec<f32>>,
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// The folder progress lives in: `--home`, `CITES_TRAINER_HOME`, else the platform's data
/// folder (e.g. ~/.local/share/cites-trainer).
pub fn default_home() -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "CITES", "cites-trainer")
        .map(|d| d.data_dir().to_path_buf())
}

impl Store {
    /// Opens (or creates) the store in `home`, migrating an older schema forward. A file from
    /// a newer program, or one that is not a progress store, is refused and left as it is.
    pub fn open(home: &Path) -> Result<Store, StoreError> {
        let path = home.join("progress.sqlite3");
        std::fs::create_dir_all(home).map_err(|e| StoreError::Sql {
            path: home.to_path_buf(),
            message: format!("cannot create the folder: {e}"),
        })?;
        let unreadable = |e: rusqlite::Error| StoreError::Unreadable {
            path: path.clone(),
            message: e.to_string(),
        };
        let conn = Connection::open(&path).map_err(unreadable)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(unreadable)?;
        // Read before writing anything: a foreign or damaged file fails here, untouched.
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(unreadable)?;
        let (tables, has_answer): (i64, i64) = conn
            .query_row(
                "SELECT count(*), count(*) FILTER (WHERE name = 'answer') FROM sqlite_master WHERE type = 'table'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(unreadable)?;
        // An empty file (or one another program is setting up right now) is ours to set up.
        if has_answer == 0 && (tables > 0 || version > 0) {
            return Err(StoreError::Unreadable {
                path,
                message: format!(
                    "an SQLite file without cites-trainer's tables (schema {version}, {tables} tables)"
                ),
            });
        }
        let known = MIGRATIONS.len() as i64;
        if version > known {
            return Err(StoreError::Newer {
                path,
                found: version,
                known,
            });
        }
        let sql = |e: rusqlite::Error| StoreError::Sql {
            path: path.clone(),
            message: e.to_string(),
        };
        // Switching to WAL needs the file to itself for a moment; another program opening it
        // at the same instant makes SQLite answer "busy" at once, so try again for a while.
        let mut tries = 0;
        while let Err(e) = conn.pragma_update(None, "journal_mode", "WAL") {
            tries += 1;
            if tries > 200 {
                return Err(sql(e));
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(sql)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(sql)?;
        let mut store = Store { conn, path };
        store.migrate(version)?;
        Ok(store)
    }

    fn err(&self, e: rusqlite::Error) -> StoreError {
        StoreError::Sql {
            path: self.path.clone(),
            message: e.to_string(),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn migrate(&mut self, from: i64) -> Result<(), StoreError> {
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(from as usize) {
            // IMMEDIATE: take the write lock before reading the version, so two programs
            // starting at once migrate one after the other.
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
                .map_err(|e| StoreError::Sql {
                    path: self.path.clone(),
                    message: e.to_string(),
                })?;
            // Another process may have migrated while we waited for the lock.
            let now: i64 = tx
                .query_row("PRAGMA user_version", [], |r| r.get(0))
                .unwrap_or(0);
            if now > i as i64 {
                continue;
            }
            tx.execute_batch(sql)
                .and_then(|_| tx.pragma_update(None, "user_version", (i + 1) as i64))
                .and_then(|_| tx.commit())
                .map_err(|e| StoreError::Sql {
                    path: self.path.clone(),
                    message: format!("migrating to schema {}: {e}", i + 1),
                })?;
        }
        Ok(())
    }

    pub fn schema_version(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| self.err(e))
    }

    // ---- officers ------------------------------------------------------------------------

    fn officer_from_row(r: &rusqlite::Row) -> rusqlite::Result<Officer> {
        let params: Option<String> = r.get(4)?;
        Ok(Officer {
            id: r.get(0)?,
            name: r.get(1)?,
            retention: r.get::<_, f64>(2)? as f32,
            retention_app1: r.get::<_, f64>(3)? as f32,
            params: params.and_then(|p| serde_json::from_str(&p).ok()),
        })
    }

    pub fn officer(&self, name: &str) -> Result<Option<Officer>, StoreError> {
        self.conn
            .query_row(
                "SELECT id, name, retention, retention_app1, params FROM officer WHERE name = ?1",
                [name],
                Self::officer_from_row,
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// The officer of that name, added if new.
    pub fn officer_or_add(&self, name: &str, now: i64) -> Result<Officer, StoreError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::Usage("an officer needs a name".into()));
        }
        self.conn
            .execute(
                "INSERT OR IGNORE INTO officer (name, created) VALUES (?1, ?2)",
                params![name, now],
            )
            .map_err(|e| self.err(e))?;
        self.officer(name)?
            .ok_or_else(|| StoreError::Usage(format!("officer {name} could not be added")))
    }

    pub fn officers(&self) -> Result<Vec<(Officer, i64, Option<i64>)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT o.id, o.name, o.retention, o.retention_app1, o.params, \
                 (SELECT count(*) FROM answer a WHERE a.officer = o.id), \
                 (SELECT max(at) FROM answer a WHERE a.officer = o.id) FROM officer o ORDER BY o.name",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok((Self::officer_from_row(r)?, r.get(5)?, r.get(6)?))
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    pub fn set_retention(
        &self,
        officer: i64,
        retention: Option<f32>,
        app1: Option<f32>,
    ) -> Result<(), StoreError> {
        if let Some(r) = retention {
            self.conn
                .execute(
                    "UPDATE officer SET retention = ?1 WHERE id = ?2",
                    params![r as f64, officer],
                )
                .map_err(|e| self.err(e))?;
        }
        if let Some(r) = app1 {
            self.conn
                .execute(
                    "UPDATE officer SET retention_app1 = ?1 WHERE id = ?2",
                    params![r as f64, officer],
                )
                .map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    pub fn set_params(&self, officer: i64, params: &[f32]) -> Result<(), StoreError> {
        let json = serde_json::to_string(params).unwrap_or_default();
        self.conn
            .execute(
                "UPDATE officer SET params = ?1 WHERE id = ?2",
                params![json, officer],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    pub fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.err(e))
    }

    pub fn set_setting(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    // ---- answers ---------------------------------------------------------------------------

    /// Records an answer durably, and (unless `schedule` is None) the item's new schedule, in
    /// one transaction.
    pub fn record(
        &mut self,
        officer: &Officer,
        a: &Answer,
        schedule: Option<(&Scheduler, f32)>,
    ) -> Result<Option<ItemState>, StoreError> {
        let path = self.path.clone();
        let err = |e: rusqlite::Error| StoreError::Sql {
            path: path.clone(),
            message: e.to_string(),
        };
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(err)?;
        tx.execute(
            "INSERT INTO answer (officer, at, mode, item, kind, subject, prompt, given, correct, credit, \
             confused_with, ms, edition, grp, appendix, topic, session) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
            params![
                officer.id,
                a.at,
                a.mode,
                a.item,
                a.kind,
                a.subject,
                a.prompt,
                a.given,
                (a.credit >= 1.0) as i64,
                a.credit,
                a.confused_with,
                a.ms,
                a.edition,
                a.group,
                a.appendix,
                a.topic,
                a.session
            ],
        )
        .map_err(err)?;
        let mut new_state = None;
        if let Some((scheduler, retention)) = schedule {
            let old: Option<ItemState> = tx
                .query_row(
                    "SELECT stability, difficulty, last, due, reps, lapses FROM item_state WHERE officer = ?1 AND item = ?2",
                    params![officer.id, a.item],
                    |r| {
                        Ok(ItemState {
                            stability: r.get::<_, f64>(0)? as f32,
                            difficulty: r.get::<_, f64>(1)? as f32,
                            last: r.get(2)?,
                            due: r.get(3)?,
                            reps: r.get::<_, i64>(4)? as u32,
                            lapses: r.get::<_, i64>(5)? as u32,
                        })
                    },
                )
                .optional()
                .map_err(err)?;
            let s = scheduler
                .review(old, a.at, a.credit, retention)
                .map_err(StoreError::Usage)?;
            tx.execute(
                "INSERT INTO item_state (officer, item, stability, difficulty, last, due, reps, lapses) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(officer, item) DO UPDATE SET \
                 stability = excluded.stability, difficulty = excluded.difficulty, last = excluded.last, \
                 due = excluded.due, reps = excluded.reps, lapses = excluded.lapses",
                params![officer.id, a.item, s.stability as f64, s.difficulty as f64, s.last, s.due, s.reps, s.lapses],
            )
            .map_err(err)?;
            new_state = Some(s);
        }
        if let Some(other) = &a.confused_with {
            tx.execute(
                "INSERT INTO confusion (officer, subject, other, times, streak, last) VALUES (?1, ?2, ?3, 1, 0, ?4) \
                 ON CONFLICT(officer, subject, other) DO UPDATE SET times = times + 1, streak = 0, last = excluded.last",
                params![officer.id, a.subject, other, a.at],
            )
            .map_err(err)?;
        } else if let Some(pair) = a.item.strip_prefix("pair:")
            && let Some((subject, other)) = pair.split_once('|')
        {
            // A pair question answered right is a step towards telling the two apart.
            let delta = if a.credit >= 1.0 { "streak + 1" } else { "0" };
            tx.execute(
                &format!("UPDATE confusion SET streak = {delta}, last = ?4 WHERE officer = ?1 AND subject = ?2 AND other = ?3"),
                params![officer.id, subject, other, a.at],
            )
            .map_err(err)?;
        }
        tx.commit().map_err(err)?;
        Ok(new_state)
    }

    /// Schedules of an officer's items: item -> state.
    pub fn states(&self, officer: i64) -> Result<Vec<(String, ItemState)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT item, stability, difficulty, last, due, reps, lapses FROM item_state WHERE officer = ?1")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([officer], |r| {
                Ok((
                    r.get(0)?,
                    ItemState {
                        stability: r.get::<_, f64>(1)? as f32,
                        difficulty: r.get::<_, f64>(2)? as f32,
                        last: r.get(3)?,
                        due: r.get(4)?,
                        reps: r.get::<_, i64>(5)? as u32,
                        lapses: r.get::<_, i64>(6)? as u32,
                    },
                ))
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// Pairs an officer still confuses: (subject, taken for, times), the most frequent first.
    /// A pair counts as told apart after two right answers in a row to its pair question.
    pub fn confusions(&self, officer: i64) -> Result<Vec<(String, String, i64)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT subject, other, times FROM confusion WHERE officer = ?1 AND streak < 2 \
                 ORDER BY times DESC, last DESC",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([officer], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// New items introduced since `since` (for the daily limit).
    pub fn new_items_since(
        &self,
        officer: i64,
        since: i64,
        prefix: &str,
    ) -> Result<i64, StoreError> {
        self.conn
            .query_row(
                "SELECT count(*) FROM item_state WHERE officer = ?1 AND reps >= 1 AND item LIKE ?3 AND item IN \
                 (SELECT item FROM answer WHERE officer = ?1 GROUP BY item HAVING min(at) >= ?2)",
                params![officer, since, format!("{prefix}%")],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))
    }

    /// Every answer of an officer (or of all officers), oldest first.
    pub fn answers(&self, officer: Option<i64>) -> Result<Vec<(String, Answer)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT o.name, a.at, a.mode, a.item, a.kind, a.subject, a.prompt, a.given, a.credit, a.confused_with, \
                 a.ms, a.edition, a.grp, a.appendix, a.topic, a.session FROM answer a JOIN officer o ON o.id = a.officer \
                 WHERE ?1 IS NULL OR a.officer = ?1 ORDER BY a.at, a.id",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([officer], |r| {
                Ok((
                    r.get(0)?,
                    Answer {
                        at: r.get(1)?,
                        mode: r.get(2)?,
                        item: r.get(3)?,
                        kind: r.get(4)?,
                        subject: r.get(5)?,
                        prompt: r.get(6)?,
                        given: r.get(7)?,
                        credit: r.get(8)?,
                        confused_with: r.get(9)?,
                        ms: r.get(10)?,
                        edition: r.get(11)?,
                        group: r.get(12)?,
                        appendix: r.get(13)?,
                        topic: r.get(14)?,
                        session: r.get(15)?,
                    },
                ))
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// An officer's answers with only what the progress report reads (time, mode, item,
    /// credit, group, Appendix, topic), oldest first: far less to read than `answers`.
    pub fn answers_for_report(&self, officer: i64) -> Result<Vec<Answer>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT at, mode, item, credit, grp, appendix, topic FROM answer WHERE officer = ?1 ORDER BY at, id")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([officer], |r| {
                Ok(Answer {
                    at: r.get(0)?,
                    mode: r.get(1)?,
                    item: r.get(2)?,
                    kind: String::new(),
                    subject: String::new(),
                    prompt: String::new(),
                    given: String::new(),
                    credit: r.get(3)?,
                    confused_with: None,
                    ms: 0,
                    edition: String::new(),
                    group: r.get(4)?,
                    appendix: r.get(5)?,
                    topic: r.get(6)?,
                    session: None,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// Each item's reviews in order (time, credit), for the optimizer. Exam answers excluded.
    pub fn histories(&self, officer: i64) -> Result<Vec<Vec<(i64, f64)>>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT item, at, credit FROM answer WHERE officer = ?1 AND mode IN ('drill', 'quiz') ORDER BY item, at")
            .map_err(|e| self.err(e))?;
        let mut out: Vec<Vec<(i64, f64)>> = Vec::new();
        let mut last_item = String::new();
        let rows = stmt
            .query_map([officer], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, f64>(2)?,
                ))
            })
            .map_err(|e| self.err(e))?;
        for row in rows {
            let (item, at, credit) = row.map_err(|e| self.err(e))?;
            if item != last_item {
                out.push(Vec::new());
                last_item = item;
            }
            if let Some(h) = out.last_mut() {
                h.push((at, credit));
            }
        }
        Ok(out)
    }
}

/// The start of the day (UTC) a time falls in.
pub fn day_start(t: i64) -> i64 {
    t - t.rem_euclid(DAY)
}

#[cfg(test)]
mod tests {
    use super::*;

    pub fn answer(item: &str, at: i64, credit: f64) -> Answer {
        Answer {
            at,
            mode: "drill".into(),
            item: item.into(),
            kind: "identify".into(),
            subject: "Manis javanica".into(),
            prompt: "Which species?".into(),
            given: "Manis javanica".into(),
            credit,
            confused_with: None,
            ms: 1200,
            edition: "index-2017-04-21".into(),
            group: Some("mammals".into()),
            appendix: Some("I".into()),
            topic: None,
            session: None,
        }
    }

    #[test]
    fn answers_and_schedules_survive_reopening() {
        let home = tempfile::tempdir().unwrap();
        let sched = Scheduler::new(None).unwrap();
        {
            let mut s = Store::open(home.path()).unwrap();
            let o = s.officer_or_add("Somchai", 0).unwrap();
            let state = s
                .record(
                    &o,
                    &answer("card:x:identify", 1000, 1.0),
                    Some((&sched, 0.9)),
                )
                .unwrap();
            assert!(state.unwrap().due > 1000);
        }
        let s = Store::open(home.path()).unwrap();
        let o = s.officer("Somchai").unwrap().unwrap();
        assert_eq!(s.answers(Some(o.id)).unwrap().len(), 1);
        assert_eq!(s.states(o.id).unwrap().len(), 1);
        assert_eq!(s.schema_version().unwrap(), MIGRATIONS.len() as i64);
    }

    #[test]
    fn an_old_schema_is_migrated_forward_keeping_its_data() {
        let home = tempfile::tempdir().unwrap();
        {
            let conn = Connection::open(home.path().join("progress.sqlite3")).unwrap();
            conn.execute_batch(MIGRATIONS[0]).unwrap();
            conn.pragma_update(None, "user_version", 1).unwrap();
            conn.execute("INSERT INTO officer (name, created) VALUES ('Dara', 0)", [])
                .unwrap();
            conn.execute(
                "INSERT INTO answer (officer, at, mode, item, kind, subject, prompt, given, correct, credit, ms, edition) \
                 VALUES (1, 5, 'drill', 'card:x:names', 'names', 's', 'p', 'g', 1, 1.0, 10, 'e')",
                [],
            )
            .unwrap();
        }
        let s = Store::open(home.path()).unwrap();
        assert_eq!(s.schema_version().unwrap(), 2);
        let o = s.officer("Dara").unwrap().unwrap();
        let answers = s.answers(Some(o.id)).unwrap();
        assert_eq!(answers.len(), 1);
        assert_eq!(answers[0].1.session, None);
    }

    #[test]
    fn a_newer_or_foreign_file_is_refused_and_left_untouched() {
        let home = tempfile::tempdir().unwrap();
        let path = home.path().join("progress.sqlite3");
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch("CREATE TABLE answer (x INTEGER);")
                .unwrap();
            conn.pragma_update(None, "user_version", 99).unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        let err = Store::open(home.path()).err().unwrap().to_string();
        assert!(err.contains("newer cites-trainer (schema 99"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), before);

        std::fs::write(
            &path,
            b"this is not a database, it is a shopping list\n".repeat(100),
        )
        .unwrap();
        let before = std::fs::read(&path).unwrap();
        let err = Store::open(home.path()).err().unwrap().to_string();
        assert!(
            err.contains("not a cites-trainer progress file, or it is damaged"),
            "{err}"
        );
        assert_eq!(std::fs::read(&path).unwrap(), before, "never overwritten");
    }

    #[test]
    fn confusions_are_counted_until_told_apart() {
        let home = tempfile::tempdir().unwrap();
        let mut s = Store::open(home.path()).unwrap();
        let o = s.officer_or_add("A", 0).unwrap();
        let mut wrong = answer("card:sunda:identify", 10, 0.0);
        wrong.confused_with = Some("Manis pentadactyla".into());
        s.record(&o, &wrong, None).unwrap();
        s.record(&o, &wrong, None).unwrap();
        assert_eq!(
            s.confusions(o.id).unwrap(),
            vec![("Manis javanica".into(), "Manis pentadactyla".into(), 2)]
        );
        let pair = answer("pair:Manis javanica|Manis pentadactyla", 20, 1.0);
        s.record(&o, &pair, None).unwrap();
        assert_eq!(
            s.confusions(o.id).unwrap().len(),
            1,
            "one right answer is not enough"
        );
        s.record(&o, &pair, None).unwrap();
        assert!(
            s.confusions(o.id).unwrap().is_empty(),
            "told apart after two in a row"
        );
    }

    #[test]
    fn two_writers_at_once_lose_nothing() {
        let home = tempfile::tempdir().unwrap();
        Store::open(home.path())
            .unwrap()
            .officer_or_add("Same", 0)
            .unwrap();
        let threads: Vec<_> = (0..2)
            .map(|t| {
                let dir = home.path().to_path_buf();
                std::thread::spawn(move || {
                    let sched = Scheduler::new(None).unwrap();
                    let mut s = Store::open(&dir).unwrap();
                    let o = s.officer("Same").unwrap().unwrap();
                    for i in 0..100 {
                        let a = answer(&format!("card:{t}:{}", i % 7), i, (i % 2) as f64);
                        s.record(&o, &a, Some((&sched, 0.9))).unwrap();
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        let s = Store::open(home.path()).unwrap();
        let o = s.officer("Same").unwrap().unwrap();
        assert_eq!(s.answers(Some(o.id)).unwrap().len(), 200);
        assert_eq!(s.states(o.id).unwrap().len(), 14);
        let check: String = s
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
    }
}
