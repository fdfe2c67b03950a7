"""The pull-request comment, read as GitHub reads it (cmark-gfm, the parser of GitHub's Markdown):
problems in plain words, grouped by file, texts shown as typed whatever they hold, and a cap."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options
from plansite.errors import REPORT_FORMAT, Problems, shortened, visible
from plansite.publishing.pull_request_comment import (
    MARKER,
    MAX_CHARACTERS,
    SHOWN,
    SHOWN_PER_FILE,
    Outcome,
    Preview,
    Report,
    Source,
    closed_comment,
    comment,
    plain,
    read_report,
)

COMMIT = "0123456789abcdef0123456789abcdef01234567"
SOURCE = Source("https://github.com", "childrens-plans/site", "update-occ-plan", COMMIT)
PASSED = Outcome("success", "https://github.com/childrens-plans/site/actions/runs/42")
FAILED = Outcome("failure", "https://github.com/childrens-plans/site/actions/runs/42")
PREVIEW = Preview(url="https://childrens-plans.example.org/previews/pr-12/")
PLAN = "data/plans/occ-business-plan-2012-13.yml"

HOSTILE = [
    "**bold** _italic_ ~~struck~~ `code` ```fenced```",
    "<img src=x onerror=alert(1)><script>alert(1)</script><b>bold</b>",
    "<!-- plansite:pull-request-report --> <details><summary>open</summary>",
    "@octocat and @childrens-plans/comms, please look",
    "fixes #12, GH-3 and childrens-plans/site#7",
    "[click me](javascript:alert(1)) ![x](https://evil.example/pixel.png) [ref]: https://evil.example",
    "https://evil.example/phish and www.evil.example and comms@evil.example",
    "emoji :smile: :+1: and a price of $5 or 5$ and $x^2$",
    "| a | b |\n|---|---|\n| c | d |",
    "# heading\n- list item\n> quote\n1. numbered\n----",
    "line one\n\n## a heading slipped in\n\n[link](https://evil.example)",
    "&lt;b&gt; &#64;octocat &amp; &copy; &#x3C;script&#x3E;",
    "\\*not bold\\* \\ back\\slash \\",
    "\u202eevil right-to-left\u200b zero width\x1b[31m red",
    "a footnote[^1]\n\n[^1]: https://evil.example",
    "````\ncode\n````" + "`" * 40,
]


class Shown(HTMLParser):
    """What a reader sees of rendered HTML: its text, its tags and its links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append(tag)
        self.links += [value for name, value in attrs if name in ("href", "src")]

    def handle_data(self, data) -> None:
        self.text.append(data)

    def handle_comment(self, data) -> None:
        self.tags.append("!--")


def rendered(markdown: str) -> Shown:
    """The Markdown as GitHub's parser makes it HTML, raw HTML let through (as GitHub lets some)."""
    out = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    shown = Shown()
    shown.feed(out)
    return shown


def seen(text: str) -> str:
    """The text a reader sees: the zero-width spaces put in after @, # and : are not seen."""
    return text.replace("\u200b", "")


@pytest.mark.parametrize("hostile", HOSTILE, ids=range(len(HOSTILE)))
def test_a_text_is_shown_as_typed(hostile):
    shown = rendered(plain(hostile))
    assert shown.tags == ["p"], shown.tags  # one paragraph: no markup, no HTML, no link, no picture
    assert shown.links == []
    assert seen("".join(shown.text)).rstrip("\n") == seen(shortened(visible(hostile)))
    words = "".join(shown.text)
    # What GitHub makes of text after parsing it: mentions, references and emoji are broken up.
    assert not re.search(r"@[A-Za-z0-9]", words) and not re.search(r"#[0-9]", words)
    assert not re.search(r":[a-z0-9_+-]+:", words)


def test_a_text_is_one_line_and_cut_in_its_middle_when_long():
    text = plain("start " + "x" * 5_000 + "\n" + " end")
    assert "\n" not in text and text.startswith("start") and text.endswith("end") and len(text) < 400


def report(*problems: tuple[str, int, str, str]) -> Report:
    collected = Problems()
    for file, line, message, hint in problems:
        collected.add(file, line, 1, message, hint)
    return read_report(json.dumps(collected.as_data()).encode())


