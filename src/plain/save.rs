//! Saving: every accepted answer goes to disk at once; a failed save keeps
//! the answers in memory, is retried, and at the end offers another file.
//! Changes made to the file outside meanwhile are merged and said; an
//! answer changed on both sides is asked about.

use std::io::{BufRead, Write};
use std::path::PathBuf;

use fiche::AnswersError;
use fiche::answers::{Conflict, Keep};

use super::{Ending, Session};
use fiche::recovery::Recovery;

impl<R: BufRead, W: Write> Session<'_, R, W> {
    /// Sets one answer and saves the file at once. An answer that has no
    /// place in the file is refused, saying why.
    pub(super) fn store(&mut self, id: &str, value: Option<toml::Value>) {
        let before = self.coach_notes(id);
        if let Err(e) = self.answers.set(id, value) {
            self.say(&format!("erreur : réponse non enregistrée. {e}"));
            return;
        }
        if self.save() {
            self.say("Enregistré.");
            // Everything typed is on disk: nothing left to recover.
            let _writing = super::signals::hold();
            let _ = Recovery::remove(&self.path);
        }
        // As the wizard does: a new remark of the coach on this answer is
        // said at once, not only at « :verifier ».
        for (severity, message) in self.coach_notes(id) {
            if !before.iter().any(|(_, m)| *m == message) {
                self.say(&format!("Remarque du coach ({severity}) : {message}"));
            }
        }
    }

    /// The coach's remarks on question `id`: (severity, message).
    fn coach_notes(&self, id: &str) -> Vec<(&'static str, String)> {
        let report = fiche::validate::check(self.form, &self.answers);
        fiche::coach::review(self.form, &self.answers, &report)
            .findings
            .into_iter()
            .filter(|f| f.question_id() == id)
            .map(|f| (f.severity.label_fr(), f.message))
            .collect()
    }

    /// Saves; on failure says so and keeps the answers in memory for the
    /// next try.
    pub(super) fn save(&mut self) -> bool {
        if let Some(why) = &self.read_only {
            let message = format!(
                "Lecture seule ({why}) : réponse gardée en mémoire ; vous pourrez enregistrer vos réponses dans un autre fichier en quittant."
            );
            self.unsaved = true;
            self.say(&message);
            return false;
        }
        let mut result = self.save_once();
        // Each round settles the conflicts found; a file changed again
        // meanwhile is compared again.
        for _ in 0..3 {
            let Err(AnswersError::Conflict { conflicts, .. }) = result else {
                break;
            };
            self.settle(conflicts);
            result = self.save_once();
        }
        match result {
            Ok(saved) => {
                let outside = saved.merged_answers();
                if !outside.is_empty() {
                    self.say(&format!(
                        "Le fichier a été modifié ailleurs entre-temps : ces réponses ont été gardées ({}), les vôtres ajoutées.",
                        outside.join(", ")
                    ));
                }
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
                    "erreur : vos réponses n’ont pas pu être enregistrées ({e}). Elles sont gardées en mémoire ; nouvel essai à la prochaine réponse et en quittant."
                ));
                false
            }
        }
    }

    /// One write of the file, never while a signal's last save runs.
    fn save_once(&mut self) -> Result<fiche::answers::Saved, AnswersError> {
        let _writing = super::signals::hold();
        self.answers.save(&self.path)
    }

    /// Takes in what was changed in the file outside meanwhile (a colleague,
    /// `fiche set`), when nothing here waits to be saved, and says so: the
    /// « Réponse actuelle » read next is the file's.
    pub(super) fn follow_outside_changes(&mut self) {
        if self.unsaved {
            return;
        }
        if let Ok(ids) = self.answers.reload_outside_changes(&self.path) {
            let ids: Vec<&str> = ids
                .iter()
                .map(String::as_str)
                .filter(|id| !id.starts_with("meta."))
                .collect();
            if !ids.is_empty() {
                self.say(&format!(
                    "Le fichier a été modifié ailleurs : réponses mises à jour ({}).",
                    ids.join(", ")
                ));
            }
        }
    }

    /// Asks, for each answer changed both here and in the file, which to keep.
    fn settle(&mut self, conflicts: Vec<Conflict>) {
        self.say("Le fichier a été modifié ailleurs pendant que vous l’aviez ouvert, et des réponses ont changé des deux côtés.");
        for c in conflicts {
            let form = self.form;
            self.say(&format!("Question : {}", c.label(form)));
            self.say(&format!("  Votre réponse : {}", c.show(form, Keep::Mine)));
            self.say(&format!(
                "  Dans le fichier : {}",
                c.show(form, Keep::Theirs)
            ));
            let keep = if self.prompt.confirm(
                "Garder votre réponse ? (non : prendre celle du fichier)",
                true,
            ) {
                Keep::Mine
            } else {
                Keep::Theirs
            };
            if let Err(e) = self.answers.resolve(&c, keep) {
                self.say(&format!("erreur : {e}"));
            }
        }
    }

    /// Ends the session: a last save if one failed, else the offer to save
    /// to another file. `Unsaved` when answers typed here could not be kept.
    pub(super) fn quit(&mut self) -> Ending {
        if self.unsaved && !self.save() {
            if !self.save_elsewhere() {
                self.say("erreur : les réponses de cette séance n’ont pas pu être enregistrées.");
                if let Some(why) = &self.read_only {
                    let farewell = fiche::recovery::read_only_farewell(self.form, &self.path, why);
                    self.say(&farewell);
                }
                return Ending::Unsaved;
            }
            return Ending::Saved;
        }
        if let Some(why) = &self.read_only {
            // Nothing typed here: the file holds every answer, but nothing
            // was written, and a recovery kept for later is still there.
            let farewell = fiche::recovery::read_only_farewell(self.form, &self.path, why);
            self.say(&farewell);
            return Ending::Saved;
        }
        let _ = Recovery::remove(&self.path);
        let resume = self.invocation.edit_accessible(&self.path);
        self.say(&format!(
            "Vos réponses sont enregistrées dans {}. Pour reprendre : {resume}",
            self.path.display()
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
                    let resume = self.invocation.edit_accessible(&other);
                    self.say(&format!(
                        "Vos réponses sont enregistrées dans {text}. Pour reprendre : {resume}"
                    ));
                    self.path = other;
                    self.unsaved = false;
                    self.read_only = None;
                    return true;
                }
                Err(e) => self.say(&format!("erreur : {e}")),
            }
        }
    }
}
