//! Text cleaning and plain-text segmentation, behind `features/segment.py`: clean text
//! (NFC, no control characters, white space collapsed), the page's character and paragraph
//! budget, the cut of over-long paragraphs, and plain text or pre-split lines cut into
//! lines and sentences.
//!
//! "Characters" are code points, as Python's `len` counts them, never bytes; "white space"
//! is Python's `str.isspace` (`vocabulary::is_py_space`).

use std::sync::OnceLock;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::paragraph::{Limits, Paragraph, Refusal};
use crate::pyunicode::is_blanked;
use crate::vocabulary::{ends_with_any, is_py_space, py_rstrip, py_strip, ENDS_LINE};

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
    let Some(Clean { text: first, .. }) = slices.next() else {
        return String::new();
    };
    let Some(second) = slices.next() else {
        return first;
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&first);
    for piece in std::iter::once(second).chain(slices) {
        out.push(' ');
        out.push_str(&piece.text);
    }
    out
}

/// Clean text and its length in characters, counted as it was made.
struct Clean {
    text: String,
    chars: usize,
}

/// `_clean_slices`: the non-empty clean text of slices of `text`, each cut just before white
/// space. White space neither composes nor reorders under NFC, so cleaning slice by slice
/// is cleaning the whole.
struct CleanSlices<'a> {
    text: &'a str,
    start: usize,
}

impl Iterator for CleanSlices<'_> {
    type Item = Clean;

    fn next(&mut self) -> Option<Clean> {
        while self.start < self.text.len() {
            let rest = &self.text[self.start..];
            let end = slice_end(rest);
            self.start += end;
            let piece = clean_slice(&rest[..end]);
            if !piece.text.is_empty() {
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
/// a combining class (Python's data in `pyunicode`, checked over every code point), so
/// each is a starter that NFC never touches but for U+2000/U+2001 (white space to white
/// space). Blanking first also keeps characters Unicode assigned after Python's version
/// (blanked as unassigned there) out of this crate's newer normalization data.
fn clean_slice(text: &str) -> Clean {
    if is_clean_ascii(text.as_bytes()) {
        return Clean {
            text: text.to_owned(),
            chars: text.len(),
        };
    }
    let (collapsed, chars, nfc_may_change) = blank_and_collapse(text);
    if !nfc_may_change || is_nfc_quick(collapsed.chars()) == IsNormalized::Yes {
        return Clean {
            text: collapsed,
            chars,
        };
    }
    let text: String = collapsed.nfc().collect();
    Clean {
        chars: text.chars().count(),
        text,
    }
}

const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
const HIGH: u64 = 0x8080_8080_8080_8080;
const EACH: u64 = 0x0101_0101_0101_0101;

/// The high bit of each byte of `x` that is zero (exact: no carry crosses a byte).
#[inline(always)]
fn zero_bytes(x: u64) -> u64 {
    !(((x & LOW7) + LOW7) | x | LOW7)
}

/// Whether `bytes` is clean text already, the common case: printable ASCII words apart by
/// single spaces, none at either end. Checked eight bytes at a time.
fn is_clean_ascii(bytes: &[u8]) -> bool {
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let mut chunks = bytes.chunks_exact(8);
    let mut space_before = false;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        // Non-ASCII, under 0x20 (the low seven bits under 0x20 and no high bit), or DEL.
        let bad = (x & HIGH) | (!((x & LOW7) + 0x60 * EACH) & HIGH) | zero_bytes(x ^ (0x7f * EACH));
        let spaces = zero_bytes(x ^ (0x20 * EACH));
        if bad != 0 || spaces & (spaces << 8) != 0 || (space_before && spaces & 0x80 != 0) {
            return false;
        }
        space_before = spaces >> 63 != 0;
    }
    chunks.remainder().iter().all(|&b| {
        let ok = (0x20..0x7f).contains(&b) && !(space_before && b == b' ');
        space_before = b == b' ';
        ok
    })
}

/// `text` with every run of white space and blanked characters made one space, stripped,
/// with its length in characters and whether it holds a character NFC may change (or that
/// may change its neighbours, `Kind::NfcWord`). What is already clean (words
/// apart by one plain space) is copied a run at a time, and only non-ASCII bytes decoded.
fn blank_and_collapse(text: &str) -> (String, usize, bool) {
    let mut out = String::with_capacity(text.len());
    let mut scan = Scan {
        text,
        at: 0,
        continuation: 0,
        nfc_may_change: false,
    };
    // The start of the clean run not yet copied, once a word has been seen.
    let mut run: Option<usize> = None;
    loop {
        let gap = scan.at;
        let more = scan.skip(true);
        let plain_space = scan.at == gap + 1 && text.as_bytes()[gap] == b' ';
        match run {
            Some(start) if !more || !plain_space => {
                out.push_str(&text[start..gap]);
                if more {
                    out.push(' ');
                }
                run = Some(scan.at);
            }
            None => run = Some(scan.at),
            Some(_) => {}
        }
        if !more {
            break;
        }
        scan.skip(false);
    }
    // Every character of `out` is one byte but for its UTF-8 continuation bytes.
    let chars = out.len() - scan.continuation;
    (out, chars, scan.nfc_may_change)
}

/// A pass over a text's characters as separators and word characters.
struct Scan<'a> {
    text: &'a str,
    at: usize,
    /// UTF-8 continuation bytes of the word characters passed.
    continuation: usize,
    /// Whether a word character passed was a `Kind::NfcWord`.
    nfc_may_change: bool,
}

impl Scan<'_> {
    /// Move past the separators (`separators`) or the word characters (else) at `at`;
    /// whether anything is left.
    #[inline(always)]
    fn skip(&mut self, separators: bool) -> bool {
        let bytes = self.text.as_bytes();
        while let Some(&b) = bytes.get(self.at) {
            if b < 0x80 {
                // In ASCII every control character is either white space or blanked.
                if (b <= b' ' || b == 0x7f) != separators {
                    return true;
                }
                self.at += 1;
                continue;
            }
            let Some(c) = self.text[self.at..].chars().next() else {
                return false;
            };
            let kind = kind(c);
            if (kind == Kind::Separator) != separators {
                return true;
            }
            self.at += c.len_utf8();
            if !separators {
                self.continuation += c.len_utf8() - 1;
                self.nfc_may_change |= kind == Kind::NfcWord;
            }
        }
        false
    }
}

