//! Text cleaning and plain-text segmentation, as `features/segment.py` does them: clean text
//! (NFC, no control characters, white space collapsed), the page's character and paragraph
//! budget, and the cut of over-long paragraphs.
//!
//! "Characters" are code points, as Python's `len` counts them, never bytes; "white space"
//! is Python's `str.isspace` (`vocabulary::is_py_space`).

mod printable;

use std::sync::OnceLock;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::paragraph::{Limits, Refusal};
use crate::vocabulary::{is_py_space, py_strip};

/// `MAX_PARAGRAPH_CHARS`: a paragraph longer than this is cut into pieces (`cut_long`).
pub const MAX_PARAGRAPH_CHARS: usize = 100_000;
/// `MAX_PAGE_CHARS`: a page with more clean text than this is refused.
pub const MAX_PAGE_CHARS: usize = 2_000_000;

/// `_CLEAN_SLICE` (in bytes here): text is cleaned in slices of about this size, each cut
/// just before white space, so that a page over `MAX_PAGE_CHARS` is refused before the
/// rest of it is cleaned. The slices joined by single spaces are the whole text cleaned.
const CLEAN_SLICE: usize = 1 << 18;

/// `clean_text`: NFC, every character neither printable nor white space made a space, runs
/// of white space collapsed to one space, stripped.
pub fn clean_text(text: &str) -> String {
    let mut slices = CleanSlices { text, start: 0 };
    let Some(first) = slices.next() else { return String::new() };
    let Some(second) = slices.next() else { return first };
    let mut out = String::with_capacity(text.len());
    out.push_str(&first);
    for piece in std::iter::once(second).chain(slices) {
        out.push(' ');
        out.push_str(&piece);
    }
    out
}

/// `_clean_slices`: the non-empty clean text of slices of `text`, each cut just before white
/// space. White space neither composes nor reorders under NFC, so cleaning slice by slice
/// is cleaning the whole.
struct CleanSlices<'a> {
    text: &'a str,
    start: usize,
}

impl Iterator for CleanSlices<'_> {
    type Item = String;

    fn next(&mut self) -> Option<String> {
        while self.start < self.text.len() {
            let rest = &self.text[self.start..];
            let end = slice_end(rest);
            self.start += end;
            let piece = clean_slice(&rest[..end]);
            if !piece.is_empty() {
                return Some(piece);
            }
        }
        None
    }
}

/// Where the slice starting `text` ends: at the first white space at or past `CLEAN_SLICE`
/// bytes, else at the end.
fn slice_end(text: &str) -> usize {
    if text.len() <= CLEAN_SLICE {
        return text.len();
    }
    let mut from = CLEAN_SLICE;
    while !text.is_char_boundary(from) {
        from += 1;
    }
    text[from..]
        .char_indices()
        .find(|&(_, c)| is_py_space(c))
        .map_or(text.len(), |(i, _)| from + i)
}

/// One slice cleaned. Blanking and collapsing come before NFC, which gives the same text as
/// the Python's NFC first: no blanked or white-space character decomposes, composes or has
/// a combining class (`tools/gen_printable.py`'s data, checked over every code point), so
/// each is a starter that NFC never touches but for U+2000/U+2001 (white space to white
/// space). Blanking first also keeps characters Unicode assigned after Python's version
/// (blanked as unassigned there) out of this crate's newer normalization data.
fn clean_slice(text: &str) -> String {
    let collapsed = blank_and_collapse(text);
    if collapsed.is_ascii() || is_nfc_quick(collapsed.chars()) == IsNormalized::Yes {
        return collapsed;
    }
    collapsed.nfc().collect()
}

/// `text` with every run of white space and blanked characters made one space, stripped:
/// the words are copied whole, not a character at a time.
fn blank_and_collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word_start = None;
    for (i, c) in text.char_indices() {
        if is_separator(c) {
            if let Some(start) = word_start.take() {
                push_word(&mut out, &text[start..i]);
            }
        } else if word_start.is_none() {
            word_start = Some(i);
        }
    }
    if let Some(start) = word_start {
        push_word(&mut out, &text[start..]);
    }
    out
}

