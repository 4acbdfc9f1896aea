//! The user's own text editor (`$VISUAL`, then `$EDITOR`), used by the
//! wizard's Ctrl+E and by `fiche profile edit`.

use std::path::Path;
use std::process::{Command, ExitStatus};

/// The editor command the user chose, or the platform's default.
pub fn program() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|var| std::env::var(var).ok())
        .find(|e| !e.trim().is_empty())
        .unwrap_or_else(|| if cfg!(windows) { "notepad" } else { "vi" }.to_string())
}

/// Runs `editor` on `path` and waits for it to close. On Unix it goes through
/// the shell, like git, so `EDITOR="code --wait"` works.
pub fn run(editor: &str, path: &Path) -> std::io::Result<ExitStatus> {
    if cfg!(windows) {
        Command::new(editor).arg(path).status()
    } else {
        Command::new("sh")
            .arg("-c")
            .arg(format!("{editor} \"$1\""))
            .arg("sh")
            .arg(path)
            .status()
    }
}
