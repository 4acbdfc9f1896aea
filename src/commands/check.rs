//! `fiche check FILE|DIR…`: with several applications one summary table
//! (`summary`); for one, or with `--details`, the full report: findings
//! grouped by section, completeness, then the pitch coach (findings,
//! business case, readiness score). And the exit code.

mod summary;

use anyhow::{Result, bail};
use serde::Serialize;

use super::Outcome;
use crate::cli::{CheckArgs, CheckFormat};
use fiche::Form;
use fiche::coach::{self, CoachReport, Readiness, Roi};
use fiche::format::count;
use fiche::review::{self, Input, Opened};
use fiche::validate::{self, Finding, Report};

#[derive(Serialize)]
struct FileReport<'a> {
    file: String,
    complete: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<&'a Report>,
    #[serde(skip_serializing_if = "Option::is_none")]
    coach: Option<CoachJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    roi: Option<&'a Roi>,
}

#[derive(Serialize)]
struct CoachJson<'a> {
    findings: &'a [Finding],
    score: &'a Readiness,
}

/// One checked file: validation, then the coach's review.
struct Checked {
    report: Report,
    coach: CoachReport,
}

impl Checked {
    /// Complete, valid, and nothing a jury would reject outright.
    fn passes(&self) -> bool {
        self.report.is_complete() && self.coach.errors().next().is_none()
    }
}

pub fn run(form: &Form, args: &CheckArgs) -> Result<Outcome> {
    let found = review::discover(&args.files);
    let mut failed = false;
    for (dir, why) in &found.unreadable {
        eprintln!("erreur : {} : {why}", dir.display());
        failed = true;
    }
    if found.files.is_empty() && !failed {
        let folders: Vec<String> = args
            .files
            .iter()
            .map(|p| format!("« {} »", fiche::sanitize::echo(&p.display().to_string())))
            .collect();
        bail!(
            "aucune candidature à vérifier : {} ne contient aucun fichier .toml, même dans ses sous-dossiers.\n  Donnez un fichier de candidature (fiche check candidature.toml) ou un dossier qui en contient ; fiche new candidature.toml en crée une.",
            folders.join(", ")
        );
    }
    let csv = matches!(args.format, CheckFormat::Csv);
    if args.details && csv {
        bail!(
            "--details donne le rapport de chaque candidature, qui ne tient pas dans un tableur : utilisez --format text ou json avec --details, ou --format csv sans"
        );
    }
    let outcome = if !args.details && (csv || found.has_folder || found.files.len() > 1) {
        summary::run(form, &found.files, args.format, args.sort.key())?
    } else {
        details(form, &found.files, args.format)?
    };
    Ok(match outcome {
        _ if failed => Outcome::Failed,
        outcome => outcome,
    })
}

/// Today's report, file by file: findings by section, coach, business case.
fn details(form: &Form, files: &[Input], format: CheckFormat) -> Result<Outcome> {
    let mut checked = Vec::new();
    let mut skipped = Vec::new();
    for input in files {
        let file = input.path.display().to_string();
        let result = match review::open(form, input) {
            Ok(Opened::Skipped(why)) => {
                skipped.push((file, why));
                continue;
            }
            Ok(Opened::Application(answers)) => {
                let context = answers.condition_context(form);
                let report = validate::check_in(form, &answers, &context);
                let coach = coach::review_in(form, &answers, &report, &context);
                Ok(Checked { report, coach })
            }
            Err(e) => Err(e),
        };
        checked.push((file, result));
    }
    if checked.is_empty() {
        summary::print_skipped(&skipped, true);
        bail!("aucune candidature à vérifier");
    }
    match format {
        CheckFormat::Text => {
            for (i, (file, result)) in checked.iter().enumerate() {
                if i > 0 {
                    say!();
                }
                match result {
                    Ok(c) => print_text(file, form, c),
                    Err(e) => say_err!("erreur : {e}"),
                }
            }
        }
        CheckFormat::Json | CheckFormat::Csv => print_json(&checked)?,
    }
    summary::print_skipped(&skipped, matches!(format, CheckFormat::Text));
    if checked.iter().any(|(_, r)| r.is_err()) {
        return Ok(Outcome::Failed);
    }
    if checked
        .iter()
        .all(|(_, r)| r.as_ref().is_ok_and(Checked::passes))
    {
        Ok(Outcome::Ok)
    } else {
        Ok(Outcome::Problems)
    }
}

/// Every file's report as one JSON array, on stdout.
fn print_json(checked: &[(String, Result<Checked, fiche::AnswersError>)]) -> Result<()> {
    let out: Vec<FileReport> = checked
        .iter()
        .map(|(file, result)| {
            let ok = result.as_ref().ok();
            FileReport {
                file: file.clone(),
                complete: ok.is_some_and(|c| c.report.is_complete()),
                error: result.as_ref().err().map(|e| e.to_string()),
                report: ok.map(|c| &c.report),
                coach: ok.map(|c| CoachJson {
                    findings: &c.coach.findings,
                    score: &c.coach.score,
                }),
                roi: ok.map(|c| &c.coach.roi),
            }
        })
        .collect();
    println!(
        "{}",
        fiche::sanitize::json(&serde_json::to_string_pretty(&out)?)
    );
    Ok(())
}

