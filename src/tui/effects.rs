//! The work the event loop does when a key asks for it (an [`Effect`]):
//! saving, quitting, saving elsewhere, exporting a document, the external
//! editor, reading an initiatives export. Keys never do I/O; this does.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use fiche::render::{Renderer, Target};
use ratatui::DefaultTerminal;

use super::app::{App, Effect, Modal};
use super::screens::parangonnage::InitiativesRequest;
use super::terminal::Screen;
use super::{Ending, autosave, editors, screens, signals};

/// Does the work a key asked for; `Some` when the wizard ends.
pub(super) fn carry_out(
    screen: &mut Screen,
    app: &mut App,
    effect: Effect,
) -> Result<Option<Ending>> {
    match effect {
        Effect::None => {}
        Effect::SaveNow => save(app),
        Effect::Quit => {
            app.save.flush = true;
            if app.save.dirty {
                save(app);
            }
            if let autosave::SaveStatus::Failed(m) = &app.save.status
                && app.save.dirty
            {
                app.modal = Some(Modal::QuitUnsaved(m.clone()));
            } else {
                return Ok(Some(Ending::Saved(app.path.clone())));
            }
        }
        Effect::QuitUnsaved => {
            let message = match &app.save.status {
                autosave::SaveStatus::Failed(m) => m.clone(),
                _ => String::new(),
            };
            return Ok(Some(Ending::Unsaved(app.path.clone(), message)));
        }
        Effect::SaveAs(path) => match app.answers.save_new(&path) {
            Ok(()) => {
                app.save.dirty = false;
                return Ok(Some(Ending::Saved(path)));
            }
            // The path stays in its field with the reason, to correct
            // (another name, a folder that exists): back among the quit
            // dialog's one-key choices, the path the user goes on typing
            // would choose « q : quitter sans enregistrer ». The answers
            // file's own failure stays the one the header tells.
            Err(e) => {
                let line = editors::LineEditor::new(&path.display().to_string());
                app.modal = Some(Modal::SaveAs(line, Some(e.to_string())));
            }
        },
        Effect::ExternalEditor => {
            if app.save.dirty {
                save(app);
            }
            external_editor(screen, app)?;
        }
        Effect::Export(target) => export(screen.terminal(), app, target)?,
        Effect::Initiatives(request) => initiatives(app, request),
    }
    Ok(None)
}

/// Opens the parangonnage overlay on the export the profile remembers, or
/// reads the one typed; an export that reads is remembered for next time.
fn initiatives(app: &mut App, request: InitiativesRequest) {
    match request {
        InitiativesRequest::Open => {
            let remembered = fiche::profile::load()
                .ok()
                .flatten()
                .and_then(|profile| fiche::profile::parangonnage_export(&profile));
            app.open_initiatives(remembered);
        }
        InitiativesRequest::Load(typed) => {
            let path = expand_home(&typed);
            if app.load_initiatives(&path) {
                let path = std::fs::canonicalize(&path).unwrap_or(path);
                let remembered = fiche::profile::path().and_then(|profile| {
                    fiche::profile::remember_parangonnage_export(&app.form, &profile, &path)
                });
                if let Err(e) = remembered {
                    app.notice = Some(format!("Export non mémorisé dans votre profil : {e}"));
                }
            }
        }
    }
}

