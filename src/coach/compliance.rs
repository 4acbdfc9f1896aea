//! Rules on the law and responsible AI: who decides, informing people,
//! hosting, the DPIA (AIPD), the EU AI Act, security accreditation, open
//! code, eligibility. Each message cites its text (article and law) and says
//! whom to check with: wrong confident legal advice is the worst defect.

use super::Context;
use super::answer;
use super::applicant::{self, LocalAuthority};
use crate::validate::{Finding, Severity};

pub const ROLE: &str = "solution.role_ia";
pub const PUBLIC: &str = "probleme.public_concerne";
pub const INFORMATION: &str = "ia_responsable.information_usagers";
pub const PERSONAL: &str = "ia_responsable.donnees_personnelles";
pub const HEALTH: &str = "ia_responsable.donnees_sante";
pub const SENSITIVITY: &str = "ia_responsable.sensibilite";
pub const HOSTING: &str = "ia_responsable.hebergement";
pub const PROVIDER: &str = "solution.fournisseur";
pub const SOURCES: &str = "donnees.sources";
pub const DPIA_CRITERIA: &str = "ia_responsable.criteres_aipd";
pub const REFERENTS: &str = "ia_responsable.referents_consultes";
pub const AI_ACT: &str = "ia_responsable.risque_ai_act";
pub const ACCREDITATION: &str = "ia_responsable.homologation";
pub const BIAS: &str = "ia_responsable.biais";
pub const STAGE: &str = "deploiement.stade";
pub const OPEN_CODE: &str = "mutualisation.code_ouvert";
pub const APPLICANT: &str = "tco.type_porteur";
pub const HUMAN_CHECK: &str = "solution.validation_humaine";

/// Said after any legal point the user must confirm.
pub const CHECK_WITH: &str = "à vérifier avec votre DPO / service juridique";

pub(super) fn run(ctx: &Context, out: &mut Vec<Finding>) {
    eligibility(ctx, out);
    automated_decision(ctx, out);
    no_human_check(ctx, out);
    hosting(ctx, out);
    personal_data_contradiction(ctx, out);
    dpia(ctx, out);
    informing_people(ctx, out);
    bias(ctx, out);
    ai_act(ctx, out);
    accreditation(ctx, out);
    open_code(ctx, out);
}

fn choice(ctx: &Context, id: &str) -> Option<String> {
    answer::choice(ctx, id)
}

fn eligibility(ctx: &Context, out: &mut Vec<Finding>) {
    const FUNDING: &str = "le financement d’All_Ia_nce (FTAP) s’adresse aux services de l’État et à ses opérateurs ; une collectivité peut être partenaire, pas porteuse ; vérifiez avec l’incubateur (alliance@mail.numerique.gouv.fr) et cherchez un service de l’État pour porter le projet avec vous";
    match applicant::local_authority(ctx) {
        Some(LocalAuthority::Declared) => out.push(ctx.finding(
            "porteur-collectivite",
            APPLICANT,
            format!("le porteur est une collectivité territoriale : {FUNDING}"),
        )),
        Some(LocalAuthority::Named(name)) => out.push(ctx.finding(
            "porteur-collectivite",
            applicant::ADMINISTRATION,
            format!(
                "« {} » semble être une collectivité territoriale : {FUNDING} ; si un service de l’État porte le projet, nommez-le ici{}",
                crate::sanitize::echo(&name),
                ctx.asked_label(APPLICANT)
                    .map(|label| format!(", ou répondez à {label} ({APPLICANT})"))
                    .unwrap_or_default()
            ),
        )),
        None => {}
    }
}

fn automated_decision(ctx: &Context, out: &mut Vec<Finding>) {
    if choice(ctx, ROLE).as_deref() == Some("decide") {
        out.push(ctx.finding(
            "decision-automatique",
            ROLE,
            format!(
                "l’IA décide seule : une décision administrative individuelle ne peut être entièrement automatisée que sous des conditions strictes (loi Informatique et Libertés, article 47 : jamais sur un recours administratif, jamais avec des données sensibles, un traitement maîtrisé et explicable, y compris ses évolutions, et la mention prévue à l’article L. 311-3-1 du code des relations entre le public et l’administration), qu’un système d’IA qui apprend seul ne peut pas remplir ; un agent doit décider : choisissez « recommande » ou « assiste » et {} ; {CHECK_WITH}",
                describe_control(ctx)
            ),
        ));
    }
}

