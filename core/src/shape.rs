//! What a line looks like, in numbers that carry from one outlet (and language) to the next:
//! what `features/lineshape.py` exposes (`LINE_SHAPE`, `line_shape`, `edge_tokens`).
//!
//! Each flag is the Python regular expression run on the line's shadow (`crate::pyre`), so
//! `\w`, `\b` and IGNORECASE mean what they mean to Python. The regex crate has no
//! look-around; the three patterns that use it are rewritten into equivalent tests (see
//! `HANDLE_OR_EMAIL`, `BULLET`, `bio`).

use crate::pyre::{compile, shadow, Case};
use crate::pyunicode::{class, is_py_space, is_word, push_casefold};
use crate::vocabulary::py_strip;
use regex::bytes::Regex;
use std::sync::LazyLock;

/// `LINE_SHAPE`: the names of `line_shape`'s columns, in order.
pub const LINE_SHAPE: [&str; 14] = [
    "call_start",
    "second_person",
    "label_start",
    "bullet",
    "date",
    "reading_time",
    "price",
    "handle_or_email",
    "url",
    "copyright",
    "bio",
    "credit",
    "ends_colon",
    "all_caps",
];

/// `_CALLS`: first words that ask the reader to do something (seven languages).
const CALLS: &str = "sign subscribe follow support donate share click tap read download register \
    join log login signup get try watch listen discover explore visit buy shop order book \
    contact email call continue start save find check become give learn see view like \
    comment reply print enter claim unlock upgrade install open request schedule grab browse \
    discuss jetzt abonnieren abonniere anmelden melden folgen folge teilen teile lesen lies \
    weiterlesen mehr hier registrieren kaufen bestellen entdecken entdecke kontakt spenden \
    unterstützen unterstütze newsletter abonnez abonnez-vous inscrivez-vous inscrivez \
    suivez partagez lire découvrez téléchargez soutenez cliquez suscríbete suscríbase \
    síguenos sigue comparte leer lee descarga descubre regístrate dona apoya volg deel lees \
    meld abonneer iscriviti seguici condividi leggi scopri scarica assine siga compartilhe \
    leia baixe";

/// `_MONTHS`.
const MONTHS: &str = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|\
    march|april|june|july|august|september|october|november|december|januar|februar|märz|mai|\
    juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|\
    novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|\
    noviembre|diciembre";

/// `_CALL_START` (IGNORECASE): the calls, longest first, as Python sorts them.
static CALL_START: LazyLock<Regex> = LazyLock::new(|| {
    let mut calls: Vec<&str> = CALLS.split_whitespace().collect();
    calls.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    let alternatives: Vec<String> = calls.iter().map(|w| regex::escape(w)).collect();
    compile(
        &format!(r"^\W*(?:{})\b", alternatives.join("|")),
        Case::Ignore,
    )
});

/// `_SECOND_PERSON` (IGNORECASE): words that address the reader.
static SECOND_PERSON: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\b(?:you|your|yours|you're|you’re|you'll|you’ll|du|dich|dir|dein|deine|euch|vous|votre|vos|usted|tú|jij|uw)\b",
        Case::Ignore,
    )
});

/// `_LABEL_START`: "Read more:", "Related:", a short label then a colon.
static LABEL_START: LazyLock<Regex> =
    LazyLock::new(|| compile(r"^\W*\w+(?:\s+\w+){0,2}\s*[:|»›>]\s*\S", Case::Sensitive));

/// `_BULLET`; Python's look-ahead `(?=\s)` becomes a consumed `\s` (only whether it
/// matches is read).
static BULLET: LazyLock<Regex> =
    LazyLock::new(|| compile(r"^\s*(?:[-–—•·*▪►✓✔>]|\d{1,3}[.)]\s)", Case::Sensitive));

