//! Reading lines and commands, writing plain text: the only place the
//! accessible mode touches its input and output, generic over `BufRead` and
//! `Write` so tests drive it with in-memory buffers.

use std::io::{BufRead, Write};

use super::line_editor::{LineReader, Read};

/// The commands understood at any prompt, announced at the start and by « ? ».
pub const COMMANDS_FR: &[(&str, &str)] = &[
    (
        "?",
        "aide : les commandes et les conseils détaillés de la question",
    ),
    ("<", "revenir à la question précédente"),
    (">", "passer la question sans changer la réponse"),
    (
        ":aller ID",
        "aller à une question, par exemple :aller volume.nb_agents",
    ),
    (
        ":section N",
        "aller au début de la section N, par exemple :section 3",
    ),
    (
        ":bilan",
        "bilan économique et remarques du coach pour cette section",
    ),
    (
        ":verifier",
        "réponses manquantes, erreurs et remarques du coach, avec leur identifiant",
    ),
    (":effacer", "effacer la réponse à cette question"),
    (":quitter", "enregistrer et quitter"),
];

/// A command typed instead of an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Help,
    Back,
    Skip,
    Goto(String),
    Section(String),
    Review,
    Check,
    Clear,
    Quit,
}

/// One thing the user typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// An answer (possibly empty: Entrée).
    Text(String),
    Command(Command),
    /// End of input (Ctrl+D, or the end of a piped file).
    Eof,
}

/// The input and output of a session.
pub struct Prompt<R, W> {
    input: R,
    out: W,
    eof: bool,
    /// Ctrl+C at the line editor: the session ends as on the end of input,
    /// then the program exits as interrupted.
    interrupted: bool,
    /// At a terminal: lines read with editing and history instead of `input`.
    editor: Option<LineReader>,
    /// The last line of the question, drawn by the line editor itself.
    pending: String,
}

impl<R: BufRead, W: Write> Prompt<R, W> {
    pub fn new(input: R, out: W) -> Prompt<R, W> {
        Prompt {
            input,
            out,
            eof: false,
            interrupted: false,
            editor: None,
            pending: String::new(),
        }
    }

    /// Reads lines with `editor` (arrows, history) when there is one.
    pub fn with_line_editor(mut self, editor: Option<LineReader>) -> Self {
        self.editor = editor;
        self
    }

    /// Whether the session was ended by Ctrl+C.
    pub fn interrupted(&self) -> bool {
        self.interrupted
    }

    /// Whether the input has ended: nothing more can be asked.
    pub fn at_eof(&self) -> bool {
        self.eof
    }

    /// Writes one line. A closed output cannot be reported anywhere; the
    /// answers are saved regardless. Text from the file (answers, ids) may
    /// hold terminal escapes: they are shown, never interpreted.
    pub fn say(&mut self, text: &str) {
        let _ = writeln!(self.out, "{}", fiche::sanitize::terminal(text));
        let _ = self.out.flush();
    }

    /// Writes `question`, reads one line and tells a command from an answer.
    pub fn ask(&mut self, question: &str) -> Line {
        loop {
            self.write_prompt(question);
            let Some(text) = self.read_raw() else {
                return Line::Eof;
            };
            match parse_command(&text) {
                Some(Ok(c)) => return Line::Command(c),
                Some(Err(message)) => self.say(&message),
                None => {
                    self.remember(&text);
                    return Line::Text(text);
                }
            }
        }
    }

    /// A multi-line answer: lines until one holding only « . » (or the end of
    /// input, which keeps what was typed). A command is recognised on the
    /// first line only; an empty first line means « keep the answer ».
    pub fn ask_long(&mut self, question: &str) -> Line {
        self.ask_long_noting(question, |_| {})
    }

    /// Like [`Prompt::ask_long`], handing `note` the text typed so far after
    /// each line (kept in a recovery file, so a killed session loses at most
    /// the line being typed).
    pub fn ask_long_noting(&mut self, question: &str, mut note: impl FnMut(&str)) -> Line {
        let first = match self.ask(question) {
            Line::Text(t) if t.trim() == "." || t.trim().is_empty() => {
                return Line::Text(String::new());
            }
            Line::Text(t) => t,
            other => return other,
        };
        let mut lines = vec![first];
        note(&lines.join("\n"));
        while let Some(line) = self.read_raw() {
            if line.trim() == "." {
                break;
            }
            self.remember(&line);
            lines.push(line);
            note(&lines.join("\n"));
        }
        Line::Text(lines.join("\n"))
    }

