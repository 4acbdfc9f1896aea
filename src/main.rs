//! The `fiche` binary: parse the command line (`cli`, clap's own words put
//! in French by `clap_fr`), run one command (`commands`, which opens the
//! wizard `tui` or the accessible mode `plain`), map the outcome to an exit
//! code (0 ok, 1 the application has problems, 2 usage or I/O error,
//! 128 + the signal's number when a signal ended it after a last save).

/// `println!` for everything the commands print: text from files (answers,
/// keys, section names, paths) may hold terminal escapes, shown visibly
/// instead of being interpreted (`fiche::sanitize`).
macro_rules! say {
    () => {
        println!()
    };
    ($($arg:tt)*) => {
        println!("{}", fiche::sanitize::terminal(&format!($($arg)*)))
    };
}

/// `eprintln!` with the same protection as [`say!`].
macro_rules! say_err {
    () => {
        eprintln!()
    };
    ($($arg:tt)*) => {
        eprintln!("{}", fiche::sanitize::terminal(&format!($($arg)*)))
    };
}

mod clap_fr;
mod cli;
mod commands;
mod external_editor;
mod plain;
mod tui;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::Cli;
use crate::commands::Outcome;

fn main() -> ExitCode {
    restore_default_sigpipe();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_fr::report(e),
    };
    match commands::run(cli) {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Problems) => ExitCode::from(1),
        Ok(Outcome::Failed) => ExitCode::from(2),
        Ok(Outcome::Interrupted(signal)) => {
            ExitCode::from(u8::try_from(128 + signal).unwrap_or(255))
        }
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            say_err!("erreur : {}", fiche::fs_util::describe_chain(e.chain()));
            ExitCode::from(2)
        }
    }
}

/// `fiche diff a b | head` must end quietly like any Unix tool, not panic in
/// `println!`: Rust ignores SIGPIPE by default, so put the default back.
fn restore_default_sigpipe() {
    #[cfg(unix)]
    // SAFETY: called first thing in main, before any thread is started.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// `fiche render … | head` is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
