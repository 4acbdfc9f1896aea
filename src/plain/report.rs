//! What the session reads out about the whole application: `:bilan` (the
//! business case and the coach on this section), `:verifier` (like
//! `fiche check`), and the final summary with the export offer.

use std::io::{BufRead, Write};

use fiche::coach;
use fiche::render::{Export, Format, Renderer};
use fiche::validate::{self, Finding};

use super::prompt::Line;
use super::{Session, Step};

impl<R: BufRead, W: Write> Session<'_, R, W> {
    /// `:bilan`: the business case, the score, the coach on section `si`.
    pub(super) fn review(&mut self, si: Option<usize>) {
        let form = self.form;
        let report = validate::check(form, &self.answers);
        let coach = coach::review(form, &self.answers, &report);
        if coach.roi.is_computable() {
            self.say(&format!("Bilan économique : {}", coach.roi.summary_fr()));
        } else {
            self.say(&coach.roi.summary_fr());
        }
        self.say(&format!(
            "Score de préparation : {} sur 100.",
            coach.score.value
        ));
        let Some(section) = si.map(|si| &form.sections[si]) else {
            return;
        };
        let findings = coach.in_section(&section.id);
        if findings.is_empty() {
            self.say(&format!(
                "Aucune remarque du coach pour la section « {} ».",
                section.title
            ));
            return;
        }
        self.say(&format!(
            "Remarques du coach pour la section « {} » :",
            section.title
        ));
        for f in findings {
            self.say(&coach_line(f));
        }
    }

    /// `:verifier`: missing answers, field errors and coach findings, each
    /// with the id to jump to.
    pub(super) fn check_all(&mut self) {
        let form = self.form;
        let report = validate::check(form, &self.answers);
        let coach = coach::review(form, &self.answers, &report);
        self.say(&format!(
            "Vérification : {} réponses obligatoires données sur {} ({} %).",
            report.required_answered,
            report.required_total,
            report.percent()
        ));
        self.say_missing(&report);
        let others: Vec<&Finding> = report.findings.iter().filter(|f| !f.is_missing()).collect();
        if !others.is_empty() {
            self.say(&format!("Réponses à corriger ({}) :", others.len()));
            for f in others {
                self.say(&format!(
                    "  {} : {} : {}",
                    f.severity.label_fr(),
                    f.id,
                    f.message
                ));
            }
        }
        if coach.findings.is_empty() {
            self.say("Coach de pitch : aucune remarque.");
        } else {
            let errors = coach.errors().count();
            let of_which = match errors {
                0 => String::new(),
                1 => ", dont 1 erreur".to_string(),
                n => format!(", dont {n} erreurs"),
            };
            self.say(&format!(
                "Remarques du coach de pitch ({}{of_which}) :",
                coach.findings.len()
            ));
            for f in &coach.findings {
                self.say(&coach_line(f));
            }
        }
        if report.findings.is_empty() && coach.findings.is_empty() {
            self.say("Rien à signaler : candidature complète et valide.");
        } else {
            self.say("Pour aller à une question : « :aller » suivi de son identifiant.");
        }
    }

    fn say_missing(&mut self, report: &validate::Report) {
        let missing: Vec<String> = report
            .missing()
            .map(|f| {
                let id = f.question_id();
                match self.form.question(&id) {
                    Some((_, q)) => format!("  {id} : {}", q.label),
                    None => format!("  {id}"),
                }
            })
            .collect();
        if missing.is_empty() {
            return;
        }
        self.say(&format!(
            "Réponses obligatoires manquantes ({}) :",
            missing.len()
        ));
        for line in missing {
            self.say(&line);
        }
    }

    /// The end of the questionnaire: summary, then the export offer.
    /// `Next` ends the session; `Back` and `Goto` return to the questions.
    pub(super) fn finish(&mut self) -> Step {
        let form = self.form;
        let report = validate::check(form, &self.answers);
        let coach = coach::review(form, &self.answers, &report);
        self.say("");
        self.say("Fin du questionnaire.");
        self.say(&format!(
            "Complétude : {} réponses obligatoires données sur {} ({} %).",
            report.required_answered,
            report.required_total,
            report.percent()
        ));
        self.say_missing(&report);
        self.say(&format!(
            "Score de préparation du coach : {} sur 100.",
            coach.score.value
        ));
        for line in &coach.score.explanation {
            self.say(&format!("  {line}"));
        }
        loop {
            let line = self
                .prompt
                .ask("Exporter : 1 Markdown, 2 HTML, 3 PDF, 4 pitch, Entrée pour terminer : ");
            let text = match line {
                Line::Eof => return Step::Quit,
                Line::Command(c) => match self.command(c, None, None) {
                    Some(step) => return step,
                    None => continue,
                },
                Line::Text(text) => text,
            };
            let format = match text.trim().to_lowercase().as_str() {
                "" => return Step::Next,
                "1" | "md" | "markdown" => Format::Markdown,
                "2" | "html" => Format::Html,
                "3" | "pdf" => Format::Pdf,
                "4" | "pitch" => Format::Pitch,
                other => {
                    self.say(&format!(
                        "erreur : « {other} » n'est pas un format ; tapez 1, 2, 3 ou 4, ou Entrée pour terminer."
                    ));
                    continue;
                }
            };
            self.export(format);
        }
    }

    /// Writes one document next to the answers file and says where.
    fn export(&mut self, format: Format) {
        if format == Format::Pdf {
            self.say("Production du PDF, quelques secondes…");
        }
        let result = Renderer::new(self.templates.as_deref()).write(
            self.form,
            &self.answers,
            &self.path,
            Export::to_default(format),
        );
        match result {
            Ok(done) if !done.draft => {
                self.say(&format!("Document écrit : {}", done.path.display()))
            }
            Ok(done) => self.say(&format!(
                "Document écrit : {} (marqué BROUILLON : la candidature est incomplète, ce qui manque est listé en annexe)",
                done.path.display()
            )),
            Err(e) => self.say(&format!("erreur : le document n'a pas pu être écrit : {e}")),
        }
    }
}

fn coach_line(f: &Finding) -> String {
    format!(
        "  {} : {} (règle {}) : {}",
        f.severity.label_fr(),
        f.id,
        f.rule.as_deref().unwrap_or_default(),
        f.message
    )
}
