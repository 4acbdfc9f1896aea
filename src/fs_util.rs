//! File-system helpers shared by every reader and writer: bounded reads of
//! regular files, atomic replacement, French wording of I/O errors, and an
//! error with its causes as one French line.

use std::io::{self, Write};
use std::path::Path;

/// Writes `bytes` to `path` so that, whatever happens (crash, full disk, power
/// cut), the file holds either its old content or the new one, never half of
/// each. The temporary file lives in the same folder (so the rename is atomic)
/// and is created with mode 0600 (answers hold names and e-mail addresses).
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
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".fiche-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    if no_clobber {
        tmp.persist_noclobber(path).map_err(|e| e.error)?;
    } else {
        tmp.persist(path).map_err(|e| e.error)?;
    }
    // Make the rename itself durable.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Reads a text file of at most `max_bytes`, refusing before reading anything
/// that is not a regular file (a pipe would be read twice or hang, a device
/// like `/dev/zero` never ends). The errors are worded by [`io_error_fr`].
pub fn read_text_limited(path: &Path, max_bytes: u64) -> io::Result<String> {
    let bytes = read_limited(path, max_bytes)?;
    String::from_utf8(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

/// Like [`read_text_limited`] for any bytes.
pub fn read_limited(path: &Path, max_bytes: u64) -> io::Result<Vec<u8>> {
    use std::io::Read;
    let meta = std::fs::metadata(path)?;
    if meta.is_dir() {
        return Err(io::Error::from(io::ErrorKind::IsADirectory));
    }
    if !meta.is_file() {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, NotRegular));
    }
    if meta.len() > max_bytes {
        return Err(io::Error::new(
            io::ErrorKind::FileTooLarge,
            TooLarge(max_bytes),
        ));
    }
    let mut bytes = Vec::new();
    // The file may grow between the check and the read: never read more.
    std::fs::File::open(path)?
        .take(max_bytes + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max_bytes {
        return Err(io::Error::new(
            io::ErrorKind::FileTooLarge,
            TooLarge(max_bytes),
        ));
    }
    Ok(bytes)
}

/// Not a regular file (a pipe, a device, a socket).
#[derive(Debug, thiserror::Error)]
#[error("ce n'est pas un fichier ordinaire")]
struct NotRegular;

/// Larger than the limit, in bytes.
#[derive(Debug, thiserror::Error)]
#[error("fichier trop gros")]
struct TooLarge(u64);

/// A French sentence for an I/O error, with what to do about it.
pub fn io_error_fr(e: &io::Error) -> String {
    use io::ErrorKind::*;
    match e.kind() {
        NotFound => "fichier ou dossier introuvable (vérifiez le chemin)".into(),
        PermissionDenied => {
            "accès refusé (vérifiez les droits sur le fichier et son dossier)".into()
        }
        AlreadyExists => "le fichier existe déjà".into(),
        StorageFull => "disque plein : libérez de la place puis réessayez".into(),
        ReadOnlyFilesystem => "le disque est en lecture seule".into(),
        IsADirectory => "c'est un dossier, pas un fichier".into(),
        InvalidData => "le fichier n'est pas du texte UTF-8 valide".into(),
        FileTooLarge => match e.get_ref().and_then(|s| s.downcast_ref::<TooLarge>()) {
            Some(TooLarge(max)) => format!(
                "le fichier dépasse la taille maximale de {} ; fiche refuse de le lire (vérifiez qu'il s'agit du bon fichier)",
                crate::limits::bytes_fr(*max)
            ),
            None => "le fichier est trop gros".into(),
        },
        InvalidInput if e.get_ref().is_some_and(|s| s.is::<NotRegular>()) => {
            "ce n'est pas un fichier ordinaire (tube, périphérique ou socket) : fiche ne lit que des fichiers texte".into()
        }
        _ => format!("erreur d'entrée/sortie ({e})"),
    }
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
    parts.join(": ")
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
    fn a_bare_io_cause_is_said_in_french() {
        let e = anyhow::Error::new(io::Error::from(io::ErrorKind::PermissionDenied))
            .context("écriture du document");
        let text = describe_chain(e.chain());
        assert_eq!(
            text,
            "écriture du document: accès refusé (vérifiez les droits sur le fichier et son dossier)"
        );
    }
}
