//! `fiche`, `fiche FILE`, `fiche edit FILE`: open the terminal wizard. A
//! file that cannot be read is refused before the screen changes, untouched.
//! The file is locked while open: a second `fiche` on it says who has it and
//! offers to open it read-only; a read-only file opens read-only; an answer
//! a killed session typed but never saved is offered back (shown and kept
//! for later while the file is read-only).

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::Outcome;
use crate::tui;
use fiche::answers::lock;
use fiche::profile::ForNewDraft;
use fiche::recovery::Recovery;
use fiche::{Answers, Form, fs_util};

pub fn run(form: &Form, file: Option<&Path>, templates: Option<&Path>) -> Result<Outcome> {
    // A file that exists is checked first: its error is the useful one.
    let existing = match file {
        Some(p) if p.exists() => Some(fiche::application::open_migrating(form, p)?),
        _ => None,
    };
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        anyhow::bail!(
            "l’assistant a besoin d’un terminal interactif (clavier et écran) ; dans un script, utilisez fiche check et fiche render"
        );
    }
    // Started once for the launcher and the wizard; given back (dropped)
    // before anything is printed.
    let mut screen = tui::Screen::start()?;
    let path: PathBuf = match file {
        Some(p) => p.to_path_buf(),
        None => match tui::choose_file(&mut screen, form)? {
            tui::Launched::File(p) => p,
            tui::Launched::Left => return Ok(Outcome::Ok),
            tui::Launched::Interrupted(signal) => {
                // The terminal is given back before anything is said.
                drop(screen);
                let _ = writeln!(
                    std::io::stderr(),
                    "fiche arrêté par un signal ({signal}) : aucun fichier n’était ouvert."
                );
                return Ok(Outcome::Interrupted(signal));
            }
        },
    };
    clean_leftovers(&path);
    let Some((_lock, read_only)) = lock_or_read_only(&mut screen, &path)? else {
        drop(screen);
        say_err!("{} n’a pas été ouvert.", path.display());
        return Ok(Outcome::Failed);
    };
    let opened = open_answers(form, existing, &path, file.is_some());
    let ending = opened.and_then(|(answers, mut start)| {
        start.templates = templates.map(Path::to_path_buf);
        if read_only.is_none() {
            start.offer = recovery_offer(&path, &answers, start.offer.take(), &mut start.notice);
        } else {
            start.offer = kept_recovery(&path, &answers, start.offer.take(), &mut start.notice);
        }
        start.read_only = read_only.clone();
        tui::run(&mut screen, form.clone(), answers, path.clone(), start)
    });
    drop(screen);
    let ending = ending?;
    let outcome = report(&ending, form, &path, read_only.as_deref());
    say_profile_hint(form, &ending);
    Ok(outcome)
}

/// Takes the file's lock, and says why the session is read-only if it is.
/// A file already open in another session is opened read-only if the user
/// agrees; `None` when they do not (nothing is opened).
fn lock_or_read_only(
    screen: &mut tui::Screen,
    path: &Path,
) -> Result<Option<(Option<lock::Lock>, Option<String>)>> {
    let (lock, mut read_only) = match lock::acquire(path) {
        Ok(Ok(lock)) => (Some(lock), None),
        Ok(Err(holder)) => {
            let who = holder.describe_fr();
            screen.suspend();
            let yes = ask_yes_no(&format!(
                "{} est déjà ouvert par fiche ({who}).\nL’ouvrir en lecture seule (vos modifications pourront être enregistrées dans un autre fichier) ? [o/N] ",
                path.display()
            ));
            if !yes {
                return Ok(None);
            }
            screen.resume()?;
            (None, Some(format!("ouvert ailleurs par {who}")))
        }
        // A folder where no lock can be written (read-only, full): the file
        // itself is then checked at each save as usual.
        Err(_) => (None, None),
    };
    if read_only.is_none() && fs_util::is_read_only(path) {
        read_only = Some("le fichier est en lecture seule".to_string());
    }
    Ok(Some((lock, read_only)))
}

