//! Where answers come from: the terminal (dialoguer prompts) or, when standard input is not a
//! terminal, one line per answer, so drills and quizzes can be scripted, tested and used with
//! a screen reader.

use std::io::{BufRead, IsTerminal, Write};

pub enum Input {
    Terminal,
    Lines(Box<dyn BufRead>),
}

impl Input {
    /// The terminal when both standard input and output are one, else lines of standard input.
    pub fn from_stdin() -> Input {
        if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
            Input::Terminal
        } else {
            Input::Lines(Box::new(std::io::BufReader::new(std::io::stdin())))
        }
    }

    /// Prints `prompt` and reads one line (None at the end of input, or at a terminal).
    pub fn line(&mut self, prompt: &str) -> Option<String> {
        let Input::Lines(reader) = self else {
            return None;
        };
        print!("{prompt}");
        let _ = std::io::stdout().flush();
        let mut line = String::new();
        let read = reader.read_line(&mut line);
        println!();
        match read {
            Ok(0) | Err(_) => None,
            Ok(_) => Some(line.trim_end_matches(['\r', '\n']).to_string()),
        }
    }
}
