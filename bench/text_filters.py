"""The published line-level text filters: baselines of the plain-text benchmark.

Some pages reach winnow as text, a list of lines, with the HTML gone (an extractor's output, or
all visible text). The fair baselines there are the line rules that web-corpus pipelines publish
(C4, Gopher, FineWeb, RefinedWeb, jusText's classifier, CCNet's dedup), written here from their
papers' descriptions. Every filter is one function over a batch, `pages: list[list[str]]` ->
`list[list[bool]]` keep-masks of the same shape (True = keep the line as content), so a filter
that needs the whole batch (CCNet's cross-page dedup) fits the same interface as per-line rules.

The benchmark scores lines of article pages, so rules that the papers apply to whole documents
are either turned into line rules (each filter's docstring says how) or offered as an option that
is off by default: dropping a whole page is the right call for a pretraining corpus and a wrong
one when the question is which lines of a news page are chaff.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from collections import Counter, OrderedDict
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher

Pages = list[list[str]]
Masks = list[list[bool]]
TextFilter = Callable[[Pages], Masks]

# ---------------------------------------------------------------- shared helpers

# Punctuation and symbols trimmed off a word's ends before Gopher measures its length.
_WORD_STRIP = "".join(
    chr(i) for i in range(0x2FFF) if unicodedata.category(chr(i)).startswith(("P", "S"))
)
_POLICY_SUBSTRINGS = (
    "terms of use",
    "privacy policy",
    "cookie policy",
    "uses cookies",
    "use of cookies",
    "use cookies",
)
# Wikipedia-style citation markers, removed before C4 looks at a line's last character.
_CITATION = re.compile(r"\[\d*\]|\[edit\]|\[citation needed\]", re.IGNORECASE)
# C4's end marks are . ? ! and the straight double quote; closing quote variants are added so
# typographic quotes in modern pages count the same.
_TERMINAL = (".", "!", "?", '"', "'", "\u201d", "\u2019", "\u00bb")
_ELLIPSES = ("...", "\u2026")


def _words(line: str) -> list[str]:
    return line.split()


def _has_policy(lower: str) -> bool:
    return any(phrase in lower for phrase in _POLICY_SUBSTRINGS)


def _ends_terminal(line: str) -> bool:
    """C4's test: ends in . ! ? or a closing quote, and not in an ellipsis."""
    text = _CITATION.sub("", line).rstrip()
    return text.endswith(_TERMINAL) and not text.endswith(_ELLIPSES)


def _repeated_in_page(lines: Sequence[str]) -> list[bool]:
    """True for every copy of a non-blank line that occurs more than once in its page."""
    keys = [" ".join(line.split()).lower() for line in lines]
    counts = Counter(key for key in keys if key)
    return [bool(key) and counts[key] > 1 for key in keys]


def _sentence_count(text: str) -> int:
    """Sentences as runs of end marks followed by space or the end (C4 used NLTK's punkt)."""
    return max(1, len(re.findall(r"[.!?\u2026]+[\"'\u201d\u2019\u00bb)\]]*(?=\s|$)", text)))


# ---------------------------------------------------------------- filters


def keep_everything(pages: Pages) -> Masks:
    """The floor every filter is compared with: no line removed."""
    return [[True] * len(page) for page in pages]


