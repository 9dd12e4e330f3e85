//! scikit-learn's text analyzers, compiled: the n-grams `TfidfVectorizer` / `CountVectorizer`
//! build from a document (sklearn 1.6+ `feature_extraction/text.py`), produced without a
//! String per n-gram, for the hashed count matrices of `sparse.rs`.
//!
//! Three analyzers, as winnow's `models/pipelines.py` configures them:
//! - [`Analyzer::Words`]: `analyzer="word"`: `str.lower`, the token pattern
//!   `(?u)\b\w\w+\b`, then `_word_ngrams` (tokens joined by one space).
//! - [`Analyzer::CharWb`]: `analyzer="char_wb"`: `str.lower`, then `_char_wb_ngrams`.
//! - [`Analyzer::Tokens`]: `_tokens`: `token_pattern=r"\S+"`, `lowercase=False`, then
//!   `_word_ngrams`.
//!
//! "Python's" classes are Python 3.11's (Unicode 14.0), from `pyunicode`: `\w`, white space,
//! and lowercasing as `str.lower` does it (full mapping, final sigma).
//! Lengths and slices are in characters (code points), as Python counts them.

use crate::pyunicode::{is_py_space, is_word as is_py_word, push_lower};

/// One of sklearn's analyzers with its `ngram_range` (inclusive). A lower bound of 0 counts as
/// 1 (sklearn would emit empty n-grams); a range with `min > max` yields no n-grams (sklearn
/// refuses it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Analyzer {
    /// Lowercased `(?u)\b\w\w+\b` tokens and their n-grams (`analyzer="word"`).
    Words { ngrams: (usize, usize) },
    /// Lowercased character n-grams inside space-padded words (`analyzer="char_wb"`).
    CharWb { ngrams: (usize, usize) },
    /// `\S+` tokens as they are and their n-grams (tag paths, class names, edge words).
    Tokens { ngrams: (usize, usize) },
}

impl Analyzer {
    /// The n-gram range, its lower bound raised to 1.
    fn range(&self) -> (usize, usize) {
        let (Analyzer::Words { ngrams }
        | Analyzer::CharWb { ngrams }
        | Analyzer::Tokens { ngrams }) = *self;
        (ngrams.0.max(1), ngrams.1)
    }
}

/// Buffers reused from one document to the next, so that a batch allocates only while they
/// grow.
#[derive(Default, Debug)]
pub struct Scratch {
    /// The lowercased document.
    lower: String,
    /// Byte ranges of the document's tokens.
    spans: Vec<(usize, usize)>,
    /// A word n-gram whose tokens were not already separated by exactly one space.
    joined: String,
    /// `" " + word + " "` for `char_wb`.
    padded: String,
    /// Byte offsets of `padded`'s characters (and its end), for non-ASCII words.
    bounds: Vec<usize>,
}

/// Calls `emit` with each n-gram of `doc`, in sklearn's order (for each n from the smallest,
/// left to right), as the text sklearn would put in its vocabulary.
pub fn for_each_ngram<F: FnMut(&str)>(
    doc: &str,
    analyzer: &Analyzer,
    scratch: &mut Scratch,
    mut emit: F,
) {
    let (lo, hi) = analyzer.range();
    if lo > hi {
        return;
    }
    let Scratch {
        lower,
        spans,
        joined,
        padded,
        bounds,
    } = scratch;
    match analyzer {
        Analyzer::Words { .. } => {
            py_lower_into(doc, lower);
            runs(lower, is_py_word, 2, spans);
            token_ngrams(lower, spans, (lo, hi), joined, &mut emit);
        }
        Analyzer::CharWb { .. } => {
            py_lower_into(doc, lower);
            runs(lower, |c| !is_py_space(c), 1, spans);
            for &(a, b) in spans.iter() {
                char_wb_word(&lower[a..b], (lo, hi), padded, bounds, &mut emit);
            }
        }
        Analyzer::Tokens { .. } => {
            runs(doc, |c| !is_py_space(c), 1, spans);
            token_ngrams(doc, spans, (lo, hi), joined, &mut emit);
        }
    }
}

/// The n-grams of one document as strings: what sklearn's `build_analyzer()(doc)` returns,
/// for verification and debugging.
pub fn ngrams(doc: &str, analyzer: &Analyzer) -> Vec<String> {
    let mut out = Vec::new();
    for_each_ngram(doc, analyzer, &mut Scratch::default(), |g| {
        out.push(g.to_owned())
    });
    out
}

