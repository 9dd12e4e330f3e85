"""The model card: the ``README.md`` of every artifact, filled from the run that made it.

It answers what a reviewer asks before shipping a model: what data, how much of each label,
which settings, how well on held-out pages, what for, and where it is known to be weak.
"""

from __future__ import annotations

from typing import Any

from winnow.models.cleaner import Cleaner

FEW_TOPIC_PAGES = 50  # a topic trained on fewer pages is named as a known limit
FEW_DOMAINS = 20  # fewer training outlets than this is named as a known limit


def model_card(
    info: dict[str, Any],
    metrics: dict[str, Any],
    cleaner: Cleaner,
    *,
    data_manifest: dict[str, Any] | None = None,
    plots: list[str] = (),
) -> str:
    """The artifact's README from its manifest info, its metrics per split and its dataset."""
    data_manifest = data_manifest or {}
    limits = known_limits(info, metrics, data_manifest, cleaner)
    sections = [
        ["# winnow model", "", _purpose(cleaner)],
        _data_section(info, cleaner, data_manifest),
        _parameters_section(info, cleaner),
        _metrics_section(metrics, plots),
        ["## Intended use", "", _intended_use(cleaner)],
        ["## Known limits", "", *(f"- {limit}" for limit in limits)],
    ]
    return "\n\n".join("\n".join(lines) for lines in sections) + "\n"


def _data_section(
    info: dict[str, Any], cleaner: Cleaner, data_manifest: dict[str, Any]
) -> list[str]:
    """Which dataset, its sources and splits, and what each part learnt from."""
    dataset, train = info["dataset"], info["training"]
    lines = [
        "## Training data",
        "",
        f"Dataset `{dataset['path']}`, fingerprint `{dataset['fingerprint']}`.",
    ]
    sources = data_manifest.get("sources") or []
    if sources:
        lines += ["", "| source | files | bytes | sha256 |", "|---|---|---|---|"]
        lines += [
            f"| `{s.get('path', s.get('name', '?'))}` | {s.get('files', '')} | "
            f"{s.get('bytes', '')} | `{str(s.get('sha256', ''))[:16]}` |"
            for s in sources
        ]
    return [
        *lines,
        "",
        _split_table(data_manifest.get("splits") or {}, dataset["splits"]),
        "",
        _boilerplate_line(train, cleaner),
        _topic_line(train, cleaner),
        _label_map_line(dataset.get("label_map") or {}),
        *_url_topics_line(dataset.get("url_topics") or {}),
    ]


