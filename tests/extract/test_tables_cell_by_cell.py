"""Every table of the 55th report, cell by cell: each number is a value or left out for a reason.

The report (seeds/004_65db08e511ec9519.txt) holds 15 tables: Tables 1-5 of the main text and
the ten tables of Appendix 2. Each one is read the way the seed reads it (manifest and
catalogue from seeds/, then the pipeline's ``read_source``). For every numeric data cell,
either exactly one record cites exactly that cell's span, or the cell is left out for one of
the few reasons the table allows. The spot checks then decode one cell per case.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from app.extract.pipeline import NOT_READ, account_for, read_source
from app.extract.records import LeftOut, Record
from app.extract.structure import Cell, Document, Table, numerals, parse_document
from app.extract.terms import TermFinder
from app.sources.catalogue import Catalogue, load_catalogue
from app.sources.inputs import CATALOGUE_FILE
from app.sources.manifest import SourceText, load_manifest
from app.sources.manifest import read_source as read_source_text

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
REPORT_55 = "004_65db08e511ec9519.txt"
D = Decimal

UNIT_COLUMN = frozenset({"a unit (the table's unit column)"})
EQUIVALENCE = frozenset({"an address equivalence", "a column the catalogue does not describe"})
SHARES_TOTAL = frozenset({"the total of a breakdown of shares"})
# What a left-out cell's own numerals may be, besides its reason: the "32" of "Block/32".
PART_OF_A_NAME = frozenset({"part of a name"})


@dataclass(frozen=True)
class Reading:
    """What the pipeline made of the 55th report, and the report parsed on its own."""

    source: SourceText
    catalogue: Catalogue
    document: Document
    records: list[Record]
    left_out: list[LeftOut]
    fates: list[LeftOut]

    def table(self, index: int) -> Table:
        return self.document.tables[index]

    def records_at(self, cell: Cell) -> list[Record]:
        span = (cell.span.start, cell.span.end)
        return [r for r in self.records if (r.evidence.value_start, r.evidence.value_end) == span]

    def left_out_at(self, cell: Cell) -> list[LeftOut]:
        return [i for i in self.left_out if (i.start, i.end) == (cell.span.start, cell.span.end)]

    def fates_within(self, cell: Cell) -> list[LeftOut]:
        return [f for f in self.fates if cell.span.start <= f.start and f.end <= cell.span.end]


@pytest.fixture(scope="module")
def reading() -> Reading:
    """The report read as ``app.seed.inputs.prepare`` reads it, once for the module."""
    manifest = load_manifest(SEEDS)
    catalogue = load_catalogue(SEEDS / CATALOGUE_FILE)
    (entry,) = [entry for entry in manifest.sources if entry.file == REPORT_55]
    source = read_source_text(SEEDS, entry)
    records, left_out, document = read_source(source, manifest, catalogue, TermFinder(catalogue))
    _, fates = account_for(source, document, records, left_out)
    return Reading(source, catalogue, document, records, left_out, fates)


def cell_at(table: Table, row_label: str, column: int) -> Cell:
    (row,) = [row for row in table.rows if row.cells[0].span.text == row_label]
    return row.cells[column]


# --- the tables, as the parser finds them ---------------------------------------------------


@dataclass(frozen=True)
class TableCase:
    """One table: where it stands, its shape, and which of its cells are not values."""

    name: str
    index: int
    number: str
    title: str
    rows: int
    columns: int
    captured: int
    left_out_columns: tuple[tuple[int, frozenset[str]], ...] = ()
    left_out_rows: tuple[tuple[str, frozenset[str]], ...] = ()

    def allowed(self, row_label: str, column: int) -> frozenset[str] | None:
        """The reasons a cell may be left out for; ``None`` when it must be a value."""
        by_column = dict(self.left_out_columns).get(column)
        return by_column or dict(self.left_out_rows).get(row_label)


TABLES = [
    TableCase(
        "main-1-basic-resources",
        0,
        "1",
        "Development of Basic Internet Resources by December 2024",
        rows=6,
        columns=3,
        captured=6,
        left_out_columns=((1, UNIT_COLUMN),),
    ),
    TableCase("main-2-domains", 1, "2", "Number of Domain Names by Category", 9, 2, 9),
    TableCase("main-3-cn-domains", 2, "3", "Number of .CN Domain Names by Category", 10, 2, 10),
    TableCase(
        "main-4-web-pages",
        3,
        "4",
        "Number of Web Pages from Dec. 2023 to Dec. 2024",
        rows=7,
        columns=4,
        captured=12,
        left_out_columns=((1, UNIT_COLUMN),),
    ),
    TableCase(
        "main-5-applications",
        4,
        "5",
        "User Size and Utilization Ratio of Internet Applications from Dec. 2023 to Dec. 2024",
        16,
        6,
        80,
    ),
    TableCase(
        "appendix-1-ipv4",
        5,
        "1",
        "Number of IPv4 Addresses",
        rows=4,
        columns=3,
        captured=4,
        left_out_columns=((2, EQUIVALENCE),),
    ),
    TableCase(
        "appendix-2-ipv4-organizations",
        6,
        "2",
        "Allocation of IPv4 Addresses among Organizations",
        rows=8,
        columns=3,
        captured=8,
        left_out_columns=((2, EQUIVALENCE),),
    ),
    TableCase("appendix-3-ipv6", 7, "3", "Number of IPv6 Addresses (unit: /32^{note 1})", 4, 2, 4),
    TableCase(
        "appendix-4-ipv6-organizations",
        8,
        "4",
        "Allocation of IPv6 Addresses among Organizations",
        8,
        2,
        8,
    ),
    TableCase(
        "appendix-5-ipv4-by-province",
        9,
        "5",
        "Proportion of IPv4 Addresses in Each Province",
        rows=33,
        columns=2,
        captured=32,
        left_out_rows=(("Total", SHARES_TOTAL),),
    ),
    TableCase(
        "appendix-6-domains-by-province",
        10,
        "6",
        "Number of Domain Names in Each Province",
        33,
        4,
        99,
    ),
    TableCase(
        "appendix-7-suffix-format",
        11,
        "7",
        "Web Pages by Suffix Format",
        rows=10,
        columns=2,
        captured=9,
        left_out_rows=(("total", SHARES_TOTAL),),
    ),
    TableCase(
        "appendix-pages-by-province",
        12,
        "1",
        "Number of Pages in Each Province",
        32,
        5,
        128,
    ),
    TableCase(
        "appendix-tabel-2-page-bytes-by-province",
        13,
        "2",
        "Number of Web Page Bytes in Each Province",
        32,
        3,
        64,
    ),
    TableCase("appendix-internet-access", 14, "3", "Status of Internet Access", 3, 3, 6),
]


def test_the_report_has_fifteen_tables(reading: Reading) -> None:
    assert len(reading.document.tables) == 15
    assert [t.number for t in reading.document.tables] == [
        *"12345",
        *"1234567",
        *"123",
    ]


def test_the_pipeline_reads_the_tables_parse_document_finds(reading: Reading) -> None:
    assert parse_document(reading.source.text).tables == reading.document.tables


@pytest.mark.parametrize("case", TABLES, ids=lambda case: case.name)
def test_table_title_and_shape(reading: Reading, case: TableCase) -> None:
    table = reading.table(case.index)
    assert table.number == case.number
    assert table.title_text.startswith(case.title)
    assert len(table.rows) == case.rows
    assert {len(row.cells) for row in table.rows} == {case.columns}


@pytest.mark.parametrize("case", TABLES, ids=lambda case: case.name)
def test_every_numeric_cell_is_a_value_or_left_out_for_its_reason(
    reading: Reading, case: TableCase
) -> None:
    text = reading.source.text
    table = reading.table(case.index)
    captured = 0
    for row in table.rows:
        label = row.cells[0].span.text
        for column, cell in enumerate(row.cells[1:], start=1):
            if not any(char.isdigit() for char in cell.span.text):
                continue
            where = f"{label!r} column {column} ({cell.span.text!r})"
            records = reading.records_at(cell)
            allowed = case.allowed(label, column)
            if allowed is None:
                assert len(records) == 1, f"{where}: {records}"
                (record,) = records
                evidence = record.evidence
                assert evidence.as_reported == cell.span.text
                assert text[evidence.value_start : evidence.value_end] == cell.span.text
                assert (evidence.start, evidence.end) == (row.span.start, row.span.end)
                assert text[evidence.start : evidence.end] == evidence.quote
                assert record.report == "cnnic-55"
                assert not reading.left_out_at(cell), where
                captured += 1
                continue
            assert records == [], where
            (item,) = reading.left_out_at(cell)
            assert item.reason in allowed, where
            assert item.text == cell.span.text
            tokens = [t for t in numerals(text) if cell.span.start <= t.start < cell.span.end]
            fates = reading.fates_within(cell)
            assert [(f.start, f.end) for f in fates] == [(t.start, t.end) for t in tokens]
            assert {f.reason for f in fates} <= allowed | PART_OF_A_NAME, where
    assert captured == case.captured


def test_no_numeric_cell_of_any_table_is_left_unread(reading: Reading) -> None:
    for table in reading.document.tables:
        inside = [f for f in reading.fates if table.span.start <= f.start < table.span.end]
        assert not [f for f in inside if f.reason == NOT_READ], table.title_text


# --- spot checks: one cell decoded per case ---------------------------------------------------

# (case, table index, row label, column, indicator, dimensions, period, value, precision)
SPOT_CHECKS = [
    (
        "active IPv6 users in 100 million, moved to November by footnote 5",
        0,
        "Active IPv6 user",
        2,
        "active_ipv6_users",
        {},
        "2024-11",
        D(822_000_000),
        D(1_000_000),
    ),
    (
        "the .CN line of Table 1 is a domain count by tld",
        0,
        "Including .CN domain name",
        2,
        "domain_names",
        {"tld": ".CN"},
        "2024-12",
        D(20_823_037),
        D(1),
    ),
    (".COM", 1, ".COM", 1, "domain_names", {"tld": ".COM"}, "2024-12", D(7_047_974), D(1)),
    ("Table 2 Total", 1, "Total", 1, "domain_names", {}, "2024-12", D(33_019_905), D(1)),
    (
        ".ADM.CN",
        2,
        ".ADM.CN",
        1,
        "cn_domain_names",
        {"cn_category": ".ADM.CN"},
        "2024-12",
        D(2_406_924),
        D(1),
    ),
    (
        "Table 3 Total is the .CN count of all domain names",
        2,
        "Total",
        1,
        "domain_names",
        {"tld": ".CN"},
        "2024-12",
        D(20_823_037),
        D(1),
    ),
    (
        "web page size labelled bytes holds kilobytes",
        3,
        "Web page size (total number of bytes)",
        2,
        "web_page_size",
        {},
        "2024-12",
        D(34_822_667_008_589),
        D(1),
    ),
    (
        "web page size growth from December 2023",
        3,
        "Web page size (total number of bytes)",
        3,
        "web_page_size_growth",
        {"compared_with": "2023-12"},
        "2024-12",
        D("7.7"),
        D("0.1"),
    ),
    (
        "a share row takes its page type from the row above",
        3,
        "Dynamic web pages",
        2,
        "web_pages",
        {"page_type": "dynamic"},
        "2024-12",
        D(124_042_903_885),
        D(1),
    ),
    (
        "short video growth is negative",
        4,
        "Short video",
        5,
        "application_users_growth",
        {"application": "short video", "compared_with": "2023-12"},
        "2024-12",
        D("-1.3"),
        D("0.1"),
    ),
    (
        "live broadcasting is live streaming",
        4,
        "Live broadcasting",
        3,
        "application_users",
        {"application": "live streaming"},
        "2024-12",
        D(833_030_000),
        D(10_000),
    ),
    (
        "user scale by Dec. 2023 in 10,000 people",
        4,
        "Instant messaging",
        1,
        "application_users",
        {"application": "instant messaging"},
        "2023-12",
        D(1_059_630_000),
        D(10_000),
    ),
    (
        "usage rate by Dec. 2023",
        4,
        "Online medical services",
        2,
        "application_usage_rate",
        {"application": "internet healthcare"},
        "2023-12",
        D("37.9"),
        D("0.1"),
    ),
    (
        "Macau is Macao",
        5,
        "Macau",
        1,
        "ipv4_addresses",
        {"region": "Macao"},
        "2024-12",
        D(337_664),
        D(1),
    ),
    (
        "the IPv4 organisations' Total is the mainland, not the headline total",
        6,
        "Total",
        1,
        "ipv4_addresses",
        {"region": "Chinese mainland"},
        "2024-12",
        D(343_162_368),
        D(1),
    ),
    (
        "IPv6 blocks of /32",
        7,
        "Taiwan",
        1,
        "ipv6_addresses",
        {"region": "Taiwan"},
        "2024-12",
        D(2_614),
        D(1),
    ),
    (
        "the IPv6 organisations' Total is the mainland",
        8,
        "Total",
        1,
        "ipv6_addresses",
        {"region": "Chinese mainland"},
        "2024-12",
        D(64_469),
        D(1),
    ),
    (
        "Yunan is Yunnan",
        9,
        "Yunan",
        1,
        "ipv4_address_share",
        {"province": "Yunnan"},
        "2024-12",
        D("0.96"),
        D("0.01"),
    ),
    (
        "Guangdong .中国 names",
        10,
        "Guangdong",
        3,
        "domain_names",
        {"province": "Guangdong", "tld": ".中国"},
        "2024-12",
        D(12_709),
        D(1),
    ),
    (
        "a four-digit count in a data cell is not a year",
        10,
        "Jiangxi",
        3,
        "domain_names",
        {"province": "Jiangxi", "tld": ".中国"},
        "2024-12",
        D(1_300),
        D(1),
    ),
    (
        "the suffix '/' is no suffix",
        11,
        "/",
        1,
        "web_page_suffix_share",
        {"suffix_format": "none"},
        "2024-12",
        D("23.51"),
        D("0.01"),
    ),
    (
        "the pages table's China row is the national total",
        12,
        "China",
        1,
        "web_pages",
        {},
        "2024-12",
        D(399_364_628_784),
        D(1),
    ),
    (
        "the static to dynamic ratio",
        12,
        "Tibet",
        4,
        "web_pages_static_dynamic_ratio",
        {"province": "Tibet"},
        "2024-12",
        D("5.98"),
        D("0.01"),
    ),
    (
        "Tabel 2 (misspelt) average page size in KB",
        13,
        "Beijing",
        2,
        "average_web_page_size",
        {"province": "Beijing"},
        "2024-12",
        D("97.03"),
        D("0.01"),
    ),
    (
        "Tabel 2 total size of China in KB",
        13,
        "China",
        1,
        "web_page_size",
        {},
        "2024-12",
        D(34_822_667_008_589),
        D(1),
    ),
    (
        "Junn 2024 is June 2024",
        14,
        "Proportion of Individuals Using the Internet",
        1,
        "individuals_using_internet",
        {},
        "2024-06",
        D("91.5"),
        D("0.1"),
    ),
    (
        "December 2024 column of the access table",
        14,
        "Percentage of Individuals Owning a Mobile Phone",
        2,
        "individuals_owning_mobile_phone",
        {},
        "2024-12",
        D("99.1"),
        D("0.1"),
    ),
]


@pytest.mark.parametrize(
    ("table", "row", "column", "indicator", "dimensions", "period", "value", "precision"),
    [case[1:] for case in SPOT_CHECKS],
    ids=[case[0] for case in SPOT_CHECKS],
)
def test_spot_check_decoded_cell(
    reading: Reading,
    table: int,
    row: str,
    column: int,
    indicator: str,
    dimensions: dict[str, str],
    period: str,
    value: Decimal,
    precision: Decimal,
) -> None:
    (record,) = reading.records_at(cell_at(reading.table(table), row, column))
    assert record.indicator == indicator
    assert dict(record.dimensions) == dimensions
    assert record.period == period
    assert record.value == value
    assert record.precision == precision


def test_the_web_page_size_unit_is_kilobytes(reading: Reading) -> None:
    assert reading.catalogue.indicators["web_page_size"].unit == "kilobytes"
    unit = cell_at(reading.table(3), "Web page size (total number of bytes)", 1)
    assert unit.span.text == "KB"


def test_the_footnote_that_moves_active_ipv6_users_is_kept_as_a_date_note(
    reading: Reading,
) -> None:
    (record,) = reading.records_at(cell_at(reading.table(0), "Active IPv6 user", 2))
    assert record.moved_from == "2024-12"
    (note,) = record.notes
    assert note.kind == "date"
    assert note.quote == "The number of active IPv6 users was updated by November 2024."
    assert reading.source.text[note.start : note.end] == note.quote


def test_a_row_label_footnote_defining_it_is_kept_as_a_definition_note(
    reading: Reading,
) -> None:
    (record,) = reading.records_at(cell_at(reading.table(2), ".ADM.CN", 1))
    (note,) = record.notes
    assert note.kind == "definition"
    assert note.quote.startswith(".ADM.CN refers to virtual secondary domain names")


def test_a_table_note_on_a_cell_is_kept_as_a_scope_note(reading: Reading) -> None:
    (record,) = reading.records_at(cell_at(reading.table(6), "China Unicom", 1))
    assert record.evidence.as_reported == "69,866,752"
    (note,) = record.notes
    assert note.kind == "scope"
    assert note.quote.startswith("The addresses of China Unicom include")


def test_a_tables_source_line_credits_its_cells_unless_it_names_the_publisher(
    reading: Reading,
) -> None:
    credited: dict[str, set[str | None]] = {}
    for table in reading.document.tables:
        inside = [
            r for r in reading.records if table.span.start <= r.evidence.start < table.span.end
        ]
        sources = [note.span.text for note in table.notes if not note.mark.startswith("Note")]
        key = sources[0] if sources else "(no source line)"
        credited.setdefault(key, set()).update(r.attributed_to for r in inside)

    assert credited["Baidu"] == {"Baidu"}
    assert credited["Baidu Online Network Technology (Beijing) Co., Ltd."] == {"Baidu"}
    assert credited["APNIC and CNNIC"] == {"APNIC and CNNIC"}
    assert credited["CNNIC"] == {None}
    assert credited["(no source line)"] == {None}
