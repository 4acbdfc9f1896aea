//! File-system helpers shared by every writer: atomic replacement and French
//! wording of I/O errors.

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
        _ => format!("erreur d'entrée/sortie ({e})"),
    }
}
