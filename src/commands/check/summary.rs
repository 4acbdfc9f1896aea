//! The summary table of `fiche check` on several applications: one line per
//! application, fitting 120 columns, or the same rows as CSV or JSON. Rows
//! are printed as soon as they are known when the order allows it (`--sort
//! fichier`), otherwise once all are checked and sorted.

use std::io::{self, Write};

use anyhow::{Result, bail};
use fiche::format::count;
use unicode_width::UnicodeWidthChar;

use super::Outcome;
use crate::cli::CheckFormat;
use fiche::Form;
use fiche::review::{self, Checked, Input, SortKey, Status, SummaryRow};

/// The whole line, gutters included, fits a 120-column terminal.
const WIDTH: usize = 120;

/// Columns of the text table: header, width, numbers aligned right.
const COLUMNS: [(&str, usize, Align); 9] = [
    ("Fichier", 18, Align::Left),
    ("Produit", 16, Align::Left),
    ("Administration", 14, Align::Left),
    ("Compl.", 6, Align::Right),
    ("Score", 5, Align::Right),
    ("E/A", 5, Align::Right),
    ("Budget", 7, Align::Right),
    ("Demandé", 7, Align::Right),
    ("Écon.", 7, Align::Right),
];
const FINDING_HEADER: &str = "Remarque principale";

const LEGEND: &str = "Compl. : réponses obligatoires données ; Score : préparation sur 100, au plus la complétude ; E/A : erreurs/avertissements du coach ; \
Budget : budget annuel ; Demandé : montant demandé à All_Ia_nce ; Écon. : économies par an (temps d’agent libéré, valorisé en euros, à pleine échelle) ; k€ = milliers, M€ = millions.";

#[derive(Clone, Copy)]
enum Align {
    Left,
    Right,
}

pub fn run(form: &Form, inputs: &[Input], format: CheckFormat, sort: SortKey) -> Result<Outcome> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut writer = Writer::new(format);
    let mut rows: Vec<SummaryRow> = Vec::new();
    let mut skipped: Vec<(String, String)> = Vec::new();
    let mut totals = Totals::default();
    let stream = sort == SortKey::File;
    let mut write_error = None;
    review::summarize_all(form, inputs, |input, checked| match checked {
        Checked::Skipped(why) => skipped.push((input.path.display().to_string(), why)),
        Checked::Row(row) => {
            totals.add(&row);
            if stream {
                if write_error.is_none()
                    && let Err(e) = writer.row(&mut out, &row)
                {
                    write_error = Some(e);
                }
            } else {
                rows.push(*row);
            }
        }
    });
    if let Some(e) = write_error {
        return Err(e.into());
    }
    if totals.count == 0 {
        drop(out);
        print_skipped(&skipped, true);
        bail!("aucune candidature à vérifier");
    }
    if !stream {
        sort.sort(&mut rows);
        for row in &rows {
            writer.row(&mut out, row)?;
        }
    }
    writer.finish(&mut out, &totals)?;
    out.flush()?;
    drop(out);
    let text = matches!(format, CheckFormat::Text);
    print_skipped(&skipped, text);
    for error in &totals.errors {
        eprintln!("erreur : {error}");
    }
    Ok(totals.outcome())
}

/// Files found in folders that are not applications: on stdout after the
/// table, on stderr when stdout is for a program (CSV, JSON).
pub fn print_skipped(skipped: &[(String, String)], to_stdout: bool) {
    if skipped.is_empty() {
        return;
    }
    let mut lines = vec![format!(
        "Ignorés : {}",
        fiche::format::count(
            skipped.len(),
            "fichier qui n’est pas une candidature",
            "fichiers qui ne sont pas des candidatures"
        )
    )];
    lines.extend(
        skipped
            .iter()
            .map(|(file, why)| format!("  {} : {}", cell(file), cell(why))),
    );
    for line in lines {
        if to_stdout {
            println!("{line}");
        } else {
            eprintln!("{line}");
        }
    }
}

/// Counts for the closing line and the exit code.
#[derive(Default)]
struct Totals {
    count: usize,
    ready: usize,
    to_correct: usize,
    to_complete: usize,
    /// Unreadable files' full messages, printed after the table.
    errors: Vec<String>,
}

impl Totals {
    fn add(&mut self, row: &SummaryRow) {
        self.count += 1;
        match row.status {
            Status::Ready => self.ready += 1,
            Status::ToCorrect => self.to_correct += 1,
            Status::ToComplete => self.to_complete += 1,
            Status::Unreadable => self
                .errors
                .push(row.error.clone().unwrap_or_else(|| row.file.clone())),
        }
    }