def c4_line_rules(
    pages: Pages,
    *,
    min_words: int = 5,
    min_sentences: int = 3,
    page_rules: bool = False,
) -> Masks:
    """C4's cleaning rules (Raffel et al. 2020, section 2.2) per line.

    A line is kept when it ends in a terminal punctuation mark (not an ellipsis; citation markers
    like "[1]" are ignored), has at least `min_words` words, does not mention "javascript" and
    holds no policy phrase ("terms of use", "privacy policy", "cookie policy", "uses cookies",
    "use of cookies", "use cookies"). The thresholds are those of the released TFDS code that
    built C4 (5 words a line, 3 sentences a page); the paper's prose says 3 and 5.

    With `page_rules=True` the page-level rules also apply: a page holding "lorem ipsum" or a
    curly bracket, or with fewer than `min_sentences` sentences in its kept lines, loses every
    line. They are off by default because the benchmark scores lines of pages already known to
    be articles. The bad-words page filter and the three-sentence-span dedup across the corpus
    are not reproduced: neither separates chaff from content within a page.
    """
    masks: Masks = []
    for page in pages:
        mask = []
        for line in page:
            lower = line.lower()
            mask.append(
                _ends_terminal(line)
                and len(_words(_CITATION.sub("", line))) >= min_words
                and "javascript" not in lower
                and not _has_policy(lower)
            )
        if page_rules:
            whole = "\n".join(page)
            kept = [line for line, keep in zip(page, mask, strict=True) if keep]
            sentences = sum(_sentence_count(line) for line in kept)
            if "lorem ipsum" in whole.lower() or "{" in whole or sentences < min_sentences:
                mask = [False] * len(page)
        masks.append(mask)
    return masks


_BULLETS = (
    "\u2022",  # •
    "\u00b7",  # ·
    "\u2219",  # ∙
    "\u2023",  # ‣
    "\u2043",  # ⁃
    "\u25e6",  # ◦
    "\u25aa",  # ▪
    "\u25ab",  # ▫
    "\u25a0",  # ■
    "\u25a1",  # □
    "\u25cf",  # ●
    "\u25cb",  # ○
    "\u25ba",  # ►
    "\u25b6",  # ▶
    "\u25b8",  # ▸
    "\u27a2",  # ➢
    "\u27a4",  # ➤
    "\u2192",  # →
    "\u2013",  # –
    "-",
    "*",
)
_GOPHER_STOPWORDS = frozenset({"the", "be", "to", "of", "and", "that", "have", "with"})


def gopher_line_rules(
    pages: Pages, *, langs: Sequence[str | None] | None = None, min_words: int = 2
) -> Masks:
    """Gopher's quality filters (Rae et al. 2021, appendix A.1.1) turned into line rules.

    Gopher judges whole documents; each rule that can be read per line is applied to the line:
    - "> 90% of lines start with a bullet point" -> drop a line starting with a bullet
      (• · ‣ ◦ ▪ ■ ● ► → – - * and similar);
    - "> 30% of lines end with an ellipsis" -> drop a line ending in "..." or "…";
    - "symbol-to-word ratio > 0.1 for # and ellipses" -> drop a line over that ratio;
    - "< 80% of words contain an alphabetic character" -> drop such a line;
    - "mean word length outside 3..10 characters" -> drop such a line;
    - "fewer than 2 of the stop words the, be, to, of, and, that, have, with" -> drop such a line
      (English only: skipped for pages whose `langs` entry is another language);
    - the repetition filters (duplicate lines) -> drop every copy of a line repeated in the page.
    The 50-word minimum becomes a `min_words` (2) minimum per line; the 100,000-word maximum and
    the n-gram repetition fractions have no line reading and are left out.
    """
    masks: Masks = []
    for index, page in enumerate(pages):
        lang = langs[index] if langs is not None and index < len(langs) else None
        english = lang is None or lang.lower().replace("_", "-").split("-")[0] in ("en", "english")
        repeated = _repeated_in_page(page)
        mask = []
        for line, rep in zip(page, repeated, strict=True):
            mask.append(not rep and _gopher_line_ok(line, english, min_words))
        masks.append(mask)
    return masks


def _gopher_line_ok(line: str, english: bool, min_words: int) -> bool:
    text = line.strip()
    words = _words(text)
    if len(words) < min_words:
        return False
    if text.startswith(_BULLETS):
        return False
    if text.rstrip(")]\"'\u201d\u2019\u00bb").endswith(_ELLIPSES):
        return False
    symbols = text.count("#") + text.count("...") + text.count("\u2026")
    if symbols / len(words) > 0.1:
        return False
    if sum(any(ch.isalpha() for ch in word) for word in words) < 0.8 * len(words):
        return False
    stripped = [w.strip(_WORD_STRIP) for w in words]
    stripped = [w for w in stripped if w]
    if not stripped or not 3 <= sum(map(len, stripped)) / len(stripped) <= 10:
        return False
    if english and sum(w.lower() in _GOPHER_STOPWORDS for w in stripped) < 2:
        return False
    return True