def test_problems_are_grouped_by_file_with_where_what_and_how_to_fix():
    body = comment(
        report(
            (PLAN, 41, "unknown key 'owenr' (did you mean 'owner'?)", "rename it to 'owner'"),
            ("data/organisations.yml", 3, "the placeholder [[about]] is still here", "replace it with real text"),
            (PLAN, 7, "a title is needed", ""),
        ),
        SOURCE,
        FAILED,
        Preview(missing="the checks built no site of this commit (a problem in the data stops the build)"),
    )
    assert body.startswith(MARKER + "\n")
    assert "### 3 problems in the data" in body
    assert "form editor" in body and "web editor" in body and "commit to this branch" in body
    files = re.findall(r"^#### (.+)$", body, re.M)
    assert len(files) == 2 and "organisations" in files[0] and "occ" in files[1]  # by file, A to Z
    assert "(2 problems)" in files[1] and "(1 problem)" in files[0]
    plan_part = body[body.index(files[1]) :]
    assert plan_part.index("Line 7") < plan_part.index("Line 41")  # by line within a file
    shown = rendered(body)
    words = seen("".join(shown.text))
    assert "unknown key 'owenr' (did you mean 'owner'?) How to fix: rename it to 'owner'" in words
    assert "Line 7: a title is needed" in words
    edit = f"https://github.com/childrens-plans/site/edit/update-occ-plan/{PLAN}"
    assert edit in shown.links
    assert f"https://github.com/childrens-plans/site/blob/{COMMIT}/{PLAN}#L41" in shown.links
    assert "Preview: none for this commit: the checks built no site" in words
    assert "0123456" in words  # the commit checked, short


def test_every_link_in_the_comment_is_ours_whatever_the_problems_say():
    problems = [(f"data/plans/p{i}.yml", i + 1, hostile, hostile) for i, hostile in enumerate(HOSTILE)]
    shown = rendered(comment(report(*problems), SOURCE, FAILED, PREVIEW))
    ours = ("https://github.com/childrens-plans/site/", PREVIEW.url)
    assert shown.links and all(link.startswith(ours) for link in shown.links), shown.links
    assert set(shown.tags) <= {"h3", "h4", "p", "ul", "li", "a", "strong", "em", "!--"}, set(shown.tags)
    assert shown.tags.count("!--") == 1  # the marker, once


def test_a_file_name_that_is_not_a_path_in_the_repository_gets_no_link():
    for name in ("../../../etc/passwd", "/etc/passwd", "data/plans/a b.yml", "data/plans/x.yml?x=1", "javascript:x"):
        shown = rendered(comment(report((name, 1, "bad", "")), SOURCE, FAILED, PREVIEW))
        assert all(not link.startswith("https://github.com") or "passwd" not in link for link in shown.links)
        assert [link for link in shown.links if "/edit/" in link or "/blob/" in link] == [], name
        assert seen("".join(shown.text)).count(name.replace("\\", "")) >= 1


def test_a_branch_name_is_escaped_in_the_links():
    source = Source("https://github.com", "childrens-plans/site", "comms/fix (2) #3?", COMMIT)
    shown = rendered(comment(report((PLAN, 2, "bad", "")), source, FAILED, PREVIEW))
    assert f"https://github.com/childrens-plans/site/edit/comms%2Ffix%20%282%29%20%233%3F/{PLAN}" in shown.links


