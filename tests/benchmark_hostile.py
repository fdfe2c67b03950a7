"""Figures for hostile input: run with `.venv/bin/python tests/benchmark_hostile.py`. Prints, asserts nothing.

How long the worst files the checks accept or refuse take to read, check and render, in CPU
seconds (the median of three runs), so a slow path shows up as a number rather than a flaky test.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tests"))

from plansite.errors import Problems  # noqa: E402
from plansite.model import Plan  # noqa: E402
from plansite.read import read_document, validate  # noqa: E402
from plansite.texts.rendering import rendered, to_html  # noqa: E402
from test_hostile import MINIMAL_PLAN  # noqa: E402
from test_hostile_files import SLOW_PATHS  # noqa: E402


def cpu(action, repeat: int = 3) -> float:
    """The median CPU time of an action, each run starting with no text rendered yet (prose.rendered's cache)."""
    times = []
    for _ in range(repeat):
        rendered.cache_clear()
        start = time.process_time()
        action()
        times.append(time.process_time() - start)
    return statistics.median(times)


def check(folder: Path, text: str) -> Problems:
    file = folder / "plan.yml"
    file.write_text(text, encoding="utf-8")
    problems = Problems()
    document = read_document(file, "data/plans/plan.yml", problems)
    if document is not None:
        validate(document, Plan, problems)
    return problems


def main() -> None:
    texts = [(path + " " + "Plain words. " * 300).replace("'", "''") for path in SLOW_PATHS]
    slow = MINIMAL_PLAN + "".join(
        f"      - type: text\n        text: '{texts[i % len(texts)]}'\n"
        for i in range(int(950_000 // (sum(map(len, texts)) / len(texts) + 40)))
    )
    cases = {
        "valid 1 MB plan of Markdown's slow paths": slow,
        "60,000 unknown keys (0.95 MB)": MINIMAL_PLAN + "".join(f"unknown{i}: x\n" for i in range(60_000)),
        "900,000 tabs in one text": MINIMAL_PLAN.replace("Plain words.", "Plain" + "\t" * 900_000 + "words."),
        "a thousand '- ' in one text": MINIMAL_PLAN.replace("Plain words.", "'" + "- " * 1000 + "x'"),
        "19,000 characters after 150 unclosed '['": MINIMAL_PLAN.replace(
            "Plain words.", "'" + "[" * 150 + "a" * 19_000 + "'"
        ),
    }
    with tempfile.TemporaryDirectory() as folder:
        print(f"{'case':<45} {'read+check s':>12} {'problems':>9} {'report lines':>13}")
        for name, text in cases.items():
            seconds = cpu(lambda text=text: check(Path(folder), text))
            problems = check(Path(folder), text)
            print(f"{name:<45} {seconds:>12.2f} {len(problems):>9,} {len(problems.report().splitlines()):>13}")
    blocks = slow.count("type: text")
    per_text = cpu(lambda: [to_html(t) for t in texts]) / len(texts)
    print(
        f"rendering every text of the slow-path plan: {per_text * blocks:.2f} s ({blocks} texts, "
        f"{per_text * 1000:.1f} ms each)"
    )
    mentions = "Articles " + ", ".join(["12"] * 1900) + "."
    block = f"      - type: text\n        articles: [12]\n        text: '{mentions}'\n"
    count = 950_000 // len(block)
    with tempfile.TemporaryDirectory() as folder:
        seconds = cpu(lambda: check(Path(folder), MINIMAL_PLAN + block * count))
    per_text = cpu(lambda: to_html(mentions, article_href=lambda n: f"../uncrc/article-{n}/"))
    print(
        f"a 1 MB plan of {count} texts of 1,900 article mentions: read+check {seconds:.2f} s, rendering every text "
        f"with its article links {per_text * count:.2f} s ({per_text * 1000:.1f} ms each)"
    )


if __name__ == "__main__":
    main()