def fineweb_line_rules(
    pages: Pages, *, short_chars: int = 30, unpunctuated_words: int = 10, min_words: int = 3
) -> Masks:
    """FineWeb's filters (Penedo et al. 2024) turned into line rules.

    FineWeb ran C4's filters without the terminal-punctuation rule, then three custom document
    rules; here each becomes a line rule:
    - C4 as FineWeb configured it -> drop a line mentioning "javascript" or a policy phrase, or
      with fewer than `min_words` (3) words;
    - "fraction of lines shorter than 30 characters >= 0.67" -> drop a line of at most
      `short_chars` (30) characters;
    - "fraction of lines ending in punctuation <= 0.12" -> drop a line without terminal
      punctuation only when it is short (fewer than `unpunctuated_words`, 10, words), since long
      unpunctuated lines are mostly paragraphs that lost their last mark;
    - "fraction of characters in duplicated lines >= 0.1" -> drop every copy of a line repeated
      in the page.
    C4's page rules (lorem ipsum, curly bracket, 5 sentences) are left out, as in `c4_line_rules`.
    """
    masks: Masks = []
    for page in pages:
        repeated = _repeated_in_page(page)
        mask = []
        for line, rep in zip(page, repeated, strict=True):
            text = line.strip()
            lower = text.lower()
            n_words = len(_words(text))
            mask.append(
                not rep
                and len(text) > short_chars
                and n_words >= min_words
                and (_ends_terminal(text) or n_words >= unpunctuated_words)
                and "javascript" not in lower
                and not _has_policy(lower)
            )
        masks.append(mask)
    return masks


_COUNTER_WORDS = (
    r"(?:likes?|comments?|shares?|views?|reads?|replies|reply|retweets?|reposts?|tweets?|pins?|"
    r"followers?|following|subscribers?|reactions?|votes?|points?|favorites?|favourites?|"
    r"saves?|claps?|upvotes?|downvotes?|responses?)"
)
_NUMBER = r"\d[\d.,\u00a0\u202f ]*[kKmM]?\+?"
# "12 likes", "3 comments", "1.2K views", "Share 4", "Comments (12)", "Likes: 30".
_COUNTER = re.compile(
    rf"^\W*(?:{_NUMBER}\s*{_COUNTER_WORDS}|{_COUNTER_WORDS}\W*{_NUMBER})\W*$", re.IGNORECASE
)


def refinedweb_line_corrections(
    pages: Pages, *, page_rule: bool = False, max_removed_words: float = 0.05
) -> Masks:
    """RefinedWeb's line-wise corrections (Penedo et al. 2023, Macrodata Refinement).

    A line is removed when it is mostly uppercase (over half its letters), only numerical (no
    letters, at least one digit), a social counter ("12 likes", "3 comments", "Share 4"), or a
    single word (or empty). RefinedWeb also drops a document when these corrections remove more
    than 5% of its words; that is `page_rule=True`, off by default because on the benchmark's
    article pages it would discard the content along with the chaff.
    """
    masks: Masks = []
    for page in pages:
        mask = [_refinedweb_line_ok(line) for line in page]
        if page_rule:
            total = sum(len(_words(line)) for line in page)
            removed = sum(
                len(_words(line)) for line, keep in zip(page, mask, strict=True) if not keep
            )
            if total and removed / total > max_removed_words:
                mask = [False] * len(page)
        masks.append(mask)
    return masks


def _refinedweb_line_ok(line: str) -> bool:
    text = line.strip()
    if len(_words(text)) <= 1:
        return False
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return not any(ch.isdigit() for ch in text)
    if sum(ch.isupper() for ch in letters) > 0.5 * len(letters):
        return False
    return not _COUNTER.match(text)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def _justext_key(text: str) -> str:
    """The form in which a line comes back as a jusText paragraph's text."""
    return " ".join(_CONTROL.sub("", text).split())


