//! A one-line prompt with a deadline and a live countdown, for exams. At a terminal it uses
//! crossterm (raw mode, polling with a timeout) and closes the question when time is up
//! without waiting for a key; the terminal is restored on every way out (Enter, time-out,
//! Ctrl-C, a panic). Without a terminal it reads lines on a helper thread and waits for the
//! next one no longer than the deadline.

use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use crossterm::terminal;
use std::io::{BufRead, IsTerminal, Write};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// Enter was pressed (or a line was read) in time.
    Answered(String),
    /// The deadline passed; what had been typed so far.
    TimedOut(String),
    /// Ctrl-C, or the end of the input.
    Quit,
}

/// Restores the terminal when dropped, whatever happens.
struct RawGuard;

impl RawGuard {
    fn new() -> std::io::Result<RawGuard> {
        terminal::enable_raw_mode()?;
        Ok(RawGuard)
    }
}

impl Drop for RawGuard {
    fn drop(&mut self) {
        let _ = terminal::disable_raw_mode();
        let _ = crossterm::execute!(std::io::stdout(), crossterm::cursor::Show);
    }
}

/// "12:05", "0:09".
pub fn clock(left: Duration) -> String {
    let s = left.as_secs() + u64::from(left.subsec_nanos() > 0);
    format!("{}:{:02}", s / 60, s % 60)
}

pub enum Source {
    Terminal,
    Lines(Receiver<Option<String>>),
}

impl Source {
    /// The terminal when standard input and output are one, else lines of standard input.
    pub fn from_stdin() -> Source {
        if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
            // Leave the terminal as it was found, even after a panic.
            let default = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                let _ = terminal::disable_raw_mode();
                default(info);
            }));
            return Source::Terminal;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let stdin = std::io::stdin();
            for line in stdin.lock().lines() {
                match line {
                    Ok(l) => {
                        if tx.send(Some(l)).is_err() {
                            return;
                        }
                    }
                    Err(_) => break,
                }
            }
            let _ = tx.send(None);
        });
        Source::Lines(rx)
    }

    /// Reads one answer before `deadline` (None: no limit), showing `prompt` and, at a
    /// terminal, the time left.
    pub fn read(&mut self, prompt: &str, deadline: Option<Instant>) -> Reply {
        match self {
            Source::Lines(rx) => {
                print!("{prompt}");
                let _ = std::io::stdout().flush();
                let got = match deadline {
                    Some(d) => rx.recv_timeout(d.saturating_duration_since(Instant::now())),
                    None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
                };
                println!();
                match got {
                    Ok(Some(line)) => Reply::Answered(line.trim_end_matches('\r').to_string()),
                    Ok(None) | Err(RecvTimeoutError::Disconnected) => Reply::Quit,
                    Err(RecvTimeoutError::Timeout) => Reply::TimedOut(String::new()),
                }
            }
            Source::Terminal => read_terminal(prompt, deadline),
        }
    }
}

fn read_terminal(prompt: &str, deadline: Option<Instant>) -> Reply {
    let Ok(guard) = RawGuard::new() else {
        return Reply::Quit;
    };
    let mut buf = String::new();
    let mut out = std::io::stdout();
    let reply = loop {
        let left = deadline.map(|d| d.saturating_duration_since(Instant::now()));
        let timer = left.map(|l| format!("[{}] ", clock(l))).unwrap_or_default();
        let _ = write!(out, "\r\x1b[2K{timer}{prompt}{buf}");
        let _ = out.flush();
        if left.is_some_and(|l| l.is_zero()) {
            break Reply::TimedOut(buf);
        }
        let wait = left.map_or(Duration::from_millis(200), |l| {
            l.min(Duration::from_millis(200))
        });
        match event::poll(wait) {
            Ok(true) => {}
            Ok(false) => continue,
            Err(_) => break Reply::Quit,
        }
        let Ok(Event::Key(key)) = event::read() else {
            continue;
        };
        if key.kind != KeyEventKind::Press {
            continue;
        }
        match key.code {
            KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                break Reply::Quit;
            }
            KeyCode::Char(c) => buf.push(c),
            KeyCode::Backspace => {
                buf.pop();
            }
            KeyCode::Enter => break Reply::Answered(buf),
            _ => {}
        }
    };
    drop(guard);
    let _ = writeln!(out);
    reply
}

#[cfg(test)]
mod tests {
    #[test]
    fn clock_rounds_up_the_seconds_left() {
        use std::time::Duration;
        assert_eq!(super::clock(Duration::from_millis(65_200)), "1:06");
        assert_eq!(super::clock(Duration::from_secs(9)), "0:09");
        assert_eq!(super::clock(Duration::ZERO), "0:00");
    }
}
