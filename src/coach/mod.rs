//! The pitch coach: what a jury will find weak in an application, the
//! business case it will ask for, and a readiness score that says why.
//!
//! ```no_run
//! # let form = fiche::form::builtin();
//! # let answers = fiche::Answers::new(&form);
//! let report = fiche::validate::check(&form, &answers);
//! let coach = fiche::coach::review(&form, &answers, &report);
//! println!("{}", coach.roi.summary_fr());
//! for f in &coach.findings {
//!     // f.rule is the stable rule id, f.id the question to jump to.
//!     println!("{} {:?} {}", f.id, f.rule, f.message);
//! }
//! println!("{}/100", coach.score.value);
//! ```
//!
//! Rules are code, one file per kind: `rules` (the problem, its scale, the
//! data, the metric, AI relevance, the plan), `figures` (figures that
//! cannot all be true), `compliance` (the law and responsible AI, with
//! `applicant`: who carries the project), `reviewer` (what a reviewer asks
//! beyond the fiche model), `texts` (placeholders, pasted text) and
//! `contact` (the product lead's address). They read answers through
//! `answer`; their thresholds are data, read from the form file's `[coach]`
//! table ([`Thresholds`]). `roi` computes the business case, `score` the
//! readiness score, `view` shapes both for document templates.

mod answer;
mod applicant;
mod compliance;
mod contact;
mod figures;
mod reviewer;
pub mod roi;
mod rules;
mod score;
mod texts;
mod thresholds;
mod view;

#[cfg(test)]
mod tests;

pub use answer::number as answer_number;
pub use compliance::CHECK_WITH;
pub use figures::budget_lines_total;
pub use roi::Roi;
pub use score::{Readiness, readiness};
pub use thresholds::Thresholds;
pub use view::{CoachFindingView, CoachView, RoiView};

use crate::answers::Answers;
use crate::form::Form;
use crate::validate::{Finding, Report, Severity};

/// Everything the coach has to say about one application.
#[derive(Debug, Clone)]
pub struct CoachReport {
    /// Findings in form order, each with `rule: Some(id)` and the question id
    /// (`section.question`) to jump to.
    pub findings: Vec<Finding>,
    pub roi: Roi,
    pub score: Readiness,
}

impl CoachReport {
    /// The findings about one section's questions, in form order.
    pub fn in_section(&self, section_id: &str) -> Vec<&Finding> {
        self.findings
            .iter()
            .filter(|f| f.section == section_id)
            .collect()
    }

    /// Coach errors: what a jury would reject outright.
    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
    }
}

/// Runs every rule, computes the business case and the readiness score.
/// Cheap enough to call on each keystroke.
pub fn review(form: &Form, answers: &Answers, report: &Report) -> CoachReport {
    review_in(form, answers, report, &answers.condition_context(form))
}

/// Like [`review`], with the answers' condition context already built
/// (`Answers::context`, as for [`crate::validate::check_in`]): it converts
/// every answer, so a caller that checks and reviews builds it once.
pub fn review_in(
    form: &Form,
    answers: &Answers,
    report: &Report,
    context: &minijinja::Value,
) -> CoachReport {
    let roi = Roi::compute(form, answers);
    let ctx = Context {
        form,
        answers,
        visibility: context,
        roi: &roi,
        thresholds: Thresholds::from_table(&form.coach),
    };
    let mut findings = Vec::new();
    rules::run(&ctx, &mut findings);
    figures::run(&ctx, &mut findings);
    compliance::run(&ctx, &mut findings);
    reviewer::run(&ctx, &mut findings);
    texts::run(&ctx, &mut findings);
    contact::run(&ctx, &mut findings);
    // A rule about a question the form does not ask (a form of one's own
    // without the built-in one's `volume.volume_annuel`, say) has nothing to
    // say: the user could neither see nor answer it, and it would cost
    // readiness points for a question never put.
    findings.retain(|f| ctx.has(&f.question_id()));
    // Compared piece by piece: `section.question` is not written out for
    // every question of the form and every finding.
    let order = |f: &Finding| {
        let id = f.question_id();
        form.questions()
            .position(|(s, q)| {
                id.strip_prefix(s.id.as_str())
                    .and_then(|rest| rest.strip_prefix('.'))
                    == Some(q.id.as_str())
            })
            .unwrap_or(usize::MAX)
    };
    findings.sort_by_cached_key(order);
    let score = readiness(report, &findings);
    CoachReport {
        findings,
        roi,
        score,
    }
}

/// One pitch-coach check, as listed in the domain reference.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// Stable id, kebab-case French (`irritant-sans-chiffres`).
    pub id: &'static str,
    /// Short French name, used in the score's explanation.
    pub title: &'static str,
    /// Usual severity (a few rules lower it when the user already did the right thing).
    pub severity: Severity,
    /// Questions the rule reads; the first one is where its findings point.
    pub questions: &'static [&'static str],
}

