//! The terminal, started once per run of the program (launcher and wizard
//! share it): raw mode, alternate screen, mouse and bracketed paste (a
//! pasted text arrives whole, so its newlines never validate a one-line
//! answer). Suspended around the external editor, restored when dropped
//! and on a panic; the panic hook is installed once, never stacked.
//!
//! The panic hook is ours, not ratatui's: ratatui's prints with `eprintln!`
//! when it cannot restore the terminal, and on a terminal that hung up that
//! print panics inside the panic, which aborts (no unwinding: the lock is
//! not released, the exit code is SIGABRT's). Ours writes nothing that can
//! fail, so the panic unwinds and fiche exits with 101, the recovery file
//! of the answer being typed left for the next start.

use std::io::Write;
use std::mem::ManuallyDrop;
use std::sync::Once;

use anyhow::Result;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    self, Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen,
};
use ratatui::{DefaultTerminal, Terminal};

/// The started terminal; dropping it gives the terminal back.
pub struct Screen {
    /// Never dropped: ratatui's `Drop` shows the cursor (done in ours) and
    /// prints when it cannot, and printing on a terminal that is gone
    /// (SIGHUP) panics, then aborts: no lock released, no exit code 128 + n.
    terminal: ManuallyDrop<DefaultTerminal>,
}

static PANIC_HOOK: Once = Once::new();

impl Screen {
    pub fn start() -> Result<Screen> {
        // Before the terminal changes: from then on a panic gives it back.
        PANIC_HOOK.call_once(|| {
            let hook = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                give_back();
                // Rust's own hook (the message, in English) ignores write
                // errors; so does the French note after it.
                hook(info);
                let _ = writeln!(std::io::stderr(), "{PANIC_NOTE}");
            }));
        });
        let terminal = init().map_err(|e| {
            give_back();
            anyhow::anyhow!(
                "impossible de préparer le terminal ({e}) ; sans terminal, utilisez fiche check et fiche render"
            )
        })?;
        capture_mouse();
        Ok(Screen {
            terminal: ManuallyDrop::new(terminal),
        })
    }

    pub fn terminal(&mut self) -> &mut DefaultTerminal {
        &mut self.terminal
    }

    /// Gives the terminal to another program (the user's editor).
    pub fn suspend(&mut self) {
        release_mouse();
        let _ = execute!(std::io::stdout(), LeaveAlternateScreen);
        let _ = terminal::disable_raw_mode();
    }

    /// Takes the terminal back after [`Screen::suspend`].
    pub fn resume(&mut self) -> Result<()> {
        terminal::enable_raw_mode()?;
        execute!(std::io::stdout(), EnterAlternateScreen)?;
        capture_mouse();
        // Wipe what the other program left, and start from fresh buffers so
        // the next frame is drawn whole; `Terminal::clear` would query the
        // cursor position, which some terminals never answer.
        let _ = execute!(std::io::stdout(), Clear(ClearType::All));
        *self.terminal = Terminal::new(CrosstermBackend::new(std::io::stdout()))?;
        Ok(())
    }
}

/// Said after a panic's message; the exit code is then Rust's, 101.
const PANIC_NOTE: &str = "erreur interne de fiche (un bogue, décrit ci-dessus : merci de le signaler). Les réponses déjà enregistrées le restent ; relancez fiche sur le même fichier : la réponse que vous tapiez vous sera proposée si elle a pu être gardée.";

/// `ratatui::try_init` without its panic hook (see the module's comment).
fn init() -> std::io::Result<DefaultTerminal> {
    terminal::enable_raw_mode()?;
    execute!(std::io::stdout(), EnterAlternateScreen)?;
    Terminal::new(CrosstermBackend::new(std::io::stdout()))
}

/// Gives the terminal back, on a panic or a failed start: nothing here can
/// fail on a terminal that is gone (errors are dropped, nothing printed).
fn give_back() {
    release_mouse();
    let _ = ratatui::try_restore();
    let _ = execute!(std::io::stdout(), Show);
}

impl Drop for Screen {
    fn drop(&mut self) {
        // Unwinding from a panic: the hook gave the terminal back before the
        // message. Leaving the alternate screen twice would move the cursor
        // back over that message (xterm restores the cursor saved on entry).
        if std::thread::panicking() {
            return;
        }
        release_mouse();
        // Not `ratatui::restore`, which prints its error: on a terminal that
        // is gone (SIGHUP), that print would itself fail and panic.
        let _ = ratatui::try_restore();
        let _ = self.terminal.show_cursor();
    }
}

fn capture_mouse() {
    let _ = execute!(std::io::stdout(), EnableMouseCapture, EnableBracketedPaste);
}

fn release_mouse() {
    let _ = execute!(
        std::io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste
    );
}
