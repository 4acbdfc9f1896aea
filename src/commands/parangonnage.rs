//! `fiche parangonnage CANDIDATURE.toml EXPORT` and `fiche parangonnage EXPORT
//! "mots"`: the initiatives of the State's shared table closest to an
//! application, as a table, JSON or CSV. Every text read from the export is
//! sanitised before it reaches the terminal.

use std::io::Write;
use std::path::Path;

use anyhow::{Result, bail};
use serde::Serialize;

use super::Outcome;
use crate::cli::ParangonnageFormat;
use fiche::parangonnage::{self, ColumnSpec, Columns, Query, Ranked, Role, Table};
use fiche::{Form, application};

/// Column widths of the table, in characters (the contact takes the rest).
const NAME_WIDTH: usize = 34;
const ADMINISTRATION_WIDTH: usize = 28;
const WORDS_WIDTH: usize = 34;

/// The checked command line: what to search for, in which export.
struct Request {
    export: String,
    query: Query,
}

pub fn run(
    form: &Form,
    inputs: &[String],
    limit: usize,
    colonnes: Option<&str>,
    format: ParangonnageFormat,
) -> Result<Outcome> {
    let request = request(form, inputs)?;
    let spec = match colonnes {
        Some(text) => ColumnSpec::parse(text).map_err(library_error)?,
        None => ColumnSpec::default(),
    };
    let (table, columns, results) =
        parangonnage::search(Path::new(&request.export), &spec, &request.query, limit)
            .map_err(library_error)?;
    let mut out = std::io::stdout().lock();
    match format {
        ParangonnageFormat::Table => print_table(&mut out, &request.query, &table, &columns, &results)?,
        ParangonnageFormat::Json => print_json(&mut out, &request.query, &table, &columns, &results)?,
        ParangonnageFormat::Csv => print_csv(&mut out, &results)?,
    }
    out.flush()?;
    Ok(Outcome::Ok)
}

/// `CANDIDATURE.toml EXPORT` or `EXPORT mots…`.
fn request(form: &Form, inputs: &[String]) -> Result<Request> {
    let first = &inputs[0];
    if !first.to_lowercase().ends_with(".toml") {
        let query = Query::from_words(&inputs[1..].join(" "));
        if query.is_empty() {
            bail!("donnez des mots à chercher après l'export, par exemple : fiche parangonnage {} \"tri de courriels\"", for_terminal_line(first));
        }
        return Ok(Request {
            export: first.clone(),
            query,
        });
    }
    if inputs.len() > 2 {
        bail!(
            "après la candidature {}, donnez un seul fichier : l'export du tableau des initiatives (CSV ou XLSX) ; pour chercher des mots, donnez l'export en premier : fiche parangonnage EXPORT.csv \"mots\"",
            for_terminal_line(first)
        );
    }
    let answers = application::open(form, Path::new(first))
        .map_err(|e| anyhow::anyhow!("{}", for_terminal(&e.to_string())))?;
    let query = Query::from_answers(&answers);
    if query.is_empty() {
        bail!(
            "{} : la candidature ne décrit encore ni le problème, ni la solution, ni les données, ni le public : rien à chercher.\n  Répondez d'abord à ces questions, ou cherchez des mots : fiche parangonnage {} \"tri de courriels\"",
            for_terminal_line(first),
            for_terminal_line(&inputs[1])
        );
    }
    Ok(Request {
        export: inputs[1].clone(),
        query,
    })
}

/// A library error worded for the user, causes included, made safe to print
/// (headers of the export appear in some messages).
fn library_error(e: parangonnage::ParangonnageError) -> anyhow::Error {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(&e);
    while let Some(cause) = source {
        text.push_str(&format!(" ({cause})"));
        source = cause.source();
    }
    anyhow::anyhow!("{}", for_terminal(&text))
}

fn print_table(
    out: &mut impl Write,
    query: &Query,
    table: &Table,
    columns: &Columns,
    results: &[Ranked],
) -> Result<()> {
    writeln!(
        out,
        "Initiatives les plus proches de « {} » dans {} ({} initiative{} lue{})",
        for_terminal_line(&shorten(&query.title, 80)),
        for_terminal_line(&table.source),
        table.rows.len(),
        plural(table.rows.len()),
        plural(table.rows.len()),
    )?;
    writeln!(out, "Colonnes : {}", for_terminal_line(&columns_fr(table, columns)))?;
    writeln!(out)?;
    if results.is_empty() {
        writeln!(
            out,
            "Aucune initiative du tableau ne partage de mots avec votre recherche. Essayez d'autres mots, ou vérifiez les colonnes choisies (--colonnes)."
        )?;
        return Ok(());
    }
    writeln!(
        out,
        "{:>3}  {}  {}  {}  Contact",
        "n°",
        pad("Initiative", NAME_WIDTH),
        pad("Administration", ADMINISTRATION_WIDTH),
        pad("Pourquoi (mots en commun)", WORDS_WIDTH),
    )?;
    for r in results {
        let i = &r.initiative;
        writeln!(
            out,
            "{:>3}  {}  {}  {}  {}",
            r.rank,
            pad(&for_terminal_line(&i.name), NAME_WIDTH),
            pad(&for_terminal_line(&i.administration), ADMINISTRATION_WIDTH),
            pad(&for_terminal_line(&r.words.join(", ")), WORDS_WIDTH),
            for_terminal_line(&i.contact),
        )?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "Contactez les équipes qui vous ressemblent, puis notez ce que vous en retenez dans « Solutions existantes » (pertinence.solutions_existantes)."
    )?;
    Ok(())
}

