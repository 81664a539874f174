-- Officers' progress. Every answer is a row of `answer`, written in its own transaction when
-- it is given; `item_state` is the spaced-repetition schedule; `confusion` the species an
-- officer takes for one another.
CREATE TABLE officer (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created INTEGER NOT NULL,
    retention REAL NOT NULL DEFAULT 0.9,
    retention_app1 REAL NOT NULL DEFAULT 0.95,
    params TEXT
) STRICT;

CREATE TABLE answer (
    id INTEGER PRIMARY KEY,
    officer INTEGER NOT NULL REFERENCES officer(id),
    at INTEGER NOT NULL,
    mode TEXT NOT NULL,
    item TEXT NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    prompt TEXT NOT NULL,
    given TEXT NOT NULL,
    correct INTEGER NOT NULL,
    credit REAL NOT NULL,
    confused_with TEXT,
    ms INTEGER NOT NULL,
    edition TEXT NOT NULL,
    grp TEXT,
    appendix TEXT,
    topic TEXT
) STRICT;
CREATE INDEX answer_by_officer ON answer(officer, at);

CREATE TABLE item_state (
    officer INTEGER NOT NULL REFERENCES officer(id),
    item TEXT NOT NULL,
    stability REAL NOT NULL,
    difficulty REAL NOT NULL,
    last INTEGER NOT NULL,
    due INTEGER NOT NULL,
    reps INTEGER NOT NULL,
    lapses INTEGER NOT NULL,
    PRIMARY KEY (officer, item)
) STRICT;

CREATE TABLE confusion (
    officer INTEGER NOT NULL REFERENCES officer(id),
    subject TEXT NOT NULL,
    other TEXT NOT NULL,
    times INTEGER NOT NULL,
    streak INTEGER NOT NULL DEFAULT 0,
    last INTEGER NOT NULL,
    PRIMARY KEY (officer, subject, other)
) STRICT;

CREATE TABLE setting (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