/// The answers to edit: the file already opened (`existing`), the file at
/// `path`, or a new draft from the profile. A new file `named` on the
/// command line starts with the form's introduction.
fn open_answers(
    form: &Form,
    existing: Option<(Answers, Option<fiche::migrate::MigrationReport>)>,
    path: &Path,
    named: bool,
) -> Result<(Answers, tui::Start)> {
    match existing {
        Some(opened) => Ok(migrated(form, opened)),
        None if path.exists() => fiche::application::open_migrating(form, path)
            .map(|o| migrated(form, o))
            .map_err(Into::into),
        None => new_draft(form, path, fiche::profile::load()).map(|(answers, mut start)| {
            // Named on the command line: the launcher did not introduce the
            // form, so its introduction comes first, once.
            if named {
                start.offer = Some(tui::Offer::Intro(start.offer.take().map(Box::new)));
            }
            (answers, start)
        }),
    }
}

/// The wizard never writes the profile: says how, when it matters.
fn say_profile_hint(form: &Form, ending: &tui::Ending) {
    if let tui::Ending::Saved(p) = ending
        && let Ok((answers, _)) = fiche::application::open_migrating(form, p)
        && let Ok(profile) = fiche::profile::load()
        && let Some(hint) = profile_hint(form, &answers, profile.as_ref(), p)
    {
        say!("{hint}");
    }
}

/// Says how the wizard ended, once the terminal is given back. A session
/// that could not write `opened` (`read_only` says why) wrote nothing there:
/// it never says its answers were saved in it.
fn report(ending: &tui::Ending, form: &Form, opened: &Path, read_only: Option<&str>) -> Outcome {
    let nothing_written = |p: &Path| {
        read_only
            .filter(|_| p == opened)
            .map(|why| fiche::recovery::read_only_farewell(form, p, why))
    };
    match ending {
        tui::Ending::Saved(p) => {
            match nothing_written(p) {
                Some(farewell) => say!("{farewell}"),
                None => say!("Réponses enregistrées dans {}", p.display()),
            }
            Outcome::Ok
        }
        tui::Ending::Unsaved(p, message) => {
            match nothing_written(p) {
                Some(farewell) => say_err!(
                    "attention : vos modifications de cette séance ne sont enregistrées nulle part. {farewell}"
                ),
                None => say_err!(
                    "attention : les dernières réponses n’ont pas pu être enregistrées dans {} ({message}).",
                    p.display()
                ),
            }
            Outcome::Failed
        }
        tui::Ending::Interrupted(p, signal, failure) => {
            // The terminal may be gone: never fail on writing this.
            let mut err = std::io::stderr();
            let text = match (failure, nothing_written(p)) {
                (None, Some(farewell)) => {
                    format!("fiche arrêté par un signal ({signal}). {farewell}")
                }
                (None, None) => format!(
                    "fiche arrêté par un signal ({signal}) : réponses enregistrées dans {}.",
                    p.display()
                ),
                (Some(m), _) => format!(
                    "fiche arrêté par un signal ({signal}) : dernières réponses non enregistrées dans {} ({m}).",
                    p.display()
                ),
            };
            let _ = writeln!(err, "{}", fiche::sanitize::terminal(&text));
            Outcome::Interrupted(*signal)
        }
    }
}

/// Removes what a killed fiche left next to the answers (temporary files).
fn clean_leftovers(path: &Path) {
    let target = fs_util::follow_links(path).unwrap_or_else(|_| path.to_path_buf());
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs_util::clean_leftovers(&dir);
}

/// Asks on the terminal (screen suspended); only « o » or « oui » is yes.
fn ask_yes_no(question: &str) -> bool {
    print!("{question}");
    let _ = std::io::stdout().flush();
    let mut line = String::new();
    if std::io::stdin().lock().read_line(&mut line).is_err() {
        return false;
    }
    matches!(
        line.trim().to_lowercase().as_str(),
        "o" | "oui" | "y" | "yes"
    )
}

/// An answer a killed session typed but never saved: offered first, before
/// `then`. One already in the file is just removed; one that cannot be read
/// is said in the first notice and left in place.
fn recovery_offer(
    path: &Path,
    answers: &Answers,
    then: Option<tui::Offer>,
    notice: &mut Option<String>,
) -> Option<tui::Offer> {
    match Recovery::read(path) {
        Ok(Some(r)) if r.is_saved_in(answers) => {
            let _ = Recovery::remove(path);
            then
        }
        Ok(Some(r)) => Some(tui::Offer::Recovery(Box::new(r), then.map(Box::new))),
        Ok(None) => then,
        Err(e) => {
            *notice = Some(fiche::recovery::unreadable_note(path, &e));
            then
        }
    }
}

