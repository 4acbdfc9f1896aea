//! Saving: every accepted answer goes to disk at once; a failed save keeps
//! the answers in memory, is retried, and at the end offers another file.

use std::io::{BufRead, Write};
use std::path::PathBuf;

use super::{Ending, Session};

impl<R: BufRead, W: Write> Session<'_, R, W> {
    /// Sets one answer and saves the file at once.
    pub(super) fn store(&mut self, id: &str, value: Option<toml::Value>) {
        self.answers.set(id, value);
        if self.save() {
            self.say("Enregistré.");
        }
    }

    /// Saves; on failure says so and keeps the answers in memory for the
    /// next try.
    pub(super) fn save(&mut self) -> bool {
        match self.answers.save(&self.path) {
            Ok(()) => {
                if self.unsaved {
                    self.say(&format!(
                        "Enregistrement rétabli : toutes vos réponses sont dans {}.",
                        self.path.display()
                    ));
                }
                self.unsaved = false;
                true
            }
            Err(e) => {
                self.unsaved = true;
                self.say(&format!(
                    "erreur : vos réponses n'ont pas pu être enregistrées ({e}). Elles sont gardées en mémoire ; nouvel essai à la prochaine réponse et en quittant."
                ));
                false
            }
        }
    }

    /// Ends the session: a last save if one failed, else the offer to save
    /// to another file. `Unsaved` when answers typed here could not be kept.
    pub(super) fn quit(&mut self) -> Ending {
        if self.unsaved && !self.save() {
            if !self.save_elsewhere() {
                self.say("erreur : les réponses de cette séance n'ont pas pu être enregistrées.");
                return Ending::Unsaved;
            }
            return Ending::Saved;
        }
        let file = self.path.display().to_string();
        self.say(&format!(
            "Vos réponses sont enregistrées dans {file}. Pour reprendre : fiche {file} --accessible"
        ));
        Ending::Saved
    }

    /// Asks for another file until the answers are written there or the
    /// user gives up (Entrée, end of input).
    fn save_elsewhere(&mut self) -> bool {
        loop {
            if self.prompt.at_eof() {
                return false;
            }
            self.say("Vos réponses sont encore en mémoire. Pour ne pas les perdre, enregistrez-les dans un autre fichier (sur une clé USB ou un autre disque par exemple).");
            let Some(text) = self
                .prompt
                .read_line_after("Nouveau fichier (.toml), ou Entrée pour abandonner vos réponses non enregistrées : ")
            else {
                return false;
            };
            let text = text.trim();
            if text.is_empty() {
                return false;
            }
            let other = PathBuf::from(text);
            match self.answers.save_new(&other) {
                Ok(()) => {
                    self.say(&format!(
                        "Vos réponses sont enregistrées dans {text}. Pour reprendre : fiche {text} --accessible"
                    ));
                    self.path = other;
                    self.unsaved = false;
                    return true;
                }
                Err(e) => self.say(&format!("erreur : {e}")),
            }
        }
    }
}
