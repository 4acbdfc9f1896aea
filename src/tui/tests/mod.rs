//! Tests of the wizard without a terminal: keys as a pure function
//! (`keys.rs`, and `newcomer.rs` for what a first real user ran into),
//! screens as text snapshots (`screens.rs`, snapshots in `snapshots/`), and
//! one file per feature (`coach.rs`, `parangonnage.rs`, `reuse.rs`,
//! `long_editor.rs`, `library.rs`). This file holds the helpers that build
//! an app and type into it.

mod coach;
mod keys;
mod library;
mod long_editor;
mod newcomer;
mod parangonnage;
mod reuse;
mod screens;

use std::path::PathBuf;

use fiche::{Answers, form};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::{App, Effect};
use super::theme::Theme;

pub fn app_from(toml: &str) -> App {
    let form = form::builtin();
    let answers = Answers::parse(toml, "test.toml").expect("valid test answers");
    let mut app = App::new(form, answers, PathBuf::from("/nulle-part/candidature.toml"))
        .expect("the built-in form has questions");
    app.theme = Theme::plain();
    app.editor_program = "nano".into();
    app
}

/// The text of the screen drawn for `app` at `width`×`height`, row by row
/// without trailing spaces. Only the text: styles are checked by the "no
/// colour alone" words.
pub fn render(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| super::screens::draw(app, f)).unwrap();
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..height {
        let line: String = (0..width).map(|x| buffer[(x, y)].symbol()).collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

pub fn empty_app() -> App {
    let form = form::builtin();
    app_from(&Answers::new(&form).to_toml_string())
}

pub fn example_app(name: &str) -> App {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name);
    app_from(&std::fs::read_to_string(path).unwrap())
}

pub fn press(app: &mut App, code: KeyCode) -> Effect {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub fn ctrl(app: &mut App, c: char) -> Effect {
    app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

pub fn go(app: &mut App, id: &str) {
    let at = app.locate(id).expect("question exists");
    app.go_to(at);
}

pub fn get(app: &App, id: &str) -> Option<toml::Value> {
    app.answers.get(id)
}

pub fn s(text: &str) -> Option<toml::Value> {
    Some(toml::Value::String(text.into()))
}
