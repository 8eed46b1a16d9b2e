"""context.title_end: where a text's title line ends (its line break included), 0 where it opens with no title."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from nlp.events.context import HEADLINE_MAX, title_end

LONG = "星" * (HEADLINE_MAX + 1)


@pytest.mark.parametrize("text, end", [
    ("星河科技完成B轮融资\n正文。", 11),
    ("星河科技完成B轮融资", 10),  # the whole text is its title
    ("首页 > 新闻 > 创投\n星河科技完成B轮融资\n正文", 24),  # the breadcrumb above is no title
    ("\n\n星河科技完成B轮融资\n", 13),
    ("星河科技完成B轮融资。\n正文", 0),  # a full stop: a sentence, no title
    (LONG + "\n正文", 0),  # longer than a headline: a paragraph
    (LONG, 0),
    ("星" * HEADLINE_MAX + "\n", HEADLINE_MAX + 1),
    ("", 0),
])
def test_title_end(text, end):
    assert title_end(text) == end


@given(st.text(alphabet="星河。\n >首页", max_size=200))
def test_a_title_is_one_short_line_without_a_full_stop(text):
    end = title_end(text)
    if end:
        line = text[:end].rstrip("\n").rsplit("\n", 1)[-1]
        assert 0 < len(line) <= HEADLINE_MAX and "。" not in line
        assert end == len(text) or text[end - 1] == "\n"
