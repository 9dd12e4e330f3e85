//! The `winnow._core` extension module: the engine behind a small Python surface.
//!
//! Every call copies its inputs out of Python objects, releases the GIL while the engine
//! works, and builds numpy arrays (and the few lists of strings the records need) at the end.
//! A page that trips the engine, by a limit or by a bug, becomes that page's error string:
//! no panic crosses into Python.

use std::panic::{catch_unwind, AssertUnwindSafe};

use numpy::ndarray::Array2;
use numpy::{IntoPyArray, PyArray1, PyArray2};
use pyo3::create_exception;
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

use crate::forest::TreeNodes;
use crate::ngrams::Analyzer;
use crate::paragraph::{Limits, Paragraph, Refusal};
use crate::sequence::SequenceInput;
use crate::{
    forest, glued, html, repetition, sequence, shape, sparse, stats, structure, table, text,
};

create_exception!(
    _core,
    PageTooLarge,
    PyValueError,
    "A page over one of the segmenter's bounds (elements, nesting, characters of text, \
     paragraphs, time): refused, so that the batch gets an error record for it."
);
create_exception!(
    _core,
    MarkupTooDeep,
    PageTooLarge,
    "Markup nested deeper than a tree can be built in reasonable time: refused before parsing."
);

/// One page as the engine reads it.
enum Input {
    Html(String),
    Text(String),
    Lines(Vec<String>),
}

impl Input {
    fn segment(&self, limits: &Limits) -> Result<Vec<Paragraph>, Refusal> {
        match self {
            Input::Html(html) => html::segment_html(html, limits),
            Input::Text(text) => text::segment_text(text, limits),
            Input::Lines(lines) => {
                let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
                text::segment_lines(&lines, limits)
            }
        }
    }
}

/// A str as Rust owns it. A lone surrogate (valid in a Python str, not in UTF-8) becomes a
/// space, as the Python cleaner blanked it (category Cs is not printable).
fn owned(value: &Bound<'_, PyAny>) -> PyResult<String> {
    let value = value.cast::<PyString>()?;
    if let Ok(text) = value.to_str() {
        return Ok(text.to_owned());
    }
    let units = value.call_method1("encode", ("utf-16-le", "surrogatepass"))?;
    let bytes = units.cast::<pyo3::types::PyBytes>()?.as_bytes();
    let units = bytes
        .chunks_exact(2)
        .map(|b| u16::from_le_bytes([b[0], b[1]]));
    Ok(char::decode_utf16(units)
        .map(|c| c.unwrap_or(' '))
        .collect())
}

fn owned_list(values: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    values.try_iter()?.map(|v| owned(&v?)).collect()
}

/// The message of a caught panic.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}

/// Run `f` with the GIL released; a panic becomes a `RuntimeError`.
fn engine<T: Send>(py: Python<'_>, f: impl FnOnce() -> T + Send) -> PyResult<T> {
    py.detach(|| catch_unwind(AssertUnwindSafe(f)))
        .map_err(|p| PyRuntimeError::new_err(format!("winnow core: {}", panic_message(&*p))))
}

/// A page's time limit must be a number of seconds, 0 (or infinity) for none.
fn check_seconds(max_seconds: f64) -> PyResult<()> {
    if max_seconds >= 0.0 {
        Ok(())
    } else {
        Err(PyValueError::new_err(format!(
            "max_seconds must be 0 (no limit) or more, not {max_seconds}"
        )))
    }
}

/// One page segmented and tabulated, or the error its record gets.
struct PageOut {
    paragraphs: Vec<Paragraph>,
    numeric: Vec<f64>,
    edges: Vec<String>,
}

fn page_out(input: &Input, limits: Limits) -> Result<PageOut, String> {
    let paragraphs = input.segment(&limits).map_err(|r| format!("limit: {r}"))?;
    if paragraphs.is_empty() {
        return Err("empty: no text found on the page".into());
    }
    let mut numeric = Vec::new();
    let edges = table::page_table(&paragraphs, &mut numeric);
    Ok(PageOut {
        paragraphs,
        numeric,
        edges,
    })
}

