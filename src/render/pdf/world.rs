//! The Typst `World` of one PDF export: the fiche template as main source,
//! the document data as a virtual JSON file, fonts embedded in the binary.

use std::path::PathBuf;
use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use crate::render::TemplateFolder;

/// Virtual path of the main template inside the Typst project.
pub const MAIN_PATH: &str = "/fiche.typ";
/// Virtual path of the document data the template reads with `json(…)`.
pub const DATA_PATH: &str = "/fiche.json";

/// The standard library, built once per process.
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// The embedded fonts and their metadata, parsed once per process:
/// Typst's own, and a monochrome Noto Emoji that Typst falls back to for
/// emoji in answers (none of Typst's fonts has them: they printed as empty
/// boxes).
static FONTS: LazyLock<(LazyHash<FontBook>, Vec<Font>)> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts()
        .chain([epaint_default_fonts::NOTO_EMOJI_REGULAR])
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    let book = FontBook::from_fonts(&fonts);
    (LazyHash::new(book), fonts)
});

/// One compilation: the template source, the data, and where user files live.
pub struct FicheWorld {
    main: Source,
    data: Bytes,
    /// The user's `--templates` folder, from which `#import` and `read()` may
    /// load other files; `None` with the built-in template.
    user_dir: Option<TemplateFolder>,
    today: jiff::civil::Date,
}

impl FicheWorld {
    pub fn new(template: String, data: Vec<u8>, user_dir: Option<&TemplateFolder>) -> FicheWorld {
        FicheWorld {
            main: Source::new(file_id(MAIN_PATH), template),
            data: Bytes::new(data),
            user_dir: user_dir.cloned(),
            today: crate::clock::now().date(),
        }
    }

    /// Reads a project file other than the template and the data: only from
    /// the user's template folder, never outside it.
    fn user_file(&self, id: FileId) -> FileResult<Vec<u8>> {
        let rooted = id.get();
        let vpath = rooted.vpath();
        let not_found = || FileError::NotFound(PathBuf::from(vpath.get_with_slash()));
        if !matches!(rooted.root(), VirtualRoot::Project) {
            return Err(FileError::Other(Some(
                "les paquets Typst ne sont pas disponibles hors ligne".into(),
            )));
        }
        let folder = self.user_dir.as_ref().ok_or_else(not_found)?;
        // Resolved like the minijinja templates: a link inside the folder
        // that points outside is refused too.
        let path = folder
            .resolve(vpath.get_without_slash())
            .map_err(|e| FileError::Other(Some(e.to_string().into())))?
            .ok_or_else(not_found)?;
        TemplateFolder::read(&path).map_err(|e| FileError::from_io(e, &path))
    }
}

/// The `FileId` of a path in the Typst project root.
pub fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("static virtual paths are valid");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

impl World for FicheWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.0
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            return Ok(self.main.clone());
        }
        let text = match self.user_file(id) {
            Ok(bytes) => String::from_utf8(bytes).map_err(|_| FileError::InvalidUtf8)?,
            // The templates' shared module, unless the folder has its own.
            Err(FileError::NotFound(path)) => {
                super::builtin_module(id.get().vpath().get_with_slash())
                    .ok_or(FileError::NotFound(path))?
                    .to_string()
            }
            Err(e) => return Err(e),
        };
        Ok(Source::new(id, text))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == file_id(DATA_PATH) {
            return Ok(self.data.clone());
        }
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.clone()));
        }
        self.user_file(id).map(Bytes::new)
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.1.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        Datetime::from_ymd(
            self.today.year().into(),
            self.today.month().try_into().ok()?,
            self.today.day().try_into().ok()?,
        )
    }
}
