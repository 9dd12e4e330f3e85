//! Characters as Python reads them: `str.isalpha`, `isdecimal`, `isdigit`, `isnumeric`,
//! `isupper`, `isspace`, `isprintable`, `casefold`, `lower` and `re`'s `\w`, `\d`, `\s` for
//! str patterns: the one set of Unicode tables the engine reads.
//!
//! Rust's own predicates differ (`char::is_alphabetic` is the Alphabetic property, which takes
//! in marks and Nl; the regex crate's `\w` takes in marks and connector punctuation, Python's
//! takes in No such as '²'), and so does the Unicode version. The tables come from the Python
//! that runs the reference (`core/tools/gen_pyunicode.py`), so both read every code point alike.

mod tables {
    include!("pyunicode_tables.rs");
}

pub use crate::vocabulary::is_py_space;

const ALPHA: u8 = 1;
const DECIMAL: u8 = 2;
const DIGIT: u8 = 4;
const NUMERIC: u8 = 8;
const UPPER: u8 = 16;
const BLANKED: u8 = 32;

/// The Unicode version of the tables (Python's `unicodedata.unidata_version`).
pub const UNICODE_VERSION: &str = tables::UNICODE_VERSION;

/// What Python says of one character, looked up once for several questions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CharClass(u8);

impl CharClass {
    /// `ch.isalpha()`: categories Lu, Ll, Lt, Lm, Lo.
    #[inline]
    pub fn alpha(self) -> bool {
        self.0 & ALPHA != 0
    }
    /// `ch.isdecimal()`, which is also `re`'s `\d`: category Nd.
    #[inline]
    pub fn decimal(self) -> bool {
        self.0 & DECIMAL != 0
    }
    /// `ch.isdigit()`: Numeric_Type Decimal or Digit (so '²' and '①' too, not only `\d`).
    #[inline]
    pub fn digit(self) -> bool {
        self.0 & DIGIT != 0
    }
    /// `ch.isalnum()`: alphabetic or numeric (Numeric_Type Decimal, Digit or Numeric).
    #[inline]
    pub fn alnum(self) -> bool {
        self.0 & (ALPHA | NUMERIC) != 0
    }
    /// `ch.isupper()` for one character: the Uppercase property (Lu, Other_Uppercase: 'Ⓐ').
    #[inline]
    pub fn upper(self) -> bool {
        self.0 & UPPER != 0
    }
    /// Neither `ch.isprintable()` nor `ch.isspace()`: what `clean_text` makes a space
    /// (Cc, Cf, Cs, Co, Cn, Zl, Zp and the Zs that are not white space).
    #[inline]
    pub fn blanked(self) -> bool {
        self.0 & BLANKED != 0
    }
}

/// Python's flags of one character (ASCII without a table look-up).
#[inline]
pub fn class(c: char) -> CharClass {
    let cp = c as u32;
    if cp < 0x80 {
        return CharClass(match c {
            'A'..='Z' => ALPHA | UPPER,
            'a'..='z' => ALPHA,
            '0'..='9' => DECIMAL | DIGIT | NUMERIC,
            '\0'..='\x08' | '\x0e'..='\x1b' | '\x7f' => BLANKED,
            _ => 0,
        });
    }
    let runs = &tables::FLAG_RUNS;
    let f = match runs.binary_search_by(|&(first, _, _)| first.cmp(&cp)) {
        Ok(i) => runs[i].2,
        Err(0) => 0,
        Err(i) if cp <= runs[i - 1].1 => runs[i - 1].2,
        Err(_) => 0,
    };
    CharClass(f)
}

/// `ch.isalpha()`.
#[inline]
pub fn is_alpha(c: char) -> bool {
    class(c).alpha()
}

/// `ch.isdecimal()` (`re`'s `\d`).
#[inline]
pub fn is_decimal(c: char) -> bool {
    class(c).decimal()
}

/// `ch.isdigit()`.
#[inline]
pub fn is_digit(c: char) -> bool {
    class(c).digit()
}

