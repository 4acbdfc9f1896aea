//! The business case's formulas: the domain's worked example to the euro,
//! missing inputs, defaults, zero and huge values.

use rust_decimal::Decimal;

use super::{PILOT_WHOLE_FR, Roi, round};
use crate::answers::Answers;
use crate::form::{self, Form};

const NBSP: char = '\u{a0}';

fn answers(text: &str) -> Answers {
    Answers::parse(text, "test.toml").expect("valid TOML")
}

fn worked_example() -> Answers {
    answers(
        "[volume]\nvolume_annuel = 575000\n[roi]\nminutes_economisees = 6\ncout_etp = 45000\nheures_etp = 1607\n[tco]\nbudget_annuel = 300000\n",
    )
}

fn roi(a: &Answers) -> Roi {
    Roi::compute(&form::builtin(), a)
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// `_` marks a no-break space.
fn nb(s: &str) -> String {
    s.replace('_', &NBSP.to_string())
}

fn fr(s: &str) -> String {
    s.replace(' ', &NBSP.to_string())
}

#[test]
fn worked_example_comes_out_to_the_euro() {
    let r = roi(&worked_example());
    assert_eq!(r.hours_per_year(), Ok(d("57500")));
    assert_eq!(round(r.fte().unwrap(), 2), d("35.78"));
    // 57 500 × 45 000 ÷ 1 607 = 1 610 143,1… (from the unrounded FTE).
    assert_eq!(round(r.euros_per_year().unwrap(), 0), d("1610143"));
    assert_eq!(round(r.payback_months().unwrap(), 1), d("2.2"));
    assert_eq!(r.hours_fr().unwrap(), fr("57 500 h"));
    assert_eq!(r.fte_fr().unwrap(), fr("35,78 ETP"));
    assert_eq!(r.euros_fr().unwrap(), fr("1 610 143 €"));
    assert_eq!(r.payback_fr().unwrap(), fr("2,2 mois"));
    // The contract's worked check: net gain and benefit/cost ratio.
    assert_eq!(round(r.net_gain().unwrap(), 0), d("1310143"));
    assert_eq!(round(r.ratio().unwrap(), 1), d("5.4"));
    assert_eq!(r.net_gain_fr().unwrap(), fr("1 310 143 €"));
    assert_eq!(r.ratio_fr().unwrap(), "5,4");
    assert_eq!(
        r.summary_fr(),
        nb(
            "À pleine échelle (575_000 opérations par an) : 57_500_heures de temps d’agent libéré par an, soit 35,78_ETP, valorisé à 1_610_143_€ par an ; le budget annuel est couvert en 2,2_mois d’économies ; gain net annuel : 1_310_143_€ ; ratio bénéfice/coût : 5,4."
        )
    );
    assert!(r.is_computable());
    assert!(r.missing().is_empty());
    assert!(r.defaults_used().is_empty());
}

#[test]
fn zero_minutes_saved_gives_zero_hours_and_no_payback() {
    let mut a = worked_example();
    a.set("roi.minutes_economisees", Some(toml::Value::Integer(0)))
        .unwrap();
    let r = roi(&a);
    assert_eq!(r.hours_per_year(), Ok(Decimal::ZERO));
    assert_eq!(r.euros_per_year(), Ok(Decimal::ZERO));
    let reason = r.payback_months().unwrap_err();
    assert!(
        reason.contains("aucune minute") && reason.contains("roi.minutes_economisees"),
        "{reason}"
    );
    assert_eq!(r.payback_fr(), None);
    // The summary is printed in the documents: in words, without the id.
    assert_eq!(
        r.summary_fr(),
        "Aucune heure d’agent libérée : pas d’économie chiffrable (0 minute économisée par opération)."
    );
}

#[test]
fn missing_volume_makes_every_figure_not_computable_and_says_why() {
    let mut a = worked_example();
    a.set("volume.volume_annuel", None).unwrap();
    let r = roi(&a);
    let expected =
        "non calculable : il manque « Volume d’opérations par an » (volume.volume_annuel)";
    assert_eq!(r.hours_per_year().unwrap_err(), expected);
    assert_eq!(r.fte().unwrap_err(), expected);
    assert_eq!(r.euros_per_year().unwrap_err(), expected);
    assert_eq!(r.payback_months().unwrap_err(), expected);
    assert!(!r.is_computable());
    assert_eq!(r.hours_fr(), None);
    assert_eq!(
        r.missing(),
        vec!["il manque « Volume d’opérations par an » (volume.volume_annuel)".to_string()]
    );
    assert_eq!(r.summary_fr(), format!("Bilan économique {expected}."));
}

#[test]
fn several_missing_inputs_are_named_together() {
    let r = roi(&answers("[tco]\nbudget_annuel = 1000\n"));
    assert_eq!(
        r.hours_per_year().unwrap_err(),
        "non calculable : il manque « Volume d’opérations par an » (volume.volume_annuel) et « Minutes agent économisées par opération » (roi.minutes_economisees)"
    );
    assert_eq!(r.missing().len(), 2);
}

#[test]
fn missing_budget_leaves_the_savings_and_explains_the_payback() {
    let mut a = worked_example();
    a.set("tco.budget_annuel", None).unwrap();
    let r = roi(&a);
    assert!(r.is_computable());
    assert_eq!(round(r.euros_per_year().unwrap(), 0), d("1610143"));
    assert_eq!(
        r.payback_months().unwrap_err(),
        "non calculable : il manque « Budget annuel total (en euros) » (tco.budget_annuel)"
    );
    assert!(
        r.summary_fr()
            .ends_with("; couverture du budget annuel non calculable : il manque « Budget annuel total (en euros) » (tco.budget_annuel)."),
        "{}",
        r.summary_fr()
    );
}

#[test]
fn unanswered_fte_cost_and_hours_use_the_form_defaults_and_say_so() {
    let mut a = worked_example();
    a.set("roi.cout_etp", None).unwrap();
    a.set("roi.heures_etp", None).unwrap();
    let r = roi(&a);
    assert_eq!(round(r.euros_per_year().unwrap(), 0), d("1610143"));
    let notes = r.defaults_used();
    assert_eq!(notes.len(), 2);
    assert!(
        notes[0].contains(&fr("45 000 €")) && notes[0].contains("roi.cout_etp"),
        "{notes:?}"
    );
    assert!(
        notes[1].contains(&fr("1 607")) && notes[1].contains("roi.heures_etp"),
        "{notes:?}"
    );
    assert!(
        r.summary_fr().contains("valeurs par défaut"),
        "{}",
        r.summary_fr()
    );
}

#[test]
fn the_default_comes_from_the_form_file() {
    let mut form: Form = form::builtin();
    for s in &mut form.sections {
        for q in &mut s.questions {
            if s.id == "roi" && q.id == "cout_etp" {
                q.default = Some(toml::Value::Integer(50_000));
            }
        }
    }
    let mut a = worked_example();
    a.set("roi.cout_etp", None).unwrap();
    let r = Roi::compute(&form, &a);
    // 57 500 × 50 000 ÷ 1 607 = 1 789 047,9…
    assert_eq!(round(r.euros_per_year().unwrap(), 0), d("1789048"));
}

#[test]
fn decimal_minutes_are_exact() {
    let mut a = worked_example();
    a.set("roi.minutes_economisees", Some(toml::Value::Float(2.5)))
        .unwrap();
    a.set("volume.volume_annuel", Some(toml::Value::Integer(1200)))
        .unwrap();
    assert_eq!(roi(&a).hours_per_year(), Ok(d("50")));
}

#[test]
fn values_at_the_limit_are_computed_exactly_and_beyond_it_refused() {
    let mut a = worked_example();
    a.set(
        "volume.volume_annuel",
        Some(toml::Value::Integer(1_000_000_000_000)),
    )
    .unwrap();
    let r = roi(&a);
    assert_eq!(r.hours_per_year(), Ok(d("100000000000")));
    // 10^11 h × 45 000 ÷ 1 607, exact to the euro.
    assert_eq!(r.euros_fr().unwrap(), fr("2 800 248 911 014 €"));

    a.set(
        "volume.volume_annuel",
        Some(toml::Value::Integer(9_000_000_000_000_000_000)),
    )
    .unwrap();
    let reason = roi(&a).hours_per_year().unwrap_err();
    assert!(
        reason.contains("valeur trop grande") && reason.contains("volume.volume_annuel"),
        "{reason}"
    );

    a.set("volume.volume_annuel", Some(toml::Value::Integer(575_000)))
        .unwrap();
    a.set("roi.minutes_economisees", Some(toml::Value::Float(1e13)))
        .unwrap();
    a.set("roi.cout_etp", Some(toml::Value::Float(1e12)))
        .unwrap();
    let r = roi(&a);
    let reason = r.euros_per_year().unwrap_err();
    assert!(reason.contains("valeur trop grande"), "{reason}");
    assert!(r.summary_fr().contains("valeur trop grande"));

    a.set("roi.minutes_economisees", Some(toml::Value::Integer(6)))
        .unwrap();
    a.set("roi.cout_etp", Some(toml::Value::Float(1e300)))
        .unwrap();
    let reason = roi(&a).euros_per_year().unwrap_err();
    assert!(
        reason.contains("valeur trop grande") && reason.contains("roi.cout_etp"),
        "{reason}"
    );
}

#[test]
fn zero_hours_per_fte_and_negative_or_text_values_are_explained() {
    let mut a = worked_example();
    a.set("roi.heures_etp", Some(toml::Value::Integer(0)))
        .unwrap();
    let r = roi(&a);
    assert!(
        r.fte().unwrap_err().contains("roi.heures_etp") && r.fte().unwrap_err().contains("vaut 0")
    );
    assert_eq!(r.hours_per_year(), Ok(d("57500")));

    a.set("roi.heures_etp", Some(toml::Value::Integer(1607)))
        .unwrap();
    a.set("roi.minutes_economisees", Some(toml::Value::Integer(-6)))
        .unwrap();
    assert!(
        roi(&a)
            .hours_per_year()
            .unwrap_err()
            .contains("est négatif")
    );
    // Listed under « non calculable : », a reason does not say it twice.
    assert_eq!(
        roi(&a).missing(),
        [
            "« Minutes agent économisées par opération » (roi.minutes_economisees) est négatif ; corrigez-le"
        ]
    );

    a.set(
        "roi.minutes_economisees",
        Some(toml::Value::String("six".into())),
    )
    .unwrap();
    assert!(
        roi(&a)
            .hours_per_year()
            .unwrap_err()
            .contains("n’est pas un nombre utilisable")
    );
}

#[test]
fn a_decimal_count_of_operations_is_not_computed_on() {
    let mut a = worked_example();
    a.set("volume.volume_annuel", Some(toml::Value::Float(12.5)))
        .unwrap();
    assert_eq!(
        roi(&a).missing(),
        [
            "« Volume d’opérations par an » (volume.volume_annuel) doit être un nombre entier ; corrigez-le"
        ]
    );
    // Minutes saved may be decimal: 1,5 minute is a real answer.
    let mut b = worked_example();
    b.set("roi.minutes_economisees", Some(toml::Value::Float(1.5)))
        .unwrap();
    assert!(roi(&b).hours_per_year().is_ok());
}

#[test]
fn json_has_numbers_and_display_texts() {
    let json = serde_json::to_value(roi(&worked_example())).unwrap();
    assert_eq!(json["hours_per_year"], 57500.0);
    assert_eq!(json["fte"], 35.78);
    assert_eq!(json["euros_per_year"], 1610143.0);
    assert_eq!(json["payback_months"], 2.2);
    assert_eq!(json["net_gain"], 1310143.0);
    assert_eq!(json["ratio"], 5.4);
    assert_eq!(json["euros_per_year_fr"], fr("1 610 143 €"));
    assert_eq!(json["computable"], true);
}

#[test]
fn savings_below_the_budget_give_a_negative_net_gain_and_a_ratio_below_one() {
    let mut a = worked_example();
    a.set("tco.budget_annuel", Some(toml::Value::Integer(2_000_000)))
        .unwrap();
    let r = roi(&a);
    // A minus sign, not a hyphen after which a line may break.
    assert_eq!(r.net_gain_fr().unwrap(), fr("\u{2212}389 857 €"));
    assert_eq!(r.ratio_fr().unwrap(), "0,8");
    assert!(
        r.summary_fr()
            .contains(&nb("le budget annuel est couvert en 14,9_mois d’économies")),
        "{}",
        r.summary_fr()
    );
}

#[test]
fn the_scale_names_the_unit_of_operations() {
    let mut a = worked_example();
    a.set(
        "volume.unite_operation",
        Some(toml::Value::String("demandes".into())),
    )
    .unwrap();
    assert_eq!(roi(&a).scale_fr().unwrap(), nb("575_000 demandes par an"));
}

#[test]
fn the_pilots_figures_sit_beside_the_full_scale_ones() {
    let mut a = worked_example();
    assert_eq!(roi(&a).pilot_summary_fr(), None);
    a.set(
        "deploiement.volume_pilote",
        Some(toml::Value::Integer(60_000)),
    )
    .unwrap();
    // 60 000 × 6 ÷ 60 = 6 000 h; 6 000 × 45 000 ÷ 1 607 = 168 014,9 €.
    assert_eq!(
        roi(&a).pilot_summary_fr().unwrap(),
        nb(
            "À l’échelle du pilote (60_000 opérations par an) : 6_000_heures de temps d’agent libéré par an, valorisé à 168_015_€ par an."
        )
    );
}

/// A pilot on the whole annual volume: the full-scale figures are its own,
/// and no templates should say otherwise.
#[test]
fn a_pilot_on_the_whole_volume_is_told_apart() {
    let mut a = worked_example();
    assert!(!roi(&a).pilot_is_whole());
    for (pilot, whole) in [(60_000, false), (575_000, true)] {
        a.set(
            "deploiement.volume_pilote",
            Some(toml::Value::Integer(pilot)),
        )
        .unwrap();
        assert_eq!(roi(&a).pilot_is_whole(), whole, "{pilot}");
    }
}

/// What the front ends print next to the full-scale figures: the pilot's
/// share, or, for a pilot on the whole volume, the documents' sentence
/// instead of the same figures again as « À l'échelle du pilote ».
#[test]
fn the_pilot_note_is_the_share_or_that_the_figures_are_the_pilots() {
    let mut a = worked_example();
    assert_eq!(roi(&a).pilot_note_fr(), None);
    a.set(
        "deploiement.volume_pilote",
        Some(toml::Value::Integer(60_000)),
    )
    .unwrap();
    assert_eq!(roi(&a).pilot_note_fr(), roi(&a).pilot_summary_fr());
    assert!(
        roi(&a)
            .pilot_note_fr()
            .unwrap()
            .starts_with("À l’échelle du pilote")
    );
    a.set(
        "deploiement.volume_pilote",
        Some(toml::Value::Integer(575_000)),
    )
    .unwrap();
    assert_eq!(roi(&a).pilot_summary_fr(), None);
    assert_eq!(roi(&a).pilot_note_fr().as_deref(), Some(PILOT_WHOLE_FR));
    let json = serde_json::to_value(roi(&a)).unwrap();
    assert_eq!(json["pilot_whole"], true);
    assert!(json["pilot_summary"].is_null());
}

#[test]
fn a_tiny_ratio_is_not_shown_as_zero() {
    // 1 000 operations × 1 minute against a 300 000 € budget: 467 € a year,
    // a ratio of 0,0016, which « 0 » would misread as nothing saved.
    let a = answers(
        "[volume]\nvolume_annuel = 1000\n[roi]\nminutes_economisees = 1\n[tco]\nbudget_annuel = 300000\n",
    );
    assert_eq!(roi(&a).ratio_fr().unwrap(), "moins de 0,1");
    let none = answers(
        "[volume]\nvolume_annuel = 1000\n[roi]\nminutes_economisees = 0\n[tco]\nbudget_annuel = 300000\n",
    );
    assert_eq!(roi(&none).ratio_fr().unwrap(), "0");
}

/// A yearly budget of 0 € gave « le budget annuel est couvert en 0 mois
/// d'économies »: no project costs nothing; the figure says why it is absent.
#[test]
fn a_zero_budget_is_not_covered_in_zero_months() {
    let r = roi(&answers(
        "[volume]\nvolume_annuel = 575000\n[roi]\nminutes_economisees = 6\n[tco]\nbudget_annuel = 0\n",
    ));
    assert!(r.is_computable());
    let why = r.payback_months().unwrap_err();
    assert!(
        why.starts_with("non calculable : ")
            && why.contains("tco.budget_annuel")
            && why.contains("vaut 0"),
        "{why}"
    );
    assert_eq!(r.payback_fr(), None);
    assert!(
        !r.summary_fr().contains("0\u{a0}mois"),
        "{}",
        r.summary_fr()
    );
    assert!(
        r.summary_fr()
            .contains("couverture du budget annuel non calculable"),
        "{}",
        r.summary_fr()
    );
}

/// « 0 heures de temps d'agent libéré » for a tiny pilot: French takes the
/// singular below two.
#[test]
fn fewer_than_two_hours_take_the_singular() {
    // 12 operations × 6 minutes = 1,2 h at full scale; a pilot of 2: 0,2 h → 0.
    let mut a = answers(
        "[volume]\nvolume_annuel = 12\n[roi]\nminutes_economisees = 6\ncout_etp = 45000\nheures_etp = 1607\n[tco]\nbudget_annuel = 300000\n[deploiement]\nvolume_pilote = 2\n",
    );
    let r = roi(&a);
    assert!(
        r.summary_fr().contains(&nb("1,2_heure de temps")),
        "{}",
        r.summary_fr()
    );
    let pilot = r.pilot_summary_fr().unwrap();
    assert!(pilot.contains(&nb(" : 0_heure de temps")), "{pilot}");
    a.set("volume.volume_annuel", Some(toml::Value::Integer(20)))
        .unwrap();
    let two = roi(&a).summary_fr();
    assert!(two.contains(&nb(" : 2_heures de temps")), "{two}");
}

/// An agent's time valued at 0 € a year is no valuation: the figures would
/// read « valorisé à 0 € », a net loss of the whole budget and « aucune
/// économie n'est attendue » while hours are freed. The euros are not
/// computed and the reason names the question; the hours still are. The
/// form refuses the answer like 0 hours per FTE.
#[test]
fn an_fte_costing_nothing_is_explained_not_valued_at_zero() {
    let mut a = worked_example();
    a.set("roi.cout_etp", Some(toml::Value::Integer(0)))
        .unwrap();
    let r = roi(&a);
    assert_eq!(r.hours_per_year(), Ok(d("57500")));
    let reason = r.euros_per_year().unwrap_err();
    assert!(
        reason.contains("vaut 0") && reason.contains("roi.cout_etp"),
        "{reason}"
    );
    assert!(r.net_gain().is_err());
    assert!(!r.summary_fr().contains("0 € par an"), "{}", r.summary_fr());
    let report = crate::validate::check(&form::builtin(), &a);
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.id == "roi.cout_etp" && f.message.contains("au moins 1")),
        "{:?}",
        report.findings
    );
}
