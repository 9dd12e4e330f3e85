//! Hashed n-gram counts as CSR matrices: what `CountVectorizer` counts, with columns from a
//! hash of the n-gram's text instead of a fitted vocabulary, for sklearn's `TfidfTransformer`
//! (or a binary `CountVectorizer`'s presence) to weight afterwards.
//!
//! The hash is XXH3-64 (`xxhash-rust`) of the n-gram's UTF-8 bytes with a seed per block:
//! its output is fixed by a frozen specification, the same on every platform, endianness and
//! crate version, so a model's columns stay valid across builds; it mixes well enough that the
//! low `bits` bits serve as the column; and it is among the fastest on the 3-30 byte keys of
//! n-grams. A block's seed keeps analyzers that share a column space from colliding
//! systematically.

use crate::ngrams::{for_each_ngram, Analyzer, Scratch};
use xxhash_rust::xxh3::xxh3_64_with_seed;

/// The most hash bits a block may take: 2^30 columns, so that two full blocks still fit the
/// `i32` column indices scipy reads.
pub const MAX_BITS: u32 = 30;

/// A compressed sparse row matrix, laid out as `scipy.sparse.csr_matrix((data, indices,
/// indptr), shape=(n_rows, n_cols))` reads it: row `r`'s entries are
/// `indptr[r]..indptr[r + 1]`, their columns ascending and distinct.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Csr {
    pub n_rows: usize,
    pub n_cols: usize,
    pub indptr: Vec<i64>,
    pub indices: Vec<i32>,
    pub data: Vec<f32>,
}

impl Csr {
    /// A matrix of `n_cols` columns and no rows yet.
    fn empty(n_cols: usize) -> Self {
        Csr {
            n_rows: 0,
            n_cols,
            indptr: vec![0],
            indices: Vec::new(),
            data: Vec::new(),
        }
    }

    /// The number of stored entries.
    pub fn nnz(&self) -> usize {
        self.indices.len()
    }

    /// Row `r`'s columns and values (empty past the last row or in a malformed matrix).
    pub fn row(&self, r: usize) -> (&[i32], &[f32]) {
        self.row_range(r)
            .and_then(|span| Some((self.indices.get(span.clone())?, self.data.get(span)?)))
            .unwrap_or((&[], &[]))
    }

    fn row_range(&self, r: usize) -> Option<std::ops::Range<usize>> {
        let a = usize::try_from(*self.indptr.get(r)?).ok()?;
        let b = usize::try_from(*self.indptr.get(r + 1)?).ok()?;
        (a <= b).then_some(a..b)
    }

    /// Whether the arrays agree with each other and the shape (a matrix built field by field
    /// may not): `hstack` checks its blocks with this rather than trust them.
    pub fn is_well_formed(&self) -> bool {
        self.indptr.len() == self.n_rows + 1
            && self.indptr.first() == Some(&0)
            && self.indptr.windows(2).all(|p| p[0] <= p[1])
            && self.indptr.last().and_then(|&n| usize::try_from(n).ok()) == Some(self.indices.len())
            && self.data.len() == self.indices.len()
            && self
                .indices
                .iter()
                .all(|&c| c >= 0 && (c as usize) < self.n_cols)
    }

    /// Appends a row from its columns (any order, repeated for counts), sorting them in
    /// place: sorted and summed, or set to 1 when `binary`.
    fn push_row(&mut self, cols: &mut [u32], binary: bool) {
        cols.sort_unstable();
        let mut rest = &cols[..];
        while let Some(&c) = rest.first() {
            let run = rest.iter().take_while(|&&x| x == c).count();
            self.indices.push(c as i32);
            self.data.push(if binary { 1.0 } else { run as f32 });
            rest = &rest[run..];
        }
        self.indptr.push(self.indices.len() as i64);
        self.n_rows += 1;
    }
}

/// The hash of an n-gram's text: its column in a block of `1 << bits` is the low `bits` bits.
#[inline]
pub fn ngram_hash(ngram: &str, seed: u64) -> u64 {
    xxh3_64_with_seed(ngram.as_bytes(), seed)
}

/// One row per document: the counts of its n-grams (as `analyzer` makes them) in
/// `1 << bits` hashed columns (`bits` at most `MAX_BITS`), or their presence when `binary`.
pub fn hashed_counts<'a>(
    docs: impl IntoIterator<Item = &'a str>,
    analyzer: &Analyzer,
    bits: u32,
    seed: u64,
    binary: bool,
) -> Csr {
    counts(docs, analyzer, bits, seed, binary, None)
}

