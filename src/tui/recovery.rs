//! Keeps the recovery file (`fiche::recovery`) in step with what is typed:
//! written within a second of the last keystroke while an answer is being
//! typed or waits to be saved, removed once everything is on disk.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use fiche::recovery::Recovery;

use super::app::App;

/// The least time between two writes while typing: the loop wakes up when
/// the next write is due ([`RecoveryWriter::wait`]), so the file lags the
/// last keystroke by at most this.
const THROTTLE: Duration = Duration::from_millis(500);

pub struct RecoveryWriter {
    answers: PathBuf,
    /// The answer last written, `(question id, value)`.
    written: Option<(String, toml::Value)>,
    written_at: Option<Instant>,
    /// Typed text not yet written, waiting for the throttle.
    pending: bool,
    /// A recovery file exists (ours, or one left by a killed session that
    /// is offered at start).
    exists: bool,
    /// The one left cannot be read: the start said it is left as it is, so
    /// this session neither removes nor overwrites it.
    unreadable: bool,
}

impl RecoveryWriter {
    pub fn new(answers: PathBuf) -> RecoveryWriter {
        let exists = fiche::recovery::path_for(&answers).exists();
        let unreadable = exists && Recovery::read(&answers).is_err();
        RecoveryWriter {
            answers,
            written: None,
            written_at: None,
            pending: false,
            exists,
            unreadable,
        }
    }

    /// At the end of the session: nothing left to recover once all is saved.
    /// One this session never wrote was left by a killed session and offered
    /// at start; a signal may have come before it was answered, so it goes
    /// only if the file holds what it holds (else the next start offers it).
    pub fn finish(&mut self, app: &App) {
        if !self.exists
            || self.unreadable
            || app.save.read_only.is_some()
            || app.save.dirty
            || app.is_typing()
        {
            return;
        }
        let unanswered = self.written.is_none()
            && !Recovery::read(&self.answers)
                .is_ok_and(|left| left.is_some_and(|r| r.is_saved_in(&app.answers)));
        if !unanswered && Recovery::remove(&self.answers).is_ok() {
            self.exists = false;
        }
    }

    /// How long the loop may sleep before [`RecoveryWriter::tick`] has
    /// typed text to write; `None` when nothing waits.
    pub fn wait(&self, now: Instant) -> Option<Duration> {
        self.pending.then(|| {
            self.written_at.map_or(Duration::ZERO, |t| {
                (t + THROTTLE).saturating_duration_since(now)
            })
        })
    }

    /// Called after every event and wake-up of the loop.
    pub fn tick(&mut self, app: &App, now: Instant) {
        self.pending = false;
        if app.save.read_only.is_some() || app.path != self.answers || self.unreadable {
            return;
        }
        let typing = app.typed_value().map(|v| (app.question_id(), v));
        match typing {
            Some(current) => {
                let changed = self.written.as_ref() != Some(&current);
                let due = self
                    .written_at
                    .is_none_or(|t| now.duration_since(t) >= THROTTLE);
                self.pending = changed && !due;
                if changed && due {
                    let recovery = Recovery::new(&current.0, current.1.clone());
                    // A failed write only loses the safety net; the answers
                    // file itself is saved as usual.
                    if recovery.write(&self.answers).is_ok() {
                        self.exists = true;
                    }
                    self.written = Some(current);
                    self.written_at = Some(now);
                }
            }
            None => {
                if self.exists && !app.save.dirty && app.modal.is_none() {
                    if Recovery::remove(&self.answers).is_ok() {
                        self.exists = false;
                    }
                    self.written = None;
                }
            }
        }
    }
}
