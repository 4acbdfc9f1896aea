//! `coach` in the document context: the pitch coach's review, either made
//! with the rest of the context or, when the context owns what the review
//! reads, made the first time something reads it. The Markdown fiche reads
//! it only for a draft, and the review costs about as much as the rest of
//! the context together (BENCHMARKS.md, « The Markdown fiche »).

use std::sync::{Arc, OnceLock};

use serde::Serialize;

use crate::answers::Answers;
use crate::coach::{self, CoachView};
use crate::form::Form;
use crate::validate::Report;

/// The coach's review as templates read it ([`CoachView`]), serialized as
/// that view.
pub struct Coach {
    view: OnceLock<CoachView>,
    /// What makes the view when it was not made with the context.
    review: Option<Box<dyn Fn() -> CoachView + Send + Sync>>,
}

impl Coach {
    /// A review already made.
    pub fn made(view: CoachView) -> Coach {
        Coach {
            view: OnceLock::from(view),
            review: None,
        }
    }

    /// The review of these answers, made when first read.
    pub fn deferred<A>(
        form: &'static Form,
        answers: Arc<A>,
        report: Arc<Report>,
        visibility: minijinja::Value,
    ) -> Coach
    where
        A: std::ops::Deref<Target = Answers> + Send + Sync + 'static,
    {
        Coach {
            view: OnceLock::new(),
            review: Some(Box::new(move || {
                CoachView::from(&coach::review_in(form, &answers, &report, &visibility))
            })),
        }
    }

    /// The view, made now if it was deferred.
    pub fn get(&self) -> &CoachView {
        self.view.get_or_init(|| match &self.review {
            Some(review) => review(),
            None => unreachable!("a coach view is either made or deferred"),
        })
    }
}

impl std::ops::Deref for Coach {
    type Target = CoachView;

    fn deref(&self) -> &CoachView {
        self.get()
    }
}

impl Serialize for Coach {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.get().serialize(serializer)
    }
}

impl std::fmt::Debug for Coach {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.view.get() {
            Some(view) => view.fmt(f),
            None => f.write_str("Coach (not reviewed yet)"),
        }
    }
}
