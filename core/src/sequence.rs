//! The second pass's features, behind `features/sequence.py`: each paragraph's
//! first-pass score read along its page (neighbours, windows, the page's content mass before
//! and after it, its tag path's and block's scores), beside its own shape and the class and id
//! words of its block.
//!
//! The arithmetic is numpy's, in numpy's order, so the features are the Python ones bit for
//! bit: `np.cumsum` and `np.bincount` add in row order, `ndarray.sum()` adds pairwise
//! (`pairwise_sum`), `expit` is `1 / (1 + exp(-x))`, and `exp` and `log1p` are the C
//! library's, as numpy's and scipy's are on a machine without AVX-512.
//!
//! The text columns are read as pandas reads them (its pyarrow string dtype): word counts and
//! `rstrip` agree with Python's `str` for every code point, but `str.lower()` is pyarrow's
//! simple per-character mapping (`lower_into`). Python 3.11's Unicode tables are version 14;
//! Rust's are newer, which matters only for characters assigned since.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::LazyLock;

use regex::Regex;

use crate::vocabulary::{ends_with_any, is_py_space, ENDS_PROSE, MARGIN_CLIP};

/// `MARKUP_HINTS`: per hint, the words (of a class or id of the block's ancestors) that say
/// what a box holds. Python reads each as `\b(?:words)` on `table["attrs"].str.lower()`
/// (`Hints`).
pub const MARKUP_HINTS: &[(&str, &str)] = &[
    (
        "comment",
        "comments?|commentlist|reply|replies|respond|disqus|discussion",
    ),
    (
        "related",
        "related|recommended|more|popular|trending|teaser|promo",
    ),
    (
        "social",
        "share|sharing|social|follow|newsletter|subscribe|signup",
    ),
    (
        "navigation",
        "nav|navigation|menu|breadcrumbs?|sidebar|widget|footer|header",
    ),
    ("article", "article|story|post|entry|content|body|main|text"),
];
/// `OFFSETS`: the neighbours whose margins a paragraph reads.
pub const OFFSETS: [isize; 6] = [-3, -2, -1, 1, 2, 3];
/// `WINDOWS`: radii of the word-weighted score windows.
pub const WINDOWS: [usize; 3] = [1, 3, 8];
/// `PROSE_WORDS`: a line of prose has at least this many words (and ends as sentences do).
pub const PROSE_WORDS: usize = 10;
/// A paragraph the first pass is confident of (`p >= 0.9`): what the gap columns measure to.
const CONFIDENT: f64 = 0.9;
/// A paragraph the first pass keeps (`p >= 0.5`): what the run of `run_words` is made of.
const KEPT: f64 = 0.5;
/// `LEVELS`: the enclosing blocks read, one to three levels up.
pub const LEVELS: usize = 3;

/// `STRUCTURE_COLUMNS` (`features/structure.py`), as the segmenter names them.
pub use crate::structure::STRUCTURE_COLUMNS;
use crate::table::{REPEAT_COLUMNS, SHAPE_COLUMNS};
/// What `_page_features` reads of the page's scores, in its column order (before the prose
/// columns).
const PAGE_COLUMNS: &[&str] = &[
    "margin",
    "margin_-3",
    "margin_-2",
    "margin_-1",
    "margin_+1",
    "margin_+2",
    "margin_+3",
    "window_1",
    "window_3",
    "window_8",
    "page_max",
    "page_mean",
    "below_max",
    "mass_before",
    "mass_after",
    "gap_before",
    "gap_after",
    "path_mean",
    "path_count",
    "path_mass",
    "attrs_mean",
    "run_words",
    "words",
    "position",
    "link_density",
    "paragraphs",
];
/// `PROSE_COLUMNS`: where the page's prose lines are.
const PROSE_COLUMNS: &[&str] = &["prose_before", "prose_after", "prose_gap"];
/// `_block_scores`' columns: per level, the block's mean score and share of content mass.
const BLOCK_SCORE_COLUMNS: &[&str] = &[
    "up1_score",
    "up1_mass",
    "up2_score",
    "up2_mass",
    "up3_score",
    "up3_mass",
];

/// Columns of the input's `own` matrix: `SHAPE_COLUMNS + REPEAT_COLUMNS`.
pub const OWN_WIDTH: usize = crate::shape::LINE_SHAPE.len() + REPEAT_COLUMNS.len();
/// Columns of the input's `blocks` matrix: `BLOCK_COLUMNS`, one block number per level.
pub const BLOCK_WIDTH: usize = LEVELS;
const PROSE_AT: usize = PAGE_COLUMNS.len();
const OWN_AT: usize = PROSE_AT + PROSE_COLUMNS.len();
const HINTS_AT: usize = OWN_AT + OWN_WIDTH;
const STRUCTURE_AT: usize = HINTS_AT + MARKUP_HINTS.len();
const BLOCKS_AT: usize = STRUCTURE_AT + STRUCTURE_COLUMNS.len();
/// Columns of the output: `len(SEQUENCE_COLUMNS)`.
pub const WIDTH: usize = BLOCKS_AT + BLOCK_SCORE_COLUMNS.len();
/// `TEXT_ONLY`: the prose, shape and repetition columns, contiguous here as in Python; the
/// markup model's second pass reads them as zeros.
const TEXT_ONLY: std::ops::Range<usize> = PROSE_AT..HINTS_AT;

// The page columns' positions, named for the code that fills them.
const MARGIN: usize = 0;
const NEIGHBOURS: usize = 1;
const WINDOW: usize = NEIGHBOURS + OFFSETS.len();
const PAGE_MAX: usize = WINDOW + WINDOWS.len();
const PAGE_MEAN: usize = PAGE_MAX + 1;
const BELOW_MAX: usize = PAGE_MAX + 2;
const MASS_BEFORE: usize = PAGE_MAX + 3;
const MASS_AFTER: usize = PAGE_MAX + 4;
const GAP_BEFORE: usize = PAGE_MAX + 5;
const GAP_AFTER: usize = PAGE_MAX + 6;
const PATH_MEAN: usize = PAGE_MAX + 7;
const PATH_COUNT: usize = PAGE_MAX + 8;
const PATH_MASS: usize = PAGE_MAX + 9;
const ATTRS_MEAN: usize = PAGE_MAX + 10;
const RUN_WORDS: usize = PAGE_MAX + 11;
const WORDS: usize = PAGE_MAX + 12;
const POSITION: usize = PAGE_MAX + 13;
const LINK_DENSITY: usize = PAGE_MAX + 14;
const PARAGRAPHS: usize = PAGE_MAX + 15;
const _: () = assert!(PARAGRAPHS + 1 == PAGE_COLUMNS.len());

