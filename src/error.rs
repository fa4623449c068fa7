//! The crate's error type.

use std::fmt;

/// What went wrong, in broad classes.
///
/// The enum is `#[non_exhaustive]`: new kinds may be added without a major release.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file or reader could not be read.
    Io,
    /// Input bytes were not valid UTF-8.
    InvalidUtf8,
    /// A gazetteer row is malformed (wrong field count, bad id, unknown kind, bad number …).
    Parse,
    /// The gazetteer as a whole is inconsistent (duplicate id, unknown parent or alias target,
    /// an alias that normalizes to nothing) or an index could not be built.
    Build,
}

/// An error with enough context to find and fix its cause: the kind, a message, and where
/// it applies, the source name (a file path or a label), the 1-based line and the field.
///
/// # Example
///
/// ```
/// use dalil::{ErrorKind, GazetteerBuilder};
///
/// let tsv = "id\tkind\ttype\tname_en\tnames_ar\tlat\tlon\tparent\tambiguity\tsource\n\
///            homs\tplace\tcity\tHoms\tحمص\tnorth\t36.7\t\tnone\tcurated\n";
/// let err = GazetteerBuilder::new().add_tsv("mine.tsv", tsv.as_bytes()).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Parse);
/// assert_eq!(err.line(), Some(2));
/// assert_eq!(err.field(), Some("lat"));
/// assert!(err.to_string().starts_with("mine.tsv:2: field `lat`:"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    source_name: Option<String>,
    line: Option<usize>,
    field: Option<&'static str>,
    message: String,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            source_name: None,
            line: None,
            field: None,
            message: message.into(),
        }
    }

    pub(crate) fn at(mut self, source_name: &str, line: usize) -> Error {
        self.source_name = Some(source_name.to_string());
        self.line = Some(line);
        self
    }

    pub(crate) fn in_source(mut self, source_name: &str) -> Error {
        self.source_name = Some(source_name.to_string());
        self
    }

    pub(crate) fn with_field(mut self, field: &'static str) -> Error {
        self.field = Some(field);
        self
    }

    /// The class of the error.
    ///
    /// ```
    /// use dalil::{decode_utf8, ErrorKind};
    /// assert_eq!(decode_utf8(b"\xff").unwrap_err().kind(), ErrorKind::InvalidUtf8);
    /// ```
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The file path or label of the data the error is about, when there is one.
    ///
    /// ```
    /// use dalil::GazetteerBuilder;
    /// let err = GazetteerBuilder::new().add_tsv("x.tsv", &b"bad header\n"[..]).unwrap_err();
    /// assert_eq!(err.source_name(), Some("x.tsv"));
    /// ```
    pub fn source_name(&self) -> Option<&str> {
        self.source_name.as_deref()
    }

    /// The 1-based line number the error is about, when there is one.
    ///
    /// ```
    /// use dalil::GazetteerBuilder;
    /// let err = GazetteerBuilder::new().add_tsv("x.tsv", &b"bad header\n"[..]).unwrap_err();
    /// assert_eq!(err.line(), Some(1));
    /// ```
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// The name of the field (column) the error is about, when there is one.
    ///
    /// ```
    /// use dalil::GazetteerBuilder;
    /// let err = GazetteerBuilder::new().add_tsv("x.tsv", &b"bad header\n"[..]).unwrap_err();
    /// assert_eq!(err.field(), None);
    /// ```
    pub fn field(&self) -> Option<&str> {
        self.field
    }

    /// The message alone, without the location.
    ///
    /// ```
    /// use dalil::decode_utf8;
    /// let err = decode_utf8(b"ok \xff").unwrap_err();
    /// assert!(err.message().contains("byte offset 3"));
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(name) = &self.source_name {
            write!(f, "{name}:")?;
            if let Some(line) = self.line {
                write!(f, "{line}:")?;
            }
            f.write_str(" ")?;
        }
        if let Some(field) = self.field {
            write!(f, "field `{field}`: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// Checks that `bytes` are UTF-8 and returns them as a `&str`, or an error of kind
/// [`ErrorKind::InvalidUtf8`] naming the byte offset of the first bad sequence.
///
/// This is a convenience for command-line tools that read files; the library itself takes
/// `&str` everywhere and never re-validates text.
///
/// ```
/// let text = dalil::decode_utf8("حمص".as_bytes())?;
/// assert_eq!(text, "حمص");
/// let err = dalil::decode_utf8(b"\xd8\xad\xd9").unwrap_err();
/// assert_eq!(err.message(), "invalid UTF-8 at byte offset 2 (incomplete sequence at end of input)");
/// # Ok::<(), dalil::Error>(())
/// ```
pub fn decode_utf8(bytes: &[u8]) -> Result<&str, Error> {
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let what = match e.error_len() {
            Some(n) => format!("{n} bad byte(s): {:02x?}", &bytes[at..at + n]),
            None => "incomplete sequence at end of input".to_string(),
        };
        Error::new(
            ErrorKind::InvalidUtf8,
            format!("invalid UTF-8 at byte offset {at} ({what})"),
        )
    })
}
