//! Reads batches of `sequence_features` inputs as JSON lines (stdin), one batch a line with
//! `markup`, `texts`, `paths`, `block_attrs`, `attrs`, `own`, `links`, `structure`, `blocks`,
//! `margins` and `pages`, and prints each batch's features as a JSON line `{"features": [...]}`
//! (rows x `WIDTH`, row-major). `--repeat N` also times N runs of every batch and reports rows
//! per second on stderr, by kind, of wall time and of the thread's CPU time (on a shared
//! machine the second is the one to compare).
//!
//! cargo run --release --example sequence -- --repeat 5 < batches.jsonl > features.jsonl

use std::io::{self, BufRead, BufWriter, Write};
use std::time::{Duration, Instant};

use serde_json::Value;
use winnow_core::sequence::{sequence_features, SequenceInput};

fn strings(v: &Value, key: &str) -> Vec<String> {
    v[key]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|s| s.as_str().unwrap_or("").to_owned())
                .collect()
        })
        .unwrap_or_default()
}

fn floats(v: &Value, key: &str) -> Vec<f64> {
    v[key]
        .as_array()
        .map(|a| a.iter().map(|x| x.as_f64().unwrap_or(f64::NAN)).collect())
        .unwrap_or_default()
}

fn ints(v: &Value, key: &str) -> Vec<i64> {
    v[key]
        .as_array()
        .map(|a| a.iter().map(|x| x.as_i64().unwrap_or(-1)).collect())
        .unwrap_or_default()
}

/// The thread's time on a CPU so far (Linux: /proc/thread-self/schedstat), zero elsewhere.
fn cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    Duration::from_nanos(
        stat.split_whitespace()
            .next()
            .and_then(|ns| ns.parse().ok())
            .unwrap_or(0),
    )
}

fn refs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

fn main() -> io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let repeat: u32 = args
        .iter()
        .position(|a| a == "--repeat")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let mut out = BufWriter::new(io::stdout().lock());
    // Per kind (text, markup): rows run and time taken.
    let mut timed = [(0usize, Duration::ZERO, Duration::ZERO); 2];
    for line in io::stdin().lock().lines() {
        let line = line?;
        let v: Value = serde_json::from_str(&line).map_err(io::Error::other)?;
        let markup = v["markup"].as_bool().unwrap_or(false);
        let (texts, paths, block_attrs, attrs) = (
            strings(&v, "texts"),
            strings(&v, "paths"),
            strings(&v, "block_attrs"),
            strings(&v, "attrs"),
        );
        let (texts, paths, block_attrs, attrs) =
            (refs(&texts), refs(&paths), refs(&block_attrs), refs(&attrs));
        let (own, links, structure, margins) = (
            floats(&v, "own"),
            floats(&v, "links"),
            floats(&v, "structure"),
            floats(&v, "margins"),
        );
        let (blocks, pages) = (ints(&v, "blocks"), ints(&v, "pages"));
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
        if let Err(problem) = input.check(markup) {
            eprintln!("batch input: {problem}");
        }
        let features = sequence_features(&input, markup);
        if repeat > 0 {
            let (start, cpu) = (Instant::now(), cpu_time());
            for _ in 0..repeat {
                std::hint::black_box(sequence_features(std::hint::black_box(&input), markup));
            }
            let t = &mut timed[usize::from(markup)];
            t.0 += texts.len() * repeat as usize;
            t.1 += start.elapsed();
            t.2 += cpu_time() - cpu;
        }
        serde_json::to_writer(&mut out, &serde_json::json!({ "features": features }))?;
        out.write_all(b"\n")?;
    }
    for (kind, (rows, wall, cpu)) in ["text", "html"].iter().zip(timed) {
        if rows > 0 {
            let (wall, cpu) = (wall.as_secs_f64(), cpu.as_secs_f64());
            let rate = |t: f64| rows as f64 / t;
            eprintln!(
                "{kind}: {rows} rows in {wall:.3}s ({:.0} rows/s), CPU {cpu:.3}s ({:.0} rows/s)",
                rate(wall),
                rate(cpu)
            );
        }
    }
    out.flush()
}
