//! Byte offsets → UTF-16 code units, built once per text.
//!
//! The index records the UTF-16 offset at every `BLOCK`-th byte (rounded to a
//! char boundary), so a lookup walks at most one block: no span ever rescans
//! the text from the start, and memory stays at `len / BLOCK` entries.

const BLOCK: usize = 64;

pub struct Utf16Index<'a> {
    text: &'a str,
    /// `checkpoints[i]` = (byte offset, UTF-16 offset) of the first char boundary at or after `i * BLOCK`.
    checkpoints: Vec<(usize, u32)>,
    /// `ascii[i]`: the bytes from `i * BLOCK` to the next block are all ASCII, so within it a byte
    /// offset and a UTF-16 offset move together (most blocks of English text).
    ascii: Vec<bool>,
    total: u32,
}

impl<'a> Utf16Index<'a> {
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(text.len() / BLOCK + 1);
        let mut ascii = Vec::with_capacity(text.len() / BLOCK + 1);
        // UTF-16 units of `bytes[..start]`: a char counts at its first byte (see `units_of`).
        let mut units: u32 = 0;
        let mut start = 0usize;
        while start <= bytes.len() {
            // The first char boundary at or after `start`; the bytes skipped continue a char and count nothing.
            let mut at = start;
            while at < bytes.len() && is_continuation(bytes[at]) {
                at += 1;
            }
            checkpoints.push((at, units));
            let end = (start + BLOCK).min(bytes.len());
            ascii.push(bytes[start..end].is_ascii());
            units += units_of(&bytes[start..end]);
            start += BLOCK;
        }
        Utf16Index { text, checkpoints, ascii, total: units }
    }

    /// Length of the whole text in UTF-16 code units.
    pub fn len_utf16(&self) -> u32 {
        self.total
    }

    /// UTF-16 offset of a byte offset. A byte offset inside a character is
    /// rounded down to that character's start (it never happens for spans the core makes).
    pub fn to_utf16(&self, byte: usize) -> u32 {
        let byte = byte.min(self.text.len());
        let block = byte / BLOCK;
        let (mut at, mut units) = self.checkpoints[block.min(self.checkpoints.len() - 1)];
        if self.ascii.get(block) == Some(&true) {
            // Every byte of the block is a char of one unit (and `at` is the block's start).
            return units + (byte - at) as u32;
        }
        if at > byte {
            // The checkpoint was pushed forward to a char boundary past `byte`; step back one block.
            let (a, u) = self.checkpoints[block - 1];
            at = a;
            units = u;
        }
        // The chars that end at or before `byte`: those that start before its char boundary.
        let end = floor_char_boundary(self.text, byte);
        units + units_of(&self.text.as_bytes()[at..end])
    }

    pub fn span(&self, span: crate::report::ByteSpan) -> crate::report::Span {
        let start = floor_char_boundary(self.text, span.start);
        let end = floor_char_boundary(self.text, span.end).max(start);
        crate::report::Span {
            start: self.to_utf16(start),
            end: self.to_utf16(end),
            text: self.text[start..end].to_string(),
        }
    }
}

/// Does `b` continue a UTF-8 sequence (rather than start a char)?
#[inline]
fn is_continuation(b: u8) -> bool {
    (b as i8) < -0x40
}

/// UTF-16 code units of the chars that start in `bytes`: one for each first byte, and one more for
/// each first byte of a 4-byte sequence (a surrogate pair). A loop the compiler vectorises.
#[inline]
fn units_of(bytes: &[u8]) -> u32 {
    // Summed in bytes 64 at a time (at most 128 units, no overflow): 16 lanes to a vector.
    bytes
        .chunks(64)
        .map(|chunk| u32::from(chunk.iter().fold(0u8, |n, &b| n + u8::from(!is_continuation(b)) + u8::from(b >= 0xF0))))
        .sum()
}

/// The largest char boundary at or below `i`.
pub fn floor_char_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(text: &str, byte: usize) -> u32 {
        text[..byte].encode_utf16().count() as u32
    }

    #[test]
    fn matches_naive_count_on_mixed_scripts() {
        let text = "Café 😀 said «hola» 東京 — “quote” 𝄞 end. ".repeat(20);
        let index = Utf16Index::new(&text);
        for (i, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            assert_eq!(index.to_utf16(i), naive(&text, i), "at byte {i}");
        }
        assert_eq!(index.len_utf16(), text.encode_utf16().count() as u32);
    }

    #[test]
    fn empty_text() {
        let index = Utf16Index::new("");
        assert_eq!(index.to_utf16(0), 0);
        assert_eq!(index.len_utf16(), 0);
    }

    #[test]
    fn emoji_counts_two_units() {
        let text = "😀 said";
        let index = Utf16Index::new(text);
        let span = index.span(crate::report::ByteSpan::new(5, 9));
        assert_eq!(span.text, "said");
        assert_eq!((span.start, span.end), (3, 7));
    }

    #[test]
    fn offset_inside_a_char_rounds_down() {
        let text = "é";
        let index = Utf16Index::new(text);
        let span = index.span(crate::report::ByteSpan::new(1, 2));
        assert_eq!((span.start, span.end, span.text.as_str()), (0, 1, "é"));
    }
}