/// `ch.isalnum()`.
#[inline]
pub fn is_alnum(c: char) -> bool {
    class(c).alnum()
}

/// `ch.isupper()`.
#[inline]
pub fn is_upper(c: char) -> bool {
    class(c).upper()
}

/// Neither `ch.isprintable()` nor `ch.isspace()`.
#[inline]
pub fn is_blanked(c: char) -> bool {
    class(c).blanked()
}

/// `re`'s `\w` for str patterns: `isalnum()` or '_' (no combining marks, unlike Rust's). The
/// Basic Multilingual Plane, nearly all text, is a bit set; the rest a search of the runs.
#[inline]
pub fn is_word(c: char) -> bool {
    let cp = c as u32;
    if cp < 0x1_0000 {
        BMP_WORD[(cp >> 6) as usize] >> (cp & 63) & 1 == 1
    } else {
        is_alnum(c)
    }
}

/// `\w` over the Basic Multilingual Plane (8 KB), built at compile time from the runs.
static BMP_WORD: [u64; 1024] = bmp_word();

const fn bmp_word() -> [u64; 1024] {
    let mut bits = [0u64; 1024];
    let mut c = 0u32;
    while c < 0x80 {
        let b = c as u8;
        if b.is_ascii_alphanumeric() || b == b'_' {
            bits[(c >> 6) as usize] |= 1 << (c & 63);
        }
        c += 1;
    }
    let runs = &tables::FLAG_RUNS;
    let mut r = 0;
    while r < runs.len() && runs[r].0 < 0x1_0000 {
        let (first, last, flags) = runs[r];
        if flags & (ALPHA | NUMERIC) != 0 {
            let mut c = first;
            while c <= last && c < 0x1_0000 {
                bits[(c >> 6) as usize] |= 1 << (c & 63);
                c += 1;
            }
        }
        r += 1;
    }
    bits
}

/// `ch.lower()` appended to `out`: the full mapping of Rust's std ('İ' -> "i\u{307}"), but a
/// code point Python's Unicode leaves unassigned keeps its case, as Python keeps it (Rust's
/// newer Unicode lowercases letters assigned since, such as U+A7CB).
#[inline]
pub fn push_lower(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if class(c).blanked() {
        out.push(c);
    } else {
        out.extend(c.to_lowercase());
    }
}

/// `ch.casefold()` (full case folding: 'ß' -> "ss", 'ς' -> 'σ', 'ﬁ' -> "fi"), one
/// character at a time to `emit`.
#[inline]
pub fn for_each_fold(c: char, mut emit: impl FnMut(char)) {
    if c.is_ascii() {
        emit(c.to_ascii_lowercase());
        return;
    }
    let folds = &tables::CASEFOLD;
    match folds.binary_search_by(|&(cp, _)| cp.cmp(&(c as u32))) {
        Ok(i) => folds[i].1.chars().for_each(emit),
        Err(_) => emit(c),
    }
}

/// Appends `ch.casefold()`.
#[inline]
pub fn push_casefold(c: char, out: &mut String) {
    for_each_fold(c, |f| out.push(f));
}

/// `text.casefold()`.
pub fn casefold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_casefold(c, &mut out);
    }
    out
}

