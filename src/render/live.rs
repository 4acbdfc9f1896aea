//! The document context as minijinja templates read it: each field becomes
//! a template value the first time a template reads it, instead of the
//! whole context being copied into template values before rendering (the
//! Markdown fiche never reads the raw answers, the pitch reads a few
//! sections of them). A template reads exactly what `minijinja::value::Serde` of
//! the same [`DocumentContext`] would give it; `tests` compare the two.

use std::sync::{Arc, OnceLock};

use minijinja::value::{Enumerator, Object, Serde, Value};

use super::context::{DocumentContext, GroupView, QuestionView, SectionTexts, SectionView};

/// The template value of a shared document context.
pub fn document(ctx: Arc<DocumentContext>) -> Value {
    Live::value(Document(ctx))
}

/// A part of the context: its field names, in the order of its `Serialize`
/// derive, and the template value of each.
trait View: std::fmt::Debug + Send + Sync + 'static {
    const FIELDS: &'static [&'static str];

    /// The value of `FIELDS[index]`.
    fn field(&self, index: usize) -> Value;
}

/// A [`View`] as a template map, each field converted once, when first read.
/// Texts, flags and absent values are made directly (as `Serde` makes
/// them); lists and records through `Serde`.
#[derive(Debug)]
struct Live<V: View> {
    view: V,
    /// One per field, held inline: a question's view is one allocation.
    fields: [OnceLock<Value>; MAX_FIELDS],
}

/// The most fields a [`View`] has (a question's 14).
const MAX_FIELDS: usize = 16;

impl<V: View> Live<V> {
    fn value(view: V) -> Value {
        const { assert!(V::FIELDS.len() <= MAX_FIELDS, "raise MAX_FIELDS") };
        Value::from_object(Live {
            view,
            fields: std::array::from_fn(|_| OnceLock::new()),
        })
    }
}

impl<V: View> Object for Live<V> {
    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        self.get_value_by_str(key.as_str()?)
    }

    fn get_value_by_str(self: &Arc<Self>, key: &str) -> Option<Value> {
        let index = V::FIELDS.iter().position(|field| *field == key)?;
        Some(
            self.fields[index]
                .get_or_init(|| self.view.field(index))
                .clone(),
        )
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Str(V::FIELDS)
    }

    fn enumerator_len(self: &Arc<Self>) -> Option<usize> {
        Some(V::FIELDS.len())
    }
}

/// A list of parts, as serde would give it.
fn list(items: impl Iterator<Item = Value>) -> Value {
    Value::from_object(items.collect::<Vec<Value>>())
}

#[derive(Debug)]
struct Document(Arc<DocumentContext>);

impl View for Document {
    const FIELDS: &'static [&'static str] = &[
        "form",
        "product",
        "generated_on",
        "draft",
        "completeness",
        "sections",
        "a",
        "t",
        "missing",
        "findings",
        "roi",
        "coach",
        "budget",
    ];

    fn field(&self, index: usize) -> Value {
        let ctx = &self.0;
        match index {
            0 => Value::from(Serde(&ctx.form)),
            1 => Value::from(Serde(&ctx.product)),
            2 => Value::from(Serde(&ctx.generated_on)),
            3 => Value::from(Serde(ctx.draft)),
            4 => Value::from(Serde(&ctx.completeness)),
            5 => list((0..ctx.sections.len()).map(|section| {
                Live::value(Section {
                    ctx: ctx.clone(),
                    section,
                })
            })),
            6 => Answers::value(ctx.clone(), Answers::RAW),
            7 => Answers::value(ctx.clone(), Answers::TEXTS),
            8 => Value::from(Serde(&ctx.missing)),
            9 => Value::from(Serde(&ctx.findings)),
            10 => Value::from(Serde(&ctx.roi)),
            11 => Value::from(Serde(&ctx.coach)),
            _ => Value::from(Serde(&ctx.budget)),
        }
    }
}

/// `a` or `t`: the answers by section, each section converted when first
/// read (the Markdown fiche reads three sections of `t`, never `a`). `t`
/// is read from the section views (`context::texts`).
#[derive(Debug)]
struct Answers {
    ctx: Arc<DocumentContext>,
    texts: bool,
    sections: Vec<OnceLock<Value>>,
}

impl Answers {
    const RAW: bool = false;
    const TEXTS: bool = true;

    fn value(ctx: Arc<DocumentContext>, texts: bool) -> Value {
        let len = if texts {
            ctx.sections.len()
        } else {
            ctx.a.len()
        };
        Value::from_object(Answers {
            ctx,
            texts,
            sections: (0..len).map(|_| OnceLock::new()).collect(),
        })
    }

