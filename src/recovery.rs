//! The answer being typed, kept next to the answers file like an editor's
//! swap file (`.candidature.toml.fiche-recup`, mode 0600), so that a session
//! killed without warning (`kill -9`, a crash, a power cut) loses at most the
//! last second of typing. The next start shows what it holds and offers to
//! restore it; it is removed once restored or declined. A start that may
//! not write the answers file (read-only) cannot restore it: it says that
//! the recovery is kept, and leaves it untouched for a later start.

use std::io;
use std::path::{Path, PathBuf};

use crate::answers::{Answers, AnswersError, lock};
use crate::{Form, fs_util};

/// One answer typed but not yet saved.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovery {
    /// `section.question`.
    pub question: String,
    pub value: toml::Value,
    /// Local time it was written (RFC 3339).
    pub at: String,
}

/// Where the recovery of `answers` lives (next to the file a symlink points to).
pub fn path_for(answers: &Path) -> PathBuf {
    let target = fs_util::follow_links(answers).unwrap_or_else(|_| answers.to_path_buf());
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.fiche-recup"))
}

impl Recovery {
    pub fn new(question: &str, value: toml::Value) -> Recovery {
        Recovery {
            question: question.to_string(),
            value,
            at: crate::answers::now_rfc3339(),
        }
    }

    /// Writes it next to `answers` (atomically; mode 0600 when new).
    pub fn write(&self, answers: &Path) -> io::Result<()> {
        let mut t = toml::Table::new();
        t.insert(
            "question".into(),
            toml::Value::String(self.question.clone()),
        );
        t.insert("heure".into(), toml::Value::String(self.at.clone()));
        t.insert("valeur".into(), self.value.clone());
        let text = format!(
            "# fiche : réponse en cours de saisie, pas encore enregistrée dans le fichier.\n# fiche propose de la reprendre au prochain lancement.\n{}",
            toml::to_string(&t).map_err(io::Error::other)?
        );
        fs_util::write_atomic(&path_for(answers), text.as_bytes())
    }