/// `SEQUENCE_COLUMNS`: the output's column names, in Python's order.
pub static SEQUENCE_COLUMNS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut names: Vec<&'static str> = Vec::with_capacity(WIDTH);
    names.extend(PAGE_COLUMNS);
    names.extend(PROSE_COLUMNS);
    names.extend(SHAPE_COLUMNS.iter());
    names.extend(REPEAT_COLUMNS);
    names.extend(HINT_COLUMNS);
    names.extend(STRUCTURE_COLUMNS);
    names.extend(BLOCK_SCORE_COLUMNS);
    names
});
const HINT_COLUMNS: &[&str] = &[
    "hint_comment",
    "hint_related",
    "hint_social",
    "hint_navigation",
    "hint_article",
];

/// The paragraph table columns `sequence_features` reads, for `rows = texts.len()` rows.
///
/// Strings are the table's own (`path`, `block_attrs` and `attrs` with their leading `"^ "`).
/// Markup pages (`markup = true`) read `paths`, `block_attrs`, `attrs`, `links`, `structure`
/// and `blocks` and not `own`; text pages read `own` and none of those, which may then be
/// empty. A value missing from a short array reads as empty, zero or block -1; `check` says
/// whether any is.
#[derive(Clone, Copy, Debug)]
pub struct SequenceInput<'a> {
    pub texts: &'a [&'a str],
    pub paths: &'a [&'a str],
    pub block_attrs: &'a [&'a str],
    pub attrs: &'a [&'a str],
    /// rows x `OWN_WIDTH` (`SHAPE_COLUMNS + REPEAT_COLUMNS`), row-major.
    pub own: &'a [f64],
    pub links: &'a [f64],
    /// rows x `STRUCTURE_COLUMNS`, row-major.
    pub structure: &'a [f64],
    /// rows x `BLOCK_WIDTH` (`BLOCK_COLUMNS`), row-major.
    pub blocks: &'a [i64],
    /// The first pass's log-odds of content, one a row.
    pub margins: &'a [f64],
    /// A page key per row; rows of one page are contiguous.
    pub pages: &'a [i64],
}

impl SequenceInput<'_> {
    /// Whether every array `markup` reads holds a value for each row, else which does not.
    pub fn check(&self, markup: bool) -> Result<(), String> {
        let n = self.texts.len();
        let mut sizes = vec![
            ("margins", self.margins.len(), n),
            ("pages", self.pages.len(), n),
        ];
        if markup {
            sizes.extend([
                ("paths", self.paths.len(), n),
                ("block_attrs", self.block_attrs.len(), n),
                ("attrs", self.attrs.len(), n),
                ("links", self.links.len(), n),
                (
                    "structure",
                    self.structure.len(),
                    n * STRUCTURE_COLUMNS.len(),
                ),
                ("blocks", self.blocks.len(), n * BLOCK_WIDTH),
            ]);
        } else {
            sizes.push(("own", self.own.len(), n * OWN_WIDTH));
        }
        match sizes.into_iter().find(|&(_, got, want)| got != want) {
            Some((name, got, want)) => Err(format!("{name} has {got} values, not {want}")),
            None => Ok(()),
        }
    }
}

/// `sequence_features`: one row of `SEQUENCE_COLUMNS` per paragraph, row-major
/// (rows x `WIDTH`). `markup = false` blanks what plain text lacks (paths, classes, links,
/// structure); `markup = true` blanks `TEXT_ONLY`.
pub fn sequence_features(input: &SequenceInput, markup: bool) -> Vec<f64> {
    let n = input.texts.len();
    let mut out = vec![0.0; n * WIDTH];
    if n == 0 {
        return out;
    }
    let rows = Rows::new(input);
    if markup {
        copy_markup_columns(input, &mut out);
    } else {
        copy_block(input.own, OWN_WIDTH, OWN_AT, &mut out);
    }
    let mut scratch = Scratch::default();
    for (lo, hi) in page_spans(input.pages, n) {
        scratch.fill(&rows.margins[lo..hi], &rows.words[lo..hi]);
        let page = Page {
            input,
            m: &rows.margins[lo..hi],
            words: &rows.words[lo..hi],
            prose: &rows.prose[lo..hi],
            lo,
            markup,
            s: &scratch,
        };
        let rows_out = &mut out[lo * WIDTH..hi * WIDTH];
        page.scores(rows_out);
        page.groups(rows_out);
        page.prose(rows_out);
        if markup {
            page.block_scores(rows_out);
        }
    }
    if markup {
        for row in out.chunks_exact_mut(WIDTH) {
            row[TEXT_ONLY].fill(0.0);
        }
    }
    out
}

/// What `sequence_features` derives per row before reading pages: the clipped margins, word
/// counts (`str.split()`) and whether the line is prose.
struct Rows {
    margins: Vec<f64>,
    words: Vec<f64>,
    prose: Vec<bool>,
}

impl Rows {
    fn new(input: &SequenceInput) -> Rows {
        let n = input.texts.len();
        let margins = (0..n)
            .map(|i| value(input.margins, i).clamp(-MARGIN_CLIP, MARGIN_CLIP))
            .collect();
        let counts: Vec<usize> = input.texts.iter().map(|t| word_count(t)).collect();
        let prose = input
            .texts
            .iter()
            .zip(&counts)
            .map(|(t, &w)| w >= PROSE_WORDS && ends_with_any(t, ENDS_PROSE))
            .collect();
        let words = counts.into_iter().map(|w| w as f64).collect();
        Rows {
            margins,
            words,
            prose,
        }
    }
}

/// The `[lo, hi)` row spans of the pages: a new page wherever the key changes (`starts`).
fn page_spans(pages: &[i64], n: usize) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut lo = 0;
    for i in 1..n {
        if pages.get(i) != pages.get(i - 1) {
            spans.push((lo, i));
            lo = i;
        }
    }
    spans.push((lo, n));
    spans
}