#[derive(Serialize)]
struct JsonOutput<'a> {
    query: &'a str,
    source: &'a str,
    rows: usize,
    columns: Vec<JsonColumn<'a>>,
    results: Vec<JsonResult<'a>>,
}

#[derive(Serialize)]
struct JsonColumn<'a> {
    role: Role,
    key: &'static str,
    header: &'a str,
}

#[derive(Serialize)]
struct JsonResult<'a> {
    rank: usize,
    score: f64,
    line: u64,
    name: &'a str,
    administration: &'a str,
    description: &'a str,
    contact: &'a str,
    words: &'a [String],
}

fn print_json(
    out: &mut impl Write,
    query: &Query,
    table: &Table,
    columns: &Columns,
    results: &[Ranked],
) -> Result<()> {
    let output = JsonOutput {
        query: &query.title,
        source: &table.source,
        rows: table.rows.len(),
        columns: Role::ALL
            .into_iter()
            .filter_map(|role| {
                columns.get(role).map(|i| JsonColumn {
                    role,
                    key: role.key(),
                    header: &table.headers[i],
                })
            })
            .collect(),
        results: results
            .iter()
            .map(|r| JsonResult {
                rank: r.rank,
                score: (f64::from(r.score) * 100.0).round() / 100.0,
                line: r.initiative.line,
                name: &r.initiative.name,
                administration: &r.initiative.administration,
                description: &r.initiative.description,
                contact: &r.initiative.contact,
                words: &r.words,
            })
            .collect(),
    };
    writeln!(out, "{}", for_terminal_json(&serde_json::to_string_pretty(&output)?))?;
    Ok(())
}

fn print_csv(out: &mut impl Write, results: &[Ranked]) -> Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record([
        "rang",
        "nom",
        "administration",
        "mots_en_commun",
        "contact",
        "ligne",
        "score",
        "description",
    ])?;
    for r in results {
        let i = &r.initiative;
        writer.write_record([
            r.rank.to_string(),
            for_terminal(&i.name),
            for_terminal(&i.administration),
            for_terminal(&r.words.join(", ")),
            for_terminal(&i.contact),
            i.line.to_string(),
            format!("{:.2}", r.score),
            for_terminal(&i.description),
        ])?;
    }
    writer.flush()?;
    Ok(())
}

/// « nom « Intitulé », description « Résumé », … » for the table's header.
fn columns_fr(table: &Table, columns: &Columns) -> String {
    Role::ALL
        .into_iter()
        .map(|role| match columns.get(role) {
            Some(i) => format!("{} « {} »", role.key(), shorten(&table.headers[i], 40)),
            None => format!("{} (aucune)", role.key()),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `text` on `width` characters: cut with « … », or padded with spaces.
fn pad(text: &str, width: usize) -> String {
    let cut = shorten(text, width);
    let len = cut.chars().count();
    format!("{cut}{}", " ".repeat(width.saturating_sub(len)))
}

/// `text` on one line, cut to `max` characters with « … ».
fn shorten(text: &str, max: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(max.saturating_sub(1)) {
        Some((cut, _)) if one_line.chars().count() > max => format!("{}…", &one_line[..cut]),
        _ => one_line,
    }
}

fn plural(n: usize) -> &'static str {
    if n > 1 { "s" } else { "" }
}

// SANITISER CALL SITES (engineer "safety" adds `fiche::sanitize`): until it
// lands in main, these stand-ins show control characters visibly; then they
// become `sanitize::terminal_line`, `sanitize::terminal` and `sanitize::json`.

/// One line of text for the terminal: controls (escape sequences, line
/// breaks, bidi overrides) shown as U+FFFD or a space.
fn for_terminal_line(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' => ' ',
            c if is_unsafe(c) => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// Text for the terminal, line breaks kept.
fn for_terminal(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\t' => c,
            c if is_unsafe(c) => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// JSON for the terminal: serde_json escapes C0 controls, not C1 or bidi
/// controls; inside a JSON string `\uXXXX` is the same value.
fn for_terminal_json(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_unsafe(c) && !c.is_ascii() {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}
