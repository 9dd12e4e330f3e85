//! Pages in, paragraphs out, for checking `html::segment_html` against the Python.
//!
//! Reads JSON lines `{"id": ..., "html": ...}` on stdin and prints one JSON line a page:
//! `{"id", "paragraphs": [{every Paragraph field}]}` or `{"id", "error"}` for a refused
//! page. `--max-paragraphs N` and `--max-seconds S` set the page's limits; `--quiet`
//! prints nothing but the time. The time spent in `segment_html` alone (this thread's CPU
//! time, so that other processes on the machine do not count) goes to stderr.
//!
//!     cargo run --release --example segment_html < pages.jsonl > paragraphs.jsonl

use std::io::{self, BufRead, BufWriter, Write};
use std::time::Duration;

use serde_json::{json, Value};
use winnow_core::html::segment_html;
use winnow_core::{Limits, Paragraph};

fn main() -> io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let option = |name: &str| -> Option<f64> {
        let at = args.iter().position(|a| a == name)?;
        args.get(at + 1)?.parse().ok()
    };
    let max_paragraphs = option("--max-paragraphs").unwrap_or(0.0) as usize;
    let max_seconds = option("--max-seconds").unwrap_or(0.0);
    let quiet = args.iter().any(|a| a == "--quiet");

    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let (mut pages, mut spent) = (0usize, Duration::ZERO);
    for line in io::stdin().lock().lines() {
        let line = line?;
        let Ok(record) = serde_json::from_str::<Value>(&line) else {
            continue;
        };
        let Some(html) = record.get("html").and_then(Value::as_str) else {
            continue;
        };
        let limits = Limits::new(max_paragraphs, max_seconds);
        let start = thread_cpu();
        let result = segment_html(html, &limits);
        spent += thread_cpu().saturating_sub(start);
        pages += 1;
        if quiet {
            continue;
        }
        let id = record.get("id").cloned().unwrap_or(Value::Null);
        let row = match result {
            Ok(paragraphs) => {
                json!({"id": id, "paragraphs": paragraphs.iter().map(to_json).collect::<Vec<_>>()})
            }
            Err(refusal) => json!({"id": id, "error": refusal.to_string()}),
        };
        writeln!(out, "{row}")?;
    }
    out.flush()?;
    let seconds = spent.as_secs_f64();
    eprintln!(
        "{pages} pages in {seconds:.3} CPU s of segment_html ({:.1} pages per CPU-second)",
        pages as f64 / seconds.max(1e-9)
    );
    Ok(())
}

/// This thread's CPU time so far.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec through a valid pointer.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

fn to_json(p: &Paragraph) -> Value {
    json!({
        "text": p.text,
        "tag": p.tag,
        "path": p.path,
        "attrs": p.attrs,
        "block_attrs": p.block_attrs,
        "link_density": p.link_density,
        "depth": p.depth,
        "line": p.line,
        "structure": p.structure,
    })
}
