//! The business case: hours of agent time freed, full-time equivalents and
//! their value per year, the months of savings that cover one year's budget,
//! the net yearly gain and the benefit/cost ratio, computed from the answers
//! with exact decimals. The budget recurs every year, so there is no
//! "payback": the honest figure is how much of it the savings cover.
//!
//! Every figure is either a value or the French reason it cannot be computed
//! (a missing answer, nothing saved, a value too large): never a made-up zero.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

mod input;
mod reason;
#[cfg(test)]
mod tests;

use input::{input, input_or_default, named};
use reason::{Figure, Why, both, merge_all};

use crate::answers::Answers;
use crate::coach::answer::Asked;
use crate::form::Form;
use crate::format;

pub const VOLUME: &str = "volume.volume_annuel";
pub const MINUTES_SAVED: &str = "roi.minutes_economisees";
pub const FTE_COST: &str = "roi.cout_etp";
pub const FTE_HOURS: &str = "roi.heures_etp";
pub const BUDGET: &str = "tco.budget_annuel";
pub const UNIT: &str = "volume.unite_operation";
pub const PILOT_VOLUME: &str = "deploiement.volume_pilote";

/// Next to the full-scale figures when the pilot covers the whole annual
/// volume, in the wizard, `fiche check` and the pitch documents alike.
pub const PILOT_WHOLE_FR: &str =
    "Le pilote porte sur tout le volume annuel : ces chiffres sont aussi les siens.";

/// The guide's defaults, used when the form file gives none.
const DEFAULT_FTE_COST: i64 = 45_000;
const DEFAULT_FTE_HOURS: i64 = 1_607;

/// The four figures of the business case.
#[derive(Debug, Clone, PartialEq)]
pub struct Roi {
    hours_per_year: Figure,
    fte: Figure,
    euros_per_year: Figure,
    payback_months: Figure,
    /// Euros saved per year minus the yearly budget.
    net_gain: Figure,
    /// Euros saved per year divided by the yearly budget.
    ratio: Figure,
    /// `575 000 demandes de renseignement par an`: the scale the figures are for.
    scale: Option<String>,
    /// The pilot's share: `(its scale, hours freed, their value)`.
    pilot: Option<(String, Decimal, Decimal)>,
    /// The pilot's volume is the whole annual volume: the full-scale
    /// figures are the pilot's too.
    pilot_is_whole: bool,
    /// Inputs left unanswered for which the form's default was used.
    defaults_used: Vec<String>,
    /// No minute is saved per operation (why no hour is freed, when none is).
    no_minute_saved: bool,
}

impl Roi {
    /// Computes the business case from the answers.
    pub fn compute(form: &Form, answers: &Answers) -> Roi {
        let answers = &Asked { form, answers };
        let volume = input(form, answers, VOLUME);
        let minutes = input(form, answers, MINUTES_SAVED);
        let mut defaults_used = Vec::new();
        let cost = input_or_default(
            form,
            answers,
            FTE_COST,
            DEFAULT_FTE_COST,
            &mut defaults_used,
        );
        let per_fte = input_or_default(
            form,
            answers,
            FTE_HOURS,
            DEFAULT_FTE_HOURS,
            &mut defaults_used,
        );
        let budget = input(form, answers, BUDGET);

        let hours_per_year = both(&volume, &minutes)
            .and_then(|(v, m)| checked(v.checked_mul(m)))
            .and_then(|x| checked(x.checked_div(60.into())));
        let per_fte = per_fte.and_then(|h| {
            non_zero(h, || {
                format!(
                    "non calculable : {} vaut 0 ; indiquez un nombre d’heures positif",
                    named(form, FTE_HOURS)
                )
            })
        });
        // An agent's time valued at 0 € is no valuation: « valorisé à 0 € »
        // and a net loss of the whole budget would misread the hours freed.
        let cost = cost.and_then(|c| {
            non_zero(c, || {
                format!(
                    "non calculable : {} vaut 0 ; indiquez le coût complet d’un agent à temps plein, charges comprises",
                    named(form, FTE_COST)
                )
            })
        });
        let fte = both(&hours_per_year, &per_fte).and_then(|(h, per)| checked(h.checked_div(per)));
        // Euros from the unrounded hours (h × cost ÷ hours per FTE) so the
        // result is exact to the euro, not 35,78 × 45 000.
        let euros_per_year = match (&hours_per_year, &cost, &per_fte) {
            (Ok(h), Ok(c), Ok(per)) => {
                checked(h.checked_mul(*c)).and_then(|x| checked(x.checked_div(*per)))
            }
            _ => Err(merge_all(&[&hours_per_year, &cost, &per_fte])),
        };
        let payback_months = payback(form, &euros_per_year, &budget, &minutes);
        let net_gain = both(&euros_per_year, &budget).and_then(|(e, b)| checked(e.checked_sub(b)));
        let ratio = both(&euros_per_year, &budget).and_then(|(e, b)| {
            let b = non_zero(b, || {
                format!("non calculable : {} vaut 0", named(form, BUDGET))
            })?;
            checked(e.checked_div(b))
        });
        let unit =
            crate::coach::answer::text(answers, UNIT).unwrap_or_else(|| "opérations".to_string());
        let per_year = |v: &Decimal| format!("{} {unit} par an", format::decimal_exact(*v, 0));
        let scale = volume.as_ref().ok().map(per_year);
        let no_minute_saved = minutes.as_ref().is_ok_and(|m| m.is_zero());
        let pilot_volume = crate::coach::answer::number(answers, PILOT_VOLUME);
        let pilot_is_whole = matches!((pilot_volume, &volume), (Some(p), Ok(v)) if p == *v);
        let pilot = match (pilot_volume, &minutes, &cost, &per_fte) {
            (Some(p), Ok(m), Ok(c), Ok(per)) => {
                pilot_share(p, *m, *c, *per).map(|(h, e)| (per_year(&p), h, e))
            }
            _ => None,
        };
        Roi {
            hours_per_year,
            fte,
            euros_per_year,
            payback_months,
            net_gain,
            ratio,
            scale,
            pilot,
            pilot_is_whole,
            defaults_used,
            no_minute_saved,
        }
    }

