//! File-system helpers shared by every reader and writer: only regular files
//! are read, replacement is atomic, keeps the file's mode and writes through
//! symbolic links, temporary files carry fiche's own name (so a later start
//! can clean what a killed process left), I/O errors are worded in French,
//! and an error with its causes is one French line.

use std::fs::{self, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Start of every temporary file fiche creates (`.fiche-<pid>-XXXXXX.tmp`):
/// the process id tells a later start whether its writer is still running.
pub const TEMP_PREFIX: &str = ".fiche-";

/// How old a leftover of a dead process must be before it is removed (a
/// process on another machine sharing the folder is not visible here).
const LEFTOVER_AGE: Duration = Duration::from_secs(60);

/// Why fiche refuses to touch a file, carried inside an `io::Error` so that
/// every caller words it the same way through [`io_error_fr`].
#[derive(Debug, thiserror::Error)]
pub enum Refusal {
    #[error(
        "ce n’est pas un fichier ordinaire ({0}) : fiche ne lit et n’écrit que des fichiers ordinaires, il n’y a pas touché"
    )]
    NotRegular(&'static str),
    #[error(
        "le fichier est en lecture seule (droits {0}) : il n’a pas été modifié ; rendez-le modifiable (chmod u+w) ou enregistrez sous un autre nom"
    )]
    ReadOnly(String),
    #[error(
        "le fichier dépasse la taille maximale de {} : fiche refuse de le lire (vérifiez qu’il s’agit du bon fichier)",
        crate::limits::bytes_fr(*.0)
    )]
    TooLarge(u64),
    #[error("le dossier « {0} » n’existe pas : créez-le ou choisissez un autre chemin")]
    NoFolder(String),
}

impl Refusal {
    fn into_io(self) -> io::Error {
        let kind = match self {
            Refusal::NotRegular(_) => io::ErrorKind::InvalidInput,
            Refusal::ReadOnly(_) => io::ErrorKind::PermissionDenied,
            Refusal::TooLarge(_) => io::ErrorKind::FileTooLarge,
            Refusal::NoFolder(_) => io::ErrorKind::NotFound,
        };
        io::Error::new(kind, self)
    }
}

/// The refusal inside `e`, if fiche itself refused the file.
pub fn refusal(e: &io::Error) -> Option<&Refusal> {
    e.get_ref()
        .and_then(|inner| inner.downcast_ref::<Refusal>())
}

/// Reads a whole file, refusing anything that is not a regular file (a FIFO
/// would block, a device never ends) before reading a byte.
pub fn read_regular(path: &Path) -> io::Result<Vec<u8>> {
    read_limited(path, u64::MAX)
}

