"""winnow's topic pipeline beside a tuned TF-IDF + LinearSVC baseline and fastText.

Every tool is fitted and scored on the same documents in the same run, so the figures compare:

- **AG News**: the 16k-document train subset, scored on the official 7,600-document test set.
- **BBC**: 5-fold cross-validation, stratified and grouped so that exact-duplicate articles
  (same text once whitespace and case are normalised) always share a fold; means over folds.
- **20 Newsgroups**: the official bydate train, scored on its test split.
- **News pages** (``news_pages``): the shared boilerplate pages with article gold whose URL
  names a topic (the default label map's ``[url_sections]``), in 5 folds grouped by domain;
  each fold trains on AG News 16k + BBC train (folded into the taxonomy) + the other folds'
  pages, and the held-out predictions are pooled.
- **BBC through the CLI** (``cli_bbc``): ``winnow build``, ``train`` and ``predict`` as a user
  runs them, scored on the build's test split.

Per tool: accuracy, macro-F1, expected calibration error (15 equal-width bins over the top-class
probability), fit seconds (wall clock), documents per CPU-second for ``predict_proba`` over the
whole test set on one thread, and serialised model size. The baselines' hyperparameters are
chosen on a validation split carved from train (inside each training fold for BBC), then the
model is refitted on all of train; the test sets are never used for choosing.

    python bench/topics.py --data /work/shared/data/topic --out bench/results/topics.md

``--sections news_pages,cli_bbc`` runs only those; the published file keeps the other sections'
figures from its previous run (and says so).
"""

from __future__ import annotations

import os

# One core per job: the predict speed is a single-core figure and the machine is shared.
for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

import argparse  # noqa: E402
import gzip  # noqa: E402
import hashlib  # noqa: E402
import json  # noqa: E402
import pickle  # noqa: E402
import re  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
import zipfile  # noqa: E402
from collections import Counter  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from pathlib import Path  # noqa: E402
from urllib.parse import urlsplit  # noqa: E402

import numpy as np  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.metrics import accuracy_score, f1_score  # noqa: E402
from sklearn.model_selection import StratifiedGroupKFold  # noqa: E402
from sklearn.pipeline import Pipeline  # noqa: E402
from sklearn.svm import LinearSVC  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.report import cpu_timed, publish  # noqa: E402
from winnow.features.page import declared_url  # noqa: E402
from winnow.models.artifact import compact  # noqa: E402
from winnow.train.fit import fit_topic_model  # noqa: E402
from winnow.train.label_map import LabelMap, read_label_map  # noqa: E402
from winnow.train.metrics import expected_calibration_error as calibration_error  # noqa: E402

N_BINS = 15
SVM_C_GRID = (0.1, 0.25, 0.5, 1.0, 2.0, 4.0)
# fastText: a small grid around the settings of the fastText paper (lr 0.05-0.5, 5 epochs, dim 10)
# and the longer runs that small training sets need.
FASTTEXT_GRID = tuple(
    {"lr": lr, "epoch": epoch, "dim": dim}
    for lr in (0.25, 1.0)
    for epoch in (5, 25)
    for dim in (50, 100)
)
DATASETS = ("ag_news_16k", "bbc", "20newsgroups")
SECTIONS = (*DATASETS, "news_pages", "cli_bbc")
ROOT = Path(__file__).resolve().parents[1]
_SPACE = re.compile(r"\s+")
_FT_TOKEN = re.compile(r"\w+|[^\w\s]")


# --- data and splits ----------------------------------------------------------------------


def read_jsonl(path: Path, limit: int = 0) -> tuple[list[str], list[str]]:
    """Texts and labels of a gzipped JSON-lines file. ``limit`` keeps a seeded random N in file
    order for smoke runs: the first N lines of a file sorted by label would hold one class."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    if limit and limit < len(rows):
        keep = np.sort(np.random.default_rng(0).choice(len(rows), limit, replace=False))
        rows = [rows[i] for i in keep]
    return [r["text"] for r in rows], [str(r["label"]) for r in rows]


def normalise(text: str) -> str:
    """Whitespace and case folded, so copies that differ only in layout count as duplicates."""
    return _SPACE.sub(" ", text).strip().lower()


def duplicate_groups(texts: Sequence[str]) -> np.ndarray:
    """One integer per document, equal for documents whose normalised texts are identical."""
    keys = [hashlib.sha1(normalise(t).encode("utf-8")).hexdigest() for t in texts]
    return np.unique(keys, return_inverse=True)[1]


def grouped_folds(
    texts: Sequence[str], labels: Sequence[str], n_splits: int = 5, seed: int = 0
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Stratified folds in which duplicates share a fold: a test copy of a training document
    would be scored as if the model generalised when it only remembered."""
    splitter = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    groups = duplicate_groups(texts)
    return list(splitter.split(np.zeros(len(texts)), np.asarray(labels), groups))