/// The markup-only columns that are copied or matched row by row: the hints and structure.
fn copy_markup_columns(input: &SequenceInput, out: &mut [f64]) {
    let hints = Hints::get();
    let mut lowered = String::new();
    // Paragraphs of one block come together with the same ancestors: those are read once.
    let mut last: Option<(&str, [f64; MARKUP_HINTS.len()])> = None;
    for (i, row) in out.chunks_exact_mut(WIDTH).enumerate() {
        let attrs = input.attrs.get(i).copied().unwrap_or("");
        let flags = match last {
            Some((seen, flags)) if seen == attrs => flags,
            _ => {
                let mut flags = [0.0; MARKUP_HINTS.len()];
                hints.mark(lower_into(attrs, &mut lowered), &mut flags);
                flags
            }
        };
        row[HINTS_AT..STRUCTURE_AT].copy_from_slice(&flags);
        last = Some((attrs, flags));
    }
    copy_block(input.structure, STRUCTURE_COLUMNS.len(), STRUCTURE_AT, out);
}

/// Copies a rows x `width` matrix into the output's columns from `at` (short input: zeros).
fn copy_block(values: &[f64], width: usize, at: usize, out: &mut [f64]) {
    for (row, src) in out.chunks_exact_mut(WIDTH).zip(values.chunks_exact(width)) {
        row[at..at + width].copy_from_slice(src);
    }
}

/// `_markup_hints`: Python's `re.search(r"\b(?:words)", attrs.lower())` per hint.
///
/// Python's `\b` before a word's first letter means "at the start, or after a character that
/// is not a word character", and Python's word characters are `str.isalnum()` (letters and
/// numbers of every kind) and `_`. (The regex crate's `\b` counts marks and connector
/// punctuation as word characters and other numbers, `²`, as not.) So the text is scanned
/// once: at each start of a word, the hint words with its first letter are tried. A trailing
/// `s?` in a pattern never decides whether it matches, so the words are the alternatives
/// without it.
struct Hints {
    /// Per first letter `a..=z`: the hint words starting with it.
    by_letter: [Vec<HintWord>; 26],
    /// A word character as Python's `re` sees one (for characters beyond ASCII).
    word_char: Regex,
}

impl Hints {
    fn get() -> &'static Hints {
        static HINTS: LazyLock<Hints> = LazyLock::new(|| {
            let mut by_letter: [Vec<HintWord>; 26] = Default::default();
            for (hint, word) in hint_words() {
                if let Some(&first @ b'a'..=b'z') = word.first() {
                    by_letter[usize::from(first - b'a')].push(HintWord::new(hint, word));
                }
            }
            let word_char = Regex::new(r"^[\p{L}\p{N}_]").expect("the word class compiles");
            Hints {
                by_letter,
                word_char,
            }
        });
        &HINTS
    }

    /// Sets `flags[j]` to 1 for each hint `j` with a word at a word start of `text`.
    fn mark(&self, text: &str, flags: &mut [f64]) {
        let bytes = text.as_bytes();
        let mut after_word = false;
        if text.is_ascii() {
            // Per ASCII byte: 0 not a word character, 1 one, 2 a lowercase letter.
            const CLASS: [u8; 128] = {
                let mut class = [0; 128];
                let mut b = 0;
                while b < 128 {
                    let c = b as u8;
                    class[b] = if c.is_ascii_lowercase() {
                        2
                    } else if c.is_ascii_alphanumeric() || c == b'_' {
                        1
                    } else {
                        0
                    };
                    b += 1;
                }
                class
            };
            for (i, &b) in bytes.iter().enumerate() {
                let class = CLASS[usize::from(b & 0x7f)];
                if class == 2 && !after_word {
                    self.try_at(&bytes[i..], flags);
                }
                after_word = class != 0;
            }
            return;
        }
        for (i, c) in text.char_indices() {
            if !after_word && c.is_ascii_lowercase() {
                self.try_at(&bytes[i..], flags);
            }
            after_word = if c.is_ascii() {
                c.is_ascii_alphanumeric() || c == '_'
            } else {
                self.word_char.is_match(c.encode_utf8(&mut [0; 4]))
            };
        }
    }

    /// The hints with a word `rest` starts with.
    #[inline]
    fn try_at(&self, rest: &[u8], flags: &mut [f64]) {
        let letter = rest
            .first()
            .map_or(usize::MAX, |&b| usize::from(b.wrapping_sub(b'a')));
        let Some(words) = self.by_letter.get(letter) else {
            return;
        };
        let head = first_eight(rest);
        for word in words {
            if word.starts(head, rest) {
                flags[word.hint] = 1.0;
            }
        }
    }
}

/// A hint word, its first eight bytes packed for one comparison.
struct HintWord {
    hint: usize,
    head: u64,
    mask: u64,
    word: &'static [u8],
}

impl HintWord {
    fn new(hint: usize, word: &'static [u8]) -> HintWord {
        let bytes = word.len().min(8);
        let mask = if bytes == 8 {
            u64::MAX
        } else {
            (1u64 << (8 * bytes)) - 1
        };
        HintWord {
            hint,
            head: first_eight(word) & mask,
            mask,
            word,
        }
    }

    /// Whether `rest` (whose first eight bytes, zero-padded, are `head`) starts with the word.
    #[inline]
    fn starts(&self, head: u64, rest: &[u8]) -> bool {
        head & self.mask == self.head
            && (self.word.len() <= 8 || rest.get(8..self.word.len()) == self.word.get(8..))
    }
}

/// The first eight bytes of `bytes` as a little-endian number, zero-padded.
#[inline]
fn first_eight(bytes: &[u8]) -> u64 {
    let mut head = [0; 8];
    let n = bytes.len().min(8);
    head[..n].copy_from_slice(&bytes[..n]);
    u64::from_le_bytes(head)
}