/// Like [`read_regular`], refusing a file of more than `max_bytes` (checked
/// before reading, and while reading, should the file grow meanwhile).
pub fn read_limited(path: &Path, max_bytes: u64) -> io::Result<Vec<u8>> {
    let file = open_nonblocking(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(Refusal::NotRegular(kind_name(&meta.file_type())).into_io());
    }
    if meta.len() > max_bytes {
        return Err(Refusal::TooLarge(max_bytes).into_io());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max_bytes {
        return Err(Refusal::TooLarge(max_bytes).into_io());
    }
    Ok(bytes)
}

/// Like [`read_limited`] for UTF-8 text.
pub fn read_text_limited(path: &Path, max_bytes: u64) -> io::Result<String> {
    let bytes = read_limited(path, max_bytes)?;
    String::from_utf8(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

/// Writes `bytes` to `path` so that, whatever happens (crash, full disk, power
/// cut), the file holds either its old content or the new one, never half of
/// each. The temporary file lives next to the real file (so the rename is
/// atomic); a symbolic link is followed, so the link stays and its target gets
/// the new content. An existing file keeps its mode; a new one is created with
/// mode 0600 (answers hold names and e-mail addresses). A read-only file, or
/// anything that is not a regular file, is refused and left untouched.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_via_temp(path, bytes, false)
}

/// Like [`write_atomic`], for a file that must not exist yet: if `path`
/// exists (even if it appeared a moment ago), nothing is written and the
/// error is `AlreadyExists`.
pub fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_via_temp(path, bytes, true)
}

fn write_via_temp(path: &Path, bytes: &[u8], no_clobber: bool) -> io::Result<()> {
    let target = follow_links(path)?;
    let permissions = match fs::metadata(&target) {
        Ok(_) if no_clobber => return Err(io::ErrorKind::AlreadyExists.into()),
        Ok(meta) => {
            check_writable(&target, &meta)?;
            Some(meta.permissions())
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    let dir = parent_dir(&target);
    let mut tmp = temp_in(dir, ".tmp").map_err(|e| {
        if e.kind() == io::ErrorKind::NotFound && !dir.exists() {
            Refusal::NoFolder(dir.display().to_string()).into_io()
        } else {
            e
        }
    })?;
    tmp.write_all(bytes)?;
    if let Some(permissions) = permissions {
        tmp.as_file().set_permissions(permissions)?;
    }
    tmp.as_file().sync_all()?;
    if no_clobber {
        tmp.persist_noclobber(&target).map_err(|e| e.error)?;
    } else {
        tmp.persist(&target).map_err(|e| e.error)?;
    }
    // Make the rename itself durable.
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Holds an exclusive advisory lock (`flock`) on the file `path` designates,
/// for the time of one read-compare-write: two fiche processes saving the
/// same file at once then take turns, and the second sees the first's
/// changes. `None` when there is no regular file to lock yet. The file is
/// replaced by a rename, so after waiting the lock is checked to still be on
/// the file at `path`.
pub fn lock_exclusive(path: &Path) -> io::Result<Option<fs::File>> {
    let target = follow_links(path)?;
    for _ in 0..50 {
        let file = match open_nonblocking(&target) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        let meta = file.metadata()?;
        if !meta.is_file() {
            return Ok(None);
        }
        if !flock_exclusive(&file) {
            return Ok(None);
        }
        if same_file(&meta, &target) {
            return Ok(Some(file));
        }
    }
    Ok(None)
}

#[cfg(unix)]
fn flock_exclusive(file: &fs::File) -> bool {
    use std::os::unix::io::AsRawFd;
    loop {
        // SAFETY: a valid open descriptor; the lock goes with the file.
        if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) } == 0 {
            return true;
        }
        if io::Error::last_os_error().kind() != io::ErrorKind::Interrupted {
            // A file system without locks: carry on unlocked.
            return false;
        }
    }
}

#[cfg(not(unix))]
fn flock_exclusive(_: &fs::File) -> bool {
    false
}

#[cfg(unix)]
fn same_file(locked: &fs::Metadata, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(path).is_ok_and(|now| now.ino() == locked.ino() && now.dev() == locked.dev())
}

#[cfg(not(unix))]
fn same_file(_: &fs::Metadata, _: &Path) -> bool {
    true
}

fn open_nonblocking(path: &Path) -> io::Result<fs::File> {
    let mut options = OpenOptions::new();
    options.read(true);
    // Opening a FIFO for reading waits for a writer unless non-blocking.
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    options.open(path)
}

/// Refuses to replace `path` (already known to exist) when it is not a
/// regular file or is read-only: a rename would succeed anyway, since it only
/// needs the folder to be writable.
pub fn check_writable(path: &Path, meta: &fs::Metadata) -> io::Result<()> {
    if !meta.is_file() {
        return Err(Refusal::NotRegular(kind_name(&meta.file_type())).into_io());
    }
    if meta.permissions().readonly() || !may_write(path) {
        return Err(Refusal::ReadOnly(mode_text(meta)).into_io());
    }
    Ok(())
}

/// Whether `path` is read-only for this user (no write permission at all, or
/// none for us). A missing file is not read-only.
pub fn is_read_only(path: &Path) -> bool {
    match fs::metadata(path) {
        Ok(meta) => meta.is_file() && (meta.permissions().readonly() || !may_write(path)),
        Err(_) => false,
    }
}

#[cfg(unix)]
fn may_write(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return true;
    };
    // SAFETY: `c` is a valid NUL-terminated path for the duration of the call.
    unsafe { libc::access(c.as_ptr(), libc::W_OK) == 0 }
}

#[cfg(not(unix))]
fn may_write(_: &Path) -> bool {
    true
}

#[cfg(unix)]
fn mode_text(meta: &fs::Metadata) -> String {
    use std::os::unix::fs::PermissionsExt;
    let mode = meta.permissions().mode();
    let bits = ['r', 'w', 'x'];
    (0..9)
        .map(|i| {
            if mode & (0o400 >> i) != 0 {
                bits[i % 3]
            } else {
                '-'
            }
        })
        .collect()
}

#[cfg(not(unix))]
fn mode_text(_: &fs::Metadata) -> String {
    "lecture seule".into()
}

fn kind_name(kind: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "un tube nommé (FIFO)";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "un périphérique";
        }
        if kind.is_socket() {
            return "une socket";
        }
    }
    if kind.is_dir() {
        "un dossier"
    } else {
        "un fichier spécial"
    }
}

/// The file a path finally designates, following symbolic links (also one
/// that points to a file not created yet). A loop of links is an error.
pub fn follow_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&current)?;
                current = if link.is_absolute() {
                    link
                } else {
                    parent_dir(&current).join(link)
                };
            }
            Ok(_) => return Ok(current),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(current),
            Err(e) => return Err(e),
        }
    }
    Err(link_loop())
}

