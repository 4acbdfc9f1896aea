//! Autosave bookkeeping: what is unsaved, when the next write is due, and
//! the status line (`Enregistré 10:42` or the error). The writing itself is
//! done by the event loop; this state is plain data so tests need no clock.

use std::time::{Duration, Instant};

/// How long typing must pause before a committed change is written.
pub const DEBOUNCE: Duration = Duration::from_millis(400);
/// How often a failed save is retried.
pub const RETRY: Duration = Duration::from_secs(2);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing changed since the file was opened.
    Opened,
    /// Saved at this local time (`10:42`).
    Saved(String),
    /// The last save failed; the answers are still in memory.
    Failed(String),
}

#[derive(Debug, Clone)]
pub struct SaveState {
    pub status: SaveStatus,
    /// Committed changes not yet on disk.
    pub dirty: bool,
    /// Write as soon as possible (screen change, Ctrl+S, before an editor).
    pub flush: bool,
    /// Why the file must not be written (open in another fiche, or a
    /// read-only file): changes stay in memory until saved elsewhere.
    pub read_only: Option<String>,
    changed_at: Option<Instant>,
    failed_at: Option<Instant>,
}

impl Default for SaveState {
    fn default() -> Self {
        SaveState {
            status: SaveStatus::Opened,
            dirty: false,
            flush: false,
            read_only: None,
            changed_at: None,
            failed_at: None,
        }
    }
}

impl SaveState {
    pub fn mark_changed(&mut self) {
        self.dirty = true;
        self.changed_at = None;
    }

    /// Whether the loop should write now.
    pub fn due(&mut self, now: Instant) -> bool {
        if !self.dirty {
            return false;
        }
        let since = *self.changed_at.get_or_insert(now);
        if let Some(failed) = self.failed_at
            && now.duration_since(failed) < RETRY
            && !self.flush
        {
            return false;
        }
        self.flush || now.duration_since(since) >= DEBOUNCE
    }

    /// How long the loop may sleep before [`SaveState::due`] can turn true;
    /// `None` when nothing waits to be written (sleep until the next event).
    pub fn wait(&self, now: Instant) -> Option<Duration> {
        if !self.dirty {
            return None;
        }
        if self.flush {
            return Some(Duration::ZERO);
        }
        let Some(changed) = self.changed_at else {
            // `due` starts the debounce the first time it sees the change.
            return Some(Duration::ZERO);
        };
        let mut deadline = changed + DEBOUNCE;
        if let Some(failed) = self.failed_at {
            deadline = deadline.max(failed + RETRY);
        }
        Some(deadline.saturating_duration_since(now))
    }

    pub fn saved(&mut self, at: String) {
        self.status = SaveStatus::Saved(at);
        self.dirty = false;
        self.flush = false;
        self.changed_at = None;
        self.failed_at = None;
    }

    pub fn failed(&mut self, message: String, now: Instant) {
        self.status = SaveStatus::Failed(message);
        self.flush = false;
        self.failed_at = Some(now);
    }

    /// The status in words, for the header.
    pub fn label(&self) -> String {
        match (&self.status, self.dirty) {
            _ if self.read_only.is_some() && !self.dirty => "Lecture seule".to_string(),
            (SaveStatus::Failed(_), _) => "✗ NON ENREGISTRÉ (voir le message)".to_string(),
            (_, true) => "Modifié, enregistrement…".to_string(),
            (SaveStatus::Opened, false) => "Aucune modification".to_string(),
            (SaveStatus::Saved(at), false) => format!("Enregistré {at}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_for_a_pause_then_saves_and_retries_after_failure() {
        let t0 = Instant::now();
        let mut s = SaveState::default();
        assert!(!s.due(t0));
        s.mark_changed();
        assert!(!s.due(t0));
        assert!(s.due(t0 + DEBOUNCE));
        s.failed("disque plein".into(), t0 + DEBOUNCE);
        assert!(!s.due(t0 + DEBOUNCE + Duration::from_millis(10)));
        assert!(s.due(t0 + DEBOUNCE + RETRY));
        assert!(s.label().contains("NON ENREGISTRÉ"));
        s.flush = true;
        assert!(s.due(t0 + DEBOUNCE + Duration::from_millis(10)));
        s.saved("10:42".into());
        assert_eq!(s.label(), "Enregistré 10:42");
        assert!(!s.due(t0 + RETRY * 10));
    }

    #[test]
    fn sleeps_until_an_event_unless_a_save_is_pending() {
        let t0 = Instant::now();
        let mut s = SaveState::default();
        assert_eq!(s.wait(t0), None, "nothing to write: wait for an event");
        s.mark_changed();
        assert_eq!(s.wait(t0), Some(Duration::ZERO), "the debounce starts");
        assert!(!s.due(t0));
        assert_eq!(
            s.wait(t0 + Duration::from_millis(100)),
            Some(DEBOUNCE - Duration::from_millis(100))
        );
        s.failed("disque plein".into(), t0 + DEBOUNCE);
        assert_eq!(s.wait(t0 + DEBOUNCE), Some(RETRY));
        s.flush = true;
        assert_eq!(s.wait(t0 + DEBOUNCE), Some(Duration::ZERO));
        s.saved("10:42".into());
        assert_eq!(s.wait(t0 + RETRY * 10), None);
    }
}
