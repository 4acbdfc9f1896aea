//! The answers file as bytes on disk: how it was laid out (byte order mark,
//! line endings) so that a save writes it back the same way, and a stamp
//! (modification time, size, content hash) to notice a change made outside.

use std::hash::{Hash, Hasher};
use std::io;
use std::path::Path;
use std::time::SystemTime;

use crate::fs_util;

const BOM: char = '\u{feff}';

/// How the file's text was laid out, kept across saves.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Layout {
    bom: bool,
    crlf: bool,
}

impl Layout {
    /// The layout of a file's text: CRLF when most of its lines end so.
    pub fn of(text: &str) -> Layout {
        let lines = text.matches('\n').count();
        let crlf = text.matches("\r\n").count();
        Layout {
            bom: text.starts_with(BOM),
            crlf: lines > 0 && crlf * 2 > lines,
        }
    }

    /// `text` (as the TOML library writes it) laid out like the file was.
    pub fn apply(self, text: &str) -> String {
        let text = text.strip_prefix(BOM).unwrap_or(text);
        let mut out = String::with_capacity(text.len() + 8);
        if self.bom {
            out.push(BOM);
        }
        let lf = text.replace("\r\n", "\n");
        if self.crlf {
            out.push_str(&lf.replace('\n', "\r\n"));
        } else {
            out.push_str(&lf);
        }
        out
    }
}

/// What identifies one state of the file: equal stamps mean unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stamp {
    modified: Option<SystemTime>,
    len: u64,
    hash: u64,
}

impl Stamp {
    pub fn of(bytes: &[u8], modified: Option<SystemTime>) -> Stamp {
        let mut hasher = std::hash::DefaultHasher::new();
        bytes.hash(&mut hasher);
        Stamp {
            modified,
            len: bytes.len() as u64,
            hash: hasher.finish(),
        }
    }

    /// Whether `path` still has this stamp's size and time (a cheap check
    /// before reading it again).
    pub fn same_size_and_time(&self, path: &Path) -> bool {
        fs_util::follow_links(path)
            .and_then(std::fs::metadata)
            .is_ok_and(|m| m.len() == self.len && m.modified().ok() == self.modified)
    }

    /// The stamp of what was just written to `path`.
    pub fn written(path: &Path, bytes: &[u8]) -> Stamp {
        let modified = fs_util::follow_links(path)
            .and_then(std::fs::metadata)
            .and_then(|m| m.modified())
            .ok();
        Stamp::of(bytes, modified)
    }
}

/// One reading of the file.
pub(crate) struct OnDisk {
    /// The text without its byte order mark.
    pub text: String,
    pub layout: Layout,
    pub stamp: Stamp,
}

/// Reads `path` if it exists (`None` if not); refuses anything that is not a
/// regular file, a file over the size limit, and text that is not UTF-8.
pub(crate) fn read(path: &Path) -> io::Result<Option<OnDisk>> {
    let bytes = match fs_util::read_limited(path, crate::limits::MAX_ANSWERS_FILE_BYTES) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let stamp = Stamp::of(&bytes, modified);
    let text =
        String::from_utf8(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
    let layout = Layout::of(&text);
    let text = match text.strip_prefix(BOM) {
        Some(rest) => rest.to_string(),
        None => text,
    };
    Ok(Some(OnDisk {
        text,
        layout,
        stamp,
    }))
}

/// Reads `path`'s text without its byte order mark, as [`read`] does (the
/// same refusals, the same errors) but without the stamp or the layout a
/// save needs: for a file only read.
pub(crate) fn read_text(path: &Path) -> io::Result<Option<String>> {
    let bytes = match fs_util::read_limited(path, crate::limits::MAX_ANSWERS_FILE_BYTES) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let mut text =
        String::from_utf8(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
    if text.starts_with(BOM) {
        text.drain(..BOM.len_utf8());
    }
    Ok(Some(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_keeps_bom_and_crlf_and_evens_out_mixed_endings() {
        let file = "\u{feff}[meta]\r\nform = \"x\"\r\n";
        let layout = Layout::of(file);
        assert_eq!(
            layout.apply("[meta]\r\nform = \"x\"\n[identite]\nnom = 1\n"),
            "\u{feff}[meta]\r\nform = \"x\"\r\n[identite]\r\nnom = 1\r\n"
        );
        let plain = Layout::of("[meta]\nform = \"x\"\n");
        assert_eq!(plain.apply("a\r\nb\n"), "a\nb\n");
    }
}