fn read_input(item: &Bound<'_, PyAny>) -> PyResult<Input> {
    let pair = item.cast::<PyTuple>()?;
    let kind: String = pair.get_item(0)?.extract()?;
    read_kind(&kind, &pair.get_item(1)?)
}

fn read_kind(kind: &str, content: &Bound<'_, PyAny>) -> PyResult<Input> {
    match kind {
        "html" => Ok(Input::Html(owned(content)?)),
        "text" => Ok(Input::Text(owned(content)?)),
        "lines" => Ok(Input::Lines(owned_list(content)?)),
        other => Err(PyValueError::new_err(format!(
            "page kind must be html, text or lines, not {other:?}"
        ))),
    }
}

/// Segment and tabulate a batch of pages, each a `(kind, content)` pair: `("html", str)`,
/// `("text", str)` or `("lines", list[str])`.
///
/// Returns a dict of columns over all the pages' paragraphs: `offsets` (page `i`'s rows are
/// `offsets[i]:offsets[i+1]`), `errors` (None or the page's error record: `limit: ...`,
/// `empty: ...`, `segment: ...`), the strings `text`, `tag`, `path`, `attrs`,
/// `block_attrs`, `edges`, the integers `line` and `depth`, and `numeric`, the
/// `NUMERIC_COLUMNS` as one float64 matrix. `max_paragraphs` and `max_seconds` (0: none)
/// bound each page.
#[pyfunction]
#[pyo3(signature = (pages, max_paragraphs=0, max_seconds=0.0))]
fn segment_pages<'py>(
    py: Python<'py>,
    pages: &Bound<'py, PyAny>,
    max_paragraphs: usize,
    max_seconds: f64,
) -> PyResult<Bound<'py, PyDict>> {
    check_seconds(max_seconds)?;
    let inputs: Vec<Input> = pages
        .try_iter()?
        .map(|p| read_input(&p?))
        .collect::<PyResult<_>>()?;
    let results: Vec<Result<PageOut, String>> = py.detach(|| {
        inputs
            .iter()
            .map(|input| {
                let limits = Limits::new(max_paragraphs, max_seconds);
                catch_unwind(AssertUnwindSafe(|| page_out(input, limits))).unwrap_or_else(|p| {
                    Err(format!("segment: internal error: {}", panic_message(&*p)))
                })
            })
            .collect()
    });
    columns(py, results)
}

/// One page segmented and tabulated, as `segment_pages` gives a page's columns; a page over
/// a bound raises `PageTooLarge` (`MarkupTooDeep` for nesting) instead of an error string.
#[pyfunction]
#[pyo3(signature = (kind, content, max_paragraphs=0, max_seconds=0.0))]
fn segment<'py>(
    py: Python<'py>,
    kind: &str,
    content: &Bound<'py, PyAny>,
    max_paragraphs: usize,
    max_seconds: f64,
) -> PyResult<Bound<'py, PyDict>> {
    check_seconds(max_seconds)?;
    let input = read_kind(kind, content)?;
    let result = engine(py, || {
        let paragraphs = input.segment(&Limits::new(max_paragraphs, max_seconds))?;
        let mut numeric = Vec::new();
        let edges = table::page_table(&paragraphs, &mut numeric);
        Ok(PageOut {
            paragraphs,
            numeric,
            edges,
        })
    })?;
    match result {
        Ok(page) => columns(py, vec![Ok(page)]),
        Err(Refusal::TooDeep(message)) => Err(MarkupTooDeep::new_err(message)),
        Err(refusal) => Err(PageTooLarge::new_err(refusal.to_string())),
    }
}

