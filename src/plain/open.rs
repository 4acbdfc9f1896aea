//! Opening the application: a new draft (with the profile's answers if the
//! user wants them), or an existing file, refused untouched when broken or
//! too new, with what a migration moved and where the walk resumes. The
//! file is locked while open (a second fiche on it is offered read-only), a
//! read-only file opens read-only, and an answer a killed session typed but
//! never saved is offered back (said and kept for later while the file is
//! read-only).

use std::io::{BufRead, Write};
use std::path::Path;

use anyhow::{Context, Result};

use super::Session;
use super::prompt::{self, Prompt};
use fiche::answers::Origin;
use fiche::answers::lock::{self, Lock};
use fiche::fs_util;
use fiche::profile::{self, ForNewDraft};
use fiche::recovery::{self, Recovery};
use fiche::reuse::{self, Copy};
use fiche::walk::At;
use fiche::{Answers, Form, application, migrate, validate};

/// Opens or creates `path`; `load_profile` is asked only for a new draft.
pub(super) fn open<'f, R: BufRead, W: Write>(
    form: &'f Form,
    path: &Path,
    mut prompt: Prompt<R, W>,
    load_profile: impl FnOnce() -> profile::Result<Option<Answers>>,
) -> Result<Session<'f, R, W>> {
    prompt.say(&format!(
        "fiche, mode accessible : {} (version {}).",
        form.title, form.version
    ));
    if let Some(dir) = fs_util::follow_links(path)
        .ok()
        .and_then(|p| p.parent().map(Path::to_path_buf))
    {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".").to_path_buf()
        } else {
            dir
        };
        fs_util::clean_leftovers(&dir);
    }
    // A file that cannot be read is refused before anything else.
    let opened = if path.exists() {
        Some(
            application::open_migrating(form, path)
                .with_context(|| format!("ouverture de {} en mode accessible", path.display()))?,
        )
    } else {
        None
    };
    let (lock, read_only) = take_lock(path, &mut prompt)?;
    let Some((answers, migration)) = opened else {
        let answers = create(form, path, &mut prompt, load_profile)?;
        let mut session = Session::new(form, path, answers, prompt);
        session._lock = lock;
        session.announce_commands();
        return Ok(session);
    };
    let mut session = Session::new(form, path, answers, prompt);
    session._lock = lock;
    if let Some(why) = &read_only {
        session.say(&format!(
            "Lecture seule : {why}. Vos réponses seront gardées en mémoire, et fiche vous proposera de les enregistrer dans un autre fichier en quittant."
        ));
        match recovery::kept_while_read_only(path, &session.answers) {
            Ok(Some(kept)) => session.say(&recovery::kept_note(form, path, &kept)),
            Ok(None) => {}
            Err(e) => session.say(&recovery::unreadable_note(path, &e)),
        }
    } else {
        session.offer_recovery();
    }
    session.read_only = read_only;
    let report = validate::check(form, &session.answers);
    session.say(&format!(
        "Fichier : {} — {}.",
        path.display(),
        super::report::required_given(&report)
    ));
    if let Some(migration) = migration {
        session.offer_changed_only(&migration);
    }
    session.announce_commands();
    if session.only.is_none() {
        session.start = resume_at(&mut session);
    }
    Ok(session)
}

/// Locks `path`; when another fiche has it, says who and asks whether to
/// open it read-only (no: nothing is opened). Also read-only: a file
/// without write permission. A folder where no lock can be written leaves
/// the file unlocked (each save still checks it).
fn take_lock<R: BufRead, W: Write>(
    path: &Path,
    prompt: &mut Prompt<R, W>,
) -> Result<(Option<Lock>, Option<String>)> {
    let (lock, read_only) = match lock::acquire(path) {
        Ok(Ok(lock)) => (Some(lock), None),
        Ok(Err(holder)) => {
            let who = holder.describe_fr();
            prompt.say(&format!(
                "{} est déjà ouvert par fiche ({who}).",
                path.display()
            ));
            if !prompt.confirm(
                "L’ouvrir en lecture seule (vos réponses pourront être enregistrées dans un autre fichier) ?",
                false,
            ) {
                anyhow::bail!(
                    "{} est ouvert ailleurs ({who}) : il n’a pas été ouvert ici",
                    path.display()
                );
            }
            (None, Some(format!("ouvert ailleurs par {who}")))
        }
        Err(_) => (None, None),
    };
    if read_only.is_none() && fs_util::is_read_only(path) {
        return Ok((lock, Some("le fichier est en lecture seule".to_string())));
    }
    Ok((lock, read_only))
}