/// The lower case `re` compares under IGNORECASE (`_sre.unicode_tolower`, the simple
/// mapping), with `re`'s extra equivalences that reach ASCII ('ı' ~ 'i', 'ſ' ~ 's').
/// Only its ASCII and Latin-1 results matter to the engine's patterns, and those are the
/// same in every Unicode version, so Rust's own mapping serves.
#[inline]
pub fn re_lower(c: char) -> char {
    match c {
        'İ' | 'ı' => 'i',
        'ſ' => 's',
        _ if c.is_ascii() => c.to_ascii_lowercase(),
        _ => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_predicates_not_rusts() {
        // Marks are alphabetic to Rust, not to Python; '²' is a digit but not \d.
        assert!(!is_alpha('\u{93f}') && '\u{93f}'.is_alphabetic());
        assert!(is_digit('²') && !is_decimal('²') && is_alnum('²') && is_word('²'));
        assert!(is_decimal('٣') && is_digit('٣') && is_word('٣'));
        assert!(is_word('_') && !is_word('‿') && !is_word('\u{301}'));
        assert!(
            is_alpha('ß') && !is_upper('ß') && is_upper('İ') && is_upper('Ⓐ') && !is_alpha('Ⓐ')
        );
        assert!(is_alnum('Ⅻ') && is_alnum('½') && !is_digit('½'));
        assert!(!is_alpha('😀') && !is_alnum('😀') && !is_alpha(' '));
        assert!(is_alpha('a') && is_upper('Z') && is_decimal('7') && !is_word('-'));
        assert!(is_word('𝐀') && !is_word('𝅥') && is_word('\u{20000}'));
    }

    #[test]
    fn blanked_is_neither_printable_nor_space() {
        for c in [
            '\0', '\x08', '\x1b', '\x7f', '\u{84}', '\u{ad}', '\u{200b}', '\u{2066}',
        ] {
            assert!(is_blanked(c), "{:x}", c as u32);
        }
        // U+E000 is private use, U+0378 unassigned in every Unicode so far.
        assert!(is_blanked('\u{e000}') && is_blanked('\u{378}') && is_blanked('\u{10ffff}'));
        // Python's white space (even U+001C..U+001F and U+3000) and printable text are kept.
        for c in [
            '\t', '\n', '\x1c', '\x1f', '\u{85}', '\u{2028}', ' ', 'a', '\u{a0}', '\u{3000}', 'é',
            '😀',
        ] {
            assert!(!is_blanked(c), "{:x}", c as u32);
        }
    }

    #[test]
    fn the_bitmap_is_the_runs() {
        for c in (0..0x1_0000u32).filter_map(char::from_u32) {
            assert_eq!(is_word(c), c == '_' || is_alnum(c), "{:x}", c as u32);
        }
    }

    #[test]
    fn lowering_keeps_what_python_leaves_unassigned() {
        let lower = |s: &str| {
            let mut out = String::new();
            s.chars().for_each(|c| push_lower(c, &mut out));
            out
        };
        assert_eq!(lower("ÀB İ Ꭰ"), "àb i\u{307} ꭰ");
        // U+A7CB and U+1C89 were assigned after Unicode 14.0: Python 3.11 leaves them.
        assert_eq!(lower("\u{a7cb}\u{1c89}"), "\u{a7cb}\u{1c89}");
    }

    #[test]
    fn the_run_table_is_sorted_and_disjoint() {
        let runs = &tables::FLAG_RUNS;
        assert!(runs.windows(2).all(|w| w[0].1 < w[1].0) && runs.iter().all(|r| r.0 <= r.1));
        assert!(tables::CASEFOLD.windows(2).all(|w| w[0].0 < w[1].0));
        // The last code point and a private-use one are only blanked.
        assert_eq!(class('\u{10ffff}'), CharClass(BLANKED));
        assert_eq!(class('\u{e000}'), CharClass(BLANKED));
    }

    #[test]
    fn casefold_is_full_folding() {
        assert_eq!(casefold("Straße"), "strasse");
        assert_eq!(casefold("ΣΊΣΥΦΟΣ ς"), "σίσυφοσ σ");
        assert_eq!(casefold("İx"), "i\u{307}x");
        assert_eq!(casefold("ﬁne ẞ Ꭰ ꭰ"), "fine ss Ꭰ Ꭰ");
        assert_eq!(casefold(""), "");
    }

    #[test]
    fn re_lower_matches_ignorecase() {
        assert_eq!(re_lower('İ'), 'i');
        assert_eq!(re_lower('ı'), 'i');
        assert_eq!(re_lower('ſ'), 's');
        assert_eq!(re_lower('\u{212a}'), 'k');
        assert_eq!(re_lower('É'), 'é');
        assert_eq!(re_lower('ß'), 'ß');
    }
}
