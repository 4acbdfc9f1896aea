//! Helpers shared by the integration tests: run the built binary, temp dirs.

#![allow(dead_code)]

pub mod pty;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn fiche(args: &[&str]) -> Output {
    fiche_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

pub fn fiche_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fiche"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("XDG_CONFIG_HOME", dir.join(".config-test"))
        .output()
        .expect("the fiche binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
}

pub fn example_str(name: &str) -> String {
    example(name).display().to_string()
}

/// The French no-break space used in figures.
pub const NBSP: &str = "\u{a0}";

/// Fails, showing the whole of `text` (what a command said), unless it
/// contains `part`.
#[track_caller]
pub fn assert_said(text: &str, part: &str) {
    assert!(text.contains(part), "« {part} » not said in:\n{text}");
}

/// Fails, showing the whole of `text`, if it contains `part`.
#[track_caller]
pub fn assert_not_said(text: &str, part: &str) {
    assert!(!text.contains(part), "« {part} » said in:\n{text}");
}