/// The words of `MARKUP_HINTS`' patterns (alternatives of lowercase ASCII words, some with a
/// trailing `s?`), each with its hint's index.
fn hint_words() -> impl Iterator<Item = (usize, &'static [u8])> {
    MARKUP_HINTS
        .iter()
        .enumerate()
        .flat_map(|(hint, (_, words))| {
            words
                .split('|')
                .map(move |word| (hint, word.strip_suffix("s?").unwrap_or(word).as_bytes()))
        })
}

/// `attrs.str.lower()` in a reused buffer, as pandas lowers a column of its (pyarrow) string
/// dtype: each character by its simple lowercase mapping (`utf8_lower`), so `İ` is `i` (not
/// Python's `i̇`) and a final `Σ` is `σ`.
fn lower_into<'b>(text: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    if text.is_ascii() {
        buf.push_str(text);
        buf.make_ascii_lowercase();
    } else {
        for c in text.chars() {
            // U+0130 is the one character whose full lowercase mapping is not its simple one.
            if c == '\u{130}' {
                buf.push('i');
            } else {
                buf.extend(c.to_lowercase());
            }
        }
    }
    buf
}

/// `len(text.split())`: runs of characters Python does not count as white space.
fn word_count(text: &str) -> usize {
    if text.is_ascii() {
        return ascii_word_count(text.as_bytes());
    }
    let mut count = 0;
    let mut in_word = false;
    for c in text.chars() {
        let space = is_py_space(c);
        count += usize::from(!space && !in_word);
        in_word = !space;
    }
    count
}

/// `word_count` of ASCII text: Python's ASCII white space is `\t\n\v\f\r`, the information
/// separators `\x1c..\x1f` and the space.
fn ascii_word_count(bytes: &[u8]) -> usize {
    const SPACE: [bool; 128] = {
        let mut space = [false; 128];
        let mut b = 0;
        while b < 128 {
            space[b] = matches!(b as u8, b' ' | 0x09..=0x0d | 0x1c..=0x1f);
            b += 1;
        }
        space
    };
    let mut count = 0;
    let mut after_space = true;
    for &b in bytes {
        let space = SPACE[usize::from(b & 0x7f)];
        count += usize::from(after_space & !space);
        after_space = space;
    }
    count
}

/// `values[i]`, or 0 past a short array's end.
#[inline]
fn value(values: &[f64], i: usize) -> f64 {
    values.get(i).copied().unwrap_or(0.0)
}

