//! The accessible front end (`--accessible`): the questionnaire asked line
//! by line on standard input and output, with no full-screen display, for
//! screen readers (NVDA, Orca, VoiceOver) and for scripts.
//!
//! Every accepted answer is checked by the library and saved at once.

mod ask;
mod line_editor;
mod list;
mod nav;
mod open;
mod prompt;
mod report;
mod save;
mod signals;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_library;

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use anyhow::Result;

use fiche::Answers;
use fiche::answers::is_answered;
use fiche::form::{Form, Kind, Question};
use fiche::invocation::Invocation;
use fiche::validate;
use fiche::walk::{At, Only, Walk};
use prompt::{Command, Line, Prompt};

/// Whether the accessible mode is asked for: the flag, or `FICHE_ACCESSIBLE`
/// or `ACCESSIBLE` set to something else than 0, false, non or empty.
pub fn requested(flag: bool) -> bool {
    flag || ["FICHE_ACCESSIBLE", "ACCESSIBLE"]
        .iter()
        .any(|name| std::env::var(name).is_ok_and(|v| is_on(&v)))
}

fn is_on(value: &str) -> bool {
    !matches!(
        value.trim().to_lowercase().as_str(),
        "" | "0" | "false" | "non" | "no"
    )
}

/// Runs the accessible questionnaire on `file` (created if missing) over the
/// process's standard input and output.
/// File name of a new application when none is given.
const DEFAULT_NAME: &str = "candidature.toml";

/// How the session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Every answer is on disk.
    Saved,
    /// Answers typed in this session could not be written anywhere.
    Unsaved,
    /// Ctrl+C at the line editor: everything is on disk, and the program
    /// exits as interrupted (130), as Ctrl+C does in any terminal program.
    Interrupted,
}

pub fn run(form: &Form, file: Option<&Path>, invocation: &Invocation) -> Result<Ending> {
    // Like the wizard: without a file, resume the latest draft of this
    // folder, or start `candidature.toml`.
    let chosen;
    let path = match file {
        Some(p) => p,
        None => {
            for (_, error) in fiche::application::unreadable_drafts(Path::new(".")) {
                say!(
                    "illisible : {}",
                    fiche::application::unreadable_note(&error)
                );
            }
            chosen = fiche::application::most_recent_draft(form, Path::new("."))
                .unwrap_or_else(|| Path::new(DEFAULT_NAME).to_path_buf());
            let what = if chosen.exists() {
                "Reprise du brouillon le plus récent du dossier"
            } else {
                "Nouvelle candidature"
            };
            say!(
                "{what} : {} (pour un autre fichier : {})",
                chosen.display(),
                invocation.edit_accessible(Path::new("FICHIER"))
            );
            &chosen
        }
    };
    let stdin = std::io::stdin();
    let prompt = Prompt::new(stdin.lock(), std::io::stdout().lock())
        .with_line_editor(line_editor::LineReader::on_terminal());
    let mut session = open::open(form, path, prompt, fiche::profile::load)?;
    session.invocation = invocation.clone();
    signals::install(
        &session.path,
        invocation,
        session._lock.take(),
        session.read_only.is_some(),
    );
    let ending = session.run();
    signals::release();
    Ok(match ending {
        Ending::Saved if session.prompt.interrupted() => Ending::Interrupted,
        ending => ending,
    })
}

/// Where the walk goes after a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Next,
    Back,
    /// A question; `None`: the end of the questionnaire.
    Goto(Option<At>),
    Quit,
}

/// One application being filled in.
struct Session<'f, R, W> {
    form: &'f Form,
    path: PathBuf,
    answers: Answers,
    prompt: Prompt<R, W>,
    /// Answers changed in memory that are not on disk yet (the last save failed).
    unsaved: bool,
    /// After a migration, only these ids are walked (until a jump elsewhere).
    only: Option<Only>,
    /// Where the walk starts.
    start: At,
    /// The global options the session was started with: the user's
    /// template folder for exports (`--templates`), and the options the
    /// command suggested to resume gives again.
    invocation: Invocation,
    /// Why `path` must not be written (open in another fiche, read-only
    /// file): answers stay in memory until saved elsewhere.
    read_only: Option<String>,
    /// Held while the session runs, so a second fiche knows.
    _lock: Option<fiche::answers::lock::Lock>,
}

impl<'f, R: BufRead, W: Write> Session<'f, R, W> {
    fn new(form: &'f Form, path: &Path, answers: Answers, prompt: Prompt<R, W>) -> Self {
        Session {
            form,
            path: path.to_path_buf(),
            answers,
            prompt,
            unsaved: false,
            only: None,
            start: At {
                section: 0,
                question: 0,
            },
            invocation: Invocation::default(),
            read_only: None,
            _lock: None,
        }
    }

    fn say(&mut self, text: &str) {
        self.prompt.say(text);
    }

    /// The visible questions for the answers as they are now.
    fn walk(&self) -> Walk {
        Walk::new(self.form, &self.answers)
    }

