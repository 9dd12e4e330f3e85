//! Shape of a piece of text, independent of its vocabulary: what `features/transformers.py`'s
//! `text_statistics` and `TextStatistics` give (`TEXT_STATISTICS`). Characters are counted,
//! and classed, as Python counts and classes them (`crate::pyunicode`).

use crate::pyre::{compile, shadow, Case};
use crate::pyunicode::{class, is_py_space, is_word};
use crate::vocabulary::{ends_with_any, py_rstrip, ENDS_SENTENCE};
use regex::bytes::Regex;
use std::sync::LazyLock;

/// `TEXT_STATISTICS`: the names of `text_statistics`' columns, in order.
pub const TEXT_STATISTICS: [&str; 14] = [
    "log_chars",
    "log_words",
    "mean_word_length",
    "stopword_ratio",
    "upper_ratio",
    "digit_ratio",
    "punct_ratio",
    "title_ratio",
    "sentences",
    "ends_terminal",
    "starts_upper",
    "has_quote",
    "has_url",
    "separator_count",
];

/// `STOPWORDS`' source: function words of the training languages.
const STOPWORD_TEXT: &str = "a about after all also an and are as at be been but by can could \
    did do does for from had has have he her his how i if in into is it its more most my no \
    not of on one or our out over said she so some than that the their them then there these \
    they this those to up was we were what when which who will with would you your der die \
    das und ist nicht mit von den zu ein eine auf für sich des dem im le la les et des un une \
    est pour dans que qui el los las y en por con para";

/// `STOPWORDS`, sorted for a binary search.
static STOPWORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut words: Vec<&str> = STOPWORD_TEXT.split_whitespace().collect();
    words.sort_unstable();
    words.dedup();
    words
});

/// The function words `STOPWORDS` holds, sorted (for the glued-chaff cutter and Python).
pub fn stopwords() -> &'static [&'static str] {
    &STOPWORDS
}

/// Whether a word that is already lower-cased is one of `STOPWORDS`.
pub fn is_lower_stopword(word: &str) -> bool {
    STOPWORDS.binary_search(&word).is_ok()
}

/// The longest stopword, in characters: a longer word cannot lower-case to one (lower
/// casing never shortens a word).
static LONGEST_STOPWORD: LazyLock<usize> = LazyLock::new(|| {
    STOPWORDS
        .iter()
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0)
});

/// `_SENTENCE`: `[.!?…]+(?:\s|$)`; Python's `$` also matches before a final newline, which
/// `\s` takes already, so the end of the text is all it adds.
static SENTENCE: LazyLock<Regex> = LazyLock::new(|| compile(r"[.!?…]+(?:\s|\z)", Case::Ignore));

/// `_URLISH` (IGNORECASE).
static URLISH: LazyLock<Regex> =
    LazyLock::new(|| compile(r"https?://|www\.|\.com\b|@\w+\.", Case::Ignore));

/// `_SEPARATORS`.
static SEPARATORS: LazyLock<Regex> =
    LazyLock::new(|| compile(r"[|•·»›©®™]|\s[-–—/]\s", Case::Ignore));

/// The quotes whose presence `has_quote` flags.
const QUOTES: [char; 4] = ['"', '“', '”', '«'];

/// `w.lower() in STOPWORDS`, without lower-casing words too long to be one.
fn is_stopword(word: &str, chars: usize, buf: &mut String) -> bool {
    if chars > *LONGEST_STOPWORD {
        return false;
    }
    buf.clear();
    buf.extend(word.chars().flat_map(char::to_lowercase));
    STOPWORDS.binary_search(&buf.as_str()).is_ok()
}

/// What the words (`_WORD.findall(text)`, `\w+` as Python reads it) add up to.
#[derive(Default)]
struct Words {
    count: usize,
    chars: usize,
    stop: usize,
    title: usize,
}

impl Words {
    fn of(text: &str) -> Words {
        let mut words = Words::default();
        let mut buf = String::new();
        let mut start: Option<(usize, usize)> = None; // (byte offset, chars so far)
        for (i, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            match (start, i < text.len() && is_word(c)) {
                (None, true) => start = Some((i, 1)),
                (Some((s, n)), true) => start = Some((s, n + 1)),
                (Some((s, n)), false) => {
                    words.add(&text[s..i], n, &mut buf);
                    start = None;
                }
                (None, false) => {}
            }
        }
        words
    }

    fn add(&mut self, word: &str, chars: usize, buf: &mut String) {
        self.count += 1;
        self.chars += chars;
        self.stop += usize::from(is_stopword(word, chars, buf));
        self.title += usize::from(word.chars().next().is_some_and(|c| class(c).upper()));
    }
}

/// Per-character counts: `isalpha`, `isupper`, `isdigit`, and neither `isalnum` nor `isspace`.
#[derive(Default)]
struct Chars {
    count: usize,
    letters: usize,
    upper: usize,
    digits: usize,
    punct: usize,
}

impl Chars {
    fn of(text: &str) -> Chars {
        let mut n = Chars::default();
        for c in text.chars() {
            let cls = class(c);
            n.count += 1;
            n.letters += usize::from(cls.alpha());
            n.upper += usize::from(cls.upper());
            n.digits += usize::from(cls.digit());
            n.punct += usize::from(!cls.alnum() && !is_py_space(c));
        }
        n
    }
}

