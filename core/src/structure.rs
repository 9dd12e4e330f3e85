//! Where a paragraph stands in its page's block structure (`features/structure.py`): the
//! main block found as readability finds it, and the link density, prose share, size and
//! repeats of the blocks one, two and three levels up, as `STRUCTURE_COLUMNS` then
//! `BLOCK_COLUMNS`, 28 numbers per markup paragraph.
//!
//! The segmenter keeps every block it enters in one arena, parents before children; a block
//! names its parent by its index there, which is also its `number`.

use std::collections::HashMap;
use std::sync::OnceLock;

use regex::Regex;

use crate::vocabulary::{ends_with_any, is_py_space, ENDS_PROSE_BLOCK};

/// `LEVELS`: the enclosing blocks each paragraph is described by.
const LEVELS: usize = 3;
/// `PROSE_CHARS`: the shortest paragraph that reads as prose.
pub const PROSE_CHARS: f64 = 80.0;
/// `_CLASS_WEIGHT`: what a positive or negative class word adds to a candidate's score.
const CLASS_WEIGHT: f64 = 25.0;
/// `len(STRUCTURE_COLUMNS) + len(BLOCK_COLUMNS)`.
pub const STRUCTURE_WIDTH: usize = 1 + 4 + 5 + 5 * LEVELS + LEVELS;

/// `STRUCTURE_COLUMNS` then `BLOCK_COLUMNS`, the names of the values `structure_features`
/// gives each paragraph, in order.
pub const COLUMNS: [&str; STRUCTURE_WIDTH] = [
    "own_repeats",
    "microdata",
    "hidden",
    "page_hidden",
    "copy",
    "in_main",
    "main_meet",
    "main_before",
    "main_after",
    "main_share",
    "up1_link",
    "up1_prose",
    "up1_chars",
    "up1_paragraphs",
    "up1_repeats",
    "up2_link",
    "up2_prose",
    "up2_chars",
    "up2_paragraphs",
    "up2_repeats",
    "up3_link",
    "up3_prose",
    "up3_chars",
    "up3_paragraphs",
    "up3_repeats",
    "up1_block",
    "up2_block",
    "up3_block",
];

/// `STRUCTURE_COLUMNS`: the features among `COLUMNS`.
pub const STRUCTURE_COLUMNS: &[&str] = COLUMNS.split_at(STRUCTURE_WIDTH - LEVELS).0;
/// `BLOCK_COLUMNS`: which block is the paragraph's ancestor at each level (not features).
pub const BLOCK_COLUMNS: &[&str] = COLUMNS.split_at(STRUCTURE_WIDTH - LEVELS).1;

fn positive() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"article|body|content|entry|main|page|post|text|blog|story").expect("regex")
    })
}

fn negative() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"comment|meta|footer|footnote|foot|masthead|related|recommend|more|promo|sidebar|sponsor|shopping|tags|tool|widget|share|social|nav|menu|header|teaser|card|banner|ad",
        )
        .expect("regex")
    })
}

/// A block element as the segmenter met it (`structure.Block`): its shape, its parent, and
/// the text totals of the paragraphs under it (filled by `structure_features`).
#[derive(Clone, Debug)]
pub struct Block {
    pub parent: Option<usize>,
    /// The tag and its sorted lower-case classes: what "the same shape" compares.
    pub signature: String,
    /// Readability's class weight: +25 for a positive word, -25 for a negative one.
    pub weight: f64,
    pub depth: u32,
    chars: f64,
    link_chars: f64,
    prose_chars: f64,
    paragraphs: usize,
    score: f64,
    first: Option<usize>,
    last: Option<usize>,
}

impl Block {
    /// The page itself, above every element (`Block(None, "", "", ())`).
    pub fn top() -> Self {
        Block::new(None, "", "", &[] as &[&str])
    }