fn push_word(out: &mut String, word: &str) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(word);
}

/// White space, or a character `_Printable` blanks.
#[inline]
fn is_separator(c: char) -> bool {
    if c.is_ascii() {
        // In ASCII every control character is either white space or blanked.
        return c <= ' ' || c == '\x7f';
    }
    is_py_space(c) || is_blanked(c)
}

/// Neither `str.isprintable()` nor `str.isspace()` in Python (`printable::BLANKED`).
#[inline]
fn is_blanked(c: char) -> bool {
    let cp = c as u32;
    if cp < 0x1_0000 {
        let bits = bmp_blanked();
        return bits[(cp >> 6) as usize] >> (cp & 63) & 1 == 1;
    }
    let after = printable::BLANKED.partition_point(|&(lo, _)| lo <= cp);
    after
        .checked_sub(1)
        .and_then(|i| printable::BLANKED.get(i))
        .is_some_and(|&(_, hi)| cp <= hi)
}

/// The Basic Multilingual Plane's blanked characters as a bit set (8 KB, built once), so
/// that the common characters cost one lookup rather than a binary search.
fn bmp_blanked() -> &'static [u64; 1024] {
    static BITS: OnceLock<Box<[u64; 1024]>> = OnceLock::new();
    BITS.get_or_init(|| {
        let mut bits = Box::new([0u64; 1024]);
        for &(lo, hi) in printable::BLANKED {
            for cp in lo..=hi.min(0xFFFF) {
                bits[(cp >> 6) as usize] |= 1 << (cp & 63);
            }
        }
        bits
    })
}

/// `cut_long`: `text` as pieces of at most `limit` characters, each cut at its last space
/// (or at the limit, in a run without one), stripped, the empty ones dropped. A `limit` of 0
/// is taken as 1 (the Python would loop for ever).
pub fn cut_long(text: &str, limit: usize) -> Vec<String> {
    let limit = limit.max(1);
    let total = char_count(text);
    if total <= limit {
        return vec![text.to_owned()];
    }
    let mut pieces = Vec::new();
    let (mut start, mut start_byte) = (0usize, 0usize);
    while total - start > limit {
        let rest = &text[start_byte..];
        // The window `text.rfind(" ", start + 1, start + limit + 1)` searches.
        let first = byte_offset(rest, 1);
        let window_end = byte_offset(rest, limit + 1);
        let (end_chars, end_byte) = match rest[first..window_end].rfind(' ') {
            Some(i) => (char_count(&rest[..first + i]), first + i),
            None => (limit, byte_offset(rest, limit)),
        };
        pieces.push(py_strip(&rest[..end_byte]).to_owned());
        start += end_chars;
        start_byte += end_byte;
    }
    pieces.push(py_strip(&text[start_byte..]).to_owned());
    pieces.retain(|p| !p.is_empty());
    pieces
}

/// The byte offset of character `n` of `text` (its length if it has fewer).
fn byte_offset(text: &str, n: usize) -> usize {
    text.char_indices().nth(n).map_or(text.len(), |(i, _)| i)
}

/// Characters (code points), as Python's `len` counts them.
#[inline]
pub fn char_count(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    }
}

/// `_visible_chars`: characters that are not white space (link density must not depend on
/// spacing).
pub fn visible_chars(text: &str) -> usize {
    if text.is_ascii() {
        return text.bytes().filter(|&b| !is_py_space(b as char)).count();
    }
    text.chars().filter(|&c| !is_py_space(c)).count()
}

/// `_Budget`: what a page's text has cost so far. Past `MAX_PAGE_CHARS` characters of clean
/// text the page is refused at once, before the rest is cleaned; past `max_paragraphs` (0:
/// no limit) paragraphs are only counted, and `check` refuses the page with their number.
#[derive(Clone, Debug)]
pub struct Budget {
    limits: Limits,
    chars: usize,
    paragraphs: usize,
}

impl Budget {
    pub fn new(limits: Limits) -> Self {
        Budget { limits, chars: 0, paragraphs: 0 }
    }