    /// A yes/no question; `default` is the answer to Entrée (and to the end
    /// of input).
    pub fn confirm(&mut self, question: &str, default: bool) -> bool {
        let hint = if default { "[O/n]" } else { "[o/N]" };
        loop {
            self.write_prompt(&format!("{question} {hint} "));
            let Some(text) = self.read_raw() else {
                return default;
            };
            match text.trim().to_lowercase().as_str() {
                "" => return default,
                "o" | "oui" | "y" | "yes" => return true,
                "n" | "non" | "no" => return false,
                other => self.say(&format!("« {other} » : répondez o (oui) ou n (non).")),
            }
        }
    }

    /// One raw line without its line ending; `None` at the end of input. A
    /// line that is not UTF-8 (answers piped from a file saved in Windows-1252)
    /// is read as Windows-1252, and said so: refused, it could not be typed
    /// again on a pipe, and the next line went to its question.
    pub fn read_raw(&mut self) -> Option<String> {
        if self.eof {
            return None;
        }
        if let Some(editor) = &mut self.editor {
            let prompt = std::mem::take(&mut self.pending);
            let read = editor.read(&prompt);
            return match read {
                Read::Line(text) => Some(text),
                Read::Eof | Read::Interrupted => {
                    self.interrupted = read == Read::Interrupted;
                    self.eof = true;
                    let _ = writeln!(self.out);
                    None
                }
            };
        }
        let mut bytes = Vec::new();
        match self.input.read_until(b'\n', &mut bytes) {
            Ok(0) | Err(_) if bytes.is_empty() => {
                self.eof = true;
                let _ = writeln!(self.out);
                return None;
            }
            _ => {}
        }
        while matches!(bytes.last(), Some(b'\n' | b'\r')) {
            bytes.pop();
        }
        let (text, encoding) = fiche::decode::decode_any(&bytes);
        if encoding != encoding_rs::UTF_8 {
            self.say(&format!(
                "note : cette ligne n’est pas de l’UTF-8 ; lue comme du {} : « {} » (vérifiez les accents).",
                fiche::decode::name(encoding),
                fiche::sanitize::terminal(&text)
            ));
        }
        Some(text.into_owned())
    }

    /// Writes `question` and reads one raw line (no commands).
    pub fn read_line_after(&mut self, question: &str) -> Option<String> {
        self.write_prompt(question);
        self.read_raw()
    }

    fn write_prompt(&mut self, question: &str) {
        let question = fiche::sanitize::terminal(question);
        // The line editor draws the last line of the question itself, so
        // that it stays in place while the line is edited.
        let shown = match (&self.editor, question.rsplit_once('\n')) {
            (None, _) => question.as_ref(),
            (Some(_), Some((head, last))) => {
                self.pending = last.to_string();
                &question[..head.len() + 1]
            }
            (Some(_), None) => {
                self.pending = question.to_string();
                ""
            }
        };
        let _ = write!(self.out, "{shown}");
        let _ = self.out.flush();
    }

    fn remember(&mut self, line: &str) {
        if let Some(editor) = &mut self.editor {
            editor.remember(line);
        }
    }

    #[cfg(test)]
    pub fn into_output(self) -> W {
        self.out
    }
}

/// `Some` when `text` is a command (or a mistyped one, with the French
/// error); `None` for an answer.
pub fn parse_command(text: &str) -> Option<Result<Command, String>> {
    let t = text.trim();
    let simple = match t {
        "?" => Some(Command::Help),
        "<" => Some(Command::Back),
        ">" => Some(Command::Skip),
        _ => None,
    };
    if simple.is_some() {
        return simple.map(Ok);
    }
    let rest = t.strip_prefix(':')?;
    let (name, arg) = match rest.split_once(char::is_whitespace) {
        Some((n, a)) => (n, a.trim()),
        None => (rest, ""),
    };
    // A text that merely starts with « : » followed by something else than a
    // word (« :-) ») stays an answer.
    if name.is_empty() || !name.chars().all(char::is_alphabetic) {
        return None;
    }
    let command = match (name.to_lowercase().as_str(), arg.is_empty()) {
        ("aide", true) => Command::Help,
        ("aller", false) => Command::Goto(arg.to_string()),
        ("section", false) => Command::Section(arg.to_string()),
        ("bilan", true) => Command::Review,
        ("verifier" | "vérifier", true) => Command::Check,
        ("effacer", true) => Command::Clear,
        ("quitter" | "q", true) => Command::Quit,
        ("aller" | "section", true) => {
            return Some(Err(format!(
                "erreur : « {t} » : il manque la destination, par exemple « :aller volume.nb_agents » ou « :section 3 »."
            )));
        }
        _ => {
            return Some(Err(format!(
                "erreur : « {t} » n’est pas une commande connue. Tapez « ? » pour la liste des commandes."
            )));
        }
    };
    Some(Ok(command))
}

/// The command list, one per line.
pub fn commands_help() -> Vec<String> {
    COMMANDS_FR
        .iter()
        .map(|(key, what)| format!("  {key} : {what}"))
        .collect()
}
