"""The comment on a pull request: its data problems in plain words, grouped by file, and its preview.

The problems come from the pull request's own run (`./run check --report json`), which ran the
pull request's code: they are read as data that may be anything, never trusted, and every text
from them is shown as typed (no Markdown, no HTML, no @mention, no #reference, no link). Where
the files are on GitHub, the run's outcome and the preview's address come from GitHub itself.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import quote

from ..errors import REPORT_FORMAT, shortened, visible

# Found by the trusted workflow among the comments its own bot wrote, to edit it instead of adding one.
MARKER = "<!-- plansite:pull-request-report -->"
# GitHub refuses a comment longer than 65,536 characters; problems stop well before, and the rest are counted.
MAX_CHARACTERS = 60_000
SHOWN = 50
SHOWN_PER_FILE = 20
# A report larger than this did not come from the check: it is not read.
MAX_REPORT_BYTES = 5_000_000
_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# GitHub makes a mention of @name, a link to an issue of #12 and an emoji of :name:, after reading
# the Markdown: a zero-width space between the mark and what follows keeps the text as typed. Only
# there, so that "name: value" or "#contents" copied from a comment is what was typed.
_BREAKS = {"@": re.compile(r"[A-Za-z0-9-]"), "#": re.compile(r"[0-9]"), ":": re.compile(r"[A-Za-z0-9_+-]")}
_PATH = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*")
_REPOSITORY = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")
_COMMIT = re.compile(r"[0-9a-f]{40}")


@dataclass(frozen=True)
class Problem:
    """One problem of the report: where it is (file and line), what is wrong and how to fix it."""

    file: str
    line: int
    message: str
    hint: str


@dataclass(frozen=True)
class Report:
    """The problems the check found; total counts those it only counted, too."""

    problems: tuple[Problem, ...]
    total: int
    counts: dict[str, int]  # each file's problems, counted ones included


@dataclass(frozen=True)
class Source:
    """Where the checked files are on GitHub: the pull request's repository, branch and commit."""

    server: str  # https://github.com
    repository: str  # owner/name, the pull request's head repository
    branch: str
    commit: str


@dataclass(frozen=True)
class Outcome:
    """How the pull request's checks ended (GitHub's conclusion of the run) and where to see them."""

    conclusion: str
    url: str


@dataclass(frozen=True)
class Preview:
    """The preview's address (pending: published with a deployment still to come), or why there is none."""

    url: str = ""
    missing: str = ""
    pending: bool = False


FORK_PREVIEW = (
    "previews are published only for pull requests from branches of this repository; this one's site is "
    "attached to its checks as the site-preview artifact"
)


# --- Reading the report --------------------------------------------------------------------------


def read_report(content: bytes | None) -> Report | None:
    """The report the check wrote, or None where there is none or it is not one."""
    if content is None or len(content) > MAX_REPORT_BYTES:
        return None
    try:
        data = json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or data.get("format") != REPORT_FORMAT or not isinstance(data.get("problems"), list):
        return None
    problems = []
    for item in data["problems"]:
        problem = _problem(item)
        if problem is None:
            return None  # not what the check writes: none of it is shown
        problems.append(problem)
    kept: dict[str, int] = {}
    for problem in problems:
        kept[problem.file] = kept.get(problem.file, 0) + 1
    files = data.get("files")
    if not _whole(data.get("total"), 0) or not isinstance(files, dict):
        return None
    if not all(_whole(files.get(path), kept[path]) for path in kept):
        return None
    counts = {path: files[path] for path in kept}
    return Report(tuple(problems), sum(counts.values()), counts)


def _problem(item) -> Problem | None:
    if not isinstance(item, dict):
        return None
    file, line, message, hint = item.get("file"), item.get("line"), item.get("message"), item.get("hint", "")
    if not all(isinstance(text, str) for text in (file, message, hint)) or not _whole(line, 0):
        return None
    return Problem(file, line, message, hint)


def _whole(value, least: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and least <= value < 10**9


# --- Text shown as typed -------------------------------------------------------------------------


def plain(text: str) -> str:
    """Text from the data for GitHub's Markdown, shown as typed: every ASCII punctuation mark
    escaped, &, < and > as entities, a zero-width space in @name, #12 and :name:, controls and invisible
    characters written out (errors.visible), long texts cut in their middle."""
    out = []
    text = shortened(visible(text))
    for char, after in zip(text, text[1:] + " "):
        if char in _ENTITIES:
            out.append(_ENTITIES[char])
        elif char in _PUNCTUATION:
            out.append("\\" + char)
        else:
            out.append(char)
        if char in _BREAKS and _BREAKS[char].match(after):
            out.append("&#8203;")
    return "".join(out)


def _link(text: str, url: str) -> str:
    return f"[{text}]({url})" if url else text


def _file_url(source: Source, path: str) -> str:
    """GitHub's web editor on the file, on the pull request's branch; "" for a path that is not a file's."""
    if not _on_github(source, path):
        return ""
    return f"{source.server}/{source.repository}/edit/{quote(source.branch, safe='')}/{quote(path)}"


def _line_url(source: Source, path: str, line: int) -> str:
    """The line, in the commit that was checked."""
    if not (_on_github(source, path) and _COMMIT.fullmatch(source.commit)):
        return ""
    return f"{source.server}/{source.repository}/blob/{source.commit}/{quote(path)}#L{line}"


def _on_github(source: Source, path: str) -> bool:
    """Whether a link to the file can be made: a path in the repository, a repository, GitHub's address."""
    safe_path = bool(_PATH.fullmatch(path)) and ".." not in path.split("/")
    return safe_path and bool(_REPOSITORY.fullmatch(source.repository)) and source.server.startswith("https://")


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}" if number == 1 else f"{number:,} {noun}s"


