//! How the templates are written: the block and whitespace settings every
//! template is compiled with, at run time (`Renderer::new`) and by the build
//! script, which compiles the built-in templates ahead of time
//! (`build/templates.rs`): both must read a template the same way.

use minijinja::syntax::SyntaxConfig;

/// Blocks take their line with them (`trim_blocks`, `lstrip_blocks`); the
/// final newline of a template stays.
pub fn config() -> SyntaxConfig {
    SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .keep_trailing_newline(true)
        .build()
        .expect("default delimiters are valid")
}
