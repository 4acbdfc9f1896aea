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
fn review_keys_export_every_format() {
    let mut app = example_app("assistant-srdt.toml");
    ctrl(&mut app, 'r');
    for (key, format) in [
        ('m', Format::Markdown),
        ('h', Format::Html),
        ('p', Format::Pdf),
        ('c', Format::Pitch),
    ] {
        match press(&mut app, KeyCode::Char(key)) {
            Effect::Export(f) => assert_eq!(f, format, "key {key}"),
            _ => panic!("key {key} exports nothing"),
        }
    }
}
