//! Opening the application: a new draft (with the profile's answers if the
//! user wants them), or an existing file, refused untouched when broken or
//! too new, with what a migration moved and where the walk resumes.

use std::io::{BufRead, Write};
use std::path::Path;

use anyhow::{Context, Result};

use super::Session;
use super::prompt::{self, Prompt};
use fiche::answers::Origin;
use fiche::profile::{self, ForNewDraft};
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
    if !path.exists() {
        let answers = create(form, path, &mut prompt, load_profile)?;
        let mut session = Session::new(form, path, answers, prompt);
        session.announce_commands();
        return Ok(session);
    }
    let (answers, migration) = application::open_migrating(form, path)
        .with_context(|| format!("ouverture de {} en mode accessible", path.display()))?;
    let mut session = Session::new(form, path, answers, prompt);
    let report = validate::check(form, &session.answers);
    session.say(&format!(
        "Fichier : {} — {} réponses obligatoires données sur {} ({} %).",
        path.display(),
        report.required_answered,
        report.required_total,
        report.percent()
    ));
    if let Some(migration) = migration {
        for line in migration.lines_fr() {
            session.say(&line);
        }
        session.say("Le fichier sera mis à jour à votre première réponse.");
        let changed = migrate::changed_since(form, migration.from);
        if !changed.is_empty() {
            session.say(&format!(
                "{} question(s) nouvelle(s) ou modifiée(s) depuis la version {} : {}.",
                changed.len(),
                migration.from,
                changed.join(", ")
            ));
            if session
                .prompt
                .confirm("Ne parcourir que ces questions ?", true)
            {
                session.only = Some(changed.into_iter().collect());
            }
        }
    }
    session.announce_commands();
    if session.only.is_none() {
        session.start = resume_at(&mut session);
    }
    Ok(session)
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
                );
                let named: Vec<String> = copied
                    .iter()
                    .map(|id| match form.question(id) {
                        Some((_, q)) => format!("{} ({id})", q.label),
                        None => id.clone(),
                    })
                    .collect();
                prompt.say(&format!(
                    "{} réponse(s) reprise(s) de votre profil : {}.",
                    copied.len(),
                    named.join(" ; ")
                ));
            }
        }
        ForNewDraft::Nothing => {}
        ForNewDraft::Unreadable(warning) => prompt.say(&format!("attention : {warning}")),
    }
    answers
        .save(path)
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
    /// The commands, once at the start.
    fn announce_commands(&mut self) {
        self.say("Chaque réponse est enregistrée dès que vous la validez par Entrée.");
        self.say("Commandes, à taper à la place d'une réponse (« ? » les rappelle) :");
        for line in prompt::commands_help() {
            self.say(&line);
        }
        self.say("  Fin de saisie (Ctrl+D) : enregistrer et quitter");
    }
}
