//! The parts of Python's `urllib.parse.urlsplit` (3.11) that `url_key` reads: the
//! `hostname` and the `path`, and the `ValueError`s on the way (as `None`).

use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;

/// `scheme_chars`: what a scheme before the first ':' may be made of.
fn is_scheme_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')
}

/// `urlsplit(url)`'s netloc and path, or `None` where it raises `ValueError`.
pub(crate) fn split_netloc_path(url: &str) -> Option<(String, String)> {
    // WHATWG: leading C0 controls and spaces go, and tabs and newlines anywhere.
    let url = url.trim_start_matches(|c: char| c <= ' ');
    let url: String = url
        .chars()
        .filter(|c| !matches!(c, '\t' | '\r' | '\n'))
        .collect();
    let mut rest = url.as_str();
    if let Some(i) = rest.find(':') {
        let scheme = &rest[..i];
        let first = scheme.chars().next();
        if first.is_some_and(|c| c.is_ascii_alphabetic()) && scheme.chars().all(is_scheme_char) {
            rest = &rest[i + 1..];
        }
    }
    let mut netloc = "";
    if let Some(after) = rest.strip_prefix("//") {
        let end = after.find(['/', '?', '#']).unwrap_or(after.len());
        netloc = &after[..end];
        rest = &after[end..];
        match (netloc.contains('['), netloc.contains(']')) {
            (true, false) | (false, true) => return None,
            (true, true) => {
                let bracketed = netloc.split_once('[').map_or("", |(_, b)| b);
                let host = bracketed.split_once(']').map_or(bracketed, |(h, _)| h);
                if !bracketed_host_ok(host) {
                    return None;
                }
            }
            (false, false) => {}
        }
    }
    let path = rest.split_once('#').map_or(rest, |(p, _)| p);
    let path = path.split_once('?').map_or(path, |(p, _)| p);
    if !netloc_ok(netloc) {
        return None;
    }
    Some((netloc.to_string(), path.to_string()))
}

/// `_checknetloc`: a non-ASCII netloc whose NFKC form grows a '/', '?', '#', '@' or ':'.
fn netloc_ok(netloc: &str) -> bool {
    if netloc.is_ascii() {
        return true;
    }
    let n: String = netloc
        .chars()
        .filter(|c| !matches!(c, '@' | ':' | '#' | '?'))
        .collect();
    let normal: String = n.nfkc().collect();
    normal == n || !normal.contains(['/', '?', '#', '@', ':'])
}

/// `_check_bracketed_host`: an IPvFuture (`v1.x`) or an IPv6 address, not an IPv4 one.
fn bracketed_host_ok(host: &str) -> bool {
    if let Some(future) = host.strip_prefix('v') {
        // \Av[a-fA-F0-9]+\..+\Z
        let hex = future.len()
            - future
                .trim_start_matches(|c: char| c.is_ascii_hexdigit())
                .len();
        return hex > 0
            && future[hex..]
                .strip_prefix('.')
                .is_some_and(|tail| !tail.is_empty());
    }
    !is_ipv4(host) && is_ipv6(host)
}

/// `ipaddress.IPv4Address(text)` succeeds: four decimal octets, no leading zeros, <= 255.
fn is_ipv4(text: &str) -> bool {
    let octets: Vec<&str> = text.split('.').collect();
    octets.len() == 4
        && octets.iter().all(|o| {
            !o.is_empty()
                && o.len() <= 3
                && o.bytes().all(|b| b.is_ascii_digit())
                && (*o == "0" || !o.starts_with('0'))
                && o.parse::<u16>().is_ok_and(|v| v <= 255)
        })
}

/// `ipaddress.IPv6Address(text)` succeeds (its `_split_scope_id` and `_ip_int_from_string`).
fn is_ipv6(text: &str) -> bool {
    if text.contains('/') {
        return false;
    }
    let addr = match text.split_once('%') {
        Some((_, scope)) if scope.is_empty() || scope.contains('%') => return false,
        Some((addr, _)) => addr,
        None => text,
    };
    if addr.is_empty() {
        return false;
    }
    let mut parts: Vec<Cow<str>> = addr.split(':').map(Cow::Borrowed).collect();
    if parts.len() < 3 {
        return false;
    }
    if parts.last().is_some_and(|p| p.contains('.')) {
        let Some(v4) = parts.pop() else { return false };
        if !is_ipv4(&v4) {
            return false;
        }
        parts.push(Cow::Borrowed("0"));
        parts.push(Cow::Borrowed("0"));
    }
    hextets_ok(&parts)
}

