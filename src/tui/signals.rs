//! Termination signals while the wizard runs: SIGTERM, SIGHUP (the terminal
//! or its tmux session closed) and SIGINT sent by `kill` (in raw mode Ctrl+C
//! is a key, not a signal). The handler only notes the signal; the event
//! loop then commits the current edit, saves, restores the terminal and the
//! program exits with 128 + the signal number, as shells expect. The loop
//! waits for keys here too, so that a terminal that hung up is noticed.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

static PENDING: OnceLock<Arc<AtomicUsize>> = OnceLock::new();

#[cfg(unix)]
const HANDLED: [i32; 3] = [libc::SIGTERM, libc::SIGHUP, libc::SIGINT];

/// Starts noting the signals (once per process).
pub fn install() {
    PENDING.get_or_init(|| {
        let flag = Arc::new(AtomicUsize::new(0));
        #[cfg(unix)]
        for signal in HANDLED {
            // Registering can only fail for signals that cannot be caught.
            let _ = signal_hook::flag::register_usize(
                signal,
                Arc::clone(&flag),
                usize::try_from(signal).unwrap_or(0),
            );
        }
        flag
    });
}

/// The signal received, if any.
pub fn pending() -> Option<i32> {
    let n = PENDING.get()?.load(Ordering::SeqCst);
    (n != 0).then(|| i32::try_from(n).unwrap_or(0))
}

/// SIGHUP: what a lost terminal amounts to.
#[cfg(unix)]
pub const HANGUP: i32 = libc::SIGHUP;
#[cfg(not(unix))]
pub const HANGUP: i32 = 1;

/// Forgets a SIGINT that came while the user's editor ran in the foreground
/// (Ctrl+C there is meant for the editor, not for fiche).
pub fn forget_interrupt() {
    #[cfg(unix)]
    if let Some(flag) = PENDING.get() {
        let sigint = usize::try_from(libc::SIGINT).unwrap_or(0);
        let _ = flag.compare_exchange(sigint, 0, Ordering::SeqCst, Ordering::SeqCst);
    }
}

/// What waiting on the terminal gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// Bytes to read (or maybe: crossterm then says).
    Ready,
    /// Nothing within the time, or a signal came.
    Idle,
    /// The terminal hung up (window closed, tmux session killed).
    Gone,
}

/// Waits up to `timeout` for input on standard input (the terminal).
#[cfg(unix)]
pub fn wait_for_input(timeout: std::time::Duration) -> Input {
    let mut fd = libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: libc::POLLIN,
        revents: 0,
    };
    let millis = libc::c_int::try_from(timeout.as_millis()).unwrap_or(libc::c_int::MAX);
    // SAFETY: one valid pollfd, for the duration of the call.
    let ready = unsafe { libc::poll(&mut fd, 1, millis) };
    if ready < 0 {
        return Input::Idle;
    }
    if fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
        return Input::Gone;
    }
    if ready > 0 { Input::Ready } else { Input::Idle }
}

#[cfg(not(unix))]
pub fn wait_for_input(timeout: std::time::Duration) -> Input {
    match ratatui::crossterm::event::poll(timeout) {
        Ok(true) => Input::Ready,
        Ok(false) => Input::Idle,
        Err(_) => Input::Gone,
    }
}