/// Read-only: an answer a killed session typed cannot be restored (that
/// writes the file); it is shown first, kept for a start that can write.
fn kept_recovery(
    path: &Path,
    answers: &Answers,
    then: Option<tui::Offer>,
    notice: &mut Option<String>,
) -> Option<tui::Offer> {
    match fiche::recovery::kept_while_read_only(path, answers) {
        Ok(Some(r)) => Some(tui::Offer::KeptRecovery(Box::new(r), then.map(Box::new))),
        Ok(None) => then,
        Err(e) => {
            *notice = Some(fiche::recovery::unreadable_note(path, &e));
            then
        }
    }
}

/// When reusable answers of `answers` are not in the profile yet (or differ),
/// the exact command that puts them there.
fn profile_hint(
    form: &Form,
    answers: &Answers,
    profile: Option<&Answers>,
    path: &Path,
) -> Option<String> {
    let missing = fiche::reuse::reusable_ids(form)
        .into_iter()
        .filter(|id| {
            let value = answers.get(id);
            fiche::answers::is_answered(value.as_ref()) && profile.and_then(|p| p.get(id)) != value
        })
        .count();
    (missing > 0).then(|| {
        format!(
            "{} : « fiche profile save {} » {} pour pré-remplir vos prochaines candidatures.",
            fiche::format::count(
                missing,
                "réponse réutilisable n’est pas dans votre profil",
                "réponses réutilisables ne sont pas dans votre profil"
            ),
            path.display(),
            if missing >= 2 {
                "les y enregistre"
            } else {
                "l’y enregistre"
            }
        )
    })
}

/// A file migrated from an older form version: say what moved and offer to
/// walk only the questions new or changed since.
fn migrated(
    form: &Form,
    (answers, report): (Answers, Option<fiche::migrate::MigrationReport>),
) -> (Answers, tui::Start) {
    let offer = report.map(|r| {
        tui::Offer::ChangedOnly(fiche::migrate::changed_since(form, r.from), r.lines_fr())
    });
    let start = tui::Start {
        offer,
        ..tui::Start::default()
    };
    (answers, start)
}

/// A new draft, saved at once so the file exists from the first minute. The
/// profile's reusable answers are offered; a profile that cannot be read is
/// said on the first screen and the draft goes on without it, as in the
/// accessible mode.
fn new_draft(
    form: &Form,
    path: &Path,
    profile: fiche::profile::Result<Option<Answers>>,
) -> Result<(Answers, tui::Start)> {
    let mut start = tui::Start::default();
    match fiche::profile::for_new_draft(form, profile) {
        ForNewDraft::Nothing => {}
        ForNewDraft::Offer(profile, questions) => {
            let labels = questions.into_iter().map(|(_, label)| label).collect();
            start.offer = Some(tui::Offer::Profile(profile, labels));
        }
        ForNewDraft::Unreadable(warning) => start.notice = Some(format!("attention : {warning}")),
    }
    let mut answers = Answers::new(form);
    answers
        // A file created meanwhile by someone else is never replaced.
        .save_new(path)
        .with_context(|| format!("création du brouillon {}", path.display()))?;
    Ok((answers, start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unreadable_profile_is_said_and_the_new_draft_goes_on() {
        let form = fiche::form::builtin();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        let (_, start) = new_draft(&form, &path, Err(fiche::profile::ProfileError::NoConfigDir))
            .expect("the draft is created");
        let notice = start.notice.expect("the wizard says why");
        assert!(notice.contains("profil n’est pas utilisé"), "{notice}");
        assert!(start.offer.is_none());
        assert!(path.exists());
    }

    #[test]
    fn quitting_says_how_to_keep_reusable_answers_until_the_profile_has_them() {
        let form = fiche::form::builtin();
        let mut answers = Answers::new(&form);
        let path = Path::new("candidature.toml");
        assert_eq!(profile_hint(&form, &answers, None, path), None);
        answers
            .set(
                "identite.administration",
                Some(toml::Value::String("Préfecture du Rhône".into())),
            )
            .unwrap();
        answers
            .set(
                "identite.nom_produit",
                Some(toml::Value::String("pas réutilisable".into())),
            )
            .unwrap();
        assert_eq!(
            profile_hint(&form, &answers, None, path).as_deref(),
            Some(
                "1 réponse réutilisable n’est pas dans votre profil : « fiche profile save candidature.toml » l’y enregistre pour pré-remplir vos prochaines candidatures."
            )
        );
        let profile = answers.clone();
        assert_eq!(profile_hint(&form, &answers, Some(&profile), path), None);
    }
}
