//! OpenDocument text (`.odt`), the office format of the State's
//! interoperability framework (RGI): a zip whose first entry is the
//! uncompressed `mimetype`, then `content.xml` and `styles.xml` (rendered
//! from templates, so `--templates` can change them), `meta.xml` (title,
//! author, dates) and `META-INF/manifest.xml`.

use std::io::{Cursor, Write};

use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

use super::xml::escape;
use super::{RenderError, Result};

/// The media type of an OpenDocument text.
pub const MIMETYPE: &str = "application/vnd.oasis.opendocument.text";

/// The template of `styles.xml`, shared by the fiche and the pitch.
pub const STYLES_TEMPLATE: &str = "styles.odt.xml.j2";

/// What `meta.xml` says about the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meta {
    /// `Fiche action All_Ia_nce – Assistant SRDT`.
    pub title: String,
    /// The product lead, or the administration.
    pub author: Option<String>,
    pub subject: Option<String>,
    /// ISO 8601 date and time (`2026-11-29T10:42:00`).
    pub date: String,
}

impl Meta {
    /// Reads title and author from a document context (serialised), dated
    /// now, or `SOURCE_DATE_EPOCH` when set (reproducible documents). Bidi
    /// controls and invisible characters of the answers are left out, like
    /// the controls that XML cannot hold (a file manager shows these fields).
    pub fn from_context(ctx: &serde_json::Value, document_title: &str) -> Meta {
        let text = |path: &[&str]| {
            path.iter()
                .try_fold(ctx, |v, key| v.get(key))
                .and_then(serde_json::Value::as_str)
                .map(|s| crate::sanitize::metadata(s).trim().to_string())
                .filter(|s| !s.is_empty())
        };
        let product = text(&["product"]).unwrap_or_default();
        let author = text(&["t", "identite", "chef_produit_nom"])
            .or_else(|| text(&["t", "identite", "administration"]));
        let draft = ctx.get("draft").and_then(serde_json::Value::as_bool) == Some(true);
        let mut title = format!("{document_title} – {product}");
        if draft {
            title.insert_str(0, "BROUILLON – ");
        }
        Meta {
            title,
            author,
            subject: text(&["t", "identite", "slogan"]),
            date: now_iso(),
        }
    }

    fn to_xml(&self) -> String {
        let mut fields = vec![
            "<meta:generator>fiche</meta:generator>".to_string(),
            format!("<dc:title>{}</dc:title>", escape(&self.title)),
        ];
        if let Some(subject) = &self.subject {
            fields.push(format!("<dc:subject>{}</dc:subject>", escape(subject)));
        }
        if let Some(author) = &self.author {
            fields.push(format!(
                "<meta:initial-creator>{0}</meta:initial-creator><dc:creator>{0}</dc:creator>",
                escape(author)
            ));
        }
        fields.push(format!(
            "<meta:creation-date>{0}</meta:creation-date><dc:date>{0}</dc:date>",
            escape(&self.date)
        ));
        fields.push("<dc:language>fr-FR</dc:language>".to_string());
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <office:document-meta xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
             xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" \
             xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"1.3\">\
             <office:meta>{}</office:meta></office:document-meta>\n",
            fields.concat()
        )
    }
}

/// `SOURCE_DATE_EPOCH` (seconds, UTC) when set, else the local time now.
fn now_iso() -> String {
    let fixed = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| jiff::Timestamp::from_second(secs).ok());
    let civil = match fixed {
        Some(ts) => ts.to_zoned_datetime(jiff::tz::TimeZone::UTC).datetime(),
        None => crate::clock::now().datetime(),
    };
    civil.strftime("%Y-%m-%dT%H:%M:%S").to_string()
}

const MANIFEST: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">\n\
 <manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>\n\
 <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\n\
 <manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>\n\
 <manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>\n\
</manifest:manifest>\n";

/// Zips the parts into an `.odt`. Entries carry a fixed date, so the same
/// document gives the same bytes.
pub fn package(content: &str, styles: &str, meta: &Meta) -> Result<Vec<u8>> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let meta = meta.to_xml();
    let entries: [(&str, &[u8], SimpleFileOptions); 5] = [
        ("mimetype", MIMETYPE.as_bytes(), stored),
        ("content.xml", content.as_bytes(), deflated),
        ("styles.xml", styles.as_bytes(), deflated),
        ("meta.xml", meta.as_bytes(), deflated),
        ("META-INF/manifest.xml", MANIFEST.as_bytes(), deflated),
    ];
    for (name, bytes, options) in entries {
        zip.start_file(name, options).map_err(zip_error)?;
        zip.write_all(bytes)
            .map_err(|e| RenderError::Template(format!("archive OpenDocument : {e}")))?;
    }
    let cursor = zip.finish().map_err(zip_error)?;
    Ok(cursor.into_inner())
}

fn zip_error(e: zip::result::ZipError) -> RenderError {
    RenderError::Template(format!("archive OpenDocument impossible à écrire : {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_escapes_the_title_and_author_and_marks_drafts() {
        let ctx = serde_json::json!({
            "product": "A & <B>",
            "draft": true,
            "t": { "identite": { "chef_produit_nom": "Zoé \u{7}O'Hara", "slogan": "" } }
        });
        let meta = Meta::from_context(&ctx, "Fiche action");
        assert_eq!(meta.title, "BROUILLON – Fiche action – A & <B>");
        assert_eq!(meta.subject, None);
        let xml = meta.to_xml();
        assert!(xml.contains("<dc:title>BROUILLON – Fiche action – A &amp; &lt;B&gt;</dc:title>"));
        assert!(xml.contains("<dc:creator>Zoé O&apos;Hara</dc:creator>"));
    }

    #[test]
    fn meta_leaves_out_bidi_controls_and_invisible_characters() {
        let ctx = serde_json::json!({
            "product": "Assis\u{202e}tant\u{200b} SRDT\u{2066}\u{feff}",
            "t": { "identite": {
                "administration": "\u{200f}Préfecture\u{2060}",
                "slogan": "\u{202a}Trier\u{202c} vite",
            } }
        });
        let meta = Meta::from_context(&ctx, "Pitch");
        assert_eq!(meta.title, "Pitch – Assistant SRDT");
        assert_eq!(meta.author.as_deref(), Some("Préfecture"));
        assert_eq!(meta.subject.as_deref(), Some("Trier vite"));
        // Only invisible characters: no author rather than an empty one.
        let ctx =
            serde_json::json!({ "t": { "identite": { "administration": "\u{200b}\u{202e}" } } });
        assert_eq!(Meta::from_context(&ctx, "Pitch").author, None);
    }
}