    /// The recovery left next to `answers`, if any. One that cannot be read
    /// is an error (it is left in place, for the user to look at).
    pub fn read(answers: &Path) -> io::Result<Option<Recovery>> {
        let path = path_for(answers);
        let bytes = match fs_util::read_regular(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        let bad = || {
            io::Error::new(
                io::ErrorKind::InvalidData,
                "fichier de récupération illisible",
            )
        };
        let text = String::from_utf8(bytes).map_err(|_| bad())?;
        let t: toml::Table = text.parse().map_err(|_| bad())?;
        let field = |k: &str| t.get(k).and_then(|v| v.as_str()).map(str::to_string);
        Ok(Some(Recovery {
            question: field("question").ok_or_else(bad)?,
            at: field("heure").unwrap_or_default(),
            value: t.get("valeur").cloned().ok_or_else(bad)?,
        }))
    }

    /// Removes the recovery of `answers` (nothing to do if there is none).
    pub fn remove(answers: &Path) -> io::Result<()> {
        match std::fs::remove_file(path_for(answers)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    /// Whether the answers already hold this value (saved after all).
    pub fn is_saved_in(&self, answers: &Answers) -> bool {
        answers.get(&self.question).as_ref() == Some(&self.value)
    }

    /// Puts the recovered answer into `answers`.
    pub fn restore(&self, answers: &mut Answers) -> Result<(), AnswersError> {
        answers.set(&self.question, Some(self.value.clone()))
    }

    /// What it holds, for the user: the text itself, or the value as TOML.
    pub fn text(&self) -> String {
        match &self.value {
            toml::Value::String(s) => s.clone(),
            other => other.to_string(),
        }
    }

    /// The label of its question (its id when the form has no such question).
    pub fn label(&self, form: &Form) -> String {
        form.question(&self.question)
            .map_or(self.question.clone(), |(_, q)| q.label.to_string())
    }

    /// « 10:42 » from the time it was written.
    pub fn time(&self) -> &str {
        self.at.get(11..16).unwrap_or(&self.at)
    }
}

/// The recovery a session that may not write `answers_path` (read-only)
/// must mention at start: restoring it would write the file, so it is kept
/// as it is and offered by the first start that can. `None` when there is
/// nothing to mention: no recovery, one already in the file, or a file open
/// in another fiche (whose recovery is its own typing). An error: one that
/// cannot be read ([`unreadable_note`]).
pub fn kept_while_read_only(
    answers_path: &Path,
    answers: &Answers,
) -> io::Result<Option<Recovery>> {
    if lock::holder(answers_path).is_some() {
        return Ok(None);
    }
    Ok(Recovery::read(answers_path)?.filter(|r| !r.is_saved_in(answers)))
}

/// Says that `recovery`, left next to `answers_path`, is kept for a start
/// that can write the file.
pub fn kept_note(form: &Form, answers_path: &Path, recovery: &Recovery) -> String {
    format!(
        "Une réponse tapée avant une interruption (« {} », {}) est gardée dans {} : elle vous sera proposée dès que le fichier pourra être modifié.",
        recovery.label(form),
        recovery.time(),
        path_for(answers_path).display()
    )
}

/// What a session that could not write `answers_path` (`why`: read-only
/// file, open in another fiche) says on quitting: nothing was written
/// there, and where a recovery kept for a later start is. The file is read
/// again to tell a kept recovery from one it already holds.
pub fn read_only_farewell(form: &Form, answers_path: &Path, why: &str) -> String {
    let mut text = format!(
        "Rien n’a été écrit dans {} ({why}).",
        answers_path.display()
    );
    let on_disk =
        crate::application::open(form, answers_path).unwrap_or_else(|_| Answers::new(form));
    match kept_while_read_only(answers_path, &on_disk) {
        Ok(Some(kept)) => {
            text.push(' ');
            text.push_str(&kept_note(form, answers_path, &kept));
        }
        Ok(None) => {}
        Err(e) => {
            text.push(' ');
            text.push_str(&unreadable_note(answers_path, &e));
        }
    }
    text
}

/// Says that the recovery next to `answers_path` cannot be read (`e`), and
/// that it is left as it is for the user to look at.
pub fn unreadable_note(answers_path: &Path, e: &io::Error) -> String {
    format!(
        "attention : {} : {} ; il est laissé tel quel.",
        path_for(answers_path).display(),
        fs_util::io_error_fr(e)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_private_next_to_the_answers_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let answers = dir.path().join("a.toml");
        assert_eq!(Recovery::read(&answers).unwrap(), None);
        let r = Recovery::new("probleme.description", "ligne 1\nligne « 2 »".into());
        r.write(&answers).unwrap();
        let path = path_for(&answers);
        assert_eq!(path, dir.path().join(".a.toml.fiche-recup"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert_eq!(Recovery::read(&answers).unwrap(), Some(r));
        Recovery::remove(&answers).unwrap();
        assert!(!path.exists());
        Recovery::remove(&answers).unwrap();
    }

    #[test]
    fn a_read_only_start_mentions_the_recovery_kept_for_later() {
        let form = crate::form::builtin();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        let mut answers = Answers::new(&form);
        answers.save(&path).unwrap();
        assert_eq!(kept_while_read_only(&path, &answers).unwrap(), None);

        let r = Recovery::new("identite.nom_produit", "Tapé avant l'arrêt".into());
        r.write(&path).unwrap();
        let kept = kept_while_read_only(&path, &answers).unwrap();
        assert_eq!(kept.as_ref(), Some(&r));
        let note = kept_note(&form, &path, &r);
        assert!(
            note.contains(&format!("(« Nom du produit », {})", r.time())),
            "{note}"
        );
        assert!(note.contains(".a.toml.fiche-recup"), "{note}");
        assert!(
            note.ends_with("vous sera proposée dès que le fichier pourra être modifié."),
            "{note}"
        );
        assert_eq!(
            Recovery::read(&path).unwrap(),
            Some(r.clone()),
            "left as it is"
        );

        // A fiche open on the file elsewhere may be typing it right now.
        let lock = lock::lock_path(&path);
        std::fs::write(
            &lock,
            "pid = 4242\nmachine = \"autre-poste\"\ndepuis = \"\"\n",
        )
        .unwrap();
        assert_eq!(kept_while_read_only(&path, &answers).unwrap(), None);
        std::fs::remove_file(&lock).unwrap();

        r.restore(&mut answers).unwrap();
        assert_eq!(
            kept_while_read_only(&path, &answers).unwrap(),
            None,
            "in the file"
        );

        std::fs::write(path_for(&path), "pas du toml [").unwrap();
        let e = kept_while_read_only(&path, &answers).unwrap_err();
        assert!(unreadable_note(&path, &e).ends_with("; il est laissé tel quel."));
    }

    #[test]
    fn quitting_read_only_says_nothing_was_written_and_where_the_recovery_is_kept() {
        let form = crate::form::builtin();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        Answers::new(&form).save(&path).unwrap();
        let why = "le fichier est en lecture seule";
        assert_eq!(
            read_only_farewell(&form, &path, why),
            format!(
                "Rien n’a été écrit dans {} (le fichier est en lecture seule).",
                path.display()
            )
        );

        let r = Recovery::new("identite.nom_produit", "Tapé avant l'arrêt".into());
        r.write(&path).unwrap();
        assert_eq!(
            read_only_farewell(&form, &path, why),
            format!(
                "Rien n’a été écrit dans {} (le fichier est en lecture seule). {}",
                path.display(),
                kept_note(&form, &path, &r)
            )
        );
    }
}
