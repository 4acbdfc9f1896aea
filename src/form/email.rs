//! E-mail addresses as `validator` checks them (the grammar of HTML forms),
//! with the common case decided without its regular expressions: compiling
//! them, once per process, cost more than the rest of the checks of one
//! application (`fiche check one.toml`, see BENCHMARKS.md).

use validator::ValidateEmail;

/// Whether `validator` accepts `address`.
pub fn is_valid(address: &str) -> bool {
    plain_ascii(address) || address.validate_email()
}

/// An address `validator` accepts for sure: a local part of its allowed ASCII
/// characters (64 at most), `@`, and a domain of ASCII labels of letters,
/// digits and inner hyphens (63 at most each, 255 in all): exactly what its
/// two regular expressions match, within its length limits. Everything else
/// (an internationalised domain, an IP literal, a mistake) goes to
/// `validator` itself, so no answer is judged differently.
fn plain_ascii(address: &str) -> bool {
    let Some((user, domain)) = address.rsplit_once('@') else {
        return false;
    };
    !user.is_empty()
        && user.len() <= 64
        && domain.len() <= 255
        && user.bytes().all(is_user_byte)
        && domain.split('.').all(is_label)
}

fn is_user_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b".!#$%&'*+/=?^_`{|}~-".contains(&b)
}

fn is_label(label: &str) -> bool {
    let bytes = label.as_bytes();
    match (bytes.first(), bytes.last()) {
        (Some(first), Some(last)) => {
            bytes.len() <= 63
                && first.is_ascii_alphanumeric()
                && last.is_ascii_alphanumeric()
                && bytes
                    .iter()
                    .all(|b| b.is_ascii_alphanumeric() || *b == b'-')
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The short cut never says yes where `validator` says no, and the
    /// answer is always `validator`'s.
    #[test]
    fn agrees_with_validator() {
        let long_user = format!("{}@exemple.fr", "a".repeat(65));
        let long_label = format!("a@{}.fr", "b".repeat(64));
        let label_63 = format!("a@{}.fr", "b".repeat(63));
        let long_domain = format!("a@{}fr", "abcdefghi.".repeat(26));
        let cases = [
            "prenom.nom@ministere.gouv.fr",
            "Prenom.Nom+tag@seine-et-marne.gouv.fr",
            "!def!xyz%abc@example.com",
            "a@b",
            "a@b.c",
            "@exemple.fr",
            "a@",
            "a@@exemple.fr",
            "a@-exemple.fr",
            "a@exemple-.fr",
            "a@exemple..fr",
            "a@.exemple.fr",
            "a@exemple.fr.",
            "a b@exemple.fr",
            "a\"b@exemple.fr",
            "élodie@exemple.fr",
            "a@exemple.fr\n",
            "a@münchen.de",
            "a@xn--mnchen-3ya.de",
            "email@[127.0.0.1]",
            "email@[2001:dB8::1]",
            "email@[999.0.0.1]",
            "a@exemple_fr.fr",
            "sans-arobase.fr",
            &long_user,
            &long_label,
            &label_63,
            &long_domain,
        ];
        for address in cases {
            assert_eq!(is_valid(address), address.validate_email(), "{address:?}");
            if plain_ascii(address) {
                assert!(address.validate_email(), "{address:?}");
            }
        }
        assert!(plain_ascii("prenom.nom@ministere.gouv.fr"));
        assert!(plain_ascii(&label_63));
        assert!(!plain_ascii(&long_label));
        assert!(!plain_ascii("a@münchen.de"), "left to validator");
    }
}
