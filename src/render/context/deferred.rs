//! Parts of the document context that a template may never read, made
//! either with the rest of the context or, when the context owns what they
//! are made from, the first time something reads them. The Markdown fiche
//! of a complete application reads neither the coach's review (about as
//! costly as the rest of the context together) nor the raw answers (`a`).

use std::sync::OnceLock;

use serde::Serialize;

/// A value made now or when first read; read and serialized as the value.
pub struct Deferred<T> {
    value: OnceLock<T>,
    /// What makes the value when it was not made with the context.
    make: Option<Box<dyn Fn() -> T + Send + Sync>>,
}

impl<T> Deferred<T> {
    /// A value already made.
    pub fn made(value: T) -> Deferred<T> {
        Deferred {
            value: OnceLock::from(value),
            make: None,
        }
    }

    /// A value `make` makes when it is first read.
    pub fn later(make: impl Fn() -> T + Send + Sync + 'static) -> Deferred<T> {
        Deferred {
            value: OnceLock::new(),
            make: Some(Box::new(make)),
        }
    }

    /// The value, made now if it was deferred.
    pub fn get(&self) -> &T {
        self.value.get_or_init(|| match &self.make {
            Some(make) => make(),
            None => unreachable!("a value not made is made later"),
        })
    }
}

impl<T> std::ops::Deref for Deferred<T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.get()
    }
}

impl<T: Serialize> Serialize for Deferred<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.get().serialize(serializer)
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for Deferred<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.value.get() {
            Some(value) => value.fmt(f),
            None => f.write_str("(not made yet)"),
        }
    }
}
