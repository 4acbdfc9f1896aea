//! Termination signals in the accessible mode: SIGTERM, SIGHUP (the
//! terminal closed) and SIGINT (Ctrl+C at a plain prompt, or `kill -INT`).
//! Lines are read by blocking calls that a signal does not end, so a watcher
//! thread does the work: it puts the terminal back as it was (the line
//! editor may have it in raw mode), saves into the answers file what was
//! typed but not yet saved (the answer the session keeps in its recovery
//! file: the lines of a long answer, the fields of a list item being added),
//! says so, releases the file's lock and exits with 128 + the signal, as
//! shells expect.
//!
//! The session holds [`hold`] while it writes the answers or the recovery
//! file, so the watcher never reads one half written.

use std::io::Write;
use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use fiche::Answers;
use fiche::answers::lock::Lock;
use fiche::invocation::Invocation;
use fiche::recovery::Recovery;

/// Taken while writing; the watcher takes it and keeps it until the exit.
static WRITING: Mutex<()> = Mutex::new(());

/// The file's lock, released by the watcher before it exits (the session
/// ends normally through [`release`]).
static LOCK: Mutex<Option<Lock>> = Mutex::new(None);

/// Held while the session writes the answers file or its recovery file.
pub fn hold() -> MutexGuard<'static, ()> {
    WRITING.lock().unwrap_or_else(|e| e.into_inner())
}

/// Starts the watcher for the session on `path`; `read_only` sessions only
/// restore the terminal and exit (they may not write the file).
#[cfg(unix)]
pub fn install(path: &Path, invocation: &Invocation, lock: Option<Lock>, read_only: bool) {
    *LOCK.lock().unwrap_or_else(|e| e.into_inner()) = lock;
    let terminal = Terminal::save();
    let Ok(mut signals) =
        signal_hook::iterator::Signals::new([libc::SIGTERM, libc::SIGHUP, libc::SIGINT])
    else {
        return;
    };
    let path = path.to_path_buf();
    let resume = invocation.edit_accessible(&path);
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let _writing = hold();
            terminal.restore();
            let said = if read_only { None } else { save_pending(&path) };
            say(&farewell(&path, &resume, said.as_deref(), read_only));
            drop(LOCK.lock().unwrap_or_else(|e| e.into_inner()).take());
            std::process::exit(128 + signal);
        }
    });
}

#[cfg(not(unix))]
pub fn install(_path: &Path, _invocation: &Invocation, lock: Option<Lock>, _read_only: bool) {
    *LOCK.lock().unwrap_or_else(|e| e.into_inner()) = lock;
}

/// The session ended normally: the lock goes.
pub fn release() {
    drop(LOCK.lock().unwrap_or_else(|e| e.into_inner()).take());
}

/// Puts the answer being typed (kept in the recovery file) into the answers
/// file; what to say about it, if there was one.
fn save_pending(path: &Path) -> Option<String> {
    let recovery = Recovery::read(path).ok()??;
    let mut answers = Answers::load(path).ok()?;
    if recovery.is_saved_in(&answers) {
        let _ = Recovery::remove(path);
        return None;
    }
    let saved = recovery
        .restore(&mut answers)
        .map_err(|e| e.to_string())
        .and_then(|()| answers.save(path).map_err(|e| e.to_string()));
    Some(match saved {
        Ok(_) => {
            let _ = Recovery::remove(path);
            format!(
                "La réponse en cours ({}) est enregistrée telle quelle.",
                recovery.question
            )
        }
        Err(e) => format!(
            "La réponse en cours ({}) n’a pas pu être enregistrée ({e}) ; fiche la proposera au prochain lancement.",
            recovery.question
        ),
    })
}

/// What is said on a signal; `resume` is the command that resumes.
fn farewell(path: &Path, resume: &str, pending: Option<&str>, read_only: bool) -> String {
    let file = path.display();
    let mut text = String::from("\nInterruption : ");
    if read_only {
        text.push_str("fichier ouvert en lecture seule, rien n’y est écrit.");
    } else {
        if let Some(p) = pending {
            text.push_str(p);
            text.push(' ');
        }
        text.push_str(&format!(
            "Vos réponses validées sont dans {file}. Pour reprendre : {resume}"
        ));
    }
    text.push('\n');
    fiche::sanitize::terminal(&text).into_owned()
}

/// Writes to standard output without its lock (the session holds it while
/// blocked reading a line).
fn say(text: &str) {
    #[cfg(unix)]
    {
        use std::os::fd::FromRawFd;
        // SAFETY: fd 1 stays open; ManuallyDrop never closes it.
        let mut out = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(1) });
        let _ = out.write_all(text.as_bytes());
    }
    #[cfg(not(unix))]
    let _ = std::io::stderr().write_all(text.as_bytes());
}

/// The terminal's settings before the line editor changed them.
#[cfg(unix)]
struct Terminal(Option<libc::termios>);

#[cfg(unix)]
impl Terminal {
    fn save() -> Terminal {
        // SAFETY: a zeroed termios is a valid out-parameter; fd 0 is ours.
        unsafe {
            let mut t: libc::termios = std::mem::zeroed();
            Terminal((libc::tcgetattr(libc::STDIN_FILENO, &mut t) == 0).then_some(t))
        }
    }

    fn restore(&self) {
        if let Some(t) = &self.0 {
            // SAFETY: settings read from the same descriptor.
            unsafe {
                libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, t);
            }
        }
    }
}

/// The recovery of `path` for `value` of `id`, written while holding
/// [`hold`].
pub fn note(path: &Path, id: &str, value: toml::Value) {
    let _writing = hold();
    let _ = Recovery::new(id, value).write(path);
}