fn columns<'py>(
    py: Python<'py>,
    results: Vec<Result<PageOut, String>>,
) -> PyResult<Bound<'py, PyDict>> {
    let width = table::n_numeric();
    let total: usize = results
        .iter()
        .map(|r| r.as_ref().map_or(0, |p| p.paragraphs.len()))
        .sum();
    let mut offsets = Vec::with_capacity(results.len() + 1);
    offsets.push(0i64);
    let mut errors: Vec<Option<String>> = Vec::with_capacity(results.len());
    let mut numeric = Vec::with_capacity(total * width);
    let mut lines = Vec::with_capacity(total);
    let mut depths = Vec::with_capacity(total);
    let mut strings: [Vec<Bound<'py, PyString>>; 6] = Default::default();
    for result in results {
        match result {
            Ok(page) => {
                for (p, edge) in page.paragraphs.iter().zip(&page.edges) {
                    for (column, value) in strings.iter_mut().zip([
                        p.text.as_str(),
                        &p.tag,
                        &p.path,
                        &p.attrs,
                        &p.block_attrs,
                        edge,
                    ]) {
                        column.push(PyString::new(py, value));
                    }
                    lines.push(i64::from(p.line));
                    depths.push(i64::from(p.depth));
                }
                numeric.extend_from_slice(&page.numeric);
                errors.push(None);
            }
            Err(message) => errors.push(Some(message)),
        }
        offsets.push(lines.len() as i64);
    }
    let out = PyDict::new(py);
    out.set_item("offsets", PyArray1::from_vec(py, offsets))?;
    out.set_item("errors", errors)?;
    for (name, column) in ["text", "tag", "path", "attrs", "block_attrs", "edges"]
        .into_iter()
        .zip(strings)
    {
        out.set_item(name, PyList::new(py, column)?)?;
    }
    out.set_item("line", PyArray1::from_vec(py, lines))?;
    out.set_item("depth", PyArray1::from_vec(py, depths))?;
    out.set_item("numeric", matrix(py, numeric, width)?)?;
    Ok(out)
}

fn matrix<'py>(
    py: Python<'py>,
    values: Vec<f64>,
    width: usize,
) -> PyResult<Bound<'py, PyArray2<f64>>> {
    let rows = if width == 0 { 0 } else { values.len() / width };
    Array2::from_shape_vec((rows, width), values)
        .map(|a| a.into_pyarray(py))
        .map_err(|e| PyValueError::new_err(e.to_string()))
}

/// The numeric table of paragraphs given by their fields (paragraphs made or cut outside
/// the segmenter, such as glued chaff cut off a line): `(numeric, edges)`.
#[pyfunction]
#[pyo3(signature = (texts, link_density, depth, structure=None))]
fn paragraph_table<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    link_density: Vec<f64>,
    depth: Vec<u32>,
    structure: Option<Vec<Vec<f64>>>,
) -> PyResult<(Bound<'py, PyArray2<f64>>, Vec<String>)> {
    let texts = owned_list(texts)?;
    if link_density.len() != texts.len() || depth.len() != texts.len() {
        return Err(PyValueError::new_err(
            "texts, link_density and depth differ in length",
        ));
    }
    let mut structure = structure.unwrap_or_default();
    let width = structure::STRUCTURE_WIDTH;
    if !structure.is_empty() && structure.len() != texts.len()
        || structure
            .iter()
            .any(|row| !row.is_empty() && row.len() != width)
    {
        return Err(PyValueError::new_err(format!(
            "structure needs one row a text, each empty or of {width} values"
        )));
    }
    structure.resize(texts.len(), Vec::new());
    let paragraphs: Vec<Paragraph> = texts
        .into_iter()
        .zip(link_density)
        .zip(depth)
        .zip(structure)
        .map(|(((text, link_density), depth), structure)| Paragraph {
            text,
            link_density,
            depth,
            structure,
            ..Paragraph::default()
        })
        .collect();
    let (numeric, edges) = engine(py, || {
        let mut numeric = Vec::new();
        let edges = table::page_table(&paragraphs, &mut numeric);
        (numeric, edges)
    })?;
    Ok((matrix(py, numeric, table::n_numeric())?, edges))
}

/// A float matrix with one row of `f(text)` per text.
fn per_text<'py, const N: usize>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    f: fn(&str) -> [f64; N],
) -> PyResult<Bound<'py, PyArray2<f64>>> {
    let texts = owned_list(texts)?;
    let values = engine(py, || texts.iter().flat_map(|t| f(t)).collect::<Vec<f64>>())?;
    matrix(py, values, N)
}

/// `TEXT_STATISTICS` of each text, one row a text.
#[pyfunction]
fn text_statistics<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyArray2<f64>>> {
    per_text(py, texts, stats::text_statistics)
}

