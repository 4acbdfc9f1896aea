//! Opening an answers file for a given form: the checks that tie the two
//! together (right questionnaire, version not newer than this program's) and
//! the in-memory migration of files written for an older form version.

use std::path::Path;

use crate::answers::{Answers, AnswersError, ReadOnly};
use crate::form::Form;
use crate::migrate::{self, MigrationReport};

/// Loads `path`, checks it answers `form` in a version this program knows, and
/// migrates it in memory if it was written for an older version. Nothing is
/// written: a refused or migrated file is left exactly as it was on disk.
pub fn open(form: &Form, path: &Path) -> Result<Answers, AnswersError> {
    open_migrating(form, path).map(|(answers, _)| answers)
}

/// Like [`open`], for a command that only reads the file (`check`,
/// `render`, `diff`…): the same checks, errors and migration, without what
/// a save needs (see [`ReadOnly`]).
pub fn read(form: &Form, path: &Path) -> Result<ReadOnly, AnswersError> {
    let answers = ReadOnly::load(path)?;
    check_compatible(form, &answers, &path.display().to_string())?;
    Ok(answers.migrated(form))
}

/// Like [`open`], and says what the migration did (`None` when the file was
/// already up to date), so a front end can tell the user before saving.
pub fn open_migrating(
    form: &Form,
    path: &Path,
) -> Result<(Answers, Option<MigrationReport>), AnswersError> {
    let mut answers = Answers::load(path)?;
    check_compatible(form, &answers, &path.display().to_string())?;
    let report = migrate::migrate(form, &mut answers);
    Ok((answers, report))
}
/// Refuses answers written for another questionnaire or a newer version.
pub fn check_compatible(form: &Form, answers: &Answers, file: &str) -> Result<(), AnswersError> {
    if let Some(found) = answers.form_id()
        && found != form.id
    {
        return Err(AnswersError::OtherForm {
            file: file.to_string(),
            found,
            expected: form.id.clone(),
        });
    }
    // Read as a plain integer: a version ≥ 2³² is newer too, not ignored.
    if let Some(found) = answers.meta("form_version").and_then(|v| v.as_integer())
        && found > i64::from(form.version)
    {
        return Err(AnswersError::NewerVersion {
            file: file.to_string(),
            form: form.id.clone(),
            found,
            known: form.version,
        });
    }
    Ok(())
}

/// The `*.toml` files of `dir` that cannot be read as answers (broken TOML,
/// too large…), each with the first line of its error: `fiche` without a
/// file name cannot offer them, and says so instead of offering an older
/// draft, or a new one, in silence.
pub fn unreadable_drafts(dir: &Path) -> Vec<(std::path::PathBuf, String)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<(std::path::PathBuf, String)> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
        .filter_map(|p| {
            let error = Answers::load(&p).err()?.to_string();
            let first = error.lines().next().unwrap_or_default().to_string();
            Some((p, first))
        })
        .collect();
    out.sort();
    out
}

/// What to say about each of [`unreadable_drafts`]: the error, and that the
/// file is left as it is until it is mended.
pub fn unreadable_note(error: &str) -> String {
    let error = error.trim_end().trim_end_matches('.');
    // An error that already says how to mend the file and to run fiche
    // again (« …enregistrez-le au codage UTF-8, puis relancez ») is not
    // told twice.
    if error.ends_with("relancez") {
        return format!(
            "{error} ; en attendant, ce fichier n’est pas proposé (il n’a pas été modifié)"
        );
    }
    format!(
        "{error} ; ce fichier n’est pas proposé : corrigez-le dans un éditeur de texte puis relancez fiche (il n’a pas été modifié)"
    )
}

/// The most recently modified `*.toml` of `dir` that answers `form`: the
/// draft `fiche` without a file name offers to resume.
pub fn most_recent_draft(form: &Form, dir: &Path) -> Option<std::path::PathBuf> {
    let mut drafts: Vec<(std::time::SystemTime, std::path::PathBuf)> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
        .filter(|p| {
            Answers::load(p)
                .ok()
                .and_then(|a| a.form_id())
                .is_some_and(|id| id == form.id)
        })
        .filter_map(|p| Some((p.metadata().ok()?.modified().ok()?, p)))
        .collect();
    drafts.sort();
    drafts.pop().map(|(_, p)| p)
}

#[cfg(test)]
mod tests {
    use super::unreadable_note;

    #[test]
    fn an_unreadable_draft_is_told_how_to_mend_it_once() {
        let encoding = "x.toml : le fichier n'est pas du texte UTF-8 valide (ligne 5) : ouvrez-le dans un éditeur de texte, enregistrez-le au codage UTF-8, puis relancez";
        let note = unreadable_note(encoding);
        assert_eq!(note.matches("relancez").count(), 1, "{note}");
        assert!(
            note.ends_with("ce fichier n’est pas proposé (il n’a pas été modifié)"),
            "{note}"
        );
        let syntax = "x.toml, ligne 6, colonne 20 : ce fichier n'est pas du TOML valide (signe « = » en trop)";
        let note = unreadable_note(syntax);
        assert!(
            note.contains("corrigez-le dans un éditeur de texte puis relancez fiche"),
            "{note}"
        );
    }
}