def validation_split(
    texts: Sequence[str], labels: Sequence[str], share: float = 0.1, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Train and validation indices: a stratified, duplicate-grouped ~``share`` held out of
    train, where the baselines choose their hyperparameters (never on the test set)."""
    smallest = int(np.unique(np.asarray(labels), return_counts=True)[1].min())
    n_splits = max(2, min(round(1 / share), smallest))  # tiny training folds: fewer, larger
    return grouped_folds(texts, labels, n_splits=n_splits, seed=seed)[0]


def subset(items: Sequence, index: np.ndarray) -> list:
    return [items[i] for i in index]


# --- measures -----------------------------------------------------------------------------


def expected_calibration_error(
    proba: np.ndarray, y_true: np.ndarray, n_bins: int = N_BINS
) -> float:
    """winnow's calibration error (``train.metrics``) of probabilities whose columns are the
    classes; ``y_true`` holds column indices."""
    proba = np.asarray(proba, dtype=float)
    correct = proba.argmax(axis=1) == np.asarray(y_true)
    return calibration_error(proba.max(axis=1), correct, bins=n_bins)


def softmax(scores: np.ndarray) -> np.ndarray:
    """Decision scores as probabilities (a binary score becomes two columns), so a margin
    classifier can be given an ECE at all; it is not calibrated."""
    scores = np.asarray(scores, dtype=float)
    if scores.ndim == 1:
        scores = np.column_stack([-scores, scores])
    scores = scores - scores.max(axis=1, keepdims=True)
    exp = np.exp(scores)
    return exp / exp.sum(axis=1, keepdims=True)


def score(proba: np.ndarray, classes: Sequence[str], labels: Sequence[str]) -> dict[str, float]:
    """Accuracy, macro-F1 and ECE of probabilities whose columns follow ``classes``."""
    index = {c: i for i, c in enumerate(classes)}
    y_true = np.array([index.get(label, -1) for label in labels])
    y_pred = proba.argmax(axis=1)
    return {
        "accuracy": float(accuracy_score(y_true, y_pred)),
        "macro_f1": float(f1_score(y_true, y_pred, average="macro")),
        "ece": expected_calibration_error(proba, y_true),
    }


def wall_timed(fn: Callable[[], object]) -> tuple[object, float]:
    """Result and wall seconds: fit time is what a user waits for."""
    start = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - start


def serialised_mb(model: object) -> tuple[float, str]:
    """Size of the model as winnow's artifact saves it: vectorisers compacted, then skops with
    deflate (pickle when skops is not installed). ``compact`` returns a copy that predicts
    the same; without it skops writes each vocabulary entry as its own node, which takes
    minutes and inflates the size."""
    model = compact(model)
    try:
        from skops.io import dumps
    except ImportError:
        return len(pickle.dumps(model, protocol=pickle.HIGHEST_PROTOCOL)) / 1e6, "pickle"
    return len(dumps(model, compression=zipfile.ZIP_DEFLATED)) / 1e6, "skops"


# --- tools --------------------------------------------------------------------------------


class Tool:
    """A classifier under test: fit on texts, probabilities per class, a serialised size."""

    name = "tool"

    def fit(self, texts: list[str], labels: list[str]) -> None:
        raise NotImplementedError

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError

    def size(self) -> tuple[float, str]:
        raise NotImplementedError

    def params(self) -> dict:
        return {}


class WinnowTool(Tool):
    """The topic model ``winnow train`` fits (``fit_topic_model`` with its default options),
    so the benchmark measures what ships whatever the pipeline becomes."""

    name = "winnow"

    def fit(self, texts, labels):
        self.model = fit_topic_model(list(texts), list(labels))
        self.classes = list(self.model.classes_)

    def predict_proba(self, texts):
        return self.model.predict_proba(texts)

    def size(self):
        return serialised_mb(self.model)


def svm_pipeline(C: float) -> Pipeline:
    """The baseline everyone reaches for: word 1-2 gram TF-IDF, sublinear tf, linear SVM."""
    return Pipeline(
        [
            ("tfidf", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)),
            ("svm", LinearSVC(C=C)),
        ]
    )


def tune_svm_c(texts: list[str], labels: list[str], grid: Sequence[float] = SVM_C_GRID) -> float:
    """C with the best validation accuracy (ties: the smaller C); the vectoriser is fitted once
    on the validation split's training part and shared by every C."""
    train, val = validation_split(texts, labels)
    vectoriser = svm_pipeline(1.0).named_steps["tfidf"]
    x_train = vectoriser.fit_transform(subset(texts, train))
    x_val = vectoriser.transform(subset(texts, val))
    y_train, y_val = subset(labels, train), subset(labels, val)
    accuracy = {c: LinearSVC(C=c).fit(x_train, y_train).score(x_val, y_val) for c in grid}
    return max(grid, key=lambda c: (accuracy[c], -c))


class SvmTool(Tool):
    """TF-IDF + LinearSVC, C tuned on validation; probabilities are a softmax of its margins."""

    name = "TF-IDF + LinearSVC"

    def fit(self, texts, labels):
        self.C = tune_svm_c(texts, labels)
        self.model = svm_pipeline(self.C).fit(texts, labels)
        self.classes = list(self.model.classes_)

    def predict_proba(self, texts):
        return softmax(self.model.decision_function(texts))

    def size(self):
        return serialised_mb(self.model)

    def params(self):
        return {"C": self.C}


def fasttext_line(text: str) -> str:
    """fastText reads whitespace-separated tokens one document a line: lowercase, punctuation
    split off words (as the fastText examples preprocess), no newlines."""
    return " ".join(_FT_TOKEN.findall(text.lower()))


def fasttext_available() -> bool:
    try:
        import fasttext  # noqa: F401
    except ImportError:
        return False
    return True


class FastTextTool(Tool):
    """fastText supervised with word bigrams, lr/epoch/dim tuned on validation, one thread."""

    name = "fastText"

    def __init__(self, grid: Sequence[dict] = FASTTEXT_GRID):
        self.grid = grid

    def _train(self, texts: list[str], labels: list[str], config: dict):
        import fasttext

        with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8") as f:
            for text, label in zip(texts, labels, strict=True):
                # Labels by index: a class name with a space would end the label token.
                f.write(f"__label__{self.index[label]} {fasttext_line(text)}\n")
            f.flush()
            return fasttext.train_supervised(
                f.name, wordNgrams=2, thread=1, verbose=0, seed=0, **config
            )

    def _proba(self, model, texts: list[str]) -> np.ndarray:
        # The binding's own per-line predict: fastText 0.9.2's Python wrapper breaks under
        # numpy 2 (``np.array(copy=False)`` for one text; for a list, every class gets the top
        # probability).
        out = np.zeros((len(texts), len(self.classes)))
        for row, text in enumerate(texts):
            for value, name in model.f.predict(fasttext_line(text) + "\n", -1, 0.0, "strict"):
                out[row, int(name.removeprefix("__label__"))] = value
        return out

    def fit(self, texts, labels):
        self.classes = sorted(set(labels))
        self.index = {c: i for i, c in enumerate(self.classes)}
        train, val = validation_split(texts, labels)
        val_labels = subset(labels, val)
        best, best_accuracy = self.grid[0], -1.0
        for config in self.grid:
            model = self._train(subset(texts, train), subset(labels, train), config)
            proba = self._proba(model, subset(texts, val))
            accuracy = score(proba, self.classes, val_labels)["accuracy"]
            if accuracy > best_accuracy:
                best, best_accuracy = config, accuracy
        self.config = best
        self.model = self._train(texts, labels, best)

    def predict_proba(self, texts):
        return self._proba(self.model, texts)

    def size(self):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "model.bin"
            self.model.save_model(str(path))
            return path.stat().st_size / 1e6, "fastText .bin"

    def params(self):
        return dict(self.config)


def make_tools(with_fasttext: bool = True) -> list[Callable[[], Tool]]:
    """Factories for every tool that can run here; fastText only when it imports."""
    tools: list[Callable[[], Tool]] = [WinnowTool, SvmTool]
    if with_fasttext and fasttext_available():
        tools.append(FastTextTool)
    return tools


# --- running ------------------------------------------------------------------------------


def fit_and_predict(
    factory: Callable[[], Tool], train: tuple[list[str], list[str]], test: list[str]
) -> tuple[Tool, np.ndarray, float, float]:
    """A fresh tool fitted on ``train``, its probabilities on ``test``, fit wall seconds and
    predict CPU seconds."""
    tool = factory()
    _, fit_seconds = wall_timed(lambda: tool.fit(*train))
    proba, predict_seconds = cpu_timed(lambda: tool.predict_proba(test))
    return tool, proba, fit_seconds, predict_seconds


def evaluate(
    factory: Callable[[], Tool],
    train: tuple[list[str], list[str]],
    test: tuple[list[str], list[str]],
) -> dict:
    """Fit one fresh tool on train and measure it on test."""
    tool, proba, fit_seconds, predict_seconds = fit_and_predict(factory, train, test[0])
    size, serialiser = tool.size()
    result = score(proba, tool.classes, test[1])
    result.update(
        fit_seconds=fit_seconds,
        docs_per_second=len(test[0]) / predict_seconds if predict_seconds else float("nan"),
        size_mb=size,
        serialiser=serialiser,
        params=tool.params(),
    )
    return result


MEASURES = ("accuracy", "macro_f1", "ece", "fit_seconds", "docs_per_second", "size_mb")


def mean_over_folds(folds: list[dict]) -> dict:
    """BBC's figure per measure is the mean over folds; the folds are kept for the JSON."""
    out = {m: float(np.mean([f[m] for f in folds])) for m in MEASURES}
    out.update(serialiser=folds[0]["serialiser"], folds=folds)
    return out


def evaluate_cv(
    factory: Callable[[], Tool], texts: list[str], labels: list[str], n_splits: int = 5
) -> dict:
    """Grouped, stratified k-fold cross-validation of one tool (BBC has no test split)."""
    folds = []
    for train, test in grouped_folds(texts, labels, n_splits=n_splits, seed=0):
        folds.append(
            evaluate(
                factory,
                (subset(texts, train), subset(labels, train)),
                (subset(texts, test), subset(labels, test)),
            )
        )
    return mean_over_folds(folds)


def run_dataset(name: str, root: Path, tools: list[Callable[[], Tool]], limit: int = 0) -> dict:
    """Every tool's figures on one dataset, keyed by tool name."""
    folder = root / name
    train = read_jsonl(folder / "train.jsonl.gz", limit)
    results = {}
    for factory in tools:
        if (folder / "test.jsonl.gz").exists():
            test = read_jsonl(folder / "test.jsonl.gz", limit)
            results[factory.name] = evaluate(factory, train, test)
        else:
            results[factory.name] = evaluate_cv(factory, *train)
        print(f"  {name} / {factory.name}: {results[factory.name]['accuracy']:.4f}", flush=True)
    return results


# --- news pages labelled by their URL, held out by domain ---------------------------------

NEWS_FOLDS = 5
# The two settings AG News and BBC chose on validation (epoch 25, dim 50, lr 0.25 or 1.0):
# 20k documents x 5 folds, and the full grid took most of the section's time.
NEWS_FASTTEXT_GRID = tuple({"lr": lr, "epoch": 25, "dim": 50} for lr in (0.25, 1.0))
NEWS_SUBSETS = {
    "english": lambda page: (page["lang"] or "").startswith("en"),
    "article": lambda page: page["page_type"] in (None, "article"),
}


class NewsFastTextTool(FastTextTool):
    """fastText on the smaller grid of the news-page section."""

    def __init__(self):
        super().__init__(NEWS_FASTTEXT_GRID)


def host_domain(url: str) -> str:
    """The outlet a page is held out with: its URL's host without a leading ``www.``."""
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")


def read_news_pages(folder: Path, label_map: LabelMap, limit: int = 0) -> list[dict]:
    """Pages of the boilerplate sets with article gold and a topic named by their URL (given, or
    declared in the page's head), one per URL (the first read), and only the article pages:
    the pages ``winnow build`` gives a URL topic, with the text its training sees."""
    pages, seen = [], set()
    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                record = json.loads(line) if line.strip() else {}
                text = (record.get("gold_text") or "").strip()
                url = record.get("url") or declared_url(record.get("html") or "") or ""
                named = label_map.url_topic(url, record.get("page_type")) if text else None
                if named is None or url in seen:
                    continue
                seen.add(url)
                pages.append(
                    {
                        "id": record.get("id"),
                        "url": url,
                        "domain": host_domain(url),
                        "topic": named[0],
                        "section": named[1],
                        "text": text,
                        "lang": record.get("lang"),
                        "page_type": record.get("page_type"),
                    }
                )
    return pages[:limit] if limit else pages


def folded_corpus(path: Path, label_map: LabelMap, limit: int = 0) -> tuple[list[str], list[str]]:
    """A topic corpus with its labels folded into the taxonomy (labels the map drops, gone)."""
    texts, labels = read_jsonl(path, limit)
    kept = [(t, label_map.fold(label)) for t, label in zip(texts, labels, strict=True)]
    kept = [(t, label) for t, label in kept if label]
    return [t for t, _ in kept], [label for _, label in kept]


def domain_folds(pages: list[dict], n_splits: int = NEWS_FOLDS) -> list[np.ndarray]:
    """Test indices of each fold: every page of a domain in one fold, topics stratified as
    far as the domains allow. A topic with fewer pages than folds is not in every fold."""
    topics = np.array([p["topic"] for p in pages])
    domains = np.array([p["domain"] for p in pages])
    n_splits = min(n_splits, len(set(domains)))
    splitter = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=0)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "The least populated class", UserWarning)
        return [test for _, test in splitter.split(np.zeros(len(pages)), topics, domains)]


