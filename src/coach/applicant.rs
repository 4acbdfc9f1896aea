//! Who carries the project: a State service or operator, or a local
//! authority (which All_Ia_nce's FTAP funding does not cover as applicant).
//! Read from `tco.type_porteur` when answered, otherwise guessed from the
//! administration's name (« Mairie de Saint-Flour », « Conseil départemental
//! du Cantal »), since the public answers-file contract has no such question.

use super::Context;
use super::answer;
use super::compliance::APPLICANT;

pub const ADMINISTRATION: &str = "identite.administration";

/// Where the answers say the applicant is a local authority.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LocalAuthority {
    /// `tco.type_porteur = "collectivite"`.
    Declared,
    /// The administration's name reads like one (the name, as written).
    Named(String),
}

/// Whether the applicant is a local authority, and how we know.
pub fn local_authority(ctx: &Context) -> Option<LocalAuthority> {
    match answer::choice(ctx, APPLICANT).as_deref() {
        Some("collectivite") => Some(LocalAuthority::Declared),
        Some(_) => None,
        None => answer::text(ctx, ADMINISTRATION)
            .filter(|name| reads_like_local_authority(name))
            .map(LocalAuthority::Named),
    }
}

/// Whether the applicant is a State service or operator, as far as the
/// answers tell (the State's hosting doctrine applies to them).
pub fn is_state(ctx: &Context) -> bool {
    !matches!(answer::choice(ctx, APPLICANT).as_deref(), Some("autre"))
        && local_authority(ctx).is_none()
}

/// Words that name a local authority at the start of (or inside) an
/// administration's name. State services with similar words (« direction
/// départementale », « région de gendarmerie », « région académique ») are
/// not matched.
const STARTS: &[&str] = &[
    "mairie",
    "commune ",
    "ville de ",
    "ville d'",
    "département de ",
    "département du ",
    "département d'",
    "département des ",
    "collectivité",
    "métropole ",
    "eurométropole",
    "communauté de communes",
    "communauté d'agglomération",
    "communauté urbaine",
    "syndicat intercommunal",
    "centre communal",
    "centre intercommunal",
];
const ANYWHERE: &[&str] = &[
    "conseil départemental",
    "conseil régional",
    "conseil général",
    "hôtel de ville",
    "hôtel de région",
    "collectivité territoriale",
    " métropole",
];

fn reads_like_local_authority(name: &str) -> bool {
    let name = name.trim().to_lowercase().replace('’', "'");
    STARTS.iter().any(|w| name.starts_with(w))
        || ANYWHERE.iter().any(|w| {
            name.contains(w) && !(w.trim() == "métropole" && name.contains("métropolitain"))
        })
        || (name.starts_with("région ")
            && !["région de gendarmerie", "région académique"]
                .iter()
                .any(|s| name.starts_with(s)))
}

#[cfg(test)]
mod tests {
    use super::reads_like_local_authority;

    #[test]
    fn local_authorities_are_recognised_by_name() {
        for name in [
            "Mairie de Saint-Flour",
            "Commune de Lozère",
            "Ville d’Angers",
            "Conseil départemental du Cantal",
            "Département de la Gironde",
            "Région Bretagne",
            "Nantes Métropole",
            "Métropole de Lyon",
            "Communauté d'agglomération du Grand Annecy",
            "Centre communal d'action sociale de Brest",
        ] {
            assert!(reads_like_local_authority(name), "{name}");
        }
    }

    #[test]
    fn state_services_are_not_taken_for_local_authorities() {
        for name in [
            "Ministère du Travail",
            "Préfecture du Rhône",
            "Direction départementale des territoires de la Somme",
            "DREETS Auvergne-Rhône-Alpes",
            "Région de gendarmerie de Bretagne",
            "Région académique Occitanie",
            "France Travail",
            "Ministère de l'Intérieur et des Outre-mer",
        ] {
            assert!(!reads_like_local_authority(name), "{name}");
        }
    }
}