/// `hashed_counts` with only the `kept` columns, renumbered `0..kept.len()` in their order:
/// what a fitted model reads. Each n-gram is looked up as it is hashed, so the columns
/// dropped are never sorted or stored.
pub fn kept_counts<'a>(
    docs: impl IntoIterator<Item = &'a str>,
    analyzer: &Analyzer,
    kept: &Kept,
    seed: u64,
    binary: bool,
) -> Csr {
    counts(docs, analyzer, kept.bits, seed, binary, Some(kept))
}

fn counts<'a>(
    docs: impl IntoIterator<Item = &'a str>,
    analyzer: &Analyzer,
    bits: u32,
    seed: u64,
    binary: bool,
    kept: Option<&Kept>,
) -> Csr {
    let bits = bits.min(MAX_BITS);
    let mask = (1u64 << bits) - 1;
    let mut csr = Csr::empty(kept.map_or(1 << bits, Kept::len));
    let mut scratch = Scratch::default();
    let mut cols: Vec<u32> = Vec::new();
    for doc in docs {
        cols.clear();
        match kept {
            None => for_each_ngram(doc, analyzer, &mut scratch, |g| {
                cols.push((ngram_hash(g, seed) & mask) as u32)
            }),
            Some(kept) => for_each_ngram(doc, analyzer, &mut scratch, |g| {
                if let Some(at) = kept.rank((ngram_hash(g, seed) & mask) as u32) {
                    cols.push(at)
                }
            }),
        }
        csr.push_row(&mut cols, binary);
    }
    csr
}

/// The columns of a `1 << bits` hashed block a fitted model keeps, each found in constant
/// time: a bit per column, and before each 64 of them the count of kept columns so far.
/// Built once per transform (a 2^22-column block takes 0.8 MB).
#[derive(Clone, Debug)]
pub struct Kept {
    bits: u32,
    set: Vec<u64>,
    before: Vec<u32>,
    len: usize,
}

impl Kept {
    /// `columns` must ascend, without repeats, below `1 << bits`.
    pub fn new(columns: &[i64], bits: u32) -> Result<Kept, String> {
        let bits = bits.min(MAX_BITS);
        let width = 1i64 << bits;
        if columns.windows(2).any(|w| w[0] >= w[1]) {
            return Err("columns must be ascending and distinct".into());
        }
        if columns.iter().any(|&c| c < 0 || c >= width) {
            return Err(format!("columns must lie in 0..{width}"));
        }
        let mut set = vec![0u64; (width as usize).div_ceil(64)];
        for &c in columns {
            set[(c >> 6) as usize] |= 1 << (c & 63);
        }
        let mut before = Vec::with_capacity(set.len());
        let mut total = 0u32;
        for word in &set {
            before.push(total);
            total += word.count_ones();
        }
        Ok(Kept {
            bits,
            set,
            before,
            len: columns.len(),
        })
    }

    /// How many columns are kept.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The place of hashed column `col` among the kept ones, or None when it is not kept.
    #[inline]
    pub fn rank(&self, col: u32) -> Option<u32> {
        let (word, bit) = ((col >> 6) as usize, col & 63);
        let w = *self.set.get(word)?;
        (w >> bit & 1 == 1).then(|| self.before[word] + (w & ((1u64 << bit) - 1)).count_ones())
    }
}

/// How `TfidfTransformer` weighs counts, applied to a `Csr` of counts: `1 + ln(count)` when
/// `sublinear`, times `idf[column]`, each row then divided by its Euclidean norm when `l2`
/// (a row of zeros left as it is). The order of operations is scikit-learn's, so the values
/// are its own but for the last bit of a logarithm (libm's against numpy's).
#[derive(Clone, Copy, Debug, Default)]
pub struct Weights<'a> {
    pub sublinear: bool,
    pub idf: Option<&'a [f64]>,
    pub l2: bool,
}

