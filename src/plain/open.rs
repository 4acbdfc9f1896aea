//! Opening the application: a new draft (with the profile's answers if the
//! user wants them), or an existing file, refused untouched when broken or
//! too new, with what a migration moved and where the walk resumes.

use std::collections::BTreeSet;
use std::io::{BufRead, Write};
use std::path::Path;

use anyhow::{Context, Result};

use super::Session;
use super::prompt::{self, Prompt};
use fiche::answers::ORIGIN_PROFILE;
use fiche::reuse::{self, Copy};
use fiche::{Answers, Form, application, migrate, validate};

/// Opens or creates `path`; `load_profile` is asked only for a new draft.
pub(super) fn open<'f, R: BufRead, W: Write>(
    form: &'f Form,
    path: &Path,
    mut prompt: Prompt<R, W>,
    load_profile: impl FnOnce() -> Result<Option<Answers>, String>,
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
                session.only = Some(changed.into_iter().collect::<BTreeSet<_>>());
            }
        }
    }
    session.announce_commands();
    if session.only.is_none() {
        session.start = resume_at(&mut session, &report);
    }
    Ok(session)
}

/// A new draft, saved at once so the file exists from the first minute.
fn create<R: BufRead, W: Write>(
    form: &Form,
    path: &Path,
    prompt: &mut Prompt<R, W>,
    load_profile: impl FnOnce() -> Result<Option<Answers>, String>,
) -> Result<Answers> {
    let mut answers = Answers::new(form);
    prompt.say(form.description.trim());
    match load_profile() {
        Ok(Some(profile)) => {
            if prompt.confirm(
                "Reprendre les réponses de votre profil (administration, chef de produit…) ?",
                true,
            ) {
                let copied = reuse::prefill(
                    form,
                    &mut answers,
                    &profile,
                    Copy::Reusable,
                    Some(ORIGIN_PROFILE),
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
        Ok(None) => {}
        Err(e) => prompt.say(&format!(
            "attention : votre profil n'est pas utilisé : {e}\n  Corrigez-le avec « fiche profile edit »."
        )),
    }
    answers
        .save(path)
        .with_context(|| format!("création du brouillon {}", path.display()))?;
    prompt.say(&format!("Nouveau brouillon créé : {}.", path.display()));
    Ok(answers)
}

/// An existing file resumes at its first missing required answer.
fn resume_at<R: BufRead, W: Write>(
    session: &mut Session<'_, R, W>,
    report: &validate::Report,
) -> usize {
    let Some(missing) = report.missing().next() else {
        session.say("Toutes les réponses obligatoires sont données. Les questions défilent depuis le début : Entrée garde chaque réponse, « :verifier » fait le point.");
        return 0;
    };
    let id = missing.question_id();
    let Some(i) = (0..session.order.len()).find(|&i| {
        let (si, qi) = session.order[i];
        session.full_id(si, qi) == id
    }) else {
        return 0;
    };
    if i > 0 {
        session.say(&format!(
            "Reprise à la première réponse obligatoire manquante ({id}). Tapez « :section 1 » pour tout reprendre depuis le début."
        ));
    }
    i
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
