//! Cutting chaff that a scraper glued onto article text: the text-only parts behind
//! `models/glued.py` (`candidate_cuts` with the seam rule, `cut_features`, `best_cuts`). The text model's margins of the pieces are scored in Python between the
//! steps: `page_candidates` gives the cuts, Python scores both sides of each cut and the
//! whole piece, `cut_features` makes the cutter's rows of them, the cutter gives P(seam),
//! and `best_cuts` picks the seams.
//!
//! Offsets are in characters (code points), as Python's `str` offsets are, never bytes;
//! words are Python's `str.split()` words (runs of non-`str.isspace` characters), and the
//! case of a character is Python's (`crate::pyunicode`).

use crate::pyunicode::{is_alpha, is_upper};
use crate::shape::line_shape;
use crate::stats::{is_lower_stopword, stopwords};
use crate::vocabulary::{
    ends_with_any, is_py_space, CLAUSE_BREAKS, ENDS_SPLIT_SENTENCE, MARGIN_CLIP, MIN_CONTENT_WORDS,
};
use std::sync::LazyLock;

/// `EDGE_WORDS`: how far from the piece's start (or end) a seam may sit, in words.
pub const EDGE_WORDS: usize = 16;
/// `MIN_SIDE_WORDS`: the shorter side; a lone word is no piece of chaff.
pub const MIN_SIDE_WORDS: usize = 2;
/// `HEADING_CAPITALS`: a line with this share of capitalised words is a heading: no seams.
pub const HEADING_CAPITALS: f64 = 0.6;
/// `_OPENERS`: an opening quote or bracket may start chaff as a capital does.
pub const OPENERS: &[char] = &['"', '“', '‘', '(', '['];

/// `CUT_COLUMNS`: the names of `cut_features`' columns, in order.
pub const CUT_COLUMNS: [&str; 14] = [
    "left_margin",
    "right_margin",
    "whole_margin",
    "near_start",
    "left_words",
    "right_words",
    "prev_capital",
    "next_stopword",
    "next_quote",
    "left_call",
    "left_second_person",
    "left_date",
    "right_call",
    "right_second_person",
];
const COLUMNS: usize = CUT_COLUMNS.len();
const LEFT_MARGIN: usize = 0;
const RIGHT_MARGIN: usize = 1;
const NEAR_START: usize = 3;
/// `line_shape`'s columns that `cut_features` reads: call_start, second_person, date.
const CALL_START: usize = 0;
const SECOND_PERSON: usize = 1;
const DATE: usize = 4;

/// The longest stopword, in characters.
static LONGEST_STOPWORD: LazyLock<usize> = LazyLock::new(|| {
    stopwords()
        .iter()
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0)
});

/// A match of `_TOKEN` (`\S+`): its start in characters and its text.
struct Word<'a> {
    start: usize,
    text: &'a str,
}

/// `list(_TOKEN.finditer(text))`: Python's `\S` is every character not `str.isspace`.
fn tokens(text: &str) -> Vec<Word<'_>> {
    let mut words = Vec::new();
    let mut open: Option<(usize, usize)> = None; // (byte, char) where the word started
    for (chars, (byte, c)) in text.char_indices().enumerate() {
        match (is_py_space(c), open) {
            (true, Some((from, start))) => {
                words.push(Word {
                    start,
                    text: &text[from..byte],
                });
                open = None;
            }
            (false, None) => open = Some((byte, chars)),
            _ => {}
        }
    }
    if let Some((from, start)) = open {
        words.push(Word {
            start,
            text: &text[from..],
        });
    }
    words
}

/// `text.split()`: Python's white space, empty words dropped.
fn py_split(text: &str) -> impl Iterator<Item = &str> {
    text.split(is_py_space).filter(|w| !w.is_empty())
}

/// `word.lower() in STOPWORDS`. Lower-casing never shortens a word, so a word longer than
/// the longest stopword is none and is not lower-cased.
fn is_stopword(word: &str) -> bool {
    word.chars().count() <= *LONGEST_STOPWORD && is_lower_stopword(&word.to_lowercase())
}

/// `word.lower().strip(_OPENERS) in STOPWORDS`: stripping first is the same, since no
/// character lower-cases to an opener nor an opener to anything else.
fn is_stopword_inside_openers(word: &str) -> bool {
    is_stopword(word.trim_matches(OPENERS))
}

