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
mod screens;
mod theme;
mod update;

#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use fiche::render::{Format, Renderer};
use fiche::{Answers, Form};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEventKind,
};
use ratatui::crossterm::execute;

pub use app::App;
pub use app::Offer;
use app::{Effect, Modal};
pub use launcher::choose_file;

/// How the session ended, reported once the terminal is restored.
pub enum Ending {
    Saved(PathBuf),
    /// The user chose to quit although the last changes could not be saved.
    Unsaved(PathBuf, String),
}

/// Runs the wizard on `path` (already opened as `answers`).
/// Runs the wizard; `offer` is asked first (profile pre-fill on a new draft,
/// walking only changed questions after a migration).
pub fn run(form: Form, answers: Answers, path: PathBuf, offer: Option<Offer>) -> Result<Ending> {
    let mut terminal = start_terminal()?;
    // On a panic, give the mouse back too (ratatui's hook restores the rest).
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(
            std::io::stdout(),
            DisableMouseCapture,
            DisableBracketedPaste
        );
        hook(info);
    }));
    let mut app = App::new(form, answers, path);
    app.modal = offer.map(Modal::Offer);
    // Tall terminals have room for the advice: show it from the start.
    app.guidance = terminal.size().is_ok_and(|s| s.height >= 36);
    let result = event_loop(&mut terminal, &mut app);
    stop_terminal();
    result
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App) -> Result<Ending> {
    loop {
        app.size = terminal.size()?;
        terminal.draw(|f| screens::draw(app, f))?;
        if event::poll(Duration::from_millis(200))? {
            let effect = match event::read()? {
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
                Event::Paste(text) if !app.too_small() => {
                    app.paste(&text);
                    Effect::None
                }
                _ => Effect::None,
            };
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
                        return Ok(Ending::Saved(app.path.clone()));
                    }
                }
                Effect::QuitUnsaved => {
                    let message = match &app.save.status {
                        autosave::SaveStatus::Failed(m) => m.clone(),
                        _ => String::new(),
                    };
                    return Ok(Ending::Unsaved(app.path.clone(), message));
                }
                Effect::SaveAs(path) if path.exists() => {
                    let why = format!(
                        "{} existe déjà et ne sera pas écrasé : choisissez un autre nom",
                        path.display()
                    );
                    let line = editors::LineEditor::new(&path.display().to_string());
                    app.modal = Some(Modal::SaveAs(line, Some(why)));
                }
                Effect::SaveAs(path) => {
                    let old = std::mem::replace(&mut app.path, path);
                    save(app);
                    if app.save.dirty {
                        app.path = old;
                        if let autosave::SaveStatus::Failed(m) = &app.save.status {
                            app.modal = Some(Modal::QuitUnsaved(m.clone()));
                        }
                    } else {
                        return Ok(Ending::Saved(app.path.clone()));
                    }
                }
                Effect::ExternalEditor => {
                    if app.save.dirty {
                        save(app);
                    }
                    external_editor(terminal, app)?;
                }
                Effect::Export(format) => export(terminal, app, format)?,
            }
        }
        if app.save.due(Instant::now()) {
            save(app);
        }
    }
}

/// Raw mode, alternate screen, mouse and bracketed paste (a pasted text
/// arrives whole, so its newlines never validate a one-line answer).
pub(crate) fn start_terminal() -> Result<DefaultTerminal> {
    let terminal = ratatui::try_init().map_err(|e| {
        anyhow::anyhow!(
            "impossible de préparer le terminal ({e}) ; sans terminal, utilisez fiche check et fiche render"
        )
    })?;
    let _ = execute!(std::io::stdout(), EnableMouseCapture, EnableBracketedPaste);
    Ok(terminal)
}

pub(crate) fn stop_terminal() {
    let _ = execute!(
        std::io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste
    );
    ratatui::restore();
}

/// Writes the answers atomically; on failure keeps them in memory and says why.
fn save(app: &mut App) {
    match app.answers.save(&app.path) {
        Ok(()) => {
            let at = jiff::ZonedDateTime::now().strftime("%H:%M").to_string();
            app.save.saved(at);
        }
        Err(e) => app.save.failed(e.to_string(), Instant::now()),
    }
}

/// Writes one document next to the answers file. A PDF takes a moment, so
/// the screen says so before the work starts.
fn export(terminal: &mut DefaultTerminal, app: &mut App, format: Format) -> Result<()> {
    let target = screens::review::export_path(&app.path, format);
    if format.is_binary() {
        app.notice = Some(format!(
            "Production du PDF en cours… ({})",
            target.display()
        ));
        terminal.draw(|frame| screens::draw(app, frame))?;
    }
    let result = Renderer::new(None)
        .export(&app.form, &app.answers, format, false)
        .map_err(|e| e.to_string())
        .and_then(|bytes| {
            fiche::fs_util::write_atomic(&target, &bytes)
                .map_err(|e| fiche::fs_util::io_error_fr(&e))
        });
    let draft = if app.report.is_complete() {
        ""
    } else {
        " (marquée BROUILLON : candidature incomplète)"
    };
    app.notice = Some(match result {
        Ok(()) => format!("Fiche exportée : {}{draft}", absolute(&target).display()),
        Err(e) => format!("Export impossible vers {} : {e}", target.display()),
    });
    Ok(())
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// Suspends the screen, edits the current long answer in `$VISUAL` or
/// `$EDITOR` on a temporary file, and reads it back.
fn external_editor(terminal: &mut DefaultTerminal, app: &mut App) -> Result<()> {
    let Some(text) = app.long_text() else {
        return Ok(());
    };
    let program = crate::external_editor::program();
    let tmp = tempfile::Builder::new()
        .prefix("fiche-")
        .suffix(".txt")
        .tempfile()
        .context("création du fichier temporaire pour l'éditeur")?;
    std::fs::write(tmp.path(), &text).context("écriture du fichier temporaire")?;
    stop_terminal();
    let status = crate::external_editor::run(&program, tmp.path());
    *terminal = start_terminal()?;
    // Wipe what the editor left; `Terminal::clear` would query the cursor
    // position, which some terminals never answer.
    let _ = execute!(
        std::io::stdout(),
        ratatui::crossterm::terminal::Clear(ratatui::crossterm::terminal::ClearType::All)
    );
    match status {
        Ok(s) if s.success() => match std::fs::read_to_string(tmp.path()) {
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
