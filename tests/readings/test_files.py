"""Readings files: read with each entry's line, written back so that they read the same."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from app.readings.files import ReadingsError, ReadingsFile, load_readings, write_readings
from tests.readings.conftest import entry


def test_a_file_written_reads_back_the_same_entries_each_with_its_line(tmp_path: Path) -> None:
    third = entry("65.6%", "internet_penetration", "65.6", dimensions={"area": "rural"})
    third.value = Decimal(100) / 3  # a value no float holds exactly
    entries = [
        entry("1,108 million", "internet_users", "1108000000", note="tabs\tand 中文 survive"),
        third,
        entry("69,148", "ipv6_addresses", "69148", engine={"period": "2024-11"}),
    ]
    written = ReadingsFile(tmp_path / "readings" / "cnnic-55-en.yaml", "cnnic-55-en", entries)

    write_readings(written)
    read = load_readings(tmp_path, "cnnic-55-en")

    assert read.entries == sorted(entries, key=lambda item: item.at)
    assert read.lines[0] == 5  # after the comment, `source:` and `readings:`
    assert read.lines == sorted(read.lines)
    text = read.path.read_text(encoding="utf-8")
    assert read.where(1) == f"cnnic-55-en.yaml:{read.lines[1]}"
    assert text.splitlines()[read.lines[1] - 1].startswith("- indicator: internet_penetration")


def test_no_file_is_no_readings(tmp_path: Path) -> None:
    assert load_readings(tmp_path, "cnnic-58-en").entries == []


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("source: cnnic-55-en\nreadings: [\n", "cnnic-55-en.yaml: while parsing"),
        ("readings: []\n", "must hold `source` and `readings`"),
        ("source: cnnic-57-ecns-en\nreadings: []\n", "holds the readings of 'cnnic-57-ecns-en'"),
        (
            "source: cnnic-55-en\nreadings:\n- indicator: x\n  period: '2024'\n  valu: 1\n",
            "cnnic-55-en.yaml:3: ",
        ),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_naming_it(
    tmp_path: Path, body: str, message: str
) -> None:
    (tmp_path / "readings").mkdir()
    (tmp_path / "readings" / "cnnic-55-en.yaml").write_text(body, encoding="utf-8")

    with pytest.raises(ReadingsError, match=r"cnnic-55-en\.yaml") as refused:
        load_readings(tmp_path, "cnnic-55-en")

    assert message in str(refused.value)