/// « Aucune. » as the human check of the AI's output: the question is
/// answered, but says that no agent checks anything, which the fiche model
/// asks for whatever the AI's role (even a drafting assistant). The words
/// are the form's `[coach]` list `controle_humain_vide`; an answer of
/// punctuation only (« - », « ? ») says nothing either.
fn no_human_check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(text) = answer::text(ctx, HUMAN_CHECK) else {
        return;
    };
    let normalized = answer::normalized(&text);
    let bare = normalized.trim_matches(|c: char| !c.is_alphanumeric());
    if !bare.is_empty()
        && !ctx
            .thresholds
            .no_human_check
            .iter()
            .any(|w| w.trim_matches(|c: char| !c.is_alphanumeric()) == bare)
    {
        return;
    }
    let role = match choice(ctx, ROLE).as_deref() {
        Some("decide") => {
            " ; l’IA décidant seule, voyez aussi la remarque sur son rôle : un agent doit décider"
        }
        Some("recommande") => {
            " ; l’IA recommandant, c’est l’agent qui décide : dites ce qu’il voit pour le faire"
        }
        _ => "",
    };
    out.push(ctx.finding(
        "controle-humain-absent",
        HUMAN_CHECK,
        format!(
            "{} répond « {} » : aucun agent ne vérifierait ce que produit l’IA ; rien ne doit atteindre un usager ni fonder une décision sans qu’un agent l’ait vérifié, même avec un assistant de rédaction ; décrivez qui relit, à quelle étape, avec quelles informations (sources citées, score de confiance), et comment l’agent corrige ou écarte la proposition{role}",
            ctx.label(HUMAN_CHECK),
            crate::sanitize::echo(&text)
        ),
    ));
}

/// Where to describe the agent's check of the AI's output: its question,
/// when the form asks it.
fn describe_control(ctx: &Context) -> String {
    match ctx.asked_label(HUMAN_CHECK) {
        Some(label) => format!("décrivez le contrôle dans {label}"),
        None => {
            "décrivez dans la candidature comment un agent contrôle ce que produit l’IA".to_string()
        }
    }
}

/// Whether the answers say the data are sensitive, and why (for messages).
/// Health data are sensitive whatever the overall sensitivity says (the
/// form's own « Sensible » choice names them first).
fn sensitive_because(ctx: &Context) -> Option<&'static str> {
    if choice(ctx, SENSITIVITY).as_deref() == Some("sensible") {
        return Some("la sensibilité des données est « sensible »");
    }
    if answer::boolean(ctx, PERSONAL) == Some(true) && answer::boolean(ctx, HEALTH) == Some(true) {
        return Some("le produit traite des données de santé");
    }
    let in_sources = answer::items(ctx, SOURCES)
        .unwrap_or_default()
        .iter()
        .any(|s| s.get("sensibles").and_then(|v| v.as_bool()) == Some(true));
    in_sources.then_some("une source de données est marquée sensible")
}

/// Whether the product processes personal data: said so, or a data source
/// is marked as holding some (the hosting rules take the safe side when the
/// two answers disagree; `personal_data_contradiction` asks to fix them).
fn personal(ctx: &Context) -> bool {
    answer::boolean(ctx, PERSONAL) == Some(true) || personal_source(ctx).is_some()
}

/// The name of the first data source marked as holding personal data.
fn personal_source(ctx: &Context) -> Option<String> {
    answer::items(ctx, SOURCES)
        .unwrap_or_default()
        .iter()
        .find(|s| s.get("personnelles").and_then(|v| v.as_bool()) == Some(true))
        .map(|s| {
            s.get("nom")
                .and_then(|v| v.as_str())
                .map(|n| crate::sanitize::echo(n.trim()))
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| "sans nom".to_string())
        })
}

/// « No personal data » while a source is marked as holding some.
fn personal_data_contradiction(ctx: &Context, out: &mut Vec<Finding>) {
    if answer::boolean(ctx, PERSONAL) != Some(false) {
        return;
    }
    if let Some(name) = personal_source(ctx) {
        out.push(ctx.finding(
            "donnees-personnelles-incoherentes",
            PERSONAL,
            format!(
                "la source de données « {name} » est marquée comme contenant des données personnelles, mais vous répondez Non à {} : corrigez l’une des deux réponses ; avec des données personnelles, le RGPD s’applique et le coach vérifie l’hébergement et l’analyse d’impact (AIPD) ; {CHECK_WITH}",
                ctx.label(PERSONAL)
            ),
        ));
    }
}