/// What a character is to the cleaner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// White space, or a character `_Printable` blanks.
    Separator,
    /// A character of a word that is its own NFC and a starter nothing composes onto.
    Word,
    /// A character of a word that NFC may change or compose onto (a combining class, or a
    /// quick-check value other than Yes): a text without one is its own NFC.
    NfcWord,
}

/// What `c` is: ASCII by its code, the Basic Multilingual Plane by a bit set, the rest by a
/// search of `pyunicode`'s runs and the normalization tables.
#[inline]
fn kind(c: char) -> Kind {
    if c.is_ascii() {
        // In ASCII every control character is either white space or blanked.
        return if c <= ' ' || c == '\x7f' {
            Kind::Separator
        } else {
            Kind::Word
        };
    }
    let cp = c as u32;
    if cp < 0x1_0000 {
        let table = bmp_kinds();
        let (word, bit) = ((cp >> 6) as usize, cp & 63);
        if table.separator[word] >> bit & 1 == 1 {
            return Kind::Separator;
        }
        return if table.nfc[word] >> bit & 1 == 1 {
            Kind::NfcWord
        } else {
            Kind::Word
        };
    }
    // No white space lies beyond the Basic Multilingual Plane.
    if is_blanked(c) {
        Kind::Separator
    } else if nfc_may_change(c) {
        Kind::NfcWord
    } else {
        Kind::Word
    }
}

/// Whether NFC may change `c` or compose it onto what comes before it.
fn nfc_may_change(c: char) -> bool {
    canonical_combining_class(c) != 0 || is_nfc_quick(std::iter::once(c)) != IsNormalized::Yes
}

/// The Basic Multilingual Plane's characters as bit sets (16 KB, built once), so that the
/// common characters cost a lookup rather than a search.
struct BmpKinds {
    /// `Kind::Separator`: white space or blanked.
    separator: [u64; 1024],
    /// `Kind::NfcWord`.
    nfc: [u64; 1024],
}

