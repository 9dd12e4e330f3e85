//! The records the engine hands on: a paragraph with its context, and why a page was refused.

use std::fmt;
use std::time::Instant;

/// A block of text and the context it stood in (`features/page.py`'s `Paragraph`).
///
/// `path` holds the tag names from the root to the block, `attrs` the class and id word
/// tokens of those ancestors, `block_attrs` those of the block and its parent only, and
/// `structure` its place in the page's blocks (`STRUCTURE_COLUMNS` then `BLOCK_COLUMNS` of
/// `features/structure.py`); text paragraphs have empty markup context and no structure.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Paragraph {
    pub text: String,
    pub tag: String,
    pub path: String,
    pub attrs: String,
    pub block_attrs: String,
    pub link_density: f64,
    pub depth: u32,
    pub line: u32,
    pub structure: Vec<f64>,
}

/// A page the engine will not finish: over a bound, too deep, or out of time. The message
/// is what the page's record says after `limit: `.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// Over a size bound (elements, characters of text, paragraphs).
    TooLarge(String),
    /// Markup nested deeper than a tree can be built in reasonable time.
    TooDeep(String),
    /// The page's time ran out.
    OutOfTime(String),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::TooLarge(m) | Refusal::TooDeep(m) | Refusal::OutOfTime(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Refusal {}

/// What one page may cost: paragraphs (0: no limit) and a deadline (checked as the walk
/// goes, so a page cannot hold a worker past it).
#[derive(Clone, Copy, Debug, Default)]
pub struct Limits {
    pub max_paragraphs: usize,
    pub deadline: Option<Instant>,
    /// The limit in seconds, for the message only.
    pub seconds: f64,
}

impl Limits {
    /// `max_seconds` of 0 (or one too far off to be a time, such as infinity; or NaN) sets
    /// no deadline.
    pub fn new(max_paragraphs: usize, max_seconds: f64) -> Self {
        let deadline = std::time::Duration::try_from_secs_f64(max_seconds)
            .ok()
            .filter(|d| !d.is_zero())
            .and_then(|d| Instant::now().checked_add(d));
        Limits {
            max_paragraphs,
            deadline,
            seconds: max_seconds,
        }
    }

    /// `Err` once the deadline has passed.
    pub fn check_time(&self, what: &str) -> Result<(), Refusal> {
        match self.deadline {
            Some(deadline) if Instant::now() > deadline => Err(Refusal::OutOfTime(format!(
                "{what} took over {} s",
                format_seconds(self.seconds)
            ))),
            _ => Ok(()),
        }
    }
}

/// Seconds as Python's `{:g}` writes them (`2`, `0.5`).
fn format_seconds(seconds: f64) -> String {
    let text = format!("{seconds}");
    text.strip_suffix(".0").map(str::to_owned).unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_past_deadline_refuses() {
        let limits = Limits {
            deadline: Some(Instant::now()),
            seconds: 2.0,
            ..Limits::default()
        };
        std::thread::sleep(std::time::Duration::from_millis(2));
        let err = limits.check_time("segmenting the page").unwrap_err();
        assert_eq!(err.to_string(), "segmenting the page took over 2 s");
    }

    #[test]
    fn no_deadline_never_refuses() {
        assert!(Limits::new(0, 0.0).check_time("x").is_ok());
        for far in [f64::INFINITY, f64::NAN, 1e300, -1.0] {
            assert!(Limits::new(0, far).deadline.is_none());
        }
    }
}
