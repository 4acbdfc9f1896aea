//! `fiche completions SHELL`: the shell's completion script, generated from
//! the command-line definition, on standard output.

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;
use clap_complete::Shell;

use super::Outcome;
use crate::cli::Cli;

pub fn run(shell: Shell) -> Result<Outcome> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(&script(shell))?;
    stdout.flush()?;
    Ok(Outcome::Ok)
}

/// The completion script of `shell` (generated in memory: clap_complete
/// panics on a write error, a closed pipe must not).
pub fn script(shell: Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "fiche", &mut out);
    out
}
