//! Plain-text segmentation on JSON lines, to compare with `features/segment.py`.
//!
//! Each input line is `{"id", "text"}` (`segment_text`), `{"id", "lines": [...]}`
//! (`segment_lines`) or `{"id", "clean"}` (`clean_text`), with an optional
//! `"max_paragraphs"`; each output line is `{"id", "paragraphs": [{"text", "line"}]}`,
//! `{"id", "clean"}` or `{"id", "error"}`. The time spent in the engine goes to stderr.
//! With `--bench N` nothing is written: the records are run N times over and the best
//! pass's CPU time in the engine is reported (Linux: the thread's time from /proc).
//!
//!     cargo run --release --example segment_text < in.jsonl > out.jsonl
//!     cargo run --release --example segment_text -- --bench 5 < in.jsonl

use std::io::{self, BufRead, BufWriter, Write};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use winnow_core::text::{clean_text, segment_lines, segment_text};
use winnow_core::{Limits, Paragraph, Refusal};

fn main() -> io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    if let [_, flag, passes] = &args[..] {
        if flag == "--bench" {
            return bench(passes.parse().unwrap_or(1));
        }
    }
    let stdin = io::stdin().lock();
    let mut out = BufWriter::new(io::stdout().lock());
    let mut spent = Duration::ZERO;
    for line in stdin.lines() {
        let line = line?;
        let record = match serde_json::from_str::<Value>(&line) {
            Ok(value) => run(&value, &mut spent),
            Err(err) => json!({"id": Value::Null, "error": format!("bad input: {err}")}),
        };
        writeln!(out, "{record}")?;
    }
    out.flush()?;
    eprintln!("engine time: {:.3} s", spent.as_secs_f64());
    Ok(())
}

/// Every record run `passes` times; the best pass's engine CPU time to stderr.
fn bench(passes: usize) -> io::Result<()> {
    let records: Vec<Value> = io::stdin()
        .lock()
        .lines()
        .filter_map(|l| serde_json::from_str(&l.ok()?).ok())
        .collect();
    // The lines borrowed once, before timing, as Python gets its list.
    let inputs: Vec<(&Value, Option<Vec<&str>>)> = records
        .iter()
        .map(|r| {
            let lines = r.get("lines").and_then(Value::as_array);
            (
                r,
                lines.map(|ls| ls.iter().map(|l| l.as_str().unwrap_or("")).collect()),
            )
        })
        .collect();
    let mut best = f64::INFINITY;
    for _ in 0..passes.max(1) {
        let before = thread_cpu_seconds();
        for (record, lines) in &inputs {
            let text = |key: &str| record.get(key).and_then(Value::as_str);
            let kept = match (lines, text("clean")) {
                (Some(lines), _) => segment_lines(lines, &Limits::default()).map_or(0, |p| p.len()),
                (None, Some(clean)) => clean_text(clean).len(),
                (None, None) => segment_text(text("text").unwrap_or(""), &Limits::default())
                    .map_or(0, |p| p.len()),
            };
            std::hint::black_box(kept);
        }
        best = best.min(thread_cpu_seconds() - before);
    }
    eprintln!(
        "{} records, best of {passes}: {best:.3} s cpu",
        records.len()
    );
    Ok(())
}

/// This thread's CPU time so far: /proc/thread-self/schedstat's first field (ns).
fn thread_cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e9)
}

/// One input record's output record, timing the engine call alone.
fn run(input: &Value, spent: &mut Duration) -> Value {
    let id = input.get("id").cloned().unwrap_or(Value::Null);
    let max = input
        .get("max_paragraphs")
        .and_then(Value::as_u64)
        .unwrap_or(0);
    let limits = Limits::new(usize::try_from(max).unwrap_or(usize::MAX), 0.0);
    if let Some(text) = input.get("clean").and_then(Value::as_str) {
        let start = Instant::now();
        let clean = clean_text(text);
        *spent += start.elapsed();
        return json!({"id": id, "clean": clean});
    }
    let result = if let Some(lines) = input.get("lines").and_then(Value::as_array) {
        let lines: Vec<&str> = lines.iter().map(|l| l.as_str().unwrap_or("")).collect();
        let start = Instant::now();
        let result = segment_lines(&lines, &limits);
        *spent += start.elapsed();
        result
    } else {
        let text = input.get("text").and_then(Value::as_str).unwrap_or("");
        let start = Instant::now();
        let result = segment_text(text, &limits);
        *spent += start.elapsed();
        result
    };
    paragraphs_record(id, result)
}

fn paragraphs_record(id: Value, result: Result<Vec<Paragraph>, Refusal>) -> Value {
    match result {
        Ok(paragraphs) => {
            let paragraphs: Vec<Value> = paragraphs
                .iter()
                .map(|p| json!({"text": p.text, "line": p.line}))
                .collect();
            json!({"id": id, "paragraphs": paragraphs})
        }
        Err(err) => json!({"id": id, "error": format!("limit: {err}")}),
    }
}