def _parameters_section(info: dict[str, Any], cleaner: Cleaner) -> list[str]:
    """The training options and the thresholds chosen, then how the model works."""
    train = info["training"]
    lines = ["## Parameters", "", "| setting | value |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in info["options"].items()]
    if cleaner.boilerplate:
        tuning = train.get("thresholds_tuned") or "tuned on validation"
        lines.append(
            f"| threshold on P(content), per page kind | {cleaner.thresholds} ({tuning}) |"
        )
    if cleaner.topic is not None:
        lines.append(f"| topic threshold (`other` below) | {cleaner.topic_threshold} |")
    return [*lines, "", *_method_lines(train, cleaner), *_favor_lines(train.get("passes") or {})]


def _metrics_section(metrics: dict[str, Any], plots: list[str]) -> list[str]:
    """A row of figures per split, the test split by page kind, and the plots."""
    lines = [
        "## Metrics",
        "",
        "| split | paragraph accuracy | boilerplate F1 | content F1 | page token F1 | "
        "keep-everything F1 | topic accuracy | topic macro-F1 | topic calibration error |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    lines += [_metrics_row(split, m) for split, m in metrics.items()]
    return lines + _test_lines(metrics, plots)


def _purpose(cleaner: Cleaner) -> str:
    """What this model does, by the parts it holds."""
    cleans = (
        "Separates article text from boilerplate (navigation, donation and newsletter appeals, "
        "cookie notices, related links, share bars, credits, footers) on scraped news pages"
    )
    if cleaner.boilerplate and cleaner.topic is not None:
        return f"{cleans}, and labels the article's topic from the text it keeps."
    if cleaner.boilerplate:
        return f"{cleans}. It has no topic model: every record's topic is null."
    return (
        "Labels the topic of news pages. It has no boilerplate model: every paragraph is kept "
        "(score 1.0) and the topic is labelled on the whole text of the page."
    )


def _boilerplate_line(train: dict[str, Any], cleaner: Cleaner) -> str:
    if not cleaner.boilerplate:
        why = ((train.get("parts") or {}).get("boilerplate") or {}).get("detail", "")
        return f"No boilerplate model{': ' + why if why else ''}."
    return (
        f"Boilerplate model: {train['paragraphs']} labelled training paragraphs "
        f"(content {train['labels'].get('1', 0)}, boilerplate {train['labels'].get('0', 0)})."
    )


def _topic_line(train: dict[str, Any], cleaner: Cleaner) -> str:
    dropped = (
        f" Left out for having a single page: {', '.join(train['topics_dropped'])}."
        if train.get("topics_dropped")
        else ""
    )
    if cleaner.topic is None:
        why = ((train.get("parts") or {}).get("topic") or {}).get("detail", "")
        return f"No topic model{': ' + why if why else ''}." + ("" if why else dropped)
    return (
        f"Topic model: {train['topic_pages']} training pages; per topic "
        f"{_counts(train['topics']) if train['topics'] else 'none'}." + dropped
    )


def _method_lines(train: dict[str, Any], cleaner: Cleaner) -> list[str]:
    """How each part it holds works."""
    text = ""
    if cleaner.boilerplate:
        text += (
            "Each paragraph is scored by a linear first pass; a second pass of gradient-boosted "
            "trees rereads those scores along the page where it beat the first pass on the "
            "validation split: "
            + ", ".join(
                f"{kind} {'yes' if p['second_pass'] else 'no'} "
                + (
                    f"(validation score {p['validation_f1']}, first pass alone "
                    f"{p['first_pass_f1']})"
                    if p.get("tuned", True)
                    else "(untested: no validation page of this kind to score)"
                )
                for kind, p in sorted(train.get("passes", {}).items())
            )
            + " (what the threshold maximises: page token F1 for markup; for text, boilerplate-line "
            "F1 on validation article pages an extractor left mostly article, where the split has "
            "them, else page token F1). Besides its words, the text model reads each line's "
            "shape (calls to action, teaser labels, dates, reading times, prices, handles, bios, "
            "credits), its opening "
            "and closing words, and how often the line recurs on its page and on the other pages "
            "of its outlet in the same shard." + _cutter_line(train.get("glued_cutter") or {})
        )
    if cleaner.topic is not None:
        text += (
            " Topics: word and character n-grams into two NB-SVMs, each calibrated by "
            "isotonic regression, their probabilities averaged, so `topic_score` is a probability."
        )
    return [text.strip()]


def _metrics_row(split: str, m: dict[str, Any]) -> str:
    para = m.get("paragraph") or {}
    tok = m.get("page_tokens") or {}
    topic = (m.get("topic") or {}).get("article_text") or {}
    cells = [
        para.get("accuracy"),
        (para.get("boilerplate") or {}).get("f1"),
        (para.get("content") or {}).get("f1"),
        tok.get("f1"),
        tok.get("keep_all_f1"),
        topic.get("accuracy"),
        topic.get("macro_f1"),
        topic.get("ece"),
    ]
    return f"| {split} | " + " | ".join("" if c is None else str(c) for c in cells) + " |"


def _test_lines(metrics: dict[str, Any], plots: list[str]) -> list[str]:
    lines: list[str] = []
    test = metrics.get("test") or {}
    by_kind = (test.get("paragraph") or {}).get("by_kind") or {}
    if by_kind:
        lines += ["", "On the test split, by page kind:", ""]
        lines += [
            f"- {kind}: threshold {m['threshold']}, content precision "
            f"{m['content']['precision']}, recall {m['content']['recall']} "
            f"({m['labelled']} labelled paragraphs)."
            for kind, m in sorted(by_kind.items())
        ]
    if plots:
        lines += ["", "Test split plots (all of them, with tables per domain: `report.html`):", ""]
        lines += [f"![{name[:-4]}]({name})" for name in plots]
    return lines


def _intended_use(cleaner: Cleaner) -> str:
    if not cleaner.boilerplate:
        return (
            "Topic labelling of news text like that it was trained on, with `winnow predict`. "
            "Give it article text: it removes nothing, so on a scraped page the menus and "
            "footers are read as part of the article."
        )
    return (
        "Batch cleaning"
        + (" and topic labelling" if cleaner.topic is not None else "")
        + " of scraped news pages like those it was trained on, with `winnow predict`. Every "
        "paragraph keeps its score, so a downstream job can choose its own trade-off between "
        "chaff let through and article text lost."
    )


def known_limits(
    info: dict[str, Any],
    metrics: dict[str, Any],
    data_manifest: dict[str, Any],
    cleaner: Cleaner | None = None,
) -> list[str]:
    """What this run's own data says the model cannot be trusted with."""
    train = info["training"]
    limits = []
    parts = train.get("parts") or {}
    for name in ("boilerplate", "topic"):
        part = parts.get(name) or {}
        if part and not part.get("trained"):
            limits.append(
                f"No {name} model ({part.get('detail')}): "
                + (
                    "nothing is removed from a page."
                    if name == "boilerplate"
                    else "every record's topic is null."
                )
            )
    cleans = cleaner is None or bool(cleaner.boilerplate)
    tuning = train.get("thresholds_tuned") or ""
    if cleans and "not tuned" in tuning:
        limits.append(f"Thresholds: {tuning}.")
    if cleans:
        limits += _cleaning_limits(data_manifest)
    few = sorted(t for t, n in (train.get("topics") or {}).items() if n < FEW_TOPIC_PAGES)
    if few:
        limits.append(
            f"Topics learnt from fewer than {FEW_TOPIC_PAGES} pages, less reliable: "
            + ", ".join(few)
            + "."
        )
    if train.get("topics"):
        limits.append(
            "A page about a topic outside "
            + ", ".join(sorted(train["topics"]))
            + " gets the nearest of these unless a topic threshold is set "
            "(`winnow train --topic-threshold`)."
        )
    test = metrics.get("test") or {}
    cleaned = ((test.get("topic") or {}).get("cleaned_text") or {}).get("accuracy")
    article = ((test.get("topic") or {}).get("article_text") or {}).get("accuracy")
    if cleaned is not None and article is not None and cleaned < article - 0.02:
        limits.append(
            f"Topic accuracy falls from {article} on the gold article text to {cleaned} on the "
            "text winnow keeps: cleaning mistakes carry into topics."
        )
    limits.append(
        "Languages: the features are word and character n-grams of whatever the training "
        "pages were written in; pages in other languages are out of scope."
    )
    return limits


def _cleaning_limits(data_manifest: dict[str, Any]) -> list[str]:
    """What the training outlets and page kinds say about the boilerplate model."""
    limits = [
        "Outlets whose markup or chaff differ from the training data score lower; retrain "
        "with `winnow build` and `winnow train` on labelled pages from them (`winnow review` "
        "picks the paragraphs worth labelling).",
    ]
    splits = data_manifest.get("splits") or {}
    domains = (splits.get("train") or {}).get("domains")
    if domains is not None and domains < FEW_DOMAINS:
        limits.append(
            f"Trained on {domains} outlets only: figures on other outlets will be lower than "
            "those above."
        )
    kinds = (splits.get("train") or {}).get("kinds") or {}
    for kind in ("html", "text"):
        if kinds and not kinds.get(kind):
            limits.append(
                f"No {kind} pages in training: {kind} input is cleaned by the other model."
            )
    return limits


def _split_table(manifest_splits: dict[str, Any], pages: dict[str, int]) -> str:
    if not manifest_splits:
        return f"Pages per split: {pages}."
    rows = [
        "| split | pages | outlets | content | boilerplate | unlabelled | page kinds "
        "| labels from (pages) | topics |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for split, s in manifest_splits.items():
        labels = s.get("labels") or {}
        rows.append(
            f"| {split} | {s.get('pages', '')} | {s.get('domains', '')} | "
            f"{labels.get('content', '')} | {labels.get('boilerplate', '')} | "
            f"{labels.get('unlabelled', '')} | {_counts(s.get('kinds'))} | "
            f"{_counts(s.get('label_sources'))} | {_counts(s.get('topics'))} |"
        )
    return "\n".join(rows)


def _favor_lines(passes: dict[str, Any]) -> list[str]:
    """Per page kind, the thresholds of ``winnow predict --favor`` and their validation
    page token precision and recall; nothing for a run made before favors existed."""
    kinds = {kind: p["favors"] for kind, p in sorted(passes.items()) if p.get("favors")}
    if not kinds:
        return []
    lines = [
        "",
        "Thresholds of `winnow predict --favor`, chosen on the validation split, with the mean "
        "page token precision (P) and recall (R) they gave there: balanced as above, "
        "precision the best F0.5 at or above it, recall the best F2 at or below it.",
        "",
    ]
    for kind, favors in kinds.items():
        lines.append(
            f"- {kind}: "
            + ", ".join(
                f"{name} {f['threshold']} "
                + (
                    f"(P {f['precision']}, R {f['recall']})"
                    if f.get("precision") is not None
                    else "(no validation page to measure it on)"
                )
                for name, f in favors.items()
            )
            + "."
        )
    return lines


def _cutter_line(cut: dict[str, Any]) -> str:
    if not cut:
        return " No glued-chaff cutter (too few text lines to learn one from)."
    return (
        " Chaff glued onto a text line is cut where a classifier of candidate cuts says the "
        f"seam is at least {cut['threshold']} likely (on glued lines made from the validation "
        f"pages: precision {cut['precision']}, recall {cut['recall']} over {cut['lines']} "
        "lines)."
    )


def _counts(counts: dict[str, int] | None) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted((counts or {}).items())) or "-"


def _label_map_line(label_map: dict[str, str]) -> str:
    if not label_map:
        return "Topic labels were used as the sources gave them (no label map)."
    folded = "; ".join(
        f"{', '.join(sorted(k for k, v in label_map.items() if v == target))} -> "
        f"{target or '(dropped)'}"
        for target in sorted(set(label_map.values()))
    )
    return f"Source topic labels folded by the dataset's label map: {folded}."


def _url_topics_line(url_topics: dict[str, int]) -> list[str]:
    if not url_topics:
        return []
    return [
        f"Weak topics from URL sections (the label map's url_sections): "
        f"{sum(url_topics.values())} training pages ({_counts(url_topics)})."
    ]


def parts_summary(manifest: dict[str, Any]) -> list[tuple[str, bool]]:
    """What ``winnow train`` prints after training and ``winnow info`` shows: a line per part
    (boilerplate model, topic model) saying what it was trained on, or why it is missing, and
    one on whether the thresholds were tuned; each with whether it is a warning (a missing
    part, untuned thresholds)."""
    from winnow.models.artifact import parts_from_files

    train = manifest.get("training") or {}
    reasons = train.get("parts") or {}
    held = manifest.get("parts") or parts_from_files(manifest.get("files") or {})
    kinds = held.get("boilerplate") or []
    why = (reasons.get("boilerplate") or {}).get("detail")
    if kinds:
        lines = [(f"boilerplate model: page kinds {', '.join(kinds)}" + _on(why), False)]
    else:
        lines = [
            ("boilerplate model: none, so every paragraph is kept (score 1.0)" + _as(why), True)
        ]
    topics = (manifest.get("labels") or {}).get("topic") or []
    why = (reasons.get("topic") or {}).get("detail")
    if held.get("topic"):
        lines.append((f"topic model: {len(topics)} topics ({', '.join(topics)})" + _on(why), False))
    else:
        lines.append(("topic model: none, so every topic is null" + _as(why), True))
    tuning = train.get("thresholds_tuned")
    if kinds and tuning:
        untuned = any(not p.get("tuned", True) for p in (train.get("passes") or {}).values())
        lines.append((f"thresholds: {tuning}", untuned))
    return lines


def _on(detail: str | None) -> str:
    return f"; trained on {detail}" if detail else ""


def _as(detail: str | None) -> str:
    return f": {detail}" if detail else ""
