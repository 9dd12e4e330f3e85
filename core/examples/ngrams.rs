//! Checks the compiled analyzers and the hashed counts against sklearn.
//!
//! Reads JSON lines `{"text": ...}` on stdin, then by its argument:
//! - `list` (default): prints one JSON line per input with each analyzer's n-grams, as
//!   sklearn's `build_analyzer()` would list them (`words`: word (1, 2), `char35` / `char34`:
//!   char_wb (3, 5) / (3, 4), `tok11` / `tok13`: `\S+` tokens (1, 1) / (1, 3));
//! - `lines`: the same lists for bulk comparison, five lines per input (in that order), each
//!   the n-grams joined by NUL (no n-gram holds a line break: every analyzer splits on it);
//! - `collisions`: the distinct n-grams of all inputs per analyzer and how many share a hashed
//!   column at 18, 20 and 22 bits, against what an ideal uniform hash would give;
//! - `bench [REPEATS]`: paragraphs per second of words (1, 2) + char_wb (3, 5) hashed counts at
//!   20 bits, stacked, on one thread.
//!
//! `cargo run --release --example ngrams -- bench 5 < texts.jsonl`

use std::collections::HashSet;
use std::io::{BufRead, Write};
use std::time::Instant;

use winnow_core::ngrams::{ngrams, Analyzer};
use winnow_core::sparse::{hashed_counts, hstack, ngram_hash};

const ANALYZERS: [(&str, Analyzer); 5] = [
    ("words", Analyzer::Words { ngrams: (1, 2) }),
    ("char35", Analyzer::CharWb { ngrams: (3, 5) }),
    ("char34", Analyzer::CharWb { ngrams: (3, 4) }),
    ("tok11", Analyzer::Tokens { ngrams: (1, 1) }),
    ("tok13", Analyzer::Tokens { ngrams: (1, 3) }),
];

fn main() {
    let texts = read_texts();
    let mut args = std::env::args().skip(1);
    match args.next().as_deref().unwrap_or("list") {
        "list" => list(&texts),
        "lines" => lines(&texts),
        "collisions" => collisions(&texts),
        "bench" => bench(
            &texts,
            args.next().and_then(|r| r.parse().ok()).unwrap_or(3),
        ),
        other => eprintln!("unknown mode {other:?}: list, collisions or bench"),
    }
}

fn read_texts() -> Vec<String> {
    let stdin = std::io::stdin();
    let mut texts = Vec::new();
    for (i, line) in stdin.lock().lines().enumerate() {
        let Ok(line) = line else { break };
        match serde_json::from_str::<serde_json::Value>(&line) {
            Ok(v) => texts.push(v["text"].as_str().unwrap_or_default().to_owned()),
            Err(e) => {
                eprintln!("line {i}: {e}");
                texts.push(String::new());
            }
        }
    }
    texts
}

fn list(texts: &[String]) {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for text in texts {
        let record: serde_json::Map<String, serde_json::Value> = ANALYZERS
            .iter()
            .map(|(name, a)| (name.to_string(), ngrams(text, a).into()))
            .collect();
        let _ = writeln!(out, "{}", serde_json::Value::Object(record));
    }
}

fn lines(texts: &[String]) {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for text in texts {
        for (_, a) in &ANALYZERS {
            let _ = writeln!(out, "{}", ngrams(text, a).join("\0"));
        }
    }
}

fn collisions(texts: &[String]) {
    for (name, analyzer) in ANALYZERS {
        let distinct: HashSet<String> = texts.iter().flat_map(|t| ngrams(t, &analyzer)).collect();
        let n = distinct.len();
        let hashes: Vec<u64> = distinct.iter().map(|g| ngram_hash(g, 0)).collect();
        let full: HashSet<u64> = hashes.iter().copied().collect();
        println!(
            "{name}: {n} distinct n-grams, {} distinct 64-bit hashes",
            full.len()
        );
        for bits in [18u32, 20, 22] {
            let m = 1u64 << bits;
            let cols: HashSet<u64> = hashes.iter().map(|h| h & (m - 1)).collect();
            // An ideal hash fills m (1 - e^(-n/m)) columns on average.
            let ideal = m as f64 * (1.0 - (-(n as f64) / m as f64).exp());
            let lost = n - cols.len();
            println!(
                "  bits {bits}: {} columns used (ideal {:.0}), {lost} n-grams merged ({:.2}% of n-grams; ideal {:.2}%)",
                cols.len(),
                ideal,
                100.0 * lost as f64 / n as f64,
                100.0 * (n as f64 - ideal) / n as f64,
            );
        }
    }
}

fn bench(texts: &[String], repeats: usize) {
    let docs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let words = Analyzer::Words { ngrams: (1, 2) };
    let chars = Analyzer::CharWb { ngrams: (3, 5) };
    let mut best = f64::INFINITY;
    let mut nnz = 0;
    for _ in 0..repeats.max(1) {
        let start = Instant::now();
        let w = hashed_counts(docs.iter().copied(), &words, 20, 1, false);
        let c = hashed_counts(docs.iter().copied(), &chars, 20, 2, false);
        let m = hstack(&[w, c]);
        best = best.min(start.elapsed().as_secs_f64());
        nnz = m.map_or(0, |m| m.nnz());
    }
    println!(
        "{} paragraphs, {nnz} entries: best {:.3} s, {:.0} paragraphs/s",
        docs.len(),
        best,
        docs.len() as f64 / best
    );
}