/// `_DATE` (IGNORECASE).
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        &format!(
            r"\b\d{{4}}-\d{{1,2}}-\d{{1,2}}\b|\b\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}\b|\b(?:{MONTHS})\.?\s+\d{{1,2}}\b|\b\d{{1,2}}\.?\s+(?:{MONTHS})\b|\b\d{{1,2}}:\d{{2}}\s*(?:[ap]\.?m\.?|uhr|h)?\b|\b(?:\d+|an?)\s+(?:hours?|minutes?|days?|weeks?|months?|years?)\s+ago\b"
        ),
        Case::Ignore,
    )
});

/// `_READING_TIME` (IGNORECASE).
static READING_TIME: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\b\d+\s*(?:-\s*)?(?:min(?:ute)?s?\.?|minuten?)\s+(?:read|lesen|lesezeit|de lecture|de lectura|listen)\b|\blesezeit\b|\breading time\b",
        Case::Ignore,
    )
});

/// `_PRICE` (IGNORECASE).
static PRICE: LazyLock<Regex> =
    LazyLock::new(|| compile(r"[$€£¥₹]\s?\d|\d\s?(?:[$€£¥₹]|eur|usd|gbp)\b", Case::Ignore));

/// `_HANDLE_OR_EMAIL`; the look-behind `(?<!\w)@` becomes "at the start or after a
/// non-word character" (only whether it matches is read).
static HANDLE_OR_EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?:^|\W)@\w{2,}|\b[\w.+-]+@[\w-]+\.[\w.]+\b",
        Case::Sensitive,
    )
});

/// `_URL` (IGNORECASE).
static URL: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"https?://|\bwww\.\w|\b\w+\.(?:com|org|net|de|co\.uk|fr|es|io)\b",
        Case::Ignore,
    )
});

/// `_BIO`'s first branch, `(?i:hi,? i['’]?m |about the author\b)`.
static BIO_GREETING: LazyLock<Regex> =
    LazyLock::new(|| compile(r"^(?:hi,? i['’]?m |about the author\b)", Case::Ignore));

/// `_BIO`'s negative look-ahead, `(?i:the|a|...)\b`: a name does not start so.
static BIO_NOT_A_NAME: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?:the|a|an|this|that|it|he|she|they|we|there|our|its|his|her|their)\b",
        Case::Ignore,
    )
});

/// `_BIO`'s second branch after the look-ahead: "Jane Doe is ...", case-sensitive.
static BIO_NAME: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?:[A-Z][\w.'’-]+\s){1,3}(?:is|was|has been|has written|writes|covers|joined|holds|lives)\b",
        Case::Sensitive,
    )
});

/// `_CREDIT` (IGNORECASE): who made the picture or chart.
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^\W*(?:photo(?:graph)?s?|image|illustration|picture|credit|courtesy|source|foto|bild|quelle|crédit|fuente)\b(?:\s+(?:by|via|provided|courtesy|credit|source))?",
        Case::Ignore,
    )
});

/// `_COPYRIGHT` (IGNORECASE).
static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b",
        Case::Ignore,
    )
});

#[inline]
fn flag(b: bool) -> f64 {
    if b {
        1.0
    } else {
        0.0
    }
}

/// `_BIO.match(stripped)`: a greeting, or a capitalised name (not a pronoun or article)
/// followed by "is", "writes", "joined" ...
fn bio(folded: &[u8], cased: &[u8]) -> bool {
    BIO_GREETING.is_match(folded) || (!BIO_NOT_A_NAME.is_match(folded) && BIO_NAME.is_match(cased))
}

