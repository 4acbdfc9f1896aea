//! Walking the questionnaire, the same way in every front end: which
//! questions are shown (a `when` that is false hides and skips a question),
//! where next and previous lead, where a session resumes, and the
//! « Question N sur M » of a question.
//!
//! A [`Walk`] is computed once from the answers and kept until they change:
//! it holds no reference, so a front end can cache it between frames.

use std::collections::BTreeSet;
use std::fmt;

use crate::answers::{Answers, is_answered};
use crate::form::Form;
use crate::validate::is_visible;

/// A question's place: indexes into `form.sections[section].questions`.
/// Ordered as in the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct At {
    pub section: usize,
    pub question: usize,
}

impl At {
    /// The full id (`section.question`) of the question at this place, if
    /// the form has one there.
    pub fn full_id(self, form: &Form) -> Option<String> {
        let section = form.sections.get(self.section)?;
        let question = section.questions.get(self.question)?;
        Some(section.full_id(question))
    }
}

/// Where `section.question` stands in the form. A finding's id inside a
/// list (`donnees.sources[2].nom`) locates its list question.
pub fn locate(form: &Form, id: &str) -> Option<At> {
    let path = crate::ids::FindingPath::parse(id);
    let (s, q) = crate::ids::QuestionId::split(&path.question)?;
    let section = form.sections.iter().position(|x| x.id == s)?;
    let question = form.sections[section]
        .questions
        .iter()
        .position(|x| x.id == q)?;
    Some(At { section, question })
}

/// The questions a walk is limited to (full ids): after a migration, those
/// new or changed since the file's form version.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Only(BTreeSet<String>);

impl Only {
    pub fn contains(&self, full_id: &str) -> bool {
        self.0.contains(full_id)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }
}

impl<S: Into<String>> FromIterator<S> for Only {
    fn from_iter<I: IntoIterator<Item = S>>(ids: I) -> Only {
        Only(ids.into_iter().map(Into::into).collect())
    }
}

/// « Question N sur M »: a question's rank among the visible questions of
/// its section (`number` is 0 for a hidden question).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rank {
    pub number: usize,
    pub total: usize,
}

impl fmt::Display for Rank {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Question {} sur {}", self.number, self.total)
    }
}

/// The visible questions of a form for given answers, in form order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Walk {
    visible: Vec<At>,
    /// Full ids of `visible`, same order (for `Only` and answers look-ups).
    ids: Vec<String>,
}

impl Walk {
    /// Evaluates every `when` once against the answers.
    pub fn new(form: &Form, answers: &Answers) -> Walk {
        Walk::in_context(form, &answers.context())
    }

    /// Like [`Walk::new`], with the answers' condition context already
    /// built (`Answers::context`).
    pub fn in_context(form: &Form, context: &minijinja::Value) -> Walk {
        let mut walk = Walk::default();
        for (s, section) in form.sections.iter().enumerate() {
            for (q, question) in section.questions.iter().enumerate() {
                if is_visible(question, context) {
                    walk.visible.push(At {
                        section: s,
                        question: q,
                    });
                    walk.ids.push(section.full_id(question));
                }
            }
        }
        walk
    }

    /// Every visible question, in form order.
    pub fn visible(&self) -> &[At] {
        &self.visible
    }

    pub fn is_visible(&self, at: At) -> bool {
        self.visible.binary_search(&at).is_ok()
    }