/// `word[:1].isupper()`.
fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(is_upper)
}

/// `word[:1] in _OPENERS` (Python's `word[0] in _OPENERS` for a word, never empty there).
fn starts_opener(word: &str) -> bool {
    word.chars().next().is_some_and(|c| OPENERS.contains(&c))
}

/// `candidate_cuts`' Title Case test: at least `HEADING_CAPITALS` of the words that start
/// with a letter start with a capital. Every capital would be a candidate, none a seam.
fn title_case(words: &[Word<'_>]) -> bool {
    let (mut lettered, mut capital) = (0usize, 0usize);
    for w in words {
        if let Some(c) = w.text.chars().next().filter(|&c| is_alpha(c)) {
            lettered += 1;
            capital += usize::from(is_upper(c));
        }
    }
    lettered > 0 && capital as f64 >= HEADING_CAPITALS * lettered as f64
}

/// `candidate_cuts`' test of one place: before a capital word (or an opening quote) that
/// follows neither clause punctuation nor a function word.
fn is_candidate(prev: &str, word: &str) -> bool {
    (starts_upper(word) || starts_opener(word))
        && !prev.ends_with(CLAUSE_BREAKS)
        && !is_stopword(prev)
}

/// `candidate_cuts(text, at_start=, at_end=)`: character offsets (of the word after the
/// cut) where chaff could end (`at_start`, within `EDGE_WORDS` of the start) or begin
/// (`at_end`, within `EDGE_WORDS` of the end), with `MIN_SIDE_WORDS` on either side and
/// `MIN_CONTENT_WORDS` on the longer one. A line in Title Case has none.
pub fn candidate_cuts(text: &str, at_start: bool, at_end: bool) -> Vec<usize> {
    let words = tokens(text);
    let n = words.len();
    if n < 2 * MIN_SIDE_WORDS || title_case(&words) {
        return Vec::new();
    }
    (MIN_SIDE_WORDS..=n - MIN_SIDE_WORDS)
        .filter(|&i| i.max(n - i) >= MIN_CONTENT_WORDS)
        .filter(|&i| (at_start && i <= EDGE_WORDS) || (at_end && n - i <= EDGE_WORDS))
        .filter(|&i| is_candidate(words[i - 1].text, words[i].text))
        .map(|i| words[i].start)
        .collect()
}

/// `_ends_sentence`: the sentence splitter ended this piece.
fn ends_sentence(text: &str) -> bool {
    ends_with_any(text, ENDS_SPLIT_SENTENCE)
}

/// Whether paragraphs `a` and `b` came from one input line; a paragraph without a line
/// number (`lines` shorter than `texts`) shares a line with none.
fn same_line(lines: &[u32], a: usize, b: usize) -> bool {
    matches!((lines.get(a), lines.get(b)), (Some(x), Some(y)) if x == y)
}

/// The candidate cuts of each paragraph of a page, as `cut_glued` finds them: `texts[i]`
/// came from input line `lines[i]`. Chaff is glued where a line starts or ends, or where
/// a sentence cut left a seam, so a paragraph's start is searched only when it opens its
/// line or the piece before it did not end a sentence, and its end likewise.
///
/// Offsets are in CHARACTERS (code points), as Python's `str` offsets: `text[:cut]` in
/// Python is the first `cut` characters, not bytes.
pub fn page_candidates(texts: &[&str], lines: &[u32]) -> Vec<Vec<usize>> {
    let n = texts.len();
    (0..n)
        .map(|i| {
            let prev_seam = i == 0 || !same_line(lines, i - 1, i) || !ends_sentence(texts[i - 1]);
            let next_seam = i + 1 == n || !same_line(lines, i + 1, i) || !ends_sentence(texts[i]);
            candidate_cuts(texts[i], prev_seam, next_seam)
        })
        .collect()
}

/// The byte offset of each character offset in `cuts`, past the end clamped to the end as
/// Python's slicing clamps; one pass over `text` whatever the number or order of cuts.
fn byte_offsets(text: &str, cuts: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..cuts.len()).collect();
    order.sort_by_key(|&k| cuts[k]);
    let mut out = vec![text.len(); cuts.len()];
    let mut next = order.iter().peekable();
    for (chars, (byte, _)) in text.char_indices().enumerate() {
        while let Some(&&k) = next.peek() {
            if cuts[k] > chars {
                break;
            }
            out[k] = byte;
            next.next();
        }
    }
    out
}