impl Csr {
    /// The weighted values of the stored entries, in their order. `None` when `idf` is
    /// shorter than the columns.
    pub fn weighted(&self, weights: &Weights) -> Option<Vec<f64>> {
        if weights.idf.is_some_and(|idf| idf.len() < self.n_cols) {
            return None;
        }
        let mut values: Vec<f64> = self.data.iter().map(|&c| f64::from(c)).collect();
        for r in 0..self.n_rows {
            let Some(span) = self.row_range(r) else {
                continue;
            };
            let (cols, row) = (&self.indices[span.clone()], &mut values[span]);
            if weights.sublinear {
                row.iter_mut().for_each(|v| *v = v.ln() + 1.0);
            }
            if let Some(idf) = weights.idf {
                row.iter_mut()
                    .zip(cols)
                    .for_each(|(v, &c)| *v *= idf[c as usize]);
            }
            if weights.l2 {
                let norm = row.iter().map(|v| v * v).sum::<f64>().sqrt();
                if norm != 0.0 {
                    row.iter_mut().for_each(|v| *v /= norm);
                }
            }
        }
        Some(values)
    }
}

/// Why blocks cannot be put side by side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StackError {
    /// Block `block` has `found` rows where the first has `expected`.
    RowsDiffer {
        block: usize,
        expected: usize,
        found: usize,
    },
    /// Block `block`'s arrays disagree with each other or its shape.
    Malformed { block: usize },
    /// The blocks' columns together pass what `i32` indices can address.
    TooManyColumns(usize),
}

impl std::fmt::Display for StackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StackError::RowsDiffer {
                block,
                expected,
                found,
            } => {
                write!(f, "block {block} has {found} rows, the first {expected}")
            }
            StackError::Malformed { block } => write!(f, "block {block} is not a well-formed CSR"),
            StackError::TooManyColumns(n) => write!(f, "{n} columns overflow i32 indices"),
        }
    }
}

impl std::error::Error for StackError {}