# --- The comment ---------------------------------------------------------------------------------

HOW_TO_FIX = (
    "Nothing is published while these are here. To fix one, open its file in the form editor, or in "
    "GitHub's web editor (the file's name below opens it on this pull request's branch), change the line "
    "named, and commit to this branch: the checks run again and this comment is updated."
)


def comment(report: Report | None, source: Source, outcome: Outcome, preview: Preview) -> str:
    """The whole comment, in Markdown, for the commit source names."""
    commit = source.commit[:7] if _COMMIT.fullmatch(source.commit) else "?"
    checks = _link("the checks", outcome.url if outcome.url.startswith("https://") else "")
    parts = [MARKER]
    if report is None:
        parts.append("### The data could not be checked")
        parts.append(
            f"The checks of commit {commit} stopped before the data's report was made, or it could not be read. "
            f"Open {checks} to see what happened; a developer can help."
        )
    elif report.total == 0:
        parts.append("### No problems in the data")
        if outcome.conclusion == "success":
            parts.append(f"Commit {commit} passed every check ({checks}).")
        else:
            parts.append(
                f"The data of commit {commit} has no problems, but another check did not pass: open {checks} "
                "to see which; a developer can help."
            )
    else:
        parts.append(f"### {_count(report.total, 'problem')} in the data")
        parts.append(f"Found in commit {commit} ({checks}). {HOW_TO_FIX}")
        parts.append(_problems(report, source, MAX_CHARACTERS - sum(map(len, parts)) - 2_000))
    parts.append(_preview(preview))
    return "\n\n".join(parts) + "\n"


def closed_comment() -> str:
    """What the comment says once the pull request is closed: its preview has been taken down."""
    return f"{MARKER}\n\n### Pull request closed\n\nIts preview has been removed from the site.\n"


def _problems(report: Report, source: Source, room: int) -> str:
    """The problems grouped by file, as many as fit in room characters and the limits; then how many more."""
    by_file: dict[str, list[Problem]] = {}
    for problem in report.problems:
        by_file.setdefault(problem.file, []).append(problem)
    blocks: list[str] = []
    shown = used = 0
    for path in sorted(by_file):
        count = report.counts.get(path, len(by_file[path]))
        heading = f"#### {_link(plain(path), _file_url(source, path))} ({_count(count, 'problem')})"
        items: list[str] = []
        for problem in by_file[path][:SHOWN_PER_FILE]:
            item = _item(problem, source)
            if shown + len(items) >= SHOWN or used + len(heading) + sum(map(len, items)) + len(item) > room:
                break
            items.append(item)
        if not items:
            break
        shown += len(items)
        if count > len(items):
            items.append(f"- and {_count(count - len(items), 'more problem')} in this file")
        blocks.append("\n".join([heading, "", *items]))
        used += len(blocks[-1]) + 2
    left_out = sorted(by_file)[len(blocks) :]
    if left_out:
        rest = sum(report.counts.get(path, len(by_file[path])) for path in left_out)
        blocks.append(
            f"And {_count(rest, 'more problem')} in {_count(len(left_out), 'more file')}: fix the ones above "
            "first (one fix often clears many), or see them all in the log of the check's step *Check the data*."
        )
    return "\n\n".join(blocks)


def _item(problem: Problem, source: Source) -> str:
    """One problem as a list item: its line (a link to it), what is wrong, how to fix it."""
    line = _link(f"Line {problem.line}", _line_url(source, problem.file, problem.line))
    hint = f" **How to fix:** {plain(problem.hint)}" if problem.hint else ""
    return f"- {line}: {plain(problem.message)}{hint}"


def _preview(preview: Preview) -> str:
    if not preview.url.startswith("https://"):
        return f"**Preview:** none for this commit: {plain(preview.missing or 'the site was not built')}."
    link = f"[open this pull request's site]({quote(preview.url, safe=':/')})"
    when = " (it is being published and opens in a few minutes)" if preview.pending else ""
    return (
        f"**Preview:** {link}{when}, drafts and plans still to be published included. It changes at each push, "
        "is removed when the pull request closes, and search engines are asked not to index it."
    )