/// `np.clip(margin, -MARGIN_CLIP, MARGIN_CLIP)` (NaN stays NaN).
fn clip(margin: f64) -> f64 {
    margin.clamp(-MARGIN_CLIP, MARGIN_CLIP)
}

fn flag(value: bool) -> f64 {
    f64::from(u8::from(value))
}

/// `cut_features`' row for one cut, from the words either side of it.
fn cut_row(left: &[&str], right: &[&str], total: usize, side: [f64; 2], whole: f64) -> [f64; 14] {
    let left_shape = line_shape(&left.join(" "));
    let right_shape = line_shape(&right.join(" "));
    let next = right.first().copied().unwrap_or("");
    let prev = left.last().copied().unwrap_or("");
    [
        clip(side[0]),
        clip(side[1]),
        clip(whole),
        flag(left.len() as i64 <= total as i64 - left.len() as i64),
        (left.len() as f64).ln_1p(),
        (right.len() as f64).ln_1p(),
        flag(starts_upper(prev)),
        flag(is_stopword_inside_openers(next)),
        flag(starts_opener(next)),
        left_shape[CALL_START],
        left_shape[SECOND_PERSON],
        left_shape[DATE],
        right_shape[CALL_START],
        right_shape[SECOND_PERSON],
    ]
}

/// `cut_features(text, cuts, sides, whole)`: one row of `CUT_COLUMNS` per cut, row-major
/// (`cuts.len() * CUT_COLUMNS.len()` values). `cuts` are CHARACTER offsets (as from
/// `page_candidates`); `sides[k]` holds the text model's log-odds of content for the left
/// and right piece of cut `k`, `whole` that of the uncut text. A cut without its `sides`
/// gets NaN margins; a side without words (a cut Python would fail on) reads as no word.
pub fn cut_features(text: &str, cuts: &[usize], sides: &[[f64; 2]], whole: f64) -> Vec<f64> {
    let total = py_split(text).count();
    let mut rows = Vec::with_capacity(cuts.len() * COLUMNS);
    for (k, byte) in byte_offsets(text, cuts).into_iter().enumerate() {
        let left: Vec<&str> = py_split(&text[..byte]).collect();
        let right: Vec<&str> = py_split(&text[byte..]).collect();
        let side = sides.get(k).copied().unwrap_or([f64::NAN; 2]);
        rows.extend(cut_row(&left, &right, total, side, whole));
    }
    rows
}

/// `np.argmax` over the cuts in `side`: the first of the highest P(seam), a NaN counting as
/// highest (numpy's rule), None when `side` is empty.
fn argmax(side: impl Iterator<Item = usize>, p_seam: &[f64]) -> Option<usize> {
    let mut best: Option<usize> = None;
    for k in side {
        best = match best {
            Some(b) if p_seam[b].is_nan() || !(p_seam[k].is_nan() || p_seam[k] > p_seam[b]) => {
                Some(b)
            }
            _ => Some(k),
        };
    }
    best
}