fn bmp_kinds() -> &'static BmpKinds {
    static KINDS: OnceLock<Box<BmpKinds>> = OnceLock::new();
    KINDS.get_or_init(|| {
        let mut kinds = Box::new(BmpKinds {
            separator: [0; 1024],
            nfc: [0; 1024],
        });
        for c in (0..0x1_0000).filter_map(char::from_u32) {
            let (word, bit) = ((c as u32 >> 6) as usize, c as u32 & 63);
            if is_py_space(c) || is_blanked(c) {
                kinds.separator[word] |= 1 << bit;
            } else if nfc_may_change(c) {
                kinds.nfc[word] |= 1 << bit;
            }
        }
        kinds
    })
}

/// `cut_long`: `text` as pieces of at most `limit` characters, each cut at its last space
/// (or at the limit, in a run without one), stripped, the empty ones dropped. A `limit` of 0
/// is taken as 1 (the Python would loop for ever).
pub fn cut_long(text: &str, limit: usize) -> Vec<String> {
    let limit = limit.max(1);
    if text.len() <= limit {
        return vec![text.to_owned()]; // no more bytes than the limit: no more characters
    }
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
        Budget {
            limits,
            chars: 0,
            paragraphs: 0,
        }
    }

    /// `clean_text(text)`, counted against the page's characters (the separators between
    /// slices count, as in the Python); also refused once the page's time has run out.
    pub fn clean(&mut self, text: &str) -> Result<String, Refusal> {
        self.limits.check_time("segmenting the page")?;
        let mut out = String::new();
        for Clean { text: piece, chars } in (CleanSlices { text, start: 0 }) {
            self.chars += chars + usize::from(!out.is_empty());
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

/// `n` as Python's `{n:,}` writes it: `2,000,000` (every refusal message counts this way).
pub(crate) fn thousands(n: usize) -> String {
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

// --- plain text -----------------------------------------------------------------------------

/// `_HARD_WRAP_MIN`: the narrowest body line of a block wrapped by a tool.
const HARD_WRAP_MIN: usize = 50;
/// What may close a sentence after its terminal mark (`_SENTENCE_END`'s `["'”’)\]]*`).
const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']'];
/// What may open the next sentence before its capital or digit (`["'“‘(\[]?`).
const OPENERS: &[char] = &['"', '\'', '“', '‘', '(', '['];

/// `segment_lines`: lines that arrive already split, cut into sentences as plain text is;
/// each piece's `line` is its input line's index. Blank lines drop out.
pub fn segment_lines(lines: &[&str], limits: &Limits) -> Result<Vec<Paragraph>, Refusal> {
    let mut budget = Budget::new(*limits);
    let mut paragraphs = Vec::new();
    for (line_no, line) in lines.iter().enumerate() {
        let clean = budget.clean(line)?;
        push_line(&mut paragraphs, &mut budget, clean, line_no);
    }
    budget.check()?;
    Ok(paragraphs)
}

/// `segment_text`: paragraphs of plain text, one per line, or per blank-line block when its
/// lines were wrapped by a tool (`_lines`); long lines are cut into sentences, and the pieces
/// of one line share its `line`: its index among the non-empty clean lines.
pub fn segment_text(text: &str, limits: &Limits) -> Result<Vec<Paragraph>, Refusal> {
    let mut budget = Budget::new(*limits);
    let mut paragraphs = Vec::new();
    let text = unify_newlines(text);
    let mut line_no = 0;
    for block in blocks(&text) {
        let rows: Vec<&str> = block
            .split('\n')
            .filter(|r| !py_strip(r).is_empty())
            .collect();
        if hard_wrapped(&rows) {
            push_row(&mut paragraphs, &mut budget, &rows.join(" "), &mut line_no)?;
        } else {
            for row in rows {
                push_row(&mut paragraphs, &mut budget, row, &mut line_no)?;
            }
        }
    }
    budget.check()?;
    Ok(paragraphs)
}

/// One row of plain text cleaned and, unless it cleans to nothing, split as line `line_no`
/// (which then moves on).
fn push_row(
    paragraphs: &mut Vec<Paragraph>,
    budget: &mut Budget,
    row: &str,
    line_no: &mut usize,
) -> Result<(), Refusal> {
    let clean = budget.clean(row)?;
    if !clean.is_empty() {
        push_line(paragraphs, budget, clean, *line_no);
        *line_no += 1;
    }
    Ok(())
}

/// `_split_lines` for one clean line: its sentences, each cut to `MAX_PARAGRAPH_CHARS`,
/// counted against the budget (past its limit only counted).
fn push_line(paragraphs: &mut Vec<Paragraph>, budget: &mut Budget, line: String, line_no: usize) {
    let line_no = u32::try_from(line_no).unwrap_or(u32::MAX);
    let mut push = |text: String| {
        if budget.take() {
            paragraphs.push(Paragraph {
                text,
                line: line_no,
                ..Paragraph::default()
            });
        }
    };
    let sentences = sentence_spans(&line);
    if let [only] = sentences[..] {
        if only.len() == line.len() && line.len() <= MAX_PARAGRAPH_CHARS {
            // The common case: one short sentence, the clean line itself.
            drop(sentences);
            push(line);
            return;
        }
    }
    for sentence in sentences {
        cut_long(sentence, MAX_PARAGRAPH_CHARS)
            .into_iter()
            .for_each(&mut push);
    }
}

/// `text.replace("\r\n", "\n").replace("\r", "\n")`.
fn unify_newlines(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n").into()
    } else {
        text.into()
    }
}

/// `re.split(r"\n\s*\n", text)`: the blocks between runs of white space that hold two line
/// breaks or more. Such a run's match starts at its first line break and, `\s*` being greedy,
/// ends after its last one; a run with one line break holds no match. Line breaks are found
/// by bytes, and two are in one run when only white space stands between them.
fn blocks(text: &str) -> Vec<&str> {
    let mut blocks = Vec::new();
    let mut start = 0;
    // The first and last line break of the current run of white space.
    let mut run: Option<(usize, usize)> = None;
    for at in memchr::memchr_iter(b'\n', text.as_bytes()) {
        run = match run {
            Some((first, last)) if text[last + 1..at].chars().all(is_py_space) => Some((first, at)),
            _ => {
                start = close_run(text, run, &mut blocks, start);
                Some((at, at))
            }
        };
    }
    start = close_run(text, run, &mut blocks, start);
    blocks.push(&text[start..]);
    blocks
}

/// End a run of white space: a block ends at its first line break if it holds two; where
/// the next block starts.
fn close_run<'a>(
    text: &'a str,
    run: Option<(usize, usize)>,
    blocks: &mut Vec<&'a str>,
    start: usize,
) -> usize {
    match run {
        Some((first, last)) if first != last => {
            blocks.push(&text[start..first]);
            last + 1
        }
        _ => start,
    }
}

