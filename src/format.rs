//! French number formats for screens and documents: `575 000`, `35,78`,
//! `1 610 143 €`, `12,5 %`. Thousands are grouped with a no-break space so a
//! figure never splits across lines.

/// The no-break space used between digit groups and before units.
pub const NBSP: char = '\u{a0}';

/// `575000` → `575 000`.
pub fn integer(value: i64) -> String {
    let mut out = group_digits(&value.unsigned_abs().to_string());
    if value < 0 {
        out.insert(0, '-');
    }
    out
}

/// `0 erreur`, `1 erreur`, `2 erreurs`, `1 500 erreurs`: a count and its
/// noun, agreed as French agrees it (the singular below two).
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    let noun = if n >= 2 { plural } else { singular };
    format!("{} {noun}", integer(n as i64))
}

/// `"1234567"` → `1 234 567`: a run of ASCII digits, of any length.
fn group_digits(digits: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(NBSP);
        }
        out.push(c);
    }
    out
}

/// A decimal with at most two decimals, comma separator, no trailing zeros:
/// `35.7809` → `35,78`, `6.0` → `6`.
pub fn decimal(value: f64) -> String {
    decimal_places(value, 2)
}

/// Like [`decimal`] with a chosen number of decimals at most.
pub fn decimal_places(value: f64, places: usize) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    let text = format!("{:.*}", places, value.abs());
    let (int_part, frac) = match text.split_once('.') {
        Some((i, f)) => (i, f.trim_end_matches('0')),
        None => (text.as_str(), ""),
    };
    // Grouped as text: a float beyond `i64` (1e308) keeps its true digits.
    let mut out = group_digits(int_part);
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    if value < 0.0 && out.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.insert(0, '-');
    }
    out
}

/// `1610142.8` → `1 610 143 €` (rounded to the euro).
pub fn euros(value: f64) -> String {
    format!("{}{NBSP}€", decimal_places(value.round(), 0))
}

/// An amount as answered, its cents kept when it has some: `449999.6` →
/// `449 999,60 €`, `300000` → `300 000 €`. A document then says the amount
/// the file holds (rounded, 449 999,60 € and 450 000 € read the same and a
/// budget that differs from its lines by cents looked equal to them).
pub fn euros_answer(value: f64) -> String {
    let cents = (value * 100.0).round();
    if !cents.is_finite() || cents % 100.0 == 0.0 {
        return euros(value);
    }
    let mut text = decimal_places(cents / 100.0, 2);
    if text
        .split_once(',')
        .is_some_and(|(_, frac)| frac.len() == 1)
    {
        text.push('0');
    }
    format!("{text}{NBSP}€")
}

/// An exact amount (see [`decimal_exact`]), its cents kept as two digits
/// when it has some, as [`euros_answer`] shows an answer: `250000.5` →
/// `250 000,50 €`, `300000` → `300 000 €`.
pub fn euros_exact(value: rust_decimal::Decimal) -> String {
    let mut text = decimal_exact(value, 2);
    if text
        .split_once(',')
        .is_some_and(|(_, cents)| cents.len() == 1)
    {
        text.push('0');
    }
    format!("{text}{NBSP}€")
}

/// `12.5` → `12,5 %`.
pub fn percent(value: f64) -> String {
    format!("{}{NBSP}%", decimal(value))
}

/// A TOML number as `f64`, whether written `6` or `6.0`.
pub fn as_number(value: &toml::Value) -> Option<f64> {
    match value {
        toml::Value::Integer(i) => Some(*i as f64),
        toml::Value::Float(f) => Some(*f),
        _ => None,
    }
}

/// An exact decimal (see [`decimal_exact`]) and its unit after a no-break
/// space, e.g. `57 500 h`, `1 610 143 €`: a line never ends between them.
pub fn decimal_with_unit(value: rust_decimal::Decimal, places: u32, unit: &str) -> String {
    format!("{}{NBSP}{unit}", decimal_exact(value, places))
}

