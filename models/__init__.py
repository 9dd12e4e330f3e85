"""What a winnow model is: pipeline factories, the artifact format, and batch prediction.

Names load on first use, so that a light module here (options, limits, executors) does not
pull scikit-learn into a process that only parses a command line.
"""

_EXPORTS = {
    "ArtifactError": "winnow.models.artifact",
    "load_artifact": "winnow.models.artifact",
    "save_artifact": "winnow.models.artifact",
    "verify_artifact": "winnow.models.artifact",
    "Cleaner": "winnow.models.cleaner",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        from importlib import import_module

        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'winnow.models' has no attribute {name!r}")