/// `_hard_wrapped`: lines of a similar width (all but the last) that mostly end mid-sentence
/// were wrapped by a tool, not by the writer.
fn hard_wrapped(rows: &[&str]) -> bool {
    if rows.len() < 3 {
        return false;
    }
    let body = &rows[..rows.len() - 1];
    let widths = body.iter().map(|r| char_count(py_rstrip(r)));
    let (min, max) = widths.fold((usize::MAX, 0), |(lo, hi), w| (lo.min(w), hi.max(w)));
    if min < HARD_WRAP_MIN || max - min > 25 {
        return false;
    }
    let open_ends = body.iter().filter(|r| !ends_with_any(r, ENDS_LINE)).count();
    // As the Python compares them: an int against a float product.
    open_ends as f64 >= body.len() as f64 * 0.6
}

/// `split_sentences`: the sentences of a line, cut in the white space after terminal
/// punctuation (maybe closed by quotes or brackets) that a capital or digit follows (maybe
/// after an opening quote or bracket); the pieces stripped, the empty ones dropped.
pub fn split_sentences(line: &str) -> Vec<String> {
    sentence_spans(line)
        .into_iter()
        .map(str::to_owned)
        .collect()
}

/// `split_sentences` as slices of `line`.
fn sentence_spans(line: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let (mut start, mut from) = (0, 0);
    let mut terminals = Terminals::new(line);
    while let Some(after) = terminals.after(from) {
        match sentence_gap(line, after) {
            Some((gap_start, gap_end)) => {
                pieces.push(py_strip(&line[start..gap_start]));
                start = gap_end;
                from = gap_end;
            }
            None => from = after,
        }
    }
    pieces.push(py_strip(&line[start..]));
    pieces.retain(|p| !p.is_empty());
    pieces
}

