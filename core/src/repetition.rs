//! Repetition: how often a paragraph's text recurs on its page and on other pages of its
//! outlet, behind `features/repetition.py` (`normalise_line`, `page_repeats`, `url_key`,
//! `outlet_columns`).
//!
//! A line seen on other pages of the same domain is chaff whatever its words; copies of a
//! page (the same URL, or most of the same text) count as one document. Every map here is
//! read by key only or walked in first-seen order, so the output never depends on hashing.

use crate::pyunicode::{class, for_each_fold, is_py_space};
use crate::pyurl::{hostname, split_netloc_path};
use crate::vocabulary::py_strip;
use std::collections::{HashMap, HashSet};

/// `OUTLET_COLUMNS`: the names of `outlet_columns`' columns, in order.
pub const OUTLET_COLUMNS: [&str; 3] = ["outlet_pages", "outlet_share", "outlet_seen"];
/// `COPY_SHARE`: pages sharing this much of the smaller one's text are copies.
pub const COPY_SHARE: f64 = 0.8;
/// `outlet_columns`' default `max_pages`: pages of one outlet counted together.
pub const MAX_PAGES: usize = 1000;
/// `_COPY_LINE_CHARS`: lines long enough to say two pages are the same article...
const COPY_LINE_CHARS: usize = 40;
/// `_COPY_LINE_PAGES`: ...when they are on this few pages of the outlet.
const COPY_LINE_PAGES: usize = 8;
/// `_EDGE_PUNCT`: what `normalise_line` strips from both ends.
const EDGE_PUNCT: &str = " \t.,;:!?-–—|•·»›«‹()[]{}\"'“”‘’*";

/// `normalise_line(text)`: case-folded, each run of decimal digits one "0", each run of
/// white space one " ", outer punctuation dropped ("Updated 3 hours ago" and "Updated 5
/// hours ago" are one line).
pub fn normalise_line(text: &str) -> String {
    #[derive(PartialEq)]
    enum Last {
        Digit,
        Space,
        Other,
    }
    let mut out = String::with_capacity(text.len());
    let mut last = Last::Other;
    for c in text.chars() {
        for_each_fold(c, |f| {
            if class(f).decimal() {
                if last != Last::Digit {
                    out.push('0');
                }
                last = Last::Digit;
            } else if is_py_space(f) {
                if last != Last::Space {
                    out.push(' ');
                }
                last = Last::Space;
            } else {
                out.push(f);
                last = Last::Other;
            }
        });
    }
    let kept = out.trim_matches(|c| EDGE_PUNCT.contains(c));
    if kept.len() == out.len() {
        out
    } else {
        kept.to_string()
    }
}

/// `page_repeats(texts)`: per paragraph, log1p of how many other paragraphs of the same page
/// read the same.
pub fn page_repeats(texts: &[&str]) -> Vec<f64> {
    let keys: Vec<String> = texts.iter().map(|t| normalise_line(t)).collect();
    let mut counts: HashMap<&str, usize> = HashMap::with_capacity(keys.len());
    for key in &keys {
        *counts.entry(key.as_str()).or_insert(0) += 1;
    }
    keys.iter()
        .map(|k| (counts.get(k.as_str()).copied().unwrap_or(1) as f64 - 1.0).ln_1p())
        .collect()
}

/// `url_key(url)`: a URL without scheme, "www.", query, fragment or trailing slash; "" for
/// none, for one without a host and for one Python's `urlsplit` refuses.
pub fn url_key(url: Option<&str>) -> String {
    let Some(url) = url.filter(|u| !u.is_empty()) else {
        return String::new();
    };
    let Some((netloc, path)) = split_netloc_path(py_strip(url)) else {
        return String::new();
    };
    let host = hostname(&netloc).unwrap_or_default();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    if host.is_empty() {
        return String::new();
    }
    format!("{host}{}", path.trim_end_matches('/'))
}

/// `_Doc`: one page of a pool, its lines interned: `lines` per paragraph (`None` for an
/// empty line), `distinct` the sorted ids of its non-empty lines, `chars` their length.
struct Doc {
    lines: Vec<Option<u32>>,
    url: String,
    distinct: Vec<u32>,
    chars: usize,
}