    /// A `tag` block under `parent` (its index in the page's blocks, and the block), with
    /// its raw `class` value and the class/id word tokens of `class` and `id`.
    pub fn new<S: AsRef<str>>(
        parent: Option<(usize, &Block)>,
        tag: &str,
        classes: &str,
        tokens: &[S],
    ) -> Self {
        Block {
            parent: parent.map(|(n, _)| n),
            signature: signature(tag, classes),
            weight: class_weight(tokens),
            depth: parent.map_or(0, |(_, b)| b.depth + 1),
            chars: 0.0,
            link_chars: 0.0,
            prose_chars: 0.0,
            paragraphs: 0,
            score: 0.0,
            first: None,
            last: None,
        }
    }
}

/// `f"{tag}.{' '.join(sorted(classes.lower().split()))}"`.
fn signature(tag: &str, classes: &str) -> String {
    let lower = classes.to_lowercase();
    let mut words: Vec<&str> = lower.split(is_py_space).filter(|w| !w.is_empty()).collect();
    words.sort_unstable();
    format!("{tag}.{}", words.join(" "))
}

/// `Block.weight`: readability's weighing of a candidate by its class and id words.
fn class_weight<S: AsRef<str>>(tokens: &[S]) -> f64 {
    if tokens.is_empty() {
        return 0.0;
    }
    let words = tokens
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join(" ");
    if words.is_empty() {
        return 0.0;
    }
    let sign = f64::from(u8::from(positive().is_match(&words)))
        - f64::from(u8::from(negative().is_match(&words)));
    CLASS_WEIGHT * sign
}

/// One paragraph as `structure_features` reads it.
#[derive(Clone, Copy, Debug)]
pub struct Owned<'a> {
    pub text: &'a str,
    pub link_density: f64,
    /// The shares of its characters that are schema.org values and that are hidden by
    /// style or class, and 1.0 if it copies an earlier paragraph.
    pub marks: (f64, f64, f64),
    /// The index in `blocks` of the block its text was collected under.
    pub block: usize,
}

/// `structure_features`: one row of `STRUCTURE_COLUMNS` then `BLOCK_COLUMNS` per paragraph.
/// `blocks` is every block of the page, parents before children (each parent's index
/// below its children's); its totals are filled here.
pub fn structure_features(paragraphs: &[Owned], blocks: &mut [Block]) -> Vec<Vec<f64>> {
    if paragraphs.is_empty() {
        return Vec::new();
    }
    let chars: Vec<f64> = paragraphs
        .iter()
        .map(|p| p.text.chars().count() as f64)
        .collect();
    let prose: Vec<bool> = paragraphs
        .iter()
        .zip(&chars)
        .map(|(p, &c)| {
            c >= PROSE_CHARS && p.link_density < 0.5 && ends_with_any(p.text, ENDS_PROSE_BLOCK)
        })
        .collect();
    add_totals(paragraphs, &chars, &prose, blocks);
    add_scores(paragraphs, &chars, &prose, blocks);
    let main = main_block(blocks);
    let siblings = sibling_counts(blocks);
    let page_chars = chars.iter().fold(0.0, |a, &c| a + c);
    let page_chars = if page_chars == 0.0 { 1.0 } else { page_chars };
    let page_hidden = paragraphs
        .iter()
        .zip(&chars)
        .fold(0.0, |a, (p, &c)| a + c * p.marks.1)
        / page_chars;
    let main_chain = main.map(|m| ancestors(blocks, m)).unwrap_or_default();
    let main_share = main.map_or(0.0, |m| blocks[m].chars / page_chars);
    let repeats = |b: usize| -> f64 {
        let n = siblings
            .get(&(blocks[b].parent, blocks[b].signature.as_str()))
            .copied();
        ((n.unwrap_or(1) as f64) - 1.0).ln_1p()
    };

    let mut out = Vec::with_capacity(paragraphs.len());
    for (i, p) in paragraphs.iter().enumerate() {
        let (meta, hidden, copy) = p.marks;
        let mut row = Vec::with_capacity(STRUCTURE_WIDTH);
        row.extend([repeats(p.block), meta, hidden, page_hidden, copy]);
        match main {
            None => row.extend([0.0; 5]),
            Some(m) => row.extend(main_columns(blocks, m, &main_chain, p.block, i, main_share)),
        }
        let mut numbers = [-1.0; LEVELS];
        let mut ancestor = Some(p.block);
        for number in &mut numbers {
            ancestor = ancestor.and_then(|a| blocks[a].parent);
            *number = ancestor.map_or(-1.0, |a| a as f64);
            match ancestor {
                Some(a) if blocks[a].chars > 0.0 => {
                    let b = &blocks[a];
                    row.extend([
                        b.link_chars / b.chars,
                        b.prose_chars / b.chars,
                        b.chars.ln_1p(),
                        (b.paragraphs as f64).ln_1p(),
                        repeats(a),
                    ]);
                }
                _ => row.extend([1.0, 0.0, 0.0, 0.0, 0.0]),
            }
        }
        row.extend(numbers);
        out.push(row);
    }
    out
}