/// The hextets of an IPv6 address: eight, or fewer around one "::".
fn hextets_ok(parts: &[Cow<str>]) -> bool {
    const HEXTETS: usize = 8;
    if parts.len() > HEXTETS + 1 {
        return false;
    }
    let n = parts.len();
    let mut skip = None;
    for (i, part) in parts.iter().enumerate().take(n - 1).skip(1) {
        if part.is_empty() {
            if skip.is_some() {
                return false;
            }
            skip = Some(i);
        }
    }
    let (hi, lo) = match skip {
        Some(s) => {
            let (mut hi, mut lo) = (s, n - s - 1);
            if parts[0].is_empty() {
                hi -= 1;
                if hi > 0 {
                    return false;
                }
            }
            if parts[n - 1].is_empty() {
                lo -= 1;
                if lo > 0 {
                    return false;
                }
            }
            if HEXTETS < hi + lo + 1 {
                return false;
            }
            (hi, lo)
        }
        None => {
            if n != HEXTETS || parts[0].is_empty() || parts[n - 1].is_empty() {
                return false;
            }
            (n, 0)
        }
    };
    parts[..hi]
        .iter()
        .chain(&parts[n - lo..])
        .all(|h| hextet_ok(h))
}

/// `_parse_hextet`: one to four hexadecimal digits (Python also parses an empty one as
/// "no digits" and refuses it).
fn hextet_ok(h: &str) -> bool {
    !h.is_empty() && h.len() <= 4 && h.bytes().all(|b| b.is_ascii_hexdigit())
}

/// `SplitResult.hostname`: the netloc without user info and port, brackets dropped, lower
/// case (but for an IPv6 zone after '%'); `None` for none.
pub(crate) fn hostname(netloc: &str) -> Option<String> {
    let hostinfo = netloc.rsplit_once('@').map_or(netloc, |(_, h)| h);
    let host = match hostinfo.split_once('[') {
        Some((_, bracketed)) => bracketed.split_once(']').map_or(bracketed, |(h, _)| h),
        None => hostinfo.split_once(':').map_or(hostinfo, |(h, _)| h),
    };
    if host.is_empty() {
        return None;
    }
    Some(match host.split_once('%') {
        Some((name, zone)) => format!("{}%{zone}", name.to_lowercase()),
        None => host.to_lowercase(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(url: &str) -> Option<(Option<String>, String)> {
        split_netloc_path(url).map(|(netloc, path)| (hostname(&netloc), path))
    }

    #[test]
    fn ordinary_urls() {
        let s = |h: &str, p: &str| Some((Some(h.to_string()), p.to_string()));
        assert_eq!(
            split("https://User:pw@WWW.Example.COM:8080/a/b/?q=1#f"),
            s("www.example.com", "/a/b/")
        );
        assert_eq!(split("//example.org"), s("example.org", ""));
        assert_eq!(split("  \u{1}http://x.de/p#frag?no"), s("x.de", "/p"));
        assert_eq!(split("ht\ttp://x\n.de/p"), s("x.de", "/p"));
        assert_eq!(split("http://[::1]:80/x"), s("::1", "/x"));
        assert_eq!(split("http://[FE80::1%eTh0]/"), s("fe80::1%eTh0", "/"));
        assert_eq!(
            split("example.com/path"),
            Some((None, "example.com/path".into()))
        );
        assert_eq!(split("mailto:me@x.org"), Some((None, "me@x.org".into())));
        assert_eq!(split("http:///path"), Some((None, "/path".into())));
    }

    #[test]
    fn python_value_errors() {
        assert_eq!(split("http://[::1/x"), None);
        assert_eq!(split("http://::1]/x"), None);
        assert_eq!(split("http://[1.2.3.4]/"), None);
        assert_eq!(split("http://[nothost]/"), None);
        assert_eq!(
            split("http://[v1.x]/").map(|s| s.0),
            Some(Some("v1.x".into()))
        );
        assert_eq!(split("http://[v.x]/"), None);
        // U+FF03 (fullwidth '#') is '#' under NFKC.
        assert_eq!(split("http://a\u{ff03}b.com/"), None);
        assert!(split("http://bücher.de/").is_some());
    }

    #[test]
    fn ipv6_as_ipaddress_reads_it() {
        for ok in [
            "::",
            "::1",
            "1::",
            "1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7::",
            "::ffff:1.2.3.4",
            "a::b%z",
        ] {
            assert!(is_ipv6(ok), "{ok}");
        }
        for bad in [
            "",
            ":",
            "1:2",
            "1:::2",
            "1::2::3",
            "12345::",
            "1:2:3:4:5:6:7:8:9",
            "::1.2.3.04",
            "g::",
            ":1::",
            "a::b%",
            "1:2:3:4:5:6:7:8::",
        ] {
            assert!(!is_ipv6(bad), "{bad}");
        }
    }
}