/// The pool's lines, each once: an id per normalised line and its length in characters.
#[derive(Default)]
struct Lines {
    ids: HashMap<String, u32>,
    chars: Vec<usize>,
}

impl Lines {
    fn id(&mut self, line: String) -> u32 {
        let next = self.chars.len() as u32;
        let chars = &mut self.chars;
        *self.ids.entry(line).or_insert_with_key(|l| {
            chars.push(l.chars().count());
            next
        })
    }
}

impl Doc {
    fn new(texts: &[&str], url: String, lines: &mut Lines) -> Doc {
        let ids: Vec<Option<u32>> = texts
            .iter()
            .map(|t| {
                Some(normalise_line(t))
                    .filter(|l| !l.is_empty())
                    .map(|l| lines.id(l))
            })
            .collect();
        let mut distinct: Vec<u32> = ids.iter().flatten().copied().collect();
        distinct.sort_unstable();
        distinct.dedup();
        let chars = distinct.iter().map(|&id| lines.chars[id as usize]).sum();
        Doc {
            lines: ids,
            url,
            distinct,
            chars,
        }
    }
}

/// `_same_text(a, b)`: most of the smaller page's text is on the other, a copy whatever
/// its URL.
fn same_text(a: &Doc, b: &Doc, lines: &Lines) -> bool {
    let smaller = a.chars.min(b.chars);
    if smaller == 0 {
        return false;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.distinct.len() && j < b.distinct.len() {
        match a.distinct[i].cmp(&b.distinct[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += lines.chars[a.distinct[i] as usize];
                i += 1;
                j += 1;
            }
        }
    }
    shared as f64 >= COPY_SHARE * smaller as f64
}

/// Union-find with Python's path halving.
fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// `_clusters(docs)`: a cluster id per document; copies share one. Which pairs are compared
/// (pages sharing a long line held by at most `COPY_LINE_PAGES` pages) is Python's; the
/// order (lines by first appearance, where Python's follows string hashing) changes only
/// the ids, not which documents share one.
fn clusters(docs: &[Doc], lines: &Lines) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..docs.len()).collect();
    let mut by_url: HashMap<&str, usize> = HashMap::new();
    let mut by_line: Vec<Vec<usize>> = vec![Vec::new(); lines.chars.len()];
    for (i, doc) in docs.iter().enumerate() {
        if !doc.url.is_empty() {
            if let Some(&first) = by_url.get(doc.url.as_str()) {
                let (a, b) = (find(&mut parent, i), find(&mut parent, first));
                parent[a] = b;
            } else {
                by_url.insert(&doc.url, i);
            }
        }
        for &id in &doc.distinct {
            if lines.chars[id as usize] >= COPY_LINE_CHARS {
                by_line[id as usize].push(i);
            }
        }
    }
    let mut checked: HashSet<(usize, usize)> = HashSet::new();
    for members in &by_line {
        if members.len() < 2 || members.len() > COPY_LINE_PAGES {
            continue;
        }
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                if checked.contains(&(i, j)) || find(&mut parent, i) == find(&mut parent, j) {
                    continue;
                }
                checked.insert((i, j));
                if same_text(&docs[i], &docs[j], lines) {
                    let (a, b) = (find(&mut parent, j), find(&mut parent, i));
                    parent[a] = b;
                }
            }
        }
    }
    (0..docs.len()).map(|i| find(&mut parent, i)).collect()
}

/// `_pool_columns(pool)`: for each document of one outlet's pool, a row of
/// `OUTLET_COLUMNS` per paragraph, counting the other documents that hold its line.
fn pool_columns(pool: &[Doc], lines: &Lines) -> Vec<Vec<[f64; 3]>> {
    let cluster = clusters(pool, lines);
    let mut holders: Vec<Vec<usize>> = vec![Vec::new(); lines.chars.len()];
    for (doc, &c) in pool.iter().zip(&cluster) {
        for &id in &doc.distinct {
            holders[id as usize].push(c);
        }
    }
    let held_by: Vec<usize> = holders
        .into_iter()
        .map(|mut h| {
            h.sort_unstable();
            h.dedup();
            h.len()
        })
        .collect();
    let mut distinct_clusters = cluster.clone();
    distinct_clusters.sort_unstable();
    distinct_clusters.dedup();
    let others = distinct_clusters.len().saturating_sub(1);
    pool.iter()
        .map(|doc| {
            let mut rows = vec![[0.0; 3]; doc.lines.len()];
            if others == 0 {
                return rows;
            }
            for (row, line) in rows.iter_mut().zip(&doc.lines) {
                row[0] = (others as f64).ln_1p();
                if let Some(id) = line {
                    // The document's own cluster holds its line.
                    let seen = held_by[*id as usize].saturating_sub(1);
                    row[1] = seen as f64 / others as f64;
                    row[2] = (seen as f64).ln_1p();
                }
            }
            rows
        })
        .collect()
}

