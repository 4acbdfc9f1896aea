//! The terminal wizard: starts on the answers file and runs the event loop
//! (keys, resizes, signals, the autosave clock, changes made to the file
//! outside). The I/O a key asks for is done in `effects`.

mod app;
mod autosave;
mod editors;
mod effects;
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

use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::Result;
use fiche::{Answers, Form};
use ratatui::crossterm::event::{self, Event, KeyEventKind};

pub use app::App;
pub use app::Offer;
use app::{Effect, Modal};
use effects::{carry_out, save};
pub use launcher::{Launched, choose_file};
/// Drawing one frame, for `benches/wizard.rs` (which includes this module).
#[allow(unused_imports)]
pub use screens::draw;
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
