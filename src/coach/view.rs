//! The coach and the business case as document templates receive them
//! (`roi` and `coach` in the render context): display texts only, French
//! figures with no-break spaces.

use serde::Serialize;

use super::{CoachReport, Readiness, Roi};
use crate::validate::Severity;

/// `roi` in templates.
#[derive(Debug, Clone, Serialize)]
pub struct RoiView {
    /// Hours, FTE and euros are known (`payback` may still be `None`).
    pub computable: bool,
    /// `57 500 h`
    pub hours_per_year: Option<String>,
    /// `35,78 ETP`
    pub fte: Option<String>,
    /// `1 610 143 €`
    pub euros_per_year: Option<String>,
    /// `2,2 mois`: months of savings that cover one year's budget
    /// (« le budget annuel est couvert en 2,2 mois d'économies »).
    pub payback: Option<String>,
    /// Same as `payback`, by its honest name.
    pub coverage: Option<String>,
    /// `1 310 143 €`: euros saved per year minus the yearly budget.
    pub net_gain: Option<String>,
    /// `5,4`: euros saved per year ÷ yearly budget.
    pub ratio: Option<String>,
    /// `575 000 demandes de renseignement par an`: the figures are at this
    /// full scale, not the pilot's.
    pub scale: Option<String>,
    /// The same figures at the pilot's scale, when its volume is given and
    /// is not the whole annual volume.
    pub pilot_summary: Option<String>,
    /// The pilot covers the whole annual volume: the figures are its own.
    pub pilot_whole: bool,
    /// The business case in one sentence.
    pub summary: String,
    /// Why figures are missing (`non calculable : il manque …`).
    pub missing: Vec<String>,
}

impl From<&Roi> for RoiView {
    fn from(roi: &Roi) -> RoiView {
        RoiView {
            computable: roi.is_computable(),
            hours_per_year: roi.hours_fr(),
            fte: roi.fte_fr(),
            euros_per_year: roi.euros_fr(),
            payback: roi.payback_fr(),
            coverage: roi.payback_fr(),
            net_gain: roi.net_gain_fr(),
            ratio: roi.ratio_fr(),
            scale: roi.scale_fr(),
            pilot_summary: roi.pilot_summary_fr(),
            pilot_whole: roi.pilot_is_whole(),
            summary: roi.summary_fr(),
            missing: roi.missing(),
        }
    }
}

/// `coach` in templates.
#[derive(Debug, Clone, Serialize)]
pub struct CoachView {
    pub findings: Vec<CoachFindingView>,
    pub score: Readiness,
}

/// One coach finding in templates.
#[derive(Debug, Clone, Serialize)]
pub struct CoachFindingView {
    /// The question concerned (`solution.role_ia`).
    pub id: String,
    /// The rule id (`decision-automatique`).
    pub rule: String,
    /// `error`, `warning` or `advice`.
    pub severity: Severity,
    pub message: String,
}

impl From<&CoachReport> for CoachView {
    fn from(report: &CoachReport) -> CoachView {
        CoachView {
            findings: report
                .findings
                .iter()
                .map(|f| CoachFindingView {
                    id: f.id.clone(),
                    rule: f.rule.as_deref().unwrap_or_default().to_string(),
                    severity: f.severity,
                    message: f.message.clone(),
                })
                .collect(),
            score: report.score.clone(),
        }
    }
}