/// The `SENTENCE_END` marks of a line, found by bytes (`.`, `!`, `?`, and the UTF-8 of `…`
/// kept as the next one ahead) rather than by decoding every character.
struct Terminals<'a> {
    line: &'a [u8],
    /// Where the next `…` at or past the last search starts, if there is one.
    ellipsis: Option<usize>,
}

const ELLIPSIS: &[u8] = "\u{2026}".as_bytes();

impl<'a> Terminals<'a> {
    fn new(line: &'a str) -> Self {
        let line = line.as_bytes();
        Terminals {
            line,
            ellipsis: find_ellipsis(line, 0),
        }
    }

    /// The byte just after the first mark at or past byte `from`.
    fn after(&mut self, from: usize) -> Option<usize> {
        let rest = self.line.get(from..)?;
        let ascii = memchr::memchr3(b'.', b'!', b'?', rest).map(|i| from + i);
        if self.ellipsis.is_some_and(|e| e < from) {
            self.ellipsis = find_ellipsis(self.line, from);
        }
        match (ascii, self.ellipsis) {
            (Some(a), Some(e)) if e < a => Some(e + ELLIPSIS.len()),
            (Some(a), _) => Some(a + 1),
            (None, e) => e.map(|e| e + ELLIPSIS.len()),
        }
    }
}

/// Where the first `…` at or past byte `from` starts (by its lead byte, which short lines
/// rarely hold, rather than a substring search set up for every line).
fn find_ellipsis(line: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    loop {
        let lead = at + memchr::memchr(ELLIPSIS[0], line.get(at..)?)?;
        if line[lead..].starts_with(ELLIPSIS) {
            return Some(lead);
        }
        at = lead + 1;
    }
}

/// `_SENTENCE_END` matched just after a terminal mark at byte `after`: the white space
/// (group 1) as a byte range, if the match succeeds. Neither the closers nor the white space
/// can give characters back to make the lookahead hold (the lookahead starts with neither),
/// so each is taken whole.
fn sentence_gap(line: &str, after: usize) -> Option<(usize, usize)> {
    let gap_start = after + leading(&line[after..], |c| CLOSERS.contains(&c));
    let gap_end = gap_start + leading(&line[gap_start..], is_py_space);
    if gap_end == gap_start {
        return None;
    }
    let mut next = line[gap_end..].chars();
    let starts = |c: Option<char>| c.is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    let first = next.next();
    let opens = first.is_some_and(|c| OPENERS.contains(&c));
    (starts(first) || (opens && starts(next.next()))).then_some((gap_start, gap_end))
}

