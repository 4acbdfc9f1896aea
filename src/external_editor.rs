//! The user's own text editor (`$VISUAL`, then `$EDITOR`), used by the
//! wizard's Ctrl+E and by `fiche profile edit`.

use std::path::Path;
use std::process::{Command, ExitStatus};

/// The editor command the user chose, or a default a newcomer can use:
/// nano when it is installed (its keys are written at the bottom of its
/// screen), vi otherwise; notepad on Windows.
pub fn program() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|var| std::env::var(var).ok())
        .find(|e| !e.trim().is_empty())
        .unwrap_or_else(|| default_program(std::env::var_os("PATH").as_deref()))
}

/// The default editor given the `PATH` to search.
fn default_program(path: Option<&std::ffi::OsStr>) -> String {
    if cfg!(windows) {
        return "notepad".to_string();
    }
    let has_nano =
        path.is_some_and(|p| std::env::split_paths(p).any(|dir| dir.join("nano").is_file()));
    if has_nano { "nano" } else { "vi" }.to_string()
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

#[cfg(all(test, unix))]
mod tests {
    use super::default_program;

    #[test]
    fn nano_is_the_default_when_installed_vi_otherwise() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(default_program(Some(dir.path().as_os_str())), "vi");
        std::fs::write(dir.path().join("nano"), "").unwrap();
        assert_eq!(default_program(Some(dir.path().as_os_str())), "nano");
        assert_eq!(default_program(None), "vi");
    }
}