#[inline]
fn ratio(part: usize, whole: usize) -> f64 {
    part as f64 / whole as f64
}

#[inline]
fn flag(b: bool) -> f64 {
    if b {
        1.0
    } else {
        0.0
    }
}

/// `text_statistics(text)`: one float per name in `TEXT_STATISTICS`.
pub fn text_statistics(text: &str) -> [f64; 14] {
    let words = Words::of(text);
    let chars = Chars::of(text);
    let (stop, title, mean_len) = if words.count > 0 {
        (
            ratio(words.stop, words.count),
            ratio(words.title, words.count),
            ratio(words.chars, words.count),
        )
    } else {
        (0.0, 0.0, 0.0)
    };
    let folded = shadow(text, Case::Ignore);
    let sentences = SENTENCE.find_iter(&folded).count();
    let separators = SEPARATORS.find_iter(&folded).take(10).count();
    let starts_upper = py_rstrip(text)
        .chars()
        .next()
        .is_some_and(|c| class(c).upper());
    [
        (chars.count as f64).ln_1p(),
        (words.count as f64).ln_1p(),
        mean_len.min(20.0) / 10.0,
        stop,
        ratio(chars.upper, chars.letters.max(1)),
        ratio(chars.digits, chars.count.max(1)),
        ratio(chars.punct, chars.count.max(1)),
        title,
        (sentences as f64).ln_1p(),
        flag(ends_with_any(text, ENDS_SENTENCE)),
        flag(starts_upper),
        flag(text.contains(QUOTES)),
        flag(URLISH.is_match(&folded)),
        separators as f64 / 10.0,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(text: &str) -> Vec<(&'static str, f64)> {
        TEXT_STATISTICS
            .iter()
            .copied()
            .zip(text_statistics(text))
            .collect()
    }

    fn get(text: &str, name: &str) -> f64 {
        named(text)
            .into_iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v)
            .unwrap_or(f64::NAN)
    }

    #[test]
    fn stopwords_as_python_has_them() {
        assert_eq!(STOPWORDS.len(), 113);
        assert_eq!(*LONGEST_STOPWORD, 5);
        assert_eq!(get("The cat and THE dog", "stopword_ratio"), 3.0 / 5.0);
        assert_eq!(get("FÜR", "stopword_ratio"), 1.0);
    }

    #[test]
    fn counts_of_a_sentence() {
        let v = text_statistics("Hello World. It is 2024!");
        assert_eq!(v[0], 24f64.ln_1p());
        assert_eq!(v[1], 5f64.ln_1p());
        assert_eq!(v[2], (18.0 / 5.0) / 10.0);
        assert_eq!(v[3], 2.0 / 5.0);
        assert_eq!(v[4], 3.0 / 14.0);
        assert_eq!(v[5], 4.0 / 24.0);
        assert_eq!(v[6], 2.0 / 24.0);
        assert_eq!(v[7], 3.0 / 5.0);
        assert_eq!(v[8], 2f64.ln_1p());
        assert_eq!(&v[9..], &[1.0, 1.0, 0.0, 0.0, 0.0]);
    }

    #[test]
    fn sentences_end_before_space_or_the_end() {
        assert_eq!(get("a. b.. c.d", "sentences"), 2f64.ln_1p());
        assert_eq!(get("…\n", "sentences"), 1f64.ln_1p());
        assert_eq!(get("x.\u{1f}y", "sentences"), 1f64.ln_1p());
    }

    #[test]
    fn urls_quotes_separators() {
        assert_eq!(get("see WWW.example", "has_url"), 1.0);
        assert_eq!(get("mail me@x.y", "has_url"), 1.0);
        assert_eq!(get("example.comma", "has_url"), 0.0);
        assert_eq!(get("«quoted»", "has_quote"), 1.0);
        assert_eq!(get("Home | News • Sport - Weather", "separator_count"), 0.3);
        assert_eq!(get(&"|".repeat(50), "separator_count"), 1.0);
        assert_eq!(get("a - - b", "separator_count"), 0.1);
    }

    #[test]
    fn python_character_classes() {
        // '²' is a digit to isdigit, and a word character; 'Ⓐ' is upper but no letter.
        assert_eq!(get("x²", "digit_ratio"), 0.5);
        assert_eq!(get("x²", "log_words"), 1f64.ln_1p());
        assert_eq!(get("Ⓐ", "upper_ratio"), 1.0);
        // A combining mark is punctuation here and splits words.
        assert_eq!(get("e\u{301}t\u{e9}", "log_words"), 2f64.ln_1p());
        assert_eq!(get("e\u{301}", "punct_ratio"), 0.5);
        // Characters, not bytes.
        assert_eq!(get("ééé", "log_chars"), 3f64.ln_1p());
        assert_eq!(get("  Hello", "starts_upper"), 0.0);
        assert_eq!(get("Élan  ", "starts_upper"), 1.0);
    }

    #[test]
    fn hostile_texts() {
        let v = text_statistics("");
        assert_eq!(v, [0.0; 14]);
        let big = "Word, ".repeat(200_000);
        let v = text_statistics(&big);
        assert_eq!(v[1], 200_000f64.ln_1p());
        assert!(v.iter().all(|x| x.is_finite()));
        let junk: String = (0..200_000u32).filter_map(char::from_u32).collect();
        assert!(text_statistics(&junk)
            .iter()
            .all(|x| x.is_finite() && *x >= 0.0));
    }
}
