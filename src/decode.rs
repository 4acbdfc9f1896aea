//! Text whose encoding nobody chose: what a person's own editor wrote (the
//! wizard's Ctrl+E) or a spreadsheet exported (parangonnage). Its byte order
//! mark names it (UTF-8, UTF-16), else it is UTF-8 when its bytes are, else
//! Windows-1252: what Notepad, Excel or a Latin-1 terminal write on a French
//! machine. Such text is taken as it is meant, never refused for its bytes.

use std::borrow::Cow;
use std::io;
use std::path::Path;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// `bytes` as text, and the encoding they were read in (its byte order mark
/// dropped).
pub fn decode_any(bytes: &[u8]) -> (Cow<'_, str>, &'static Encoding) {
    let (encoding, body) = match Encoding::for_bom(bytes) {
        Some((encoding, bom_len)) => (encoding, &bytes[bom_len..]),
        None if std::str::from_utf8(bytes).is_ok() => (UTF_8, bytes),
        None => (WINDOWS_1252, bytes),
    };
    (encoding.decode_without_bom_handling(body).0, encoding)
}

/// The text a person wrote in their own editor, read from `path` (at most
/// `max_bytes`), and the name of the encoding it was converted from when it
/// was not UTF-8, for the front end to say so.
pub fn read_edited_text(path: &Path, max_bytes: u64) -> io::Result<(String, Option<&'static str>)> {
    let bytes = crate::fs_util::read_limited(path, max_bytes)?;
    let (text, encoding) = decode_any(&bytes);
    let converted = (encoding != UTF_8).then(|| name(encoding));
    Ok((text.into_owned(), converted))
}

/// The encoding's name as a user knows it: « Windows-1252 (Latin-1) »,
/// « UTF-16LE ».
pub fn name(encoding: &'static Encoding) -> &'static str {
    if encoding == WINDOWS_1252 {
        "Windows-1252 (Latin-1)"
    } else {
        encoding.name()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_editor_s_text_is_read_in_the_encoding_it_was_written_in() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("texte.txt");
        let read = |bytes: &[u8]| {
            std::fs::write(&path, bytes).unwrap();
            read_edited_text(&path, 1000).unwrap()
        };
        assert_eq!(read("Délai réel".as_bytes()), ("Délai réel".into(), None));
        // Notepad's UTF-8 with a byte order mark: the mark is not text.
        assert_eq!(read(b"\xef\xbb\xbfD\xc3\xa9lai"), ("Délai".into(), None));
        // A Latin-1 terminal or an old Windows editor, a NUL kept as text.
        assert_eq!(
            read(b"D\xe9lai \x80 \0"),
            ("Délai € \0".into(), Some("Windows-1252 (Latin-1)"))
        );
        // Notepad's « Unicode »: UTF-16 with its mark.
        assert_eq!(
            read(b"\xff\xfeD\x00\xe9\x00"),
            ("Dé".into(), Some("UTF-16LE"))
        );
    }
}