/// `outlet_columns(domains, urls, texts, max_pages=...)`: `OUTLET_COLUMNS` for each page of
/// a collection, each page counted against the other pages of its domain in runs of at most
/// `max_pages`. A page without a domain, or alone in its run, gets zeros. Pages past the end
/// of `domains` have none, and a missing URL is none; `max_pages` 0 (a `ValueError` in
/// Python) gives zeros throughout.
pub fn outlet_columns(
    domains: &[&str],
    urls: &[Option<&str>],
    texts: &[Vec<&str>],
    max_pages: usize,
) -> Vec<Vec<[f64; 3]>> {
    let mut out: Vec<Vec<[f64; 3]>> = texts.iter().map(|t| vec![[0.0; 3]; t.len()]).collect();
    if max_pages == 0 {
        return out;
    }
    let mut order: Vec<Vec<usize>> = Vec::new();
    let mut members: HashMap<&str, usize> = HashMap::new();
    for (i, domain) in domains.iter().enumerate().take(texts.len()) {
        if domain.is_empty() {
            continue;
        }
        let slot = *members.entry(domain).or_insert_with(|| {
            order.push(Vec::new());
            order.len() - 1
        });
        order[slot].push(i);
    }
    for indices in &order {
        for chunk in indices.chunks(max_pages) {
            if chunk.len() < 2 {
                continue;
            }
            let mut lines = Lines::default();
            let pool: Vec<Doc> = chunk
                .iter()
                .map(|&i| {
                    Doc::new(
                        &texts[i],
                        url_key(urls.get(i).copied().flatten()),
                        &mut lines,
                    )
                })
                .collect();
            for (&i, rows) in chunk.iter().zip(pool_columns(&pool, &lines)) {
                out[i] = rows;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_compare_normalised() {
        assert_eq!(
            normalise_line("  Updated 3 hours ago. "),
            "updated 0 hours ago"
        );
        assert_eq!(
            normalise_line("Updated 15\u{a0}\u{a0}hours"),
            "updated 0 hours"
        );
        assert_eq!(normalise_line("“STRAẞE ٣٤ ﬁne”"), "strasse 0 fine");
        assert_eq!(normalise_line("— • —"), "");
        assert_eq!(normalise_line(""), "");
        assert_eq!(normalise_line("ΌΣΟΣ"), "όσοσ");
        assert_eq!(normalise_line("x²"), "x²");
    }

    #[test]
    fn repeats_within_a_page() {
        let r = page_repeats(&["Share", "share!", "Body text", "SHARE", ""]);
        assert_eq!(r, vec![2f64.ln_1p(), 2f64.ln_1p(), 0.0, 2f64.ln_1p(), 0.0]);
        assert!(page_repeats(&[]).is_empty());
    }

    #[test]
    fn url_keys() {
        assert_eq!(
            url_key(Some(" https://www.Example.com/a/b/?x=1#y ")),
            "example.com/a/b"
        );
        assert_eq!(url_key(Some("http://example.com")), "example.com");
        assert_eq!(url_key(Some("http://user@WWW.x.org:81/")), "x.org");
        assert_eq!(url_key(Some("http://[::1]:8080/p")), "::1/p");
        assert_eq!(url_key(Some("http://[::1/p")), "");
        assert_eq!(url_key(Some("example.com/p")), "");
        assert_eq!(url_key(Some("hard::x.html")), "");
        assert_eq!(url_key(Some("")), "");
        assert_eq!(url_key(None), "");
    }

    fn long(n: usize) -> String {
        let name = ["one", "two", "three"].get(n).copied().unwrap_or("many");
        format!("This is the long shared sentence number {name} of the article.")
    }

    #[test]
    fn outlet_counts_other_pages() {
        let footer = "Subscribe to our newsletter";
        let (a1, a2, b1) = (long(1), long(2), long(3));
        let texts = vec![
            vec![a1.as_str(), footer],
            vec![a2.as_str(), footer, ""],
            vec![b1.as_str()],
            vec![footer],
        ];
        let out = outlet_columns(
            &["x.com", "x.com", "x.com", ""],
            &[None; 4],
            &texts,
            MAX_PAGES,
        );
        let o = 2f64.ln_1p();
        assert_eq!(out[0], vec![[o, 0.0, 0.0], [o, 0.5, 1f64.ln_1p()]]);
        assert_eq!(out[1][2], [o, 0.0, 0.0]);
        assert_eq!(out[2], vec![[o, 0.0, 0.0]]);
        assert_eq!(out[3], vec![[0.0; 3]]);
    }

    #[test]
    fn copies_are_one_document() {
        let (a, b) = (long(1), long(2));
        let footer = "Share this";
        let texts = vec![
            vec![a.as_str(), b.as_str(), footer],
            vec![a.as_str(), b.as_str()],
            vec![footer],
        ];
        let out = outlet_columns(&["d"; 3], &[None; 3], &texts, MAX_PAGES);
        // The first two share their text: two documents, so one other for each.
        assert_eq!(out[0][2], [1f64.ln_1p(), 1.0, 1f64.ln_1p()]);
        assert_eq!(out[1][0], [1f64.ln_1p(), 0.0, 0.0]);
        // The same URL makes copies too.
        let urls = [Some("http://d/p/"), Some("https://www.d/p"), None];
        let t = vec![vec!["one"], vec!["two"], vec!["one"]];
        let out = outlet_columns(&["d"; 3], &urls, &t, MAX_PAGES);
        assert_eq!(out[0][0], [1f64.ln_1p(), 1.0, 1f64.ln_1p()]);
        assert_eq!(out[1][0], [1f64.ln_1p(), 0.0, 0.0]);
    }

    #[test]
    fn runs_of_max_pages() {
        let texts = vec![vec!["same"]; 5];
        let out = outlet_columns(&["d"; 5], &[None; 5], &texts, 2);
        assert_eq!(out[0][0], [1f64.ln_1p(), 1.0, 1f64.ln_1p()]);
        assert_eq!(out[4][0], [0.0; 3]);
        assert!(outlet_columns(&["d"; 5], &[None; 5], &texts, 0)
            .iter()
            .all(|r| r[0] == [0.0; 3]));
        // Fewer domains or URLs than pages: the rest have none.
        let out = outlet_columns(&["d"], &[], &texts, MAX_PAGES);
        assert_eq!(out.len(), 5);
        assert!(outlet_columns(&[], &[], &[], MAX_PAGES).is_empty());
    }

    #[test]
    fn hostile_inputs() {
        let huge = "Ab1 ".repeat(300_000);
        assert_eq!(normalise_line(&huge), "ab0 ".repeat(300_000).trim_end());
        let texts = vec![vec![huge.as_str(), ""], vec![huge.as_str()]];
        let out = outlet_columns(
            &["d", "d"],
            &[Some("http://[x"), Some("\u{0}")],
            &texts,
            MAX_PAGES,
        );
        // One long line in both: copies, so alone.
        assert_eq!(out[0], vec![[0.0; 3]; 2]);
        let word = |i: u32| {
            (0..4)
                .map(|k| char::from(b'a' + (i / 26u32.pow(k) % 26) as u8))
                .collect::<String>()
        };
        let many: Vec<String> = (0..3000)
            .map(|i| format!("line {} of a long enough shared text block", word(i)))
            .collect();
        let page: Vec<&str> = many.iter().map(String::as_str).collect();
        let texts = vec![page.clone(); 20];
        let out = outlet_columns(&["d"; 20], &[None; 20], &texts, MAX_PAGES);
        assert!(out
            .iter()
            .flatten()
            .all(|r| r.iter().all(|x| x.is_finite())));
    }
}
