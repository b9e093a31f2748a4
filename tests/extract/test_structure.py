"""The structure of the seed texts: tables, footnotes, sentences, headings and numerals."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.extract.structure import Document, Span, leave_out_reason, numerals, parse_document

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SEEDS = PROJECT_ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"
ALL_TEXTS = sorted(SEEDS.glob("*.txt")) + sorted(DATA.glob("*.txt"))


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _seed_text(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return _read(path)


@functools.cache
def _document(prefix: str) -> Document:
    """The parsed seed whose name starts with ``prefix``, parsed once per test run."""
    return parse_document(_seed_text(prefix))


@pytest.fixture(scope="module")
def report() -> Document:
    return _document("004")


def _all_spans(doc: Document) -> Iterator[Span]:
    for sentence in doc.sentences:
        yield sentence.span
    yield from doc.headings
    for footnote in doc.footnotes.values():
        yield footnote.span
    for table in doc.tables:
        yield from (table.title, table.span)
        for row in (*table.header, *table.rows):
            yield row.span
            yield from (cell.span for cell in row.cells)
        yield from (note.span for note in table.notes)
    yield from numerals(doc.text)


def _sentences_of(doc: Document, needle: str) -> list[str]:
    """The sentences of the paragraph holding the sentence that contains ``needle``."""
    paragraph = next(s.paragraph for s in doc.sentences if needle in s.span.text)
    return [s.span.text for s in doc.sentences if s.paragraph == paragraph]


def _token(doc: Document, marked: str) -> Span:
    """The numeral that ``marked`` shows in brackets: ``"aged [10]-19"``."""
    context = marked.replace("[", "").replace("]", "")
    start = doc.text.index(context) + marked.index("[")
    (token,) = [span for span in numerals(doc.text) if span.start == start]
    assert token.text == marked[marked.index("[") + 1 : marked.index("]")]
    return token


REASONS = {
    None,
    "footnote mark",
    "footnote number",
    "in a URL",
    "a date",
    "a page number",
    "a heading number",
    "a note number",
    "an ordinal",
    "part of a name",
    "a time of day",
    "a figure the text cuts off",
    "an age label",
    "a formula",
    "page chrome",
    "an address equivalence",
    "a bibliographic date",
    "a measure that names a kind of thing",
    "part of a definition or its worked example",
}

# --- every span is a piece of its text ---------------------------------------------------


@pytest.mark.parametrize("path", ALL_TEXTS, ids=lambda path: path.name)
def test_every_span_is_exactly_its_piece_of_the_text(path: Path) -> None:
    text = _read(path)
    doc = parse_document(text)
    spans = list(_all_spans(doc))
    assert spans
    for span in spans:
        assert text[span.start : span.end] == span.text
    for sentence in doc.sentences:
        for offset, mark in sentence.marks:
            assert sentence.span.start <= offset < sentence.span.end
            assert mark.isdigit() or mark.startswith("Note ")
    for token in numerals(text):
        assert leave_out_reason(doc, token) in REASONS


# --- tables -----------------------------------------------------------------------------

REPORT_TABLES = [
    ("1", "Development of Basic Internet Resources by December 2024", 1, 6),
    ("2", "Number of Domain Names by Category", 1, 9),
    ("3", "Number of .CN Domain Names by Category", 1, 10),
    ("4", "Number of Web Pages from Dec. 2023 to Dec. 2024", 1, 7),
    (
        "5",
        "User Size and Utilization Ratio of Internet Applications from Dec. 2023 to Dec. 2024",
        1,
        16,
    ),
    ("1", "Number of IPv4 Addresses", 1, 4),
    ("2", "Allocation of IPv4 Addresses among Organizations", 1, 8),
    ("3", "Number of IPv6 Addresses (unit: /32^{note 1})", 1, 4),
    ("4", "Allocation of IPv6 Addresses among Organizations", 1, 8),
    (
        "5",
        "Proportion of IPv4 Addresses in Each Province / Autonomous Region / Municipality "
        "Directly under the Central Government",
        1,
        33,
    ),
    (
        "6",
        "Number of Domain Names in Each Province / Autonomous Region / Municipality "
        "Directly under the Central Government",
        2,
        33,
    ),
    ("7", "Web Pages by Suffix Format", 1, 10),
    (
        "1",
        "Number of Pages in Each Province / Autonomous Region / Municipality "
        "Directly under the Central Government",
        1,
        32,
    ),
    (
        "2",
        "Number of Web Page Bytes in Each Province / Autonomous Region / Municipality "
        "Directly under the Central Government",
        1,
        32,
    ),
    ("3", "Status of Internet Access", 1, 3),
]


def test_every_table_of_the_report_is_found_with_its_title_header_and_row_count(
    report: Document,
) -> None:
    # Five in the main text and ten in Appendix 2 (which numbers 1-7, then 1-3 again).
    found = [
        (table.number, table.title_text, len(table.header), len(table.rows))
        for table in report.tables
    ]
    assert found == REPORT_TABLES


def test_a_wrapped_title_keeps_its_first_line_as_the_span(report: Document) -> None:
    table = report.tables[10]
    assert table.title.text == (
        "Number of Domain Names in Each Province / Autonomous Region / Municipality"
    )
    assert report.text[table.span.start : table.title.start] == "Table 6 "
    assert report.tables[13].number == "2"
    assert report.text[report.tables[13].span.start :].startswith("Tabel 2 ")


def test_header_rows_and_cells(report: Document) -> None:
    table_6 = report.tables[10]
    assert [cell.span.text for cell in table_6.header[1].cells] == ["", *["Number"] * 3]
    assert [cell.span.text for cell in table_6.rows[0].cells] == [
        "Guangdong",
        "5867925",
        "3811083",
        "12709",
    ]
    pages = report.tables[12]
    assert pages.header[0].cells[0].span.text == ""
    assert [cell.span.text for cell in pages.rows[-1].cells] == [
        "China",
        "399364628784",
        "275321724899",
        "124042903885",
        "2.22",
    ]
    web_pages = report.tables[3]
    assert [cell.span.text for cell in web_pages.header[0].cells] == [
        "Type",
        "Unit",
        "December 2024",
        "Percentage Increase from December 2023",
    ]
    assert [cell.span.text for cell in web_pages.rows[2].cells] == [
        "Proportion in total web pages",
        "%",
        "68.9",
        "--",
    ]


def test_a_trailing_mark_is_left_out_of_its_cell(report: Document) -> None:
    active = report.tables[0].rows[2]
    assert [(cell.span.text, cell.marks) for cell in active.cells] == [
        ("Active IPv6 user", ("5",)),
        ("100 million", ()),
        ("8.22", ()),
    ]
    unicom = report.tables[6].rows[1]
    assert [(cell.span.text, cell.marks) for cell in unicom.cells] == [
        ("China Unicom", ()),
        ("69,866,752", ("Note 1",)),
        ("4A+42B+21C", ()),
    ]
    status = report.tables[14].rows[0].cells[2]
    assert (status.span.text, status.marks) == ("92.0", ("Note 1",))


def test_table_notes(report: Document) -> None:
    assert [(note.mark, note.span.text) for note in report.tables[3].notes] == [("Source", "Baidu")]
    allocation = report.tables[6].notes
    assert [note.mark for note in allocation] == [
        "Data sources",
        *(f"Note {n}" for n in range(1, 6)),
    ]
    assert allocation[0].body_attribution == "APNIC and CNNIC"
    assert (
        allocation[5].span.text == "The deadline for the above statistical data is December 2024."
    )
    assert allocation[5].body_attribution is None
    suffixes = report.tables[11].notes
    assert [note.mark for note in suffixes] == ["Data sources", "Note 1"]
    assert report.tables[0].notes == ()


def test_contents_and_organisation_lists_are_not_tables(report: Document) -> None:
    table_text = "\n".join(table.span.text for table in report.tables)
    assert "Core Data\t1" not in table_text
    assert "Trademark Domain Technology" not in table_text
    headings = {heading.text for heading in report.headings}
    assert "Core Data\t1" in headings
    assert "Appendix 3 Supporting Organizations\t\t54" in headings
    assert not any("Trademark Domain" in s.span.text for s in report.sentences)
    assert not any(s.span.text.startswith("China Mobile") for s in report.sentences)


def test_a_tiny_table_with_a_wrapped_title_and_two_header_rows() -> None:
    doc = parse_document(_read(DATA / "table.txt"))
    (table,) = doc.tables
    assert (table.number, table.title.text, table.title_text) == (
        "2",
        "Users by Region",
        "Users by Region and by Year",
    )
    assert [[cell.span.text for cell in row.cells] for row in table.header] == [
        ["", "Number", "Share (%)"],
        ["", "people", ""],
    ]
    assert [[(c.span.text, c.marks) for c in row.cells] for row in table.rows] == [
        [("North", ("7",)), ("1,200", ()), ("40.5", ())],
        [("South", ()), ("1,800", ("Note 1",)), ("59.5", ())],
    ]
    assert table.span.text.endswith("59.5")
    assert [(note.mark, note.body_attribution) for note in table.notes] == [
        ("Data sources", "Survey Office"),
        ("Note 1", None),
    ]


# --- footnotes --------------------------------------------------------------------------


def test_footnotes_1_to_82_are_found(report: Document) -> None:
    assert sorted(report.footnotes, key=int) == [str(n) for n in range(1, 83)]
    for mark, footnote in report.footnotes.items():
        assert footnote.mark == mark
        assert footnote.span.text[0] not in "¹²³⁴⁵⁶⁷⁸⁹⁰"


@pytest.mark.parametrize(
    ("mark", "attribution"),
    [
        ("15", "International Telecommunication Union"),
        ("16", "China's Ministry of Industry and Information Technology"),
        ("36", "Tencent's Financial Report Q3 2024"),
        ("42", "36Kr"),
        ("44", "Xiaohongshu Search Report"),
        ("63", "Meituan's Financial Report Q3 2024"),
        ("82", "China's Ministry of Education"),
        ("1", None),
        ("2", None),
        ("25", None),
        ("32", None),
        ("53", None),
    ],
)
def test_footnote_attributions(report: Document, mark: str, attribution: str | None) -> None:
    assert report.footnotes[mark].body_attribution == attribution


def test_a_footnote_span_leaves_out_its_mark(report: Document) -> None:
    footnote = report.footnotes["16"]
    assert footnote.span.text.startswith("China's Ministry of Industry")
    assert footnote.span.text.endswith("August 19, 2024.")
    assert report.text[footnote.span.start - 3 : footnote.span.start] == "¹⁶ "


# --- sentences --------------------------------------------------------------------------


def test_core_data_bullets_are_paragraphs(report: Document) -> None:
    assert _sentences_of(report, "China had 1,108 million Internet users, an increase") == [
        "By December 2024, China had 1,108 million Internet users, an increase of 16.08 "
        "million compared to December 2023.",
        "The Internet penetration reached 78.6%, up by 1.1 percentage points over December 2023.",
    ]


def test_sentences_keep_their_marks(report: Document) -> None:
    (sentence,) = [s for s in report.sentences if "satellite 03" in s.span.text]
    assert [(report.text[offset], mark) for offset, mark in sentence.marks] == [
        ("²", "20"),
        ("²", "21"),
        ("²", "22"),
    ]
    assert [s.span.text for s in report.sentences if s.paragraph == sentence.paragraph][-1] == (
        sentence.span.text
    )


def test_sentences_split_at_bold_lead_ins(report: Document) -> None:
    sentences = _sentences_of(report, "The Channels contributed substantial revenue")
    assert sentences[-4:] == [
        "**Second, the e-commerce business was an important source of revenue.**",
        "The Channels in WeChat has continued to increase commodity categories and encouraged "
        "more content creators to participate in live selling, improving the e-commerce "
        "ecosystem.",
        "The year of 2024 saw the significant year-on-year growth in the total number of usage "
        "hours on Channels, with total hours up by more than 80% year-on-year in the first "
        "quarter³⁸.",
        "The Channels contributed substantial revenue³⁹.",
    ]


def test_a_sentence_ends_at_a_page_break_with_footnotes_and_shares_the_paragraph(
    report: Document,
) -> None:
    assert _sentences_of(report, "in contacting family") == [
        "The biggest inconvenience in non-Internet users' lives caused by lack of Internet "
        "access was inconvenient shopping, which accounted for 7.6% of the total.",
        "The proportions of inconveniences, such as difficulties in consulting a doctor, "
        "registering and buying medicines, in contacting family",
        "and friends, and in running errands and paying bills were similar, with each making "
        "up between 6% and 7%.",
        "Difficulties in getting a taxi, purchasing train and plane tickets, and other "
        "inconveniences accounted for between 5% and 6%, respectively.",
    ]
    broken, resumed = (
        s
        for s in report.sentences
        if s.span.text.endswith("family") or "and friends" in s.span.text
    )
    between = report.text[broken.span.end : resumed.span.start]
    assert "²⁷ China's Ministry of Agriculture" in between
    assert broken.paragraph == resumed.paragraph


def test_a_sentence_runs_on_over_blank_lines_at_a_page_break(report: Document) -> None:
    assert _sentences_of(report, "smart connected vehicles to")[-1] == (
        "The number of netizens using smart connected vehicles to\n\n\n\n"
        "access the Internet reached 119 million."
    )
    assert _sentences_of(report, "for their")[0].endswith(
        "for their\n\n\n\nguidance for the Reports."
    )


def test_a_page_break_within_a_number_keeps_one_paragraph(report: Document) -> None:
    sentences = _sentences_of(report, "the turnover of applets exceeded RMB")
    index = sentences.index("In the third quarter, the turnover of applets exceeded RMB")
    assert sentences[index + 1] == "2 trillion, up by over ten percentage points year-on-year³⁷."


def test_no_sentence_holds_a_table_row_a_footnote_line_or_a_caption(report: Document) -> None:
    rows = [row.span for table in report.tables for row in (*table.header, *table.rows)]
    notes = [footnote.span for footnote in report.footnotes.values()]
    for sentence in report.sentences:
        span = sentence.span
        assert not any(row.start < span.end and span.start < row.end for row in rows)
        assert not any(note.start < span.end and span.start < note.end for note in notes)
        assert not span.text.startswith(("Figure ", "Table ", "Note ", "Data sources"))
    assert sum(1 for h in report.headings if h.text.startswith("Figure ")) == 33


def test_headings(report: Document) -> None:
    headings = [heading.text for heading in report.headings]
    for expected in (
        "Preface",
        "Chapter II Size and Structure of Internet Users",
        "(III) Size of Non-Internet Users",
        "2. Distribution of Usage Period of Five Apps",
        "1.1 Survey Population",
        "I. Survey Methodology",
        "Sample scale",
        "Figure 12 Urban and Rural Structure of Internet Users",
        "Table 6 Number of Domain Names in Each Province / Autonomous Region / Municipality",
    ):
        assert expected in headings
    assert not any(heading.startswith("Based on the design") for heading in headings)


def test_abbreviations_and_decimals_do_not_end_sentences() -> None:
    doc = parse_document(_read(DATA / "abbreviations.txt"))
    assert [s.span.text for s in doc.sentences] == [
        "In Dec. 2023 the firm Foo Co., Ltd. grew.",
        "It sold U.S. goods, e.g. phones, under No. 5 rules.",
        "During the Jun.18 sale it made RMB1.88 billion, up 1.108 times!",
        "Was it 3.5%?",
        "Yes.",
    ]


def test_abbreviations_in_the_news_articles() -> None:
    assert _document("001").sentences[0].span.text.startswith("BEIJING, Feb. 5 (Xinhua) --")
    assert _sentences_of(_document("001"), "U.S. dollars) in 2025") == [
        "According to the Ministry of Industry and Information Technology earlier this year, "
        "China had more than 6,000 artificial intelligence (AI) enterprises last year, while "
        "the scale of the country's core AI industry was expected to exceed 1.2 trillion yuan "
        "(about 171.39 billion U.S. dollars) in 2025."
    ]
    last = _document("001").sentences[-1].span.text
    assert last.endswith("predict audience preferences.")


def test_each_line_of_a_news_article_is_a_paragraph() -> None:
    doc = _document("002")
    assert len({s.paragraph for s in doc.sentences}) == 6
    assert doc.headings[0].text == "China records sharp rise in number of generative AI users"
    assert not any("Singapore Airshow" in s.span.text for s in doc.sentences)


def test_chinese_sentences_leave_out_page_chrome() -> None:
    doc = _document("003")
    assert [s.span.text for s in doc.sentences[:3]] == [
        "第57次《中国互联网络发展状况统计报告》今天发布。",
        "报告显示,截至2025年12月,我国网民规模达11.25亿人,互联网普及率突破80%,"
        "数字发展成果惠及更广泛群体。",
        "我国互联网事业的蓬勃发展,既为“十四五”收官交出了亮眼答卷,也为“十五五”布局奠定了坚实基础。",
    ]
    assert _sentences_of(doc, "较2024年底") == [
        "《报告》显示,截至2025年12月,生成式人工智能用户规模达6.02亿人,较2024年底增长141.7%;",
        "普及率达42.8%,同比大幅提高25.2个百分点。",
        "生成式人工智能正加速融入日常生活与生产领域,成为推动社会数字化、智能化转型的重要引擎。",
    ]
    assert doc.sentences[-1].span.text.startswith("另一方面")
    for chrome in ("当前位置", "时间:", "总台央视记者", "编辑", "本网", "Copyright"):
        assert not any(chrome in s.span.text for s in doc.sentences)
    assert [h.text for h in doc.headings] == [
        "我国网民规模达11.25亿人 互联网普及率突破80%",
        "“十四五”时期我国互联网发展向“新”向“好”",
        "“人工智能+”助力中小企业赋能文化产业出海",
    ]


def test_chinese_splits_at_full_stops_exclamations_questions_and_semicolons() -> None:
    doc = parse_document(_read(DATA / "chinese.txt"))
    assert [s.span.text for s in doc.sentences] == [
        "用户达１２３万人，增长三倍！",
        "普及率超六成？",
        "一季度增长；",
        "一成不变。",
    ]


# --- numerals ---------------------------------------------------------------------------


def test_numerals_take_separators_and_chinese_figures_but_not_marks() -> None:
    assert [span.text for span in numerals("1,108 and 16.08 of 392,386,560 in 2024.")] == [
        "1,108",
        "16.08",
        "392,386,560",
        "2024",
    ]
    assert [span.text for span in numerals("users¹⁵ grew")] == []
    assert [span.text for span in numerals(_read(DATA / "chinese.txt"))] == [
        "１２３",
        "三倍",
        "六成",
    ]
    chinese = [span.text for span in numerals(_seed_text("003"))]
    assert {"六成", "千分之三", "万分之五"} <= set(chinese)
    assert not any("季" in token or "十四五" in token for token in chinese)


LEAVE_OUT_CASES = [
    ("000", "date [2026]-02-05", "a date"),
    ("000", "the [57]th Statistical", "an ordinal"),
    ("000", "period ([2021]–2025)", "a date"),
    ("000", "people aged [60] and above", "an age label"),
    ("000", "4.838 million [5]G base", "part of a name"),
    ("000", "reached [1.125] billion", None),
    ("000", "over [10,000] graphics", None),
    ("001", "Feb. [5] (Xinhua)", "a date"),
    ("001", "a striking [141.7]-percent", None),
    ("001", "U.S. dollars) in [2025]", "a date"),
    ("002", "August [1]st Air", "an ordinal"),
    ("002", "thrilling J-[10] Aerobatics", "part of a name"),
    ("002", "from [0.3] percent", None),
    ("003", "时间:2026-02-05 16:45:[56]", "a date"),
    ("003", "第[57]次", "an ordinal"),
    ("003", "截至2025年[12]月", "a date"),
    ("003", "已建成[5]G基站", "part of a name"),
    ("003", "全国[2]/3的", None),
    ("003", "全国2/[3]的", None),
    ("003", "超[六成]", None),
    ("003", "[千分之三]", None),
    ("003", "达[11.25]亿人,", None),
    ("003", "Copyright © [1987]-2024", "page chrome"),
    ("003", "电话:[0371]-53306911", "page chrome"),
    ("003", "豫ICP备[2023003560]号", "page chrome"),
    ("003", "• [1]. 本网", "page chrome"),
    ("003", "请在[30]日内", "page chrome"),
    ("004", "69,866,752 ^{Note [1]}", "footnote mark"),
    ("004", "小红书 [10] 大搜索", "footnote number"),
    ("004", "content_[6972409].htm", "in a URL"),
    ("004", "from Dec. [2020] to Dec. 2024", "a date"),
    ("004", "As of January [9], over", "a date"),
    ("004", "is Dec [31], 2024", "a date"),
    ("004", "Core Data\t[1]", "a page number"),
    ("004", "Table [5] User Size", "a heading number"),
    ("004", "Figure [10] Netizen", "a heading number"),
    ("004", "[1.1] Survey Population", "a heading number"),
    ("004", "[2]. Distribution of Usage", "a heading number"),
    ("004", "Note [1]: The addresses", "a note number"),
    ("004", "The [55]th Statistical", "an ordinal"),
    ("004", "the [33]rd Olympic", "an ordinal"),
    ("004", "developed, [5]G and gigabit", "part of a name"),
    ("004", "the number of IPv[6] addresses", "part of a name"),
    ("004", "The number of [10]G PON", "part of a name"),
    ("004", "Financial Report Q[3] 2024 showed", "part of a name"),
    ("004", "satellite [03]", "part of a name"),
    ("004", "group [01]", "part of a name"),
    ("004", "growth of [3]C digital", "part of a name"),
    ("004", "the Jun.[18] promotion", "part of a name"),
    ("004", "the Nov.[11] promotion", "part of a name"),
    ("004", "69,148 blocks/[32]", "part of a name"),
    ("004", "28811/[32]", "part of a name"),
    ("004", "⁴² [36]Kr", "part of a name"),
    ("004", "Chengdu [51]web.com", "part of a name"),
    ("004", "between [9] am", "a time of day"),
    ("004", "and [19] pm", "a time of day"),
    ("004", "at [11]-12 pm", "a time of day"),
    ("004", "from [6] o'clock", "a time of day"),
    ("004", "aged [10]-19", "an age label"),
    ("004", "30-39 and [40]-49", "an age label"),
    ("004", "under the age of [6]", "an age label"),
    ("004", "$2^{([128]-32)}", "a formula"),
    ("004", "$0.25/[4]$", "a formula"),
    ("004", "please call [010]-59116603", "page chrome"),
    ("004", "[20]A+116B+62C", "an address equivalence"),
    ("004", "(96B+[96]C)", "an address equivalence"),
    ("004", "equivalent to [5.1]A", "an address equivalence"),
    ("004", "6972409.htm, August [19], 2024.", "a bibliographic date"),
    ("004", "Tencent's Financial Report Q3 [2024], <https", "a bibliographic date"),
    ("004", "A04DG700>, March 21, [2024]", "a bibliographic date"),
    ("004", "China had [1,108] million Internet", None),
    ("004", "was [51.1]:48.9", None),
    ("004", "was 51.1:[48.9]", None),
    ("004", "was RMB[1.88] trillion", None),
    ("004", "reached [1199] million", None),
    ("004", "CNNIC is [28811]/32", None),
    ("004", "334631\t[1300]", None),
    ("004", "reached [795.24] million", None),
    ("004", "also exceeded [800]", None),
    ("004", "vehicles with [60]-second customized", "a measure that names a kind of thing"),
    ("004", "quantity of [4]-digit random numbers", "a measure that names a kind of thing"),
    ("004", "multiplied by [7] days in a week", "part of a definition or its worked example"),
    ("004", "application for [15] minutes", "part of a definition or its worked example"),
    ("004", "DingTalk had [20]-plus product lines", None),
]


@pytest.mark.parametrize(("prefix", "marked", "reason"), LEAVE_OUT_CASES)
def test_leave_out_reason(prefix: str, marked: str, reason: str | None) -> None:
    doc = _document(prefix)
    assert leave_out_reason(doc, _token(doc, marked)) == reason


@pytest.mark.parametrize(
    ("marked", "reason"),
    [
        ("Web [3.0] arrived", "part of a name"),
        ("on 2024-10-[18]", "a date"),
        ("at [9] am", "a time of day"),
        ("Note [1]: Updated", "a note number"),
        ("1,800 ^{Note [1]}", "footnote mark"),
        ("the South had [1,800] users", None),
    ],
)
def test_leave_out_reason_in_a_tiny_document(marked: str, reason: str | None) -> None:
    doc = parse_document(_read(DATA / "table.txt"))
    assert leave_out_reason(doc, _token(doc, marked)) == reason


@pytest.mark.parametrize("caption", ["Table 2", "Tabel 2", "Chart 2", "表2"])
def test_a_numbered_caption_over_tab_separated_rows_is_a_table(caption: str) -> None:
    text = (
        f"{caption} Users by Province\n\nProvince\tUsers\nBeijing\t1,200\nOthers\t819 ^{{Note 4}}\n"
    )
    (table,) = parse_document(text).tables
    assert (table.number, table.title.text) == ("2", "Users by Province")
    assert [row.cells[0].span.text for row in table.rows] == ["Beijing", "Others"]


def test_a_caption_without_rows_under_it_is_no_table() -> None:
    assert parse_document("Figure 2 Users by Province\n\nUsers grew fast.\n").tables == ()


def test_a_texts_first_line_is_its_headline_not_a_list() -> None:
    text = (
        "China has 1.032 billion internet users, 73.0% penetration rate\n"
        "Published: Feb 25, 2022 11:27 PM\n"
        "internet companies Photo:VCG\n\n"
        "By December 2021, the number of internet users in China reached 1.032 billion.\n"
    )
    doc = parse_document(text)
    assert doc.headings[0].text == "China has 1.032 billion internet users, 73.0% penetration rate"


def test_a_line_repeating_the_one_before_is_page_debris() -> None:
    headline = "China's internet users reach record high of 1.12 billion"
    text = f"{headline}\n\nClick to Gallery\n{headline}\n{headline}\n{headline}\n"
    doc = parse_document(text)
    repeats = text.index(f"\n{headline}\n{headline}") + len(headline) + 2
    read = [*doc.headings, *(sentence.span for sentence in doc.sentences)]
    assert not [span for span in read if span.start >= repeats]