/// An exact decimal, rounded half away from zero to at most `places`
/// decimals, French style: `57500` → `57 500`, `35.7809…` → `35,78`. Works
/// for any size a `Decimal` holds (no `i64` limit).
pub fn decimal_exact(value: rust_decimal::Decimal, places: u32) -> String {
    let rounded = value
        .round_dp_with_strategy(places, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    let text = rounded.abs().to_string();
    let (int_part, frac) = text.split_once('.').unwrap_or((text.as_str(), ""));
    let mut out = group_digits(int_part);
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    // The minus sign (U+2212), not a hyphen: a line may break after a
    // hyphen, and « gain net annuel : - » / « 14 991 € » then reads as a gain.
    if rounded.is_sign_negative() && !rounded.is_zero() {
        out.insert(0, MINUS);
    }
    out
}

/// The minus sign of French figures.
pub const MINUS: char = '\u{2212}';

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_take_the_singular_below_two() {
        assert_eq!(count(0, "erreur", "erreurs"), "0 erreur");
        assert_eq!(count(1, "erreur", "erreurs"), "1 erreur");
        assert_eq!(count(2, "erreur", "erreurs"), "2 erreurs");
        assert_eq!(count(1500, "erreur", "erreurs"), "1\u{a0}500 erreurs");
    }

    #[test]
    fn an_exact_amount_shows_its_cents_as_two_digits() {
        let d = |s: &str| s.parse::<rust_decimal::Decimal>().unwrap();
        assert_eq!(euros_exact(d("250000.5")), "250\u{a0}000,50\u{a0}€");
        assert_eq!(euros_exact(d("12.05")), "12,05\u{a0}€");
        assert_eq!(euros_exact(d("300000.00")), "300\u{a0}000\u{a0}€");
        assert_eq!(euros_exact(d("-0.5")), "\u{2212}0,50\u{a0}€");
    }

    #[test]
    fn an_answered_amount_keeps_its_cents() {
        assert_eq!(euros_answer(449_999.6), "449\u{a0}999,60\u{a0}€");
        assert_eq!(euros_answer(12.05), "12,05\u{a0}€");
        assert_eq!(euros_answer(300_000.0), "300\u{a0}000\u{a0}€");
        assert_eq!(euros_answer(300_000.001), "300\u{a0}000\u{a0}€");
    }

    #[test]
    fn a_negative_figure_takes_the_minus_sign() {
        let d = rust_decimal::Decimal::from(-14_991);
        assert_eq!(decimal_exact(d, 0), "\u{2212}14\u{a0}991");
        assert_eq!(decimal_exact(rust_decimal::Decimal::ZERO, 0), "0");
    }

    #[test]
    fn groups_thousands_with_no_break_spaces() {
        assert_eq!(integer(575000), "575\u{a0}000");
        assert_eq!(integer(999), "999");
        assert_eq!(integer(-1234567), "-1\u{a0}234\u{a0}567");
        assert_eq!(integer(0), "0");
    }

    #[test]
    fn decimals_use_a_comma_and_drop_trailing_zeros() {
        assert_eq!(decimal(35.7809), "35,78");
        assert_eq!(decimal(6.0), "6");
        assert_eq!(decimal(2.5), "2,5");
        assert_eq!(decimal(1234.5), "1\u{a0}234,5");
    }

    #[test]
    fn floats_beyond_i64_keep_their_digits() {
        assert_eq!(
            euros(1e20),
            "100\u{a0}000\u{a0}000\u{a0}000\u{a0}000\u{a0}000\u{a0}000\u{a0}€"
        );
        assert!(decimal(1e308).starts_with("100\u{a0}000"));
        assert_eq!(decimal(f64::NAN), "—");
    }

    #[test]
    fn euros_are_rounded_to_the_euro() {
        assert_eq!(euros(1_610_142.8), "1\u{a0}610\u{a0}143\u{a0}€");
        assert_eq!(percent(12.5), "12,5\u{a0}%");
    }

    #[test]
    fn exact_decimals_round_half_away_and_group_any_size() {
        use rust_decimal::Decimal;
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(decimal_exact(d("57500"), 0), "57\u{a0}500");
        assert_eq!(decimal_exact(d("35.7809"), 2), "35,78");
        assert_eq!(decimal_exact(d("2.25"), 1), "2,3");
        assert_eq!(decimal_exact(d("6.00"), 2), "6");
        assert_eq!(decimal_exact(d("-0.004"), 2), "0");
        assert_eq!(
            decimal_exact(d("90000000000000000000"), 0),
            "90\u{a0}000\u{a0}000\u{a0}000\u{a0}000\u{a0}000\u{a0}000"
        );
    }
}