/// `_word_ngrams`: the tokens (byte `spans` of `text`) for n = 1, then their n-grams for each
/// larger n, joined by single spaces. A run of tokens already separated by single spaces is
/// its own joined text and is passed as a slice of `text`.
fn token_ngrams<F: FnMut(&str)>(
    text: &str,
    spans: &[(usize, usize)],
    (lo, hi): (usize, usize),
    joined: &mut String,
    emit: &mut F,
) {
    let bytes = text.as_bytes();
    for n in lo..=hi.min(spans.len()) {
        for window in spans.windows(n) {
            let (first, last) = (window[0].0, window[n - 1].1);
            let spaced = window
                .windows(2)
                .all(|p| p[1].0 == p[0].1 + 1 && bytes[p[0].1] == b' ');
            if spaced {
                emit(&text[first..last]);
            } else {
                joined.clear();
                for (k, &(a, b)) in window.iter().enumerate() {
                    if k > 0 {
                        joined.push(' ');
                    }
                    joined.push_str(&text[a..b]);
                }
                emit(joined);
            }
        }
    }
}

/// `_char_wb_ngrams` for one word: its n-grams padded with a space each side; a word
/// shorter than n gives one n-gram (itself, padded), and ends the word: sklearn's
/// `if offset == 0: break`.
fn char_wb_word<F: FnMut(&str)>(
    word: &str,
    (lo, hi): (usize, usize),
    padded: &mut String,
    bounds: &mut Vec<usize>,
    emit: &mut F,
) {
    padded.clear();
    padded.push(' ');
    padded.push_str(word);
    padded.push(' ');
    let ascii = padded.is_ascii();
    let w_len = if ascii {
        padded.len()
    } else {
        bounds.clear();
        bounds.extend(padded.char_indices().map(|(i, _)| i));
        bounds.push(padded.len());
        bounds.len() - 1
    };
    let at = |k: usize| if ascii { k } else { bounds[k] };
    for n in lo..=hi {
        let mut offset = 0;
        emit(&padded[at(0)..at(n.min(w_len))]);
        while offset + n < w_len {
            offset += 1;
            emit(&padded[at(offset)..at(offset + n)]);
        }
        if offset == 0 {
            break;
        }
    }
}

/// Byte ranges of the maximal runs of characters in `class` that are at least `min_chars`
/// long. With `is_py_word` and 2 this is `re.findall(r"(?u)\b\w\w+\b")`: `\b` holds exactly
/// where a run of `\w` starts or ends, so a match is a whole run of two or more; with
/// "not space" and 1 it is `str.split()` (= `\S+`).
fn runs(
    text: &str,
    class: impl Fn(char) -> bool,
    min_chars: usize,
    spans: &mut Vec<(usize, usize)>,
) {
    spans.clear();
    let (mut start, mut chars) = (0, 0);
    for (i, c) in text.char_indices() {
        if class(c) {
            if chars == 0 {
                start = i;
            }
            chars += 1;
        } else {
            if chars >= min_chars {
                spans.push((start, i));
            }
            chars = 0;
        }
    }
    if chars >= min_chars {
        spans.push((start, text.len()));
    }
}

/// Python's `str.lower()` of `text` into `out`: the full Unicode mapping (`İ` becomes `i̇`,
/// two characters) and the final-sigma rule, as of Python's Unicode (`pyunicode::push_lower`).
/// ASCII text takes a byte-wise path.
pub fn py_lower_into(text: &str, out: &mut String) {
    out.clear();
    if text.is_ascii() {
        out.push_str(text);
        out.make_ascii_lowercase();
    } else if text.contains('Σ') {
        lower_with_sigma(text, out);
    } else {
        out.reserve(text.len());
        text.chars().for_each(|c| push_lower(c, out));
    }
}

