//! The terminal wizard: opens the answers file, runs the event loop, and
//! does the I/O the app asks for (autosave, export, external editor).

mod app;
mod autosave;
mod editors;
mod external;
mod keys;
pub(crate) mod launcher;
pub(crate) mod mouse;
mod nav;
mod recovery;
mod screens;
mod signals;
mod terminal;
mod text;
mod theme;
mod update;

#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use fiche::render::{Renderer, Target};
use fiche::{Answers, Form};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, KeyEventKind};

pub use app::App;
pub use app::Offer;
use app::{Effect, Modal};
pub use launcher::{Launched, choose_file};
/// Drawing one frame, for `benches/wizard.rs` (which includes this module).
#[allow(unused_imports)]
pub use screens::draw;
use screens::parangonnage::InitiativesRequest;
pub use terminal::Screen;

/// How the session ended, reported once the terminal is restored.
pub enum Ending {
    Saved(PathBuf),
    /// The user chose to quit although the last changes could not be saved.
    Unsaved(PathBuf, String),
    /// A termination signal (its number) ended the session, after a last
    /// save; `Some` says why that save failed.
    Interrupted(PathBuf, i32, Option<String>),
}

/// How the wizard starts, besides the file.
#[derive(Debug, Default)]
pub struct Start {
    /// Asked first: profile pre-fill on a new draft, walking only changed
    /// questions after a migration.
    pub offer: Option<Offer>,
    /// Said first (e.g. the profile could not be read).
    pub notice: Option<String>,
    /// The user's template folder for exports (`--templates`).
    pub templates: Option<PathBuf>,
    /// Why the file must not be written (open in another fiche, read-only
    /// file): changes can be saved elsewhere on quitting.
    pub read_only: Option<String>,
}

/// Runs the wizard on `path` (already opened as `answers`).
/// Terminals at least this tall have room for the advice from the start.
const GUIDANCE_MIN_HEIGHT: u16 = 36;

/// Runs the wizard on `path` (already opened as `answers`), on the started
/// `screen`.
pub fn run(
    screen: &mut Screen,
    form: Form,
    answers: Answers,
    path: PathBuf,
    start: Start,
) -> Result<Ending> {
    signals::install();
    let mut app = App::new(form, answers, path)?;
    app.modal = start.offer.map(Modal::Offer);
    app.notice = start.notice;
    if let Some(why) = &start.read_only {
        let read_only = format!(
            "Lecture seule : {why}. Vos modifications éventuelles pourront être enregistrées dans un autre fichier en quittant."
        );
        // Said before what the start had to say (a kept recovery), not
        // instead of it.
        app.notice = Some(match app.notice.take() {
            Some(notice) => format!("{read_only} {notice}"),
            None => read_only,
        });
    }
    app.save.read_only = start.read_only;
    app.templates = start.templates;
    app.guidance = screen
        .terminal()
        .size()
        .is_ok_and(|s| s.height >= GUIDANCE_MIN_HEIGHT);
    let mut recovery = recovery::RecoveryWriter::new(app.path.clone());
    let result = event_loop(screen, &mut app, &mut recovery);
    // The terminal may be gone (SIGHUP): save what was typed before anything.
    let result = match result {
        Err(_) if signals::pending().is_some() || app.is_typing() || app.save.dirty => {
            let signal = signals::pending().unwrap_or(signals::HANGUP);
            Ok(interrupted(&mut app, signal))
        }
        other => other,
    };
    recovery.finish(&app);
    result
}

/// A last save after a signal or a lost terminal.
fn interrupted(app: &mut App, signal: i32) -> Ending {
    // Debug builds only: a test's way to panic with the terminal gone
    // (tests/data_safety_pty.rs), as a bug would.
    #[cfg(debug_assertions)]
    if std::env::var_os("FICHE_TEST_PANIC_ON_INTERRUPT").is_some() {
        panic!("panique demandée par FICHE_TEST_PANIC_ON_INTERRUPT");
    }
    let _ = app.commit_if_touched();
    if app.save.dirty {
        app.save.flush = true;
        save(app);
    }
    let failure = match (&app.save.status, app.save.dirty) {
        (autosave::SaveStatus::Failed(m), true) => Some(m.clone()),
        (_, true) => Some("lecture seule".to_string()),
        _ => None,
    };
    Ending::Interrupted(app.path.clone(), signal, failure)
}

fn event_loop(
    screen: &mut Screen,
    app: &mut App,
    recovery: &mut recovery::RecoveryWriter,
) -> Result<Ending> {
    let mut looked_outside = Instant::now();
    // Drawn only after an event or a change of state: an idle wizard uses
    // no CPU (it wakes every `OUTSIDE_CHECK` to look at the file, no more).
    let mut redraw = true;
    loop {
        if let Some(signal) = signals::pending() {
            return Ok(interrupted(app, signal));
        }
        if redraw {
            draw_frame(screen, app)?;
            redraw = false;
        }
        // Sleep until input, a signal, or the next pending piece of work.
        let now = Instant::now();
        let outside = (looked_outside + OUTSIDE_CHECK).saturating_duration_since(now);
        let wait = [app.save.wait(now), recovery.wait(now), Some(outside)]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(OUTSIDE_CHECK);
        // Wait on the terminal here: crossterm's own wait spins for ever on
        // a terminal that hung up, so it is only asked once input is there.
        let input = signals::wait_for_input(wait);
        if let Some(signal) = signals::pending() {
            return Ok(interrupted(app, signal));
        }
        if input == signals::Input::Gone {
            return Ok(interrupted(app, signals::HANGUP));
        }
        while event::poll(Duration::ZERO)? {
            redraw = true;
            let effect = next_effect(screen, app)?;
            if let Some(ending) = carry_out(screen, app, effect)? {
                return Ok(ending);
            }
        }
        // The frame the keys asked for comes before any write to disk: an
        // autosave or the recovery file waits on `fsync` for milliseconds
        // (8 ms at the median on the development machine), and the recovery
        // file is written every half second while one types.
        if redraw && signals::pending().is_none() {
            draw_frame(screen, app)?;
            redraw = false;
        }
        if app.save.due(Instant::now()) {
            save(app);
            redraw = true;
        }
        recovery.tick(app, Instant::now());
        if looked_outside.elapsed() >= OUTSIDE_CHECK {
            looked_outside = Instant::now();
            redraw |= show_outside_changes(app);
        }
    }
}