    /// The pilot covers the whole annual volume (`deploiement.volume_pilote`
    /// equals `volume.volume_annuel`): the full-scale figures are its own.
    pub fn pilot_is_whole(&self) -> bool {
        self.pilot_is_whole
    }

    /// What the pilot's figures are, next to the full-scale ones, as the
    /// documents say it: its own share ([`Roi::pilot_summary_fr`]) or, when
    /// it covers the whole annual volume, that the full-scale figures are
    /// its own ([`PILOT_WHOLE_FR`]). `None` without a pilot volume.
    pub fn pilot_note_fr(&self) -> Option<String> {
        if self.pilot_is_whole {
            Some(PILOT_WHOLE_FR.to_string())
        } else {
            self.pilot_summary_fr()
        }
    }

    /// The pilot's figures, beside the full-scale ones: `À l'échelle du
    /// pilote (60 000 demandes par an) : 6 000 heures de temps d'agent libéré
    /// par an, valorisé à 168 015 € par an.` `None` when the pilot covers
    /// the whole annual volume: the same figures again would read as a
    /// second, separate gain.
    pub fn pilot_summary_fr(&self) -> Option<String> {
        if self.pilot_is_whole {
            return None;
        }
        let (scale, hours, euros) = self.pilot.as_ref()?;
        Some(format!(
            "À l’échelle du pilote ({scale}) : {} de temps d’agent libéré par an, valorisé à {} par an.",
            format::decimal_with_unit(*hours, 0, hours_noun(*hours, 0)),
            format::decimal_with_unit(*euros, 0, "€"),
        ))
    }

    /// Euros saved per year minus the yearly budget, unrounded.
    pub fn net_gain(&self) -> Result<Decimal, String> {
        value(&self.net_gain)
    }

    /// Benefit/cost ratio: euros saved per year ÷ yearly budget, unrounded.
    pub fn ratio(&self) -> Result<Decimal, String> {
        value(&self.ratio)
    }

    /// `1 310 143 €` (negative when the savings do not cover the budget).
    pub fn net_gain_fr(&self) -> Option<String> {
        let gain = self.net_gain.clone().ok()?;
        Some(format::decimal_with_unit(gain, 0, "€"))
    }

    /// `5,4`.
    pub fn ratio_fr(&self) -> Option<String> {
        let ratio = self.ratio.clone().ok()?;
        // A ratio that rounds to 0 is not « 0 »: something is saved.
        if ratio.is_sign_positive() && !ratio.is_zero() && round(ratio, 1).is_zero() {
            return Some("moins de 0,1".to_string());
        }
        Some(format::decimal_exact(ratio, 1))
    }

    /// `575 000 demandes de renseignement par an`: the full scale the
    /// figures are computed for (`volume.volume_annuel`).
    pub fn scale_fr(&self) -> Option<String> {
        self.scale.clone()
    }

    /// Hours saved per year, unrounded, or why it cannot be computed.
    pub fn hours_per_year(&self) -> Result<Decimal, String> {
        value(&self.hours_per_year)
    }

