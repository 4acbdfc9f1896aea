//! The wizard as the user feels it, drawn into ratatui's `TestBackend` at
//! 200×60: the first frame (form, file, checks, drawing), and one keystroke
//! to the next frame while a 20 000-character answer is open. The keystroke
//! latency's 50th and 99th percentiles (wall clock, and the thread's CPU
//! time, which machine load does not inflate) are printed after criterion's
//! figures.
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

/// The wizard opened on a long answer of `LONG_ANSWER` characters.
fn app_on_long_answer() -> tui::App {
    let form = fiche::form::builtin();
    let mut answers = fiche::Answers::load(&example()).expect("the example loads");
    let paragraph = "Les agents recopient chaque demande à la main dans trois outils. ";
    let text: String = paragraph.chars().cycle().take(LONG_ANSWER).collect();
    answers
        .set(LONG_QUESTION, Some(toml::Value::String(text)))
        .expect("a long answer is accepted");
    let mut app = tui::App::new(form, answers, example()).expect("the form has questions");
    let at = app.locate(LONG_QUESTION).expect("the question exists");
    app.go_to(at);
    app
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

    let mut app = app_on_long_answer();
    let mut terminal = new_terminal();
    terminal.draw(|f| tui::draw(&app, f)).unwrap();
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
    let mut app = app_on_long_answer();
    let mut terminal = new_terminal();
    terminal.draw(|f| tui::draw(&app, f)).unwrap();
    let (mut wall, mut cpu): (Vec<Duration>, Vec<Duration>) = (0..2_000)
        .map(|i| {
            let c = if i % 50 == 49 { ' ' } else { 'a' };
            let (start, start_cpu) = (Instant::now(), thread_cpu_time());
            app.handle_key(key(c));
            terminal.draw(|f| tui::draw(&app, f)).unwrap();
            (start.elapsed(), thread_cpu_time().saturating_sub(start_cpu))
        })
        .unzip();
    print_percentiles("temps écoulé", &mut wall);
    // The thread's own CPU time leaves out the time other processes took the
    // core: on a loaded machine, the figure that says what the code costs.
    print_percentiles("temps CPU du fil", &mut cpu);
}

fn print_percentiles(what: &str, samples: &mut [Duration]) {
    samples.sort();
    let at = |p: usize| samples[(samples.len() * p / 100).min(samples.len() - 1)];
    println!(
        "assistant : une touche → image suivante, {} frappes, {what} : médiane {:.3} ms, 99e centile {:.3} ms, max {:.3} ms",
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
