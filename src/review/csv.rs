//! The summary rows as CSV for French spreadsheets (LibreOffice Calc,
//! Excel): UTF-8 with a byte-order mark so the accents are recognised, `;`
//! between fields (the comma is the French decimal separator), one header
//! line, fields quoted when they hold `;`, quotes or line breaks.
//!
//! Amounts are euros as answered, cents kept when there are some (with a
//! decimal comma), the savings whole euros, percentages whole numbers, all
//! written without grouping so the spreadsheet reads them as numbers.
//!
//! Control and bidi characters of an answer are shown visibly (`␛`,
//! `<U+202E>`) as in every document, whatever the file is written to: a
//! reviewer opening it must see them, not have them reorder a cell.

use std::borrow::Cow;

use super::row::SummaryRow;

/// Written once before the header: tells spreadsheets the file is UTF-8.
pub const BOM: &str = "\u{feff}";
pub const SEPARATOR: char = ';';

const HEADER: [&str; 15] = [
    "fichier",
    "état",
    "produit",
    "administration",
    "complétude (%)",
    "score de préparation (/100)",
    "erreurs du coach",
    "avertissements du coach",
    "budget annuel (€)",
    "montant demandé (€)",
    "économies par an (€)",
    "remarque principale",
    "gravité",
    "question concernée",
    "détail",
];

/// The header line, with its line break.
pub fn header() -> String {
    line(HEADER.iter().map(|h| Cow::Borrowed(*h)))
}

/// One row as a CSV line, with its line break.
pub fn record(row: &SummaryRow) -> String {
    let top = row.top_finding.as_ref();
    let number = |n: Option<u8>| n.map(|n| n.to_string()).unwrap_or_default();
    let euros = |x: Option<f64>| x.map(|x| format!("{x:.0}")).unwrap_or_default();
    let answered = |x: Option<f64>| x.map(euros_answer).unwrap_or_default();
    let detail = row
        .error
        .clone()
        .or_else(|| top.map(|t| t.message.clone()))
        .unwrap_or_default();
    let fields: [String; 15] = [
        row.file.clone(),
        row.status.label_fr().to_string(),
        row.product.clone().unwrap_or_default(),
        row.administration.clone().unwrap_or_default(),
        number(row.completeness),
        number(row.readiness),
        row.coach_errors.to_string(),
        row.coach_warnings.to_string(),
        answered(row.budget_per_year),
        answered(row.amount_asked),
        euros(row.savings_per_year),
        top.map(|t| t.title.clone()).unwrap_or_default(),
        top.map(|t| t.severity.label_fr().to_string())
            .unwrap_or_default(),
        top.map(|t| t.question.clone()).unwrap_or_default(),
        detail,
    ];
    line(fields.into_iter().map(Cow::Owned))
}

fn line<'a>(fields: impl Iterator<Item = Cow<'a, str>>) -> String {
    let mut out = String::new();
    for (i, f) in fields.enumerate() {
        if i > 0 {
            out.push(SEPARATOR);
        }
        out.push_str(&field(&crate::sanitize::spreadsheet_cell(&f)));
    }
    out.push_str("\r\n");
    out
}

/// An amount as answered, as a spreadsheet number: `449999,6` keeps its
/// cents (`449999,60`), `300000` stays whole.
fn euros_answer(value: f64) -> String {
    let cents = (value * 100.0).round();
    if !cents.is_finite() || cents % 100.0 == 0.0 {
        return format!("{value:.0}");
    }
    format!("{:.2}", cents / 100.0).replace('.', ",")
}

/// Quotes a field when needed (RFC 4180, with `;`); a formula is already
/// defused by [`crate::sanitize::spreadsheet_cell`].
fn field(text: &str) -> Cow<'_, str> {
    let quote =
        text.contains([SEPARATOR, '"', '\n', '\r']) || text.starts_with(' ') || text.ends_with(' ');
    if quote {
        Cow::Owned(format!("\"{}\"", text.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_with_separators_quotes_or_line_breaks_are_quoted() {
        assert_eq!(field("simple"), "simple");
        assert_eq!(field("a;b"), "\"a;b\"");
        assert_eq!(field("dit \"oui\""), "\"dit \"\"oui\"\"\"");
        assert_eq!(field("deux\nlignes"), "\"deux\nlignes\"");
        assert_eq!(
            field(&crate::sanitize::spreadsheet_cell("=HYPERLINK(\"x\")")),
            "\"'=HYPERLINK(\"\"x\"\")\""
        );
        assert_eq!(field(&crate::sanitize::spreadsheet_cell("-12")), "-12");
    }

    #[test]
    fn answered_amounts_keep_their_cents() {
        assert_eq!(euros_answer(999_999_999_999.99), "999999999999,99");
        assert_eq!(euros_answer(449_999.6), "449999,60");
        assert_eq!(euros_answer(300_000.0), "300000");
        assert_eq!(euros_answer(-12.5), "-12,50");
    }

    #[test]
    fn control_and_bidi_characters_are_shown_whatever_the_destination() {
        let mut row = SummaryRow::unreadable("a.toml", String::new());
        row.product = Some("Outil\u{1b}]52;c;x\u{7}\u{202e}lmth".into());
        let record = record(&row);
        assert!(
            !record.contains(['\u{1b}', '\u{7}', '\u{202e}']),
            "{record:?}"
        );
        assert!(record.contains("Outil␛]52;c;x␇<U+202E>lmth"), "{record}");
        assert!(record.ends_with("\r\n"), "{record:?}");
    }

    #[test]
    fn the_header_and_every_record_have_the_same_number_of_fields() {
        let mut row = SummaryRow::unreadable("dossier/a;b.toml", "ligne 1 : \"x\"\nsuite".into());
        row.product = Some("Assistant; \"SRDT\"".into());
        let header = header();
        assert!(header.starts_with("fichier;état;produit;"));
        let record = record(&row);
        assert!(record.starts_with("\"dossier/a;b.toml\";illisible;\"Assistant; \"\"SRDT\"\"\";"));
        assert!(
            record.ends_with("\"ligne 1 : \"\"x\"\"\nsuite\"\r\n"),
            "{record}"
        );
    }
}
