//! Why a figure of the business case cannot be computed, in French:
//! missing inputs are pooled so one sentence names them all.

use rust_decimal::Decimal;

/// Why a figure cannot be computed.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Why {
    /// Unanswered inputs, each named `« Label » (section.question)`.
    Missing(Vec<String>),
    /// Anything else, as a French phrase (`valeur trop grande…`).
    Other(String),
}

impl Why {
    /// The problems one by one: `il manque « X » (id)` per input. Listed
    /// under a « non calculable : » heading, so a reason does not repeat it.
    pub(super) fn parts(&self) -> Vec<String> {
        match self {
            Why::Missing(inputs) => inputs.iter().map(|i| format!("il manque {i}")).collect(),
            Why::Other(text) => {
                vec![
                    text.strip_prefix("non calculable : ")
                        .unwrap_or(text)
                        .to_string(),
                ]
            }
        }
    }

    /// `non calculable : il manque A, B et C`.
    pub(super) fn text(&self) -> String {
        match self {
            Why::Missing(inputs) => format!("non calculable : il manque {}", french_list(inputs)),
            Why::Other(text) => text.clone(),
        }
    }
}

pub(super) type Figure = Result<Decimal, Why>;

/// `a` and `b`, or why either is missing (missing inputs are pooled).
pub(super) fn both(a: &Figure, b: &Figure) -> Result<(Decimal, Decimal), Why> {
    match (a, b) {
        (Ok(a), Ok(b)) => Ok((*a, *b)),
        (Err(x), Err(y)) => Err(merge(x, y)),
        (Err(x), _) | (_, Err(x)) => Err(x.clone()),
    }
}

pub(super) fn merge(a: &Why, b: &Why) -> Why {
    match (a, b) {
        (Why::Missing(x), Why::Missing(y)) => {
            let mut all = x.clone();
            all.extend(y.iter().filter(|i| !x.contains(i)).cloned());
            Why::Missing(all)
        }
        (Why::Missing(_), _) => a.clone(),
        (_, Why::Missing(_)) => b.clone(),
        _ => a.clone(),
    }
}

/// `A`, `A et B`, `A, B et C`.
pub(super) fn french_list(items: &[String]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} et {last}", rest.join(", ")),
    }
}

pub(super) fn merge_all(figures: &[&Figure]) -> Why {
    figures
        .iter()
        .filter_map(|f| f.as_ref().err())
        .fold(Why::Missing(Vec::new()), |acc, w| match &acc {
            Why::Missing(x) if x.is_empty() => w.clone(),
            _ => merge(&acc, w),
        })
}