def pooled_scores(pages: list[dict], predicted: list[str], confidence: list[float]) -> dict:
    """Accuracy, macro-F1 and ECE over the pooled held-out pages, and accuracy per subset."""
    truth = [p["topic"] for p in pages]
    correct = np.array([t == p for t, p in zip(truth, predicted, strict=True)])
    out = {
        "pages": len(pages),
        "accuracy": float(correct.mean()),
        "macro_f1": float(f1_score(truth, predicted, average="macro")),
        "ece": calibration_error(np.asarray(confidence, dtype=float), correct, bins=N_BINS),
    }
    for name, keep in NEWS_SUBSETS.items():
        mask = np.array([keep(p) for p in pages])
        out[f"{name}_pages"] = int(mask.sum())
        out[f"{name}_accuracy"] = float(correct[mask].mean()) if mask.any() else float("nan")
    return out


def error_counts(pages: list[dict], predicted: list[str]) -> dict[str, int]:
    """``true -> predicted`` counts of the wrong predictions, most frequent first."""
    pairs = Counter(
        f"{p['topic']} -> {guess}"
        for p, guess in zip(pages, predicted, strict=True)
        if p["topic"] != guess
    )
    return dict(pairs.most_common())


def evaluate_news_pages(
    factory: Callable[[], Tool],
    base: tuple[list[str], list[str]],
    pages: list[dict],
    folds: list[np.ndarray],
) -> dict:
    """One tool over every fold: trained on ``base`` and the other folds' pages, predicting
    the held-out fold's; the held-out predictions are pooled and scored once."""
    predicted: list[str] = [""] * len(pages)
    confidence = [0.0] * len(pages)
    fit_seconds, predict_seconds, params = [], 0.0, []
    start = time.perf_counter()
    for test in folds:
        held_out = set(test.tolist())
        train = [p for i, p in enumerate(pages) if i not in held_out]
        tool, proba, fit_s, predict_s = fit_and_predict(
            factory,
            (base[0] + [p["text"] for p in train], base[1] + [p["topic"] for p in train]),
            [pages[i]["text"] for i in test],
        )
        fit_seconds.append(fit_s)
        predict_seconds += predict_s
        params.append(tool.params())
        for row, i in enumerate(test):
            predicted[i] = tool.classes[int(proba[row].argmax())]
            confidence[i] = float(proba[row].max())
    result = pooled_scores(pages, predicted, confidence)
    result.update(
        ms_per_page=1000 * predict_seconds / len(pages),
        fit_seconds=float(np.mean(fit_seconds)),
        section_seconds=time.perf_counter() - start,
        errors=error_counts(pages, predicted),
        params=params,
    )
    return result


