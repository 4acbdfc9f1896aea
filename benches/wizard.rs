//! The wizard as the user feels it, drawn into ratatui's `TestBackend` at
//! 200×60: the first frame (form, file, checks, drawing), and one keystroke
//! to the next frame while a 20 000-character answer is open. The keystroke
//! latency's 50th and 99th percentiles (wall clock, and the thread's CPU
//! time, which machine load does not inflate) are printed after criterion's
//! figures, for one paragraph typed at its end and in its middle, and for
//! paragraphs typed in the middle of the text. `FICHE_BENCH_KEYS=n` sets
//! the number of keystrokes per case (2 000): under `valgrind
//! --tool=callgrind`, with a filter that matches no criterion bench, the
//! instructions with 100 keystrokes less those with 0, divided by 100, are
//! the instructions per keystroke;
//! `FICHE_BENCH_CASE=1`, `2` or `3` keeps only that case.
//! Run with `cargo bench --bench wizard`.
//!
//! The wizard lives in the binary, not the library: its modules are
//! included here by path, as `src/main.rs` does.

#![allow(dead_code, unused_imports)]

#[path = "../src/external_editor.rs"]
mod external_editor;
#[path = "../src/tui/mod.rs"]
mod tui;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;
const LONG_ANSWER: usize = 20_000;
const LONG_QUESTION: &str = "probleme.description";

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/assistant-srdt.toml")
}

fn new_terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("a test terminal")
}

/// How the long answer is written.
#[derive(Clone, Copy)]
enum Shape {
    /// One paragraph of `LONG_ANSWER` characters.
    OneParagraph,
    /// Paragraphs of about 500 characters, a blank line between them.
    Paragraphs,
}

/// Where the cursor types.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    End,
    /// Ctrl+Début, then 8 × Pg↓ (64 rows): about the middle of one
    /// paragraph (about 135 rows of 150 columns), the first third of the
    /// paragraphs (a blank row between them).
    Middle,
}

fn long_answer(shape: Shape) -> String {
    let sentence = "Les agents recopient chaque demande à la main dans trois outils. ";
    match shape {
        Shape::OneParagraph => sentence.chars().cycle().take(LONG_ANSWER).collect(),
        Shape::Paragraphs => {
            let paragraph = sentence.repeat(8);
            let mut text = String::new();
            while text.chars().count() + paragraph.chars().count() + 2 <= LONG_ANSWER {
                text.push_str(&paragraph);
                text.push_str("\n\n");
            }
            let rest = LONG_ANSWER - text.chars().count();
            text.extend(sentence.chars().cycle().take(rest));
            text
        }
    }
}

/// The wizard opened on a long answer of `LONG_ANSWER` characters, drawn
/// once, the cursor at `place`.
fn app_on_long_answer(shape: Shape, place: Place) -> (tui::App, Terminal<TestBackend>) {
    let form = fiche::form::builtin();
    let mut answers = fiche::Answers::load(&example()).expect("the example loads");
    let text = long_answer(shape);
    assert_eq!(text.chars().count(), LONG_ANSWER);
    answers
        .set(LONG_QUESTION, Some(toml::Value::String(text)))
        .expect("a long answer is accepted");
    let mut app = tui::App::new(form, answers, example()).expect("the form has questions");
    let at = app.locate(LONG_QUESTION).expect("the question exists");
    app.go_to(at);
    let mut terminal = new_terminal();
    terminal.draw(|f| tui::draw(&app, f)).unwrap();
    if place == Place::Middle {
        app.handle_key(KeyEvent::new(KeyCode::Home, KeyModifiers::CONTROL));
        for _ in 0..8 {
            app.handle_key(KeyEvent::new(KeyCode::PageDown, KeyModifiers::NONE));
        }
        terminal.draw(|f| tui::draw(&app, f)).unwrap();
    }
    (app, terminal)
}

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

fn wizard(c: &mut Criterion) {
    c.bench_function(
        "assistant : première image (formulaire, fichier, vérifications, dessin)",
        |b| {
            b.iter(|| {
                let form = fiche::form::builtin();
                let answers = fiche::Answers::load(&example()).unwrap();
                let app = tui::App::new(form, answers, example()).unwrap();
                let mut terminal = new_terminal();
                terminal.draw(|f| tui::draw(&app, f)).unwrap();
                black_box(terminal.backend().buffer().area);
            })
        },
    );

    let (mut app, mut terminal) = app_on_long_answer(Shape::OneParagraph, Place::End);
    c.bench_function(
        "assistant : une touche → image suivante (réponse de 20 000 caractères, 200×60)",
        |b| {
            b.iter(|| {
                app.handle_key(key('a'));
                terminal.draw(|f| tui::draw(&app, f)).unwrap();
            })
        },
    );

    // Percentiles, which criterion does not report.
    let keys: usize = std::env::var("FICHE_BENCH_KEYS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2_000);
    let only: Option<usize> = std::env::var("FICHE_BENCH_CASE")
        .ok()
        .and_then(|n| n.parse().ok());
    let cases = [
        (
            "un paragraphe, frappe à la fin",
            Shape::OneParagraph,
            Place::End,
        ),
        (
            "un paragraphe, frappe au milieu",
            Shape::OneParagraph,
            Place::Middle,
        ),
        (
            "paragraphes, frappe au milieu",
            Shape::Paragraphs,
            Place::Middle,
        ),
    ];
    for (n, (what, shape, place)) in (1..).zip(cases) {
        if only.is_some_and(|only| only != n) {
            continue;
        }
        let (mut app, mut terminal) = app_on_long_answer(shape, place);
        let (mut wall, mut cpu): (Vec<Duration>, Vec<Duration>) = (0..keys)
            .map(|i| {
                let c = if i % 50 == 49 { ' ' } else { 'a' };
                let (start, start_cpu) = (Instant::now(), thread_cpu_time());
                app.handle_key(key(c));
                terminal.draw(|f| tui::draw(&app, f)).unwrap();
                (start.elapsed(), thread_cpu_time().saturating_sub(start_cpu))
            })
            .unzip();
        print_percentiles(what, "temps écoulé", &mut wall);
        // The thread's own CPU time leaves out the time other processes took
        // the core: on a loaded machine, the figure that says what the code
        // costs.
        print_percentiles(what, "temps CPU du fil", &mut cpu);
    }
}

fn print_percentiles(case: &str, what: &str, samples: &mut [Duration]) {
    if samples.is_empty() {
        return;
    }
    samples.sort();
    let at = |p: usize| samples[(samples.len() * p / 100).min(samples.len() - 1)];
    println!(
        "assistant : une touche → image suivante, {case}, {} frappes, {what} : médiane {:.3} ms, 99e centile {:.3} ms, max {:.3} ms",
        samples.len(),
        at(50).as_secs_f64() * 1e3,
        at(99).as_secs_f64() * 1e3,
        samples[samples.len() - 1].as_secs_f64() * 1e3
    );
}

/// CPU time used by the calling thread so far.
#[cfg(unix)]
fn thread_cpu_time() -> Duration {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid timespec for the kernel to fill.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

#[cfg(not(unix))]
fn thread_cpu_time() -> Duration {
    Duration::ZERO
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    targets = wizard
}
criterion_main!(benches);
