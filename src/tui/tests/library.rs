//! What the wizard shares with the accessible mode through the library:
//! adding a list item, an odd form, the walk limited to some questions.

use std::path::PathBuf;

use fiche::form::{self, Section};
use fiche::list_item;
use fiche::{Answers, Form};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

use super::{ctrl, empty_app, go, press, type_text};
use crate::tui::app::App;
use crate::tui::editors::Editor;
use crate::tui::screens;

fn draw(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| screens::draw(app, f)).unwrap();
    let buffer = terminal.backend().buffer();
    buffer.content().iter().map(|c| c.symbol()).collect()
}

#[test]
fn an_incomplete_list_item_is_kept_and_marked_as_in_the_accessible_mode() {
    let mut app = empty_app();
    go(&mut app, "donnees.sources");
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "FAQ");
    // Leave the item with its other required fields empty.
    press(&mut app, KeyCode::Esc);
    let items = app
        .answers
        .get("donnees.sources")
        .and_then(|v| v.as_array().cloned())
        .expect("the item is stored");
    assert_eq!(items.len(), 1);
    let q = app.question().clone();
    let item = items[0].as_table().unwrap();
    let summary = list_item::summary(&q, item);
    assert_eq!(summary.name(), "FAQ");
    assert!(!summary.is_complete());
    let Editor::List(_) = &app.editor else {
        panic!("the list editor stays open");
    };
    let screen = draw(&app);
    assert!(screen.contains("FAQ — incomplet"), "{screen}");
}

fn form_with_an_empty_section() -> Form {
    let mut form = form::builtin();
    form.sections.insert(
        0,
        Section {
            id: "vide".into(),
            title: "Section vide".into(),
            document_title: "Section vide".into(),
            addition: false,
            intro: None,
            questions: Vec::new(),
        },
    );
    form
}

#[test]
fn an_empty_section_never_makes_the_wizard_panic() {
    let form = form_with_an_empty_section();
    let answers = Answers::new(&form);
    let mut app = App::new(form, answers, PathBuf::from("c.toml")).expect("opens");
    assert_eq!(app.at.section, 1, "starts at the first real question");
    ctrl(&mut app, 'p');
    ctrl(&mut app, 'p');
    assert_eq!(app.at.section, 1);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Home);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::End);
    press(&mut app, KeyCode::Enter);
    draw(&app);
}

#[test]
fn a_form_without_questions_is_refused_not_a_panic() {
    let mut form = form::builtin();
    form.sections.clear();
    let answers = Answers::new(&form);
    let e = App::new(form, answers, PathBuf::from("c.toml"))
        .err()
        .expect("no question to show");
    assert!(e.to_string().contains("aucune question"), "{e}");
}