    /// Full-time equivalents saved, unrounded.
    pub fn fte(&self) -> Result<Decimal, String> {
        value(&self.fte)
    }

    /// Euros saved per year, unrounded.
    pub fn euros_per_year(&self) -> Result<Decimal, String> {
        value(&self.euros_per_year)
    }

    /// Months for the savings to pay the yearly budget, unrounded.
    pub fn payback_months(&self) -> Result<Decimal, String> {
        value(&self.payback_months)
    }

    /// `57 500 h` (to the hour; one decimal under 100 h).
    pub fn hours_fr(&self) -> Option<String> {
        let h = self.hours_per_year.clone().ok()?;
        Some(format::decimal_with_unit(h, hours_places(h), "h"))
    }

    /// `35,78 ETP`.
    pub fn fte_fr(&self) -> Option<String> {
        let fte = self.fte.clone().ok()?;
        Some(format::decimal_with_unit(fte, 2, "ETP"))
    }

    /// `1 610 143 €`.
    pub fn euros_fr(&self) -> Option<String> {
        let euros = self.euros_per_year.clone().ok()?;
        Some(format::decimal_with_unit(euros, 0, "€"))
    }

    /// `2,2 mois`.
    pub fn payback_fr(&self) -> Option<String> {
        let months = self.payback_months.clone().ok()?;
        Some(format::decimal_with_unit(months, 1, "mois"))
    }

    /// Hours, FTE and euros are all known (the payback may still be missing).
    pub fn is_computable(&self) -> bool {
        self.hours_per_year.is_ok() && self.fte.is_ok() && self.euros_per_year.is_ok()
    }

    /// What prevents figures, each problem once: `il manque « X » (id)` per
    /// missing input, or another reason (`valeur trop grande…`).
    pub fn missing(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for figure in [
            &self.hours_per_year,
            &self.fte,
            &self.euros_per_year,
            &self.payback_months,
        ] {
            if let Err(why) = figure {
                for part in why.parts() {
                    if !out.contains(&part) {
                        out.push(part);
                    }
                }
            }
        }
        out
    }

    /// Defaults used for unanswered inputs
    /// (`« Coût annuel… » = 45 000 € (roi.cout_etp)`).
    pub fn defaults_used(&self) -> &[String] {
        &self.defaults_used
    }

    /// The business case in one French sentence, said to be at full scale:
    /// `À pleine échelle (575 000 demandes par an) : 57 500 heures de temps
    /// d'agent libéré par an, soit 35,78 ETP, valorisé à 1 610 143 € par an ;
    /// le budget annuel est couvert en 2,2 mois d'économies ; gain net annuel :
    /// 1 310 143 € ; ratio bénéfice/coût : 5,4.`
    pub fn summary_fr(&self) -> String {
        let (Some(hours), Some(fte), Some(euros)) =
            (self.hours_fr(), self.fte_fr(), self.euros_fr())
        else {
            let all = merge_all(&[&self.hours_per_year, &self.fte, &self.euros_per_year]);
            return format!("Bilan économique {}.", all.text());
        };
        let defaults = if self.defaults_used.is_empty() {
            String::new()
        } else {
            format!(" (valeurs par défaut : {})", self.defaults_used.join(" ; "))
        };
        if self.hours_per_year.as_ref().is_ok_and(|h| h.is_zero()) {
            // Read in the documents: said in words, not with the question's id.
            let why = if self.no_minute_saved {
                "0 minute économisée par opération"
            } else {
                "aucune opération par an"
            };
            return format!("Aucune heure d’agent libérée : pas d’économie chiffrable ({why}).");
        }
        let scale = match &self.scale {
            Some(scale) => format!("À pleine échelle ({scale}) : "),
            None => "À pleine échelle : ".to_string(),
        };
        let noun = self
            .hours_per_year
            .as_ref()
            .map_or("heures", |h| hours_noun(*h, hours_places(*h)));
        let hours = format!("{}{noun}", hours.trim_end_matches('h'));
        let budget = match (&self.payback_fr(), &self.payback_months) {
            (Some(p), _) => format!(" ; le budget annuel est couvert en {p} d’économies"),
            (None, Err(why)) => format!(" ; couverture du budget annuel {}", why.text()),
            (None, Ok(_)) => String::new(),
        };
        let net = match (self.net_gain_fr(), self.ratio_fr()) {
            (Some(net), Some(ratio)) => {
                format!(" ; gain net annuel : {net} ; ratio bénéfice/coût : {ratio}")
            }
            _ => String::new(),
        };
        format!(
            "{scale}{hours} de temps d’agent libéré par an, soit {fte}, valorisé à {euros} par an{budget}{net}{defaults}."
        )
    }
}

