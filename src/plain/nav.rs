//! Moving through the questionnaire: which questions are asked (visible ones,
//! or only those changed since a migration), and the jumps `:aller` and
//! `:section`.

use std::io::{BufRead, Write};

use fiche::ids::FindingPath;
use fiche::walk::{self, At};

use super::{Session, Step};

impl<R: BufRead, W: Write> Session<'_, R, W> {
    /// `:aller ID`: a full id, a question id alone when unique, a section
    /// id, or an id as `:verifier` prints it (`donnees.sources[2].nom`).
    pub(super) fn goto(&mut self, target: &str) -> Option<Step> {
        let target = FindingPath::parse(target.trim()).question;
        let target = target.as_str();
        if self.form.section(target).is_some() {
            return self.goto_section(target);
        }
        let found: Vec<At> = if target.contains('.') {
            walk::locate(self.form, target)
                .filter(|at| at.full_id(self.form).as_deref() == Some(target))
                .into_iter()
                .collect()
        } else {
            self.form
                .sections
                .iter()
                .enumerate()
                .flat_map(|(si, s)| {
                    s.questions
                        .iter()
                        .enumerate()
                        .filter(|(_, q)| q.id == target)
                        .map(move |(qi, _)| At {
                            section: si,
                            question: qi,
                        })
                })
                .collect()
        };
        let [at] = found[..] else {
            let hint = match self.form.nearest_question(target) {
                Some(meant) if found.is_empty() => format!("Vouliez-vous dire :aller {meant} ? "),
                _ => String::new(),
            };
            self.say(&format!(
                "erreur : « {target} » ne désigne aucune question (ou plusieurs). {hint}Écrivez section.question, par exemple volume.nb_agents ; « :verifier » affiche les identifiants."
            ));
            return None;
        };
        if !self.walk().is_visible(at) {
            let q = &self.form.sections[at.section].questions[at.question];
            // The questions it depends on, by their labels: the condition
            // itself (« solution.role_ia in [...] ») is the form's language.
            let depends_on = self.form.depends_on(q);
            let because = if depends_on.is_empty() {
                String::new()
            } else {
                format!(
                    " : elle dépend de votre réponse à {}",
                    depends_on.join(", ")
                )
            };
            self.say(&format!(
                "La question {} n’est pas posée avec vos réponses actuelles{because}.",
                self.full_id(at.section, at.question)
            ));
            return None;
        }
        self.leave_only(at);
        Some(Step::Goto(Some(at)))
    }

    /// `:section N`: a section number (1 to the count) or id.
    pub(super) fn goto_section(&mut self, target: &str) -> Option<Step> {
        let sections = &self.form.sections;
        let si = match target.trim().parse::<usize>() {
            Ok(n) if (1..=sections.len()).contains(&n) => Some(n - 1),
            Ok(_) => None,
            Err(_) => sections.iter().position(|s| s.id == target.trim()),
        };
        let Some(si) = si else {
            self.say(&format!(
                "erreur : « {target} » n’est pas une section ; tapez un numéro entre 1 et {}.",
                sections.len()
            ));
            return None;
        };
        if self.only.take().is_some() {
            self.say("Vous parcourez maintenant toutes les questions.");
        }
        let first = At {
            section: si,
            question: 0,
        };
        Some(Step::Goto(self.walk().at_or_after(first, None)))
    }

    /// A jump out of the questions chosen after a migration walks them all.
    pub(super) fn leave_only(&mut self, at: At) {
        let id = self.full_id(at.section, at.question);
        if self.only.as_ref().is_some_and(|ids| !ids.contains(&id)) {
            self.only = None;
            self.say("Vous parcourez maintenant toutes les questions.");
        }
    }
}
