//! Reading answers at a terminal with line editing: ← → Début Fin move in
//! the text, ↑ ↓ bring back the answers typed earlier in this session, as in
//! a shell. Pipes and files are read as plain lines (`prompt.rs`), so scripts
//! and tests see no difference.
//!
//! Lines typed ahead (typing fast, `tmux send-keys`, a paste of several
//! lines) answer the next questions in order, as from a pipe: rustyline's
//! `buffer-redux` feature keeps the keys read past an Entrée for the next
//! `readline` (without it they are dropped with the reader of each line),
//! and a paste is read as typed keys, each line ending with its Entrée.

use std::io::IsTerminal;

use rustyline::DefaultEditor;
use rustyline::error::ReadlineError;

/// What reading one line gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Read {
    Line(String),
    /// Ctrl+D on an empty line: the end of input.
    Eof,
    /// Ctrl+C: the interruption the user asked for.
    Interrupted,
}

pub struct LineReader {
    editor: DefaultEditor,
}

impl LineReader {
    /// A line editor when both standard input and output are a terminal;
    /// `None` otherwise (the caller reads plain lines).
    pub fn on_terminal() -> Option<LineReader> {
        if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
            return None;
        }
        // History holds what `remember` is given, not every line typed
        // (no « o » from a yes/no question). A bracketed paste would make
        // all the pasted lines one answer.
        let config = rustyline::Config::builder()
            .auto_add_history(false)
            .history_ignore_dups(true)
            .ok()?
            .bracketed_paste(false)
            .build();
        DefaultEditor::with_config(config)
            .ok()
            .map(|editor| LineReader { editor })
    }

    /// One line typed after `prompt`, the last line of the question (the
    /// editor draws it, to redraw it while the line is edited).
    pub fn read(&mut self, prompt: &str) -> Read {
        match self.editor.readline(prompt) {
            Ok(line) => Read::Line(line),
            Err(ReadlineError::Interrupted) => Read::Interrupted,
            // Ctrl+D, or a terminal that went away: nothing more can be read.
            Err(_) => Read::Eof,
        }
    }

    /// Adds `line` to the history that ↑ walks back through.
    pub fn remember(&mut self, line: &str) {
        if !line.trim().is_empty() {
            let _ = self.editor.add_history_entry(line);
        }
    }
}
