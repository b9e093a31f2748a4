"""Traditional characters are read as simplified, offset for offset, and quoted as written."""

from __future__ import annotations

import hashlib
from decimal import Decimal

from app.extract.pipeline import propose
from app.extract.script import simplified
from app.sources.inputs import load_sources
from app.sources.manifest import SourceText
from tests.conftest import PROJECT_ROOT

SEEDS = load_sources(PROJECT_ROOT / "seeds")


def test_the_simplified_rendering_keeps_every_character_in_place() -> None:
    text = (
        "截至2020年12月，我國網民規模達9.89億，互聯網普及率達70.4%。\nplain English 1,108 million"
    )

    rendered = simplified(text)

    assert (
        rendered
        == "截至2020年12月，我国网民规模达9.89亿，互联网普及率达70.4%。\n" + text.split("\n")[1]
    )
    assert len(rendered) == len(text)


def test_a_traditional_text_is_read_and_quoted_as_written() -> None:
    text = "截至2020年12月，我國網民規模達9.89億，互聯網普及率達70.4%。"
    entry = SEEDS.manifest.sources[1].model_copy(
        update={"sha256": hashlib.sha256(text.encode()).hexdigest(), "report": "cnnic-47"}
    )

    read = propose([SourceText(entry, text)], SEEDS.manifest, SEEDS.catalogue)

    values = {(r.indicator, r.period, r.value, r.evidence.as_reported) for r in read.records}
    assert ("internet_users", "2020-12", 989_000_000, "9.89億") in values
    assert ("internet_penetration", "2020-12", Decimal("70.4"), "70.4%") in values
    for record in read.records:
        assert record.evidence.quote == text[record.evidence.start : record.evidence.end]
        assert "網民" in record.evidence.quote
