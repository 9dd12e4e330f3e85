"""The HTML extractors winnow is benchmarked against, behind one interface.

A fair comparison runs every tool on the same pages and scores the same kind of output, so each
tool is wrapped as `fn(html, url, lang) -> text` with paragraphs separated by "\\n" and "" when
the tool finds nothing. Packages are imported lazily, so a missing tool is reported by
`available()` and skipped instead of breaking the bench. Some libraries raise on odd pages (empty,
binary-ish, broken markup); `extract` turns that into an error message, so failures are counted
per tool rather than ending the run.
"""

from __future__ import annotations

import importlib
from collections import OrderedDict
from collections.abc import Callable
from functools import cache

Extractor = Callable[[str, str | None, str | None], str]

# ISO 639-1 code -> jusText stoplist name (only languages jusText ships a stoplist for).
JUSTEXT_LANGUAGES: dict[str, str] = {
    "af": "Afrikaans",
    "an": "Aragonese",
    "ar": "Arabic",
    "az": "Azerbaijani",
    "be": "Belarusian",
    "bg": "Bulgarian",
    "bn": "Bengali",
    "br": "Breton",
    "bs": "Bosnian",
    "ca": "Catalan",
    "ceb": "Cebuano",
    "cs": "Czech",
    "cv": "Chuvash",
    "cy": "Welsh",
    "da": "Danish",
    "de": "German",
    "el": "Greek",
    "en": "English",
    "eo": "Esperanto",
    "es": "Spanish",
    "et": "Estonian",
    "eu": "Basque",
    "fa": "Persian",
    "fi": "Finnish",
    "fr": "French",
    "fy": "West_Frisian",
    "ga": "Irish",
    "gl": "Galician",
    "gu": "Gujarati",
    "he": "Hebrew",
    "hi": "Hindi",
    "hr": "Croatian",
    "ht": "Haitian",
    "hu": "Hungarian",
    "hy": "Armenian",
    "id": "Indonesian",
    "ig": "Igbo",
    "io": "Ido",
    "is": "Icelandic",
    "it": "Italian",
    "jv": "Javanese",
    "ka": "Georgian",
    "kk": "Kazakh",
    "kn": "Kannada",
    "ko": "Korean",
    "ku": "Kurdish",
    "ky": "Kyrgyz",
    "la": "Latin",
    "lb": "Luxembourgish",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "mk": "Macedonian",
    "ml": "Malayalam",
    "mr": "Marathi",
    "ms": "Malay",
    "mt": "Maltese",
    "nb": "Norwegian_Bokmal",
    "ne": "Nepali",
    "nl": "Dutch",
    "nn": "Norwegian_Nynorsk",
    "no": "Norwegian_Bokmal",
    "oc": "Occitan",
    "pl": "Polish",
    "pt": "Portuguese",
    "qu": "Quechua",
    "ro": "Romanian",
    "ru": "Russian",
    "sk": "Slovak",
    "sl": "Slovenian",
    "sq": "Albanian",
    "sr": "Serbian",
    "su": "Sundanese",
    "sv": "Swedish",
    "sw": "Swahili",
    "ta": "Tamil",
    "te": "Telugu",
    "tk": "Turkmen",
    "tl": "Tagalog",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "ur": "Urdu",
    "uz": "Uzbek",
    "vi": "Vietnamese",
    "vo": "Volapuk",
    "wa": "Walloon",
    "yo": "Yoruba",
}


def justext_stoplist_name(lang: str | None) -> str:
    """jusText's stoplist name for an ISO code ("en", "de-AT", "pt_BR") or name; English otherwise.

    English is the fallback because jusText needs some stoplist and it is the commonest language
    of the benchmark pages.
    """
    if not lang:
        return "English"
    import justext

    names = {name.lower(): name for name in justext.get_stoplists()}
    key = lang.strip().replace("_", "-").lower()
    if key in names:
        return names[key]
    name = JUSTEXT_LANGUAGES.get(key) or JUSTEXT_LANGUAGES.get(key.split("-", 1)[0])
    return name if name in names.values() else "English"