/// The error the system gives for a loop of links, worded by [`io_error_fr`]
/// like the one a read of the same path gives.
#[cfg(unix)]
fn link_loop() -> io::Error {
    io::Error::from_raw_os_error(libc::ELOOP)
}

#[cfg(not(unix))]
fn link_loop() -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        "lien symbolique qui boucle sur lui-même ou sur un autre lien (vérifiez le chemin)",
    )
}

fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// A new temporary file (mode 0600) in `dir`, named `.fiche-<pid>-XXXXXX<suffix>`.
fn temp_in(dir: &Path, suffix: &str) -> io::Result<tempfile::NamedTempFile> {
    let prefix = format!("{TEMP_PREFIX}{}-", std::process::id());
    tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(suffix)
        .tempfile_in(dir)
}

/// A temporary file (mode 0600) next to `path`, named the fiche way, e.g. for
/// the text handed to the user's editor: it stays on the same disk as the
/// answers instead of a shared `/tmp`, and is removed when dropped.
pub fn temp_file_near(path: &Path, suffix: &str) -> io::Result<tempfile::NamedTempFile> {
    let target = follow_links(path)?;
    temp_in(parent_dir(&target), suffix)
}

/// Removes the temporary files a killed fiche left in `dir` (named
/// `.fiche-<pid>-….tmp` or `.txt`, their process gone, older than a minute);
/// returns what was removed. Files of a running fiche are left alone.
pub fn clean_leftovers(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let now = SystemTime::now();
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(TEMP_PREFIX) else {
            continue;
        };
        if !(rest.ends_with(".tmp") || rest.ends_with(".txt")) {
            continue;
        }
        let writer_alive = rest
            .split_once('-')
            .and_then(|(pid, _)| pid.parse::<u32>().ok())
            .is_some_and(process_alive);
        let old = entry
            .metadata()
            .ok()
            .filter(fs::Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age >= LEFTOVER_AGE);
        if !writer_alive && old && fs::remove_file(entry.path()).is_ok() {
            removed.push(entry.path());
        }
    }
    removed
}

/// Whether a process with this id runs on this machine.
#[cfg(unix)]
pub fn process_alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    if pid <= 0 {
        return false;
    }
    // SAFETY: signal 0 only checks that the process exists.
    let result = unsafe { libc::kill(pid, 0) };
    result == 0 || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
pub fn process_alive(_: u32) -> bool {
    true
}

/// A French sentence for an I/O error, with what to do about it.
pub fn io_error_fr(e: &io::Error) -> String {
    use io::ErrorKind::*;
    if let Some(refusal) = refusal(e) {
        return refusal.to_string();
    }
    match e.kind() {
        NotFound => "fichier ou dossier introuvable (vérifiez le chemin)".into(),
        PermissionDenied => {
            "accès refusé (vérifiez les droits sur le fichier et son dossier)".into()
        }
        AlreadyExists => "le fichier existe déjà".into(),
        StorageFull => "disque plein : libérez de la place puis réessayez".into(),
        QuotaExceeded => {
            "quota de disque dépassé : libérez de la place puis réessayez".into()
        }
        FileTooLarge => "fichier trop gros pour ce disque ou pour la limite de taille des fichiers de la session".into(),
        ReadOnlyFilesystem => "le disque est en lecture seule".into(),
        IsADirectory => "c’est un dossier, pas un fichier".into(),
        NotADirectory => {
            "un élément du chemin n’est pas un dossier (vérifiez le chemin)".into()
        }
        InvalidData => not_utf8_fr(e).unwrap_or_else(|| e.to_string()),
        _ => os_error_fr(e).unwrap_or_else(|| format!("erreur d’entrée/sortie ({e})")),
    }
}

/// Path errors whose `ErrorKind` is not stable yet, told by their number.
#[cfg(unix)]
fn os_error_fr(e: &io::Error) -> Option<String> {
    match e.raw_os_error()? {
        libc::ELOOP => Some(
            "lien symbolique qui boucle sur lui-même ou sur un autre lien (vérifiez le chemin, ls -l le montre)".into(),
        ),
        libc::ENAMETOOLONG => {
            Some("nom de fichier trop long : raccourcissez-le".into())
        }
        _ => None,
    }
}

#[cfg(not(unix))]
fn os_error_fr(_: &io::Error) -> Option<String> {
    None
}