def justext_on_text(pages: Pages, *, langs: Sequence[str | None] | None = None) -> Masks:
    """jusText's paragraph classifier (Pomikálek 2011) on text: each line becomes a <p>.

    The page is rebuilt as a minimal HTML document, one HTML-escaped <p> per line, and classified
    with jusText's default parameters and the page's stoplist (English when `langs` gives none);
    a line is kept when its paragraph is not boilerplate after jusText's context revision.
    Paragraphs are matched back to lines by their text, so a paragraph jusText merges or drops
    leaves its lines kept (True) rather than shifting every later line; a page jusText cannot
    parse is kept whole.
    """
    import justext

    try:
        from bench.extractors import justext_stoplist
    except ImportError:  # run as a script from inside bench/
        from extractors import justext_stoplist

    masks: Masks = []
    for index, page in enumerate(pages):
        mask = [True] * len(page)
        keys = [_justext_key(line) for line in page]
        if any(keys):
            lang = langs[index] if langs is not None and index < len(langs) else None
            body = "".join(f"<p>{html.escape(key)}</p>\n" for key in keys if key)
            document = f"<html><head><meta charset='utf-8'></head><body>\n{body}</body></html>"
            try:
                paragraphs = justext.justext(document, justext_stoplist(lang))
            except Exception:  # unparseable page: keep it, as "lost" lines are kept
                paragraphs = []
            texts = [_justext_key(p.text) for p in paragraphs]
            matcher = SequenceMatcher(None, keys, texts, autojunk=False)
            for block in matcher.get_matching_blocks():
                for offset in range(block.size):
                    i, j = block.a + offset, block.b + offset
                    if keys[i]:
                        mask[i] = not paragraphs[j].is_boilerplate
        masks.append(mask)
    return masks


def _ccnet_normalize(line: str) -> str:
    """CCNet's normalisation: lowercase, digits to 0, accents, punctuation and symbols (ASCII
    punctuation includes $ + < = > | ~) and control characters gone, whitespace folded."""
    text = unicodedata.normalize("NFD", line.lower())
    out = []
    for ch in text:
        category = unicodedata.category(ch)
        if category == "Mn" or category.startswith(("P", "S", "C")):
            continue
        out.append("0" if ch.isdigit() else ch)
    return " ".join("".join(out).split())


def _ccnet_hash(normalized: str) -> bytes:
    return hashlib.sha1(normalized.encode("utf-8")).digest()[:8]


def ccnet_line_dedup(pages: Pages, *, min_pages: int = 2) -> Masks:
    """CCNet's paragraph dedup (Wenzek et al. 2020) with the batch standing in for a shard.

    Each line is normalised and hashed; a line whose hash occurs in at least `min_pages`
    different pages of the batch is boilerplate (menus, footers, share prompts repeat across a
    site's pages; article paragraphs do not). Lines that normalise to nothing are kept. Repeats
    within one page do not count: CCNet compares against the rest of the shard.
    """
    hashes: list[list[bytes | None]] = []
    page_counts: Counter[bytes] = Counter()
    for page in pages:
        page_hashes = []
        for line in page:
            normalized = _ccnet_normalize(line)
            page_hashes.append(_ccnet_hash(normalized) if normalized else None)
        hashes.append(page_hashes)
        page_counts.update({h for h in page_hashes if h is not None})
    return [
        [h is None or page_counts[h] < min_pages for h in page_hashes] for page_hashes in hashes
    ]


TEXT_FILTERS: OrderedDict[str, TextFilter] = OrderedDict(
    [
        ("keep everything", keep_everything),
        ("C4 line rules", c4_line_rules),
        ("Gopher line rules", gopher_line_rules),
        ("FineWeb line rules", fineweb_line_rules),
        ("RefinedWeb line corrections", refinedweb_line_corrections),
        ("jusText on text", justext_on_text),
        ("CCNet line dedup", ccnet_line_dedup),
    ]
)