@cache
def justext_stoplist(lang: str | None) -> frozenset[str]:
    """The stoplist for `lang`, loaded once (jusText reads a file on every call)."""
    import justext

    return frozenset(justext.get_stoplist(justext_stoplist_name(lang)))


def _paragraphs(text: str | None) -> str:
    """Tool output as non-blank stripped lines joined by "\\n", the benchmark's common form."""
    if not text:
        return ""
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


_BLOCK_TAGS = frozenset(
    "address article aside blockquote body br dd details div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody "
    "td th thead tfoot tr ul".split()
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template"})


def html_fragment_to_text(fragment: str) -> str:
    """Visible text of an HTML fragment with a line break at every block boundary.

    lxml's `text_content()` glues adjacent paragraphs together, which would merge lines the
    benchmark scores separately, so blocks are walked by hand.
    """
    import lxml.html

    if not fragment or not fragment.strip():
        return ""
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    chunks: list[str] = []

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag.lower() in _BLOCK_TAGS
        if tag.lower() not in _SKIP_TAGS and isinstance(el.tag, str):
            if block:
                chunks.append("\n")
            if el.text:
                chunks.append(el.text)
            for child in el:
                walk(child)
            if block:
                chunks.append("\n")
        if el.tail:
            chunks.append(el.tail)

    walk(root)
    lines = (" ".join(line.split()) for line in "".join(chunks).split("\n"))
    return "\n".join(line for line in lines if line)


def _trafilatura(html: str, url: str | None, lang: str | None) -> str:
    import trafilatura

    return _paragraphs(trafilatura.extract(html, url=url, include_comments=False))


def _trafilatura_precision(html: str, url: str | None, lang: str | None) -> str:
    import trafilatura

    return _paragraphs(
        trafilatura.extract(html, url=url, include_comments=False, favor_precision=True)
    )


def _justext(html: str, url: str | None, lang: str | None) -> str:
    import justext

    paragraphs = justext.justext(html, justext_stoplist(lang))
    return _paragraphs("\n".join(p.text for p in paragraphs if not p.is_boilerplate))


def _readability(html: str, url: str | None, lang: str | None) -> str:
    from readability import Document

    return html_fragment_to_text(Document(html, url=url).summary(html_partial=True))


def _boilerpy3(html: str, url: str | None, lang: str | None) -> str:
    from boilerpy3 import extractors

    return _paragraphs(extractors.ArticleExtractor().get_content(html))


def _resiliparse(html: str, url: str | None, lang: str | None) -> str:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    return _paragraphs(extract_plain_text(HTMLTree.parse(html), main_content=True))


EXTRACTORS: OrderedDict[str, Extractor] = OrderedDict(
    [
        ("trafilatura", _trafilatura),
        ("trafilatura, favor_precision", _trafilatura_precision),
        ("jusText", _justext),
        ("readability-lxml", _readability),
        ("boilerpy3", _boilerpy3),
        ("resiliparse", _resiliparse),
    ]
)

# The module each extractor needs; importing it is the availability test.
_MODULES: dict[str, str] = {
    "trafilatura": "trafilatura",
    "trafilatura, favor_precision": "trafilatura",
    "jusText": "justext",
    "readability-lxml": "readability",
    "boilerpy3": "boilerpy3.extractors",
    "resiliparse": "resiliparse.extract.html2text",
}


@cache
def _importable(module: str) -> bool:
    try:
        importlib.import_module(module)
    except Exception:  # ImportError, or a broken install raising something else on import
        return False
    return True


def available() -> list[str]:
    """Names of the extractors whose package imports, in `EXTRACTORS` order."""
    return [name for name in EXTRACTORS if _importable(_MODULES[name])]


def extract(
    name: str, html: str, url: str | None = None, lang: str | None = None
) -> tuple[str, str | None]:
    """Run extractor `name` on one page: (text, None), or ("", "Error: message") if it raised.

    An unknown `name` is a caller's mistake and raises KeyError.
    """
    fn = EXTRACTORS[name]
    try:
        return fn(html, url, lang), None
    except Exception as exc:  # any library failure on one page is recorded, not fatal
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        return "", f"{type(exc).__name__}: {message}" if message else type(exc).__name__