    /// The section names, in order.
    fn names(&self) -> Box<dyn Iterator<Item = &str> + '_> {
        if self.texts {
            Box::new(self.ctx.sections.iter().map(|s| s.id.as_str()))
        } else {
            Box::new(self.ctx.a.keys().map(String::as_str))
        }
    }

    /// The template value of section `index`, as serde gives it.
    fn section(&self, index: usize) -> Value {
        if self.texts {
            Value::from(Serde(&SectionTexts(&self.ctx.sections[index])))
        } else {
            let (_, section) = self.ctx.a.iter().nth(index).expect("an index of `a`");
            Value::from(Serde(section))
        }
    }
}

impl Object for Answers {
    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let key = key.as_str()?;
        let index = self.names().position(|name| name == key)?;
        Some(
            self.sections[index]
                .get_or_init(|| self.section(index))
                .clone(),
        )
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Values(self.names().map(Value::from).collect())
    }

    fn enumerator_len(self: &Arc<Self>) -> Option<usize> {
        Some(self.sections.len())
    }
}

#[derive(Debug)]
struct Section {
    ctx: Arc<DocumentContext>,
    section: usize,
}

impl Section {
    fn get(&self) -> &SectionView {
        &self.ctx.sections[self.section]
    }
}

impl View for Section {
    const FIELDS: &'static [&'static str] = &[
        "id",
        "title",
        "heading",
        "addition",
        "wizard_title",
        "intro",
        "answered",
        "shown",
        "questions",
        "groups",
    ];

    fn field(&self, index: usize) -> Value {
        let s = self.get();
        match index {
            0 => Value::from(s.id.as_str()),
            1 => Value::from(s.title.as_ref()),
            2 => Value::from(s.heading.as_ref()),
            3 => Value::from(s.addition),
            4 => Value::from(s.wizard_title.as_ref()),
            5 => Value::from(s.intro.as_deref()),
            6 => Value::from(s.answered),
            7 => Value::from(s.shown),
            8 => list((0..s.questions.len()).map(|question| {
                Live::value(Question {
                    ctx: self.ctx.clone(),
                    section: self.section,
                    question,
                })
            })),
            _ => list((0..s.groups.len()).map(|group| {
                Live::value(Group {
                    ctx: self.ctx.clone(),
                    section: self.section,
                    group,
                })
            })),
        }
    }
}

#[derive(Debug)]
struct Group {
    ctx: Arc<DocumentContext>,
    section: usize,
    group: usize,
}

impl Group {
    fn get(&self) -> &GroupView {
        &self.ctx.sections[self.section].groups[self.group]
    }
}

impl View for Group {
    const FIELDS: &'static [&'static str] = &["title", "shown", "questions"];

    fn field(&self, index: usize) -> Value {
        let g = self.get();
        match index {
            0 => Value::from(g.title.as_deref()),
            1 => Value::from(g.shown),
            _ => list(g.questions.clone().map(|question| {
                Live::value(Question {
                    ctx: self.ctx.clone(),
                    section: self.section,
                    question,
                })
            })),
        }
    }
}

/// A question of a section (its groups' questions are ranges of them).
#[derive(Debug)]
struct Question {
    ctx: Arc<DocumentContext>,
    section: usize,
    question: usize,
}

impl Question {
    fn get(&self) -> &QuestionView {
        &self.ctx.sections[self.section].questions[self.question]
    }
}

impl View for Question {
    const FIELDS: &'static [&'static str] = &[
        "id",
        "full_id",
        "label",
        "question",
        "group",
        "model_prompt",
        "shown",
        "kind",
        "required",
        "answered",
        "text",
        "labels",
        "columns",
        "rows",
    ];

    fn field(&self, index: usize) -> Value {
        let q = self.get();
        match index {
            0 => Value::from(q.id.as_str()),
            1 => Value::from(q.full_id.as_str()),
            2 => Value::from(q.label.as_ref()),
            3 => Value::from(q.question.as_ref()),
            4 => Value::from(q.group.as_deref()),
            5 => Value::from(q.model_prompt),
            6 => Value::from(q.shown),
            7 => Value::from(q.kind),
            8 => Value::from(q.required),
            9 => Value::from(q.answered),
            10 => Value::from(q.text.as_str()),
            11 => Value::from(Serde(&q.labels)),
            12 => Value::from(Serde(&q.columns)),
            _ => Value::from(Serde(&q.rows)),
        }
    }
}

#[cfg(test)]
mod tests;