/// The State's hosting rules ("cloud au centre" doctrine, loi SREN art. 31),
/// GDPR transfers, health data hosting (HDS).
fn hosting(ctx: &Context, out: &mut Vec<Finding>) {
    let host = choice(ctx, HOSTING);
    let host = host.as_deref();
    let sovereign = matches!(host, Some("administration" | "secnumcloud"));
    let state = applicant::is_state(ctx);
    let transfer = personal(ctx) && host == Some("hors_ue");
    if let Some(why) = sensitive_because(ctx)
        && host.is_some()
        && !sovereign
    {
        out.push(ctx.finding(
            "donnees-sensibles-hors-ue",
            HOSTING,
            format!(
                "{why} et l’hébergement n’est ni celui de l’administration ni un cloud qualifié SecNumCloud ({}) : des données sensibles exigent un hébergement par l’administration ou sur un cloud qualifié SecNumCloud, et un cloud non qualifié, européen ou non, ne suffit pas (doctrine « cloud au centre » de l’État ; pour les services de l’État, loi n° 2024-449 du 21 mai 2024 dite SREN, article 31) ; choisissez l’un des deux{} ; à vérifier avec votre RSSI{}",
                host_text(host),
                if transfer {
                    format!(" ; de plus, {TRANSFER}")
                } else {
                    String::new()
                },
                if transfer { " et votre DPO" } else { "" }
            ),
        ));
    } else if transfer {
        out.push(ctx.finding(
            "donnees-personnelles-hors-ue",
            HOSTING,
            format!(
                "des données personnelles seraient hébergées hors de l’Union européenne : {TRANSFER} et expose aux lois d’accès extraterritoriales ; choisissez un hébergement dans l’Union, par l’administration ou qualifié SecNumCloud ; {CHECK_WITH}"
            ),
        ));
    } else if personal(ctx) && state && matches!(host, Some("cloud_europeen" | "non_choisi")) {
        out.push(ctx.finding(
            "donnees-personnelles-cloud-non-qualifie",
            HOSTING,
            format!(
                "des données personnelles seraient hébergées {} : pour un service de l’État, la doctrine « cloud au centre » demande un hébergement par l’administration ou un cloud qualifié SecNumCloud pour les données d’une sensibilité particulière, dont les données personnelles des citoyens (voir aussi la loi SREN, article 31) ; prévoyez l’un des deux ; à vérifier avec votre RSSI et votre DPO",
                if host == Some("non_choisi") {
                    "chez un hébergeur pas encore choisi"
                } else {
                    "sur un cloud européen non qualifié"
                }
            ),
        ));
    }
    // What the provider would see, most protected first; public data only:
    // nothing to say.
    let data = [
        (personal(ctx), "personnelles"),
        (sensitive_because(ctx).is_some(), "sensibles"),
        (
            choice(ctx, SENSITIVITY).as_deref() == Some("interne"),
            "internes à l’administration",
        ),
    ]
    .into_iter()
    .find_map(|(holds, what)| holds.then_some(what));
    if let Some(data) = data
        && choice(ctx, PROVIDER).as_deref() == Some("hors_ue")
    {
        out.push(ctx.finding(
            "fournisseur-hors-ue",
            PROVIDER,
            format!(
                "le fournisseur du modèle est établi hors de l’Union européenne et le produit traite des données {data} : les outils commerciaux ne conviennent qu’à des données non sensibles, et un fournisseur hors Union peut être soumis à des lois d’accès extraterritoriales ; préférez l’API Albert, un modèle auto-hébergé ou un fournisseur européen, ou ne lui transmettez que des données publiques ; à vérifier avec votre RSSI et votre DPO"
            ),
        ));
    }
    if answer::boolean(ctx, HEALTH) == Some(true) && host != Some("administration") {
        out.push(ctx.finding(
            "donnees-sante-hds",
            HEALTH,
            "le produit traite des données de santé : quand elles ont été recueillies à l’occasion d’activités de prévention, de diagnostic, de soins ou de suivi social et médico-social, l’hébergeur qui les conserve sur support numérique pour le compte de l’administration doit être certifié « hébergeur de données de santé » (HDS, code de la santé publique, article L. 1111-8) ; vérifiez avec votre DPO si vos données en relèvent et, si oui, la certification de l’hébergeur choisi avec votre RSSI".to_string(),
        ));
    }
}

