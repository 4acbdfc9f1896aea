//! Rules on the problem, its scale, the data, the metric, AI relevance, the
//! plan and the business case: what makes a pitch convincing.

use rust_decimal::Decimal;

use super::Context;
use super::answer::{self, has_figure, normalized};
use super::roi::{BUDGET, MINUTES_SAVED};

/// Where costs avoided other than agent time are described.
const OTHER_GAINS: &str = "roi.gains_quantifiables";
use crate::format;
use crate::validate::Finding;

pub(super) fn run(ctx: &Context, out: &mut Vec<Finding>) {
    irritant_figures(ctx, out);
    volume(ctx, out);
    tiny_scale(ctx, out);
    reachable_data(ctx, out);
    metric_reference(ctx, out);
    solutionism(ctx, out);
    simplify_first(ctx, out);
    payback(ctx, out);
    milestones(ctx, out);
}

fn irritant_figures(ctx: &Context, out: &mut Vec<Finding>) {
    let id = "probleme.chiffres_irritant";
    if let Some(text) = answer::text(ctx, id)
        && !has_figure(&text)
    {
        out.push(ctx.finding(
            "irritant-sans-chiffres",
            id,
            format!(
                "{} ne contient aucun chiffre : le jury attend des faits mesurés (un délai en jours, un nombre de dossiers, un coût, un taux d’erreur) ; ajoutez au moins un chiffre et sa source",
                ctx.label(id)
            ),
        ));
    }
}

/// The one rule that speaks about missing answers: without a volume there is
/// no business case, which deserves more than "missing answer". A form that
/// does not ask the volume (a form of one's own) has nothing to miss; one
/// that asks the volume but not its unit is not asked for the unit.
fn volume(ctx: &Context, out: &mut Vec<Finding>) {
    let (volume, unit) = ("volume.volume_annuel", "volume.unite_operation");
    if !ctx.has(volume) {
        return;
    }
    // A volume written but not usable (text, too large) is answered: its
    // field error says what is wrong, not « n'est pas renseigné ».
    let has_volume = crate::answers::is_answered(ctx.answers.value(volume).as_deref());
    let has_unit = !ctx.has(unit) || answer::text(ctx, unit).is_some();
    match (has_volume, has_unit) {
        (false, false) => out.push(ctx.finding(
            "volume-manquant",
            volume,
            format!(
                "ni {} ni {} ne sont renseignés : le jury demandera combien d’opérations par an le produit traitera ; donnez le volume et son unité",
                ctx.label(volume),
                ctx.label(unit)
            ),
        )),
        (false, true) => out.push(ctx.finding(
            "volume-manquant",
            volume,
            format!(
                "{} n’est pas renseigné : sans lui, ni l’échelle du projet ni son retour sur investissement ne peuvent être évalués ; donnez une estimation (ex. : 575000)",
                ctx.label(volume)
            ),
        )),
        (true, false) => out.push(ctx.finding(
            "volume-manquant",
            unit,
            format!(
                "le volume est donné sans {} : précisez ce que compte une opération (demandes, dossiers, courriels…)",
                ctx.label(unit)
            ),
        )),
        (true, true) => {}
    }
}

fn tiny_scale(ctx: &Context, out: &mut Vec<Finding>) {
    let t = &ctx.thresholds;
    let (Some(agents), Some(volume)) = (
        answer::number(ctx, "volume.nb_agents"),
        answer::number(ctx, "volume.volume_annuel"),
    ) else {
        return;
    };
    if agents < t.small_scale_agents && volume < t.small_scale_volume {
        out.push(ctx.finding(
            "tres-petite-echelle",
            "volume.nb_agents",
            format!(
                "très petite échelle : {} et {} opérations par an (moins de {} agents et de {} opérations) ; un projet d’IA rentabilise rarement un si petit volume : élargissez le périmètre (d’autres services, d’autres territoires) ou envisagez une solution plus simple",
                agents_fr(agents),
                format::decimal_exact(volume, 0),
                format::decimal_exact(t.small_scale_agents, 0),
                format::decimal_exact(t.small_scale_volume, 0),
            ),
        ));
    }
}

fn reachable_data(ctx: &Context, out: &mut Vec<Finding>) {
    let id = "donnees.sources";
    let Some(sources) = answer::items(ctx, id) else {
        return;
    };
    let reachable = sources
        .iter()
        .any(|s| s.get("acces").and_then(|v| v.as_str()) != Some("inexistante"));
    if !sources.is_empty() && !reachable {
        out.push(ctx.finding(
            "aucune-donnee-accessible",
            id,
            "aucune source de données n’est accessible (accès « inexistant » pour toutes) : sans données, pas d’IA ; identifiez au moins une source disponible ou à négocier, ou prévoyez sa constitution dans le plan".to_string(),
        ));
    }
}

fn metric_reference(ctx: &Context, out: &mut Vec<Finding>) {
    if answer::text(ctx, "indicateurs.metrique_quanti").is_none() {
        return;
    }
    for (id, what) in [
        ("indicateurs.valeur_actuelle", "la valeur actuelle"),
        ("indicateurs.valeur_cible", "la valeur cible"),
    ] {
        if let Some(text) = answer::text(ctx, id)
            && !has_figure(&text)
        {
            out.push(ctx.finding(
                "metrique-sans-reference",
                id,
                format!(
                    "{what} de l’indicateur (« {text} ») n’est pas chiffrée : sans point de départ et cible mesurables, l’impact ne pourra pas être démontré ; écrivez un nombre et son unité (ex. : 15 minutes par demande)"
                ),
            ));
        }
    }
}

