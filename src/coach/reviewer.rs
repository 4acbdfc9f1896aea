//! Rules on the questions a reviewer asks beyond the fiche model: a shared
//! State tool considered first, how a generative system's quality is
//! evaluated, what happens after the six months.

use super::Context;
use super::answer;
use crate::validate::Finding;

pub const STATE_TOOL: &str = "pertinence.outil_etat";
pub const GENERATIVE: &str = "solution.ia_generative";
pub const GENERATIVE_EVALUATION: &str = "indicateurs.evaluation_generative";
pub const AFTER_PILOT: &str = "deploiement.apres_pilote";

pub(super) fn run(ctx: &Context, out: &mut Vec<Finding>) {
    state_tool(ctx, out);
    generative_evaluation(ctx, out);
    after_pilot(ctx, out);
}

fn state_tool(ctx: &Context, out: &mut Vec<Finding>) {
    if answer::choice(ctx, STATE_TOOL).as_deref() == Some("non_etudie") {
        out.push(ctx.finding(
            "outil-etat-non-etudie",
            STATE_TOOL,
            "aucun outil mutualisé de l’État n’a été étudié : le jury demandera pourquoi ne pas réutiliser l’existant (API Albert, assistants Albert, briques recensées par la communauté beta.gouv) ; regardez ce qui existe et dites pourquoi cela ne suffit pas".to_string(),
        ));
    }
}

fn generative_evaluation(ctx: &Context, out: &mut Vec<Finding>) {
    if answer::boolean(ctx, GENERATIVE) == Some(true)
        && answer::text(ctx, GENERATIVE_EVALUATION).is_none()
    {
        out.push(ctx.finding(
            "evaluation-generative-manquante",
            GENERATIVE_EVALUATION,
            format!(
                "le produit génère du texte ou des images mais {} est vide : le jury attend un jeu de test validé par des agents, un taux de réponses erronées ou inventées (hallucinations) mesuré, et la façon dont l’IA s’abstient quand elle ne sait pas ; décrivez-les",
                ctx.label(GENERATIVE_EVALUATION)
            ),
        ));
    }
}

fn after_pilot(ctx: &Context, out: &mut Vec<Finding>) {
    // Only once the plan exists: an early draft has other priorities.
    if answer::items(ctx, "deploiement.plan_6_mois").is_some()
        && answer::text(ctx, AFTER_PILOT).is_none()
    {
        out.push(ctx.finding(
            "apres-pilote-non-prevu",
            AFTER_PILOT,
            format!(
                "{} est vide : le jury demandera qui fera fonctionner et paiera le produit après les six mois, et quelle est l’étape suivante pour passer à l’échelle ; dites-le en quelques lignes",
                ctx.label(AFTER_PILOT)
            ),
        ));
    }
}