/// `~/x` as the user's home folder followed by `x`, as a shell would.
fn expand_home(path: &Path) -> PathBuf {
    match (path.strip_prefix("~"), std::env::var_os("HOME")) {
        (Ok(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => path.to_path_buf(),
    }
}

/// Writes the answers atomically; on failure keeps them in memory and says
/// why. Changes made to the file outside meanwhile are merged (and said);
/// an answer changed on both sides is asked about.
pub(super) fn save(app: &mut App) {
    if let Some(why) = &app.save.read_only {
        let why = format!("lecture seule ({why})");
        app.save.failed(why, Instant::now());
        return;
    }
    match app.answers.save(&app.path) {
        Ok(saved) => {
            let at = fiche::clock::now().strftime("%H:%M").to_string();
            app.save.saved(at);
            let outside = saved.merged_answers();
            if !saved.merged.is_empty() {
                app.answers_changed();
            }
            if !outside.is_empty() {
                app.notice = Some(format!(
                    "Fichier modifié ailleurs entre-temps : ces réponses ont été gardées ({}), les vôtres ajoutées.",
                    outside.join(", ")
                ));
            }
        }
        Err(fiche::AnswersError::Conflict { conflicts, .. }) => {
            app.save.failed(
                "le fichier a été modifié ailleurs : choisissez quelle version garder".into(),
                Instant::now(),
            );
            if app.modal.is_none() {
                app.modal = Some(Modal::Conflict(conflicts));
            }
        }
        Err(e) => app.save.failed(e.to_string(), Instant::now()),
    }
}

/// Writes one document next to the answers file. A PDF takes a moment, so
/// the screen says so before the work starts.
fn export(terminal: &mut DefaultTerminal, app: &mut App, target: Target) -> Result<()> {
    if target.is_slow() {
        app.notice = Some(format!(
            "Production en cours… ({})",
            target.default_output(&app.path).display()
        ));
        terminal.draw(|frame| screens::draw(app, frame))?;
    }
    let result = Renderer::new(app.templates.as_deref()).write_target(
        &app.form,
        &app.answers,
        &app.path,
        target,
    );
    app.notice = Some(export_notice(app, target, result));
    Ok(())
}

/// What the review says after an export: where it went, whether it is a
/// draft, and for the e-mail what to do next (the coach's errors first).
pub(in crate::tui) fn export_notice(
    app: &App,
    target: Target,
    result: Result<fiche::render::Exported, fiche::render::TargetError>,
) -> String {
    match result {
        Ok(done) => {
            let coach_errors = fiche::render::email_coach_errors_fr(app.coach.errors().count());
            let draft = match (done.draft, target, &coach_errors) {
                (false, ..) => "",
                // The e-mail of an application the coach faults is a draft
                // too, complete or not: the warning that follows says why.
                (true, Target::Email, Some(_)) => " (marqué BROUILLON)",
                (true, ..) => " (marqué BROUILLON : candidature incomplète)",
            };
            let path = absolute(&done.path);
            match target {
                Target::Email => match coach_errors {
                    Some(warning) => {
                        format!("Courriel prêt : {}{draft} ; {warning}", path.display())
                    }
                    None => format!(
                        "Courriel prêt : {}{draft} ; ouvrez-le dans votre messagerie pour l’envoyer",
                        path.display()
                    ),
                },
                Target::Document(_) => format!("Exporté : {}{draft}", path.display()),
            }
        }
        Err(e) => format!("Export impossible : {e}"),
    }
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// Suspends the screen, edits the current long answer in `$VISUAL` or
/// `$EDITOR` on a temporary file, and reads it back.
fn external_editor(screen: &mut Screen, app: &mut App) -> Result<()> {
    let Some(text) = app.long_text() else {
        return Ok(());
    };
    let program = crate::external_editor::program();
    // Next to the answers (mode 0600), not in a shared /tmp; a leftover of a
    // killed session is cleaned at the next start.
    let tmp = fiche::fs_util::temp_file_near(&app.path, ".txt")
        .context("création du fichier temporaire pour l’éditeur")?;
    std::fs::write(tmp.path(), &text).context("écriture du fichier temporaire")?;
    screen.suspend();
    let status = crate::external_editor::run(&program, tmp.path());
    signals::forget_interrupt();
    screen.resume()?;
    match status {
        Ok(s) if s.success() => {
            match fiche::decode::read_edited_text(tmp.path(), fiche::limits::MAX_ANSWERS_FILE_BYTES)
            {
                Ok((new, converted)) => {
                    app.set_long_text(new.trim_end_matches('\n'));
                    app.notice = Some(match converted {
                        None => "Texte repris depuis l’éditeur".into(),
                        Some(from) => format!(
                            "Texte repris depuis l’éditeur, converti depuis {from} : vérifiez les accents et les symboles"
                        ),
                    });
                }
                Err(e) => {
                    app.notice = Some(format!(
                        "Lecture du texte impossible : {}",
                        fiche::fs_util::io_error_fr(&e)
                    ))
                }
            }
        }
        Ok(_) => {
            app.notice = Some(format!(
                "L’éditeur « {program} » s’est arrêté sur une erreur : texte inchangé"
            ))
        }
        Err(e) => {
            app.notice = Some(format!(
                "Impossible de lancer l’éditeur « {program} » ({}) : réglez la variable EDITOR",
                fiche::fs_util::io_error_fr(&e)
            ))
        }
    }
    Ok(())
}

/// Where to offer saving when the answers file cannot be written: the home
/// folder, same file name.
pub fn backup_path(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "candidature.toml".into());
    let dir = std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_default();
    dir.join(format!("secours-{name}")).display().to_string()
}
