"""The options of ``build`` and ``train``, in a module light enough for the command line to
read their defaults from without loading pandas, datasets or scikit-learn."""

from __future__ import annotations

from dataclasses import dataclass, field

from winnow.train.labels import AlignOptions


@dataclass
class BuildOptions:
    """Everything that decides what ``build`` writes; recorded in the manifest."""

    seed: int = 0
    fractions: tuple[float, float, float] = (0.7, 0.15, 0.15)
    align: AlignOptions = field(default_factory=AlignOptions)
    topic_field: str = "topic"
    # The record field holding explicit paragraph labels ("aligned_labels" in the shared
    # scraped text keeps the alignment's labels from before they were reviewed).
    label_field: str = "labels"
    # Weak supervision: on pages with no labels, a paragraph found on at least this many pages
    # of the same domain is boilerplate (0 turns it off).
    repeat_min: int = 3
    # Source topic label -> taxonomy label; a label mapped to "" is dropped.
    label_map: dict[str, str] = field(default_factory=dict)
    # URL section -> taxonomy label: the weak topic of a labelled page with no topic of its
    # own (``train.label_map``).
    url_sections: dict[str, str] = field(default_factory=dict)
    # Also add each labelled HTML page rendered as text ("full", "trafilatura").
    render: tuple[str, ...] = ()
    # The outlet of pages that name none (no URL, declared URL or `domain` field); without
    # it a page file belongs to the folder it was found in (``read_pages``).
    domain: str | None = None


@dataclass
class TrainOptions:
    """Hyperparameters and the seed; all recorded in the artifact's manifest."""

    seed: int = 0
    boilerplate_alpha: float = 1e-5
    topic_C: float = 0.3
    min_df: int = 2
    max_features: int = 200_000  # per boilerplate vectorizer; smaller makes smaller artifacts
    topic_max_features: int = 300_000
    topic_threshold: float = 0.0
    sequence_folds: int = 2  # domain folds for the second pass's training scores; 0: no second pass


# The paragraphs `winnow review` asks about unless told otherwise (``select_for_review``).
REVIEW_PARAGRAPHS = 50
