//! What the session reads out about the whole application: `:bilan` (the
//! business case and the coach on this section), `:verifier` (like
//! `fiche check`), and the final summary with the export offer.

use std::io::{BufRead, Write};

use fiche::coach;
use fiche::render::{Renderer, Target};
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
            // Next to the full-scale figures, what they are for the pilot.
            if let Some(pilot) = coach.roi.pilot_note_fr() {
                self.say(&pilot);
            }
        } else {
            self.say(&coach.roi.summary_fr());
        }
        self.say(&format!(
            "Score de préparation : {} sur 100.",
            coach.score.value
        ));
        // The deductions are read by `:verifier` and at the end; the cap is
        // said here too, so a draft's low score comes with its reason.
        if let Some(cap) = coach.score.cap_line() {
            self.say(&format!("{cap}."));
        }
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
        self.say(&format!("Vérification : {}.", required_given(&report)));
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
                n => format!(", dont {}", fiche::format::count(n, "erreur", "erreurs")),
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
        self.say(&format!("Complétude : {}.", required_given(&report)));
        self.say_missing(&report);
        self.say(&format!(
            "Score de préparation du coach : {} sur 100.",
            coach.score.value
        ));
        for line in &coach.score.explanation {
            self.say(&format!("  {line}"));
        }
        let targets = Target::all();
        self.say("Exporter, à côté du fichier de réponses :");
        for (i, t) in targets.iter().enumerate() {
            self.say(&format!(
                "  {} : {} ({})",
                i + 1,
                t.label_fr(),
                t.short_name()
            ));
        }
        loop {
            let line = self
                .prompt
                .ask("Numéro ou nom de l’export, ou Entrée pour terminer : ");
            let text = match line {
                Line::Eof => return Step::Quit,
                Line::Command(c) => match self.command(c, None, None) {
                    Some(step) => return step,
                    None => continue,
                },
                Line::Text(text) => text,
            };
            if text.trim().is_empty() {
                return Step::Next;
            }
            let chosen = match text.trim().parse::<usize>() {
                Ok(n) => n.checked_sub(1).and_then(|i| targets.get(i)).copied(),
                Err(_) => Target::named(&text),
            };
            match chosen {
                Some(target) => self.export(target),
                None => self.say(&format!(
                    "erreur : « {} » n’est pas un export ; tapez un numéro de 1 à {} ou un nom (md, pdf, odt, eml…), ou Entrée pour terminer.",
                    text.trim(),
                    targets.len()
                )),
            }
        }
    }

    /// Writes one export next to the answers file and says where.
    fn export(&mut self, target: Target) {
        if target.is_slow() {
            self.say("Production en cours, quelques secondes…");
        }
        let result = Renderer::new(self.invocation.templates.as_deref()).write_target(
            self.form,
            &self.answers,
            &self.path,
            target,
        );
        match result {
            Ok(done) if target == Target::Email => {
                let report = validate::check(self.form, &self.answers);
                let errors = coach::review(self.form, &self.answers, &report)
                    .errors()
                    .count();
                let coach_errors = fiche::render::email_coach_errors_fr(errors);
                let draft = match (done.draft, &coach_errors) {
                    (false, _) => "",
                    // The e-mail of an application the coach faults is a
                    // draft too, complete or not: the warning says why.
                    (true, Some(_)) => " (marqué BROUILLON)",
                    (true, None) => " (marqué BROUILLON : la candidature est incomplète)",
                };
                let next = match coach_errors {
                    // « Attention » starts its own sentence here.
                    Some(warning) => format!("A{}.", &warning[1..]),
                    None => {
                        "Ouvrez-le dans votre messagerie, relisez-le et envoyez-le.".to_string()
                    }
                };
                self.say(&format!(
                    "Courriel prêt : {}{draft}. {next}",
                    done.path.display()
                ))
            }
            Ok(done) => {
                let draft = if done.draft {
                    " (marqué BROUILLON : la candidature est incomplète, ce qui manque est listé en annexe)"
                } else {
                    ""
                };
                self.say(&format!("Document écrit : {}{draft}", done.path.display()))
            }
            Err(e) => self.say(&format!("erreur : l’export n’a pas pu être écrit : {e}")),
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

/// `3 réponses obligatoires données sur 20 (15 %)`, `0 réponse obligatoire
/// donnée sur 20 (0 %)`: the singular below two, as French agrees it.
pub(super) fn required_given(report: &validate::Report) -> String {
    format!(
        "{} sur {} ({})",
        fiche::format::count(
            report.required_answered,
            "réponse obligatoire donnée",
            "réponses obligatoires données"
        ),
        report.required_total,
        report.percent_fr()
    )
}