    /// Indexes of the visible questions of one section.
    pub fn in_section(&self, section: usize) -> impl Iterator<Item = usize> + '_ {
        self.visible
            .iter()
            .filter(move |a| a.section == section)
            .map(|a| a.question)
    }

    /// The places a walk stops at: every visible question, or only those of
    /// `only`.
    fn stops<'a>(&'a self, only: Option<&'a Only>) -> impl DoubleEndedIterator<Item = At> + 'a {
        self.visible
            .iter()
            .zip(&self.ids)
            .filter(move |(_, id)| only.is_none_or(|o| o.contains(id)))
            .map(|(at, _)| *at)
    }

    /// The first stop at `at` or after it (`None`: the end of the walk).
    pub fn at_or_after(&self, at: At, only: Option<&Only>) -> Option<At> {
        self.stops(only).find(|a| *a >= at)
    }

    /// The next stop after `at` (`None`: the end of the walk).
    pub fn after(&self, at: At, only: Option<&Only>) -> Option<At> {
        self.stops(only).find(|a| *a > at)
    }

    /// The previous stop before `at`; `None` at the start. `at` may be
    /// past the end (the last stop is then returned).
    pub fn before(&self, at: Option<At>, only: Option<&Only>) -> Option<At> {
        match at {
            Some(at) => self.stops(only).rev().find(|a| *a < at),
            None => self.stops(only).next_back(),
        }
    }

    /// The first visible question of `section`.
    pub fn first_in(&self, section: usize) -> Option<At> {
        self.visible.iter().copied().find(|a| a.section == section)
    }

    /// Where an existing application resumes: its first visible required
    /// question without an answer (the first « réponse manquante »).
    pub fn first_unanswered(&self, form: &Form, answers: &Answers) -> Option<At> {
        self.visible.iter().zip(&self.ids).find_map(|(at, id)| {
            let q = &form.sections[at.section].questions[at.question];
            (q.required && !is_answered(answers.get(id).as_ref())).then_some(*at)
        })
    }

    /// « Question N sur M » among the visible questions of `at`'s section.
    pub fn rank(&self, at: At) -> Rank {
        let mut rank = Rank {
            number: 0,
            total: 0,
        };
        for q in self.in_section(at.section) {
            rank.total += 1;
            if q == at.question {
                rank.number = rank.total;
            }
        }
        rank
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> Form {
        crate::form::parse(
            r#"
[form]
id = "t"
version = 1
title = "T"
description = ""
[[sections]]
id = "a"
title = "A"
[[sections.questions]]
id = "x"
label = "X"
type = "bool"
required = true
[[sections.questions]]
id = "y"
label = "Y"
type = "text"
when = "a.x == true"
[[sections.questions]]
id = "z"
label = "Z"
type = "text"
required = true
[[sections]]
id = "b"
title = "B"
[[sections.questions]]
id = "w"
label = "W"
type = "text"
"#,
            "test",
        )
        .expect("valid form")
    }

    fn at(section: usize, question: usize) -> At {
        At { section, question }
    }

    #[test]
    fn a_hidden_question_is_skipped_both_ways() {
        let form = form();
        let answers = Answers::new(&form);
        let walk = Walk::new(&form, &answers);
        assert_eq!(walk.visible(), &[at(0, 0), at(0, 2), at(1, 0)]);
        assert_eq!(walk.after(at(0, 0), None), Some(at(0, 2)));
        assert_eq!(walk.before(Some(at(0, 2)), None), Some(at(0, 0)));
        assert_eq!(walk.before(Some(at(0, 0)), None), None);
        assert_eq!(walk.after(at(1, 0), None), None);
        assert_eq!(walk.before(None, None), Some(at(1, 0)));
        assert_eq!(walk.at_or_after(at(0, 1), None), Some(at(0, 2)));
    }

    #[test]
    fn an_answer_shows_the_questions_it_conditions() {
        let form = form();
        let mut answers = Answers::new(&form);
        answers
            .set("a.x", Some(toml::Value::Boolean(true)))
            .unwrap();
        let walk = Walk::new(&form, &answers);
        assert!(walk.is_visible(at(0, 1)));
        assert_eq!(walk.rank(at(0, 2)).to_string(), "Question 3 sur 3");
        let hidden = Walk::new(&form, &Answers::new(&form));
        assert_eq!(hidden.rank(at(0, 2)).to_string(), "Question 2 sur 2");
        assert_eq!(hidden.rank(at(0, 1)).number, 0);
    }

    #[test]
    fn only_limits_the_stops() {
        let form = form();
        let answers = Answers::new(&form);
        let walk = Walk::new(&form, &answers);
        let only: Only = ["b.w"].into_iter().collect();
        assert_eq!(walk.at_or_after(at(0, 0), Some(&only)), Some(at(1, 0)));
        assert_eq!(walk.before(Some(at(1, 0)), Some(&only)), None);
        assert_eq!(walk.after(at(1, 0), Some(&only)), None);
    }

    #[test]
    fn resumes_at_the_first_required_question_without_answer() {
        let form = form();
        let mut answers = Answers::new(&form);
        let walk = Walk::new(&form, &answers);
        assert_eq!(walk.first_unanswered(&form, &answers), Some(at(0, 0)));
        answers
            .set("a.x", Some(toml::Value::Boolean(false)))
            .unwrap();
        let walk = Walk::new(&form, &answers);
        assert_eq!(walk.first_unanswered(&form, &answers), Some(at(0, 2)));
        answers
            .set("a.z", Some(toml::Value::String("z".into())))
            .unwrap();
        let walk = Walk::new(&form, &answers);
        assert_eq!(walk.first_unanswered(&form, &answers), None);
    }

    #[test]
    fn locate_reads_full_ids_and_finding_ids() {
        let form = form();
        assert_eq!(locate(&form, "a.z"), Some(at(0, 2)));
        assert_eq!(locate(&form, "b.w[2].nom"), Some(at(1, 0)));
        assert_eq!(locate(&form, "b.nope"), None);
        assert_eq!(locate(&form, "nope"), None);
        assert_eq!(at(0, 2).full_id(&form).as_deref(), Some("a.z"));
        assert_eq!(at(3, 0).full_id(&form), None);
    }
}
