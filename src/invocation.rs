//! The fiche commands suggested to the user (« Pour le remplir : … »,
//! « Pour reprendre : … »): written with the global options the session was
//! started with (`--form`, `--templates`), so that the pasted command opens
//! the same application with the same form and templates, and with each
//! path quoted when a shell would split or interpret it.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// The global options a session was started with, to be given again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Invocation {
    /// `--form DIR`: the questionnaire the application answers.
    pub form: Option<PathBuf>,
    /// `--templates DIR`: the user's templates for the exports.
    pub templates: Option<PathBuf>,
}

impl Invocation {
    /// `fiche [--form DIR] [--templates DIR] edit FILE`: opens `file` in
    /// the wizard.
    pub fn edit(&self, file: &Path) -> String {
        self.command("edit", file)
    }

    /// `fiche [--form DIR] [--templates DIR] SUBCOMMAND FILE`.
    pub fn command(&self, subcommand: &str, file: &Path) -> String {
        let mut command = String::from("fiche");
        for (option, dir) in [("--form", &self.form), ("--templates", &self.templates)] {
            if let Some(dir) = dir {
                command.push_str(&format!(" {option} {}", shell_word(&dir.to_string_lossy())));
            }
        }
        format!(
            "{command} {subcommand} {}",
            shell_word(&file.to_string_lossy())
        )
    }

    /// The same in the accessible mode (`--accessible`).
    pub fn edit_accessible(&self, file: &Path) -> String {
        format!("{} --accessible", self.edit(file))
    }
}

/// `text` as one word for a POSIX shell: as it is when it holds only
/// letters, digits and `_ . / - + , : = @ %`, else between single quotes.
pub fn shell_word(text: &str) -> Cow<'_, str> {
    let plain = |c: char| c.is_alphanumeric() || "_./-+,:=@%".contains(c);
    if !text.is_empty() && text.chars().all(plain) && !text.starts_with('-') {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(format!("'{}'", text.replace('\'', r"'\''")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_gives_back_the_form_and_the_templates() {
        let file = Path::new("essai.toml");
        assert_eq!(Invocation::default().edit(file), "fiche edit essai.toml");
        let invocation = Invocation {
            form: Some("mon-formulaire".into()),
            templates: Some("modèles".into()),
        };
        assert_eq!(
            invocation.edit_accessible(file),
            "fiche --form mon-formulaire --templates modèles edit essai.toml --accessible"
        );
    }

    #[test]
    fn paths_a_shell_would_split_are_quoted() {
        let invocation = Invocation {
            form: Some("Mes formulaires/l'IA".into()),
            templates: None,
        };
        assert_eq!(
            invocation.edit(Path::new("ma candidature.toml")),
            r"fiche --form 'Mes formulaires/l'\''IA' edit 'ma candidature.toml'"
        );
        assert_eq!(shell_word("-x.toml"), "'-x.toml'");
        assert_eq!(shell_word("$HOME"), "'$HOME'");
        assert_eq!(shell_word("été/cv.toml"), "été/cv.toml");
    }
}