/// Each paragraph's characters, link characters and prose characters, added to its block
/// and every block above it.
fn add_totals(paragraphs: &[Owned], chars: &[f64], prose: &[bool], blocks: &mut [Block]) {
    for (i, p) in paragraphs.iter().enumerate() {
        let mut node = Some(p.block);
        while let Some(n) = node {
            let b = &mut blocks[n];
            b.chars += chars[i];
            b.link_chars += chars[i] * p.link_density;
            b.prose_chars += chars[i] * f64::from(u8::from(prose[i]));
            b.paragraphs += 1;
            b.first.get_or_insert(i);
            b.last = Some(i);
            node = b.parent;
        }
    }
}

/// Readability's candidate scores: a prose paragraph credits its parent fully and its
/// grandparent half.
fn add_scores(paragraphs: &[Owned], chars: &[f64], prose: &[bool], blocks: &mut [Block]) {
    for (i, p) in paragraphs.iter().enumerate() {
        if !prose[i] {
            continue;
        }
        let commas = p.text.matches(',').count() as f64;
        let credit = 1.0 + commas + (chars[i] / 100.0).floor().min(3.0);
        if let Some(parent) = blocks[p.block].parent {
            blocks[parent].score += credit;
            if let Some(grand) = blocks[parent].parent {
                blocks[grand].score += credit / 2.0;
            }
        }
    }
}

/// The block of the highest positive `(score + weight) * (1 - link share)`, the first one
/// on a tie.
fn main_block(blocks: &[Block]) -> Option<usize> {
    let mut main = None;
    let mut best = 0.0;
    for (n, b) in blocks.iter().enumerate() {
        if b.score <= 0.0 || b.chars <= 0.0 {
            continue;
        }
        let value = (b.score + b.weight) * (1.0 - b.link_chars / b.chars);
        if value > best {
            main = Some(n);
            best = value;
        }
    }
    main
}

/// How many blocks share each parent and signature.
fn sibling_counts(blocks: &[Block]) -> HashMap<(Option<usize>, &str), usize> {
    let mut counts = HashMap::with_capacity(blocks.len());
    for b in blocks {
        *counts.entry((b.parent, b.signature.as_str())).or_insert(0) += 1;
    }
    counts
}

/// Which blocks are `block` or above it.
fn ancestors(blocks: &[Block], block: usize) -> Vec<bool> {
    let mut chain = vec![false; blocks.len()];
    let mut node = Some(block);
    while let Some(n) = node {
        chain[n] = true;
        node = blocks[n].parent;
    }
    chain
}