/// scipy's `expit`.
#[inline]
fn expit(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// `ndarray.sum()` of a contiguous float64 array: numpy's pairwise summation (blocks of 128
/// summed by eight accumulators, halves split at a multiple of eight), added to the sum's
/// initial 0.
fn numpy_sum(values: &[f64]) -> f64 {
    0.0 + pairwise_sum(values)
}

/// numpy's `pairwise_sum` (`loops_utils.h`).
fn pairwise_sum(a: &[f64]) -> f64 {
    let n = a.len();
    if n < 8 {
        a.iter().fold(-0.0, |sum, &x| sum + x)
    } else if n <= 128 {
        let mut r = [0.0; 8];
        r.copy_from_slice(&a[..8]);
        let whole = n - n % 8;
        for chunk in a[8..whole].chunks_exact(8) {
            for (acc, &x) in r.iter_mut().zip(chunk) {
                *acc += x;
            }
        }
        let sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        a[whole..].iter().fold(sum, |sum, &x| sum + x)
    } else {
        let half = n / 2;
        let half = half - half % 8;
        pairwise_sum(&a[..half]) + pairwise_sum(&a[half..])
    }
}

/// `np.max`: the largest value, NaN if any is NaN.
fn numpy_max(values: &[f64]) -> f64 {
    values.iter().fold(f64::NEG_INFINITY, |max, &x| {
        if max.is_nan() || x.is_nan() {
            f64::NAN
        } else {
            max.max(x)
        }
    })
}

/// One page's per-row arrays, kept across pages so a batch allocates them once.
#[derive(Default)]
struct Scratch {
    p: Vec<f64>,
    weight: Vec<f64>,
    mass: Vec<f64>,
    /// `p * weight`.
    pw: Vec<f64>,
    /// `mass.sum() or 1.0`.
    total: f64,
}

impl Scratch {
    fn fill(&mut self, m: &[f64], words: &[f64]) {
        self.p.clear();
        self.p.extend(m.iter().map(|&x| expit(x)));
        self.weight.clear();
        self.weight.extend(words.iter().map(|&w| w.ln_1p() + 1e-3));
        self.mass.clear();
        self.mass
            .extend(self.p.iter().zip(words).map(|(&p, &w)| p * w));
        self.pw.clear();
        self.pw
            .extend(self.p.iter().zip(&self.weight).map(|(&p, &w)| p * w));
        let total = numpy_sum(&self.mass);
        self.total = if total == 0.0 { 1.0 } else { total };
    }
}

/// One page's rows `[lo, hi)` of the batch: their clipped margins, word counts and prose
/// flags, with the scratch arrays filled from them.
struct Page<'p, 'a> {
    input: &'p SequenceInput<'a>,
    m: &'p [f64],
    words: &'p [f64],
    prose: &'p [bool],
    lo: usize,
    markup: bool,
    s: &'p Scratch,
}

impl Page<'_, '_> {
    fn len(&self) -> usize {
        self.m.len()
    }

    /// `_page_features`' columns read from the scores in page order: the margin and its
    /// neighbours', the windows, the page's max and mean, the content mass before and after,
    /// the gaps to confident paragraphs, the kept run's words, and the row's own place.
    fn scores(&self, out: &mut [f64]) {
        let s = self.s;
        let n = self.len();
        let cum_w = prefix_sums(&s.weight);
        let cum_pw = prefix_sums(&s.pw);
        let max = numpy_max(self.m);
        let mean = numpy_sum(&s.pw) / numpy_sum(&s.weight);
        let confident: Vec<bool> = s.p.iter().map(|&p| p >= CONFIDENT).collect();
        let gap_before = gaps(&confident, true);
        let gap_after = gaps(&confident, false);
        let kept: Vec<bool> = s.p.iter().map(|&p| p >= KEPT).collect();
        let run_words = run_words(&kept, self.words);
        let log_n = (n as f64).ln_1p();
        let mut cum_mass = 0.0;
        for (i, row) in out.chunks_exact_mut(WIDTH).enumerate() {
            let m = self.m[i];
            row[MARGIN] = m;
            for (k, &o) in OFFSETS.iter().enumerate() {
                let j = i as isize + o;
                row[NEIGHBOURS + k] = if (0..n as isize).contains(&j) {
                    self.m[j as usize]
                } else {
                    -MARGIN_CLIP
                };
            }
            for (k, &r) in WINDOWS.iter().enumerate() {
                let (lo, hi) = (i.saturating_sub(r), (i + r + 1).min(n));
                row[WINDOW + k] = (cum_pw[hi] - cum_pw[lo]) / (cum_w[hi] - cum_w[lo]);
            }
            row[PAGE_MAX] = max;
            row[PAGE_MEAN] = mean;
            row[BELOW_MAX] = m - max;
            cum_mass += s.mass[i];
            row[MASS_BEFORE] = (cum_mass - s.mass[i]) / s.total;
            row[MASS_AFTER] = (s.total - cum_mass) / s.total;
            row[GAP_BEFORE] = gap_before[i];
            row[GAP_AFTER] = gap_after[i];
            row[RUN_WORDS] = run_words[i].ln_1p();
            row[WORDS] = self.words[i].ln_1p();
            row[POSITION] = if n > 1 {
                i as f64 / (n - 1) as f64
            } else {
                0.0
            };
            row[LINK_DENSITY] = if self.markup {
                value(self.input.links, self.lo + i)
            } else {
                0.0
            };
            row[PARAGRAPHS] = log_n;
        }
    }

    /// The page's row `i` of a string column when there is markup; text's are all alike.
    fn key<'k>(&self, column: &[&'k str], i: usize) -> &'k str {
        if self.markup {
            column.get(self.lo + i).copied().unwrap_or("")
        } else {
            ""
        }
    }

    /// `_page_features`' grouped columns: the mean score, count and content mass of the
    /// paragraphs with the row's tag path, and the mean score of those with its block's
    /// classes. Text has neither, so its page is one group.
    fn groups(&self, out: &mut [f64]) {
        let s = self.s;
        let path = Groups::of(
            self.len(),
            |i| self.key(self.input.paths, i),
            &[&s.p, &s.mass],
        );
        let attrs = Groups::of(self.len(), |i| self.key(self.input.block_attrs, i), &[&s.p]);
        for (i, row) in out.chunks_exact_mut(WIDTH).enumerate() {
            let (g, h) = (path.of[i], attrs.of[i]);
            row[PATH_MEAN] = path.sums[0][g] / path.count[g];
            row[PATH_COUNT] = path.count[g].ln_1p();
            row[PATH_MASS] = path.sums[1][g] / s.total;
            row[ATTRS_MEAN] = attrs.sums[0][h] / attrs.count[h];
        }
    }

    /// `_page_features`' prose columns: how many prose lines come before and after the row,
    /// and how far the next one is.
    fn prose(&self, out: &mut [f64]) {
        let prose = self.prose;
        let all = prose.iter().filter(|&&p| p).count();
        let gap = gaps(prose, false);
        let mut before = 0;
        for (i, row) in out.chunks_exact_mut(WIDTH).enumerate() {
            let upto = before + usize::from(prose[i]);
            row[PROSE_AT] = (before as f64).ln_1p();
            row[PROSE_AT + 1] = ((all - upto) as f64).ln_1p();
            row[PROSE_AT + 2] = gap[i];
            before = upto;
        }
    }

    /// `_block_scores`: per level, the word-weighted mean score of the row's block's
    /// paragraphs and the block's share of the page's content mass.
    fn block_scores(&self, out: &mut [f64]) {
        let s = self.s;
        for level in 0..LEVELS {
            let block = |i: usize| {
                self.input
                    .blocks
                    .get((self.lo + i) * BLOCK_WIDTH + level)
                    .copied()
                    .unwrap_or(-1)
            };
            let groups = Groups::of(self.len(), block, &[&s.weight, &s.pw, &s.mass]);
            for (i, row) in out.chunks_exact_mut(WIDTH).enumerate() {
                let g = groups.of[i];
                row[BLOCKS_AT + 2 * level] = groups.sums[1][g] / groups.sums[0][g];
                row[BLOCKS_AT + 2 * level + 1] = groups.sums[2][g] / s.total;
            }
        }
    }
}

/// `np.r_[0.0, np.cumsum(values)]`.
fn prefix_sums(values: &[f64]) -> Vec<f64> {
    let mut sums = Vec::with_capacity(values.len() + 1);
    let mut acc = 0.0;
    sums.push(acc);
    for &x in values {
        acc += x;
        sums.push(acc);
    }
    sums
}

/// `_gaps`: log1p of the distance to the nearest flagged row at or before (`before`) or at or
/// after each row; log1p of the page's length where there is none.
fn gaps(flagged: &[bool], before: bool) -> Vec<f64> {
    let n = flagged.len();
    let far = (n as f64).ln_1p();
    let mut out = vec![far; n];
    let mut nearest: Option<usize> = None;
    let mut visit = |i: usize| {
        if flagged[i] {
            nearest = Some(i);
        }
        if let Some(j) = nearest {
            out[i] = (i.abs_diff(j) as f64).ln_1p();
        }
    };
    if before {
        (0..n).for_each(&mut visit);
    } else {
        (0..n).rev().for_each(&mut visit);
    }
    out
}

/// `_run_words`: the words of the run of consecutive kept rows each row is in, 0 for a row
/// not kept. Word counts are whole numbers, so any order of adding them is exact.
fn run_words(kept: &[bool], words: &[f64]) -> Vec<f64> {
    let mut out = vec![0.0; kept.len()];
    let mut start = 0;
    while start < kept.len() {
        if !kept[start] {
            start += 1;
            continue;
        }
        let end = (start..kept.len())
            .find(|&i| !kept[i])
            .unwrap_or(kept.len());
        let sum: f64 = words[start..end].iter().sum();
        out[start..end].fill(sum);
        start = end;
    }
    out
}

/// `np.unique(key, return_inverse=True)` with `np.bincount` sums: each row's group, and per
/// group its row count and the sums of `weights`, added in row order as `bincount` adds.
struct Groups {
    of: Vec<usize>,
    count: Vec<f64>,
    sums: Vec<Vec<f64>>,
}

