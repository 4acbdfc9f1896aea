//! The product lead's address: the form asks for a professional one, and a
//! personal mailbox (gmail.com…) is worth a warning before the jury sees it.

use super::Context;
use super::answer::text;
use crate::validate::Finding;

/// The question this rule reads.
const EMAIL: &str = "identite.chef_produit_email";

/// Mail domains of personal mailboxes, never an administration's.
const PERSONAL_DOMAINS: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "yahoo.com",
    "yahoo.fr",
    "hotmail.com",
    "hotmail.fr",
    "outlook.com",
    "outlook.fr",
    "live.com",
    "live.fr",
    "msn.com",
    "icloud.com",
    "me.com",
    "aol.com",
    "orange.fr",
    "wanadoo.fr",
    "free.fr",
    "sfr.fr",
    "neuf.fr",
    "laposte.net",
    "bbox.fr",
    "protonmail.com",
    "proton.me",
    "gmx.fr",
    "gmx.com",
];

pub(super) fn run(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(address) = text(ctx, EMAIL) else {
        return;
    };
    let Some((_, domain)) = address.rsplit_once('@') else {
        return;
    };
    let domain = domain.to_lowercase();
    if PERSONAL_DOMAINS.contains(&domain.as_str()) {
        out.push(ctx.finding(
            "adresse-personnelle",
            EMAIL,
            format!(
                "« {domain} » est une messagerie personnelle : {} attend l’adresse professionnelle du chef ou de la cheffe de produit (par exemple prenom.nom@ministere.gouv.fr), celle que l’équipe All_Ia_nce utilisera",
                ctx.label(EMAIL)
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::coach::tests::{assert_fires, assert_silent, with};
    use crate::validate::Severity;

    #[test]
    fn a_personal_mailbox_gets_a_warning_a_public_one_does_not() {
        let f = assert_fires(
            &with(&[("identite.chef_produit_email", "\"claire.dupont@Gmail.com\"")]),
            "adresse-personnelle",
            "identite.chef_produit_email",
            Severity::Warning,
        );
        assert!(
            f.message
                .contains("« gmail.com » est une messagerie personnelle")
        );
        assert_silent(
            &with(&[(
                "identite.chef_produit_email",
                "\"claire.dupont@seine-et-marne.fr\"",
            )]),
            "adresse-personnelle",
        );
    }
}