/// Personal data outside the Union: what the GDPR says.
const TRANSFER: &str = "un transfert de données personnelles hors de l’Union n’est possible que dans les conditions du RGPD (chapitre V, articles 44 à 49)";

fn host_text(host: Option<&str>) -> &'static str {
    match host {
        Some("cloud_europeen") => "cloud européen non qualifié",
        Some("hors_ue") => "hébergement hors Union européenne",
        _ => "hébergeur pas encore choisi",
    }
}

/// AIPD (DPIA): only for personal data. Two or more CNIL criteria make it
/// presumed necessary; one: check the CNIL's list.
fn dpia(ctx: &Context, out: &mut Vec<Finding>) {
    if answer::boolean(ctx, PERSONAL) != Some(true) {
        return;
    }
    let criteria = answer::keys(ctx, DPIA_CRITERIA);
    let dpo = answer::keys(ctx, REFERENTS).iter().any(|k| k == "dpo");
    match criteria.len() {
        0 => {}
        1 => out.push(ctx.finding(
            "aipd-a-verifier",
            DPIA_CRITERIA,
            format!(
                "un seul critère de la CNIL est coché : une AIPD n’est pas présumée nécessaire, mais vérifiez si le traitement figure sur la liste de la CNIL des traitements pour lesquels une AIPD est toujours requise, et demandez l’avis de votre DPO ; {CHECK_WITH}"
            ),
        )),
        n => {
            // Already on the DPO's desk: a reminder, not an alert.
            let (severity, next) = if dpo {
                (
                    Severity::Advice,
                    "votre DPO est consulté : inscrivez l’AIPD et sa validation dans le plan à six mois".to_string(),
                )
            } else {
                (
                    Severity::Warning,
                    match ctx.asked_label(REFERENTS) {
                        Some(label) => format!(
                            "votre DPO n’est pas encore consulté : demandez son avis dès maintenant et cochez-le dans {label}"
                        ),
                        // The form does not ask who was consulted.
                        None => "demandez l’avis de votre DPO dès maintenant, si ce n’est déjà fait".to_string(),
                    },
                )
            };
            out.push(ctx.finding_with(
                "aipd-requise",
                severity,
                DPIA_CRITERIA,
                format!(
                    "une AIPD est présumée nécessaire : le traitement de données personnelles remplit {n} critères de la CNIL (deux ou plus) ; le responsable du traitement la mène et la valide avant la mise en œuvre, après avoir demandé l’avis du DPO (RGPD, article 35) ; {next}"
                ),
            ));
        }
    }
}

/// Whether the AI recommends or decides on individual cases about users.
fn individual_cases_of_users(ctx: &Context) -> bool {
    matches!(choice(ctx, ROLE).as_deref(), Some("recommande" | "decide"))
        && matches!(
            choice(ctx, PUBLIC).as_deref(),
            Some("usagers" | "agents_et_usagers")
        )
}

fn informing_people(ctx: &Context, out: &mut Vec<Finding>) {
    missing_when_deciding_on_users(
        ctx,
        out,
        "information-usagers-manquante",
        INFORMATION,
        |label| {
            format!(
                "l’IA intervient dans des décisions sur la situation d’usagers et {label} est vide : une décision individuelle prise sur le fondement d’un traitement algorithmique comporte une mention explicite qui en informe l’intéressé (code des relations entre le public et l’administration, article L. 311-3-1), et une administration d’au moins 50 agents publie en ligne les règles de ses principaux traitements algorithmiques qui fondent des décisions individuelles (article L. 312-1-3 ; seuil fixé par décret) ; dites où et comment les personnes sont informées ; {CHECK_WITH}"
            )
        },
    );
}

