"""The ``winnow`` commands: each parses its options, calls the library, has ``render`` show
the outcome and maps it to an exit code (``winnow.models.exit_codes``).

Defaults come from the library's option classes (``train.options`` holds those of build
and train, away from the modules that fit and write). The rest of the library loads inside
the commands that use it, so ``winnow --help`` loads neither scikit-learn nor pandas or
datasets (``tests/test_cli.py`` holds it to that).
"""

from __future__ import annotations

import itertools
import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from winnow.cli import render
from winnow.models.executors import EXECUTORS
from winnow.models.exit_codes import EXIT_CHECK_FAILED, EXIT_USAGE
from winnow.models.options import OUTPUT_FORMATS, PredictOptions
from winnow.train.hub import HubSource
from winnow.train.labels import AlignOptions
from winnow.train.options import REVIEW_PARAGRAPHS, BuildOptions, TrainOptions

app = typer.Typer(
    name="winnow",
    help="Separate news article text from boilerplate on scraped pages, and label its topic.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    render.error(message)
    return typer.Exit(code)


def _print_version(value: bool) -> None:
    if value:
        from winnow import __version__

        render.say(f"winnow {__version__}", highlight=False)
        raise typer.Exit()


@app.callback()
def options(
    log_json: Annotated[
        bool,
        typer.Option(
            "--log-json", help="Also log every event as a JSON line on stderr (before the command)."
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Print winnow's version and exit.",
            callback=_print_version,
            is_eager=True,
        ),
    ] = False,
) -> None:
    """Separate news article text from boilerplate on scraped pages, and label its topic."""
    from winnow.train.logs import configure

    configure(log_json)


Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")]
Seed = Annotated[int, typer.Option(help="Seed for every split and estimator.")]
Overwrite = Annotated[bool, typer.Option(help="Replace OUT if it exists.")]
AllowMismatch = Annotated[
    bool,
    typer.Option(help="Load an artifact made with another scikit-learn version (at your risk)."),
]


class Favor(StrEnum):
    """The values of ``--favor``: ``winnow.models.cleaner.FAVORS``."""

    balanced = "balanced"
    precision = "precision"
    recall = "recall"


FavorOption = Annotated[
    Favor,
    typer.Option(
        help="Which of the model's thresholds keep paragraphs, each chosen on the validation "
        "split at training: balanced (best mean page token F1), precision (best F0.5: cleaner "
        "text, some article lost) or recall (best F2: more of the article, more chaff). "
        "Models trained before this option have balanced only.",
        case_sensitive=False,
    ),
]


@app.command()
def build(
    out: Annotated[Path, typer.Option("--out", "-o", help="Dataset folder to write.")],
    pages: Annotated[
        list[Path] | None,
        typer.Argument(help="Page files, folders or JSONL (optionally .gz) carrying labels."),
    ] = None,
    seed: Seed = BuildOptions.seed,
    fractions: Annotated[
        str, typer.Option(help="Train, validation and test shares of pages, split by domain.")
    ] = ",".join(map(str, BuildOptions.fractions)),
    content_min: Annotated[
        float,
        typer.Option(help="Share of a paragraph's word 3-grams in the gold to call it content."),
    ] = AlignOptions.content_min,
    boilerplate_max: Annotated[
        float, typer.Option(help="Share at or below which a paragraph is boilerplate.")
    ] = AlignOptions.boilerplate_max,
    repeat_min: Annotated[
        int,
        typer.Option(
            help="On unlabelled pages, a paragraph on this many pages of one domain is "
            "boilerplate (0: off)."
        ),
    ] = BuildOptions.repeat_min,
    label_map: Annotated[
        Path | None,
        typer.Option(
            help="TOML or JSON file mapping source topic labels onto your taxonomy (its labels "
            "table) and URL sections onto topics (its url_sections table: weak topics for "
            "labelled article pages)."
        ),
    ] = None,
    renderers: Annotated[
        list[str] | None,
        typer.Option(
            "--render",
            help="Also add labelled HTML pages rendered as text: full or trafilatura "
            "(the render extra). Repeatable.",
        ),
    ] = None,
    labels: Annotated[
        list[Path] | None,
        typer.Option(
            help="Reviewed labels from `winnow review` (JSONL); they override other labels of "
            "the paragraphs they name. Repeatable."
        ),
    ] = None,
    label_field: Annotated[
        str,
        typer.Option(help="The JSONL field that holds explicit paragraph (or line) labels."),
    ] = BuildOptions.label_field,
    domain: Annotated[
        str | None,
        typer.Option(
            help="The outlet of pages with no URL, declared URL or domain field (splits keep "
            "an outlet together).",
            show_default="the folder a page file is in",
        ),
    ] = BuildOptions.domain,
    hf: Annotated[
        list[str] | None,
        typer.Option(
            help="A Hugging Face dataset by name (or a builder: json, parquet). Repeatable."
        ),
    ] = None,
    hf_split: Annotated[
        str, typer.Option(help="Split of the --hf datasets to read.")
    ] = HubSource.split,
    hf_config: Annotated[
        str | None, typer.Option(help="Configuration of the --hf datasets.")
    ] = HubSource.config,
    hf_data_files: Annotated[
        list[str] | None, typer.Option(help="Local files for a builder given with --hf.")
    ] = None,
    overwrite: Overwrite = False,
    quiet: Quiet = False,
) -> None:
    """Turn labelled pages into a dataset: paragraph and page tables per split, and a manifest."""
    from winnow.train.dataset import build_dataset
    from winnow.train.label_map import LabelMap, read_label_map

    hub = [
        HubSource(name, split=hf_split, config=hf_config, data_files=list(hf_data_files or []))
        for name in hf or []
    ]
    try:
        rendered = _renderers(renderers)
        shares = tuple(float(x) for x in fractions.split(","))
        mapping = read_label_map(label_map) if label_map else LabelMap()
        options = BuildOptions(
            seed=seed,
            fractions=shares,
            align=AlignOptions(content_min=content_min, boilerplate_max=boilerplate_max),
            repeat_min=repeat_min,
            label_map=mapping.labels,
            url_sections=mapping.url_sections,
            render=rendered,
            label_field=label_field,
            domain=domain,
        )
        with render.progress(quiet) as advance:
            manifest = build_dataset(
                pages or [],
                out,
                options,
                overwrite=overwrite,
                hub=hub,
                labels=labels or [],
                progress=lambda _: advance(1),
            )
    except (FileNotFoundError, FileExistsError, ValueError, RuntimeError) as err:
        raise fail(str(err)) from None
    if not quiet:
        render.dataset_built(manifest, out)


def _renderers(names: list[str] | None) -> tuple[str, ...]:
    """The ``--render`` values, checked before any page is read."""
    from winnow.train.render import RENDERERS

    for name in names or []:
        if name not in RENDERERS:
            raise ValueError(f"--render takes {' or '.join(RENDERERS)}, not {name!r}")
    return tuple(names or ())


@app.command()
def train(
    dataset: Annotated[Path, typer.Argument(help="Dataset folder written by `winnow build`.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Artifact folder to write.")],
    seed: Seed = TrainOptions.seed,
    boilerplate_alpha: Annotated[
        float, typer.Option(help="L2 penalty of the boilerplate classifier (SGD, logistic loss).")
    ] = TrainOptions.boilerplate_alpha,
    topic_c: Annotated[
        float, typer.Option(help="Inverse regularisation of the topic classifier (NB-SVM).")
    ] = TrainOptions.topic_C,
    topic_max_features: Annotated[
        int, typer.Option(help="Most word n-grams the topic model keeps.")
    ] = TrainOptions.topic_max_features,
    min_df: Annotated[
        int, typer.Option(help="Drop n-grams seen in fewer paragraphs than this.")
    ] = TrainOptions.min_df,
    max_features: Annotated[
        int,
        typer.Option(
            help="Most n-grams kept per boilerplate vectorizer (smaller, smaller artifact)."
        ),
    ] = TrainOptions.max_features,
    topic_threshold: Annotated[
        float, typer.Option(help="Below this topic probability, predict `other` (0: never).")
    ] = TrainOptions.topic_threshold,
    sequence_folds: Annotated[
        int,
        typer.Option(
            help="Domain folds that score the training pages for the second pass, which "
            "rereads each paragraph's score along its page (0: no second pass)."
        ),
    ] = TrainOptions.sequence_folds,
    overwrite: Overwrite = False,
    quiet: Quiet = False,
) -> None:
    """Fit the boilerplate and topic classifiers and save them as a verified artifact."""
    from winnow.models.artifact import ArtifactError
    from winnow.train.fit import STAGES, train_run

    options = TrainOptions(
        seed=seed,
        boilerplate_alpha=boilerplate_alpha,
        topic_C=topic_c,
        min_df=min_df,
        max_features=max_features,
        topic_max_features=topic_max_features,
        topic_threshold=topic_threshold,
        sequence_folds=sequence_folds,
    )
    try:
        with render.stages(quiet, STAGES) as stage:
            path, metrics = train_run(dataset, out, options, overwrite=overwrite, progress=stage)
    except (FileNotFoundError, ValueError, ArtifactError) as err:
        raise fail(str(err)) from None
    if not quiet:
        render.trained(path, metrics)


@app.command()
def evaluate(
    run: Annotated[Path, typer.Argument(help="Artifact folder written by `winnow train`.")],
    dataset: Annotated[Path, typer.Argument(help="Dataset folder written by `winnow build`.")],
    split: Annotated[str, typer.Option(help="Which split to score.")] = "test",
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Report folder.", show_default="RUN/evaluation/SPLIT"),
    ] = None,
    favor: FavorOption = Favor(PredictOptions.favor),
    fail_under: Annotated[
        list[str] | None,
        typer.Option(
            metavar="METRIC=VALUE",
            help="Exit 1 when METRIC is under VALUE, or not measured on the split (repeatable). "
            "METRIC: page_f1, page_precision, page_recall, page_f1_html, page_f1_text, "
            "boilerplate_f1, boilerplate_f1_html, boilerplate_f1_text, content_f1, "
            "topic_accuracy, topic_macro_f1, topic_accuracy_cleaned.",
        ),
    ] = None,
    thresholds: Annotated[
        Path | None,
        typer.Option(
            help="TOML file of `METRIC = VALUE` lines, checked as --fail-under (which "
            "replaces the file's bound for the same METRIC)."
        ),
    ] = None,
    allow_version_mismatch: AllowMismatch = False,
    quiet: Quiet = False,
) -> None:
    """Score an artifact on a dataset split; write metrics.json, figures.json, PNG plots,
    report.md and a self-contained report.html. Exit 0, 1 when a --fail-under or
    --thresholds check fails (the report is written all the same), 2 on bad usage or an
    empty split."""
    from winnow.models.artifact import ArtifactError, load_artifact
    from winnow.train.evaluate import evaluate_run, require_split
    from winnow.train.gates import check_metrics, gather_bounds

    try:
        bounds = gather_bounds(fail_under, thresholds)
        require_split(dataset, split)
        cleaner = load_artifact(run, allow_version_mismatch=allow_version_mismatch)
        cleaner.use_favor(favor.value)
        target = out or run / "evaluation" / split
        with render.working(quiet, f"scoring {run} on {dataset} ({split})"):
            metrics = evaluate_run(cleaner, dataset, target, split, run_name=str(run))
    except (FileNotFoundError, ValueError, KeyError, ArtifactError) as err:
        raise fail(str(err)) from None
    if not quiet:
        render.evaluated({split: metrics}, f"{run} on {dataset}", target)
    _gate(check_metrics(metrics, bounds), quiet)


