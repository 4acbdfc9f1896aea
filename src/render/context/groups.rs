//! A section's questions under the fiche model's sub-headings: each group
//! is a run of the section's questions, kept as a range of them rather than
//! a copy, and written out in full when the section is serialized (Typst's
//! JSON, `Renderer::render_template`).

use crate::form::Text;
use std::ops::Range;

use serde::ser::{Serialize, SerializeSeq, SerializeStruct, Serializer};

use super::{QuestionView, SectionView};

/// Consecutive questions of a section under one sub-heading of the model.
#[derive(Debug)]
pub struct GroupView {
    pub title: Option<Text>,
    /// Whether any of its questions is printed.
    pub shown: bool,
    /// Its questions: this range of the section's `questions`. Templates
    /// and the serialized section get the questions themselves.
    pub questions: Range<usize>,
}

/// Consecutive questions sharing a sub-heading, in order.
pub fn of(questions: &[QuestionView]) -> Vec<GroupView> {
    let mut out: Vec<GroupView> = Vec::new();
    for (index, q) in questions.iter().enumerate() {
        match out.last_mut() {
            Some(g) if g.title == q.group => {
                g.shown |= q.shown;
                g.questions.end = index + 1;
            }
            _ => out.push(GroupView {
                title: q.group.clone(),
                shown: q.shown,
                questions: index..index + 1,
            }),
        }
    }
    out
}

impl SectionView {
    /// The questions of `group`.
    pub fn group_questions(&self, group: &GroupView) -> &[QuestionView] {
        &self.questions[group.questions.clone()]
    }
}

impl Serialize for SectionView {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("SectionView", 10)?;
        s.serialize_field("id", &self.id)?;
        s.serialize_field("title", &self.title)?;
        s.serialize_field("heading", &self.heading)?;
        s.serialize_field("addition", &self.addition)?;
        s.serialize_field("wizard_title", &self.wizard_title)?;
        s.serialize_field("intro", &self.intro)?;
        s.serialize_field("answered", &self.answered)?;
        s.serialize_field("shown", &self.shown)?;
        s.serialize_field("questions", &self.questions)?;
        s.serialize_field("groups", &Groups(self))?;
        s.end()
    }
}

/// A section's groups, each with its questions.
struct Groups<'a>(&'a SectionView);

impl Serialize for Groups<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.groups.len()))?;
        for group in &self.0.groups {
            seq.serialize_element(&Group {
                title: &group.title,
                shown: group.shown,
                questions: self.0.group_questions(group),
            })?;
        }
        seq.end()
    }
}

#[derive(serde::Serialize)]
struct Group<'a> {
    title: &'a Option<Text>,
    shown: bool,
    questions: &'a [QuestionView],
}