def test_a_long_list_is_cut_and_says_how_many_more():
    files = [f"data/plans/plan-{f:02d}.yml" for f in range(30)]
    problems = [(file, line, f"problem {line}", "fix it") for file in files for line in range(1, 101)]
    body = comment(report(*problems), SOURCE, FAILED, PREVIEW)
    assert len(body) <= MAX_CHARACTERS
    assert "### 3,000 problems in the data" in body
    assert len(re.findall(r"^- \[Line \d+\]", body, re.M)) == SHOWN
    assert f"and {100 - SHOWN_PER_FILE} more problems in this file" in body
    shown_files = len(re.findall(r"^#### ", body, re.M))
    assert shown_files == -(-SHOWN // SHOWN_PER_FILE)
    assert f"And {(30 - shown_files) * 100:,} more problems in {30 - shown_files} more files" in body
    assert "**Preview:**" in body  # the preview is never cut off


def test_problems_only_counted_by_the_check_are_counted_here_too():
    collected = Problems()
    for line in range(1, 1_201):  # the check keeps 1,000 of them and counts the rest
        collected.add(PLAN, line, 1, "a tab is not allowed here", "use spaces")
    body = comment(read_report(json.dumps(collected.as_data()).encode()), SOURCE, FAILED, PREVIEW)
    assert "### 1,200 problems in the data" in body and "(1,200 problems)" in body
    assert f"and {1_200 - SHOWN_PER_FILE:,} more problems in this file" in body


def test_the_longest_texts_still_fit_in_a_comment():
    worst = "@#:&<" * 2_000  # each character needs the most room once escaped
    problems = [(f"data/plans/{i}.yml", 1, worst, worst) for i in range(200)]
    body = comment(report(*problems), SOURCE, FAILED, PREVIEW)
    assert len(body) <= MAX_CHARACTERS < 65_536
    assert "more problems in" in body and "**Preview:**" in body


def test_no_problems_is_a_short_note_with_the_preview():
    body = comment(report(), SOURCE, PASSED, PREVIEW)
    assert "### No problems in the data" in body and "passed every check" in body
    assert "####" not in body and len(body) < 800
    shown = rendered(body)
    assert PREVIEW.url in shown.links
    assert "drafts" in " ".join(shown.text)


def test_no_data_problems_but_a_failed_check_says_so():
    body = comment(report(), SOURCE, FAILED, PREVIEW)
    assert "### No problems in the data" in body and "another check did not pass" in body


def test_a_report_that_could_not_be_read_says_so():
    body = comment(None, SOURCE, FAILED, Preview(missing="the checks built no site of this commit"))
    assert "### The data could not be checked" in body and "checks" in body


def test_a_preview_still_being_published_says_so():
    body = comment(report(), SOURCE, PASSED, Preview(url=PREVIEW.url, pending=True))
    assert "being published" in body and PREVIEW.url in rendered(body).links


def test_the_closed_note_says_the_preview_is_gone():
    body = closed_comment()
    assert body.startswith(MARKER) and "closed" in body and "removed" in body


GOOD = {
    "format": REPORT_FORMAT,
    "total": 1,
    "files": {PLAN: 1},
    "problems": [{"file": PLAN, "line": 2, "column": 1, "message": "m", "hint": "h"}],
}


@pytest.mark.parametrize(
    "content",
    [
        None,
        b"",
        b"not json",
        b"\xff\xfe",
        b"[1, 2]",
        json.dumps({**GOOD, "format": "other/1"}).encode(),
        json.dumps({**GOOD, "problems": "all of them"}).encode(),
        json.dumps({**GOOD, "problems": [{**GOOD["problems"][0], "line": "2"}]}).encode(),
        json.dumps({**GOOD, "problems": [{**GOOD["problems"][0], "line": True}]}).encode(),
        json.dumps({**GOOD, "problems": [{**GOOD["problems"][0], "line": -1}]}).encode(),
        json.dumps({**GOOD, "problems": [{**GOOD["problems"][0], "message": ["m"]}]}).encode(),
        json.dumps({**GOOD, "problems": [{**GOOD["problems"][0], "file": None}]}).encode(),
        json.dumps({**GOOD, "files": {PLAN: 0}}).encode(),  # fewer than it lists
        json.dumps({**GOOD, "files": {}}).encode(),
        json.dumps({**GOOD, "total": 10**12}).encode(),
        b"[" * 100_000,
        b" " * 6_000_000,
    ],
    ids=range(17),
)
def test_what_is_not_a_report_is_not_read(content):
    assert read_report(content) is None


def test_a_report_is_read():
    assert read_report(json.dumps(GOOD).encode()) == Report(
        (read_report(json.dumps(GOOD).encode()).problems[0],), 1, {PLAN: 1}
    )
    assert html.unescape(plain("a&b")) == "a&b"


def test_a_hint_copied_from_the_comment_is_what_was_typed():
    """Only a mention, an issue number or an emoji is broken up: 'title: ...' or '#contents' copy as typed."""
    hint = "add 'title: Business Plan 2025-26' here, or link to #contents or /plans/x/#aims-1"
    shown = rendered(plain(hint))
    assert "".join(shown.text).rstrip("\n") == hint