/// The JSON shape of `fiche check --format json`: numbers (rounded as
/// displayed) and their French display texts.
impl Serialize for Roi {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let number =
            |f: &Figure, places: u32| f.as_ref().ok().and_then(|d| round(*d, places).to_f64());
        let mut st = s.serialize_struct("Roi", 19)?;
        st.serialize_field("computable", &self.is_computable())?;
        st.serialize_field("hours_per_year", &number(&self.hours_per_year, 1))?;
        st.serialize_field("fte", &number(&self.fte, 2))?;
        st.serialize_field("euros_per_year", &number(&self.euros_per_year, 0))?;
        st.serialize_field("payback_months", &number(&self.payback_months, 1))?;
        st.serialize_field("hours_per_year_fr", &self.hours_fr())?;
        st.serialize_field("fte_fr", &self.fte_fr())?;
        st.serialize_field("euros_per_year_fr", &self.euros_fr())?;
        st.serialize_field("payback_fr", &self.payback_fr())?;
        st.serialize_field("net_gain", &number(&self.net_gain, 0))?;
        st.serialize_field("ratio", &number(&self.ratio, 1))?;
        st.serialize_field("net_gain_fr", &self.net_gain_fr())?;
        st.serialize_field("ratio_fr", &self.ratio_fr())?;
        st.serialize_field("scale_fr", &self.scale)?;
        st.serialize_field("pilot_summary", &self.pilot_summary_fr())?;
        st.serialize_field("pilot_whole", &self.pilot_is_whole)?;
        st.serialize_field("summary", &self.summary_fr())?;
        st.serialize_field("missing", &self.missing())?;
        st.serialize_field("defaults_used", &self.defaults_used)?;
        st.end()
    }
}

/// Half away from zero, as people round by hand.
pub fn round(value: Decimal, places: u32) -> Decimal {
    value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero)
}

fn payback(form: &Form, euros: &Figure, budget: &Figure, minutes: &Figure) -> Figure {
    let (euros, budget) = both(euros, budget)?;
    if euros.is_zero() {
        return Err(Why::Other(match minutes {
            Ok(m) if m.is_zero() => format!(
                "impossible : aucune minute n’est économisée par opération ({} vaut 0)",
                named(form, MINUTES_SAVED)
            ),
            _ => "impossible : aucune économie n’est attendue".to_string(),
        }));
    }
    // « couvert en 0 mois » says nothing: a project costs something.
    if budget.is_zero() {
        return Err(Why::Other(format!(
            "non calculable : {} vaut 0 ; indiquez le coût complet du projet sur un an",
            named(form, BUDGET)
        )));
    }
    checked(checked(budget.checked_mul(12.into()))?.checked_div(euros))
}

fn value(figure: &Figure) -> Result<Decimal, String> {
    figure.clone().map_err(|why| why.text())
}

/// `value`, or why the figure cannot be computed when it is zero.
fn non_zero(value: Decimal, why: impl FnOnce() -> String) -> Result<Decimal, Why> {
    if value.is_zero() {
        Err(Why::Other(why()))
    } else {
        Ok(value)
    }
}

/// The pilot's hours freed and their value per year, from its own volume;
/// `None` when a product overflows.
fn pilot_share(
    volume: Decimal,
    minutes: Decimal,
    cost: Decimal,
    hours_per_fte: Decimal,
) -> Option<(Decimal, Decimal)> {
    let hours = volume.checked_mul(minutes)?.checked_div(60.into())?;
    let euros = hours.checked_mul(cost)?.checked_div(hours_per_fte)?;
    Some((hours, euros))
}

fn checked(value: Option<Decimal>) -> Figure {
    value.ok_or_else(too_large)
}

fn too_large() -> Why {
    Why::Other(
        "non calculable : valeur trop grande ; vérifiez les volumes et montants saisis".to_string(),
    )
}

/// Decimals shown for a number of hours: one below 100 h.
fn hours_places(hours: Decimal) -> u32 {
    if hours < Decimal::from(100) { 1 } else { 0 }
}

/// « heure » or « heures » for `hours` shown with `places` decimals: French
/// takes the singular below two (« 0 heure », « 1,5 heure »).
fn hours_noun(hours: Decimal, places: u32) -> &'static str {
    let shown = hours
        .abs()
        .round_dp_with_strategy(places, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    if shown < Decimal::from(2) {
        "heure"
    } else {
        "heures"
    }
}