    /// Exit code as for one file: 2 if one could not be read, 1 if one has
    /// problems, 0 if all are ready.
    fn outcome(&self) -> Outcome {
        if !self.errors.is_empty() {
            Outcome::Failed
        } else if self.ready == self.count {
            Outcome::Ok
        } else {
            Outcome::Problems
        }
    }

    fn line_fr(&self) -> String {
        format!(
            "{} : {}, {} à corriger, {} à compléter, {}.",
            count(self.count, "candidature", "candidatures"),
            count(self.ready, "prête", "prêtes"),
            self.to_correct,
            self.to_complete,
            count(self.errors.len(), "illisible", "illisibles")
        )
    }
}

/// Writes rows in one of the three formats.
struct Writer {
    format: CheckFormat,
    rows: usize,
}

impl Writer {
    fn new(format: CheckFormat) -> Writer {
        Writer { format, rows: 0 }
    }

    /// The header, written with the first row (no header for no row).
    fn start(&mut self, out: &mut impl Write) -> io::Result<()> {
        match self.format {
            CheckFormat::Text => writeln!(out, "{}", header_line()),
            CheckFormat::Csv => write!(out, "{}{}", review::csv::BOM, review::csv::header()),
            CheckFormat::Json => write!(out, "["),
        }
    }

    fn row(&mut self, out: &mut impl Write, row: &SummaryRow) -> io::Result<()> {
        if self.rows == 0 {
            self.start(out)?;
        }
        self.rows += 1;
        match self.format {
            CheckFormat::Text => writeln!(out, "{}", table_line(row)),
            CheckFormat::Csv => write!(out, "{}", review::csv::record(row)),
            CheckFormat::Json => {
                let sep = if self.rows == 1 { "" } else { "," };
                let json = serde_json::to_string(row).map_err(io::Error::other)?;
                write!(out, "{sep}\n  {}", fiche::sanitize::json(&json))
            }
        }
    }

    fn finish(&mut self, out: &mut impl Write, totals: &Totals) -> io::Result<()> {
        match self.format {
            CheckFormat::Text => {
                writeln!(out)?;
                writeln!(out, "{}", totals.line_fr())?;
                for line in wrap(LEGEND, WIDTH) {
                    writeln!(out, "{line}")?;
                }
                Ok(())
            }
            CheckFormat::Csv => Ok(()),
            CheckFormat::Json => writeln!(out, "\n]"),
        }
    }
}

fn finding_width() -> usize {
    let used: usize = COLUMNS.iter().map(|(_, w, _)| w + 1).sum();
    WIDTH - used
}

fn header_line() -> String {
    let cells: Vec<String> = COLUMNS.iter().map(|(h, _, _)| h.to_string()).collect();
    join(&cells, FINDING_HEADER)
}

fn table_line(row: &SummaryRow) -> String {
    let dash = || "—".to_string();
    let or_dash = |x: Option<String>| x.unwrap_or_else(dash);
    let unreadable = row.status == Status::Unreadable;
    let cells = vec![
        row.file.clone(),
        or_dash(row.product.clone()),
        or_dash(row.administration.clone()),
        or_dash(
            row.completeness
                .map(|c| fiche::format::percent(f64::from(c))),
        ),
        or_dash(row.readiness.map(|r| r.to_string())),
        if unreadable {
            dash()
        } else {
            format!("{}/{}", row.coach_errors, row.coach_warnings)
        },
        or_dash(row.budget_per_year.map(compact_euros)),
        or_dash(row.amount_asked.map(compact_euros)),
        or_dash(row.savings_per_year.map(compact_euros)),
    ];
    let finding = match (&row.error, &row.top_finding, row.status) {
        (Some(error), _, _) => format!("✗ illisible : {}", error.lines().next().unwrap_or("")),
        (None, Some(top), _) => format!("{} {}", mark(top.severity), top.title),
        (None, None, Status::Ready) => "✓ prête, aucune remarque".to_string(),
        (None, None, _) => dash(),
    };
    join(&cells, &finding)
}

/// Severity in a sign and a word, never colour alone.
fn mark(severity: fiche::Severity) -> &'static str {
    match severity {
        fiche::Severity::Error => "✗",
        fiche::Severity::Warning => "!",
        fiche::Severity::Advice => "i",
    }
}

