"""Reading scraped pages, segmenting them into paragraphs with context, and featurizing them."""

from winnow.features.page import Page, Paragraph
from winnow.features.readers import read_pages
from winnow.features.segment import segment_page

__all__ = ["Page", "Paragraph", "read_pages", "segment_page"]
