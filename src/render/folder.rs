//! The user's template folder (`--templates DIR`): templates may load other
//! files (minijinja `include`/`import`/`extends`, Typst `#import`/`read`)
//! only from inside it. Names are resolved against the folder, then
//! canonicalised (symbolic links followed) and refused if they end up
//! outside: `/etc/passwd`, `../../secret` or a link pointing elsewhere.

use std::path::{Component, Path, PathBuf};

use crate::limits::MAX_FORM_FILE_BYTES;

/// A template folder, by its canonical path.
#[derive(Debug, Clone)]
pub struct TemplateFolder {
    /// As given, for messages.
    shown: PathBuf,
    /// Canonical (absolute, links resolved); `None` when the folder cannot be
    /// resolved (missing): then no user file is found in it.
    root: Option<PathBuf>,
}

/// A name that leads outside the template folder.
#[derive(Debug, thiserror::Error)]
#[error(
    "« {name} » est hors du dossier de modèles {folder} : un modèle ne peut charger que des fichiers de ce dossier (ni chemin absolu, ni « .. », ni lien vers l’extérieur) ou les modèles intégrés"
)]
pub struct Outside {
    pub name: String,
    pub folder: String,
}

impl TemplateFolder {
    pub fn new(dir: &Path) -> TemplateFolder {
        TemplateFolder {
            shown: dir.to_path_buf(),
            root: std::fs::canonicalize(dir).ok(),
        }
    }

    /// The user's file for `name` (relative to the folder): `Ok(None)` when
    /// the folder has no such file (a built-in template may be used), an
    /// error when the name or a link leads outside the folder.
    pub fn resolve(&self, name: &str) -> Result<Option<PathBuf>, Outside> {
        let outside = || Outside {
            name: crate::sanitize::echo(name),
            folder: self.shown.display().to_string(),
        };
        let relative = Path::new(name);
        if !relative
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
        {
            return Err(outside());
        }
        let Some(root) = &self.root else {
            return Ok(None);
        };
        let candidate = root.join(relative);
        let Ok(real) = std::fs::canonicalize(&candidate) else {
            // Missing (or a dangling link): nothing to read here.
            return Ok(None);
        };
        if !real.starts_with(root) {
            return Err(outside());
        }
        Ok(real.is_file().then_some(real))
    }

    /// The path of `name` as the user wrote the folder, for messages.
    pub fn shown(&self, name: &str) -> PathBuf {
        self.shown.join(name)
    }

    /// Reads a file [`resolve`](Self::resolve) returned, within the size
    /// limit of form and template files.
    pub fn read(path: &Path) -> std::io::Result<Vec<u8>> {
        crate::fs_util::read_limited(path, MAX_FORM_FILE_BYTES)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_files_inside_the_folder_are_found() {
        let dir = tempfile::tempdir().unwrap();
        let inside = dir.path().join("modeles");
        std::fs::create_dir_all(inside.join("sous")).unwrap();
        std::fs::write(inside.join("a.j2"), "a").unwrap();
        std::fs::write(inside.join("sous/b.j2"), "b").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();
        let folder = TemplateFolder::new(&inside);
        assert!(folder.resolve("a.j2").unwrap().is_some());
        assert!(folder.resolve("sous/b.j2").unwrap().is_some());
        assert!(folder.resolve("./a.j2").unwrap().is_some());
        assert!(folder.resolve("absent.j2").unwrap().is_none());
        assert!(folder.resolve("/etc/passwd").is_err());
        assert!(folder.resolve("../secret.txt").is_err());
        assert!(folder.resolve("sous/../../secret.txt").is_err());
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.txt"), inside.join("lien.j2"))
                .unwrap();
            let e = folder.resolve("lien.j2").unwrap_err();
            assert!(
                e.to_string()
                    .starts_with("« lien.j2 » est hors du dossier de modèles"),
                "{e}"
            );
            std::os::unix::fs::symlink(inside.join("a.j2"), inside.join("interne.j2")).unwrap();
            assert!(folder.resolve("interne.j2").unwrap().is_some());
        }
    }
}