impl Groups {
    fn of<K: Hash + Eq + Copy>(
        n: usize,
        key: impl Fn(usize) -> K,
        weights: &[&Vec<f64>],
    ) -> Groups {
        let mut index: HashMap<K, usize> = HashMap::new();
        let mut of = Vec::with_capacity(n);
        // Rows of one block or path mostly come together: the last row's group is checked
        // before the map is.
        let mut last: Option<(K, usize)> = None;
        for i in 0..n {
            let k = key(i);
            let g = match last {
                Some((lk, g)) if lk == k => g,
                _ => {
                    let next = index.len();
                    *index.entry(k).or_insert(next)
                }
            };
            last = Some((k, g));
            of.push(g);
        }
        let groups = index.len();
        let mut count = vec![0.0; groups];
        let mut sums = vec![vec![0.0; groups]; weights.len()];
        for (i, &g) in of.iter().enumerate() {
            count[g] += 1.0;
            for (sum, w) in sums.iter_mut().zip(weights) {
                sum[g] += w[i];
            }
        }
        Groups { of, count, sums }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A markup page's input from texts, margins, paths and block numbers (level 1; the
    /// levels above hold every row in one block).
    struct Fixture {
        texts: Vec<&'static str>,
        paths: Vec<&'static str>,
        attrs: Vec<&'static str>,
        own: Vec<f64>,
        links: Vec<f64>,
        structure: Vec<f64>,
        blocks: Vec<i64>,
        margins: Vec<f64>,
        pages: Vec<i64>,
    }

    impl Fixture {
        fn new(texts: &[&'static str], margins: &[f64]) -> Fixture {
            let n = texts.len();
            Fixture {
                texts: texts.to_vec(),
                paths: vec!["^ html body div p"; n],
                attrs: vec!["^ "; n],
                own: (0..n * OWN_WIDTH).map(|k| (k % 7) as f64 / 7.0).collect(),
                links: vec![0.25; n],
                structure: vec![0.5; n * STRUCTURE_COLUMNS.len()],
                blocks: (0..n).flat_map(|i| [i as i64 / 2, 100, -1]).collect(),
                margins: margins.to_vec(),
                pages: vec![7; n],
            }
        }

        fn input(&self) -> SequenceInput<'_> {
            SequenceInput {
                texts: &self.texts,
                paths: &self.paths,
                block_attrs: &self.paths,
                attrs: &self.attrs,
                own: &self.own,
                links: &self.links,
                structure: &self.structure,
                blocks: &self.blocks,
                margins: &self.margins,
                pages: &self.pages,
            }
        }
    }

    fn column(out: &[f64], name: &str) -> Vec<f64> {
        let j = SEQUENCE_COLUMNS
            .iter()
            .position(|c| *c == name)
            .expect("a column");
        out.chunks_exact(WIDTH).map(|row| row[j]).collect()
    }

    const ARTICLE: &str =
        "The council met on Tuesday to decide how the new bridge will be paid for.";

    #[test]
    fn the_columns_are_pythons() {
        assert_eq!(SEQUENCE_COLUMNS.len(), 83);
        assert_eq!(WIDTH, 83);
        assert_eq!(SEQUENCE_COLUMNS[OWN_AT], "shape_call_start");
        assert_eq!(SEQUENCE_COLUMNS[HINTS_AT], "hint_comment");
        assert_eq!(SEQUENCE_COLUMNS[STRUCTURE_AT], "own_repeats");
        assert_eq!(SEQUENCE_COLUMNS[BLOCKS_AT], "up1_score");
        assert_eq!(
            (OWN_AT, HINTS_AT, STRUCTURE_AT, BLOCKS_AT),
            (29, 47, 52, 77)
        );
        let hints: Vec<String> = MARKUP_HINTS
            .iter()
            .map(|(h, _)| format!("hint_{h}"))
            .collect();
        assert_eq!(
            HINT_COLUMNS,
            hints.iter().map(String::as_str).collect::<Vec<_>>()
        );
        let offsets: Vec<String> = OFFSETS.iter().map(|o| format!("margin_{o:+}")).collect();
        assert_eq!(
            &PAGE_COLUMNS[NEIGHBOURS..WINDOW],
            offsets.iter().map(String::as_str).collect::<Vec<_>>()
        );
    }

    #[test]
    fn an_empty_page_has_no_rows() {
        let f = Fixture::new(&[], &[]);
        assert!(sequence_features(&f.input(), true).is_empty());
        assert!(sequence_features(&f.input(), false).is_empty());
        assert_eq!(f.input().check(true), Ok(()));
    }

    #[test]
    fn a_one_paragraph_page_reads_off_its_edges_as_chaff() {
        let f = Fixture::new(&[ARTICLE], &[2.0]);
        let out = sequence_features(&f.input(), true);
        assert_eq!(out.len(), WIDTH);
        assert!(out.iter().all(|x| x.is_finite()));
        for name in ["margin_-3", "margin_-1", "margin_+1", "margin_+3"] {
            assert_eq!(column(&out, name), [-MARGIN_CLIP]);
        }
        let p = expit(2.0);
        assert_eq!(column(&out, "window_8"), [p]);
        assert_eq!(column(&out, "position"), [0.0]);
        assert_eq!(column(&out, "mass_before"), [0.0]);
        assert_eq!(column(&out, "mass_after"), [0.0]);
        assert_eq!(column(&out, "path_mass"), [1.0]);
        assert_eq!(column(&out, "paragraphs"), [1f64.ln_1p()]);
        assert_eq!(column(&out, "words"), [15f64.ln_1p()]);
    }

    #[test]
    fn a_page_without_a_confident_paragraph_is_far_from_one_everywhere() {
        let f = Fixture::new(&["Home", "News", "Contact us"], &[-3.0, 1.0, -8.5]);
        let out = sequence_features(&f.input(), false);
        let far = 3f64.ln_1p();
        assert_eq!(column(&out, "gap_before"), [far; 3]);
        assert_eq!(column(&out, "gap_after"), [far; 3]);
        // The clip holds: -8.5 reads as -8.
        assert_eq!(column(&out, "margin")[2], -MARGIN_CLIP);
        // Only the middle line is kept, and it is its own run.
        assert_eq!(column(&out, "run_words"), [0.0, 1f64.ln_1p(), 0.0]);
        // No prose on the page either.
        assert_eq!(column(&out, "prose_gap"), [far; 3]);
    }

    #[test]
    fn a_page_without_words_has_no_mass_rather_than_nan() {
        let f = Fixture::new(&["", " "], &[3.0, 3.0]);
        let out = sequence_features(&f.input(), true);
        for name in ["mass_before", "path_mass", "up1_mass", "words", "run_words"] {
            assert_eq!(column(&out, name), [0.0, 0.0], "{name}");
        }
        // The total counts as 1, as Python's `mass.sum() or 1.0` has it.
        assert_eq!(column(&out, "mass_after"), [1.0, 1.0]);
        // Weights never vanish (log1p(0) + 0.001), so the means are still the scores.
        assert_eq!(column(&out, "window_1"), [expit(3.0); 2]);
    }

    #[test]
    fn gaps_and_runs_follow_the_confident_rows() {
        let f = Fixture::new(
            &["Menu", ARTICLE, "Short one.", ARTICLE, "Related"],
            &[-4.0, 4.0, 0.5, 4.0, -4.0],
        );
        let out = sequence_features(&f.input(), false);
        let ln = |x: f64| x.ln_1p();
        assert_eq!(
            column(&out, "gap_before"),
            [ln(5.0), 0.0, ln(1.0), 0.0, ln(1.0)]
        );
        assert_eq!(
            column(&out, "gap_after"),
            [ln(1.0), 0.0, ln(1.0), 0.0, ln(5.0)]
        );
        assert_eq!(column(&out, "run_words")[2], ln(32.0));
        assert_eq!(
            column(&out, "prose_before"),
            [0.0, 0.0, ln(1.0), ln(1.0), ln(2.0)]
        );
        assert_eq!(
            column(&out, "prose_after"),
            [ln(2.0), ln(1.0), ln(1.0), 0.0, 0.0]
        );
        assert_eq!(column(&out, "margin_-1")[2], 4.0);
        assert!(column(&out, "mass_after")[0] > 0.9 && column(&out, "mass_before")[4] > 0.9);
        // Text keeps its own shape columns and blanks the markup ones.
        assert_eq!(column(&out, "shape_bullet")[0], f.own[3]);
        assert!(column(&out, "own_repeats").iter().all(|&x| x == 0.0));
        assert!(column(&out, "up1_score").iter().all(|&x| x == 0.0));
        assert!(column(&out, "link_density").iter().all(|&x| x == 0.0));
    }

    #[test]
    fn markup_reads_paths_blocks_and_hints_and_blanks_the_text_columns() {
        let mut f = Fixture::new(&["Share this", ARTICLE, ARTICLE], &[-3.0, 3.0, 2.0]);
        f.paths = vec![
            "^ html body nav a",
            "^ html body article p",
            "^ html body article p",
        ];
        f.attrs = vec![
            "^ Social-Share",
            "^ main article\u{301}",
            "^ x\u{301}comments \u{b2}nav",
        ];
        let out = sequence_features(&f.input(), true);
        let p: Vec<f64> = f.margins.iter().map(|&m| expit(m)).collect();
        assert_eq!(
            column(&out, "path_mean"),
            [p[0], (p[1] + p[2]) / 2.0, (p[1] + p[2]) / 2.0]
        );
        assert_eq!(
            column(&out, "path_count"),
            [1f64.ln_1p(), 2f64.ln_1p(), 2f64.ln_1p()]
        );
        assert_eq!(column(&out, "hint_social"), [1.0, 0.0, 0.0]);
        assert_eq!(column(&out, "hint_article"), [0.0, 1.0, 0.0]);
        // Python's \b: after a combining mark yes, after a superscript two no.
        assert_eq!(column(&out, "hint_comment"), [0.0, 0.0, 1.0]);
        assert_eq!(column(&out, "hint_navigation"), [0.0, 0.0, 0.0]);
        assert_eq!(column(&out, "link_density"), [0.25; 3]);
        assert_eq!(column(&out, "own_repeats"), [0.5; 3]);
        // Rows 0 and 1 share a level-1 block, row 2 is alone in its own.
        let w: Vec<f64> = f
            .texts
            .iter()
            .map(|t| (word_count(t) as f64).ln_1p() + 1e-3)
            .collect();
        let first = (p[0] * w[0] + p[1] * w[1]) / (w[0] + w[1]);
        assert_eq!(
            column(&out, "up1_score"),
            [first, first, p[2] * w[2] / w[2]]
        );
        assert!(column(&out, "up2_mass")
            .iter()
            .all(|&x| (x - 1.0).abs() < 1e-15));
        for name in TEXT_ONLY.map(|j| SEQUENCE_COLUMNS[j]) {
            assert!(column(&out, name).iter().all(|&x| x == 0.0), "{name}");
        }
    }

    #[test]
    fn pages_do_not_leak_into_each_other() {
        let one = Fixture::new(&["Nav", ARTICLE, "Footer"], &[-2.0, 3.0, -1.0]);
        let alone = sequence_features(&one.input(), true);
        let mut two = Fixture::new(
            &["Nav", ARTICLE, "Footer", "Other page.", ARTICLE],
            &[-2.0, 3.0, -1.0, 5.0, 5.0],
        );
        two.pages = vec![1, 1, 1, 2, 2];
        two.blocks = (0..5).flat_map(|i| [i as i64 / 2, 100, -1]).collect();
        let together = sequence_features(&two.input(), true);
        assert_eq!(&together[..3 * WIDTH], &alone[..]);
        assert_eq!(column(&together, "paragraphs")[3], 2f64.ln_1p());
    }

    #[test]
    fn words_are_counted_as_python_splits() {
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count(" \t\u{a0}\u{1f} "), 0);
        assert_eq!(word_count("a\u{1c}b\u{3000}c  d"), 4);
        assert_eq!(word_count("zero\u{200b}width"), 1);
        for text in ["", " a  b\tc\x0b d\x1ce ", "one", "  ", "a\x7fb c\x00d"] {
            let general = text.chars().fold((0, false), |(n, w), c| {
                let space = is_py_space(c);
                (n + usize::from(!space && !w), !space)
            });
            assert_eq!(ascii_word_count(text.as_bytes()), general.0, "{text:?}");
        }
    }

