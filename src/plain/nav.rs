//! Moving through the questionnaire: which questions are asked (visible ones,
//! or only those changed since a migration), and the jumps `:aller` and
//! `:section`.

use std::io::{BufRead, Write};

use fiche::validate::is_visible;

use super::{Session, Step};

impl<R: BufRead, W: Write> Session<'_, R, W> {
    /// Whether the walk stops at `order[i]`: visible, and among the questions
    /// to go through.
    pub(super) fn stops_at(&self, i: usize, context: &minijinja::Value) -> bool {
        let (si, qi) = self.order[i];
        is_visible(&self.form.sections[si].questions[qi], context)
            && self
                .only
                .as_ref()
                .is_none_or(|ids| ids.contains(&self.full_id(si, qi)))
    }

    /// The first stop at or after `i` (`order.len()`: the end).
    pub(super) fn next_from(&self, i: usize) -> usize {
        let context = self.answers.context();
        (i..self.order.len())
            .find(|&j| self.stops_at(j, &context))
            .unwrap_or(self.order.len())
    }

    pub(super) fn prev_before(&self, i: usize) -> Option<usize> {
        let context = self.answers.context();
        (0..i.min(self.order.len()))
            .rev()
            .find(|&j| self.stops_at(j, &context))
    }

    /// `:aller ID`: a full id, a question id alone when unique, a section
    /// id, or an id as `:verifier` prints it (`donnees.sources[2].nom`).
    pub(super) fn goto(&mut self, target: &str) -> Option<Step> {
        let target = target.split('[').next().unwrap_or(target).trim();
        if self.form.section(target).is_some() {
            return self.goto_section(target);
        }
        let found: Vec<usize> = (0..self.order.len())
            .filter(|&i| {
                let (si, qi) = self.order[i];
                let full = self.full_id(si, qi);
                full == target || (!target.contains('.') && full.ends_with(&format!(".{target}")))
            })
            .collect();
        let [i] = found[..] else {
            self.say(&format!(
                "erreur : « {target} » ne désigne aucune question (ou plusieurs). Écrivez section.question, par exemple volume.nb_agents ; « :verifier » affiche les identifiants."
            ));
            return None;
        };
        let (si, qi) = self.order[i];
        let q = &self.form.sections[si].questions[qi];
        if !is_visible(q, &self.answers.context()) {
            let condition = q.when.as_ref().map(|c| c.source()).unwrap_or_default();
            self.say(&format!(
                "La question {} n'est pas posée avec vos réponses actuelles (condition : {condition}).",
                self.full_id(si, qi)
            ));
            return None;
        }
        self.leave_only(i);
        Some(Step::Goto(i))
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
                "erreur : « {target} » n'est pas une section ; tapez un numéro entre 1 et {}.",
                sections.len()
            ));
            return None;
        };
        if self.only.take().is_some() {
            self.say("Vous parcourez maintenant toutes les questions.");
        }
        let first = self.order.iter().position(|&(s, _)| s == si).unwrap_or(0);
        Some(Step::Goto(self.next_from(first)))
    }

    /// A jump out of the questions chosen after a migration walks them all.
    pub(super) fn leave_only(&mut self, i: usize) {
        let (si, qi) = self.order[i];
        let id = self.full_id(si, qi);
        if self.only.as_ref().is_some_and(|ids| !ids.contains(&id)) {
            self.only = None;
            self.say("Vous parcourez maintenant toutes les questions.");
        }
    }
}