/// Capital sigma lowers to `ς` or `σ` by its neighbours (Unicode's Final_Sigma, which Python
/// and Rust's `str::to_lowercase` both apply): take each sigma's form from std's whole-text
/// lowering, which maps every other character as `char::to_lowercase` does.
fn lower_with_sigma(text: &str, out: &mut String) {
    let std = text.to_lowercase();
    let mut lowered = std.chars();
    for c in text.chars() {
        if c == 'Σ' {
            out.push(lowered.next().unwrap_or('σ'));
        } else {
            lowered.by_ref().take(c.to_lowercase().len()).for_each(drop);
            push_lower(c, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORDS: Analyzer = Analyzer::Words { ngrams: (1, 2) };
    const CHARS: Analyzer = Analyzer::CharWb { ngrams: (3, 5) };
    const TOKENS: Analyzer = Analyzer::Tokens { ngrams: (1, 3) };

    fn sorted(mut v: Vec<String>) -> Vec<String> {
        v.sort();
        v
    }

    #[test]
    fn words_are_lowercased_runs_of_two_word_chars_then_bigrams() {
        assert_eq!(
            ngrams("The cat, a  Dog's_toy!", &WORDS),
            [
                "the",
                "cat",
                "dog",
                "s_toy",
                "the cat",
                "cat dog",
                "dog s_toy"
            ]
        );
        assert_eq!(ngrams("I a b", &WORDS), Vec::<String>::new());
        assert_eq!(
            ngrams("x1 y", &Analyzer::Words { ngrams: (2, 3) }),
            Vec::<String>::new()
        );
    }

    #[test]
    fn word_chars_are_pythons_letters_and_numbers_not_marks() {
        // U+0301 (combining acute) is not \w in Python: "cafe\u{301}s" splits into two tokens.
        assert_eq!(
            ngrams("cafe\u{301}s", &Analyzer::Words { ngrams: (1, 1) }),
            ["cafe"]
        );
        // Arabic-Indic digits and CJK are \w; U+00B2 (superscript two) is a number too.
        assert_eq!(
            ngrams("٣٤ 漢字 x²", &Analyzer::Words { ngrams: (1, 1) }),
            ["٣٤", "漢字", "x²"]
        );
        assert!(is_py_word('_') && is_py_word('ß') && is_py_word('\u{10400}'));
        assert!(!is_py_word('\u{301}') && !is_py_word('-') && !is_py_word('\u{a0}'));
    }

    #[test]
    fn lowering_is_pythons_full_mapping() {
        let mut out = String::new();
        py_lower_into("İstanbul ΟΔΟΣ Σ ΣΑ ẞ", &mut out);
        assert_eq!(out, "i\u{307}stanbul οδος σ σα ß");
        // Capital dotted I lowers to i + combining dot, which ends the word token.
        assert_eq!(
            ngrams("İSTANBUL", &Analyzer::Words { ngrams: (1, 1) }),
            ["stanbul"]
        );
        // A letter assigned after Python's Unicode stays as it is.
        py_lower_into("\u{A7CB}", &mut out);
        assert_eq!(out, "\u{A7CB}");
    }

    #[test]
    fn char_wb_pads_words_and_counts_characters() {
        assert_eq!(
            ngrams("Ab", &CHARS),
            [" ab", "ab ", " ab "],
            "a 4-char padded word: two 3-grams, one 4-gram, then the short-word break"
        );
        assert_eq!(ngrams("a", &CHARS), [" a "]);
        assert_eq!(
            ngrams("éà", &Analyzer::CharWb { ngrams: (3, 3) }),
            [" éà", "éà "]
        );
        let got = ngrams("word\t\u{a0}\u{1f}xy", &Analyzer::CharWb { ngrams: (3, 4) });
        assert_eq!(
            got,
            [" wo", "wor", "ord", "rd ", " wor", "word", "ord ", " xy", "xy ", " xy "]
        );
    }

    #[test]
    fn tokens_keep_case_and_split_on_python_space() {
        assert_eq!(
            ngrams("^ html\u{1c}Body  div", &TOKENS),
            [
                "^",
                "html",
                "Body",
                "div",
                "^ html",
                "html Body",
                "Body div",
                "^ html Body",
                "html Body div"
            ]
        );
        assert_eq!(
            ngrams("a b", &Analyzer::Tokens { ngrams: (1, 1) }),
            ["a", "b"]
        );
    }

    #[test]
    fn empty_and_degenerate_inputs_give_nothing_or_one() {
        for a in [WORDS, CHARS, TOKENS] {
            assert!(ngrams("", &a).is_empty());
            assert!(ngrams(" \t\n\u{3000}", &a).is_empty());
        }
        assert_eq!(ngrams("x", &TOKENS), ["x"]);
        assert_eq!(ngrams("x", &CHARS), [" x "]);
        assert!(ngrams("x", &WORDS).is_empty());
        assert!(ngrams("a b c", &Analyzer::Tokens { ngrams: (3, 2) }).is_empty());
        assert_eq!(
            ngrams("a b", &Analyzer::Tokens { ngrams: (0, 1) }),
            ["a", "b"]
        );
        assert_eq!(
            ngrams(
                "ab",
                &Analyzer::CharWb {
                    ngrams: (1, usize::MAX)
                }
            )
            .len(),
            4 + 3 + 2 + 1
        );
    }

    #[test]
    fn a_megabyte_document_is_analyzed_whole() {
        let doc = "Ωmega wörd 12 ".repeat(75_000);
        assert!(doc.len() > 1_000_000);
        let words = ngrams(&doc, &WORDS);
        assert_eq!(words.len(), 3 * 75_000 + (3 * 75_000 - 1));
        assert_eq!(words[0], "ωmega");
        let chars = ngrams(&doc, &CHARS);
        // Per repetition: "ωmega" padded to 7 chars gives 5+4+3, "wörd" 4+3+2, "12" 2+1 (break).
        assert_eq!(chars.len(), 75_000 * (12 + 9 + 3));
    }

    #[test]
    fn joined_and_sliced_ngrams_agree() {
        // The same bigram from single-space (sliced) and other separators (joined).
        let a = sorted(ngrams("red fox", &Analyzer::Words { ngrams: (2, 2) }));
        let b = sorted(ngrams("RED,\n fox", &Analyzer::Words { ngrams: (2, 2) }));
        assert_eq!(a, ["red fox"]);
        assert_eq!(a, b);
    }
}
