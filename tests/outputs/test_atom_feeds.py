"""Feeds say what the pages say, in the same words, and stay the same size however much a plan reports."""

from __future__ import annotations

import re

from plan_files import PLAN, data_folder, load
from plansite.outputs import atom

PROJECT = """\
      - type: projects
        items:
          - id: a-project
            aims: ["1"]
            title: A project
            goals: Goals.
            performance_theme: A theme.
            performance: Performance.
            indicators: Indicators.
            articles: [12]
            updates:
"""
UPDATE = "              - date: 2025-01-{day:02d}\n                status: on-track\n                text: '{text}'\n"


def test_a_feed_summary_is_the_words_of_the_text_not_its_markdown(tmp_path) -> None:
    text = "We **met** the [youth council](/uncrc/) about Article 12."
    catalogue, problems = load(data_folder(tmp_path), PLAN + PROJECT + UPDATE.format(day=1, text=text))
    assert catalogue is not None, problems.report()
    feed = dict(atom.files(catalogue, "https://example.org/"))["feed.xml"].decode("utf-8")
    assert "<summary>On track, reported on 1 January 2025: We met the youth council about Article 12.</summary>" in feed
    assert "**" not in feed and "](/uncrc/)" not in feed


def test_every_feed_holds_the_newest_entries_only(tmp_path) -> None:
    updates = "".join(UPDATE.format(day=1 + n % 28, text=f"Update {n}.") for n in range(80))
    catalogue, problems = load(data_folder(tmp_path), PLAN + PROJECT + updates)
    assert catalogue is not None, problems.report()
    for path, content in atom.files(catalogue, "https://example.org/"):
        assert len(re.findall(r"<entry>", content.decode("utf-8"))) <= atom.ENTRIES, path
    site = dict(atom.files(catalogue, "https://example.org/"))["feed.xml"].decode("utf-8")
    assert site.count("<entry>") == atom.ENTRIES