/// How an answer that considers no alternative starts…
const DENIALS: &[&str] = &[
    "aucun",
    "pas d'alternative",
    "pas encore",
    "pas étudié",
    "non étudié",
    "néant",
    "rien",
    "nous n'avons pas",
    "nous n'en avons pas",
    "on n'a pas",
    "je n'ai pas",
    "il n'y a pas",
    "il n'y en a pas",
];
/// …when it is shorter than this (a longer one usually goes on to describe
/// the alternatives it rules out).
const SHORT_DENIAL_WORDS: usize = 12;

fn solutionism(ctx: &Context, out: &mut Vec<Finding>) {
    let id = "pertinence.alternatives_sans_ia";
    let Some(text) = answer::text(ctx, id) else {
        return;
    };
    let bare = normalized(text.trim_end_matches(['.', '!', ' ']));
    let words = text.split_whitespace().count();
    let too_short = words < 4;
    // « Aucune alternative sans IA n'a été étudiée. »: a short sentence
    // that only says there is none.
    let says_none = words < SHORT_DENIAL_WORDS
        && DENIALS
            .iter()
            .any(|d| bare.replace('’', "'").starts_with(d));
    if ctx.thresholds.empty_alternatives.contains(&bare) || too_short || says_none {
        out.push(ctx.finding(
            "solutionnisme",
            id,
            format!(
                "aucune alternative sans IA n’est présentée (« {text} ») : le jury vérifie que l’IA est la bonne réponse ; décrivez au moins une autre piste (simplifier la procédure, un formulaire, des règles simples, un recrutement) et pourquoi elle ne suffit pas"
            ),
        ));
    }
}

fn simplify_first(ctx: &Context, out: &mut Vec<Finding>) {
    let id = "pertinence.procedure_a_simplifier";
    if answer::boolean(ctx, id) == Some(true) {
        out.push(ctx.finding(
            "procedure-a-simplifier",
            id,
            "vous indiquez que la procédure devrait plutôt être simplifiée ou supprimée : automatiser une procédure défaillante la fige ; simplifiez-la d’abord, puis expliquez dans « Pourquoi l’IA ? » ce que l’IA apporte à la procédure simplifiée".to_string(),
        ));
    }
}

fn payback(ctx: &Context, out: &mut Vec<Finding>) {
    if answer::number(ctx, MINUTES_SAVED).is_some_and(|m| m.is_zero()) {
        out.push(ctx.finding(
            "aucun-gain-de-temps",
            MINUTES_SAVED,
            format!(
                "{} vaut 0 : sans temps d’agent libéré, le projet n’a pas d’économie chiffrable ; estimez le gain par opération, ou décrivez {} les coûts évités autrement",
                ctx.label(MINUTES_SAVED),
                ctx.asked_label(OTHER_GAINS)
                    .map_or_else(|| "dans la candidature".to_string(), |l| format!("dans {l}"))
            ),
        ));
    }
    let max = ctx.thresholds.max_payback_months;
    // Compared as shown (one decimal): « couvert qu'en 36 mois…, plus de 36
    // mois » would contradict itself.
    if let (Ok(months), Some(text)) = (ctx.roi.payback_months(), ctx.roi.payback_fr())
        && super::roi::round(months, 1) > max
    {
        let years = super::roi::round(months / Decimal::from(12), 1);
        out.push(ctx.finding(
            "retour-trop-long",
            BUDGET,
            format!(
                "le budget annuel n’est couvert qu’en {text} d’économies (environ {} ans), plus de {} mois : chaque année, le projet coûterait plus qu’il ne libère de temps d’agent ; revoyez le budget, le volume concerné ou le gain de temps par opération, ou mettez en avant d’autres gains",
                format::decimal_exact(years, 1),
                format::decimal_exact(max, 0)
            ),
        ));
    }
}

fn milestones(ctx: &Context, out: &mut Vec<Finding>) {
    let id = "deploiement.plan_6_mois";
    let Some(items) = answer::items(ctx, id) else {
        return;
    };
    let min = ctx.thresholds.min_milestones;
    if items.len() < min {
        out.push(ctx.finding(
            "plan-trop-court",
            id,
            format!(
                "le plan à six mois ne compte {} : prévoyez-en au moins {min} (par exemple données prêtes, premier test avec des agents, première mesure d’impact) pour montrer comment l’impact sera mesuré et le produit ajusté",
                match items.len() {
                    0 => "aucun jalon".to_string(),
                    1 => "qu’un jalon".to_string(),
                    n => format!("que {n} jalons"),
                }
            ),
        ));
    }
}

/// `1 agent`, `3 agents` (a count of agents may be typed with decimals:
/// `0,5` agent).
fn agents_fr(agents: Decimal) -> String {
    let noun = if agents >= Decimal::TWO {
        "agents"
    } else {
        "agent"
    };
    format!("{} {noun}", format::decimal_exact(agents, 0))
}