fn bias(ctx: &Context, out: &mut Vec<Finding>) {
    missing_when_deciding_on_users(ctx, out, "biais-non-etudies", BIAS, |label| {
        format!(
            "l’IA intervient dans des décisions sur la situation d’usagers et {label} est vide : le jury demandera comment vous vérifiez que le système ne traite pas différemment des publics comparables (tests par catégorie d’usagers, revue des erreurs) ; décrivez votre démarche"
        )
    });
}

/// A finding `rule` on `question` when the AI acts on users' individual
/// cases and `question` is unanswered; `message` gets the question's label.
fn missing_when_deciding_on_users(
    ctx: &Context,
    out: &mut Vec<Finding>,
    rule: &'static str,
    question: &str,
    message: impl FnOnce(&str) -> String,
) {
    if individual_cases_of_users(ctx) && answer::text(ctx, question).is_none() {
        out.push(ctx.finding(rule, question, message(&ctx.label(question))));
    }
}

fn ai_act(ctx: &Context, out: &mut Vec<Finding>) {
    let (rule, message) = match choice(ctx, AI_ACT).as_deref() {
        Some("haut_risque") => (
            "ai-act-haut-risque",
            format!(
                "système d’IA à haut risque au sens du règlement (UE) 2024/1689 sur l’IA (annexe III) : une administration qui le déploie doit notamment mener une analyse d’impact sur les droits fondamentaux (article 27), organiser un contrôle humain et informer les personnes concernées (article 26), et enregistrer son utilisation dans la base de données de l’UE (articles 26 et 49) ; prévoyez-les dans le plan et {} ; à vérifier avec votre service juridique",
                describe_control(ctx)
            ),
        ),
        Some("interdit") => (
            "ai-act-interdit",
            "pratique interdite par le règlement (UE) 2024/1689 sur l’IA (article 5) : ce projet ne peut pas être financé en l’état ; revoyez l’usage avec votre service juridique, ou corrigez la catégorie si elle a été mal choisie".to_string(),
        ),
        Some("a_determiner") => (
            "ai-act-a-determiner",
            format!("la catégorie de risque au sens du règlement (UE) 2024/1689 sur l’IA n’est pas déterminée : qualifiez-la avec votre service juridique ; l’annexe III classe à haut risque huit domaines : biométrie, infrastructures critiques, éducation et formation professionnelle, emploi et gestion des travailleurs, accès aux services publics et privés essentiels et aux prestations (dont l’éligibilité et le tri des appels d’urgence), répression, migration, asile et contrôle aux frontières, administration de la justice et processus démocratiques ; un système de ces domaines qui n’accomplit qu’une tâche procédurale étroite ou préparatoire peut, sous conditions, échapper au haut risque (article 6, paragraphe 3), sauf profilage, à condition de documenter cette appréciation ; {CHECK_WITH}"),
        ),
        _ => return,
    };
    out.push(ctx.finding(rule, AI_ACT, message));
}

/// Security accreditation (homologation) before production.
fn accreditation(ctx: &Context, out: &mut Vec<Finding>) {
    let status = choice(ctx, ACCREDITATION);
    match status.as_deref() {
        Some("non_prevue") => out.push(ctx.finding(
            "homologation-non-prevue",
            ACCREDITATION,
            "l’homologation de sécurité n’est pas prévue : un système d’information de l’administration doit en principe être homologué avant sa mise en production (référentiel général de sécurité, politique de sécurité des systèmes d’information de l’État) ; inscrivez-la dans le plan avec votre RSSI ; à vérifier avec votre RSSI".to_string(),
        )),
        Some("prevue") if choice(ctx, STAGE).as_deref() == Some("production") => {
            out.push(ctx.finding(
                "homologation-non-prevue",
                ACCREDITATION,
                "le produit est déjà en production mais son homologation de sécurité n’est que prévue : elle doit en principe précéder la mise en production ; voyez au plus vite avec votre RSSI comment régulariser".to_string(),
            ));
        }
        _ => {}
    }
}

fn open_code(ctx: &Context, out: &mut Vec<Finding>) {
    if answer::boolean(ctx, OPEN_CODE) == Some(false) {
        out.push(ctx.finding(
            "code-non-ouvert",
            OPEN_CODE,
            "le code ne sera pas publié : All_Ia_nce finance des produits dont le code est ouvert ; prévoyez une publication sous licence libre (MIT, EUPL-1.2…) ou expliquez ce qui l’empêche".to_string(),
        ));
    }
}