/// Draws the whole screen (ratatui sends only the cells that changed).
fn draw_frame(screen: &mut Screen, app: &mut App) -> Result<()> {
    let terminal = screen.terminal();
    app.size = terminal.size()?;
    terminal.draw(|f| screens::draw(app, f))?;
    Ok(())
}

/// How often the wizard looks whether the file changed outside.
const OUTSIDE_CHECK: Duration = Duration::from_secs(2);

/// Shows at once what was changed in the file outside (a colleague, `fiche
/// set`), when nothing here waits to be saved; otherwise the next save
/// merges it. Says whether anything changed (the screen must be redrawn).
fn show_outside_changes(app: &mut App) -> bool {
    if app.save.dirty || app.is_typing() || app.modal.is_some() {
        return false;
    }
    let Ok(ids) = app.answers.reload_outside_changes(&app.path) else {
        return false;
    };
    let shown: Vec<&str> = ids
        .iter()
        .map(String::as_str)
        .filter(|id| !id.starts_with("meta."))
        .collect();
    if ids.is_empty() {
        return false;
    }
    // Not typing (checked above): the question is reopened with the news.
    app.answers_changed();
    if !shown.is_empty() {
        app.notice = Some(format!(
            "Fichier modifié ailleurs : réponses mises à jour ({}).",
            shown.join(", ")
        ));
    }
    true
}

/// The next terminal event as work for the loop (keys go through the app).
fn next_effect(screen: &mut Screen, app: &mut App) -> Result<Effect> {
    let terminal = screen.terminal();
    Ok(match event::read()? {
        Event::Key(k) if k.kind == KeyEventKind::Press => app.handle_key(k),
        Event::Mouse(m) => {
            let size = terminal.size()?;
            mouse::handle(
                app,
                m,
                ratatui::layout::Rect::new(0, 0, size.width, size.height),
            );
            Effect::None
        }
        Event::Paste(text) => {
            app.paste(&text);
            Effect::None
        }
        // Keys read in the same batch see the new size (too small or not).
        Event::Resize(width, height) => {
            app.size = ratatui::layout::Size::new(width, height);
            Effect::None
        }
        _ => Effect::None,
    })
}

/// Does the work a key asked for; `Some` when the wizard ends.
fn carry_out(screen: &mut Screen, app: &mut App, effect: Effect) -> Result<Option<Ending>> {
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
            Err(e @ fiche::AnswersError::Exists { .. }) => {
                let line = editors::LineEditor::new(&path.display().to_string());
                app.modal = Some(Modal::SaveAs(line, Some(e.to_string())));
            }
            Err(e) => {
                app.save.failed(e.to_string(), Instant::now());
                app.modal = Some(Modal::QuitUnsaved(e.to_string()));
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
fn save(app: &mut App) {
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
    app.notice = Some(match result {
        Ok(done) => {
            let draft = if done.draft {
                " (marqué BROUILLON : candidature incomplète)"
            } else {
                ""
            };
            let path = absolute(&done.path);
            match target {
                Target::Email => format!(
                    "Courriel prêt : {}{draft} ; ouvrez-le dans votre messagerie pour l'envoyer",
                    path.display()
                ),
                Target::Document(_) => format!("Exporté : {}{draft}", path.display()),
            }
        }
        Err(e) => format!("Export impossible : {e}"),
    });
    Ok(())
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
        .context("création du fichier temporaire pour l'éditeur")?;
    std::fs::write(tmp.path(), &text).context("écriture du fichier temporaire")?;
    screen.suspend();
    let status = crate::external_editor::run(&program, tmp.path());
    signals::forget_interrupt();
    screen.resume()?;
    match status {
        Ok(s) if s.success() => match fiche::fs_util::read_text_limited(
            tmp.path(),
            fiche::limits::MAX_ANSWERS_FILE_BYTES,
        ) {
            Ok(new) => {
                app.set_long_text(new.trim_end_matches('\n'));
                app.notice = Some("Texte repris depuis l'éditeur".into());
            }
            Err(e) => {
                app.notice = Some(format!(
                    "Lecture du texte impossible : {}",
                    fiche::fs_util::io_error_fr(&e)
                ))
            }
        },
        Ok(_) => {
            app.notice = Some(format!(
                "L'éditeur « {program} » s'est arrêté sur une erreur : texte inchangé"
            ))
        }
        Err(e) => {
            app.notice = Some(format!(
                "Impossible de lancer l'éditeur « {program} » ({}) : réglez la variable EDITOR",
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