/// Every rule the coach runs.
#[rustfmt::skip]
pub const RULES: &[Rule] = &[
    rule("irritant-sans-chiffres", "irritant sans chiffres", Severity::Warning, &["probleme.chiffres_irritant"]),
    rule("volume-manquant", "volume d’opérations manquant", Severity::Warning, &["volume.volume_annuel", "volume.unite_operation"]),
    rule("tres-petite-echelle", "très petite échelle", Severity::Warning, &["volume.nb_agents", "volume.volume_annuel"]),
    rule("aucune-donnee-accessible", "aucune donnée accessible", Severity::Warning, &["donnees.sources"]),
    rule("metrique-sans-reference", "indicateur sans valeur chiffrée", Severity::Warning, &["indicateurs.valeur_actuelle", "indicateurs.valeur_cible"]),
    rule("gain-superieur-au-temps-passe", "plus de minutes économisées qu’une opération n’en prend", Severity::Error, &["roi.minutes_economisees", "volume.minutes_par_operation"]),
    rule("postes-hors-budget", "postes de dépense différents du budget annuel", Severity::Warning, &["tco.postes", "tco.budget_annuel"]),
    rule("cible-incoherente", "cible de l’indicateur incohérente avec les minutes économisées", Severity::Warning, &["indicateurs.valeur_cible", "indicateurs.valeur_actuelle", "roi.minutes_economisees"]),
    rule("pilote-superieur-au-volume", "pilote plus grand que le volume annuel", Severity::Warning, &["deploiement.volume_pilote", "volume.volume_annuel"]),
    rule("montant-superieur-au-budget", "montant demandé supérieur au budget annuel", Severity::Warning, &["tco.montant_demande", "tco.budget_annuel"]),
    rule("porteur-collectivite", "collectivité territoriale porteuse", Severity::Warning, &["tco.type_porteur", "identite.administration"]),
    rule("decision-automatique", "décision entièrement automatisée", Severity::Error, &["solution.role_ia", "solution.validation_humaine"]),
    rule("controle-humain-absent", "aucun contrôle humain de ce que produit l’IA", Severity::Warning, &["solution.validation_humaine", "solution.role_ia"]),
    rule("donnees-sensibles-hors-ue", "données sensibles hors de l’administration ou d’un cloud SecNumCloud", Severity::Error, &["ia_responsable.hebergement", "ia_responsable.sensibilite", "donnees.sources", "ia_responsable.donnees_sante"]),
    rule("donnees-personnelles-hors-ue", "données personnelles hébergées hors de l’Union européenne", Severity::Error, &["ia_responsable.hebergement", "ia_responsable.donnees_personnelles"]),
    rule("donnees-personnelles-cloud-non-qualifie", "données personnelles sur un cloud non qualifié", Severity::Error, &["ia_responsable.hebergement", "ia_responsable.donnees_personnelles", "tco.type_porteur"]),
    rule("fournisseur-hors-ue", "fournisseur hors Union européenne", Severity::Warning, &["solution.fournisseur", "ia_responsable.donnees_personnelles", "ia_responsable.sensibilite", "donnees.sources"]),
    rule("donnees-personnelles-incoherentes", "source de données personnelles sans données personnelles déclarées", Severity::Warning, &["ia_responsable.donnees_personnelles", "donnees.sources"]),
    rule("donnees-sante-hds", "données de santé : hébergeur HDS", Severity::Warning, &["ia_responsable.donnees_sante", "ia_responsable.hebergement"]),
    rule("aipd-requise", "AIPD présumée nécessaire", Severity::Warning, &["ia_responsable.criteres_aipd", "ia_responsable.donnees_personnelles", "ia_responsable.referents_consultes"]),
    rule("aipd-a-verifier", "AIPD à vérifier sur la liste de la CNIL", Severity::Advice, &["ia_responsable.criteres_aipd", "ia_responsable.donnees_personnelles"]),
    rule("information-usagers-manquante", "information des usagers manquante", Severity::Warning, &["ia_responsable.information_usagers", "solution.role_ia", "probleme.public_concerne"]),
    rule("biais-non-etudies", "biais et non-discrimination non étudiés", Severity::Advice, &["ia_responsable.biais", "solution.role_ia", "probleme.public_concerne"]),
    rule("ai-act-haut-risque", "système d’IA à haut risque", Severity::Warning, &["ia_responsable.risque_ai_act"]),
    rule("ai-act-interdit", "pratique d’IA interdite", Severity::Error, &["ia_responsable.risque_ai_act"]),
    rule("ai-act-a-determiner", "catégorie AI Act non déterminée", Severity::Advice, &["ia_responsable.risque_ai_act"]),
    rule("homologation-non-prevue", "homologation de sécurité non prévue", Severity::Warning, &["ia_responsable.homologation", "deploiement.stade"]),
    rule("code-non-ouvert", "code non publié", Severity::Warning, &["mutualisation.code_ouvert"]),
    rule("solutionnisme", "aucune alternative sans IA étudiée", Severity::Warning, &["pertinence.alternatives_sans_ia"]),
    rule("procedure-a-simplifier", "procédure à simplifier d’abord", Severity::Warning, &["pertinence.procedure_a_simplifier"]),
    rule("outil-etat-non-etudie", "outil mutualisé de l’État non étudié", Severity::Warning, &["pertinence.outil_etat"]),
    rule("evaluation-generative-manquante", "qualité de l’IA générative non évaluée", Severity::Warning, &["indicateurs.evaluation_generative", "solution.ia_generative"]),
    rule("apres-pilote-non-prevu", "suite du pilote non prévue", Severity::Advice, &["deploiement.apres_pilote"]),
    rule("retour-trop-long", "budget annuel couvert trop lentement", Severity::Warning, &["tco.budget_annuel", "roi.minutes_economisees"]),
    rule("aucun-gain-de-temps", "aucun gain de temps", Severity::Warning, &["roi.minutes_economisees"]),
    rule("plan-trop-court", "plan à six mois trop court", Severity::Warning, &["deploiement.plan_6_mois"]),
    rule("texte-provisoire", "texte laissé provisoire", Severity::Warning, &["identite.nom_produit", "identite.slogan", "pertinence.solutions_existantes"]),
    rule("texte-duplique", "même texte dans plusieurs réponses", Severity::Warning, &[]),
    rule("adresse-personnelle", "adresse e-mail personnelle", Severity::Warning, &["identite.chef_produit_email"]),
];

