//! Opening an answers file for a given form: the checks that tie the two
//! together (right questionnaire, version not newer than this program's).

use std::path::Path;

use crate::answers::{Answers, AnswersError};
use crate::form::Form;

/// Loads `path` and checks it answers `form` in a version this program knows.
/// Nothing is written: a refused file is left exactly as it was.
pub fn open(form: &Form, path: &Path) -> Result<Answers, AnswersError> {
    let answers = Answers::load(path)?;
    check_compatible(form, &answers, &path.display().to_string())?;
    Ok(answers)
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
    if let Some(found) = answers.form_version()
        && found > form.version
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
