"""Hostile and careless data: every bad file is reported at its place with a fix, and no text can run code.

Each file in tests/fixtures/hostile/ is a small valid plan with one thing wrong. Its header says
what is wrong, what the report must say, on which line, and how it is loaded:

    # <the case> | expect: <a fragment of the message>
    # line: <the line the problem is reported on>
    # hint: <a fragment of the hint, or nothing>
    # via: read_document | catalogue

Cases that cannot be committed as text (binary, empty or huge files) are generated at test time.
"""

from __future__ import annotations

import dataclasses
import datetime
import html
import re
import shutil
import time
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plan_files import shared_cache
from plansite.catalogue import load_catalogue
from plansite.errors import DataError, Problems
from plansite.model import Plan
from plansite.read import Document, read_document, validate
from plansite.read.document import MAX_BYTES
from plansite.texts.rendering import to_html
from project import FIXTURE_DATA

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "hostile"
HEADER = re.compile(
    r"# (?P<case>.+?) \| expect: (?P<expect>.+)\n"
    r"# line: (?P<line>\d+)\n"
    r"# hint:(?P<hint>.*)\n"
    r"# via: (?P<via>read_document|catalogue)\n"
)
TIME_LIMIT = 2.0

# The plan every fixture starts from; the same text as the fixtures' body, without their header.
MINIMAL_PLAN = """\
organisation: scb
title: Hostile test plan
kind: business plan
period: "2009-10"
status: draft
summary: A small plan used to test how careless files are reported.
sections:
  - id: introduction
    title: Introduction
    blocks:
      - type: text
        text: Plain words.
"""


@dataclasses.dataclass(frozen=True)
class Case:
    """One hostile file: its bytes, and what the report must say about it."""

    name: str
    content: bytes
    expect: str
    line: int
    hint: str = ""
    via: str = "read_document"

    @property
    def display(self) -> str:
        return f"data/plans/{self.name}.yml"


def fixture_case(file: Path) -> Case:
    text = file.read_text(encoding="utf-8")
    header = HEADER.match(text)
    assert header, f"{file.name}: the header must follow the format in this module's docstring"
    return Case(
        file.stem, text.encode("utf-8"), header["expect"], int(header["line"]), header["hint"].strip(), header["via"]
    )


def _nested_block(levels: int) -> str:
    return "".join("  " * depth + f"level{depth}:\n" for depth in range(levels)) + "  " * levels + "bottom\n"


def _with_summary(summary: str) -> str:
    return MINIMAL_PLAN.replace("summary: A small plan used to test how careless files are reported.\n", summary)


NEAR_LIMIT = MAX_BYTES - 10_000  # as large as an accepted file can be: the worst case for every check