const fn rule(
    id: &'static str,
    title: &'static str,
    severity: Severity,
    questions: &'static [&'static str],
) -> Rule {
    Rule {
        id,
        title,
        severity,
        questions,
    }
}

/// The rule with this id.
pub fn rule_by_id(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// What every rule reads.
pub(crate) struct Context<'a> {
    pub form: &'a Form,
    pub answers: &'a Answers,
    /// The answers as conditions read them (which questions are shown).
    pub visibility: &'a minijinja::Value,
    pub roi: &'a Roi,
    pub thresholds: Thresholds,
}

impl answer::Source for Context<'_> {
    /// The answer to `id` if the form asks it ([`answer::Asked`]), and,
    /// for a number, if its question accepts it: a negative count or a
    /// percentage above 100 is reported by the field check, and a rule
    /// reasoning on it would only add a misleading remark (« très petite
    /// échelle : −3 agent »).
    fn value(&self, id: &str) -> Option<std::borrow::Cow<'_, toml::Value>> {
        let value = answer::asked(self.form, self.answers, id)?;
        let refused = self.form.question(id).is_some_and(|(_, q)| {
            q.kind.is_numeric() && !crate::form::check_value(q, &value).is_empty()
        });
        (!refused).then_some(value)
    }
}

impl Context<'_> {
    /// Whether the form asks `section.question`. The rules name the
    /// built-in form's questions; a form of one's own (`--form DIR`) may not
    /// have them, and a rule says nothing about a question that is not
    /// asked.
    pub fn has(&self, id: &str) -> bool {
        self.form.question(id).is_some()
    }

    /// A finding of `rule` on `question`, at the rule's usual severity.
    pub fn finding(&self, rule: &str, question: &str, message: String) -> Finding {
        let severity = rule_by_id(rule).map_or(Severity::Warning, |r| r.severity);
        self.finding_with(rule, severity, question, message)
    }

    pub fn finding_with(
        &self,
        rule: &str,
        severity: Severity,
        question: &str,
        message: String,
    ) -> Finding {
        let mut f = Finding::new(question, severity, message);
        f.rule = Some(crate::ids::Rule::from(rule));
        f.position = self.answers.position(question);
        f
    }

    /// `« Label »` of a question the form asks, for a message that sends
    /// the user to it; `None` when the form does not ask it.
    pub fn asked_label(&self, id: &str) -> Option<String> {
        self.form
            .question(id)
            .map(|(_, q)| format!("« {} »", q.label))
    }

    /// `« Label »` of a question, for messages.
    pub fn label(&self, id: &str) -> String {
        self.form
            .question(id)
            .map(|(_, q)| format!("« {} »", q.label))
            .unwrap_or_else(|| id.to_string())
    }
}
