//! Who has an answers file open: a lock file next to it
//! (`.candidature.toml.fiche-verrou`) naming the process, the machine and
//! since when, so that a second `fiche` on the same file can say who has it
//! and offer to open it read-only. A lock left by a process that no longer
//! runs on this machine is stale and taken over.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::fs_util;

/// How long an unreadable lock file (being written, or cut short) is trusted.
const UNREADABLE_GRACE: Duration = Duration::from_secs(5);

/// The lock of one answers file, held until dropped.
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
    mine: Holder,
    /// Whether dropping it removes the file (not for a second opening by
    /// the same process: the first one owns it).
    owner: bool,
}

/// Who holds a lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub pid: u32,
    pub host: String,
    /// Local time the file was opened (RFC 3339).
    pub since: String,
}

impl Holder {
    /// « le processus 4242 sur la machine poste-12, depuis 2026-11-29 10:42 »
    pub fn describe_fr(&self) -> String {
        let since = self
            .since
            .get(..16)
            .unwrap_or(&self.since)
            .replace('T', " ");
        format!(
            "le processus {} sur la machine {}, depuis {since}",
            self.pid, self.host
        )
    }

    fn to_text(&self) -> String {
        let mut t = toml::Table::new();
        t.insert("pid".into(), toml::Value::Integer(i64::from(self.pid)));
        t.insert("machine".into(), toml::Value::String(self.host.clone()));
        t.insert("depuis".into(), toml::Value::String(self.since.clone()));
        format!(
            "# fiche : ce fichier de réponses est ouvert ailleurs. Supprimez ce verrou\n# seulement si ce processus ne tourne plus.\n{}",
            toml::to_string(&t).unwrap_or_default()
        )
    }

    fn parse(text: &str) -> Option<Holder> {
        let t: toml::Table = text.parse().ok()?;
        Some(Holder {
            pid: u32::try_from(t.get("pid")?.as_integer()?).ok()?,
            host: t.get("machine")?.as_str()?.to_string(),
            since: t.get("depuis")?.as_str()?.to_string(),
        })
    }

    /// Whether this holder is certainly gone: a process of this machine
    /// that no longer runs (one on another machine cannot be checked).
    fn is_stale(&self) -> bool {
        self.host == hostname() && !fs_util::process_alive(self.pid)
    }
}

/// Where the lock of `answers` lives (next to the file a symlink points to).
pub fn lock_path(answers: &Path) -> PathBuf {
    let target = fs_util::follow_links(answers).unwrap_or_else(|_| answers.to_path_buf());
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.fiche-verrou"))
}

/// Takes the lock of `answers`: `Ok(Err(holder))` when another live fiche
/// holds it. A stale lock is replaced.
pub fn acquire(answers: &Path) -> io::Result<Result<Lock, Holder>> {
    let path = lock_path(answers);
    let mine = Holder {
        pid: std::process::id(),
        host: hostname(),
        since: crate::answers::now_rfc3339(),
    };
    for _ in 0..3 {
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut file) => {
                // A full disk creates the file but takes none of its text:
                // an empty lock left behind would outlive this session.
                if let Err(e) = file.write_all(mine.to_text().as_bytes()) {
                    drop(file);
                    let _ = fs::remove_file(&path);
                    return Err(e);
                }
                return Ok(Ok(Lock {
                    path,
                    mine,
                    owner: true,
                }));
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                match holder_of(&path) {
                    // This very process (the file opened again): the lock
                    // stays with its first owner, who removes it.
                    Some(holder) if holder.pid == mine.pid && holder.host == mine.host => {
                        return Ok(Ok(Lock {
                            path,
                            mine: holder,
                            owner: false,
                        }));
                    }
                    Some(holder) if !holder.is_stale() => return Ok(Err(holder)),
                    Some(_) => {}
                    None if recent(&path) => {
                        return Ok(Err(Holder {
                            pid: 0,
                            host: "?".into(),
                            since: String::new(),
                        }));
                    }
                    None => {}
                }
                // Stale: remove and try again.
                match fs::remove_file(&path) {
                    Ok(()) => {}
                    Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                    Err(e) => return Err(e),
                }
            }
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("verrou disputé"))
}

/// Who holds the lock of `answers` now, if a live process does.
pub fn holder(answers: &Path) -> Option<Holder> {
    holder_of(&lock_path(answers)).filter(|h| !h.is_stale() && h.pid != std::process::id())
}

fn holder_of(lock: &Path) -> Option<Holder> {
    Holder::parse(&fs::read_to_string(lock).ok()?)
}

fn recent(path: &Path) -> bool {
    fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|m| SystemTime::now().duration_since(m).ok())
        .is_some_and(|age| age < UNREADABLE_GRACE)
}

impl Lock {
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Only our own lock: a user may have removed it and another fiche
        // taken the file since.
        if self.owner && holder_of(&self.path).as_ref() == Some(&self.mine) {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// This machine's name, as other machines sharing the folder see it.
pub fn hostname() -> String {
    #[cfg(unix)]
    {
        let mut buf = [0u8; 256];
        // SAFETY: the buffer is valid for its length; the name is cut to fit.
        if unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) } == 0 {
            let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
            return String::from_utf8_lossy(&buf[..end]).into_owned();
        }
    }
    std::env::var("COMPUTERNAME").unwrap_or_else(|_| "inconnue".into())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_names_the_first_holder_and_a_dead_one_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.toml");
        let first = acquire(&file).unwrap().unwrap();
        assert!(first.path().exists());
        // The same process asking again is not refused (e.g. a reopened file).
        let again = acquire(&file).unwrap().unwrap();
        drop(again);
        assert!(first.path().exists(), "kept by its first owner");
        // A live process elsewhere: our parent holds it.
        let parent = std::os::unix::process::parent_id();
        let other = Holder {
            pid: parent,
            host: hostname(),
            since: "2026-11-29T10:42:00+01:00".into(),
        };
        drop(first);
        assert!(!lock_path(&file).exists(), "released on drop");
        fs::write(lock_path(&file), other.to_text()).unwrap();
        let refused = acquire(&file).unwrap().unwrap_err();
        assert_eq!(refused, other);
        assert!(refused.describe_fr().contains("2026-11-29 10:42"));
        assert_eq!(holder(&file), Some(other));
        // A process that ended: stale, taken over.
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        let stale = Holder {
            pid: dead,
            host: hostname(),
            since: "2026-11-29T10:42:00+01:00".into(),
        };
        fs::write(lock_path(&file), stale.to_text()).unwrap();
        assert_eq!(holder(&file), None);
        let taken = acquire(&file).unwrap().unwrap();
        assert_eq!(holder_of(taken.path()).unwrap().pid, std::process::id());
    }
}