/// `LINE_SHAPE` of each text, one row a text.
#[pyfunction]
fn line_shapes<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyArray2<f64>>> {
    per_text(py, texts, shape::line_shape)
}

/// The edge tokens of each text.
#[pyfunction]
fn edge_tokens(py: Python<'_>, texts: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    let texts = owned_list(texts)?;
    engine(py, || texts.iter().map(|t| shape::edge_tokens(t)).collect())
}

/// Each text in the form lines are compared in.
#[pyfunction]
fn normalise_lines(py: Python<'_>, texts: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    let texts = owned_list(texts)?;
    engine(py, || {
        texts
            .iter()
            .map(|t| repetition::normalise_line(t))
            .collect()
    })
}

/// Per text, log1p of how many other texts of the page read the same.
#[pyfunction]
fn page_repeats<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyArray1<f64>>> {
    let texts = owned_list(texts)?;
    let values = engine(py, || {
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        repetition::page_repeats(&refs)
    })?;
    Ok(PyArray1::from_vec(py, values))
}

/// A URL without scheme, `www.`, query, fragment or trailing slash; "" for none.
#[pyfunction]
#[pyo3(signature = (url))]
fn url_key(url: Option<&str>) -> String {
    repetition::url_key(url)
}

/// `OUTLET_COLUMNS` for each page of a collection, one matrix a page.
#[pyfunction]
#[pyo3(signature = (domains, urls, texts, max_pages=1000))]
fn outlet_columns<'py>(
    py: Python<'py>,
    domains: &Bound<'py, PyAny>,
    urls: Vec<Option<String>>,
    texts: &Bound<'py, PyAny>,
    max_pages: usize,
) -> PyResult<Vec<Bound<'py, PyArray2<f64>>>> {
    let domains = owned_list(domains)?;
    let texts: Vec<Vec<String>> = texts
        .try_iter()?
        .map(|t| owned_list(&t?))
        .collect::<PyResult<_>>()?;
    if max_pages == 0 {
        return Err(PyValueError::new_err("max_pages must be positive"));
    }
    if urls.len() != domains.len() || texts.len() != domains.len() {
        return Err(PyValueError::new_err(
            "domains, urls and texts differ in length",
        ));
    }
    let pages = engine(py, || {
        let domains: Vec<&str> = domains.iter().map(String::as_str).collect();
        let urls: Vec<Option<&str>> = urls.iter().map(Option::as_deref).collect();
        let texts: Vec<Vec<&str>> = texts
            .iter()
            .map(|t| t.iter().map(String::as_str).collect())
            .collect();
        repetition::outlet_columns(&domains, &urls, &texts, max_pages)
    })?;
    pages
        .into_iter()
        .map(|rows| {
            matrix(
                py,
                rows.into_iter().flatten().collect(),
                repetition::OUTLET_COLUMNS.len(),
            )
        })
        .collect()
}