    #[test]
    fn hint_words_are_plain_lowercase_words() {
        let words: Vec<_> = hint_words().collect();
        assert_eq!(words.len(), 37);
        assert!(words
            .iter()
            .all(|(_, w)| !w.is_empty() && w.iter().all(u8::is_ascii_lowercase)));
        assert!(
            words.contains(&(0, b"comment".as_slice()))
                && words.contains(&(3, b"breadcrumb".as_slice()))
        );
    }

    #[test]
    fn hints_find_what_the_boundary_pattern_finds() {
        // The spelled-out pattern `(?:^|[^\p{L}\p{N}_])(?:words)` as an oracle for the scan.
        let oracle: Vec<Regex> = MARKUP_HINTS
            .iter()
            .map(|(_, w)| {
                Regex::new(&format!(r"(?:^|[^\p{{L}}\p{{N}}_])(?:{w})")).expect("compiles")
            })
            .collect();
        let cases = [
            "",
            "^ ",
            "^ comments",
            "^ xcomment",
            "^ nav-menu",
            "^ navigation_bar",
            "_nav",
            "nav",
            "^ ícomment",
            "^ x\u{301}comment",
            "^ \u{b2}post \u{b2}",
            "\u{203f}share",
            "\u{903}main",
            "^ sharing2 2share",
            "^ relatedpopular",
            "^ mainnav",
            "^ 3\u{200d}text",
            "^ id-storybody footer",
            "^ ßpromo σtext",
            "^ 日本comment",
            "^ a|reply",
        ];
        // And every string of three pieces that make and break boundaries.
        let pieces = [
            "nav", "post", "s", "-", "_", "x", "é", "\u{301}", "\u{b2}", "2", " ", "日", "ab",
        ];
        let mut texts: Vec<String> = cases.iter().map(|c| c.to_string()).collect();
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    texts.push(format!("{a}{b}{c}"));
                }
            }
        }
        let hints = Hints::get();
        for text in texts.iter().map(String::as_str) {
            let mut got = [0.0; 5];
            hints.mark(text, &mut got);
            let want: Vec<f64> = oracle
                .iter()
                .map(|r| f64::from(u8::from(r.is_match(text))))
                .collect();
            assert_eq!(got.to_vec(), want, "{text:?}");
        }
    }

    #[test]
    fn lowering_is_pythons() {
        let mut buf = String::new();
        assert_eq!(lower_into("^ Main-NAV", &mut buf), "^ main-nav");
        // No final sigma, the dotted capital I as a plain i, the Kelvin sign as k: pandas'.
        assert_eq!(lower_into("ΟΔΟΣ \u{130}X \u{212a}", &mut buf), "οδοσ ix k");
        assert_eq!(lower_into("artİcle", &mut buf), "article");
    }

    #[test]
    fn numpy_sums_pairwise() {
        // Each path of pairwise_sum, against the order numpy adds in.
        let a: Vec<f64> = (0..300).map(|i| 1.0 / (i as f64 + 0.37)).collect();
        assert_eq!(numpy_sum(&a[..5]), (((a[0] + a[1]) + a[2]) + a[3]) + a[4]);
        let r: Vec<f64> = (0..8).map(|j| a[j] + a[8 + j]).collect();
        let want =
            ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7])) + a[16] + a[17];
        assert_eq!(numpy_sum(&a[..18]), want);
        assert_eq!(
            numpy_sum(&a),
            pairwise_sum(&a[..144]) + pairwise_sum(&a[144..])
        );
        assert!(numpy_max(&[1.0, f64::NAN, 3.0]).is_nan());
        assert_eq!(numpy_max(&[1.0, -2.0, 3.0]), 3.0);
    }

    #[test]
    fn short_or_hostile_input_does_not_panic() {
        let mut f = Fixture::new(
            &["a", "b c", ARTICLE],
            &[f64::NAN, f64::INFINITY, f64::NEG_INFINITY],
        );
        f.structure.clear();
        f.blocks.truncate(2);
        f.paths.truncate(1);
        f.pages = vec![3];
        assert!(f.input().check(true).is_err());
        let out = sequence_features(&f.input(), true);
        assert_eq!(out.len(), 3 * WIDTH);
        assert_eq!(column(&out, "margin")[1..], [MARGIN_CLIP, -MARGIN_CLIP]);
        assert!(column(&out, "page_max")[0].is_nan());
    }

    #[test]
    fn a_hundred_thousand_rows_are_linear() {
        let n = 100_000;
        let texts: Vec<&str> = (0..n)
            .map(|i| if i % 3 == 0 { ARTICLE } else { "Read more" })
            .collect();
        let paths: Vec<String> = (0..n)
            .map(|i| format!("^ html body div{} p", i % 977))
            .collect();
        let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
        let attrs = vec!["^ comment-list main"; n];
        let margins: Vec<f64> = (0..n).map(|i| ((i * 7919) % 17) as f64 - 8.0).collect();
        let blocks: Vec<i64> = (0..n * BLOCK_WIDTH).map(|k| (k / 7) as i64).collect();
        let links = vec![0.0; n];
        let structure = vec![0.0; n * STRUCTURE_COLUMNS.len()];
        let pages = vec![0; n];
        let input = SequenceInput {
            texts: &texts,
            paths: &paths,
            block_attrs: &paths,
            attrs: &attrs,
            own: &[],
            links: &links,
            structure: &structure,
            blocks: &blocks,
            margins: &margins,
            pages: &pages,
        };
        assert_eq!(input.check(true), Ok(()));
        let start = std::time::Instant::now();
        let out = sequence_features(&input, true);
        assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
        assert_eq!(out.len(), n * WIDTH);
        assert!(out.iter().all(|x| x.is_finite()));
        assert_eq!(
            column(&out, "path_count")[0],
            ((n / 977 + 1) as f64).ln_1p()
        );
        assert!(column(&out, "hint_comment").iter().all(|&x| x == 1.0));
        assert!(column(&out, "up1_mass")
            .iter()
            .all(|&x| (0.0..=1.0).contains(&x)));
    }
}
