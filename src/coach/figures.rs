//! Figures that cannot all be true: more minutes saved than an operation
//! takes, budget lines that do not add up, a target that contradicts the
//! minutes saved, more money asked than the project costs.

use rust_decimal::Decimal;

use super::Context;
use super::answer;
use super::roi::{BUDGET, MINUTES_SAVED};
use crate::format;
use crate::validate::Finding;

pub const MINUTES_TODAY: &str = "volume.minutes_par_operation";
pub const BUDGET_LINES: &str = "tco.postes";
pub const AMOUNT_ASKED: &str = "tco.montant_demande";
pub const BASELINE: &str = "indicateurs.valeur_actuelle";
pub const TARGET: &str = "indicateurs.valeur_cible";
pub const PILOT_VOLUME: &str = "deploiement.volume_pilote";
pub const VOLUME: &str = "volume.volume_annuel";

/// Half a minute either way is rounding, not a contradiction.
const MINUTES_TOLERANCE: Decimal = Decimal::from_parts(5, 0, 0, false, 1);

pub(super) fn run(ctx: &Context, out: &mut Vec<Finding>) {
    minutes_saved(ctx, out);
    budget_lines(ctx, out);
    target(ctx, out);
    amount_asked(ctx, out);
    pilot_volume(ctx, out);
}

/// Sum of the `tco.postes` amounts; `None` without a line with an amount.
pub fn budget_lines_total(answers: &impl answer::Source) -> Option<Decimal> {
    let lines = answer::items(answers, BUDGET_LINES)?;
    let amounts: Vec<Decimal> = lines
        .iter()
        .filter_map(|l| answer::decimal(l.get("montant")))
        .collect();
    if amounts.is_empty() {
        return None;
    }
    amounts
        .iter()
        .try_fold(Decimal::ZERO, |sum, a| sum.checked_add(*a))
}

fn euros(d: Decimal) -> String {
    format::euros_exact(d)
}

fn minutes_saved(ctx: &Context, out: &mut Vec<Finding>) {
    let (Some(saved), Some(today)) = (
        answer::number(ctx, MINUTES_SAVED),
        answer::number(ctx, MINUTES_TODAY),
    ) else {
        return;
    };
    if saved > today {
        out.push(ctx.finding(
            "gain-superieur-au-temps-passe",
            MINUTES_SAVED,
            format!(
                "{} ({}) dépasse le temps qu’un agent passe aujourd’hui sur une opération ({} : {}) : on ne peut pas économiser plus de temps qu’une opération n’en prend ; corrigez l’un des deux chiffres",
                ctx.label(MINUTES_SAVED),
                // As answered: 0.0001 rounded to two decimals read « vaut 0 ».
                format::decimal_exact(saved, 6),
                ctx.label(MINUTES_TODAY),
                // The same: 4.999 shown « 5 » read « 5 dépasse 5 ».
                format::decimal_exact(today, 6),
            ),
        ));
    }
}

fn budget_lines(ctx: &Context, out: &mut Vec<Finding>) {
    let (Some(total), Some(budget)) = (budget_lines_total(ctx), answer::number(ctx, BUDGET)) else {
        return;
    };
    if total != budget {
        out.push(ctx.finding(
            "postes-hors-budget",
            BUDGET_LINES,
            format!(
                "les postes de dépense totalisent {}, mais {} est de {} : corrigez un montant ou le budget pour que les postes en fassent la somme (les documents signalent l’écart et n’affichent pas de faux total)",
                euros(total),
                ctx.label(BUDGET),
                euros(budget),
            ),
        ));
    }
}

/// The first figure followed by a word starting with `min` (`15 minutes`,
/// `9 min`), with a comma or point as decimal separator.
pub fn minutes_in(text: &str) -> Option<Decimal> {
    let words: Vec<&str> = text.split_whitespace().collect();
    for (i, word) in words.iter().enumerate() {
        let number: String = word
            .trim_matches(|c: char| !c.is_ascii_digit())
            .replace(',', ".");
        let Ok(value) = number.parse::<Decimal>() else {
            continue;
        };
        let rest = word.trim_start_matches(|c: char| c.is_ascii_digit() || c == ',' || c == '.');
        let unit = if rest.is_empty() {
            words.get(i + 1).copied().unwrap_or("")
        } else {
            rest
        };
        if unit.to_lowercase().starts_with("min") {
            return Some(value);
        }
        return None;
    }
    None
}

fn target(ctx: &Context, out: &mut Vec<Finding>) {
    let (Some(baseline), Some(target), Some(saved)) = (
        answer::text(ctx, BASELINE).as_deref().and_then(minutes_in),
        answer::text(ctx, TARGET).as_deref().and_then(minutes_in),
        answer::number(ctx, MINUTES_SAVED),
    ) else {
        return;
    };
    let gained = baseline - target;
    if (gained - saved).abs() > MINUTES_TOLERANCE {
        out.push(ctx.finding(
            "cible-incoherente",
            TARGET,
            format!(
                "la valeur actuelle ({} minutes) et la valeur cible ({} minutes) de l’indicateur font {} minutes gagnées par opération, mais {} vaut {} : alignez la cible et le gain de temps, ou expliquez dans l’indicateur ce qui les distingue",
                format::decimal_exact(baseline, 2),
                format::decimal_exact(target, 2),
                format::decimal_exact(gained, 2),
                ctx.label(MINUTES_SAVED),
                // As answered: 0.0001 rounded to two decimals read « vaut 0 ».
                format::decimal_exact(saved, 6),
            ),
        ));
    }
}

fn amount_asked(ctx: &Context, out: &mut Vec<Finding>) {
    let (Some(asked), Some(budget)) = (
        answer::number(ctx, AMOUNT_ASKED),
        answer::number(ctx, BUDGET),
    ) else {
        return;
    };
    if asked > budget {
        out.push(ctx.finding(
            "montant-superieur-au-budget",
            AMOUNT_ASKED,
            format!(
                "{} ({}) dépasse {} ({}) : si la demande couvre plusieurs années, dites-le dans le dossier ; sinon, corrigez l’un des deux montants",
                ctx.label(AMOUNT_ASKED),
                euros(asked),
                ctx.label(BUDGET),
                euros(budget),
            ),
        ));
    }
}

fn pilot_volume(ctx: &Context, out: &mut Vec<Finding>) {
    let (Some(pilot), Some(volume)) = (
        answer::number(ctx, PILOT_VOLUME),
        answer::number(ctx, VOLUME),
    ) else {
        return;
    };
    if pilot > volume {
        out.push(ctx.finding(
            "pilote-superieur-au-volume",
            PILOT_VOLUME,
            format!(
                "{} ({}) dépasse {} ({}) : le pilote ne peut pas traiter plus d’opérations que le périmètre complet ; corrigez l’un des deux chiffres",
                ctx.label(PILOT_VOLUME),
                format::decimal_exact(pilot, 0),
                ctx.label(VOLUME),
                format::decimal_exact(volume, 0),
            ),
        ));
    }
}
