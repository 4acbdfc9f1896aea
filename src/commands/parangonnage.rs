//! `fiche parangonnage CANDIDATURE.toml EXPORT` and `fiche parangonnage EXPORT
//! "mots"`: the initiatives of the State's shared table closest to an
//! application, as a table, JSON or CSV. Every text read from the export is
//! sanitised (`fiche::sanitize`) before it reaches the terminal; errors are
//! printed by `main`, which sanitises them too. `--citer` writes chosen
//! initiatives into the application (`cite`).

mod cite;

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use serde::Serialize;

use super::Outcome;
use crate::cli::ParangonnageFormat;
use fiche::parangonnage::{self, ColumnSpec, Columns, Query, Ranked, Role, Table};
use fiche::{Form, application, sanitize};

/// Column widths of the table, in characters (the contact takes the rest).
const NAME_WIDTH: usize = 34;
const ADMINISTRATION_WIDTH: usize = 28;
const WORDS_WIDTH: usize = 34;

/// What a search found, for each output format: the export read, the
/// columns used, the closest initiatives.
struct Found<'q> {
    query: &'q Query,
    table: Table,
    columns: Columns,
    results: Vec<Ranked>,
}

/// The checked command line: what to search for, in which export.
struct Request {
    export: String,
    query: Query,
    /// The application searched for, when one was given.
    application: Option<PathBuf>,
}

pub fn run(
    form: &Form,
    inputs: &[String],
    limit: usize,
    colonnes: Option<&str>,
    format: ParangonnageFormat,
    citer: &[u32],
) -> Result<Outcome> {
    let request = request(form, inputs)?;
    let spec = match colonnes {
        Some(text) => ColumnSpec::parse(text)?,
        None => ColumnSpec::default(),
    };
    if !citer.is_empty() {
        let Some(application) = &request.application else {
            bail!(
                "--citer ajoute des initiatives à une candidature : donnez-la en premier, par exemple : fiche parangonnage candidature.toml {} --citer 1,3",
                sanitize::terminal_line(&request.export)
            );
        };
        let deepest = citer.iter().map(|&r| r as usize).max().unwrap_or(0);
        let (_, _, results) = parangonnage::search(
            Path::new(&request.export),
            &spec,
            &request.query,
            limit.max(deepest),
        )?;
        return cite::run(form, application, &results, citer);
    }
    let (table, columns, results) =
        parangonnage::search(Path::new(&request.export), &spec, &request.query, limit)?;
    let found = Found {
        query: &request.query,
        table,
        columns,
        results,
    };
    let mut out = std::io::stdout().lock();
    match format {
        ParangonnageFormat::Table => print_table(&mut out, &found)?,
        ParangonnageFormat::Json => print_json(&mut out, &found)?,
        ParangonnageFormat::Csv => print_csv(&mut out, &found.results)?,
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
            bail!(
                "donnez des mots à chercher après l’export, par exemple : fiche parangonnage {} \"tri de courriels\"",
                sanitize::terminal_line(first)
            );
        }
        return Ok(Request {
            export: first.clone(),
            query,
            application: None,
        });
    }
    if inputs.len() > 2 {
        bail!(
            "après la candidature {}, donnez un seul fichier : l’export du tableau des initiatives (CSV ou XLSX) ; pour chercher des mots, donnez l’export en premier : fiche parangonnage EXPORT.csv \"mots\"",
            sanitize::terminal_line(first)
        );
    }
    let answers = application::read(form, Path::new(first))?;
    let query = Query::from_answers(&answers);
    if query.is_empty() {
        bail!(
            "{} : la candidature ne décrit encore ni le problème, ni la solution, ni les données, ni le public : rien à chercher.\n  Répondez d’abord à ces questions, ou cherchez des mots : fiche parangonnage {} \"tri de courriels\"",
            sanitize::terminal_line(first),
            sanitize::terminal_line(&inputs[1])
        );
    }
    Ok(Request {
        export: inputs[1].clone(),
        query,
        application: Some(PathBuf::from(first)),
    })
}

fn print_table(out: &mut impl Write, found: &Found) -> Result<()> {
    writeln!(
        out,
        "Initiatives les plus proches de « {} » dans {} ({})",
        sanitize::terminal_line(&shorten(&found.query.title, 80)),
        sanitize::terminal_line(&found.table.source),
        fiche::format::count(found.table.rows.len(), "initiative lue", "initiatives lues"),
    )?;
    writeln!(
        out,
        "Colonnes : {}",
        sanitize::terminal_line(&columns_fr(&found.table, &found.columns))
    )?;
    writeln!(out)?;
    if found.results.is_empty() {
        writeln!(
            out,
            "Aucune initiative du tableau ne partage de mots avec votre recherche. Essayez d’autres mots, ou vérifiez les colonnes choisies (--colonnes)."
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
    for r in &found.results {
        let i = &r.initiative;
        writeln!(
            out,
            "{:>3}  {}  {}  {}  {}",
            r.rank,
            pad(&sanitize::terminal_line(&i.name), NAME_WIDTH),
            pad(
                &sanitize::terminal_line(&i.administration),
                ADMINISTRATION_WIDTH
            ),
            pad(&sanitize::terminal_line(&r.words.join(", ")), WORDS_WIDTH),
            sanitize::terminal_line(&i.contact),
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

fn print_json(out: &mut impl Write, found: &Found) -> Result<()> {
    let output = JsonOutput {
        query: &found.query.title,
        source: &found.table.source,
        rows: found.table.rows.len(),
        columns: Role::ALL
            .into_iter()
            .filter_map(|role| {
                found.columns.get(role).map(|i| JsonColumn {
                    role,
                    key: role.key(),
                    header: &found.table.headers[i],
                })
            })
            .collect(),
        results: found
            .results
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
    writeln!(
        out,
        "{}",
        sanitize::json(&serde_json::to_string_pretty(&output)?)
    )?;
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
            sanitize::spreadsheet_cell(&i.name).into_owned(),
            sanitize::spreadsheet_cell(&i.administration).into_owned(),
            sanitize::spreadsheet_cell(&r.words.join(", ")).into_owned(),
            sanitize::spreadsheet_cell(&i.contact).into_owned(),
            i.line.to_string(),
            format!("{:.2}", r.score),
            sanitize::spreadsheet_cell(&i.description).into_owned(),
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
