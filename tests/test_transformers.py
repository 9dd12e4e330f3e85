import numpy as np
import pandas as pd
import pytest
from sklearn.utils.estimator_checks import parametrize_with_checks

from winnow.features.context import NUMERIC_COLUMNS, STRING_COLUMNS, paragraph_table
from winnow.features.page import Paragraph
from winnow.features.transformers import TEXT_STATISTICS, TextStatistics, text_statistics


@parametrize_with_checks([TextStatistics()])
def test_sklearn_conventions(estimator, check):
    check(estimator)


def test_text_statistics_separate_prose_from_menus():
    prose, menu = (
        text_statistics(
            "The council said on Monday that it would close the bridge for the summer."
        ),
        text_statistics("Home | News | Sport | Contact"),
    )
    names = list(TEXT_STATISTICS)
    assert prose[names.index("stopword_ratio")] > menu[names.index("stopword_ratio")]
    assert prose[names.index("ends_terminal")] == 1.0
    assert menu[names.index("separator_count")] > 0


def test_text_statistics_gives_one_block_of_features_per_text_column():
    frame = pd.DataFrame({"text": ["One sentence here.", "", "Menu"], "title": ["A", "B", "C"]})
    stats = TextStatistics().fit(frame)
    out = stats.transform(frame)
    width = len(TEXT_STATISTICS)
    assert out.shape == (3, 2 * width)
    np.testing.assert_array_equal(out[:, :width], TextStatistics().fit_transform(frame[["text"]]))
    as_array = frame.to_numpy(dtype=object)
    np.testing.assert_array_equal(out, TextStatistics().fit(as_array).transform(as_array))
    names = stats.get_feature_names_out()
    assert names[0] == "text__log_chars" and names[width] == "title__log_chars"


def test_text_statistics_refuses_a_different_number_of_columns():
    stats = TextStatistics().fit(np.array([["a", "b"]], dtype=object))
    with pytest.raises(ValueError, match="features"):
        stats.transform(np.array([["a"]], dtype=object))


def test_paragraph_table_has_every_model_column_and_neighbours():
    paragraphs = [
        Paragraph(text="Home", tag="li", path="html body ul li", link_density=1.0, depth=4),
        Paragraph(
            text="A long sentence of the article body.", tag="p", path="html body p", depth=3
        ),
        Paragraph(text="Footer", tag="div", path="html body div", depth=3),
    ]
    table = paragraph_table(paragraphs)
    assert list(table.columns) == STRING_COLUMNS + NUMERIC_COLUMNS
    assert table["position"].tolist() == [0.0, 0.5, 1.0]
    assert table.loc[1, "prev_link"] == 1.0
    assert table.loc[0, "prev_words"] == 0.0
    assert table.loc[1, "next_words"] == table.loc[1, "prev_words"]
    assert all(v.startswith("^") for v in table["attrs"])
    assert len(paragraph_table([])) == 0