@app.command()
def diff(
    run_a: Annotated[Path, typer.Argument(help="The model you have (artifact folder).")],
    run_b: Annotated[Path, typer.Argument(help="The model you might ship instead.")],
    dataset: Annotated[Path, typer.Argument(help="Dataset folder written by `winnow build`.")],
    split: Annotated[str, typer.Option(help="Which split to compare on.")] = "test",
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Also write diff.md and diff.json into this folder."),
    ] = None,
    fail_if_worse: Annotated[
        bool,
        typer.Option(
            help="Exit 1 when B's page token F1 or topic accuracy on the split is under A's "
            "(less --tolerance), or B lacks one A has."
        ),
    ] = False,
    tolerance: Annotated[
        float,
        typer.Option(help="How far under A B may fall before --fail-if-worse fails.", min=0.0),
    ] = 0.0,
    allow_version_mismatch: AllowMismatch = False,
    quiet: Quiet = False,
) -> None:
    """Where two models disagree on a split, and which of them is right there. Exit 0, 1
    when --fail-if-worse finds B worse, 2 on bad usage or an empty split."""
    from winnow.models.artifact import ArtifactError, load_artifact
    from winnow.train.diff import diff_models, diff_report
    from winnow.train.evaluate import require_split
    from winnow.train.gates import compare_runs

    try:
        require_split(dataset, split)
        a = load_artifact(run_a, allow_version_mismatch=allow_version_mismatch)
        b = load_artifact(run_b, allow_version_mismatch=allow_version_mismatch)
        with render.working(quiet, f"comparing {run_a} and {run_b} on {dataset} ({split})"):
            result = diff_models(a, b, dataset, split)
    except (FileNotFoundError, ValueError, KeyError, ArtifactError) as err:
        raise fail(str(err)) from None
    report = diff_report(result, str(run_a), str(run_b))
    if out:
        _write_diff(out, report, result)
    if not quiet:
        render.plain(report)
    if fail_if_worse:
        _gate(compare_runs(result["compared"], tolerance), quiet)


