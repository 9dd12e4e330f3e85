"""Gates for CI: bounds on the figures of ``metrics.json``, so that a retraining job fails
loudly instead of shipping a worse model.

A bound is ``METRIC=VALUE`` (``evaluate --fail-under``) or a line ``METRIC = VALUE`` of a
TOML thresholds file (``evaluate --thresholds``); METRIC is one of the names of ``METRICS``.
``diff --fail-if-worse`` compares two models on ``COMPARED`` instead. A metric this split
cannot measure fails its check: a gate that passes on nothing would ship anything.
"""

from __future__ import annotations

import difflib
import math
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Metric:
    """Where a metric sits in ``metrics.json`` and what a split needs to measure it."""

    path: str  # dotted, as ``report.py`` names the figures it shows
    needs: str
    # A count that must be above 0 for the figure to mean anything: ``split_metrics`` writes
    # a boilerplate F1 of 0 for a split with no boilerplate label.
    support: str = ""


_GOLD = "pages with gold text"
_BOILERPLATE = "paragraphs labelled boilerplate"
_TOPICS = "pages with a topic, and a model with a topic model"

# Every figure is a share in [0, 1] where higher is better, so ``--fail-under`` fits them all.
METRICS: dict[str, Metric] = {
    "page_f1": Metric("page_tokens.f1", _GOLD),
    "page_precision": Metric("page_tokens.precision", _GOLD),
    "page_recall": Metric("page_tokens.recall", _GOLD),
    "page_f1_html": Metric("page_tokens.by_kind.html.f1", "HTML " + _GOLD),
    "page_f1_text": Metric("page_tokens.by_kind.text.f1", "plain-text " + _GOLD),
    "boilerplate_f1": Metric(
        "paragraph.boilerplate.f1", _BOILERPLATE, "paragraph.boilerplate.support"
    ),
    "boilerplate_f1_html": Metric(
        "paragraph.by_kind.html.boilerplate.f1",
        "HTML " + _BOILERPLATE,
        "paragraph.by_kind.html.boilerplate.support",
    ),
    "boilerplate_f1_text": Metric(
        "paragraph.by_kind.text.boilerplate.f1",
        "plain-text " + _BOILERPLATE,
        "paragraph.by_kind.text.boilerplate.support",
    ),
    "content_f1": Metric(
        "paragraph.content.f1", "paragraphs labelled content", "paragraph.content.support"
    ),
    "topic_accuracy": Metric("topic.article_text.accuracy", _TOPICS),
    "topic_macro_f1": Metric("topic.article_text.macro_f1", _TOPICS),
    "topic_accuracy_cleaned": Metric(
        "topic.cleaned_text.accuracy", "pages with a topic and labelled paragraphs"
    ),
}

# What ``diff --fail-if-worse`` holds B to: A's figure on the same split, less the tolerance.
COMPARED = ("page_f1", "topic_accuracy")


class GateError(ValueError):
    """A bound that cannot be read: a usage error, never a failed check."""


@dataclass(frozen=True)
class Outcome:
    """One check: ``status`` is pass, FAIL or skip (a comparison neither model can make)."""

    metric: str
    status: str
    detail: str

    @property
    def failed(self) -> bool:
        return self.status == "FAIL"

    def line(self) -> str:
        return f"{self.status:<4}  {self.metric}  {self.detail}"


def metric_name(name: str, where: str = "") -> str:
    """``name`` if it is a metric; else a GateError listing them, with the nearest first."""
    if name in METRICS:
        return name
    near = difflib.get_close_matches(name, METRICS, n=1)
    hint = f" (did you mean {near[0]}?)" if near else ""
    raise GateError(f"{where}unknown metric {name!r}{hint}; the metrics are: {', '.join(METRICS)}")


def parse_check(spec: str) -> tuple[str, float]:
    """``METRIC=VALUE`` as the metric's name and its least passing value."""
    name, sep, raw = spec.partition("=")
    name, raw = name.strip(), raw.strip()
    if not sep or not name or not raw:
        raise GateError(f"{spec!r} is not METRIC=VALUE (for instance page_f1=0.9)")
    return metric_name(name), _bound(raw, f"{spec!r}: ")


