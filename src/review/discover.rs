//! Which files to check: the files named on the command line, and every
//! `*.toml` found under the folders named, recursively.

use std::path::{Path, PathBuf};

/// One file to check, and whether the user named it: a named file must be an
/// application (anything else is an error), a file found in a folder that is
/// not one is merely skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub path: PathBuf,
    pub named: bool,
}

/// The files to check, in a stable order: the arguments in the order given,
/// each folder's files by name.
#[derive(Debug, Default)]
pub struct Discovered {
    pub files: Vec<Input>,
    /// Folders that could not be read, with the French reason.
    pub unreadable: Vec<(PathBuf, String)>,
    /// Whether a folder was named (a folder means "many applications").
    pub has_folder: bool,
}

/// Expands folders into the `*.toml` entries under them (hidden folders such
/// as `.git` are not entered, nor links to folders, so a loop cannot hang the
/// walk; any other entry, a broken link included, is listed). A path that does not exist is kept as a named file: opening it
/// reports the error.
pub fn discover(paths: &[PathBuf]) -> Discovered {
    let mut out = Discovered::default();
    for path in paths {
        if path.is_dir() {
            out.has_folder = true;
            walk(path, &mut out);
        } else {
            out.files.push(Input {
                path: path.clone(),
                named: true,
            });
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Discovered) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            out.unreadable
                .push((dir.to_path_buf(), crate::fs_util::io_error_fr(&e)));
            return;
        }
    };
    let mut entries: Vec<(PathBuf, std::fs::FileType)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| Some((e.path(), e.file_type().ok()?)))
        .collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    for (path, kind) in entries {
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if kind.is_dir() {
            if !hidden {
                walk(&path, out);
            }
        } else if path.extension().is_some_and(|x| x == "toml") && !path.is_dir() {
            // Not only regular files: a dangling link, a loop of links or a
            // named pipe is opened like any file, and its row says why it
            // cannot be read (the reader never blocks on a pipe).
            out.files.push(Input { path, named: false });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_walked_recursively_in_name_order_without_hidden_ones() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b/profond")).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        for name in [
            "c.toml",
            "a.toml",
            "b/profond/d.toml",
            "notes.txt",
            ".git/x.toml",
        ] {
            std::fs::write(root.join(name), "").unwrap();
        }
        let named = root.join("ailleurs.toml");
        let found = discover(&[named.clone(), root.to_path_buf()]);
        let paths: Vec<PathBuf> = found.files.iter().map(|i| i.path.clone()).collect();
        assert_eq!(
            paths,
            [
                named,
                root.join("a.toml"),
                root.join("b/profond/d.toml"),
                root.join("c.toml")
            ]
        );
        assert!(found.files[0].named && !found.files[1].named);
        assert!(found.has_folder);
        assert!(found.unreadable.is_empty());
    }

    /// A `.toml` that cannot be opened is checked like the others, so that
    /// its row says why: a link to a moved file, a loop of links or a named
    /// pipe were skipped without a word, the summary counting one
    /// application fewer. A link to a folder is still not followed.
    #[cfg(unix)]
    #[test]
    fn a_toml_that_cannot_be_opened_is_listed_not_skipped() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        symlink(root.join("deplace/a.toml"), root.join("a.toml")).unwrap();
        symlink(root.join("c.toml"), root.join("b.toml")).unwrap();
        symlink(root.join("b.toml"), root.join("c.toml")).unwrap();
        let fifo = std::ffi::CString::new(root.join("d.toml").to_str().unwrap()).unwrap();
        // SAFETY: a valid, NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
        symlink(root, root.join("dossier.toml")).unwrap();
        let found = discover(&[root.to_path_buf()]);
        let names: Vec<String> = found
            .files
            .iter()
            .map(|i| i.path.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a.toml", "b.toml", "c.toml", "d.toml"]);
    }
}
