//! The bad-input corpus (`tests/bad_input/`) run against every command.

use std::path::{Path, PathBuf};

use super::common::*;
use super::{fiche_piped, raw_controls};

/// `FILE` is the corpus file (copied), `EX` a valid example.
const COMMANDS: &[&[&str]] = &[
    &["check", "FILE"],
    &["check", "--format", "json", "FILE"],
    &["diff", "FILE", "EX"],
    &["diff", "EX", "FILE"],
    &["set", "FILE", "identite.slogan=Un slogan"],
    &["render", "FILE", "--format", "md", "-o", "sortie.md"],
    &["render", "FILE", "--format", "html", "-o", "sortie.html"],
    &[
        "render",
        "FILE",
        "--format",
        "pitch",
        "-o",
        "sortie-pitch.md",
    ],
    &["render", "FILE", "--format", "pdf", "-o", "sortie.pdf"],
    &["new", "par-donnees.toml", "--data", "FILE", "--sans-profil"],
    &["new", "par-copie.toml", "--from", "FILE", "--sans-profil"],
    &["profile", "save", "FILE"],
    &["profile", "show"],
    &["FILE", "--accessible"],
];

/// Commands that may write the corpus file (when they succeed).
fn may_write(args: &[&str]) -> bool {
    matches!(args[0], "set" | "FILE")
}

fn corpus() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_input");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 20, "corpus: {files:?}");
    files
}

fn run(dir: &Path, args: &[&str], file: &Path) -> std::process::Output {
    let example = example("assistant-srdt.toml");
    let args: Vec<&str> = args
        .iter()
        .map(|a| match *a {
            "FILE" => file.to_str().unwrap(),
            "EX" => example.to_str().unwrap(),
            other => other,
        })
        .collect();
    if args.contains(&"--accessible") {
        fiche_piped(dir, &args, ":verifier\n:quitter\n")
    } else {
        fiche_in(dir, &args)
    }
}

#[test]
fn every_command_survives_every_bad_file() {
    let mut failures = Vec::new();
    for source in corpus() {
        let name = source.file_name().unwrap().to_string_lossy().into_owned();
        let dir = tempfile::tempdir().unwrap();
        let original = std::fs::read(&source).unwrap();
        for args in COMMANDS {
            let file = dir.path().join(&name);
            std::fs::write(&file, &original).unwrap();
            let out = run(dir.path(), args, &file);
            let what = format!("{name}: fiche {}", args.join(" "));
            let (out_text, err_text) = (stdout(&out), stderr(&out));
            let code = out.status.code();
            let mut problems = Vec::new();
            if !matches!(code, Some(0..=2)) {
                problems.push(format!("exit {code:?}"));
            }
            for (stream, text) in [("stdout", &out_text), ("stderr", &err_text)] {
                let raw = raw_controls(text);
                if !raw.is_empty() {
                    problems.push(format!("raw controls on {stream}: {raw:?}"));
                }
                if text.contains("ligne 0") {
                    problems.push(format!("« ligne 0 » on {stream}"));
                }
                if text.contains("panicked") || text.contains("RUST_BACKTRACE") {
                    problems.push(format!("panic on {stream}"));
                }
            }
            if err_text.len() > 10_000 {
                problems.push(format!("{} bytes of errors", err_text.len()));
            }
            // `check --format json` reports a file it cannot read in its JSON.
            let json_error = args.contains(&"json") && out_text.contains("\"error\"");
            if code == Some(2) && err_text.trim().is_empty() && !json_error {
                problems.push("exit 2 without a message".into());
            }
            let now = std::fs::read(&file).unwrap();
            if now != original {
                if !may_write(args) || code == Some(2) {
                    problems.push("the file was changed".into());
                } else if let Err(e) = fiche::Answers::load(&file) {
                    problems.push(format!("written file does not load: {e}"));
                }
            }
            if let Ok(md) = std::fs::read_to_string(dir.path().join("sortie.md")) {
                let h1 = super::documents::structure(&md)
                    .headings
                    .iter()
                    .filter(|(level, _)| *level == 1)
                    .count();
                if h1 != 1 {
                    problems.push(format!("{h1} H1 in the Markdown"));
                }
                let _ = std::fs::remove_file(dir.path().join("sortie.md"));
            }
            if !problems.is_empty() {
                failures.push(format!(
                    "{what}\n  {}\n  stderr: {}",
                    problems.join("\n  "),
                    err_text.chars().take(400).collect::<String>()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