fn print_text(file: &str, form: &Form, checked: &Checked) {
    say!("{file} — {} (version {})", form.title, form.version);
    print_sections(form, &checked.report);
    print_coach(form, &checked.coach);
    print_verdict(checked);
}

/// Each section's count of answers with its findings, then the findings
/// on answers the form has no section for.
fn print_sections(form: &Form, report: &Report) {
    for section in &report.sections {
        let findings: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| f.section == section.id)
            .collect();
        let mark = if section.is_complete() { "✓" } else { "✗" };
        say!(
            "  {mark} {} : {}/{}",
            section.title,
            section.answered,
            section.required
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
        say!("  ! Hors formulaire");
        for f in others {
            print_finding(f);
        }
    }
}

/// Completeness, then the result in words: what is left to do, if anything.
fn print_verdict(checked: &Checked) {
    let report = &checked.report;
    let missing = report.missing().count();
    let errors = report.errors().count() - missing;
    let coach_errors = checked.coach.errors().count();
    say!(
        "Complétude : {}/{} réponses obligatoires ({})",
        report.required_answered,
        report.required_total,
        report.percent_fr()
    );
    if checked.passes() {
        say!("Résultat : candidature complète et valide.");
    } else if report.is_complete() {
        say!(
            "Résultat : à corriger — {} par le coach de pitch, qu’un jury refuserait.",
            count(coach_errors, "erreur relevée", "erreurs relevées")
        );
    } else {
        let coach = if coach_errors > 0 {
            format!(
                ", {} par le coach de pitch",
                count(coach_errors, "erreur relevée", "erreurs relevées")
            )
        } else {
            String::new()
        };
        if missing == 0 {
            // Every answer is there: « à compléter — 0 réponse manquante »
            // said the wrong thing to do.
            say!(
                "Résultat : à corriger — {}{coach}.",
                count(errors, "erreur de saisie", "erreurs de saisie")
            );
        } else {
            say!(
                "Résultat : à compléter — {}, {}{coach}.",
                count(
                    missing,
                    "réponse obligatoire manquante",
                    "réponses obligatoires manquantes"
                ),
                count(errors, "erreur", "erreurs"),
            );
        }
    }
}

fn print_finding(f: &Finding) {
    let place = f
        .position
        .map(|p| format!(" (ligne {})", p.line))
        .unwrap_or_default();
    say!(
        "      {:<9} {}{place} : {}",
        f.severity.label_fr(),
        f.id,
        f.message
    );
}

/// Coach findings by section, the business case, the readiness score.
fn print_coach(form: &Form, coach: &CoachReport) {
    say!("Coach de pitch :");
    if coach.findings.is_empty() {
        say!("  aucune remarque.");
    }
    for section in &form.sections {
        let findings = coach.in_section(&section.id);
        if findings.is_empty() {
            continue;
        }
        say!("  {}", section.title);
        for f in findings {
            let place = f
                .position
                .map(|p| format!(", ligne {}", p.line))
                .unwrap_or_default();
            say!(
                "      {:<9} [{}] {}{place} : {}",
                f.severity.label_fr(),
                f.rule.as_deref().unwrap_or_default(),
                f.id,
                f.message
            );
        }
    }
    print_business_case(&coach.roi);
    say!("Score de préparation : {}/100", coach.score.value);
    for line in &coach.score.explanation {
        say!("  {line}");
    }
}

/// The business case: time and money freed, payback, or why it cannot be
/// computed; then the defaults it used and its summary.
fn print_business_case(roi: &Roi) {
    say!("Bilan économique :");
    if roi.is_computable() {
        if let Some(scale) = roi.scale_fr() {
            say!("  À pleine échelle ({scale}) :");
        }
        let figures = [
            ("Temps d’agent libéré par an", roi.hours_fr()),
            ("Équivalent temps plein", roi.fte_fr()),
            ("Valeur de ce temps par an", roi.euros_fr()),
        ];
        for (label, text) in figures {
            say!("  {label} : {}", text.unwrap_or_default());
        }
        match (roi.payback_fr(), roi.payback_months()) {
            (Some(text), _) => say!("  Budget annuel couvert en : {text} d’économies"),
            (None, Err(reason)) => say!("  Budget annuel couvert en : {reason}"),
            (None, Ok(_)) => {}
        }
        if let (Some(net), Some(ratio)) = (roi.net_gain_fr(), roi.ratio_fr()) {
            say!("  Gain net annuel : {net}");
            say!("  Ratio bénéfice/coût : {ratio}");
        }
    } else {
        say!("  non calculable :");
        for reason in roi.missing() {
            say!("    - {reason}");
        }
    }
    for note in roi.defaults_used() {
        say!("  (valeur par défaut utilisée : {note})");
    }
    say!("  {}", roi.summary_fr());
    // Next to the full-scale figures, what they are for the pilot.
    if let Some(pilot) = roi.pilot_note_fr().filter(|_| roi.is_computable()) {
        say!("  {pilot}");
    }
}
