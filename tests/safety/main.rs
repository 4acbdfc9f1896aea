//! Nothing injected, bounded work (issue #10, items 9 to 15): terminal
//! escapes shown and never interpreted (`terminal`), answers that cannot
//! reshape a document (`documents`), template folders that cannot read
//! outside themselves (`templates`), size limits (`limits`), numbers
//! (`numbers`), form files (`forms`), the bad-input corpus of
//! `tests/bad_input/` run against every command (`corpus`) and bounded
//! property runs (`properties`; `PROPTEST_CASES=N` runs them longer).

#[path = "../common/mod.rs"]
mod common;
mod corpus;
mod documents;
mod forms;
mod limits;
mod numbers;
mod properties;
mod templates;
mod terminal;

use std::path::{Path, PathBuf};

/// Characters a terminal would interpret: C0 controls other than line
/// breaks and tabs, DEL, C1 controls, bidi controls.
pub fn raw_controls(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| {
            (c < ' ' && c != '\n' && c != '\t')
                || ('\u{7f}'..='\u{9f}').contains(&c)
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)
        })
        .collect()
}

/// Writes `text` as `name` in a fresh temp dir.
pub fn file_with(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

pub fn path_str(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Runs `fiche ARGS` in `dir` with `input` piped on stdin, the profile in
/// `dir/.config-test`.
pub fn fiche_piped(dir: &Path, args: &[&str], input: &str) -> std::process::Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_fiche"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("XDG_CONFIG_HOME", dir.join(".config-test"))
        .env_remove("FICHE_ACCESSIBLE")
        .env_remove("ACCESSIBLE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the fiche binary runs");
    let mut stdin = child.stdin.take().unwrap();
    // The command may stop reading early (a refused file): not an error.
    let _ = stdin.write_all(input.as_bytes());
    drop(stdin);
    child.wait_with_output().unwrap()
}