/// At least three letters and all of them upper case (`isalpha`, `isupper` as Python).
fn all_caps(stripped: &str) -> bool {
    let mut letters = 0usize;
    for c in stripped.chars() {
        let cls = class(c);
        if cls.alpha() {
            if !cls.upper() {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 3
}

/// `line_shape(text)`: one float per name in `LINE_SHAPE`; flags are 0 or 1, and
/// `second_person` counts words addressing the reader, capped at 3 and scaled to [0, 1].
pub fn line_shape(text: &str) -> [f64; 14] {
    let stripped = py_strip(text);
    let chars = stripped.chars().count();
    let folded = shadow(stripped, Case::Ignore);
    let cased = shadow(stripped, Case::Sensitive);
    let second_person = SECOND_PERSON.find_iter(&folded).take(3).count();
    [
        flag(CALL_START.is_match(&folded)),
        second_person as f64 / 3.0,
        flag(chars < 200 && LABEL_START.is_match(&cased)),
        flag(BULLET.is_match(&cased)),
        flag(DATE.is_match(&folded)),
        flag(READING_TIME.is_match(&folded)),
        flag(PRICE.is_match(&folded)),
        flag(HANDLE_OR_EMAIL.is_match(&cased)),
        flag(URL.is_match(&folded)),
        flag(COPYRIGHT.is_match(&folded)),
        flag(bio(&folded, &cased)),
        flag(chars < 300 && CREDIT.is_match(&folded)),
        flag(stripped.ends_with(':')),
        flag(all_caps(stripped)),
    ]
}

/// `edge_tokens`' defaults: opening tokens of up to three words, closing of up to two.
const FIRST: usize = 3;
const LAST: usize = 2;
/// `text[:200]`: only the line's first 200 characters are read.
const EDGE_CHARS: usize = 200;

/// `_EDGE_TOKEN.findall(_DIGITS.sub("0", text[:200].casefold()))`: words (`\w+`, each run
/// of decimal digits read as one "0") and single marks (`[^\w\s]`).
fn edge_words(text: &str) -> Vec<String> {
    let mut folded = String::with_capacity(EDGE_CHARS);
    for c in text.chars().take(EDGE_CHARS) {
        push_casefold(c, &mut folded);
    }
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_digits = false;
    for c in folded.chars() {
        if class(c).decimal() {
            if !in_digits {
                word.push('0');
            }
            in_digits = true;
            continue;
        }
        in_digits = false;
        if is_word(c) {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        if !is_py_space(c) {
            words.push(c.to_string());
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// `edge_tokens(text)`: the line's opening and closing words as tokens that keep their
/// place (`^read`, `^read_more`, `^read_more_:` ... `for$`), "^" for a line without any.
/// "Read more:" opening a line is a teaser; inside a sentence it is nothing.
pub fn edge_tokens(text: &str) -> String {
    let words = edge_words(text);
    let mut tokens: Vec<String> = (1..=FIRST.min(words.len()))
        .map(|k| format!("^{}", words[..k].join("_")))
        .collect();
    let tail = &words[words.len().saturating_sub(LAST)..];
    tokens.extend((0..tail.len()).map(|k| format!("{}$", tail[k..].join("_"))));
    if tokens.is_empty() {
        return "^".to_string();
    }
    tokens.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(text: &str) -> Vec<&'static str> {
        let v = line_shape(text);
        LINE_SHAPE
            .iter()
            .zip(v)
            .filter(|(_, x)| *x > 0.0)
            .map(|(n, _)| *n)
            .collect()
    }

    #[test]
    fn every_pattern_compiles() {
        for re in [
            &CALL_START,
            &SECOND_PERSON,
            &LABEL_START,
            &BULLET,
            &DATE,
            &READING_TIME,
            &PRICE,
            &HANDLE_OR_EMAIL,
            &URL,
            &BIO_GREETING,
            &BIO_NOT_A_NAME,
            &BIO_NAME,
            &CREDIT,
            &COPYRIGHT,
        ] {
            assert!(!re.as_str().is_empty());
        }
    }

    #[test]
    fn calls_labels_and_bullets() {
        assert_eq!(shape("  Sign up for our newsletter "), ["call_start"]);
        assert_eq!(shape("» Weiterlesen"), ["call_start"]);
        assert_eq!(shape("UNTERSTÜTZEN Sie uns"), ["call_start"]);
        assert_eq!(shape("Signed, sealed"), Vec::<&str>::new());
        assert_eq!(shape("Related: the other story"), ["label_start"]);
        assert_eq!(shape("1. First point"), ["bullet"]);
        assert_eq!(shape("1.5 million"), Vec::<&str>::new());
        assert_eq!(shape("• item"), ["bullet"]);
    }

    #[test]
    fn metadata_flags() {
        assert!(shape("Posted 3 hours ago").contains(&"date"));
        assert!(shape("12 Juli 2024").contains(&"date"));
        assert!(shape("5 min read").contains(&"reading_time"));
        assert!(shape("Only $5 a month").contains(&"price"));
        assert!(shape("Follow @winnow").contains(&"handle_or_email"));
        assert!(!shape("mail@x").contains(&"handle_or_email"));
        assert!(shape("me@example.org").contains(&"handle_or_email"));
        assert!(shape("see example.com").contains(&"url"));
        assert!(shape("© 2024 Winnow").contains(&"copyright"));
        assert!(shape("Photo by Jane").contains(&"credit"));
        assert_eq!(shape("Contents:"), ["ends_colon"]);
        assert_eq!(shape("BREAKING NEWS"), ["all_caps"]);
        assert_eq!(shape("AB 12"), Vec::<&str>::new());
    }

    #[test]
    fn bios_but_not_sentences() {
        assert!(shape("Jane Doe is a reporter.").contains(&"bio"));
        assert!(shape("Hi, I’m Jane").contains(&"bio"));
        assert!(!shape("The Times is a paper.").contains(&"bio"));
        assert!(!shape("He is here").contains(&"bio"));
        // "Their" is not "the" followed by a boundary, but is itself excluded.
        assert!(!shape("Their Story is long").contains(&"bio"));
        assert!(shape("Theo Smith writes").contains(&"bio"));
    }

    #[test]
    fn second_person_counts_to_three() {
        assert_eq!(line_shape("you")[1], 1.0 / 3.0);
        assert_eq!(line_shape("You, your, yours and you")[1], 1.0);
        assert_eq!(line_shape("youth")[1], 0.0);
    }

    #[test]
    fn python_words_and_cases() {
        // 'ı' and 'İ' match 'i' under Python's IGNORECASE.
        assert_eq!(line_shape("JOİN us")[0], 1.0);
        // A combining mark ends a Python word: "read" then a mark is still a call.
        assert_eq!(line_shape("read\u{301}")[0], 1.0);
        // '²' continues one: "read²" is not the word "read".
        assert_eq!(line_shape("read²")[0], 0.0);
        // Python's isupper: 'ß' is lower case, so not all caps.
        assert_eq!(line_shape("STRAßE")[13], 0.0);
        assert_eq!(line_shape("ΣΟΦΊΑ")[13], 1.0);
    }

    #[test]
    fn hostile_lines() {
        assert_eq!(line_shape(""), [0.0; 14]);
        assert_eq!(line_shape(" \u{1f}\u{a0} "), [0.0; 14]);
        let long = "word you ".repeat(120_000);
        let v = line_shape(&long);
        assert_eq!((v[0], v[1], v[2]), (0.0, 1.0, 0.0));
        assert!(v.iter().all(|x| x.is_finite()));
        let junk: String = (0..200_000u32).filter_map(char::from_u32).collect();
        assert!(line_shape(&junk).iter().all(|x| (0.0..=1.0).contains(x)));
    }

    #[test]
    fn edge_tokens_keep_their_place() {
        assert_eq!(
            edge_tokens("Read more: the story"),
            "^read ^read_more ^read_more_: the_story$ story$"
        );
        assert_eq!(
            edge_tokens("Straße 12-14"),
            "^strasse ^strasse_0 ^strasse_0_- -_0$ 0$"
        );
        assert_eq!(edge_tokens("Hi"), "^hi hi$");
        assert_eq!(edge_tokens(""), "^");
        assert_eq!(edge_tokens("   "), "^");
        assert_eq!(edge_tokens("!!"), "^! ^!_! !_!$ !$");
        assert_eq!(edge_tokens("a١٢b c"), "^a0b ^a0b_c a0b_c$ c$");
    }

    #[test]
    fn edge_tokens_read_only_200_characters() {
        let text = format!("{} tail", "x ".repeat(150));
        assert_eq!(edge_tokens(&text), "^x ^x_x ^x_x_x x_x$ x$");
        let huge = "é".repeat(1 << 20);
        assert_eq!(edge_tokens(&huge), format!("^{0} {0}$", "é".repeat(200)));
    }
}