/// Hashed n-gram counts of each text as CSR parts `(data, indices, indptr, (rows, cols))`.
/// `analyzer` is `words` (lowercased word n-grams as scikit-learn's word analyzer makes
/// them), `char_wb` (character n-grams inside word boundaries) or `tokens` (space-separated
/// tokens as they are); `2**bits` columns; `seed` keeps blocks apart. With `columns`
/// (ascending hashed columns, as a fitted model keeps them) only those are counted, as
/// columns `0..len(columns)`. The values are float64 counts, or weighted as
/// `TfidfTransformer` weighs them: `sublinear` (1 + ln), `idf` (one a column) and `l2`.
#[pyfunction]
#[pyo3(signature = (
    texts, analyzer, ngram_range, bits, seed=0, binary=false, columns=None, idf=None,
    sublinear=false, l2=false
))]
#[allow(clippy::too_many_arguments)]
fn hashed_counts<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    analyzer: &str,
    ngram_range: (usize, usize),
    bits: u32,
    seed: u64,
    binary: bool,
    columns: Option<numpy::PyReadonlyArray1<'py, i64>>,
    idf: Option<numpy::PyReadonlyArray1<'py, f64>>,
    sublinear: bool,
    l2: bool,
) -> PyResult<Bound<'py, PyTuple>> {
    let columns: Option<Vec<i64>> = columns.map(|c| c.as_array().to_vec());
    let idf: Option<Vec<f64>> = idf.map(|w| w.as_array().to_vec());
    if idf.as_ref().map(Vec::len) != columns.as_ref().map(Vec::len) && idf.is_some() {
        return Err(PyValueError::new_err(
            "idf needs columns, one weight for each",
        ));
    }
    let analyzer = match analyzer {
        "words" => Analyzer::Words {
            ngrams: ngram_range,
        },
        "char_wb" => Analyzer::CharWb {
            ngrams: ngram_range,
        },
        "tokens" => Analyzer::Tokens {
            ngrams: ngram_range,
        },
        other => return Err(PyValueError::new_err(format!("unknown analyzer {other:?}"))),
    };
    if ngram_range.0 == 0 || ngram_range.0 > ngram_range.1 || !(1..=30).contains(&bits) {
        return Err(PyValueError::new_err(
            "need 1 <= ngram_range[0] <= ngram_range[1] and 1 <= bits <= 30",
        ));
    }
    let kept = match &columns {
        Some(columns) => Some(sparse::Kept::new(columns, bits).map_err(PyValueError::new_err)?),
        None => None,
    };
    let texts = owned_list(texts)?;
    let (csr, values) = engine(py, || {
        let docs = texts.iter().map(String::as_str);
        let mut csr = match &kept {
            Some(kept) => sparse::kept_counts(docs, &analyzer, kept, seed, binary),
            None => sparse::hashed_counts(docs, &analyzer, bits, seed, binary),
        };
        let weights = sparse::Weights {
            sublinear,
            idf: idf.as_deref(),
            l2,
        };
        let values = csr
            .weighted(&weights)
            .expect("idf has a weight for each column");
        csr.data = Vec::new();
        (csr, values)
    })?;
    let shape = (csr.n_rows, csr.n_cols);
    PyTuple::new(
        py,
        [
            PyArray1::from_vec(py, values).into_any(),
            PyArray1::from_vec(py, csr.indices).into_any(),
            PyArray1::from_vec(py, csr.indptr).into_any(),
            shape.into_pyobject(py)?.into_any(),
        ],
    )
}

/// How deep the tags of raw markup nest, counted up to just past `stop`.
#[pyfunction]
#[pyo3(signature = (markup, stop=html::MAX_NESTING))]
fn markup_depth(py: Python<'_>, markup: &Bound<'_, PyAny>, stop: usize) -> PyResult<usize> {
    let markup = owned(markup)?;
    engine(py, || html::markup_depth(&markup, stop))
}

/// Word tokens of a class or id value: `storyBody__promo-2` -> story, body, promo.
#[pyfunction]
fn attr_tokens(value: &str) -> Vec<String> {
    html::attr_tokens(value)
}

/// A float array's values in row-major order, whatever its layout.
fn floats<D: numpy::ndarray::Dimension>(a: &numpy::PyReadonlyArray<'_, f64, D>) -> Vec<f64> {
    a.as_array().iter().copied().collect()
}

