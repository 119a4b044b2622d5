//! Reading inputs: files or standard input, as text or HTML, defensively.
//!
//! - invalid UTF-8 is read lossily (U+FFFD) and reported as a warning;
//! - a UTF-8 byte-order mark is dropped; UTF-16 text with a byte-order mark is decoded;
//! - a file with NUL bytes in its first 8 KiB (and no UTF-16 mark) is binary and skipped;
//! - inputs larger than the size limit are refused rather than read into memory.

use std::io::Read;
use std::path::Path;

/// How to read an input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum InputKind {
    /// HTML when the name ends in .html/.htm/.xhtml, text when .txt/.text/.md, else sniffed from the content.
    Auto,
    Text,
    Html,
}

/// An input read into memory.
pub struct Loaded {
    /// The text (for HTML, the whole page).
    pub text: String,
    /// Invalid UTF-8 was replaced.
    pub lossy: bool,
    pub is_html: bool,
}

/// Why an input could not be used.
pub enum LoadError {
    /// Unreadable, missing, a directory, too large: exit status 2.
    Unreadable(String),
    /// Binary content: skipped, exit status 1.
    Binary,
}

pub fn display_name(file: &str) -> &str {
    if file == "-" {
        "<stdin>"
    } else {
        file
    }
}

fn read_limited(mut r: impl Read, max_bytes: u64) -> std::io::Result<Option<Vec<u8>>> {
    let mut buf = Vec::new();
    r.by_ref()
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut buf)?;
    if buf.len() as u64 > max_bytes {
        return Ok(None);
    }
    Ok(Some(buf))
}

/// Reads one input named on the command line.
pub fn load(file: &str, kind: InputKind, max_bytes: u64) -> Result<Loaded, LoadError> {
    let too_large = || {
        LoadError::Unreadable(format!(
            "larger than the size limit of {} MiB (raise it with --max-size)",
            max_bytes / (1024 * 1024)
        ))
    };
    let bytes = if file == "-" {
        match read_limited(std::io::stdin().lock(), max_bytes) {
            Ok(Some(b)) => b,
            Ok(None) => return Err(too_large()),
            Err(e) => return Err(LoadError::Unreadable(e.to_string())),
        }
    } else {
        let path = Path::new(file);
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => return Err(LoadError::Unreadable("is a directory".into())),
            Ok(m) if m.len() > max_bytes => return Err(too_large()),
            Ok(_) => {}
            Err(e) => return Err(LoadError::Unreadable(e.to_string())),
        }
        match std::fs::File::open(path).and_then(|f| read_limited(f, max_bytes)) {
            Ok(Some(b)) => b,
            Ok(None) => return Err(too_large()),
            Err(e) => return Err(LoadError::Unreadable(e.to_string())),
        }
    };
    let (mut text, mut lossy) = decode(&bytes).ok_or(LoadError::Binary)?;
    let is_html = match kind {
        InputKind::Html => true,
        InputKind::Text => false,
        InputKind::Auto => {
            let ext = Path::new(file)
                .extension()
                .and_then(|e| e.to_str())
                .map(|e| e.to_ascii_lowercase());
            match ext.as_deref() {
                Some("html" | "htm" | "xhtml" | "shtml") => true,
                Some("txt" | "text" | "md") => false,
                _ => sourcelight::html::looks_like_html(&text),
            }
        }
    };
    // A page in a legacy encoding (windows-1252, ISO-8859-x, Shift_JIS…) that says so
    // is decoded as it declares, so "según" stays "según" rather than "seg\u{FFFD}n".
    if lossy && is_html {
        if let Some(encoding) = declared_charset(&bytes).filter(|e| *e != encoding_rs::UTF_8) {
            let (decoded, _, had_errors) = encoding.decode(&bytes);
            text = decoded.into_owned();
            lossy = had_errors;
        }
    }
    Ok(Loaded {
        text,
        lossy,
        is_html,
    })
}

/// The encoding a page declares near its start: `<meta charset="…">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=…">`.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = bytes[..bytes.len().min(4096)].to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = head[from..].windows(7).position(|w| w == b"charset") {
        let mut j = from + i + 7;
        while j < head.len() && head[j].is_ascii_whitespace() {
            j += 1;
        }
        if head.get(j) != Some(&b'=') {
            from = j;
            continue;
        }
        j += 1;
        while j < head.len()
            && (head[j].is_ascii_whitespace() || head[j] == b'"' || head[j] == b'\'')
        {
            j += 1;
        }
        let start = j;
        while j < head.len() && (head[j].is_ascii_alphanumeric() || b"-_:.".contains(&head[j])) {
            j += 1;
        }
        if let Some(encoding) = encoding_rs::Encoding::for_label(&head[start..j]) {
            return Some(encoding);
        }
        from = j;
    }
    None
}

/// Bytes to text. `None` for binary content; the flag tells whether bytes were replaced.
pub fn decode(bytes: &[u8]) -> Option<(String, bool)> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return decode_utf8(rest);
    }
    let utf16 = |rest: &[u8], le: bool| {
        let units = rest.chunks(2).map(|c| {
            if c.len() == 2 {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            } else {
                0xFFFD
            }
        });
        let mut lossy = rest.len() % 2 == 1;
        let text: String = char::decode_utf16(units)
            .map(|r| {
                r.unwrap_or_else(|_| {
                    lossy = true;
                    '\u{FFFD}'
                })
            })
            .collect();
        Some((text, lossy))
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, false);
    }
    decode_utf8(bytes)
}

fn decode_utf8(bytes: &[u8]) -> Option<(String, bool)> {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return None;
    }
    match String::from_utf8(bytes.to_vec()) {
        Ok(s) => Some((s, false)),
        Err(e) => Some((String::from_utf8_lossy(e.as_bytes()).into_owned(), true)),
    }
}