def _bound(raw: Any, where: str) -> float:
    if isinstance(raw, bool):
        raise GateError(f"{where}the bound must be a number, not {raw!r}")
    try:
        value = float(raw)
    except (TypeError, ValueError):
        raise GateError(f"{where}the bound {raw!r} is not a number") from None
    if not 0.0 <= value <= 1.0:
        raise GateError(f"{where}the bound {raw!r} is not a share between 0 and 1")
    return value


def read_thresholds(path: str | os.PathLike) -> dict[str, float]:
    """The bounds of a TOML file of ``metric = value`` lines (a bare dotted key reads as a
    table in TOML; it is flattened back so its error names it as written)."""
    path = Path(path)
    if not path.is_file():
        raise GateError(f"thresholds file {path} does not exist")
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise GateError(f"{path}: not TOML: {err}") from None
    return {
        metric_name(key, f"{path}: "): _bound(value, f"{path}: {key}: ")
        for key, value in _flatten(table).items()
    }


def _flatten(table: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in table.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def gather_bounds(
    specs: list[str] | None = None, thresholds: str | os.PathLike | None = None
) -> dict[str, float]:
    """The file's bounds, then each ``--fail-under``; one given on the command line replaces
    the file's for the same metric."""
    bounds = read_thresholds(thresholds) if thresholds is not None else {}
    for spec in specs or ():
        name, value = parse_check(spec)
        bounds[name] = value
    return bounds


def lookup(metrics: dict[str, Any], path: str) -> Any:
    """The value at a dotted path of ``metrics.json``, or None."""
    node: Any = metrics
    for key in path.split("."):
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return node


def figure(metrics: dict[str, Any], name: str) -> float | None:
    """The metric's figure in ``metrics.json``, None when this evaluation has none."""
    metric = METRICS[name]
    if metric.support and not lookup(metrics, metric.support):
        return None
    value = lookup(metrics, metric.path)
    if not isinstance(value, int | float) or isinstance(value, bool) or math.isnan(value):
        return None
    return float(value)


def check_metrics(metrics: dict[str, Any], bounds: dict[str, float]) -> list[Outcome]:
    """Each bound against the figure of ``metrics`` (``split_metrics``): short of it, or
    not measured at all, is a failure."""
    split = metrics.get("split", "?")
    outcomes = []
    for name, bound in bounds.items():
        value = figure(metrics, name)
        if value is None:
            detail = (
                f"not measured on the {split} split (needs {METRICS[name].needs}); bound {bound:g}"
            )
            outcomes.append(Outcome(name, "FAIL", detail))
        elif value < bound:
            outcomes.append(Outcome(name, "FAIL", f"{value:g} < {bound:g}"))
        else:
            outcomes.append(Outcome(name, "pass", f"{value:g} >= {bound:g}"))
    return outcomes


def compared_figures(metrics_a: dict[str, Any], metrics_b: dict[str, Any]) -> dict[str, Any]:
    """The ``COMPARED`` figures of both models, as ``diff.json`` records them."""
    return {name: {"a": figure(metrics_a, name), "b": figure(metrics_b, name)} for name in COMPARED}


def compare_runs(compared: dict[str, Any], tolerance: float = 0.0) -> list[Outcome]:
    """B against A on each figure: B more than ``tolerance`` under A fails, and so does a
    figure A has and B lacks (B dropped its topic model). A figure A lacks is skipped;
    nothing compared at all is a failure."""
    if tolerance < 0:
        raise GateError(f"the tolerance must be 0 or more, not {tolerance:g}")
    outcomes = []
    for name, pair in compared.items():
        a, b = pair["a"], pair["b"]
        if a is None:
            why = f"not measured for A (needs {METRICS[name].needs})"
            outcomes.append(Outcome(name, "skip", why))
        elif b is None:
            outcomes.append(Outcome(name, "FAIL", f"A {a:g}, B not measured"))
        else:
            # The figures carry 4 decimals: the epsilon only absorbs a - tolerance's rounding.
            worse = b < a - tolerance - 1e-9
            op = "<" if worse else ">="
            detail = f"B {b:g} {op} A {a:g}" + (f" - {tolerance:g}" if tolerance else "")
            outcomes.append(Outcome(name, "FAIL" if worse else "pass", detail))
    if all(o.status == "skip" for o in outcomes):
        outcomes.append(
            Outcome("(any)", "FAIL", f"nothing to compare: none of {', '.join(compared)}")
        )
    return outcomes
