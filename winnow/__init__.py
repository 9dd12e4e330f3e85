"""winnow: the article kept, the chaff removed, the topic named.

The public surface is small::

    import winnow

    record = winnow.clean(html, url="https://example.org/news/1")
    record["text"], record["topic"], record["title"]

    model = winnow.load("runs/mine")        # an artifact from `winnow train`
    winnow.clean(html, model=model)

``clean`` loads the shipped model once per process and caches it. The rest of the library
lives in ``winnow.features`` (reading and segmenting pages), ``winnow.models`` (the fitted
models, artifacts, batch prediction), ``winnow.train`` (datasets, training, evaluation) and
``winnow.cli`` (the ``winnow`` command). Attributes load lazily, so ``import winnow`` costs nothing until they are used.
"""

from __future__ import annotations

__all__ = ["Cleaner", "__version__", "clean", "load"]


def __getattr__(name: str):
    if name == "__version__":
        from importlib import metadata

        try:
            return metadata.version("winnow-news")
        except metadata.PackageNotFoundError:  # a source tree that was never installed
            return "0+unknown"
    if name in ("clean", "load"):
        from winnow.models import clean as api

        return getattr(api, name)
    if name == "Cleaner":
        from winnow.models.cleaner import Cleaner

        return Cleaner
    raise AttributeError(f"module 'winnow' has no attribute {name!r}")
