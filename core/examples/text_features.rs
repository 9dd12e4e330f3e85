//! The text features of pages, for checking the port against the Python reference.
//!
//! Reads JSON lines, each one page: `{"texts": [...], "domain": "...", "url": "..."}`
//! (`domain` and `url` optional), and writes one JSON line per page:
//!
//! * `features` (the default): `line_shape`, `edge_tokens`, `text_statistics`,
//!   `normalise_line` and `page_repeats` of each text;
//! * `bench`: nothing per page; the seconds each function took over all texts, on stderr.
//!
//! `cargo run --release --example text_features -- features < pages.jsonl`

use serde_json::{json, Value};
use std::io::{self, BufRead, BufWriter, Write};
use std::time::Instant;
use winnow_core::{shape, stats};

/// One input page.
struct Page {
    texts: Vec<String>,
}

fn read_pages() -> io::Result<Vec<Page>> {
    let mut pages = Vec::new();
    for line in io::stdin().lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let value: Value = serde_json::from_str(&line).map_err(io::Error::other)?;
        let texts = value["texts"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|t| t.as_str().unwrap_or("").to_string())
                    .collect()
            })
            .unwrap_or_default();
        pages.push(Page { texts });
    }
    Ok(pages)
}

fn features(page: &Page) -> Value {
    let texts: Vec<&str> = page.texts.iter().map(String::as_str).collect();
    json!({
        "line_shape": texts.iter().map(|t| shape::line_shape(t).to_vec()).collect::<Vec<_>>(),
        "edge_tokens": texts.iter().map(|t| shape::edge_tokens(t)).collect::<Vec<_>>(),
        "text_statistics": texts.iter().map(|t| stats::text_statistics(t).to_vec()).collect::<Vec<_>>(),
    })
}

/// Seconds `f` takes over every text of every page.
fn time<T>(pages: &[Page], f: impl Fn(&str) -> T) -> f64 {
    let start = Instant::now();
    for page in pages {
        for text in &page.texts {
            std::hint::black_box(f(text));
        }
    }
    start.elapsed().as_secs_f64()
}

fn bench(pages: &[Page]) -> Value {
    let lines: usize = pages.iter().map(|p| p.texts.len()).sum();
    json!({
        "lines": lines,
        "line_shape": time(pages, shape::line_shape),
        "edge_tokens": time(pages, shape::edge_tokens),
        "text_statistics": time(pages, stats::text_statistics),
    })
}

fn main() -> io::Result<()> {
    let mode = std::env::args().nth(1).unwrap_or_else(|| "features".into());
    let pages = read_pages()?;
    let mut out = BufWriter::new(io::stdout().lock());
    match mode.as_str() {
        "features" => {
            for page in &pages {
                writeln!(out, "{}", features(page))?;
            }
        }
        "bench" => eprintln!("{}", bench(&pages)),
        other => return Err(io::Error::other(format!("unknown mode {other:?}"))),
    }
    out.flush()
}