def _write_diff(out: Path, report: str, result: dict) -> None:
    from winnow.models.atomic import write_text_atomic

    out.mkdir(parents=True, exist_ok=True)
    write_text_atomic(out / "diff.md", report)
    write_text_atomic(out / "diff.json", json.dumps(result, indent=2) + "\n")


def _gate(outcomes: list, quiet: bool) -> None:
    """Show each check, and exit 1 on any that failed."""
    render.checks(outcomes, quiet)
    failed = [o for o in outcomes if o.failed]
    if failed:
        names = ", ".join(o.metric for o in failed)
        raise fail(f"{len(failed)} of {len(outcomes)} checks failed: {names}", EXIT_CHECK_FAILED)


Executor = StrEnum("Executor", {name: name for name in EXECUTORS})
ShardFormat = StrEnum("ShardFormat", {fmt.lstrip("."): fmt for fmt in OUTPUT_FORMATS})


@app.command()
def predict(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Page files, folders, JSONL, WARC (each optionally .gz), glob patterns, or - "
            "for standard input (JSONL, or one page)."
        ),
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            help="One file (.jsonl, .jsonl.gz, .parquet), - for JSONL on standard output, or "
            "a folder of shards: a rerun skips the shards already written.",
        ),
    ],
    model: Annotated[
        Path | None,
        typer.Option("--model", "-m", help="Artifact folder.", show_default="the shipped model"),
    ] = None,
    domain: Annotated[
        str | None,
        typer.Option(
            help="The outlet of pages with no URL of their own (repeated chaff is counted "
            "per outlet).",
            show_default="the folder a page file is in",
        ),
    ] = PredictOptions.domain,
    workers: Annotated[
        int, typer.Option(help="Processes (or Dask workers for a local cluster).", min=1)
    ] = PredictOptions.workers,
    executor: Annotated[
        Executor, typer.Option(help="Where the work runs: local processes, or a Dask cluster.")
    ] = Executor(PredictOptions.executor),
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="Dask scheduler address; without it --executor dask starts a local cluster."
        ),
    ] = PredictOptions.scheduler,
    shard_size: Annotated[
        int,
        typer.Option(
            help="Pages per shard of a folder --out, and the pages each page is compared with "
            "for chaff its outlet repeats (one-file --out too).",
            min=1,
        ),
    ] = PredictOptions.shard_size,
    shard_format: Annotated[
        ShardFormat, typer.Option(help="Shard files of a folder --out.")
    ] = ShardFormat(PredictOptions.shard_format),
    max_bytes: Annotated[
        int,
        typer.Option(help="A page (or JSONL line, or WARC record) over this is an error.", min=1),
    ] = PredictOptions.max_bytes,
    max_paragraphs: Annotated[
        int, typer.Option(help="A page with more paragraphs is an error (0: no limit).", min=0)
    ] = PredictOptions.max_paragraphs,
    max_seconds: Annotated[
        float,
        typer.Option(help="A page whose parsing takes longer is an error (0: no limit).", min=0),
    ] = PredictOptions.max_seconds,
    batch_size: Annotated[
        int, typer.Option(help="Pages scored together (speed and memory, not output).", min=1)
    ] = PredictOptions.batch_size,
    show: Annotated[
        int,
        typer.Option(help="Print a table of the first N pages' results (one-file --out).", min=0),
    ] = 0,
    favor: FavorOption = Favor(PredictOptions.favor),
    overwrite: Annotated[
        bool,
        typer.Option(
            help="Replace a one-file OUT that exists; start a folder OUT again instead of "
            "resuming it."
        ),
    ] = False,
    allow_version_mismatch: AllowMismatch = False,
    quiet: Quiet = False,
) -> None:
    """Clean and label pages: one record per page with its text, topic and paragraphs.

    `winnow predict - --out -` is a filter: JSONL in, JSONL out, progress and summary on
    stderr. Exit code 0 when every page went well, 1 when some failed, 2 on bad usage, 3
    when nearly all failed.
    """
    from winnow.models.artifact import ArtifactError
    from winnow.models.defaults import default_model_path
    from winnow.models.predict import predict as run_predict

    options = PredictOptions(
        batch_size=batch_size,
        workers=workers,
        executor=executor.value,
        scheduler=scheduler,
        shard_size=shard_size,
        shard_format=shard_format.value,
        max_bytes=max_bytes,
        max_paragraphs=max_paragraphs,
        max_seconds=max_seconds,
        allow_version_mismatch=allow_version_mismatch,
        favor=favor.value,
        domain=domain,
    )
    shown = render.FirstRecords(show)
    try:
        with render.progress(quiet) as advance:
            summary = run_predict(
                inputs,
                out,
                model or default_model_path(),
                options,
                overwrite=overwrite,
                on_record=shown.keep,
                on_progress=advance,
            )
    except (FileNotFoundError, FileExistsError, ValueError, ArtifactError, RuntimeError) as err:
        raise fail(str(err)) from None
    if not quiet:
        render.predicted(shown, summary, out)
    if code := summary.exit_code():
        raise typer.Exit(code)


