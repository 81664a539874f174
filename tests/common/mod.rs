//! What the end-to-end tests share: the binary with a clean environment, and a fresh
//! progress folder for each command so no test touches a real officer's progress.

#![allow(dead_code)]

use assert_cmd::Command;
use std::path::PathBuf;

/// A new, unused progress folder.
pub fn fresh_home() -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    std::env::temp_dir().join(format!(
        "cites-trainer-test-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ))
}

/// The program, on the embedded data, without colours, with its own progress folder.
pub fn bin() -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("cites-trainer"));
    cmd.env("CITES_TRAINER_HOME", fresh_home())
        .env_remove("CITES_TRAINER_DATA")
        .env_remove("CITES_TRAINER_SEED")
        .env_remove("CITES_TRAINER_NOW")
        .env("NO_COLOR", "1");
    cmd
}