/// The second pass's `SEQUENCE_COLUMNS` for rows of a paragraph table of one or more pages
/// (`features/sequence.py` says what each reads); `markup=False` reads only `texts`, `own`,
/// `margins` and `pages`, and the rest may be empty.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
fn sequence_features<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    paths: &Bound<'py, PyAny>,
    block_attrs: &Bound<'py, PyAny>,
    attrs: &Bound<'py, PyAny>,
    own: numpy::PyReadonlyArray2<'py, f64>,
    links: numpy::PyReadonlyArray1<'py, f64>,
    structure: numpy::PyReadonlyArray2<'py, f64>,
    blocks: numpy::PyReadonlyArray2<'py, i64>,
    margins: numpy::PyReadonlyArray1<'py, f64>,
    pages: numpy::PyReadonlyArray1<'py, i64>,
    markup: bool,
) -> PyResult<Bound<'py, PyArray2<f64>>> {
    for (name, (rows, columns), want) in [
        ("own", own.as_array().dim(), sequence::OWN_WIDTH),
        (
            "structure",
            structure.as_array().dim(),
            structure::STRUCTURE_COLUMNS.len(),
        ),
        ("blocks", blocks.as_array().dim(), sequence::BLOCK_WIDTH),
    ] {
        if rows > 0 && columns != want {
            return Err(PyValueError::new_err(format!(
                "{name} has {columns} columns, not {want}"
            )));
        }
    }
    let (texts, paths) = (owned_list(texts)?, owned_list(paths)?);
    let (block_attrs, attrs) = (owned_list(block_attrs)?, owned_list(attrs)?);
    let (own, links, structure) = (floats(&own), floats(&links), floats(&structure));
    let blocks: Vec<i64> = blocks.as_array().iter().copied().collect();
    let (margins, pages): (Vec<f64>, Vec<i64>) =
        (floats(&margins), pages.as_array().iter().copied().collect());
    fn refs(v: &[String]) -> Vec<&str> {
        v.iter().map(String::as_str).collect()
    }
    let values = engine(py, || {
        let (texts, paths, block_attrs, attrs) =
            (refs(&texts), refs(&paths), refs(&block_attrs), refs(&attrs));
        let input = SequenceInput {
            texts: &texts,
            paths: &paths,
            block_attrs: &block_attrs,
            attrs: &attrs,
            own: &own,
            links: &links,
            structure: &structure,
            blocks: &blocks,
            margins: &margins,
            pages: &pages,
        };
        input
            .check(markup)
            .map(|()| sequence::sequence_features(&input, markup))
    })?
    .map_err(PyValueError::new_err)?;
    matrix(py, values, sequence::WIDTH)
}

/// The glued-chaff cutter's candidate cuts of a text page's paragraphs: per paragraph, the
/// character offsets where chaff could end or begin, with the seam rule (a cut near a
/// paragraph's start only where the piece before it did not end a sentence of its line).
#[pyfunction]
fn glued_candidates(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    lines: Vec<u32>,
) -> PyResult<Vec<Vec<usize>>> {
    let texts = owned_list(texts)?;
    if lines.len() != texts.len() {
        return Err(PyValueError::new_err("texts and lines differ in length"));
    }
    engine(py, || {
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        glued::page_candidates(&refs, &lines)
    })
}

/// The candidate cuts of one text: where chaff could end (`at_start`) or begin (`at_end`).
#[pyfunction]
#[pyo3(signature = (text, at_start=true, at_end=true))]
fn candidate_cuts(text: &str, at_start: bool, at_end: bool) -> Vec<usize> {
    glued::candidate_cuts(text, at_start, at_end)
}

/// `CUT_COLUMNS` rows for the cuts of many texts: `cuts[k]` are text `k`'s offsets,
/// `sides` one row `(left, right)` of log-odds per cut in order, `wholes[k]` text `k`'s.
#[pyfunction]
fn cut_features<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    cuts: Vec<Vec<usize>>,
    sides: numpy::PyReadonlyArray2<'py, f64>,
    wholes: Vec<f64>,
) -> PyResult<Bound<'py, PyArray2<f64>>> {
    let texts = owned_list(texts)?;
    let total: usize = cuts.iter().map(Vec::len).sum();
    if cuts.len() != texts.len()
        || wholes.len() != texts.len()
        || sides.as_array().dim() != (total, 2)
    {
        return Err(PyValueError::new_err(
            "texts, cuts, sides (one row of two a cut) and wholes do not match",
        ));
    }
    for (text, cs) in texts.iter().zip(&cuts) {
        let chars = text.chars().count();
        if let Some(&bad) = cs.iter().find(|&&c| c == 0 || c >= chars) {
            return Err(PyValueError::new_err(format!(
                "cut {bad} is not inside a text of {chars} characters"
            )));
        }
    }
    let sides = floats(&sides);
    let values = engine(py, || {
        let pairs: Vec<[f64; 2]> = sides.chunks_exact(2).map(|s| [s[0], s[1]]).collect();
        let mut at = 0;
        let mut out = Vec::with_capacity(total * glued::CUT_COLUMNS.len());
        for ((text, cs), whole) in texts.iter().zip(&cuts).zip(&wholes) {
            out.extend(glued::cut_features(
                text,
                cs,
                &pairs[at..at + cs.len()],
                *whole,
            ));
            at += cs.len();
        }
        out
    })?;
    matrix(py, values, glued::CUT_COLUMNS.len())
}