GENERATED = [
    Case("empty", b"", "the file is empty", 1, "add the data"),
    Case("blank-lines", b"\n   \n\n", "the file is empty", 1, "add the data"),
    Case(
        "invalid-utf8",
        MINIMAL_PLAN.replace("Hostile test plan", "Hostile \udcff plan").encode("utf-8", "surrogateescape"),
        "the file is not valid UTF-8 (byte 0xff)",
        2,
        "save the file as UTF-8",
    ),
    Case(
        "latin-1",
        MINIMAL_PLAN.replace("Plain words.", "Caf\u00e9 words.").encode("latin-1"),
        "the file is not valid UTF-8 (byte 0xe9)",
        12,
        "save the file as UTF-8",
    ),
    Case("utf16-with-bom", MINIMAL_PLAN.encode("utf-16"), "the file is saved as UTF-16", 1, "save it as UTF-8"),
    Case("utf16-without-bom", MINIMAL_PLAN.encode("utf-16-le"), "the file is saved as UTF-16", 1, "save it as UTF-8"),
    Case("utf8-bom", b"\xef\xbb\xbf" + MINIMAL_PLAN.encode(), "byte order mark (BOM)", 1, "without BOM"),
    Case(
        "nul-byte",
        MINIMAL_PLAN.replace("Plain words.", "Plain\x00words.").encode(),
        "control character U+0000",
        12,
        "delete it",
    ),
    Case(
        "nesting-500-flow",
        _with_summary("summary: " + "[" * 500 + "]" * 500 + "\n").encode(),
        "nested more than 30 levels deep",
        6,
        "check the indentation",
    ),
    Case(
        "nesting-500-block",
        (MINIMAL_PLAN + _nested_block(500)).encode(),
        "nested more than 30 levels deep",
        42,
        "check the indentation",
    ),
    Case(
        "five-megabytes",
        _with_summary("summary: |-\n" + "  All work and no play makes a dull plan.\n" * 125_000).encode(),
        "data files must be under 1 MB",
        1,
        "remove pasted content",
    ),
    # Texts as long as the size limit allows, shaped to make careless regular expressions take hours.
    Case(
        "long-run-of-spaces-after-less-than",
        _with_summary("summary: '<" + " " * NEAR_LIMIT + "1 then <script>'\n").encode(),
        "HTML is not allowed in text (found '<script>",
        6,
        "remove it",
    ),
    Case(
        "unclosed-brackets-before-a-link",
        _with_summary("summary: '" + "[" * NEAR_LIMIT + "] and [more](javascript:alert(1))'\n").encode(),
        "the link 'javascript:alert(1' is not allowed",
        6,
        "links must start with https://",
    ),
    Case(
        "lines-opening-brackets-before-a-reference",
        _with_summary(
            "summary: |-\n" + "  [a\n" * (NEAR_LIMIT // 5) + "  ] closes none\n  [x]: javascript:alert(1)\n"
        ).encode(),
        "the link 'javascript:alert(1)' is not allowed",
        6,
        "links must start with https://",
    ),
]

CASES = sorted((fixture_case(file) for file in FIXTURES.glob("*.yml")), key=lambda c: c.name) + GENERATED


@pytest.fixture(scope="module")
def data_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of data/, so a fixture can be added under data/plans/ and loaded with the real files."""
    data = tmp_path_factory.mktemp("site") / "data"
    shutil.copytree(FIXTURE_DATA, data)
    return data


def load(case: Case, directory: Path, data: Path) -> Problems:
    """Load a case the way the site does; only DataError may come out of load_catalogue."""
    if case.via == "catalogue":
        file = data / "plans" / f"{case.name}.yml"
        file.write_bytes(case.content)
        try:
            load_catalogue(data, preview=True, today=datetime.date(2026, 1, 1), cache=shared_cache())
        except DataError as error:
            return error.problems
        finally:
            file.unlink()
        return Problems()
    file = directory / f"{case.name}.yml"
    file.write_bytes(case.content)
    problems = Problems()
    document = read_document(file, case.display, problems)
    if document is not None:
        validate(document, Plan, problems)
    return problems


def test_minimal_plan_is_valid(tmp_path: Path, data_copy: Path) -> None:
    """Every case is this plan with one thing wrong, so this plan itself must load cleanly both ways."""
    for via in ("read_document", "catalogue"):
        case = Case("minimal", MINIMAL_PLAN.encode(), "", 0, via=via)
        assert not load(case, tmp_path, data_copy), via


def test_fixtures_are_the_minimal_plan_with_a_header() -> None:
    assert len(CASES) >= 25
    assert len({case.name for case in CASES}) == len(CASES)
    for file in FIXTURES.glob("*.yml"):
        assert file.read_bytes().startswith(b"# "), file.name


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_hostile_file_is_reported_in_place(case: Case, tmp_path: Path, data_copy: Path) -> None:
    start = time.perf_counter()
    problems = load(case, tmp_path, data_copy)
    elapsed = time.perf_counter() - start

    assert problems, f"{case.name}: no problem was reported"
    report = problems.report()
    hits = [
        p
        for p in problems.items
        if p.path == case.display and p.line == case.line and case.expect in p.message and p.hint.strip()
    ]
    assert hits, f"expected {case.display}:{case.line}: ...{case.expect}...; got:\n{report}"
    if case.hint:
        assert any(case.hint in p.hint for p in hits), f"expected a hint with {case.hint!r}; got:\n{report}"
    for problem in problems.items:
        assert problem.path == case.display, report
        assert problem.hint.strip(), f"no hint: {problem}"
        assert re.fullmatch(rf"{re.escape(case.display)}:\d+:\d+: .+; .+", str(problem)), str(problem)
    assert elapsed < TIME_LIMIT, f"{case.name} took {elapsed:.2f} s"


# --- Hostile strings in text fields ----------------------------------------------------------

HOSTILE_STRINGS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "< script>alert(1)</script>",
    "<scr<script>ipt>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><a xlink:href='javascript:alert(1)'><text>x</text></a></svg>",
    "<math><mi xlink:href='javascript:alert(1)'>x</mi></math>",
    "javascript:alert(1)",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](java\tscript:alert(1))",
    "[x](jav&#x09;ascript:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](javascript&colon;alert(1))",
    "[x](javascript\u200b:alert(1))",
    "[x](\x01javascript:alert(1))",
    "[x](data:text/html,<script>alert(1)</script>)",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](vbscript:msgbox(1))",
    "[x]( javascript:alert(1))",
    "[x](<javascript:alert(1)>)",
    '[x](javascript:alert(1) "a title")',
    "[a [nested] link](javascript:alert(1))",
    "[x][1]\n\n[1]: javascript:alert(1)",
    "[x][Ref]\n\n   [ref]:   <javascript:alert(1)>",
    "[x]\n\n[x]: javascript:alert(1)",
    "![x](javascript:alert(1))",
    '![x](https://example.org/x.png" onerror="alert(1))',
    "<javascript:alert(1)>",
    '<https://example.org/"onmouseover="alert(1)>',
    '[x](https://example.org/"onmouseover="alert(1))',
    '[x](https://example.org "t\\" onmouseover=\\"alert(1)")',
    'Words\n{: onclick="alert(1)"}',
    "# Heading {: onclick=alert(1) }",
    "<!-- <script>alert(1)</script> -->",
    '<iframe src="https://example.org"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    "<style>body { display: none }</style>",
    '<base href="https://evil.example/">',
    '<form action="https://evil.example/"><input name=q></form>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="https://example.org" onclick="alert(1)">x</a>',
    '<abbr title="x>SCB">hi</abbr>',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "`<script>alert(1)</script>`",
    "    <script>alert(1)</script>",
    "**<img src=x onerror=alert(1)>**",
    "[x](//evil.example/path)",
]

UNSAFE_TAGS = {
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "style", "base", "form",
    "meta", "link", "svg", "math", "template", "portal",
}  # fmt: skip
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset"}
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
RAW_UNSAFE_TAG = re.compile(r"<\s*/?\s*(" + "|".join(sorted(UNSAFE_TAGS)) + r")\b", re.IGNORECASE)
EVENT_ATTRIBUTE = re.compile(r"[\s/\"']on\w+\s*=", re.IGNORECASE)


def _scheme(url: str) -> str:
    """The scheme a browser would see: entities decoded, whitespace and control characters dropped."""
    cleaned = html.unescape(url)
    cleaned = "".join(ch for ch in cleaned if not ch.isspace() and unicodedata.category(ch)[0] != "C")
    match = re.match(r"([A-Za-z][A-Za-z0-9+.\-]*):", cleaned)
    return match.group(1).lower() if match else ""


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in UNSAFE_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            elif name in URL_ATTRIBUTES and value is not None:
                scheme = _scheme(value)
                if scheme and scheme not in SAFE_SCHEMES:
                    self.found.append(f"<{tag} {name}='{scheme}:...'>")
        unquoted = re.sub(r"\"[^\"]*\"|'[^']*'", "", self.get_starttag_text() or "")
        if EVENT_ATTRIBUTE.search(unquoted):
            self.found.append(f"<{tag}> with an on...= attribute")

    handle_startendtag = handle_starttag


def executable_constructs(markup: str) -> list[str]:
    """Everything in HTML that could run code or load something: unsafe tags, on...= handlers, unsafe URLs."""
    finder = _Finder()
    finder.feed(str(markup))
    finder.close()
    found = finder.found + [f"raw <{m.group(1).lower()}" for m in RAW_UNSAFE_TAG.finditer(str(markup))]
    return sorted(set(found))


KNOWN_BAD_HTML = [
    "<script>alert(1)</script>",
    "<SCRIPT>alert(1)</SCRIPT>",
    "<p><img src=x onerror=alert(1)></p>",
    "<svg onload=alert(1)>",
    "<math><mi>x</mi></math>",
    "<iframe src='https://example.org'></iframe>",
    "<object data=x></object>",
    "<embed src=x>",
    "<style>p{}</style>",
    "<base href='https://evil.example/'>",
    "<form action='/x'></form>",
    "<meta http-equiv='refresh' content='0'>",
    "<link rel=stylesheet href='https://example.org/x.css'>",
    "<a href='javascript:alert(1)'>x</a>",
    "<a href=' JaVaScRiPt:alert(1)'>x</a>",
    "<a href='jav&#x09;ascript:alert(1)'>x</a>",
    "<a href='&#106;avascript:alert(1)'>x</a>",
    "<a href='java\x00script:alert(1)'>x</a>",
    "<a href='data:text/html,x'>x</a>",
    "<a href='vbscript:x'>x</a>",
    "<p onclick='x'>hi</p>",
    "<a href='https://example.org' onmouseover=alert(1)>x</a>",
    "<a/onclick=alert(1)>x</a>",
]
KNOWN_GOOD_HTML = [
    "",
    "<p>Plain words.</p>",
    '<p>Read <a href="https://example.org/page?a=1&amp;b=2" title="javascript: the word">more</a>.</p>',
    '<a href="/plans/scb/">plan</a> <a href="#top">top</a> <a href="page.html">page</a>',
    '<a href="mailto:team@example.org">mail</a> <a href="tel:+441234567890">call</a>',
    '<a href="HTTPS://EXAMPLE.ORG">loud</a>',
    "<p>&lt;script&gt;alert(1)&lt;/script&gt; and javascript:alert(1) as text</p>",
    "<p>Go on=here, and onward.</p>",
    '<ul><li><strong>x</strong></li></ul><h3>Heading</h3><abbr title="Safeguarding Children Board">SCB</abbr>',
    "<blockquote><code>&lt;iframe&gt;</code></blockquote>",
]


@pytest.mark.parametrize("markup", KNOWN_BAD_HTML)
def test_executable_constructs_finds_known_bad_html(markup: str) -> None:
    assert executable_constructs(markup), markup


@pytest.mark.parametrize("markup", KNOWN_GOOD_HTML)
def test_executable_constructs_passes_known_good_html(markup: str) -> None:
    assert executable_constructs(markup) == [], markup


_MINIMAL_ROOT = yaml.compose(MINIMAL_PLAN)
_MINIMAL_VALUE = {
    "organisation": "scb",
    "title": "Hostile test plan",
    "kind": "business plan",
    "period": "2009-10",
    "status": "draft",
    "summary": "A small plan used to test how careless files are reported.",
    "sections": [{"id": "introduction", "title": "Introduction", "blocks": [{"type": "text", "text": "Plain words."}]}],
}


def plan_with(**fields: object) -> dict:
    """The minimal plan as loaded values, with some fields replaced."""
    value = {**_MINIMAL_VALUE, **fields}
    value["sections"] = [dict(section) for section in value["sections"]]
    return value


def validate_plan(value: dict) -> tuple[Plan | None, Problems]:
    problems = Problems()
    plan = validate(Document("data/plans/hostile.yml", value, _MINIMAL_ROOT), Plan, problems)
    return plan, problems


def test_minimal_plan_values_are_valid() -> None:
    assert yaml.safe_load(MINIMAL_PLAN) == _MINIMAL_VALUE
    plan, problems = validate_plan(plan_with())
    assert plan is not None and not problems


def _refused_as_summary(text: str) -> bool:
    plan, problems = validate_plan(plan_with(summary=text))
    for problem in problems.items:
        assert problem.hint, str(problem)
    return plan is None and any("'summary'" in p.message for p in problems.items)


@pytest.mark.parametrize("text", HOSTILE_STRINGS)
def test_hostile_string_is_refused_or_rendered_harmless(text: str) -> None:
    if _refused_as_summary(text):
        return
    rendered = to_html(text)
    assert executable_constructs(rendered) == [], rendered


@pytest.mark.parametrize("text", HOSTILE_STRINGS)
def test_hostile_string_is_harmless_even_past_the_schema(text: str) -> None:
    """The renderer is a second wall: it must hold even for text the schema would refuse."""
    terms = {"SCB": 'Safeguarding Children Board" onmouseover="alert(1)', "x": "x onmouseover=alert(1) y"}
    for rendered in (
        to_html(text),
        to_html(text, inline=True),
        to_html(text, article_href=lambda n: f"/articles/{n}/", abbreviations=terms),
    ):
        assert executable_constructs(rendered) == [], rendered


def test_there_are_enough_hostile_strings() -> None:
    assert len(HOSTILE_STRINGS) >= 30
    refused = [text for text in HOSTILE_STRINGS if _refused_as_summary(text)]
    assert len(refused) >= len(HOSTILE_STRINGS) // 2, "most hostile strings should not get past the schema"


# --- Property-based tests --------------------------------------------------------------------

PROPERTY_SETTINGS = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
YAML_PIECES = st.sampled_from(
    [
        "title", "sections", "summary", "- ", ": ", ":", "\n", "\n  ", "\n    ", "  ", " ", "\t", "#", "---", "...",
        "[", "]", "{", "}", ",", "?", "&a ", "*a", "!!str ", "!!python/object:os.system ", "! ", "<<: ", "|", ">-",
        "'", '"', "\\", "%YAML 1.1\n", "~", "null", "yes", "012", "1:20", "2012-13-01", "\u00a0", "\u200b",
        "\u202e", "\ufeff", "\x07", "\x00", "\r\n", "\u2028", "é", "“", "”", "<script>", "[x](javascript:)",
    ]
)  # fmt: skip
yaml_ish = st.lists(YAML_PIECES, max_size=40).map("".join)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("random")


def _read_random(scratch: Path, content: bytes) -> None:
    file = scratch / "random.yml"
    file.write_bytes(content)
    problems = Problems()
    document = read_document(file, "data/plans/random.yml", problems)
    assert document is None or isinstance(document, Document)
    if document is None:
        assert problems, "a file that cannot be read must say why"
    for problem in problems.items:
        assert re.fullmatch(r"data/plans/random\.yml:\d+:\d+: .+; .+", str(problem), re.DOTALL), str(problem)
        assert problem.line >= 1 and problem.column >= 1


@PROPERTY_SETTINGS
@given(text=st.text())
def test_random_text_files_never_raise(scratch: Path, text: str) -> None:
    _read_random(scratch, text.encode("utf-8", "surrogatepass"))


@PROPERTY_SETTINGS
@given(text=yaml_ish)
def test_random_yaml_ish_files_never_raise(scratch: Path, text: str) -> None:
    _read_random(scratch, text.encode("utf-8"))
    _read_random(scratch, (MINIMAL_PLAN + text).encode("utf-8"))


@PROPERTY_SETTINGS
@given(content=st.binary(max_size=200))
def test_random_bytes_never_raise(scratch: Path, content: bytes) -> None:
    _read_random(scratch, content)


TEXT_FIELDS = ["title", "subtitle", "period", "summary", "source", "yp_title", "yp_summary", "yp_get_involved",
               "section_title", "block_title", "block_text"]  # fmt: skip
MARKDOWN_PIECES = st.sampled_from(
    [
        "<", ">", "/", "script", "img", "svg", "a", " href=", " src=", " onerror=", "javascript", "JaVaScRiPt", ":",
        "data:text/html,", "vbscript:", "alert(1)", "[", "]", "(", ")", "![", "](", "]: ", "&#", "x09;", "106;",
        "&lt;", "&colon;", "\"", "'", "`", " ", "\n", "\n\n", "\t", "    ", "{: ", "}", "*", "_", "#", "<!--", "-->",
        "https://example.org", "mailto:x@example.org", "Article 12", "SCB", "\u200b", "\x00", "é",
    ]
)  # fmt: skip
hostile_markdown = st.one_of(st.text(), st.lists(MARKDOWN_PIECES, max_size=30).map("".join))


def _plan_from(texts: dict[str, str]) -> dict:
    block = {"type": "text", "title": texts["block_title"], "text": texts["block_text"]}
    section = {"id": "introduction", "title": texts["section_title"], "blocks": [block]}
    young_people = {
        "title": texts["yp_title"],
        "summary": texts["yp_summary"],
        "get_involved": texts["yp_get_involved"],
    }
    fields = {name: texts[name] for name in ("title", "subtitle", "period", "summary", "source")}
    return plan_with(**fields, young_people=young_people, sections=[section])


def _rendered_harmless(text: str) -> None:
    for rendered in (to_html(text), to_html(text, inline=True, abbreviations={"SCB": "Safeguarding Children Board"})):
        assert executable_constructs(rendered) == [], (text, rendered)


@PROPERTY_SETTINGS
@given(texts=st.fixed_dictionaries({name: hostile_markdown for name in TEXT_FIELDS}))
def test_random_text_in_every_field_never_raises_or_runs(texts: dict[str, str]) -> None:
    plan, problems = validate_plan(_plan_from(texts))
    for problem in problems.items:
        assert re.fullmatch(r"data/plans/hostile\.yml:\d+:\d+: .+; .+", str(problem), re.DOTALL), str(problem)
    if plan is not None:
        young = plan.young_people
        block = plan.sections[0].blocks[0]
        for text in (plan.title, plan.subtitle, plan.period, plan.summary, plan.source, young.title, young.summary,
                     young.get_involved, plan.sections[0].title, block.title, block.text):  # fmt: skip
            _rendered_harmless(text)


@PROPERTY_SETTINGS
@given(text=hostile_markdown)
def test_random_markdown_is_refused_or_rendered_harmless(text: str) -> None:
    plan, _ = validate_plan(plan_with(summary=text))
    if plan is not None:
        _rendered_harmless(plan.summary)
    # Whatever the schema says, the renderer alone must not let anything executable through.
    assert executable_constructs(to_html(text)) == [], text