/// `MAIN_COLUMNS` of paragraph `i` under `block`: whether it is inside the main block `main`
/// (`main_chain` marks it and its ancestors), how far up the two meet, how many
/// paragraphs lie between them, and the main block's share of the page.
fn main_columns(
    blocks: &[Block],
    main: usize,
    main_chain: &[bool],
    block: usize,
    i: usize,
    main_share: f64,
) -> [f64; 5] {
    let mut meet = None;
    let mut node = Some(block);
    while let Some(n) = node {
        if main_chain[n] {
            meet = Some(n);
            break;
        }
        node = blocks[n].parent;
    }
    let main_depth = f64::from(blocks[main].depth);
    let up = meet.map_or(main_depth + 1.0, |m| {
        main_depth - f64::from(blocks[m].depth)
    });
    let first = blocks[main].first.unwrap_or(0);
    let last = blocks[main].last.unwrap_or(0);
    [
        f64::from(u8::from(meet == Some(main))),
        up.ln_1p(),
        (first.saturating_sub(i) as f64).ln_1p(),
        (i.saturating_sub(last) as f64).ln_1p(),
        main_share,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROSE: &str = "A sentence of prose that runs on, long enough to read as an article's \
                         paragraph, and ends.";
    const NONE: &[&str] = &[];

    /// `blocks` with a `tag` block of `classes` and `tokens` under block `parent`.
    fn push(blocks: &mut Vec<Block>, parent: usize, tag: &str, classes: &str, tokens: &[&str]) {
        let block = Block::new(Some((parent, &blocks[parent])), tag, classes, tokens);
        blocks.push(block);
    }

    /// 0 top, 1 html, 2 body, 3 div.article, 4 and 5 p, 6 ul.nav
    fn page() -> Vec<Block> {
        let mut blocks = vec![Block::top()];
        push(&mut blocks, 0, "html", "", NONE);
        push(&mut blocks, 1, "body", "", NONE);
        push(&mut blocks, 2, "div", "Story  body", &["story", "body"]);
        push(&mut blocks, 3, "p", "", NONE);
        push(&mut blocks, 3, "p", "", NONE);
        push(&mut blocks, 2, "ul", "nav", &["nav"]);
        blocks
    }

    fn owned(text: &str, link_density: f64, block: usize) -> Owned<'_> {
        Owned {
            text,
            link_density,
            marks: (0.0, 0.0, 0.0),
            block,
        }
    }

    #[test]
    fn signatures_weights_and_depths_follow_the_markup() {
        let blocks = page();
        assert_eq!(blocks[3].signature, "div.body story");
        assert_eq!(blocks[3].weight, 25.0);
        assert_eq!(blocks[6].weight, -25.0);
        assert_eq!(Block::new(None, "div", "", &["story", "ad"]).weight, 0.0);
        assert_eq!(blocks[0].signature, ".");
        assert_eq!((blocks[0].depth, blocks[4].depth), (0, 4));
    }

    #[test]
    fn the_article_block_is_main_and_the_menu_is_outside_it() {
        let mut blocks = page();
        let paragraphs = [
            owned(PROSE, 0.0, 4),
            owned(PROSE, 0.0, 5),
            owned("Home", 1.0, 6),
        ];
        let rows = structure_features(&paragraphs, &mut blocks);
        assert_eq!(rows.len(), 3);
        assert!(rows.iter().all(|r| r.len() == STRUCTURE_WIDTH));
        // own_repeats: two p siblings of one shape.
        assert!((rows[0][0] - 1f64.ln_1p()).abs() < 1e-12);
        assert_eq!(rows[0][5], 1.0, "inside the main block");
        assert_eq!(rows[2][5], 0.0, "the menu is outside");
        assert!(
            (rows[2][6] - 1f64.ln_1p()).abs() < 1e-12,
            "they meet one level up"
        );
        assert!(rows[2][7].abs() < 1e-12 && (rows[2][8] - 1f64.ln_1p()).abs() < 1e-12);
        // up1 of the paragraphs is the article: no links, all prose.
        assert_eq!((rows[0][10], rows[0][11]), (0.0, 1.0));
        // block numbers: up1 = 3, up2 = 2, up3 = 1.
        assert_eq!(&rows[0][25..], &[3.0, 2.0, 1.0]);
        assert_eq!(&rows[2][25..], &[2.0, 1.0, 0.0]);
    }

    #[test]
    fn no_prose_means_no_main_block() {
        let mut blocks = page();
        let rows = structure_features(&[owned("Home", 1.0, 6)], &mut blocks);
        assert_eq!(&rows[0][5..10], &[0.0; 5]);
        assert!(structure_features(&[], &mut page()).is_empty());
    }

    #[test]
    fn above_the_top_the_levels_are_empty() {
        let mut blocks = vec![Block::top()];
        push(&mut blocks, 0, "html", "", NONE);
        let rows = structure_features(&[owned("x", 0.0, 1)], &mut blocks);
        // up1 is the top (holding text), up2 and up3 are above it.
        assert_eq!(
            &rows[0][15..25],
            &[1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0]
        );
        assert_eq!(&rows[0][25..], &[0.0, -1.0, -1.0]);
    }
}