/// A new draft, saved at once so the file exists from the first minute.
fn create<R: BufRead, W: Write>(
    form: &Form,
    path: &Path,
    prompt: &mut Prompt<R, W>,
    load_profile: impl FnOnce() -> profile::Result<Option<Answers>>,
) -> Result<Answers> {
    let mut answers = Answers::new(form);
    prompt.say(form.description.trim());
    match profile::for_new_draft(form, load_profile()) {
        ForNewDraft::Offer(profile, _) => {
            if prompt.confirm(
                "Reprendre les réponses de votre profil (administration, chef de produit…) ?",
                true,
            ) {
                let copied = reuse::prefill(
                    form,
                    &mut answers,
                    &profile,
                    Copy::Reusable,
                    Some(&Origin::Profile),
                )?;
                let named: Vec<String> = copied
                    .iter()
                    .map(|id| match form.question(id) {
                        Some((_, q)) => format!("{} ({id})", q.label),
                        None => id.clone(),
                    })
                    .collect();
                prompt.say(&format!(
                    "{} de votre profil : {}.",
                    fiche::format::count(copied.len(), "réponse reprise", "réponses reprises"),
                    named.join(" ; ")
                ));
            }
        }
        ForNewDraft::Nothing => {}
        ForNewDraft::Unreadable(warning) => prompt.say(&format!("attention : {warning}")),
    }
    answers
        // A file created meanwhile by someone else is never replaced.
        .save_new(path)
        .with_context(|| format!("création du brouillon {}", path.display()))?;
    prompt.say(&format!("Nouveau brouillon créé : {}.", path.display()));
    Ok(answers)
}

/// An existing file resumes at its first missing required answer.
fn resume_at<R: BufRead, W: Write>(session: &mut Session<'_, R, W>) -> At {
    let start = At {
        section: 0,
        question: 0,
    };
    let Some(at) = session
        .walk()
        .first_unanswered(session.form, &session.answers)
    else {
        session.say("Toutes les réponses obligatoires sont données. Les questions défilent depuis le début : Entrée garde chaque réponse, « :verifier » fait le point.");
        return start;
    };
    if at != start {
        let id = session.full_id(at.section, at.question);
        session.say(&format!(
            "Reprise à la première réponse obligatoire manquante ({id}). Tapez « :section 1 » pour tout reprendre depuis le début."
        ));
    }
    at
}

impl<R: BufRead, W: Write> Session<'_, R, W> {
    /// Says what a migration moved, and offers to walk only the questions
    /// new or changed since the file's form version.
    fn offer_changed_only(&mut self, migration: &migrate::MigrationReport) {
        for line in migration.lines_fr() {
            self.say(&line);
        }
        self.say("Le fichier sera mis à jour à votre première réponse.");
        let changed = migrate::changed_since(self.form, migration.from);
        if changed.is_empty() {
            return;
        }
        self.say(&format!(
            "{} depuis la version {} : {}.",
            fiche::format::count(
                changed.len(),
                "question nouvelle ou modifiée",
                "questions nouvelles ou modifiées"
            ),
            migration.from,
            changed.join(", ")
        ));
        if self
            .prompt
            .confirm("Ne parcourir que ces questions ?", true)
        {
            self.only = Some(changed.into_iter().collect());
        }
    }

    /// An answer typed in a session that was killed before saving it: shown,
    /// offered back, then removed either way.
    fn offer_recovery(&mut self) {
        let recovery = match Recovery::read(&self.path) {
            Ok(Some(r)) => r,
            Ok(None) => return,
            Err(e) => {
                self.say(&recovery::unreadable_note(&self.path, &e));
                return;
            }
        };
        if !recovery.is_saved_in(&self.answers) {
            let label = recovery.label(self.form);
            self.say(&format!(
                "La dernière séance s’est arrêtée sans enregistrer cette réponse (tapée à {}), à la question « {label} » ({}) :",
                recovery.time(),
                recovery.question
            ));
            for line in recovery.text().lines() {
                self.say(&format!("  {line}"));
            }
            if self
                .prompt
                .confirm("La reprendre ? (sinon elle est effacée)", true)
            {
                match recovery.restore(&mut self.answers) {
                    Ok(()) => {
                        if self.save() {
                            self.say("Réponse reprise et enregistrée.");
                        }
                    }
                    Err(e) => self.say(&format!("erreur : réponse non reprise. {e}")),
                }
            }
        }
        if !self.unsaved {
            let _ = Recovery::remove(&self.path);
        }
    }

    /// The commands, once at the start.
    fn announce_commands(&mut self) {
        self.say("Chaque réponse est enregistrée dès que vous la validez par Entrée.");
        self.say("Commandes, à taper à la place d’une réponse (« ? » les rappelle) :");
        for line in prompt::commands_help() {
            self.say(&line);
        }
        self.say("  Fin de saisie (Ctrl+D) : enregistrer et quitter");
    }
}