@app.command()
def review(
    run: Annotated[Path, typer.Argument(help="Artifact folder whose doubts to review.")],
    pages: Annotated[
        list[Path], typer.Argument(help="Page files, folders, JSONL, WARC or globs to pick from.")
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Labels JSONL to append answers to.")],
    n: Annotated[
        int, typer.Option("--n", "-n", help="Paragraphs to ask about.")
    ] = REVIEW_PARAGRAPHS,
    max_pages: Annotated[
        int, typer.Option(help="Score only the first N pages of a large crawl (0: all).")
    ] = 0,
    batch: Annotated[
        bool,
        typer.Option(
            "--batch",
            help="Write the selection to OUT as JSONL with empty labels (and context), for "
            "labelling elsewhere, instead of asking here.",
        ),
    ] = False,
    allow_version_mismatch: AllowMismatch = False,
    quiet: Quiet = False,
) -> None:
    """Label the paragraphs the model is least sure of, spread over domains, one keypress
    each: c content, b boilerplate, s skip, u undo, q quit. `winnow build --labels OUT`
    trains on the answers."""
    from winnow.features.readers import read_pages
    from winnow.models.artifact import ArtifactError, load_artifact
    from winnow.train.review import answered, run_session, select_for_review, write_batch

    if n < 1:
        raise fail("--n must be at least 1")
    if max_pages < 0:
        raise fail("--max-pages must be 0 (all) or more")
    if batch and out.exists():
        raise fail(f"{out} exists; --batch writes a new file")
    try:
        cleaner = load_artifact(run, allow_version_mismatch=allow_version_mismatch)
        exclude = set() if batch else answered(out)
        chosen_pages = read_pages(pages)
        if max_pages > 0:
            chosen_pages = itertools.islice(chosen_pages, max_pages)
        with render.working(quiet, f"scoring paragraphs of {len(pages)} input(s)"):
            items = select_for_review(cleaner, chosen_pages, n, exclude=exclude)
    except (FileNotFoundError, ValueError, ArtifactError) as err:
        raise fail(str(err)) from None
    if batch:
        write_batch(items, out)
        if not quiet:
            render.say(f"{len(items)} paragraphs to label written to {out}")
        return
    if not items:
        render.say("nothing left to review")
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    result = run_session(items, out, typer.getchar, render.review_item, render.say)
    render.reviewed(result, out)


@app.command()
def info(
    run: Annotated[Path, typer.Argument(help="Artifact folder.")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the verification as JSON.")
    ] = False,
    allow_version_mismatch: AllowMismatch = False,
) -> None:
    """Show what an artifact holds and whether it verifies (exit 2 when it does not)."""
    from winnow.models.artifact import verify_artifact

    check = verify_artifact(run, allow_version_mismatch=allow_version_mismatch)
    render.artifact_check(run, check, as_json)
    if not check.ok:
        raise typer.Exit(EXIT_USAGE)


def main() -> None:
    app()
