"""A text the engine cannot make sense of yields what it can, and never stops a proposal run."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.extract.pipeline import propose
from app.sources.inputs import load_sources
from app.sources.manifest import SourceText
from tests.conftest import PROJECT_ROOT

SEEDS = load_sources(PROJECT_ROOT / "seeds")
ALPHABET = st.sampled_from("0123456789.,%亿万年月 \n\t•:截至网民规模达Table1 users million")
ODD_TEXTS = {
    "empty": "",
    "blank lines": "\n\n\n",
    "a bullet list": "• 11.25亿\n• 80.1%\n• 5G\n",
    "headlines only": "我国网民规模达11.25亿\nChina's internet users reach 1.125 bln\n",
    "page debris": "首页 > 新闻 > 正文\t\t2025-07-22 10:12\n分享到: 微信 微博 QQ\n责任编辑: 张三\n",
    "a truncated table": "Table 1 Users\n\tNumber\nNorth\t1,200\nSouth\t",
    "numbers alone": "1 2 3 4.5 6% 7亿 8万 9 million",
}


def source_of(text: str) -> SourceText:
    """``text`` as the text of a news article on the 57th report."""
    entry = SEEDS.manifest.sources[1].model_copy(
        update={"sha256": hashlib.sha256(text.encode()).hexdigest()}
    )
    return SourceText(entry, text)


@pytest.mark.parametrize("text", ODD_TEXTS.values(), ids=ODD_TEXTS.keys())
def test_an_odd_text_is_read_without_error(text: str) -> None:
    read = propose([source_of(text)], SEEDS.manifest, SEEDS.catalogue)

    (coverage,) = read.coverage
    assert coverage.numbers == coverage.captured + sum(coverage.left_out.values())
    for record in read.records:
        assert text[record.evidence.start : record.evidence.end] == record.evidence.quote


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=ALPHABET))
def test_any_text_is_read_without_error(text: str) -> None:
    propose([source_of(text)], SEEDS.manifest, SEEDS.catalogue)
