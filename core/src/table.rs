//! The paragraph table's numeric columns: where each paragraph sits on its page and what
//! surrounds it (`features/context.py`'s `paragraph_table`), with its line shape, its
//! repetition on the page and its place in the page's blocks. One row per paragraph, in
//! `NUMERIC_COLUMNS` order; training and prediction both read the table from here.

use std::sync::LazyLock;

use crate::paragraph::Paragraph;
use crate::repetition::page_repeats;
use crate::shape::{edge_tokens, line_shape, LINE_SHAPE};
use crate::structure::{BLOCK_COLUMNS, STRUCTURE_COLUMNS};
use crate::vocabulary::{ends_with_any, is_py_space, ENDS_LINE};

/// Where the paragraph sits and what surrounds it.
pub const PLACE_COLUMNS: [&str; 8] = [
    "position",
    "from_end",
    "log_paragraphs",
    "prev_words",
    "next_words",
    "prev_terminal",
    "next_terminal",
    "window_words",
];
/// How often the line recurs on its page and, once a batch fills them, its outlet's pages.
pub const REPEAT_COLUMNS: [&str; 4] = [
    "page_repeats",
    "outlet_pages",
    "outlet_share",
    "outlet_seen",
];
/// `LINE_SHAPE`'s columns as the table names them, `shape_` before each (built once).
pub static SHAPE_COLUMNS: LazyLock<[&'static str; LINE_SHAPE.len()]> =
    LazyLock::new(|| LINE_SHAPE.map(|name| &*Box::leak(format!("shape_{name}").into_boxed_str())));
/// Links around the paragraph (markup only).
pub const LINK_COLUMNS: [&str; 5] = [
    "link_density",
    "rel_depth",
    "prev_link",
    "next_link",
    "window_link",
];

/// The numeric columns in table order: place, shape, repetition, links, structure, blocks.
pub fn numeric_columns() -> Vec<String> {
    let shape = SHAPE_COLUMNS.iter().map(|s| s.to_string());
    PLACE_COLUMNS
        .iter()
        .map(|s| s.to_string())
        .chain(shape)
        .chain(REPEAT_COLUMNS.iter().map(|s| s.to_string()))
        .chain(LINK_COLUMNS.iter().map(|s| s.to_string()))
        .chain(STRUCTURE_COLUMNS.iter().map(|s| s.to_string()))
        .chain(BLOCK_COLUMNS.iter().map(|s| s.to_string()))
        .collect()
}

/// Width of a row of the numeric table.
pub fn n_numeric() -> usize {
    PLACE_COLUMNS.len()
        + LINE_SHAPE.len()
        + REPEAT_COLUMNS.len()
        + LINK_COLUMNS.len()
        + STRUCTURE_COLUMNS.len()
        + BLOCK_COLUMNS.len()
}

/// Words as Python's `str.split()` counts them.
pub fn word_count(text: &str) -> usize {
    text.split(is_py_space).filter(|w| !w.is_empty()).count()
}

/// One page's table: the numeric rows (row-major, `n_numeric()` wide) appended to `out`,
/// and each paragraph's edge tokens.
pub fn page_table(paragraphs: &[Paragraph], out: &mut Vec<f64>) -> Vec<String> {
    let n = paragraphs.len();
    let words: Vec<f64> = paragraphs
        .iter()
        .map(|p| (word_count(&p.text) as f64).ln_1p())
        .collect();
    let terminal: Vec<f64> = paragraphs
        .iter()
        .map(|p| f64::from(u8::from(ends_with_any(&p.text, ENDS_LINE))))
        .collect();
    let links: Vec<f64> = paragraphs.iter().map(|p| p.link_density).collect();
    let max_depth = paragraphs
        .iter()
        .map(|p| p.depth)
        .max()
        .filter(|&d| d > 0)
        .unwrap_or(1);
    let log_n = (n as f64).ln_1p();
    let texts: Vec<&str> = paragraphs.iter().map(|p| p.text.as_str()).collect();
    let repeats = page_repeats(&texts);
    let at = |values: &[f64], i: isize, default: f64| -> f64 {
        if i >= 0 && (i as usize) < n {
            values[i as usize]
        } else {
            default
        }
    };
    let window = |values: &[f64], i: usize| -> f64 {
        let (lo, hi) = (i.saturating_sub(2), (i + 3).min(n));
        values[lo..hi].iter().sum::<f64>() / (hi - lo) as f64
    };
    let no_structure = no_structure();
    out.reserve(n * n_numeric());
    let mut edges = Vec::with_capacity(n);
    for (i, p) in paragraphs.iter().enumerate() {
        let k = i as isize;
        out.extend_from_slice(&[
            if n > 1 {
                i as f64 / (n - 1) as f64
            } else {
                0.0
            },
            ((n - 1 - i) as f64).ln_1p(),
            log_n,
            at(&words, k - 1, 0.0),
            at(&words, k + 1, 0.0),
            at(&terminal, k - 1, 0.0),
            at(&terminal, k + 1, 0.0),
            window(&words, i),
        ]);
        out.extend_from_slice(&line_shape(&p.text));
        out.extend_from_slice(&[repeats[i], 0.0, 0.0, 0.0]);
        out.extend_from_slice(&[
            p.link_density,
            f64::from(p.depth) / f64::from(max_depth),
            at(&links, k - 1, 1.0),
            at(&links, k + 1, 1.0),
            window(&links, i),
        ]);
        if p.structure.len() == no_structure.len() {
            out.extend_from_slice(&p.structure);
        } else {
            out.extend_from_slice(&no_structure);
        }
        edges.push(edge_tokens(&p.text));
    }
    edges
}

/// What a paragraph without markup has for its structure: zeros, and no block above it.
fn no_structure() -> Vec<f64> {
    let mut values = vec![0.0; STRUCTURE_COLUMNS.len()];
    values.extend(std::iter::repeat(-1.0).take(BLOCK_COLUMNS.len()));
    values
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str, link: f64, depth: u32) -> Paragraph {
        Paragraph {
            text: text.into(),
            link_density: link,
            depth,
            ..Paragraph::default()
        }
    }

    #[test]
    fn rows_are_as_wide_as_the_column_names() {
        let mut out = Vec::new();
        let edges = page_table(
            &[para("One two three.", 0.0, 1), para("Menu", 1.0, 2)],
            &mut out,
        );
        assert_eq!(out.len(), 2 * numeric_columns().len());
        assert_eq!(n_numeric(), numeric_columns().len());
        assert_eq!(edges.len(), 2);
    }

    #[test]
    fn neighbours_and_places_are_read_from_the_page() {
        let mut out = Vec::new();
        page_table(
            &[para("One two three.", 0.0, 1), para("Menu", 1.0, 2)],
            &mut out,
        );
        let w = n_numeric();
        let col = |name: &str| numeric_columns().iter().position(|c| c == name).unwrap();
        assert_eq!(out[col("position")], 0.0);
        assert_eq!(out[w + col("position")], 1.0);
        assert_eq!(out[w + col("prev_terminal")], 1.0); // the first paragraph ends a sentence
        assert_eq!(out[col("prev_link")], 1.0); // nothing before: as if all link
        assert_eq!(out[w + col("rel_depth")], 1.0);
        assert!((out[col("next_words")] - 2f64.ln()).abs() < 1e-12);
        // Text paragraphs have no block above them.
        assert_eq!(out[w - 1], -1.0);
    }

    #[test]
    fn python_split_counts_words() {
        assert_eq!(word_count("  a\u{a0}b\u{1f}c  "), 3);
        assert_eq!(word_count(""), 0);
    }
}