    /// Walks the questions from `start` to the end (or a quit), then quits.
    fn run(&mut self) -> Ending {
        let mut pos = self.walk().at_or_after(self.start, self.only.as_ref());
        let mut announced = None;
        loop {
            let Some(at) = pos else {
                announced = None;
                pos = match self.finish() {
                    Step::Back => match self.walk().before(None, self.only.as_ref()) {
                        Some(p) => Some(p),
                        None => break,
                    },
                    Step::Goto(p) => p,
                    Step::Next | Step::Quit => break,
                };
                continue;
            };
            if announced != Some(at.section) {
                self.announce_section(at.section);
                announced = Some(at.section);
            }
            let (si, qi) = (at.section, at.question);
            let step = if self.form.sections[si].questions[qi].kind == Kind::List {
                self.edit_list(si, qi)
            } else {
                self.ask_question(si, qi)
            };
            pos = match step {
                Step::Next => self.walk().after(at, self.only.as_ref()),
                Step::Back => Some(
                    self.walk()
                        .before(Some(at), self.only.as_ref())
                        .unwrap_or_else(|| {
                            self.prompt.say("C’est la première question.");
                            at
                        }),
                ),
                Step::Goto(p) => p,
                Step::Quit => break,
            };
        }
        self.quit()
    }

    fn full_id(&self, si: usize, qi: usize) -> String {
        let at = At {
            section: si,
            question: qi,
        };
        at.full_id(self.form).unwrap_or_default()
    }

    fn announce_section(&mut self, si: usize) {
        let form = self.form;
        let section = &form.sections[si];
        let report = validate::check(form, &self.answers);
        let status = &report.sections[si];
        let progress = match (status.answered, status.required) {
            (_, 0) => "aucune question obligatoire".to_string(),
            (a, r) => format!(
                "{} sur {r}",
                fiche::format::count(a, "réponse obligatoire", "réponses obligatoires")
            ),
        };
        self.say("");
        self.say(&format!(
            "Section {} sur {} : {} — {progress}",
            si + 1,
            form.sections.len(),
            section.title
        ));
        if let Some(intro) = &section.intro {
            self.say(intro.trim());
        }
    }

    /// « Question 2 sur 8 » among the visible questions of the section.
    fn rank(&self, si: usize, qi: usize) -> String {
        let at = At {
            section: si,
            question: qi,
        };
        self.walk().rank(at).to_string()
    }

    /// Asks one question until it gets a valid answer, Entrée or a command.
    fn ask_question(&mut self, si: usize, qi: usize) -> Step {
        let form = self.form;
        let q = &form.sections[si].questions[qi];
        let id = self.full_id(si, qi);
        self.follow_outside_changes();
        let current = self.answers.get(&id);
        self.say("");
        let origin = self.answers.origin(&id);
        for line in ask::header(&self.rank(si, qi), q, current.as_ref(), origin.as_ref()) {
            self.say(&line);
        }
        loop {
            let line = if q.kind == Kind::Long {
                // Each line typed goes to the recovery file at once.
                let (path, qid) = (self.path.clone(), id.clone());
                let keep = self.read_only.is_none();
                self.prompt.ask_long_noting("Réponse :\n", |so_far| {
                    if keep {
                        signals::note(&path, &qid, so_far.into());
                    }
                })
            } else {
                self.prompt.ask("Réponse : ")
            };
            let text = match line {
                Line::Eof => return Step::Quit,
                Line::Command(Command::Clear) => {
                    self.store(&id, None);
                    self.say("Réponse effacée.");
                    return Step::Next;
                }
                Line::Command(c) => match self.command(c, Some(si), Some(q)) {
                    Some(step) => return step,
                    None => {
                        self.say(&format!("Retour à la question : {}.", q.label));
                        continue;
                    }
                },
                Line::Text(text) => text,
            };
            if text.trim().is_empty() {
                if is_answered(current.as_ref()) {
                    self.say("Réponse gardée.");
                } else if q.required {
                    self.say(
                        "Sans réponse pour l’instant : cette question obligatoire reste à remplir.",
                    );
                }
                return Step::Next;
            }
            match ask::interpret(q, &text) {
                Ok(value) => {
                    self.store(&id, value);
                    return Step::Next;
                }
                Err(message) => {
                    self.say(&message);
                    if self.prompt.at_eof() {
                        return Step::Quit;
                    }
                    self.say("Tapez une autre réponse, ou « ? » pour l’aide.");
                }
            }
        }
    }

    /// Runs a command typed at a prompt in section `si` about `q`; `Some`
    /// when it moves the walk, `None` when the same prompt comes back.
    fn command(&mut self, c: Command, si: Option<usize>, q: Option<&Question>) -> Option<Step> {
        match c {
            Command::Back => Some(Step::Back),
            Command::Skip => Some(Step::Next),
            Command::Quit => Some(Step::Quit),
            Command::Goto(target) => self.goto(&target),
            Command::Section(n) => self.goto_section(&n),
            Command::Help => {
                self.say("Commandes, à taper à la place d’une réponse :");
                for line in prompt::commands_help() {
                    self.say(&line);
                }
                if q.is_some_and(|q| q.kind == Kind::List) {
                    self.say("  Dans une liste : a pour ajouter un élément, v et un numéro pour le lire, s et un numéro pour le supprimer ; pendant un ajout, < abandonne l’élément.");
                }
                if let Some(guidance) = q.and_then(|q| q.guidance.as_deref()) {
                    self.say("Conseils pour cette question :");
                    for line in guidance.trim().lines() {
                        self.say(&format!("  {line}"));
                    }
                }
                None
            }
            Command::Review => {
                self.review(si);
                None
            }
            Command::Check => {
                self.check_all();
                None
            }
            Command::Clear => {
                self.say("Rien à effacer ici.");
                None
            }
        }
    }
}