/// The length in bytes of the longest prefix of `text` whose characters all satisfy `keep`.
fn leading(text: &str, keep: impl Fn(char) -> bool) -> usize {
    text.char_indices()
        .find(|&(_, c)| !keep(c))
        .map_or(text.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::SENTENCE_END;

    fn is_separator(c: char) -> bool {
        kind(c) == Kind::Separator
    }

    fn texts(paragraphs: &[Paragraph]) -> Vec<(&str, u32)> {
        paragraphs
            .iter()
            .map(|p| (p.text.as_str(), p.line))
            .collect()
    }

    fn unlimited() -> Limits {
        Limits::default()
    }

    #[test]
    fn sentences_end_at_punctuation_before_a_capital_or_digit() {
        assert_eq!(
            split_sentences("One. Two! 3 items? Yes"),
            ["One.", "Two!", "3 items?", "Yes"]
        );
        assert_eq!(
            split_sentences("e.g. this stays. whole"),
            ["e.g. this stays. whole"]
        );
        assert_eq!(
            split_sentences("He said \"No.\" Then (Later.) [X] left."),
            ["He said \"No.\"", "Then (Later.)", "[X] left."]
        );
        assert_eq!(
            split_sentences("Wait\u{2026} \u{201c}Yes\u{201d}"),
            ["Wait\u{2026}", "\u{201c}Yes\u{201d}"]
        );
        assert_eq!(split_sentences("End.  \u{a0}Next"), ["End.", "Next"]);
    }

    #[test]
    fn sentence_lookahead_is_ascii_and_one_opener_deep() {
        assert_eq!(
            split_sentences("Fin. \u{c9}t\u{e9}"),
            ["Fin. \u{c9}t\u{e9}"]
        ); // not [A-Z]
        assert_eq!(split_sentences("A. ((B"), ["A. ((B"]); // two openers
        assert_eq!(split_sentences("A. (b"), ["A. (b"]);
        assert_eq!(split_sentences("A.B C"), ["A.B C"]); // no white space
        assert_eq!(split_sentences("A.) \u{2019}B"), ["A.) \u{2019}B"]); // ’ closes, not opens
        assert_eq!(split_sentences("A.\u{2019} B"), ["A.\u{2019}", "B"]);
        assert_eq!(split_sentences("... A"), ["...", "A"]);
    }

    #[test]
    fn sentences_of_nothing_are_nothing() {
        assert!(split_sentences("").is_empty() && split_sentences(" \u{3000} ").is_empty());
        assert_eq!(split_sentences(". A"), [".", "A"]);
        assert_eq!(split_sentences("  A. B  "), ["A.", "B"]);
    }

    #[test]
    fn lines_keep_their_input_numbers() {
        let got = segment_lines(&["First. Second", "", " \u{0} ", "Third"], &unlimited()).unwrap();
        assert_eq!(texts(&got), [("First.", 0), ("Second", 0), ("Third", 3)]);
        assert!(segment_lines(&[], &unlimited()).unwrap().is_empty());
    }

    #[test]
    fn text_lines_are_numbered_among_the_non_empty() {
        let got = segment_text("One\r\n\r\n\u{7}\nTwo. Three\rFour\n", &unlimited()).unwrap();
        assert_eq!(
            texts(&got),
            [("One", 0), ("Two.", 1), ("Three", 1), ("Four", 2)]
        );
        assert!(segment_text("", &unlimited()).unwrap().is_empty());
        assert!(segment_text("\n \n\t\n", &unlimited()).unwrap().is_empty());
    }

    #[test]
    fn blocks_split_at_runs_with_two_line_breaks() {
        assert_eq!(blocks("a\n\nb"), ["a", "b"]);
        assert_eq!(blocks("a \n \u{3000}\n c\nd"), ["a ", " c\nd"]);
        assert_eq!(blocks("a\n\u{1c}\n\n b"), ["a", " b"]);
        assert_eq!(blocks("a\n b"), ["a\n b"]);
        assert_eq!(blocks("\n\n"), ["", ""]);
        assert_eq!(blocks("a\n\n"), ["a", ""]);
        assert_eq!(blocks(""), [""]);
    }

    #[test]
    fn hard_wrapped_blocks_join_into_one_line() {
        let row = "word ".repeat(12); // 60 characters, ends mid-sentence
        let text = format!("{row}\n{row}\n{row}\nlast line.\n\nOther");
        let got = segment_text(&text, &unlimited()).unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(
            got[0].text,
            format!("{} last line.", "word ".repeat(36).trim_end())
        );
        assert_eq!((got[0].line, got[1].line), (0, 1));
    }

    #[test]
    fn hard_wrap_needs_wide_similar_open_lines() {
        let wide = "w".repeat(60);
        assert!(hard_wrapped(&[&wide, &wide, "x"]));
        assert!(!hard_wrapped(&[&wide, "x"]));
        assert!(!hard_wrapped(&[&wide, &"w".repeat(49), "x"])); // too narrow
        assert!(!hard_wrapped(&[&wide, &"w".repeat(86), "x"])); // too ragged
        let closed = format!("{wide}.  ");
        assert!(!hard_wrapped(&[&wide, &closed, "x"])); // 1 of 2 open: under 60 %
        assert!(hard_wrapped(&[&wide, &wide, &wide, &closed, &closed, "x"])); // 3 of 5 open: 60 %
        let wide_nbsp = format!("{wide}\u{a0}\u{a0}");
        assert!(hard_wrapped(&[&wide_nbsp, &wide, "x"])); // widths after rstrip
    }

    #[test]
    fn a_ten_megabyte_line_is_cut_into_pieces() {
        let line = "x".repeat(10_000_000);
        let err = segment_lines(&[&line], &unlimited()).unwrap_err();
        assert_eq!(err.to_string(), "over 2,000,000 characters of text");
        let line = "x".repeat(1_000_005);
        let got = segment_lines(&[&line], &unlimited()).unwrap();
        assert_eq!(got.len(), 11);
        assert!(got
            .iter()
            .all(|p| p.line == 0 && char_count(&p.text) <= MAX_PARAGRAPH_CHARS));
    }

    #[test]
    fn past_max_paragraphs_the_page_is_refused_with_their_count() {
        let err = segment_text(&"A. ".repeat(10), &Limits::new(3, 0.0)).unwrap_err();
        assert_eq!(err, Refusal::TooLarge("10 paragraphs, over 3".into()));
        assert_eq!(
            segment_text(&"A. ".repeat(3), &Limits::new(3, 0.0))
                .unwrap()
                .len(),
            3
        );
    }

    #[test]
    fn too_much_text_is_refused_before_too_many_paragraphs() {
        let lines: Vec<String> = (0..30).map(|_| "ab ".repeat(30_000)).collect();
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        let err = segment_lines(&lines, &Limits::new(1, 0.0)).unwrap_err();
        assert_eq!(err.to_string(), "over 2,000,000 characters of text");
    }

    #[test]
    fn hostile_characters_never_panic() {
        let junk: String = (0u32..0x3_0000)
            .step_by(7)
            .filter_map(char::from_u32)
            .collect();
        for text in [
            junk.as_str(),
            "\u{301}\u{301}. A",
            "\u{1f}\u{1f}\n\n\u{85}x",
            "\r\r\n\n",
        ] {
            assert!(segment_text(text, &unlimited()).is_ok());
            assert!(segment_lines(&[text, text], &unlimited()).is_ok());
            for limit in [1, 2, 7] {
                cut_long(text, limit);
            }
        }
    }

    /// Properties over generated strings: cleaning is idempotent and leaves no white space
    /// but single inner spaces; sentences and pieces keep every visible character.
    #[test]
    fn generated_strings_keep_their_invariants() {
        let palette = [
            "a",
            "B",
            "7",
            ".",
            "!",
            "?",
            "\u{2026}",
            "\"",
            "\u{201c}",
            ")",
            "(",
            " ",
            "\t",
            "\n",
            "\r",
            "\u{0}",
            "\u{1f}",
            "\u{a0}",
            "\u{200b}",
            "\u{301}",
            "\u{323}",
            "\u{e9}",
            "\u{1100}",
            "\u{1161}",
            "\u{e000}",
            "\u{1fae8}",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..(seed % 24) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(palette[(seed % palette.len() as u64) as usize]);
            }
            let clean = clean_text(&text);
            assert_eq!(clean_text(&clean), clean, "{text:?}");
            assert_eq!(clean_slice(&text).chars, char_count(&clean), "{text:?}");
            assert!(
                !clean.contains("  ") && py_strip(&clean) == clean,
                "{text:?}"
            );
            assert!(
                clean.chars().all(|c| c == ' ' || !is_separator(c)),
                "{text:?}"
            );
            let sentences = split_sentences(&clean);
            let visible: usize = sentences.iter().map(|s| visible_chars(s)).sum();
            assert_eq!(visible, visible_chars(&clean), "{text:?}");
            for limit in [1, 3] {
                let pieces = cut_long(&clean, limit);
                assert!(pieces.iter().all(|p| char_count(p) <= limit.max(1)));
                assert_eq!(
                    pieces.iter().map(|p| visible_chars(p)).sum::<usize>(),
                    visible_chars(&clean)
                );
            }
        }
    }

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
        let slices: Vec<String> = CleanSlices {
            text: &text,
            start: 0,
        }
        .map(|c| c.text)
        .collect();
        assert!(slices.len() >= 3);
        let whole = clean_slice(&text).text;
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
        for c in [
            '\u{0}',
            '\u{85}', /* space */
            '\u{ad}',
            '\u{2029}',
            '\u{e0001}',
            '\u{10ffff}',
        ] {
            assert!(is_separator(c), "{c:?}");
        }
        for c in [
            'a',
            '\u{e9}',
            '\u{301}',
            '\u{4e00}',
            '\u{1f600}',
            '\u{20000}',
            '\u{e0100}',
        ] {
            assert!(!is_separator(c), "{c:?}");
        }
        assert!(!is_blanked('\u{85}') && is_py_space('\u{85}'));
    }

    #[test]
    fn characters_nfc_may_change_are_marked() {
        for c in [
            '\u{301}',
            '\u{1161}',
            '\u{11a8}',
            '\u{f900}',
            '\u{344}',
            '\u{9be}',
            '\u{1d15e}',
        ] {
            assert_eq!(kind(c), Kind::NfcWord, "{c:?}");
        }
        for c in [
            'e',
            '\u{e9}',
            '\u{ac00}',
            '\u{2019}',
            '\u{4e00}',
            '\u{1f642}',
            '\u{20000}',
        ] {
            assert_eq!(kind(c), Kind::Word, "{c:?}");
        }
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
        assert_eq!(
            err,
            Refusal::TooLarge("over 2,000,000 characters of text".into())
        );
    }

    #[test]
    fn budget_counts_the_spaces_between_slices() {
        let mut budget = Budget::new(Limits::default());
        let text = format!("{} {}", "x".repeat(CLEAN_SLICE), "y".repeat(10));
        assert_eq!(
            budget.clean(&text).map(|t| char_count(&t)),
            Ok(CLEAN_SLICE + 11)
        );
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
        let limits = Limits {
            deadline: Some(std::time::Instant::now()),
            seconds: 1.5,
            ..Limits::default()
        };
        std::thread::sleep(std::time::Duration::from_millis(2));
        let err = Budget::new(limits).clean("text").unwrap_err();
        assert_eq!(
            err,
            Refusal::OutOfTime("segmenting the page took over 1.5 s".into())
        );
    }

    #[test]
    fn the_terminal_scan_knows_every_sentence_end() {
        // `next_terminal` searches bytes for these marks: it must follow the vocabulary.
        assert_eq!(SENTENCE_END, ['.', '!', '?', '\u{2026}']);
        let after = |line: &str, from| Terminals::new(line).after(from);
        assert_eq!(after("ab\u{2026}c", 0), Some(5));
        assert_eq!(after("\u{2028}\u{2026}", 0), Some(6)); // another E2 character first
        assert_eq!(after("a.b", 2), None);
        assert_eq!(after("a", 5), None);
        let mut terminals = Terminals::new("\u{2026}.\u{2026}!");
        let found: Vec<_> = [0, 3, 4, 7]
            .iter()
            .map(|&from| terminals.after(from))
            .collect();
        assert_eq!(found, [Some(3), Some(4), Some(7), Some(8)]);
    }

    #[test]
    fn the_clean_ascii_check_is_exact() {
        for clean in [
            "",
            "a",
            "a b",
            "ab cd ef gh ij kl",
            "12345678 12345678",
            "~!@#$%^&*()_+ x",
        ] {
            assert!(is_clean_ascii(clean.as_bytes()), "{clean:?}");
        }
        let dirty = [
            " a",
            "a ",
            "a  b",
            "abcdefg  h",
            "abcdefgh  ",
            "abcdefg\u{7f}",
            "a\tb",
            "\u{e9}",
        ];
        for text in
            dirty
                .iter()
                .chain(&["abcdefg \u{0}bcdefgh", "abcdefgh\u{1f}", "abcdefg \u{20}x"])
        {
            assert!(!is_clean_ascii(text.as_bytes()), "{text:?}");
        }
        // Every byte in every place of a chunk, and a space each side of a chunk's edge.
        for byte in 0u8..0x80 {
            for at in 0..17 {
                let mut text = *b"abcdefgh abcdefgh";
                text[at] = byte;
                let clean = blank_and_collapse(std::str::from_utf8(&text).unwrap()).0;
                assert_eq!(
                    is_clean_ascii(&text),
                    clean.as_bytes() == text,
                    "{byte} at {at}"
                );
            }
        }
    }

    #[test]
    fn thousands_as_python_writes_them() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(2_000_000), "2,000,000");
    }
}