/// `best_cuts(cuts, rows, p_seam, threshold)`: the most likely seam near the start and the
/// most likely near the end, each kept when P(seam) is at least `threshold`, sorted. The
/// piece a seam cuts off (before it near the start, after it near the end) must score below
/// the piece it leaves: chaff is what the text model likes less. `rows` is `cut_features`'
/// row-major matrix; cuts beyond the shortest of `cuts`, `rows` and `p_seam` are ignored.
pub fn best_cuts(cuts: &[usize], rows: &[f64], p_seam: &[f64], threshold: f64) -> Vec<usize> {
    let n = cuts.len().min(rows.len() / COLUMNS).min(p_seam.len());
    let row = |k: usize| &rows[k * COLUMNS..(k + 1) * COLUMNS];
    let near_start = |k: usize| row(k)[NEAR_START] > 0.0;
    let cuts_off_worse = |k: usize| {
        let (left, right) = (row(k)[LEFT_MARGIN], row(k)[RIGHT_MARGIN]);
        if near_start(k) {
            left < right
        } else {
            right < left
        }
    };
    let mut picked: Vec<usize> = [true, false]
        .into_iter()
        .filter_map(|start| {
            let side = (0..n).filter(|&k| near_start(k) == start && cuts_off_worse(k));
            argmax(side, p_seam)
        })
        .filter(|&k| p_seam[k] >= threshold)
        .map(|k| cuts[k])
        .collect();
    picked.sort_unstable();
    picked.dedup();
    picked
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str =
        "Please support our journalism today Subscribe The council voted on Monday \
                           to approve the new budget for the coming year after a long debate";

    fn char_offset(text: &str, word: &str) -> usize {
        let byte = text.find(word).expect("fixture word");
        text[..byte].chars().count()
    }

    #[test]
    fn glued_capitals_are_candidates() {
        let cuts = candidate_cuts(ARTICLE, true, true);
        assert!(cuts.contains(&char_offset(ARTICLE, "Subscribe")));
        assert!(cuts.contains(&char_offset(ARTICLE, "The council")));
        // "Monday" follows "on", a function word.
        assert_eq!(cuts.len(), 2);
    }

    #[test]
    fn title_case_line_gets_no_candidates() {
        let heading = "The Best Ten Ways To Save Money On Your Weekly Grocery Shopping Bill Now";
        assert!(candidate_cuts(heading, true, true).is_empty());
    }

    #[test]
    fn a_seam_after_a_function_word_or_clause_break_is_refused() {
        let text = "we went down to the Town Hall and then on to the river for a long walk";
        let cuts = candidate_cuts(text, true, true);
        // "the Town": "the" is a stopword; "Hall" follows "Town", a capital, not a stopword.
        assert!(!cuts.contains(&char_offset(text, "Town")));
        assert!(cuts.contains(&char_offset(text, "Hall")));
        let comma = "we went down there, Then we walked to the river for a long walk today";
        assert!(!candidate_cuts(comma, true, true).contains(&char_offset(comma, "Then")));
    }

    #[test]
    fn edges_follow_the_seam_rule() {
        let text = format!("one two Three {} Four five six", "word ".repeat(40));
        let start = char_offset(&text, "Three");
        let end = char_offset(&text, "Four");
        assert_eq!(candidate_cuts(&text, true, true), vec![start, end]);
        assert_eq!(candidate_cuts(&text, true, false), vec![start]);
        assert_eq!(candidate_cuts(&text, false, true), vec![end]);
        assert!(candidate_cuts(&text, false, false).is_empty());
    }

    #[test]
    fn page_seams_only_where_a_line_starts_or_a_sentence_did_not_end() {
        let a = "the mayor said this morning that the plan would go ahead Read More";
        let b = "Follow Us The work on the new bridge starts next spring and ends in the autumn \
                 of the year after next, the council said.";
        let texts = [a, b, b];
        // a and b on one line; a did not end a sentence, so b's start is a seam.
        let cuts = page_candidates(&texts, &[0, 0, 1]);
        assert_eq!(cuts[0], vec![char_offset(a, "Read")]);
        assert_eq!(cuts[1], vec![char_offset(b, "The work")]);
        // The third is b again after b, which ended its sentence, but on a new line.
        assert_eq!(cuts[2], cuts[1]);
        let ended = [
            "the mayor said this morning that the plan would go ahead.",
            b,
        ];
        assert!(page_candidates(&ended, &[0, 0])[1].is_empty());
        // Missing line numbers share no line: every edge is a seam.
        assert_eq!(page_candidates(&ended, &[])[1], cuts[1]);
    }

    #[test]
    fn non_ascii_capitals_and_offsets_in_characters() {
        let text = "déjà vu à la française Éric Dupont a été élu maire de la ville hier soir";
        let cuts = candidate_cuts(text, true, true);
        let eric = char_offset(text, "Éric");
        assert_eq!(eric, 23); // in bytes it would be 28
        assert_eq!(cuts, vec![eric, char_offset(text, "Dupont")]);
        let rows = cut_features(text, &[eric, 24], &[[0.0, 1.0]; 2], 0.5);
        // Left: 5 words, right: 11, the previous word "française" not a capital.
        assert_eq!(&rows[3..7], &[1.0, 5f64.ln_1p(), 11f64.ln_1p(), 0.0]);
        // A cut inside "Éric" (one character in) splits it, as Python's slicing does.
        assert_eq!(
            &rows[COLUMNS + 3..COLUMNS + 7],
            &[1.0, 6f64.ln_1p(), 11f64.ln_1p(), 1.0]
        );
    }

    #[test]
    fn features_of_a_cut() {
        let cut = char_offset(ARTICLE, "The council");
        let rows = cut_features(ARTICLE, &[cut], &[[-20.0, 3.5]], 9.0);
        assert_eq!(rows.len(), COLUMNS);
        assert_eq!(&rows[..3], &[-MARGIN_CLIP, 3.5, MARGIN_CLIP]);
        assert_eq!(rows[6], 1.0); // "Subscribe"
        assert_eq!(rows[7], 1.0); // "the" is a stopword
        assert_eq!(rows[9], 0.0); // "Please support ..." is no call start in the list
        let quoted = "the talks went on late into the night “The deal is done” said the minister";
        let q = char_offset(quoted, "“The");
        let rows = cut_features(quoted, &[q], &[[0.0, 0.0]], 0.0);
        assert_eq!((rows[7], rows[8]), (1.0, 1.0)); // “The strips to "the"
    }

    #[test]
    fn hostile_cuts_do_not_panic() {
        let text = "one two";
        let rows = cut_features(text, &[0, 7, 99, 3], &[], f64::NAN);
        assert_eq!(rows.len(), 4 * COLUMNS);
        assert!(rows[0].is_nan() && rows[2].is_nan());
        assert_eq!(rows[COLUMNS + 5], 0.0); // nothing right of the end
        assert!(cut_features("", &[0], &[[1.0, 1.0]], 0.0)
            .iter()
            .all(|v| !v.is_nan()));
    }

    #[test]
    fn a_line_of_one_word_and_empty_lines() {
        assert!(candidate_cuts("Subscribe", true, true).is_empty());
        assert!(candidate_cuts("", true, true).is_empty());
        assert!(candidate_cuts(" \u{1f} \u{a0}", true, true).is_empty());
        assert!(page_candidates(&[], &[]).is_empty());
        assert_eq!(
            page_candidates(&["Subscribe", ""], &[0, 0]),
            vec![vec![], vec![]]
        );
    }

    #[test]
    fn a_megabyte_line() {
        let text = format!("word {}Support Us", "and so forth ".repeat(100_000));
        let cuts = candidate_cuts(&text, true, true);
        let support = text.chars().count() - "Support Us".len();
        assert_eq!(cuts, vec![support]);
        let rows = cut_features(&text, &cuts, &[[0.0, -1.0]], 0.0);
        assert_eq!(rows[3], 0.0); // near the end
        assert_eq!(best_cuts(&cuts, &rows, &[0.9], 0.5), vec![support]);
        let one_word = "x".repeat(1 << 20);
        assert!(candidate_cuts(&one_word, true, true).is_empty());
    }

    fn row(left: f64, right: f64, near_start: bool) -> [f64; 14] {
        let mut r = [0.0; 14];
        r[LEFT_MARGIN] = left;
        r[RIGHT_MARGIN] = right;
        r[NEAR_START] = flag(near_start);
        r
    }

    #[test]
    fn best_cuts_pick_one_seam_per_edge_that_cuts_off_the_worse_piece() {
        let rows: Vec<f64> = [
            row(-2.0, 3.0, true),  // cuts off a worse start: kept if likely
            row(-2.0, 3.0, true),  // as likely: the first wins
            row(3.0, -2.0, true),  // cuts off a better start: refused
            row(3.0, -2.0, false), // cuts off a worse end
            row(3.0, -2.0, false), // more likely
        ]
        .concat();
        let cuts = [5, 9, 12, 40, 44];
        assert_eq!(
            best_cuts(&cuts, &rows, &[0.8, 0.8, 0.99, 0.6, 0.7], 0.5),
            vec![5, 44]
        );
        assert_eq!(
            best_cuts(&cuts, &rows, &[0.8, 0.8, 0.99, 0.6, 0.7], 0.75),
            vec![5]
        );
        // numpy's argmax takes the first NaN, which then fails the threshold.
        assert_eq!(
            best_cuts(&cuts, &rows, &[f64::NAN, 0.9, 0.0, 0.6, 0.7], 0.5),
            vec![44]
        );
        // Short inputs are read as far as all three go.
        assert_eq!(
            best_cuts(&cuts, &rows[..COLUMNS], &[0.8, 0.9], 0.5),
            vec![5]
        );
        assert!(best_cuts(&[], &[], &[], 0.0).is_empty());
    }
}
