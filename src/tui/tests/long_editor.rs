//! The long-answer editor keeps the rows of its wrapped text between
//! keystrokes and wraps again only around each change (vendored
//! ratatui-textarea, `vendor/README.md`). Each test edits a long text, then
//! checks that the screen and the cursor are exactly those of a new editor
//! given the same text and cursor, which wraps everything from scratch.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::tui::editors::LongEditor;

/// Tall enough to show every row of the texts below: no scrolling, so two
/// editors with the same text and cursor draw the same screen.
const HEIGHT: u16 = 250;

fn paragraph() -> String {
    sentences(60)
}

fn sentences(n: usize) -> String {
    let sentences = [
        "Les agents recopient chaque demande à la main dans trois outils. ",
        "L'usager attend aujourd’hui 12,5 jours en moyenne, parfois 1 000 heures cumulées. ",
        "Anticonstitutionnellement, les formulaires (CERFA n° 15776*01) se perdent ; ",
        "l'IA propose une réponse que l'agent relit, corrige et signe. ",
    ];
    sentences.iter().cycle().take(n).copied().collect()
}

fn draw(editor: &LongEditor, width: u16) -> Buffer {
    let area = Rect::new(0, 0, width, HEIGHT);
    let mut buf = Buffer::empty(area);
    editor.widget().render(area, &mut buf);
    buf
}

fn key(editor: &mut LongEditor, code: KeyCode) {
    editor.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn ctrl(editor: &mut LongEditor, code: KeyCode) {
    editor.handle_key(KeyEvent::new(code, KeyModifiers::CONTROL));
}

fn type_text(editor: &mut LongEditor, text: &str) {
    for c in text.chars() {
        key(editor, KeyCode::Char(c));
    }
}

/// The screen at `width` is the one of an editor that never wrapped this
/// text before; the cursor moves by rows (Pg↓, ↑) the same way in both.
fn assert_wrapped_afresh(editor: &LongEditor, width: u16) {
    let screen = draw(editor, width);
    let mut fresh = LongEditor::new(&editor.text(), None);
    draw(&fresh, width);
    let cursor = editor.widget().cursor();
    fresh.jump_to((cursor.0, cursor.1));
    assert_eq!(screen, draw(&fresh, width), "width {width}");
    assert_eq!(
        (
            editor.widget().scroll_offset(),
            fresh.widget().scroll_offset()
        ),
        ((0, 0), (0, 0)),
        "the whole text fits in {HEIGHT} rows"
    );
    assert_eq!(
        screen.content.iter().any(|c| c.symbol() != " "),
        !editor.text().is_empty(),
        "the text is drawn"
    );
    // Row-wise moves read the rows: compare them on copies.
    for moves in [
        &[KeyCode::PageDown][..],
        &[KeyCode::PageUp, KeyCode::PageUp],
        &[KeyCode::Up, KeyCode::Up, KeyCode::Down],
    ] {
        let (mut a, mut b) = (editor.clone(), fresh.clone());
        for &m in moves {
            key(&mut a, m);
            key(&mut b, m);
        }
        assert_eq!(a.widget().cursor(), b.widget().cursor(), "{moves:?}");
    }
}

#[test]
fn typing_at_the_start_in_the_middle_and_at_the_end_of_a_long_paragraph() {
    let mut editor = LongEditor::new(&paragraph(), None);
    let width = 37;
    assert_wrapped_afresh(&editor, width);
    type_text(&mut editor, " et voilà");
    assert_wrapped_afresh(&editor, width);
    ctrl(&mut editor, KeyCode::Home);
    type_text(&mut editor, "Début : ");
    assert_wrapped_afresh(&editor, width);
    for _ in 0..4 {
        key(&mut editor, KeyCode::PageDown);
    }
    type_text(&mut editor, "milieu d'une phrase anticonstitutionnellement");
    assert_wrapped_afresh(&editor, width);
    // Deleting, one character at a time: words move up to the row before.
    for _ in 0..40 {
        key(&mut editor, KeyCode::Backspace);
        assert_wrapped_afresh(&editor, width);
    }
    for _ in 0..40 {
        key(&mut editor, KeyCode::Delete);
        assert_wrapped_afresh(&editor, width);
    }
    // One character at a time, each compared: every row boundary it moves.
    for c in "a bc  déf".chars() {
        key(&mut editor, KeyCode::Char(c));
        assert_wrapped_afresh(&editor, width);
    }
    ctrl(&mut editor, KeyCode::End);
    for _ in 0..5 {
        key(&mut editor, KeyCode::Backspace);
        assert_wrapped_afresh(&editor, width);
    }
}

#[test]
fn a_resized_box_wraps_the_edited_text_again() {
    let mut editor = LongEditor::new(&paragraph(), None);
    assert_wrapped_afresh(&editor, 41);
    ctrl(&mut editor, KeyCode::Home);
    type_text(&mut editor, "Avant ");
    assert_wrapped_afresh(&editor, 23);
    key(&mut editor, KeyCode::PageDown);
    type_text(&mut editor, "ajouté ");
    assert_wrapped_afresh(&editor, 23);
    assert_wrapped_afresh(&editor, 41);
    assert_wrapped_afresh(&editor, 80);
}

#[test]
fn pasted_lines_enter_and_joined_lines_wrap_as_from_scratch() {
    let mut editor = LongEditor::new(&paragraph(), None);
    let width = 37;
    draw(&editor, width);
    key(&mut editor, KeyCode::PageUp);
    editor.insert_str("collé ici\nsur deux lignes\n\net un paragraphe ");
    assert_wrapped_afresh(&editor, width);
    key(&mut editor, KeyCode::Enter);
    assert_wrapped_afresh(&editor, width);
    key(&mut editor, KeyCode::Backspace);
    key(&mut editor, KeyCode::Home);
    key(&mut editor, KeyCode::Backspace);
    assert_wrapped_afresh(&editor, width);
    key(&mut editor, KeyCode::Enter);
    key(&mut editor, KeyCode::Enter);
    assert_wrapped_afresh(&editor, width);
}

#[test]
fn undo_after_wrapped_edits_gives_back_the_text_and_its_rows() {
    let original = paragraph();
    let mut editor = LongEditor::new(&original, None);
    let width = 37;
    draw(&editor, width);
    for _ in 0..3 {
        key(&mut editor, KeyCode::PageUp);
    }
    type_text(&mut editor, "inséré ");
    assert_wrapped_afresh(&editor, width);
    key(&mut editor, KeyCode::Enter);
    editor.insert_str("deux\nlignes");
    assert_wrapped_afresh(&editor, width);
    while editor.text() != original {
        let before = editor.text();
        ctrl(&mut editor, KeyCode::Char('z'));
        assert_ne!(editor.text(), before, "Ctrl+Z undoes one step");
        assert_wrapped_afresh(&editor, width);
    }
}

#[test]
fn paragraphs_edited_one_after_the_other() {
    let text = [sentences(20), String::new(), sentences(25), sentences(30)].join("\n");
    let mut editor = LongEditor::new(&text, None);
    let width = 53;
    draw(&editor, width);
    ctrl(&mut editor, KeyCode::Home);
    for step in 0..6 {
        for _ in 0..3 {
            key(&mut editor, KeyCode::PageDown);
        }
        type_text(&mut editor, if step % 2 == 0 { "mot " } else { "« " });
        assert_wrapped_afresh(&editor, width);
    }
    ctrl(&mut editor, KeyCode::Char('u'));
    assert_wrapped_afresh(&editor, width);
}
