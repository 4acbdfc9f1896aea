//! Rules on the law and responsible AI: human validation, sovereign hosting
//! of sensitive data, the CNIL's DPIA (AIPD), the EU AI Act, open code.
//! Obligations are spelt out, so the user knows what to do before the pilot.

use super::Context;
use super::answer;
use crate::validate::{Finding, Severity};

pub(super) fn run(ctx: &Context, out: &mut Vec<Finding>) {
    automated_decision(ctx, out);
    sensitive_hosting(ctx, out);
    dpia(ctx, out);
    ai_act(ctx, out);
    open_code(ctx, out);
}

fn automated_decision(ctx: &Context, out: &mut Vec<Finding>) {
    let id = "solution.role_ia";
    if answer::choice(ctx.answers, id).as_deref() == Some("decide") {
        out.push(ctx.finding(
            "decision-automatique",
            id,
            "l'IA décide seule : une administration ne peut, dans la plupart des cas, pas confier entièrement une décision à un algorithme ; choisissez « recommande » ou « assiste » et décrivez dans « Validation humaine » comment un agent valide chaque décision".to_string(),
        ));
    }
}

fn sensitive_hosting(ctx: &Context, out: &mut Vec<Finding>) {
    let id = "ia_responsable.hebergement";
    let declared =
        answer::choice(ctx.answers, "ia_responsable.sensibilite").as_deref() == Some("sensible");
    let in_sources = answer::items(ctx.answers, "donnees.sources")
        .unwrap_or_default()
        .iter()
        .any(|s| s.get("sensibles").and_then(|v| v.as_bool()) == Some(true));
    if !declared && !in_sources {
        return;
    }
    let why = if declared {
        "la sensibilité des données est « sensible »"
    } else {
        "une source de données est marquée sensible"
    };
    let message = match answer::choice(ctx.answers, id).as_deref() {
        Some("hors_ue") => format!(
            "{why} et l'hébergement est hors de l'Union européenne : des données sensibles exigent un hébergement souverain ; choisissez un hébergement par l'administration ou qualifié SecNumCloud"
        ),
        Some("non_choisi") => format!(
            "{why} et l'hébergement n'est pas choisi : des données sensibles exigent un hébergement souverain ; prévoyez un hébergement par l'administration ou qualifié SecNumCloud"
        ),
        _ => return,
    };
    out.push(ctx.finding("donnees-sensibles-hors-ue", id, message));
}

/// Two or more CNIL criteria, or personal data with any criterion.
fn dpia(ctx: &Context, out: &mut Vec<Finding>) {
    let id = "ia_responsable.criteres_aipd";
    let criteria = answer::keys(ctx.answers, id);
    let personal =
        answer::boolean(ctx.answers, "ia_responsable.donnees_personnelles") == Some(true);
    if !(criteria.len() >= 2 || (personal && !criteria.is_empty())) {
        return;
    }
    let why = if criteria.len() >= 2 {
        format!("{} critères de la CNIL sont cochés", criteria.len())
    } else {
        "des données personnelles sont traitées et un critère de la CNIL est coché".to_string()
    };
    let dpo = answer::keys(ctx.answers, "ia_responsable.referents_consultes")
        .iter()
        .any(|k| k == "dpo");
    // Already on the DPO's desk: a reminder, not an alert.
    let (severity, next) = if dpo {
        (
            Severity::Advice,
            "votre DPO est consulté : inscrivez sa validation de l'AIPD dans le plan à six mois",
        )
    } else {
        (
            Severity::Warning,
            "votre DPO n'est pas encore consulté : contactez-le dès maintenant et cochez-le dans « Référents consultés »",
        )
    };
    out.push(ctx.finding_with(
        "aipd-requise",
        severity,
        id,
        format!(
            "Une AIPD est obligatoire : faites-la valider par votre DPO avant le pilote ({why}) ; {next}"
        ),
    ));
}

fn ai_act(ctx: &Context, out: &mut Vec<Finding>) {
    let id = "ia_responsable.risque_ai_act";
    let (rule, message) = match answer::choice(ctx.answers, id).as_deref() {
        Some("haut_risque") => (
            "ai-act-haut-risque",
            "système d'IA à haut risque au sens du règlement européen (annexe III) : analyse d'impact sur les droits fondamentaux et contrôle humain obligatoires ; prévoyez-les dans le plan et décrivez le contrôle humain dans « Validation humaine », avec l'aide de votre service juridique",
        ),
        Some("interdit") => (
            "ai-act-interdit",
            "pratique interdite par le règlement européen sur l'IA (article 5) : ce projet ne peut pas être financé en l'état ; revoyez l'usage avec votre service juridique, ou corrigez la catégorie si elle a été mal choisie",
        ),
        Some("a_determiner") => (
            "ai-act-a-determiner",
            "la catégorie de risque au sens du règlement européen sur l'IA n'est pas déterminée : qualifiez-la avec votre service juridique (les usages d'éligibilité aux prestations, de tri d'urgence, de recrutement, d'éducation et de justice sont à haut risque)",
        ),
        _ => return,
    };
    out.push(ctx.finding(rule, id, message.to_string()));
}

fn open_code(ctx: &Context, out: &mut Vec<Finding>) {
    let id = "mutualisation.code_ouvert";
    if answer::boolean(ctx.answers, id) == Some(false) {
        out.push(ctx.finding(
            "code-non-ouvert",
            id,
            "le code ne sera pas publié : All_Ia_nce finance des produits dont le code est ouvert ; prévoyez une publication sous licence libre (MIT, EUPL-1.2…) ou expliquez ce qui l'empêche".to_string(),
        ));
    }
}
