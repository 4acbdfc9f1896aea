//! The orders a reviewer can ask for. Figures sort largest first, texts
//! alphabetically; rows without the figure (unreadable files, unanswered
//! questions) come last, and ties keep the order the files were found in.

use std::cmp::Ordering;

use super::row::SummaryRow;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// Readiness score, best first.
    #[default]
    Readiness,
    /// The order the files were named, each folder's files by name.
    File,
    Product,
    Administration,
    /// Completeness, most complete first.
    Completeness,
    /// Euros saved per year, most first.
    Savings,
    /// Yearly budget, largest first.
    Budget,
    /// Amount asked, largest first.
    Asked,
}

impl SortKey {
    /// Sorts `rows` (stable: equal rows keep their order).
    pub fn sort(self, rows: &mut [SummaryRow]) {
        rows.sort_by(|a, b| self.compare(a, b));
    }

    /// How two rows compare under this key (`Equal` keeps the file order).
    pub fn compare(self, a: &SummaryRow, b: &SummaryRow) -> Ordering {
        match self {
            SortKey::File => Ordering::Equal,
            SortKey::Readiness => largest_first(a.readiness, b.readiness),
            SortKey::Completeness => largest_first(a.completeness, b.completeness),
            SortKey::Savings => largest_first_f(a.savings_per_year, b.savings_per_year),
            SortKey::Budget => largest_first_f(a.budget_per_year, b.budget_per_year),
            SortKey::Asked => largest_first_f(a.amount_asked, b.amount_asked),
            SortKey::Product => alphabetical(&a.product, &b.product),
            SortKey::Administration => alphabetical(&a.administration, &b.administration),
        }
    }
}

fn largest_first<T: Ord>(a: Option<T>, b: Option<T>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => b.cmp(&a),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

fn largest_first_f(a: Option<f64>, b: Option<f64>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => b.total_cmp(&a),
        _ => largest_first(a.map(|_| ()), b.map(|_| ())),
    }
}

/// Case- and accent-insensitive enough for French names: `Équipe` sorts
/// with `equipe`, before `Florac`.
fn alphabetical(a: &Option<String>, b: &Option<String>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => collation_key(a).cmp(&collation_key(b)),
        _ => largest_first(a.as_ref().map(|_| ()), b.as_ref().map(|_| ())),
    }
}

fn collation_key(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'ç' => 'c',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ÿ' => 'y',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::Status;

    fn row(
        file: &str,
        product: Option<&str>,
        readiness: Option<u8>,
        savings: Option<f64>,
    ) -> SummaryRow {
        let mut r = SummaryRow::unreadable(file, String::new());
        r.status = Status::ToComplete;
        r.error = None;
        r.product = product.map(str::to_string);
        r.readiness = readiness;
        r.savings_per_year = savings;
        r
    }

    fn files(rows: &[SummaryRow]) -> Vec<&str> {
        rows.iter().map(|r| r.file.as_str()).collect()
    }

    #[test]
    fn each_order_puts_the_best_first_and_the_unknown_last() {
        let rows = vec![
            row("a", Some("Zébulon"), Some(40), None),
            row("b", None, None, Some(10.0)),
            row("c", Some("équipe"), Some(90), Some(5.0)),
            row("d", Some("Florac"), Some(40), Some(1e6)),
        ];
        let sorted = |key: SortKey| {
            let mut r = rows.clone();
            key.sort(&mut r);
            r
        };
        assert_eq!(files(&sorted(SortKey::Readiness)), ["c", "a", "d", "b"]);
        assert_eq!(files(&sorted(SortKey::File)), ["a", "b", "c", "d"]);
        assert_eq!(files(&sorted(SortKey::Product)), ["c", "d", "a", "b"]);
        assert_eq!(files(&sorted(SortKey::Savings)), ["d", "b", "c", "a"]);
    }
}
