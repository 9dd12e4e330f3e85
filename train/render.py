"""HTML pages rendered to text the way scrapers render them, for training the text model.

``full`` is every visible block, one per line (what a naive scraper keeps); ``trafilatura`` is
trafilatura's extraction with ``favor_recall`` (the `render` extra), which leaves some chaff in:
exactly the text the plain-text model must learn to clean.
"""

from __future__ import annotations

from winnow.features.page import Page
from winnow.features.segment import segment_html
from winnow.train.splits import split_group

RENDERERS = ("full", "trafilatura")


def render_page(page: Page, how: str) -> Page | None:
    """A text page rendered from ``page``'s markup with the same labels source, or None."""
    if page.html is None or page.error:
        return None
    if how == "full":
        text = "\n".join(p.text for p in segment_html(page.html))
    elif how == "trafilatura":
        text = _trafilatura(page.html)
    else:
        raise ValueError(f"unknown renderer {how!r}; choose from {', '.join(RENDERERS)}")
    if not text or not text.strip():
        return None
    meta = {k: v for k, v in page.meta.items() if k not in ("labels", "paragraphs")}
    # The rendering stays in its page's split: same domain, or the page itself as the group.
    meta["domain"] = split_group(page)
    meta["rendered"] = how
    return Page(id=f"{page.id}#{how}", url=page.url, text=text, source=page.source, meta=meta)


def _trafilatura(html: str) -> str | None:
    try:
        import trafilatura
    except ImportError as err:
        raise RuntimeError(
            "--render trafilatura needs the render extra: pip install 'winnow-news[render]'"
        ) from err
    return trafilatura.extract(
        html, favor_recall=True, include_comments=False, include_tables=True, deduplicate=False
    )
