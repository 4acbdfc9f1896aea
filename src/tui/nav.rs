//! Moving through the form: visible questions only (a `when` that is false
//! hides and skips a question), sections, and the review list's targets.

use fiche::answers::is_answered;
use fiche::validate::{Finding, Severity};

use super::app::{App, At, Focus, Screen};

/// What a question's mark in the section list says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionState {
    Answered,
    Error,
    /// The coach warns about the answer (« ! attention »).
    Warning,
    /// The coach has advice on the answer (« i conseil »).
    Advice,
    MissingRequired,
    Empty,
}

impl QuestionState {
    pub fn mark(self) -> &'static str {
        match self {
            QuestionState::Answered => "✓",
            QuestionState::Error => "✗",
            QuestionState::Warning => "!",
            QuestionState::Advice => "i",
            QuestionState::MissingRequired => "○",
            QuestionState::Empty => "·",
        }
    }
}

impl App {
    /// Visible questions of one section.
    pub fn visible_in(&self, section: usize) -> Vec<usize> {
        self.walk.in_section(section).collect()
    }

    /// Next visible question (among `walk_only` when set); after the last
    /// one, the review screen.
    pub fn next(&mut self) {
        match self.walk.after(self.at, self.walk_only.as_ref()) {
            Some(at) => self.go_to(at),
            None => {
                self.go_to(self.at);
                self.screen = Screen::Review;
                self.review = 0;
                self.save.flush = true;
            }
        }
    }

    pub fn prev(&mut self) {
        if let Some(at) = self.walk.before(Some(self.at), self.walk_only.as_ref()) {
            self.go_to(at);
        }
    }

    /// Opens a section at its first visible question.
    pub fn open_section(&mut self, section: usize) {
        if let Some(at) = self.walk.first_in(section) {
            self.go_to(at);
        }
        self.focus = Focus::Editor;
    }

    pub fn jump_section(&mut self, delta: isize) {
        let last = self.form.sections.len().saturating_sub(1);
        let target = self.at.section.saturating_add_signed(delta).min(last);
        self.open_section(target);
    }

    pub fn first_unanswered(&self) -> Option<At> {
        self.walk.first_unanswered(&self.form, &self.answers)
    }

    pub fn question_state(&self, at: At) -> QuestionState {
        let s = &self.form.sections[at.section];
        let q = &s.questions[at.question];
        let id = s.full_id(q);
        // The most serious finding on the question (validation or coach)
        // decides its mark, as `fiche check` says it: a required field
        // missing in a list item (`donnees.sources[1].nom`) is an error of
        // the list, even while that item is open. A missing answer is said
        // by ○, not as an error.
        let worst = self
            .all_findings()
            .filter(|f| f.question_id() == id && !f.is_missing())
            .map(|f| f.severity)
            .min();
        let answered = is_answered(self.answers.get(&id).as_ref());
        match worst {
            Some(Severity::Error) => QuestionState::Error,
            _ if !answered && q.required => QuestionState::MissingRequired,
            Some(Severity::Warning) => QuestionState::Warning,
            Some(Severity::Advice) => QuestionState::Advice,
            None if answered => QuestionState::Answered,
            None => QuestionState::Empty,
        }
    }

    /// Findings of the current question (errors stay visible after leaving).
    pub fn findings_here(&self) -> Vec<&Finding> {
        let id = self.question_id();
        self.all_findings()
            .filter(|f| f.question_id() == id)
            .collect()
    }

    /// The review list: every finding that points at a question, with where
    /// to jump, errors and missing answers first.
    pub fn review_items(&self) -> Vec<(At, &Finding)> {
        let mut items: Vec<(At, &Finding)> = self
            .all_findings()
            .filter_map(|f| Some((self.locate(&f.question_id())?, f)))
            .collect();
        items.sort_by_key(|(at, f)| (f.severity, at.section, at.question));
        items
    }

    /// Validation findings then the pitch coach's, as one list.
    pub fn all_findings(&self) -> impl Iterator<Item = &Finding> {
        self.report
            .findings
            .iter()
            .chain(self.coach.findings.iter())
    }

    pub fn locate(&self, question_id: &str) -> Option<At> {
        fiche::walk::locate(&self.form, question_id)
    }

    /// Invalid answers in a section (missing ones are not errors here: a
    /// draft is allowed to be unfinished).
    pub fn invalid_in(&self, section: usize) -> usize {
        let id = &self.form.sections[section].id;
        self.report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error && !f.is_missing() && &f.section == id)
            .count()
    }

    /// Opens the question of review line `index`; a finding inside a list
    /// (`donnees.sources[2].nom`) also selects that item.
    pub fn open_review_item(&mut self, index: usize) {
        let Some((at, item)) = self
            .review_items()
            .get(index)
            .map(|(at, f)| (*at, f.path().item))
        else {
            return;
        };
        self.go_to(at);
        if let (Some(n), super::editors::Editor::List(list)) = (item, &mut self.editor)
            && n >= 1
            && n <= list.items.len()
        {
            list.cursor = n - 1;
        }
    }
}