    /// `clean_text(text)`, counted against the page's characters (the separators between
    /// slices count, as in the Python); also refused once the page's time has run out.
    pub fn clean(&mut self, text: &str) -> Result<String, Refusal> {
        self.limits.check_time("segmenting the page")?;
        let mut out = String::new();
        for piece in (CleanSlices { text, start: 0 }) {
            self.chars += char_count(&piece) + usize::from(!out.is_empty());
            if self.chars > MAX_PAGE_CHARS {
                return Err(Refusal::TooLarge(format!(
                    "over {} characters of text",
                    thousands(MAX_PAGE_CHARS)
                )));
            }
            if out.is_empty() {
                out = piece;
            } else {
                out.push(' ');
                out.push_str(&piece);
            }
        }
        Ok(out)
    }

    /// Count a paragraph; whether to keep it.
    pub fn take(&mut self) -> bool {
        self.paragraphs += 1;
        self.limits.max_paragraphs == 0 || self.paragraphs <= self.limits.max_paragraphs
    }

    /// Whether more paragraphs were counted than the page may have.
    pub fn over(&self) -> bool {
        self.limits.max_paragraphs != 0 && self.paragraphs > self.limits.max_paragraphs
    }

    /// Refuse the page if it is `over` its paragraphs.
    pub fn check(&self) -> Result<(), Refusal> {
        if self.over() {
            return Err(Refusal::TooLarge(format!(
                "{} paragraphs, over {}",
                thousands(self.paragraphs),
                thousands(self.limits.max_paragraphs)
            )));
        }
        Ok(())
    }
}