/// `scipy.sparse.hstack` of CSR blocks with the same rows: each block's columns follow the
/// previous blocks' (its indices offset by their widths), so each row stays sorted.
pub fn hstack(blocks: &[Csr]) -> Result<Csr, StackError> {
    let n_rows = blocks.first().map_or(0, |b| b.n_rows);
    let mut n_cols = 0usize;
    for (i, b) in blocks.iter().enumerate() {
        if b.n_rows != n_rows {
            return Err(StackError::RowsDiffer {
                block: i,
                expected: n_rows,
                found: b.n_rows,
            });
        }
        if !b.is_well_formed() {
            return Err(StackError::Malformed { block: i });
        }
        n_cols = n_cols.saturating_add(b.n_cols);
    }
    if n_cols > i32::MAX as usize + 1 {
        return Err(StackError::TooManyColumns(n_cols));
    }
    let nnz = blocks.iter().map(Csr::nnz).sum();
    let mut out = Csr {
        n_rows,
        n_cols,
        indptr: Vec::with_capacity(n_rows + 1),
        ..Csr::default()
    };
    out.indices.reserve(nnz);
    out.data.reserve(nnz);
    out.indptr.push(0);
    for r in 0..n_rows {
        let mut offset = 0i32;
        for b in blocks {
            let (cols, vals) = b.row(r);
            out.indices.extend(cols.iter().map(|&c| c + offset));
            out.data.extend_from_slice(vals);
            offset = offset.wrapping_add(b.n_cols as i32);
        }
        out.indptr.push(out.indices.len() as i64);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_are_tfidf_transformers() {
        let m = hashed_counts(
            ["b a a a", "", "c"],
            &Analyzer::Tokens { ngrams: (1, 1) },
            2,
            0,
            false,
        );
        let idf = [1.5, 2.0, 0.5, 1.0];
        let w = Weights {
            sublinear: true,
            idf: Some(&idf),
            l2: true,
        };
        let values = m.weighted(&w).unwrap();
        for r in [0, 2] {
            let (cols, counts) = m.row(r);
            let raw: Vec<f64> = cols
                .iter()
                .zip(counts)
                .map(|(&c, &n)| (f64::from(n).ln() + 1.0) * idf[c as usize])
                .collect();
            let norm = raw.iter().map(|v| v * v).sum::<f64>().sqrt();
            let span = m.indptr[r] as usize..m.indptr[r + 1] as usize;
            let expected: Vec<f64> = raw.iter().map(|v| v / norm).collect();
            assert_eq!(values[span], expected[..]);
        }
        assert_eq!(
            m.weighted(&Weights::default()).unwrap(),
            m.data.iter().map(|&c| f64::from(c)).collect::<Vec<_>>()
        );
        assert!(m
            .weighted(&Weights {
                idf: Some(&idf[..3]),
                ..w
            })
            .is_none());
    }

    #[test]
    fn kept_counts_are_the_full_counts_with_only_the_kept_columns() {
        let docs = [
            "the cat sat on the mat",
            "",
            "a dog and the cat",
            "mat mat mat",
        ];
        let full = hashed_counts(docs, &WORDS, 10, 7, false);
        let mut columns: Vec<i64> = full
            .indices
            .iter()
            .step_by(2)
            .map(|&c| i64::from(c))
            .collect();
        columns.sort_unstable();
        columns.dedup();
        columns.push(1023);
        let kept = Kept::new(&columns, 10).unwrap();
        let picked = kept_counts(docs, &WORDS, &kept, 7, false);
        assert_eq!(picked.n_cols, columns.len());
        assert!(picked.is_well_formed());
        for r in 0..docs.len() {
            let expected: Vec<(i32, f32)> = full
                .row(r)
                .0
                .iter()
                .zip(full.row(r).1)
                .filter_map(|(&c, &v)| {
                    columns
                        .binary_search(&i64::from(c))
                        .ok()
                        .map(|at| (at as i32, v))
                })
                .collect();
            let (cols, vals) = picked.row(r);
            assert_eq!(
                cols.iter()
                    .copied()
                    .zip(vals.iter().copied())
                    .collect::<Vec<_>>(),
                expected
            );
        }
        assert!(picked.nnz() > 0 && picked.nnz() < full.nnz());
        assert!(Kept::new(&[3, 3], 10).is_err() && Kept::new(&[1024], 10).is_err());
        assert!(Kept::new(&[], 10).unwrap().is_empty());
    }
    use crate::ngrams::ngrams;

    const WORDS: Analyzer = Analyzer::Words { ngrams: (1, 2) };
    const CHARS: Analyzer = Analyzer::CharWb { ngrams: (3, 5) };

    /// Each row's (column, value) pairs recomputed from the n-gram strings.
    fn expected_row(doc: &str, analyzer: &Analyzer, bits: u32, seed: u64) -> Vec<(i32, f32)> {
        let mut map = std::collections::BTreeMap::new();
        for g in ngrams(doc, analyzer) {
            *map.entry((ngram_hash(&g, seed) & ((1 << bits) - 1)) as i32)
                .or_insert(0.0) += 1.0;
        }
        map.into_iter().collect()
    }

    fn row_pairs(m: &Csr, r: usize) -> Vec<(i32, f32)> {
        let (c, v) = m.row(r);
        c.iter().copied().zip(v.iter().copied()).collect()
    }

    #[test]
    fn the_hash_is_pinned() {
        // XXH3-64 is a frozen spec: these values must never change, or fitted models break.
        assert_eq!(ngram_hash("", 0), 0x2D06800538D394C2);
        assert_eq!(ngram_hash("the cat", 0), xxh3_64_with_seed(b"the cat", 0));
        assert_ne!(ngram_hash("the cat", 0), ngram_hash("the cat", 1));
    }

    #[test]
    fn hashing_the_pieces_equals_hashing_the_joined_string() {
        // A bigram sliced from "red fox" and one joined from "red, fox" hash alike.
        let m = hashed_counts(
            ["red fox", "RED,\tfox"],
            &Analyzer::Words { ngrams: (2, 2) },
            20,
            7,
            false,
        );
        assert_eq!(row_pairs(&m, 0), row_pairs(&m, 1));
        let col = (ngram_hash("red fox", 7) & ((1 << 20) - 1)) as i32;
        assert_eq!(row_pairs(&m, 0), [(col, 1.0)]);
        // Tokens joined from tabs hash as the space-joined text.
        let t = hashed_counts(["a\tb"], &Analyzer::Tokens { ngrams: (2, 2) }, 20, 0, false);
        assert_eq!(
            t.row(0).0,
            [(ngram_hash("a b", 0) & ((1 << 20) - 1)) as i32]
        );
    }

    #[test]
    fn rows_are_sorted_summed_counts() {
        let docs = ["the cat the cat the", "", "a", "Ünïcödé words here, here"];
        for analyzer in [WORDS, CHARS] {
            let m = hashed_counts(docs, &analyzer, 18, 3, false);
            assert!(m.is_well_formed());
            assert_eq!((m.n_rows, m.n_cols), (4, 1 << 18));
            for (r, doc) in docs.iter().enumerate() {
                assert_eq!(row_pairs(&m, r), expected_row(doc, &analyzer, 18, 3));
                assert!(m.row(r).0.windows(2).all(|p| p[0] < p[1]));
            }
        }
        let m = hashed_counts(["the cat the cat the"], &WORDS, 18, 3, false);
        let the = (ngram_hash("the", 3) & ((1 << 18) - 1)) as i32;
        let at = m.row(0).0.iter().position(|&c| c == the);
        assert_eq!(at.map(|i| m.row(0).1[i]), Some(3.0));
    }

    #[test]
    fn binary_sets_presence() {
        let m = hashed_counts(
            ["b b b a"],
            &Analyzer::Tokens { ngrams: (1, 1) },
            16,
            0,
            true,
        );
        assert_eq!(m.data, [1.0, 1.0]);
        assert_eq!(m.nnz(), 2);
    }

    #[test]
    fn empty_batches_docs_and_bits() {
        let m = hashed_counts(std::iter::empty(), &WORDS, 20, 0, false);
        assert_eq!((m.n_rows, m.indptr.as_slice()), (0, &[0i64][..]));
        let m = hashed_counts(["", " ", "x"], &WORDS, 20, 0, false);
        assert_eq!(m.indptr, [0, 0, 0, 0]);
        let m = hashed_counts(["x"], &CHARS, 20, 0, false);
        assert_eq!(m.nnz(), 1);
        let one_col = hashed_counts(["many words here"], &WORDS, 0, 0, false);
        assert_eq!(
            (
                one_col.n_cols,
                one_col.indices.as_slice(),
                one_col.data.as_slice()
            ),
            (1, &[0][..], &[5.0f32][..])
        );
        assert_eq!(
            hashed_counts(["a"], &WORDS, 99, 0, false).n_cols,
            1 << MAX_BITS
        );
    }

    #[test]
    fn a_megabyte_document_makes_one_row() {
        let doc = "lorem ipsum dolor sit amet ".repeat(40_000);
        let m = hashed_counts([doc.as_str()], &CHARS, 20, 0, false);
        assert_eq!(m.n_rows, 1);
        let total: f32 = m.data.iter().sum();
        assert_eq!(total as usize, ngrams(&doc, &CHARS).len());
    }

    #[test]
    fn hstack_offsets_columns_block_by_block() {
        let docs = ["one two", "three"];
        let a = hashed_counts(docs, &WORDS, 4, 1, false);
        let b = hashed_counts(docs, &CHARS, 5, 2, true);
        let m = hstack(&[a.clone(), b.clone()]).expect("same rows");
        assert!(m.is_well_formed());
        assert_eq!(
            (m.n_rows, m.n_cols, m.nnz()),
            (2, 16 + 32, a.nnz() + b.nnz())
        );
        for r in 0..2 {
            let (cols, vals) = m.row(r);
            let (ac, av) = a.row(r);
            let (bc, bv) = b.row(r);
            assert_eq!(&cols[..ac.len()], ac);
            assert!(cols[ac.len()..].iter().zip(bc).all(|(&c, &x)| c == x + 16));
            assert_eq!(vals, [av, bv].concat());
            assert!(cols.windows(2).all(|p| p[0] < p[1]));
        }
        assert_eq!(hstack(&[]).map(|m| (m.n_rows, m.n_cols)), Ok((0, 0)));
    }

    #[test]
    fn hstack_refuses_what_it_cannot_stack() {
        let a = hashed_counts(["x y"], &WORDS, 4, 0, false);
        let b = hashed_counts(["x", "y"], &WORDS, 4, 0, false);
        assert_eq!(
            hstack(&[a.clone(), b]),
            Err(StackError::RowsDiffer {
                block: 1,
                expected: 1,
                found: 2
            })
        );
        let mut bad = a.clone();
        bad.indptr = vec![0, 99];
        assert_eq!(
            hstack(&[a.clone(), bad]),
            Err(StackError::Malformed { block: 1 })
        );
        let wide = Csr {
            n_cols: 1 << 31,
            ..Csr::empty(0)
        };
        let wide = Csr { n_rows: 0, ..wide };
        assert_eq!(
            hstack(&[wide.clone(), wide]),
            Err(StackError::TooManyColumns(1 << 32))
        );
    }
}
