//! The pitch coach and the business case inside the wizard, and the export
//! keys of the review screen.

use fiche::render::Format;
use ratatui::crossterm::event::KeyCode;

use super::*;
use crate::tui::app::Screen;

#[test]
fn coach_errors_are_listed_in_the_review_and_open_their_question() {
    let mut app = example_app("candidature-faible.toml");
    ctrl(&mut app, 'r');
    let items = app.review_items();
    let (at, first) = items[0];
    assert_eq!(first.rule.as_deref(), Some("decision-automatique"));
    assert!(
        items
            .iter()
            .any(|(_, f)| f.rule.as_deref() == Some("plan-trop-court"))
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Question);
    assert_eq!(app.at, at);
    assert_eq!(app.question_id(), "solution.role_ia");
    assert!(
        app.findings_here()
            .iter()
            .any(|f| f.rule.as_deref() == Some("decision-automatique"))
    );
}

#[test]
fn fixing_an_answer_clears_its_coach_finding() {
    let mut app = example_app("candidature-faible.toml");
    go(&mut app, "solution.role_ia");
    // Choices are numbered: 2 is « recommande ».
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Enter);
    assert_eq!(get(&app, "solution.role_ia"), s("recommande"));
    assert!(
        !app.all_findings()
            .any(|f| f.rule.as_deref() == Some("decision-automatique"))
    );
}

#[test]
fn the_business_case_follows_committed_answers() {
    let mut app = example_app("assistant-srdt.toml");
    assert!(app.coach.roi.summary_fr().contains("1\u{a0}610\u{a0}143"));
    go(&mut app, "roi.minutes_economisees");
    for _ in 0..3 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "12");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        get(&app, "roi.minutes_economisees"),
        Some(toml::Value::Integer(12))
    );
    // Twice the minutes, twice the savings: 3 220 286 €.
    assert!(
        app.coach.roi.summary_fr().contains("3\u{a0}220\u{a0}286"),
        "{}",
        app.coach.roi.summary_fr()
    );
}

#[test]
fn the_review_export_menu_offers_every_format_and_the_email() {
    use crate::tui::app::Modal;
    use fiche::render::Target;
    let mut app = example_app("assistant-srdt.toml");
    ctrl(&mut app, 'r');
    let targets = Target::all();
    assert!(targets.contains(&Target::Document(Format::Odt)));
    assert!(targets.contains(&Target::Document(Format::Pitch)));
    assert!(targets.contains(&Target::Email));
    // Each by its number.
    for (i, target) in targets.iter().enumerate() {
        assert_eq!(press(&mut app, KeyCode::Char('e')), Effect::None);
        assert!(matches!(app.modal, Some(Modal::Export(0))));
        let digit = char::from_digit(i as u32 + 1, 10).unwrap();
        assert_eq!(
            press(&mut app, KeyCode::Char(digit)),
            Effect::Export(*target),
            "number {digit}"
        );
        assert!(app.modal.is_none());
    }
    // ↓ ↓ Entrée: the third one; Échap closes without exporting.
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    assert_eq!(press(&mut app, KeyCode::Enter), Effect::Export(targets[2]));
    press(&mut app, KeyCode::Char('e'));
    assert_eq!(press(&mut app, KeyCode::Esc), Effect::None);
    assert!(app.modal.is_none());
}
