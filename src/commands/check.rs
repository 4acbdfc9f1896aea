//! `fiche check FILE…`: findings grouped by section, completeness, exit code.

use std::path::Path;

use anyhow::Result;
use serde::Serialize;

use super::Outcome;
use crate::cli::CheckFormat;
use fiche::validate::{self, Finding, Report};
use fiche::{Form, application};

#[derive(Serialize)]
struct FileReport<'a> {
    file: String,
    complete: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<&'a Report>,
}

pub fn run(form: &Form, files: &[impl AsRef<Path>], format: CheckFormat) -> Result<Outcome> {
    let mut reports = Vec::new();
    for file in files {
        let file = file.as_ref();
        let result = application::open(form, file).map(|answers| validate::check(form, &answers));
        reports.push((file.display().to_string(), result));
    }
    match format {
        CheckFormat::Text => {
            for (i, (file, result)) in reports.iter().enumerate() {
                if i > 0 {
                    println!();
                }
                match result {
                    Ok(report) => print_text(file, form, report),
                    Err(e) => eprintln!("erreur : {e}"),
                }
            }
        }
        CheckFormat::Json => {
            let out: Vec<FileReport> = reports
                .iter()
                .map(|(file, result)| FileReport {
                    file: file.clone(),
                    complete: result.as_ref().is_ok_and(Report::is_complete),
                    error: result.as_ref().err().map(|e| e.to_string()),
                    report: result.as_ref().ok(),
                })
                .collect();
            println!("{}", serde_json::to_string_pretty(&out)?);
        }
    }
    if reports.iter().any(|(_, r)| r.is_err()) {
        return Ok(Outcome::Failed);
    }
    if reports
        .iter()
        .all(|(_, r)| r.as_ref().is_ok_and(Report::is_complete))
    {
        Ok(Outcome::Ok)
    } else {
        Ok(Outcome::Problems)
    }
}

fn print_text(file: &str, form: &Form, report: &Report) {
    println!("{file} — {} (version {})", form.title, form.version);
    for section in &report.sections {
        let findings: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| f.section == section.id)
            .collect();
        let mark = if section.is_complete() { "✓" } else { "✗" };
        println!(
            "  {mark} {} : {}/{}",
            section.title, section.answered, section.required
        );
        for f in findings {
            print_finding(f);
        }
    }
    let others: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| form.section(&f.section).is_none())
        .collect();
    if !others.is_empty() {
        println!("  ! Hors formulaire");
        for f in others {
            print_finding(f);
        }
    }
    let missing = report.missing().count();
    let errors = report.errors().count() - missing;
    println!(
        "Complétude : {}/{} réponses obligatoires ({} %)",
        report.required_answered,
        report.required_total,
        report.percent()
    );
    if report.is_complete() {
        println!("Résultat : candidature complète et valide.");
    } else {
        println!(
            "Résultat : à compléter — {missing} réponse(s) obligatoire(s) manquante(s), {errors} erreur(s)."
        );
    }
}

fn print_finding(f: &Finding) {
    let place = f
        .position
        .map(|p| format!(" (ligne {})", p.line))
        .unwrap_or_default();
    println!(
        "      {:<9} {}{place} : {}",
        f.severity.label_fr(),
        f.id,
        f.message
    );
}