/// What to say about a file that is not UTF-8: where, why it happens (a
/// file saved by an office tool in Windows-1252) and what to do. `None` for
/// another kind of invalid data, which words itself (a recovery file that
/// cannot be read, say).
fn not_utf8_fr(e: &io::Error) -> Option<String> {
    let bad = e.get_ref()?.downcast_ref::<std::string::FromUtf8Error>()?;
    if bad.as_bytes().starts_with(&[0xff, 0xfe]) || bad.as_bytes().starts_with(&[0xfe, 0xff]) {
        return Some(
            "le fichier est en UTF-16 (le codage « Unicode » du Bloc-notes de Windows) : ouvrez-le dans un éditeur de texte, enregistrez-le au codage UTF-8, puis relancez".into(),
        );
    }
    let before = &bad.as_bytes()[..bad.utf8_error().valid_up_to()];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    Some(format!(
        "le fichier n’est pas du texte UTF-8 valide (ligne {line}) : il a sans doute été enregistré dans un autre codage (Windows-1252, Latin-1) ; ouvrez-le dans un éditeur de texte, enregistrez-le au codage UTF-8, puis relancez"
    ))
}

/// An error and its causes as one line, `cause : cause : …`, the way a
/// front end shows it: I/O errors in French, and a cause already said by
/// the error that wraps it (our errors word their source) not repeated.
pub fn describe_chain<'a>(
    chain: impl IntoIterator<Item = &'a (dyn std::error::Error + 'static)>,
) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in chain {
        let text = match cause.downcast_ref::<io::Error>() {
            Some(e) => io_error_fr(e),
            None => cause.to_string(),
        };
        if parts.last().is_some_and(|prev| prev.contains(&text)) {
            continue;
        }
        parts.push(text);
    }
    // French typography: a space before the colon.
    parts.join(" : ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_worded_io_cause_is_not_repeated_in_english() {
        let dir = tempfile::tempdir().unwrap();
        let e = crate::Answers::load(&dir.path().join("absent.toml")).unwrap_err();
        let text = describe_chain(std::iter::successors(
            Some(&e as &(dyn std::error::Error + 'static)),
            |e| e.source(),
        ));
        assert!(text.contains("introuvable"), "{text}");
        assert!(!text.contains("os error"), "{text}");
    }

    #[test]
    fn a_file_that_is_not_utf8_names_its_line_and_how_to_fix_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("latin1.toml");
        std::fs::write(&path, b"[identite]\nnom_produit = \"Caf\xe9\"\n").unwrap();
        let e = read_text_limited(&path, 1000).unwrap_err();
        let text = io_error_fr(&e);
        assert!(text.contains("UTF-8 valide (ligne 2)"), "{text}");
        assert!(text.contains("enregistrez-le au codage UTF-8"), "{text}");
        // Notepad's « Unicode »: UTF-16, named as such, not Latin-1.
        std::fs::write(&path, b"\xff\xfe[\x00i\x00]\x00\n\x00").unwrap();
        let text = io_error_fr(&read_text_limited(&path, 1000).unwrap_err());
        assert!(text.contains("en UTF-16"), "{text}");
        assert!(!text.contains("Latin-1"), "{text}");
        assert!(text.contains("enregistrez-le au codage UTF-8"), "{text}");
        let other = io::Error::new(
            io::ErrorKind::InvalidData,
            "fichier de récupération illisible",
        );
        assert_eq!(io_error_fr(&other), "fichier de récupération illisible");
    }

    #[cfg(unix)]
    #[test]
    fn path_errors_a_user_can_make_are_said_in_french() {
        let dir = tempfile::tempdir().unwrap();
        let one = dir.path().join("un.toml");
        let two = dir.path().join("deux.toml");
        std::os::unix::fs::symlink(&two, &one).unwrap();
        std::os::unix::fs::symlink(&one, &two).unwrap();
        let file = dir.path().join("fichier.toml");
        std::fs::write(&file, "").unwrap();
        let long = dir.path().join(format!("{}.toml", "a".repeat(300)));
        let absent = dir.path().join("absent");
        let text = io_error_fr(&write_atomic(&absent.join("a.toml"), b"").unwrap_err());
        assert!(
            text.contains(&format!("le dossier « {} » n’existe pas", absent.display())),
            "{text}"
        );
        let followed = io_error_fr(&follow_links(&one).unwrap_err());
        assert!(
            followed.contains("lien symbolique qui boucle"),
            "{followed}"
        );
        for (path, said) in [
            (one, "lien symbolique qui boucle"),
            (file.join("sous.toml"), "n’est pas un dossier"),
            (long, "nom de fichier trop long"),
        ] {
            let text = io_error_fr(&read_regular(&path).unwrap_err());
            assert!(text.contains(said), "{}: {text}", path.display());
            assert!(!text.contains("os error"), "{text}");
        }
    }

    #[test]
    fn a_bare_io_cause_is_said_in_french() {
        let e = anyhow::Error::new(io::Error::from(io::ErrorKind::PermissionDenied))
            .context("écriture du document");
        let text = describe_chain(e.chain());
        assert_eq!(
            text,
            // French typography: a space before the colon.
            "écriture du document : accès refusé (vérifiez les droits sur le fichier et son dossier)"
        );
    }
}
