//! The user profile: the reusable answers (administration, product lead,
//! sponsor…) kept in the user's config folder (`profil.toml`, in the same
//! format as an application) and used to pre-fill every new draft.

use std::path::{Path, PathBuf};

use crate::answers::{Answers, AnswersError};
use crate::form::Form;
use crate::fs_util;
use crate::reuse::{self, Copy};

/// File name of the profile inside the config folder.
pub const FILE_NAME: &str = "profil.toml";

#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error(
        "impossible de trouver le dossier de configuration de l’utilisateur (variable HOME absente ?) ; définissez HOME ou XDG_CONFIG_HOME"
    )]
    NoConfigDir,
    #[error(
        "{path} : impossible de créer le dossier du profil : {}",
        fs_util::io_error_fr(source)
    )]
    CreateDir {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Answers(#[from] AnswersError),
}

pub type Result<T, E = ProfileError> = std::result::Result<T, E>;

/// Where the profile lives: `$XDG_CONFIG_HOME/fiche/profil.toml` on Linux,
/// the platform's config folder elsewhere.
pub fn path() -> Result<PathBuf> {
    directories::ProjectDirs::from("fr", "beta.gouv", "fiche")
        .map(|dirs| dirs.config_dir().join(FILE_NAME))
        .ok_or(ProfileError::NoConfigDir)
}

/// The profile, or `None` when the user has none yet. A profile that does
/// not parse is an error (with its line), never silently ignored.
pub fn load() -> Result<Option<Answers>> {
    load_from(&path()?)
}

/// Like [`load`] for a given file.
pub fn load_from(path: &Path) -> Result<Option<Answers>> {
    if !path.exists() {
        return Ok(None);
    }
    Ok(Some(Answers::load(path)?))
}

/// What a new draft does with the user's profile, the same in every front
/// end.
#[derive(Debug)]
pub enum ForNewDraft {
    /// No profile, or nothing in it that this form reuses.
    Nothing,
    /// Reusable answers to offer: the profile, and `(full id, label)` of each
    /// question it answers.
    Offer(Box<Answers>, Vec<(String, String)>),
    /// The profile cannot be read: a warning to show; the new draft goes on
    /// without it (the profile file is left as it is).
    Unreadable(String),
}

/// Decides what a new draft offers from the profile `loaded` by [`load`].
pub fn for_new_draft(form: &Form, loaded: Result<Option<Answers>>) -> ForNewDraft {
    let profile = match loaded {
        Ok(Some(profile)) => profile,
        Ok(None) => return ForNewDraft::Nothing,
        Err(e) => {
            return ForNewDraft::Unreadable(format!(
                "votre profil n’est pas utilisé : {e}\n  Corrigez-le avec « fiche profile edit »."
            ));
        }
    };
    let questions: Vec<(String, String)> = form
        .questions()
        .filter(|(_, q)| q.reusable)
        .map(|(s, q)| (s.full_id(q), q.label.to_string()))
        .filter(|(id, _)| crate::answers::is_answered(profile.get(id).as_ref()))
        .collect();
    if questions.is_empty() {
        return ForNewDraft::Nothing;
    }
    ForNewDraft::Offer(Box::new(profile), questions)
}

/// What [`save_from`] did.
#[derive(Debug)]
pub struct Saved {
    /// The profile file.
    pub path: PathBuf,
    /// The full ids copied into it, in form order.
    pub copied: Vec<String>,
    /// Answers its question refuses, left out of the profile.
    pub refused: Vec<Refused>,
}

/// An answer of the application left out of the profile: it would pre-fill
/// every later application with a value the form refuses.
#[derive(Debug)]
pub struct Refused {
    pub id: String,
    /// Its line in the application, when known.
    pub line: Option<usize>,
    /// Why, in French (the field check's words).
    pub message: String,
}

/// Copies the reusable answers of `source` into the profile (created if
/// needed; other answers already in it are kept), except those their
/// question refuses (a profile value already there is then kept too).
pub fn save_from(form: &Form, source: &Answers) -> Result<Saved> {
    let path = path()?;
    let mut profile = match load_from(&path)? {
        Some(profile) => profile,
        None => Answers::new(form),
    };
    let mut valid = source.clone();
    let mut refused = Vec::new();
    for (section, question) in form.questions().filter(|(_, q)| q.reusable) {
        let id = section.full_id(question);
        let Some(value) = source.get(&id) else {
            continue;
        };
        let problems = crate::form::check_value(question, &value);
        if problems.is_empty() {
            continue;
        }
        valid.set(&id, None)?;
        refused.extend(problems.into_iter().map(|p| Refused {
            id: id.clone(),
            line: source.position(&id).map(|p| p.line),
            message: p.message,
        }));
    }
    let copied = reuse::prefill(form, &mut profile, &valid, Copy::Reusable, None)?;
    write(&path, &mut profile)?;
    Ok(Saved {
        path,
        copied,
        refused,
    })
}

/// Creates an empty profile for `form` if there is none; returns its path.
/// The new file lists the reusable questions as comments, as a guide.
pub fn create_if_missing(form: &Form) -> Result<PathBuf> {
    let path = path()?;
    if path.exists() {
        return Ok(path);
    }
    let mut text = String::from(
        "# Profil fiche : réponses reprises dans chaque nouvelle candidature.\n\
         # Même format qu’une candidature ; décommentez et complétez les lignes utiles.\n\n",
    );
    text.push_str(&Answers::new(form).to_toml_string());
    let mut current = String::new();
    for (section, question) in form.questions().filter(|(_, q)| q.reusable) {
        if section.id != current {
            text.push_str(&format!("\n# [{}]   # {}\n", section.id, section.title));
            current = section.id.clone();
        }
        text.push_str(&format!(
            "# {} = \"\"   # {}\n",
            question.id, question.label
        ));
    }
    let mut profile = Answers::parse(&text, &path.display().to_string())?;
    write(&path, &mut profile)?;
    Ok(path)
}

/// The `[meta]` key where the profile remembers the parangonnage export
/// (the table of the State's AI initiatives) the wizard last read. Optional:
/// profiles written before it stay valid.
pub const PARANGONNAGE_EXPORT: &str = "export_parangonnage";

/// The parangonnage export `profile` remembers, if any.
pub fn parangonnage_export(profile: &Answers) -> Option<PathBuf> {
    match profile.meta(PARANGONNAGE_EXPORT) {
        Some(toml::Value::String(path)) if !path.trim().is_empty() => Some(PathBuf::from(path)),
        _ => None,
    }
}

/// Remembers `export` in the profile at `profile_path` (created for `form`
/// if needed; everything else in it is kept).
pub fn remember_parangonnage_export(form: &Form, profile_path: &Path, export: &Path) -> Result<()> {
    let mut profile = match load_from(profile_path)? {
        Some(profile) => profile,
        None => Answers::new(form),
    };
    if parangonnage_export(&profile).as_deref() == Some(export) {
        return Ok(());
    }
    profile.set_meta(
        PARANGONNAGE_EXPORT,
        toml::Value::String(export.display().to_string()),
    )?;
    write(profile_path, &mut profile)
}

fn write(path: &Path, profile: &mut Answers) -> Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|source| ProfileError::CreateDir {
            path: dir.display().to_string(),
            source,
        })?;
    }
    profile.save(path)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_parangonnage_export_is_remembered_and_the_rest_kept() {
        let form = crate::form::builtin();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fiche").join(FILE_NAME);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        // A profile written before the key existed.
        std::fs::write(&path, "[identite]\nadministration = \"Préfecture\"\n").unwrap();
        let old = load_from(&path).unwrap().unwrap();
        assert_eq!(parangonnage_export(&old), None);

        let export = dir.path().join("Initiatives.csv");
        remember_parangonnage_export(&form, &path, &export).unwrap();
        let profile = load_from(&path).unwrap().unwrap();
        assert_eq!(parangonnage_export(&profile), Some(export.clone()));
        assert_eq!(
            profile.get("identite.administration"),
            Some(toml::Value::String("Préfecture".into()))
        );
        // No profile yet: one is created.
        let fresh = dir.path().join("autre").join(FILE_NAME);
        remember_parangonnage_export(&form, &fresh, &export).unwrap();
        let fresh = load_from(&fresh).unwrap().unwrap();
        assert_eq!(parangonnage_export(&fresh), Some(export));
    }

    #[test]
    fn an_unreadable_profile_is_a_warning_not_an_error() {
        let form = crate::form::builtin();
        let ForNewDraft::Unreadable(warning) = for_new_draft(&form, Err(ProfileError::NoConfigDir))
        else {
            panic!("an unreadable profile must be reported");
        };
        assert!(warning.contains("profil n’est pas utilisé"), "{warning}");
        assert!(warning.contains("fiche profile edit"), "{warning}");
    }

    #[test]
    fn only_answered_reusable_questions_are_offered() {
        let form = crate::form::builtin();
        assert!(matches!(
            for_new_draft(&form, Ok(None)),
            ForNewDraft::Nothing
        ));
        let mut profile = Answers::new(&form);
        assert!(matches!(
            for_new_draft(&form, Ok(Some(profile.clone()))),
            ForNewDraft::Nothing
        ));
        profile
            .set(
                "identite.administration",
                Some(toml::Value::String("Préfecture".into())),
            )
            .unwrap();
        profile
            .set(
                "identite.nom_produit",
                Some(toml::Value::String("pas réutilisable".into())),
            )
            .unwrap();
        let ForNewDraft::Offer(_, questions) = for_new_draft(&form, Ok(Some(profile))) else {
            panic!("the profile's answer must be offered");
        };
        let ids: Vec<&str> = questions.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["identite.administration"]);
    }
}
