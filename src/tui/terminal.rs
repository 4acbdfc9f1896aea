//! The terminal, started once per run of the program (launcher and wizard
//! share it): raw mode, alternate screen, mouse and bracketed paste (a
//! pasted text arrives whole, so its newlines never validate a one-line
//! answer). Suspended around the external editor, restored when dropped
//! and on a panic; the panic hook is installed once, never stacked.

use std::mem::ManuallyDrop;
use std::sync::Once;

use anyhow::Result;
use ratatui::backend::CrosstermBackend;
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
        let terminal = ratatui::try_init().map_err(|e| {
            anyhow::anyhow!(
                "impossible de préparer le terminal ({e}) ; sans terminal, utilisez fiche check et fiche render"
            )
        })?;
        // ratatui's own hook restores raw mode and the screen; this one,
        // wrapped around it once, gives the mouse back too.
        PANIC_HOOK.call_once(|| {
            let hook = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                release_mouse();
                hook(info);
            }));
        });
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

impl Drop for Screen {
    fn drop(&mut self) {
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