def run_news_pages(args, tools: list[Callable[[], Tool]]) -> dict:
    """The news-page section: every tool's pooled figures, and what the pages and folds were."""
    label_map = read_label_map(args.label_map)
    root = Path(args.data)
    base_parts = [
        folded_corpus(root / name / "train.jsonl.gz", label_map, args.limit)
        for name in ("ag_news_16k", "bbc")
    ]
    base = (sum((b[0] for b in base_parts), []), sum((b[1] for b in base_parts), []))
    pages = read_news_pages(Path(args.boilerplate), label_map, args.limit)
    folds = domain_folds(pages)
    results = {
        "pages": len(pages),
        "domains": len({p["domain"] for p in pages}),
        "topics": dict(Counter(p["topic"] for p in pages).most_common()),
        "base_documents": len(base[0]),
        "fold_pages": [len(f) for f in folds],
        "tools": {},
    }
    for factory in tools:
        factory = NewsFastTextTool if factory is FastTextTool else factory
        figures = evaluate_news_pages(factory, base, pages, folds)
        results["tools"][factory.name] = figures
        print(
            f"  news pages / {factory.name}: {figures['accuracy']:.4f} "
            f"({figures['section_seconds']:.0f} s)",
            flush=True,
        )
    return results


def news_table(results: dict) -> str:
    rows = []
    for tool, r in results["tools"].items():
        rows.append(
            f"| {tool} | {100 * r['accuracy']:.1f} | {100 * r['macro_f1']:.1f} | {r['ece']:.3f} "
            f"| {r['pages']} | {r['ms_per_page']:.2f} | {100 * r['english_accuracy']:.1f} "
            f"({r['english_pages']}) | {100 * r['article_accuracy']:.1f} ({r['article_pages']}) "
            f"| {r['section_seconds']:.0f} |"
        )
    winnow = results["tools"].get(WinnowTool.name, {})
    errors = ", ".join(f"{pair}: {n}" for pair, n in winnow.get("errors", {}).items())
    topics = ", ".join(f"{t} {n}" for t, n in results["topics"].items())
    return "\n".join(
        [
            "### News pages labelled by their URL, held out by domain",
            "",
            f"{results['pages']} pages of the shared boilerplate sets with article gold and a "
            f"topic their URL names ({topics}), from {results['domains']} domains in "
            f"{len(results['fold_pages'])} domain-grouped, stratified folds of "
            f"{', '.join(map(str, results['fold_pages']))} pages. Each fold trains every tool on "
            f"AG News 16k and BBC train folded into the taxonomy ({results['base_documents']:,} "
            "documents) and the other folds' pages, and tests on its own; the held-out "
            "predictions of all folds are pooled. Text: the page's `gold_text`. ms per page: "
            "`predict_proba` CPU time over the test pages, one thread. fastText: lr 0.25 or 1.0 "
            "(epoch 25, dim 50) chosen on validation. English: `lang` en*; article: `page_type` article or unset.",
            "",
            "| tool | accuracy % | macro-F1 % | ECE | pages | ms per page | English acc % (pages) "
            "| article acc % (pages) | section s |",
            "|---|---|---|---|---|---|---|---|---|",
            *rows,
            "",
            f"winnow's errors (true -> predicted): {errors or 'none'}.",
        ]
    )


