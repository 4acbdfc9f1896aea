//! `t`, the answers as texts (`t.volume.volume_annuel` → `575 000`): read
//! from the section views, which hold every visible question's text
//! already, rather than copied into a table of its own.

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::{DocumentContext, QuestionView, SectionView};

/// Every section (visible questions only), as `t` is serialized.
pub struct Texts<'a>(pub &'a [SectionView]);

/// One section's visible questions: id → display text.
pub struct SectionTexts<'a>(pub &'a SectionView);

impl SectionView {
    /// The display text of one of its visible questions, as `t` has it.
    pub fn text_of(&self, question: &str) -> Option<&str> {
        self.questions.iter().find(|q| q.id == question).map(t_text)
    }
}

/// A question's text in `t`: empty when unanswered (a model prompt's
/// `non renseigné` is the view's `text`, not `t`'s).
fn t_text(q: &QuestionView) -> &str {
    if q.answered { q.text.as_str() } else { "" }
}

impl DocumentContext {
    /// `t.section.question`: the display text of a visible question.
    pub fn text(&self, section: &str, question: &str) -> Option<&str> {
        self.sections
            .iter()
            .find(|s| s.id == section)
            .and_then(|s| s.text_of(question))
    }
}

impl Serialize for Texts<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for section in self.0 {
            map.serialize_entry(&section.id, &SectionTexts(section))?;
        }
        map.end()
    }
}

impl Serialize for SectionTexts<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let questions = &self.0.questions;
        let mut map = serializer.serialize_map(Some(questions.len()))?;
        for q in questions {
            map.serialize_entry(&q.id, t_text(q))?;
        }
        map.end()
    }
}
