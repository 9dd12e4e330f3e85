//! The text features of pages, for checking the port against the Python reference.
//!
//! Reads JSON lines, each one page: `{"texts": [...], "domain": "...", "url": "..."}`
//! (`domain` and `url` optional), and writes one JSON line per page:
//!
//! * `features` (the default): `line_shape`, `edge_tokens`, `text_statistics`,
//!   `normalise_line` and `page_repeats` of each text, and the page's `url_key`;
//! * `outlet [MAX_PAGES]`: `outlet_columns` over all the pages (`outlet`, a row per text);
//! * `bench [MAX_PAGES]`: nothing per page; the seconds each function took over all texts
//!   (and `outlet_columns` over all pages), on stderr.
//!
//! `cargo run --release --example text_features -- features < pages.jsonl`

use serde_json::{json, Value};
use std::io::{self, BufRead, BufWriter, Write};
use std::time::Instant;
use winnow_core::{repetition, shape, stats};

/// One input page.
struct Page {
    texts: Vec<String>,
    domain: String,
    url: Option<String>,
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
        let domain = value["domain"].as_str().unwrap_or("").to_string();
        let url = value["url"].as_str().map(str::to_string);
        pages.push(Page { texts, domain, url });
    }
    Ok(pages)
}

fn features(page: &Page) -> Value {
    let texts: Vec<&str> = page.texts.iter().map(String::as_str).collect();
    json!({
        "line_shape": texts.iter().map(|t| shape::line_shape(t).to_vec()).collect::<Vec<_>>(),
        "edge_tokens": texts.iter().map(|t| shape::edge_tokens(t)).collect::<Vec<_>>(),
        "text_statistics": texts.iter().map(|t| stats::text_statistics(t).to_vec()).collect::<Vec<_>>(),
        "normalise_line": texts.iter().map(|t| repetition::normalise_line(t)).collect::<Vec<_>>(),
        "page_repeats": repetition::page_repeats(&texts),
        "url_key": repetition::url_key(page.url.as_deref()),
    })
}

/// `outlet_columns` over all the pages.
fn outlet(pages: &[Page], max_pages: usize) -> Vec<Vec<[f64; 3]>> {
    let domains: Vec<&str> = pages.iter().map(|p| p.domain.as_str()).collect();
    let urls: Vec<Option<&str>> = pages.iter().map(|p| p.url.as_deref()).collect();
    let texts: Vec<Vec<&str>> = pages
        .iter()
        .map(|p| p.texts.iter().map(String::as_str).collect())
        .collect();
    repetition::outlet_columns(&domains, &urls, &texts, max_pages)
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

fn bench(pages: &[Page], max_pages: usize) -> Value {
    let lines: usize = pages.iter().map(|p| p.texts.len()).sum();
    let start = Instant::now();
    for page in pages {
        let texts: Vec<&str> = page.texts.iter().map(String::as_str).collect();
        std::hint::black_box(repetition::page_repeats(&texts));
    }
    let page_repeats = start.elapsed().as_secs_f64();
    let start = Instant::now();
    std::hint::black_box(outlet(pages, max_pages));
    let outlet_columns = start.elapsed().as_secs_f64();
    json!({
        "lines": lines,
        "line_shape": time(pages, shape::line_shape),
        "edge_tokens": time(pages, shape::edge_tokens),
        "text_statistics": time(pages, stats::text_statistics),
        "normalise_line": time(pages, repetition::normalise_line),
        "page_repeats": page_repeats,
        "outlet_columns": outlet_columns,
    })
}

fn main() -> io::Result<()> {
    let mode = std::env::args().nth(1).unwrap_or_else(|| "features".into());
    let max_pages = match std::env::args().nth(2) {
        Some(n) => n.parse().map_err(io::Error::other)?,
        None => repetition::MAX_PAGES,
    };
    let pages = read_pages()?;
    let mut out = BufWriter::new(io::stdout().lock());
    match mode.as_str() {
        "features" => {
            for page in &pages {
                writeln!(out, "{}", features(page))?;
            }
        }
        "outlet" => {
            for rows in outlet(&pages, max_pages) {
                writeln!(out, "{}", json!({ "outlet": rows }))?;
            }
        }
        "bench" => eprintln!("{}", bench(&pages, max_pages)),
        other => return Err(io::Error::other(format!("unknown mode {other:?}"))),
    }
    out.flush()
}