/// The seams to cut of one text: the likeliest near its start and near its end, each kept
/// when `p_seam` is at least `threshold` and the piece it cuts off scores below the rest.
#[pyfunction]
fn best_cuts(
    py: Python<'_>,
    cuts: Vec<usize>,
    rows: numpy::PyReadonlyArray2<'_, f64>,
    p_seam: numpy::PyReadonlyArray1<'_, f64>,
    threshold: f64,
) -> PyResult<Vec<usize>> {
    let shape = rows.as_array().dim();
    if shape != (cuts.len(), glued::CUT_COLUMNS.len()) || p_seam.len()? != cuts.len() {
        return Err(PyValueError::new_err(format!(
            "{} cuts need rows of shape ({0}, {}) and {0} probabilities, not {shape:?} and {}",
            cuts.len(),
            glued::CUT_COLUMNS.len(),
            p_seam.len()?
        )));
    }
    let (rows, p_seam) = (floats(&rows), floats(&p_seam));
    engine(py, || glued::best_cuts(&cuts, &rows, &p_seam, threshold))
}

/// `clean_text`: NFC, no control characters, white space collapsed.
#[pyfunction]
fn clean_text(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<String> {
    let value = owned(value)?;
    engine(py, || text::clean_text(&value))
}

/// `split_sentences`: a line's sentences.
#[pyfunction]
fn split_sentences(py: Python<'_>, line: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    let line = owned(line)?;
    engine(py, || text::split_sentences(&line))
}

/// Panic inside the engine, for the test that holds the promise above: the caller gets a
/// `RuntimeError`, never a `PanicException` or a dead process.
#[pyfunction]
fn _panic(py: Python<'_>, message: String) -> PyResult<()> {
    engine(py, || -> () { panic!("{message}") })
}

/// A fitted binary `HistGradientBoostingClassifier`'s trees, scored by the core
/// (`models/trees.py` reads them out of scikit-learn).
#[pyclass(frozen, module = "winnow._core")]
struct Forest {
    inner: forest::Forest,
}

#[pymethods]
impl Forest {
    /// `trees`: one `(value, feature_idx, num_threshold, missing_go_to_left, left, right,
    /// is_leaf)` tuple of arrays per tree, as in `predictor.nodes`; `ValueError` when they do
    /// not make trees over `features` columns.
    #[new]
    fn new(trees: &Bound<'_, PyAny>, baseline: f64, features: usize) -> PyResult<Self> {
        let mut read = Vec::new();
        for tree in trees.try_iter()? {
            let tree = tree?;
            let column = |i: usize| tree.get_item(i);
            read.push(TreeNodes {
                value: column(0)?
                    .extract::<numpy::PyReadonlyArray1<f64>>()?
                    .as_array()
                    .to_vec(),
                feature: column(1)?
                    .extract::<numpy::PyReadonlyArray1<i64>>()?
                    .as_array()
                    .to_vec(),
                threshold: column(2)?
                    .extract::<numpy::PyReadonlyArray1<f64>>()?
                    .as_array()
                    .to_vec(),
                missing_left: bools(&column(3)?)?,
                left: column(4)?
                    .extract::<numpy::PyReadonlyArray1<u32>>()?
                    .as_array()
                    .to_vec(),
                right: column(5)?
                    .extract::<numpy::PyReadonlyArray1<u32>>()?
                    .as_array()
                    .to_vec(),
                leaf: bools(&column(6)?)?,
            });
        }
        let inner =
            forest::Forest::new(&read, baseline, features).map_err(PyValueError::new_err)?;
        Ok(Forest { inner })
    }

    /// The raw score (log-odds) of each row of `x` (rows x `features`, float64).
    fn raw_predict<'py>(
        &self,
        py: Python<'py>,
        x: numpy::PyReadonlyArray2<'py, f64>,
    ) -> PyResult<Bound<'py, PyArray1<f64>>> {
        let view = x.as_array();
        if view.ncols() != self.inner.features() {
            return Err(PyValueError::new_err(format!(
                "X has {} columns, the trees read {}",
                view.ncols(),
                self.inner.features()
            )));
        }
        let owned;
        let values: &[f64] = match view.as_slice() {
            Some(values) => values,
            None => {
                owned = view.iter().copied().collect::<Vec<f64>>();
                &owned
            }
        };
        let inner = &self.inner;
        Ok(engine(py, || inner.raw_predict(values))?.into_pyarray(py))
    }
}

