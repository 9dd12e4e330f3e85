//! The terms every part of the engine agrees on, each defined once, as
//! `features/vocabulary.py` defines them for Python: what ends a sentence (each feature's
//! set), what Python calls white space, and the clip on log-odds.

/// `SENTENCE_END`: terminal punctuation.
pub const SENTENCE_END: &[char] = &['.', '!', '?', '…'];
/// `ENDS_SENTENCE`: a sentence, maybe inside closing quotes (text statistics' ends_terminal).
pub const ENDS_SENTENCE: &[char] = &['.', '!', '?', '…', '"', '”', '’', '\''];
/// `ENDS_LINE`: a sentence or a lead-in line's colon (the table's terminal columns, and a
/// plain-text line that was not wrapped mid-sentence).
pub const ENDS_LINE: &[char] = &['.', '!', '?', '…', '"', '”', '’', '\'', ':'];
/// `ENDS_SPLIT_SENTENCE`: a piece the sentence splitter ended (the glued-chaff cutter).
pub const ENDS_SPLIT_SENTENCE: &[char] = &['.', '!', '?', '…', '"', '”'];
/// `ENDS_PROSE`: a line of prose as the second pass reads it.
pub const ENDS_PROSE: &[char] = &['.', '!', '?', '…', '"', '”', '’', ')'];
/// `ENDS_PROSE_BLOCK`: a block of prose as the structure scores read it.
pub const ENDS_PROSE_BLOCK: &[char] = &['.', '!', '?', '…', '"', '”', '’', ')', ':'];
/// `CLAUSE_BREAKS`: after these a capital word starts a clause, not glued chaff.
pub const CLAUSE_BREAKS: &[char] = &['.', '!', '?', '…', ':', ';', ',', '—', '–', '-'];

/// `MARGIN_CLIP`: log-odds of content beyond this are as sure as a feature needs.
pub const MARGIN_CLIP: f64 = 8.0;
/// `MIN_CONTENT_WORDS`: the fewest words of a run of article text.
pub const MIN_CONTENT_WORDS: usize = 8;

/// Python's `str.isspace` for one character: Unicode white space plus the four information
/// separators U+001C..U+001F, which Python counts as space and Rust does not.
#[inline]
pub fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// `text.rstrip()` as Python strips it.
#[inline]
pub fn py_rstrip(text: &str) -> &str {
    text.trim_end_matches(is_py_space)
}

/// `text.strip()` as Python strips it.
#[inline]
pub fn py_strip(text: &str) -> &str {
    text.trim_matches(is_py_space)
}

/// `text.rstrip().endswith(marks)`.
#[inline]
pub fn ends_with_any(text: &str, marks: &[char]) -> bool {
    py_rstrip(text)
        .chars()
        .next_back()
        .is_some_and(|c| marks.contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_counts_the_information_separators_as_space() {
        assert!(is_py_space('\u{1f}') && is_py_space('\u{a0}') && is_py_space('\u{3000}'));
        assert!(!is_py_space('x') && !is_py_space('\u{200b}'));
    }

    #[test]
    fn endings_read_past_trailing_space() {
        assert!(ends_with_any("A sentence.  \u{a0}", ENDS_SENTENCE));
        assert!(ends_with_any("Lead-in:", ENDS_LINE) && !ends_with_any("Lead-in:", ENDS_SENTENCE));
        assert!(!ends_with_any("", ENDS_LINE) && !ends_with_any("   ", ENDS_LINE));
    }
}