fn join(cells: &[String], last: &str) -> String {
    let mut line = String::new();
    for (i, ((_, width, align), text)) in COLUMNS.iter().zip(cells).enumerate() {
        // The file keeps its end (the name), other texts their start.
        let text = if i == 0 {
            fit_end(&cell(text), *width)
        } else {
            fit(&cell(text), *width)
        };
        let pad = " ".repeat(width - display_width(&text));
        match align {
            Align::Left => line.push_str(&format!("{text}{pad} ")),
            Align::Right => line.push_str(&format!("{pad}{text} ")),
        }
    }
    line.push_str(&fit(&cell(last), finding_width()));
    line.trim_end().to_string()
}

/// One line of text safe for a terminal: line breaks and the escape
/// sequences an answer could hide are shown as visible symbols.
fn cell(text: &str) -> String {
    fiche::sanitize::terminal_line(text).into_owned()
}

fn display_width(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// Cuts `text` to `width` columns, ending with `…` when cut.
fn fit(text: &str, width: usize) -> String {
    if display_width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Like [`fit`], keeping the end: `…ord/assistant.toml`.
fn fit_end(text: &str, width: usize) -> String {
    if display_width(text) <= width {
        return text.to_string();
    }
    let mut kept = Vec::new();
    let mut used = 0;
    for c in text.chars().rev() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        kept.push(c);
        used += w;
    }
    std::iter::once('…').chain(kept.into_iter().rev()).collect()
}

/// `850 €`, `9 500 €`, `300 k€`, `1,6 M€`, `12 M€`, `2,5 Md€`: at most 7
/// columns, so amounts of very different sizes read at a glance.
fn compact_euros(value: f64) -> String {
    use fiche::format::{NBSP, decimal_places};
    let abs = value.abs();
    let (scaled, unit) = if abs < 9_999.5 {
        return fiche::format::euros(value);
    } else if abs < 999_500.0 {
        (value / 1e3, "k€")
    } else if abs < 999_500_000.0 {
        (value / 1e6, "M€")
    } else {
        (value / 1e9, "Md€")
    };
    let places = if scaled.abs() < 10.0 { 1 } else { 0 };
    format!("{}{NBSP}{unit}", decimal_places(scaled, places))
}

/// Splits a long line at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split(' ') {
        let last = lines.last_mut().expect("one line at least");
        if !last.is_empty() && display_width(last) + 1 + display_width(word) > width {
            lines.push(word.to_string());
        } else {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(word);
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_compact() {
        let nbsp = fiche::format::NBSP;
        assert_eq!(compact_euros(850.0), format!("850{nbsp}€"));
        assert_eq!(compact_euros(9_500.0), format!("9{nbsp}500{nbsp}€"));
        assert_eq!(compact_euros(300_000.0), format!("300{nbsp}k€"));
        assert_eq!(compact_euros(1_610_143.0), format!("1,6{nbsp}M€"));
        assert_eq!(compact_euros(12_400_000.0), format!("12{nbsp}M€"));
        assert_eq!(compact_euros(999_999.0), format!("1{nbsp}M€"));
        assert_eq!(compact_euros(2.5e9), format!("2,5{nbsp}Md€"));
    }

    #[test]
    fn every_line_fits_120_columns_whatever_the_answers() {
        let mut row = SummaryRow::unreadable(
            "candidatures/préfecture-du-nord/très-long-nom.toml",
            String::new(),
        );
        row.status = Status::ToComplete;
        row.error = None;
        row.product = Some("Un nom de produit vraiment très long\n\u{1b}[31mrouge".into());
        row.administration = Some("\u{1b}[31mMinistère 漢字漢字漢字漢字漢字".into());
        row.completeness = Some(100);
        row.readiness = Some(100);
        row.coach_errors = 12;
        row.coach_warnings = 19;
        row.budget_per_year = Some(123_456_789.0);
        row.amount_asked = Some(9_999.0);
        row.savings_per_year = Some(-5e12);
        let line = table_line(&row);
        assert!(display_width(&line) <= WIDTH, "{line}");
        assert!(!line.contains('\u{1b}') && !line.contains('\n'), "{line:?}");
        assert!(line.contains('␛'), "escapes are shown, not run: {line}");
        assert!(line.starts_with("…"), "{line}");
        assert!(display_width(&header_line()) <= WIDTH);
        for l in wrap(LEGEND, WIDTH) {
            assert!(display_width(&l) <= WIDTH, "{l}");
        }
    }
}