/// A uint8 or bool array as bools.
fn bools(a: &Bound<'_, PyAny>) -> PyResult<Vec<bool>> {
    if let Ok(a) = a.extract::<numpy::PyReadonlyArray1<u8>>() {
        return Ok(a.as_array().iter().map(|&b| b != 0).collect());
    }
    Ok(a.extract::<numpy::PyReadonlyArray1<bool>>()?
        .as_array()
        .to_vec())
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("PageTooLarge", py.get_type::<PageTooLarge>())?;
    m.add("MarkupTooDeep", py.get_type::<MarkupTooDeep>())?;
    m.add("NUMERIC_COLUMNS", table::numeric_columns())?;
    m.add("PLACE_COLUMNS", table::PLACE_COLUMNS.to_vec())?;
    m.add("LINK_COLUMNS", table::LINK_COLUMNS.to_vec())?;
    m.add("MIN_CONTENT_WORDS", crate::vocabulary::MIN_CONTENT_WORDS)?;
    m.add("LINE_SHAPE", shape::LINE_SHAPE.to_vec())?;
    m.add("TEXT_STATISTICS", stats::TEXT_STATISTICS.to_vec())?;
    m.add("STRUCTURE_COLUMNS", structure::STRUCTURE_COLUMNS.to_vec())?;
    m.add("BLOCK_COLUMNS", structure::BLOCK_COLUMNS.to_vec())?;
    m.add("OUTLET_COLUMNS", repetition::OUTLET_COLUMNS.to_vec())?;
    m.add("SEQUENCE_COLUMNS", sequence::SEQUENCE_COLUMNS.to_vec())?;
    m.add("CUT_COLUMNS", glued::CUT_COLUMNS.to_vec())?;
    m.add("MAX_PARAGRAPH_CHARS", text::MAX_PARAGRAPH_CHARS)?;
    m.add("MAX_PAGE_CHARS", text::MAX_PAGE_CHARS)?;
    m.add("MAX_ELEMENTS", html::MAX_ELEMENTS)?;
    m.add("MAX_NESTING", html::MAX_NESTING)?;
    m.add("BLOCK_TAGS", html::BLOCK_TAGS.to_vec())?;
    m.add_class::<Forest>()?;
    m.add_function(wrap_pyfunction!(segment_pages, m)?)?;
    m.add_function(wrap_pyfunction!(segment, m)?)?;
    m.add_function(wrap_pyfunction!(paragraph_table, m)?)?;
    m.add_function(wrap_pyfunction!(text_statistics, m)?)?;
    m.add_function(wrap_pyfunction!(line_shapes, m)?)?;
    m.add_function(wrap_pyfunction!(edge_tokens, m)?)?;
    m.add_function(wrap_pyfunction!(normalise_lines, m)?)?;
    m.add_function(wrap_pyfunction!(page_repeats, m)?)?;
    m.add_function(wrap_pyfunction!(outlet_columns, m)?)?;
    m.add_function(wrap_pyfunction!(url_key, m)?)?;
    m.add_function(wrap_pyfunction!(hashed_counts, m)?)?;
    m.add_function(wrap_pyfunction!(clean_text, m)?)?;
    m.add_function(wrap_pyfunction!(split_sentences, m)?)?;
    m.add_function(wrap_pyfunction!(sequence_features, m)?)?;
    m.add_function(wrap_pyfunction!(glued_candidates, m)?)?;
    m.add_function(wrap_pyfunction!(candidate_cuts, m)?)?;
    m.add_function(wrap_pyfunction!(cut_features, m)?)?;
    m.add_function(wrap_pyfunction!(best_cuts, m)?)?;
    m.add_function(wrap_pyfunction!(markup_depth, m)?)?;
    m.add_function(wrap_pyfunction!(attr_tokens, m)?)?;
    m.add_function(wrap_pyfunction!(_panic, m)?)?;
    Ok(())
}
