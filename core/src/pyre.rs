//! Python `re` patterns (str patterns, Unicode `\w` `\d` `\s` `\b`, IGNORECASE) run by the
//! regex crate, exactly.
//!
//! The two disagree on what a word character is (Python: `isalnum()` or '_'; the regex crate:
//! Alphabetic, marks, Nd, connector punctuation), on white space (Python counts U+001C..1F),
//! on IGNORECASE ('İ' and 'ı' match 'i' in Python, not in the regex crate) and on the Unicode
//! version. So a pattern never sees the text itself but its *shadow*: one ASCII byte per
//! character that keeps exactly what the engine's patterns can tell apart. ASCII stays
//! itself; a non-ASCII word character becomes '_' (or, under IGNORECASE, its lower case when
//! that is ASCII or a letter some pattern names); a decimal digit '0'; white space '\t'; a
//! named punctuation mark its own control code; anything else DEL. The patterns are compiled
//! in ASCII mode with their non-ASCII literals turned into the same codes, and a match in the
//! shadow is a match in the text at the same character offsets.

use crate::pyunicode::{class, is_py_space, re_lower};
use regex::bytes::{Regex, RegexBuilder};
use std::sync::LazyLock;

/// Every non-ASCII character any engine pattern names. Letters (lower case: the folded
/// shadow is lower case) take the upper-case ASCII codes, free there; the rest take control
/// codes. A pattern naming a character missing here fails to compile (a test catches it).
const LITERALS: &str = "äéíúûü–—•·▪►✓✔»›’€£¥₹©®™…";

/// The byte of a character no pattern names: not a word character, not white space.
const OTHER: u8 = 0x7f;

/// The control codes for named non-letters (ASCII controls of the text become `OTHER`).
const CONTROL_CODES: [u8; 22] = [
    1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27,
];

/// Whether the pattern was written with `re.IGNORECASE` (its shadow is folded to lower case).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Case {
    Sensitive,
    Ignore,
}

/// `LITERALS` with their codes, assigned once.
static CODES: LazyLock<Vec<(char, u8)>> = LazyLock::new(|| {
    let (mut letters, mut others) = (0u8, 0usize);
    let mut codes = Vec::new();
    for c in LITERALS.chars() {
        let code = if class(c).alnum() {
            letters += 1;
            b'A' + letters - 1
        } else {
            others += 1;
            CONTROL_CODES.get(others - 1).copied().unwrap_or(OTHER)
        };
        codes.push((c, code));
    }
    codes
});

/// The code of a character of `LITERALS`.
#[inline]
fn literal_code(c: char) -> Option<u8> {
    CODES.iter().find(|&&(l, _)| l == c).map(|&(_, code)| code)
}

/// The shadow byte of one character.
#[inline]
fn shadow_byte(c: char, case: Case) -> u8 {
    if c.is_ascii() {
        let b = c as u8;
        return match b {
            0x1c..=0x1f => b'\t',
            0x00..=0x08 | 0x0e..=0x1b | 0x7f => OTHER,
            b'A'..=b'Z' if case == Case::Ignore => b + 32,
            _ => b,
        };
    }
    if is_py_space(c) {
        return b'\t';
    }
    let cls = class(c);
    if cls.decimal() {
        return b'0';
    }
    if cls.alnum() {
        if case == Case::Sensitive {
            return b'_';
        }
        let lower = re_lower(c);
        if lower.is_ascii() {
            return lower as u8;
        }
        return literal_code(lower).unwrap_or(b'_');
    }
    literal_code(c).unwrap_or(OTHER)
}

/// The shadow of `text`, one byte per character.
pub(crate) fn shadow(text: &str, case: Case) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    out.extend(text.chars().map(|c| shadow_byte(c, case)));
    out
}

/// A Python pattern (look-around rewritten) compiled against shadows. Patterns are constants
/// of the engine, so a bad one is a programming error and panics on first use.
pub(crate) fn compile(src: &str, case: Case) -> Regex {
    let translated = translate(src, case).unwrap_or_else(|e| panic!("pattern {src:?}: {e}"));
    RegexBuilder::new(&translated)
        .unicode(false)
        .build()
        .unwrap_or_else(|e| panic!("pattern {src:?}: {e}"))
}

/// The pattern with its non-ASCII literals as shadow codes.
fn translate(src: &str, case: Case) -> Result<String, String> {
    let mut out = String::with_capacity(src.len() * 2);
    let mut escaped = false;
    for c in src.chars() {
        if escaped || c.is_ascii() {
            if case == Case::Ignore && !escaped && c.is_ascii_uppercase() {
                return Err(format!("upper-case {c:?} in an IGNORECASE pattern"));
            }
            escaped = !escaped && c == '\\';
            out.push(c);
            continue;
        }
        let code = literal_code(c).ok_or_else(|| format!("{c:?} is not in LITERALS"))?;
        if code.is_ascii_uppercase() {
            if case == Case::Sensitive {
                return Err(format!("letter {c:?} in a case-sensitive pattern"));
            }
            out.push(code as char);
        } else {
            out.push_str(&format!("\\x{code:02x}"));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pyunicode::is_word;

    #[test]
    fn literals_fit_their_codes() {
        let letters: Vec<char> = LITERALS.chars().filter(|&c| class(c).alnum()).collect();
        let others = LITERALS.chars().count() - letters.len();
        assert!(letters.len() <= 26 && others <= CONTROL_CODES.len());
        // Folded shadows are lower case, so named letters must be their own lower case.
        assert!(letters.iter().all(|&c| re_lower(c) == c));
        // A named character keeps its Python class in the shadow.
        for c in LITERALS.chars() {
            let b = shadow_byte(c, Case::Ignore);
            assert_eq!(is_word(c), b.is_ascii_alphanumeric() || b == b'_', "{c}");
            assert!(!b.is_ascii_whitespace());
        }
    }

    #[test]
    fn shadows_keep_pythons_classes() {
        assert_eq!(
            shadow("Aé٣²\u{301} \u{a0}\u{1f}–😀\u{1}", Case::Sensitive),
            b"A_0_\x7f \t\t\x01\x7f\x7f"
        );
        assert_eq!(shadow("AÉİıſ\u{212a}ß", Case::Ignore), b"aBiisk_");
        assert_eq!(shadow("", Case::Ignore), b"");
    }

    #[test]
    fn ignorecase_as_python_reads_it() {
        let re = compile(r"^(?:découvrez|inscrivez)\b", Case::Ignore);
        assert!(re.is_match(&shadow("DÉCOUVREZ nos offres", Case::Ignore)));
        assert!(re.is_match(&shadow("\u{130}nscrivez", Case::Ignore)));
        // A combining accent is no word character to Python: the word ends before it.
        assert!(re.is_match(&shadow("inscrivez\u{301}", Case::Ignore)));
        // '²' is one: no boundary.
        assert!(!re.is_match(&shadow("inscrivez²", Case::Ignore)));
    }

    #[test]
    fn bad_patterns_are_refused() {
        assert!(translate("Ab", Case::Ignore).is_err());
        assert!(translate(r"\W\S", Case::Ignore).is_ok());
        assert!(translate("é", Case::Sensitive).is_err());
        assert!(translate("ж", Case::Ignore).is_err());
        assert_eq!(translate("[–]", Case::Sensitive).as_deref(), Ok(r"[\x01]"));
    }
}