# --- BBC through the CLI, as a user runs it ------------------------------------------------

CLI_FRACTIONS = "0.8,0,0.2"


def winnow_command() -> Path:
    """The ``winnow`` entry point of the Python running this (the checkout's ``.venv``)."""
    return Path(sys.executable).with_name("winnow")


def timed_step(argv: list) -> float:
    """Run one CLI step, wall seconds; a failure stops the section with the step's stderr."""
    start = time.perf_counter()
    done = subprocess.run([str(a) for a in argv], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, argv))} failed ({done.returncode}): {done.stderr}")
    return time.perf_counter() - start


def write_predict_input(pages_file: Path, out: Path) -> dict[str, str]:
    """The test split's pages as ``{"id", "text"}`` JSONL; returns each id's topic."""
    import pandas as pd

    pages = pd.read_parquet(pages_file, columns=["id", "topic", "content_text"])
    with out.open("w", encoding="utf-8") as f:
        for page in pages.itertuples(index=False):
            f.write(json.dumps({"id": page.id, "text": page.content_text}) + "\n")
    return dict(zip(pages["id"], pages["topic"], strict=True))


def predicted_topics(path: Path) -> dict[str, tuple[str | None, float]]:
    """``id -> (topic, topic_score)`` of ``winnow predict`` output."""
    with path.open(encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    return {r["id"]: (r.get("topic"), float(r.get("topic_score") or 0.0)) for r in records}


def run_cli_bbc(args) -> dict:
    """build, train and predict on BBC in a temporary folder; accuracy on the test split."""
    winnow = winnow_command()
    source = Path(args.data) / "bbc" / "train.jsonl.gz"
    seconds = {}
    with tempfile.TemporaryDirectory(prefix="winnow-bench-") as folder:
        work = Path(folder)
        dataset, model = work / "dataset", work / "model"
        seconds["build"] = timed_step(
            [winnow, "build", source, "--out", dataset, "--fractions", CLI_FRACTIONS]
            + ["--seed", "0", "--quiet"]
        )
        seconds["train"] = timed_step([winnow, "train", dataset, "--out", model, "--quiet"])
        truth = write_predict_input(dataset / "pages" / "test.parquet", work / "test.jsonl")
        seconds["predict"] = timed_step(
            [winnow, "predict", work / "test.jsonl", "--model", model, "--out", work / "out.jsonl"]
            + ["--quiet"]
        )
        predicted = predicted_topics(work / "out.jsonl")
    correct = np.array([predicted.get(i, (None, 0.0))[0] == t for i, t in truth.items()])
    scores = np.array([predicted.get(i, (None, 0.0))[1] for i in truth])
    result = {
        "pages": len(truth),
        "predicted": sum(i in predicted for i in truth),
        "accuracy": float(correct.mean()),
        "ece": calibration_error(scores, correct, bins=N_BINS),
        "seconds": seconds,
    }
    print(f"  BBC via the CLI: {result['accuracy']:.4f}", flush=True)
    return result


def cli_table(result: dict) -> str:
    s = result["seconds"]
    return "\n".join(
        [
            "### BBC through the CLI",
            "",
            f"`winnow build bbc/train.jsonl.gz --fractions {CLI_FRACTIONS} --seed 0`, "
            "`winnow train`, then `winnow predict` on the test split's pages written as "
            '`{"id", "text"}` JSONL, scored against their topics. BBC records carry no URL, so '
            "each page is its own outlet and the split holds out pages (exact duplicates may "
            "fall on both sides). Wall seconds per step.",
            "",
            "| test pages | predicted | accuracy % | ECE (topic_score) | build s | train s "
            "| predict s |",
            "|---|---|---|---|---|---|---|",
            f"| {result['pages']} | {result['predicted']} | {100 * result['accuracy']:.2f} "
            f"| {result['ece']:.4f} | {s['build']:.1f} | {s['train']:.1f} | {s['predict']:.1f} |",
        ]
    )


DESCRIPTIONS = {
    "ag_news_16k": "AG News: 16k train subset, official test set",
    "bbc": "BBC: 5-fold CV, duplicate-grouped and stratified (means over folds)",
    "20newsgroups": "20 Newsgroups: official bydate train, test",
}


def param_text(params: dict) -> str:
    return ", ".join(f"{k}={v}" for k, v in params.items()) or "defaults"


def dataset_table(name: str, results: dict) -> str:
    rows = []
    for tool, r in results.items():
        folds = r.get("folds") or [r]
        params = "; ".join(param_text(f["params"]) for f in folds)
        rows.append(
            f"| {tool} | {100 * r['accuracy']:.2f} | {100 * r['macro_f1']:.2f} | {r['ece']:.4f} "
            f"| {r['fit_seconds']:.1f} | {r['docs_per_second']:,.0f} | {r['size_mb']:.1f} "
            f"({r['serialiser']}) | {params} |"
        )
    return "\n".join(
        [
            f"### {DESCRIPTIONS.get(name, name)}",
            "",
            "| tool | accuracy % | macro-F1 % | ECE | fit s | docs per CPU-second "
            "| size MB | chosen on validation |",
            "|---|---|---|---|---|---|---|---|",
            *rows,
        ]
    )


def run(args) -> tuple[str, dict]:
    root = Path(args.data)
    tools = make_tools(with_fasttext=not args.no_fasttext)
    names = [n for n in DATASETS if n in args.sections and (root / n / "train.jsonl.gz").exists()]
    parts = [
        f"Command: `{' '.join(sys.argv)}`.",
        "",
        "ECE: 15 equal-width bins over the top-class probability (LinearSVC: softmax of its "
        "decision function, not calibrated). Fit: wall seconds. Speed: `predict_proba` over "
        "the whole test set, documents per CPU-second, one thread. Size: the serialised model "
        "(scikit-learn: compacted as winnow's artifact does, then skops with deflate, or pickle "
        "when skops is missing; fastText: its own .bin). "
        "Hyperparameters of the baselines are chosen on a stratified, duplicate-grouped 10% of "
        "train (of each training fold for BBC), then refitted on all of train.",
    ]
    if args.limit:
        parts.append(f"\nSmoke run: at most {args.limit} train and test documents per dataset.")
    if not any(t.name == "fastText" for t in tools):
        parts.append("\nfastText: not installed, not run.")
        print("fastText: not installed, not run", flush=True)
    results = {}
    for name in names:
        results[name] = run_dataset(name, root, tools, args.limit)
    if "news_pages" in args.sections:
        results["news_pages"] = run_news_pages(args, tools)
    if "cli_bbc" in args.sections:
        results["cli_bbc"] = run_cli_bbc(args)
    kept = kept_sections(args, results)
    if kept:
        parts.append(f"\nKept from the previous run of `{args.out}`: {', '.join(kept)}.")
    results.update(kept)
    parts += [
        text
        for name in SECTIONS
        if name in results
        for text in ("", section_table(name, results[name]))
    ]
    return "\n".join(parts) + "\n", results


def kept_sections(args, results: dict) -> dict:
    """The published sections this run did not redo, from the JSON beside ``--out``, so one
    section can be rerun without dropping the others' figures."""
    path = Path(args.out).with_suffix(".json") if getattr(args, "out", None) else None
    if path is None or not path.exists() or getattr(args, "limit", 0):
        return {}
    previous = json.loads(path.read_text(encoding="utf-8"))
    return {n: previous[n] for n in SECTIONS if n in previous and n not in results}


def section_table(name: str, results: dict) -> str:
    """The Markdown of any section from its figures."""
    if name == "news_pages":
        return news_table(results)
    if name == "cli_bbc":
        return cli_table(results)
    return dataset_table(name, results)


def sections(text: str) -> list[str]:
    """``--sections`` as a list, each name checked."""
    chosen = [s.strip() for s in text.split(",") if s.strip()]
    unknown = sorted(set(chosen) - set(SECTIONS))
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown sections {unknown}; choose from {SECTIONS}")
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default="/work/shared/data/topic")
    parser.add_argument("--boilerplate", default="/work/shared/data/boilerplate")
    parser.add_argument("--label-map", default=str(ROOT / "data/labelmaps/default.toml"))
    parser.add_argument("--out", default="bench/results/topics.md")
    parser.add_argument("--limit", type=int, default=0, help="at most N train/test docs each")
    parser.add_argument("--no-fasttext", action="store_true", help="skip fastText")
    parser.add_argument(
        "--sections",
        type=sections,
        default=list(SECTIONS),
        help=f"comma-separated, of {', '.join(SECTIONS)} (default: all)",
    )
    args = parser.parse_args()
    publish(*run(args), args.out)


if __name__ == "__main__":
    main()
