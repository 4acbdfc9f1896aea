#![forbid(unsafe_code)]
#![allow(clippy::needless_range_loop)]
#![warn(clippy::dbg_macro, clippy::print_stdout)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![doc = include_str!("../README.md")]

mod cursor;
mod draw_rows;
mod highlight;
mod history;
mod input;
mod screen_map;
mod scroll;
#[cfg(feature = "search")]
mod search;
mod textarea;
mod util;
mod widget;
mod word;
mod wrap;
mod wrap_cache;

pub use cursor::{CursorMove, DataCursor, ScreenCursor};
pub use input::{Input, Key};
pub use scroll::Scrolling;
pub use textarea::TextArea;
pub use util::{ShowText, show_chars_with};
pub use wrap::WrapMode;
