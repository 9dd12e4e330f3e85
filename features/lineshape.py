"""What a line looks like, in numbers that carry from one outlet (and language) to the next.

Chaff has a shape before it has a vocabulary: calls to action open with an imperative or speak
to the reader ("Sign up", "Follow us", "Your support helps"), teasers start with a label
("Read more:", "Related:"), metadata is dates, times, reading times, prices, handles and
addresses, and list furniture starts with a bullet. Each flag here is one regular expression
over the line's first words or its whole text, cheap enough to run on every paragraph of a
crawl; the models weigh them against the line's words and its place on the page.
"""

from __future__ import annotations

import re

# First words that ask the reader to do something: English, German, French, Spanish, Dutch,
# Italian, Portuguese (the languages of the training pages). The first word alone, lowercased.
_CALLS = (
    "sign subscribe follow support donate share click tap read download register join log "
    "login signup get try watch listen discover explore visit buy shop order book contact "
    "email call continue start save find check become give learn see view like comment "
    "reply print enter claim unlock upgrade install open request schedule grab browse "
    "discuss jetzt abonnieren abonniere anmelden "
    "melden folgen folge teilen teile lesen lies weiterlesen mehr hier registrieren kaufen "
    "bestellen entdecken entdecke kontakt spenden unterstützen unterstütze newsletter "
    "abonnez abonnez-vous inscrivez-vous inscrivez suivez partagez lire découvrez "
    "téléchargez soutenez cliquez suscríbete suscríbase síguenos sigue comparte leer lee "
    "descarga descubre regístrate dona apoya volg deel lees meld abonneer iscriviti "
    "seguici condividi leggi scopri scarica assine siga compartilhe leia baixe"
).split()
_CALL_START = re.compile(
    r"^\W*(?:" + "|".join(sorted(map(re.escape, _CALLS), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
# Words that address the reader.
_SECOND_PERSON = re.compile(
    r"\b(?:you|your|yours|you're|you’re|you'll|you’ll|du|dich|dir|dein|deine|euch|"
    r"vous|votre|vos|usted|tú|jij|uw)\b",
    re.IGNORECASE,
)
# "Read more:", "Related:", "Photo:", "Source:" ... a short label then a colon.
_LABEL_START = re.compile(r"^\W*\w+(?:\s+\w+){0,2}\s*[:|»›>]\s*\S")
_BULLET = re.compile(r"^\s*(?:[-–—•·*▪►✓✔>]|\d{1,3}[.)](?=\s))")
_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|"
    "july|august|september|october|november|december|januar|februar|märz|mai|juni|juli|"
    "oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|"
    "novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|"
    "octubre|noviembre|diciembre"
)
_DATE = re.compile(
    rf"\b\d{{4}}-\d{{1,2}}-\d{{1,2}}\b|\b\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}\b"
    rf"|\b(?:{_MONTHS})\.?\s+\d{{1,2}}\b|\b\d{{1,2}}\.?\s+(?:{_MONTHS})\b"
    rf"|\b\d{{1,2}}:\d{{2}}\s*(?:[ap]\.?m\.?|uhr|h)?\b|\b(?:\d+|an?)\s+(?:hours?|minutes?|"
    rf"days?|weeks?|months?|years?)\s+ago\b",
    re.IGNORECASE,
)
_READING_TIME = re.compile(
    r"\b\d+\s*(?:-\s*)?(?:min(?:ute)?s?\.?|minuten?)\s+(?:read|lesen|lesezeit|de lecture|"
    r"de lectura|listen)\b|\blesezeit\b|\breading time\b",
    re.IGNORECASE,
)
_PRICE = re.compile(r"[$€£¥₹]\s?\d|\d\s?(?:[$€£¥₹]|eur|usd|gbp)\b", re.IGNORECASE)
_HANDLE_OR_EMAIL = re.compile(r"(?<!\w)@\w{2,}|\b[\w.+-]+@[\w-]+\.[\w.]+\b")
_URL = re.compile(r"https?://|\bwww\.\w|\b\w+\.(?:com|org|net|de|co\.uk|fr|es|io)\b", re.I)
# "Jane Doe is a reporter at ...", "Hi, I'm Jane": the author box, not the article.
_BIO = re.compile(
    r"^(?:(?i:hi,? i['’]?m |about the author\b)|(?!(?i:the|a|an|this|that|it|he|she|they|we|"
    r"there|our|its|his|her|their)\b)(?:[A-Z][\w.'’-]+\s){1,3}(?:is|was|has been|has written|"
    r"writes|covers|joined|holds|lives)\b)",
)
# "Photo: ...", "Image via ...", "Source: ...", "(Credit: ...)": who made the picture or chart.
_CREDIT = re.compile(
    r"^\W*(?:photo(?:graph)?s?|image|illustration|picture|credit|courtesy|source|foto|bild|"
    r"quelle|crédit|fuente)\b(?:\s+(?:by|via|provided|courtesy|credit|source))?",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b", re.I)

LINE_SHAPE = (
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
)


def line_shape(text: str) -> list[float]:
    """One float per name in ``LINE_SHAPE`` (flags are 0 or 1; ``second_person`` counts
    words addressing the reader, capped at 3 and scaled to [0, 1])."""
    stripped = text.strip()
    letters = [ch for ch in stripped if ch.isalpha()]
    return [
        float(bool(_CALL_START.match(stripped))),
        min(len(_SECOND_PERSON.findall(stripped)), 3) / 3.0,
        float(bool(_LABEL_START.match(stripped)) and len(stripped) < 200),
        float(bool(_BULLET.match(stripped))),
        float(bool(_DATE.search(stripped))),
        float(bool(_READING_TIME.search(stripped))),
        float(bool(_PRICE.search(stripped))),
        float(bool(_HANDLE_OR_EMAIL.search(stripped))),
        float(bool(_URL.search(stripped))),
        float(bool(_COPYRIGHT.search(stripped))),
        float(bool(_BIO.match(stripped))),
        float(bool(_CREDIT.match(stripped)) and len(stripped) < 300),
        float(stripped.endswith(":")),
        float(len(letters) >= 3 and all(ch.isupper() for ch in letters)),
    ]


_EDGE_TOKEN = re.compile(r"\w+|[^\w\s]")
_DIGITS = re.compile(r"\d+")


def edge_tokens(text: str, first: int = 3, last: int = 2) -> str:
    """The line's opening and closing words as tokens that keep their place: ``^read``,
    ``^read_more``, ``^read_more_:`` ... ``for$``. "Read more:" opening a line is a teaser;
    inside a sentence it is nothing, and a bag of words cannot tell the two apart."""
    words = _EDGE_TOKEN.findall(_DIGITS.sub("0", text[:200].casefold()))
    opening = ["^" + "_".join(words[:k]) for k in range(1, min(first, len(words)) + 1)]
    tail = words[-150:][-last:] if words else []
    closing = ["_".join(tail[k:]) + "$" for k in range(len(tail))]
    return " ".join(opening + closing) or "^"