/// `n` as Python's `{n:,}` writes it: `2,000,000`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaning_collapses_space_and_blanks_controls() {
        assert_eq!(clean_text("  a\t\tb\r\n c  "), "a b c");
        assert_eq!(clean_text("a\u{0}b\u{7}c\u{7f}d"), "a b c d");
        assert_eq!(clean_text("a\u{1f}b\u{1c}"), "a b"); // Python's information separators
        assert_eq!(clean_text("a\u{a0}\u{3000}b\u{2028}c"), "a b c");
        assert_eq!(clean_text("a\u{200b}b\u{ad}c\u{feff}"), "a b c"); // Cf
        assert_eq!(clean_text("a\u{e000}b\u{378}c"), "a b c"); // Co, Cn
        assert_eq!(clean_text(""), "");
        assert_eq!(clean_text(" \u{0} \u{200d}\n"), "");
    }

    #[test]
    fn cleaning_composes_but_not_across_blanks() {
        assert_eq!(clean_text("e\u{301}"), "\u{e9}");
        assert_eq!(clean_text("e\u{0}\u{301}"), "e \u{301}");
        assert_eq!(clean_text("\u{301}x"), "\u{301}x"); // a lone combining mark stays
        assert_eq!(clean_text("a\u{2000}b"), "a b");
        assert_eq!(clean_text("\u{212b}"), "\u{c5}"); // a singleton decomposition
        assert_eq!(clean_text("q\u{323}\u{307}"), "q\u{323}\u{307}");
        assert_eq!(clean_text("s\u{307}\u{323}"), "\u{1e69}"); // reordered, then composed
    }

    #[test]
    fn characters_newer_than_python_s_unicode_are_blanked() {
        // U+1FAE8 (Unicode 15) and the Tulu-Tigalari pair that composes in Unicode 16.
        assert_eq!(clean_text("a\u{1fae8}b"), "a b");
        assert_eq!(clean_text("a\u{11382}\u{113c9}b"), "a b");
    }

    #[test]
    fn slices_join_to_the_whole() {
        let word = "abcdé\u{301}fgh\u{0}ij ";
        let text = word.repeat(3 * CLEAN_SLICE / word.len());
        let slices: Vec<String> = CleanSlices { text: &text, start: 0 }.collect();
        assert!(slices.len() >= 3);
        let whole = clean_slice(&text);
        assert_eq!(slices.join(" "), whole);
        assert_eq!(clean_text(&text), whole);
    }

    #[test]
    fn a_slice_without_white_space_is_one_piece() {
        let text = "x".repeat(CLEAN_SLICE * 2 + 5);
        assert_eq!(clean_text(&text), text);
        assert_eq!(slice_end(&text), text.len());
    }

    #[test]
    fn blanked_table_agrees_with_known_categories() {
        for c in ['\u{0}', '\u{85}' /* space */, '\u{ad}', '\u{2029}', '\u{e0001}', '\u{10ffff}'] {
            assert!(is_separator(c), "{c:?}");
        }
        for c in ['a', '\u{e9}', '\u{301}', '\u{4e00}', '\u{1f600}', '\u{20000}', '\u{e0100}'] {
            assert!(!is_separator(c), "{c:?}");
        }
        assert!(!is_blanked('\u{85}') && is_py_space('\u{85}'));
    }

    #[test]
    fn cut_long_cuts_at_the_last_space() {
        assert_eq!(cut_long("short", 10), ["short"]);
        assert_eq!(cut_long("aaaa bbbb cccc", 9), ["aaaa bbbb", "cccc"]);
        assert_eq!(cut_long("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(cut_long("ab  cdefgh", 4), ["ab", "cde", "fgh"]);
        assert_eq!(cut_long("ééé éééé", 4), ["ééé", "ééé", "é"]); // characters, not bytes
        assert_eq!(cut_long("", 4), [""]);
        assert_eq!(cut_long(" a b ", 0), ["a", "b"]);
    }

    #[test]
    fn cut_long_keeps_every_character_of_a_huge_line() {
        let line = "word ".repeat(2_000_000);
        let pieces = cut_long(&line, MAX_PARAGRAPH_CHARS);
        assert!(pieces.iter().all(|p| char_count(p) <= MAX_PARAGRAPH_CHARS));
        let letters: usize = pieces.iter().map(|p| visible_chars(p)).sum();
        assert_eq!(letters, 8_000_000);
    }

    #[test]
    fn visible_chars_skip_python_white_space() {
        assert_eq!(visible_chars(" a\u{a0}b\u{1f}c\u{200b} "), 4);
        assert_eq!(visible_chars(""), 0);
    }

    #[test]
    fn budget_refuses_too_much_text() {
        let mut budget = Budget::new(Limits::default());
        let line = "x".repeat(MAX_PAGE_CHARS / 2);
        assert!(budget.clean(&line).is_ok() && budget.clean(&line).is_ok());
        let err = budget.clean("y").unwrap_err();
        assert_eq!(err, Refusal::TooLarge("over 2,000,000 characters of text".into()));
    }

    #[test]
    fn budget_counts_the_spaces_between_slices() {
        let mut budget = Budget::new(Limits::default());
        let text = format!("{} {}", "x".repeat(CLEAN_SLICE), "y".repeat(10));
        assert_eq!(budget.clean(&text).map(|t| char_count(&t)), Ok(CLEAN_SLICE + 11));
        assert_eq!(budget.chars, CLEAN_SLICE + 11);
    }

    #[test]
    fn budget_counts_paragraphs_past_the_limit() {
        let mut budget = Budget::new(Limits::new(2, 0.0));
        assert!(budget.take() && budget.take() && !budget.over() && budget.check().is_ok());
        assert!(!budget.take() && budget.over());
        for _ in 0..2000 {
            budget.take();
        }
        let err = budget.check().unwrap_err();
        assert_eq!(err.to_string(), "2,003 paragraphs, over 2");
    }

    #[test]
    fn budget_refuses_past_the_deadline() {
        let limits = Limits { deadline: Some(std::time::Instant::now()), seconds: 1.5, ..Limits::default() };
        std::thread::sleep(std::time::Duration::from_millis(2));
        let err = Budget::new(limits).clean("text").unwrap_err();
        assert_eq!(err, Refusal::OutOfTime("segmenting the page took over 1.5 s".into()));
    }

    #[test]
    fn thousands_as_python_writes_them() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(2_000_000), "2,000,000");
    }
}
