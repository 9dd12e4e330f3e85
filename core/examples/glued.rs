//! The glued-chaff cutter's text steps on JSON lines, to compare with `models/glued.py`.
//!
//! Each input line is one page: `{"texts": [...], "lines": [...]}` with, per paragraph, the
//! cuts to describe (`"cuts"`, e.g. Python's, so that the features are compared even where
//! the candidates differ), the text model's margins (`"sides"`: `[[left, right], ...]` per
//! cut, `"wholes"`: one per paragraph), P(seam) per cut (`"p_seam"`) and a `"threshold"`.
//! Each output line is `{"cuts": [[...]], "rows": [[...]], "best": [[...]]}`: the
//! candidates `page_candidates` finds, and `cut_features` and `best_cuts` of the given
//! cuts. The time spent in the engine (wall clock, and this thread's CPU time where Linux
//! tells it, since the machine may be shared) goes to stderr.
//!
//!     cargo run --release --example glued < in.jsonl > out.jsonl

use std::io::{self, BufRead, BufWriter, Write};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use winnow_core::glued::{best_cuts, cut_features, page_candidates};

fn main() -> io::Result<()> {
    let stdin = io::stdin().lock();
    let mut out = BufWriter::new(io::stdout().lock());
    let mut spent = Duration::ZERO;
    let mut cpu = Duration::ZERO;
    for line in stdin.lines() {
        let line = line?;
        let record = match serde_json::from_str::<Value>(&line) {
            Ok(page) => run(&page, &mut spent, &mut cpu),
            Err(err) => json!({"error": format!("bad input: {err}")}),
        };
        writeln!(out, "{record}")?;
    }
    out.flush()?;
    eprintln!(
        "engine time: {:.3} s wall, {:.3} s CPU",
        spent.as_secs_f64(),
        cpu.as_secs_f64()
    );
    Ok(())
}

/// This thread's CPU time (`/proc/thread-self/schedstat`, nanoseconds on the CPU), zero
/// where it cannot be read.
fn thread_cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    let ns = stat
        .split_whitespace()
        .next()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    Duration::from_nanos(ns)
}

fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .map_or(Vec::new(), |a| a.iter().filter_map(Value::as_str).collect())
}

fn numbers(value: &Value) -> Vec<f64> {
    value
        .as_array()
        .map_or(Vec::new(), |a| a.iter().filter_map(Value::as_f64).collect())
}

fn offsets(value: &Value) -> Vec<usize> {
    numbers(value).into_iter().map(|v| v as usize).collect()
}

fn pairs(value: &Value) -> Vec<[f64; 2]> {
    let rows = value.as_array().map_or(&[][..], Vec::as_slice);
    rows.iter()
        .map(|r| match numbers(r)[..] {
            [a, b] => [a, b],
            _ => [f64::NAN; 2],
        })
        .collect()
}

fn run(page: &Value, spent: &mut Duration, cpu: &mut Duration) -> Value {
    let texts = strings(&page["texts"]);
    let lines: Vec<u32> = numbers(&page["lines"])
        .into_iter()
        .map(|v| v as u32)
        .collect();
    let given: Vec<Vec<usize>> = (0..texts.len())
        .map(|i| offsets(&page["cuts"][i]))
        .collect();
    let sides: Vec<Vec<[f64; 2]>> = (0..texts.len()).map(|i| pairs(&page["sides"][i])).collect();
    let wholes = numbers(&page["wholes"]);
    let p_seam: Vec<Vec<f64>> = (0..texts.len())
        .map(|i| numbers(&page["p_seam"][i]))
        .collect();
    let threshold = page["threshold"].as_f64().unwrap_or(0.5);

    let (start, before) = (Instant::now(), thread_cpu());
    let cuts = page_candidates(&texts, &lines);
    let mut rows = Vec::with_capacity(texts.len());
    let mut best = Vec::with_capacity(texts.len());
    for (i, text) in texts.iter().enumerate() {
        let whole = wholes.get(i).copied().unwrap_or(f64::NAN);
        let r = cut_features(text, &given[i], &sides[i], whole);
        best.push(best_cuts(&given[i], &r, &p_seam[i], threshold));
        rows.push(r);
    }
    *spent += start.elapsed();
    *cpu += thread_cpu().saturating_sub(before);
    json!({"cuts": cuts, "rows": rows, "best": best})
}
